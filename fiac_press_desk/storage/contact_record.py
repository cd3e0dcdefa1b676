"""The contact-record gateway: the one place that knows how a ``ContactData`` is stored.

Every way a contact goes in or out of the database passes here: one contact as ORM objects
(``to_data``, ``apply_data``, for forms, merges, undo), thousands as plain rows (``insert_contacts``
and ``read_contacts`` / ``read_values``, for imports and exports), and the folded words and
name key the search and the name order use (``search_text_of``, ``sort_name_of``, kept in step
on every flush by ``storage.search``). The columns are named once, below; the desk's own text
fields (``domain.contact_fields``) are added to them from their declaration, so a new field of
that kind needs no change here (HACKING.md, "Where a new field goes").

It sits in storage, not services: the flush hook (storage) needs the search text, and storage
must not import upwards; the services call it, and the other layers call the services.
"""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import lru_cache
from itertools import groupby
from operator import attrgetter, call, itemgetter
from typing import Any, TypeVar

from sqlalchemy import func, select
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from fiac_press_desk.domain.contact import (
    ContactData,
    EmailAddress,
    Phone,
    PostalAddress,
    WebLink,
)
from fiac_press_desk.domain.contact_fields import own_fields
from fiac_press_desk.domain.enums import ContactKind, LawfulBasis, SalutationStyle
from fiac_press_desk.domain.gdpr import CollectedVia
from fiac_press_desk.domain.normalize import email_key, national_phone, phone_digits
from fiac_press_desk.domain.text import fold, name_key, tokens, tokens_once
from fiac_press_desk.storage.dialect import adapter_for
from fiac_press_desk.storage.models import (
    Contact,
    ContactAddress,
    ContactEmail,
    ContactPhone,
    ContactTag,
    ContactUrl,
    DistributionList,
    ListMember,
    Organisation,
    Tag,
)
from fiac_press_desk.storage.types import utcnow

# -- the columns, named once ----------------------------------------------------------------------

# ContactData fields held as they are in the contacts column of the same name.
AS_STORED: tuple[str, ...] = (
    "civility",
    "given_name",
    "family_name",
    "display_name",
    "additional_names",
    "name_prefix",
    "name_suffix",
    "job_title",
    "role",
    "department",
    "language",
    "notes",
    "birthday",
    "photo_mime",
    "opted_out",
    "opted_out_at",
    "opted_out_reason",
    "archived",
    *(spec.name for spec in own_fields(ContactData)),
)


def _lines(values: list[str]) -> str:
    return "\n".join(values)


def _from_lines(text: str) -> list[str]:
    return [line for line in text.split("\n") if line]


def _json_list(values: list[str]) -> str:
    return json.dumps(values, ensure_ascii=False) if values else ""


def _from_json_list(text: str) -> list[str]:
    return json.loads(text) if text else []


def _value(member: Any) -> str:
    # a dict probe: ``Enum.value`` is a descriptor, five times slower, and a bulk insert
    # asks it three times a row
    text = _ENUM_TEXT.get(member)
    return text if text is not None else str(member.value)


_ENUM_TEXT: dict[Any, str] = {
    m: str(m.value) for enum in (ContactKind, LawfulBasis, SalutationStyle) for m in enum
}


# ContactData fields stored in another form: (to the column, from the column).
CONVERTED: dict[str, tuple[Callable[[Any], Any], Callable[[Any], Any]]] = {
    "kind": (_value, ContactKind),
    "lawful_basis": (_value, LawfulBasis),
    "salutation": (_value, SalutationStyle),
    "beats": (_lines, _from_lines),  # one topic a line
    "extra_vcard": (_json_list, _from_json_list),  # vCard lines kept from an import, verbatim
}
# The rest have a place of their own: ``uid`` (made when missing), ``organization`` (a row of
# organisations, by name), ``photo`` (a deferred column, read only when asked), the parts below
# (rows of their own tables), and the bookkeeping (``id``, ``created_at``, ``updated_at``).
PARTS = ("emails", "phones", "addresses", "urls", "tags", "lists")
_ADDRESS_FIELDS = (
    "label",
    "street",
    "extended",
    "postal_code",
    "city",
    "region",
    "country",
    "po_box",
)  # PostalAddress's, in its order: the tuples ``read_values`` gives are built this way
_SCALARS = (*AS_STORED, *CONVERTED)


