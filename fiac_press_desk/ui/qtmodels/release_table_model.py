"""The releases list: date, reference, title, status, embargo, recipients."""

from __future__ import annotations

from datetime import UTC, datetime
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from fiac_press_desk.services.releases import ReleaseRow
from fiac_press_desk.ui import formatting, labels

IndexLike = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()


class ReleaseColumn(IntEnum):
    DATE = 0
    REFERENCE = 1
    TITLE = 2
    STATUS = 3
    EMBARGO = 4
    RECIPIENTS = 5


class ReleaseTableModel(QAbstractTableModel):
    ID_ROLE = Qt.ItemDataRole.UserRole + 1
    SORT_ROLE = Qt.ItemDataRole.UserRole + 2
    STATUS_ROLE = Qt.ItemDataRole.UserRole + 3  # the stable value, for filtering

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[ReleaseRow] = []
        self._statuses = labels.release_statuses()

    # -- loading ------------------------------------------------------------------------------

    def set_rows(self, rows: list[ReleaseRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._statuses = labels.release_statuses()
        self.endResetModel()

    def release_row(self, row: int) -> ReleaseRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, release_id: int) -> int:
        return next((n for n, r in enumerate(self._rows) if r.id == release_id), -1)

    # -- Qt -----------------------------------------------------------------------------------

    def rowCount(self, parent: IndexLike = ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: IndexLike = ROOT) -> int:
        return 0 if parent.isValid() else len(ReleaseColumn)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < len(ReleaseColumn):
            return None
        return {
            ReleaseColumn.DATE: self.tr("Date"),
            ReleaseColumn.REFERENCE: self.tr("Reference"),
            ReleaseColumn.TITLE: self.tr("Title"),
            ReleaseColumn.STATUS: self.tr("Status"),
            ReleaseColumn.EMBARGO: self.tr("Embargo"),
            ReleaseColumn.RECIPIENTS: self.tr("Recipients"),
        }[ReleaseColumn(section)]

    def data(self, index: IndexLike, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if not 0 <= index.column() < len(ReleaseColumn):
            return None
        r = self._rows[index.row()]
        column = ReleaseColumn(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(r, column)
        if role == self.ID_ROLE:
            return r.id
        if role == self.STATUS_ROLE:
            return r.status
        if role == self.SORT_ROLE:
            return self._sort_key(r, column)
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
        if role == Qt.ItemDataRole.TextAlignmentRole and column == ReleaseColumn.RECIPIENTS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(r, column)
        return None

    def _display(self, r: ReleaseRow, column: ReleaseColumn) -> str:
        if column == ReleaseColumn.DATE:
            return formatting.format_day(r.release_date)
        if column == ReleaseColumn.REFERENCE:
            return r.reference
        if column == ReleaseColumn.TITLE:
            return r.title
        if column == ReleaseColumn.STATUS:
            return self._statuses.get(r.status, r.status)
        if column == ReleaseColumn.EMBARGO:
            return formatting.format_moment(r.embargo_at)
        text = str(r.received) if r.received else "—"
        waiting = r.pending + r.uncertain
        if waiting:
            text += " " + self.tr("(+%1 waiting)").replace("%1", str(waiting))
        return text

    def _tooltip(self, r: ReleaseRow, column: ReleaseColumn) -> str | None:
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
