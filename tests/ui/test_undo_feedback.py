"""The status bar says what Ctrl+Z undid (it kept "1 contact ajouté…"), and a long command
name does not stretch the toolbar (issue 19)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QToolButton
from pytestqt.qtbot import QtBot

from fiac_press_desk.services import Services
from fiac_press_desk.services.contact_queries import ContactFilter
from fiac_press_desk.ui.main_window import MainWindow
from fiac_press_desk.ui.undo_feedback import TOOLBAR_LABEL_WIDTH
from tests.ui.conftest import activate, person, wait_idle, wait_loaded

pytestmark = pytest.mark.qt_log_ignore(r"^This plugin does not support ")
NB = "\u00a0"
LONG = "Journalistes santé et recherche clinique des régions Grand Est et Hauts-de-France"


def test_ctrl_z_says_what_it_undid_and_long_labels_are_elided(
    qtbot: QtBot, make_window: Callable[..., MainWindow], services: Services, french: str
) -> None:
    list_id = services.lists.create(LONG)
    (gwen,) = services.contacts.create_many([person("Gwénaëlle", "Pétrâque", "g@example.fr")])
    window = make_window(services)
    window.show_page("contacts")
    view = window.contacts_view()
    wait_loaded(qtbot, view)
    toolbar_width = window.toolbar.sizeHint().width()

    view.add_to_list(list_id, LONG, [gwen])
    wait_idle(qtbot, window)
    assert window.statusBar().currentMessage().startswith("1 contact ajouté")
    undo = window.actions_by_name["undo"]
    assert LONG in undo.text() and LONG in undo.toolTip()  # the menu and tooltip: all of it
    assert undo.iconText().endswith("…") and LONG not in undo.iconText()

    activate(qtbot, window)
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    wait_idle(qtbot, window)
    assert services.contact_queries.ids(ContactFilter(list_id=list_id)) == []
    message = window.statusBar().currentMessage()
    assert message.startswith(f"Annulé{NB}: l’ajout de 1 contact à la liste"), message
    assert "ajouté" not in message

    redo = window.actions_by_name["redo"]
    assert LONG in redo.toolTip() and LONG not in redo.iconText()
    button = window.toolbar.widgetForAction(redo)
    assert isinstance(button, QToolButton)
    assert button.sizeHint().width() <= TOOLBAR_LABEL_WIDTH + 60  # icon and margins
    assert window.toolbar.sizeHint().width() <= toolbar_width + TOOLBAR_LABEL_WIDTH

    redo.trigger()
    wait_idle(qtbot, window)
    assert window.statusBar().currentMessage().startswith(f"Rétabli{NB}: ")
    assert services.contact_queries.ids(ContactFilter(list_id=list_id)) == [gwen]
