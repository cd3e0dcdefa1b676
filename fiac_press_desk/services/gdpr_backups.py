"""Which backups still hold a person, and until when.

An erasure cannot reach into the copies: the desk's backups folder (``config.backup_dir()``)
and the copies made beside the database before each migration (``*.before-<rev>-<time>.bak``)
keep the person until they are deleted. The erasure names them, each with the date it should
be gone by, so the DPO can answer "and your backups?" (CNIL: backups are not restored
without erasing the person again, and age out on their own).

Each file is opened read-only and asked for the person by their UID or one of their email
addresses, so a backup made before they came in is not named.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from fiac_press_desk.services.backups import parse
from fiac_press_desk.services.gdpr_register import add_months

# Without the rotation's own answer (services/backups.py, backup_rotation.py: 7 daily,
# 4 weekly, 12 monthly): a backup that survives as a monthly one is gone at most this many
# months after it was made.
ROTATION_MONTHS = 12
_SUFFIXES = (".sqlite3", ".sqlite", ".db", ".bak")


@dataclass(frozen=True)
class BackupHolding:
    """A backup file that still holds the person."""

    path: Path
    taken_at: datetime  # the file's modification time (UTC)
    rotates_out_by: datetime | None  # None: no rotation deletes it, it goes by hand
    rotated: bool  # in the rotated backups folder (True) or a copy made before a migration


def backup_files(database_path: Path | None, backup_folder: Path | None) -> list[Path]:
    """The backup files the desk knows of: its backups folder, and the pre-migration copies
    beside the database file."""
    found: list[Path] = []
    if backup_folder is not None and backup_folder.is_dir():
        found += sorted(
            p for p in backup_folder.iterdir() if p.is_file() and p.suffix.lower() in _SUFFIXES
        )
    if database_path is not None and database_path.parent.is_dir():
        found += sorted(database_path.parent.glob(f"{database_path.name}.before-*.bak"))
    return list(dict.fromkeys(found))


def holding(
    files: Iterable[Path],
    backup_folder: Path | None,
    uid: str,
    email_keys: Iterable[str],
    rotates_out_by: Callable[[Path], datetime | None] | None = None,
) -> list[BackupHolding]:
    """The files among ``files`` that hold a contact with this UID or one of these emails.

    ``rotates_out_by`` is the rotation's answer for a file (``BackupService.rotates_out_by``:
    None for a file the rotation does not manage, a copy put in the folder by hand); without
    it, a file of the folder is taken to go within the longest window (ROTATION_MONTHS).
    """
    keys = sorted(set(email_keys))
    out: list[BackupHolding] = []
    for path in files:
        if not _holds(path, uid, keys):
            continue
        taken = datetime.fromtimestamp(path.stat().st_mtime, UTC)
        in_folder = backup_folder is not None and path.parent == backup_folder
        until: datetime | None = None
        if in_folder and rotates_out_by is not None:
            until = rotates_out_by(path)
            parsed = parse(path)
            if parsed is not None:
                taken = parsed.taken_at
        elif in_folder:
            until = add_months(taken, ROTATION_MONTHS)
        out.append(
            BackupHolding(
                path=path, taken_at=taken, rotates_out_by=until, rotated=until is not None
            )
        )
    return out


def _holds(path: Path, uid: str, email_keys: list[str]) -> bool:
    try:
        # immutable: read the file as it is, write nothing beside it (no -wal, no -shm)
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
    except sqlite3.Error:
        return False
    try:
        if uid and conn.execute("SELECT 1 FROM contacts WHERE uid = ? LIMIT 1", (uid,)).fetchone():
            return True
        for start in range(0, len(email_keys), 500):
            chunk = email_keys[start : start + 500]
            marks = ", ".join("?" * len(chunk))
            sql = f"SELECT 1 FROM contact_emails WHERE value_key IN ({marks}) LIMIT 1"
            if conn.execute(sql, chunk).fetchone():
                return True
        return False
    except sqlite3.Error:  # not a desk database, or a damaged one: it holds no one we can see
        return False
    finally:
        conn.close()
