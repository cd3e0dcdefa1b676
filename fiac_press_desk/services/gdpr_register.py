"""The GDPR register of each contact: lawful basis, source, when they were informed, when the
desk last dealt with them, and the dates that follow (notice due, retention review due).

The services that cause an interaction (a release sent or recorded, an enquiry made or
answered, a card edited, an unsubscribe reply) call ``record_interaction`` inside their own
transaction; creations say how the contact came in through ``mark_collected`` (an import
writes it with its rows: ``contact_record.insert_contacts(collected_via=...)``). Both are one
UPDATE that leaves ``updated_at`` alone: receiving a release is not an edit of the card.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import or_, select, update
from sqlalchemy.orm import Session

from fiac_press_desk.domain.enums import LawfulBasis
from fiac_press_desk.domain.gdpr import CollectedVia, Interaction, NoticeChannel
from fiac_press_desk.services.base import ServiceBase, get_or_404
from fiac_press_desk.services.gdpr_settings import read_settings
from fiac_press_desk.storage.contact_record import own_text_of
from fiac_press_desk.storage.models import Contact, ImportBatch
from fiac_press_desk.storage.types import utcnow

CHUNK = 500
# GDPR art. 14(3)(a): the person is informed within a month of the data being obtained.
NOTICE_MONTHS = 1


def add_months(moment: datetime, months: int) -> datetime:
    """The same day ``months`` later (the month's last day when it has no such day)."""
    total = moment.month - 1 + months
    year, month = moment.year + total // 12, total % 12 + 1
    day = min(moment.day, calendar.monthrange(year, month)[1])
    return moment.replace(year=year, month=month, day=day)


def record_interaction(
    session: Session,
    contact_ids: Iterable[int | None],
    kind: Interaction,
    at: datetime | None = None,
) -> None:
    """The desk dealt with these contacts at ``at`` (now by default): their last interaction
    moves forward to it, never back (a past release recorded late changes nothing newer)."""
    when = at or utcnow()
    ids = sorted({cid for cid in contact_ids if cid is not None})
    # Bookkeeping no form edits (the card never saves it): no new version, or every card
    # open on a recipient would be refused after a send (services/edit_conflicts.py).
    for start in range(0, len(ids), CHUNK):
        session.execute(
            update(Contact)
            .where(
                Contact.id.in_(ids[start : start + CHUNK]),
                or_(Contact.last_interaction_at.is_(None), Contact.last_interaction_at <= when),
            )
            .values(
                last_interaction_at=when,
                last_interaction_kind=kind.value,
                updated_at=Contact.updated_at,
            )
            .execution_options(synchronize_session=False)
        )


def mark_collected(session: Session, contact_ids: Iterable[int], via: CollectedVia) -> None:
    """These contacts came in this way (set at their creation)."""
    ids = sorted(set(contact_ids))
    for start in range(0, len(ids), CHUNK):  # bookkeeping: no new version (as above)
        session.execute(
            update(Contact)
            .where(Contact.id.in_(ids[start : start + CHUNK]))
            .values(collected_via=via.value, updated_at=Contact.updated_at)
            .execution_options(synchronize_session=False)
        )


@dataclass(frozen=True)
class RegisterEntry:
    """One contact's line of the register, as the card shows it."""

    contact_id: int
    lawful_basis: LawfulBasis
    collected_via: CollectedVia
    data_source: str  # the officer's words, or what the import or capture wrote
    collected_at: datetime
    import_batch_id: int | None
    import_source: str  # the file(s) of that batch
    informed_at: datetime | None
    informed_how: NoticeChannel | None
    notice_due: datetime  # a month after collection (art. 14)
    last_interaction_at: datetime | None
    last_interaction_kind: Interaction | None
    retention_kept_at: datetime | None
    retention_kept_reason: str
    review_due: datetime  # when the retention period since the last interaction runs out
    opted_out: bool
    opted_out_at: datetime | None

    @property
    def informed(self) -> bool:
        """Whether the person has been told (by notice or another way)."""
        return self.informed_at is not None

    def notice_overdue(self, now: datetime | None = None) -> bool:
        """Whether the person is still uninformed after the month article 14 allows."""
        return self.informed_at is None and (now or utcnow()) > self.notice_due

    def review_overdue(self, now: datetime | None = None) -> bool:
        """Whether the retention period has run out and the contact is due for review."""
        return (now or utcnow()) >= self.review_due


def review_due(
    created_at: datetime,
    last_interaction_at: datetime | None,
    kept_at: datetime | None,
    years: int,
) -> datetime:
    """When a contact comes up for the retention review: ``years`` after the latest of their
    collection, their last interaction and the last decision to keep them."""
    start = max(d for d in (created_at, last_interaction_at, kept_at) if d is not None)
    return add_months(start, 12 * years)


class RegisterService(ServiceBase):
    """The register of each contact: lawful basis, source, notice, last interaction."""

    def entry(self, contact_id: int) -> RegisterEntry:
        """One contact's register entry (the card shows it)."""
        with self.db.session() as session:
            contact = get_or_404(session, Contact, contact_id)
            years = read_settings(session).retention_years
            batch = (
                session.get(ImportBatch, contact.import_batch_id)
                if contact.import_batch_id
                else None
            )
            return register_entry(contact, batch, years)

    def entries(self, contact_ids: Iterable[int]) -> list[RegisterEntry]:
        """The register entries of many contacts, read in chunks so a long list is few queries."""
        ids = list(contact_ids)
        out: list[RegisterEntry] = []
        with self.db.session() as session:
            years = read_settings(session).retention_years
            batches: dict[int, ImportBatch] = {}
            for start in range(0, len(ids), CHUNK):
                chunk = ids[start : start + CHUNK]
                rows = {
                    c.id: c for c in session.scalars(select(Contact).where(Contact.id.in_(chunk)))
                }
                wanted = {c.import_batch_id for c in rows.values() if c.import_batch_id}
                for b in session.scalars(
                    select(ImportBatch).where(ImportBatch.id.in_(wanted - set(batches)))
                ):
                    batches[b.id] = b
                out += [
                    register_entry(rows[i], batches.get(rows[i].import_batch_id or 0), years)
                    for i in chunk
                    if i in rows
                ]
        return out


def register_entry(contact: Contact, batch: ImportBatch | None, years: int) -> RegisterEntry:
    """Build a register entry from the contact's row and its import batch (the source)."""
    return RegisterEntry(
        contact_id=contact.id,
        lawful_basis=LawfulBasis(contact.lawful_basis),
        collected_via=CollectedVia(contact.collected_via or CollectedVia.MANUAL.value),
        data_source=own_text_of(contact, "data_source"),
        collected_at=contact.created_at,
        import_batch_id=contact.import_batch_id,
        import_source=batch.source if batch is not None else "",
        informed_at=contact.informed_at,
        informed_how=NoticeChannel(contact.informed_how) if contact.informed_how else None,
        notice_due=add_months(contact.created_at, NOTICE_MONTHS),
        last_interaction_at=contact.last_interaction_at,
        last_interaction_kind=(
            Interaction(contact.last_interaction_kind) if contact.last_interaction_kind else None
        ),
        retention_kept_at=contact.retention_kept_at,
        retention_kept_reason=contact.retention_kept_reason,
        review_due=review_due(
            contact.created_at, contact.last_interaction_at, contact.retention_kept_at, years
        ),
        opted_out=contact.opted_out,
        opted_out_at=contact.opted_out_at,
    )
