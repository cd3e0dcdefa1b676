"""Merging two or more contacts into one, keeping everything each had, and undoing it.

The survivor takes one value per field (the caller's choice, by default the most recently
confirmed non-empty one: see ``domain/duplicate_merge.py``) and every e-mail, phone, address,
link, beat, tag and list. It also takes the whole history of the others:

* the distribution ledger: one line per release. When two of the merged contacts received the
  same release, the earliest send is kept (delivered before pending or failed, then the
  earliest date) and the other lines are written in full into the merge's audit entry;
* enquiries, with their threads (the events belong to the enquiry);
* import provenance: the import batch items of every merged contact point to the survivor.
  They become ``merged:created`` / ``merged:updated``: undoing that import later passes over
  them instead of deleting the survivor (and the history of the others it now holds) or
  bringing back a contact that no longer exists;
* audit entries about the merged contacts (``entity_id``; the id lists inside the details of
  bulk operations stay as written), and "not a duplicate" marks (a mark between two of the
  merged contacts goes: the press officer merged them after all).

A contact's last *confirmation* is the latest of: its creation, the last edit of it in the
contact form (audit ``create`` / ``update``), the last import that created or updated it.
Archiving, tagging or opting out change ``updated_at`` but confirm nothing about the fields.

Undo: ``merge`` returns, with the survivor's id, the rows of every table that refers to the
merged contacts as they were before (JSON-safe); ``restore`` puts them back as they were, ids
and timestamps included, provided the survivor has not changed since the merge (its rows are
compared with a digest taken at the merge): otherwise the undo is refused and nothing changes.
"""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Date,
    LargeBinary,
    Table,
    delete,
    func,
    insert,
    or_,
    select,
    update,
)
from sqlalchemy.orm import Session

from fiac_press_desk.domain.contact import ContactData
from fiac_press_desk.domain.duplicate_merge import (
    CHOOSABLE_FIELDS,
    LIST_FIELDS,
    default_choices,
    merge_values,
    suggested_survivor,
)
from fiac_press_desk.domain.enums import DistributionStatus, ImportBatchStatus
from fiac_press_desk.domain.errors import ConflictError, NotFoundError, ValidationError
from fiac_press_desk.domain.normalize import display_phone
from fiac_press_desk.domain.validation import validate_contact
from fiac_press_desk.services.base import ServiceBase
from fiac_press_desk.storage.contact_record import Resolver, apply_data, to_data
from fiac_press_desk.storage.models import (
    AuditEntry,
    Contact,
    ContactAddress,
    ContactEmail,
    ContactPhone,
    ContactTag,
    ContactUrl,
    CoverageItem,
    Distribution,
    Enquiry,
    ImportBatch,
    ImportBatchItem,
    InformationNotice,
    ListMember,
    NotDuplicate,
)
from fiac_press_desk.storage.types import UTCDateTime

UNDO_VERSION = 1
# What an import batch item of a merged contact becomes (ImportService.undo acts on
# "created" and "updated" only).
MERGED_ACTIONS = {"created": "merged:created", "updated": "merged:updated"}
CONFIRMING_ITEMS = ("created", "updated", *MERGED_ACTIONS.values())
DELIVERED = frozenset({DistributionStatus.SENT.value, DistributionStatus.RECORDED.value, "sending"})

# The tables whose rows belong to a contact outright, restored whole by an undo.
_OWNED: tuple[Table, ...] = tuple(
    m.__table__  # type: ignore[misc]
    for m in (
        ContactEmail,
        ContactPhone,
        ContactAddress,
        ContactUrl,
        ContactTag,
        ListMember,
        Distribution,
        InformationNotice,
    )
)
_CONTACTS: Table = Contact.__table__  # type: ignore[assignment]
_MARKS: Table = NotDuplicate.__table__  # type: ignore[assignment]
_DISTRIBUTIONS: Table = Distribution.__table__  # type: ignore[assignment]
# Every table that refers to contacts, and how the merge treats it (a test checks that every
# foreign key to contacts.id is here, so a new table is not forgotten).
HANDLED_TABLES = frozenset(
    {
        "contacts",
        *(t.name for t in _OWNED),
        "enquiries",
        "import_batch_items",
        "audit_log",
        "not_duplicates",
        "coverage_items",
    }
)


@dataclass(frozen=True)
class FieldOption:
    """One contact's value of a field, as the merge dialog offers it."""

    contact_id: int
    text: str  # the value as the dialog shows it ("" when this contact has none)


