"""Right of access and portability (GDPR articles 15 and 20): one person's dossier.

Everything the desk stores about the person: their card, the releases they received (date,
channel, address), their enquiries with each line of the thread, the notices sent to them,
the imports that brought or changed them, the audit entries about them, and, table by table,
every raw row found through ``gdpr_references`` (so a table added later is in the dossier
without anyone listing it). Written as JSON (portability) and as a French PDF to read.
"""

from __future__ import annotations

import base64
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select

from fiac_press_desk.domain.gdpr_messages import GdprValidationError
from fiac_press_desk.domain.normalize import display_phone
from fiac_press_desk.interchange.document import Document, TextStyle
from fiac_press_desk.interchange.json_export import contact_json
from fiac_press_desk.services import gdpr_labels as fr
from fiac_press_desk.services.base import ServiceBase, get_or_404
from fiac_press_desk.services.gdpr_references import audit_mentions, person_rows
from fiac_press_desk.services.gdpr_register import RegisterEntry, register_entry
from fiac_press_desk.services.gdpr_settings import GdprSettings, read_settings
from fiac_press_desk.storage.contact_record import to_data
from fiac_press_desk.storage.models import (
    AuditEntry,
    Contact,
    Distribution,
    Enquiry,
    EnquiryEvent,
    ImportBatch,
    ImportBatchItem,
    InformationNotice,
    Organisation,
    Release,
)
from fiac_press_desk.storage.types import utcnow

FORMATS = (".json", ".pdf")


@dataclass
class AccessDossier:
    """One person's data, ready for JSON (``to_json``) or a document (``document``)."""

    contact_id: int
    name: str
    generated_at: datetime
    settings: GdprSettings
    contact: dict[str, Any]
    register: RegisterEntry
    releases: list[dict[str, Any]] = field(default_factory=list)
    enquiries: list[dict[str, Any]] = field(default_factory=list)
    notices: list[dict[str, Any]] = field(default_factory=list)
    imports: list[dict[str, Any]] = field(default_factory=list)
    audit: list[dict[str, Any]] = field(default_factory=list)
    tables: dict[str, list[dict[str, Any]]] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        """The dossier as JSON (portability, article 20): plain types, dates in ISO 8601."""
        r = self.register
        return {
            "dossier": {
                "generated_at": self.generated_at.isoformat(),
                "controller": self.settings.controller,
                "data_protection_officer": self.settings.dpo_line(),
                "contact_id": self.contact_id,
                "articles": "GDPR 15 (access), 20 (portability)",
            },
            "contact": self.contact,
            "register": {
                "lawful_basis": r.lawful_basis.value,
                "collected_via": r.collected_via.value,
                "data_source": r.data_source,
                "collected_at": _json_value(r.collected_at),
                "import_batch_id": r.import_batch_id,
                "informed_at": _json_value(r.informed_at),
                "informed_how": r.informed_how.value if r.informed_how else None,
                "last_interaction_at": _json_value(r.last_interaction_at),
                "last_interaction_kind": (
                    r.last_interaction_kind.value if r.last_interaction_kind else None
                ),
                "retention_kept_at": _json_value(r.retention_kept_at),
                "retention_kept_reason": r.retention_kept_reason,
                "review_due": _json_value(r.review_due),
            },
            "releases_received": self.releases,
            "enquiries": self.enquiries,
            "information_notices": self.notices,
            "import_provenance": self.imports,
            "audit": self.audit,
            "tables": self.tables,
        }

    def document(self) -> Document:
        """The dossier as a readable French document (the answer to article 15)."""
        return dossier_document(self)