def new_uid() -> str:
    """A vCard UID for a contact that has none (``urn:uuid:`` and a random UUID)."""
    return f"urn:uuid:{uuid.uuid4()}"


def fresh_uids(count: int) -> Iterator[str]:
    """``count`` values of ``new_uid()`` (``urn:uuid:`` and a random version 4 UUID) from
    one read of the system's random source, the version and variant bits set as
    ``uuid.uuid4`` sets them (byte 6's high nibble 4, byte 8's two high bits 10), written
    from one hexadecimal string without a UUID object or an integer each: a bulk creation
    names thousands of contacts."""
    raw = bytearray(os.urandom(16 * count))
    raw[6::16] = bytes(b & 0x0F | 0x40 for b in raw[6::16])
    raw[8::16] = bytes(b & 0x3F | 0x80 for b in raw[8::16])
    text = raw.hex()
    for s in range(0, 32 * count, 32):
        yield (
            f"urn:uuid:{text[s : s + 8]}-{text[s + 8 : s + 12]}-{text[s + 12 : s + 16]}"
            f"-{text[s + 16 : s + 20]}-{text[s + 20 : s + 32]}"
        )


# -- one contact, as ORM objects ------------------------------------------------------------------


def own_text_of(contact: Contact, name: str) -> str:
    """One of the desk's own texts of a stored contact (``data_source``...): their columns
    come from ``ContactData``'s declaration (``models._own_text_columns``), which a type
    checker does not see on the class."""
    return str(getattr(contact, name))


def to_data(contact: Contact, *, with_photo: bool = True) -> ContactData:
    """The stored contact as the value the other layers use."""
    values = {name: getattr(contact, name) for name in AS_STORED}
    for name, (_, load) in CONVERTED.items():
        values[name] = load(getattr(contact, name))
    return ContactData(
        id=contact.id,
        uid=contact.uid,
        organization=contact.organisation.name if contact.organisation else "",
        emails=[EmailAddress(e.value, e.label) for e in contact.emails],
        phones=[Phone(p.value, p.label) for p in contact.phones],
        addresses=[PostalAddress(*_address_tuple(a)) for a in contact.addresses],
        urls=[WebLink(u.value, u.label) for u in contact.urls],
        tags=sorted((t.name for t in contact.tags), key=name_key),
        lists=sorted((dl.name for dl in contact.lists), key=name_key),
        photo=contact.photo if with_photo else None,
        created_at=contact.created_at,
        updated_at=contact.updated_at,
        **values,
    )


_Named = TypeVar("_Named", Organisation, Tag, DistributionList)


