"""Demo releases: the organisation's release of 31 January 2024 (facts from ``seed/``, text in
our own words, no real person named) with its distribution to the demo journalists, a draft
under embargo and a release ready to go with its PDF."""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from fiac_press_desk.domain.enums import DistributionChannel, DistributionStatus, ReleaseStatus
from fiac_press_desk.services.contact_queries import ContactFilter
from fiac_press_desk.services.distribution import HistoryLine, RecipientCriteria
from fiac_press_desk.services.releases import AttachmentFile, ReleaseData

if TYPE_CHECKING:
    from fiac_press_desk.services.demo import DemoSummary
    from fiac_press_desk.services.hub import Services

PARIS = ZoneInfo("Europe/Paris")

JANUARY_TITLE = (
    "1re journée de la Filière Intelligence Artificielle et Cancers consacrée aux données de "
    "vie réelle"
)
JANUARY_SUMMARY = (
    "Le 31 janvier 2024, la Filière Intelligence Artificielle et Cancers (FIAC) a réuni à "
    "Paris, au Parisanté Campus, acteurs publics et privés pour sa toute première journée "
    "d'échanges sur les données de vie réelle et ce qu'elles peuvent apporter aux patients "
    "atteints de cancer."
)
JANUARY_BODY = """\
Chaque jour, le soin et la recherche produisent des volumes considérables de données de santé. \
Les outils pour les analyser progressent tout aussi vite, et partout dans le monde grandit \
l'envie de mieux réutiliser ces bases au service des malades.

C'est pour relever ce défi en France qu'est née la FIAC : une filière nationale qui rassemble \
hôpitaux, chercheurs, entreprises et pouvoirs publics autour de projets de recherche menés en \
commun, fondés sur la donnée et l'intelligence artificielle.

En ouvrant la journée, la présidence de la Filière a rappelé l'ambition commune : faire émerger \
plus vite des solutions innovantes pour les patients, en reliant tous les maillons de la chaîne, \
de la production de la donnée à sa structuration, de son accès à son analyse, jusqu'à la \
reconnaissance des résultats par les autorités de santé. La méthode retenue tient en quelques \
mots : des projets concrets, menés collectivement, dont l'expérience profite à tous.

La direction générale a insisté sur le dialogue entre ceux qui innovent et ceux qui utiliseront \
les solutions. En 2024, la moitié du budget de la Filière soutient directement des innovations \
nées en France.

L'Institut national du cancer a souligné la cohérence de la démarche avec la stratégie \
décennale de lutte contre les cancers, qui appelle acteurs publics et privés à unir leurs \
forces au bénéfice des patients.

Une cinquantaine d'intervenants français, européens et internationaux se sont succédé lors de \
tables rondes et de présentations, devant une salle comble de près de 400 participants. Après \
deux années de fonctionnement, la Filière a partagé ses premiers enseignements, notamment sur \
le socle minimal de données nécessaire à l'appariement avec le SNDS, l'apport du traitement \
automatique du langage pour fiabiliser les données d'accès précoce, ou l'usage des données \
publiques pour repérer les ruptures dans les parcours de soins. Ces enseignements seront \
réunis dans un rapport annuel à paraître.

La Filière tirera le bilan de cette première édition et donne d'ores et déjà rendez-vous à \
l'an prochain pour la deuxième.

En savoir plus : https://filiere-ia.fr/"""

DRAFT_TITLE = (
    "La FIAC publie son premier rapport annuel sur les données de vie réelle en cancérologie"
)
DRAFT_SUMMARY = (
    "Deux ans de projets menés en commun, des recommandations concrètes pour mieux relier les "
    "données du soin à la recherche : la Filière rend public son premier rapport annuel."
)
DRAFT_BODY = """\
Annoncé lors de la journée du 31 janvier, le rapport rassemble les enseignements des premiers \
projets de la Filière : qualité et appariement des données, traitement automatique du langage \
appliqué aux comptes rendus médicaux, description des parcours de soins.

Il formule une série de recommandations à l'intention des établissements de santé, des \
industriels et des autorités, et présente les projets qui seront soutenus cette année.

Le rapport complet est joint à ce communiqué ; l'équipe de la Filière se tient à la \
disposition des journalistes pour des entretiens."""

