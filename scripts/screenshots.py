"""Render every page and dialog of the window with demo data to PNG files.

    python scripts/screenshots.py OUT_DIR [--lang fr|en ...] [--size 1280x800 ...]
                                  [--contacts 60] [--no-dialogs]

French at 1280x800 by default; give ``--lang`` and ``--size`` several times for every
combination (each in ``OUT_DIR/<lang>-<size>/``, or straight in OUT_DIR for a single one).
Works headless (``QT_QPA_PLATFORM=offscreen`` is set when no display is there). The demo
database and the window settings live in a temporary folder: nothing of the user's is touched.
An empty database is rendered too (every page), for the "nothing here yet" states.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def _size(text: str) -> tuple[int, int]:
    width, _, height = text.lower().partition("x")
    return int(width), int(height)


def _screen_config(folder: Path, width: int, height: int) -> str:
    """An offscreen platform whose screen is ``width`` x ``height``: Qt sizes a new dialog to
    at most two thirds of the screen, and the offscreen default (800x600) clipped dialogs
    that a real screen of that size shows whole."""
    path = folder / f"screen-{width}x{height}.json"
    screen = {"name": "shots", "x": 0, "y": 0, "width": width, "height": height}
    screen |= {"logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}
    path.write_text(json.dumps({"windowFrameMargins": False, "screens": [screen]}))
    return f"offscreen:configfile={path}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("--lang", choices=("fr", "en"), action="append")
    parser.add_argument("--size", type=_size, action="append")
    parser.add_argument("--contacts", type=int, default=60)
    parser.add_argument("--no-dialogs", action="store_true")
    parser.add_argument("--one", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    langs = args.lang or ["fr"]
    sizes = args.size or [(1280, 800)]
    if args.one:
        return _render(args.out, langs[0], sizes[0], args.contacts, not args.no_dialogs)
    headless = not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY")
    status = 0
    with tempfile.TemporaryDirectory(prefix="press-desk-screens-") as tmp:
        for lang in langs:
            for width, height in sizes:
                single = len(langs) == 1 and len(sizes) == 1
                out = args.out if single else args.out / f"{lang}-{width}x{height}"
                env = dict(os.environ)
                if headless:
                    env["QT_QPA_PLATFORM"] = _screen_config(Path(tmp), width, height)
                command = [sys.executable, __file__, str(out), "--one", "--lang", lang]
                command += ["--size", f"{width}x{height}", "--contacts", str(args.contacts)]
                command += ["--no-dialogs"] if args.no_dialogs else []
                status |= subprocess.run(command, env=env, check=False).returncode
    return status


def _render(out: Path, lang: str, size: tuple[int, int], contacts: int, dialogs: bool) -> int:
    """One language at one size, in this process (its screen set by the caller)."""
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    written: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="press-desk-shots-") as tmp:
        os.environ["FIAC_PRESS_DESK_CONFIG_DIR"] = str(Path(tmp) / "config")
        os.environ["FIAC_PRESS_DESK_DATA_DIR"] = str(Path(tmp) / "data")
        from PySide6.QtCore import QSize

        from fiac_press_desk.services import Services
        from fiac_press_desk.services.demo import fill
        from fiac_press_desk.ui import i18n
        from fiac_press_desk.ui.screenshots import application, render_all

        app = application()
        i18n.install(lang)
        demo_db = Path(tmp) / "demo" / "press-desk.sqlite3"
        services = Services.open(f"sqlite:///{demo_db}")
        # The dashboard reads the real clock: the demo enquiries are placed around it too.
        fill(services, contacts, now=datetime.now(UTC))
        screen = QSize(*size)
        written += render_all(services, out, label=str(demo_db), size=screen, dialogs=dialogs)
        services.close()
        empty_db = Path(tmp) / "empty" / "press-desk.sqlite3"
        services = Services.open(f"sqlite:///{empty_db}")
        written += render_all(
            services, out, label=str(empty_db), prefix="empty-", extras=False, size=screen
        )
        services.close()
        del app
    for path in written:
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