class Resolver:
    """Finds or creates organisations, tags and lists by name within one session, cached."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.created: list[Organisation | Tag | DistributionList] = []  # for import undo
        self._orgs: dict[str, Organisation] = {}
        self._tags: dict[str, Tag] = {}
        self._lists: dict[str, DistributionList] = {}
        self._absent: set[tuple[str, str]] = set()  # (table, name key) known not to exist

    def prefetch(
        self,
        organisations: Iterable[str] = (),
        tags: Iterable[str] = (),
        lists: Iterable[str] = (),
    ) -> None:
        """Look up many names in one query per kind (bulk writes resolve hundreds)."""
        self._prefetch(Organisation, self._orgs, organisations)
        self._prefetch(Tag, self._tags, tags)
        self._prefetch(DistributionList, self._lists, lists)

    def _prefetch(
        self, model: type[_Named], cache: dict[str, _Named], names: Iterable[str]
    ) -> None:
        table = str(model.__tablename__)
        keys = sorted({name_key(n) for n in names if n} - cache.keys())
        for start in range(0, len(keys), 500):
            chunk = keys[start : start + 500]
            for obj in self.session.scalars(select(model).where(model.name_key.in_(chunk))):
                cache[obj.name_key] = obj
            self._absent.update((table, k) for k in chunk if k not in cache)

    def _known_absent(self, model: type[_Named], key: str) -> bool:
        return (str(model.__tablename__), key) in self._absent

    def organisation(self, name: str) -> Organisation | None:
        """The organisation of that name (case and accents aside), made if new; None for ""."""
        if not name:
            return None
        key = name_key(name)
        org = self._orgs.get(key)
        if org is None:
            org = (
                None
                if self._known_absent(Organisation, key)
                else self.session.scalar(select(Organisation).where(Organisation.name_key == key))
            )
            if org is None:
                org = Organisation(name=name, name_key=key, kind="other")
                self.session.add(org)
                self.created.append(org)
            self._orgs[key] = org
        return org

    def tag(self, name: str) -> Tag:
        """The tag of that name, made if new."""
        key = name_key(name)
        tag = self._tags.get(key)
        if tag is None:
            tag = (
                None
                if self._known_absent(Tag, key)
                else self.session.scalar(select(Tag).where(Tag.name_key == key))
            )
            if tag is None:
                tag = Tag(name=name, name_key=key)
                self.session.add(tag)
                self.created.append(tag)
            self._tags[key] = tag
        return tag

    def distribution_list(self, name: str) -> DistributionList:
        """The list of that name, made (and flushed, for its id) if new."""
        key = name_key(name)
        dlist = self._lists.get(key)
        if dlist is None:
            dlist = (
                None
                if self._known_absent(DistributionList, key)
                else self.session.scalar(
                    select(DistributionList).where(DistributionList.name_key == key)
                )
            )
            if dlist is None:
                dlist = DistributionList(name=name, name_key=key)
                self.session.add(dlist)
                self.created.append(dlist)
                self.session.flush()
            self._lists[key] = dlist
        return dlist


def apply_data(session: Session, contact: Contact, data: ContactData, resolver: Resolver) -> None:
    """Write validated ``data`` onto ``contact`` (new or existing), replacing what it held."""
    for name in AS_STORED:
        value = getattr(data, name)
        if getattr(contact, name) != value:
            setattr(contact, name, value)
    for name, (dump, _) in CONVERTED.items():
        value = dump(getattr(data, name))
        if getattr(contact, name) != value:
            setattr(contact, name, value)
    if data.photo is not None or contact.photo is not None:
        contact.photo = data.photo
    if not contact.uid:
        contact.uid = data.uid or new_uid()
    elif data.uid and data.uid != contact.uid:
        contact.uid = data.uid
    contact.organisation = resolver.organisation(data.organization)
    _replace_children(session, contact, data)
    contact.tags = [resolver.tag(name) for name in data.tags]
    _replace_lists(session, contact, data.lists, resolver)


def _replace_children(session: Session, contact: Contact, data: ContactData) -> None:
    old_emails = [(e.value, e.label) for e in contact.emails]
    new_emails = [(e.value, e.label) for e in data.emails]
    if old_emails != new_emails:
        if contact.emails and contact.id is not None:
            # Old rows go first: the new set may hold the same address (unique per contact).
            contact.emails = []
            session.flush()
        contact.emails = [
            ContactEmail(value=e.value, value_key=email_key(e.value), label=e.label, position=i)
            for i, e in enumerate(data.emails)
        ]
    if [(p.value, p.label) for p in contact.phones] != [(p.value, p.label) for p in data.phones]:
        contact.phones = [
            ContactPhone(value=p.value, label=p.label, position=i)
            for i, p in enumerate(data.phones)
        ]
    old_addresses = [_address_tuple(a) for a in contact.addresses]
    if old_addresses != [_address_tuple(a) for a in data.addresses]:
        contact.addresses = [
            ContactAddress(position=i, **{name: getattr(a, name) for name in _ADDRESS_FIELDS})
            for i, a in enumerate(data.addresses)
        ]
    if [(u.value, u.label) for u in contact.urls] != [(u.value, u.label) for u in data.urls]:
        contact.urls = [
            ContactUrl(value=u.value, label=u.label, position=i) for i, u in enumerate(data.urls)
        ]


_address_tuple: Callable[[Any], tuple[str, ...]] = attrgetter(*_ADDRESS_FIELDS)


def _replace_lists(
    session: Session, contact: Contact, names: list[str], resolver: Resolver
) -> None:
    wanted = {resolver.distribution_list(name).id for name in names}
    if contact.id is None:
        session.flush()
    current = set(
        session.scalars(select(ListMember.list_id).where(ListMember.contact_id == contact.id))
    )
    for list_id in current - wanted:
        member = session.get(ListMember, (list_id, contact.id))
        if member is not None:
            session.delete(member)
    for list_id in wanted - current:
        session.add(ListMember(list_id=list_id, contact_id=contact.id))
    if current != wanted:
        session.flush()
        session.expire(contact, ["lists"])


# -- the words a contact is found by, and its place in name order ----------------------------------


def search_text_of(data: ContactData) -> str:
    """The folded words ``data`` is found by (the column the search index reads): its names,
    title, department, beats, notes, outlet, emails, phones, cities and tags.

    ``build_search_text`` of those values (``search_text_parts``), the same words in the same
    order, gathered here straight from the contact: a bulk insert computes it for every row,
    and the lists and keyword call of the general form were a quarter of its cost."""
    words: list[str] = []
    add = words.extend
    for part in (
        data.display_name,
        data.given_name,
        data.family_name,
        data.additional_names,
        data.job_title,
        data.department,
    ):
        if part:
            add(_part_words(part))
    if data.beats:
        beats = " ".join(data.beats)
        if beats:
            add(_part_words(beats))
    if data.notes:
        add(_part_words(data.notes))
    if data.organization:
        add(_part_words(data.organization))
    for email in data.emails:
        if email.value:
            add(tokens_once(email.value))
    for address in data.addresses:
        add(_part_words(f"{address.city} {address.postal_code}"))  # never empty: the space
    for tag in data.tags:
        if tag:
            add(_part_words(tag))
    for phone in data.phones:
        _add_phone_words(words, phone.value)
    return " ".join(dict.fromkeys(words))


def search_text_parts(data: ContactData) -> dict[str, Any]:
    """The arguments of ``build_search_text`` that ``search_text_of`` reads from ``data``."""
    return {
        "names": [
            data.display_name,
            data.given_name,
            data.family_name,
            data.additional_names,
            data.job_title,
            data.department,
            " ".join(data.beats),
            data.notes,
        ],
        "organisation": data.organization,
        "emails": [e.value for e in data.emails],
        "phones": [p.value for p in data.phones],
        "places": [f"{a.city} {a.postal_code}" for a in data.addresses],
        "tags": data.tags,
    }


def sort_name_of(data: ContactData) -> str:
    """The key of ``data`` in name order: family name first, folded."""
    return sort_key(
        data.family_name,
        data.display_name,
        data.given_name,
        data.organization or data.primary_email,
    )


def searched_data(contact: Contact) -> ContactData:
    """What ``search_text_of`` and ``sort_name_of`` read, from a contact about to be flushed.

    Not ``to_data``: a ``Contact`` built in code holds None where a column default has not
    been applied yet, and its lists are not needed."""
    return ContactData(
        display_name=contact.display_name or "",
        given_name=contact.given_name or "",
        family_name=contact.family_name or "",
        additional_names=contact.additional_names or "",
        job_title=contact.job_title or "",
        department=contact.department or "",
        beats=_from_lines(contact.beats or ""),
        notes=contact.notes or "",
        organization=contact.organisation.name if contact.organisation is not None else "",
        emails=[EmailAddress(e.value) for e in contact.emails],
        phones=[Phone(p.value) for p in contact.phones],
        addresses=[
            PostalAddress(city=a.city, postal_code=a.postal_code) for a in contact.addresses
        ],
        tags=[t.name for t in contact.tags],
    )


def build_search_text(
    *,
    names: list[str],
    organisation: str,
    emails: list[str],
    phones: list[str],
    places: list[str],
    tags: list[str],
) -> str:
    """The folded words of those values, each once, in order.

    Stored as distinct word tokens separated by single spaces, so that an index that only
    sees "words start at a space" (LIKE on PostgreSQL) finds what FTS5 finds: the "example"
    of "eloise@example.fr", the "monde" of "(Le Monde)".
    """
    # One list extended value by value, then deduplicated in order by dict.fromkeys: a
    # sixth faster than chaining iterators, at some 25 words a contact.
    words: list[str] = []
    add = words.extend
    for part in names:
        if part:
            add(_part_words(part))
    if organisation:
        add(_part_words(organisation))
    for email in emails:
        if email:
            add(tokens_once(email))
    for part in places:
        if part:
            add(_part_words(part))
    for part in tags:
        if part:
            add(_part_words(part))
    for phone in phones:
        _add_phone_words(words, phone)
    return " ".join(dict.fromkeys(words))


def _add_phone_words(words: list[str], phone: str) -> None:
    """A phone number's words: its digits and the digits dialled at home."""
    if len(phone) == 12 and phone.startswith("+33") and phone.isascii() and phone[1:].isdigit():
        # a French number as stored: its digits and national digits are one word each,
        # what phone_digits, national_phone and tokens_once give
        words += (phone[1:], "0" + phone[3:])
        return
    for number in (phone_digits(phone), national_phone(phone)):
        if number:
            words += tokens_once(number)