class AccessService(ServiceBase):
    """Right of access: one person's dossier, read or written as JSON and PDF."""

    def dossier(self, contact_id: int) -> AccessDossier:
        """Everything stored about the person, read in one session."""
        with self.db.session() as session:
            contact = get_or_404(session, Contact, contact_id)
            settings = read_settings(session)
            data = to_data(contact)
            batch = (
                session.get(ImportBatch, contact.import_batch_id)
                if contact.import_batch_id
                else None
            )
            tables: dict[str, list[dict[str, Any]]] = {}
            seen: set[tuple[str, tuple[Any, ...]]] = set()
            for ref, row in person_rows(session, contact_id):
                key = tuple(row[c.name] for c in ref.table.primary_key.columns)
                if (ref.name, key) in seen:
                    continue
                seen.add((ref.name, key))
                tables.setdefault(ref.name, []).append(
                    {name: _json_value(value) for name, value in row.items()}
                )
            mentions = audit_mentions(session, contact_id)
            audit_rows = {
                e.id: e
                for e in session.scalars(
                    select(AuditEntry).where(AuditEntry.id.in_([m.entry_id for m in mentions]))
                )
            }
            audit = [_audit_line(audit_rows[m.entry_id], m.alone) for m in mentions]
            tables["audit_log"] = [
                {**line, "details": json.dumps(line["details"], ensure_ascii=False)}
                for line in audit
            ]
            return AccessDossier(
                contact_id=contact_id,
                name=data.computed_display_name(),
                generated_at=utcnow(),
                settings=settings,
                contact=contact_json(data),
                register=register_entry(contact, batch, settings.retention_years),
                releases=_releases(session, contact_id),
                enquiries=_enquiries(session, contact_id),
                notices=_notices(session, contact_id),
                imports=_imports(session, contact_id),
                audit=audit,
                tables=tables,
            )

    def write(self, contact_id: int, target: Path) -> Path:
        """The dossier as ``target``: JSON or PDF by its suffix; the answer is audited (the
        date it was given counts: a month at most, article 12)."""
        suffix = target.suffix.lower()
        if suffix not in FORMATS:
            raise GdprValidationError("out", "document_suffix", path=str(target))
        dossier = self.dossier(contact_id)
        if suffix == ".json":
            write_json(dossier.to_json(), target)
        else:
            from fiac_press_desk.interchange.document_pdf import write_pdf

            write_pdf(dossier.document(), target)
        with self.transaction() as session:
            self.audit(session, "access", "contact", contact_id, format=suffix.lstrip("."))
        return target


