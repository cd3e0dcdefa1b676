"""The one import pipeline for every format: records -> validate -> match -> plan -> apply.

A parser yields ``ImportRecord`` / ``ImportProblem``; ``build_plan`` validates each record and
matches it against the database and against the records before it in the same import;
``apply_plan`` writes the chosen decisions as one transaction and one import batch that
``services.imports.undo`` can take back.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TypeVar

from fiac_press_desk.domain.contact import ContactData, PostalAddress
from fiac_press_desk.domain.contact_changes import changed_fields, merge_data, replace_fields
from fiac_press_desk.domain.enums import Decision, MatchKind
from fiac_press_desk.domain.errors import ValidationError
from fiac_press_desk.domain.messages import render_in
from fiac_press_desk.domain.normalize import email_key
from fiac_press_desk.domain.text import fold, name_key
from fiac_press_desk.domain.validation import MAX_NOTES, validate_contact
from fiac_press_desk.interchange import import_groups
from fiac_press_desk.interchange.collector import ASIDE_EVERY, collector_steps
from fiac_press_desk.interchange.import_messages import render as render_notice
from fiac_press_desk.interchange.private_files import private_output
from fiac_press_desk.interchange.provenance import join_sources
from fiac_press_desk.interchange.records import (
    ImportGroup,
    ImportNotice,
    ImportProblem,
    ImportRecord,
    ParsedItem,
    SourceItem,
    SourcePlace,
)
from fiac_press_desk.interchange.salvage import ATTEMPTS, salvaged
from fiac_press_desk.interchange.suppressed import refuse_erased
from fiac_press_desk.services.hub import Services
from fiac_press_desk.services.imports import ContactKeys, ImportResult, WriteOp
from fiac_press_desk.services.progress import NullProgress, ProgressSink

ON_DUPLICATE = {"skip": Decision.SKIP, "update": Decision.UPDATE, "create": Decision.CREATE}
# Matched by name and organisation alone: never certain, so the window proposes to create
# them (a probable duplicate is merged later, in the duplicates view; a skip would lose them).
WINDOW_ON_DUPLICATE, WINDOW_ON_PROBABLE = "update", "create"


@dataclass(slots=True)  # a plan holds one per record: 50,000 of them, no __dict__ each
class PlanItem:
    """One record of an import: what it matched and what will be done with it."""

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
    # What the plan notes without acting on it: a phone number or UID shared with another
    # person (never a reason to merge or skip).
    remarks: list[str] = field(default_factory=list)
    # Values that did not validate, set aside as text for the notes (salvage.py).
    kept: list[str] = field(default_factory=list)

    @property
    def name(self) -> str:
        """The record's name as the plan shows it."""
        return self.data.computed_display_name() if self.data else ""

    @property
    def match_key(self) -> str:
        """How it matched: "ID", "UID", "email" or "name" ("" when it did not)."""
        return self.match_reason.partition(" ")[0]


@dataclass
class ImportPlan:
    """Every record of an import with its decision, before anything is written."""

    items: list[PlanItem]
    sources: list[str]
    format: str
    # The highest contact id when the plan was made: what was created after it is checked
    # again under the write lock (two imports of one file at once create nobody twice).
    known_up_to: int | None = None
    # What the files say as a whole: the export recognised, columns left out, groups made
    # lists (in file order).
    notices: list[ImportNotice] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        """How many records of each kind (new, update, unchanged, duplicate, error)."""
        out = {kind.value: 0 for kind in MatchKind}
        for item in self.items:
            out[item.kind.value] += 1
        return out

    @property
    def errors(self) -> list[PlanItem]:
        """The records refused, with their place and reason."""
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
    items: Iterable[SourceItem],
    *,
    sources: list[str],
    format: str,
    on_duplicate: str = "skip",
    on_probable: str | None = None,
    progress: ProgressSink | None = None,
) -> ImportPlan:
    """Validate and match every parsed record: the plan the window shows and
    ``apply_plan`` writes. ``on_duplicate``: the decision for a record whose email is a
    stored contact's or an earlier record's; ``on_probable`` (default: the same) for one that
    matched by name and organisation only."""
    decisions = _Decisions(ON_DUPLICATE[on_duplicate], ON_DUPLICATE[on_probable or on_duplicate])
    with collector_steps(progress) as aside:
        return _build_plan(services, items, sources, format, decisions, progress, aside)


