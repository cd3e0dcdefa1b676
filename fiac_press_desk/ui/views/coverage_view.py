"""Retombées presse: the coverage log. A list with its filters (search, medium, tone, period),
quick capture of a new item, the edit form on double-click, the clipping opened or saved,
the link opened in the browser, and the import of a media-monitoring export.

The list is read off the GUI thread (the filters go to the service); every write is one
service call through ``ui/operations.py``."""

from __future__ import annotations

import tempfile
from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import QModelIndex, QUrl
from PySide6.QtGui import QDesktopServices, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from fiac_press_desk.domain.coverage import Medium, Tone
from fiac_press_desk.services.coverage import CoverageFilter, CoverageRow
from fiac_press_desk.services.hub import Services
from fiac_press_desk.ui import icons, operations
from fiac_press_desk.ui.events import data_events
from fiac_press_desk.ui.i18n import plural
from fiac_press_desk.ui.qtmodels.coverage_model import CoverageColumn, CoverageTableModel
from fiac_press_desk.ui.views.chart_widget import figure
from fiac_press_desk.ui.views.coverage_labels import media, tones

PERIODS = (0, 31, 92, 365)  # days back; 0: all


class CoverageView(QWidget):
    """The coverage page."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._dirty = True
        self._status = ""
        self.setObjectName("CoverageView")
        self.title_label = QLabel(self.tr("Press coverage"), self)
        font = self.title_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title_label.setFont(font)
        self.new_button = QPushButton(icons.icon("capture"), self.tr("New item"), self)
        self.new_button.setToolTip(
            self.tr("Log an article, a broadcast or a post (paste its link)")
        )
        self.new_button.clicked.connect(self.capture)
        self.import_button = QPushButton(icons.icon("import"), self.tr("Import monitoring…"), self)
        self.import_button.setToolTip(
            self.tr("Import a media-monitoring export (Excel or CSV), columns mapped")
        )
        self.import_button.clicked.connect(self.import_file)
        self.search_edit = QLineEdit(self)
        self.search_edit.setPlaceholderText(self.tr("Search title, outlet, journalist, link"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.textChanged.connect(self.refresh)
        self.period_combo = QComboBox(self)
        self.period_combo.addItems(
            [
                self.tr("All dates"),
                self.tr("Last month"),
                self.tr("Last 3 months"),
                self.tr("Last 12 months"),
            ]
        )
        self.medium_combo = QComboBox(self)
        self.medium_combo.addItem(self.tr("Every medium"), None)
        for medium, text in media().items():
            self.medium_combo.addItem(text, medium.value)
        self.tone_combo = QComboBox(self)
        self.tone_combo.addItem(self.tr("Every tone"), None)
        for tone, text in tones().items():
            self.tone_combo.addItem(text, tone.value)
        for combo in (self.period_combo, self.medium_combo, self.tone_combo):
            combo.currentIndexChanged.connect(self.refresh)

        self.model = CoverageTableModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(CoverageColumn.TITLE, QHeaderView.ResizeMode.Stretch)
        for column, width in (
            (CoverageColumn.DATE, 92),
            (CoverageColumn.OUTLET, 150),
            (CoverageColumn.JOURNALIST, 120),
            (CoverageColumn.MEDIUM, 100),
            (CoverageColumn.TONE, 66),
            (CoverageColumn.AUDIENCE, 80),
            (CoverageColumn.RELEASE, 110),
            (CoverageColumn.CLIPPING, 60),
        ):
            header.resizeSection(column, width)
        self.table.doubleClicked.connect(self._edit_index)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.empty_label = QLabel(
            self.tr(
                "No coverage yet. Paste the link of an article with “New item”, or import "
                "a media-monitoring export."
            ),
            self,
        )
        self.empty_label.setWordWrap(True)
        self.empty_label.setEnabled(False)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty_label)

        self.edit_button = QPushButton(icons.icon("edit"), self.tr("Edit…"), self)
        self.edit_button.clicked.connect(self.edit_current)
        self.link_button = QPushButton(self.tr("Open the link"), self)
        self.link_button.clicked.connect(self.open_link)
        self.clip_button = QPushButton(self.tr("Open the clipping"), self)
        self.clip_button.clicked.connect(self.open_clipping)
        self.delete_button = QPushButton(icons.icon("delete"), self.tr("Delete"), self)
        self.delete_button.clicked.connect(self.delete_selected)
        self.count_label = QLabel(self)
        self.count_label.setEnabled(False)

        head = QHBoxLayout()
        head.addWidget(self.title_label)
        head.addStretch(1)
        head.addWidget(self.import_button)
        head.addWidget(self.new_button)
        filters = QHBoxLayout()
        filters.addWidget(self.search_edit, 1)
        filters.addWidget(self.period_combo)
        filters.addWidget(self.medium_combo)
        filters.addWidget(self.tone_combo)
        actions = QHBoxLayout()
        actions.addWidget(self.count_label, 1)
        for button in (self.edit_button, self.link_button, self.clip_button, self.delete_button):
            actions.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addLayout(filters)
        layout.addWidget(self.stack, 1)
        layout.addLayout(actions)
        data_events().changed.connect(self._data_changed)
        self._selection_changed()

    # -- page contract ------------------------------------------------------------------------

    def current_filter(self) -> CoverageFilter:
        """What the filters say."""
        days = PERIODS[self.period_combo.currentIndex()]
        today = self._services.coverage.clock.today()
        medium, tone = self.medium_combo.currentData(), self.tone_combo.currentData()
        return CoverageFilter(
            published_from=today - timedelta(days=days) if days else None,
            media=[Medium(medium)] if medium else [],
            tones=[Tone(tone)] if tone else [],
            search=self.search_edit.text().strip(),
        )

    def refresh(self) -> None:
        """Read the list again with the filters (off the GUI thread)."""
        self._dirty = False
        flt, coverage = self.current_filter(), self._services.coverage
        operations.read(self, lambda _p: coverage.search(flt), self._show, key="coverage")

    def _show(self, rows: list[CoverageRow]) -> None:
        selected = set(self.selected_ids())
        self.model.set_rows(rows)
        filtered = bool(
            self.current_filter().search
            or self.current_filter().media
            or self.current_filter().tones
            or self.period_combo.currentIndex()
        )
        self.stack.setCurrentWidget(self.table if rows or filtered else self.empty_label)
        audience = sum(r.audience or 0 for r in rows)
        self._status = plural(len(rows), self.tr("%1 item"), self.tr("%1 items"))
        if audience:
            self._status += " · " + self.tr("declared audience %1").replace("%1", figure(audience))
        self.count_label.setText(self._status)
        for row in range(self.model.rowCount()):
            if self.model.index(row, 0).data(CoverageTableModel.IdRole) in selected:
                self.table.selectRow(row)
        self._selection_changed()

    def shutdown(self) -> None:
        operations.forget(self)

    def status_text(self) -> str:
        return self._status

    def focus_search(self) -> bool:
        self.search_edit.setFocus()
        self.search_edit.selectAll()
        return True

    def _data_changed(self, area: str) -> None:
        if area not in ("coverage", "contacts", "releases", "organisations", "enquiries"):
            return
        if self.isVisible():
            self.refresh()
        else:
            self._dirty = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._dirty:
            self.refresh()

    # -- selection and actions -----------------------------------------------------------------

    def selected_ids(self) -> list[int]:
        """The ids of the selected items, in the list's order."""
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [int(self.model.index(r, 0).data(CoverageTableModel.IdRole)) for r in rows]

    def _current(self) -> CoverageRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.item(rows[0].row()) if len(rows) == 1 else None

    def _selection_changed(self, *_args: object) -> None:
        item, count = self._current(), len(self.selected_ids())
        self.edit_button.setEnabled(item is not None)
        self.link_button.setEnabled(item is not None and bool(item.link))
        self.clip_button.setEnabled(item is not None and bool(item.attachment_name))
        self.delete_button.setEnabled(count > 0)

    def capture(self) -> None:
        """Quick capture of a new item."""
        from fiac_press_desk.ui.dialogs.coverage_dialog import CoverageDialog

        CoverageDialog(self._services, self).open()

    def edit_current(self) -> None:
        """The edit form of the selected item."""
        item = self._current()
        if item is not None:
            self.edit(item.id)

    def edit(self, item_id: int) -> None:
        """The edit form of ``item_id``."""
        from fiac_press_desk.ui.dialogs.coverage_dialog import CoverageDialog

        CoverageDialog(self._services, self, item_id).open()

    def _edit_index(self, index: QModelIndex) -> None:
        if index.isValid():
            self.edit(int(index.data(CoverageTableModel.IdRole)))

    def open_link(self) -> None:
        """The item's page in the browser (the user's own click)."""
        item = self._current()
        if item is not None and item.link:
            QDesktopServices.openUrl(QUrl(item.link))

    def open_clipping(self) -> None:
        """Write the clipping to a temporary file and open it with the system's viewer."""
        item = self._current()
        if item is None or not item.attachment_name:
            return
        coverage, item_id = self._services.coverage, item.id

        def work(_progress: operations.Progress) -> Path:
            clip = coverage.attachment(item_id)
            if clip is None:
                raise FileNotFoundError(item_id)
            folder = Path(tempfile.mkdtemp(prefix="coupure-"))
            path = folder / Path(clip.filename).name
            path.write_bytes(clip.data)
            return path

        operations.read(
            self,
            work,
            lambda path: QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))),
            expected=(OSError,),
        )

    def delete_selected(self) -> None:
        """Delete the selected items, once confirmed."""
        ids = self.selected_ids()
        if not ids:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Delete coverage"),
            plural(len(ids), self.tr("Delete %1 item?"), self.tr("Delete %1 items?")),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        coverage = self._services.coverage
        operations.write(self, lambda _p: coverage.delete(ids), changes=("coverage",))

    def import_file(self) -> None:
        """Choose a monitoring export, map its columns, import it."""
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Import a media-monitoring export"),
            str(Path.home()),
            self.tr("Spreadsheets (*.xlsx *.xls *.ods *.csv *.txt)"),
        )
        if name:
            from fiac_press_desk.ui.dialogs.coverage_import_dialog import CoverageImportDialog

            CoverageImportDialog(self._services, Path(name), self).open()
