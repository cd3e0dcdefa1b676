"""The GDPR picker of the contacts table (lawful basis, to be informed, informed, no
interaction for the retention period) and the « Données personnelles (RGPD) » submenu."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import update

from fiac_press_desk.domain.contact import ContactData, EmailAddress
from fiac_press_desk.domain.enums import LawfulBasis
from fiac_press_desk.domain.gdpr import NoticeChannel
from fiac_press_desk.services import Services
from fiac_press_desk.services.contact_queries import ContactFilter
from fiac_press_desk.storage.models import Contact
from fiac_press_desk.storage.types import utcnow
from fiac_press_desk.ui.dialogs.gdpr_dialog import GdprDialog
from fiac_press_desk.ui.main_window import MainWindow
from fiac_press_desk.ui.qtmodels.contacts_model import ContactsModel
from fiac_press_desk.ui.views.contacts_view import ContactsView
from fiac_press_desk.ui.views.gdpr_filter import INFORMED, QUIET, TO_INFORM
from tests.ui.conftest import settle, wait_loaded

pytestmark = pytest.mark.qt_log_ignore(r"^This plugin does not support ")
MakeWindow = Callable[..., MainWindow]


@pytest.fixture
def desk(services: Services) -> Services:
    def make(given: str, family: str, basis: LawfulBasis) -> int:
        return services.contacts.create(
            ContactData(
                given_name=given,
                family_name=family,
                emails=[EmailAddress(f"{given.lower()}@example.org")],
                lawful_basis=basis,
            )
        )

    make("Camille", "Dupont", LawfulBasis.CONSENT)
    informed = make("Louis", "Martin", LawfulBasis.LEGITIMATE_INTEREST)
    quiet = make("Nora", "Ancienne", LawfulBasis.LEGITIMATE_INTEREST)
    services.gdpr.notices.record_given([informed], NoticeChannel.PHONE)
    with services.db.transaction() as session:
        session.execute(
            update(Contact)
            .where(Contact.id == quiet)
            .values(created_at=utcnow() - timedelta(days=4 * 365))
        )
    return services


def shown(view: ContactsView) -> list[str]:
    model = view.model
    return sorted(
        model.index(r, ContactsModel.Columns.NAME).data() for r in range(model.rowCount())
    )


def test_the_gdpr_picker_narrows_the_table(
    qtbot: QtBot, french: str, make_window: MakeWindow, desk: Services
) -> None:
    window = make_window(desk)
    window.show_page("contacts")
    view = window.contacts_view()
    wait_loaded(qtbot, view)
    bar = view.filters
    combo = bar.gdpr
    assert combo.itemText(0) == "RGPD : tous"
    assert combo.itemText(combo.findData(QUIET)) == "Sans échange depuis 3 ans"

    def pick(data: str) -> None:
        combo.setCurrentIndex(combo.findData(data))
        wait_loaded(qtbot, view)

    pick("basis:consent")
    assert combo.currentText() == "Consentement"
    assert combo.itemData(combo.currentIndex(), Qt.ItemDataRole.ToolTipRole) == (
        "Base légale : Consentement"
    )
    assert shown(view) == ["Camille Dupont"]
    pick(INFORMED)
    assert shown(view) == ["Louis Martin"]
    pick(TO_INFORM)
    assert shown(view) == ["Camille Dupont", "Nora Ancienne"]
    pick(QUIET)
    assert shown(view) == ["Nora Ancienne"]
    assert "sans échange depuis 3 ans" in bar.describe().lower()
    assert not bar.is_default()
    bar.clear()
    wait_loaded(qtbot, view)
    assert combo.currentIndex() == 0 and bar.is_default()
    assert len(shown(view)) == 3


def test_quiet_since_is_stable_through_the_day(
    qtbot: QtBot, french: str, services: Services
) -> None:
    from fiac_press_desk.ui.views.gdpr_filter import GdprFilterCombo

    combo = GdprFilterCombo(services)
    qtbot.addWidget(combo)
    settle(qtbot)
    morning = combo.quiet_since(datetime(2026, 12, 3, 8, 0, tzinfo=UTC))
    evening = combo.quiet_since(datetime(2026, 12, 3, 22, 0, tzinfo=UTC))
    assert morning == evening == datetime(2023, 12, 3, tzinfo=UTC)
    combo.setCurrentIndex(combo.findData(QUIET))
    assert combo.apply(ContactFilter()) == combo.apply(ContactFilter())


def test_the_picker_follows_a_new_retention_period(
    qtbot: QtBot, french: str, services: Services
) -> None:
    from dataclasses import replace

    from fiac_press_desk.ui.events import data_events
    from fiac_press_desk.ui.views.gdpr_filter import GdprFilterCombo

    combo = GdprFilterCombo(services)
    qtbot.addWidget(combo)
    settle(qtbot)
    services.gdpr.settings.save(replace(services.gdpr.settings.get(), retention_years=5))
    data_events().changed.emit("gdpr")
    settle(qtbot)
    assert combo.itemText(combo.findData(QUIET)) == "Sans échange depuis 5 ans"


def test_the_file_menu_opens_the_personal_data_dialog(
    qtbot: QtBot, french: str, make_window: MakeWindow, services: Services
) -> None:
    window = make_window(services)
    action = window.findChild(type(window.actions_by_name["quit"]), "action_gdpr")
    assert action is not None and action.isEnabled()
    assert action.text() == "&Personnes à informer…"
    action.trigger()
    dialog = window.findChild(GdprDialog)
    assert isinstance(dialog, GdprDialog) and dialog.isVisible()
    assert dialog.windowTitle() == "Données personnelles (RGPD)"
    retention = window.findChild(type(action), "action_gdpr_retention")
    retention.trigger()
    assert window.findChildren(GdprDialog) == [dialog]  # one, brought to the front
    assert dialog.tabs.currentIndex() == GdprDialog.RETENTION
    settle(qtbot)
    dialog.close()


def test_a_language_switch_drops_the_open_dialog_for_one_in_the_new_language(
    qtbot: QtBot, french: str, make_window: MakeWindow, services: Services
) -> None:
    from fiac_press_desk.ui import gdpr_menu

    window = make_window(services)
    first = gdpr_menu.open_dialog(window)
    settle(qtbot)
    window.actions_by_name["language_en"].trigger()
    qtbot.waitUntil(lambda: window.menuBar().actions()[0].text() == "&File")
    settle(qtbot)
    second = gdpr_menu.open_dialog(window)
    assert second is not first
    assert second.windowTitle() == "Personal data (GDPR)"
    assert second.tabs.tabText(0) == "People to inform (art. 14)"
    settle(qtbot)
    second.close()
    window.actions_by_name["language_fr"].trigger()
    qtbot.waitUntil(lambda: window.menuBar().actions()[0].text() == "&Fichier")
    settle(qtbot)


def test_the_picker_has_the_gdpr_services_made_in_the_worker(
    qtbot: QtBot, french: str, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The picker is built while the window attaches its first page: making the GDPR
    services there imported their modules on the GUI thread (0.09 s of the launch)."""
    import threading

    from fiac_press_desk.ui.views.gdpr_filter import GdprFilterCombo

    made_on: list[int] = []
    making = Services.__dict__["gdpr"]
    make = making._make

    def recorded(hub: Services) -> object:
        made_on.append(threading.get_ident())
        return make(hub)

    monkeypatch.setattr(making, "_make", recorded)
    combo = GdprFilterCombo(services)
    qtbot.addWidget(combo)
    settle(qtbot)
    assert made_on and threading.get_ident() not in made_on
    assert combo.itemText(combo.findData(QUIET)) == "Sans échange depuis 3 ans"
