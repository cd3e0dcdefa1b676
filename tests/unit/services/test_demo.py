"""The demonstration set: fictional, realistic, complete (release, distribution, enquiries),
loaded once."""

from __future__ import annotations

import sqlite3
from collections import Counter
from datetime import UTC, date, datetime
from pathlib import Path

from sqlalchemy import func, select

from fiac_press_desk.domain.enums import ContactKind
from fiac_press_desk.domain.text import fold
from fiac_press_desk.domain.validation import validate_contact
from fiac_press_desk.services import Services, demo_data
from fiac_press_desk.services.contact_queries import ContactFilter
from fiac_press_desk.services.demo import PRESS_OFFICER_UID, fill, has_demo
from fiac_press_desk.storage.models import Contact, Distribution, Enquiry, Release

NOW = datetime(2024, 3, 15, 10, 0, tzinfo=UTC)


def dump(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def test_fill_builds_the_whole_demonstration(services: Services) -> None:
    assert not has_demo(services)
    summary = fill(services, 30, now=NOW)
    assert not summary.already_present
    assert summary.contacts == 31  # the press officer and 30 generated people
    assert summary.organisations == len(demo_data.organisations())
    assert summary.lists == len(demo_data.LISTS)
    assert summary.releases >= 1 and summary.distributions >= 1 and summary.enquiries >= 3
    assert has_demo(services)
    assert services.contact_queries.count(ContactFilter(archived=None)) == 31

    officer = next(
        c
        for c in services.contacts.get_many(services.contact_queries.ids(ContactFilter()))
        if c.uid == PRESS_OFFICER_UID
    )
    assert officer.kind is ContactKind.OTHER
    assert officer.emails[0].value.endswith("@example.fr")

    with services.db.session() as session:
        january = session.scalars(
            select(Release).where(Release.release_date == date(2024, 1, 31))
        ).one()
        assert january.status == "sent"
        assert "Intelligence Artificielle et Cancers" in january.title
        sent = session.scalar(select(func.count()).where(Distribution.release_id == january.id))
        assert sent is not None and sent >= 1
        opted_out_sent = session.scalar(
            select(func.count())
            .select_from(Distribution)
            .join(Contact, Contact.id == Distribution.contact_id)
            .where(Contact.opted_out.is_(True), Distribution.status == "sent")
        )
        assert opted_out_sent == 0  # an opted-out person is never sent anything
        statuses = set(session.scalars(select(Enquiry.status)))
    assert len(statuses) >= 3  # enquiries in various states


def test_every_demo_person_is_fictional_and_reachable_only_at_reserved_domains(
    services: Services,
) -> None:
    fill(services, 60, now=NOW)
    contacts = services.contacts.get_many(
        services.contact_queries.ids(ContactFilter(archived=None))
    )
    reserved = ("example.org", "example.fr", "example.com")
    for contact in contacts:
        for email in contact.emails:
            assert email.value.rpartition("@")[2].endswith(reserved), email.value
        for url in contact.urls:
            assert ".example." in url.value or "example.org" in url.value, url.value
    for org in services.organisations.all():
        if org.website:
            assert org.website.endswith(reserved), org.website


def test_second_fill_adds_nothing(services: Services, db_path: Path) -> None:
    fill(services, 10, now=NOW)
    before = dump(db_path)
    again = fill(services, 10, now=NOW)
    assert again.already_present
    assert (again.contacts, again.organisations, again.enquiries) == (0, 0, 0)
    assert dump(db_path) == before


def test_fill_with_no_generated_contacts(services: Services) -> None:
    summary = fill(services, 0, now=NOW)
    assert summary.contacts == 1


def test_generated_contacts_are_valid_varied_and_deterministic() -> None:
    people = list(demo_data.generate_contacts(3000))
    assert people[:50] == list(demo_data.generate_contacts(50))  # same seed, same people
    assert people[:50] != list(demo_data.generate_contacts(50, seed=7))
    cleaned = [validate_contact(p) for p in people]
    emails = [e.value.lower() for c in cleaned for e in c.emails]
    assert len(emails) == len(set(emails))  # distinct mailboxes: imports can match on them
    names = {(c.given_name, c.family_name) for c in cleaned}
    assert len(names) > 1000
    assert any(fold(c.given_name) != c.given_name.lower() for c in cleaned)  # accents
    kinds = Counter(c.kind for c in cleaned)
    assert kinds[ContactKind.JOURNALIST] > kinds[ContactKind.PARTNER] > 0
    assert 0 < sum(c.opted_out for c in cleaned) < 300
    assert all(c.phones for c in cleaned)
    assert sum(len(c.emails) > 1 for c in cleaned) > 500
    assert sum(len(c.phones) > 1 for c in cleaned) > 500