@dataclass(frozen=True)
class FieldChoice:
    """A field whose values differ between the merged contacts, and the one proposed."""

    field: str  # a name of domain.duplicate_merge.CHOOSABLE_FIELDS
    options: tuple[FieldOption, ...]  # one per contact, in MergePreview.contacts' order
    chosen: int  # the contact whose value the merge takes (whose items come first for lists)
    differs: bool  # the contacts do not all hold the same


@dataclass(frozen=True)
class MergePreview:
    """What ``merge`` would write with these choices, for the side-by-side dialog."""

    survivor_id: int
    contacts: tuple[ContactData, ...]  # the survivor first, then most recently confirmed first
    confirmed_at: Mapping[int, datetime]
    fields: tuple[FieldChoice, ...]
    merged: ContactData
    releases: int  # distribution ledger lines the survivor will have
    releases_dropped: int  # second lines for one release (kept in the audit entry)
    enquiries: int


@dataclass(frozen=True)
class MergeResult:
    """What a merge did, and what undoes it."""

    survivor_id: int
    merged_ids: tuple[int, ...]  # the contacts folded into the survivor (now deleted)
    undo: dict[str, Any]  # JSON-safe; ``ContactMergeService.restore`` takes it


class ContactMergeService(ServiceBase):
    """Merging two or more contacts into one that keeps everything both had, and its undo."""

    def preview(
        self,
        contact_ids: Sequence[int],
        *,
        survivor_id: int | None = None,
        choices: Mapping[str, int] | None = None,
    ) -> MergePreview:
        """What ``merge`` with the same arguments would write, field by field, without
        writing anything (the merge dialog calls it again as choices change)."""
        ids = _distinct(contact_ids)
        with self.db.session() as session:
            plan = _plan(session, ids, survivor_id, choices, prefer_survivor=False)
            dists = _distribution_rows(session, ids)
            enquiries = session.scalar(
                select(func.count()).select_from(Enquiry).where(Enquiry.contact_id.in_(ids))
            )
        keep, dropped = _ledger(dists)
        shown = [plan.by_id[plan.survivor_id]] + [
            plan.by_id[cid] for cid in plan.order if cid != plan.survivor_id
        ]
        fields = []
        for field in CHOOSABLE_FIELDS:
            options = tuple(FieldOption(c.id or 0, field_text(c, field)) for c in shown)
            fields.append(
                FieldChoice(
                    field=field,
                    options=options,
                    chosen=plan.chosen[field],
                    differs=len({o.text for o in options}) > 1,
                )
            )
        return MergePreview(
            survivor_id=plan.survivor_id,
            contacts=tuple(shown),
            confirmed_at=plan.confirmed_at,
            fields=tuple(fields),
            merged=plan.merged,
            releases=len(keep),
            releases_dropped=len(dropped),
            enquiries=int(enquiries or 0),
        )

    def merge(
        self,
        contact_ids: Sequence[int],
        *,
        survivor_id: int | None = None,
        choices: Mapping[str, int] | None = None,
        prefer_survivor: bool = False,
    ) -> MergeResult:
        """Fold ``contact_ids`` (two or more) into one, in one transaction with one audit
        entry. ``survivor_id`` (default: an active contact before an archived one, then the
        oldest) keeps its id and UID; ``choices`` maps a field of CHOOSABLE_FIELDS to the
        contact whose value it takes; ``prefer_survivor`` makes the survivor's non-empty
        values the default instead of the most recently confirmed ones."""
        ids = _distinct(contact_ids)
        self.backup_before("merge")
        with self.transaction() as session:
            plan = _plan(session, ids, survivor_id, choices, prefer_survivor=prefer_survivor)
            survivor = plan.survivor_id
            others = [cid for cid in ids if cid != survivor]
            before = _rows_before(session, ids)
            dropped = _fold_ledger(session, ids, survivor)
            register = _merged_register(session, ids)
            moved = list(session.scalars(select(Enquiry.id).where(Enquiry.contact_id.in_(others))))
            _repoint(session, others, survivor)
            for obj in plan.objects:
                if obj.id != survivor:
                    session.expunge(obj)
            session.execute(delete(Contact).where(Contact.id.in_(others)))
            contact = session.get(Contact, survivor)
            assert contact is not None
            apply_data(session, contact, plan.merged, Resolver(session))
            for name, value in register.items():
                setattr(contact, name, value)
            session.flush()
            _keep_first_membership_dates(session, survivor, before)
            session.flush()
            digest = _digest(session, survivor)
            self.audit(
                session,
                "merge",
                "contact",
                survivor,
                merged_from=others,
                fields={f: plan.chosen[f] for f in CHOOSABLE_FIELDS},
                dropped_distributions=dropped,
                **({"enquiries": moved} if moved else {}),  # for edit_conflicts.last_change
            )
        return MergeResult(
            survivor_id=survivor,
            merged_ids=tuple(others),
            undo={
                "version": UNDO_VERSION,
                "survivor_id": survivor,
                "merged_ids": others,
                "rows": before,
                "digest": digest,
            },
        )

    def restore(self, undo: Mapping[str, Any]) -> None:
        """Undo a merge: every merged contact back with its id and history, the survivor as
        it was. Refused (ConflictError, nothing written) when the survivor changed since."""
        if undo.get("version") != UNDO_VERSION:
            raise ValidationError("undo", "merge_undo_unknown")
        survivor = int(undo["survivor_id"])
        others = [int(i) for i in undo["merged_ids"]]
        rows: dict[str, list[dict[str, Any]]] = undo["rows"]
        with self.transaction() as session:
            if session.get(Contact, survivor) is None:
                raise NotFoundError("Contact", survivor)
            taken = session.scalars(select(Contact.id).where(Contact.id.in_(others))).first()
            if taken is not None or _digest(session, survivor) != undo["digest"]:
                raise ConflictError("contact", "merge_changed_since")
            session.expire_all()
            _put_back(session, survivor, others, rows)
            moved = [row["id"] for row in rows["enquiries"]]
            self.audit(
                session,
                "unmerge",
                "contact",
                survivor,
                restored=others,
                **({"enquiries": moved} if moved else {}),  # for edit_conflicts.last_change
            )


