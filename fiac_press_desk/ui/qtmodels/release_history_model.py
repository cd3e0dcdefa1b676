"""The other side of the ledger: what one contact received, newest first."""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import Qt

from fiac_press_desk.services.contact_history import ReleaseReceived
from fiac_press_desk.ui import formatting, labels
from fiac_press_desk.ui.qtmodels.table_base import Column, RowTableModel


class HistoryColumn(IntEnum):
    """The columns of what one contact received, in order."""

    DATE = 0
    RELEASE = 1
    CHANNEL = 2
    ADDRESS = 3
    STATUS = 4


class ReleaseHistoryModel(RowTableModel[ReleaseReceived]):
    """What one contact received from the press office, newest first."""

    Columns = HistoryColumn
    ReleaseRole = Qt.ItemDataRole.UserRole + 1

    def set_items(self, items: list[ReleaseReceived]) -> None:
        self.reset_rows(list(items))

    def refresh_labels(self) -> None:
        self._statuses = labels.distribution_statuses()
        self._channels = labels.distribution_channels()

    def columns(self) -> Sequence[Column[ReleaseReceived]]:
        return [
            Column(self.tr("Date"), lambda i: formatting.format_moment(i.when)),
            Column(self.tr("Release"), lambda i: i.title),
            Column(self.tr("Channel"), lambda i: self._channels.get(i.channel, i.channel)),
            Column(self.tr("Address"), lambda i: i.address or "—"),
            Column(self.tr("Status"), self._status),
        ]

    def _status(self, item: ReleaseReceived) -> str:
        text = self._statuses.get(item.status, item.status)
        return f"{text} — {item.error}" if item.error else text

    def tooltip(self, row: ReleaseReceived, column: int) -> Any:
        return self.cell_text(row, column)  # a long title or refusal reads whole here

    def cell_data(self, row: ReleaseReceived, column: int, role: int) -> Any:
        if role == self.ReleaseRole:
            return row.release_id
        if role == Qt.ItemDataRole.ForegroundRole and column == HistoryColumn.STATUS:
            return labels.distribution_status_color(row.status)
        return None