READY_TITLE = "Appel à projets : la Filière soutient l'innovation française en oncologie"
READY_SUMMARY = (
    "La FIAC ouvre son appel à projets annuel : équipes hospitalières, laboratoires et jeunes "
    "entreprises peuvent proposer jusqu'à la fin du trimestre des projets fondés sur les "
    "données et l'IA en cancérologie."
)
READY_BODY = """\
Les projets retenus bénéficieront d'un financement, d'un accès facilité aux données des \
membres de la Filière et d'un accompagnement par ses experts.

Seront privilégiés les projets associant au moins un établissement de soins et un partenaire \
industriel, avec un bénéfice attendu pour les patients dans les trois ans.

Le règlement de l'appel à projets est joint à ce communiqué."""


def fill(services: Services, contact_ids: list[int], now: datetime, summary: DemoSummary) -> None:
    """Add the demo releases for ``contact_ids`` (the first one is the press officer)."""
    taken = {r.reference for r in services.releases.rows()}
    today = now.astimezone(PARIS).date()
    if "CP-2024-01" not in taken:
        january = services.releases.create(
            ReleaseData(
                title=JANUARY_TITLE,
                reference="CP-2024-01",
                release_date=date(2024, 1, 31),
                language="fr",
                status=ReleaseStatus.READY,
                summary=JANUARY_SUMMARY,
                body=JANUARY_BODY,
            ),
            [AttachmentFile("communique-fiac-2024-01-31.pdf", demo_pdf(JANUARY_TITLE))],
        )
        summary.releases += 1
        summary.distributions += _january_distribution(services, january, contact_ids[1:])
    draft_ref = f"CP-{today.year}-90"
    if draft_ref not in taken:
        embargo_day = today + timedelta(days=14)
        services.releases.create(
            ReleaseData(
                title=DRAFT_TITLE,
                reference=draft_ref,
                release_date=embargo_day,
                embargo_at=datetime.combine(embargo_day, time(10, 0), PARIS),
                status=ReleaseStatus.DRAFT,
                summary=DRAFT_SUMMARY,
                body=DRAFT_BODY,
            )
        )
        summary.releases += 1
    ready_ref = f"CP-{today.year}-91"
    if ready_ref not in taken:
        services.releases.create(
            ReleaseData(
                title=READY_TITLE,
                reference=ready_ref,
                release_date=today + timedelta(days=3),
                status=ReleaseStatus.READY,
                summary=READY_SUMMARY,
                body=READY_BODY,
            ),
            [AttachmentFile("reglement-appel-a-projets.pdf", demo_pdf(READY_TITLE))],
        )
        summary.releases += 1


def _january_distribution(services: Services, release_id: int, contact_ids: list[int]) -> int:
    """The journalists got it by email on the morning of the 31st (a couple of addresses
    bounced); a few more took the press kit at the event itself."""
    journalists = services.contact_queries.ids(
        ContactFilter(kind="journalist", ids=contact_ids, archived=None)
    )
    plan = services.distributions.plan(release_id, RecipientCriteria(contact_ids=journalists))
    rng = random.Random(31)
    morning = datetime(2024, 1, 31, 9, 30, tzinfo=PARIS)
    lines = []
    for n, r in enumerate(plan.to_send):
        at = morning + timedelta(seconds=2 * n)
        roll = rng.random()
        if roll < 0.05:
            lines.append(
                HistoryLine(
                    r.contact_id,
                    r.address,
                    DistributionChannel.EMAIL,
                    DistributionStatus.FAILED,
                    at,
                    "550 5.1.1 Adresse inconnue / mailbox unavailable",
                )
            )
        elif roll < 0.15:
            event = datetime(2024, 1, 31, 17, 30, tzinfo=PARIS)
            lines.append(
                HistoryLine(
                    r.contact_id,
                    "",
                    DistributionChannel.PRESS_KIT,
                    DistributionStatus.RECORDED,
                    event,
                )
            )
        else:
            lines.append(
                HistoryLine(
                    r.contact_id, r.address, DistributionChannel.EMAIL, DistributionStatus.SENT, at
                )
            )
    # Saved as the release's criteria: "new recipients only" then finds journalists added since.
    return services.distributions.import_history(
        release_id, lines, RecipientCriteria(contact_kinds=["journalist"])
    )


def demo_pdf(title: str) -> bytes:
    """A small valid one-page PDF showing ``title`` (enough for a demo attachment)."""
    text = title.encode("latin-1", "replace").replace(b"(", b"[").replace(b")", b"]")
    stream = b"BT /F1 14 Tf 50 780 Td (" + text[:90] + b") Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return bytes(out)