@dataclass(frozen=True)
class _Decisions:
    duplicate: Decision
    probable: Decision

    def of(self, reason: str) -> Decision:
        return self.probable if reason.startswith("name") else self.duplicate


def proposed_decision(item: PlanItem, on_duplicate: str, on_probable: str) -> Decision:
    """The decision ``build_plan`` gives a duplicate under these policies (the window's
    "as proposed" choice puts it back)."""
    return _Decisions(ON_DUPLICATE[on_duplicate], ON_DUPLICATE[on_probable]).of(item.match_reason)


def _build_plan(
    services: Services,
    items: Iterable[SourceItem],
    sources: list[str],
    format: str,
    decisions: _Decisions,
    progress: ProgressSink | None,
    aside: Callable[[], None],
) -> ImportPlan:
    progress = progress or NullProgress()
    plan_items: list[PlanItem] = []
    notices: list[ImportNotice] = []
    groups: list[ImportGroup] = []
    for parsed in items:
        if isinstance(parsed, ImportNotice):
            notices.append(parsed)
            continue
        if isinstance(parsed, ImportGroup):
            groups.append(parsed)
            continue
        count = len(plan_items)
        if count % 500 == 0:
            progress.check()
            progress.report(count, 0, "")
            if count % ASIDE_EVERY == 0:
                aside()
        plan_items.append(_validated(count, parsed))
    refuse_erased(services, plan_items)  # GDPR: an erased person does not come back
    keys = services.imports.lookup_keys([i.data for i in plan_items if i.data is not None])
    # The stored contacts a record may match, read before matching: a UID match is checked
    # against the person it names (a UID shared by other people is not identity).
    candidates = sorted(
        {*keys.ids, *keys.uids.values(), *keys.emails.values(), *keys.names.values()}
    )
    existing = {
        c.id: c
        for c in services.contacts.read_many(candidates, photo=True, timestamps=True)
        if c.id is not None
    }
    _match(plan_items, keys, existing, decisions)
    _respect_distinct(services, plan_items, existing)
    members = _group_members(services, plan_items, groups) if groups else []
    if members:
        stored = sorted(import_groups.stored_ids(members) - existing.keys())
        existing.update(
            (c.id, c)
            for c in services.contacts.read_many(stored, photo=True, timestamps=True)
            if c.id is not None
        )
        _join_groups(plan_items, members, existing)
        notices += import_groups.group_notices(members)
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
    return ImportPlan(plan_items, sources, format, keys.high_water, notices)


def _group_members(
    services: Services, items: list[PlanItem], groups: list[ImportGroup]
) -> list[import_groups.GroupPlan]:
    records = [(i.index, i.data) for i in items if i.data is not None]
    return import_groups.find_members(services, records, groups)


def _join_groups(
    items: list[PlanItem],
    plans: list[import_groups.GroupPlan],
    existing: dict[int, ContactData],
) -> None:
    """Put the members of each group on its list: a record of the import carries the list
    (an update adds it to the lists the contact has), a stored contact that only the group
    names gets an update of its lists, placed at the group card."""
    joined: dict[int, PlanItem] = {}  # stored contact id -> its update
    for plan in plans:
        name = plan.group.name
        for index in plan.records:
            item = items[index]
            targets = [item]
            if item.duplicate_of is not None:
                targets.append(items[item.duplicate_of])
            for target in targets:
                _on_list(target, name, existing)
        for cid in plan.stored:
            update = joined.get(cid)
            if update is None:
                stored = existing.get(cid)
                if stored is None:
                    continue
                update = PlanItem(
                    len(items),
                    plan.group.place,
                    import_groups.member_update(stored, name),
                    MatchKind.UPDATE,
                    Decision.UPDATE,
                    existing_id=cid,
                    match_reason=render_notice("group_added", name=name),
                    fields=frozenset({"lists"}),
                )
                items.append(update)
                joined[cid] = update
            elif update.data is not None:
                import_groups.add_list(update.data, name)


