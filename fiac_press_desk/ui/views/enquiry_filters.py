"""The filter bar above the enquiries list: what to show (open, overdue, due today...), status,
assignee, period of receipt and a search box. It only builds an ``EnquiryFilter``."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, QSignalBlocker, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from fiac_press_desk.domain.enquiry import DeskClock, is_open
from fiac_press_desk.domain.enums import EnquiryStatus
from fiac_press_desk.services.enquiries import EnquiryFilter
from fiac_press_desk.ui import icons
from fiac_press_desk.ui.formatting import format_duration
from fiac_press_desk.ui.labels import status_label

QUICK_OPEN, QUICK_OVERDUE, QUICK_TODAY, QUICK_SOON, QUICK_ALL = (
    "open",
    "overdue",
    "today",
    "soon",
    "all",
)
NOBODY = "\x00nobody"  # the assignee choice "not assigned"
PERIODS = ("any", "today", "7d", "30d", "year", "last_year", "custom")


class EnquiryFilterBar(QWidget):
    """The quick filters, search and pickers above the enquiries list."""

    changed = Signal()

    def __init__(self, clock: DeskClock, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._clock = clock
        self.quick_combo = QComboBox(self)
        soon = format_duration(timedelta(hours=clock.soon_hours))
        for key, text in (
            (QUICK_OPEN, self.tr("Open enquiries")),
            (QUICK_OVERDUE, self.tr("Overdue")),
            (QUICK_TODAY, self.tr("Due today")),
            (QUICK_SOON, self.tr("Due within %1").replace("%1", soon)),
            (QUICK_ALL, self.tr("All enquiries")),
        ):
            self.quick_combo.addItem(text, key)
        self.status_combo = QComboBox(self)
        self.status_combo.addItem(self.tr("Any status"), None)
        for status in EnquiryStatus:
            self.status_combo.addItem(status_label(status), status.value)
        self.assignee_combo = QComboBox(self)
        self.assignee_combo.setMinimumContentsLength(14)
        self.assignee_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.set_assignees([])
        self.period_combo = QComboBox(self)
        for key, text in zip(
            PERIODS,
            (
                self.tr("Any time"),
                self.tr("Received today"),
                self.tr("Last 7 days"),
                self.tr("Last 30 days"),
                self.tr("This year"),
                self.tr("Last year"),
                self.tr("Between…"),
            ),
            strict=True,
        ):
            self.period_combo.addItem(text, key)
        today = self._qdate(clock.today())
        self.from_edit = QDateEdit(today.addDays(-30), self)
        self.to_edit = QDateEdit(today, self)
        for edit in (self.from_edit, self.to_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd/MM/yyyy")
            edit.setVisible(False)
            edit.dateChanged.connect(self.changed)
        self.and_label = QLabel(self.tr("and"), self)
        self.and_label.setVisible(False)
        self.search_edit = QLineEdit(self)
        self.search_edit.setPlaceholderText(self.tr("Search subject, journalist, outlet…"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.addAction(icons.icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(200)
        self._search_timer.timeout.connect(self.changed)
        self.search_edit.textChanged.connect(lambda _t: self._search_timer.start())

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (
            self.quick_combo,
            self.status_combo,
            self.assignee_combo,
            self.period_combo,
            self.from_edit,
            self.and_label,
            self.to_edit,
        ):
            layout.addWidget(widget)
        layout.addWidget(self.search_edit, 1)
        for combo in (self.quick_combo, self.assignee_combo):
            combo.currentIndexChanged.connect(self.changed)
        self.status_combo.currentIndexChanged.connect(self._status_changed)
        self.period_combo.currentIndexChanged.connect(self._period_changed)

    @staticmethod
    def _qdate(day: date) -> QDate:
        return QDate(day.year, day.month, day.day)

    def set_assignees(self, names: list[str]) -> None:
        current = self.assignee_combo.currentData()
        with QSignalBlocker(self.assignee_combo):
            self.assignee_combo.clear()
            self.assignee_combo.addItem(self.tr("Anyone"), None)
            self.assignee_combo.addItem(self.tr("Not assigned"), NOBODY)
            for name in sorted(names, key=str.casefold):
                self.assignee_combo.addItem(name, name)
            index = self.assignee_combo.findData(current)
            self.assignee_combo.setCurrentIndex(max(index, 0))

    def set_quick(self, key: str) -> None:
        index = self.quick_combo.findData(key)
        if index >= 0:
            self.quick_combo.setCurrentIndex(index)

    def quick(self) -> str:
        return str(self.quick_combo.currentData())

    def _status_changed(self) -> None:
        """Asking for answered, declined or closed enquiries means leaving "open only"."""
        status = self.status_combo.currentData()
        if status and not is_open(status) and self.quick() != QUICK_ALL:
            with QSignalBlocker(self.quick_combo):
                self.set_quick(QUICK_ALL)
        self.changed.emit()

    def _period_changed(self) -> None:
        custom = self.period_combo.currentData() == "custom"
        for widget in (self.from_edit, self.and_label, self.to_edit):
            widget.setVisible(custom)
        self.changed.emit()

    def current_filter(self) -> EnquiryFilter:
        quick = self.quick()
        flt = EnquiryFilter(
            open_only=quick == QUICK_OPEN,
            overdue=quick == QUICK_OVERDUE,
            due_today=quick == QUICK_TODAY,
            due_within_hours=self._clock.soon_hours if quick == QUICK_SOON else None,
            search=self.search_edit.text().strip(),
        )
        status = self.status_combo.currentData()
        if status:
            flt.statuses = [EnquiryStatus(status)]
        assignee = self.assignee_combo.currentData()
        if assignee == NOBODY:
            flt.assignee = ""
        elif assignee:
            flt.assignee = str(assignee)
        flt.received_from, flt.received_to = self._period()
        return flt

    def _period(self) -> tuple[date | None, date | None]:
        today = self._clock.today()
        key = self.period_combo.currentData()
        if key == "today":
            return today, today
        if key == "7d":
            return today - timedelta(days=6), today
        if key == "30d":
            return today - timedelta(days=29), today
        if key == "year":
            return date(today.year, 1, 1), today
        if key == "last_year":
            return date(today.year - 1, 1, 1), date(today.year - 1, 12, 31)
        if key == "custom":
            start, end = self.from_edit.date().toPython(), self.to_edit.date().toPython()
            assert isinstance(start, date) and isinstance(end, date)
            return min(start, end), max(start, end)
        return None, None
