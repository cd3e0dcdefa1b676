"""Press enquiries (demandes presse): the workflow rules and the clock they are judged by.

The database stores every instant in UTC; the press officer thinks in local days ("due
today", "overdue since yesterday evening"). ``DeskClock`` is the one place that turns one into
the other, with an injectable ``now`` so that the rules can be tested around midnight and
daylight-saving changes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from typing import TypeVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from fiac_press_desk.domain.enums import (
    EnquiryChannel,
    EnquiryStatus,
    Priority,
    RequestType,
)
from fiac_press_desk.domain.errors import ValidationError
from fiac_press_desk.domain.messages import current_language
from fiac_press_desk.domain.text import clean

_E = TypeVar("_E", bound=StrEnum)
DEFAULT_TIMEZONE = "Europe/Paris"
DEFAULT_SOON_HOURS = 4.0
MAX_SUBJECT = 500
MAX_TEXT = 100_000

OPEN_STATUSES = frozenset({EnquiryStatus.NEW, EnquiryStatus.IN_PROGRESS})

# Which status may follow which. "new" may go straight to answered or declined (a question
# answered during the call itself); any finished enquiry may be reopened (back in progress).
TRANSITIONS: dict[EnquiryStatus, frozenset[EnquiryStatus]] = {
    EnquiryStatus.NEW: frozenset(
        {EnquiryStatus.IN_PROGRESS, EnquiryStatus.ANSWERED, EnquiryStatus.DECLINED}
    ),
    EnquiryStatus.IN_PROGRESS: frozenset({EnquiryStatus.ANSWERED, EnquiryStatus.DECLINED}),
    EnquiryStatus.ANSWERED: frozenset({EnquiryStatus.CLOSED, EnquiryStatus.IN_PROGRESS}),
    EnquiryStatus.DECLINED: frozenset({EnquiryStatus.CLOSED, EnquiryStatus.IN_PROGRESS}),
    EnquiryStatus.CLOSED: frozenset({EnquiryStatus.IN_PROGRESS}),
}


def allowed_next(status: EnquiryStatus) -> frozenset[EnquiryStatus]:
    """The statuses an enquiry may move to from ``status`` (what the window offers)."""
    return TRANSITIONS[status]


_OPEN_VALUES = frozenset(s.value for s in OPEN_STATUSES)


def is_open(status: EnquiryStatus | str) -> bool:
    """Whether an enquiry in ``status`` still waits for the press office."""
    return str(status) in _OPEN_VALUES


def check_transition(old: EnquiryStatus, new: EnquiryStatus, note: str) -> None:
    """Raise ValidationError when ``old -> new`` is not allowed, or answers without a note."""
    if new not in TRANSITIONS[old]:
        language = current_language()
        raise ValidationError(
            "status", "bad_transition", old=label(old, language), new=label(new, language)
        )
    if new is EnquiryStatus.ANSWERED and not note.strip():
        raise ValidationError("note", "answer_needs_note")


class Urgency(StrEnum):
    """How pressing an enquiry is, most pressing first (the order the dashboard shows)."""

    OVERDUE = "overdue"
    DUE_SOON = "due_soon"  # within the next few hours (DeskClock.soon_hours)
    DUE_TODAY = "due_today"  # later today, local time
    LATER = "later"
    NO_DEADLINE = "no_deadline"
    DONE = "done"  # answered, declined or closed


URGENCY_RANK = {u: i for i, u in enumerate(Urgency)}


def timezone_from(name: str | None = None) -> ZoneInfo:
    """The zone ``name`` names, else Europe/Paris (``config.desk_timezone`` passes the one
    the environment sets)."""
    wanted = name or DEFAULT_TIMEZONE
    try:
        return ZoneInfo(wanted)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo(DEFAULT_TIMEZONE)


def _utcnow() -> datetime:
    return datetime.now(UTC)


def as_utc(value: datetime, field_name: str = "datetime") -> datetime:
    """``value`` in UTC; a naive datetime is refused, as its zone would be a guess."""
    if value.tzinfo is None:
        raise ValueError(f"{field_name}: naive datetime (give an aware one)")
    return value.astimezone(UTC)


@dataclass
class DeskClock:
    """Local days and urgency for instants stored in UTC."""

    timezone: ZoneInfo = field(default_factory=timezone_from)
    soon_hours: float = DEFAULT_SOON_HOURS
    now_fn: Callable[[], datetime] = _utcnow

    def now(self) -> datetime:
        """Now, in UTC."""
        return as_utc(self.now_fn(), "now")

    def local(self, value: datetime) -> datetime:
        """``value`` on the desk's wall clock."""
        return as_utc(value).astimezone(self.timezone)

    def today(self, now: datetime | None = None) -> date:
        """The desk's local date at ``now``."""
        return self.local(now or self.now()).date()

    def to_utc(self, day: date, at: time) -> datetime:
        """A local wall-clock time on ``day`` as UTC (the earlier one when the hour repeats)."""
        return datetime.combine(day, at, tzinfo=self.timezone).astimezone(UTC)

    def day_bounds(self, day: date) -> tuple[datetime, datetime]:
        """UTC instants of local midnight on ``day`` and on the next day (23 to 25 h apart)."""
        return self.to_utc(day, time(0)), self.to_utc(day + timedelta(days=1), time(0))

    def soon_limit(self, now: datetime) -> datetime:
        """Until when a deadline counts as "soon" at ``now``."""
        return now + timedelta(hours=self.soon_hours)

    def is_overdue(self, status: str, deadline: datetime | None, now: datetime) -> bool:
        """An open enquiry whose deadline has passed."""
        return deadline is not None and is_open(status) and deadline < now

    def is_due_today(self, status: str, deadline: datetime | None, now: datetime) -> bool:
        """An open enquiry due later today, local time."""
        return (
            deadline is not None
            and is_open(status)
            and deadline >= now
            and self.local(deadline).date() == self.today(now)
        )

    def is_due_soon(self, status: str, deadline: datetime | None, now: datetime) -> bool:
        """An open enquiry due within ``soon_hours``."""
        return deadline is not None and is_open(status) and now <= deadline <= self.soon_limit(now)

    def judge(
        self, status: str, deadline: datetime | None, now: datetime, today: date | None = None
    ) -> tuple[Urgency, bool, bool, bool]:
        """(urgency, overdue, due today, due soon) at once: what a list row needs, computed
        with one time-zone conversion (``today``: the local day of ``now``, if known)."""
        if not is_open(status):
            return Urgency.DONE, False, False, False
        if deadline is None:
            return Urgency.NO_DEADLINE, False, False, False
        if deadline < now:
            return Urgency.OVERDUE, True, False, False
        soon = deadline <= self.soon_limit(now)
        today = today or self.today(now)
        is_today = self.local(deadline).date() == today
        if soon:
            return Urgency.DUE_SOON, False, is_today, True
        return (Urgency.DUE_TODAY if is_today else Urgency.LATER), False, is_today, False

    def urgency(self, status: str, deadline: datetime | None, now: datetime) -> Urgency:
        """How pressing the enquiry is at ``now`` (the most pressing that applies)."""
        if not is_open(status):
            return Urgency.DONE
        if deadline is None:
            return Urgency.NO_DEADLINE
        if deadline < now:
            return Urgency.OVERDUE
        if deadline <= self.soon_limit(now):
            return Urgency.DUE_SOON
        if self.local(deadline).date() == self.today(now):
            return Urgency.DUE_TODAY
        return Urgency.LATER


