"""Import batches: apply an import as one transaction, and undo it later."""

from __future__ import annotations

import json
import re
import string
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import TypeVar

from sqlalchemy import delete, func, insert, or_, select
from sqlalchemy.orm import Session

from fiac_press_desk.domain.contact import ContactData
from fiac_press_desk.domain.enums import ImportBatchStatus
from fiac_press_desk.domain.errors import ValidationError
from fiac_press_desk.domain.gdpr import CollectedVia
from fiac_press_desk.domain.messages import render
from fiac_press_desk.domain.normalize import email_key
from fiac_press_desk.domain.source_place import SourcePlace
from fiac_press_desk.domain.text import fold, valid_unicode
from fiac_press_desk.services.base import ServiceBase, get_or_404
from fiac_press_desk.services.contacts import restore_snapshot, snapshot
from fiac_press_desk.services.progress import NullProgress, ProgressSink
from fiac_press_desk.storage.contact_record import Resolver, apply_data, insert_contacts
from fiac_press_desk.storage.dialect import adapter_for
from fiac_press_desk.storage.models import (
    Contact,
    ContactEmail,
    ContactPhone,
    ContactTag,
    DistributionList,
    ImportBatch,
    ImportBatchItem,
    ListMember,
    Organisation,
    Tag,
)
from fiac_press_desk.storage.types import utcnow

CHUNK = 500
# Keys are read in one pass over each table when it holds at most this many contacts per
# record looked up; in chunks by index otherwise.
SCAN_RATIO = 10
_T = TypeVar("_T")


@dataclass
class ContactKeys:
    """What identifies stored contacts, for the keys an import holds."""

    ids: set[int] = field(default_factory=set)
    uids: dict[str, int] = field(default_factory=dict)
    emails: dict[str, int] = field(default_factory=dict)
    phones: dict[str, int] = field(default_factory=dict)
    names: dict[tuple[str, str], int] = field(default_factory=dict)
    # The highest contact id when the keys were read: a contact above it was created after
    # (by another import at the same moment), which ``apply`` checks again under the lock.
    high_water: int = 0


@dataclass
class WriteOp:
    """What an import plan decided, ready to write in one transaction."""

    creates: list[ContactData]
    updates: list[tuple[int, ContactData]]
    unchanged: int = 0
    skipped: int = 0
    refused: list[tuple[SourcePlace, str]] = field(default_factory=list)
    warnings: list[tuple[SourcePlace, str]] = field(default_factory=list)
    # Which creates matched nothing when planned (parallel to ``creates``; empty: none), with
    # their places, and the highest contact id the plan knew: see ``ImportService.apply``.
    fresh: list[SourcePlace | None] = field(default_factory=list)
    known_up_to: int | None = None


@dataclass
class ImportResult:
    """What an import wrote, and what it refused or warned about (with places in the files)."""

    batch_id: int | None
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0
    refused: list[tuple[SourcePlace, str]] = field(default_factory=list)
    warnings: list[tuple[SourcePlace, str]] = field(default_factory=list)
    created_ids: list[int] = field(default_factory=list)


@dataclass(frozen=True)
class ImportBatchInfo:
    """One import as the import history lists it."""

    id: int
    created_at: datetime
    source: str
    format: str
    status: ImportBatchStatus
    created: int
    updated: int
    skipped: int
    refused: int
    undone_at: datetime | None


def _chunks(values: list[_T], size: int = CHUNK) -> Iterable[list[_T]]:
    for start in range(0, len(values), size):
        yield values[start : start + size]


