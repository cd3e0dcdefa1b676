"""The Qt-free layers stay Qt-free (DESIGN.md): checked on the source, import by import."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "fiac_press_desk"
QT_FREE = ["domain", "storage", "services", "interchange", "cli.py", "config.py"]
FORBIDDEN = ("PySide6", "shiboken6", "fiac_press_desk.ui")


def _imports(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.append((node.lineno, node.module))
    return found


def test_no_qt_below_ui() -> None:
    offenders = []
    files: list[Path] = []
    for part in QT_FREE:
        target = PACKAGE / part
        files += [target] if target.is_file() else sorted(target.rglob("*.py"))
    assert files
    for path in files:
        for line, module in _imports(path):
            if module.startswith(FORBIDDEN):
                offenders.append(f"{path.relative_to(PACKAGE)}:{line} imports {module}")
    assert offenders == []


def test_cli_runs_without_qt(tmp_path: Path) -> None:
    import subprocess
    import sys

    code = (
        "import sys; from fiac_press_desk.app import main; "
        f"rc = main(['--db', {str(tmp_path / 'x.db')!r}, 'demo', '--contacts', '3']); "
        "assert not any(m.startswith('PySide6') for m in sys.modules), 'Qt imported'; "
        "sys.exit(rc)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
