"""File > Restore a backup…: the database's automatic backups with their date and what they
hold; restoring one first backs up the base as it is (so the restore can itself be taken
back), then the window reopens on the restored base.

``show_restore(window)`` is what the main window's menu calls.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLocale, QModelIndex, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from fiac_press_desk.domain.errors import PressDeskError
from fiac_press_desk.services.backups import BackupInfo, RestoreResult
from fiac_press_desk.ui import operations
from fiac_press_desk.ui.errors import message_of
from fiac_press_desk.ui.formatting import format_moment
from fiac_press_desk.ui.operations import Operation
from fiac_press_desk.ui.qtmodels.backup_model import BackupColumn, BackupModel

if TYPE_CHECKING:
    from fiac_press_desk.services.hub import Services
    from fiac_press_desk.ui.main_window import MainWindow


def show_restore(window: MainWindow) -> None:
    """Open the dialog over ``window``; a restore reopens the window on the restored base."""
    services = window.services
    if services is None:
        return
    dialog = RestoreDialog(services, window)
    dialog.restored.connect(lambda result: reopen(window, result.saved, result.erased_again))
    dialog.exec()


def reopen(window: MainWindow, saved: Path, erased_again: int = 0) -> None:
    """The base under the window changed whole: its pages are built again on it, and what
    could be undone belongs to the base that was replaced."""
    services = window.services
    if services is None:
        return
    window.undo_stack.clear()
    window.attach(services, window.database_label)
    text = QCoreApplication.translate(
        "RestoreDialog", "Backup restored; the database as it was before: %1"
    ).replace("%1", saved.name)
    if erased_again:
        text += " " + QCoreApplication.translate(
            "RestoreDialog", "People erased since the backup, erased again: %1."
        ).replace("%1", str(erased_again))
    window.show_message(text)


class RestoreDialog(QDialog):
    """The backups, newest first; the selected one can be restored."""

    restored = Signal(object)  # RestoreResult: the backup of the base before, who was erased again

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("RestoreDialog")
        self.services = services
        self.job: Operation[RestoreResult] | None = None
        self.setWindowTitle(self.tr("Restore a backup"))
        self.resize(900, 460)
        self.model = BackupModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(BackupColumn.REASON, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(BackupColumn.DATE, 170)
        for column in (
            BackupColumn.CONTACTS,
            BackupColumn.RELEASES,
            BackupColumn.ENQUIRIES,
            BackupColumn.SIZE,
        ):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.selectionModel().currentRowChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(lambda _i: self.restore_selected())
        self.empty = QLabel(
            self.tr(
                "No backup yet. The desk takes one each day at start and before every "
                "import, merge or erasure."
            )
        )
        self.empty.setWordWrap(True)
        self.empty.hide()
        self.folder = QLabel()
        self.folder.setWordWrap(True)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.restore_button = QPushButton(self.tr("Restore this backup"))
        self.restore_button.setObjectName("restore_button")
        self.restore_button.setEnabled(False)
        self.restore_button.clicked.connect(lambda: self.restore_selected())
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.restore_button)
        buttons.addWidget(close)
        intro = QLabel(
            self.tr(
                "Backups of this database, newest first. Restoring one replaces the whole "
                "database with it; the database as it is now is backed up first, so you can "
                "come back to it the same way."
            )
        )
        intro.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.folder)
        layout.addLayout(buttons)
        self.status.setText(self.tr("Reading the backups…"))
        self.refresh()

    def refresh(self) -> None:
        """Read the backups again (off the GUI thread: each one is opened to count)."""
        backups = self.services.backups
        operations.read(
            self,
            lambda _p: (backups.all(), str(backups.backup_folder())),
            self._show,
            key="backups",
        )

    def _show(self, answer: tuple[list[BackupInfo], str]) -> None:
        listed, folder = answer
        self.model.set_backups(listed)
        self.status.setText("")
        self.folder.setText(self.tr("Folder: %1").replace("%1", folder))
        self.empty.setVisible(not listed)
        self.table.setVisible(bool(listed))
        for row, backup in enumerate(listed):
            if backup.readable:
                self.table.selectRow(row)
                break
        self._selection_changed(self.table.currentIndex(), QModelIndex())

    def selected(self) -> BackupInfo | None:
        """The backup chosen, if it can be restored."""
        index = self.table.currentIndex()
        backup = self.model.backup(index.row()) if index.isValid() else None
        return backup if backup is not None and backup.readable else None

    def _selection_changed(self, _current: QModelIndex, _previous: QModelIndex) -> None:
        self.restore_button.setEnabled(self.selected() is not None and self.job is None)

    def restore_selected(self, *, confirm: bool = True) -> Operation[RestoreResult] | None:
        """Restore the selected backup (after asking), off the GUI thread."""
        backup = self.selected()
        if backup is None or self.job is not None:
            return None
        if confirm:
            answer = QMessageBox.question(
                self,
                self.tr("Restore a backup"),
                self.tr(
                    "Replace the whole database with the backup of %1 (contacts: %2)? "
                    "The database as it is now is backed up first."
                )
                .replace("%1", format_moment(backup.taken_at))
                .replace("%2", QLocale().toString(backup.contacts or 0)),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return None
        backups, path = self.services.backups, backup.path
        self.restore_button.setEnabled(False)
        self.status.setText(self.tr("Restoring…"))
        job = operations.write(
            self, lambda _p: backups.restore(path), self._restored, on_error=self._failed
        )
        job.finished.connect(self._job_done)
        self.job = job
        return job

    def _job_done(self) -> None:
        self.job = None
        self._selection_changed(self.table.currentIndex(), QModelIndex())

    def _restored(self, result: RestoreResult) -> None:
        self.accept()
        self.restored.emit(result)

    def _failed(self, error: PressDeskError) -> None:
        self.status.setText("")
        QMessageBox.warning(self, self.tr("Restore a backup"), message_of(error))
        self.refresh()
