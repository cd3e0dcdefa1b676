"""The figures of a period's press report, computed from plain facts (no database).

The service (``services/press_report.py``) reads the facts of a period; everything the
report says is computed here, so each figure is tested against values worked out by hand.

Definitions (the report's notes print them):

- a release counts in the period when it was first delivered (sent, or recorded as given)
  in it; its recipients are the distinct people (or addresses, once a person was erased) it
  was delivered to;
- an enquiry counts when it was received in the period; answered when it has an answer time;
  on time when answered no later than its deadline (those without a deadline are not judged);
  the median time to answer is over the answered ones, in hours;
- coverage counts by publication date; the most active outlets rank by coverage items plus
  enquiries in the period, then coverage alone, then name.
"""

from __future__ import annotations

import calendar
import statistics
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

TOP_OUTLETS = 10
NO_RELEASE = ""  # the key of coverage that no release led to
NO_KIND = ""  # the key of coverage whose outlet has no type (or no outlet)


@dataclass(frozen=True)
class Period:
    """Local calendar days from ``start`` to ``end``, both included."""

    start: date
    end: date

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError("period ends before it starts")

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.start <= day <= self.end

    @classmethod
    def month(cls, year: int, month: int) -> Period:
        """That calendar month."""
        return cls(date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1]))

    @classmethod
    def quarter(cls, year: int, quarter: int) -> Period:
        """That quarter (1: January to March)."""
        if not 1 <= quarter <= 4:
            raise ValueError("quarter is 1 to 4")
        first = 3 * quarter - 2
        return cls(date(year, first, 1), cls.month(year, first + 2).end)

    @classmethod
    def year(cls, year: int) -> Period:
        """That calendar year."""
        return cls(date(year, 1, 1), date(year, 12, 31))

    def months(self) -> list[tuple[int, int]]:
        """Each (year, month) the period touches, in order."""
        out = []
        y, m = self.start.year, self.start.month
        while (y, m) <= (self.end.year, self.end.month):
            out.append((y, m))
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
        return out


@dataclass(frozen=True)
class DeliveryFact:
    """One delivered ledger line: this release reached this person (or address) that day."""

    release_id: int
    release_title: str
    recipient: str  # "c:<contact id>", or "a:<address>" once detached
    delivered_on: date


@dataclass(frozen=True)
class EnquiryFact:
    """One enquiry as the report counts it (instants in UTC, the day local)."""

    id: int
    received_on: date
    received_at: datetime
    answered_at: datetime | None
    deadline: datetime | None
    declined: bool
    outlet: str


@dataclass(frozen=True)
class CoverageFact:
    """One coverage item as the report counts it."""

    id: int
    published_on: date
    outlet: str
    outlet_kind: str  # OrganisationType value, "" when unknown
    medium: str  # Medium value
    tone: str  # Tone value
    audience: int | None
    release_id: int | None
    release_title: str


@dataclass(frozen=True)
class ReleaseLine:
    """One release of the period: its recipients and what it led to in the period."""

    release_id: int
    title: str
    first_sent: date
    recipients: int
    enquiries: int
    coverage: int


@dataclass(frozen=True)
class OutletLine:
    """One outlet's activity in the period."""

    outlet: str
    coverage: int
    enquiries: int
    audience: int

    @property
    def activity(self) -> int:
        """What ranks the outlets: coverage items plus enquiries."""
        return self.coverage + self.enquiries


@dataclass
class PressReport:
    """Every figure of the report for one period."""

    period: Period
    releases: list[ReleaseLine] = field(default_factory=list)
    recipients: int = 0  # sum over the releases of their distinct recipients
    people_reached: int = 0  # distinct recipients over all releases
    enquiries_received: int = 0
    enquiries_answered: int = 0
    enquiries_declined: int = 0
    enquiries_with_deadline_answered: int = 0
    enquiries_on_time: int = 0
    median_hours_to_answer: float | None = None
    coverage_total: int = 0
    audience_total: int = 0
    by_kind: list[tuple[str, int]] = field(default_factory=list)  # most first
    by_medium: list[tuple[str, int]] = field(default_factory=list)
    by_tone: list[tuple[str, int]] = field(default_factory=list)
    by_release: list[tuple[str, int]] = field(default_factory=list)  # title ("" = none)
    by_month: list[tuple[tuple[int, int], int]] = field(default_factory=list)  # coverage
    top_outlets: list[OutletLine] = field(default_factory=list)

    @property
    def on_time_rate(self) -> float | None:
        """Share of the answered enquiries that had a deadline and met it."""
        if not self.enquiries_with_deadline_answered:
            return None
        return self.enquiries_on_time / self.enquiries_with_deadline_answered

    @property
    def releases_sent(self) -> int:
        """How many releases went out (first delivered) in the period."""
        return len(self.releases)


