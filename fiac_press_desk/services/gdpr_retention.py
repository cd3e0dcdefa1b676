"""Retention: contacts the desk has not dealt with for the retention period (three years by
default, CNIL's reference for press and prospect files; set in the GDPR settings) come up for
review, to be kept (with a dated reason, which restarts their clock), archived or erased.

A contact is due when their collection, their last interaction and the last decision to keep
them are all older than the period (``gdpr_register.review_due``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Select, func, select, update

from fiac_press_desk.domain.gdpr import Interaction
from fiac_press_desk.domain.gdpr_messages import GdprValidationError
from fiac_press_desk.services.base import ServiceBase
from fiac_press_desk.services.contact_queries import ContactFilter, register_conditions
from fiac_press_desk.services.contacts import ContactService
from fiac_press_desk.services.gdpr_erasure import ErasureReport, ErasureService
from fiac_press_desk.services.gdpr_register import add_months, review_due
from fiac_press_desk.services.gdpr_settings import read_settings
from fiac_press_desk.services.progress import ProgressSink
from fiac_press_desk.storage.models import Contact, ContactEmail, Organisation
from fiac_press_desk.storage.types import utcnow

CHUNK = 500


@dataclass(frozen=True)
class RetentionRow:
    """A line of the review page."""

    contact_id: int
    name: str
    organisation: str
    email: str
    collected_at: datetime
    last_interaction_at: datetime | None
    last_interaction_kind: Interaction | None
    kept_at: datetime | None
    kept_reason: str
    archived: bool
    opted_out: bool
    due: datetime  # when the period ran out

    @property
    def last_seen(self) -> datetime:
        """The latest of collection, last interaction and last keep decision."""
        return max(d for d in (self.collected_at, self.last_interaction_at, self.kept_at) if d)


class RetentionService(ServiceBase):
    """Retention: contacts with no interaction for the period, kept with a reason or let go."""

    def threshold(self, now: datetime | None = None) -> datetime:
        """Contacts with nothing newer than this are due for review."""
        with self.db.session() as session:
            years = read_settings(session).retention_years
        return add_months(now or utcnow(), -12 * years)

    def count_due(self, now: datetime | None = None) -> int:
        """How many contacts are due for review (without reading them all)."""
        with self.db.session() as session:
            stmt = select(func.count()).select_from(_due(self.threshold(now)).subquery())
            return int(session.scalar(stmt) or 0)

    def review(self, now: datetime | None = None) -> list[RetentionRow]:
        """The contacts due for review, the longest forgotten first."""
        limit = self.threshold(now)
        with self.db.session() as session:
            years = read_settings(session).retention_years
            ids = list(session.scalars(_due(limit)))
            rows: list[RetentionRow] = []
            for start in range(0, len(ids), CHUNK):
                chunk = ids[start : start + CHUNK]
                emails: dict[int, str] = {}
                for cid, value in session.execute(
                    select(ContactEmail.contact_id, ContactEmail.value)
                    .where(ContactEmail.contact_id.in_(chunk))
                    .order_by(ContactEmail.contact_id, ContactEmail.position.desc())
                ):
                    emails[cid] = value
                for c, org in session.execute(
                    select(Contact, Organisation.name)
                    .outerjoin(Organisation, Organisation.id == Contact.organisation_id)
                    .where(Contact.id.in_(chunk))
                ):
                    rows.append(
                        RetentionRow(
                            contact_id=c.id,
                            name=c.display_name
                            or " ".join(p for p in (c.given_name, c.family_name) if p)
                            or emails.get(c.id, ""),
                            organisation=org or "",
                            email=emails.get(c.id, ""),
                            collected_at=c.created_at,
                            last_interaction_at=c.last_interaction_at,
                            last_interaction_kind=(
                                Interaction(c.last_interaction_kind)
                                if c.last_interaction_kind
                                else None
                            ),
                            kept_at=c.retention_kept_at,
                            kept_reason=c.retention_kept_reason,
                            archived=c.archived,
                            opted_out=c.opted_out,
                            due=review_due(
                                c.created_at, c.last_interaction_at, c.retention_kept_at, years
                            ),
                        )
                    )
        return sorted(rows, key=lambda r: (r.last_seen, r.contact_id))

    def keep(self, contact_ids: Iterable[int], reason: str, at: datetime | None = None) -> int:
        """Keep these contacts for another period: the reason is required, dated and kept
        (a DPO asks why a contact silent for years is still in the file)."""
        text = " ".join(reason.split())
        if not text:
            raise GdprValidationError("reason", "keep_needs_reason")
        when = at or utcnow()
        ids = list(dict.fromkeys(contact_ids))
        kept = 0
        with self.transaction() as session:
            # No new version: the card never saves these two fields (the register's tab
            # shows them), so no save from an open card can undo the decision.
            for start in range(0, len(ids), CHUNK):
                result = session.execute(
                    update(Contact)
                    .where(Contact.id.in_(ids[start : start + CHUNK]))
                    .values(
                        retention_kept_at=when,
                        retention_kept_reason=text,
                        updated_at=Contact.updated_at,
                    )
                    .execution_options(synchronize_session=False)
                )
                kept += int(getattr(result, "rowcount", 0) or 0)
            self.audit(
                session,
                "retention_keep",
                "contact",
                None,
                ids=ids,
                reason=text,
                at=when.isoformat(),
            )
        return kept

    def archive(self, contact_ids: Iterable[int]) -> int:
        """Archive these contacts (out of lists and sendings; still held, still reviewed)."""
        return ContactService(self.db, self.actor).archive(contact_ids)

    def erase(
        self, contact_ids: Iterable[int], progress: ProgressSink | None = None
    ) -> list[ErasureReport]:
        """Erase these contacts (see gdpr_erasure): one transaction, the file cleaned once."""
        return ErasureService(self.db, self.actor).erase_many(contact_ids, progress)


def _due(limit: datetime) -> Select[Any]:
    """Every contact (archived ones too) with nothing newer than ``limit``."""
    flt = ContactFilter(archived=None, quiet_since=limit)
    return register_conditions(select(Contact.id), flt).order_by(Contact.id)
