"""The window reopens where it was: page, filter, sort, selected contact, splits and column
widths of every page (issue 15)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from fiac_press_desk.services import Services
from fiac_press_desk.ui.main_window import MainWindow
from fiac_press_desk.ui.qtmodels.contacts_model import ContactsModel
from tests.ui.conftest import settle, wait_loaded

pytestmark = pytest.mark.qt_log_ignore(r"^This plugin does not support ")

MakeWindow = Callable[..., MainWindow]


def test_filter_sort_selection_and_splits_come_back(
    qtbot: QtBot, make_window: MakeWindow, demo_services: Services
) -> None:
    window = make_window(demo_services)
    window.show_page("enquiries")
    settle(qtbot)
    enquiries = window.pages["enquiries"]
    splitter = enquiries.splitter  # type: ignore[attr-defined]
    splitter.setSizes([250, 450])
    enquiry_sizes = splitter.sizes()
    window.show_page("contacts")
    view = window.contacts_view()
    wait_loaded(qtbot, view)
    view.filters.set_kind("journalist")
    view.filters.apply_now()
    wait_loaded(qtbot, view)
    header = view.table.horizontalHeader()
    header.setSortIndicator(ContactsModel.Columns.ORGANISATION, Qt.SortOrder.DescendingOrder)
    view.model.sort(ContactsModel.Columns.ORGANISATION, Qt.SortOrder.DescendingOrder)
    wait_loaded(qtbot, view)
    chosen = view.model.contact_id(3)
    view.select_ids([chosen])
    settle(qtbot)
    shown = [view.model.contact_id(r) for r in range(view.model.rowCount())]
    window.close()

    again = make_window(demo_services, restore=True)
    assert again.current_page() == "contacts"
    view = again.contacts_view()
    qtbot.waitUntil(lambda: view.selected_ids() == [chosen], timeout=10_000)
    wait_loaded(qtbot, view)
    assert view.filters.current_filter().kind == "journalist"
    assert view.model.sort_key()[1] is True  # descending, by organisation
    assert [view.model.contact_id(r) for r in range(view.model.rowCount())] == shown
    again.show_page("enquiries")
    settle(qtbot)
    # The same split (the page may be laid out a few pixels taller or shorter around it).
    top, bottom = again.pages["enquiries"].splitter.sizes()  # type: ignore[attr-defined]
    assert top / (top + bottom) == pytest.approx(enquiry_sizes[0] / sum(enquiry_sizes), abs=0.01)
    assert enquiry_sizes[0] / sum(enquiry_sizes) == pytest.approx(250 / 700, abs=0.02)


def test_the_saved_filter_and_sort_are_the_first_query_of_the_reopened_page(
    qtbot: QtBot, make_window: MakeWindow, demo_services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The reopened page asked for every contact in name order, then for the saved filter
    and sort: the first answer (100 000 ids at a large desk) was thrown away at each launch."""
    window = make_window(demo_services)
    window.show_page("contacts")
    view = window.contacts_view()
    wait_loaded(qtbot, view)
    view.filters.set_kind("journalist")
    view.filters.apply_now()
    wait_loaded(qtbot, view)
    view.table.horizontalHeader().setSortIndicator(
        ContactsModel.Columns.ORGANISATION, Qt.SortOrder.DescendingOrder
    )
    view.model.sort(ContactsModel.Columns.ORGANISATION, Qt.SortOrder.DescendingOrder)
    wait_loaded(qtbot, view)
    saved = (view.model.contact_filter(), view.model.sort_key())
    window.close()

    asked: list[object] = []
    start = ContactsModel._start

    def recorded(model: ContactsModel) -> None:
        asked.append((model.contact_filter(), model.sort_key()))
        start(model)

    monkeypatch.setattr(ContactsModel, "_start", recorded)
    again = make_window(demo_services, restore=True)
    view = again.contacts_view()
    wait_loaded(qtbot, view)
    assert asked and all(query == saved for query in asked), asked
    assert view.filters.current_filter().kind == "journalist"


def test_a_filter_on_a_list_deleted_since_is_let_go(
    qtbot: QtBot, make_window: MakeWindow, demo_services: Services
) -> None:
    from fiac_press_desk.ui import settings, window_state

    settings.save_value(window_state.FILTER_KEY, '{"list_id": 99999, "search": "zz')
    settings.save_value(window_state.SELECTED_KEY, "not a number")
    window = make_window(demo_services)
    window.show_page("contacts")
    view = window.contacts_view()
    wait_loaded(qtbot, view)
    assert view.filters.current_filter().search == ""
    assert view.model.rowCount() > 0