def _on_list(item: PlanItem, name: str, existing: dict[int, ContactData]) -> None:
    data = item.data
    if data is None:
        return
    if item.kind in (MatchKind.UPDATE, MatchKind.UNCHANGED) and item.existing_id is not None:
        stored = existing.get(item.existing_id)
        carries_lists = item.fields is None or "lists" in item.fields
        if stored is not None and not carries_lists:
            data.lists = list(stored.lists)  # an update adds the list to those it has
        if item.kind is MatchKind.UNCHANGED:
            item.kind, item.decision = MatchKind.UPDATE, Decision.UPDATE
    import_groups.add_list(data, name)
    if item.fields is not None:
        item.fields = item.fields | {"lists"}


def _validated(index: int, parsed: ParsedItem) -> PlanItem:
    if isinstance(parsed, ImportProblem):
        return PlanItem(
            index, parsed.place, None, MatchKind.ERROR, Decision.SKIP, message=parsed.message
        )
    record: ImportRecord = parsed
    warnings = record.warnings  # the record is the parser's, passed on: no copy
    kept: list[str] = []
    source = record.data
    for _attempt in range(ATTEMPTS):
        try:
            data = validate_contact(source)
            break
        except ValidationError as exc:
            rescue = salvaged(source, exc)
            if rescue is None:
                return PlanItem(
                    index,
                    record.place,
                    None,
                    MatchKind.ERROR,
                    Decision.SKIP,
                    message=f"{exc.field}: {exc.message}",
                    warnings=warnings,
                )
            # A value that does not validate never costs the person: it goes to the notes.
            source = rescue.data
            warnings = [*warnings, rescue.warning]
            if rescue.kept:
                kept.append(rescue.kept)
    else:  # more bad values than a record holds by mistake: refused as a whole
        return PlanItem(
            index,
            record.place,
            None,
            MatchKind.ERROR,
            Decision.SKIP,
            message=f"{len(kept)} values refused",
            warnings=warnings,
        )
    data.id = record.data.id
    item = PlanItem(
        index,
        record.place,
        data,
        MatchKind.NEW,
        Decision.CREATE,
        warnings=warnings,
        fields=record.fields,
    )
    if kept:
        item.kept = kept
    return item


def with_kept(data: ContactData, kept: list[str]) -> ContactData:
    """``data`` with the values set aside at validation added to its notes (a copy)."""
    notes = data.notes
    for text in kept:
        if text not in notes:
            notes = f"{notes}\n{text}".strip()
    return replace(data, notes=notes[:MAX_NOTES])


def person_key(data: ContactData) -> str:
    """The folded name of the person (given and family names, else the display name)."""
    person = " ".join(f"{fold(data.given_name)} {fold(data.family_name)}".split())
    return person or " ".join(fold(data.display_name).split())


def same_person(a: ContactData, b: ContactData) -> bool:
    """Whether two records sharing a UID are one person: they share an email, or their
    names agree, or there is nothing to tell them apart. Different names and different
    emails mean different people, whatever the UID says (exports that give every card the
    same UID exist: 40,000 people merged into one contact otherwise)."""
    emails_a = {email_key(e.value) for e in a.emails}
    emails_b = {email_key(e.value) for e in b.emails}
    if emails_a & emails_b:
        return True
    name_a, name_b = person_key(a), person_key(b)
    if name_a and name_b:
        return name_a == name_b
    return not (emails_a and emails_b)


