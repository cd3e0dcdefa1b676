"""File > Restore a backup…: the backups with their date and counts; restoring one backs up
the base as it is, and the window reopens on the restored base."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from fiac_press_desk.services import Services
from fiac_press_desk.services.backups import parse
from fiac_press_desk.services.contact_queries import ContactFilter
from fiac_press_desk.ui.dialogs.backup_restore import RestoreDialog, reopen
from fiac_press_desk.ui.main_window import MainWindow
from fiac_press_desk.ui.qtmodels.backup_model import BackupColumn, BackupModel
from tests.ui.conftest import person, settle, wait_loaded

MakeWindow = Callable[..., MainWindow]


def cell(model: BackupModel, row: int, column: BackupColumn) -> str:
    return str(model.index(row, column).data())


def open_dialog(qtbot: QtBot, window: MainWindow, services: Services) -> RestoreDialog:
    dialog = RestoreDialog(services, window)
    dialog.restored.connect(lambda result: reopen(window, result.saved, result.erased_again))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.status.text() == "", timeout=10_000)
    return dialog


def test_the_file_menu_offers_to_restore_a_backup(
    qtbot: QtBot, make_window: MakeWindow, services: Services, french: str
) -> None:
    window = make_window(services)
    file_menu = window.menuBar().actions()[0].menu()
    texts = [a.text() for a in file_menu.actions()]
    assert "&Restaurer une sauvegarde…" in texts


def test_the_list_shows_date_reason_and_counts_in_french(
    qtbot: QtBot,
    make_window: MakeWindow,
    demo_services: Services,
    french: str,
    qtmodeltester: object,
) -> None:
    demo_services.backups.take("daily")
    broken = demo_services.backups.take("import")
    broken.write_bytes(b"abimee" * 1000)
    window = make_window(demo_services)
    dialog = open_dialog(qtbot, window, demo_services)
    model = dialog.model
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    assert model.rowCount() == 2
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in BackupColumn]
    assert headers == ["Date", "Prise", "Contacts", "Communiqués", "Demandes presse", "Taille"]
    assert cell(model, 0, BackupColumn.REASON) == "Avant un import"
    assert cell(model, 0, BackupColumn.CONTACTS) == "endommagée"
    assert cell(model, 1, BackupColumn.REASON) == "Quotidienne"
    counts = demo_services.contact_queries.count(ContactFilter(archived=None))
    assert cell(model, 1, BackupColumn.CONTACTS) == str(counts)
    assert int(cell(model, 1, BackupColumn.RELEASES)) > 0
    assert int(cell(model, 1, BackupColumn.ENQUIRIES)) > 0
    # The damaged one cannot be chosen; the good one is selected.
    assert dialog.table.currentIndex().row() == 1 and dialog.restore_button.isEnabled()
    dialog.table.selectRow(0)
    assert not dialog.restore_button.isEnabled()
    assert dialog.restore_selected(confirm=False) is None


def test_restoring_backs_up_the_base_and_reopens_the_window_on_the_restored_one(
    qtbot: QtBot, make_window: MakeWindow, services: Services, french: str
) -> None:
    services.contacts.create(person("Ada", "Avant", "ada@example.org"))
    services.backups.take("daily")
    for n in range(3):
        services.contacts.create(person(f"Bea{n}", "Apres", f"bea{n}@example.org"))
    window = make_window(services)
    window.show_page("contacts")
    view = window.contacts_view()
    wait_loaded(qtbot, view)
    assert view.model.rowCount() == 4
    window.undo_stack.push(_Nothing())

    dialog = open_dialog(qtbot, window, services)
    assert cell(dialog.model, 0, BackupColumn.CONTACTS) == "1"
    job = dialog.restore_selected(confirm=False)
    assert job is not None
    qtbot.waitUntil(lambda: window.contacts_view().model.is_loaded(), timeout=10_000)
    settle(qtbot)
    view = window.contacts_view()
    wait_loaded(qtbot, view)
    assert view.model.rowCount() == 1
    assert window.undo_stack.count() == 0  # undoing a change of the replaced base: no
    assert "Sauvegarde restaurée" in window.statusBar().currentMessage()
    # The base as it was before is a backup of its own, listed first.
    saved = services.backups.files()[0]
    assert saved.reason == "restore" and parse(saved.path) == saved
    assert saved.path.name in window.statusBar().currentMessage()


class _Nothing:
    """Stand-in for an undoable command: QUndoStack wants a QUndoCommand."""

    def __new__(cls) -> object:  # type: ignore[misc]
        from PySide6.QtGui import QUndoCommand

        return QUndoCommand("rien")


def test_restore_dialog_screenshot(
    qtbot: QtBot, make_window: MakeWindow, demo_services: Services, french: str, tmp_path: Path
) -> None:
    """What the press officer sees (saved for a look: tmp_path/restore.png)."""
    demo_services.backups.take("daily")
    demo_services.backups.take("merge")
    window = make_window(demo_services)
    dialog = open_dialog(qtbot, window, demo_services)
    image = dialog.grab()
    assert image.width() >= 800
    image.save(str(tmp_path / "restore.png"))
