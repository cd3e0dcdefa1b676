"""Right to erasure: the person is gone from every table, their enquiries and ledger lines
stay anonymised, the audit log says an erasure happened but not who, their addresses are on
the suppression list, and none of their bytes is left in the database file or its WAL."""

from __future__ import annotations

import json
import shutil
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from gdpr_helpers import EMAIL, FAMILY, GIVEN, PHONE, needles, rich_person
from sqlalchemy import select

from fiac_press_desk.config import backup_dir
from fiac_press_desk.domain.contact import ContactData, EmailAddress, Phone
from fiac_press_desk.domain.enquiry import EnquiryInput
from fiac_press_desk.domain.enums import EnquiryChannel, MatchKind
from fiac_press_desk.domain.gdpr_messages import SuppressedError
from fiac_press_desk.interchange.eml_import import import_eml_files
from fiac_press_desk.interchange.import_sources import contact_items
from fiac_press_desk.interchange.pipeline import build_plan
from fiac_press_desk.services import Services
from fiac_press_desk.services.contact_queries import ContactFilter
from fiac_press_desk.services.gdpr_erasure import ERASED_SUBJECT, POLICY
from fiac_press_desk.services.gdpr_references import contact_references
from fiac_press_desk.storage.models import AuditEntry, Distribution, Enquiry, EnquiryEvent


def raw_bytes(db_path: Path) -> bytes:
    """The database file and its WAL as they are on disk."""
    data = db_path.read_bytes()
    wal = db_path.with_name(db_path.name + "-wal")
    return data + (wal.read_bytes() if wal.exists() else b"")


def test_nothing_of_the_person_is_left_in_the_database_file_or_its_wal(
    services: Services, db_path: Path, tmp_path: Path
) -> None:
    person = rich_person(services, tmp_path)
    before = raw_bytes(db_path)
    # The check can see them: every value is in the file before.
    assert [n for n in needles() if n.lower() == n and n not in before] == []

    report = services.gdpr.erasure.erase(person.contact_id)

    assert report.storage == ["secure_delete", "search index rebuilt", "VACUUM", "WAL truncated"]
    # While the desk is still open (its connections hold the WAL)...
    assert [n.decode() for n in needles() if n in raw_bytes(db_path)] == []
    services.db.dispose()  # ...and once every connection is closed, as when the desk quits
    left = raw_bytes(db_path)
    assert [n.decode() for n in needles() if n in left] == []
    assert b"Oyelaran" in left  # the other person is still there, search index included
    reopened = Services.open(f"sqlite:///{db_path}")
    try:
        assert reopened.contact_queries.ids(ContactFilter(search="oyelaran")) == [person.other_id]
        assert reopened.contact_queries.ids(ContactFilter(search="wasowicz")) == []
        with reopened.db.engine.connect() as conn:
            assert reopened.db.adapter.integrity_check(conn) == []
    finally:
        reopened.close()


def test_every_table_is_cleared_of_the_person_and_the_rest_kept_anonymised(
    services: Services, tmp_path: Path
) -> None:
    person = rich_person(services, tmp_path)
    report = services.gdpr.erasure.erase(person.contact_id)

    with services.db.session() as session:
        for ref in contact_references():
            assert session.execute(ref.rows_of(person.contact_id)).first() is None, ref.name
        enquiry = session.get(Enquiry, person.enquiry_id)
        assert enquiry is not None  # kept for the statistics
        assert enquiry.contact_id is None and enquiry.subject == ERASED_SUBJECT
        assert (enquiry.details, enquiry.response_notes, enquiry.source_message_id) == ("", "", "")
        assert enquiry.status == "answered" and enquiry.answered_at is not None
        thread = list(
            session.scalars(select(EnquiryEvent).where(EnquiryEvent.enquiry_id == enquiry.id))
        )
        assert len(thread) == 3 and all(e.text == "" for e in thread)
        lines = list(session.scalars(select(Distribution).where(Distribution.contact_id.is_(None))))
        assert sorted((d.status, d.address) for d in lines) == [
            ("recorded", ""),
            ("recorded", ""),
        ]
        other_line = session.scalar(
            select(Distribution).where(Distribution.contact_id == person.other_id)
        )
        assert other_line is not None and other_line.address == "adebayo.oyelaran@example.com"
        erase_entry = session.scalars(select(AuditEntry).where(AuditEntry.action == "erase")).one()
        assert erase_entry.entity_id is None
        assert json.loads(erase_entry.details) == {"people": 1, "suppressed": 3}
        assert (
            session.scalars(
                select(AuditEntry).where(
                    AuditEntry.entity == "contact", AuditEntry.entity_id == person.contact_id
                )
            ).all()
            == []
        )
        # Bulk entries forget the person and keep the others.
        tag = session.scalars(select(AuditEntry).where(AuditEntry.action == "tag")).one()
        assert json.loads(tag.details)["ids"] == [person.other_id]
    assert report.lines_anonymised == 2 and report.lines_dropped == 1
    assert report.enquiries_anonymised == 1
    assert report.deleted["contact_emails"] == 2 and report.deleted["contact_phones"] == 1
    assert report.deleted["import_batch_items"] == 2
    assert report.suppressed == 3  # two emails and the mobile
    # The other person keeps everything.
    other = services.contacts.get(person.other_id)
    assert other.tags == ["Santé publique"] and other.lists == ["Presse étrangère"]
    assert services.history.releases_received(person.other_id)


