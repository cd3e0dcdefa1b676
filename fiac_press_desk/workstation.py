"""Who works at this workstation, and the preferences the command line needs as much as the
window: the user's name (the author of audit entries, enquiry notes and sends), the desk's
time zone, the lawful basis given to new contacts.

They live in ``workstation.json`` in the user configuration directory, not in the window's
QSettings file: the command line never imports Qt, and QSettings' INI format is Qt's own
(percent-encoded keys, ``@Variant`` values, its own quoting), so reading it without Qt would
be a guess. A small JSON file, written whole (temporary file, then renamed) and readable by
its owner only, is read the same way by both. The window's Preferences dialog writes it
through ``save``; a value missing or damaged falls back to its default.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
import tempfile
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from typing import Any

from fiac_press_desk.config import config_dir, login_name
from fiac_press_desk.domain.enquiry import DEFAULT_TIMEZONE
from fiac_press_desk.domain.enums import LawfulBasis

FILENAME = "workstation.json"
MAX_NAME = 120


@dataclass(frozen=True)
class Workstation:
    """The preferences of this workstation; an empty ``user_name`` means "the system's"."""

    user_name: str = ""
    time_zone: str = DEFAULT_TIMEZONE
    default_lawful_basis: str = LawfulBasis.LEGITIMATE_INTEREST.value


def path() -> Path:
    """The preferences file (it may not exist yet)."""
    return config_dir() / FILENAME


_cache: tuple[tuple[str, int, int], Workstation] | None = None


def load() -> Workstation:
    """The saved preferences (re-read only when the file changed: the audit asks often)."""
    global _cache
    where = path()
    try:
        info = where.stat()
    except OSError:
        return Workstation()
    key = (str(where), info.st_mtime_ns, info.st_size)
    if _cache is not None and _cache[0] == key:
        return _cache[1]
    try:
        raw = json.loads(where.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return Workstation()
    found = _clean(raw if isinstance(raw, dict) else {})
    _cache = (key, found)
    return found


def _clean(raw: dict[str, Any]) -> Workstation:
    default = Workstation()
    values: dict[str, str] = {}
    for f in fields(Workstation):
        value = raw.get(f.name)
        values[f.name] = value.strip() if isinstance(value, str) else getattr(default, f.name)
    if values["default_lawful_basis"] not in {b.value for b in LawfulBasis}:
        values["default_lawful_basis"] = default.default_lawful_basis
    values["user_name"] = values["user_name"][:MAX_NAME]
    return Workstation(**values)


def save(preferences: Workstation) -> None:
    """Write the preferences whole: a crash leaves the old file or the new one, never half."""
    global _cache
    where = path()
    where.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    text = json.dumps(asdict(_clean(asdict(preferences))), ensure_ascii=False, indent=2)
    fd, temporary = tempfile.mkstemp(prefix=".workstation-", dir=where.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(text + "\n")
        os.chmod(temporary, 0o600)
        os.replace(temporary, where)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    _cache = None


def update(**changes: str) -> Workstation:
    """Change some preferences, keep the others; the new whole."""
    changed = replace(load(), **changes)
    save(changed)
    return load()


def system_full_name() -> str:
    """The login's full name as the system knows it ("" when it knows none): the GECOS field
    on Unix, the display name on Windows. Never the name of the superuser account."""
    name = _windows_display_name() if sys.platform == "win32" else _gecos_name()
    return name if name.lower() not in SUPERUSERS else ""


def _gecos_name() -> str:
    try:
        import pwd

        gecos = pwd.getpwuid(os.getuid()).pw_gecos
    except (ImportError, KeyError, OSError, AttributeError):
        return ""
    # "Hélène Lefèvre,Bureau 12,+33 1..." : the first field is the full name
    return gecos.split(",")[0].strip()


def _windows_display_name() -> str:  # pragma: no cover - Windows only
    import ctypes

    name_display = 3  # EXTENDED_NAME_FORMAT.NameDisplay
    size = ctypes.c_ulong(0)
    try:
        secur32 = ctypes.windll.secur32  # type: ignore[attr-defined]
        secur32.GetUserNameExW(name_display, None, ctypes.byref(size))
        if not size.value:
            return ""
        buffer = ctypes.create_unicode_buffer(size.value)
        if not secur32.GetUserNameExW(name_display, buffer, ctypes.byref(size)):
            return ""
        return str(buffer.value).strip()
    except (AttributeError, OSError):
        return ""


SUPERUSERS = ("root", "administrator", "administrateur", "admin")


def default_user_name() -> str:
    """Who works here when the preferences name nobody: the system's full name, else the
    login name (the last resort), never a superuser's account name: then the machine's name
    (the window asks for a name at start in that case, ``ui/first_run.py``)."""
    login = login_name()
    if system_full_name():
        return system_full_name()
    if login and login.lower() not in SUPERUSERS:
        return login
    import socket

    return socket.gethostname() or "?"


def knows_the_name() -> bool:
    """A person's name is known (set in the Preferences, or the system's full name)."""
    return bool(load().user_name or system_full_name())


def user_name() -> str:
    """The author of what this workstation writes: the name in the preferences, else the
    system's full name, else the login name."""
    return load().user_name or default_user_name()


def time_zone() -> str:
    """The IANA name of the desk's time zone (Europe/Paris unless the preferences say)."""
    return load().time_zone or DEFAULT_TIMEZONE


def default_lawful_basis() -> LawfulBasis:
    """The lawful basis proposed for new contacts (the form, the import)."""
    return LawfulBasis(load().default_lawful_basis)