class ImportService(ServiceBase):
    """Imports as undoable batches: the keys a plan matches against, the write, the undo."""

    def lookup_keys(self, records: list[ContactData]) -> ContactKeys:
        """Stored contacts sharing an id, UID, email, phone or name+organisation with
        ``records``: looked up in chunks when the import is small beside the base, read in
        one pass over each table when it is not (a 50,000-row import into a base of the same
        size: a few hundred IN lists and as many table scans for the names otherwise)."""
        keys = ContactKeys()
        ids = list({r.id for r in records if r.id is not None})
        uids = list({r.uid for r in records if r.uid})
        emails = list({email_key(e.value) for r in records for e in r.emails})
        phones = list({p.value for r in records for p in r.phones})
        families = list({fold(r.family_name) for r in records if r.family_name and r.organization})
        with self.db.session() as session:
            keys.high_water = session.scalar(select(func.max(Contact.id))) or 0
            stored = session.scalar(select(func.count()).select_from(Contact)) or 0
            if stored <= SCAN_RATIO * len(records):
                _scan_keys(session, keys, ids, uids, emails, phones, families)
                return keys
            for chunk in _chunks(ids):
                keys.ids |= set(session.scalars(select(Contact.id).where(Contact.id.in_(chunk))))
            for uids_chunk in _chunks(uids):
                for uid, cid in session.execute(
                    select(Contact.uid, Contact.id).where(Contact.uid.in_(uids_chunk))
                ):
                    keys.uids[uid] = cid
            for emails_chunk in _chunks(emails):
                for key, cid in session.execute(
                    select(ContactEmail.value_key, ContactEmail.contact_id)
                    .where(ContactEmail.value_key.in_(emails_chunk))
                    .order_by(ContactEmail.contact_id)
                ):
                    keys.emails.setdefault(key, cid)
            for phones_chunk in _chunks(phones):
                for value, cid in session.execute(
                    select(ContactPhone.value, ContactPhone.contact_id)
                    .where(ContactPhone.value.in_(phones_chunk))
                    .order_by(ContactPhone.contact_id)
                ):
                    keys.phones.setdefault(value, cid)
            if families:
                # sort_name starts with the folded family name: narrow by it, then compare.
                for families_chunk in _chunks(families):
                    conditions = [Contact.sort_name.like(f"{f}%") for f in families_chunk]
                    for cid, given, family, org in session.execute(
                        select(
                            Contact.id, Contact.given_name, Contact.family_name, Organisation.name
                        )
                        .join(Organisation, Organisation.id == Contact.organisation_id)
                        .where(or_(*conditions))
                        .order_by(Contact.id)
                    ):
                        keys.names.setdefault(_person_key(given, family, org), cid)
        return keys

    def apply(
        self,
        ops: WriteOp,
        sources: list[str],
        format: str,
        progress: ProgressSink | None = None,
    ) -> ImportResult:
        """Write ``ops`` as one import batch (one transaction, one audit entry); nothing
        to write records no batch."""
        progress = progress or NullProgress()
        total = len(ops.creates) + len(ops.updates)
        if total == 0:
            # Nothing to write: no batch either, so the import history and its "undo" only
            # list imports that changed something (the report still tells every record).
            progress.check()
            return _result(ops, None, [])
        sources = [valid_unicode(s) for s in sources]
        self.backup_before("import")
        try:
            return self._apply(ops, sources, format, progress, total)
        except _NothingLeft as nothing:
            progress.report(total, total, "")
            return _result(nothing.ops, None, [])

    def _apply(
        self,
        ops: WriteOp,
        sources: list[str],
        format: str,
        progress: ProgressSink,
        total: int,
    ) -> ImportResult:
        with self.transaction() as session:
            batch = ImportBatch(
                source="\n".join(sources), format=format, status=ImportBatchStatus.APPLIED.value
            )
            session.add(batch)
            adapter = adapter_for(session.connection().dialect.name)
            with adapter.waiting_for_writers(session.connection()):
                # The first statement writes: from here this transaction holds the write lock
                # and reads what any other import committed before it.
                session.flush()
            ops = self._still_new(session, ops)
            if not ops.creates and not ops.updates:
                raise _NothingLeft(ops)  # all written meanwhile: no empty batch either
            resolver = Resolver(session)
            # created with collected_via "import" (gdpr_register.mark_collected's work, done
            # in the INSERT itself)
            created_ids = self._create(session, batch.id, ops.creates, resolver, progress, total)
            self._update(
                session, batch.id, ops.updates, resolver, progress, len(ops.creates), total
            )
            session.flush()
            items = [
                {
                    "batch_id": batch.id,
                    "contact_id": obj.id,
                    "action": _entity_action(obj),
                    "before": "",
                }
                for obj in resolver.created
            ]
            if items:
                session.execute(insert(ImportBatchItem), items)
            batch.created_count = len(created_ids)
            batch.updated_count = len(ops.updates)
            batch.skipped_count = ops.skipped + ops.unchanged
            batch.refused_count = len(ops.refused)
            progress.check()
            self.audit(
                session,
                "import",
                "import_batch",
                batch.id,
                sources=sources,
                format=format,
                created=len(created_ids),
                updated=len(ops.updates),
                refused=len(ops.refused),
            )
            batch_id = batch.id
        progress.report(total, total, "")
        return _result(ops, batch_id, created_ids)

    def _still_new(self, session: Session, ops: WriteOp) -> WriteOp:
        """The plan checked again under the write lock: a record planned as new that now
        shares a UID, an email or a name and organisation with a contact created since the
        plan was made (the same file imported by another process at the same moment) is
        not created again; it is counted as skipped, with a warning naming the contact."""
        if ops.known_up_to is None or not ops.fresh:
            return ops
        fresh = [d for d, place in zip(ops.creates, ops.fresh, strict=True) if place is not None]
        late = _created_since(session, fresh, ops.known_up_to)
        if not late:
            return ops
        creates: list[ContactData] = []
        warnings = list(ops.warnings)
        skipped = ops.skipped
        for data, place in zip(ops.creates, ops.fresh, strict=True):
            cid = late.get(id(data))
            if cid is None or place is None:
                creates.append(data)
                continue
            skipped += 1
            warnings.append((place, render("import_created_meanwhile", id=cid)))
        return replace(ops, creates=creates, fresh=[], skipped=skipped, warnings=warnings)

    def _create(
        self,
        session: Session,
        batch_id: int,
        creates: list[ContactData],
        resolver: Resolver,
        progress: ProgressSink,
        total: int,
    ) -> list[int]:
        taken = set()
        uids = [c.uid for c in creates if c.uid]
        for uids_chunk in _chunks(uids):
            taken |= set(session.scalars(select(Contact.uid).where(Contact.uid.in_(uids_chunk))))
        ids: list[int] = []
        for start in range(0, len(creates), 2000):
            progress.check()
            chunk_data = []
            for data in creates[start : start + 2000]:
                if data.uid and data.uid in taken:
                    # created as a distinct contact on purpose: a UID of its own (on a copy:
                    # the data is the import plan's)
                    data = replace(data, uid="")
                elif data.uid:
                    taken.add(data.uid)
                chunk_data.append(data)
            ids += insert_contacts(
                session,
                chunk_data,
                resolver,
                import_batch_id=batch_id,
                collected_via=CollectedVia.IMPORT,
            )
            progress.report(len(ids), total, "")
        if ids:
            adapter_for(session.connection().dialect.name).bulk_insert_rows(
                session.connection(),
                ImportBatchItem.__table__,  # type: ignore[arg-type]
                ("batch_id", "contact_id", "action", "before"),
                [(batch_id, cid, "created", "") for cid in ids],  # tuples: no dict a row
            )
        return ids

    def _update(
        self,
        session: Session,
        batch_id: int,
        updates: list[tuple[int, ContactData]],
        resolver: Resolver,
        progress: ProgressSink,
        done: int,
        total: int,
    ) -> None:
        for n, (contact_id, data) in enumerate(updates, 1):
            if n % 200 == 0:
                progress.check()
                progress.report(done + n, total, "")
            contact = get_or_404(session, Contact, contact_id)
            before = snapshot(session, contact)
            apply_data(session, contact, data, resolver)
            session.add(
                ImportBatchItem(
                    batch_id=batch_id,
                    contact_id=contact_id,
                    action="updated",
                    before=json.dumps(before),
                )
            )

    def undo(self, batch_id: int) -> None:
        """Put the database back as it was before the batch: created contacts go, updated
        ones get their earlier state, organisations/tags/lists the batch made go if unused."""
        with self.transaction() as session:
            batch = get_or_404(session, ImportBatch, batch_id)
            if batch.status == ImportBatchStatus.UNDONE.value:
                raise ValidationError("batch", "batch_undone")
            items = list(
                session.scalars(
                    select(ImportBatchItem)
                    .where(ImportBatchItem.batch_id == batch_id)
                    .order_by(ImportBatchItem.id.desc())
                )
            )
            created = [i.contact_id for i in items if i.action == "created"]
            for chunk in _chunks(created):
                session.execute(delete(Contact).where(Contact.id.in_(chunk)))
            for item in items:
                if item.action == "updated":
                    restore_snapshot(session, json.loads(item.before))
            session.flush()
            for item in items:
                self._drop_if_unused(session, item)
            batch.status = ImportBatchStatus.UNDONE.value
            batch.undone_at = utcnow()
            self.audit(
                session,
                "undo_import",
                "import_batch",
                batch_id,
                deleted=len(created),
                restored=sum(i.action == "updated" for i in items),
            )

    @staticmethod
    def _drop_if_unused(session: Session, item: ImportBatchItem) -> None:
        if item.action == "organisation":
            used = session.scalar(
                select(func.count()).where(Contact.organisation_id == item.contact_id)
            )
            model: type[Organisation | Tag | DistributionList] = Organisation
        elif item.action == "tag":
            used = session.scalar(select(func.count()).where(ContactTag.tag_id == item.contact_id))
            model = Tag
        elif item.action == "list":
            used = session.scalar(select(func.count()).where(ListMember.list_id == item.contact_id))
            model = DistributionList
        else:
            return
        if not used:
            obj = session.get(model, item.contact_id)
            if obj is not None:
                session.delete(obj)

    def batches(self) -> list[ImportBatchInfo]:
        """Every import batch, newest first."""
        with self.db.session() as session:
            return [
                ImportBatchInfo(
                    id=b.id,
                    created_at=b.created_at,
                    source=b.source,
                    format=b.format,
                    status=ImportBatchStatus(b.status),
                    created=b.created_count,
                    updated=b.updated_count,
                    skipped=b.skipped_count,
                    refused=b.refused_count,
                    undone_at=b.undone_at,
                )
                for b in session.scalars(select(ImportBatch).order_by(ImportBatch.id.desc()))
            ]


