"""Past imports and "undo this import": each batch puts the database back as it was before it.

``show_import_history(services, parent)`` is what the main window calls. Undoing runs in a
background job (a batch can hold thousands of contacts) and tells every view that contacts
changed.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex
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
from fiac_press_desk.services.hub import Services
from fiac_press_desk.services.imports import ImportBatchInfo
from fiac_press_desk.ui import operations
from fiac_press_desk.ui.errors import message_of
from fiac_press_desk.ui.operations import Operation
from fiac_press_desk.ui.qtmodels.import_history_model import HistoryColumn, ImportHistoryModel


def show_import_history(services: Services, parent: QWidget | None) -> None:
    dialog = ImportHistoryDialog(services, parent)
    dialog.exec()


class ImportHistoryDialog(QDialog):
    """Past imports, newest first; the selected one can be undone."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.job: Operation[None] | None = None
        self.setWindowTitle(self.tr("Import history"))
        self.resize(960, 480)
        self.model = ImportHistoryModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(HistoryColumn.FILES, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(HistoryColumn.DATE, 150)
        header.resizeSection(HistoryColumn.STATUS, 200)
        self.table.selectionModel().currentRowChanged.connect(self._selection_changed)
        self.empty = QLabel(self.tr("No import yet."))
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.undo_button = QPushButton(self.tr("Undo this import"))
        self.undo_button.setEnabled(False)
        self.undo_button.clicked.connect(lambda: self.undo_selected())
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.undo_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Imports, newest first. Undoing one deletes the contacts it created and "
                "restores those it updated."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addLayout(buttons)
        self.refresh()

    def refresh(self) -> None:
        """Read the imports again (off the GUI thread)."""
        imports = self.services.imports
        operations.read(self, lambda _p: imports.batches(), self._show, key="batches")

    def _show(self, batches: list[ImportBatchInfo]) -> None:
        self.model.set_batches(batches)
        self.empty.setVisible(self.model.rowCount() == 0)
        if self.model.rowCount():
            self.table.selectRow(0)
        self._selection_changed(self.table.currentIndex(), QModelIndex())

    def _selection_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        undoable = bool(current.isValid() and current.data(ImportHistoryModel.UndoableRole))
        self.undo_button.setEnabled(undoable and self.job is None)

    def undo_selected(self, *, confirm: bool = True) -> None:
        index = self.table.currentIndex()
        batch = self.model.batch(index.row()) if index.isValid() else None
        if batch is None or not index.data(ImportHistoryModel.UndoableRole):
            return
        if confirm:
            answer = QMessageBox.question(
                self,
                self.tr("Undo this import"),
                self.tr(
                    "Undo the import of %1? Its %2 created contact(s) are deleted and its %3 "
                    "updated contact(s) put back as they were."
                )
                .replace("%1", index.siblingAtColumn(HistoryColumn.FILES).data())
                .replace("%2", str(batch.created))
                .replace("%3", str(batch.updated)),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        imports, batch_id = self.services.imports, batch.id
        self.undo_button.setEnabled(False)
        self.status.setText(self.tr("Undoing…"))
        job = operations.write(
            self,
            lambda _p: imports.undo(batch_id),
            self._undone,
            changes=("contacts", "imports"),
            on_error=self._failed,
        )
        job.finished.connect(self._job_done)
        self.job = job

    def _job_done(self) -> None:
        job, self.job = self.job, None
        if job is not None and job.state == "unexpected":
            self.status.setText("")
            self.refresh()

    def _undone(self, _result: object) -> None:
        self.status.setText(self.tr("Import undone."))
        self.refresh()

    def _failed(self, error: PressDeskError) -> None:
        self.status.setText("")
        QMessageBox.warning(self, self.tr("Undo this import"), message_of(error))
        self.refresh()
