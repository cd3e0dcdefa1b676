"""The other side of the ledger, from a release's recipient: everything this contact received
(read off the GUI thread)."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from fiac_press_desk.services.contact_history import ReleaseReceived
from fiac_press_desk.services.hub import Services
from fiac_press_desk.ui import formatting, operations
from fiac_press_desk.ui.qtmodels.release_history_model import HistoryColumn, ReleaseHistoryModel


class ContactReleasesDialog(QDialog):
    """What one contact received, newest first."""

    def __init__(
        self, services: Services, contact_id: int, name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._name = name
        self.setWindowTitle(self.tr("Releases received by %1").replace("%1", name))
        self.model = ReleaseHistoryModel(self)
        heading = QLabel(self)
        heading.setWordWrap(True)
        self.heading = heading
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.resizeSection(HistoryColumn.DATE, 140)
        header.setSectionResizeMode(HistoryColumn.RELEASE, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(HistoryColumn.CHANNEL, 120)
        header.resizeSection(HistoryColumn.ADDRESS, 200)
        header.resizeSection(HistoryColumn.STATUS, 150)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(860, 360)
        distributions = services.distributions
        operations.read(self, lambda _p: distributions.received_by(contact_id), self._show)

    def _show(self, items: list[ReleaseReceived]) -> None:
        self.model.set_items(items)
        if self.table.hasFocus() and items:  # the keyboard's place, as before
            self.table.selectionModel().setCurrentIndex(
                self.model.index(0, 0), QItemSelectionModel.SelectionFlag.NoUpdate
            )
        self.heading.setText(
            self.tr("What %1 received from the press office, newest first:").replace(
                "%1", self._name
            )
            + " "
            + formatting.count_text(len(items), self.tr("%1 line"), self.tr("%1 lines"))
        )
