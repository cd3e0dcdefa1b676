"""Keeps ``contacts.search_text`` and ``sort_name`` in step with every write, whatever made it.

A ``before_flush`` hook recomputes them (``contact_record.search_text_of`` and
``sort_name_of``, the same functions the bulk insert uses) for each contact touched: its own
row or its emails, phones, addresses and links, and the holders of a renamed outlet or tag.
The dialect adapter's index (FTS5 on SQLite) follows the column through triggers.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import event, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import get_history

from fiac_press_desk.storage.contact_record import search_text_of, searched_data, sort_name_of
from fiac_press_desk.storage.models import (
    Contact,
    ContactAddress,
    ContactEmail,
    ContactPhone,
    ContactTag,
    ContactUrl,
    Organisation,
    Tag,
)


def refresh_contact(contact: Contact) -> None:
    """Recompute the contact's search words and name key from what it holds now."""
    data = searched_data(contact)
    contact.search_text = search_text_of(data)
    contact.sort_name = sort_name_of(data)


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
    with session.no_autoflush:
        for contact in _touched_contacts(session):
            refresh_contact(contact)
