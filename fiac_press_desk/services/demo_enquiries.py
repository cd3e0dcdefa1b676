"""Demo enquiries: a dozen requests in every state, placed relative to ``now`` so that the
dashboard always shows some overdue, some due today and some answered ones."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta
from typing import TYPE_CHECKING

from fiac_press_desk.domain.enquiry import EnquiryInput
from fiac_press_desk.domain.enums import (
    ContactKind,
    EnquiryChannel,
    EnquiryStatus,
    Priority,
    RequestType,
)

if TYPE_CHECKING:
    from fiac_press_desk.services.demo import DemoSummary
    from fiac_press_desk.services.hub import Services

# Fictional spokespeople and experts of the organisation.
MARCHAND = "Pr Hélène Marchand (porte-parole)"
BENALI = "Dr Karim Benali (données de santé)"
FONTANEL = "Claire Fontanel (presse)"


@dataclass
class _Demo:
    subject: str
    received_ago: timedelta
    deadline: timedelta | str | None  # from now; "today" = later today; None = none
    channel: EnquiryChannel
    request_type: RequestType
    priority: Priority
    assignee: str
    details: str
    steps: tuple[tuple[str, timedelta, str], ...] = ()  # (status or "note", ago, text)
    outcome: str = ""
    with_release: bool = False


H = timedelta(hours=1)
D = timedelta(days=1)

DEMOS = [
    _Demo(
        "Interview sur les données de vie réelle en cancérologie",
        26 * H,
        -2 * H,
        EnquiryChannel.PHONE,
        RequestType.INTERVIEW,
        Priority.URGENT,
        MARCHAND,
        "Sujet pour le journal du soir : que changent les données de vie réelle pour les "
        "patients ? Souhaite 10 minutes avec un porte-parole, en direct ou enregistré.",
        (("in_progress", 24 * H, "Demande transmise au Pr Marchand, attend ses créneaux."),),
    ),
    _Demo(
        "Chiffres de participation à la journée du 31 janvier",
        5 * H,
        -30 * timedelta(minutes=1),
        EnquiryChannel.EMAIL,
        RequestType.FIGURES,
        Priority.HIGH,
        FONTANEL,
        "Nombre de participants, d'orateurs et de projets présentés lors de la première "
        "journée de la Filière.",
    ),
    _Demo(
        "Vérification d'une citation du président de la Filière",
        3 * H,
        90 * timedelta(minutes=1),
        EnquiryChannel.EMAIL,
        RequestType.FACT_CHECK,
        Priority.HIGH,
        FONTANEL,
        "Le journaliste veut s'assurer de l'exactitude d'une phrase reprise du discours "
        "d'ouverture avant publication.",
        (("in_progress", 2 * H, "Verbatim retrouvé dans le communiqué ; relecture en cours."),),
    ),
    _Demo(
        "Visuels haute définition de la journée de la Filière",
        2 * H,
        3 * H,
        EnquiryChannel.SOCIAL,
        RequestType.VISUALS,
        Priority.NORMAL,
        FONTANEL,
        "Photos libres de droits des tables rondes, pour illustrer un article en ligne.",
    ),
    _Demo(
        "Accès aux bases de données de santé : point de situation",
        4 * H,
        "today",
        EnquiryChannel.PHONE,
        RequestType.INFORMATION,
        Priority.NORMAL,
        BENALI,
        "Questions sur l'appariement avec le SNDS et sur les délais d'accès pour les équipes "
        "de recherche.",
    ),
    _Demo(
        "Invitation à un débat radio sur l'IA à l'hôpital",
        20 * H,
        D + 6 * H,
        EnquiryChannel.EMAIL,
        RequestType.INVITATION,
        Priority.NORMAL,
        MARCHAND,
        "Émission de débat, enregistrement en studio la semaine prochaine, 45 minutes.",
    ),
    _Demo(
        "Portrait de la Filière pour un dossier spécial innovation",
        2 * D,
        4 * D,
        EnquiryChannel.WEB_FORM,
        RequestType.INFORMATION,
        Priority.LOW,
        FONTANEL,
        "Historique, membres fondateurs, budget consacré aux innovations nées en France.",
        (("in_progress", D, "Dossier de presse envoyé ; entretien à caler."),),
    ),
    _Demo(
        "Demande de contact avec un patient partenaire",
        6 * H,
        None,
        EnquiryChannel.IN_PERSON,
        RequestType.OTHER,
        Priority.LOW,
        "",
        "Rencontrée lors d'un colloque ; souhaite témoigner d'un parcours de soins.",
    ),
    _Demo(
        "Chiffres du budget consacré aux innovations françaises",
        3 * D,
        -D,
        EnquiryChannel.EMAIL,
        RequestType.FIGURES,
        Priority.NORMAL,
        BENALI,
        "Part du budget 2024 injectée dans les projets nés en France.",
        (
            ("in_progress", 3 * D - 2 * H, ""),
            ("answered", 2 * D, "Réponse écrite : un euro sur deux du budget 2024, détail joint."),
        ),
        outcome="Chiffre repris dans l'article",
    ),
    _Demo(
        "Interview du directeur général sur la feuille de route 2024",
        8 * D,
        -6 * D,
        EnquiryChannel.PHONE,
        RequestType.INTERVIEW,
        Priority.HIGH,
        MARCHAND,
        "Entretien de 20 minutes pour un hebdomadaire économique.",
        (
            ("in_progress", 8 * D - 3 * H, "Créneau proposé jeudi 11 h."),
            ("answered", 7 * D, "Interview réalisée par téléphone, relecture des citations faite."),
            ("closed", 5 * D, "Article paru."),
        ),
        outcome="Interview publiée",
        with_release=True,
    ),
    _Demo(
        "Commentaire sur une étude étrangère non publiée",
        30 * H,
        None,
        EnquiryChannel.PHONE,
        RequestType.FACT_CHECK,
        Priority.NORMAL,
        BENALI,
        "Demande de réaction à chaud sur des résultats non encore relus par des pairs.",
        (
            (
                "declined",
                28 * H,
                "Pas de commentaire sur une étude non publiée ; rappel du principe.",
            ),
        ),
        outcome="Refus poli, pas de citation",
    ),
    _Demo(
        "Précisions sur le traitement automatisé du langage",
        4 * D,
        D,
        EnquiryChannel.EMAIL,
        RequestType.INFORMATION,
        Priority.NORMAL,
        BENALI,
        "Comment le traitement du langage aide-t-il à atteindre la qualité requise des "
        "données d'accès précoce ?",
        (
            ("answered", 3 * D, "Explications envoyées avec deux exemples de projets."),
            ("note", 20 * H, "Le journaliste rappelle : question complémentaire sur la méthode."),
            ("in_progress", 20 * H, "Rouverte pour la question complémentaire."),
        ),
    ),
]


def _quarter(when: datetime) -> datetime:
    """A deadline as people give them, on the quarter hour (rounded up: at most 15 minutes
    later, so each demo deadline keeps its urgency, the nearest past one being 30 min ago)."""
    base = when.replace(minute=when.minute - when.minute % 15, second=0, microsecond=0)
    return base if base == when else base + timedelta(minutes=15)


def fill(services: Services, contact_ids: list[int], now: datetime, summary: DemoSummary) -> None:
    """Add the demo enquiries for ``contact_ids`` (the first one is the press officer)."""
    journalists: list[int | None] = [
        c.id
        for c in services.contacts.get_many(contact_ids[1:40], with_photo=False)
        if c.kind is ContactKind.JOURNALIST and c.id is not None
    ]
    journalists = journalists or list(contact_ids[1:]) or [None]
    today = now.date()
    past = [
        r
        for r in services.enquiries.release_choices()
        if r.release_date and r.release_date <= today
    ]
    releases = past[:1]
    clock = services.enquiries.clock
    end_of_today = clock.to_utc(clock.today(now), time(23, 30))
    created = 0
    for i, demo in enumerate(DEMOS):
        received = (now - demo.received_ago).replace(second=0, microsecond=0)
        if demo.deadline == "today":
            deadline: datetime | None = max(min(_quarter(now + 6 * H), end_of_today), now)
        elif isinstance(demo.deadline, timedelta):
            deadline = max(_quarter(now + demo.deadline), received)
        else:
            deadline = None
        contact_id = journalists[(i * 7) % len(journalists)]
        eid = services.enquiries.create(
            EnquiryInput(
                subject=demo.subject,
                received_at=received,
                channel=demo.channel,
                contact_id=contact_id,
                request_type=demo.request_type,
                details=demo.details,
                deadline=deadline,
                priority=demo.priority,
                assignee=demo.assignee,
                release_id=releases[0].id if demo.with_release and releases else None,
            ),
            author=FONTANEL,
        )
        for step, ago, text in demo.steps:
            at = max(now - ago, received)
            if step == "note":
                services.enquiries.add_note(eid, text, author=FONTANEL, at=at)
                continue
            status = EnquiryStatus(step)
            final = status is EnquiryStatus.ANSWERED or status is EnquiryStatus.DECLINED
            services.enquiries.change_status(
                eid,
                status,
                note=text,
                author=demo.assignee or FONTANEL,
                outcome=demo.outcome if final and demo.outcome else None,
                at=at,
            )
        created += 1
    summary.enquiries += created
