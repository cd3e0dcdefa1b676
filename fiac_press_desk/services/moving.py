"""Moving a whole desk to another database (issue 14): a local file into a shared PostgreSQL
database (``move-to postgresql://…``), and back to a local file (``move-to desk.sqlite3``).

Every table is copied row for row with its ids (history, audit log, import batches, sending
ledger), in foreign-key order, in one transaction on the target: a failure leaves the target
as it was. The target must be empty (no table, or the desk's schema with no row); it is
migrated to the same revision first. Afterwards every table's count is compared, and on
PostgreSQL each id sequence is moved past the highest id copied (new rows must not collide).
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import nullcontext
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Table, func, inspect, select, text

from fiac_press_desk.domain.errors import DatabaseError
from fiac_press_desk.storage.database import Database
from fiac_press_desk.storage.models import Base

CHUNK = 5000  # rows read and written at a time: memory stays flat at 100k contacts


@dataclass
class MoveReport:
    """What was copied: rows per table, all verified equal on both sides."""

    target: str
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def rows(self) -> int:
        """Rows copied in all."""
        return sum(self.counts.values())


def _tables() -> list[Table]:
    return list(Base.metadata.sorted_tables)


def refuse_non_empty(target: Database) -> None:
    """DatabaseError unless ``target`` holds no row of any table (the alembic version
    aside): a move never mixes two desks."""
    with target.engine.connect() as conn:
        names = set(inspect(conn).get_table_names())
        for table in _tables():
            if table.name not in names:
                continue
            if conn.execute(select(func.count()).select_from(table)).scalar():
                raise DatabaseError(
                    f"{_shown(target.url)}: not empty (table {table.name} has rows); "
                    "a desk moves only into an empty database"
                )
        foreign = names - {t.name for t in _tables()} - {"alembic_version"}
        foreign = {n for n in foreign if not n.startswith(("contacts_fts", "sqlite_"))}
        if foreign:
            raise DatabaseError(
                f"{_shown(target.url)}: holds other tables ({', '.join(sorted(foreign))}); "
                "a desk moves only into an empty database"
            )


def move_desk(
    source: Database,
    target_url: str,
    progress: Callable[[str, int], None] | None = None,
) -> MoveReport:
    """Copy every row of ``source`` into the empty database at ``target_url``; the counts,
    verified. DatabaseError (nothing written) when the target is not empty or differs."""
    target = Database(target_url, migrate=False)
    try:
        refuse_non_empty(target)
        if target.current_revision() != source.current_revision():
            target.migrate(backup_before_migrate=False)
        if target.current_revision() != source.current_revision():
            raise DatabaseError(
                f"{_shown(target_url)}: schema {target.current_revision()} differs from the "
                f"desk's {source.current_revision()}"
            )
        report = MoveReport(_shown(target_url))
        with source.engine.connect() as reading, target.engine.begin() as writing:
            adapter = target.adapter
            for table in _tables():
                copied = 0
                columns = [c.name for c in table.columns]
                result = reading.execute(select(*table.columns)).yield_per(CHUNK)
                deferred = (
                    adapter.search_index_deferred(writing)
                    if table.name == "contacts"
                    else nullcontext()
                )
                with deferred:
                    for chunk in result.partitions(CHUNK):
                        adapter.bulk_insert_rows(writing, table, columns, [tuple(r) for r in chunk])
                        copied += len(chunk)
                        if progress is not None:
                            progress(table.name, copied)
                report.counts[table.name] = copied
            _advance_sequences(writing)
            for table in _tables():
                there = writing.execute(select(func.count()).select_from(table)).scalar()
                if there != report.counts[table.name]:
                    raise DatabaseError(
                        f"{_shown(target_url)}: {table.name} has {there} rows after the copy, "
                        f"{report.counts[table.name]} expected; nothing was kept"
                    )
        return report
    finally:
        target.dispose()


def _advance_sequences(conn: object) -> None:
    """PostgreSQL: each table's id sequence past the highest id copied."""
    from sqlalchemy.engine import Connection

    assert isinstance(conn, Connection)
    if conn.dialect.name != "postgresql":
        return
    for table in _tables():
        if "id" not in table.c or not table.c.id.primary_key:
            continue
        conn.execute(
            text(
                f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                f'coalesce((SELECT max(id) FROM "{table.name}"), 0) + 1, false)'
            )
        )


def _shown(url: str) -> str:
    """A URL as it may be printed: never its password."""
    from sqlalchemy.engine import make_url

    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:
        return url


def backup_shared(db: Database, target: Path) -> str:
    """A backup of a shared (PostgreSQL) database; says how it was made.

    With ``pg_dump`` on the PATH: its custom-format archive (``pg_restore`` reads it; the
    password, from the keyring, goes through the environment, never the command line).
    Without it, or when it fails (older than the server): the desk's own dump, a complete
    SQLite desk file made by the mover (every table, ids kept), which the desk opens as it is
    and ``move-to`` can put back on a server."""
    import os
    import shutil
    import subprocess

    from sqlalchemy.engine import URL

    from fiac_press_desk.config import child_environment
    from fiac_press_desk.storage.shared_database import connectable_url

    url = connectable_url(db.url)
    tmp = target.with_name(target.name + ".part")
    tmp.unlink(missing_ok=True)
    pg_dump = shutil.which("pg_dump")
    if pg_dump is not None and isinstance(url, URL):
        env = child_environment(**({"PGPASSWORD": url.password} if url.password else {}))
        conninfo = url.set(drivername="postgresql", password=None).render_as_string()
        fd = os.open(tmp, os.O_CREAT | os.O_WRONLY, 0o600)  # personal data: owner only
        os.close(fd)
        done = subprocess.run(
            [pg_dump, "--format=custom", "--no-owner", f"--file={tmp}", f"--dbname={conninfo}"],
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        if done.returncode == 0:
            os.replace(tmp, target)
            return "pg_dump (custom format; restore with pg_restore)"
        tmp.unlink(missing_ok=True)
        why = done.stderr.strip().splitlines()[-1:] or ["failed"]
        how = f"desk's own dump (SQLite desk file; pg_dump failed: {why[0]})"
    else:
        how = "desk's own dump (SQLite desk file; no pg_dump on this machine)"
    move_desk(db, f"sqlite:///{tmp}")
    os.chmod(tmp, 0o600)
    os.replace(tmp, target)
    return how
