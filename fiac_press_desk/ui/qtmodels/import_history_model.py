"""Past import batches, newest first: when, from which files, what they did, whether undone."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QDateTime, QLocale, Qt

from fiac_press_desk.domain.enums import ImportBatchStatus
from fiac_press_desk.services.imports import ImportBatchInfo
from fiac_press_desk.ui import labels
from fiac_press_desk.ui.qtmodels.table_base import RIGHT, Column, RowTableModel


class HistoryColumn(IntEnum):
    """The columns of the import history, in order."""

    DATE = 0
    FILES = 1
    CREATED = 2
    UPDATED = 3
    SKIPPED = 4
    REFUSED = 5
    STATUS = 6


class ImportHistoryModel(RowTableModel[ImportBatchInfo]):
    """Past imports, newest first; the undoable ones say so (``UndoableRole``)."""

    Columns = HistoryColumn
    BatchRole = Qt.ItemDataRole.UserRole + 1  # batch id
    UndoableRole = Qt.ItemDataRole.UserRole + 2  # True while the batch is applied

    def set_batches(self, batches: list[ImportBatchInfo]) -> None:
        self.reset_rows(list(batches))

    def batch(self, row: int) -> ImportBatchInfo | None:
        return self.row_at(row)

    def refresh_labels(self) -> None:
        self._statuses = labels.batch_statuses()

    def columns(self) -> Sequence[Column[ImportBatchInfo]]:
        return [
            Column(self.tr("Date"), self._date),
            Column(self.tr("Files"), self._files),
            Column(self.tr("Created"), lambda b: QLocale().toString(b.created), RIGHT),
            Column(self.tr("Updated"), lambda b: QLocale().toString(b.updated), RIGHT),
            Column(self.tr("Skipped"), lambda b: QLocale().toString(b.skipped), RIGHT),
            Column(self.tr("Refused"), lambda b: QLocale().toString(b.refused), RIGHT),
            Column(self.tr("Status"), self._status),
        ]

    def tooltip(self, row: ImportBatchInfo, column: int) -> Any:
        return row.source if column == HistoryColumn.FILES else None

    def cell_data(self, row: ImportBatchInfo, column: int, role: int) -> Any:
        if role == self.BatchRole:
            return row.id
        if role == self.UndoableRole:
            return row.status is ImportBatchStatus.APPLIED
        return None

    def _date(self, batch: ImportBatchInfo) -> str:
        return _moment(batch.created_at)

    def _files(self, batch: ImportBatchInfo) -> str:
        names = [p.replace("\\", "/").rsplit("/", 1)[-1] for p in batch.source.splitlines()]
        return ", ".join(names)

    def _status(self, batch: ImportBatchInfo) -> str:
        text = self._statuses[batch.status]
        if batch.undone_at is not None:
            when = _moment(batch.undone_at)
            text = self.tr("%1 on %2").replace("%1", text).replace("%2", when)
        return text


def _moment(when: datetime) -> str:
    """A moment in the user's locale and time zone, short ("31/01/2024 09:30")."""
    return QLocale().toString(
        QDateTime.fromSecsSinceEpoch(int(when.timestamp())), QLocale.FormatType.ShortFormat
    )
