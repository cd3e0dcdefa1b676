"""Where things live and what the environment says: every path and every environment variable
the desk reads comes from here (paths through platformdirs). The other layers ask these
functions; the domain reads no environment at all.

Environment variables:

``FIAC_PRESS_DESK_DB``          the database (file path or SQLAlchemy URL) without ``--db``
``FIAC_PRESS_DESK_DATA_DIR``    the user data directory (the database file lives there)
``FIAC_PRESS_DESK_CONFIG_DIR``  the user configuration directory (the window's settings)
``LC_ALL``, ``LC_MESSAGES``, ``LANG``  the system's language (the command line speaks French
                                 when it is French, English otherwise; ``--lang`` chooses)

The first three say *where* the desk's files are (a database on another disk, a test's own
folders), the way ``--db`` does on the command line and File > Open in the window: places,
not preferences. Preferences a person sets (their name, the time zone, the language of the
window) are in the window's Preferences dialog and nowhere in the environment
(``workstation.py``, ``ui/settings.py``).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from fiac_press_desk import APP_ID, ORG_NAME

if TYPE_CHECKING:
    from zoneinfo import ZoneInfo

    from platformdirs import PlatformDirs

DB_ENV = "FIAC_PRESS_DESK_DB"
DATA_DIR_ENV = "FIAC_PRESS_DESK_DATA_DIR"
CONFIG_DIR_ENV = "FIAC_PRESS_DESK_CONFIG_DIR"
LANGUAGE_ENVS = ("LC_ALL", "LC_MESSAGES", "LANG")
DB_FILENAME = "press-desk.sqlite3"


def dirs() -> PlatformDirs:
    """The platform's user directories for the desk."""
    from platformdirs import PlatformDirs  # only when a path is asked: `--help` never is

    return PlatformDirs(APP_ID, ORG_NAME)


def data_dir() -> Path:
    """The user data directory (made, owner-only, if missing)."""
    path = Path(os.environ.get(DATA_DIR_ENV) or dirs().user_data_dir)
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path


def config_dir() -> Path:
    """The user configuration directory (not made: the settings file's writer makes it)."""
    return Path(os.environ.get(CONFIG_DIR_ENV) or dirs().user_config_dir)


def backup_dir() -> Path:
    """The desk's own backups folder (made readable by its owner only on first use)."""
    path = data_dir() / "backups"
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path


def default_database_path() -> Path:
    """The database file when neither ``--db`` nor the environment names one."""
    return data_dir() / DB_FILENAME


def resolve_database_url(db: str | None = None, chosen: str | None = None) -> str:
    """`--db` wins, then the environment variable, then ``chosen`` (the shared database the
    window was told to use, File > Shared database…), then the file in the user data
    directory.

    The value may be a file path or an SQLAlchemy URL (anything with ``://``).
    """
    value = db or os.environ.get(DB_ENV) or chosen or str(default_database_path())
    if "://" in value:
        if not value.startswith("sqlite"):  # only a server's URL can carry a password
            # (the check imports SQLAlchemy: not for a file, whose window asks here before
            # its database layer is imported in the background)
            from fiac_press_desk.storage.shared_database import refuse_password_in_url

            refuse_password_in_url(value)  # a shared database's password is in the keyring
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


def desk_timezone() -> ZoneInfo:
    """The desk's time zone: the one set in the Preferences (``workstation.time_zone``), else
    Europe/Paris (also when it names no zone this machine knows)."""
    from fiac_press_desk import workstation
    from fiac_press_desk.domain.enquiry import timezone_from

    return timezone_from(workstation.time_zone())


def login_name() -> str:
    """The system's login name ("" when there is none, in some sandboxes)."""
    import getpass

    try:
        return getpass.getuser()
    except Exception:  # no login name and no USER/LOGNAME variable
        return ""


def system_language() -> str:
    """French ("fr") when the system speaks it (the first of LC_ALL, LC_MESSAGES, LANG set,
    as the C library reads them), else "en"."""
    for name in LANGUAGE_ENVS:
        value = os.environ.get(name, "")
        if value:
            return "fr" if value.lower().startswith("fr") else "en"
    return "en"


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


def child_environment(**extra: str) -> dict[str, str]:
    """The environment for a program the desk runs (pg_dump), with ``extra`` added: a
    password goes there, never on a command line that every user can list."""
    return {**os.environ, **extra}