def _match(
    items: list[PlanItem],
    keys: ContactKeys,
    existing: dict[int, ContactData],
    decisions: _Decisions,
) -> None:
    """Each record against the stored contacts, then against the records before it; every
    lookup is a dict probe, so the work is linear in the number of records."""
    seen_uid: dict[str, int] = {}  # UID -> first record holding it
    seen_uid_person: dict[tuple[str, str], int] = {}  # (UID, person) -> first such record
    seen_email: dict[str, int] = {}
    seen_phone: dict[str, int] = {}  # for remarks only
    seen_name: dict[tuple[str, str], int] = {}
    for item in items:
        data = item.data
        if data is None:
            continue
        certain, reason = None, ""
        if data.id is not None and data.id in keys.ids:
            certain, reason = data.id, f"ID {data.id}"
        elif data.uid and data.uid in keys.uids:
            cid = keys.uids[data.uid]
            stored = existing.get(cid)
            if stored is None or same_person(stored, data):
                certain, reason = cid, f"UID {data.uid}"
            else:
                item.remarks.append(
                    render(
                        "remark_uid_shared",
                        uid=data.uid,
                        who=stored.computed_display_name(),
                        id=cid,
                    )
                )
        if certain is not None:
            item.kind, item.decision = MatchKind.UPDATE, Decision.UPDATE
            item.existing_id, item.match_reason = certain, reason
            continue
        # Each key once per record: the database's keys, then the earlier records'.
        emails = [(email_key(email.value), email.value) for email in data.emails]
        name = _name_key(data)
        person = person_key(data) if data.uid else ""
        _phone_remarks(item, data, keys, existing, items, seen_phone)
        probable = _probable(data, emails, name, keys)
        if probable is not None:
            item.existing_id, item.match_reason = probable
            item.kind, item.decision = MatchKind.DUPLICATE, decisions.of(item.match_reason)
            continue
        earlier = _earlier(data, emails, name, person, items, seen_uid, seen_uid_person)
        if earlier is None:
            earlier = _earlier_keys(data, emails, name, seen_email, seen_name)
        if earlier is not None:
            item.duplicate_of, item.match_reason = earlier
            item.kind, item.decision = MatchKind.DUPLICATE, decisions.of(item.match_reason)
            continue
        if data.uid:
            seen_uid.setdefault(data.uid, item.index)
            seen_uid_person.setdefault((data.uid, person), item.index)
        for key, _value in emails:
            seen_email.setdefault(key, item.index)
        if name:
            seen_name.setdefault(name, item.index)


def _phone_remarks(
    item: PlanItem,
    data: ContactData,
    keys: ContactKeys,
    existing: dict[int, ContactData],
    items: list[PlanItem],
    seen_phone: dict[str, int],
) -> None:
    """A phone number another person has too is said, never acted on (a switchboard)."""
    for phone in data.phones:
        cid = keys.phones.get(phone.value)
        if cid is not None:
            stored = existing.get(cid)
            who = stored.computed_display_name() if stored is not None else "?"
            item.remarks.append(render("remark_phone_stored", phone=phone.value, who=who, id=cid))
            continue
        first = seen_phone.setdefault(phone.value, item.index)
        if first != item.index:
            earlier = items[first]
            item.remarks.append(
                render(
                    "remark_phone_earlier",
                    phone=phone.value,
                    who=earlier.name,
                    place=_short_place(earlier.place),
                )
            )


def _short_place(place: SourcePlace) -> str:
    """The place with the file's name only: the remark sits beside the record's own place."""
    return str(replace(place, file=place.file.replace("\\", "/").rsplit("/", 1)[-1]))


REMARKS: dict[str, dict[str, str]] = {
    "remark_phone_stored": {
        "fr": "téléphone {phone} partagé avec {who} (contact n° {id}) : pas un doublon",
        "en": "phone {phone} is also that of {who} (contact {id}): shared, not a duplicate",
    },
    "remark_phone_earlier": {
        "fr": "téléphone {phone} partagé avec {who} ({place}) : pas un doublon",
        "en": "phone {phone} is also that of {who} ({place}): shared, not a duplicate",
    },
    "remark_marked_distinct": {
        "fr": "même nom et organisme que {who} (contact n° {id}), mais aussi que {other} "
        "(contact n° {other_id}), marqué « pas un doublon » de lui : pas proposé comme doublon",
        "en": "same name and organisation as {who} (contact {id}), but also as {other} "
        '(contact {other_id}), marked "not a duplicate" of them: not proposed as a duplicate',
    },
    "remark_uid_shared": {
        "fr": "UID {uid} partagé avec {who} (contact n° {id}), une autre personne (autre nom, "
        "autres adresses) : pas la même fiche",
        "en": "UID {uid} is also that of {who} (contact {id}), another person (other name "
        "and emails): not the same contact",
    },
}


