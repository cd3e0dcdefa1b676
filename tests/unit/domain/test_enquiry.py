"""The desk clock: local days, overdue and due-today judged in Paris time from UTC instants."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from fiac_press_desk.domain.enquiry import (
    DeskClock,
    EnquiryInput,
    Urgency,
    check_transition,
    label,
    timezone_from,
    validate_enquiry,
)
from fiac_press_desk.domain.enums import EnquiryStatus
from fiac_press_desk.domain.errors import ValidationError

PARIS = ZoneInfo("Europe/Paris")


def clock_at(now: datetime, tz: str = "Europe/Paris") -> DeskClock:
    return DeskClock(ZoneInfo(tz), soon_hours=4, now_fn=lambda: now)


def paris(*args: int) -> datetime:
    return datetime(*args, tzinfo=PARIS).astimezone(UTC)  # type: ignore[misc]


def test_local_day_bounds_are_23_or_25_hours_on_dst_changes() -> None:
    clock = clock_at(datetime(2024, 3, 30, tzinfo=UTC))
    start, end = clock.day_bounds(date(2024, 3, 31))  # spring forward
    assert start == datetime(2024, 3, 30, 23, 0, tzinfo=UTC)
    assert end - start == timedelta(hours=23)
    start, end = clock.day_bounds(date(2024, 10, 27))  # fall back
    assert start == datetime(2024, 10, 26, 22, 0, tzinfo=UTC)
    assert end - start == timedelta(hours=25)


def test_today_is_the_local_day_not_the_utc_day() -> None:
    # 23:30 UTC on 14 June is already 15 June in Paris (UTC+2 in summer).
    now = datetime(2024, 6, 14, 23, 30, tzinfo=UTC)
    assert clock_at(now).today() == date(2024, 6, 15)
    assert clock_at(now, "America/New_York").today() == date(2024, 6, 14)


def test_urgency_around_midnight() -> None:
    now = paris(2024, 6, 14, 23, 30)
    clock = clock_at(now)
    open_ = EnquiryStatus.NEW
    before_midnight = paris(2024, 6, 14, 23, 50)
    after_midnight = paris(2024, 6, 15, 0, 30)
    tomorrow_noon = paris(2024, 6, 15, 12, 0)
    assert clock.is_due_today(open_, before_midnight, now)
    assert not clock.is_due_today(open_, after_midnight, now)
    assert clock.is_due_soon(open_, after_midnight, now)  # within 4 hours, though tomorrow
    assert clock.urgency(open_, after_midnight, now) is Urgency.DUE_SOON
    assert clock.urgency(open_, tomorrow_noon, now) is Urgency.LATER
    assert clock.urgency(open_, paris(2024, 6, 14, 23, 29), now) is Urgency.OVERDUE
    assert clock.urgency(open_, None, now) is Urgency.NO_DEADLINE
    assert clock.urgency(EnquiryStatus.ANSWERED, before_midnight, now) is Urgency.DONE
    # Half an hour later, in the new local day, yesterday's 23:50 deadline is overdue.
    later = now + timedelta(minutes=31)
    assert clock.is_overdue(open_, before_midnight, later)
    assert clock.is_due_today(open_, tomorrow_noon, later)


def test_due_today_on_the_spring_forward_day() -> None:
    # 31 March 2024: 02:00 does not exist in Paris; the day has 23 hours.
    now = paris(2024, 3, 31, 1, 30)
    clock = clock_at(now)
    assert clock.is_due_today(EnquiryStatus.NEW, paris(2024, 3, 31, 23, 30), now)
    assert not clock.is_due_today(EnquiryStatus.NEW, paris(2024, 4, 1, 0, 0), now)
    # 01:30 + 2 h of real time is 04:30 local, not 03:30.
    deadline = now + timedelta(hours=2)
    assert clock.local(deadline).hour == 4
    assert clock.urgency(EnquiryStatus.NEW, deadline, now) is Urgency.DUE_SOON


def test_the_same_instant_is_due_today_in_paris_but_not_in_new_york() -> None:
    now = datetime(2024, 6, 14, 20, 0, tzinfo=UTC)  # 22:00 Paris, 16:00 New York
    deadline = datetime(2024, 6, 15, 1, 0, tzinfo=UTC)  # 03:00 Paris (15th), 21:00 NY (14th)
    assert not clock_at(now).is_due_today(EnquiryStatus.NEW, deadline, now)
    assert clock_at(now, "America/New_York").is_due_today(EnquiryStatus.NEW, deadline, now)


def test_validation_refuses_a_deadline_before_receipt() -> None:
    now = datetime(2024, 6, 14, 10, 0, tzinfo=UTC)
    data = EnquiryInput(subject="Chiffres", received_at=now, deadline=now - timedelta(minutes=1))
    with pytest.raises(ValidationError) as info:
        validate_enquiry(data, now)
    assert info.value.field == "deadline"
    assert "précéder" in info.value.message


def test_validation_stores_utc_and_requires_a_subject() -> None:
    now = datetime(2024, 6, 14, 10, 0, tzinfo=UTC)
    local = datetime(2024, 6, 14, 15, 0, tzinfo=PARIS)
    cleaned = validate_enquiry(EnquiryInput(subject="  Essai \n clinique ", deadline=local), now)
    assert cleaned.subject == "Essai clinique"
    assert cleaned.received_at == now
    assert cleaned.deadline == datetime(2024, 6, 14, 13, 0, tzinfo=UTC)
    assert cleaned.deadline is not None and cleaned.deadline.tzinfo is UTC
    with pytest.raises(ValidationError):
        validate_enquiry(EnquiryInput(subject="   "), now)
    with pytest.raises(ValueError, match="naive"):
        validate_enquiry(EnquiryInput(subject="x", deadline=datetime(2024, 6, 14)), now)


def test_transitions() -> None:
    check_transition(EnquiryStatus.NEW, EnquiryStatus.IN_PROGRESS, "")
    check_transition(EnquiryStatus.CLOSED, EnquiryStatus.IN_PROGRESS, "")
    with pytest.raises(ValidationError) as info:
        check_transition(EnquiryStatus.NEW, EnquiryStatus.CLOSED, "")
    assert "« Nouvelle » à « Close »" in info.value.message
    with pytest.raises(ValidationError) as info:
        check_transition(EnquiryStatus.IN_PROGRESS, EnquiryStatus.ANSWERED, "  ")
    assert info.value.code == "answer_needs_note"


def test_timezone_is_configurable() -> None:
    # The Preferences set it (workstation.json), the domain reads no setting: config asks.
    from fiac_press_desk import workstation
    from fiac_press_desk.config import desk_timezone

    assert desk_timezone().key == "Europe/Paris"
    workstation.update(time_zone="America/Montreal")
    assert desk_timezone().key == "America/Montreal"
    assert timezone_from("Asia/Tokyo").key == "Asia/Tokyo"
    workstation.update(time_zone="Nowhere/Atlantis")
    assert desk_timezone().key == "Europe/Paris"


def test_labels() -> None:
    assert label("in_progress") == "En cours"
    assert label("fact_check", "en") == "Fact-check"