@lru_cache(maxsize=65536)
def _part_words(part: str) -> tuple[str, ...]:
    """The words of one value, cached: names, outlets, cities, titles, beats and tags recur
    from contact to contact (emails and numbers do not: ``tokens_once``). Folding and
    splitting each value apart gives the words of the whole text joined by spaces (folding
    works character by character, a space splits words)."""
    return tuple(tokens(part))


def sort_key(family_name: str, display_name: str, given_name: str, fallback: str) -> str:
    """``fold(f"{name} {given_name}".strip())[:255]``, the name folded first.

    When the strip has nothing to take off (both parts there, no outer white space), each
    part is folded apart: ``fold`` works character by character and a space neither
    composes nor reorders with its neighbours, so the result is the same, and ``fold``'s
    cache answers for names that recur instead of filling up with every full name."""
    name = family_name or display_name or given_name or fallback
    joined = f"{name} {given_name}"
    text = joined.strip()
    if len(text) == len(joined):
        return f"{fold(name)} {fold(given_name)}"[:255]
    return fold(text)[:255]


# -- thousands of contacts, as plain rows ---------------------------------------------------------

# Columns of the bulk insert, in the order of its rows.
_INSERT_COLUMNS = (
    "uid",
    *AS_STORED,
    *CONVERTED,
    "organisation_id",
    "photo",
    "import_batch_id",
    "collected_via",
    "created_at",
    "updated_at",
    "sort_name",
    "search_text",
)
_as_stored: Callable[[ContactData], tuple[Any, ...]] = attrgetter(*AS_STORED)
_as_converted: Callable[[ContactData], tuple[Any, ...]] = attrgetter(*CONVERTED)
_DUMPS = tuple(dump for dump, _ in CONVERTED.values())
_EMAIL_COLUMNS = ("contact_id", "value", "value_key", "label", "position")
_PHONE_COLUMNS = ("contact_id", "value", "label", "position")
_ADDRESS_COLUMNS = ("contact_id", *_ADDRESS_FIELDS, "position")
_URL_COLUMNS = ("contact_id", "value", "label", "position")
_TAG_COLUMNS = ("contact_id", "tag_id")
_MEMBER_COLUMNS = ("list_id", "contact_id", "added_at")