def test_a_reimport_of_the_erased_person_is_refused_and_reported(
    services: Services, tmp_path: Path
) -> None:
    person = rich_person(services, tmp_path)
    services.gdpr.erasure.erase(person.contact_id)

    plan = build_plan(
        services,
        contact_items(person.vcard),
        sources=[str(person.vcard)],
        format="vcard",
        on_duplicate="update",
    )
    refused = [i for i in plan.items if i.kind is MatchKind.ERROR]
    assert len(refused) == 1
    assert refused[0].place.file == str(person.vcard) and refused[0].place.line == 1
    assert refused[0].message.startswith(f"{EMAIL} : effacé à sa demande le ")
    # The other person of the file is still known: a duplicate of their card, as before.
    assert [i.kind for i in plan.items if i.data is not None] == [MatchKind.DUPLICATE]


def test_the_same_phone_alone_is_refused_too(services: Services, tmp_path: Path) -> None:
    person = rich_person(services, tmp_path)
    services.gdpr.erasure.erase(person.contact_id)
    refusal = services.gdpr.suppression.refusal(
        ContactData(given_name="Z.", phones=[Phone(PHONE)], emails=[EmailAddress("new@x.org")])
    )
    assert refusal is not None and refusal.value == PHONE
    assert services.gdpr.suppression.refusal(ContactData(emails=[EmailAddress("a@b.org")])) is None


def test_an_email_capture_from_the_erased_address_is_refused(
    services: Services, tmp_path: Path
) -> None:
    person = rich_person(services, tmp_path)
    services.gdpr.erasure.erase(person.contact_id)
    eml = tmp_path / "retour.eml"
    eml.write_bytes(
        b"From: Zbigniew <" + EMAIL.upper().encode() + b">\r\n"
        b"To: presse@example.fr\r\nSubject: Nouvelle demande\r\n"
        b"Date: Mon, 4 Mar 2024 10:00:00 +0100\r\nMessage-ID: <x1@example.org>\r\n\r\nBonjour\r\n"
    )
    result = import_eml_files(services, [eml])
    assert result.enquiry_ids == []
    assert len(result.problems) == 1 and "effacé à sa demande le" in result.problems[0][1]
    with pytest.raises(SuppressedError):
        services.enquiries.create(
            EnquiryInput(subject="Au téléphone", channel=EnquiryChannel.PHONE),
            new_contact=ContactData(given_name="Z", phones=[Phone(PHONE)]),
        )


def test_an_address_shared_with_another_contact_is_not_suppressed(services: Services) -> None:
    desk = EmailAddress("redaction@example.org")
    alone = services.contacts.create(ContactData(family_name="Seul", emails=[desk]))
    services.contacts.create(ContactData(family_name="Collègue", emails=[desk]))
    report = services.gdpr.erasure.erase(alone)
    assert report.shared_addresses == ["redaction@example.org"] and report.suppressed == 0
    assert services.gdpr.suppression.refusal(ContactData(emails=[desk])) is None


def test_other_records_naming_the_person_are_blanked_or_pointed_out(
    services: Services, tmp_path: Path
) -> None:
    person = rich_person(services, tmp_path)
    other = services.contacts.get(person.other_id)
    other.notes = f"Remplace {GIVEN} {FAMILY} ({EMAIL}) ; voir aussi M. {FAMILY}."
    services.contacts.update(person.other_id, other)
    report = services.gdpr.erasure.erase(person.contact_id)
    notes = services.contacts.get(person.other_id).notes
    assert EMAIL not in notes and f"{GIVEN} {FAMILY}" not in notes
    assert "personne effacée" in notes
    assert [(m.table, m.row_id, m.column) for m in report.mentions] == [
        ("contacts", person.other_id, "notes")  # "M. Wąsowicz" alone: left for the officer
    ]


def test_a_file_named_after_the_person_is_no_longer_named(
    services: Services, tmp_path: Path
) -> None:
    from gdpr_helpers import VCARD, import_file

    card = tmp_path / f"{GIVEN} {FAMILY}.vcf"
    card.write_text(VCARD, encoding="utf-8")
    import_file(services, card)
    cid = services.enquiries.find_contact_by_email(EMAIL)
    assert cid is not None
    report = services.gdpr.erasure.erase(cid)
    assert report.import_files_renamed == 1
    sources = [b.source for b in services.imports.batches()]
    assert sources == ["(fichier au nom d'une personne effacée)"]


