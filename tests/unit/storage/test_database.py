"""Opening a database: created, migrated with a backup first, refused when newer or foreign."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import stat
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from sqlalchemy import inspect, text

from fiac_press_desk.domain.errors import DatabaseError, DatabaseTooNewError
from fiac_press_desk.services import Services
from fiac_press_desk.services.contact_queries import ContactFilter
from fiac_press_desk.storage.database import (
    HEAD_REVISION,
    Database,
    alembic_config,
    head_revision,
    inspect_sqlite_file,
)
from fiac_press_desk.storage.dialect import SQLiteAdapter
from fiac_press_desk.storage.models import Base


def _url(path: Path) -> str:
    return f"sqlite:///{path}"


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _insert(conn: sqlite3.Connection, table: str, **values: Any) -> int:
    """Raw INSERT filling every NOT NULL column the caller left out (0001 has no defaults)."""
    for _, name, kind, notnull, _, pk in conn.execute(f"PRAGMA table_info({table})"):
        if name in values or not notnull or pk:
            continue
        kind = kind.upper()
        if kind in ("INTEGER", "BOOLEAN"):
            values[name] = 0
        elif kind == "DATETIME":
            values[name] = "2024-01-31 09:00:00.000000"
        else:
            values[name] = ""
    columns = ", ".join(values)
    marks = ", ".join("?" for _ in values)
    cur = conn.execute(f"INSERT INTO {table} ({columns}) VALUES ({marks})", list(values.values()))
    assert cur.lastrowid is not None
    return cur.lastrowid


def _make_revision_0001(path: Path, revision: str = "0001") -> None:
    """A database as an earlier release of the application left it, filled by raw SQL."""
    cfg = alembic_config(_url(path))
    command.upgrade(cfg, revision)
    conn = sqlite3.connect(path)
    try:
        org = _insert(conn, "organisations", name="Le Quotidien", name_key="le quotidien")
        tag = _insert(conn, "tags", name="Santé", name_key="sante")
        eloise = _insert(
            conn,
            "contacts",
            uid="urn:uuid:eloise",
            kind="journalist",
            given_name="Éloïse",
            family_name="Lefèvre",
            sort_name="lefevre eloise",
            organisation_id=org,
            notes="Rencontrée au salon.",
            lawful_basis="legitimate_interest",
            salutation="formal",
            language="fr",
        )
        _insert(
            conn,
            "contact_emails",
            contact_id=eloise,
            value="eloise.lefevre@example.fr",
            value_key="eloise.lefevre@example.fr",
            label="work",
        )
        _insert(conn, "contact_phones", contact_id=eloise, value="+33612345678", label="mobile")
        _insert(conn, "contact_addresses", contact_id=eloise, city="Lyon", postal_code="69007")
        conn.execute("INSERT INTO contact_tags (contact_id, tag_id) VALUES (?, ?)", (eloise, tag))
        if revision != "0001":  # from 0002 on, the application wrote the folded words too
            words = "eloise lefevre rencontree au salon le quotidien eloise.lefevre@example.fr"
            words += " 33612345678 0612345678 lyon 69007 sante"
            conn.execute("UPDATE contacts SET search_text = ? WHERE id = ?", (words, eloise))
        _insert(
            conn,
            "contacts",
            uid="urn:uuid:bruno",
            kind="partner",
            given_name="Bruno",
            family_name="Marchal",
            sort_name="marchal bruno",
            lawful_basis="consent",
            salutation="formal",
            language="fr",
            **({} if revision == "0001" else {"search_text": "bruno marchal"}),
        )
        conn.commit()
    finally:
        conn.close()


def test_the_known_head_is_the_newest_migration() -> None:
    # A new migration must move HEAD_REVISION too: opening a file at head skips alembic.
    assert head_revision() == HEAD_REVISION


def test_a_file_at_head_opens_without_loading_alembic(db_path: Path) -> None:
    Database(_url(db_path)).dispose()  # made at head
    import subprocess
    import sys

    code = (
        "import sys; from fiac_press_desk.storage.database import Database\n"
        f"Database({_url(db_path)!r}).dispose()\n"
        "assert not [m for m in sys.modules if m.startswith('alembic')]"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-2000:]


def test_empty_file_is_created_at_head_owner_only(db_path: Path) -> None:
    db = Database(_url(db_path))
    try:
        assert db.current_revision() == head_revision()
        with db.engine.connect() as conn:
            tables = set(inspect(conn).get_table_names())
        assert {t.name for t in Base.metadata.sorted_tables} <= tables
        assert "contacts_fts" in tables
        assert db.backup_path is None  # nothing to back up on a new file
    finally:
        db.dispose()
    assert stat.S_IMODE(db_path.stat().st_mode) == 0o600


def test_missing_parent_directories_are_created(tmp_path: Path) -> None:
    path = tmp_path / "a" / "b" / "desk.sqlite3"
    Database(_url(path)).dispose()
    assert path.is_file()


def test_wal_and_shm_files_are_owner_only_too(db: Database, db_path: Path) -> None:
    with db.engine.connect() as conn:
        conn.execute(text("SELECT 1"))
        for suffix in ("-wal", "-shm"):
            side = db_path.with_name(db_path.name + suffix)
            if side.exists():
                assert stat.S_IMODE(side.stat().st_mode) & 0o077 == 0


def test_existing_file_readable_by_others_is_tightened(db_path: Path) -> None:
    Database(_url(db_path)).dispose()
    db_path.chmod(0o644)
    Database(_url(db_path)).dispose()
    assert stat.S_IMODE(db_path.stat().st_mode) == 0o600


def test_pragmas(db: Database) -> None:
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 5000
        assert conn.exec_driver_sql("PRAGMA cache_size").scalar() == -SQLiteAdapter.CACHE_KIB
        assert conn.exec_driver_sql("PRAGMA temp_store").scalar() == 2  # memory


def test_foreign_keys_are_enforced(db: Database) -> None:
    from sqlalchemy.exc import IntegrityError

    with pytest.raises(IntegrityError), db.transaction() as session:
        session.execute(text("INSERT INTO contact_tags (contact_id, tag_id) VALUES (999, 999)"))


def test_reopening_at_head_changes_nothing(db_path: Path) -> None:
    Database(_url(db_path)).dispose()
    before = _digest(db_path)
    db = Database(_url(db_path))
    db.dispose()
    assert db.backup_path is None
    assert _digest(db_path) == before
    assert not list(db_path.parent.glob("*.bak"))


def test_migration_0002_writes_the_words_the_application_writes(db_path: Path) -> None:
    """Contacts from before the search index get the search words in the very form every
    later write gives them (one format, whichever path wrote it)."""
    from fiac_press_desk.storage.contact_record import search_text_of

    _make_revision_0001(db_path)
    db = Database(_url(db_path))
    try:
        services = Services(db, actor="test")
        with db.engine.connect() as conn:
            migrated = dict(conn.exec_driver_sql("SELECT id, search_text FROM contacts").all())
        assert len(migrated) == 2 and all(migrated.values())
        for cid, words in migrated.items():
            assert words == search_text_of(services.contacts.get(cid))
    finally:
        db.dispose()


@pytest.mark.parametrize("revision", ["0001", "0002"])
def test_older_revision_is_backed_up_then_upgraded_with_data_intact(
    db_path: Path, revision: str
) -> None:
    _make_revision_0001(db_path, revision)
    db = Database(_url(db_path))
    try:
        # The backup holds the database exactly as it was before the migration.
        assert db.backup_path is not None and db.backup_path.is_file()
        assert f".before-{revision}-" in db.backup_path.name
        assert stat.S_IMODE(db.backup_path.stat().st_mode) == 0o600
        assert inspect_sqlite_file(db.backup_path)[0] == revision
        old = sqlite3.connect(db.backup_path)
        try:
            names = old.execute("SELECT given_name FROM contacts ORDER BY id").fetchall()
            columns = {row[1] for row in old.execute("PRAGMA table_info(contacts)")}
        finally:
            old.close()
        assert names == [("Éloïse",), ("Bruno",)]
        assert ("search_text" in columns) == (revision != "0001")

        assert db.current_revision() == head_revision()
        services = Services(db, actor="test")
        ids = services.contact_queries.ids(ContactFilter(archived=None))
        assert len(ids) == 2
        eloise = services.contacts.get(ids[0] if ids[0] == 1 else ids[1])
        assert (eloise.given_name, eloise.family_name) == ("Éloïse", "Lefèvre")
        assert eloise.organization == "Le Quotidien"
        assert [e.value for e in eloise.emails] == ["eloise.lefevre@example.fr"]
        assert [p.value for p in eloise.phones] == ["+33612345678"]
        assert eloise.tags == ["Santé"]
        assert eloise.addresses[0].city == "Lyon"
        # Rows written before the search index existed are searchable.
        for query in ("eloise", "lefevre", "quotidien", "0612", "sante", "lyon", "salon"):
            assert services.contact_queries.ids(ContactFilter(search=query)) == [1], query
        assert services.contact_queries.ids(ContactFilter(search="marchal")) == [2]
        # And writes keep working on the upgraded file.
        services.contacts.update(1, eloise)
        with db.engine.connect() as conn:
            assert db.adapter.integrity_check(conn) == []
    finally:
        db.dispose()


def test_backup_can_be_switched_off(db_path: Path) -> None:
    _make_revision_0001(db_path)
    db = Database(_url(db_path), backup_before_migrate=False)
    db.dispose()
    assert db.backup_path is None
    assert not list(db_path.parent.glob("*.bak"))


def test_open_without_migrating_leaves_old_revision(db_path: Path) -> None:
    _make_revision_0001(db_path)
    db = Database(_url(db_path), migrate=False)
    try:
        assert db.current_revision() == "0001"
    finally:
        db.dispose()


def _stamp_newer(path: Path) -> None:
    Database(_url(path)).dispose()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = DELETE")  # a plain file: any pragma would show
    conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    conn.commit()
    conn.close()
    for suffix in ("-wal", "-shm"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)


def test_newer_database_is_refused_untouched(db_path: Path) -> None:
    _stamp_newer(db_path)
    before = _digest(db_path)
    mtime = db_path.stat().st_mtime_ns
    with pytest.raises(DatabaseTooNewError) as info:
        Database(_url(db_path))
    message = str(info.value)
    assert "9999_from_the_future" in message and head_revision() in message
    assert str(db_path) in message
    assert _digest(db_path) == before
    assert db_path.stat().st_mtime_ns == mtime
    assert not list(db_path.parent.glob("*.bak"))


def test_foreign_sqlite_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT)")
    conn.execute("INSERT INTO photos (name) VALUES ('x')")
    conn.commit()
    conn.close()
    before = _digest(path)
    with pytest.raises(DatabaseError) as info:
        Database(_url(path))
    assert "not a FIAC Press Desk database" in str(info.value)
    assert _digest(path) == before


@pytest.mark.parametrize(
    "content",
    [os.urandom(8192), b"SQLite format 3\x00" + os.urandom(4080), b"hello, world\n"],
    ids=["random", "damaged-header", "text"],
)
def test_corrupt_file_gives_database_error(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "corrupt.sqlite3"
    path.write_bytes(content)
    with pytest.raises(DatabaseError) as info:
        Database(_url(path))
    assert str(path) in str(info.value)
    assert path.read_bytes() == content


def test_directory_instead_of_file(tmp_path: Path) -> None:
    with pytest.raises(DatabaseError):
        Database(_url(tmp_path))


def test_backup_to_is_a_consistent_readable_copy(services: Services, tmp_path: Path) -> None:
    from fiac_press_desk.domain.contact import ContactData

    services.contacts.create(ContactData(given_name="Éloïse", family_name="Lefèvre"))
    target = tmp_path / "copies" / "copy.sqlite3"
    assert services.db.backup_to(target) == target
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert not target.with_name(target.name + ".part").exists()
    copy = Database(_url(target))
    try:
        assert copy.backup_path is None  # at head: no migration, no backup
        again = Services(copy, actor="test")
        assert again.contact_queries.ids(ContactFilter(search="lefevre")) == [1]
    finally:
        copy.dispose()


def test_backup_needs_a_file(tmp_path: Path) -> None:
    db = Database("sqlite://")
    try:
        with pytest.raises(DatabaseError):
            db.backup_to(tmp_path / "x.sqlite3")
    finally:
        db.dispose()


def test_in_memory_database_is_migrated() -> None:
    db = Database("sqlite://")
    try:
        assert db.current_revision() == head_revision()
    finally:
        db.dispose()


def test_transaction_rolls_back_whole(db: Database) -> None:
    from fiac_press_desk.storage.models import Tag

    with pytest.raises(RuntimeError), db.transaction() as session:
        session.add(Tag(name="VIP", name_key="vip"))
        session.flush()
        raise RuntimeError("boom")
    with db.session() as session:
        assert session.execute(text("SELECT count(*) FROM tags")).scalar() == 0


def test_migrations_go_down_and_up_again(db_path: Path) -> None:
    """Every revision's downgrade works, so a bad release can be stepped back from."""
    Database(_url(db_path)).dispose()
    cfg = alembic_config(_url(db_path))
    command.downgrade(cfg, "base")
    conn = sqlite3.connect(db_path)
    try:
        left = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    finally:
        conn.close()
    assert left <= {"alembic_version"}
    db = Database(_url(db_path))
    try:
        assert db.current_revision() == head_revision()
    finally:
        db.dispose()


def test_migrations_build_the_schema_the_tables_declare(db: Database) -> None:
    """What the ORM declares, the columns the gateway adds from ``ContactData``'s own texts
    included, is what the migrations built: nothing to add, drop or change."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from fiac_press_desk.storage.models import Base

    with db.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        diff = compare_metadata(context, Base.metadata)
    # The FTS5 table and its shadow tables (SQLite), the full-text index (PostgreSQL) are the
    # dialect's, not the ORM's.
    dialects = ("contacts_fts", "ix_contacts_search")
    assert [d for d in diff if not any(name in str(d) for name in dialects)] == []
