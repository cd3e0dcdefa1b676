"""A release's ledger: who got it, at which address, by which channel, when (or why not)."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from fiac_press_desk.domain.text import fold
from fiac_press_desk.services.distribution import LedgerLine
from fiac_press_desk.ui import formatting, labels

IndexLike = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()


class LedgerColumn(IntEnum):
    NAME = 0
    OUTLET = 1
    ADDRESS = 2
    CHANNEL = 3
    STATUS = 4
    DATE = 5
    REASON = 6


class RecipientLedgerModel(QAbstractTableModel):
    """Holds every line (20 000 is fine: cells are computed when painted)."""

    ID_ROLE = Qt.ItemDataRole.UserRole + 1  # distribution id
    CONTACT_ROLE = Qt.ItemDataRole.UserRole + 2
    STATUS_ROLE = Qt.ItemDataRole.UserRole + 3
    SORT_ROLE = Qt.ItemDataRole.UserRole + 4

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._lines: list[LedgerLine] = []
        self._statuses = labels.distribution_statuses()
        self._channels = labels.distribution_channels()

    def set_lines(self, lines: list[LedgerLine]) -> None:
        self.beginResetModel()
        self._lines = lines
        self._statuses = labels.distribution_statuses()
        self._channels = labels.distribution_channels()
        self.endResetModel()

    def line(self, row: int) -> LedgerLine | None:
        return self._lines[row] if 0 <= row < len(self._lines) else None

    def lines(self) -> list[LedgerLine]:
        return list(self._lines)

    def rowCount(self, parent: IndexLike = ROOT) -> int:
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: IndexLike = ROOT) -> int:
        return 0 if parent.isValid() else len(LedgerColumn)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < len(LedgerColumn):
            return None
        return {
            LedgerColumn.NAME: self.tr("Name"),
            LedgerColumn.OUTLET: self.tr("Outlet"),
            LedgerColumn.ADDRESS: self.tr("Address"),
            LedgerColumn.CHANNEL: self.tr("Channel"),
            LedgerColumn.STATUS: self.tr("Status"),
            LedgerColumn.DATE: self.tr("Date"),
            LedgerColumn.REASON: self.tr("Server's answer"),
        }[LedgerColumn(section)]

    def data(self, index: IndexLike, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._lines):
            return None
        if not 0 <= index.column() < len(LedgerColumn):
            return None
        line = self._lines[index.row()]
        column = LedgerColumn(index.column())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._display(line, column)
        if role == self.ID_ROLE:
            return line.distribution_id
        if role == self.CONTACT_ROLE:
            return line.contact_id
        if role == self.STATUS_ROLE:
            return line.status
        if role == self.SORT_ROLE:
            if column == LedgerColumn.NAME:
                return index.row()  # the service's order: family name, then given name
            if column == LedgerColumn.DATE:
                return line.when.isoformat()
            return fold(self._display(line, column))
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == LedgerColumn.STATUS:
                return labels.distribution_status_color(line.status)
            if column == LedgerColumn.DATE and line.sent_at is None:
                return labels.GREY  # when it was tried or queued, not when it arrived
        return None

    def _display(self, line: LedgerLine, column: LedgerColumn) -> str:
        if column == LedgerColumn.NAME:
            return line.name
        if column == LedgerColumn.OUTLET:
            return line.organisation
        if column == LedgerColumn.ADDRESS:
            return line.address or "—"
        if column == LedgerColumn.CHANNEL:
            return self._channels.get(line.channel, line.channel)
        if column == LedgerColumn.STATUS:
            return self._statuses.get(line.status, line.status)
        if column == LedgerColumn.DATE:
            return formatting.format_moment(line.when)
        return line.error
