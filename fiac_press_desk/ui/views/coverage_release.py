"""A release's "what it led to" tab: the enquiries it caused and the coverage it had (the
recipients are the tab beside it), with a button to log a new item for this release.
Read off the GUI thread when the release changes or the data do."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fiac_press_desk.services.coverage import ReleaseOutcome
from fiac_press_desk.services.hub import Services
from fiac_press_desk.ui import formatting, icons, labels, operations
from fiac_press_desk.ui.events import data_events
from fiac_press_desk.ui.i18n import plural
from fiac_press_desk.ui.views.chart_widget import figure
from fiac_press_desk.ui.views.coverage_labels import medium_text, tone_colour, tone_text


class ReleaseOutcomePanel(QWidget):
    """Enquiries caused and coverage of one release."""

    loaded = Signal(int, int)  # enquiries, coverage items

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._release_id: int | None = None
        self._dirty = False
        self.summary_label = QLabel(self)
        self.summary_label.setWordWrap(True)  # a long summary must not widen the window
        self.new_button = QPushButton(icons.icon("capture"), self.tr("New coverage item…"), self)
        self.new_button.clicked.connect(self.capture)
        self.enquiries_title = QLabel(self)
        self.enquiries_table = self._table(
            [
                self.tr("Received"),
                self.tr("Subject"),
                self.tr("Journalist"),
                self.tr("Outlet"),
                self.tr("Status"),
            ],
            stretch=1,
        )
        self.coverage_title = QLabel(self)
        self.coverage_table = self._table(
            [
                self.tr("Date"),
                self.tr("Title"),
                self.tr("Outlet"),
                self.tr("Journalist"),
                self.tr("Medium"),
                self.tr("Tone"),
                self.tr("Audience"),
            ],
            stretch=1,
        )
        self.coverage_table.cellDoubleClicked.connect(self._edit_row)
        for label in (self.enquiries_title, self.coverage_title):
            font = label.font()
            font.setBold(True)
            label.setFont(font)
        head = QHBoxLayout()
        head.addWidget(self.summary_label, 1)
        head.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.coverage_title)
        layout.addWidget(self.coverage_table, 3)
        layout.addWidget(self.enquiries_title)
        layout.addWidget(self.enquiries_table, 2)
        data_events().changed.connect(self._data_changed)
        self._show(None)

    def _table(self, headers: list[str], stretch: int) -> QTableWidget:
        table = QTableWidget(0, len(headers), self)
        table.setHorizontalHeaderLabels(headers)
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setWordWrap(False)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        return table

    def tab_title(self) -> str:
        """The tab's name."""
        return self.tr("Enquiries and coverage")

    def show_release(self, release_id: int | None) -> None:
        """Show what ``release_id`` led to (None: a release not saved yet)."""
        self._release_id = release_id
        if release_id is None:
            operations.forget_key(self, "outcome")
            self._show(None)
            return
        self.refresh()

    def refresh(self) -> None:
        """Read again (off the GUI thread)."""
        self._dirty = False
        release_id = self._release_id
        if release_id is None:
            return
        coverage = self._services.coverage
        operations.read(
            self, lambda _p: coverage.release_outcome(release_id), self._show, key="outcome"
        )

    def _show(self, outcome: ReleaseOutcome | None) -> None:
        enquiries = outcome.enquiries if outcome else []
        items = outcome.coverage if outcome else []
        self.new_button.setEnabled(outcome is not None)
        received = sum(1 for r in outcome.recipients if r.sent_at) if outcome else 0
        audience = sum(i.audience or 0 for i in items)
        self.summary_label.setText(
            " · ".join(
                [
                    plural(received, self.tr("%1 recipient"), self.tr("%1 recipients")),
                    plural(len(enquiries), self.tr("%1 enquiry"), self.tr("%1 enquiries")),
                    plural(len(items), self.tr("%1 coverage item"), self.tr("%1 coverage items")),
                    self.tr("declared audience %1").replace("%1", figure(audience)),
                ]
            )
            if outcome
            else self.tr("Save the release first.")
        )
        self.coverage_title.setText(self.tr("Coverage"))
        self.enquiries_title.setText(self.tr("Enquiries about this release"))
        self.coverage_table.setRowCount(len(items))
        for row, item in enumerate(items):
            cells = [
                formatting.format_day(item.published_on),
                item.title,
                item.outlet,
                item.journalist,
                medium_text(item.medium.value),
                tone_text(item.tone.value),
                figure(item.audience) if item.audience else "",
            ]
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setData(Qt.ItemDataRole.UserRole, item.id)
                if column == 5:
                    cell.setForeground(tone_colour(item.tone.value))
                if column == 6:
                    cell.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.coverage_table.setItem(row, column, cell)
        self.enquiries_table.setRowCount(len(enquiries))
        statuses = {s: labels.status_label(s) for s in {e.status for e in enquiries}}
        for row, enquiry in enumerate(enquiries):
            cells = [
                formatting.format_day(enquiry.received_at.date()),
                enquiry.subject,
                enquiry.contact_name,
                enquiry.outlet,
                statuses[enquiry.status],
            ]
            for column, text in enumerate(cells):
                self.enquiries_table.setItem(row, column, QTableWidgetItem(text))
        self.loaded.emit(len(enquiries), len(items))

    def capture(self) -> None:
        """Log a coverage item for this release."""
        from fiac_press_desk.ui.dialogs.coverage_dialog import CoverageDialog

        CoverageDialog(self._services, self, release_id=self._release_id).open()

    def _edit_row(self, row: int, _column: int) -> None:
        cell = self.coverage_table.item(row, 0)
        if cell is not None:
            from fiac_press_desk.ui.dialogs.coverage_dialog import CoverageDialog

            CoverageDialog(self._services, self, int(cell.data(Qt.ItemDataRole.UserRole))).open()

    def _data_changed(self, area: str) -> None:
        if area not in ("coverage", "enquiries", "releases", "contacts"):
            return
        if self.isVisible():
            self.refresh()
        else:
            self._dirty = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._dirty:
            self.refresh()
