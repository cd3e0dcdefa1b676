"""Opening a database: engine, migrations (with a backup first), sessions and transactions."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.exc import DatabaseError as SADatabaseError
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from fiac_press_desk.config import sqlite_path
from fiac_press_desk.domain.errors import DatabaseError, DatabaseTooNewError
from fiac_press_desk.storage import search as _search  # noqa: F401  (registers the flush hook)
from fiac_press_desk.storage.dialect import DialectAdapter, adapter_for
from fiac_press_desk.storage.shared_database import connectable_url

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).parent / "migrations"
# The newest migration's revision. Opening a file already there reads one row and imports no
# alembic (a third of a second of every launch); test_migrations checks it is alembic's head.
HEAD_REVISION = "0008"

# Called (no arguments) before a database is opened and whenever a connection is taken from
# its pool: every session, transaction or raw connection. The window installs one that
# refuses its GUI thread (ui/thread_guard.py); storage itself stays Qt-free and unaware.
_access_hooks: list[Callable[[], None]] = []


def add_access_hook(hook: Callable[[], None]) -> Callable[[], None]:
    """Call ``hook`` before every use of any database; returns the function that removes it."""
    _access_hooks.append(hook)
    return lambda: _access_hooks.remove(hook) if hook in _access_hooks else None


def _accessing(*_args: object) -> None:
    for hook in list(_access_hooks):
        hook()


def note_access(*_args: object) -> None:
    """Run the access hooks for a connection made outside a ``Database`` (the window's
    connection test, ``shared_connection.probe``): the GUI-thread guard sees it too."""
    _accessing()


def alembic_config(url: str) -> Config:
    """Alembic's configuration for ``url``, run in-process (no alembic.ini to ship)."""
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


