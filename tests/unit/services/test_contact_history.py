"""The contact history: releases received and enquiries made, newest first, nothing else's."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from fiac_press_desk.domain.contact import ContactData, EmailAddress, OrganisationData
from fiac_press_desk.services import Services
from fiac_press_desk.services.contact_history import EnquiryMade, ReleaseReceived
from fiac_press_desk.storage.models import Distribution, Enquiry, Release

T0 = datetime(2024, 1, 31, 9, 0, tzinfo=UTC)


def _contact(services: Services, family: str) -> int:
    return services.contacts.create(
        ContactData(
            given_name="Camille",
            family_name=family,
            organization="Le Quotidien de la Santé",
            emails=[EmailAddress(f"{family.lower()}@example.fr", "work")],
        )
    )


def _release(services: Services, title: str, day: date, reference: str) -> int:
    with services.db.transaction() as session:
        release = Release(title=title, release_date=day, reference=reference, status="sent")
        session.add(release)
        session.flush()
        return release.id


def _distribute(
    services: Services,
    release_id: int,
    contact_id: int,
    address: str,
    sent_at: datetime | None,
    status: str = "sent",
    channel: str = "email",
    created_at: datetime = T0,
) -> None:
    with services.db.transaction() as session:
        session.add(
            Distribution(
                release_id=release_id,
                contact_id=contact_id,
                address=address,
                channel=channel,
                status=status,
                sent_at=sent_at,
                created_at=created_at,
                error="550 mailbox unavailable" if status == "failed" else "",
            )
        )


def _enquiry(
    services: Services,
    contact_id: int | None,
    subject: str,
    received_at: datetime,
    organisation_id: int | None = None,
    release_id: int | None = None,
    status: str = "new",
) -> None:
    with services.db.transaction() as session:
        session.add(
            Enquiry(
                contact_id=contact_id,
                subject=subject,
                received_at=received_at,
                organisation_id=organisation_id,
                release_id=release_id,
                status=status,
                request_type="interview",
                channel="phone",
                deadline=received_at + timedelta(days=2),
            )
        )


def test_empty_history(services: Services) -> None:
    contact = _contact(services, "Durand")
    history = services.history.for_contact(contact)
    assert history.contact_id == contact
    assert history.is_empty
    assert history.timeline() == []


def test_unknown_contact_has_no_history(services: Services) -> None:
    assert services.history.for_contact(999_999).is_empty


def test_releases_received_newest_first_with_ledger_details(services: Services) -> None:
    camille, other = _contact(services, "Durand"), _contact(services, "Morel")
    first = _release(services, "Lancement de la Filière", date(2024, 1, 31), "CP-2024-01")
    second = _release(services, "Premiers résultats", date(2024, 6, 12), "CP-2024-06")
    third = _release(services, "Colloque d'automne", date(2024, 10, 2), "CP-2024-10")
    _distribute(services, first, camille, "durand@example.fr", T0)
    _distribute(services, second, camille, "durand@example.fr", T0 + timedelta(days=133))
    # queued but not sent yet: placed by the time it was queued
    _distribute(
        services,
        third,
        camille,
        "durand@example.fr",
        None,
        status="pending",
        created_at=T0 + timedelta(days=245),
    )
    _distribute(services, second, other, "morel@example.fr", T0 + timedelta(days=133))

    received = services.history.releases_received(camille)

    assert [r.title for r in received] == [
        "Colloque d'automne",
        "Premiers résultats",
        "Lancement de la Filière",
    ]
    latest_sent = received[1]
    assert latest_sent == ReleaseReceived(
        distribution_id=latest_sent.distribution_id,
        release_id=second,
        title="Premiers résultats",
        reference="CP-2024-06",
        release_date=date(2024, 6, 12),
        address="durand@example.fr",
        channel="email",
        status="sent",
        sent_at=T0 + timedelta(days=133),
        created_at=T0,
    )
    assert received[0].sent_at is None and received[0].status == "pending"
    assert received[0].when == T0 + timedelta(days=245)
    assert [r.address for r in services.history.releases_received(other)] == ["morel@example.fr"]


def test_failed_and_postal_distributions_keep_their_reason_and_address(services: Services) -> None:
    camille = _contact(services, "Durand")
    release = _release(services, "Lancement de la Filière", date(2024, 1, 31), "CP-2024-01")
    _distribute(services, release, camille, "durand@example.fr", None, status="failed")
    _distribute(services, release, camille, "12 rue Pasteur, 75013 Paris", T0, "recorded", "post")
    received = services.history.releases_received(camille)
    by_channel = {r.channel: r for r in received}
    assert by_channel["email"].error == "550 mailbox unavailable"
    assert by_channel["post"].address == "12 rue Pasteur, 75013 Paris"
    assert by_channel["post"].status == "recorded"


def test_enquiries_made_newest_first_with_organisation_and_release(services: Services) -> None:
    camille, other = _contact(services, "Durand"), _contact(services, "Morel")
    outlet = services.organisations.create(OrganisationData(name="Radio Hexagone"))
    release = _release(services, "Lancement de la Filière", date(2024, 1, 31), "CP-2024-01")
    _enquiry(services, camille, "Demande d'interview", T0 + timedelta(days=1), outlet, release)
    _enquiry(services, camille, "Chiffres du registre", T0 + timedelta(days=40), status="answered")
    _enquiry(services, other, "Visuels", T0 + timedelta(days=3))
    _enquiry(services, None, "Appel anonyme", T0 + timedelta(days=4))

    made = services.history.enquiries_made(camille)

    assert [e.subject for e in made] == ["Chiffres du registre", "Demande d'interview"]
    assert made[0].status == "answered"
    assert made[1].organisation == "Radio Hexagone"
    assert made[1].release_title == "Lancement de la Filière"
    assert made[1].deadline == T0 + timedelta(days=3)
    assert made[1].request_type == "interview" and made[1].channel == "phone"


def test_timeline_merges_both_newest_first_and_limit_caps_each(services: Services) -> None:
    camille = _contact(services, "Durand")
    releases = [
        _release(services, f"Communiqué {i}", date(2024, 1 + i, 1), f"CP-{i}") for i in range(3)
    ]
    for i, release in enumerate(releases):
        _distribute(services, release, camille, "durand@example.fr", T0 + timedelta(days=30 * i))
    _enquiry(services, camille, "Entre deux envois", T0 + timedelta(days=45))

    history = services.history.for_contact(camille)
    timeline = history.timeline()
    assert [type(e) for e in timeline] == [
        ReleaseReceived,
        EnquiryMade,
        ReleaseReceived,
        ReleaseReceived,
    ]
    assert [e.when for e in timeline] == sorted((e.when for e in timeline), reverse=True)

    capped = services.history.for_contact(camille, limit=2)
    assert [r.title for r in capped.releases] == ["Communiqué 2", "Communiqué 1"]
    assert len(capped.enquiries) == 1


def test_history_follows_a_contact_merge(services: Services) -> None:
    keep, other = _contact(services, "Durand"), _contact(services, "Morel")
    release = _release(services, "Lancement de la Filière", date(2024, 1, 31), "CP-2024-01")
    _distribute(services, release, other, "morel@example.fr", T0)
    _enquiry(services, other, "Demande d'interview", T0 + timedelta(days=1))
    services.contacts.merge(keep, other)
    history = services.history.for_contact(keep)
    assert [r.address for r in history.releases] == ["morel@example.fr"]
    assert [e.subject for e in history.enquiries] == ["Demande d'interview"]
