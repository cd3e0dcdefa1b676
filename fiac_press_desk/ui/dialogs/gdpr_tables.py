"""A read-only table of people for the GDPR dialogs (to inform, due for review): one row per
contact, the contact id kept on the first cell, selection by rows. A plain ``QTableWidget``:
these lists are a few hundred rows at most and are rebuilt whole at each read."""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

ContactIdRole = Qt.ItemDataRole.UserRole + 1


class PeopleTable(QTableWidget):
    """Rows of (contact id, cells); ``selected_ids`` says which the officer picked."""

    def __init__(self, columns: type[IntEnum], headers: Sequence[str]) -> None:
        super().__init__(0, len(columns))
        self.setHorizontalHeaderLabels(list(headers))
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.verticalHeader().hide()
        self.horizontalHeader().setStretchLastSection(True)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.setSortingEnabled(False)

    def fill(self, rows: Sequence[tuple[int, Sequence[str], dict[int, QColor]]]) -> None:
        """Replace the rows: (contact id, one text per column, {column: colour})."""
        selected = set(self.selected_ids())
        self.setRowCount(len(rows))
        for r, (contact_id, cells, colours) in enumerate(rows):
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if c == 0:
                    item.setData(ContactIdRole, contact_id)
                if c in colours:
                    item.setForeground(colours[c])
                self.setItem(r, c, item)
        # Every column but the last (which stretches) to its contents, at most 180 pixels:
        # long names elide, the tooltip has them.
        for c in range(self.columnCount() - 1):
            self.resizeColumnToContents(c)
            self.setColumnWidth(c, min(self.columnWidth(c), 180))
        if selected:
            for r in range(self.rowCount()):
                if self.contact_id(r) in selected:
                    self.selectRow(r)

    def contact_id(self, row: int) -> int:
        item = self.item(row, 0)
        return int(item.data(ContactIdRole)) if item is not None else -1

    def all_ids(self) -> list[int]:
        return [self.contact_id(r) for r in range(self.rowCount())]

    def selected_ids(self) -> list[int]:
        rows = sorted({index.row() for index in self.selectionModel().selectedRows()})
        return [self.contact_id(r) for r in rows]
