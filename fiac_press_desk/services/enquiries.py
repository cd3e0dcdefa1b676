"""Press enquiries: capture, status workflow with a dated thread, urgency, filters, dashboard.

Every write is one transaction with one audit entry. Instants are stored in UTC; the
service's ``clock`` (a ``DeskClock``) says what "now", "today" and "overdue" mean in the
desk's time zone, and tests give it a fixed ``now``.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from dataclasses import fields as dataclass_fields
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import Select, case, delete, func, literal, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from fiac_press_desk.config import desk_timezone
from fiac_press_desk.domain.contact import ContactData
from fiac_press_desk.domain.enquiry import (
    OPEN_STATUSES,
    URGENCY_RANK,
    DeskClock,
    EnquiryInput,
    Urgency,
    as_utc,
    check_transition,
    is_open,
    validate_enquiry,
)
from fiac_press_desk.domain.enquiry_hints import EnquiryHints, sender_domain
from fiac_press_desk.domain.enquiry_hints import propose as propose_hints
from fiac_press_desk.domain.enums import (
    EnquiryChannel,
    EnquiryStatus,
    Priority,
    RequestType,
)
from fiac_press_desk.domain.errors import ConflictError, ValidationError
from fiac_press_desk.domain.gdpr import CollectedVia, Interaction
from fiac_press_desk.domain.normalize import email_key
from fiac_press_desk.domain.text import clean, fold
from fiac_press_desk.domain.validation import validate_contact
from fiac_press_desk.services.base import ServiceBase, get_or_404
from fiac_press_desk.services.edit_conflicts import expect_version, lock_for_edit
from fiac_press_desk.services.gdpr_register import mark_collected, record_interaction
from fiac_press_desk.services.gdpr_suppression import refuse_suppressed
from fiac_press_desk.storage.contact_record import Resolver, apply_data
from fiac_press_desk.storage.database import Database
from fiac_press_desk.storage.models import (
    Contact,
    ContactEmail,
    Distribution,
    Enquiry,
    EnquiryEvent,
    Organisation,
    Release,
)

EVENT_STATUS = "status"
EVENT_NOTE = "note"
OPEN_VALUES = tuple(s.value for s in OPEN_STATUSES)


# -- what the service hands out -----------------------------------------------------------------


@dataclass(frozen=True)
class EnquiryEventData:
    """One dated line of the thread: a status change (with its note) or a note alone."""

    id: int
    at: datetime
    kind: str  # "status" or "note"
    from_status: str
    to_status: str
    author: str
    text: str


@dataclass
class EnquiryRecord:
    """Everything about one enquiry, for the detail panel and the edit form."""

    id: int
    received_at: datetime
    channel: EnquiryChannel
    contact_id: int | None
    contact_name: str
    contact_email: str
    contact_phone: str
    organisation_id: int | None
    outlet: str
    subject: str
    request_type: RequestType
    details: str
    deadline: datetime | None
    priority: Priority
    assignee: str
    release_id: int | None
    release_title: str
    status: EnquiryStatus
    response_notes: str
    answered_at: datetime | None
    outcome: str
    source_message_id: str
    created_at: datetime
    updated_at: datetime
    events: list[EnquiryEventData] = field(default_factory=list)

    @property
    def time_to_answer(self) -> timedelta | None:
        """How long the answer took (None while unanswered)."""
        return self.answered_at - self.received_at if self.answered_at else None

    @property
    def is_open(self) -> bool:
        """Still waiting for the press office."""
        return is_open(self.status)

    def to_input(self) -> EnquiryInput:
        """The enquiry as the form edits it (what ``update`` takes back)."""
        return EnquiryInput(
            subject=self.subject,
            received_at=self.received_at,
            channel=self.channel,
            contact_id=self.contact_id,
            outlet=self.outlet,
            request_type=self.request_type,
            details=self.details,
            deadline=self.deadline,
            priority=self.priority,
            assignee=self.assignee,
            release_id=self.release_id,
            source_message_id=self.source_message_id,
        )


@dataclass
class EnquiryRow:
    """One line of the enquiries list, with its urgency judged at ``now``."""

    id: int
    received_at: datetime
    deadline: datetime | None
    contact_id: int | None
    contact_name: str
    outlet: str
    subject: str
    assignee: str
    status: EnquiryStatus
    priority: Priority
    request_type: RequestType
    channel: EnquiryChannel
    answered_at: datetime | None
    outcome: str
    release_title: str
    urgency: Urgency
    overdue: bool
    due_today: bool
    due_soon: bool

    @property
    def time_to_answer(self) -> timedelta | None:
        """How long the answer took (None while unanswered)."""
        return self.answered_at - self.received_at if self.answered_at else None

    @property
    def is_open(self) -> bool:
        """Still waiting for the press office."""
        return is_open(self.status)


@dataclass
class EnquiryFilter:
    """Which enquiries to list. Criteria add up (AND); dates are local calendar days."""

    open_only: bool = False
    overdue: bool = False
    due_today: bool = False
    due_within_hours: float | None = None
    statuses: list[EnquiryStatus] = field(default_factory=list)
    assignee: str | None = None  # "" = nobody assigned
    contact_id: int | None = None
    received_from: date | None = None  # inclusive
    received_to: date | None = None  # inclusive
    search: str = ""


@dataclass(frozen=True)
class DashboardCounts:
    """The enquiry figures the dashboard shows at a glance."""

    open: int
    new: int
    in_progress: int
    overdue: int
    due_today: int
    due_soon: int
    no_deadline: int
    answered_30_days: int
    median_hours_to_answer_30_days: float | None


@dataclass(frozen=True)
class ReleaseChoice:
    """A release an enquiry may be linked to (the form's list)."""

    id: int
    title: str
    release_date: date | None


# -- the service ----------------------------------------------------------------------------------


class EnquiryService(ServiceBase):
    """Press enquiries from arrival to answer: each change one transaction, its thread
    of status changes and notes kept; dates judged on the desk's clock."""

    def __init__(
        self, db: Database, actor: str | None = None, clock: DeskClock | None = None
    ) -> None:
        super().__init__(db, actor)
        self.clock = clock or DeskClock(desk_timezone())

    # -- writing ------------------------------------------------------------------------------

    def create(
        self,
        data: EnquiryInput,
        *,
        new_contact: ContactData | None = None,
        note: str = "",
        author: str = "",
    ) -> int:
        """Log an enquiry; ``new_contact`` (the journalist met for the first time) is created
        in the same transaction and becomes the enquiry's contact. ``note`` starts the thread."""
        now = self.clock.now()
        clean_data = validate_enquiry(data, now)
        contact_data = validate_contact(new_contact) if new_contact is not None else None
        with self.transaction() as session:
            return self._create_in(session, clean_data, contact_data, note, author)

    def create_many(self, items: Sequence[tuple[EnquiryInput, ContactData | None]]) -> list[int]:
        """Log several enquiries in one transaction (the review of several emails): each with
        its new journalist, if any; two messages from the same new address make one contact.
        Nothing is written if one is refused; the error's field starts with its place
        (``enquiries[2].subject``)."""
        now = self.clock.now()
        cleaned: list[tuple[EnquiryInput, ContactData | None]] = []
        for number, (data, new_contact) in enumerate(items):
            try:
                cleaned.append(
                    (
                        validate_enquiry(data, now),
                        validate_contact(new_contact) if new_contact is not None else None,
                    )
                )
            except ValidationError as exc:
                raise ValidationError(
                    f"enquiries[{number}].{exc.field}", exc.code, **exc.params
                ) from None
        ids: list[int] = []
        created: dict[str, int] = {}  # new contacts of this batch, by address
        with self.transaction() as session:
            for clean_data, contact_data in cleaned:
                key = email_key(contact_data.primary_email) if contact_data is not None else ""
                if key and key in created:
                    clean_data.contact_id, contact_data = created[key], None
                ids.append(self._create_in(session, clean_data, contact_data))
                if key and key not in created and clean_data.contact_id is not None:
                    created[key] = clean_data.contact_id  # set by _create_in
            self.audit(session, "create_many", "enquiry", None, ids=ids)
        return ids

    def _create_in(
        self,
        session: Session,
        clean_data: EnquiryInput,
        contact_data: ContactData | None,
        note: str = "",
        author: str = "",
    ) -> int:
        if clean_data.source_message_id:
            self._refuse_known_message(session, clean_data.source_message_id)
        resolver = Resolver(session)
        if contact_data is not None:
            refuse_suppressed(session, contact_data)  # an erased person stays erased
            contact = Contact()
            session.add(contact)
            apply_data(session, contact, contact_data, resolver)
            session.flush()
            clean_data.contact_id = contact.id
            captured = clean_data.channel is EnquiryChannel.EMAIL and bool(
                clean_data.source_message_id
            )
            mark_collected(
                session,
                [contact.id],
                CollectedVia.EMAIL_CAPTURE if captured else CollectedVia.ENQUIRY,
            )
            self.audit(
                session,
                "create",
                "contact",
                contact.id,
                name=contact_data.computed_display_name(),
                source="enquiry",
            )
        enquiry = Enquiry(status=EnquiryStatus.NEW.value)
        self._apply(session, enquiry, clean_data, resolver)
        session.add(enquiry)
        session.flush()
        assert clean_data.received_at is not None
        session.add(
            EnquiryEvent(
                enquiry_id=enquiry.id,
                at=clean_data.received_at,
                kind=EVENT_STATUS,
                from_status="",
                to_status=EnquiryStatus.NEW.value,
                author=clean(author) or self.actor,
                text=note.strip(),
            )
        )
        record_interaction(
            session, [clean_data.contact_id], Interaction.ENQUIRY, clean_data.received_at
        )
        self.audit(
            session,
            "create",
            "enquiry",
            enquiry.id,
            subject=clean_data.subject,
            contact_id=clean_data.contact_id,
            new_contact=contact_data is not None,
        )
        return enquiry.id

    def get_version(self, enquiry_id: int) -> int:
        """The enquiry's version (read it with ``get``, hand it back to ``update``)."""
        with self.db.session() as session:
            return get_or_404(session, Enquiry, enquiry_id).version

    def update(self, enquiry_id: int, data: EnquiryInput, *, version: int | None = None) -> None:
        """Change what was captured (not the status: that is ``change_status``). With the
        ``version`` the form read, a save over a colleague's newer one is refused
        (``edit_conflicts.StaleEditError``)."""
        clean_data = validate_enquiry(data, self.clock.now())
        proposed = {f.name: getattr(clean_data, f.name) for f in dataclass_fields(clean_data)}
        try:
            with self.transaction() as session:
                if version is not None:
                    lock_for_edit(session, Enquiry.__table__, enquiry_id)
                enquiry = get_or_404(session, Enquiry, enquiry_id)
                if clean_data.source_message_id != enquiry.source_message_id:
                    clean_data.source_message_id = enquiry.source_message_id  # not editable
                assert clean_data.received_at is not None
                if enquiry.answered_at is not None and enquiry.answered_at < clean_data.received_at:
                    raise ValidationError("received_at", "answer_before_receipt")
                before = _snapshot(enquiry)
                expect_version(
                    session, "enquiry", enquiry_id, enquiry.version, version, before, proposed
                )
                self._apply(session, enquiry, clean_data, Resolver(session))
                session.flush()
                after = _snapshot(enquiry)
                changed = sorted(k for k in before if k != "version" and before[k] != after[k])
                self.audit(session, "update", "enquiry", enquiry_id, changed=changed)
        except StaleDataError:  # a colleague committed between our read and our write
            with self.db.session() as session:
                enquiry = get_or_404(session, Enquiry, enquiry_id)
                expect_version(
                    session,
                    "enquiry",
                    enquiry_id,
                    enquiry.version,
                    -1,
                    _snapshot(enquiry),
                    proposed,
                )
            raise

    def change_status(
        self,
        enquiry_id: int,
        status: EnquiryStatus | str,
        *,
        note: str = "",
        author: str = "",
        outcome: str | None = None,
        at: datetime | None = None,
    ) -> None:
        """Move along the workflow; the change and its note are dated in the thread.

        Answering needs a response note (it becomes the enquiry's response); reopening a
        finished enquiry puts it back in progress and clears its answer time."""
        new = EnquiryStatus(status)
        when = as_utc(at, "at") if at else self.clock.now()
        with self.transaction() as session:
            enquiry = get_or_404(session, Enquiry, enquiry_id)
            old = EnquiryStatus(enquiry.status)
            check_transition(old, new, note)
            if new is EnquiryStatus.ANSWERED:
                if when < enquiry.received_at:
                    raise ValidationError("at", "answer_before_receipt")
                text = note.strip()
                enquiry.response_notes = (
                    f"{enquiry.response_notes}\n\n{text}" if enquiry.response_notes else text
                )
                enquiry.answered_at = when
                record_interaction(session, [enquiry.contact_id], Interaction.REPLY, when)
            elif new in OPEN_STATUSES and old not in OPEN_STATUSES:
                enquiry.answered_at = None  # reopened: the clock runs again
            if outcome is not None:
                enquiry.outcome = outcome.strip()
            enquiry.status = new.value
            session.add(
                EnquiryEvent(
                    enquiry_id=enquiry_id,
                    at=when,
                    kind=EVENT_STATUS,
                    from_status=old.value,
                    to_status=new.value,
                    author=clean(author) or self.actor,
                    text=note.strip(),
                )
            )
            self.audit(
                session,
                "reopen" if old not in OPEN_STATUSES and new in OPEN_STATUSES else "status",
                "enquiry",
                enquiry_id,
                old=old.value,
                new=new.value,
            )

    def reopen(
        self, enquiry_id: int, *, note: str = "", author: str = "", at: datetime | None = None
    ) -> None:
        """Back to "in progress" (an answered or closed enquiry that comes back)."""
        self.change_status(enquiry_id, EnquiryStatus.IN_PROGRESS, note=note, author=author, at=at)

    def add_note(
        self, enquiry_id: int, text: str, *, author: str = "", at: datetime | None = None
    ) -> int:
        """Add a dated note to the thread (what was said, by whom)."""
        body = text.strip()
        if not body:
            raise ValidationError("note", "required")
        when = as_utc(at, "at") if at else self.clock.now()
        with self.transaction() as session:
            get_or_404(session, Enquiry, enquiry_id)
            event = EnquiryEvent(
                enquiry_id=enquiry_id,
                at=when,
                kind=EVENT_NOTE,
                author=clean(author) or self.actor,
                text=body,
            )
            session.add(event)
            session.flush()
            self.audit(session, "note", "enquiry", enquiry_id, event_id=event.id)
            return event.id

    def delete(self, enquiry_id: int) -> None:
        """Remove an enquiry logged by mistake (its thread goes with it)."""
        with self.transaction() as session:
            enquiry = get_or_404(session, Enquiry, enquiry_id)
            subject = enquiry.subject
            session.execute(delete(EnquiryEvent).where(EnquiryEvent.enquiry_id == enquiry_id))
            session.delete(enquiry)
            self.audit(session, "delete", "enquiry", enquiry_id, subject=subject)

    # -- reading one --------------------------------------------------------------------------

    def get(self, enquiry_id: int) -> EnquiryRecord:
        """One enquiry with its contact, organisation and release named."""
        with self.db.session() as session:
            enquiry = get_or_404(session, Enquiry, enquiry_id)
            contact = session.get(Contact, enquiry.contact_id) if enquiry.contact_id else None
            org = (
                session.get(Organisation, enquiry.organisation_id)
                if enquiry.organisation_id
                else None
            )
            release = session.get(Release, enquiry.release_id) if enquiry.release_id else None
            events = session.scalars(
                select(EnquiryEvent)
                .where(EnquiryEvent.enquiry_id == enquiry_id)
                .order_by(EnquiryEvent.at, EnquiryEvent.id)
            )
            return EnquiryRecord(
                id=enquiry.id,
                received_at=enquiry.received_at,
                channel=EnquiryChannel(enquiry.channel),
                contact_id=enquiry.contact_id,
                contact_name=_contact_name(contact),
                contact_email=contact.emails[0].value if contact and contact.emails else "",
                contact_phone=contact.phones[0].value if contact and contact.phones else "",
                organisation_id=enquiry.organisation_id,
                outlet=org.name if org else "",
                subject=enquiry.subject,
                request_type=RequestType(enquiry.request_type),
                details=enquiry.details,
                deadline=enquiry.deadline,
                priority=Priority(enquiry.priority),
                assignee=enquiry.assignee,
                release_id=enquiry.release_id,
                release_title=release.title if release else "",
                status=EnquiryStatus(enquiry.status),
                response_notes=enquiry.response_notes,
                answered_at=enquiry.answered_at,
                outcome=enquiry.outcome,
                source_message_id=enquiry.source_message_id,
                created_at=enquiry.created_at,
                updated_at=enquiry.updated_at,
                events=[
                    EnquiryEventData(
                        e.id, e.at, e.kind, e.from_status, e.to_status, e.author, e.text
                    )
                    for e in events
                ],
            )

    def find_by_message_id(self, message_id: str) -> int | None:
        """The enquiry already made from this email (Message-ID), if any."""
        if not message_id.strip():
            return None
        with self.db.session() as session:
            return session.scalar(
                select(Enquiry.id).where(Enquiry.source_message_id == message_id.strip())
            )

    def find_contact_by_email(self, address: str) -> int | None:
        """The contact holding this address (the oldest one when several do)."""
        key = email_key(address)
        if not key:
            return None
        with self.db.session() as session:
            return session.scalar(
                select(ContactEmail.contact_id)
                .where(ContactEmail.value_key == key)
                .order_by(ContactEmail.contact_id)
                .limit(1)
            )

    def hints(self, sender_address: str, subject: str) -> EnquiryHints:
        """What an incoming message proposes (``domain.enquiry_hints``): the organisation
        whose contacts have addresses at the sender's domain (not a public one), the request
        type and priority the subject's words suggest."""
        domain = sender_domain(sender_address)
        found: list[tuple[str, int]] = []
        if domain:
            pattern = "%@" + domain.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            with self.db.session() as session:
                rows = session.execute(
                    select(Organisation.name, func.count(func.distinct(Contact.id)))
                    .join(Contact, Contact.organisation_id == Organisation.id)
                    .join(ContactEmail, ContactEmail.contact_id == Contact.id)
                    .where(ContactEmail.value_key.like(pattern, escape="\\"))
                    .group_by(Organisation.id)
                )
                found = [(str(name), int(count)) for name, count in rows]
        return propose_hints(subject, found)

    # -- reading many -------------------------------------------------------------------------

    def rows(
        self, flt: EnquiryFilter | None = None, now: datetime | None = None
    ) -> list[EnquiryRow]:
        """The enquiries matching ``flt``: open ones first, then by deadline (none last)."""
        flt = flt or EnquiryFilter()
        now = as_utc(now, "now") if now else self.clock.now()
        words = fold(flt.search).split()
        stmt = self._filtered(flt, now, with_texts=bool(words))
        with self.db.session() as session:
            raw = list(session.execute(stmt))
            emails = _first_emails(session, [r.contact_id for r in raw if r.contact_id])
        rows: list[EnquiryRow] = []
        today = self.clock.today(now)
        judge = self.clock.judge
        for r in raw:
            name = _row_contact_name(r) or emails.get(r.contact_id or 0, "")
            if words:
                haystack = fold(
                    " ".join(
                        (
                            r.subject,
                            r.details,
                            name,
                            r.outlet or "",
                            r.assignee,
                            emails.get(r.contact_id or 0, ""),
                            r.outcome,
                            r.response_notes,
                        )
                    )
                )
                if not all(w in haystack for w in words):
                    continue
            urgency, overdue, due_today, due_soon = judge(r.status, r.deadline, now, today)
            rows.append(
                EnquiryRow(
                    id=r.id,
                    received_at=r.received_at,
                    deadline=r.deadline,
                    contact_id=r.contact_id,
                    contact_name=name,
                    outlet=r.outlet or "",
                    subject=r.subject,
                    assignee=r.assignee,
                    status=_STATUSES[r.status],
                    priority=_PRIORITIES[r.priority],
                    request_type=_REQUEST_TYPES[r.request_type],
                    channel=_CHANNELS[r.channel],
                    answered_at=r.answered_at,
                    outcome=r.outcome,
                    release_title=r.release_title or "",
                    urgency=urgency,
                    overdue=overdue,
                    due_today=due_today,
                    due_soon=due_soon,
                )
            )
        return rows

    def count(self, flt: EnquiryFilter | None = None, now: datetime | None = None) -> int:
        """How many enquiries the filter keeps."""
        return len(self.rows(flt, now))

    def by_urgency(self, now: datetime | None = None, limit: int | None = None) -> list[EnquiryRow]:
        """Open enquiries, the most pressing first (overdue, due soon, today, later, none)."""
        rows = self.rows(EnquiryFilter(open_only=True), now)
        rows.sort(
            key=lambda r: (
                URGENCY_RANK[r.urgency],
                r.deadline.timestamp() if r.deadline else 0.0,
                -PRIORITY_RANK[r.priority],
                r.received_at.timestamp(),
            )
        )
        return rows[:limit] if limit is not None else rows

    def for_contact(self, contact_id: int) -> list[EnquiryRow]:
        """A contact's enquiries, newest first (the contact's history tab)."""
        rows = self.rows(EnquiryFilter(contact_id=contact_id))
        rows.sort(key=lambda r: r.received_at, reverse=True)
        return rows

    def dashboard(self, now: datetime | None = None) -> DashboardCounts:
        """The dashboard's figures at ``now`` (open, new, late, answered lately...)."""
        now = as_utc(now, "now") if now else self.clock.now()
        open_rows = self.rows(EnquiryFilter(open_only=True), now)
        since = now - timedelta(days=30)
        with self.db.session() as session:
            answered = list(
                session.execute(
                    select(Enquiry.received_at, Enquiry.answered_at).where(
                        Enquiry.answered_at.is_not(None), Enquiry.answered_at >= since
                    )
                )
            )
        durations = [(a - r).total_seconds() / 3600 for r, a in answered if a is not None]
        return DashboardCounts(
            open=len(open_rows),
            new=sum(r.status is EnquiryStatus.NEW for r in open_rows),
            in_progress=sum(r.status is EnquiryStatus.IN_PROGRESS for r in open_rows),
            overdue=sum(r.overdue for r in open_rows),
            due_today=sum(r.due_today for r in open_rows),
            due_soon=sum(r.due_soon for r in open_rows),
            no_deadline=sum(r.deadline is None for r in open_rows),
            answered_30_days=len(answered),
            median_hours_to_answer_30_days=(
                round(statistics.median(durations), 1) if durations else None
            ),
        )

    def assignees(self) -> list[str]:
        """Everyone an enquiry was ever assigned to, for completion (most used first)."""
        with self.db.session() as session:
            return list(
                session.scalars(
                    select(Enquiry.assignee)
                    .where(Enquiry.assignee != "")
                    .group_by(Enquiry.assignee)
                    .order_by(func.count().desc(), Enquiry.assignee)
                )
            )

    def release_choices(self, limit: int = 200) -> list[ReleaseChoice]:
        """Releases an enquiry may relate to, newest first."""
        with self.db.session() as session:
            return [
                ReleaseChoice(i, t, d)
                for i, t, d in session.execute(
                    select(Release.id, Release.title, Release.release_date)
                    .order_by(Release.release_date.is_(None), Release.release_date.desc())
                    .order_by(Release.id.desc())
                    .limit(limit)
                )
            ]

    def recipient_counts(self, release_ids: Iterable[int]) -> dict[int, int]:
        """Distinct contacts who received each release (sent or recorded)."""
        ids = list(release_ids)
        if not ids:
            return {}
        with self.db.session() as session:
            return {
                rid: int(n)
                for rid, n in session.execute(
                    select(
                        Distribution.release_id, func.count(func.distinct(Distribution.contact_id))
                    )
                    .where(
                        Distribution.release_id.in_(ids),
                        Distribution.status.in_(("sent", "recorded")),
                    )
                    .group_by(Distribution.release_id)
                )
            }

    # -- internals ----------------------------------------------------------------------------

    def _filtered(
        self, flt: EnquiryFilter, now: datetime, *, with_texts: bool = False
    ) -> Select[*tuple[Any, ...]]:
        """The filtered query; long texts (details, response) only when a search needs them."""
        texts: tuple[Any, ...] = (
            (Enquiry.details, Enquiry.response_notes)
            if with_texts
            else (literal("").label("details"), literal("").label("response_notes"))
        )
        stmt: Select[*tuple[Any, ...]] = (
            select(
                Enquiry.id,
                Enquiry.received_at,
                Enquiry.deadline,
                Enquiry.contact_id,
                Contact.display_name,
                Contact.given_name,
                Contact.family_name,
                Organisation.name.label("outlet"),
                Enquiry.subject,
                *texts,
                Enquiry.assignee,
                Enquiry.status,
                Enquiry.priority,
                Enquiry.request_type,
                Enquiry.channel,
                Enquiry.answered_at,
                Enquiry.outcome,
                Release.title.label("release_title"),
            )
            .outerjoin(Contact, Contact.id == Enquiry.contact_id)
            .outerjoin(Organisation, Organisation.id == Enquiry.organisation_id)
            .outerjoin(Release, Release.id == Enquiry.release_id)
        )
        if flt.open_only or flt.overdue or flt.due_today or flt.due_within_hours is not None:
            stmt = stmt.where(Enquiry.status.in_(OPEN_VALUES))
        if flt.overdue:
            stmt = stmt.where(Enquiry.deadline.is_not(None), Enquiry.deadline < now)
        if flt.due_today:
            _, end = self.clock.day_bounds(self.clock.today(now))
            stmt = stmt.where(Enquiry.deadline >= now, Enquiry.deadline < end)
        if flt.due_within_hours is not None:
            stmt = stmt.where(
                Enquiry.deadline >= now,
                Enquiry.deadline <= now + timedelta(hours=flt.due_within_hours),
            )
        if flt.statuses:
            stmt = stmt.where(Enquiry.status.in_([EnquiryStatus(s).value for s in flt.statuses]))
        if flt.assignee is not None:
            stmt = stmt.where(Enquiry.assignee == clean(flt.assignee))
        if flt.contact_id is not None:
            stmt = stmt.where(Enquiry.contact_id == flt.contact_id)
        if flt.received_from is not None:
            start, _ = self.clock.day_bounds(flt.received_from)
            stmt = stmt.where(Enquiry.received_at >= start)
        if flt.received_to is not None:
            _, end = self.clock.day_bounds(flt.received_to)
            stmt = stmt.where(Enquiry.received_at < end)
        return stmt.order_by(
            case((Enquiry.status.in_(OPEN_VALUES), 0), else_=1),
            Enquiry.deadline.is_(None),
            Enquiry.deadline,
            Enquiry.received_at.desc(),
            Enquiry.id,
        )

    @staticmethod
    def _apply(session: Session, enquiry: Enquiry, data: EnquiryInput, resolver: Resolver) -> None:
        contact = None
        if data.contact_id is not None:
            contact = get_or_404(session, Contact, data.contact_id)
        if data.release_id is not None:
            get_or_404(session, Release, data.release_id)
        org = resolver.organisation(data.outlet) if data.outlet else None
        if org is None and contact is not None:
            org = contact.organisation
        if org is not None and org.id is None:
            session.flush()
        enquiry.received_at = data.received_at  # type: ignore[assignment]
        enquiry.channel = data.channel.value
        enquiry.contact_id = data.contact_id
        enquiry.organisation_id = org.id if org is not None else None
        enquiry.subject = data.subject
        enquiry.request_type = data.request_type.value
        enquiry.details = data.details
        enquiry.deadline = data.deadline
        enquiry.priority = data.priority.value
        enquiry.assignee = data.assignee
        enquiry.release_id = data.release_id
        enquiry.source_message_id = data.source_message_id

    @staticmethod
    def _refuse_known_message(session: Session, message_id: str) -> None:
        found = session.scalar(select(Enquiry.id).where(Enquiry.source_message_id == message_id))
        if found is not None:
            raise ConflictError("source_message_id", "already_imported", id=found)


PRIORITY_RANK = {p: i for i, p in enumerate(Priority)}
_STATUSES = {s.value: s for s in EnquiryStatus}
_PRIORITIES = {p.value: p for p in Priority}
_REQUEST_TYPES = {t.value: t for t in RequestType}
_CHANNELS = {c.value: c for c in EnquiryChannel}


def _contact_name(contact: Contact | None) -> str:
    if contact is None:
        return ""
    name = contact.display_name or " ".join(
        p for p in (contact.given_name, contact.family_name) if p
    )
    if name:
        return name
    if contact.organisation is not None:
        return contact.organisation.name
    return contact.emails[0].value if contact.emails else ""


def _row_contact_name(row: Any) -> str:
    if row.contact_id is None:
        return ""
    return row.display_name or " ".join(p for p in (row.given_name, row.family_name) if p)


def _first_emails(session: Session, contact_ids: list[int]) -> dict[int, str]:
    out: dict[int, str] = {}
    ids = sorted(set(contact_ids))
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        for cid, value in session.execute(
            select(ContactEmail.contact_id, ContactEmail.value)
            .where(ContactEmail.contact_id.in_(chunk))
            .order_by(ContactEmail.contact_id, ContactEmail.position.desc())
        ):
            out[cid] = value  # position 0 comes last and wins
    return out


def _snapshot(enquiry: Enquiry) -> dict[str, Any]:
    return {
        c.name: getattr(enquiry, c.name)
        for c in Enquiry.__table__.columns
        if c.name not in ("updated_at", "created_at", "version")
    }
