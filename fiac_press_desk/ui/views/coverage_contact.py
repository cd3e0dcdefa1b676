"""A journalist's "Publications" tab on their card: what they published (the coverage
items linked to them), newest first; double-click opens the item. Read off the GUI thread."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from fiac_press_desk.services.coverage import CoverageRow
from fiac_press_desk.services.hub import Services
from fiac_press_desk.ui import formatting, operations
from fiac_press_desk.ui.events import data_events
from fiac_press_desk.ui.views.coverage_labels import medium_text, tone_text


class ContactCoveragePanel(QWidget):
    """The items one contact published."""

    count_changed = Signal(int)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._contact_id: int | None = None
        self.table = QTableWidget(0, 5, self)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Date"),
                self.tr("Outlet"),
                self.tr("Title"),
                self.tr("Medium"),
                self.tr("Tone"),
            ]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(2, 130)
        self.table.cellDoubleClicked.connect(self._open)
        self.empty = QLabel(self.tr("No coverage linked to this contact."), self)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setEnabled(False)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.stack)
        data_events().changed.connect(self._data_changed)
        self.count_changed.connect(self._retitle)

    def add_to(self, tabs: QTabWidget) -> None:
        """Become the card's last tab."""
        tabs.addTab(self, self.tr("Publications"))

    def show_contact(self, contact_id: int | None) -> None:
        """Show what ``contact_id`` published (None: nobody)."""
        self._contact_id = contact_id
        if contact_id is None:
            operations.forget_key(self, "published")
            self._show([])
            return
        coverage = self._services.coverage
        operations.read(
            self,
            lambda _p: coverage.for_contacts([contact_id]).get(contact_id, []),
            self._show,
            key="published",
        )

    def _show(self, rows: list[CoverageRow]) -> None:
        self.table.setRowCount(len(rows))
        for row, item in enumerate(rows):
            cells = [formatting.format_day(item.published_on), item.title, item.outlet]
            tip = " · ".join(
                p
                for p in (
                    item.title,
                    medium_text(item.medium.value),
                    tone_text(item.tone.value),
                    item.link,
                )
                if p
            )
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setData(Qt.ItemDataRole.UserRole, item.id)
                cell.setToolTip(tip)
                self.table.setItem(row, column, cell)
        self.stack.setCurrentWidget(self.table if rows else self.empty)
        self.count_changed.emit(len(rows))

    def _retitle(self, count: int) -> None:
        parent = self.parentWidget()
        tabs = parent.parentWidget() if parent is not None else None
        if isinstance(tabs, QTabWidget):
            index = tabs.indexOf(self)
            title = self.tr("Publications")
            tabs.setTabText(index, f"{title} ({count})" if count else title)

    def _open(self, row: int, _column: int) -> None:
        cell = self.table.item(row, 0)
        if cell is not None:
            from fiac_press_desk.ui.dialogs.coverage_dialog import CoverageDialog

            CoverageDialog(self._services, self, int(cell.data(Qt.ItemDataRole.UserRole))).open()

    def _data_changed(self, area: str) -> None:
        if area == "coverage" and self._contact_id is not None:
            self.show_contact(self._contact_id)
