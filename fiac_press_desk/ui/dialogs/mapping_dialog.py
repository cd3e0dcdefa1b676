"""The column-mapping step of a spreadsheet import: which column becomes which field.

Shown by the import dialog before the plan for .xlsx/.xls/.ods/.csv/.txt files::

    dialog = MappingDialog(services, path, parent)
    if dialog.exec() == QDialog.DialogCode.Accepted:
        items = parse_spreadsheet(path, dialog.sheet(), dialog.result_mapping())

The sheet is proposed from the last choice for a workbook with the same sheets, else the first
sheet that holds contacts; columns come mapped from the saved mapping for the same headers,
else automatically from headers and values. Reading the file runs in a background job.
"""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from fiac_press_desk.domain.errors import PressDeskError
from fiac_press_desk.interchange.known_exports import export_name
from fiac_press_desk.interchange.spreadsheet_import import (
    SheetPreview,
    default_sheet,
    preview_sheet,
    records_preview,
    sheets,
)
from fiac_press_desk.interchange.spreadsheet_mapping import (
    ColumnMapping,
    Target,
    mapping_from_settings,
    mapping_to_settings,
)
from fiac_press_desk.interchange.spreadsheet_read import SheetInfo, SpreadsheetError
from fiac_press_desk.services.hub import Services
from fiac_press_desk.ui import operations
from fiac_press_desk.ui.operations import Operation, Progress
from fiac_press_desk.ui.qtmodels.mapping_models import (
    CHOICES,
    MappingColumnsModel,
    MappingPreviewModel,
    target_label,
)

_Loaded = tuple[list[SheetInfo], SheetPreview, str | None]