def render(code: str, **params: object) -> str:
    """A plan remark in the current language."""
    return render_in(REMARKS, code, **params)


def _respect_distinct(
    services: Services, items: list[PlanItem], existing: dict[int, ContactData]
) -> None:
    """ "Not a duplicate" holds for imports too. A record matched to a stored contact by name
    and organisation alone is not proposed as that contact's duplicate when the press officer
    said that contact is a different person from another one the record is just as much:
    one with the same name at the same organisation, or holding one of the record's phone
    numbers. The name then names two people; the record is planned as a new contact, with a
    remark saying why. One look-up of the marks for the whole plan."""
    probable = [
        i
        for i in items
        if i.kind is MatchKind.DUPLICATE and i.existing_id is not None and i.match_key == "name"
    ]
    if not probable:
        return
    partners = services.duplicates.distinct_partners(
        {i.existing_id for i in probable if i.existing_id}
    )
    if not partners:
        return
    unread = sorted({cid for found in partners.values() for cid in found} - existing.keys())
    if unread:
        existing.update(
            (c.id, c)
            for c in services.contacts.read_many(unread, timestamps=True)
            if c.id is not None
        )
    for item in probable:
        marked = partners.get(item.existing_id or 0)
        data = item.data
        if not marked or data is None:
            continue
        name = _name_key(data)
        phones = {p.value for p in data.phones}
        tied = [
            other
            for cid in sorted(marked)
            if (other := existing.get(cid)) is not None
            and (_name_key(other) == name or phones & {p.value for p in other.phones})
        ]
        if not tied:
            continue
        stored = existing.get(item.existing_id or 0)
        item.remarks.append(
            render(
                "remark_marked_distinct",
                who=stored.computed_display_name() if stored is not None else "?",
                id=item.existing_id,
                other=tied[0].computed_display_name(),
                other_id=tied[0].id,
            )
        )
        item.kind, item.decision = MatchKind.NEW, Decision.CREATE
        item.existing_id, item.match_reason = None, ""


def _probable(
    data: ContactData,
    emails: list[tuple[str, str]],
    name: tuple[str, str] | None,
    keys: ContactKeys,
) -> tuple[int, str] | None:
    """A stored contact that is this record: ``emails`` are (key, address) of the record's
    emails, ``name`` its ``_name_key``."""
    for key, value in emails:
        found = keys.emails.get(key)
        if found is not None:
            return found, f"email {value}"
    if name and name in keys.names:
        return keys.names[name], f"name {data.given_name} {data.family_name}, {data.organization}"
    return None


def _earlier(
    data: ContactData,
    emails: list[tuple[str, str]],
    name: tuple[str, str] | None,
    person: str,
    items: list[PlanItem],
    uids: dict[str, int],
    uid_persons: dict[tuple[str, str], int],
) -> tuple[int, str] | None:
    """An earlier record of the import with this record's UID that is the same person."""
    if not data.uid:
        return None
    index = uid_persons.get((data.uid, person))
    if index is None:
        first = uids.get(data.uid)
        if first is None:
            return None
        earlier = items[first].data
        if earlier is None or not same_person(earlier, data):
            return None
        index = first
    return index, f"UID {data.uid}"


def _earlier_keys(
    data: ContactData,
    emails: list[tuple[str, str]],
    name: tuple[str, str] | None,
    seen_emails: dict[str, int],
    names: dict[tuple[str, str], int],
) -> tuple[int, str] | None:
    """An earlier record of the import with this record's email, or name and organisation."""
    for key, value in emails:
        if key in seen_emails:
            return seen_emails[key], f"email {value}"
    if name and name in names:
        return names[name], f"name {data.given_name} {data.family_name}, {data.organization}"
    return None


