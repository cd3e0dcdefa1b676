"""The desk's automatic backups: once a day at start, before every import, merge, erasure,
move and restore, in the data folder's ``backups/`` (``config.backup_dir()``), rotated 7
daily / 4 weekly / 12 monthly (``backup_rotation``); restoring one; the quick integrity check
at start.

A backup is a consistent copy made through SQLite's online backup API
(``Database.backup_to``), named ``<database>-<hash>-<UTC time>-<reason>.sqlite3``: the hash
of the database file's full path keeps the backups of two databases in one folder apart
(each lists, rotates and restores its own). The name carries the time, so copying the folder
elsewhere does not change a backup's age.

The functions taking a path work without an open database: a damaged file cannot be opened,
yet the window offers it the latest good backup.
"""

from __future__ import annotations

import hashlib
import os
import re
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy.exc import DatabaseError as SADatabaseError

from fiac_press_desk.config import backup_dir, desk_timezone
from fiac_press_desk.domain.errors import DatabaseError, PressDeskError
from fiac_press_desk.services.backup_erasures import carry_over, erased_in
from fiac_press_desk.services.backup_rotation import RotationPolicy, expires_by, to_delete
from fiac_press_desk.services.base import ServiceBase

REASONS = ("daily", "import", "merge", "erasure", "move", "restore", "manual")
_STAMP = "%Y%m%dT%H%M%S-%f"
_NAME = re.compile(
    r"^(?P<prefix>.+-[0-9a-f]{8})-(?P<stamp>\d{8}T\d{6}-\d{6})Z-(?P<reason>[a-z]+)\.sqlite3$"
)
COUNTED = ("contacts", "releases", "enquiries")
PART_MAX_AGE_S = 3600


class BackupError(PressDeskError):
    """A backup could not be written or restored (disk full, folder read-only, bad file)."""


@dataclass(frozen=True)
class BackupFile:
    """One automatic backup of one database, as its name tells."""

    path: Path
    taken_at: datetime  # UTC
    reason: str


@dataclass(frozen=True)
class BackupInfo:
    """A backup with what it holds, for the restore dialog."""

    path: Path
    taken_at: datetime
    reason: str
    size: int
    contacts: int | None  # None: the file cannot be read (damaged)
    releases: int | None
    enquiries: int | None

    @property
    def readable(self) -> bool:
        """The file reads as a database (a damaged one is listed, not restorable)."""
        return self.contacts is not None


def prefix_of(database: Path) -> str:
    """The start of the names of ``database``'s backups."""
    digest = hashlib.sha256(str(database.resolve()).encode("utf-8")).hexdigest()[:8]
    return f"{database.stem}-{digest}"


def parse(path: Path) -> BackupFile | None:
    """The backup a file name describes, or None for any other file."""
    found = _NAME.match(path.name)
    if found is None:
        return None
    taken = datetime.strptime(found["stamp"], _STAMP).replace(tzinfo=UTC)
    return BackupFile(path, taken, found["reason"])


def backups_of(database: Path, folder: Path) -> list[BackupFile]:
    """The automatic backups of ``database`` in ``folder``, newest first."""
    if not folder.is_dir():
        return []
    prefix = prefix_of(database)
    found = [
        b
        for p in folder.iterdir()
        if p.name.startswith(prefix) and (b := parse(p)) is not None and b.path.is_file()
    ]
    return sorted(found, key=lambda b: b.taken_at, reverse=True)


def read_only(path: Path) -> sqlite3.Connection:
    """A connection that reads the file as it is and writes nothing beside it."""
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)


def counts(path: Path) -> dict[str, int] | None:
    """Contacts, releases and enquiries in a backup; None when it cannot be read."""
    try:
        conn = read_only(path)
    except sqlite3.Error:
        return None
    try:
        return {t: int(conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]) for t in COUNTED}
    except sqlite3.Error:
        return None
    finally:
        conn.close()


def quick_check_file(path: Path) -> list[str]:
    """SQLite's ``quick_check`` of a file, read-only (empty: sound). O(N) in the file's size
    but without the index cross-checks of ``integrity_check``."""
    try:
        conn = read_only(path)
    except sqlite3.Error as exc:
        return [str(exc)]
    try:
        return [str(r[0]) for r in conn.execute("PRAGMA quick_check").fetchall() if r[0] != "ok"]
    except sqlite3.Error as exc:
        return [str(exc)]
    finally:
        conn.close()