def test_backups_holding_the_person_are_named_with_their_rotation(
    services: Services, db_path: Path, tmp_path: Path
) -> None:
    before = backup_dir() / "desk-2026-01-01.sqlite3"
    services.db.backup_to(before)  # taken before the person came in: does not hold them
    person = rich_person(services, tmp_path)  # its first import's backup holds no one yet
    daily = services.backups.take("daily", now=datetime.now(UTC) - timedelta(days=10))
    by_hand = services.db.backup_to(backup_dir() / "desk-by-hand.sqlite3")
    migration = db_path.with_name(f"{db_path.name}.before-0003-20260101T000000Z.bak")
    shutil.copyfile(daily, migration)

    preview = services.gdpr.erasure.preview(person.contact_id)
    report = services.gdpr.erasure.erase(person.contact_id)

    held = {b.path.name: b for b in report.backups}
    # The erasure's own backup, taken just before it, holds the person too, and says so.
    (erasure,) = [b for b in report.backups if b.path.name.endswith("-erasure.sqlite3")]
    assert [b.path for b in preview.backups] == [b.path for b in report.backups if b is not erasure]
    assert before.name not in held
    assert daily.name in held and by_hand.name in held and migration.name in held
    dailies = [b.path for b in report.backups if b.path.name.endswith("-daily.sqlite3")]
    assert dailies == [daily]
    for backup in (held[daily.name], erasure):
        # The rotation's own answer: within its longest window (12 months), after today.
        assert backup.rotated and backup.rotates_out_by is not None
        assert backup.rotates_out_by == services.backups.rotates_out_by(backup.path)
        assert backup.rotates_out_by > datetime.now(UTC)
        assert (backup.rotates_out_by - backup.taken_at).days <= 366
    assert (held[daily.name].taken_at - datetime.now(UTC)).days in (-11, -10)
    # A copy put in the folder by hand and the one made before a migration go by hand.
    assert not held[by_hand.name].rotated and held[by_hand.name].rotates_out_by is None
    assert not held[migration.name].rotated and held[migration.name].rotates_out_by is None
    # The backups are left as they are: restoring one brings the person back.
    conn = sqlite3.connect(daily)
    assert conn.execute("SELECT count(*) FROM contacts").fetchone() == (2,)
    conn.close()


def test_the_preview_counts_what_will_go(services: Services, tmp_path: Path) -> None:
    person = rich_person(services, tmp_path)
    preview = services.gdpr.erasure.preview(person.contact_id)
    assert preview.name == f"{GIVEN} {FAMILY}"
    assert preview.rows["contacts"] == 1 and preview.rows["contact_emails"] == 2
    assert preview.rows["enquiry_events"] == 3 and preview.rows["information_notices"] == 1
    assert preview.enquiries_kept == 1 and preview.lines_kept == 2
    assert services.contacts.get(person.contact_id).family_name == FAMILY  # nothing done


def test_every_table_referencing_a_contact_has_an_erasure_rule() -> None:
    """A table added later with a contact reference that neither cascades from the card nor
    has a rule would keep the person: the erasure refuses to run (ErasurePolicyError)."""
    for ref in contact_references():
        cascades = ref.parent is None and ref.ondelete.upper() == "CASCADE"
        assert cascades or ref.name in POLICY, ref.name


def test_erase_many_cleans_the_file_once(services: Services) -> None:
    ids = services.contacts.create_many(
        [
            ContactData(family_name=f"Personne {n}", emails=[EmailAddress(f"p{n}@x.org")])
            for n in range(3)
        ]
    )
    reports = services.gdpr.erasure.erase_many(ids)
    assert [r.contact_id for r in reports] == ids
    assert services.contact_queries.ids(ContactFilter()) == []
    assert services.gdpr.suppression.count() == 3
    with services.db.session() as session:
        entry = session.scalars(select(AuditEntry).where(AuditEntry.action == "erase")).one()
        assert json.loads(entry.details)["people"] == 3


def test_a_reader_holding_the_file_does_not_stop_the_erasure(
    services: Services, db_path: Path
) -> None:
    """Another program reading the database (an open transaction) keeps the WAL in use: the
    erasure is done and says what could not be, rather than failing after the fact."""
    cid = services.contacts.create(
        ContactData(family_name="Lecteur", emails=[EmailAddress("l@x.org")])
    )
    reader = sqlite3.connect(db_path, isolation_level=None)
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM contacts").fetchone()
    try:
        report = services.gdpr.erasure.erase(cid)
    finally:
        reader.execute("COMMIT")
        reader.close()
    assert report.deleted["contacts"] == 1
    # Until the reader lets go, the old pages wait in the file: said, so it can be run again.
    assert report.storage == [
        "secure_delete",
        "search index rebuilt",
        "VACUUM",
        "WAL not truncated (in use)",
    ]
    assert services.contacts.get_many([cid]) == []
