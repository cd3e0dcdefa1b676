"""The one import pipeline for every format: records -> validate -> match -> plan -> apply.

A parser yields ``ImportRecord`` / ``ImportProblem``; ``build_plan`` validates each record and
matches it against the database and against the records before it in the same import;
``apply_plan`` writes the chosen decisions as one transaction and one import batch that
``services.imports.undo`` can take back.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, fields, replace
from enum import StrEnum
from pathlib import Path

from fiac_press_desk.domain.contact import ContactData
from fiac_press_desk.domain.errors import ValidationError
from fiac_press_desk.domain.normalize import email_key
from fiac_press_desk.domain.text import fold
from fiac_press_desk.domain.validation import validate_contact
from fiac_press_desk.interchange.bulk_contacts import ASIDE_EVERY, collector_steps, read_contacts
from fiac_press_desk.interchange.records import ImportProblem, ImportRecord, ParsedItem, SourcePlace
from fiac_press_desk.interchange.suppressed import refuse_erased
from fiac_press_desk.services.contacts import changed_fields, merge_data
from fiac_press_desk.services.hub import Services
from fiac_press_desk.services.imports import ContactKeys, ImportResult, WriteOp
from fiac_press_desk.services.progress import NullProgress, ProgressSink

# Fields that identify or describe the stored row rather than the person.
_NOT_REPLACED = {"id", "created_at", "updated_at"}
DATA_FIELDS = frozenset(f.name for f in fields(ContactData)) - _NOT_REPLACED


class MatchKind(StrEnum):
    NEW = "new"
    UPDATE = "update"  # same id or UID: certainly this contact
    UNCHANGED = "unchanged"  # same contact, nothing would change
    DUPLICATE = "duplicate"  # same email, phone, or name and organisation: probably them
    ERROR = "error"


class Decision(StrEnum):
    CREATE = "create"
    UPDATE = "update"
    SKIP = "skip"


ON_DUPLICATE = {"skip": Decision.SKIP, "update": Decision.UPDATE, "create": Decision.CREATE}


@dataclass(slots=True)  # a plan holds one per record: 50,000 of them, no __dict__ each
class PlanItem:
    index: int
    place: SourcePlace
    data: ContactData | None  # validated; None for an error
    kind: MatchKind
    decision: Decision
    existing_id: int | None = None
    duplicate_of: int | None = None  # index of an earlier item of the same import
    match_reason: str = ""
    changes: list[str] = field(default_factory=list)
    message: str = ""
    warnings: list[str] = field(default_factory=list)
    fields: frozenset[str] | None = None
    existing: ContactData | None = None  # the stored contact it matched, as it is now

    @property
    def name(self) -> str:
        return self.data.computed_display_name() if self.data else ""


@dataclass
class ImportPlan:
    items: list[PlanItem]
    sources: list[str]
    format: str

    def counts(self) -> dict[str, int]:
        out = {kind.value: 0 for kind in MatchKind}
        for item in self.items:
            out[item.kind.value] += 1
        return out

    @property
    def errors(self) -> list[PlanItem]:
        return [i for i in self.items if i.kind is MatchKind.ERROR]


def _name_key(data: ContactData) -> tuple[str, str] | None:
    """(folded given and family names, folded organisation), spaces normalised. Each name is
    folded apart (``fold`` works character by character and a space splits nothing), which
    its cache answers for the given and family names that recur."""
    if not data.organization:
        return None
    person = " ".join(f"{fold(data.given_name)} {fold(data.family_name)}".split())
    if not person:
        return None
    return (person, " ".join(fold(data.organization).split()))


def build_plan(
    services: Services,
    items: Iterable[ParsedItem],
    *,
    sources: list[str],
    format: str,
    on_duplicate: str = "skip",
    progress: ProgressSink | None = None,
) -> ImportPlan:
    with collector_steps(progress) as aside:
        return _build_plan(
            services, items, sources, format, ON_DUPLICATE[on_duplicate], progress, aside
        )


def _build_plan(
    services: Services,
    items: Iterable[ParsedItem],
    sources: list[str],
    format: str,
    dup_decision: Decision,
    progress: ProgressSink | None,
    aside: Callable[[], None],
) -> ImportPlan:
    progress = progress or NullProgress()
    plan_items: list[PlanItem] = []
    for parsed in items:
        count = len(plan_items)
        if count % 500 == 0:
            progress.check()
            progress.report(count, 0, "")
            if count % ASIDE_EVERY == 0:
                aside()
        plan_items.append(_validated(count, parsed))
    refuse_erased(services, plan_items)  # GDPR: an erased person does not come back
    keys = services.imports.lookup_keys([i.data for i in plan_items if i.data is not None])
    _match(plan_items, keys, dup_decision)
    matched = sorted({i.existing_id for i in plan_items if i.existing_id is not None})
    existing = {c.id: c for c in read_contacts(services.db, matched, complete=True)}
    for item in plan_items:
        progress.check()
        if item.existing_id is not None and item.data is not None:
            item.existing = existing.get(item.existing_id)
            if item.existing is None:
                continue
            if item.kind is MatchKind.UPDATE:
                result = replace_fields(item.existing, item.data, item.fields)
                item.changes = changed_fields(item.existing, result)
                if not item.changes:
                    item.kind, item.decision = MatchKind.UNCHANGED, Decision.SKIP
            elif item.kind is MatchKind.DUPLICATE:
                item.changes = changed_fields(item.existing, merge_data(item.existing, item.data))
    progress.report(len(plan_items), len(plan_items), "")
    return ImportPlan(plan_items, sources, format)


def _validated(index: int, parsed: ParsedItem) -> PlanItem:
    if isinstance(parsed, ImportProblem):
        return PlanItem(
            index, parsed.place, None, MatchKind.ERROR, Decision.SKIP, message=parsed.message
        )
    record: ImportRecord = parsed
    try:
        data = validate_contact(record.data)
    except ValidationError as exc:
        return PlanItem(
            index,
            record.place,
            None,
            MatchKind.ERROR,
            Decision.SKIP,
            message=f"{exc.field}: {exc.message}",
            warnings=record.warnings,
        )
    data.id = record.data.id
    return PlanItem(
        index,
        record.place,
        data,
        MatchKind.NEW,
        Decision.CREATE,
        warnings=record.warnings,  # the record is the parser's, passed on: no copy
        fields=record.fields,
    )


def _match(items: list[PlanItem], keys: ContactKeys, dup_decision: Decision) -> None:
    seen_uid: dict[str, int] = {}
    seen_email: dict[str, int] = {}
    seen_phone: dict[str, int] = {}
    seen_name: dict[tuple[str, str], int] = {}
    for item in items:
        data = item.data
        if data is None:
            continue
        certain = None
        if data.id is not None and data.id in keys.ids:
            certain, reason = data.id, f"ID {data.id}"
        elif data.uid and data.uid in keys.uids:
            certain, reason = keys.uids[data.uid], f"UID {data.uid}"
        if certain is not None:
            item.kind, item.decision = MatchKind.UPDATE, Decision.UPDATE
            item.existing_id, item.match_reason = certain, reason
            continue
        # Each key once per record: the database's keys, then the earlier records'.
        emails = [(email_key(email.value), email.value) for email in data.emails]
        name = _name_key(data)
        probable = _probable(data, emails, name, keys)
        if probable is not None:
            item.kind, item.decision = MatchKind.DUPLICATE, dup_decision
            item.existing_id, item.match_reason = probable
            continue
        earlier = _earlier(data, emails, name, seen_uid, seen_email, seen_phone, seen_name)
        if earlier is not None:
            item.kind, item.decision = MatchKind.DUPLICATE, dup_decision
            item.duplicate_of, item.match_reason = earlier
            continue
        if data.uid:
            seen_uid.setdefault(data.uid, item.index)
        for key, _value in emails:
            seen_email.setdefault(key, item.index)
        for phone in data.phones:
            seen_phone.setdefault(phone.value, item.index)
        if name:
            seen_name.setdefault(name, item.index)


def _probable(
    data: ContactData,
    emails: list[tuple[str, str]],
    name: tuple[str, str] | None,
    keys: ContactKeys,
) -> tuple[int, str] | None:
    """A stored contact that is probably this record: ``emails`` are (key, address) of the
    record's emails, ``name`` its ``_name_key``."""
    for key, value in emails:
        found = keys.emails.get(key)
        if found is not None:
            return found, f"email {value}"
    for phone in data.phones:
        found = keys.phones.get(phone.value)
        if found is not None:
            return found, f"phone {phone.value}"
    if name and name in keys.names:
        return keys.names[name], f"name {data.given_name} {data.family_name}, {data.organization}"
    return None


