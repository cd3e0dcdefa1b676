"""The releases list: date, reference, title, status, embargo, recipients."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from enum import IntEnum
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont

from fiac_press_desk.services.releases import ReleaseRow
from fiac_press_desk.ui import formatting, labels
from fiac_press_desk.ui.qtmodels.table_base import RIGHT, Column, RowTableModel


class ReleaseColumn(IntEnum):
    """The columns of the releases table, in order."""

    DATE = 0
    REFERENCE = 1
    TITLE = 2
    STATUS = 3
    EMBARGO = 4
    RECIPIENTS = 5


class ReleaseTableModel(RowTableModel[ReleaseRow]):
    """Every press release with its date, status, embargo and recipients."""

    Columns = ReleaseColumn
    IdRole = Qt.ItemDataRole.UserRole + 1
    SortRole = Qt.ItemDataRole.UserRole + 2
    StatusRole = Qt.ItemDataRole.UserRole + 3  # the stable value, for filtering

    # -- loading ------------------------------------------------------------------------------

    def set_rows(self, rows: list[ReleaseRow]) -> None:
        self.reset_rows(list(rows))

    def release_row(self, row: int) -> ReleaseRow | None:
        return self.row_at(row)

    def row_of(self, release_id: int) -> int:
        return next((n for n, r in enumerate(self._rows) if r.id == release_id), -1)

    # -- columns and cells --------------------------------------------------------------------

    def refresh_labels(self) -> None:
        self._statuses = labels.release_statuses()

    def columns(self) -> Sequence[Column[ReleaseRow]]:
        return [
            Column(self.tr("Date"), lambda r: formatting.format_day(r.release_date)),
            Column(self.tr("Reference"), lambda r: r.reference),
            Column(self.tr("Title"), lambda r: r.title),
            Column(self.tr("Status"), lambda r: self._statuses.get(r.status, r.status)),
            Column(self.tr("Embargo"), lambda r: formatting.format_moment(r.embargo_at)),
            Column(self.tr("Recipients"), self._recipients, RIGHT),
        ]

    def cell_data(self, r: ReleaseRow, column: int, role: int) -> Any:
        if role == self.IdRole:
            return r.id
        if role == self.StatusRole:
            return r.status
        if role == self.SortRole:
            return self._sort_key(r, ReleaseColumn(column))
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == ReleaseColumn.STATUS:
                return labels.release_status_color(r.status)
            if column == ReleaseColumn.EMBARGO and r.embargo_at and r.embargo_at > _now():
                return labels.RED
            return None
        if role == Qt.ItemDataRole.FontRole and column == ReleaseColumn.TITLE:
            font = QFont()
            font.setBold(r.status != "sent")
            return font
        return None

    def _recipients(self, r: ReleaseRow) -> str:
        text = str(r.received) if r.received else "—"
        waiting = r.pending + r.uncertain
        if waiting:
            text += " " + self.tr("(+%1 waiting)").replace("%1", str(waiting))
        return text

    def tooltip(self, r: ReleaseRow, column: int) -> str | None:
        if column == ReleaseColumn.TITLE:
            return r.title
        if column != ReleaseColumn.RECIPIENTS:
            return None
        parts = [
            formatting.count_text(
                r.received, self.tr("%1 received it", "one"), self.tr("%1 received it", "many")
            )
        ]
        if r.failed:
            parts.append(
                formatting.count_text(
                    r.failed,
                    self.tr("%1 refused by the server", "one"),
                    self.tr("%1 refused by the server", "many"),
                )
            )
        if r.pending:
            parts.append(
                formatting.count_text(
                    r.pending,
                    self.tr("%1 waiting to be sent", "one"),
                    self.tr("%1 waiting to be sent", "many"),
                )
            )
        if r.uncertain:
            parts.append(
                formatting.count_text(
                    r.uncertain,
                    self.tr("%1 interrupted, to check", "one"),
                    self.tr("%1 interrupted, to check", "many"),
                )
            )
        return "\n".join(parts)

    @staticmethod
    def _sort_key(r: ReleaseRow, column: ReleaseColumn) -> Any:
        if column == ReleaseColumn.DATE:
            return r.release_date.isoformat() if r.release_date else "9999"
        if column == ReleaseColumn.REFERENCE:
            return r.reference
        if column == ReleaseColumn.TITLE:
            return r.title.casefold()
        if column == ReleaseColumn.STATUS:
            return (
                ("draft", "ready", "sent").index(r.status)
                if r.status in ("draft", "ready", "sent")
                else 9
            )
        if column == ReleaseColumn.EMBARGO:
            return r.embargo_at.isoformat() if r.embargo_at else ""
        return r.received


def _now() -> datetime:
    return datetime.now(UTC)
