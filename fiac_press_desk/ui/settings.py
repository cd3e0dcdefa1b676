"""Window preferences that survive a restart (QSettings, one INI file per user).

The file sits in the user configuration directory given by platformdirs, so a test that points
``XDG_CONFIG_HOME`` (or ``FIAC_PRESS_DESK_CONFIG_DIR``) elsewhere never sees the real one.
Everything is stored under plain keys; a missing or damaged value falls back to the default.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QSettings

from fiac_press_desk.config import config_dir

LANGUAGES = ("fr", "en")
DEFAULT_LANGUAGE = "fr"


def settings_path() -> Path:
    return config_dir() / "settings.ini"


def settings() -> QSettings:
    """A fresh handle on the settings file (cheap; QSettings caches the file per path)."""
    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    return QSettings(str(path), QSettings.Format.IniFormat)


def language() -> str:
    value = str(settings().value("ui/language", DEFAULT_LANGUAGE) or DEFAULT_LANGUAGE)
    return value if value in LANGUAGES else DEFAULT_LANGUAGE


def set_language(value: str) -> None:
    store = settings()
    store.setValue("ui/language", value if value in LANGUAGES else DEFAULT_LANGUAGE)
    store.sync()


def save_state(key: str, state: QByteArray | bytes) -> None:
    """Geometry, splitter or header state blobs as Qt produces them."""
    store = settings()
    store.setValue(f"state/{key}", QByteArray(state))
    store.sync()


def load_state(key: str) -> QByteArray | None:
    value: Any = settings().value(f"state/{key}")
    if isinstance(value, QByteArray) and not value.isEmpty():
        return value
    if isinstance(value, bytes | bytearray) and value:
        return QByteArray(bytes(value))
    return None


def save_value(key: str, value: object) -> None:
    store = settings()
    store.setValue(key, value)
    store.sync()


def load_value(key: str, default: str = "") -> str:
    value = settings().value(key, default)
    return default if value is None else str(value)


# -- the database the window opens (File > Shared database…, issue 14) -------------------------

SHARED_DATABASE_KEY = "database/shared"  # the shared database's URL, never with a password
LOCAL_DATABASE_KEY = "database/local"  # the local file to go back to from it


def shared_database() -> str:
    """The shared database the window opens without ``--db`` ("" for the local file); a
    value that is not a usable PostgreSQL URL without a password is ignored."""
    value = load_value(SHARED_DATABASE_KEY).strip()
    if not value:
        # Asked before the window is built: the check below imports SQLAlchemy (0.45 s on
        # the GUI thread, before the frame), which a desk on its own file need not wait for.
        return ""
    from fiac_press_desk.domain.errors import DatabaseError
    from fiac_press_desk.storage.shared_database import is_postgresql, refuse_password_in_url

    if not is_postgresql(value):
        return ""
    try:
        refuse_password_in_url(value)
    except (DatabaseError, ValueError):
        return ""
    return value


def set_shared_database(url: str, local_url: str = "") -> None:
    """Open ``url`` from now on ("": the local file again); ``local_url`` is the file the
    window leaves, to come back to."""
    store = settings()
    if url:
        store.setValue(SHARED_DATABASE_KEY, url)
    else:
        store.remove(SHARED_DATABASE_KEY)
    if local_url:
        store.setValue(LOCAL_DATABASE_KEY, local_url)
    store.sync()


def local_database() -> str:
    """The local file to go back to: the one left for a shared database, else the default."""
    from fiac_press_desk.config import default_database_path, resolve_database_url, sqlite_path

    value = load_value(LOCAL_DATABASE_KEY).strip()
    if value and sqlite_path(value) is not None:
        return value
    url = resolve_database_url()  # FIAC_PRESS_DESK_DB when it names a file
    if sqlite_path(url) is not None:
        return url
    return resolve_database_url(str(default_database_path()))