# -- planning ---------------------------------------------------------------------------------


@dataclass
class _Plan:
    survivor_id: int
    order: list[int]  # most recently confirmed first
    by_id: dict[int, ContactData]
    objects: list[Contact]
    confirmed_at: dict[int, datetime]
    chosen: dict[str, int]
    merged: ContactData


def _distinct(contact_ids: Sequence[int]) -> list[int]:
    ids = list(dict.fromkeys(int(i) for i in contact_ids))
    if len(ids) < 2:
        raise ValidationError("contact_ids", "merge_too_few")
    return ids


def _plan(
    session: Session,
    ids: list[int],
    survivor_id: int | None,
    choices: Mapping[str, int] | None,
    *,
    prefer_survivor: bool,
) -> _Plan:
    objects = list(session.scalars(select(Contact).where(Contact.id.in_(ids))))
    found = {c.id for c in objects}
    for cid in ids:
        if cid not in found:
            raise NotFoundError("Contact", cid)
    by_id = {c.id: to_data(c) for c in objects}
    if survivor_id is None:
        survivor_id = suggested_survivor((c.id, c.archived, c.created_at) for c in objects)
    elif survivor_id not in by_id:
        raise ValidationError("survivor_id", "merge_outside", id=survivor_id)
    for field, cid in (choices or {}).items():
        if field not in CHOOSABLE_FIELDS:
            raise ValidationError("choices", "bad_choice", value=field)
        if cid not in by_id:
            raise ValidationError(f"choices[{field}]", "merge_outside", id=cid)
    confirmed = confirmed_at(session, ids)
    order = sorted(ids, key=lambda cid: (confirmed[cid], cid), reverse=True)
    if prefer_survivor:
        order = [survivor_id] + [cid for cid in order if cid != survivor_id]
    contacts = [by_id[cid] for cid in ids]
    chosen = default_choices(contacts, order)
    chosen.update(choices or {})
    merged = validate_contact(merge_values(contacts, survivor_id, order, chosen))
    survivor = by_id[survivor_id]
    # validate_contact gives a fresh value: the survivor's identity and dates go back on.
    merged.id, merged.uid = survivor.id, survivor.uid
    merged.created_at, merged.updated_at = survivor.created_at, survivor.updated_at
    return _Plan(survivor_id, order, by_id, objects, confirmed, chosen, merged)


