"""Dates and durations the reader's way (issue 19): a date of another year carries its year,
a long wait reads "1 an 9 mois", the contacts table's last release follows the language."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from fiac_press_desk.domain.enquiry import DeskClock
from fiac_press_desk.services import Services
from fiac_press_desk.ui import formatting
from fiac_press_desk.ui.main_window import MainWindow
from fiac_press_desk.ui.qtmodels.contacts_model import ContactColumn
from tests.ui.conftest import wait_loaded

pytestmark = pytest.mark.qt_log_ignore(r"^This plugin does not support ")
NOW = datetime(2025, 11, 12, 10, 0, tzinfo=UTC)


def clock() -> DeskClock:
    return DeskClock(now_fn=lambda: NOW)


@pytest.mark.parametrize(
    ("delta", "french", "english"),
    [
        (timedelta(days=637, hours=4), "1 an 9 mois", "1 year 9 months"),
        (timedelta(days=95), "3 mois", "3 months"),
        (timedelta(days=31), "1 mois", "1 month"),
        (timedelta(days=730, hours=2), "2 ans", "2 years"),
        (timedelta(days=29, hours=4), "29 j 4 h", "29 d 4 h"),  # weeks: still in days
        (timedelta(hours=2, minutes=10), "2 h 10", "2 h 10"),
    ],
)
def test_long_waits_in_years_and_months(
    delta: timedelta, french: str, english: str, qapp: object
) -> None:
    from fiac_press_desk.ui import i18n

    try:
        i18n.install("fr")
        assert formatting.format_duration(delta) == french
        i18n.install("en")
        assert formatting.format_duration(delta) == english
    finally:
        i18n.install("fr")


def test_a_date_of_another_year_shows_its_year(french: str) -> None:
    this_year = datetime(2025, 3, 5, 13, 30, tzinfo=UTC)
    last_year = datetime(2024, 3, 5, 13, 30, tzinfo=UTC)
    assert formatting.format_when(this_year, clock(), weekday=True) == "mer. 05/03 14:30"
    assert formatting.format_when(last_year, clock(), weekday=True) == "mar. 05/03/2024 14:30"


def last_release_texts(
    qtbot: QtBot, make_window: Callable[..., MainWindow], services: Services
) -> list[str]:
    window = make_window(services)
    window.show_page("contacts")
    view = window.contacts_view()
    wait_loaded(qtbot, view)
    model = view.model
    for row in range(0, model.rowCount(), model.PAGE_SIZE):
        model.contact_row(row)
    qtbot.waitUntil(lambda: all(model.contact_row(r) for r in range(model.rowCount())))
    texts = [
        model.index(r, ContactColumn.LAST_RELEASE).data(Qt.ItemDataRole.DisplayRole)
        for r in range(model.rowCount())
    ]
    return [t for t in texts if t]


def test_last_release_date_in_english(
    qtbot: QtBot, make_window: Callable[..., MainWindow], demo_services: Services, english: str
) -> None:
    texts = last_release_texts(qtbot, make_window, demo_services)
    assert texts and all(re.match(r"\d{1,2} Jan 2024 · ", t) for t in texts), texts[:3]


def test_last_release_date_in_french(
    qtbot: QtBot, make_window: Callable[..., MainWindow], demo_services: Services, french: str
) -> None:
    texts = last_release_texts(qtbot, make_window, demo_services)
    assert texts and all(re.match(r"\d{1,2} janv\. 2024 · ", t) for t in texts), texts[:3]
