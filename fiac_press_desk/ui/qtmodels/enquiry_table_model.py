"""The enquiries table: one row per enquiry, urgency shown by colour, icon and words.

An overdue row is tinted red with a warning icon and "Overdue by 2 h" in its tooltip; a row
due within the next hours is tinted amber with a clock icon; one due later today gets a
calendar icon. Colour is never the only sign (an icon and the words say it too), so the
information survives a colour-blind reader and a black-and-white printout.

The rows come whole from ``services.enquiries.rows`` (a desk logs hundreds of enquiries a
year, not hundreds of thousands): the model only holds and presents them.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont, QIcon

from fiac_press_desk.domain.enquiry import URGENCY_RANK, DeskClock, Urgency
from fiac_press_desk.services.enquiries import EnquiryRow
from fiac_press_desk.ui import icons
from fiac_press_desk.ui.formatting import deadline_phrase, format_when
from fiac_press_desk.ui.labels import (
    URGENCY_BACKGROUND,
    URGENCY_FOREGROUND,
    request_and_priority,
    status_label,
    urgency_label,
)

_Index = QModelIndex | QPersistentModelIndex

URGENCY_ICONS = {
    Urgency.OVERDUE: "enquiry-overdue",
    Urgency.DUE_SOON: "enquiry-due-soon",
    Urgency.DUE_TODAY: "enquiry-due-today",
}


def urgency_icon(urgency: Urgency) -> QIcon:
    name = URGENCY_ICONS.get(urgency)
    if name is None:
        return QIcon()
    return icons.icon(name, URGENCY_FOREGROUND[urgency])


class EnquiryTableModel(QAbstractTableModel):
    (
        COL_RECEIVED,
        COL_DEADLINE,
        COL_JOURNALIST,
        COL_OUTLET,
        COL_SUBJECT,
        COL_ASSIGNEE,
        COL_STATUS,
    ) = range(7)
    COLUMN_COUNT = 7
    IdRole = Qt.ItemDataRole.UserRole + 1
    SortRole = Qt.ItemDataRole.UserRole + 2
    UrgencyRole = Qt.ItemDataRole.UserRole + 3

    def __init__(self, clock: DeskClock, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._clock = clock
        self._rows: list[EnquiryRow] = []
        self._now = clock.now()

    # -- feeding --------------------------------------------------------------------------------

    def set_rows(self, rows: list[EnquiryRow], now: datetime) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._now = now
        self.endResetModel()

    def row_at(self, row: int) -> EnquiryRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, enquiry_id: int) -> int:
        for i, r in enumerate(self._rows):
            if r.id == enquiry_id:
                return i
        return -1

    def rows(self) -> list[EnquiryRow]:
        return list(self._rows)

    # -- Qt -------------------------------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMN_COUNT

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < self.COLUMN_COUNT:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return [
                self.tr("Received"),
                self.tr("Deadline"),
                self.tr("Journalist"),
                self.tr("Outlet"),
                self.tr("Subject"),
                self.tr("Assigned to"),
                self.tr("Status"),
            ][section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.parent().isValid():
            return None
        row = self.row_at(index.row())
        col = index.column()
        if row is None or not 0 <= col < self.COLUMN_COUNT:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, col)
        if role == self.IdRole:
            return row.id
        if role == self.UrgencyRole:
            return row.urgency.value
        if role == self.SortRole:
            return self._sort_key(row, col)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, col)
        if role == Qt.ItemDataRole.DecorationRole and col == self.COL_DEADLINE:
            icon = urgency_icon(row.urgency)
            return None if icon.isNull() else icon
        if role == Qt.ItemDataRole.BackgroundRole:
            return URGENCY_BACKGROUND.get(row.urgency)
        if role == Qt.ItemDataRole.ForegroundRole and col in (self.COL_DEADLINE, self.COL_STATUS):
            return URGENCY_FOREGROUND.get(row.urgency)
        if role == Qt.ItemDataRole.FontRole and (
            (col == self.COL_DEADLINE and row.urgency in URGENCY_FOREGROUND)
            or (col == self.COL_SUBJECT and row.status == "new")
        ):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.AccessibleTextRole and col == self.COL_DEADLINE:
            return f"{self._display(row, col)} — {urgency_label(row.urgency)}"
        return None

    def _display(self, row: EnquiryRow, col: int) -> str:
        if col == self.COL_RECEIVED:
            return format_when(row.received_at, self._clock, short=True)
        if col == self.COL_DEADLINE:
            if row.deadline is None:
                return "—"
            return format_when(row.deadline, self._clock, weekday=True)
        if col == self.COL_JOURNALIST:
            return row.contact_name
        if col == self.COL_OUTLET:
            return row.outlet
        if col == self.COL_SUBJECT:
            return row.subject
        if col == self.COL_ASSIGNEE:
            return row.assignee
        return status_label(row.status)

    def _sort_key(self, row: EnquiryRow, col: int) -> Any:
        if col == self.COL_RECEIVED:
            return row.received_at.timestamp()
        if col == self.COL_DEADLINE:
            # Open ones first by deadline, those without one after them, finished ones last.
            base = row.deadline.timestamp() if row.deadline else 0.0
            if not row.is_open:
                return 4e10 + base
            return base if row.deadline else 2e10
        if col == self.COL_STATUS:
            return f"{URGENCY_RANK[row.urgency]}{status_label(row.status).casefold()}"
        return self._display(row, col).casefold()

    def _tooltip(self, row: EnquiryRow, col: int) -> str:
        phrase = deadline_phrase(row.status, row.deadline, self._now, self._clock)
        lines = [row.subject]
        if phrase:
            lines.append(phrase)
        lines.append(request_and_priority(row.request_type, row.priority))
        if col == self.COL_JOURNALIST and row.outlet:
            lines.insert(0, f"{row.contact_name} — {row.outlet}")
        return "\n".join(lines)