def _earlier(
    data: ContactData,
    emails: list[tuple[str, str]],
    name: tuple[str, str] | None,
    uids: dict[str, int],
    seen_emails: dict[str, int],
    phones: dict[str, int],
    names: dict[tuple[str, str], int],
) -> tuple[int, str] | None:
    """An earlier record of the import that is probably this one (arguments as for
    ``_probable``, then what the earlier records hold)."""
    if data.uid and data.uid in uids:
        return uids[data.uid], f"UID {data.uid}"
    for key, value in emails:
        if key in seen_emails:
            return seen_emails[key], f"email {value}"
    for phone in data.phones:
        if phone.value in phones:
            return phones[phone.value], f"phone {phone.value}"
    if name and name in names:
        return names[name], f"name {data.given_name} {data.family_name}, {data.organization}"
    return None


def replace_fields(
    existing: ContactData, incoming: ContactData, carried: frozenset[str] | None
) -> ContactData:
    """``existing`` with the fields the source carries taken from ``incoming``."""
    names = DATA_FIELDS if carried is None else (carried & DATA_FIELDS)
    out = replace(existing)
    for name in names:
        if name == "uid" and not incoming.uid:
            continue
        setattr(out, name, getattr(incoming, name))
    if "opted_out" in names and existing.opted_out and not incoming.opted_out:
        # An opt-out is never lifted by a file: the person asked, only the person can undo it.
        out.opted_out, out.opted_out_at = True, existing.opted_out_at
        out.opted_out_reason = existing.opted_out_reason
    return out


