"""The main window: navigation, menus and shortcuts, layout that survives a restart, the
language switch, files dropped on the window, pages that fail to load."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from fiac_press_desk.services import Services
from fiac_press_desk.ui import i18n, main_window, operations, settings
from fiac_press_desk.ui.main_window import MainWindow
from fiac_press_desk.ui.pages import PageSpec
from fiac_press_desk.ui.qtmodels.contacts_model import ContactsModel
from tests.ui.conftest import activate, person, settle, wait_idle, wait_loaded

pytestmark = pytest.mark.qt_log_ignore(r"^This plugin does not support ")

MakeWindow = Callable[..., MainWindow]


def menu_titles(window: MainWindow) -> list[str]:
    return [a.text() for a in window.menuBar().actions()]


def test_french_window_has_menus_sidebar_toolbar_and_status(
    qtbot: QtBot, make_window: MakeWindow, demo_services: Services, french: str
) -> None:
    window = make_window(demo_services, "/tmp/desk/press-desk.sqlite3")
    assert menu_titles(window) == ["&Fichier", "&Édition", "&Affichage", "Aid&e"]
    assert window.windowTitle() == "FIAC Press Desk — press-desk.sqlite3"
    titles = {
        "dashboard": "Tableau de bord",
        "contacts": "Contacts",
        "organisations": "Organisations",
        "releases": "Communiqués",
        "enquiries": "Demandes presse",
        "coverage": "Retombées presse",
        "duplicates": "Doublons",
    }
    for name in window.page_names:
        item = window.sidebar.page_item(name)
        assert item is not None and item.text(0) == titles[name]
    assert "contacts" in window.page_names
    # The home page is the dashboard once it exists, else the contacts.
    assert window.current_page() == window.page_names[0]
    toolbar = [a.text() for a in window.toolbar.actions() if not a.isSeparator()]
    assert toolbar[:2] == ["&Nouveau contact", "&Saisie rapide d’une demande…"]
    lists = [
        window.sidebar.topLevelItem(i).text(0) for i in range(window.sidebar.topLevelItemCount())
    ]
    assert "LISTES DE DIFFUSION" in lists and "ÉTIQUETTES" in lists
    assert window.database_status.text() == "press-desk.sqlite3"


def test_pages_follow_the_sidebar_and_ctrl_digits(
    qtbot: QtBot, make_window: MakeWindow, demo_services: Services
) -> None:
    window = make_window(demo_services)
    for number, name in enumerate(window.page_names, start=1):
        window.actions_by_name[f"page_{name}"].trigger()
        assert window.current_page() == name
        assert window.page_stack.currentWidget() is window.pages[name]
        assert window.actions_by_name[f"page_{name}"].shortcut() == QKeySequence(f"Ctrl+{number}")
    window.sidebar.setCurrentItem(window.sidebar.page_item("contacts"))
    assert window.current_page() == "contacts"


def test_shortcuts_of_the_menus(qtbot: QtBot, make_window: MakeWindow, services: Services) -> None:
    window = make_window(services)
    keys = {
        name: window.actions_by_name[name].shortcut()
        for name in ("new_contact", "quick_capture", "find", "edit", "delete", "undo", "import")
    }
    assert keys["new_contact"] == QKeySequence("Ctrl+N")
    assert keys["quick_capture"] == QKeySequence("Ctrl+Shift+N")
    assert keys["find"] == QKeySequence("Ctrl+F")
    assert keys["edit"] == QKeySequence("F2")
    assert keys["delete"] == QKeySequence(QKeySequence.StandardKey.Delete)
    assert keys["undo"] == QKeySequence("Ctrl+Z")
    # Dialog entry points are enabled (their modules are part of the window, always there).
    assert window.actions_by_name["import"].isEnabled()
    assert window.actions_by_name["export"].isEnabled()
    assert window.actions_by_name["quick_capture"].isEnabled()


def test_ctrl_f_goes_to_the_contacts_search(
    qtbot: QtBot, make_window: MakeWindow, demo_services: Services
) -> None:
    window = make_window(demo_services)
    window.show_page("organisations" if "organisations" in window.page_names else "contacts")
    activate(qtbot, window)
    window.show_page("contacts")
    view = window.contacts_view()
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view.filters.search)
    assert window.current_page() == "contacts"


def test_window_layout_and_columns_persist_between_runs(
    qtbot: QtBot, make_window: MakeWindow, demo_services: Services, _isolated_settings: Path
) -> None:
    window = make_window(demo_services)
    window.show_page("contacts")
    view = window.contacts_view()
    wait_loaded(qtbot, view)
    window.resize(790, 700)
    view.table.horizontalHeader().resizeSection(ContactsModel.Columns.EMAIL, 321)
    view.splitter.setSizes([500, 400])
    window.splitter.setSizes([240, 550])
    sizes, main_sizes = view.splitter.sizes(), window.splitter.sizes()
    window.close()
    assert (_isolated_settings / "settings.ini").exists()

    again = make_window(demo_services, restore=True)
    assert again.current_page() == "contacts"  # the last page shown
    assert (again.width(), again.height()) == (790, 700)
    view = again.contacts_view()
    assert view.table.horizontalHeader().sectionSize(ContactsModel.Columns.EMAIL) == 321
    assert view.splitter.sizes() == sizes
    assert again.splitter.sizes() == main_sizes


def test_language_switch_is_live_and_remembered(
    qtbot: QtBot, make_window: MakeWindow, demo_services: Services, french: str
) -> None:
    window = make_window(demo_services)
    window.show_page("contacts")
    view = window.contacts_view()
    wait_loaded(qtbot, view)
    view.filters.search.setText("a")
    view.filters.apply_now()
    wait_loaded(qtbot, view)
    assert window.actions_by_name["language_fr"].isChecked()
    window.actions_by_name["language_en"].trigger()
    qtbot.waitUntil(lambda: menu_titles(window) == ["&File", "&Edit", "&View", "&Help"])
    assert settings.language() == "en"
    assert i18n.current() == "en"
    assert window.current_page() == "contacts"
    view = window.contacts_view()
    wait_loaded(qtbot, view)
    assert view.filters.search.text() == "a"  # what was being looked at survives
    assert view.model.headerData(0, Qt.Orientation.Horizontal) == "Name"
    assert window.sidebar.page_item("contacts").text(0) == "Contacts"  # type: ignore[union-attr]
    assert window.actions_by_name["language_en"].isChecked()
    window.actions_by_name["language_fr"].trigger()
    qtbot.waitUntil(lambda: menu_titles(window)[0] == "&Fichier")
    assert window.contacts_view().model.headerData(0, Qt.Orientation.Horizontal) == "Nom"
    assert settings.language() == "fr"


def _drop(window: MainWindow, paths: list[Path]) -> QDropEvent:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    event = QDropEvent(
        QPointF(300, 300),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(event)
    return event


def test_dropped_files_go_to_import_or_enquiry_capture(
    qtbot: QtBot,
    make_window: MakeWindow,
    services: Services,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = make_window(services)
    imported: list[list[Path]] = []
    captured: list[list[Path] | None] = []
    monkeypatch.setattr(window, "run_import", imported.append)
    monkeypatch.setattr(window, "open_capture", captured.append)
    files = [tmp_path / n for n in ("carnet.vcf", "presse.XLSX", "demande.eml", "photo.png")]
    for path in files:
        path.write_bytes(b"x")
    event = _drop(window, files)
    assert event.isAccepted()
    qtbot.waitUntil(lambda: bool(imported and captured))
    assert imported == [[files[0], files[1]]]
    assert captured == [[files[2]]]
    refused = _drop(window, [files[3]])
    assert not refused.isAccepted()


def test_demo_data_from_the_file_menu_asks_when_the_database_is_not_empty(
    qtbot: QtBot,
    make_window: MakeWindow,
    services: Services,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    services.contacts.create(person("Anne", "Alpha", "anne@example.fr"))
    window = make_window(services)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    window.actions_by_name["demo"].trigger()
    settle(qtbot)  # the count of contacts is read before the question
    assert operations.idle() and not operations.is_busy()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    window.show_page("contacts")
    window.actions_by_name["demo"].trigger()
    settle(qtbot, timeout=30_000)
    wait_idle(qtbot, window)
    assert window.contacts_view().model.rowCount() > 50
    assert window.sidebar.list_item(services.lists.all()[0].id) is not None


def test_a_page_that_fails_to_load_says_so_in_place(
    qtbot: QtBot, make_window: MakeWindow, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    from fiac_press_desk.ui.views import contacts_filters

    pages = [
        *main_window.PAGES,
        PageSpec("broken", lambda services, parent: contacts_filters.NoSuchView()),  # type: ignore[attr-defined]
    ]
    monkeypatch.setattr(main_window, "PAGES", pages)
    window = make_window(services)
    window.show_page("broken")
    page = window.pages["broken"]
    assert isinstance(page, QLabel)
    assert "NoSuchView" in page.text()
