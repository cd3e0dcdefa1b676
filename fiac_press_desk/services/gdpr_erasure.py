"""Right to erasure (GDPR article 17): a person erased everywhere, nothing of them readable.

In one transaction, for each person:

- their card goes, and with it their emails, phones, addresses, links, photo, notes, tags,
  list memberships and notices (the foreign keys cascade);
- their enquiries stay for the statistics (dates, channel, type, outcome state) but lose the
  person and every free text ("personne effacée"), thread notes included;
- their distribution ledger lines stay for the release's counts, detached and without the
  address; lines still waiting to be sent are dropped;
- what they published (coverage) stays, as the outlet's article, without them (no link to
  the card, no byline);
- import batch items about them go (an "updated" item keeps a full copy of the card);
- the audit entries about them lose their details (and the card's id); bulk entries lose
  the person from their lists; their emails, numbers and name are blanked from any other
  entry; one new entry says an erasure happened, not who;
- emails and phones that no other contact holds go on the suppression list (keyed hashes),
  so a later import or captured email of them is refused ("effacé à sa demande le …");
- a file named after them in the import history is no longer named.

Every table that references a contact (``gdpr_references``) must have a rule here or cascade
from the contact: a table added later without one stops the erasure rather than leaving the
person in it. Then the database file itself is cleaned (``DialectAdapter.erase_traces``: the
search index rebuilt, VACUUM, the WAL truncated), and the backups that still hold the person
are named with the date they rotate out.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from fiac_press_desk.config import backup_dir
from fiac_press_desk.domain.enums import DistributionStatus
from fiac_press_desk.domain.normalize import display_phone, email_key, national_phone
from fiac_press_desk.domain.text import fold
from fiac_press_desk.services.base import ServiceBase, get_or_404
from fiac_press_desk.services.gdpr_backups import BackupHolding, backup_files, holding
from fiac_press_desk.services.gdpr_references import (
    AuditMention,
    audit_mentions,
    contact_references,
)
from fiac_press_desk.services.gdpr_suppression import add_to_list
from fiac_press_desk.services.progress import NullProgress, ProgressSink
from fiac_press_desk.storage.models import (
    AuditEntry,
    Contact,
    ContactEmail,
    ContactPhone,
    CoverageItem,
    Distribution,
    Enquiry,
    EnquiryEvent,
    ImportBatch,
    ImportBatchItem,
    Organisation,
)
from fiac_press_desk.storage.types import utcnow

ERASED = "personne effacée"
_fold = fold.__wrapped__  # free text is met once: not kept in fold's cache
ERASED_SUBJECT = "Demande anonymisée (personne effacée)"
ERASED_FILE = "(fichier au nom d'une personne effacée)"
# What the erasure does to each table that can reference a contact; a table not listed here
# must cascade from the contact (its rows go with the card).
POLICY = {
    "contacts": "delete",
    "distributions": "anonymise",
    "enquiries": "anonymise",
    "enquiry_events": "anonymise",
    "import_batch_items": "delete",
    "audit_log": "scrub",
    "coverage_items": "anonymise",
}
_RECEIVED_OR_TRIED = (
    DistributionStatus.SENT.value,
    DistributionStatus.RECORDED.value,
    DistributionStatus.FAILED.value,
)
# Bulk audit details that list contacts by id.
_ID_LISTS = ("ids", "contact_ids")


class ErasurePolicyError(RuntimeError):
    """A table references contacts and the erasure has no rule for it (a programming error:
    add the table to POLICY or make its foreign key cascade)."""


@dataclass(frozen=True)
class Mention:
    """Another record that names the erased person in free text (left for the officer to
    read: a name alone may be a namesake's)."""

    table: str
    row_id: int
    column: str


@dataclass
class ErasurePreview:
    """What an erasure of this person will touch (for the window's confirmation)."""

    contact_id: int
    name: str
    rows: dict[str, int]  # table -> rows of theirs
    enquiries_kept: int
    lines_kept: int
    shared_addresses: list[str]  # held by another contact too: not put on the list
    backups: list[BackupHolding]


@dataclass
class ErasureReport:
    """What one erasure did, for the confirmation the user reads and the DPO keeps."""

    contact_id: int
    name: str
    erased_at: datetime
    deleted: dict[str, int] = field(default_factory=dict)  # table -> rows deleted
    enquiries_anonymised: int = 0
    coverage_anonymised: int = 0
    lines_anonymised: int = 0
    lines_dropped: int = 0  # queued, never sent
    audit_entries_scrubbed: int = 0
    suppressed: int = 0  # keys added to the suppression list
    shared_addresses: list[str] = field(default_factory=list)
    import_files_renamed: int = 0
    mentions: list[Mention] = field(default_factory=list)
    backups: list[BackupHolding] = field(default_factory=list)
    storage: list[str] = field(default_factory=list)  # what was done to the database file


@dataclass
class _Person:
    """What identifies one person, read before anything is deleted."""

    contact_id: int
    name: str
    uid: str
    emails: list[str]
    phones: list[str]
    names: list[str]  # full names, as they may be written elsewhere

    def texts(self) -> list[str]:
        """Strings to blank wherever they are written: emails, phones in every spelling,
        full names."""
        values = list(self.emails)
        for phone in self.phones:
            values += [phone, national_phone(phone), display_phone(phone)]
        values += self.names
        return sorted({v for v in values if len(v.strip()) >= 5}, key=len, reverse=True)


class ErasureService(ServiceBase):
    """Right to erasure: a preview of what goes, then the erasure itself, then a clean file."""

    def preview(self, contact_id: int) -> ErasurePreview:
        """What erasing this person would touch, changing nothing (for the confirmation)."""
        with self.db.session() as session:
            person = _person(session, contact_id)
            rows = {
                ref.name: n
                for ref in contact_references()
                if (n := _count(session, ref.rows_of(contact_id)))
            }
            rows["audit_log"] = len(audit_mentions(session, contact_id))
            shared = _shared(session, person)
            enquiries = _count(session, select(Enquiry.id).where(Enquiry.contact_id == contact_id))
            lines = _count(
                session,
                select(Distribution.id).where(
                    Distribution.contact_id == contact_id,
                    Distribution.status.in_(_RECEIVED_OR_TRIED),
                ),
            )
        return ErasurePreview(
            contact_id,
            person.name,
            rows,
            enquiries,
            lines,
            shared,
            self._backups_holding(person),
        )

    def erase(self, contact_id: int) -> ErasureReport:
        """Erase one person (see ``erase_many``)."""
        return self.erase_many([contact_id])[0]

    def erase_many(
        self, contact_ids: Iterable[int], progress: ProgressSink | None = None
    ) -> list[ErasureReport]:
        """Erase these people in one transaction, then clean the database file once."""
        progress = progress or NullProgress()
        ids = list(dict.fromkeys(contact_ids))
        _check_policy()
        now = utcnow()
        reports: list[ErasureReport] = []
        with self.db.session() as session:
            people = [_person(session, cid) for cid in ids]
        self.backup_before("erasure")
        backups = {p.contact_id: self._backups_holding(p) for p in people}
        progress.report(0, len(ids), "")
        with self.transaction() as session:
            for done, person in enumerate(people, start=1):
                progress.check()
                report = _erase(session, person, now)
                report.backups = backups[person.contact_id]
                reports.append(report)
                progress.report(done, len(ids), "")
            # One pass over the free text of the whole base for everyone erased.
            mentions = _blank_elsewhere(session, people)
            for report in reports:
                report.mentions = mentions.get(report.contact_id, [])
            self.audit(
                session,
                "erase",
                "contact",
                None,
                people=len(people),
                suppressed=sum(r.suppressed for r in reports),
            )
        steps = self.db.adapter.erase_traces(self.db.engine)
        for report in reports:
            report.storage = steps
        return reports

    def _backups_holding(self, person: _Person) -> list[BackupHolding]:
        if self.db.path is None:
            return []
        folder = self.backups.backup_folder() if self.backups is not None else backup_dir()
        return holding(
            backup_files(self.db.path, folder),
            folder,
            person.uid,
            [email_key(e) for e in person.emails],
            self.backups.rotates_out_by if self.backups is not None else None,
        )


def _check_policy() -> None:
    for ref in contact_references():
        cascades = ref.parent is None and ref.ondelete.upper() == "CASCADE"
        if ref.name not in POLICY and not cascades:
            raise ErasurePolicyError(
                f"{ref.name}.{ref.column.name} references contacts and has no erasure rule"
            )


def _person(session: Session, contact_id: int) -> _Person:
    contact = get_or_404(session, Contact, contact_id)
    given, family, display = contact.given_name, contact.family_name, contact.display_name
    names = [f"{given} {family}".strip(), f"{family} {given}".strip(), display]
    name = (
        display
        or f"{given} {family}".strip()
        or (contact.emails[0].value if contact.emails else f"#{contact_id}")
    )
    return _Person(
        contact_id=contact_id,
        name=name,
        uid=contact.uid,
        emails=[e.value for e in contact.emails],
        phones=[p.value for p in contact.phones],
        names=[n for n in names if " " in n.strip()],  # a lone word is too common to blank
    )


def _erase(session: Session, person: _Person, now: datetime) -> ErasureReport:
    cid = person.contact_id
    report = ErasureReport(cid, person.name, now)
    # Counted before anything changes: what goes with the card.
    for ref in contact_references():
        if ref.name not in POLICY:
            found = _count(session, ref.rows_of(cid))
            if found:
                report.deleted[ref.name] = report.deleted.get(ref.name, 0) + found
    mentions = audit_mentions(session, cid)
    report.audit_entries_scrubbed = _scrub_audit(session, cid, mentions)
    report.enquiries_anonymised = _anonymise_enquiries(session, cid)
    report.coverage_anonymised = _anonymise_coverage(session, cid)
    report.lines_dropped, report.lines_anonymised = _anonymise_lines(session, cid)
    report.import_files_renamed = _unname_files(session, cid, person)
    items = session.execute(
        delete(ImportBatchItem).where(
            ImportBatchItem.contact_id == cid,
            ImportBatchItem.action.in_(("created", "updated")),
        )
    )
    report.deleted["import_batch_items"] = int(getattr(items, "rowcount", 0) or 0)
    report.shared_addresses = _shared(session, person)
    shared = {email_key(v) for v in report.shared_addresses} | set(report.shared_addresses)
    report.suppressed = add_to_list(
        session,
        [e for e in person.emails if email_key(e) not in shared],
        [p for p in person.phones if p not in shared],
        now,
    )
    session.execute(delete(Contact).where(Contact.id == cid))
    report.deleted["contacts"] = 1
    session.flush()
    left = [ref.name for ref in contact_references() if _count(session, ref.rows_of(cid))]
    if left:
        raise ErasurePolicyError(f"rows of the erased contact left in: {', '.join(left)}")
    return report


def _count(session: Session, stmt: Any) -> int:
    return int(session.scalar(select(func.count()).select_from(stmt.subquery())) or 0)


def _shared(session: Session, person: _Person) -> list[str]:
    """The person's emails and phones that another contact holds too (a newsroom address, a
    switchboard): those stay usable, so they are not put on the suppression list."""
    out = []
    for value in person.emails:
        other = session.scalar(
            select(ContactEmail.id).where(
                ContactEmail.value_key == email_key(value),
                ContactEmail.contact_id != person.contact_id,
            )
        )
        if other is not None:
            out.append(value)
    for value in person.phones:
        other = session.scalar(
            select(ContactPhone.id).where(
                ContactPhone.value == value, ContactPhone.contact_id != person.contact_id
            )
        )
        if other is not None:
            out.append(value)
    return out


def _anonymise_enquiries(session: Session, cid: int) -> int:
    ids = list(session.scalars(select(Enquiry.id).where(Enquiry.contact_id == cid)))
    if not ids:
        return 0
    session.execute(
        update(Enquiry)
        .where(Enquiry.id.in_(ids))
        .values(
            contact_id=None,
            subject=ERASED_SUBJECT,
            details="",
            response_notes="",
            outcome="",
            source_message_id="",
            # A new version: an enquiry form opened before the erasure must not save the
            # person's words back (services/edit_conflicts.py).
            version=Enquiry.version + 1,
        )
    )
    session.execute(update(EnquiryEvent).where(EnquiryEvent.enquiry_id.in_(ids)).values(text=""))
    return len(ids)


def _anonymise_coverage(session: Session, cid: int) -> int:
    """The article stays the outlet's (it was published); the person leaves it."""
    result = session.execute(
        update(CoverageItem)
        .where(CoverageItem.contact_id == cid)
        .values(contact_id=None, author="", updated_at=CoverageItem.updated_at)
    )
    return int(getattr(result, "rowcount", 0) or 0)


def _anonymise_lines(session: Session, cid: int) -> tuple[int, int]:
    dropped = session.execute(
        delete(Distribution).where(
            Distribution.contact_id == cid, Distribution.status.not_in(_RECEIVED_OR_TRIED)
        )
    )
    kept = session.execute(
        update(Distribution)
        .where(Distribution.contact_id == cid)
        .values(contact_id=None, address="", error="", message_id="")
    )
    return int(getattr(dropped, "rowcount", 0) or 0), int(getattr(kept, "rowcount", 0) or 0)


def _scrub_audit(session: Session, cid: int, mentions: Sequence[AuditMention]) -> int:
    """Entries about the person lose their details; bulk entries lose the person."""
    by_id = {m.entry_id: m for m in mentions}
    for entry in session.scalars(select(AuditEntry).where(AuditEntry.id.in_(list(by_id)))):
        if by_id[entry.id].alone:
            entry.details = ""
            if entry.entity == "contact":
                entry.entity_id = None
            continue
        try:
            raw = json.loads(entry.details)
        except ValueError:
            entry.details = ""
            continue
        for key in _ID_LISTS:
            if isinstance(raw.get(key), list):
                raw[key] = [x for x in raw[key] if x != cid]
        if raw.get("contact_id") == cid:
            raw["contact_id"] = None
        if raw.get("merged_from") == cid:
            raw["merged_from"] = None
        if isinstance(raw.get("lines"), list):
            raw["lines"] = [
                x for x in raw["lines"] if not (isinstance(x, list) and x[1:2] == [cid])
            ]
        entry.details = json.dumps(raw, ensure_ascii=False)
    return len(mentions)


def _blank_elsewhere(session: Session, people: Sequence[_Person]) -> dict[int, list[Mention]]:
    """Blank the erased people's emails, numbers and full names from the audit log and the
    free text of other records (notes, enquiries), in one pass over each column; records that
    still name one of them by a single name are left to the officer, as mentions (by erased
    contact id). Their own rows are gone by now."""
    texts = sorted({t for p in people for t in p.texts()}, key=len, reverse=True)
    families = {p.contact_id: fold(_family_of(p)) for p in people}
    families = {cid: f for cid, f in families.items() if len(f) >= 3}
    if not texts and not families:
        return {}
    pattern = re.compile("|".join(re.escape(t) for t in texts), re.IGNORECASE) if texts else None
    columns: list[tuple[Any, Any, Any]] = [
        (AuditEntry, AuditEntry.id, AuditEntry.details),
        (Contact, Contact.id, Contact.notes),
        (Organisation, Organisation.id, Organisation.notes),
        (Enquiry, Enquiry.id, Enquiry.subject),
        (Enquiry, Enquiry.id, Enquiry.details),
        (Enquiry, Enquiry.id, Enquiry.response_notes),
        (Enquiry, Enquiry.id, Enquiry.outcome),
        (EnquiryEvent, EnquiryEvent.id, EnquiryEvent.text),
        (CoverageItem, CoverageItem.id, CoverageItem.notes),
        (CoverageItem, CoverageItem.id, CoverageItem.author),
    ]
    mentions: dict[int, list[Mention]] = {}
    for model, key, column in columns:
        for row_id, text in session.execute(select(key, column).where(column != "")):
            if pattern is not None and pattern.search(text):
                text = pattern.sub(ERASED, text)
                values: dict[str, Any] = {column.key: text}
                if model in (Contact, Enquiry):  # versioned: a form opened before is refused
                    values["version"] = model.version + 1
                session.execute(update(model).where(key == row_id).values(values))
            if model is AuditEntry or not families:
                continue
            folded = _fold(text)
            for cid, family in families.items():
                if family in folded:
                    mentions.setdefault(cid, []).append(
                        Mention(model.__tablename__, row_id, column.key)
                    )
    return mentions


def _family_of(person: _Person) -> str:
    return person.names[0].split(" ")[-1] if person.names else ""


def _unname_files(session: Session, cid: int, person: _Person) -> int:
    """Import history lines naming a file after the person ("Jeanne Dupont.vcf")."""
    words = {fold(w) for n in person.names for w in n.split() if len(w) >= 3}
    if not words:
        return 0
    batches = select(ImportBatchItem.batch_id).where(ImportBatchItem.contact_id == cid)
    renamed = 0
    for batch in session.scalars(
        select(ImportBatch).where(
            (ImportBatch.id.in_(batches))
            | ImportBatch.id.in_(select(Contact.import_batch_id).where(Contact.id == cid))
        )
    ):
        lines = batch.source.split("\n")
        kept = [ERASED_FILE if _names_person(line, words) else line for line in lines]
        if kept != lines:
            batch.source = "\n".join(kept)
            renamed += 1
    return renamed


def _names_person(path: str, words: set[str]) -> bool:
    stem = re.split(r"[\\/]", path)[-1]
    return any(w in fold(stem) for w in words)