def head_revision() -> str:
    """The newest schema revision this application knows (from the migration scripts)."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config("sqlite://")).get_current_head()
    assert head is not None
    return head


class Database:
    """One open database: an engine, its dialect adapter and a session factory."""

    def __init__(self, url: str, *, migrate: bool = True, backup_before_migrate: bool = True):
        _accessing()
        self.url = url
        self.path = sqlite_path(url)
        self.backup_path: Path | None = None
        if self.path is not None:
            self._prepare_file(self.path)
            # Read before the engine's first connection sets WAL: a corrupt, foreign or newer
            # file must be refused without a byte of it changing.
            inspect_sqlite_file(self.path)
        self.engine: Engine = create_engine(connectable_url(url), future=True)
        event.listen(self.engine, "checkout", _accessing)
        self.adapter: DialectAdapter = adapter_for(self.engine.dialect.name)
        self.adapter.configure(self.engine)
        self.sessions = sessionmaker(self.engine, expire_on_commit=False)
        try:
            if migrate:
                self.migrate(backup_before_migrate)
        except Exception:
            self.engine.dispose()
            raise

    @staticmethod
    def _prepare_file(path: Path) -> None:
        if path.is_dir():
            raise DatabaseError(f"{path}: is a directory, not a database file")
        if path.exists():
            if not os.access(path, os.R_OK):
                raise DatabaseError(f"{path}: cannot be read (permission denied)")
            _owner_only(path)
            return
        if not path.parent.is_dir():
            try:
                path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            except OSError as exc:
                raise DatabaseError(f"{path.parent}: cannot create ({exc.strerror})") from exc
        # Personal data: the file is created readable by its owner only.
        try:
            fd = os.open(path, os.O_CREAT | os.O_WRONLY, 0o600)
        except OSError as exc:
            raise DatabaseError(f"{path}: cannot create ({exc.strerror})") from exc
        os.close(fd)

    # -- schema -----------------------------------------------------------------------------

    def current_revision(self) -> str | None:
        """The schema revision of the open database (None: empty)."""
        from alembic.runtime.migration import MigrationContext

        with self.engine.connect() as conn:
            return MigrationContext.configure(conn).get_current_revision()

    def migrate(self, backup_before_migrate: bool = True) -> None:
        """Bring the schema to the head revision, backing the file up first; a newer or
        foreign database is refused untouched."""
        if self.path is not None:
            current, has_tables = inspect_sqlite_file(self.path)
            if current == HEAD_REVISION:
                return  # every launch but the first after an update: alembic stays unloaded
        from alembic import command
        from alembic.runtime.migration import MigrationContext
        from alembic.script import ScriptDirectory

        cfg = alembic_config(self.url)
        script = ScriptDirectory.from_config(cfg)
        head = script.get_current_head()
        if self.path is None:
            try:
                with self.engine.connect() as conn:
                    current = MigrationContext.configure(conn).get_current_revision()
                    has_tables = bool(inspect(conn).get_table_names())
            except (SADatabaseError, OperationalError) as exc:
                raise DatabaseError(f"{self.url}: not a readable database ({exc.orig})") from exc
        if current == head:
            return
        if current is not None:
            try:
                script.get_revision(current)
            except Exception:
                raise DatabaseTooNewError(
                    f"{self.path or self.url}: schema version {current} is newer than this "
                    f"application (knows up to {head}); update FIAC Press Desk to open it."
                ) from None
        elif has_tables:
            raise DatabaseError(f"{self.path or self.url}: not a FIAC Press Desk database")
        if current is not None and backup_before_migrate and self.path is not None:
            self.backup_path = self._backup_before_migration(current)
        with self.engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")

    def _backup_before_migration(self, current: str) -> Path:
        assert self.path is not None
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        target = self.path.with_name(f"{self.path.name}.before-{current}-{stamp}.bak")
        self.backup_to(target)
        return target

    # -- sessions ---------------------------------------------------------------------------

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A read-only unit of work (nothing is committed)."""
        with self.sessions() as session:
            yield session

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One transaction: committed at the end, rolled back whole on any error."""
        with self.sessions() as session, session.begin():
            yield session

    # -- files ------------------------------------------------------------------------------

    def backup_to(self, target: Path) -> Path:
        """A consistent copy of an SQLite database (online backup API), owner-readable only."""
        if self.path is None:
            raise DatabaseError("backup is only available for SQLite database files")
        import sqlite3

        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(target.name + ".part")
        if tmp.exists():
            tmp.unlink()
        fd = os.open(tmp, os.O_CREAT | os.O_WRONLY, 0o600)
        os.close(fd)
        source = sqlite3.connect(self.path)
        try:
            dest = sqlite3.connect(tmp)
            try:
                source.backup(dest)
            finally:
                dest.close()
        finally:
            source.close()
        os.replace(tmp, target)
        return target

    def dispose(self) -> None:
        """Close every pooled connection (the file may then be moved or deleted)."""
        self.engine.dispose()


def inspect_sqlite_file(path: Path) -> tuple[str | None, bool]:
    """Schema revision and whether any table exists, read through a read-only connection.

    Raises DatabaseError for a file SQLite cannot read (corrupt, random bytes, locked).
    """
    import sqlite3

    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise DatabaseError(f"{path}: cannot be opened ({exc})") from exc
    try:
        tables = {
            row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        }
        revision = None
        if "alembic_version" in tables:
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            revision = str(row[0]) if row else None
    except sqlite3.DatabaseError as exc:
        raise DatabaseError(f"{path}: not a readable database ({exc})") from exc
    finally:
        conn.close()
    # An empty alembic_version table is ours, at no revision yet (or stepped back to base).
    others = {t for t in tables if t != "alembic_version" and not t.startswith("sqlite_")}
    return revision, bool(others)


def _owner_only(path: Path) -> None:
    """Take group and other permissions off a database file the user owns."""
    try:
        info = path.stat()
        if info.st_uid == os.getuid() and info.st_mode & 0o077:
            path.chmod(info.st_mode & 0o700)
    except (OSError, AttributeError):  # no getuid on Windows; a share may refuse chmod
        pass
