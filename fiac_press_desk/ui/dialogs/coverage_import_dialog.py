"""Import a media-monitoring export into the coverage log: each column of the file with its
first values and the field it fills (recognised from its header, changed by the press
officer), then one write; what was refused or already logged is listed with its row."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fiac_press_desk.domain.errors import PressDeskError
from fiac_press_desk.interchange.coverage_import import (
    FIELDS,
    MonitoringSheet,
    read_rows,
    read_sheet,
)
from fiac_press_desk.interchange.spreadsheet_read import SpreadsheetError
from fiac_press_desk.services.coverage import ImportedCoverage
from fiac_press_desk.services.hub import Services
from fiac_press_desk.ui import operations
from fiac_press_desk.ui.errors import message_of
from fiac_press_desk.ui.i18n import plural


class CoverageImportDialog(QDialog):
    """The file's columns and their fields; Import writes the rows."""

    def __init__(self, services: Services, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._path = path
        self.setWindowTitle(self.tr("Import a media-monitoring export"))
        self.file_label = QLabel(path.name, self)
        self.table = QTableWidget(0, 3, self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Column of the file"), self.tr("First values"), self.tr("Field")]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(0, 170)
        header.resizeSection(2, 180)
        self.report = QPlainTextEdit(self)
        self.report.setReadOnly(True)
        self.report.setFixedHeight(90)
        self.report.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.import_button = self.buttons.addButton(
            self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setEnabled(False)
        self.buttons.accepted.connect(self.start_import)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.file_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.report)
        layout.addWidget(self.buttons)
        self.resize(760, 480)
        operations.read(
            self,
            lambda _p: read_sheet(path),
            self._show_sheet,
            expected=(SpreadsheetError, OSError),
            on_error=self._unreadable,
        )

    def _show_sheet(self, sheet: MonitoringSheet) -> None:
        self.table.setRowCount(len(sheet.headers))
        for index, header in enumerate(sheet.headers):
            values = [row[index] for row in sheet.sample if index < len(row) and row[index]]
            self.table.setItem(index, 0, QTableWidgetItem(header))
            sample = QTableWidgetItem(" · ".join(values[:3]))
            sample.setToolTip("\n".join(values))
            self.table.setItem(index, 1, sample)
            combo = QComboBox(self.table)
            combo.addItem(self.tr("(not imported)"), None)
            for name, (label, _aliases) in FIELDS.items():
                combo.addItem(label, name)
            chosen = sheet.mapping.get(index)
            if chosen is not None:
                combo.setCurrentIndex(combo.findData(chosen))
            combo.currentIndexChanged.connect(self._check)
            self.table.setCellWidget(index, 2, combo)
        self._check()

    def mapping(self) -> dict[int, str]:
        """Column index -> field, as the combos say."""
        out: dict[int, str] = {}
        for row in range(self.table.rowCount()):
            combo = self.table.cellWidget(row, 2)
            if isinstance(combo, QComboBox) and combo.currentData():
                out[row] = str(combo.currentData())
        return out

    def _check(self) -> None:
        fields = list(self.mapping().values())
        twice = {f for f in fields if fields.count(f) > 1}
        ok = "title" in fields and not twice
        self.import_button.setEnabled(ok)
        if "title" not in fields:
            self.file_label.setText(
                self.tr("%1: choose the column that holds the titles.").replace(
                    "%1", self._path.name
                )
            )
        elif twice:
            self.file_label.setText(self.tr("Two columns fill the same field."))
        else:
            self.file_label.setText(self._path.name)

    def start_import(self) -> None:
        """Read every row with this mapping and write them (one transaction)."""
        mapping, path, coverage = self.mapping(), self._path, self._services.coverage

        def work(progress: operations.Progress) -> tuple[ImportedCoverage, list[str]]:
            read = read_rows(path, mapping)
            result = coverage.import_rows(read.rows, progress)
            return result, read.refused

        self.import_button.setEnabled(False)
        operations.write(
            self,
            work,
            self._imported,
            changes=("coverage", "organisations"),
            expected=(SpreadsheetError, OSError),
            on_error=self._unreadable,
        )

    def _imported(self, found: tuple[ImportedCoverage, list[str]]) -> None:
        result, unread = found
        lines = [
            plural(len(result.created), self.tr("%1 item imported"), self.tr("%1 items imported"))
        ]
        lines += [self.tr("Already logged: %1").replace("%1", s) for s in result.skipped]
        lines += [self.tr("Refused: %1").replace("%1", s) for s in [*unread, *result.refused]]
        self.report.setPlainText("\n".join(lines))
        self.report.show()

    def _unreadable(self, error: PressDeskError) -> None:
        self.file_label.setText(message_of(error))
        self.import_button.setEnabled(False)