def latest_good(database: Path, folder: Path) -> BackupFile | None:
    """The newest backup of ``database`` that reads and checks clean."""
    for backup in backups_of(database, folder):
        if not quick_check_file(backup.path):
            return backup
    return None


def copy_into(source: Path, target: Path) -> None:
    """Write the database ``source`` over ``target`` through the backup API: one transaction
    on ``target``, so a reader sees the old base or the new, never a mixture."""
    try:
        src = read_only(source)
    except sqlite3.Error as exc:
        raise BackupError(f"{source}: cannot be read ({exc})") from exc
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
        finally:
            dst.close()
    except sqlite3.Error as exc:
        raise BackupError(f"{source}: cannot be restored to {target} ({exc})") from exc
    finally:
        src.close()


def restore_damaged(database: Path, backup: Path) -> Path:
    """Put ``backup`` in place of a damaged database file that cannot be opened: the damaged
    file (and its journal) are kept aside, renamed, never deleted. Returns the damaged copy."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    aside = database.with_name(f"{database.name}.damaged-{stamp}")
    for suffix in ("", "-wal", "-shm"):
        part = database.with_name(database.name + suffix)
        if part.exists():
            os.replace(part, aside.with_name(aside.name + suffix))
    fd = os.open(database, os.O_CREAT | os.O_WRONLY, 0o600)
    os.close(fd)
    copy_into(backup, database)
    return aside


@dataclass(frozen=True)
class RestoreResult:
    """What a restore did: the backup of the base it replaced, the people erased again."""

    saved: Path
    erased_again: int


class BackupService(ServiceBase):
    """Backups of this database; ``folder`` and ``policy`` are the preferences' (defaults:
    ``config.backup_dir()``, 7/4/12)."""

    folder: Path | None = None
    policy: RotationPolicy = RotationPolicy()
    # Called with the reason when a backup is written.
    on_backup: Callable[[Path, str], None] | None = None
    # The hub hands the erasure: a restore erases again whoever was erased since the backup.
    erase_again: Callable[[list[int]], object] | None = None

    def configure(self, folder: Path | None = None, policy: RotationPolicy | None = None) -> None:
        """Where backups go and how many are kept (the preferences dialog sets these)."""
        self.folder = folder
        if policy is not None:
            self.policy = policy

    def backup_folder(self) -> Path:
        """The folder of the backups (made, owner-only, on first use)."""
        if self.folder is not None:
            self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
            return self.folder
        return backup_dir()

    def available(self) -> bool:
        """Backups are the desk's own for an SQLite file (a shared server keeps its own)."""
        return self.db.path is not None

    # -- taking -------------------------------------------------------------------------------

    def before(self, reason: str) -> Path | None:
        """A backup before a write that is hard to take back (``reason``: import, merge,
        erasure, move, restore), then the rotation. None when the database is not a file."""
        if not self.available():
            return None
        return self.take(reason)

    def daily(self, now: datetime | None = None) -> Path | None:
        """The day's backup, at start: taken unless one of this database exists for today."""
        if not self.available():
            return None
        assert self.db.path is not None
        now = now or datetime.now(UTC)
        zone = desk_timezone()
        today = now.astimezone(zone).date()
        for backup in backups_of(self.db.path, self.backup_folder()):
            if backup.taken_at.astimezone(zone).date() == today:
                return None
        return self.take("daily", now)

    def take(self, reason: str, now: datetime | None = None) -> Path:
        """Write a backup now and rotate; raises BackupError (the write it guards is then
        not made: better no import than one without its safety copy)."""
        if reason not in REASONS:
            raise ValueError(f"unknown backup reason {reason!r}")
        assert self.db.path is not None
        now = now or datetime.now(UTC)
        folder = self.backup_folder()
        name = f"{prefix_of(self.db.path)}-{now.astimezone(UTC).strftime(_STAMP)}Z-{reason}"
        target = folder / f"{name}.sqlite3"
        try:
            self.db.backup_to(target)
        except (OSError, sqlite3.Error, DatabaseError) as exc:
            raise BackupError(f"{target}: the backup could not be written ({exc})") from exc
        self.rotate(now)
        if self.on_backup is not None:
            self.on_backup(target, reason)
        return target

    # -- rotation -----------------------------------------------------------------------------

    def files(self) -> list[BackupFile]:
        """This database's backups, newest first."""
        if self.db.path is None:
            return []
        return backups_of(self.db.path, self.backup_folder())

    def rotate(self, now: datetime | None = None) -> list[Path]:
        """Delete the backups no rotation rule keeps; returns them."""
        now = now or datetime.now(UTC)
        self._sweep_parts()
        found = self.files()
        doomed = to_delete([b.taken_at for b in found], now, self.policy, desk_timezone())
        deleted: list[Path] = []
        for i in doomed:
            try:
                found[i].path.unlink()
                deleted.append(found[i].path)
            except OSError:  # gone already, or locked by a program reading it: next time
                pass
        return deleted

    def _sweep_parts(self) -> None:
        """A copy cut short (the desk killed while writing it) leaves its ``.part``: gone once
        an hour old (a younger one may be another window's backup on its way)."""
        if self.db.path is None:
            return
        limit = datetime.now(UTC).timestamp() - PART_MAX_AGE_S
        for part in self.backup_folder().glob(f"{prefix_of(self.db.path)}-*.sqlite3.part"):
            try:
                if part.stat().st_mtime < limit:
                    part.unlink()
            except OSError:
                pass

    def rotates_out_by(self, path: Path, now: datetime | None = None) -> datetime | None:
        """By when the rotation deletes this backup at the latest; None for a file that is
        not one of this database's automatic backups."""
        now = now or datetime.now(UTC)
        found = self.files()
        for i, backup in enumerate(found):
            if backup.path == path:
                times = [b.taken_at for b in found]
                return expires_by(i, times, now, self.policy, desk_timezone())
        return None

    # -- listing and restoring -----------------------------------------------------------------

    def all(self) -> list[BackupInfo]:
        """This database's backups, newest first, with what each holds."""
        out: list[BackupInfo] = []
        for backup in self.files():
            held = counts(backup.path)
            try:
                size = backup.path.stat().st_size
            except OSError:
                continue  # rotated away meanwhile
            out.append(
                BackupInfo(
                    backup.path,
                    backup.taken_at,
                    backup.reason,
                    size,
                    held["contacts"] if held else None,
                    held["releases"] if held else None,
                    held["enquiries"] if held else None,
                )
            )
        return out

    def restore(self, backup: Path) -> RestoreResult:
        """Put ``backup`` in place of the open database, after a backup of its current state
        (restoring that one takes the restore back). The schema is then brought up to date
        (a backup from an older version is migrated like any file), and whoever was erased
        since the backup was taken is erased again (``backup_erasures``)."""
        if self.db.path is None:
            raise BackupError("restoring is only available for a database file")
        if quick_check_file(backup):
            raise BackupError(f"{backup}: this backup is damaged and cannot be restored")
        with self.db.session() as session:
            erased = erased_in(session)
        current = self.take("restore")
        self.db.dispose()
        copy_into(backup, self.db.path)
        self.db.dispose()
        self.db.migrate(backup_before_migrate=False)
        with self.transaction() as session:
            again = carry_over(session, erased)
            self.audit(
                session,
                "restore",
                "database",
                None,
                backup=backup.name,
                saved=current.name,
                erased_again=len(again),
            )
        if again and self.erase_again is not None:
            self.erase_again(again)
        return RestoreResult(current, len(again))

    def replace_damaged(self, backup: Path) -> Path:
        """Put ``backup`` in place of the open database found damaged: no backup of it is
        taken (a damaged copy would push a good one out of the rotation); the file itself
        is kept aside, renamed (returned). The schema is then brought up to date."""
        if self.db.path is None:
            raise BackupError("restoring is only available for a database file")
        if quick_check_file(backup):
            raise BackupError(f"{backup}: this backup is damaged and cannot be restored")
        self.db.dispose()
        try:
            aside = restore_damaged(self.db.path, backup)
        except OSError as exc:
            raise BackupError(f"{self.db.path}: cannot be replaced ({exc.strerror})") from exc
        self.db.dispose()
        self.db.migrate(backup_before_migrate=False)
        with self.transaction() as session:
            self.audit(session, "restore", "database", None, backup=backup.name, damaged=aside.name)
        return aside

    # -- integrity ----------------------------------------------------------------------------

    def quick_check(self) -> list[str]:
        """SQLite's ``quick_check`` on the open database (empty: sound); nothing to check on
        another server."""
        if self.db.path is None:
            return []
        try:
            with self.db.engine.connect() as conn:
                rows = conn.exec_driver_sql("PRAGMA quick_check").fetchall()
        except SADatabaseError as exc:  # so damaged that the check itself cannot run
            return [str(exc.orig)]
        return [str(r[0]) for r in rows if r[0] != "ok"]
