"""``move-to`` (issue 14): a whole desk into an empty database and back, ids and counts kept."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from postgres_databases import PostgresServer

from fiac_press_desk.domain.contact import ContactData
from fiac_press_desk.domain.errors import DatabaseError
from fiac_press_desk.services import Services
from fiac_press_desk.services.demo import fill
from fiac_press_desk.services.moving import move_desk
from fiac_press_desk.storage.database import Database
from fiac_press_desk.storage.models import Base


def _everything(db: Database) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, in primary-key order."""
    out = {}
    with db.engine.connect() as conn:
        for table in Base.metadata.sorted_tables:
            order = list(table.primary_key.columns)
            out[table.name] = [tuple(r) for r in conn.execute(table.select().order_by(*order))]
    return out


def _round_trip(services: Services, target_url: str, back: Path) -> None:
    fill(services, 80)
    before = _everything(services.db)
    there = move_desk(services.db, target_url)
    assert there.counts == {name: len(rows) for name, rows in before.items()}
    assert there.counts["contacts"] == 81 and there.counts["audit_log"] > 0
    moved = Database(target_url)
    try:
        assert _everything(moved) == before
        # New rows get new ids, after the copied ones (sequences moved on PostgreSQL).
        new_id = Services(moved, actor="test").contacts.create(ContactData(given_name="Neuf"))
        assert new_id > max(row[0] for row in before["contacts"])
        home = move_desk(moved, f"sqlite:///{back}")
        assert home.counts["contacts"] == 82
    finally:
        moved.dispose()
    returned = Database(f"sqlite:///{back}")
    try:
        after = _everything(returned)
        assert {k: v for k, v in after.items() if k not in ("contacts", "audit_log")} == {
            k: v for k, v in before.items() if k not in ("contacts", "audit_log")
        }
        assert after["contacts"][:-1] == before["contacts"]
        with returned.engine.connect() as conn:
            assert returned.adapter.integrity_check(conn) == []
    finally:
        returned.dispose()


def test_a_desk_moves_to_another_file_and_back_whole(services: Services, tmp_path: Path) -> None:
    _round_trip(services, f"sqlite:///{tmp_path / 'moved.sqlite3'}", tmp_path / "back.sqlite3")


def test_a_desk_moves_to_postgresql_and_back_whole(
    services: Services, tmp_path: Path, postgres_server: PostgresServer
) -> None:
    name = postgres_server.empty()
    try:
        _round_trip(services, postgres_server.url_of(name), tmp_path / "back.sqlite3")
    finally:
        postgres_server.drop(name)


def test_a_target_with_rows_is_refused_and_left_as_it_was(
    services: Services, tmp_path: Path
) -> None:
    services.contacts.create(ContactData(given_name="Ici"))
    target = Database(f"sqlite:///{tmp_path / 'other.sqlite3'}")
    Services(target, actor="test").contacts.create(ContactData(given_name="Là-bas"))
    target.dispose()
    with pytest.raises(DatabaseError, match="not empty"):
        move_desk(services.db, f"sqlite:///{tmp_path / 'other.sqlite3'}")
    target = Database(f"sqlite:///{tmp_path / 'other.sqlite3'}")
    try:
        names = [c.given_name for c in Services(target).contacts.get_many([1, 2])]
        assert names == ["Là-bas"]
    finally:
        target.dispose()


def test_a_postgresql_backup_says_how_it_was_made(
    tmp_path: Path, postgres_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    import shutil

    from fiac_press_desk.services import moving

    shared = Database(postgres_url)
    try:
        Services(shared, actor="test").contacts.create(ContactData(given_name="Sauvée"))
        if shutil.which("pg_dump"):
            how = moving.backup_shared(shared, tmp_path / "desk.dump")
            assert how.startswith("pg_dump")
            assert (tmp_path / "desk.dump").read_bytes()[:5] == b"PGDMP"
        monkeypatch.setattr(shutil, "which", lambda _name: None)
        how = moving.backup_shared(shared, tmp_path / "desk.sqlite3")
        assert how.startswith("desk's own dump")
    finally:
        shared.dispose()
    copy = Database(f"sqlite:///{tmp_path / 'desk.sqlite3'}")
    try:
        assert [c.given_name for c in Services(copy).contacts.get_many([1])] == ["Sauvée"]
    finally:
        copy.dispose()
