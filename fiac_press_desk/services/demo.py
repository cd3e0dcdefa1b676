"""Fill a database with the demonstration set: organisations, contacts, lists, the January 2024
release with its distribution, and enquiries in various states."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime

from fiac_press_desk.domain.contact import ContactData, EmailAddress, Phone
from fiac_press_desk.domain.enums import ContactKind, LawfulBasis
from fiac_press_desk.services import demo_coverage, demo_data, demo_enquiries, demo_releases
from fiac_press_desk.services.hub import Services

DEFAULT_CONTACTS = 60
FIAC_NAME = "Filière Intelligence Artificielle et Cancers (FIAC)"
# The press officer's record marks a database that already holds the demonstration set.
PRESS_OFFICER_UID = "urn:fiac-press-desk:demo:press-officer"


@dataclass
class DemoSummary:
    """What ``fill`` added, for the message that reports it."""

    contacts: int = 0
    organisations: int = 0
    lists: int = 0
    releases: int = 0
    distributions: int = 0
    enquiries: int = 0
    extra: dict[str, int] = field(default_factory=dict)
    already_present: bool = False  # the demo was loaded before: nothing was added


def press_officer() -> ContactData:
    """The organisation's own press contact (a fictional stand-in for the real one)."""
    return ContactData(
        kind=ContactKind.OTHER,
        civility="Mme",
        given_name="Claire",
        family_name="Fontanel",
        job_title="Contact presse",
        organization=FIAC_NAME,
        emails=[EmailAddress("presse@example.fr", "work")],
        phones=[Phone("01 40 00 00 00", "work")],
        lawful_basis=LawfulBasis.CONTRACT,
        uid=PRESS_OFFICER_UID,
        data_source="Données de démonstration",
        notes="Contact presse de la Filière (personne fictive des données de démonstration).",
    )


def fill(
    services: Services, contacts: int = DEFAULT_CONTACTS, now: datetime | None = None
) -> DemoSummary:
    """Load the demonstration set once; a second call adds nothing (no duplicate people)."""
    now = now or datetime.now(UTC)
    summary = DemoSummary()
    if has_demo(services):
        summary.already_present = True
        return summary
    existing = {o.name for o in services.organisations.all()}
    for org in demo_data.organisations():
        if org.name not in existing:
            services.organisations.create(org)
            summary.organisations += 1
    for name in demo_data.LISTS:
        if services.lists.id_for(name) is None:
            services.lists.create(name)
            summary.lists += 1
    records = [press_officer(), *demo_data.generate_contacts(contacts)]
    ids = services.contacts.create_many(records)
    summary.contacts = len(ids)
    demo_releases.fill(services, ids, now, summary)
    demo_enquiries.fill(services, ids, now, summary)
    demo_coverage.fill(services, ids, now, summary)
    return summary


def has_demo(services: Services) -> bool:
    """Whether the demo data are there already (the demo is added once)."""
    from sqlalchemy import select

    from fiac_press_desk.storage.models import Contact

    with services.db.session() as session:
        found = session.scalar(select(Contact.id).where(Contact.uid == PRESS_OFFICER_UID))
    return found is not None