class _NothingLeft(Exception):
    """Rolls back an import whose every record was written meanwhile by another."""

    def __init__(self, ops: WriteOp) -> None:
        super().__init__("nothing left to write")
        self.ops = ops


def _created_since(
    session: Session, records: list[ContactData], known_up_to: int
) -> dict[int, int]:
    """``id(record)`` -> id of a contact created after ``known_up_to`` that has the record's
    UID, one of its emails, or its name and organisation."""
    newer = session.scalar(select(func.count()).where(Contact.id > known_up_to)) or 0
    if not newer:
        return {}  # the usual case: nobody wrote meanwhile
    uids: dict[str, int] = {}
    emails: dict[str, int] = {}
    names: dict[tuple[str, str], int] = {}
    for uid, cid in session.execute(
        select(Contact.uid, Contact.id).where(Contact.id > known_up_to, Contact.uid != "")
    ):
        uids.setdefault(uid, cid)
    for key, cid in session.execute(
        select(ContactEmail.value_key, ContactEmail.contact_id).where(
            ContactEmail.contact_id > known_up_to
        )
    ):
        emails.setdefault(key, cid)
    for cid, given, family, org in session.execute(
        select(Contact.id, Contact.given_name, Contact.family_name, Organisation.name)
        .join(Organisation, Organisation.id == Contact.organisation_id)
        .where(Contact.id > known_up_to)
    ):
        names.setdefault(_person_key(given, family, org), cid)
    found: dict[int, int] = {}
    for record in records:
        match = uids.get(record.uid) if record.uid else None
        if match is None:
            match = next(
                (emails[k] for k in (email_key(e.value) for e in record.emails) if k in emails),
                None,
            )
        if match is None and record.organization:
            person = _person_key(record.given_name, record.family_name, record.organization)
            match = names.get(person)
        if match is not None:
            found[id(record)] = match
    return found


