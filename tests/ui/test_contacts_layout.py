"""The contacts page shares its width between the table and the card, keeps the split, and
shows no stale card beside "No selection" (issue 19)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from pytestqt.qtbot import QtBot

from fiac_press_desk.services import Services
from fiac_press_desk.ui import settings
from fiac_press_desk.ui.main_window import MainWindow
from fiac_press_desk.ui.qtmodels.contacts_model import ContactColumn
from fiac_press_desk.ui.views.contacts_view import ContactsView
from tests.ui.conftest import person, settle, wait_loaded

pytestmark = pytest.mark.qt_log_ignore(r"^This plugin does not support ")
MakeWindow = Callable[..., MainWindow]


@pytest.fixture
def desk(services: Services) -> Services:
    services.contacts.create_many(
        [
            person("Stéphane", "Aubépin", "stephane.aubepin@example.com", "Sciences & Avenir"),
            person("Amir", "Benali", "amir.benali@example.fr", "Le Quotidien de la Santé"),
        ]
    )
    return services


def open_contacts(qtbot: QtBot, make_window: MakeWindow, services: Services) -> ContactsView:
    window = make_window(services)
    window.show_page("contacts")
    view = window.contacts_view()
    wait_loaded(qtbot, view)
    return view


def test_table_and_card_share_the_width_and_the_email_column_is_in_view(
    qtbot: QtBot, make_window: MakeWindow, desk: Services
) -> None:
    view = open_contacts(qtbot, make_window, desk)
    qtbot.waitUntil(lambda: view.splitter.sizes()[1] > 400, timeout=5000)
    table_width, card_width = view.splitter.sizes()
    assert 0.40 <= card_width / (table_width + card_width) <= 0.50  # not squeezed to ~370 px
    header = view.table.horizontalHeader()
    email_right = header.sectionViewportPosition(ContactColumn.EMAIL) + header.sectionSize(
        ContactColumn.EMAIL
    )
    assert email_right <= view.table.viewport().width()  # not behind the scrollbar
    assert header.sectionSize(ContactColumn.EMAIL) >= 150


def test_the_split_is_remembered(qtbot: QtBot, make_window: MakeWindow, desk: Services) -> None:
    view = open_contacts(qtbot, make_window, desk)
    qtbot.waitUntil(lambda: view.splitter.sizes()[1] > 400, timeout=5000)
    total = sum(view.splitter.sizes())
    view.splitter.setSizes([total - 520, 520])
    view.splitter.splitterMoved.emit(total - 520, 1)  # as a drag of the handle says
    # Saved at once, not only when the window closes.
    qtbot.waitUntil(
        lambda: settings.load_state("contacts/splitter") == view.splitter.saveState(),
        timeout=3000,
    )
    again = open_contacts(qtbot, make_window, desk)
    settle(qtbot)
    assert abs(again.splitter.sizes()[1] - 520) <= 2


def test_a_search_without_match_leaves_no_stale_card(
    qtbot: QtBot, make_window: MakeWindow, desk: Services, french: str
) -> None:
    view = open_contacts(qtbot, make_window, desk)
    view.select_ids([view.model.contact_id(0)])
    qtbot.waitUntil(lambda: view.detail.pages.currentWidget() is view.detail.contact_page)
    view.filters.search.setText("zzzz-nobody")
    view.filters.apply_now()
    wait_loaded(qtbot, view)
    assert view.stack.currentWidget() is view.no_results
    assert view.selection_label.text() == "Aucune sélection"
    assert view.detail.pages.currentWidget() is view.detail.empty_page
    assert view.detail.contact_id is None
    view.filters.clear()
    wait_loaded(qtbot, view)
    view.select_ids([view.model.contact_id(1)])  # and a card comes back on a click
    qtbot.waitUntil(lambda: view.detail.pages.currentWidget() is view.detail.contact_page)


def test_an_edit_in_progress_is_kept_when_the_search_finds_nobody(
    qtbot: QtBot, make_window: MakeWindow, desk: Services
) -> None:
    view = open_contacts(qtbot, make_window, desk)
    view.select_ids([view.model.contact_id(0)])
    qtbot.waitUntil(lambda: view.detail.pages.currentWidget() is view.detail.contact_page)
    view.edit_current()
    qtbot.waitUntil(view.detail.is_editing)
    view.detail.form.given_name.setText("Stéphanie")
    view.filters.search.setText("zzzz-nobody")
    view.filters.apply_now()
    wait_loaded(qtbot, view)
    assert view.detail.is_editing() and view.detail.form.given_name.text() == "Stéphanie"