def confirmed_at(session: Session, ids: Sequence[int]) -> dict[int, datetime]:
    """When each contact was last confirmed (see the module's note)."""
    out: dict[int, datetime] = dict(
        session.execute(select(Contact.id, Contact.created_at).where(Contact.id.in_(ids))).all()
    )

    def later(cid: int, when: datetime | None) -> None:
        if when is not None and when > out[cid]:
            out[cid] = when

    for cid, when in session.execute(
        select(AuditEntry.entity_id, func.max(AuditEntry.at))
        .where(
            AuditEntry.entity == "contact",
            AuditEntry.entity_id.in_(ids),
            AuditEntry.action.in_(("create", "update")),
        )
        .group_by(AuditEntry.entity_id)
    ):
        if cid is not None:
            later(cid, _aware(when))
    for cid, when in session.execute(
        select(ImportBatchItem.contact_id, func.max(ImportBatch.created_at))
        .join(ImportBatch, ImportBatch.id == ImportBatchItem.batch_id)
        .where(
            ImportBatchItem.contact_id.in_(ids),
            ImportBatchItem.action.in_(CONFIRMING_ITEMS),
            ImportBatch.status == ImportBatchStatus.APPLIED.value,
        )
        .group_by(ImportBatchItem.contact_id)
    ):
        later(cid, _aware(when))
    return out


def _aware(value: Any) -> datetime | None:
    """``max()`` over a UTC column comes back as the database's text or naive value."""
    if value is None:
        return None
    return UTCDateTime().process_result_value(value, None)  # type: ignore[arg-type]


def field_text(data: ContactData, field: str) -> str:
    """A field's value as one text (list fields one item a line), for the dialog."""
    value = getattr(data, field)
    if field == "photo":
        return data.photo_mime or "image" if value else ""
    if field == "emails":
        return "\n".join(e.value for e in value)
    if field == "phones":
        return "\n".join(display_phone(p.value) for p in value)
    if field == "addresses":
        return "\n".join(a.one_line() for a in value)
    if field == "urls":
        return "\n".join(u.value for u in value)
    if field in LIST_FIELDS and field != "notes":
        return "\n".join(value)
    return str(value)


# -- the ledger -------------------------------------------------------------------------------


def _distribution_rows(session: Session, ids: Sequence[int]) -> list[dict[str, Any]]:
    table = _DISTRIBUTIONS
    return [
        dict(row._mapping)
        for row in session.execute(
            select(table).where(table.c.contact_id.in_(ids)).order_by(table.c.id)
        )
    ]