def insert_contacts(
    session: Session,
    cleaned: Sequence[ContactData],
    resolver: Resolver,
    *,
    import_batch_id: int | None = None,
    collected_via: CollectedVia = CollectedVia.MANUAL,
) -> list[int]:
    """Insert validated contacts with executemany: the fast path for thousands of rows.

    Rows are built as tuples straight from the values (no dict per row), and the ids are
    read back in one query over the new rows rather than by UID lists. The contacts' own
    ``id`` is not used (an import may carry the id of another base) and nothing in
    ``cleaned`` is changed. ``collected_via`` (the GDPR register's "how they came in") is
    written with the rows: an UPDATE of every new row after it cost an import a tenth of its
    write."""
    if not cleaned:
        return []
    # In order of first appearance: of "Le Monde" and "le monde", the first spelling names it.
    org_names = dict.fromkeys(c.organization for c in cleaned if c.organization)
    tag_names = dict.fromkeys(t for c in cleaned for t in c.tags)
    list_names = dict.fromkeys(x for c in cleaned for x in c.lists)
    resolver.prefetch(org_names, tag_names, list_names)
    orgs = {name: resolver.organisation(name) for name in org_names}
    tags = {n: resolver.tag(n) for n in tag_names}
    lists = {n: resolver.distribution_list(n) for n in list_names}
    session.flush()
    org_id = {name: org.id if org is not None else None for name, org in orgs.items()}
    tag_id = {name: tag.id for name, tag in tags.items()}
    list_id = {name: dl.id for name, dl in lists.items()}
    now = utcnow()
    via = collected_via.value
    fresh = fresh_uids(sum(1 for c in cleaned if not c.uid))
    rows: list[tuple[Any, ...]] = [
        (
            c.uid or next(fresh),
            *_as_stored(c),
            *map(call, _DUMPS, _as_converted(c)),
            org_id.get(c.organization),
            c.photo,
            import_batch_id,
            via,
            now,
            now,
            sort_name_of(c),
            search_text_of(c),
        )
        for c in cleaned
    ]
    conn = session.connection()
    adapter = adapter_for(conn.dialect.name)
    # The new rows get ids above the highest one now (this transaction holds the write
    # lock); they are read back by UID from there in one query. RETURNING with a guaranteed
    # order makes SQLAlchemy fall back to one statement per row on SQLite, ten times slower.
    highest = conn.execute(select(func.max(Contact.id))).scalar() or 0
    with adapter.search_index_deferred(conn):
        adapter.bulk_insert_rows(conn, Contact.__table__, _INSERT_COLUMNS, rows)  # type: ignore[arg-type]
    by_uid = dict(conn.execute(select(Contact.uid, Contact.id).where(Contact.id > highest)).all())
    ids = [by_uid[row[0]] for row in rows]
    del rows
    emails: list[tuple[Any, ...]] = []
    phones: list[tuple[Any, ...]] = []
    addresses: list[tuple[Any, ...]] = []
    urls: list[tuple[Any, ...]] = []
    tag_rows: list[tuple[Any, ...]] = []
    members: list[tuple[Any, ...]] = []
    for cid, c in zip(ids, cleaned, strict=True):
        if c.emails:
            emails += [
                (cid, e.value, email_key(e.value), e.label, i) for i, e in enumerate(c.emails)
            ]
        if c.phones:
            phones += [(cid, p.value, p.label, i) for i, p in enumerate(c.phones)]
        if c.addresses:
            addresses += [(cid, *_address_tuple(a), i) for i, a in enumerate(c.addresses)]
        if c.urls:
            urls += [(cid, u.value, u.label, i) for i, u in enumerate(c.urls)]
        if c.tags:
            tag_rows += [(cid, tag_id[t]) for t in c.tags]
        if c.lists:
            members += [(list_id[n], cid, now) for n in c.lists]
    for model, columns, values in (
        (ContactEmail, _EMAIL_COLUMNS, emails),
        (ContactPhone, _PHONE_COLUMNS, phones),
        (ContactAddress, _ADDRESS_COLUMNS, addresses),
        (ContactUrl, _URL_COLUMNS, urls),
        (ContactTag, _TAG_COLUMNS, tag_rows),
        (ListMember, _MEMBER_COLUMNS, members),
    ):
        if values:
            adapter.bulk_insert_rows(conn, model.__table__, columns, values)  # type: ignore[arg-type]
    return ids


