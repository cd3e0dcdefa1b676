"""Automatic backups: before imports, merges and erasures, once a day, rotated, listed with
what they hold, restored after a backup of the current state; the quick integrity check."""

from __future__ import annotations

import os
import sqlite3
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from backup_helpers import damage
from gdpr_helpers import VCARD, import_file

from fiac_press_desk.config import backup_dir
from fiac_press_desk.domain.contact import ContactData, EmailAddress
from fiac_press_desk.services import Services
from fiac_press_desk.services.backup_rotation import RotationPolicy
from fiac_press_desk.services.backups import (
    BackupError,
    backups_of,
    latest_good,
    parse,
    quick_check_file,
    restore_damaged,
)
from fiac_press_desk.services.contact_queries import ContactFilter
from fiac_press_desk.storage.database import Database


def person(n: int) -> ContactData:
    return ContactData(
        given_name=f"Prénom{n}",
        family_name=f"Nom{n}",
        emails=[EmailAddress(f"personne{n}@example.org")],
    )


def reasons(services: Services) -> list[str]:
    return [b.reason for b in services.backups.files()]


def test_an_import_is_preceded_by_a_backup_of_the_base_before_it(
    services: Services, tmp_path: Path
) -> None:
    services.contacts.create(person(1))
    card = tmp_path / "contacts.vcf"
    card.write_text(VCARD, encoding="utf-8")
    import_file(services, card)
    (backup,) = services.backups.files()
    assert backup.reason == "import" and backup.path.parent == backup_dir()
    assert backup.path.stat().st_mode & 0o077 == 0  # personal data: owner only
    conn = sqlite3.connect(backup.path)
    assert conn.execute("SELECT count(*) FROM contacts").fetchone() == (1,)  # before it
    conn.close()
    # An import that writes nothing takes no backup.
    import_file(services, card)
    assert reasons(services) == ["import"]


def test_a_postgresql_base_takes_no_desk_backup_and_its_writes_go_on(
    postgres_url: str, tmp_path: Path
) -> None:
    # A PostgreSQL base is the server's to back up (pg_dump, its administrator's schedule):
    # the desk copies no file, and an import or a merge is not refused for want of one.
    shared = Services(Database(postgres_url), actor="test")
    try:
        assert not shared.backups.available()
        assert shared.backups.before("import") is None and shared.backups.daily() is None
        card = tmp_path / "contacts.vcf"
        card.write_text(VCARD, encoding="utf-8")
        import_file(shared, card)
        assert shared.contact_queries.count(ContactFilter()) >= 1
        assert shared.backups.files() == [] and not any(backup_dir().iterdir())
    finally:
        shared.db.dispose()


def test_a_merge_and_an_erasure_are_preceded_by_a_backup(services: Services) -> None:
    a = services.contacts.create(person(1))
    b = services.contacts.create(person(2))
    services.merges.merge([a, b])
    assert reasons(services) == ["merge"]
    services.gdpr.erasure.erase(a)
    assert reasons(services) == ["erasure", "merge"]


def test_a_failed_backup_refuses_the_write_it_guards(services: Services, tmp_path: Path) -> None:
    a = services.contacts.create(person(1))
    b = services.contacts.create(person(2))
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the folder should be", encoding="utf-8")
    services.backups.configure(folder=blocked / "backups")
    with pytest.raises((BackupError, OSError)):
        services.merges.merge([a, b])
    assert len(services.contact_queries.ids(ContactFilter())) == 2  # nothing merged


def test_the_daily_backup_is_taken_once_a_day(services: Services) -> None:
    now = datetime(2026, 12, 3, 8, 0, tzinfo=UTC)
    first = services.backups.daily(now)
    assert first is not None and parse(first) is not None
    assert services.backups.daily(now + timedelta(hours=3)) is None
    assert services.backups.daily(now + timedelta(days=1)) is not None
    assert reasons(services) == ["daily", "daily"]


def test_taking_a_backup_rotates_the_old_ones(services: Services) -> None:
    start = datetime.now(UTC) - timedelta(days=500)
    for day in range(0, 500, 3):
        services.backups.take("daily", start + timedelta(days=day))
    services.backups.take("import")
    kept = services.backups.files()
    assert 10 <= len(kept) <= 7 + 4 + 12 + 1
    assert min(b.taken_at for b in kept) > datetime.now(UTC) - timedelta(days=367)
    # The folder holds nothing else of ours (no ".part" left behind).
    assert sorted(p.name for p in backup_dir().iterdir()) == sorted(b.path.name for b in kept)


def test_rotation_follows_the_configured_policy(services: Services, tmp_path: Path) -> None:
    folder = tmp_path / "ailleurs"
    services.backups.configure(folder, RotationPolicy(daily=2, weekly=0, monthly=0, recent=1))
    now = datetime.now(UTC)
    for day in (5, 4, 3, 2, 1, 0):
        services.backups.take("daily", now - timedelta(days=day))
    assert [b.taken_at.date() for b in services.backups.files()] == [
        (now - timedelta(days=d)).date() for d in (0, 1)
    ]
    assert all(b.path.parent == folder for b in services.backups.files())


def test_backups_of_another_database_are_left_alone(
    services: Services, tmp_path: Path, _migrated_template: Path
) -> None:
    other_path = tmp_path / "autre" / "desk.sqlite3"  # same file name, another folder
    other_path.parent.mkdir()
    other_path.write_bytes(_migrated_template.read_bytes())
    other = Services(Database(f"sqlite:///{other_path}"), actor="test")
    try:
        old = datetime.now(UTC) - timedelta(days=400)
        theirs = other.backups.take("daily", old)
        services.backups.take("daily")
        assert theirs.exists()  # our rotation does not touch their year-old backup
        assert [b.path for b in other.backups.files()] == [theirs]
        assert len(services.backups.files()) == 1
    finally:
        other.close()


