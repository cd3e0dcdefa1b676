"""No lost update (issue 14): a save made from a stale copy is refused, saying who changed the
record, when, and what differs, so the press officer can reapply their work.

Contacts, enquiries, releases and lists carry a ``version`` (migration 0008), SQLAlchemy's
version counter: every ORM UPDATE names the version it read and bumps it. A form reads the
record and its version together (``get_for_edit``) and hands the version back with the save:

- the version stored is newer than the form's: refused before writing (``expect_version``);
- another desk commits between this save's read and its write: the UPDATE finds no row of
  the version it read (PostgreSQL re-reads the row after the other's commit), SQLAlchemy
  raises ``StaleDataError``, the transaction is rolled back, and the same error is raised
  (``stale_after_race``).

A bulk change made with a Core ``UPDATE`` (archive many, a merge moving enquiries, an erasure)
bypasses the ORM's counter: it calls ``bump_versions`` so an open form's save over it is
refused as well. Bookkeeping no form edits (last interaction, informed, collected via) does
not bump: sending a release must not make every open card stale.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import and_, or_, select, update
from sqlalchemy.orm import Session

from fiac_press_desk.config import desk_timezone
from fiac_press_desk.domain.errors import ConflictError
from fiac_press_desk.domain.messages import current_language, render
from fiac_press_desk.storage.models import AuditEntry


@dataclass(frozen=True)
class Difference:
    """One field the other person's save left differently from what this save holds."""

    field: str
    theirs: Any  # stored now
    yours: Any  # in the refused save


class StaleEditError(ConflictError):
    """Someone saved this record since it was opened; nothing of this save was written."""

    def __init__(
        self,
        entity: str,
        entity_id: int,
        changed_by: str,
        changed_at: datetime | None,
        differences: list[Difference],
        current_version: int = 0,
    ) -> None:
        self.entity = entity
        self.current_version = current_version  # a save with it overwrites, knowingly
        self.entity_id = entity_id
        self.changed_by = changed_by
        self.changed_at = changed_at
        self.differences = differences
        when = _local(changed_at) if changed_at else "?"
        fields = ", ".join(d.field for d in differences) or "-"
        super().__init__("", "stale_edit", who=changed_by or "?", when=when, fields=fields)
        self.args = (render("stale_edit", who=changed_by or "?", when=when, fields=fields),)

    def __str__(self) -> str:
        return str(self.args[0])


