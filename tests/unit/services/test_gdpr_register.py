"""The GDPR register on every contact: source set at creation, last interaction kept up to date
by the services that cause it, filters of the contacts table."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

from gdpr_helpers import import_file
from local_smtp import local_smtp
from release_helpers import release, smtp_settings
from sqlalchemy import select

from fiac_press_desk.domain.contact import ContactData, EmailAddress
from fiac_press_desk.domain.enquiry import EnquiryInput
from fiac_press_desk.domain.enums import (
    DistributionChannel,
    EnquiryChannel,
    EnquiryStatus,
    LawfulBasis,
)
from fiac_press_desk.domain.gdpr import CollectedVia, Interaction, NoticeChannel
from fiac_press_desk.interchange.eml_import import import_eml_files
from fiac_press_desk.services import Services
from fiac_press_desk.services.contact_queries import ContactFilter
from fiac_press_desk.services.gdpr_register import add_months
from fiac_press_desk.storage.models import Contact

T0 = datetime(2024, 1, 31, 9, 0, tzinfo=UTC)


def one(services: Services, email: str = "camille@example.fr", **kw: object) -> int:
    return services.contacts.create(
        ContactData(family_name="Dupont", emails=[EmailAddress(email)], **kw)  # type: ignore[arg-type]
    )


def updated_at(services: Services, cid: int) -> datetime:
    with services.db.session() as session:
        value = session.scalar(select(Contact.updated_at).where(Contact.id == cid))
        assert value is not None
        return value


def test_source_is_set_by_creation_import_and_capture(services: Services, tmp_path: Path) -> None:
    typed = one(services)
    card = tmp_path / "annuaire.vcf"
    card.write_text("BEGIN:VCARD\nVERSION:3.0\nN:Roux;Léa\nEMAIL:lea@example.fr\nEND:VCARD\n")
    import_file(services, card)
    imported = services.enquiries.find_contact_by_email("lea@example.fr")
    eml = tmp_path / "demande.eml"
    eml.write_bytes(
        b"From: Paul Martin <paul@example.org>\r\nTo: presse@example.fr\r\n"
        b"Subject: Chiffres\r\nDate: Mon, 4 Mar 2024 10:00:00 +0100\r\n"
        b"Message-ID: <a1@example.org>\r\n\r\nBonjour\r\n"
    )
    captured = import_eml_files(services, [eml]).contact_ids[0]
    phoned = services.enquiries.create(
        EnquiryInput(subject="Interview", channel=EnquiryChannel.PHONE),
        new_contact=ContactData(family_name="Au téléphone"),
    )
    by_phone = services.enquiries.get(phoned).contact_id
    assert imported is not None and by_phone is not None
    vias = {
        cid: services.gdpr.register.entry(cid).collected_via
        for cid in (typed, imported, captured, by_phone)
    }
    assert vias == {
        typed: CollectedVia.MANUAL,
        imported: CollectedVia.IMPORT,
        captured: CollectedVia.EMAIL_CAPTURE,
        by_phone: CollectedVia.ENQUIRY,
    }
    entry = services.gdpr.register.entry(imported)
    assert entry.import_batch_id is not None and entry.import_source.endswith("annuaire.vcf")
    assert services.contact_queries.ids(ContactFilter(collected_via="import")) == [imported]


def test_each_interaction_moves_the_last_interaction_forward_never_back(
    services: Services,
) -> None:
    cid = one(services)
    assert services.gdpr.register.entry(cid).last_interaction_at is None
    rid = release(services)
    services.distributions.record(rid, [cid], T0, DistributionChannel.EMAIL)
    entry = services.gdpr.register.entry(cid)
    assert (entry.last_interaction_at, entry.last_interaction_kind) == (T0, Interaction.RELEASE)
    before = updated_at(services, cid)
    later = T0 + timedelta(days=30)
    enquiry = services.enquiries.create(
        EnquiryInput(subject="Question", received_at=later, contact_id=cid)
    )
    assert services.gdpr.register.entry(cid).last_interaction_kind is Interaction.ENQUIRY
    assert updated_at(services, cid) == before  # an interaction is not an edit of the card
    answered = later + timedelta(hours=3)
    services.enquiries.change_status(enquiry, EnquiryStatus.ANSWERED, note="Fait", at=answered)
    entry = services.gdpr.register.entry(cid)
    assert (entry.last_interaction_at, entry.last_interaction_kind) == (answered, Interaction.REPLY)
    # A release recorded late, dated before: the last interaction stays the reply.
    services.distributions.record(release(services, "Autre"), [cid], T0, DistributionChannel.EMAIL)
    assert services.gdpr.register.entry(cid).last_interaction_at == answered
    services.contacts.update(cid, replace(services.contacts.get(cid), job_title="Rédactrice"))
    entry = services.gdpr.register.entry(cid)
    assert entry.last_interaction_kind is Interaction.EDIT and entry.last_interaction_at > answered


def test_a_release_sent_from_the_desk_is_an_interaction(services: Services) -> None:
    cid = one(services)
    rid = release(services)
    with local_smtp() as server:
        services.sending.save_settings(smtp_settings(server.host, server.port))
        services.sending.queue(rid, [cid])
        assert services.gdpr.register.entry(cid).last_interaction_at is None  # queued only
        services.sending.send_queued(rid)
    entry = services.gdpr.register.entry(cid)
    assert entry.last_interaction_kind is Interaction.RELEASE


def test_dates_that_follow_from_the_register(services: Services) -> None:
    cid = one(services)
    entry = services.gdpr.register.entry(cid)
    assert entry.notice_due == add_months(entry.collected_at, 1)
    assert entry.review_due == add_months(entry.collected_at, 36)
    assert entry.notice_overdue(entry.collected_at + timedelta(days=40))
    assert not entry.review_overdue()
    assert add_months(datetime(2024, 1, 31, tzinfo=UTC), 1) == datetime(2024, 2, 29, tzinfo=UTC)
    assert add_months(datetime(2024, 3, 15, tzinfo=UTC), -36) == datetime(2021, 3, 15, tzinfo=UTC)


def test_the_contacts_table_filters_by_the_register(services: Services) -> None:
    a = one(services, "a@example.fr", lawful_basis=LawfulBasis.CONSENT)
    b = one(services, "b@example.fr")
    services.gdpr.notices.record_given([a], NoticeChannel.PHONE, note="")
    assert services.contact_queries.ids(ContactFilter(lawful_basis="consent")) == [a]
    assert services.contact_queries.ids(ContactFilter(informed=True)) == [a]
    assert services.contact_queries.ids(ContactFilter(informed=False)) == [b]
    assert services.contact_queries.count(ContactFilter(informed=False)) == 1
    now = datetime.now(UTC)
    assert services.contact_queries.ids(ContactFilter(quiet_since=now - timedelta(days=1))) == []
    assert sorted(services.contact_queries.ids(ContactFilter(quiet_since=now))) == [a, b]


def test_migration_0006_backfills_source_and_last_interaction(tmp_path: Path) -> None:
    """A database written at revision 0003 (before the register) comes up with its contacts'
    source and last interaction read from what it already holds."""
    import sqlite3

    from alembic import command

    from fiac_press_desk.storage.database import Database, alembic_config

    path = tmp_path / "old.sqlite3"
    url = f"sqlite:///{path}"
    services = Services.open(url)
    card = tmp_path / "fichier.vcf"
    card.write_text("BEGIN:VCARD\nVERSION:3.0\nN:Roux;Léa\nEMAIL:lea@example.fr\nEND:VCARD\n")
    import_file(services, card)
    typed = one(services)
    rid = release(services)
    services.distributions.record(rid, [typed], T0, DistributionChannel.EMAIL)
    services.close()
    db = Database(url)
    with db.engine.begin() as conn:
        cfg = alembic_config(url)
        cfg.attributes["connection"] = conn
        cfg.attributes["adapter"] = db.adapter
        command.downgrade(cfg, "0003")
    db.dispose()
    raw = sqlite3.connect(path)
    assert raw.execute("SELECT count(*) FROM contacts").fetchone() == (2,)
    assert raw.execute("SELECT count(*) FROM distributions").fetchone() == (1,)
    raw.close()

    services = Services.open(url)  # migrates 0003 -> head, a backup first
    try:
        assert services.db.backup_path is not None
        lea = services.enquiries.find_contact_by_email("lea@example.fr")
        assert lea is not None
        assert services.gdpr.register.entry(lea).collected_via is CollectedVia.IMPORT
        entry = services.gdpr.register.entry(typed)
        assert entry.collected_via is CollectedVia.MANUAL
        assert (entry.last_interaction_at, entry.last_interaction_kind) == (
            T0,
            Interaction.RELEASE,
        )
        assert services.history.releases_received(typed)  # the ledger came through
    finally:
        services.close()
