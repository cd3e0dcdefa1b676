"""Past import batches, newest first: when, from which files, what they did, whether undone."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QLocale, QModelIndex, QPersistentModelIndex, Qt

from fiac_press_desk.domain.enums import ImportBatchStatus
from fiac_press_desk.services.imports import ImportBatchInfo
from fiac_press_desk.ui import labels

IndexLike = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()


class HistoryColumn(IntEnum):
    DATE = 0
    FILES = 1
    CREATED = 2
    UPDATED = 3
    SKIPPED = 4
    REFUSED = 5
    STATUS = 6


class ImportHistoryModel(QAbstractTableModel):
    BATCH_ROLE = Qt.ItemDataRole.UserRole + 1  # batch id
    UNDOABLE_ROLE = Qt.ItemDataRole.UserRole + 2  # True while the batch is applied

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[ImportBatchInfo] = []
        self._statuses = labels.batch_statuses()

    def set_batches(self, batches: list[ImportBatchInfo]) -> None:
        self.beginResetModel()
        self._rows = list(batches)
        self._statuses = labels.batch_statuses()
        self.endResetModel()

    def batch(self, row: int) -> ImportBatchInfo | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: IndexLike = ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: IndexLike = ROOT) -> int:
        return 0 if parent.isValid() else len(HistoryColumn)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        headers = {
            HistoryColumn.DATE: self.tr("Date"),
            HistoryColumn.FILES: self.tr("Files"),
            HistoryColumn.CREATED: self.tr("Created"),
            HistoryColumn.UPDATED: self.tr("Updated"),
            HistoryColumn.SKIPPED: self.tr("Skipped"),
            HistoryColumn.REFUSED: self.tr("Refused"),
            HistoryColumn.STATUS: self.tr("Status"),
        }
        return headers.get(HistoryColumn(section)) if 0 <= section < len(HistoryColumn) else None

    def data(self, index: IndexLike, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        batch = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(batch, column)
        if role == Qt.ItemDataRole.ToolTipRole and column == HistoryColumn.FILES:
            return batch.source
        if role == Qt.ItemDataRole.TextAlignmentRole and HistoryColumn.CREATED <= column <= 5:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == self.BATCH_ROLE:
            return batch.id
        if role == self.UNDOABLE_ROLE:
            return batch.status is ImportBatchStatus.APPLIED
        return None

    def _display(self, batch: ImportBatchInfo, column: int) -> str:
        if column == HistoryColumn.DATE:
            local = batch.created_at.astimezone()
            return QLocale().toString(local, QLocale.FormatType.ShortFormat)
        if column == HistoryColumn.FILES:
            names = [p.replace("\\", "/").rsplit("/", 1)[-1] for p in batch.source.splitlines()]
            return ", ".join(names)
        if column == HistoryColumn.STATUS:
            text = self._statuses[batch.status]
            if batch.undone_at is not None:
                when = QLocale().toString(
                    batch.undone_at.astimezone(), QLocale.FormatType.ShortFormat
                )
                text = self.tr("%1 on %2").replace("%1", text).replace("%2", when)
            return text
        counts = {
            HistoryColumn.CREATED: batch.created,
            HistoryColumn.UPDATED: batch.updated,
            HistoryColumn.SKIPPED: batch.skipped,
            HistoryColumn.REFUSED: batch.refused,
        }
        return QLocale().toString(counts[HistoryColumn(column)])