CHUNK = 2000  # ids per query: few round trips, well under SQLite's parameter limit
# Every field of ContactData but the photo and the bookkeeping, as ``read_values`` names them.
DATA_FIELDS = ("id", "uid", *_SCALARS, "organization", *PARTS)
_TO_LIST = ("beats", "extra_vcard", "tags", "lists")


def read_contacts(
    conn: Connection,
    contact_ids: Sequence[int],
    *,
    photo: bool = False,
    timestamps: bool = False,
) -> Iterator[ContactData]:
    """``ContactData`` for each id that exists, in the order of ``contact_ids``, the same values
    as ``to_data`` gives (ten times faster than loading ORM objects), read a chunk at a time.
    Without ``photo``, no photo; without ``timestamps``, no ``created_at``/``updated_at``."""
    names = [*DATA_FIELDS]
    if photo:
        names.append("photo")
    if timestamps:
        names += ["created_at", "updated_at"]
    for values in read_values(conn, contact_ids, names):
        fields = dict(zip(names, values, strict=True))
        fields["emails"] = [EmailAddress(*e) for e in fields["emails"]]
        fields["phones"] = [Phone(*p) for p in fields["phones"]]
        fields["addresses"] = [PostalAddress(*a) for a in fields["addresses"]]
        fields["urls"] = [WebLink(*u) for u in fields["urls"]]
        for name in _TO_LIST:
            fields[name] = list(fields[name])
        yield ContactData(**fields)


