"""A release's ledger: who got it, at which address, by which channel, when (or why not)."""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import Qt

from fiac_press_desk.domain.text import fold
from fiac_press_desk.services.distribution import LedgerLine
from fiac_press_desk.ui import formatting, labels
from fiac_press_desk.ui.qtmodels.table_base import Column, IndexLike, RowTableModel


class LedgerColumn(IntEnum):
    """The columns of a release's ledger, in order."""

    NAME = 0
    OUTLET = 1
    ADDRESS = 2
    CHANNEL = 3
    STATUS = 4
    DATE = 5
    REASON = 6


class RecipientLedgerModel(RowTableModel[LedgerLine]):
    """Holds every line (20 000 is fine: cells are computed when painted)."""

    Columns = LedgerColumn

    IdRole = Qt.ItemDataRole.UserRole + 1  # distribution id
    ContactRole = Qt.ItemDataRole.UserRole + 2
    StatusRole = Qt.ItemDataRole.UserRole + 3
    SortRole = Qt.ItemDataRole.UserRole + 4

    def set_lines(self, lines: list[LedgerLine]) -> None:
        self.reset_rows(lines)

    def line(self, row: int) -> LedgerLine | None:
        return self.row_at(row)

    def refresh_labels(self) -> None:
        self._statuses = labels.distribution_statuses()
        self._channels = labels.distribution_channels()

    def columns(self) -> Sequence[Column[LedgerLine]]:
        return [
            Column(self.tr("Name"), lambda line: line.name),
            Column(self.tr("Outlet"), lambda line: line.organisation),
            Column(self.tr("Address"), lambda line: line.address or "—"),
            Column(self.tr("Channel"), lambda li: self._channels.get(li.channel, li.channel)),
            Column(self.tr("Status"), lambda li: self._statuses.get(li.status, li.status)),
            Column(self.tr("Date"), lambda line: formatting.format_moment(line.when)),
            Column(self.tr("Server's answer"), lambda line: line.error),
        ]

    def data(self, index: IndexLike, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == self.SortRole and index.isValid() and index.column() == LedgerColumn.NAME:
            return index.row()  # the service's order: family name, then given name
        return super().data(index, role)

    def tooltip(self, row: LedgerLine, column: int) -> Any:
        return self.cell_text(row, column)

    def cell_data(self, row: LedgerLine, column: int, role: int) -> Any:
        if role == self.IdRole:
            return row.distribution_id
        if role == self.ContactRole:
            return row.contact_id
        if role == self.StatusRole:
            return row.status
        if role == self.SortRole:
            if column == LedgerColumn.DATE:
                return row.when.isoformat()
            return fold(self.cell_text(row, column))
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == LedgerColumn.STATUS:
                return labels.distribution_status_color(row.status)
            if column == LedgerColumn.DATE and row.sent_at is None:
                return labels.GREY  # when it was tried or queued, not when it arrived
        return None
