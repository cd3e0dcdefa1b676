"""Install (or remove) the desk's menu entry and icon for the current Linux user.

    python scripts/install_desktop_entry.py                      # the built folder, dist/
    python scripts/install_desktop_entry.py --exec /opt/fiac-press-desk/fiac-press-desk
    python scripts/install_desktop_entry.py --uninstall

Writes ``~/.local/share/applications/fiac-press-desk.desktop`` (``resources/``'s entry with
``Exec`` and ``TryExec`` pointing at the program) and the icons into the hicolor theme
(``~/.local/share/icons/hicolor/<size>/apps/``), then refreshes the menu's caches when the
tools are there. ``XDG_DATA_HOME`` moves it all, as the XDG specification says.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RES = ROOT / "resources"
APP_ID = "fiac-press-desk"
SIZES = (16, 24, 32, 48, 64, 128, 256)


def data_home() -> Path:
    return Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")


def entry_text(program: Path) -> str:
    """The desktop entry with ``Exec``/``TryExec`` set to ``program`` (quoted if needed)."""
    quoted = f'"{program}"' if " " in str(program) else str(program)
    lines = []
    for line in (RES / f"{APP_ID}.desktop").read_text(encoding="utf-8").splitlines():
        if line.startswith("Exec="):
            line = f"Exec={quoted}"
        elif line.startswith("TryExec="):
            line = f"TryExec={program}"
        lines.append(line)
    return "\n".join(lines) + "\n"


def targets(home: Path) -> list[tuple[Path, Path]]:
    """(source, destination) of every icon file."""
    icons = home / "icons" / "hicolor"
    pairs = [
        (
            RES / "icons" / f"{APP_ID}-{size}.png",
            icons / f"{size}x{size}" / "apps" / f"{APP_ID}.png",
        )
        for size in SIZES
    ]
    pairs.append((RES / "icons" / f"{APP_ID}.svg", icons / "scalable" / "apps" / f"{APP_ID}.svg"))
    return pairs


def refresh(home: Path) -> None:
    for command in (
        ["update-desktop-database", str(home / "applications")],
        ["gtk-update-icon-cache", "-q", "-t", str(home / "icons" / "hicolor")],
    ):
        if shutil.which(command[0]):
            subprocess.run(command, check=False)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--exec",
        dest="program",
        default=str(ROOT / "dist" / APP_ID / APP_ID),
        help="the program the entry starts (default: the folder scripts/build_app.py built)",
    )
    parser.add_argument("--uninstall", action="store_true", help="remove the entry and icons")
    args = parser.parse_args(argv)
    home = data_home()
    entry = home / "applications" / f"{APP_ID}.desktop"
    if args.uninstall:
        for path in [entry, *(dest for _src, dest in targets(home))]:
            path.unlink(missing_ok=True)
        refresh(home)
        print(f"removed {entry} and the icons")
        return 0
    program = Path(args.program).resolve()
    if not program.is_file():
        parser.error(f"{program}: no such program (build it first: python scripts/build_app.py)")
    entry.parent.mkdir(parents=True, exist_ok=True)
    entry.write_text(entry_text(program), encoding="utf-8")
    for source, dest in targets(home):
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, dest)
    refresh(home)
    print(f"installed {entry} -> {program}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
