"""The record of processing (GDPR article 30): the register entry for the press file, filled
from the GDPR settings (controller, DPO, purpose, people, data, recipients, retention,
security) and from the database's own counts, as a French document for the DPO.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from fiac_press_desk.domain.gdpr_messages import GdprValidationError
from fiac_press_desk.interchange.document import Document, TextStyle
from fiac_press_desk.services import gdpr_labels as fr
from fiac_press_desk.services.base import ServiceBase
from fiac_press_desk.services.gdpr_register import NOTICE_MONTHS, add_months
from fiac_press_desk.services.gdpr_retention import RetentionService
from fiac_press_desk.services.gdpr_settings import GdprSettings, read_settings
from fiac_press_desk.storage.models import (
    AuditEntry,
    Contact,
    Distribution,
    Enquiry,
    Suppression,
)
from fiac_press_desk.storage.types import utcnow


@dataclass
class ProcessingFigures:
    """What the database says about the processing, at ``at``."""

    at: datetime
    contacts: int = 0
    by_kind: dict[str, int] = field(default_factory=dict)
    by_basis: dict[str, int] = field(default_factory=dict)
    by_source: dict[str, int] = field(default_factory=dict)
    archived: int = 0
    opted_out: int = 0
    informed: int = 0
    to_inform: int = 0
    notice_overdue: int = 0  # not informed a month after collection
    due_for_review: int = 0
    oldest_contact: datetime | None = None
    releases_sent: int = 0  # releases that reached at least one person
    distributions: int = 0
    enquiries: int = 0
    access_requests: int = 0  # dossiers handed out
    erasures: int = 0  # people erased
    suppressed: int = 0  # keys on the suppression list


class ProcessingRecordService(ServiceBase):
    """The record of processing (article 30), filled from the settings and the database's counts."""

    def figures(self, now: datetime | None = None) -> ProcessingFigures:
        """The counts the record quotes (people by kind, basis, source, notices...) at ``now``."""
        return self._read(now)[1]

    def document(self, now: datetime | None = None) -> Document:
        """The record as a document, to render or to read as text in tests."""
        return record_document(*self._read(now))

    def write(self, target: Path, now: datetime | None = None) -> Path:
        """The record as a PDF (written whole or not at all)."""
        if target.suffix.lower() != ".pdf":
            raise GdprValidationError("out", "register_suffix", path=str(target))
        from fiac_press_desk.interchange.document_pdf import write_pdf

        write_pdf(self.document(now), target)
        return target

    def _read(self, now: datetime | None) -> tuple[GdprSettings, ProcessingFigures]:
        at = now or utcnow()
        out = ProcessingFigures(at)
        with self.db.session() as session:
            count = func.count()
            out.contacts = int(session.scalar(select(count).select_from(Contact)) or 0)
            for column, target in (
                (Contact.kind, out.by_kind),
                (Contact.lawful_basis, out.by_basis),
                (Contact.collected_via, out.by_source),
            ):
                for value, n in session.execute(select(column, count).group_by(column)):
                    target[value] = n
            out.archived = _count(session, Contact.archived.is_(True))
            out.opted_out = _count(session, Contact.opted_out.is_(True))
            out.informed = _count(session, Contact.informed_at.is_not(None))
            out.to_inform = out.contacts - out.informed
            out.notice_overdue = _count(
                session,
                Contact.informed_at.is_(None),
                Contact.created_at < add_months(at, -NOTICE_MONTHS),
            )
            out.oldest_contact = session.scalar(select(func.min(Contact.created_at)))
            out.releases_sent = int(
                session.scalar(
                    select(func.count(func.distinct(Distribution.release_id))).where(
                        Distribution.status.in_(("sent", "recorded"))
                    )
                )
                or 0
            )
            out.distributions = int(session.scalar(select(count).select_from(Distribution)) or 0)
            out.enquiries = int(session.scalar(select(count).select_from(Enquiry)) or 0)
            out.access_requests = int(
                session.scalar(select(count).where(AuditEntry.action == "access")) or 0
            )
            for (details,) in session.execute(
                select(AuditEntry.details).where(AuditEntry.action == "erase")
            ):
                try:
                    out.erasures += int(json.loads(details).get("people", 1))
                except (ValueError, AttributeError, TypeError):
                    out.erasures += 1
            out.suppressed = int(session.scalar(select(count).select_from(Suppression)) or 0)
            settings = read_settings(session)
        out.due_for_review = RetentionService(self.db, self.actor).count_due(at)
        return settings, out


def _count(session: Session, *conditions: ColumnElement[bool]) -> int:
    return int(session.scalar(select(func.count()).select_from(Contact).where(*conditions)) or 0)


