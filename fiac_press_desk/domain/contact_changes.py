"""How one contact's data becomes another's: a merge, a replacement by an import, the
difference between two versions. Pure functions on ``ContactData``: the merge service, the
import pipeline and the audit log share them, and none of them needs the database.
"""

from __future__ import annotations

from dataclasses import fields, replace

from fiac_press_desk.domain.contact import ContactData
from fiac_press_desk.domain.contact_fields import own_fields
from fiac_press_desk.domain.normalize import email_key
from fiac_press_desk.domain.text import name_key

# Fields that identify or describe the stored row rather than the person.
_NOT_REPLACED = {"id", "created_at", "updated_at"}
DATA_FIELDS = frozenset(f.name for f in fields(ContactData)) - _NOT_REPLACED
# Single values a merge takes from the other contact when the kept one has none.
_FILLED_BY_MERGE = (
    "civility",
    "given_name",
    "family_name",
    "display_name",
    "job_title",
    "role",
    "organization",
    "department",
    "birthday",
    *(spec.name for spec in own_fields(ContactData)),
)
# What the audit log's "changed" list compares: not the bookkeeping, nor the photo's bytes.
_COMPARED = tuple(
    f.name for f in fields(ContactData) if f.name not in {"id", "created_at", "updated_at", "photo"}
)


def merge_data(keep: ContactData, other: ContactData) -> ContactData:
    """``keep`` completed by ``other``: the fields it lacks, and every email, phone, address,
    link, beat, tag, list and kept vCard line of both, each once."""
    out = replace(keep)
    for name in _FILLED_BY_MERGE:
        if not getattr(out, name) and getattr(other, name):
            setattr(out, name, getattr(other, name))
    keys = {email_key(e.value) for e in out.emails}
    out.emails = out.emails + [e for e in other.emails if email_key(e.value) not in keys]
    out.phones = out.phones + [
        p for p in other.phones if p.value not in {q.value for q in out.phones}
    ]
    out.addresses = out.addresses + [a for a in other.addresses if a not in out.addresses]
    out.urls = out.urls + [u for u in other.urls if u.value not in {v.value for v in out.urls}]
    out.beats = out.beats + [b for b in other.beats if b not in out.beats]
    out.tags = _union_by_name(out.tags, other.tags)
    out.lists = _union_by_name(out.lists, other.lists)
    if other.notes and other.notes not in out.notes:
        out.notes = f"{out.notes}\n\n{other.notes}".strip()
    if out.photo is None and other.photo is not None:
        out.photo, out.photo_mime = other.photo, other.photo_mime
    if other.opted_out and not out.opted_out:  # an opt-out is never lost in a merge
        out.opted_out = True
        out.opted_out_at = other.opted_out_at
        out.opted_out_reason = other.opted_out_reason
    out.extra_vcard = out.extra_vcard + [x for x in other.extra_vcard if x not in out.extra_vcard]
    return out


def _union_by_name(first: list[str], second: list[str]) -> list[str]:
    """Tags or lists of both, each once: "Santé" and "sante" are the same tag in the
    database, so writing both would break its uniqueness."""
    seen = {name_key(n) for n in first}
    out = list(first)
    for name in second:
        key = name_key(name)
        if key not in seen:
            seen.add(key)
            out.append(name)
    return out


def changed_fields(before: ContactData, after: ContactData) -> list[str]:
    """The fields whose values differ, in declaration order (what the audit log records)."""
    return [name for name in _COMPARED if getattr(before, name) != getattr(after, name)]


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