@dataclass
class EnquiryInput:
    """What the press officer types (or an email gives) for one enquiry."""

    subject: str
    received_at: datetime | None = None  # aware; None means now
    channel: EnquiryChannel = EnquiryChannel.PHONE
    contact_id: int | None = None
    outlet: str = ""  # organisation name, found or created; "" = the contact's own
    request_type: RequestType = RequestType.INFORMATION
    details: str = ""
    deadline: datetime | None = None  # aware
    priority: Priority = Priority.NORMAL
    assignee: str = ""
    release_id: int | None = None
    source_message_id: str = ""


def validate_enquiry(data: EnquiryInput, now: datetime) -> EnquiryInput:
    """A cleaned copy of ``data`` (UTC instants, known values) or ValidationError."""
    subject = clean(data.subject.replace("\n", " "))
    if not subject:
        raise ValidationError("subject", "required")
    if len(subject) > MAX_SUBJECT:
        raise ValidationError("subject", "too_long", length=len(subject), limit=MAX_SUBJECT)
    details = data.details.strip()
    if len(details) > MAX_TEXT:
        raise ValidationError("details", "too_long", length=len(details), limit=MAX_TEXT)
    received = as_utc(data.received_at, "received_at") if data.received_at else now
    deadline = as_utc(data.deadline, "deadline") if data.deadline else None
    if deadline is not None and deadline < received:
        raise ValidationError("deadline", "deadline_before_receipt")
    return EnquiryInput(
        subject=subject,
        received_at=received.replace(microsecond=0),
        channel=_choice(EnquiryChannel, data.channel, "channel"),
        contact_id=data.contact_id,
        outlet=_short(data.outlet, "outlet"),
        request_type=_choice(RequestType, data.request_type, "request_type"),
        details=details,
        deadline=deadline.replace(microsecond=0) if deadline else None,
        priority=_choice(Priority, data.priority, "priority"),
        assignee=_short(data.assignee, "assignee"),
        release_id=data.release_id,
        source_message_id=data.source_message_id.strip()[:255],
    )


