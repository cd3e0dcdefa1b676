"""Retention: contacts with no interaction for the period come up for review; keep (with a
dated reason, which restarts the clock), archive or erase."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from release_helpers import release
from sqlalchemy import update

from fiac_press_desk.domain.contact import ContactData, EmailAddress
from fiac_press_desk.domain.enums import DistributionChannel
from fiac_press_desk.domain.errors import ValidationError
from fiac_press_desk.services import Services
from fiac_press_desk.storage.models import Contact

NOW = datetime(2027, 6, 1, 12, 0, tzinfo=UTC)


def made_at(services: Services, when: datetime, family: str) -> int:
    cid = services.contacts.create(
        ContactData(family_name=family, emails=[EmailAddress(f"{family.lower()}@example.fr")])
    )
    with services.db.transaction() as session:
        session.execute(update(Contact).where(Contact.id == cid).values(created_at=when))
    return cid


def test_contacts_quiet_for_three_years_are_listed_oldest_first(services: Services) -> None:
    old = made_at(services, datetime(2023, 1, 10, tzinfo=UTC), "Ancien")
    older = made_at(services, datetime(2022, 5, 1, tzinfo=UTC), "Oublié")
    recent = made_at(services, datetime(2025, 1, 10, tzinfo=UTC), "Récent")
    heard = made_at(services, datetime(2022, 1, 10, tzinfo=UTC), "Entendu")
    services.distributions.record(
        release(services), [heard], datetime(2025, 2, 1, tzinfo=UTC), DistributionChannel.EMAIL
    )
    rows = services.gdpr.retention.review(NOW)
    assert [r.contact_id for r in rows] == [older, old]
    assert rows[0].name == "Oublié" and rows[0].email == "oublié@example.fr"
    assert rows[0].last_interaction_at is None and rows[0].due < NOW
    assert services.gdpr.retention.count_due(NOW) == 2
    assert recent not in [r.contact_id for r in rows]
    # Six years instead of three: nobody yet.
    settings = services.gdpr.settings.get()
    services.gdpr.settings.save(replace(settings, retention_years=6))
    assert services.gdpr.retention.review(NOW) == []


def test_keep_needs_a_reason_is_dated_and_restarts_the_clock(services: Services) -> None:
    old = made_at(services, datetime(2022, 5, 1, tzinfo=UTC), "Ancien")
    with pytest.raises(ValidationError, match="pourquoi"):
        services.gdpr.retention.keep([old], "   ")
    kept_on = datetime(2027, 5, 20, tzinfo=UTC)
    assert services.gdpr.retention.keep([old], "Correspondant fidèle, numéro spécial", kept_on) == 1
    assert services.gdpr.retention.review(NOW) == []
    entry = services.gdpr.register.entry(old)
    assert entry.retention_kept_at == kept_on
    assert entry.retention_kept_reason == "Correspondant fidèle, numéro spécial"
    assert entry.review_due == datetime(2030, 5, 20, tzinfo=UTC)
    assert [r.contact_id for r in services.gdpr.retention.review(entry.review_due)] == [old]


def test_archive_and_erase_from_the_review(services: Services) -> None:
    a = made_at(services, datetime(2022, 5, 1, tzinfo=UTC), "Archivé")
    b = made_at(services, datetime(2022, 5, 2, tzinfo=UTC), "Effacé")
    assert services.gdpr.retention.archive([a]) == 1
    rows = services.gdpr.retention.review(NOW)
    assert [(r.contact_id, r.archived) for r in rows] == [(a, True), (b, False)]  # still held
    reports = services.gdpr.retention.erase([b])
    assert reports[0].name == "Effacé"
    assert [r.contact_id for r in services.gdpr.retention.review(NOW)] == [a]
    assert services.gdpr.retention.threshold(NOW) == NOW.replace(year=2024)
    assert services.gdpr.retention.review(NOW - timedelta(days=365 * 3)) == []
