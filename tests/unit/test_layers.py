"""The Qt-free layers stay Qt-free (DESIGN.md): checked on the source, import by import."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "fiac_press_desk"
QT_FREE = [
    *("domain", "storage", "services", "interchange"),
    *("cli.py", "config.py", "workstation.py"),
]
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


# What reading and writing contacts through the services means for interchange: no SQL.
SQL_MODULES = ("sqlalchemy", "fiac_press_desk.storage")


def test_interchange_builds_no_sql() -> None:
    """Files in and out go through the services: an import of SQLAlchemy or of storage (the
    ORM tables, the database), or a Session, engine or connection reached for, is a
    format module building its own SQL."""
    offenders = []
    for path in sorted((PACKAGE / "interchange").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        where = path.relative_to(PACKAGE)
        for line, module in _imports(path):
            if module.startswith(SQL_MODULES):
                offenders.append(f"{where}:{line} imports {module}")
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and node.attr in ("db", "engine", "session"):
                offenders.append(f"{where}:{node.lineno} reaches .{node.attr}")
    assert offenders == []


def test_only_config_reads_the_environment() -> None:
    """Every environment variable is read in config.py (the domain reads none)."""
    offenders = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path == PACKAGE / "config.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            name = node.attr if isinstance(node, ast.Attribute) else getattr(node, "id", None)
            if name in ("environ", "getenv", "environb", "putenv"):
                offenders.append(f"{path.relative_to(PACKAGE)}:{node.lineno} reads {name}")
    assert offenders == []