def read_values(
    conn: Connection, contact_ids: Sequence[int], names: Sequence[str], *, in_order: bool = True
) -> Iterator[tuple[Any, ...]]:
    """The values of the fields ``names`` of each contact of ``contact_ids`` that exists, in
    that order, as one tuple a contact: for exports that write rows rather than objects.
    ``in_order=False``: as they are read, a chunk at a time in id order, without holding
    them all first (the caller orders them; ask ``id`` to know which is which).

    Values are plain (no object per email, which the garbage collector would walk while
    50,000 rows wait): scalar fields as ``ContactData`` holds them, but for lists (beats, kept
    vCard lines), which are tuples; ``organization`` the outlet's name or ""; emails, phones
    and urls ``(value, label)`` tuples, addresses tuples of ``PostalAddress``'s fields in its
    order, tags and lists tuples of names in name order; ``photo`` its bytes or None. ``id``,
    ``uid``, ``created_at`` and ``updated_at`` may be asked too."""
    scalars = [n for n in names if n not in PARTS]
    parts = [n for n in names if n in PARTS]
    unknown = [n for n in scalars if n not in _READABLE]
    if unknown:
        raise KeyError(f"not a stored contact field: {', '.join(unknown)}")
    # A contact's values, in the order the reads give them: its row (id first), then its parts.
    order = ["id", *scalars, *parts]
    loads = [(order.index(n), _PLAIN_LOADS[n]) for n in scalars if n in _PLAIN_LOADS]
    pick = _picker([order.index(n) for n in names])
    columns = [_READABLE[n] for n in order[: 1 + len(scalars)]]
    wanted = sorted(set(contact_ids))
    found: dict[int, tuple[Any, ...]] = {}
    none: tuple[Any, ...] = ()
    for start in range(0, len(wanted), CHUNK):
        chunk = wanted[start : start + CHUNK]
        keep = set(chunk)
        rows = conn.execute(
            select(*columns)
            .outerjoin(Organisation, Organisation.id == Contact.organisation_id)
            .where(_where(Contact.id, chunk))
        ).all()
        got = [_PART_READERS[name](conn, chunk) for name in parts]
        for row in rows:
            cid = row[0]
            if cid not in keep:
                continue
            values = [*row, *(part.get(cid, none) for part in got)]
            for index, load in loads:
                values[index] = load(values[index])
            found[cid] = pick(values)
        if not in_order:
            yield from found.values()
            found.clear()
    for cid in contact_ids:
        hit = found.get(cid)
        if hit is not None:
            yield hit