def test_the_list_tells_date_reason_and_what_each_backup_holds(services: Services) -> None:
    services.contacts.create(person(1))
    services.backups.take("manual", datetime.now(UTC) - timedelta(hours=2))
    services.contacts.create(person(2))
    newest = services.backups.take("daily")
    broken = services.backups.take("merge", datetime.now(UTC) - timedelta(hours=1))
    broken.write_bytes(b"not a database at all" * 100)
    listed = services.backups.all()
    assert [(b.reason, b.contacts, b.releases, b.enquiries) for b in listed] == [
        ("daily", 2, 0, 0),
        ("merge", None, None, None),
        ("manual", 1, 0, 0),
    ]
    assert listed[0].path == newest and listed[0].readable and not listed[1].readable
    assert latest_good(services.db.path, backup_dir()).path == newest  # type: ignore[arg-type,union-attr]


def test_restore_brings_the_base_back_after_saving_the_current_one(services: Services) -> None:
    services.contacts.create(person(1))
    saved = services.backups.take("manual")
    services.contacts.create(person(2))
    services.contacts.create(person(3))

    current = services.backups.restore(saved).saved

    assert len(services.contact_queries.ids(ContactFilter())) == 1
    assert len(services.contact_queries.search(ContactFilter(search="Nom1")).ids) == 1  # indexed
    # The state before the restore is itself a backup: the restore can be taken back.
    assert parse(current).reason == "restore"  # type: ignore[union-attr]
    conn = sqlite3.connect(current)
    assert conn.execute("SELECT count(*) FROM contacts").fetchone() == (3,)
    conn.close()
    services.backups.restore(current)
    assert len(services.contact_queries.ids(ContactFilter())) == 3
    # The base still checks clean, and the restore is in its audit log.
    assert services.backups.quick_check() == []
    with services.db.engine.connect() as conn2:
        actions = [r[0] for r in conn2.exec_driver_sql("SELECT action FROM audit_log")]
    assert actions.count("restore") == 1  # the second restore brought back a base before it


def test_a_damaged_backup_is_not_restored(services: Services) -> None:
    services.contacts.create(person(1))
    backup = services.backups.take("manual")
    damage(backup)
    with pytest.raises(BackupError):
        services.backups.restore(backup)
    assert len(services.contact_queries.ids(ContactFilter())) == 1


def test_the_quick_check_finds_a_damaged_file(db_path: Path, _migrated_template: Path) -> None:
    db_path.write_bytes(_migrated_template.read_bytes())
    services = Services(Database(f"sqlite:///{db_path}"), actor="test")
    for n in range(300):  # a few pages of contacts
        services.contacts.create(person(n))
    good = services.backups.take("daily")
    assert services.backups.quick_check() == []
    services.close()
    damage(db_path)
    assert quick_check_file(db_path)
    services = Services(Database(f"sqlite:///{db_path}"), actor="test")  # it still opens...
    try:
        assert services.backups.quick_check()  # ...and the check sees the damage
    finally:
        services.close()
    assert latest_good(db_path, backup_dir()).path == good  # type: ignore[union-attr]


def test_a_damaged_file_is_replaced_by_a_backup_and_kept_aside(
    db_path: Path, _migrated_template: Path
) -> None:
    db_path.write_bytes(_migrated_template.read_bytes())
    services = Services(Database(f"sqlite:///{db_path}"), actor="test")
    for n in range(300):
        services.contacts.create(person(n))
    good = services.backups.take("daily")
    services.close()
    damage(db_path)
    aside = restore_damaged(db_path, good)
    assert aside.exists() and quick_check_file(aside)  # the damaged file is kept, renamed
    assert quick_check_file(db_path) == []
    services = Services(Database(f"sqlite:///{db_path}"), actor="test")
    try:
        assert len(services.contact_queries.ids(ContactFilter())) == 300
    finally:
        services.close()
    assert oct(db_path.stat().st_mode & 0o777) == oct(0o600)
    assert backups_of(db_path, backup_dir())[0].path == good


def test_a_backup_cut_short_is_swept_once_an_hour_old(services: Services) -> None:
    first = services.backups.take("daily")
    stale = first.with_name(first.name.replace("daily", "import") + ".part")
    fresh = first.with_name(first.name.replace("daily", "merge") + ".part")
    for part in (stale, fresh):
        part.write_bytes(b"half a copy")
    hours_ago = time.time() - 7200
    os.utime(stale, (hours_ago, hours_ago))
    services.backups.take("import")
    assert not stale.exists() and fresh.exists()


def test_a_restore_erases_again_whoever_was_erased_since_the_backup(
    services: Services, tmp_path: Path
) -> None:
    keep = services.contacts.create(person(1))
    gone = services.contacts.create(person(2))
    saved = services.backups.take("manual")  # holds both
    services.gdpr.erasure.erase(gone)

    result = services.backups.restore(saved)

    assert result.erased_again == 1
    left = services.contact_queries.ids(ContactFilter(archived=None))
    assert left == [keep]
    # The suppression list came along: the person cannot be imported back either.
    assert services.gdpr.suppression.refusal(person(2)) is not None
    assert services.gdpr.suppression.refusal(person(1)) is None
