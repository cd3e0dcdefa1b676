"""Tableau de bord: the page the desk opens on. What is overdue, what is due today, what is
still open (the most pressing first), and the last releases with how many people got them.

Every count is a button that asks for the enquiries page with the matching filter (the main
window opens it). The page re-judges its counts every minute while shown: an enquiry becomes
overdue by itself. Its figures are read off the GUI thread, in one go.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fiac_press_desk.domain.enquiry import Urgency
from fiac_press_desk.services.enquiries import DashboardCounts, EnquiryRow
from fiac_press_desk.services.hub import Services
from fiac_press_desk.ui import icons, operations
from fiac_press_desk.ui.events import data_events
from fiac_press_desk.ui.formatting import format_day, format_duration, format_long_day
from fiac_press_desk.ui.i18n import plural
from fiac_press_desk.ui.labels import URGENCY_FOREGROUND
from fiac_press_desk.ui.qtmodels.enquiry_table_model import EnquiryTableModel
from fiac_press_desk.ui.views.enquiry_filters import (
    QUICK_ALL,
    QUICK_OPEN,
    QUICK_OVERDUE,
    QUICK_SOON,
    QUICK_TODAY,
)

REFRESH_MS = 60_000
LAST_RELEASES = 6
URGENT_ROWS = 12


@dataclass(frozen=True)
class _Figures:
    """Everything the page shows, read at once."""

    now: datetime
    counts: DashboardCounts
    urgent: list[EnquiryRow]
    releases: list[tuple[int, str, str, int]]  # id, title, date, recipients


class CountCard(QPushButton):
    """A big number with its caption; clicking it opens the matching list."""

    def __init__(self, key: str, icon_name: str, color: QColor, parent: QWidget | None = None):
        super().__init__(parent)
        self.key = key
        self.setObjectName(f"card_{key}")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumHeight(92)
        self.setStyleSheet(
            f"QPushButton#card_{key} {{ text-align: left; border: 1px solid palette(mid);"
            f" border-left: 6px solid {color.name()}; border-radius: 6px;"
            " background: palette(base); }"
            f"QPushButton#card_{key}:hover {{ background: palette(alternate-base); }}"
        )
        self.icon_label = QLabel(self)
        self.icon_label.setPixmap(icons.icon(icon_name, color).pixmap(22, 22))
        self.number_label = QLabel("0", self)
        font = self.number_label.font()
        font.setPointSizeF(font.pointSizeF() * 2.1)
        font.setBold(True)
        self.number_label.setFont(font)
        self.number_label.setStyleSheet(f"color: {color.name()};")
        self.caption_label = QLabel(self)
        self.caption_label.setWordWrap(True)
        self.detail_label = QLabel(self)
        self.detail_label.setEnabled(False)
        self.detail_label.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.number_label)
        top.addStretch(1)
        top.addWidget(self.icon_label, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 6, 10, 6)
        layout.setSpacing(0)
        layout.addLayout(top)
        layout.addWidget(self.caption_label)
        layout.addWidget(self.detail_label)
        layout.addStretch(1)
        for label in (self.icon_label, self.number_label, self.caption_label, self.detail_label):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)

    def set_value(self, number: str, caption: str, detail: str = "") -> None:
        self.number_label.setText(number)
        self.caption_label.setText(caption)
        self.detail_label.setText(detail)
        self.detail_label.setVisible(bool(detail))
        self.setAccessibleName(f"{number} {caption}")
        self.setToolTip(f"{number} {caption}" + (f" — {detail}" if detail else ""))


class DashboardView(QWidget):
    """The home page; the main window opens what its cards and rows ask for."""

    enquiry_activated = Signal(int)
    enquiries_requested = Signal(str)  # a quick filter of the enquiries page
    release_activated = Signal(int)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._clock = services.enquiries.clock
        self._dirty = True
        self.setObjectName("DashboardView")

        self.title_label = QLabel(self.tr("Dashboard"), self)
        font = self.title_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title_label.setFont(font)
        self.date_label = QLabel(self)
        self.date_label.setEnabled(False)
        self.capture_button = QPushButton(icons.icon("capture"), self.tr("New enquiry"), self)
        self.capture_button.setToolTip(self.tr("Log a press enquiry (Ctrl+Shift+N)"))
        self.capture_button.clicked.connect(self.capture)
        head = QHBoxLayout()
        title_box = QVBoxLayout()
        title_box.setSpacing(0)
        title_box.addWidget(self.title_label)
        title_box.addWidget(self.date_label)
        head.addLayout(title_box)
        head.addStretch(1)
        head.addWidget(self.capture_button, 0, Qt.AlignmentFlag.AlignTop)

        self.cards: dict[str, CountCard] = {}
        cards = QHBoxLayout()
        cards.setSpacing(10)
        for key, icon_name, color in (
            (QUICK_OVERDUE, "enquiry-overdue", URGENCY_FOREGROUND[Urgency.OVERDUE]),
            (QUICK_SOON, "enquiry-due-soon", URGENCY_FOREGROUND[Urgency.DUE_SOON]),
            (QUICK_TODAY, "enquiry-due-today", URGENCY_FOREGROUND[Urgency.DUE_TODAY]),
            (QUICK_OPEN, "enquiry", QColor("#3D4A5C")),
            (QUICK_ALL, "history", QColor("#2E6B3A")),
        ):
            card = CountCard(key, icon_name, color, self)
            card.clicked.connect(lambda _c=False, k=key: self.open_enquiries(k))
            self.cards[key] = card
            cards.addWidget(card)

        # Open enquiries, the most pressing first.
        self.urgent_title = QLabel(self)
        self.urgent_title.setFont(self._section_font())
        self.urgent_model = EnquiryTableModel(self._clock, self)
        self.urgent_table = QTableView(self)
        self.urgent_table.setModel(self.urgent_model)
        self.urgent_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.urgent_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.urgent_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.urgent_table.setWordWrap(False)
        self.urgent_table.verticalHeader().setVisible(False)
        self.urgent_table.setColumnHidden(EnquiryTableModel.Columns.RECEIVED, True)
        self.urgent_table.setColumnHidden(EnquiryTableModel.Columns.ASSIGNEE, True)
        self.urgent_table.setColumnHidden(EnquiryTableModel.Columns.OUTLET, True)  # in the tooltip
        header = self.urgent_table.horizontalHeader()
        header.setHighlightSections(False)
        for column, width in (
            (EnquiryTableModel.Columns.DEADLINE, 132),
            (EnquiryTableModel.Columns.JOURNALIST, 130),
            (EnquiryTableModel.Columns.OUTLET, 130),
            (EnquiryTableModel.Columns.STATUS, 82),
        ):
            header.resizeSection(column, width)
        header.setSectionResizeMode(
            EnquiryTableModel.Columns.SUBJECT, QHeaderView.ResizeMode.Stretch
        )
        self.urgent_table.activated.connect(self._urgent_activated)
        self.urgent_table.doubleClicked.connect(self._urgent_activated)
        self.urgent_empty = QLabel(self.tr("No open enquiry: nothing is waiting."), self)
        self.urgent_empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.urgent_empty.setEnabled(False)
        self.urgent_stack = QStackedWidget(self)
        self.urgent_stack.addWidget(self.urgent_table)
        self.urgent_stack.addWidget(self.urgent_empty)
        self.all_button = QPushButton(self.tr("All open enquiries"), self)
        self.all_button.clicked.connect(lambda: self.open_enquiries(QUICK_OPEN))
        urgent_head = QHBoxLayout()
        urgent_head.addWidget(self.urgent_title)
        urgent_head.addStretch(1)
        urgent_head.addWidget(self.all_button)

        # Last releases and how many received them.
        self.releases_title = QLabel(self.tr("Last releases"), self)
        self.releases_title.setFont(self._section_font())
        self.releases_table = QTableWidget(0, 3, self)
        self.releases_table.setHorizontalHeaderLabels(
            [self.tr("Release"), self.tr("Date"), self.tr("Recipients")]
        )
        self.releases_table.verticalHeader().setVisible(False)
        self.releases_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.releases_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.releases_table.setWordWrap(False)
        rheader = self.releases_table.horizontalHeader()
        rheader.setHighlightSections(False)
        rheader.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        rheader.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        rheader.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.releases_table.cellDoubleClicked.connect(self._release_activated)
        self.releases_empty = QLabel(self.tr("No release yet."), self)
        self.releases_empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.releases_empty.setEnabled(False)
        self.releases_stack = QStackedWidget(self)
        self.releases_stack.addWidget(self.releases_table)
        self.releases_stack.addWidget(self.releases_empty)

        left = QVBoxLayout()
        left.addLayout(urgent_head)
        left.addWidget(self.urgent_stack, 1)
        right = QVBoxLayout()
        right.addWidget(self.releases_title)
        right.addWidget(self.releases_stack, 1)
        body = QGridLayout()
        body.addLayout(left, 0, 0)
        body.addLayout(right, 0, 1)
        body.setColumnStretch(0, 3)
        body.setColumnStretch(1, 2)
        body.setHorizontalSpacing(16)

        line = QFrame(self)
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addLayout(cards)
        layout.addWidget(line)
        layout.addLayout(body, 1)
        # Press coverage (issue 16): the last twelve months in charts, and the period report.
        from fiac_press_desk.ui.views.coverage_dashboard import CoverageChartsPanel

        self.coverage_panel = CoverageChartsPanel(services, self)
        layout.addWidget(self.coverage_panel)

        self._timer = QTimer(self)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self.refresh)
        data_events().changed.connect(self._data_changed)

    def _section_font(self) -> Any:
        font = self.font()
        font.setPointSizeF(font.pointSizeF() * 1.1)
        font.setBold(True)
        return font

    # -- page contract ------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the figures again (off the GUI thread), judged against the clock's now."""
        self._dirty = False
        now = self._clock.now()
        services = self._services

        def work(_progress: operations.Progress) -> _Figures:
            return _Figures(
                now,
                services.enquiries.dashboard(now),
                services.enquiries.by_urgency(now, limit=URGENT_ROWS),
                [
                    (
                        r.id,
                        r.title,
                        format_day(r.release_date),
                        int(r.received),
                    )
                    for r in services.releases.rows()[:LAST_RELEASES]
                ],
            )

        operations.read(self, work, self._show, key="figures")

    def _show(self, figures: _Figures) -> None:
        now, counts, rows = figures.now, figures.counts, figures.urgent
        day = format_long_day(now, self._clock)
        self.date_label.setText(day[:1].upper() + day[1:])
        soon = format_duration(timedelta(hours=self._clock.soon_hours))
        self.cards[QUICK_OVERDUE].set_value(str(counts.overdue), self.tr("overdue"))
        self.cards[QUICK_SOON].set_value(
            str(counts.due_soon),
            self.tr("due within %1").replace("%1", soon),
        )
        self.cards[QUICK_TODAY].set_value(
            str(counts.due_today),
            self.tr("due before midnight"),
        )
        self.cards[QUICK_OPEN].set_value(
            str(counts.open),
            self._plural(counts.open, self.tr("open enquiry"), self.tr("open enquiries")),
            self._plural(counts.new, self.tr("%1 new", "one"), self.tr("%1 new", "many"))
            + ", "
            + self.tr("%1 in progress").replace("%1", str(counts.in_progress)),
        )
        median = counts.median_hours_to_answer_30_days
        self.cards[QUICK_ALL].set_value(
            str(counts.answered_30_days),
            self.tr("answered in 30 days"),
            self.tr("median time to answer: %1").replace(
                "%1", format_duration(timedelta(hours=median))
            )
            if median is not None
            else "",
        )
        self.urgent_model.set_rows(rows, now)
        self.urgent_table.resizeColumnToContents(EnquiryTableModel.Columns.DEADLINE)
        self.urgent_table.resizeColumnToContents(EnquiryTableModel.Columns.STATUS)
        self.urgent_title.setText(
            self.tr("Open enquiries, most pressing first")
            if counts.open <= URGENT_ROWS
            else self.tr("The %1 most pressing of %2 open enquiries")
            .replace("%1", str(URGENT_ROWS))
            .replace("%2", str(counts.open))
        )
        self.urgent_stack.setCurrentWidget(self.urgent_empty if not rows else self.urgent_table)
        self._fill_releases(figures.releases)

    def _fill_releases(self, releases: list[tuple[int, str, str, int]]) -> None:
        self.releases_table.setRowCount(len(releases))
        for row, (release_id, title, when, recipients) in enumerate(releases):
            title_item = QTableWidgetItem(title)
            title_item.setData(Qt.ItemDataRole.UserRole, release_id)
            title_item.setToolTip(title)
            date_item = QTableWidgetItem(when)
            count_item = QTableWidgetItem(str(recipients))
            count_item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            count_item.setToolTip(
                self._plural(recipients, self.tr("%1 recipient"), self.tr("%1 recipients"))
            )
            for column, item in enumerate((title_item, date_item, count_item)):
                self.releases_table.setItem(row, column, item)
        self.releases_stack.setCurrentWidget(
            self.releases_table if releases else self.releases_empty
        )

    # -- navigation ---------------------------------------------------------------------------

    def open_enquiries(self, quick: str) -> None:
        """Ask for the enquiries page with one of its quick filters."""
        self.enquiries_requested.emit(quick)

    def open_enquiry(self, enquiry_id: int) -> None:
        self.enquiry_activated.emit(enquiry_id)

    def capture(self) -> None:
        from fiac_press_desk.ui.dialogs.enquiry_capture import open_capture

        open_capture(self._services, self)

    def _urgent_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_enquiry(int(index.data(EnquiryTableModel.IdRole)))

    def _release_activated(self, row: int, _column: int) -> None:
        item = self.releases_table.item(row, 0)
        if item is None:
            return
        self.release_activated.emit(int(item.data(Qt.ItemDataRole.UserRole)))

    @staticmethod
    def _plural(n: int, one: str, many: str) -> str:
        return plural(n, one, many)

    # -- page contract ------------------------------------------------------------------------

    def shutdown(self) -> None:
        self._timer.stop()
        operations.forget(self)

    def status_text(self) -> str:
        return ""

    def focus_search(self) -> bool:
        return False  # no search of its own: Ctrl+F goes to the contacts

    def _data_changed(self, area: str) -> None:
        if area not in ("enquiries", "releases", "contacts", "imports"):
            return
        if self.isVisible():
            self.refresh()
        else:
            self._dirty = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._timer.start()
        if self._dirty:
            self.refresh()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self._timer.stop()
