"""The other side of the ledger: what one contact received, newest first."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from fiac_press_desk.services.contact_history import ReleaseReceived
from fiac_press_desk.ui import formatting, labels

IndexLike = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()


class HistoryColumn(IntEnum):
    DATE = 0
    RELEASE = 1
    CHANNEL = 2
    ADDRESS = 3
    STATUS = 4


class ReleaseHistoryModel(QAbstractTableModel):
    RELEASE_ROLE = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._items: list[ReleaseReceived] = []
        self._statuses = labels.distribution_statuses()
        self._channels = labels.distribution_channels()

    def set_items(self, items: list[ReleaseReceived]) -> None:
        self.beginResetModel()
        self._items = list(items)
        self._statuses = labels.distribution_statuses()
        self._channels = labels.distribution_channels()
        self.endResetModel()

    def item(self, row: int) -> ReleaseReceived | None:
        return self._items[row] if 0 <= row < len(self._items) else None

    def rowCount(self, parent: IndexLike = ROOT) -> int:
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: IndexLike = ROOT) -> int:
        return 0 if parent.isValid() else len(HistoryColumn)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < len(HistoryColumn):
            return None
        return {
            HistoryColumn.DATE: self.tr("Date"),
            HistoryColumn.RELEASE: self.tr("Release"),
            HistoryColumn.CHANNEL: self.tr("Channel"),
            HistoryColumn.ADDRESS: self.tr("Address"),
            HistoryColumn.STATUS: self.tr("Status"),
        }[HistoryColumn(section)]

    def data(self, index: IndexLike, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        if not 0 <= index.column() < len(HistoryColumn):
            return None
        item = self._items[index.row()]
        column = HistoryColumn(index.column())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == HistoryColumn.DATE:
                return formatting.format_moment(item.when)
            if column == HistoryColumn.RELEASE:
                return item.title
            if column == HistoryColumn.CHANNEL:
                return self._channels.get(item.channel, item.channel)
            if column == HistoryColumn.ADDRESS:
                return item.address or "—"
            text = self._statuses.get(item.status, item.status)
            return f"{text} — {item.error}" if item.error else text
        if role == self.RELEASE_ROLE:
            return item.release_id
        if role == Qt.ItemDataRole.ForegroundRole and column == HistoryColumn.STATUS:
            return labels.distribution_status_color(item.status)
        return None
