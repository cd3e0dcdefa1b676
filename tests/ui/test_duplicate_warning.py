"""The contact form's warning: an e-mail address or mobile another contact already has is
named with "Ouvrir" and "Fusionner", asked off the GUI thread once typing pauses."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from fiac_press_desk.services import Services
from fiac_press_desk.ui.dialogs.duplicate_merge_dialog import DuplicateMergeDialog
from fiac_press_desk.ui.main_window import MainWindow
from fiac_press_desk.ui.views.contact_form_rows import ValueRow
from fiac_press_desk.ui.views.duplicate_warning import DuplicateWarning
from tests.ui.conftest import settle, wait_loaded
from tests.ui.duplicates_data import plant

pytestmark = pytest.mark.qt_log_ignore(r"^This plugin does not support ")


def buttons(warning: DuplicateWarning) -> list[str]:
    return [b.text() for b in warning.findChildren(QPushButton) if b.isVisibleTo(warning)]


def row(rows: list, index: int = 0) -> ValueRow:  # type: ignore[type-arg]
    found = rows[index]
    assert isinstance(found, ValueRow)
    return found


def new_contact_form(qtbot: QtBot, make_window: Callable[..., MainWindow], services: Services):  # type: ignore[no-untyped-def]
    window = make_window(services)
    window.show_page("contacts")
    view = window.contacts_view()
    wait_loaded(qtbot, view)
    view.new_contact()
    settle(qtbot)
    return window, view.detail


def test_typing_an_address_another_contact_has_names_them(
    qtbot: QtBot, services: Services, make_window: Callable[..., MainWindow], french: str
) -> None:
    ids = plant(services)
    asked: list[tuple[tuple[str, ...], tuple[str, ...], int | None]] = []
    real = services.duplicates.conflicts

    def counted(emails=(), phones=(), *, exclude_id=None):  # type: ignore[no-untyped-def]
        asked.append((tuple(emails), tuple(phones), exclude_id))
        return real(emails, phones, exclude_id=exclude_id)

    services.duplicates.conflicts = counted  # type: ignore[method-assign]
    _window, panel = new_contact_form(qtbot, make_window, services)
    warning = panel.duplicate_warning
    assert not warning.isVisibleTo(panel)
    panel.form.given_name.setText("Camille")
    edit = row(panel.form.emails.rows).edit
    for text in ("Camille.", "Camille.Dupont@", "Camille.Dupont@LeQuotidien.fr"):
        edit.setText(text)  # keys typed faster than the pause: asked once, at the end
    qtbot.waitUntil(lambda: warning.isVisibleTo(panel), timeout=5_000)
    settle(qtbot)
    assert [a[0] for a in asked] == [("Camille.Dupont@LeQuotidien.fr",)]
    assert [c.contact_id for c in warning.conflicts] == [ids["camille"]]
    label = warning.findChild(type(panel.header.name), f"duplicateWarning_{ids['camille']}")
    assert label is not None
    assert label.text() == (
        "Camille Dupont (Le Quotidien) a déjà l'adresse électronique camille.dupont@lequotidien.fr."
    )
    assert buttons(warning) == ["Ouvrir", "Fusionner…"]
    edit.setText("camille.autre@lequotidien.fr")
    qtbot.waitUntil(lambda: not warning.isVisibleTo(panel), timeout=5_000)


def test_editing_a_contact_warns_of_the_mobile_and_open_shows_the_other(
    qtbot: QtBot, services: Services, make_window: Callable[..., MainWindow], french: str
) -> None:
    ids = plant(services)
    window = make_window(services)
    window.open_contact(ids["camille2"])
    panel = window.contacts_view().detail
    qtbot.waitUntil(lambda: panel.contact_id == ids["camille2"], timeout=10_000)
    panel.edit()
    warning = panel.duplicate_warning
    qtbot.waitUntil(lambda: warning.isVisibleTo(panel), timeout=5_000)
    assert [(c.contact_id, c.field) for c in warning.conflicts] == [(ids["camille"], "phone")]
    label = warning.findChild(type(panel.header.name), f"duplicateWarning_{ids['camille']}")
    assert label is not None
    assert label.text() == "Camille Dupont (Le Quotidien) a déjà le portable 06 11 22 33 44."
    open_button = next(b for b in warning.findChildren(QPushButton) if b.text() == "Ouvrir")
    open_button.click()  # nothing was changed: no question, the other contact is shown
    qtbot.waitUntil(lambda: panel.contact_id == ids["camille"], timeout=10_000)
    assert not panel.is_editing() and not warning.isVisibleTo(panel)


def test_merge_from_a_new_contact_saves_it_then_opens_the_merge(
    qtbot: QtBot, services: Services, make_window: Callable[..., MainWindow], french: str
) -> None:
    ids = plant(services)
    window, panel = new_contact_form(qtbot, make_window, services)
    panel.form.given_name.setText("Hugo")
    panel.form.family_name.setText("Martin")
    row(panel.form.emails.rows).edit.setText("hugomartin@googlemail.com")  # Gmail: one mailbox
    warning = panel.duplicate_warning
    qtbot.waitUntil(lambda: warning.isVisibleTo(panel), timeout=5_000)
    assert {c.contact_id for c in warning.conflicts} == {ids["hugo"], ids["hugo2"]}
    merge = next(b for b in warning.findChildren(QPushButton) if b.text() == "Fusionner…")
    merge.click()
    qtbot.waitUntil(lambda: panel.findChild(DuplicateMergeDialog) is not None, timeout=10_000)
    dialog = panel.findChild(DuplicateMergeDialog)
    assert dialog is not None
    created = panel.contact_id
    assert created is not None and created not in ids.values()
    assert dialog.ids[0] == created and dialog.ids[1] in (ids["hugo"], ids["hugo2"])
    qtbot.waitUntil(lambda: dialog.view is not None, timeout=10_000)
    dialog.merge_button.click()
    settle(qtbot)
    # the window's stack: the new contact saved, then the merge; Ctrl+Z undoes the merge
    assert window.undo_stack.count() == 2
    assert len(services.contacts.get_many([created, *dialog.ids])) == 1
