"""Ctrl+Z after a save of the contact card: an edit is undone (and redone) like a delete, a
new contact is taken away and brought back with its id; in French, through the window."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from fiac_press_desk.services import Services
from fiac_press_desk.services.contact_queries import ContactFilter
from fiac_press_desk.ui.main_window import MainWindow
from fiac_press_desk.ui.views.contacts_view import ContactsView
from tests.ui.conftest import activate, person, wait_idle, wait_loaded

pytestmark = pytest.mark.qt_log_ignore(r"^This plugin does not support ")

MakeWindow = Callable[..., MainWindow]


def open_contacts(
    qtbot: QtBot, make_window: MakeWindow, services: Services
) -> tuple[MainWindow, ContactsView]:
    window = make_window(services)
    window.show_page("contacts")
    view = window.contacts_view()
    wait_loaded(qtbot, view)
    return window, view


def save(qtbot: QtBot, window: MainWindow, view: ContactsView) -> None:
    with qtbot.waitSignal(view.detail.saved, timeout=5000):
        view.detail.save_button.click()
    wait_idle(qtbot, window)


def test_an_edit_is_undone_and_redone_from_the_edit_menu(
    qtbot: QtBot, make_window: MakeWindow, services: Services, french: str
) -> None:
    services.lists.create("Presse nationale")
    (gwen,) = services.contacts.create_many(
        [person("Gwénaëlle", "Pétrâque", "gwen@example.fr", "Radio Hexagone", tags=["VIP"])]
    )
    services.lists.add_members(services.lists.id_for("Presse nationale") or 0, [gwen])
    before = services.contacts.get(gwen)
    window, view = open_contacts(qtbot, make_window, services)
    view.select_ids([gwen])
    wait_idle(qtbot, window)
    view.detail.edit()
    wait_idle(qtbot, window)
    form = view.detail.form
    form.job_title.setText("Rédactrice en chef")
    form.organisation.set_text("Le Quotidien de la Santé")
    save(qtbot, window, view)
    assert services.contacts.get(gwen).job_title == "Rédactrice en chef"

    undo, redo = window.actions_by_name["undo"], window.actions_by_name["redo"]
    assert undo.isEnabled()
    assert undo.text() == "Annuler la modification de Gwénaëlle Pétrâque"
    undo.trigger()
    wait_idle(qtbot, window)
    back = services.contacts.get(gwen)
    for name in before.__dataclass_fields__:  # as it was, the timestamp too
        assert getattr(back, name) == getattr(before, name), name
    assert view.detail.header.subtitle.text().endswith("Radio Hexagone")  # the card follows

    assert redo.text() == "Rétablir la modification de Gwénaëlle Pétrâque"
    redo.trigger()
    wait_idle(qtbot, window)
    again = services.contacts.get(gwen)
    assert again.job_title == "Rédactrice en chef"
    assert again.organization == "Le Quotidien de la Santé"
    assert again.tags == ["VIP"] and again.lists == ["Presse nationale"]


def test_ctrl_z_takes_a_new_contact_away_and_ctrl_y_brings_the_same_one_back(
    qtbot: QtBot, make_window: MakeWindow, services: Services, french: str
) -> None:
    window, view = open_contacts(qtbot, make_window, services)
    activate(qtbot, window)
    window.actions_by_name["new_contact"].trigger()
    wait_idle(qtbot, window)
    form = view.detail.form
    form.given_name.setText("Amir")
    form.family_name.setText("Benali")
    save(qtbot, window, view)
    (amir,) = services.contact_queries.ids(ContactFilter(archived=None))
    assert window.actions_by_name["undo"].text() == "Annuler la création de Amir Benali"

    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    wait_idle(qtbot, window)
    assert services.contact_queries.ids(ContactFilter(archived=None)) == []
    qtbot.keyClick(view.table, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    wait_idle(qtbot, window)
    assert services.contact_queries.ids(ContactFilter(archived=None)) == [amir]
    assert services.contacts.get(amir).family_name == "Benali"


def test_a_refused_save_pushes_nothing_to_undo(
    qtbot: QtBot, make_window: MakeWindow, services: Services
) -> None:
    (gwen,) = services.contacts.create_many([person("Gwénaëlle", "Pétrâque", "gwen@example.fr")])
    window, view = open_contacts(qtbot, make_window, services)
    view.select_ids([gwen])
    wait_idle(qtbot, window)
    view.detail.edit()
    wait_idle(qtbot, window)
    services.contacts.delete([gwen])  # deleted meanwhile, elsewhere
    view.detail.form.job_title.setText("Rédactrice en chef")
    view.detail.save_button.click()
    wait_idle(qtbot, window)
    assert not window.undo_stack.canUndo()