def _person_key(given: str, family: str, organisation: str) -> tuple[str, str]:
    person = " ".join(f"{fold(given)} {fold(family)}".split())  # each name from fold's cache
    return person, " ".join(fold(organisation).split())


def _scan_keys(
    session: Session,
    keys: ContactKeys,
    ids: list[int],
    uids: list[str],
    emails: list[str],
    phones: list[str],
    families: list[str],
) -> None:
    """``lookup_keys`` by reading each table once, keeping what the records hold; the same
    keys as the chunked lookups (the lowest contact id wins for a shared key)."""
    wanted_ids = set(ids)
    if wanted_ids:
        keys.ids = {cid for (cid,) in session.execute(select(Contact.id)) if cid in wanted_ids}
    wanted = set(uids)
    if wanted:
        for uid, cid in session.execute(select(Contact.uid, Contact.id)):
            if uid in wanted:
                keys.uids[uid] = cid
    wanted = set(emails)
    if wanted:
        for key, cid in session.execute(
            select(ContactEmail.value_key, ContactEmail.contact_id).order_by(
                ContactEmail.contact_id, ContactEmail.id
            )
        ):
            if key in wanted:
                keys.emails.setdefault(key, cid)
    wanted = set(phones)
    if wanted:
        for value, cid in session.execute(
            select(ContactPhone.value, ContactPhone.contact_id).order_by(
                ContactPhone.contact_id, ContactPhone.id
            )
        ):
            if value in wanted:
                keys.phones.setdefault(value, cid)
    if families:
        starts = _NameStarts(families)
        for cid, sort_name, given, family, org in session.execute(
            select(
                Contact.id,
                Contact.sort_name,
                Contact.given_name,
                Contact.family_name,
                Organisation.name,
            )
            .join(Organisation, Organisation.id == Contact.organisation_id)
            .order_by(Contact.id)
        ):
            if starts.match(sort_name):
                keys.names.setdefault(_person_key(given, family, org), cid)