def write_json(payload: dict[str, Any], target: Path) -> None:
    """Write the JSON next to ``target`` then rename it in, so no half-written file is left."""
    tmp = target.with_name(target.name + ".part")
    tmp.write_text(json.dumps(payload, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    tmp.replace(target)


def _json_value(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, bytes):
        return {"base64": base64.b64encode(value).decode("ascii")}
    return value


def _releases(session: Any, contact_id: int) -> list[dict[str, Any]]:
    rows = session.execute(
        select(Distribution, Release)
        .join(Release, Release.id == Distribution.release_id)
        .where(Distribution.contact_id == contact_id)
        .order_by(Distribution.sent_at.is_(None), Distribution.sent_at, Distribution.id)
    )
    return [
        {
            "release_id": r.id,
            "reference": r.reference,
            "title": r.title,
            "release_date": _json_value(r.release_date),
            "address": d.address,
            "channel": d.channel,
            "status": d.status,
            "sent_at": _json_value(d.sent_at),
            "queued_at": _json_value(d.created_at),
            "error": d.error,
        }
        for d, r in rows
    ]


def _enquiries(session: Any, contact_id: int) -> list[dict[str, Any]]:
    out = []
    for enquiry in session.scalars(
        select(Enquiry).where(Enquiry.contact_id == contact_id).order_by(Enquiry.received_at)
    ):
        org = (
            session.get(Organisation, enquiry.organisation_id) if enquiry.organisation_id else None
        )
        release = session.get(Release, enquiry.release_id) if enquiry.release_id else None
        thread = session.scalars(
            select(EnquiryEvent)
            .where(EnquiryEvent.enquiry_id == enquiry.id)
            .order_by(EnquiryEvent.at, EnquiryEvent.id)
        )
        out.append(
            {
                "id": enquiry.id,
                "received_at": _json_value(enquiry.received_at),
                "channel": enquiry.channel,
                "subject": enquiry.subject,
                "request_type": enquiry.request_type,
                "details": enquiry.details,
                "outlet": org.name if org else "",
                "release": release.title if release else "",
                "deadline": _json_value(enquiry.deadline),
                "priority": enquiry.priority,
                "assignee": enquiry.assignee,
                "status": enquiry.status,
                "response_notes": enquiry.response_notes,
                "answered_at": _json_value(enquiry.answered_at),
                "outcome": enquiry.outcome,
                "thread": [
                    {
                        "at": _json_value(e.at),
                        "kind": e.kind,
                        "from_status": e.from_status,
                        "to_status": e.to_status,
                        "author": e.author,
                        "text": e.text,
                    }
                    for e in thread
                ],
            }
        )
    return out


def _notices(session: Any, contact_id: int) -> list[dict[str, Any]]:
    return [
        {
            "channel": n.channel,
            "address": n.address,
            "status": n.status,
            "language": n.language,
            "note": n.note,
            "queued_at": _json_value(n.created_at),
            "sent_at": _json_value(n.sent_at),
        }
        for n in session.scalars(
            select(InformationNotice)
            .where(InformationNotice.contact_id == contact_id)
            .order_by(InformationNotice.id)
        )
    ]


def _imports(session: Any, contact_id: int) -> list[dict[str, Any]]:
    rows = session.execute(
        select(ImportBatchItem, ImportBatch)
        .join(ImportBatch, ImportBatch.id == ImportBatchItem.batch_id)
        .where(
            ImportBatchItem.contact_id == contact_id,
            ImportBatchItem.action.in_(("created", "updated")),
        )
        .order_by(ImportBatch.created_at, ImportBatch.id)
    )
    return [
        {
            "batch_id": b.id,
            "at": _json_value(b.created_at),
            "source": b.source,
            "format": b.format,
            "action": item.action,
            "batch_status": b.status,
        }
        for item, b in rows
    ]


def _audit_line(entry: AuditEntry, alone: bool) -> dict[str, Any]:
    """An audit entry as the dossier gives it: a bulk entry (tagging forty contacts) keeps
    how many it touched, not who the others were."""
    try:
        details = json.loads(entry.details) if entry.details else {}
    except ValueError:
        details = {"text": entry.details}
    if not alone and isinstance(details, dict):
        others = {k: v for k, v in details.items() if k in _OTHER_PEOPLE}
        details = {k: v for k, v in details.items() if k not in _OTHER_PEOPLE}
        details["contacts"] = max(
            (len(v) for v in others.values() if isinstance(v, list)), default=1
        )
    return {
        "id": entry.id,
        "at": _json_value(entry.at),
        "actor": entry.actor,
        "action": entry.action,
        "entity": entry.entity,
        "entity_id": entry.entity_id if alone else None,
        "details": details,
    }


# Details keys that list other people (by id) in bulk entries.
_OTHER_PEOPLE = frozenset({"ids", "contact_ids", "lines", "merged_from"})


# -- the document ------------------------------------------------------------------------------


def dossier_document(d: AccessDossier) -> Document:
    """The dossier as a French document addressed to the person."""
    c, r, s = d.contact, d.register, d.settings
    doc = Document(
        title="Vos données personnelles",
        subtitle=(
            f"{d.name} · dossier établi le {fr.day(d.generated_at)} par le service de presse "
            f"de {s.controller} (RGPD, articles 15 et 20)"
        ),
        author=s.controller,
        footer=f"Dossier d'accès · {d.name} · {fr.short_day(d.generated_at)} · confidentiel",
        created_at=d.generated_at,
    )
    doc.paragraph(
        f"Ce dossier rassemble toutes les données que le service de presse de {s.controller} "
        f"détient à votre sujet au {fr.day(d.generated_at)}, en réponse à votre demande "
        "d'accès. Le fichier JSON qui l'accompagne en donne la copie complète dans un format "
        "lisible par une machine, que vous pouvez transmettre à un autre organisme "
        "(portabilité)."
    )
    doc.heading("1. Identité et coordonnées")
    rows = [
        ("Nom affiché", c["display_name"] or "—"),
        ("Civilité", c["civility"] or "—"),
        ("Prénom", c["given_name"] or "—"),
        ("Nom", c["family_name"] or "—"),
        ("Catégorie", fr.word(fr.CONTACT_KIND, c["kind"])),
        ("Média ou organisme", c["organization"] or "—"),
        ("Service", c["department"] or "—"),
        ("Fonction", c["job_title"] or "—"),
        ("Thématiques suivies", ", ".join(c["beats"]) or "—"),
        ("Courriels", _labelled(c["emails"])),
        ("Téléphones", _labelled(c["phones"], display_phone)),
        ("Adresses", _addresses(c["addresses"])),
        ("Liens", _labelled(c["urls"])),
        ("Date de naissance", c["birthday"] or "—"),
        ("Langue", fr.word(fr.LANGUAGE, c["language"])),
        ("Étiquettes", ", ".join(c["tags"]) or "—"),
        ("Listes de diffusion", ", ".join(c["lists"]) or "—"),
        ("Notes", c["notes"] or "—"),
        ("Photo", "oui (ci-dessous)" if c["photo"] else "aucune"),
        ("Fiche créée le", fr.moment(r.collected_at)),
        ("Dernière modification", fr.moment(_parse(c["updated_at"]))),
    ]
    doc.key_values(rows)
    if c["photo"]:
        _photo(doc, c["photo"]["base64"])
    doc.heading("2. Registre : pourquoi et depuis quand nous détenons ces données")
    doc.key_values(
        [
            ("Base légale", fr.word(fr.LAWFUL_BASIS, r.lawful_basis.value)),
            ("Origine", fr.word(fr.COLLECTED_VIA, r.collected_via.value)),
            ("Source indiquée", r.data_source or "—"),
            ("Fichier importé", _file_names(r.import_source) or "—"),
            (
                "Information de la personne",
                f"le {fr.day(r.informed_at)} ({fr.word(fr.NOTICE_CHANNEL, r.informed_how)})"
                if r.informed_at and r.informed_how
                else "pas encore informée",
            ),
            (
                "Dernier échange",
                _dated(r.last_interaction_at, fr.word(fr.INTERACTION, r.last_interaction_kind))
                if r.last_interaction_at
                else "aucun enregistré",
            ),
            (
                "Désinscription",
                f"le {fr.day(r.opted_out_at)} : {c['opted_out_reason'] or 'sans motif'}"
                if r.opted_out
                else "non",
            ),
            ("Durée de conservation", s.retention_text()),
            ("Réexamen prévu", fr.day(r.review_due)),
            (
                "Conservation décidée",
                f"le {fr.day(r.retention_kept_at)} : {r.retention_kept_reason}"
                if r.retention_kept_at
                else "—",
            ),
        ]
    )
    doc.heading("3. Communiqués de presse reçus")
    doc.table(
        ["Date", "Communiqué", "Canal", "Adresse", "État"],
        [
            [
                fr.short_day(_parse(x["sent_at"]) or _parse(x["queued_at"])),
                x["title"] + (f" ({x['reference']})" if x["reference"] else ""),
                fr.word(fr.DISTRIBUTION_CHANNEL, x["channel"]),
                x["address"],
                fr.word(fr.DELIVERY_STATUS, x["status"]),
            ]
            for x in d.releases
        ],
        widths=[1.2, 2.8, 1.15, 3.9, 1.3],
        empty="Aucun communiqué ne vous a été adressé.",
    )
    doc.heading("4. Demandes presse")
    if not d.enquiries:
        doc.paragraph("Aucune demande enregistrée.", TextStyle.MUTED)
    for x in d.enquiries:
        doc.heading(f"Demande du {fr.day(_parse(x['received_at']))} : {x['subject']}", 2)
        doc.key_values(
            [
                ("Reçue", fr.moment(_parse(x["received_at"]))),
                ("Par", fr.word(fr.ENQUIRY_CHANNEL, x["channel"])),
                ("Objet", fr.word(fr.REQUEST_TYPE, x["request_type"])),
                ("Média", x["outlet"] or "—"),
                ("Communiqué lié", x["release"] or "—"),
                ("Échéance", fr.moment(_parse(x["deadline"]))),
                ("État", fr.word(fr.ENQUIRY_STATUS, x["status"])),
                ("Répondue le", fr.moment(_parse(x["answered_at"]))),
                ("Réponse", x["response_notes"] or "—"),
                ("Suite", x["outcome"] or "—"),
                ("Message reçu", x["details"] or "—"),
            ]
        )
        doc.table(
            ["Date", "Par", "Étape", "Note"],
            [
                [
                    fr.moment(_parse(e["at"])),
                    e["author"],
                    _step(e),
                    e["text"],
                ]
                for e in x["thread"]
            ],
            widths=[1.5, 1.4, 2.2, 4.5],
            empty="Fil vide.",
        )
    doc.heading("5. Notices d'information")
    doc.table(
        ["Préparée le", "Moyen", "Adresse", "État", "Envoyée le", "Note"],
        [
            [
                fr.short_day(_parse(n["queued_at"])),
                fr.word(fr.NOTICE_CHANNEL, n["channel"]),
                n["address"] or "—",
                fr.word(fr.DELIVERY_STATUS, n["status"]),
                fr.short_day(_parse(n["sent_at"])),
                n["note"],
            ]
            for n in d.notices
        ],
        widths=[1.3, 1.3, 2.6, 1.4, 1.3, 2.5],
        empty="Aucune notice d'information enregistrée.",
    )
    doc.heading("6. Provenance : imports de fichiers")
    doc.table(
        ["Date", "Fichier", "Format", "Opération"],
        [
            [
                fr.moment(_parse(x["at"])),
                _file_names(x["source"]),
                x["format"],
                ("création" if x["action"] == "created" else "mise à jour")
                + (" (annulé depuis)" if x["batch_status"] == "undone" else ""),
            ]
            for x in d.imports
        ],
        widths=[1.5, 5, 1, 2],
        empty="Vos données ne proviennent d'aucun fichier importé.",
    )
    doc.heading("7. Journal des opérations vous concernant")
    doc.table(
        ["Date", "Par", "Opération", "Détail"],
        [
            [
                fr.moment(_parse(a["at"])),
                a["actor"],
                f"{fr.word(fr.AUDIT_ACTION, a['action'])} ({fr.word(fr.ENTITY, a['entity'])})",
                _details_text(a["details"]),
            ]
            for a in d.audit
        ],
        widths=[1.5, 1.2, 2.6, 4.5],
        empty="Aucune opération enregistrée.",
    )
    doc.heading("8. Vos droits")
    dpo = s.dpo_line()
    doc.paragraph(
        "Vous pouvez à tout moment faire corriger ou effacer ces données, en demander la "
        "limitation, vous opposer à leur traitement ou ne plus recevoir nos communiqués, en "
        "écrivant au service de presse"
        + (f" ou à notre délégué à la protection des données : {dpo}" if dpo != "—" else "")
        + ". Vous pouvez aussi adresser une réclamation à la Commission nationale de "
        "l'informatique et des libertés (CNIL, www.cnil.fr)."
    )
    doc.heading("Annexe : tables consultées", 2)
    doc.table(
        ["Table", "Contenu", "Lignes vous concernant"],
        [[name, fr.word(fr.TABLE, name), str(len(rows))] for name, rows in d.tables.items()],
        widths=[2.2, 4, 1.6],
        align_right=[2],
    )
    doc.paragraph(
        "Le dossier a été constitué en parcourant chaque table de la base qui peut contenir "
        "des données sur une personne ; le fichier JSON en reprend chaque ligne.",
        TextStyle.SMALL,
    )
    return doc


def _file_names(source: str) -> str:
    """The names of an import's files without the folders they sat in on the desk's disk
    (the JSON keeps the paths as stored)."""
    return ", ".join(re.split(r"[\\/]", line)[-1] for line in source.split("\n") if line)


def _dated(moment: datetime | None, what: str) -> str:
    return f"{fr.day(moment)} ({what})"


def _parse(value: Any) -> datetime | None:
    return datetime.fromisoformat(value) if isinstance(value, str) and value else None


def _labelled(
    items: list[dict[str, str]], shown: Callable[[str], str] = lambda value: value
) -> str:
    lines = []
    for item in items:
        label = fr.EMAIL_LABEL.get(item.get("label", ""), item.get("label", ""))
        value = shown(item["value"])
        lines.append(f"{value} ({label})" if label else value)
    return "\n".join(lines) or "—"


def _addresses(items: list[dict[str, str]]) -> str:
    lines = []
    for a in items:
        parts = [
            a.get("street", ""),
            a.get("extended", ""),
            a.get("po_box", ""),
            " ".join(p for p in (a.get("postal_code", ""), a.get("city", "")) if p),
            a.get("region", ""),
            a.get("country", ""),
        ]
        lines.append(", ".join(p.replace("\n", ", ") for p in parts if p))
    return "\n".join(lines) or "—"


def _photo(doc: Document, encoded: str) -> None:
    data = base64.b64decode(encoded)
    try:
        from PIL import Image as PILImage

        with PILImage.open(__import__("io").BytesIO(data)) as img:
            img.verify()
    except Exception:  # a photo in a format the PDF cannot show: said, not shown
        doc.paragraph("La photo enregistrée n'a pas pu être reproduite ici.", TextStyle.MUTED)
        return
    doc.image(data, 30, "Photo enregistrée")


def _step(event: dict[str, Any]) -> str:
    if event["kind"] == "note":
        return "note"
    old, new = event["from_status"], event["to_status"]
    if not old:
        return f"reçue ({fr.word(fr.ENQUIRY_STATUS, new)})"
    return f"{fr.word(fr.ENQUIRY_STATUS, old)} → {fr.word(fr.ENQUIRY_STATUS, new)}"


def _details_text(details: Any) -> str:
    """An audit entry's details in French words ("objet : …", "champs modifiés : …")."""
    if not isinstance(details, dict) or not details:
        return ""
    parts = []
    for key, value in details.items():
        if key in ("contact_id", "event_id", "signature"):
            continue  # their own id, or a technical key: says nothing to the reader
        if key in ("old", "new", "status") and isinstance(value, str):
            value = fr.ENQUIRY_STATUS.get(value, fr.DELIVERY_STATUS.get(value, value))
        elif key == "channel" and isinstance(value, str):
            value = fr.NOTICE_CHANNEL.get(value, fr.DISTRIBUTION_CHANNEL.get(value, value))
        elif key == "at" and isinstance(value, str) and _parse(value) is not None:
            value = fr.moment(_parse(value))
        elif isinstance(value, bool):
            value = "oui" if value else "non"
        elif key == "changed" and isinstance(value, list):
            value = ", ".join(fr.FIELD.get(str(v), str(v)) for v in value)
        elif isinstance(value, list):
            value = ", ".join(str(v) for v in value[:12]) + ("…" if len(value) > 12 else "")
        elif isinstance(value, dict):
            value = ", ".join(f"{k} {v}" for k, v in value.items())
        parts.append(f"{fr.DETAIL_KEY.get(key, key)} : {value}")
    return " ; ".join(parts)[:600]
