""" "Not a duplicate" marks in a contact's snapshot, so deleting a contact and undoing the
delete (or an import's undo) brings its marks back with it (the table's rows go with the
contact: ON DELETE CASCADE)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from fiac_press_desk.storage.models import Contact, NotDuplicate


def not_duplicates_of(session: Session, contact_id: int) -> list[dict[str, Any]]:
    """The contact's marks, JSON-safe (a snapshot's ``not_duplicates``)."""
    return [
        {
            "first_id": mark.first_id,
            "second_id": mark.second_id,
            "marked_at": mark.marked_at.isoformat(),
            "actor": mark.actor,
        }
        for mark in session.scalars(
            select(NotDuplicate).where(
                or_(NotDuplicate.first_id == contact_id, NotDuplicate.second_id == contact_id)
            )
        )
    ]


def restore_not_duplicates(session: Session, snapshots: Iterable[Mapping[str, Any]]) -> None:
    """Put back the marks of restored contacts whose other contact exists (two contacts
    deleted together hold the same mark: it comes back once)."""
    session.flush()
    for snap in snapshots:
        for row in snap.get("not_duplicates", []):
            key = (row["first_id"], row["second_id"])
            if session.get(NotDuplicate, key) is not None:
                continue
            if session.get(Contact, key[0]) is None or session.get(Contact, key[1]) is None:
                continue
            session.add(
                NotDuplicate(
                    first_id=key[0],
                    second_id=key[1],
                    marked_at=datetime.fromisoformat(row["marked_at"]),
                    actor=row["actor"],
                )
            )
    session.flush()
