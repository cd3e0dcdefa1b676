"""An enquiry's thread: status changes and notes, oldest first, each dated in local time."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from fiac_press_desk.domain.enquiry import DeskClock
from fiac_press_desk.services.enquiries import EnquiryEventData
from fiac_press_desk.ui import icons
from fiac_press_desk.ui.formatting import format_when
from fiac_press_desk.ui.labels import status_label

_Index = QModelIndex | QPersistentModelIndex


class EnquiryThreadModel(QAbstractListModel):
    """An enquiry's thread: each step and note, oldest first."""

    KindRole = Qt.ItemDataRole.UserRole + 1
    HeadlineRole = Qt.ItemDataRole.UserRole + 2
    TextRole = Qt.ItemDataRole.UserRole + 3

    def __init__(self, clock: DeskClock, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._clock = clock
        self._events: list[EnquiryEventData] = []

    def set_events(self, events: list[EnquiryEventData]) -> None:
        self.beginResetModel()
        self._events = list(events)
        self.endResetModel()

    def event_at(self, row: int) -> EnquiryEventData | None:
        return self._events[row] if 0 <= row < len(self._events) else None

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._events)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.parent().isValid() or index.column() != 0:
            return None
        event = self.event_at(index.row())
        if event is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            headline = self.headline(event)
            return f"{headline}\n{event.text}" if event.text else headline
        if role == self.HeadlineRole:
            return self.headline(event)
        if role == self.TextRole:
            return event.text
        if role == self.KindRole:
            return event.kind
        if role == Qt.ItemDataRole.ToolTipRole:
            return format_when(event.at, self._clock, weekday=True)
        if role == Qt.ItemDataRole.DecorationRole:
            return icons.icon("history" if event.kind == "status" else "edit")
        return None

    def headline(self, event: EnquiryEventData) -> str:
        when = format_when(event.at, self._clock, weekday=True)
        if event.kind == "status":
            if not event.from_status:
                what = self.tr("Received")
            else:
                what = (
                    self.tr("%1 → %2")
                    .replace("%1", status_label(event.from_status))
                    .replace("%2", status_label(event.to_status))
                )
        else:
            what = self.tr("Note")
        by = f" · {event.author}" if event.author else ""
        return f"{when} — {what}{by}"
