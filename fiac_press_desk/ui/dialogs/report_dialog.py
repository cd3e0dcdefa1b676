"""Write the press report of a period (a month, a quarter, a year or chosen days) as a PDF
with its charts or as an Excel workbook, for the management. The figures are read and the
file written off the GUI thread; the file is written whole or not at all."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from fiac_press_desk.domain.press_report import Period
from fiac_press_desk.interchange.press_report_files import period_label, write_report
from fiac_press_desk.services.hub import Services
from fiac_press_desk.ui import operations
from fiac_press_desk.ui.settings import load_value, save_value
from fiac_press_desk.ui.views.coverage_labels import month_long

MONTH, QUARTER, YEAR, CUSTOM = range(4)


class ReportDialog(QDialog):
    """Choose the period and the format; Write asks where, then writes."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.setWindowTitle(self.tr("Press report"))
        today = services.reports.clock.today()
        self.kind_combo = QComboBox(self)
        self.kind_combo.addItems(
            [self.tr("A month"), self.tr("A quarter"), self.tr("A year"), self.tr("Chosen days")]
        )
        self.year_spin = QSpinBox(self)
        self.year_spin.setRange(2000, 2100)
        self.year_spin.setValue(today.year)
        self.month_combo = QComboBox(self)
        self.month_combo.addItems([month_long(m) for m in range(1, 13)])
        self.month_combo.setCurrentIndex(today.month - 1)
        self.quarter_combo = QComboBox(self)
        self.quarter_combo.addItems(
            [
                self.tr("1st quarter"),
                self.tr("2nd quarter"),
                self.tr("3rd quarter"),
                self.tr("4th quarter"),
            ]
        )
        self.quarter_combo.setCurrentIndex((today.month - 1) // 3)
        self.from_edit = QDateEdit(QDate(today.year, today.month, 1), self)
        self.to_edit = QDateEdit(QDate(today.year, today.month, today.day), self)
        for edit in (self.from_edit, self.to_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd/MM/yyyy")
        self.pdf_radio = QRadioButton(self.tr("PDF with charts"), self)
        self.xlsx_radio = QRadioButton(self.tr("Excel workbook (.xlsx)"), self)
        self.pdf_radio.setChecked(True)
        self.period_label = QLabel(self)
        self.period_label.setEnabled(False)
        self.status_label = QLabel(self)
        self.status_label.setWordWrap(True)

        form = QFormLayout()
        form.addRow(self.tr("Period"), self.kind_combo)
        form.addRow(self.tr("Year"), self.year_spin)
        form.addRow(self.tr("Month"), self.month_combo)
        form.addRow(self.tr("Quarter"), self.quarter_combo)
        days = QHBoxLayout()
        days.addWidget(self.from_edit)
        days.addWidget(QLabel(self.tr("to"), self))
        days.addWidget(self.to_edit)
        form.addRow(self.tr("Days from"), days)
        formats = QHBoxLayout()
        formats.addWidget(self.pdf_radio)
        formats.addWidget(self.xlsx_radio)
        formats.addStretch(1)
        form.addRow(self.tr("Format"), formats)
        self._form = form
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.write_button = self.buttons.addButton(
            self.tr("Write…"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.accepted.connect(self.choose_file)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.period_label)
        layout.addWidget(self.status_label)
        layout.addWidget(self.buttons)
        for signal in (
            self.kind_combo.currentIndexChanged,
            self.year_spin.valueChanged,
            self.month_combo.currentIndexChanged,
            self.quarter_combo.currentIndexChanged,
            self.from_edit.dateChanged,
            self.to_edit.dateChanged,
        ):
            signal.connect(self._update)
        self._update()
        self.resize(460, self.sizeHint().height())

    def period(self) -> Period | None:
        """The period chosen (None when the chosen days end before they start)."""
        kind, year = self.kind_combo.currentIndex(), self.year_spin.value()
        if kind == MONTH:
            return Period.month(year, self.month_combo.currentIndex() + 1)
        if kind == QUARTER:
            return Period.quarter(year, self.quarter_combo.currentIndex() + 1)
        if kind == YEAR:
            return Period.year(year)
        start, end = _day(self.from_edit.date()), _day(self.to_edit.date())
        return Period(start, end) if start <= end else None

    def _update(self) -> None:
        kind = self.kind_combo.currentIndex()
        # Rows of the form: period, year, month, quarter, days, format.
        for row, shown in (
            (1, kind != CUSTOM),
            (2, kind == MONTH),
            (3, kind == QUARTER),
            (4, kind == CUSTOM),
        ):
            self._form.setRowVisible(row, shown)
        period = self.period()
        self.write_button.setEnabled(period is not None)
        self.period_label.setText(
            period_label(period).capitalize()
            if period
            else self.tr("The days end before they start.")
        )

    def suggested_name(self) -> str:
        """ "bilan-presse-2026-03-01-2026-03-31.pdf"."""
        period = self.period()
        suffix = "pdf" if self.pdf_radio.isChecked() else "xlsx"
        if period is None:
            return f"bilan-presse.{suffix}"
        return f"bilan-presse-{period.start:%Y-%m-%d}-{period.end:%Y-%m-%d}.{suffix}"

    def choose_file(self) -> None:
        """Ask where, then write."""
        folder = load_value("report/folder", str(Path.home()))
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Write the press report"), str(Path(folder) / self.suggested_name())
        )
        if name:
            save_value("report/folder", str(Path(name).parent))
            self.write(Path(name))

    def write(self, target: Path) -> None:
        """Read the figures and write ``target`` (off the GUI thread)."""
        period = self.period()
        if period is None:
            return
        if target.suffix.lower() not in (".pdf", ".xlsx"):
            target = target.with_suffix(".pdf" if self.pdf_radio.isChecked() else ".xlsx")
        services = self._services

        def work(_progress: operations.Progress) -> Path:
            report = services.reports.report(period)
            organisation = services.gdpr.settings.get().controller
            write_report(
                report, target, organisation=organisation, now=services.reports.clock.now()
            )
            return target

        self.write_button.setEnabled(False)
        self.status_label.setText(self.tr("Writing…"))
        operations.read(
            self,
            work,
            self._written,
            key="report",
            busy=True,
            expected=(OSError,),
            on_error=self._failed,
        )

    def _written(self, target: Path) -> None:
        self.write_button.setEnabled(True)
        self.status_label.setText(self.tr("Written: %1").replace("%1", str(target)))

    def _failed(self, error: Exception) -> None:
        self.write_button.setEnabled(True)
        self.status_label.setText(self.tr("Not written: %1").replace("%1", str(error)))


def _day(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())
