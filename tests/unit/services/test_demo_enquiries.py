"""The demo enquiries always show every state, whatever the hour they are made at."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from fiac_press_desk.domain.enums import EnquiryStatus
from fiac_press_desk.services import Services
from fiac_press_desk.services.demo import fill


@pytest.mark.parametrize(
    "now",
    [
        datetime(2024, 2, 6, 9, 0, tzinfo=UTC),  # morning in Paris
        datetime(2024, 2, 6, 22, 40, tzinfo=UTC),  # 23:40 in Paris: little left of the day
        datetime(2024, 3, 31, 0, 30, tzinfo=UTC),  # the night clocks go forward
    ],
)
def test_demo_enquiries_cover_every_state(services: Services, now: datetime) -> None:
    summary = fill(services, contacts=15, now=now)
    assert summary.enquiries == 12
    rows = services.enquiries.rows(now=now)
    assert {r.status for r in rows} == set(EnquiryStatus)
    counts = services.enquiries.dashboard(now)
    assert counts.overdue == 2
    assert counts.due_soon >= 2
    assert counts.due_today >= 1
    assert counts.no_deadline == 1
    assert all(r.contact_id is not None for r in rows)
    for row in rows:
        record = services.enquiries.get(row.id)
        assert record.events[0].to_status == "new"
        assert [e.at for e in record.events] == sorted(e.at for e in record.events)
        if record.deadline is not None:
            assert record.deadline >= record.received_at
