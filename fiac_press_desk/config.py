"""Where things live: every path comes from here (platformdirs), and so does the database URL."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import PlatformDirs

from fiac_press_desk import APP_ID, ORG_NAME

DB_ENV = "FIAC_PRESS_DESK_DB"
DB_FILENAME = "press-desk.sqlite3"


def dirs() -> PlatformDirs:
    return PlatformDirs(APP_ID, ORG_NAME)


def data_dir() -> Path:
    path = Path(os.environ.get("FIAC_PRESS_DESK_DATA_DIR") or dirs().user_data_dir)
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path


def default_database_path() -> Path:
    return data_dir() / DB_FILENAME


def backup_dir() -> Path:
    path = data_dir() / "backups"
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path


def resolve_database_url(db: str | None = None) -> str:
    """`--db` wins, then the environment variable, then the file in the user data directory.

    The value may be a file path or an SQLAlchemy URL (anything with ``://``).
    """
    value = db or os.environ.get(DB_ENV) or str(default_database_path())
    if "://" in value:
        return value
    path = Path(value).expanduser().resolve()
    return f"sqlite:///{path}"


def sqlite_path(url: str) -> Path | None:
    """The file behind an SQLite URL, or None for other databases and in-memory ones."""
    if not url.startswith("sqlite"):
        return None
    _, _, rest = url.partition(":///")
    rest = rest.split("?")[0]
    if not rest or rest == ":memory:":
        return None
    return Path(rest)


def resources_dir() -> Path:
    """Icons, translations and the desktop entry: beside the package in a checkout, inside it
    once installed."""
    checkout = Path(__file__).resolve().parents[1] / "resources"
    if checkout.is_dir():
        return checkout
    from importlib.resources import files

    return Path(str(files("fiac_press_desk.resources")))


# Limits the press officer will meet.
MAX_ATTACHMENT_BYTES = 15 * 1024 * 1024