def _operations(
    plan: ImportPlan,
) -> tuple[list[ContactData], list[tuple[int, ContactData]], int]:
    """Final data to create (in order), to update (by contact id), and how many contacts
    the plan would update with nothing new.

    Data to create is the plan's own (not copied): its id, if the file gave one, is not
    used to create, and nothing on the way changes it."""
    creates: dict[int, ContactData] = {}
    updates: dict[int, ContactData] = {}
    update_of_item: dict[int, int] = {}  # plan index -> contact id it updates
    before: dict[int, ContactData] = {}  # contact id -> as it is in the database
    for item in plan.items:
        data = item.data
        if data is None or item.decision is Decision.SKIP:
            continue
        if item.decision is Decision.CREATE:
            creates[item.index] = data
            continue
        # Decision.UPDATE
        if item.duplicate_of is not None:
            target = item.duplicate_of
            if target in creates:
                creates[target] = merge_data(creates[target], data)
            elif target in update_of_item:
                cid = update_of_item[target]
                updates[cid] = merge_data(updates[cid], data)
            continue
        if item.existing_id is None or item.existing is None:
            continue
        base = updates.get(item.existing_id, item.existing)
        if item.kind is MatchKind.DUPLICATE:
            result = merge_data(base, data)
        else:
            result = replace_fields(base, data, item.fields)
        result.id = item.existing_id
        updates[item.existing_id] = result
        update_of_item[item.index] = item.existing_id
        before.setdefault(item.existing_id, item.existing)
    # A duplicate taken as an update that brings nothing new is not written, and is
    # counted as unchanged rather than as an update that changed nothing.
    changed = [(cid, d) for cid, d in updates.items() if changed_fields(before[cid], d)]
    return list(creates.values()), changed, len(updates) - len(changed)


def apply_plan(
    services: Services, plan: ImportPlan, progress: ProgressSink | None = None
) -> ImportResult:
    """Write the plan's decisions as one import batch (one transaction)."""
    creates, updates, no_change = _operations(plan)
    ops = WriteOp(
        creates=creates,
        updates=updates,
        unchanged=no_change + sum(1 for i in plan.items if i.kind is MatchKind.UNCHANGED),
        skipped=sum(
            1
            for i in plan.items
            if i.decision is Decision.SKIP and i.kind not in (MatchKind.ERROR, MatchKind.UNCHANGED)
        ),
        refused=[(i.place, i.message) for i in plan.errors],
        warnings=[(i.place, w) for i in plan.items for w in i.warnings],
    )
    with collector_steps(progress):
        return services.imports.apply(ops, plan.sources, plan.format, progress or NullProgress())


def write_report(plan: ImportPlan, result: ImportResult | None, path: Path) -> None:
    """CSV report (UTF-8 with BOM, ';': opens as is in French Excel) of every record."""
    tmp = path.with_name(path.name + ".part")
    with tmp.open("w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out, delimiter=";")
        writer.writerow(
            [
                "file",
                "sheet",
                "line_or_row",
                "kind",
                "decision",
                "name",
                "matched_contact",
                "reason",
                "changes",
                "warnings",
            ]
        )
        for item in plan.items:
            place = item.place
            writer.writerow(
                [
                    place.file,
                    place.sheet or "",
                    place.row if place.row is not None else (place.line or ""),
                    item.kind.value,
                    "refused" if item.kind is MatchKind.ERROR else item.decision.value,
                    item.name,
                    item.existing_id or "",
                    item.message or item.match_reason,
                    ", ".join(item.changes),
                    " | ".join(item.warnings),
                ]
            )
        if result is not None:
            writer.writerow([])
            writer.writerow(
                [
                    "batch",
                    result.batch_id or "",
                    "created",
                    result.created,
                    "updated",
                    result.updated,
                    "unchanged",
                    result.unchanged,
                    "skipped",
                    result.skipped,
                    "refused",
                    len(result.refused),
                ]
            )
    tmp.replace(path)