class _NameStarts:
    """``sort_name LIKE 'family%'`` for any of many folded family names, in Python: a set of
    prefixes, with SQL's own LIKE semantics (ASCII letters match either case; ``%`` and ``_``
    are wildcards, for the rare name that holds one)."""

    def __init__(self, families: list[str]) -> None:
        plain = [f.translate(_ASCII_LOWER) for f in families if "%" not in f and "_" not in f]
        self._prefixes = set(plain)
        self._lengths = sorted({len(f) for f in plain})
        self._patterns = [
            re.compile(
                "".join(".*" if ch == "%" else "." if ch == "_" else re.escape(ch) for ch in f),
                re.IGNORECASE | re.ASCII | re.DOTALL,
            )
            for f in families
            if "%" in f or "_" in f
        ]

    def match(self, sort_name: str | None) -> bool:
        if sort_name is None:
            return False
        name = sort_name.translate(_ASCII_LOWER)
        prefixes = self._prefixes
        for length in self._lengths:
            if length > len(name):
                break
            if name[:length] in prefixes:
                return True
        return any(p.match(sort_name) for p in self._patterns)


_ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)


def _entity_action(obj: Organisation | Tag | DistributionList) -> str:
    if isinstance(obj, Organisation):
        return "organisation"
    return "tag" if isinstance(obj, Tag) else "list"


def _result(ops: WriteOp, batch_id: int | None, created_ids: list[int]) -> ImportResult:
    """What ``apply`` answers: the batch written (None when nothing was) and the plan's counts."""
    return ImportResult(
        batch_id=batch_id,
        created=len(created_ids),
        updated=len(ops.updates),
        unchanged=ops.unchanged,
        skipped=ops.skipped,
        refused=list(ops.refused),
        warnings=list(ops.warnings),
        created_ids=created_ids,
    )