def compute(
    period: Period,
    deliveries: Iterable[DeliveryFact],
    enquiries: Iterable[EnquiryFact],
    coverage: Iterable[CoverageFact],
    enquiry_release: dict[int, int] | None = None,
) -> PressReport:
    """The report of ``period`` from facts that may reach beyond it (filtered here)."""
    report = PressReport(period)
    enquiry_release = enquiry_release or {}
    _releases(report, list(deliveries), enquiry_release)
    received = [e for e in enquiries if e.received_on in period]
    _enquiries(report, received)
    items = [c for c in coverage if c.published_on in period]
    _coverage(report, items)
    _outlets(report, items, received)
    # Enquiries and coverage per release line (in the period).
    per_enquiry = Counter(enquiry_release.get(e.id) for e in received)
    per_item = Counter(c.release_id for c in items)
    report.releases = [
        ReleaseLine(
            r.release_id,
            r.title,
            r.first_sent,
            r.recipients,
            per_enquiry[r.release_id],
            per_item[r.release_id],
        )
        for r in report.releases
    ]
    return report


def _releases(
    report: PressReport, deliveries: list[DeliveryFact], enquiry_release: dict[int, int]
) -> None:
    first: dict[int, date] = {}
    titles: dict[int, str] = {}
    for d in deliveries:
        titles[d.release_id] = d.release_title
        if d.release_id not in first or d.delivered_on < first[d.release_id]:
            first[d.release_id] = d.delivered_on
    counted = {rid for rid, day in first.items() if day in report.period}
    people: dict[int, set[str]] = {rid: set() for rid in counted}
    for d in deliveries:
        if d.release_id in counted and d.delivered_on <= report.period.end:
            people[d.release_id].add(d.recipient)
    report.releases = sorted(
        (ReleaseLine(rid, titles[rid], first[rid], len(people[rid]), 0, 0) for rid in counted),
        key=lambda r: (r.first_sent, r.release_id),
    )
    report.recipients = sum(len(p) for p in people.values())
    report.people_reached = len(set().union(*people.values())) if people else 0


def _enquiries(report: PressReport, received: Sequence[EnquiryFact]) -> None:
    report.enquiries_received = len(received)
    answered = [e for e in received if e.answered_at is not None]
    report.enquiries_answered = len(answered)
    report.enquiries_declined = sum(1 for e in received if e.declined)
    judged = [e for e in answered if e.deadline is not None]
    report.enquiries_with_deadline_answered = len(judged)
    report.enquiries_on_time = sum(
        1
        for e in judged
        if e.answered_at is not None and e.deadline is not None and e.answered_at <= e.deadline
    )
    waits = [_hours(e.answered_at - e.received_at) for e in answered if e.answered_at]
    report.median_hours_to_answer = round(statistics.median(waits), 2) if waits else None


def _hours(delta: timedelta) -> float:
    return delta.total_seconds() / 3600


def _ranked(counter: Counter[str]) -> list[tuple[str, int]]:
    return sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))


def _coverage(report: PressReport, items: Sequence[CoverageFact]) -> None:
    report.coverage_total = len(items)
    report.audience_total = sum(c.audience or 0 for c in items)
    report.by_kind = _ranked(Counter(c.outlet_kind or NO_KIND for c in items))
    report.by_medium = _ranked(Counter(c.medium for c in items))
    report.by_tone = _ranked(Counter(c.tone for c in items))
    report.by_release = _ranked(
        Counter(c.release_title if c.release_id is not None else NO_RELEASE for c in items)
    )
    months = Counter((c.published_on.year, c.published_on.month) for c in items)
    report.by_month = [(m, months[m]) for m in report.period.months()]


def _outlets(
    report: PressReport, items: Sequence[CoverageFact], received: Sequence[EnquiryFact]
) -> None:
    coverage = Counter(c.outlet for c in items if c.outlet)
    audience: Counter[str] = Counter()
    for c in items:
        if c.outlet:
            audience[c.outlet] += c.audience or 0
    asked = Counter(e.outlet for e in received if e.outlet)
    lines = [
        OutletLine(name, coverage[name], asked[name], audience[name])
        for name in set(coverage) | set(asked)
    ]
    lines.sort(key=lambda o: (-o.activity, -o.coverage, o.outlet))
    report.top_outlets = lines[:TOP_OUTLETS]
