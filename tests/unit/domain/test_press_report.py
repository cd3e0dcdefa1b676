"""Every figure of the press report against values worked out by hand on one fixture (the
comments give the arithmetic)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from fiac_press_desk.domain.press_report import (
    CoverageFact,
    DeliveryFact,
    EnquiryFact,
    Period,
    PressReport,
    compute,
)

MARCH = Period.month(2026, 3)


def at(month: int, day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=UTC)


DELIVERIES = [
    # R1, first sent 2 March: contact 1 at two addresses (one person), contact 2, and a line
    # detached by an erasure (its address key) -> 3 recipients.
    DeliveryFact(1, "Essai clinique", "c:1", date(2026, 3, 2)),
    DeliveryFact(1, "Essai clinique", "c:1", date(2026, 3, 2)),
    DeliveryFact(1, "Essai clinique", "c:2", date(2026, 3, 2)),
    DeliveryFact(1, "Essai clinique", "a:", date(2026, 3, 3)),
    # R2, first sent in February: not a March release, even with a line in March.
    DeliveryFact(2, "Congrès", "c:1", date(2026, 2, 27)),
    DeliveryFact(2, "Congrès", "c:3", date(2026, 3, 1)),
    # R3, first sent 31 March; its April line is after the period -> 1 recipient.
    DeliveryFact(3, "Nomination", "c:2", date(2026, 3, 31)),
    DeliveryFact(3, "Nomination", "c:4", date(2026, 4, 1)),
]
ENQUIRIES = [
    # answered in 4 h, before its 18:00 deadline -> on time
    EnquiryFact(
        1, date(2026, 3, 2), at(3, 2, 10), at(3, 2, 14), at(3, 2, 18), False, "Le Quotidien"
    ),
    # answered in 24 h, after its deadline -> late
    EnquiryFact(2, date(2026, 3, 5), at(3, 5, 9), at(3, 6, 9), at(3, 5, 17), False, "Radio Ville"),
    # answered in 1.5 h, no deadline -> not judged
    EnquiryFact(3, date(2026, 3, 10), at(3, 10, 8), at(3, 10, 9, 30), None, False, "Le Quotidien"),
    EnquiryFact(4, date(2026, 3, 20), at(3, 20, 8), None, None, True, ""),  # declined
    EnquiryFact(5, date(2026, 2, 28), at(2, 28, 8), at(2, 28, 9), None, False, "Radio Ville"),
    EnquiryFact(6, date(2026, 3, 31), at(3, 31, 21), None, at(4, 2, 12), False, "Hebdo Sud"),
]
ENQUIRY_RELEASE = {1: 1, 3: 1, 5: 2}
COVERAGE = [
    CoverageFact(
        1,
        date(2026, 3, 3),
        "Le Quotidien",
        "daily_press",
        "print",
        "positive",
        100_000,
        1,
        "Essai clinique",
    ),
    CoverageFact(
        2,
        date(2026, 3, 4),
        "Le Quotidien",
        "daily_press",
        "web",
        "neutral",
        None,
        1,
        "Essai clinique",
    ),
    CoverageFact(
        3, date(2026, 3, 12), "Radio Ville", "radio", "radio", "positive", 50_000, None, ""
    ),
    CoverageFact(
        4, date(2026, 3, 15), "Blog Santé", "web", "web", "negative", 2_000, 3, "Nomination"
    ),
    CoverageFact(5, date(2026, 3, 16), "", "", "social", "neutral", None, None, ""),
    CoverageFact(
        6, date(2026, 4, 2), "Radio Ville", "radio", "radio", "neutral", 9, 3, "Nomination"
    ),
]


@pytest.fixture
def report() -> PressReport:
    return compute(MARCH, DELIVERIES, ENQUIRIES, COVERAGE, ENQUIRY_RELEASE)


def test_releases_and_recipients(report: PressReport) -> None:
    assert [(r.release_id, r.first_sent, r.recipients) for r in report.releases] == [
        (1, date(2026, 3, 2), 3),
        (3, date(2026, 3, 31), 1),
    ]
    assert report.releases_sent == 2
    assert report.recipients == 4  # 3 + 1
    assert report.people_reached == 3  # c:1, c:2, the detached line (c:2 counted once)
    # What each release led to in March: R1 two enquiries (1, 3) and two items (1, 2).
    assert [(r.enquiries, r.coverage) for r in report.releases] == [(2, 2), (0, 1)]


def test_enquiries(report: PressReport) -> None:
    assert report.enquiries_received == 5  # 1, 2, 3, 4, 6 (5 is February's)
    assert report.enquiries_answered == 3  # 1, 2, 3
    assert report.enquiries_declined == 1
    assert report.enquiries_with_deadline_answered == 2  # 1, 2
    assert report.enquiries_on_time == 1  # 1
    assert report.on_time_rate == 0.5
    assert report.median_hours_to_answer == 4.0  # median of 4, 24, 1.5


def test_coverage_breakdowns(report: PressReport) -> None:
    assert report.coverage_total == 5  # item 6 is April's
    assert report.audience_total == 152_000  # 100 000 + 50 000 + 2 000
    assert report.by_kind == [("daily_press", 2), ("", 1), ("radio", 1), ("web", 1)]
    assert report.by_medium == [("web", 2), ("print", 1), ("radio", 1), ("social", 1)]
    assert report.by_tone == [("neutral", 2), ("positive", 2), ("negative", 1)]
    assert report.by_release == [("", 2), ("Essai clinique", 2), ("Nomination", 1)]
    assert report.by_month == [((2026, 3), 5)]


def test_most_active_outlets(report: PressReport) -> None:
    assert [(o.outlet, o.coverage, o.enquiries, o.audience) for o in report.top_outlets] == [
        ("Le Quotidien", 2, 2, 100_000),  # 4
        ("Radio Ville", 1, 1, 50_000),  # 2 (its February enquiry is outside)
        ("Blog Santé", 1, 0, 2_000),  # 1, more coverage than Hebdo Sud
        ("Hebdo Sud", 0, 1, 0),  # 1
    ]


def test_only_ten_outlets_ranked_then_by_name() -> None:
    items = [
        CoverageFact(i, date(2026, 3, 1), f"Média {i:02d}", "web", "web", "neutral", None, None, "")
        for i in range(12)
        for _ in range(1 + (i == 11))
    ]
    report = compute(MARCH, [], [], items)
    names = [o.outlet for o in report.top_outlets]
    assert len(names) == 10 and names[0] == "Média 11"  # two items
    assert names[1:] == [f"Média {i:02d}" for i in range(9)]


def test_an_empty_period_has_no_figures() -> None:
    report = compute(Period.year(2025), DELIVERIES, ENQUIRIES, COVERAGE)
    assert (report.releases_sent, report.enquiries_received, report.coverage_total) == (0, 0, 0)
    assert report.median_hours_to_answer is None and report.on_time_rate is None
    assert len(report.by_month) == 12 and not any(n for _, n in report.by_month)


def test_periods() -> None:
    assert Period.month(2024, 2) == Period(date(2024, 2, 1), date(2024, 2, 29))
    assert Period.quarter(2026, 4) == Period(date(2026, 10, 1), date(2026, 12, 31))
    assert Period.year(2026).months()[0] == (2026, 1) and len(Period.year(2026).months()) == 12
    assert Period(date(2025, 11, 20), date(2026, 2, 3)).months() == [
        (2025, 11),
        (2025, 12),
        (2026, 1),
        (2026, 2),
    ]
    assert date(2026, 3, 31) in MARCH and date(2026, 4, 1) not in MARCH
    with pytest.raises(ValueError):
        Period(date(2026, 3, 2), date(2026, 3, 1))
    with pytest.raises(ValueError):
        Period.quarter(2026, 5)