def _picker(indexes: list[int]) -> Callable[[list[Any]], tuple[Any, ...]]:
    """``itemgetter`` that gives a tuple for one index too."""
    if len(indexes) == 1:
        only = indexes[0]
        return lambda values: (values[only],)
    return itemgetter(*indexes)


def _org_name(name: str | None) -> str:
    return name or ""


# How ``read_values`` turns stored scalars into plain values.
_PLAIN_LOADS: dict[str, Callable[[Any], Any]] = {
    "kind": ContactKind,
    "lawful_basis": LawfulBasis,
    "salutation": SalutationStyle,
    "beats": lambda text: tuple(_from_lines(text)),
    "extra_vcard": lambda text: tuple(_from_json_list(text)),
    "organization": _org_name,
}


_READABLE: dict[str, Any] = {
    "id": Contact.id,
    "uid": Contact.uid,
    **{name: getattr(Contact, name) for name in _SCALARS},
    "organization": Organisation.name,
    "photo": Contact.photo,
    "created_at": Contact.created_at,
    "updated_at": Contact.updated_at,
}


def _where(column: Any, chunk: list[int]) -> Any:
    """Ids of a sorted chunk: a range when they are dense (2 parameters, the index does the
    rest, extra rows are dropped by the caller), an IN list otherwise."""
    low, high = chunk[0], chunk[-1]
    if high - low < 2 * len(chunk):
        return column.between(low, high)
    return column.in_(chunk)


_FIRST = itemgetter(0)


def _grouped(rows: Any) -> dict[int, tuple[tuple[Any, ...], ...]]:
    """Rows ordered by contact id (their first column), by contact id, each without that
    id: plain tuples, which the garbage collector stops watching at its first look."""
    return {cid: tuple(row[1:] for row in group) for cid, group in groupby(rows.all(), _FIRST)}


def _ordered(model: Any, *columns: Any) -> Callable[[Connection, list[int]], dict[int, Any]]:
    """A reader of a contact's emails, phones, addresses or links in the order the person
    gave them, grouped by contact."""

    def read(conn: Connection, chunk: list[int]) -> dict[int, Any]:
        return _grouped(
            conn.execute(
                select(model.contact_id, *columns)
                .where(_where(model.contact_id, chunk))
                .order_by(model.contact_id, model.position, model.id)
            )
        )

    return read


def _names(link: Any, named: Any, key: Any) -> Callable[[Connection, list[int]], dict[int, Any]]:
    """A reader of a contact's tags or lists: their names, in name order, grouped by contact."""

    def read(conn: Connection, chunk: list[int]) -> dict[int, Any]:
        grouped = _grouped(
            conn.execute(
                select(link.contact_id, named.name)
                .join(named, named.id == key)
                .where(_where(link.contact_id, chunk))
                .order_by(link.contact_id, named.name_key)
            )
        )
        return {cid: tuple(row[0] for row in rows) for cid, rows in grouped.items()}

    return read


_PART_READERS: dict[str, Callable[[Connection, list[int]], dict[int, Any]]] = {
    "emails": _ordered(ContactEmail, ContactEmail.value, ContactEmail.label),
    "phones": _ordered(ContactPhone, ContactPhone.value, ContactPhone.label),
    "addresses": _ordered(
        ContactAddress, *(getattr(ContactAddress, name) for name in _ADDRESS_FIELDS)
    ),
    "urls": _ordered(ContactUrl, ContactUrl.value, ContactUrl.label),
    "tags": _names(ContactTag, Tag, ContactTag.tag_id),
    "lists": _names(ListMember, DistributionList, ListMember.list_id),
}
