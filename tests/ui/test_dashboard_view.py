"""The home page: counts by urgency, the open enquiries most pressing first, last releases."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from pytestqt.qtbot import QtBot

from fiac_press_desk.domain.enquiry import DeskClock, EnquiryInput
from fiac_press_desk.domain.enums import EnquiryStatus
from fiac_press_desk.services import Services
from fiac_press_desk.services.demo import fill
from fiac_press_desk.ui.events import data_events
from fiac_press_desk.ui.qtmodels.enquiry_table_model import EnquiryTableModel
from fiac_press_desk.ui.views.dashboard_view import DashboardView
from tests.ui.conftest import settle_operations

pytestmark = pytest.mark.qt_log_ignore(r"does not support propagateSizeHints")

PARIS = ZoneInfo("Europe/Paris")
NOW = datetime(2024, 2, 6, 9, 0, tzinfo=UTC)  # 10:00 in Paris


@pytest.fixture
def desk(services: Services) -> Services:
    services.enquiries.clock = DeskClock(PARIS, soon_hours=4, now_fn=lambda: NOW)
    return services


def add(services: Services, subject: str, deadline: datetime | None, hours_ago: int = 1) -> int:
    return services.enquiries.create(
        EnquiryInput(
            subject=subject, received_at=NOW - timedelta(hours=hours_ago), deadline=deadline
        )
    )


def card(view: DashboardView, key: str) -> str:
    return view.cards[key].number_label.text()


def test_counts_and_the_most_pressing_first(
    qtbot: QtBot, qtmodeltester: object, desk: Services
) -> None:
    add(desk, "Sans échéance", None)
    add(desk, "Demain", NOW + timedelta(days=1))
    add(desk, "Ce soir", NOW + timedelta(hours=9))
    add(desk, "Dans 2 h", NOW + timedelta(hours=2))
    add(desk, "En retard", NOW - timedelta(minutes=5), hours_ago=3)
    done = add(desk, "Faite", NOW + timedelta(hours=1), hours_ago=5)
    desk.enquiries.change_status(done, EnquiryStatus.ANSWERED, note="ok")
    view = DashboardView(desk)
    qtbot.addWidget(view)
    view.refresh()
    settle_operations()
    assert card(view, "overdue") == "1"
    assert card(view, "soon") == "1"
    assert card(view, "today") == "2"  # "Dans 2 h" and "Ce soir"
    assert card(view, "open") == "5"
    assert view.cards["open"].detail_label.text() == "5 new, 0 in progress"
    assert card(view, "all") == "1"
    assert "5 h" in view.cards["all"].detail_label.text()  # median time to answer
    assert view.date_label.text() == "Tuesday 6 February 2024"
    model = view.urgent_model
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    subjects = [
        model.index(r, EnquiryTableModel.Columns.SUBJECT).data() for r in range(model.rowCount())
    ]
    assert subjects == ["En retard", "Dans 2 h", "Ce soir", "Demain", "Sans échéance"]
    assert view.urgent_stack.currentWidget() is view.urgent_table


def test_counts_follow_writes_and_time(qtbot: QtBot, desk: Services) -> None:
    view = DashboardView(desk)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    settle_operations()
    assert card(view, "open") == "0"
    assert view.urgent_stack.currentWidget() is view.urgent_empty
    eid = add(desk, "Dans 2 h", NOW + timedelta(hours=2))
    data_events().changed.emit("enquiries")
    settle_operations()
    assert card(view, "open") == "1" and card(view, "overdue") == "0"
    desk.enquiries.clock.now_fn = lambda: NOW + timedelta(hours=3)
    view.refresh()
    settle_operations()
    assert card(view, "overdue") == "1"
    desk.enquiries.change_status(eid, EnquiryStatus.DECLINED)
    data_events().changed.emit("enquiries")
    settle_operations()
    assert card(view, "overdue") == "0" and card(view, "open") == "0"


def test_cards_ask_for_the_matching_list(qtbot: QtBot, desk: Services) -> None:
    view = DashboardView(desk)
    qtbot.addWidget(view)
    view.refresh()
    settle_operations()
    with qtbot.waitSignal(view.enquiries_requested) as blocker:
        view.cards["overdue"].click()
    assert blocker.args == ["overdue"]
    eid = add(desk, "Sujet", None)
    view.refresh()
    settle_operations()
    with qtbot.waitSignal(view.enquiry_activated) as blocker:
        view.urgent_table.doubleClicked.emit(view.urgent_model.index(0, 1))
    assert blocker.args == [eid]


def test_last_releases_with_their_recipient_counts(qtbot: QtBot, desk: Services) -> None:
    fill(desk, contacts=12, now=NOW)
    view = DashboardView(desk)
    qtbot.addWidget(view)
    view.refresh()
    settle_operations()
    expected = desk.releases.rows()[:6]
    table = view.releases_table
    assert table.rowCount() == len(expected) > 0
    for row, release in enumerate(expected):
        item = table.item(row, 0)
        assert item is not None and item.text() == release.title
        count = table.item(row, 2)
        assert count is not None and count.text() == str(release.received)
    assert any(int(table.item(r, 2).text()) > 0 for r in range(table.rowCount()))  # type: ignore[union-attr]
    assert int(card(view, "overdue")) == 2
