"""Demo coverage: a release sent two months ago to the demo journalists, and the articles,
broadcasts and posts it and the January 2024 release led to, spread over the last year so
that a new user sees the report's charts filled. Titles are invented; no real outlet."""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from fiac_press_desk.domain.contact import ContactData
from fiac_press_desk.domain.coverage import Attachment, CoverageInput, Medium, Tone
from fiac_press_desk.domain.enums import (
    ContactKind,
    DistributionChannel,
    OrganisationType,
    ReleaseStatus,
)
from fiac_press_desk.services.demo_data import OUTLETS
from fiac_press_desk.services.releases import ReleaseData

if TYPE_CHECKING:
    from fiac_press_desk.services.demo import DemoSummary
    from fiac_press_desk.services.hub import Services

PARIS = ZoneInfo("Europe/Paris")
SENT_TITLE = "La FIAC rejoint le réseau européen des données de santé en cancérologie"
SENT_SUMMARY = (
    "La Filière devient membre d'un réseau européen qui relie les entrepôts de données de "
    "santé de douze pays, pour accélérer les projets de recherche menés en commun."
)
MEDIUM_OF_KIND = {
    OrganisationType.DAILY_PRESS: (Medium.PRINT, Medium.WEB),
    OrganisationType.WEEKLY: (Medium.PRINT, Medium.WEB),
    OrganisationType.MAGAZINE: (Medium.PRINT,),
    OrganisationType.RADIO: (Medium.RADIO,),
    OrganisationType.TV: (Medium.TV,),
    OrganisationType.WEB: (Medium.WEB, Medium.SOCIAL),
    OrganisationType.AGENCY: (Medium.AGENCY,),
}
AUDIENCE = {
    Medium.PRINT: (15_000, 180_000),
    Medium.WEB: (5_000, 90_000),
    Medium.RADIO: (40_000, 600_000),
    Medium.TV: (150_000, 1_500_000),
    Medium.AGENCY: (0, 0),
    Medium.SOCIAL: (2_000, 30_000),
}
TITLES = (
    "Données de santé : la filière IA et cancers passe à l'échelle européenne",
    "Cancer et intelligence artificielle : ce que change le réseau européen",
    "Entrepôts de données : douze pays mettent leurs forces en commun",
    "La recherche sur le cancer mise sur les données de vie réelle",
    "IA et oncologie : les promesses et les garde-fous",
    "Ce que les comptes rendus médicaux apprennent aux algorithmes",
    "Parcours de soins : repérer les ruptures grâce aux données publiques",
    "Une journée pour faire dialoguer hôpitaux, chercheurs et industriels",
    "Données de vie réelle : la France accélère",
    "Le rapport annuel de la filière attendu au printemps",
    "Trois questions à l'équipe de la filière IA et cancers",
    "Appariement avec le SNDS : un socle minimal de données proposé",
)


def fill(services: Services, contact_ids: list[int], now: datetime, summary: DemoSummary) -> None:
    """Add the sent release and about thirty coverage items (the first id is the officer)."""
    rng = random.Random(16)
    today = now.astimezone(PARIS).date()
    journalists = [
        c
        for c in services.contacts.get_many(contact_ids[1:], with_photo=False)
        if c.kind is ContactKind.JOURNALIST and c.id is not None and not c.opted_out
    ]
    sent_day = today - timedelta(days=60)
    sent = services.releases.create(
        ReleaseData(
            title=SENT_TITLE,
            reference=f"CP-{sent_day.year}-07",
            release_date=sent_day,
            status=ReleaseStatus.SENT,
            summary=SENT_SUMMARY,
            body=SENT_SUMMARY,
        )
    )
    summary.releases += 1
    at = datetime.combine(sent_day, time(9, 30), PARIS)
    services.distributions.record(
        sent, [c.id for c in journalists if c.id is not None], at, DistributionChannel.EMAIL
    )
    january = next(
        (r.id for r in services.enquiries.release_choices() if r.release_date == date(2024, 1, 31)),
        None,
    )
    enquiries = [r for r in services.enquiries.rows() if r.contact_id is not None]
    kinds = dict(OUTLETS)
    by_outlet: dict[str, list[ContactData]] = {}
    for c in journalists:
        by_outlet.setdefault(c.organization, []).append(c)
    outlets = [name for name, _ in OUTLETS]
    weights = [6, 4, 3, 5, 2, 5, 4, 3, 2, 2, 3, 4, 2, 1, 1]
    created = 0
    plan: list[tuple[date, int | None]] = []
    plan += [(sent_day + timedelta(days=rng.randint(0, 20)), sent) for _ in range(14)]
    plan += [(today - timedelta(days=rng.randint(70, 360)), None) for _ in range(12)]
    if january is not None:
        plan += [(date(2024, 2, 1) + timedelta(days=rng.randint(0, 10)), january) for _ in range(5)]
    for i, (day, release_id) in enumerate(sorted(plan)):
        day = min(day, today)
        outlet = rng.choices(outlets, weights)[0]
        medium = rng.choice(MEDIUM_OF_KIND.get(kinds[outlet], (Medium.WEB,)))
        low, high = AUDIENCE[medium]
        people = by_outlet.get(outlet, [])
        author = rng.choice(people) if people and rng.random() < 0.8 else None
        enquiry = None
        if author is not None and release_id is None:
            enquiry = next((e.id for e in enquiries if e.contact_id == author.id), None)
        tone = rng.choices((Tone.POSITIVE, Tone.NEUTRAL, Tone.NEGATIVE), (5, 4, 1))[0]
        services.coverage.create(
            CoverageInput(
                title=TITLES[i % len(TITLES)],
                published_on=day,
                outlet=outlet,
                contact_id=author.id if author is not None else None,
                link=f"https://{_slug(outlet)}.example.org/{day:%Y/%m/%d}/article-{i + 1}"
                if medium in (Medium.WEB, Medium.SOCIAL, Medium.PRINT)
                else "",
                medium=medium,
                audience=rng.randrange(low, high + 1, 500) if high else None,
                tone=tone,
                release_id=release_id,
                enquiry_id=enquiry,
                notes="Retombée fictive des données de démonstration.",
            ),
            attachment=Attachment("coupure.pdf", "application/pdf", _clipping(TITLES[i % 12]))
            if i % 5 == 0
            else None,
        )
        created += 1
    summary.extra["coverage"] = created


def _slug(name: str) -> str:
    from fiac_press_desk.services.demo_data import _slug as slug

    return slug(name)


def _clipping(title: str) -> bytes:
    from fiac_press_desk.services.demo_releases import demo_pdf

    return demo_pdf(title)