def _split(counts: dict[str, int], words: dict[str, str]) -> str:
    parts = [
        f"{fr.word(words, key)} : {n}" for key, n in sorted(counts.items(), key=lambda kv: -kv[1])
    ]
    return " ; ".join(parts) or "—"


def record_document(s: GdprSettings, f: ProcessingFigures) -> Document:
    """Lay out the record of processing in French from the settings and the figures."""
    doc = Document(
        title="Registre des activités de traitement",
        subtitle=(
            f"Fichier des relations presse de {s.controller} · fiche établie le {fr.day(f.at)} "
            "(RGPD, article 30)"
        ),
        author=s.controller,
        footer=f"Registre des traitements · relations presse · {fr.short_day(f.at)}",
        created_at=f.at,
    )
    doc.heading("1. Responsable du traitement")
    doc.key_values(
        [
            ("Responsable", s.controller),
            ("Adresse", s.controller_address or "à compléter dans les paramètres"),
            ("Délégué à la protection des données", s.dpo_line().replace("—", "") or "à désigner"),
        ]
    )
    doc.heading("2. Le traitement")
    doc.key_values(
        [
            ("Nom", "Fichier des relations presse (logiciel FIAC Press Desk)"),
            ("Finalité", s.purpose),
            ("Bases légales", _split(f.by_basis, fr.LAWFUL_BASIS)),
            (
                "Décisions automatisées",
                "Aucune : le logiciel ne prend aucune décision ni ne profile les personnes.",
            ),
        ]
    )
    doc.heading("3. Personnes concernées")
    doc.key_values(
        [
            ("Catégories", s.people),
            (
                "Nombre",
                f"{fr.count(f.contacts, 'personne', 'personnes')} "
                f"({_split(f.by_kind, fr.CONTACT_KIND)})",
            ),
            ("Dont archivées", str(f.archived)),
            ("Dont désinscrites", f"{f.opted_out} (ne reçoivent plus rien)"),
        ]
    )
    doc.heading("4. Données traitées et leur origine")
    doc.key_values(
        [
            ("Catégories de données", s.data_categories),
            ("Origine", _split(f.by_source, fr.COLLECTED_VIA)),
            ("Plus ancienne fiche", fr.day(f.oldest_contact)),
        ]
    )
    doc.heading("5. Destinataires et transferts")
    doc.key_values([("Destinataires", s.recipients), ("Transferts hors UE", s.transfers)])
    doc.heading("6. Durée de conservation")
    doc.key_values(
        [
            (
                "Durée",
                s.retention_text().capitalize() + " (référence CNIL pour les fichiers presse).",
            ),
            (
                "Réexamen",
                f"{fr.count(f.due_for_review, 'fiche', 'fiches')} sans échange depuis plus de "
                f"{fr.count(s.retention_years, 'an', 'ans')}, à conserver (motif daté), "
                "archiver ou effacer.",
            ),
        ]
    )
    doc.heading("7. Mesures de sécurité")
    doc.paragraph(s.security)
    doc.heading("8. Droits des personnes")
    doc.key_values(
        [
            (
                "Information (art. 14)",
                f"{fr.count(f.informed, 'personne informée', 'personnes informées')}, "
                f"{f.to_inform} à informer, dont {f.notice_overdue} au-delà du délai d'un mois.",
            ),
            ("Dossiers d'accès remis", str(f.access_requests)),
            (
                "Effacements",
                f"{fr.count(f.erasures, 'personne effacée', 'personnes effacées')}, à la "
                "demande des personnes ou au réexamen de la conservation.",
            ),
            (
                "Liste des effacés",
                f"{fr.count(f.suppressed, 'adresse ou numéro', 'adresses et numéros')} de "
                "personnes effacées, gardés sous forme d'empreinte chiffrée (HMAC) : un import "
                "ou un courriel ne peut pas les réintroduire.",
            ),
            ("Désinscriptions", str(f.opted_out)),
        ]
    )
    doc.heading("9. Activité enregistrée")
    doc.table(
        ["Indicateur", "Nombre"],
        [
            ["Contacts", str(f.contacts)],
            ["Communiqués diffusés", str(f.releases_sent)],
            ["Lignes d'envoi (toutes)", str(f.distributions)],
            ["Demandes presse", str(f.enquiries)],
        ],
        widths=[4, 1],
        align_right=[1],
    )
    doc.paragraph(
        f"Chiffres lus dans la base le {fr.moment(f.at)} (heure de Paris). Les textes des "
        "sections 1 à 7 se modifient dans les paramètres RGPD du logiciel.",
        TextStyle.SMALL,
    )
    return doc
