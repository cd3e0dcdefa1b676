"""The dashboard's coverage row: the last twelve months of coverage drawn in three small
charts (by month, by medium, by outlet type), the year's key figures, and the button that
writes the report of a period (PDF or xlsx) for the management."""

from __future__ import annotations

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from fiac_press_desk.domain.press_report import PressReport
from fiac_press_desk.services.hub import Services
from fiac_press_desk.ui import operations
from fiac_press_desk.ui.events import data_events
from fiac_press_desk.ui.i18n import plural
from fiac_press_desk.ui.views.chart_widget import ChartStyle, ChartWidget, figure
from fiac_press_desk.ui.views.coverage_labels import kind_text, medium_text, month_short

MONTHS = 12


class CoverageChartsPanel(QWidget):
    """Coverage at a glance; it reads its figures off the GUI thread when shown or changed."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._dirty = True
        self.setObjectName("CoverageChartsPanel")
        self.title_label = QLabel(self.tr("Press coverage, last 12 months"), self)
        font = self.title_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.1)
        font.setBold(True)
        self.title_label.setFont(font)
        self.figures_label = QLabel(self)
        self.figures_label.setEnabled(False)
        # Four figures in a line as long as the page is wide: wrapped, or the dashboard
        # would widen the window past a 1024 px screen once they arrive.
        self.figures_label.setWordWrap(True)
        self.report_button = QPushButton(self.tr("Report…"), self)
        self.report_button.setToolTip(
            self.tr("Write the press report of a month, a quarter or a year (PDF or Excel)")
        )
        self.report_button.clicked.connect(self.open_report)
        self.months_chart = ChartWidget(ChartStyle.COLUMNS, self)
        self.medium_chart = ChartWidget(ChartStyle.RING, self)
        self.kind_chart = ChartWidget(ChartStyle.BARS, self)
        head = QHBoxLayout()
        head.addWidget(self.title_label)
        head.addSpacing(12)
        head.addWidget(self.figures_label, 1)
        head.addWidget(self.report_button)
        charts = QHBoxLayout()
        charts.setSpacing(18)
        charts.addWidget(self.months_chart, 4)
        charts.addWidget(self.medium_chart, 3)
        charts.addWidget(self.kind_chart, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addLayout(head)
        layout.addLayout(charts, 1)
        self.setMinimumHeight(200)
        data_events().changed.connect(self._data_changed)

    def refresh(self) -> None:
        """Read the last twelve months' figures (off the GUI thread)."""
        self._dirty = False
        reports = self._services.reports

        def work(_progress: operations.Progress) -> PressReport:
            return reports.report(reports.last_months(MONTHS))

        operations.read(self, work, self.show_report, key="coverage-charts", priority=-1)

    def show_report(self, report: PressReport) -> None:
        """Draw ``report``'s coverage figures."""
        none = self.tr("No coverage logged in these months.")
        years = {y for y, _ in report.by_month}
        self.months_chart.set_data(
            self.tr("Coverage by month"),
            [
                month_short(m, y if len(years) > 1 and m == 1 else None)
                for (y, m), _ in report.by_month
            ],
            [n for _, n in report.by_month],
            empty=none,
        )
        self.medium_chart.set_data(
            self.tr("By medium"),
            [medium_text(k) for k, _ in report.by_medium],
            [n for _, n in report.by_medium],
            empty=none,
        )
        kinds = report.by_kind[:6]
        self.kind_chart.set_data(
            self.tr("By outlet type"),
            [kind_text(k) for k, _ in kinds],
            [n for _, n in kinds],
            empty=none,
        )
        parts = [
            plural(report.coverage_total, self.tr("%1 item"), self.tr("%1 items")),
            self.tr("declared audience %1").replace("%1", figure(report.audience_total)),
            plural(report.releases_sent, self.tr("%1 release sent"), self.tr("%1 releases sent")),
            plural(report.enquiries_received, self.tr("%1 enquiry"), self.tr("%1 enquiries")),
        ]
        self.figures_label.setText(" · ".join(parts))

    def open_report(self) -> None:
        """The dialog that writes a period's report."""
        from fiac_press_desk.ui.dialogs.report_dialog import ReportDialog

        ReportDialog(self._services, self.window()).open()

    def _data_changed(self, area: str) -> None:
        if area not in ("coverage", "enquiries", "releases", "organisations"):
            return
        if self.isVisible():
            self.refresh()
        else:
            self._dirty = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._dirty:
            self.refresh()
