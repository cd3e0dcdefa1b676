"""What happened between the press office and one contact: the releases they received and the
enquiries they made, newest first.

Read-only and Qt-free: the contact panel's History tab shows it, and a person asking for their
data (GDPR access request) is owed the same facts.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import desc, func, select

from fiac_press_desk.services.base import ServiceBase
from fiac_press_desk.storage.models import Distribution, Enquiry, Organisation, Release


@dataclass(frozen=True)
class ReleaseReceived:
    """One line of the distribution ledger: this release, to this address, by this channel."""

    distribution_id: int
    release_id: int
    title: str
    reference: str
    release_date: date | None
    address: str
    channel: str  # DistributionChannel value
    status: str  # DistributionStatus value
    sent_at: datetime | None
    created_at: datetime
    error: str = ""

    @property
    def when(self) -> datetime:
        """When it went out, or when it was queued if it has not gone out (yet)."""
        return self.sent_at or self.created_at


@dataclass(frozen=True)
class EnquiryMade:
    """A press enquiry this contact made."""

    enquiry_id: int
    received_at: datetime
    subject: str
    channel: str  # EnquiryChannel value
    request_type: str  # RequestType value
    status: str  # EnquiryStatus value
    priority: str  # Priority value
    deadline: datetime | None
    answered_at: datetime | None
    organisation: str = ""
    release_title: str = ""
    # What the person asked and was told (``ContactHistoryService.for_contacts`` fills them:
    # the access dossier holds them, the contact panel does not show them).
    details: str = ""
    response_notes: str = ""
    outcome: str = ""

    @property
    def when(self) -> datetime:
        """When the enquiry came in (the time line sorts on it)."""
        return self.received_at


@dataclass
class ContactHistory:
    """Both sides of a contact's story with the press office, each newest first."""

    contact_id: int
    releases: list[ReleaseReceived] = field(default_factory=list)
    enquiries: list[EnquiryMade] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        """Nothing sent to them, nothing asked by them."""
        return not self.releases and not self.enquiries

    def timeline(self) -> list[ReleaseReceived | EnquiryMade]:
        """Both kinds of event in one list, newest first (ties: enquiries before releases)."""
        events: list[ReleaseReceived | EnquiryMade] = [*self.enquiries, *self.releases]
        return sorted(events, key=lambda e: e.when, reverse=True)


class ContactHistoryService(ServiceBase):
    """Reads of what the press office sent to, and received from, its contacts."""

    def for_contact(self, contact_id: int, limit: int | None = None) -> ContactHistory:
        """The contact's releases received and enquiries made, each list newest first.

        ``limit`` caps each list (the window shows the most recent; an export takes all).
        A contact that does not exist simply has no history.
        """
        return ContactHistory(
            contact_id=contact_id,
            releases=self.releases_received(contact_id, limit),
            enquiries=self.enquiries_made(contact_id, limit),
        )

    def releases_received(self, contact_id: int, limit: int | None = None) -> list[ReleaseReceived]:
        """The releases sent (or queued) to the contact, by when they went out, newest first."""
        when = func.coalesce(Distribution.sent_at, Distribution.created_at)
        stmt = _RECEIVED.where(Distribution.contact_id == contact_id).order_by(
            desc(when), Distribution.id.desc()
        )
        if limit is not None:
            stmt = stmt.limit(limit)
        with self.db.session() as session:
            return [_received(row) for row in session.execute(stmt)]

    def enquiries_made(self, contact_id: int, limit: int | None = None) -> list[EnquiryMade]:
        """The enquiries the contact made, newest first."""
        stmt = _MADE.where(Enquiry.contact_id == contact_id).order_by(
            Enquiry.received_at.desc(), Enquiry.id.desc()
        )
        if limit is not None:
            stmt = stmt.limit(limit)
        with self.db.session() as session:
            return [_made(row) for row in session.execute(stmt)]

    def for_contacts(self, contact_ids: Iterable[int]) -> dict[int, ContactHistory]:
        """The whole history of many contacts at once, for exports and access dossiers: by
        contact id (a contact with no history is left out), releases in the order they went
        out, newest first, the ones never sent last; enquiries with what was asked and said."""
        ids = sorted(set(contact_ids))
        found: dict[int, ContactHistory] = {}

        def of(contact_id: int) -> ContactHistory:
            history = found.get(contact_id)
            if history is None:
                history = found[contact_id] = ContactHistory(contact_id)
            return history

        with self.db.session() as session:
            for start in range(0, len(ids), 500):
                chunk = ids[start : start + 500]
                for row in session.execute(
                    _RECEIVED.where(Distribution.contact_id.in_(chunk)).order_by(
                        Distribution.sent_at.desc(), Distribution.id.desc()
                    )
                ):
                    of(row.contact_id).releases.append(_received(row))
                for made in session.execute(
                    _MADE.where(Enquiry.contact_id.in_(chunk)).order_by(
                        Enquiry.received_at.desc(), Enquiry.id.desc()
                    )
                ):
                    of(made.contact_id).enquiries.append(_made(made))
        return found


_RECEIVED = select(
    Distribution.contact_id,
    Distribution.id,
    Distribution.release_id,
    Release.title,
    Release.reference,
    Release.release_date,
    Distribution.address,
    Distribution.channel,
    Distribution.status,
    Distribution.sent_at,
    Distribution.created_at,
    Distribution.error,
).join(Release, Release.id == Distribution.release_id)
_MADE = (
    select(
        Enquiry.contact_id,
        Enquiry.id,
        Enquiry.received_at,
        Enquiry.subject,
        Enquiry.channel,
        Enquiry.request_type,
        Enquiry.status,
        Enquiry.priority,
        Enquiry.deadline,
        Enquiry.answered_at,
        Organisation.name.label("organisation"),
        Release.title.label("release_title"),
        Enquiry.details,
        Enquiry.response_notes,
        Enquiry.outcome,
    )
    .outerjoin(Organisation, Organisation.id == Enquiry.organisation_id)
    .outerjoin(Release, Release.id == Enquiry.release_id)
)


def _received(row: Any) -> ReleaseReceived:
    return ReleaseReceived(
        distribution_id=row.id,
        release_id=row.release_id,
        title=row.title,
        reference=row.reference or "",
        release_date=row.release_date,
        address=row.address,
        channel=row.channel,
        status=row.status,
        sent_at=row.sent_at,
        created_at=row.created_at,
        error=row.error or "",
    )


def _made(row: Any) -> EnquiryMade:
    return EnquiryMade(
        enquiry_id=row.id,
        received_at=row.received_at,
        subject=row.subject,
        channel=row.channel,
        request_type=row.request_type,
        status=row.status,
        priority=row.priority,
        deadline=row.deadline,
        answered_at=row.answered_at,
        organisation=row.organisation or "",
        release_title=row.release_title or "",
        details=row.details,
        response_notes=row.response_notes,
        outcome=row.outcome,
    )
