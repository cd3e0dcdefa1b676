"""What a merged contact holds, worked out from the contacts merged: pure values, no database.

Rules (services/contact_merge.py applies them in one transaction):

* One value per single-valued field (names, title, organisation, birthday, photo, kind,
  lawful basis...), from the contact the caller chose for that field; by default from the most
  recently confirmed contact that has one (``order``: most recently confirmed first).
* E-mails, phones, addresses, links, beats, tags, lists and unknown vCard lines: all of them,
  each once (one mailbox, one number, one address whatever its label...), the chosen
  contact's first, then the others' in ``order``. The first e-mail is the one releases go to.
* Notes: each contact's notes once, in the same order, separated by a blank line.
* Opted out wins: if any contact opted out, the merged one has, with the earliest date known
  and that opt-out's reason. Sources (GDPR art. 14) are all kept.
* Archived only if every contact was; the survivor's UID.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import datetime
from typing import Any, TypeVar

from fiac_press_desk.domain.contact import ContactData
from fiac_press_desk.domain.duplicate_keys import mailbox_key
from fiac_press_desk.domain.text import fold, name_key

# Fields with one value, chosen from one contact. "photo" brings its MIME type with it.
SINGLE_FIELDS = (
    "kind",
    "civility",
    "given_name",
    "family_name",
    "display_name",
    "additional_names",
    "name_prefix",
    "name_suffix",
    "job_title",
    "role",
    "organization",
    "department",
    "birthday",
    "language",
    "salutation",
    "lawful_basis",
    "photo",
)
# Fields united over every contact; a choice says whose items come first.
LIST_FIELDS = ("emails", "phones", "addresses", "urls", "beats", "tags", "lists", "notes")
CHOOSABLE_FIELDS = SINGLE_FIELDS + LIST_FIELDS
MAX_SOURCE = 255  # data_source's column

_T = TypeVar("_T")


def suggested_survivor(candidates: Iterable[tuple[int, bool, datetime]]) -> int:
    """The contact that should carry a merge: ``(id, archived, created_at)`` each; an active
    contact before an archived one, then the oldest record (its id and UID are the ones other
    address books and earlier exports know longest)."""
    return min(candidates, key=lambda c: (c[1], c[2], c[0]))[0]


def is_empty(value: Any) -> bool:
    """Whether a field holds nothing a merge would keep."""
    return value is None or value == "" or value == b"" or value == []


def default_choices(contacts: Sequence[ContactData], order: Sequence[int]) -> dict[str, int]:
    """For each choosable field, the first contact in ``order`` that has a value for it (the
    first contact in ``order`` when none has)."""
    by_id = {c.id: c for c in contacts}
    out: dict[str, int] = {}
    for field in CHOOSABLE_FIELDS:
        out[field] = next(
            (cid for cid in order if not is_empty(getattr(by_id[cid], field))), order[0]
        )
    return out


def merge_values(
    contacts: Sequence[ContactData],
    survivor_id: int,
    order: Sequence[int],
    choices: Mapping[str, int] | None = None,
) -> ContactData:
    """The merged contact (``id`` and ``uid`` the survivor's). ``order`` lists every contact's
    id, most recently confirmed first; ``choices`` maps a field of CHOOSABLE_FIELDS to the
    contact whose value it takes (whose items come first for list fields); fields it leaves
    out take the default. Raises KeyError for an id or field that is not the merge's."""
    by_id = {c.id: c for c in contacts}
    if set(order) != set(by_id) or survivor_id not in by_id:
        raise KeyError("order and survivor must name the contacts merged")
    chosen = default_choices(contacts, order)
    for field, cid in (choices or {}).items():
        if field not in CHOOSABLE_FIELDS or cid not in by_id:
            raise KeyError(field)
        chosen[field] = cid
    survivor = by_id[survivor_id]
    out = replace(survivor)
    for field in SINGLE_FIELDS:
        setattr(out, field, getattr(by_id[chosen[field]], field))
    out.photo_mime = by_id[chosen["photo"]].photo_mime if out.photo is not None else ""

    def in_order(field: str) -> list[ContactData]:
        first = chosen[field]
        return [by_id[first]] + [by_id[cid] for cid in order if cid != first]

    out.emails = _union(
        (e for c in in_order("emails") for e in c.emails), lambda e: mailbox_key(e.value)
    )
    out.phones = _union((p for c in in_order("phones") for p in c.phones), lambda p: p.value)
    out.addresses = _union(
        (a for c in in_order("addresses") for a in c.addresses if not a.is_empty()),
        _address_key,
    )
    out.urls = _union(
        (u for c in in_order("urls") for u in c.urls), lambda u: u.value.strip().rstrip("/").lower()
    )
    out.beats = _union((b for c in in_order("beats") for b in c.beats), name_key)
    out.tags = _union((t for c in in_order("tags") for t in c.tags), name_key)
    out.lists = _union((x for c in in_order("lists") for x in c.lists), name_key)
    out.notes = _notes(c.notes for c in in_order("notes"))
    everyone = [by_id[cid] for cid in order]
    out.extra_vcard = _union((x for c in everyone for x in c.extra_vcard), lambda x: x)
    sources = _union((c.data_source.strip() for c in everyone if c.data_source.strip()), fold)
    joined = "; ".join(sources)
    out.data_source = joined if len(joined) <= MAX_SOURCE else (sources[0] if sources else "")
    _opt_out(out, everyone)
    out.archived = all(c.archived for c in contacts)
    out.id, out.uid = survivor.id, survivor.uid
    out.created_at, out.updated_at = survivor.created_at, survivor.updated_at
    return out


def _union(items: Iterable[_T], key: Callable[[_T], Hashable]) -> list[_T]:
    seen: set[Hashable] = set()
    out: list[_T] = []
    for item in items:
        k = key(item)
        if k not in seen:
            seen.add(k)
            out.append(item)
    return out


def _address_key(a: Any) -> tuple[str, ...]:
    """One place, whatever its label or the spelling of its capitals and accents."""
    parts = (a.street, a.extended, a.po_box, a.postal_code, a.city, a.region, a.country)
    return tuple(" ".join(fold(p).split()) for p in parts)


def _notes(texts: Iterable[str]) -> str:
    out: list[str] = []
    for text in texts:
        text = text.strip()
        if text and not any(text in kept for kept in out):
            out.append(text)
    return "\n\n".join(out)


def _opt_out(out: ContactData, contacts: Sequence[ContactData]) -> None:
    """Opted out wins: the earliest dated opt-out (an undated one when none is dated)."""
    opted = [c for c in contacts if c.opted_out]
    if not opted:
        out.opted_out, out.opted_out_at, out.opted_out_reason = False, None, ""
        return
    dated = [c for c in opted if c.opted_out_at is not None]
    first = min(dated, key=lambda c: c.opted_out_at) if dated else opted[0]  # type: ignore[arg-type,return-value]
    out.opted_out = True
    out.opted_out_at = first.opted_out_at
    out.opted_out_reason = first.opted_out_reason or next(
        (c.opted_out_reason for c in opted if c.opted_out_reason), ""
    )