def _ledger(rows: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """One line per release: the earliest send (delivered lines first, then the earliest
    date, then the oldest line); the others are dropped."""
    best: dict[int, dict[str, Any]] = {}

    def rank(row: dict[str, Any]) -> tuple[bool, bool, datetime, int]:
        when = row["sent_at"] or row["created_at"]
        return (row["status"] not in DELIVERED, row["sent_at"] is None, when, row["id"])

    for row in rows:
        held = best.get(row["release_id"])
        if held is None or rank(row) < rank(held):
            best[row["release_id"]] = row
    keep_ids = {row["id"] for row in best.values()}
    return list(best.values()), [row for row in rows if row["id"] not in keep_ids]


def _fold_ledger(session: Session, ids: list[int], survivor: int) -> list[dict[str, Any]]:
    keep, dropped = _ledger(_distribution_rows(session, ids))
    table = _DISTRIBUTIONS
    drop_ids = [row["id"] for row in dropped]
    if drop_ids:
        session.execute(delete(table).where(table.c.id.in_(drop_ids)))
    move = [row["id"] for row in keep if row["contact_id"] != survivor]
    if move:
        session.execute(update(table).where(table.c.id.in_(move)).values(contact_id=survivor))
    return [_encode_row(table, row) for row in dropped]


def _repoint(session: Session, others: list[int], survivor: int) -> None:
    """Enquiries, information notices, import provenance, audit entries and "not a duplicate"
    marks of the merged contacts now name the survivor."""
    session.execute(
        update(Enquiry)
        .where(Enquiry.contact_id.in_(others))
        # Moving an enquiry to the survivor is not an edit of the enquiry (updated_at
        # stays), but a new version: an enquiry form opened before would save the merged
        # contact's id back (services/edit_conflicts.py).
        .values(contact_id=survivor, updated_at=Enquiry.updated_at, version=Enquiry.version + 1)
    )
    # What either published, the one person published.
    session.execute(
        update(CoverageItem)
        .where(CoverageItem.contact_id.in_(others))
        .values(contact_id=survivor, updated_at=CoverageItem.updated_at)
    )
    # The information notices sent to either were sent to the one person.
    session.execute(
        update(InformationNotice)
        .where(InformationNotice.contact_id.in_(others))
        .values(contact_id=survivor)
    )
    everyone = [survivor, *others]
    for action, merged_action in MERGED_ACTIONS.items():
        session.execute(
            update(ImportBatchItem)
            .where(ImportBatchItem.contact_id.in_(everyone), ImportBatchItem.action == action)
            .values(contact_id=survivor, action=merged_action)
        )
    session.execute(
        update(AuditEntry)
        .where(AuditEntry.entity == "contact", AuditEntry.entity_id.in_(others))
        .values(entity_id=survivor)
    )
    marks = list(
        session.execute(
            select(
                NotDuplicate.first_id,
                NotDuplicate.second_id,
                NotDuplicate.marked_at,
                NotDuplicate.actor,
            ).where(or_(NotDuplicate.first_id.in_(everyone), NotDuplicate.second_id.in_(everyone)))
        )
    )
    if not marks:
        return
    group = set(everyone)
    session.execute(delete(NotDuplicate).where(_touching(everyone)))
    kept: dict[tuple[int, int], dict[str, Any]] = {}
    for first, second, marked_at, actor in sorted(marks, key=lambda m: m[2]):
        a = survivor if first in group else first
        b = survivor if second in group else second
        if a == b:
            continue  # two of the merged contacts: merged after all
        key = (min(a, b), max(a, b))
        kept.setdefault(
            key, {"first_id": key[0], "second_id": key[1], "marked_at": marked_at, "actor": actor}
        )
    if kept:
        session.execute(insert(NotDuplicate), list(kept.values()))


def _merged_register(session: Session, ids: Sequence[int]) -> dict[str, Any]:
    """The survivor's GDPR register, for one person known twice: informed when either was
    (the earliest notice counts), its latest interaction the latest of any of them."""
    rows = session.execute(
        select(
            Contact.informed_at,
            Contact.informed_how,
            Contact.last_interaction_at,
            Contact.last_interaction_kind,
        ).where(Contact.id.in_(ids))
    ).all()
    out: dict[str, Any] = {}
    informed = [(at, how) for at, how, _, _ in rows if at is not None]
    if informed:
        out["informed_at"], out["informed_how"] = min(informed, key=lambda r: r[0])
    interactions = [(at, kind) for _, _, at, kind in rows if at is not None]
    if interactions:
        out["last_interaction_at"], out["last_interaction_kind"] = max(
            interactions, key=lambda r: r[0]
        )
    return out


def _touching(ids: Sequence[int]) -> ColumnElement[bool]:
    return or_(NotDuplicate.first_id.in_(ids), NotDuplicate.second_id.in_(ids))


def _keep_first_membership_dates(
    session: Session, survivor: int, before: dict[str, list[dict[str, Any]]]
) -> None:
    """A list the survivor joins through the merge keeps the date the first of them joined."""
    first: dict[int, datetime] = {}
    for row in before.get("list_members", []):
        added = datetime.fromisoformat(row["added_at"])
        if row["list_id"] not in first or added < first[row["list_id"]]:
            first[row["list_id"]] = added
    for member in session.scalars(select(ListMember).where(ListMember.contact_id == survivor)):
        if member.list_id in first and member.added_at != first[member.list_id]:
            member.added_at = first[member.list_id]


# -- rows before, and putting them back -------------------------------------------------------


def _rows_before(session: Session, ids: list[int]) -> dict[str, list[dict[str, Any]]]:
    """Every row that refers to these contacts, JSON-safe, as it is now."""
    out: dict[str, list[dict[str, Any]]] = {
        "contacts": _dump(session, _CONTACTS, _CONTACTS.c.id.in_(ids))
    }
    for table in _OWNED:
        out[table.name] = _dump(session, table, table.c.contact_id.in_(ids))
    out["not_duplicates"] = _dump(session, _MARKS, _touching(ids))
    out["enquiries"] = [
        {"id": i, "contact_id": c}
        for i, c in session.execute(
            select(Enquiry.id, Enquiry.contact_id).where(Enquiry.contact_id.in_(ids))
        )
    ]
    out["coverage_items"] = [
        {"id": i, "contact_id": c}
        for i, c in session.execute(
            select(CoverageItem.id, CoverageItem.contact_id).where(CoverageItem.contact_id.in_(ids))
        )
    ]
    out["import_batch_items"] = [
        {"id": i, "contact_id": c, "action": a}
        for i, c, a in session.execute(
            select(ImportBatchItem.id, ImportBatchItem.contact_id, ImportBatchItem.action).where(
                ImportBatchItem.contact_id.in_(ids),
                ImportBatchItem.action.in_(tuple(MERGED_ACTIONS)),
            )
        )
    ]
    out["audit_log"] = [
        {"id": i, "entity_id": e}
        for i, e in session.execute(
            select(AuditEntry.id, AuditEntry.entity_id).where(
                AuditEntry.entity == "contact", AuditEntry.entity_id.in_(ids)
            )
        )
    ]
    return out


def _put_back(
    session: Session, survivor: int, others: list[int], rows: dict[str, list[dict[str, Any]]]
) -> None:
    for table in _OWNED:
        session.execute(delete(table).where(table.c.contact_id == survivor))
    session.execute(delete(NotDuplicate).where(_touching([survivor])))
    for row in rows["contacts"]:
        values = _decode_row(_CONTACTS, row)
        if row["id"] == survivor:
            # The survivor as it was, but as a new version (never its old number again: a
            # card opened on the merged contact must not save over the restored one).
            values["version"] = _CONTACTS.c.version + 1
            session.execute(update(_CONTACTS).where(_CONTACTS.c.id == survivor).values(**values))
    new = [_decode_row(_CONTACTS, row) for row in rows["contacts"] if row["id"] != survivor]
    if new:
        session.execute(insert(_CONTACTS), new)
    for table in (*_OWNED, _MARKS):
        values_list = [_decode_row(table, row) for row in rows.get(table.name, [])]
        if values_list:
            session.execute(insert(table), values_list)
    for row in rows["enquiries"]:
        session.execute(
            update(Enquiry)
            .where(Enquiry.id == row["id"])
            .values(
                contact_id=row["contact_id"],
                updated_at=Enquiry.updated_at,
                version=Enquiry.version + 1,
            )
        )
    for row in rows.get("coverage_items", []):  # undo data of an older merge has none
        session.execute(
            update(CoverageItem)
            .where(CoverageItem.id == row["id"])
            .values(contact_id=row["contact_id"], updated_at=CoverageItem.updated_at)
        )
    for row in rows["import_batch_items"]:
        session.execute(
            update(ImportBatchItem)
            .where(ImportBatchItem.id == row["id"])
            .values(contact_id=row["contact_id"], action=row["action"])
        )
    by_contact: dict[int, list[int]] = {}
    for row in rows["audit_log"]:
        by_contact.setdefault(row["entity_id"], []).append(row["id"])
    for cid, audit_ids in by_contact.items():
        for start in range(0, len(audit_ids), 500):
            session.execute(
                update(AuditEntry)
                .where(AuditEntry.id.in_(audit_ids[start : start + 500]))
                .values(entity_id=cid)
            )


def _dump(session: Session, table: Table, where: ColumnElement[bool]) -> list[dict[str, Any]]:
    order = [c for c in table.primary_key.columns]
    return [
        _encode_row(table, dict(row._mapping))
        for row in session.execute(select(table).where(where).order_by(*order))
    ]


def _digest(session: Session, survivor: int) -> str:
    """A fingerprint of the survivor's rows: equal digests, unchanged survivor."""
    parts: dict[str, Any] = {
        "contacts": _dump(session, _CONTACTS, _CONTACTS.c.id == survivor),
        "not_duplicates": _dump(session, _MARKS, _touching([survivor])),
        "enquiries": sorted(
            session.scalars(select(Enquiry.id).where(Enquiry.contact_id == survivor))
        ),
        "coverage_items": sorted(
            session.scalars(select(CoverageItem.id).where(CoverageItem.contact_id == survivor))
        ),
    }
    for table in _OWNED:
        parts[table.name] = _dump(session, table, table.c.contact_id == survivor)
    text = json.dumps(parts, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()


def _encode_row(table: Table, row: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, value in row.items():
        if isinstance(value, datetime | date):
            value = value.isoformat()
        elif isinstance(value, bytes):
            value = base64.b64encode(value).decode("ascii")
        out[name] = value
    return out


def _decode_row(table: Table, row: Mapping[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, value in row.items():
        column_type = table.c[name].type
        if value is not None:
            if isinstance(column_type, UTCDateTime):
                value = datetime.fromisoformat(value)
            elif isinstance(column_type, Date):
                value = date.fromisoformat(value)
            elif isinstance(column_type, LargeBinary):
                value = base64.b64decode(value)
        out[name] = value
    return out