class MappingDialog(QDialog):
    """Sheet choice, a combo per column, preview of the first rows as they will be imported."""

    def __init__(self, services: Services, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._path = Path(path)
        self._preview: SheetPreview | None = None
        self._sheets: list[SheetInfo] = []
        self._job: Operation[_Loaded] | None = None
        self._saved_used = False
        self._unreadable = False
        self.setWindowTitle(self.tr("Columns of %1").replace("%1", self._path.name))
        self.resize(1180, 720)

        self._sheet_combo = QComboBox()
        self._sheet_combo.currentIndexChanged.connect(self._sheet_changed)
        self._sheet_label = QLabel(self.tr("Sheet:"))
        self._info = QLabel(self.tr("Reading the file…"))
        self._info.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self._sheet_label)
        top.addWidget(self._sheet_combo, 1)
        top.addSpacing(16)
        top.addWidget(self._info, 3)

        self._columns = MappingColumnsModel(self)
        self._columns_view = QTableView()
        self._columns_view.setModel(self._columns)
        self._columns_view.verticalHeader().hide()
        self._columns_view.setSelectionMode(QTableView.SelectionMode.NoSelection)
        self._columns_view.setAlternatingRowColors(True)
        header = self._columns_view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(1, 200)
        header.resizeSection(3, 260)

        self._records = MappingPreviewModel(self)
        self._preview_view = QTableView()
        self._preview_view.setModel(self._records)
        self._preview_view.verticalHeader().hide()
        self._preview_view.setAlternatingRowColors(True)
        self._preview_view.horizontalHeader().setStretchLastSection(True)
        self._preview_view.setWordWrap(False)

        columns_box = QWidget()
        columns_layout = QVBoxLayout(columns_box)
        columns_layout.setContentsMargins(0, 0, 0, 0)
        columns_layout.addWidget(
            QLabel(self.tr("<b>Columns</b> — choose what each column becomes"))
        )
        columns_layout.addWidget(self._columns_view)
        preview_box = QWidget()
        preview_layout = QVBoxLayout(preview_box)
        preview_layout.setContentsMargins(0, 0, 0, 0)
        preview_layout.addWidget(
            QLabel(self.tr("<b>Preview</b> — the first rows as they will be imported"))
        )
        preview_layout.addWidget(self._preview_view)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(columns_box)
        splitter.addWidget(preview_box)
        splitter.setSizes([380, 260])

        self._save_check = QCheckBox(
            self.tr("Remember this mapping for files with the same headers")
        )
        self._save_check.setChecked(True)
        self._notes_check = QCheckBox(self.tr("Keep the columns not imported in the notes"))
        self._notes_check.setToolTip(
            self.tr(
                "Each column that goes to no field is written in the contact's notes as "
                "“Column : value” instead of being left out"
            )
        )
        self._export_button = QPushButton(self.tr("Save as a file…"))
        self._export_button.setToolTip(
            self.tr("A mapping file for unattended imports (import --mapping FILE)")
        )
        self._export_button.clicked.connect(self._save_file)
        self._buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self._ok = self._buttons.button(QDialogButtonBox.StandardButton.Ok)
        self._ok.setText(self.tr("Continue"))
        self._ok.setEnabled(False)
        self._buttons.accepted.connect(self.accept)
        self._buttons.rejected.connect(self.reject)
        checks = QVBoxLayout()
        checks.setSpacing(2)
        checks.addWidget(self._save_check)
        checks.addWidget(self._notes_check)
        bottom = QHBoxLayout()
        bottom.addLayout(checks)
        bottom.addWidget(self._export_button)
        bottom.addStretch(1)
        bottom.addWidget(self._buttons)

        self._export_label = QLabel()
        self._export_label.setWordWrap(True)
        self._export_label.setVisible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self._export_label)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)
        self._load(None, first=True)

    # -- what the import dialog reads -------------------------------------------------------

    def result_mapping(self) -> ColumnMapping:
        return self._columns.mapping

    def sheet(self) -> str | None:
        return self._preview.sheet if self._preview is not None else None

    def unmapped(self) -> str:
        """What becomes of the columns no field takes: "notes" or "ignore"."""
        return "notes" if self._notes_check.isChecked() else "ignore"

    def export_name(self) -> str:
        """The tool export the file was recognised as ("" for any other file)."""
        profile = self._preview.automatic.profile if self._preview is not None else None
        return export_name(profile)

    def is_loading(self) -> bool:
        return self._job is not None

    # -- loading ----------------------------------------------------------------------------

    def _load(self, sheet: str | None, first: bool = False) -> None:
        path, services = self._path, self._services
        self._ok.setEnabled(False)
        self._info.setText(self.tr("Reading the file…"))

        def work(_progress: Progress) -> _Loaded:
            found = sheets(path) if first else self._sheets
            chosen = sheet
            if chosen is None and found:
                chosen = services.saved_mappings.remembered_sheet([s.name for s in found])
                if chosen is None:
                    chosen = default_sheet(path)
            preview = preview_sheet(path, chosen)
            saved = services.saved_mappings.get(preview.automatic.signature)
            return found, preview, saved.mapping_json if saved is not None else None

        job = operations.read(
            self,
            work,
            self._loaded,
            key="sheet",
            on_error=self._failed,
            expected=(SpreadsheetError, OSError, ValueError),
        )
        job.finished.connect(self._job_finished)
        self._job = job

    def _job_finished(self) -> None:
        self._job = None

    def _failed(self, error: PressDeskError) -> None:
        message = str(error)
        self._info.setText(self.tr("This file cannot be read: %1").replace("%1", message))
        QMessageBox.warning(self, self.windowTitle(), message)
        if self._preview is None:
            # Nothing of the file could be read (an empty workbook, not a spreadsheet): after
            # the message, no empty mapping with clipped headers is left open (issue 19).
            # Another sheet that fails keeps the dialog: the first one was readable.
            self._unreadable = True
            self.reject()

    def exec(self) -> int:
        """Rejected at once when the file turned out unreadable before the dialog showed."""
        if self._unreadable:
            return int(QDialog.DialogCode.Rejected)
        return super().exec()

    def _loaded(self, result: _Loaded) -> None:
        found, preview, saved_json = result
        if found is not self._sheets:
            self._sheets = found
            self._sheet_combo.blockSignals(True)
            self._sheet_combo.clear()
            for info in found:
                self._sheet_combo.addItem(info.name, info.name)
            self._sheet_combo.blockSignals(False)
        self._sheet_combo.setVisible(len(found) > 1)
        self._sheet_label.setVisible(len(found) > 1)
        if preview.sheet is not None:
            self._sheet_combo.blockSignals(True)
            self._sheet_combo.setCurrentIndex(max(self._sheet_combo.findData(preview.sheet), 0))
            self._sheet_combo.blockSignals(False)
        self._preview = preview
        mapping = ColumnMapping(
            dict(preview.automatic.columns),
            preview.automatic.header_row,
            list(preview.headers),
            preview.sheet,
            preview.automatic.profile,
        )
        name = export_name(preview.automatic.profile)
        self._export_label.setText(
            self.tr(
                "<b>%1</b> recognised: its columns are mapped below, change any of them."
            ).replace("%1", name)
        )
        self._export_label.setVisible(bool(name))
        self._saved_used = False
        saved = mapping_from_settings(saved_json) if saved_json else None
        if saved is not None:
            mapping.columns = {c: t for c, t in saved.columns.items() if c < preview.width}
            self._saved_used = True
        self._columns.set_preview(preview, mapping)
        self._install_combos()
        self._refresh_preview()

    def _install_combos(self) -> None:
        self._choices: dict[int, list[Target | None]] = {}
        for row in range(self._columns.rowCount()):
            combo = QComboBox()
            current = self._columns.target(row)
            choices = list(CHOICES)
            if current is not None and current not in choices:
                choices.append(current)
            self._choices[row] = choices
            for position, target in enumerate(choices):
                combo.addItem(target_label(target), position)
            combo.setCurrentIndex(choices.index(current))
            combo.currentIndexChanged.connect(
                lambda position, r=row: self._target_changed(r, self._choices[r][position])
            )
            self._columns_view.setIndexWidget(
                self._columns.index(row, MappingColumnsModel.Columns.TARGET), combo
            )

    def choose(self, column: int, target: Target | None) -> None:
        """Pick ``target`` in the combo of ``column`` (as the user would)."""
        self.combo_for(column).setCurrentIndex(self._choices[column].index(target))

    def combo_for(self, column: int) -> QComboBox:
        widget = self._columns_view.indexWidget(
            self._columns.index(column, MappingColumnsModel.Columns.TARGET)
        )
        assert isinstance(widget, QComboBox)
        return widget

    def _target_changed(self, column: int, target: Target | None) -> None:
        self._columns.set_target(column, target)
        self._refresh_preview()

    def _refresh_preview(self) -> None:
        preview = self._preview
        if preview is None:
            return
        mapping = self._columns.mapping
        problems = mapping.problems()
        records = records_preview(preview, mapping) if not problems else []
        self._records.set_records(records)
        self._preview_view.resizeColumnsToContents()
        for col in range(self._records.columnCount()):
            width = self._preview_view.columnWidth(col)
            self._preview_view.setColumnWidth(col, min(width, 280))
        header = (
            self.tr("header on row %1").replace("%1", str(mapping.header_row))
            if mapping.header_row
            else self.tr("no header row")
        )
        mapped = len(mapping.columns)
        text = self.tr("%1 of %2 columns imported, %3.").replace("%1", str(mapped))
        text = text.replace("%2", str(preview.width)).replace("%3", header)
        if self._saved_used:
            text += " " + self.tr("Mapping saved for these headers applied.")
        if problems:
            text = self._problem_text(mapping)
        self._info.setText(text)
        self._ok.setEnabled(not problems)

    def _problem_text(self, mapping: ColumnMapping) -> str:
        if not mapping.columns:
            return self.tr("Choose at least one column to import.")
        seen: dict[tuple[str, int], int] = {}
        for column in sorted(mapping.columns):
            target = mapping.columns[column]
            if target.spec.multi:
                continue
            key = (target.field, target.slot)
            if key in seen:
                return (
                    self.tr("Columns %1 and %2 both fill “%3”: keep one.")
                    .replace("%1", self._columns.data(self._columns.index(seen[key], 0)))
                    .replace("%2", self._columns.data(self._columns.index(column, 0)))
                    .replace("%3", target_label(target))
                )
            seen[key] = column
        return ""

    def _sheet_changed(self, index: int) -> None:
        name = self._sheet_combo.itemData(index)
        if name and (self._preview is None or name != self._preview.sheet):
            self._load(name)

    # -- saving -------------------------------------------------------------------------------

    def accept(self) -> None:
        """Remember the sheet and, when asked, the mapping (written in the background)."""
        preview = self._preview
        if preview is not None:
            saved_mappings, names = self._services.saved_mappings, [s.name for s in self._sheets]
            sheet = preview.sheet if preview.sheet is not None and len(names) > 1 else None
            mapping = self._columns.mapping if self._save_check.isChecked() else None
            file_name = self._path.name

            def work(_progress: Progress) -> None:
                if sheet is not None:
                    saved_mappings.remember_sheet(names, sheet)
                if mapping is not None:
                    saved_mappings.save(mapping.signature, file_name, mapping_to_settings(mapping))

            # The import goes on meanwhile: what is remembered serves the next one.
            operations.write(None, work, busy=False)
        super().accept()

    def _save_file(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the mapping"),
            str(self._path.with_suffix(".mapping.json")),
            self.tr("Column mapping (*.json)"),
        )
        if name:
            self.save_mapping_file(Path(name))

    def save_mapping_file(self, path: Path) -> None:
        text = json.dumps(self._columns.mapping.to_json(), ensure_ascii=False, indent=2)
        path.write_text(text + "\n", encoding="utf-8")