def match_text(plan: ImportPlan, item: PlanItem) -> str:
    """Which contact or earlier record a match names, and why, for the command line and the
    report: "contact 12, Alice Durand: same email a@example.org" or "Alice Durand at
    file.csv, row 4 (earlier in this import): same name and organisation"."""
    key, _, value = item.match_reason.partition(" ")
    why = {
        "ID": f"same ID {value}",
        "UID": f"same vCard UID {value}",
        "email": f"same email {value}",
        "name": "same name and organisation",
    }.get(key, item.match_reason)
    if item.existing_id is not None:
        who = item.existing.computed_display_name() if item.existing is not None else ""
        return f"contact {item.existing_id}" + (f", {who}" if who else "") + f": {why}"
    if item.duplicate_of is not None:
        earlier = plan.items[item.duplicate_of]
        return f"{earlier.name} at {earlier.place} (earlier in this import): {why}"
    return why


def _add_sources(before: ContactData, after: ContactData, records: list[ContactData]) -> None:
    """``after`` (``before`` updated by ``records`` of an import) with the sources of both
    when the update changed something else, else ``before``'s: reading the same file again
    leaves the contact as it was (``provenance``)."""
    after.data_source = before.data_source
    if not changed_fields(before, after):
        return
    for record in records:
        if record.data_source:
            after.data_source = join_sources(after.data_source, record.data_source)


def _operations(
    plan: ImportPlan,
) -> tuple[list[ContactData], list[tuple[int, ContactData]], int, list[SourcePlace | None]]:
    """Final data to create (in order), to update (by contact id), and how many contacts
    the plan would update with nothing new.

    Data to create is the plan's own (not copied): its id, if the file gave one, is not
    used to create, and nothing on the way changes it. Records merged into one target are
    gathered and merged in one pass (``merge_all``): merging them one after the other copies
    the target's growing lists each time, quadratic when thousands share one key."""
    creates: dict[int, ContactData] = {}
    create_merges: dict[int, list[ContactData]] = {}
    steps: dict[int, list[tuple[bool, PlanItem]]] = {}  # contact id -> (merge?, item) in order
    update_of_item: dict[int, int] = {}  # plan index -> contact id it updates
    before: dict[int, ContactData] = {}  # contact id -> as it is in the database
    for item in plan.items:
        data = item.data
        if data is None or item.decision is Decision.SKIP:
            continue
        if item.kept:
            data = with_kept(data, item.kept)
        if item.decision is Decision.CREATE:
            creates[item.index] = data
            continue
        # Decision.UPDATE
        if item.duplicate_of is not None:
            target = item.duplicate_of
            if target in creates:
                create_merges.setdefault(target, []).append(data)
            elif target in update_of_item:
                steps[update_of_item[target]].append((True, item))
            continue
        if item.existing_id is None or item.existing is None:
            continue
        cid = item.existing_id
        steps.setdefault(cid, []).append((item.kind is MatchKind.DUPLICATE, item))
        update_of_item[item.index] = cid
        before.setdefault(cid, item.existing)
    for target, others in create_merges.items():
        creates[target] = merge_all(creates[target], others)
    updates: dict[int, ContactData] = {}
    for cid, todo in steps.items():
        result = before[cid]
        pending: list[ContactData] = []
        for merge, item in todo:
            assert item.data is not None
            if merge:
                pending.append(with_kept(item.data, item.kept) if item.kept else item.data)
                continue
            result = replace_fields(merge_all(result, pending), item.data, item.fields)
            if item.kept:  # appended to the notes the contact has, never replacing them
                result = with_kept(result, item.kept)
            pending = []
        result = merge_all(result, pending)
        _add_sources(before[cid], result, [item.data for _, item in todo if item.data])
        result.id = cid
        updates[cid] = result
    # A duplicate taken as an update that brings nothing new is not written, and is
    # counted as unchanged rather than as an update that changed nothing.
    changed = [(cid, d) for cid, d in updates.items() if changed_fields(before[cid], d)]
    # Creates that matched nothing when planned, by place: checked again when written.
    fresh = [
        plan.items[index].place if plan.items[index].kind is MatchKind.NEW else None
        for index in creates
    ]
    return list(creates.values()), changed, len(updates) - len(changed), fresh


