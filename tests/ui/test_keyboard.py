"""Keyboard and screen reader (issue 19): every menu entry reachable from the keyboard,
shortcuts listed in Help > Keyboard shortcuts from the actions themselves, icon-only buttons
named for a screen reader, and forms whose Tab order goes down the page; in French."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QMenu, QWidget
from pytestqt.qtbot import QtBot

from fiac_press_desk.services import Services
from fiac_press_desk.ui.dialogs.shortcuts_dialog import ShortcutsDialog, mnemonic_of, plain
from fiac_press_desk.ui.main_window import MainWindow
from tests.ui.conftest import activate, settle, wait_idle
from tests.ui.keyboard_checks import tab_order_jumps, unnamed_icon_buttons

pytestmark = pytest.mark.qt_log_ignore(r"^This plugin does not support ")

MakeWindow = Callable[..., MainWindow]


def menu_entries(window: MainWindow) -> Iterator[tuple[QMenu, QAction]]:
    def walk(menu: QMenu) -> Iterator[tuple[QMenu, QAction]]:
        for action in menu.actions():
            if action.isSeparator():
                continue
            yield menu, action
            sub = action.menu()
            if isinstance(sub, QMenu):
                yield from walk(sub)

    for top in window.menuBar().actions():
        menu = top.menu()
        assert isinstance(menu, QMenu)
        yield from walk(menu)


def test_every_menu_entry_has_a_mnemonic_or_a_shortcut_and_none_is_taken_twice(
    make_window: MakeWindow, demo_services: Services, french: str
) -> None:
    window = make_window(demo_services)
    tops = [mnemonic_of(a.text()) for a in window.menuBar().actions()]
    assert all(tops) and len(set(tops)) == len(tops), tops
    letters: dict[int, list[str]] = {}
    keys: dict[str, str] = {}
    for menu, action in menu_entries(window):
        text = action.text()
        shortcuts = [s.toString() for s in action.shortcuts() if not s.isEmpty()]
        assert mnemonic_of(text) or shortcuts, f"{plain(menu.title())} › {text}: no key reaches it"
        if mnemonic_of(text):
            letters.setdefault(id(menu), []).append(mnemonic_of(text))
        for key in shortcuts:
            assert key not in keys, f"{key} is both {keys[key]!r} and {text!r}"
            keys[key] = text
    for found in letters.values():
        assert len(set(found)) == len(found), f"a mnemonic used twice in one menu: {found}"
    assert keys["Ctrl+Q"] == "&Quitter" and keys["F1"] == "&Raccourcis clavier"


def test_shortcuts_dialog_is_built_from_the_actions_and_opens_with_f1(
    qtbot: QtBot, make_window: MakeWindow, demo_services: Services, french: str
) -> None:
    window = make_window(demo_services)
    window.show_page("contacts")
    wait_idle(qtbot, window)
    activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    dialog = window.shortcuts_dialog
    assert isinstance(dialog, ShortcutsDialog) and dialog.isVisible()
    assert dialog.windowTitle() == "Raccourcis clavier"
    assert dialog.keys_of("Nouveau contact") == "Ctrl+N"
    assert dialog.keys_of("Annuler") == "Ctrl+Z"
    assert dialog.keys_of("Demandes presse") == "Ctrl+5"
    assert dialog.keys_of("Enregistrer le contact en cours de modification") == "Ctrl+S"
    groups = {line.group for line in dialog.lines}
    assert {"Fichier", "Édition", "Affichage", "Aide", "Ailleurs"} <= groups
    dialog.close()
    # A new entry of a menu is listed the next time, without touching the dialog.
    extra = QAction("&Vérifier les doublons", window)
    extra.setShortcut(QKeySequence("Ctrl+Shift+D"))
    window.menuBar().actions()[1].menu().addAction(extra)  # type: ignore[union-attr]
    again = ShortcutsDialog(window)
    qtbot.addWidget(again)
    assert again.keys_of("Vérifier les doublons") == "Ctrl+Maj+D"


def _check(root: QWidget, where: str) -> list[str]:
    problems = [
        f"{where}: icon-only button without a name: {b}" for b in unnamed_icon_buttons(root)
    ]
    problems += [f"{where}: Tab goes back up: {j}" for j in tab_order_jumps(root)]
    return problems


def test_pages_have_named_icon_buttons_and_a_tab_order_down_the_page(
    qtbot: QtBot, make_window: MakeWindow, demo_services: Services, french: str
) -> None:
    window = make_window(demo_services)
    problems = []
    for name in window.page_names:
        window.show_page(name)
        wait_idle(qtbot, window)
        problems += [p for p in unnamed_icon_buttons(window)]
    view = window.contacts_view()
    window.show_page("contacts")
    wait_idle(qtbot, window)
    view.table.selectRow(0)
    wait_idle(qtbot, window)
    view.detail.edit()
    settle(qtbot)
    problems += _check(view.detail.form, "contact form")
    problems += unnamed_icon_buttons(window)
    assert not problems, "\n".join(problems)


def _dialogs(services: Services, window: MainWindow) -> Iterator[tuple[str, QDialog]]:
    from fiac_press_desk.ui.dialogs.enquiry_capture import EnquiryCaptureDialog
    from fiac_press_desk.ui.dialogs.release_recipients_dialog import RecipientsDialog
    from fiac_press_desk.ui.dialogs.smtp_settings_dialog import SmtpSettingsDialog

    yield "capture", EnquiryCaptureDialog(services, window)
    yield "smtp", SmtpSettingsDialog(services, window)
    release_id = services.releases.rows()[0].id
    yield "recipients", RecipientsDialog(services, release_id, parent=window)
    yield "shortcuts", ShortcutsDialog(window)


def test_dialogs_have_named_icon_buttons_and_a_tab_order_down_the_form(
    qtbot: QtBot, make_window: MakeWindow, demo_services: Services, french: str
) -> None:
    window = make_window(demo_services)
    problems = []
    for where, dialog in _dialogs(demo_services, window):
        qtbot.addWidget(dialog)
        dialog.show()
        settle(qtbot)
        problems += _check(dialog, where)
        dialog.close()
    assert not problems, "\n".join(problems)
