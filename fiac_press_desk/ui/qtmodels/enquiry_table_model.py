"""The enquiries table: one row per enquiry, urgency shown by colour, icon and words.

An overdue row is tinted red with a warning icon and "Overdue by 2 h" in its tooltip; a row
due within the next hours is tinted amber with a clock icon; one due later today gets a
calendar icon. Colour is never the only sign (an icon and the words say it too), so the
information survives a colour-blind reader and a black-and-white printout.

The rows come whole from ``services.enquiries.rows`` (a desk logs hundreds of enquiries a
year, not hundreds of thousands): the model only holds and presents them.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QObject, Qt
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
from fiac_press_desk.ui.qtmodels.table_base import Column, RowTableModel

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


class EnquiryColumn(IntEnum):
    """The columns of the enquiries table, in order."""

    RECEIVED = 0
    DEADLINE = 1
    JOURNALIST = 2
    OUTLET = 3
    SUBJECT = 4
    ASSIGNEE = 5
    STATUS = 6


class EnquiryTableModel(RowTableModel[EnquiryRow]):
    """Enquiries with their urgency (colour, icon and words) judged against ``now``."""

    Columns = EnquiryColumn
    IdRole = Qt.ItemDataRole.UserRole + 1  # the enquiry's id
    SortRole = Qt.ItemDataRole.UserRole + 2  # what a column sorts by (deadline: by urgency)
    UrgencyRole = Qt.ItemDataRole.UserRole + 3  # the Urgency value

    def __init__(self, clock: DeskClock, parent: QObject | None = None) -> None:
        self._clock = clock
        self._now = clock.now()
        super().__init__(parent)

    # -- feeding --------------------------------------------------------------------------------

    def set_rows(self, rows: list[EnquiryRow], now: datetime) -> None:
        self._now = now
        self.reset_rows(list(rows))

    def row_of(self, enquiry_id: int) -> int:
        for i, r in enumerate(self._rows):
            if r.id == enquiry_id:
                return i
        return -1

    # -- columns and cells ----------------------------------------------------------------------

    def columns(self) -> Sequence[Column[EnquiryRow]]:
        return [
            Column(self.tr("Received"), self._received),
            Column(self.tr("Deadline"), self._deadline),
            Column(self.tr("Journalist"), lambda row: row.contact_name),
            Column(self.tr("Outlet"), lambda row: row.outlet),
            Column(self.tr("Subject"), lambda row: row.subject),
            Column(self.tr("Assigned to"), lambda row: row.assignee),
            Column(self.tr("Status"), lambda row: status_label(row.status)),
        ]

    def _received(self, row: EnquiryRow) -> str:
        return format_when(row.received_at, self._clock, short=True)

    def _deadline(self, row: EnquiryRow) -> str:
        if row.deadline is None:
            return "—"
        return format_when(row.deadline, self._clock, weekday=True)

    def tooltip(self, row: EnquiryRow, column: int) -> Any:
        return self._tooltip(row, column)

    def cell_data(self, row: EnquiryRow, col: int, role: int) -> Any:
        if role == self.IdRole:
            return row.id
        if role == self.UrgencyRole:
            return row.urgency.value
        if role == self.SortRole:
            return self._sort_key(row, col)
        if role == Qt.ItemDataRole.DecorationRole and col == self.Columns.DEADLINE:
            icon = urgency_icon(row.urgency)
            return None if icon.isNull() else icon
        if role == Qt.ItemDataRole.BackgroundRole:
            return URGENCY_BACKGROUND.get(row.urgency)
        if role == Qt.ItemDataRole.ForegroundRole and col in (
            self.Columns.DEADLINE,
            self.Columns.STATUS,
        ):
            return URGENCY_FOREGROUND.get(row.urgency)
        if role == Qt.ItemDataRole.FontRole and (
            (col == self.Columns.DEADLINE and row.urgency in URGENCY_FOREGROUND)
            or (col == self.Columns.SUBJECT and row.status == "new")
        ):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.AccessibleTextRole and col == self.Columns.DEADLINE:
            return f"{self.cell_text(row, col)} — {urgency_label(row.urgency)}"
        return None

    def _sort_key(self, row: EnquiryRow, col: int) -> Any:
        if col == self.Columns.RECEIVED:
            return row.received_at.timestamp()
        if col == self.Columns.DEADLINE:
            # Open ones first by deadline, those without one after them, finished ones last.
            base = row.deadline.timestamp() if row.deadline else 0.0
            if not row.is_open:
                return 4e10 + base
            return base if row.deadline else 2e10
        if col == self.Columns.STATUS:
            return f"{URGENCY_RANK[row.urgency]}{status_label(row.status).casefold()}"
        return self.cell_text(row, col).casefold()

    def _tooltip(self, row: EnquiryRow, col: int) -> str:
        phrase = deadline_phrase(row.status, row.deadline, self._now, self._clock)
        lines = [row.subject]
        if phrase:
            lines.append(phrase)
        lines.append(request_and_priority(row.request_type, row.priority))
        if col == self.Columns.JOURNALIST and row.outlet:
            lines.insert(0, f"{row.contact_name} — {row.outlet}")
        return "\n".join(lines)