_FIRST_WINS = (
    "civility",
    "given_name",
    "family_name",
    "display_name",
    "job_title",
    "role",
    "organization",
    "department",
    "birthday",
    "data_source",
)


def merge_all(keep: ContactData, others: list[ContactData]) -> ContactData:
    """``merge_data(...merge_data(merge_data(keep, others[0]), others[1])..., others[-1])``
    in one pass: each list grows through a set of the keys it holds, not rebuilt per record."""
    if not others:
        return keep
    if len(others) == 1:
        return merge_data(keep, others[0])
    out = replace(keep)
    for name in _FIRST_WINS:
        if not getattr(out, name):
            value = next((v for o in others if (v := getattr(o, name))), None)
            if value:
                setattr(out, name, value)
    out.emails = _union(out.emails, (o.emails for o in others), lambda e: email_key(e.value))
    out.phones = _union(out.phones, (o.phones for o in others), lambda p: p.value)
    out.addresses = _union(
        out.addresses,
        (o.addresses for o in others),
        _address_key,
    )
    out.urls = _union(out.urls, (o.urls for o in others), lambda u: u.value)
    out.beats = _union(out.beats, (o.beats for o in others), lambda b: b)
    out.tags = _union(out.tags, (o.tags for o in others), name_key, within=True)
    out.lists = _union(out.lists, (o.lists for o in others), name_key, within=True)
    out.extra_vcard = _union(out.extra_vcard, (o.extra_vcard for o in others), lambda x: x)
    notes = out.notes
    for other in others:
        if len(notes) > MAX_NOTES:
            break  # what more would come could not be stored
        if other.notes and other.notes not in notes:
            notes = f"{notes}\n\n{other.notes}".strip()
    out.notes = notes
    if out.photo is None:
        donor = next((o for o in others if o.photo is not None), None)
        if donor is not None:
            out.photo, out.photo_mime = donor.photo, donor.photo_mime
    if not out.opted_out:  # an opt-out is never lost in a merge
        donor = next((o for o in others if o.opted_out), None)
        if donor is not None:
            out.opted_out = True
            out.opted_out_at = donor.opted_out_at
            out.opted_out_reason = donor.opted_out_reason
    return out


def _address_key(a: PostalAddress) -> tuple[str, ...]:
    return (a.label, a.street, a.extended, a.postal_code, a.city, a.region, a.country, a.po_box)


_Item = TypeVar("_Item")


def _union(
    first: list[_Item],
    more: Iterable[list[_Item]],
    key: Callable[[_Item], Hashable],
    *,
    within: bool = False,
) -> list[_Item]:
    """``first`` and what each list of ``more`` adds that is not there yet, as ``merge_data``
    adds it: compared with what was there before that list (``within``: also with what that
    list added before, as tags and lists are)."""
    out = list(first)
    seen = {key(x) for x in out}
    for values in more:
        if within:
            for value in values:
                k = key(value)
                if k not in seen:
                    seen.add(k)
                    out.append(value)
            continue
        added = [value for value in values if key(value) not in seen]
        out += added
        seen.update(key(value) for value in added)
    return out


def apply_plan(
    services: Services, plan: ImportPlan, progress: ProgressSink | None = None
) -> ImportResult:
    """Write the plan's decisions as one import batch (one transaction)."""
    creates, updates, no_change, fresh = _operations(plan)
    ops = WriteOp(
        fresh=fresh,
        known_up_to=plan.known_up_to,
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
    with private_output(path):
        _write_report(plan, result, path)


def _write_report(plan: ImportPlan, result: ImportResult | None, path: Path) -> None:
    tmp = path.with_name(path.name + ".part")
    with tmp.open("w", encoding="utf-8-sig", errors="replace", newline="") as out:
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
        for notice in plan.notices:
            place = notice.place
            writer.writerow(
                [place.file, place.sheet or "", "", "notice", "", "", "", notice.message, "", ""]
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