def _local(moment: datetime) -> str:
    """When a colleague saved, on the desk's clock, written the way its language writes it."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)  # SQLite hands back naive UTC
    local = moment.astimezone(desk_timezone())
    return local.strftime("%d/%m/%Y %H:%M" if current_language() == "fr" else "%Y-%m-%d %H:%M")


def lock_for_edit(session: Session, table: Any, entity_id: int) -> None:
    """Take the row's write lock before reading it for a versioned save (an UPDATE that
    changes nothing). Two desks saving at once then take turns, and the second reads the
    first's version and is refused with who, when and what; without it, SQLite would make
    the second fail with "database is locked" (its read snapshot is older than the first's
    commit) and PostgreSQL would only find out at the UPDATE."""
    # Columns stamped on update (``updated_at``) are set to themselves: Core applies their
    # ``onupdate`` to an UPDATE that does not name them, and a lock is not a change.
    keep = {c.name: c for c in table.c if c.onupdate is not None}
    session.execute(
        update(table).where(table.c.id == entity_id).values(version=table.c.version, **keep)
    )


CHUNK = 500  # ids per IN (...): well under SQLite's and PostgreSQL's parameter limits
BULK_ENTRIES_LOOKED_AT = 200  # bulk audit entries newer than the record's own, read for its id
# Entries of another entity whose ``ids`` are records of this one (a list's members).
_IDS_OF_OTHERS = {"contact": (("list", "add_members"), ("list", "remove_members"))}
# The detail by which an entry of another entity names records of this one it changed (a
# list renamed names its members' cards, an organisation merged the enquiries it moved).
_NAMED_AS = {"contact": "contacts", "enquiry": "enquiries"}


def bump_versions(session: Session, model: Any, ids: Iterable[int], *, stamp: bool = True) -> None:
    """Count a bulk change of these rows as a new version of each (``model``: Contact,
    Enquiry, Release or DistributionList), in the caller's transaction: a form that read an
    older version is refused on save instead of writing the old values back. ``stamp``:
    ``updated_at`` says now (a change of the record, as its lists); False keeps it (the
    record was only moved, as an enquiry to the contact a merge kept)."""
    wanted = sorted(set(ids))
    stamped = (
        {}
        if stamp
        else {c.key: getattr(model, c.key) for c in model.__table__.c if c.onupdate is not None}
    )
    for start in range(0, len(wanted), CHUNK):
        session.execute(
            update(model)
            .where(model.id.in_(wanted[start : start + CHUNK]))
            # Objects of these rows already in the session take the new version too: a
            # later flush of one of them names the version the row has.
            .values(version=model.version + 1, **stamped)
        )


def last_change(session: Session, entity: str, entity_id: int) -> tuple[str, datetime | None]:
    """Who last wrote ``entity`` ``entity_id`` and when, from the audit log: its own entries,
    or a newer entry that names it: a bulk one's ``ids`` (archive many, a list's members),
    another entity's ``contacts``/``enquiries`` (a list renamed, an organisation merged)."""
    row = session.execute(
        select(AuditEntry.actor, AuditEntry.at)
        .where(AuditEntry.entity == entity, AuditEntry.entity_id == entity_id)
        .order_by(AuditEntry.at.desc(), AuditEntry.id.desc())
        .limit(1)
    ).first()
    named_as = _NAMED_AS.get(entity, "")
    bulk = (
        select(
            AuditEntry.actor,
            AuditEntry.at,
            AuditEntry.details,
            AuditEntry.entity,
            AuditEntry.action,
        )
        .where(
            or_(
                and_(AuditEntry.entity == entity, AuditEntry.entity_id.is_(None)),
                *(
                    and_(AuditEntry.entity == other, AuditEntry.action == action)
                    for other, action in _IDS_OF_OTHERS.get(entity, ())
                ),
                *((AuditEntry.details.contains(f'"{named_as}": ['),) if named_as else ()),
            )
        )
        .order_by(AuditEntry.at.desc(), AuditEntry.id.desc())
        .limit(BULK_ENTRIES_LOOKED_AT)
    )
    if row is not None:
        bulk = bulk.where(AuditEntry.at >= row[1])
    ids_of_others = _IDS_OF_OTHERS.get(entity, ())
    for actor, at, details, of, action in session.execute(bulk):
        ids_are_ours = of == entity or (of, action) in ids_of_others
        if (ids_are_ours and entity_id in _ids_in(details, "ids")) or entity_id in _ids_in(
            details, named_as
        ):
            return str(actor), at
    return (str(row[0]), row[1]) if row else ("", None)


def _ids_in(details: str, key: str) -> list[int]:
    """The ids an audit entry's details list under ``key``."""
    try:
        found = json.loads(details) if details and key else {}
    except ValueError:
        return []
    ids = found.get(key) if isinstance(found, dict) else None
    return [i for i in ids if isinstance(i, int)] if isinstance(ids, list) else []


def differences(stored: Mapping[str, Any], proposed: Mapping[str, Any]) -> list[Difference]:
    """The fields whose stored value differs from the save's, in ``stored``'s order."""
    return [
        Difference(name, value, proposed[name])
        for name, value in stored.items()
        if name in proposed and proposed[name] != value
    ]


def expect_version(
    session: Session,
    entity: str,
    entity_id: int,
    stored_version: int,
    expected: int | None,
    stored: Mapping[str, Any],
    proposed: Mapping[str, Any],
) -> None:
    """Raise StaleEditError when the form's ``expected`` version is not the stored one (None:
    the caller did not read a version, as the command line and imports do: no check)."""
    if expected is None or expected == stored_version:
        return
    who, when = last_change(session, entity, entity_id)
    raise StaleEditError(
        entity, entity_id, who, when, differences(stored, proposed), stored_version
    )
