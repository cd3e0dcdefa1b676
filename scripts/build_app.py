"""Build the self-contained application (one folder) with PyInstaller.

    python scripts/build_app.py            # -> dist/fiac-press-desk/fiac-press-desk[.exe]

The same spec (``packaging/fiac-press-desk.spec``) on Linux and on Windows. Needs the
``build`` extra (``pip install -e ".[build]"``). Compiles the translations first (a .qm
left stale would ship), makes the Windows icon from the PNGs, builds, then prints the
folder's size. ``scripts/install_desktop_entry.py`` then installs the menu entry on Linux.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "packaging" / "fiac-press-desk.spec"


def windows_icon() -> None:
    """A multi-size .ico from the PNGs (Qt's ico writer; nothing to install)."""
    from PySide6.QtGui import QGuiApplication, QImage

    target = ROOT / "packaging" / "build" / "fiac-press-desk.ico"
    target.parent.mkdir(parents=True, exist_ok=True)
    _app = QGuiApplication.instance() or QGuiApplication(["build"])
    image = QImage(str(ROOT / "resources" / "icons" / "fiac-press-desk-256.png"))
    if not image.save(str(target), "ICO"):
        print("build_app: no .ico written (the exe keeps the default icon)", file=sys.stderr)


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def _timed_lines(command: list[str], env: dict[str, str]) -> dict[str, float]:
    """Seconds from the start of ``command`` to each line it prints (first word)."""
    start = time.perf_counter()
    seen: dict[str, float] = {}
    with subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env
    ) as proc:
        assert proc.stdout is not None
        for line in proc.stdout:
            word = (line.split() or [""])[0]
            seen.setdefault(word, time.perf_counter() - start)
    seen["exit"] = time.perf_counter() - start
    return seen


def measure(program: list[str], databases: list[Path], runs: int = 5) -> None:
    """Best of ``runs``: ``--version``, and the window to its first paint and to its base
    opened and checked (``--startup-probe``, offscreen), for each database."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    best = min(_timed_lines([*program, "--version"], env)["exit"] for _ in range(runs))
    print(f"{' '.join(program)}: --version {best:.2f} s")
    for db in databases:
        times = [
            _timed_lines([*program, "--db", str(db), "--startup-probe"], env) for _ in range(runs)
        ]
        painted = min(t.get("painted", float("inf")) for t in times)
        checked = min(t.get("checked", float("inf")) for t in times)
        print(
            f"  {db.name}: first window painted {painted:.2f} s, "
            f"base open and checked {checked:.2f} s"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", default=str(ROOT / "dist"), help="where the folder goes")
    parser.add_argument("--work", default=str(ROOT / "build"), help="PyInstaller's work folder")
    parser.add_argument(
        "--measure",
        nargs="*",
        metavar="DB",
        help="do not build: time the built folder (and `python -m fiac_press_desk`) on these "
        "databases",
    )
    args = parser.parse_args(argv)
    folder = Path(args.dist) / "fiac-press-desk"
    if args.measure is not None:
        dbs = [Path(p) for p in args.measure]
        print(f"{folder}: {folder_size(folder) / 1e6:.0f} MB")
        measure([str(folder / "fiac-press-desk")], dbs)
        measure([sys.executable, "-m", "fiac_press_desk"], dbs)
        return 0
    subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "update_translations.py")], check=True, cwd=ROOT
    )
    if sys.platform == "win32":
        windows_icon()
    start = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--clean",
            "--log-level=WARN",
            "--distpath",
            args.dist,
            "--workpath",
            args.work,
            str(SPEC),
        ],
        check=True,
        cwd=ROOT,
    )
    size = folder_size(folder)
    print(
        f"built {folder} in {time.perf_counter() - start:.0f} s: {size / 1e6:.0f} MB, "
        f"{sum(1 for p in folder.rglob('*') if p.is_file())} files"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
