"""Where a person's data sit: every table and column that points at a contact, read from the
ORM metadata rather than listed by hand, so a table added later is found by the access
dossier and the erasure without anyone remembering them.

A column points at a contact when it is a foreign key to ``contacts.id``, or when it holds a
contact's id without one and says so in its ``info`` (``CONTACT_REFERENCE_WHEN``: on which
rows, e.g. the audit log's ``entity_id`` where ``entity = 'contact'``). A table hanging from
such a table by a cascading foreign key (an enquiry's thread) holds the person's data too.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Column, ColumnElement, Select, Table, and_, select
from sqlalchemy.orm import Session

from fiac_press_desk.storage.models import CONTACT_REFERENCE_WHEN, Base, Contact

CONTACTS = "contacts"


@dataclass(frozen=True)
class ContactReference:
    """``table.column`` holds a contact's id (on the rows ``condition`` keeps, if any);
    for a child table, ``parent`` is the reference of the table it hangs from."""

    table: Table
    column: Column[Any]
    condition: tuple[str, tuple[str, ...]] | None = None
    parent: ContactReference | None = None
    ondelete: str = ""  # of the foreign key ("CASCADE", "SET NULL"), "" without one

    @property
    def name(self) -> str:
        """The table's name (the key of the erasure report's counts)."""
        return self.table.name

    def rows_of(self, contact_id: int) -> Select[Any]:
        """The rows of ``table`` that are the person's."""
        return select(self.table).where(self.where(contact_id))

    def where(self, contact_id: int) -> ColumnElement[bool]:
        """The condition picking the person's rows (through the parent table if there is one)."""
        if self.parent is None:
            cond: ColumnElement[bool] = self.column == contact_id
            if self.condition is not None:
                other, values = self.condition
                cond = and_(cond, self.table.c[other].in_(values))
            return cond
        parent_key = next(iter(self.column.foreign_keys)).column
        return self.column.in_(select(parent_key).where(self.parent.where(contact_id)))


def contact_references() -> list[ContactReference]:
    """Every reference to a contact in the schema, the contacts table itself first, then
    the tables that point at it, then their cascading children; in a stable order."""
    tables = Base.metadata.sorted_tables
    contacts = Contact.__table__
    out: list[ContactReference] = [ContactReference(contacts, contacts.c.id)]  # type: ignore[arg-type]
    direct: list[ContactReference] = []
    for table in tables:
        for column in table.columns:
            for fk in column.foreign_keys:
                if fk.column.table.name == CONTACTS and fk.column.name == "id":
                    direct.append(ContactReference(table, column, ondelete=fk.ondelete or ""))
            condition = column.info.get(CONTACT_REFERENCE_WHEN)
            if condition is not None:
                other, values = condition
                direct.append(ContactReference(table, column, (other, tuple(values))))
    out += direct
    for ref in direct:
        for table in tables:
            for column in table.columns:
                for fk in column.foreign_keys:
                    if (
                        fk.column.table is ref.table
                        and fk.column.primary_key
                        and (fk.ondelete or "").upper() == "CASCADE"
                        and table is not ref.table
                    ):
                        out.append(ContactReference(table, column, parent=ref, ondelete="CASCADE"))
    return out


def referencing_tables() -> list[str]:
    """The names of the tables holding a person's data, each once, in dossier order."""
    return list(dict.fromkeys(ref.name for ref in contact_references()))


def person_rows(session: Session, contact_id: int) -> Iterator[tuple[ContactReference, Any]]:
    """Every row about the person, with the reference that found it."""
    for ref in contact_references():
        for row in session.execute(ref.rows_of(contact_id)).mappings():
            yield ref, row


# -- the audit log's entries about a person -----------------------------------------------------


@dataclass(frozen=True)
class AuditMention:
    """An audit entry about the person: ``alone`` when it is about them only (their card,
    their enquiry, their distribution line), else a bulk entry naming them among others."""

    entry_id: int
    alone: bool


def audit_mentions(session: Session, contact_id: int) -> list[AuditMention]:
    """The audit entries about a person: on their card, their enquiries, their ledger lines
    and notices, and the bulk entries whose details list them (tagged, archived, merged...)."""
    from fiac_press_desk.storage.models import (
        AuditEntry,
        Distribution,
        Enquiry,
        InformationNotice,
    )

    owned = {
        "contact": {contact_id},
        "enquiry": set(session.scalars(select(Enquiry.id).where(Enquiry.contact_id == contact_id))),
        "distribution": set(
            session.scalars(select(Distribution.id).where(Distribution.contact_id == contact_id))
        ),
        "information_notice": set(
            session.scalars(
                select(InformationNotice.id).where(InformationNotice.contact_id == contact_id)
            )
        ),
    }
    # Entries on one of their rows, and entries whose details hold their id somewhere (then
    # read: the digits alone also match other numbers).
    from sqlalchemy import or_

    conditions = [
        and_(AuditEntry.entity == entity, AuditEntry.entity_id.in_(sorted(ids)))
        for entity, ids in owned.items()
        if ids
    ]
    conditions.append(AuditEntry.details.like(f"%{contact_id}%"))
    found: list[AuditMention] = []
    for entry in session.scalars(
        select(AuditEntry).where(or_(*conditions)).order_by(AuditEntry.id)
    ):
        if entry.entity_id is not None and entry.entity_id in owned.get(entry.entity, set()):
            found.append(AuditMention(entry.id, True))
        elif _details_name(entry.entity, entry.details, contact_id):
            found.append(AuditMention(entry.id, False))
    return found


def _details_name(entity: str, details: str, contact_id: int) -> bool:
    """Whether an entry's details (JSON) name this contact by id."""
    import json

    try:
        raw = json.loads(details) if details else {}
    except ValueError:
        return False
    if not isinstance(raw, dict):
        return False
    if raw.get("contact_id") == contact_id:
        return True
    if contact_id in (raw.get("contact_ids") or []):
        return True
    if entity == "contact" and (
        raw.get("merged_from") == contact_id or contact_id in (raw.get("ids") or [])
    ):
        return True
    lines = raw.get("lines")
    if entity == "distribution" and isinstance(lines, list):
        return any(isinstance(line, list) and contact_id in line[1:2] for line in lines)
    return False
