"""Contacts and releases the releases/distribution/sending tests share: a small newsroom with
every case the skip rules know (opted out, archived, no address, a shared mailbox)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

from fiac_press_desk.domain.contact import (
    ContactData,
    EmailAddress,
    OrganisationData,
    PostalAddress,
)
from fiac_press_desk.domain.enums import ContactKind, OrganisationType, SalutationStyle
from fiac_press_desk.services import Services
from fiac_press_desk.services.releases import AttachmentFile, ReleaseData
from fiac_press_desk.services.sending import Security, SmtpSettings

LIST = "Journalistes santé"
PDF = b"%PDF-1.4\n% test release\n" + bytes(range(256)) * 4
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


@dataclass
class Newsroom:
    dupont: int  # Mme Camille Dupont, formal
    martin: int  # M. Paul Martin, formal
    camille: int  # Camille Roux, informal
    lefevre: int  # Dr Hélène Lefèvre, tagged "VIP" only (not in the list)
    opted_out: int
    archived: int
    no_email: int
    shared: int  # shares Martin's mailbox
    partner: int  # at a hospital, not in the list

    @property
    def in_list(self) -> list[int]:
        return [
            self.dupont,
            self.martin,
            self.camille,
            self.opted_out,
            self.archived,
            self.no_email,
            self.shared,
        ]


def person(
    given: str,
    family: str,
    email: str | None,
    *,
    civility: str = "",
    informal: bool = False,
    lists: tuple[str, ...] = (LIST,),
    tags: tuple[str, ...] = (),
    organization: str = "Le Quotidien de la Santé",
    kind: ContactKind = ContactKind.JOURNALIST,
    opted_out: bool = False,
    archived: bool = False,
    address: PostalAddress | None = None,
) -> ContactData:
    return ContactData(
        kind=kind,
        civility=civility,
        given_name=given,
        family_name=family,
        organization=organization,
        emails=[EmailAddress(email, "work")] if email else [],
        addresses=[address] if address else [],
        lists=list(lists),
        tags=list(tags),
        opted_out=opted_out,
        archived=archived,
        salutation=SalutationStyle.INFORMAL if informal else SalutationStyle.FORMAL,
    )


def newsroom(services: Services) -> Newsroom:
    services.organisations.create(
        OrganisationData("Le Quotidien de la Santé", OrganisationType.DAILY_PRESS)
    )
    services.organisations.create(OrganisationData("Radio Hexagone", OrganisationType.RADIO))
    services.organisations.create(OrganisationData("CHU de Fictiville", OrganisationType.HOSPITAL))
    ids = services.contacts.create_many(
        [
            person(
                "Camille",
                "Dupont",
                "camille.dupont@example.fr",
                civility="Mme",
                address=PostalAddress(
                    "work", "12 rue de la Santé", postal_code="75013", city="Paris"
                ),
            ),
            person(
                "Paul",
                "Martin",
                "redaction@example.org",
                civility="M.",
                organization="Radio Hexagone",
            ),
            person("Camille", "Roux", "camille.roux@example.com", civility="Mme", informal=True),
            person(
                "Hélène",
                "Lefèvre",
                "helene.lefevre@example.fr",
                civility="Dr",
                lists=(),
                tags=("VIP",),
            ),
            person("Olivier", "Désinscrit", "olivier@example.fr", civility="M.", opted_out=True),
            person("Anne", "Archivée", "anne@example.fr", civility="Mme", archived=True),
            person("Sans", "Adresse", None, civility="M."),
            person("Léa", "Partage", "REDACTION@example.org", civility="Mme"),
            person(
                "Jean",
                "Hôpital",
                "jean.hopital@example.fr",
                civility="Pr",
                lists=(),
                organization="CHU de Fictiville",
                kind=ContactKind.PARTNER,
            ),
        ]
    )
    return Newsroom(*ids)


def release(
    services: Services,
    title: str = "La Filière réunit les acteurs des données de vie réelle",
    *,
    embargo: datetime | None = None,
    attachments: list[AttachmentFile] | None = None,
    language: str = "fr",
) -> int:
    return services.releases.create(
        ReleaseData(
            title=title,
            release_date=date(2024, 1, 31),
            embargo_at=embargo,
            language=language,
            summary="Une première journée d'échanges à Paris.",
            body="Premier paragraphe.\n\nDeuxième paragraphe avec **du gras**.",
        ),
        attachments,
    )


def smtp_settings(host: str, port: int, **changes: object) -> SmtpSettings:
    values: dict[str, object] = {
        "host": host,
        "port": port,
        "security": Security.NONE,
        "sender_name": "Presse FIAC",
        "sender_address": "presse@example.fr",
        "organisation": "Filière Intelligence Artificielle et Cancers",
        "pace_seconds": 0.0,
        "timeout": 10.0,
    }
    values.update(changes)
    return SmtpSettings(**values)  # type: ignore[arg-type]


def aware(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)  # type: ignore[misc]
