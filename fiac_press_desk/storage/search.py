"""Keeps ``contacts.search_text`` in step with every write, whatever service made it.

The folded words are computed in Python (so every dialect shares them) in a ``before_flush``
hook; the dialect adapter's index (FTS5 on SQLite) follows the column through triggers.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from sqlalchemy import event
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import get_history

from fiac_press_desk.domain.normalize import national_phone, phone_digits
from fiac_press_desk.domain.text import fold, tokens, tokens_once
from fiac_press_desk.storage.models import (
    Contact,
    ContactAddress,
    ContactEmail,
    ContactPhone,
    ContactUrl,
    Organisation,
    Tag,
)


def sort_name_for(contact: Contact) -> str:
    fallback = contact.organisation.name if contact.organisation is not None else ""
    if not fallback and contact.emails:
        fallback = contact.emails[0].value
    return sort_key(
        contact.family_name or "", contact.display_name or "", contact.given_name or "", fallback
    )


def search_text_for(contact: Contact) -> str:
    # A Contact built in code has None where the column default has not been applied yet.
    return build_search_text(
        names=[
            contact.display_name or "",
            contact.given_name or "",
            contact.family_name or "",
            contact.additional_names or "",
            contact.job_title or "",
            contact.department or "",
            (contact.beats or "").replace("\n", " "),
            contact.notes or "",
        ],
        organisation=contact.organisation.name if contact.organisation is not None else "",
        emails=[e.value for e in contact.emails],
        phones=[p.value for p in contact.phones],
        places=[f"{a.city} {a.postal_code}" for a in contact.addresses],
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
    """The folded words a contact is found by; shared by the ORM hook and bulk inserts.

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
        if len(phone) == 12 and phone.startswith("+33") and phone.isascii() and phone[1:].isdigit():
            # a French number as stored: its digits and national digits are one word each,
            # what phone_digits, national_phone and tokens_once give
            words += (phone[1:], "0" + phone[3:])
            continue
        for number in (phone_digits(phone), national_phone(phone)):
            if number:
                add(tokens_once(number))
    return " ".join(dict.fromkeys(words))


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


def refresh_contact(contact: Contact) -> None:
    contact.search_text = search_text_for(contact)
    contact.sort_name = sort_name_for(contact)


def _owner(session: Session, obj: Any) -> Contact | None:
    contact_id = getattr(obj, "contact_id", None)
    if contact_id is None:
        return None
    return session.get(Contact, contact_id)


def _touched_contacts(session: Session) -> set[Contact]:
    touched: set[Contact] = set()
    for obj in list(session.new) + list(session.dirty) + list(session.deleted):
        if isinstance(obj, Contact):
            if obj not in session.deleted:
                touched.add(obj)
        elif isinstance(obj, ContactEmail | ContactPhone | ContactAddress | ContactUrl):
            owner = _owner(session, obj)
            if owner is not None and owner not in session.deleted:
                touched.add(owner)
        elif (
            isinstance(obj, Organisation | Tag)
            and obj in session.dirty
            and get_history(obj, "name").has_changes()
        ):
            touched.update(_holders(session, obj))
    return touched


def _holders(session: Session, obj: Organisation | Tag) -> list[Contact]:
    from sqlalchemy import select

    from fiac_press_desk.storage.models import ContactTag

    if isinstance(obj, Organisation):
        return list(session.scalars(select(Contact).where(Contact.organisation_id == obj.id)))
    return list(
        session.scalars(
            select(Contact)
            .join(ContactTag, ContactTag.contact_id == Contact.id)
            .where(ContactTag.tag_id == obj.id)
        )
    )


@event.listens_for(Session, "before_flush")
def _before_flush(session: Session, _context: Any, _instances: Any) -> None:
    if session.info.get("skip_search_refresh"):
        return
    with session.no_autoflush:
        for contact in _touched_contacts(session):
            refresh_contact(contact)