def _short(value: str, field_name: str) -> str:
    text = clean(value)
    if len(text) > 255:
        raise ValidationError(field_name, "too_long", length=len(text), limit=255)
    return text


def _choice(enum_type: type[_E], value: object, field_name: str) -> _E:
    try:
        return enum_type(str(value))
    except ValueError:
        raise ValidationError(field_name, "bad_choice", value=value) from None


def hours(delta: timedelta | None) -> float | None:
    """A duration in hours, for reports (time to answer)."""
    return None if delta is None else round(delta.total_seconds() / 3600, 2)


# Labels for the Qt-free outputs (spreadsheet export, messages, command line). The window
# has its own, translated through Qt Linguist (ui/labels.py).
LABELS: dict[str, dict[str, str]] = {
    "fr": {
        "new": "Nouvelle",
        "in_progress": "En cours",
        "answered": "Répondue",
        "declined": "Déclinée",
        "closed": "Close",
        "phone": "Téléphone",
        "email": "Courriel",
        "social": "Réseau social",
        "in_person": "En personne",
        "web_form": "Formulaire web",
        "interview": "Interview",
        "information": "Information",
        "figures": "Chiffres, données",
        "visuals": "Visuels",
        "invitation": "Invitation",
        "fact_check": "Vérification",
        "other": "Autre",
        "low": "Basse",
        "normal": "Normale",
        "high": "Haute",
        "urgent": "Urgente",
    },
    "en": {
        "new": "New",
        "in_progress": "In progress",
        "answered": "Answered",
        "declined": "Declined",
        "closed": "Closed",
        "phone": "Phone",
        "email": "Email",
        "social": "Social network",
        "in_person": "In person",
        "web_form": "Web form",
        "interview": "Interview",
        "information": "Information",
        "figures": "Figures, data",
        "visuals": "Visuals",
        "invitation": "Invitation",
        "fact_check": "Fact-check",
        "other": "Other",
        "low": "Low",
        "normal": "Normal",
        "high": "High",
        "urgent": "Urgent",
    },
}


def label(value: str, language: str = "fr") -> str:
    """Readable name of a stored enquiry value (status, channel, request type, priority)."""
    table = LABELS["en" if language.startswith("en") else "fr"]
    return table.get(str(value), str(value))
