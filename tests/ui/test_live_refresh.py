"""A colleague's change on a shared database reaches this window's views (issue 14)."""

from __future__ import annotations

from PySide6.QtCore import QObject
from pytestqt.qtbot import QtBot

from fiac_press_desk.domain.contact import ContactData
from fiac_press_desk.services import Services
from fiac_press_desk.storage.database import Database
from fiac_press_desk.ui import live_refresh
from fiac_press_desk.ui.events import data_events


def test_on_postgresql_a_colleagues_change_is_announced_to_the_views(
    qtbot: QtBot, postgres_url: str
) -> None:
    mine, theirs = Database(postgres_url), Database(postgres_url)
    window = QObject()
    try:
        live = live_refresh.start(window, Services(mine, actor="me"))
        assert live is not None
        qtbot.wait(500)  # the listener connects in the background
        with qtbot.waitSignal(
            data_events().changed, timeout=2000, check_params_cb=lambda area: area == "contacts"
        ):
            Services(theirs, actor="colleague").contacts.create(ContactData(given_name="Lou"))
    finally:
        live_refresh.stop(window)
        mine.dispose()
        theirs.dispose()


def test_nothing_listens_on_sqlite(services: Services) -> None:
    assert live_refresh.start(QObject(), services) is None
