"""Render every main view of the window with demo data to PNG files (French by default).

    python scripts/screenshots.py OUT_DIR [--lang fr|en] [--contacts 60]

Works headless (``QT_QPA_PLATFORM=offscreen`` is set when no display is there). The demo
database and the window settings live in a temporary folder: nothing of the user's is touched.
An empty database is rendered too, for the "no contacts yet" state.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("--lang", choices=("fr", "en"), default="fr")
    parser.add_argument("--contacts", type=int, default=60)
    args = parser.parse_args(argv)
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory(prefix="press-desk-shots-") as tmp:
        os.environ["FIAC_PRESS_DESK_CONFIG_DIR"] = str(Path(tmp) / "config")
        os.environ["FIAC_PRESS_DESK_DATA_DIR"] = str(Path(tmp) / "data")
        from fiac_press_desk.services import Services
        from fiac_press_desk.services.demo import fill
        from fiac_press_desk.ui import i18n
        from fiac_press_desk.ui.screenshots import application, render_all

        app = application()
        i18n.install(args.lang)
        demo_db = Path(tmp) / "demo" / "press-desk.sqlite3"
        services = Services.open(f"sqlite:///{demo_db}")
        # The dashboard reads the real clock: the demo enquiries are placed around it too.
        fill(services, args.contacts, now=datetime.now(UTC))
        written = render_all(services, args.out, label=str(demo_db))
        services.close()
        empty_db = Path(tmp) / "empty" / "press-desk.sqlite3"
        services = Services.open(f"sqlite:///{empty_db}")
        written += render_all(
            services,
            args.out,
            label=str(empty_db),
            prefix="empty-",
            pages=["contacts"],
            extras=False,
        )
        services.close()
        del app
    for path in written:
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
