"""Demandes presse: every enquiry, the most pressing first, with its thread beside the list.

The list is sorted by deadline by default and re-judged every minute (time passes: a row
due in 10 minutes becomes overdue without anyone touching it). Emails can be imported in a
batch and the log exported to Excel, both off the GUI thread.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QItemSelectionModel,
    QModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from fiac_press_desk.domain.errors import PressDeskError
from fiac_press_desk.interchange.eml_import import EmlImportResult, import_eml_files
from fiac_press_desk.interchange.enquiry_export import export_enquiries
from fiac_press_desk.services.enquiries import EnquiryFilter, EnquiryRow
from fiac_press_desk.services.hub import Services
from fiac_press_desk.ui import icons, operations
from fiac_press_desk.ui.errors import message_of
from fiac_press_desk.ui.events import data_events
from fiac_press_desk.ui.i18n import plural
from fiac_press_desk.ui.operations import Operation, Progress
from fiac_press_desk.ui.qtmodels.enquiry_table_model import EnquiryTableModel
from fiac_press_desk.ui.views.empty_guidance import enquiries_guidance, no_match_text
from fiac_press_desk.ui.views.enquiry_detail import EnquiryDetailPanel
from fiac_press_desk.ui.views.enquiry_filters import QUICK_ALL, EnquiryFilterBar

REFRESH_MS = 60_000


@dataclass(frozen=True)
class _Rows:
    generation: int
    now: datetime
    rows: list[EnquiryRow]
    assignees: list[str]
    total: int = -1  # enquiries in the database when the filters leave none (-1: some)


class EnquiriesView(QWidget):
    """The enquiries page: filters, the list, the enquiry below it."""

    loaded = Signal()  # the table shows the result of the last refresh

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._clock = services.enquiries.clock
        self._dirty = True
        self._generation = 0
        self._shown = 0
        self._pending_select: int | None = None
        self._pending_all = False
        self.setObjectName("EnquiriesView")

        title = QLabel(self.tr("Press enquiries"), self)
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        title.setFont(font)
        self.new_button = QPushButton(icons.icon("capture"), self.tr("New enquiry"), self)
        self.new_button.setToolTip(self.tr("Log a press enquiry (Ctrl+Shift+N)"))
        self.new_button.clicked.connect(self.capture)
        self.import_button = QPushButton(icons.icon("import"), self.tr("Import emails…"), self)
        self.import_button.setToolTip(self.tr("Log enquiries from saved emails (.eml)"))
        self.import_button.clicked.connect(self.choose_emails)
        self.export_button = QPushButton(icons.icon("export"), self.tr("Export…"), self)
        export_menu = QMenu(self.export_button)
        self.export_shown_action = export_menu.addAction(self.tr("Export the enquiries shown…"))
        self.export_shown_action.triggered.connect(lambda: self.export(filtered=True))
        self.export_all_action = export_menu.addAction(self.tr("Export every enquiry…"))
        self.export_all_action.triggered.connect(lambda: self.export(filtered=False))
        self.export_button.setMenu(export_menu)
        top = QHBoxLayout()
        top.addWidget(title)
        top.addStretch(1)
        top.addWidget(self.new_button)
        top.addWidget(self.import_button)
        top.addWidget(self.export_button)

        self.filters = EnquiryFilterBar(self._clock, self)
        self.filters.changed.connect(self.refresh)

        self.model = EnquiryTableModel(self._clock, self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(EnquiryTableModel.SortRole)
        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(EnquiryTableModel.Columns.DEADLINE, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setStretchLastSection(False)
        for column, width in (
            (EnquiryTableModel.Columns.RECEIVED, 110),
            (EnquiryTableModel.Columns.DEADLINE, 140),
            (EnquiryTableModel.Columns.JOURNALIST, 150),
            (EnquiryTableModel.Columns.OUTLET, 160),
            (EnquiryTableModel.Columns.ASSIGNEE, 170),
            (EnquiryTableModel.Columns.STATUS, 90),
        ):
            header.resizeSection(column, width)
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(
            EnquiryTableModel.Columns.SUBJECT, QHeaderView.ResizeMode.Stretch
        )
        header.setMinimumSectionSize(60)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.table.doubleClicked.connect(self._double_clicked)
        self.count_label = QLabel(self)

        self.detail = EnquiryDetailPanel(services, self)
        self.detail.edit_requested.connect(self.edit)
        self.detail.changed.connect(lambda _id: self.refresh())

        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.count_label)
        # The list takes the whole width (seven columns); the enquiry opens below it.
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([345, 355])

        # No enquiry at all yet: what to log here and how, not an empty table (empty_guidance).
        self.guidance = enquiries_guidance(self, self.capture, self.choose_emails)
        self.body = QStackedWidget(self)
        self.body.addWidget(self.splitter)
        self.body.addWidget(self.guidance)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.filters)
        layout.addWidget(self.body, 1)

        self._timer = QTimer(self)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self.refresh)
        data_events().changed.connect(self._data_changed)

    # -- page contract ------------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload the rows for the current filters, judged against the clock's now.

        The query runs off the GUI thread (ten years of enquiries take a while to judge);
        ``loaded`` is emitted once the table shows the result. A newer refresh wins."""
        self._dirty = False
        self._generation += 1
        generation = self._generation
        now = self._clock.now()
        flt = self.filters.current_filter()
        enquiries = self._services.enquiries

        def work(_progress: Progress) -> _Rows:
            rows = enquiries.rows(flt, now)
            total = len(rows) if rows else enquiries.count()
            return _Rows(generation, now, rows, enquiries.assignees(), total)

        operations.read(
            self,
            work,
            self._show_rows,
            key="rows",
            on_error=lambda error: self.count_label.setText(message_of(error)),
        )

    def shutdown(self) -> None:
        self._timer.stop()
        operations.forget(self)

    def status_text(self) -> str:
        return ""

    def focus_search(self) -> bool:
        return False  # Ctrl+F goes to the contacts

    def is_loading(self) -> bool:
        return self._shown != self._generation

    def _show_rows(self, result: _Rows) -> None:
        if result.generation != self._generation:
            return  # a newer refresh is on its way
        generation, rows, now = result.generation, result.rows, result.now
        self.filters.set_assignees(result.assignees)
        self._shown = generation
        selected = self._pending_select or self.detail.enquiry_id()
        self._pending_select = None
        self.model.set_rows(rows, now)
        self.table.resizeColumnToContents(EnquiryTableModel.Columns.DEADLINE)
        overdue = sum(r.overdue for r in rows)
        soon = sum(r.due_soon for r in rows)
        text = self._plural(len(rows), self.tr("%1 enquiry"), self.tr("%1 enquiries"))
        if overdue:
            text += " · " + self._plural(overdue, self.tr("%1 overdue"), self.tr("%1 overdue"))
        if soon:
            text += " · " + self._plural(
                soon, self.tr("%1 due within hours"), self.tr("%1 due within hours")
            )
        self.count_label.setText(text)
        if selected is not None and self.model.row_of(selected) >= 0:
            self._select(selected)
        elif selected is not None and self._pending_all:
            self.detail.show_enquiry(selected)
        elif self.proxy.rowCount() > 0:
            self.table.selectRow(0)
        else:
            self.detail.show_enquiry(None)
        none_at_all = result.total == 0
        self.body.setCurrentWidget(self.guidance if none_at_all else self.splitter)
        self.filters.setVisible(not none_at_all)
        self.detail.empty_label.setText(no_match_text() if not rows else self.detail.empty_text())
        self._pending_all = False
        self.loaded.emit()

    def show_filter(self, quick: str) -> None:
        """Show one of the quick filters ("open", "overdue", "today", "soon", "all")."""
        if self.filters.quick() == quick:
            self.refresh()
        else:
            self.filters.set_quick(quick)  # the bar's change reloads

    def show_enquiry(self, enquiry_id: int) -> None:
        """Select ``enquiry_id``; when the current filter hides it, show every enquiry."""
        if self.model.row_of(enquiry_id) >= 0:
            self._select(enquiry_id)
            return
        self._pending_select = enquiry_id
        self._pending_all = True
        if self.filters.quick() != QUICK_ALL:
            self.filters.set_quick(QUICK_ALL)
        else:
            self.refresh()

    def _select(self, enquiry_id: int) -> None:
        row = self.model.row_of(enquiry_id)
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(index)
        self.detail.show_enquiry(enquiry_id)

    def current_filter(self) -> EnquiryFilter:
        return self.filters.current_filter()

    # -- actions ------------------------------------------------------------------------------

    def capture(self) -> None:
        from fiac_press_desk.ui.dialogs.enquiry_capture import EnquiryCaptureDialog

        dialog = EnquiryCaptureDialog(self._services, self)
        if dialog.exec() and dialog.enquiry_id is not None:
            self._pending_select = dialog.enquiry_id
            self.refresh()

    def edit(self, enquiry_id: int) -> None:
        from fiac_press_desk.ui.dialogs.enquiry_capture import EnquiryCaptureDialog

        dialog = EnquiryCaptureDialog(self._services, self, enquiry_id=enquiry_id)
        if dialog.exec():
            self._pending_select = enquiry_id
            self.refresh()

    def choose_emails(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Import emails"), "", self.tr("Emails (*.eml);;All files (*)")
        )
        if names:
            self.review_emails([Path(n) for n in names])

    def review_emails(self, paths: list[Path]) -> None:
        """The chosen emails in one review list; the last one logged is shown."""
        from fiac_press_desk.ui.dialogs.eml_review import open_review

        open_review(self._services, self, paths, self._reviewed)

    def _reviewed(self, ids: list[int]) -> None:
        if ids:
            self.show_enquiry(ids[-1])

    def import_emails(self, paths: list[Path]) -> Operation[EmlImportResult]:
        """Log one enquiry per email in the background; a summary says what was done."""
        services = self._services
        self.import_button.setEnabled(False)
        operation = operations.write(
            self,
            lambda progress: import_eml_files(services, paths, progress),
            self._imported,
            changes=lambda result: (
                ("enquiries", "contacts") if result.contact_ids else ("enquiries",)
            ),
            on_error=self._failed,
        )
        operation.finished.connect(self._import_ended)
        return operation

    def _import_ended(self) -> None:
        self.import_button.setEnabled(True)

    def _imported(self, result: EmlImportResult) -> None:
        lines = [
            self._plural(
                len(result.enquiry_ids),
                self.tr("%1 enquiry logged"),
                self.tr("%1 enquiries logged"),
            ),
            self._plural(
                len(result.contact_ids),
                self.tr("%1 new contact"),
                self.tr("%1 new contacts"),
            ),
        ]
        if result.problems:
            lines.append("")
            lines += [
                self.tr("%1: %2").replace("%1", Path(f).name).replace("%2", m)
                for f, m in result.problems
            ]
        box = QMessageBox.warning if result.problems else QMessageBox.information
        box(self, self.tr("Emails imported"), "\n".join(lines))
        if result.enquiry_ids:
            self.show_enquiry(result.enquiry_ids[-1])

    def export(self, filtered: bool = True) -> Operation[int] | None:
        default = f"demandes-presse-{date.today().isoformat()}.xlsx"
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export enquiries"), default, self.tr("Excel workbook (*.xlsx)")
        )
        if not name:
            return None
        if not name.lower().endswith(".xlsx"):
            name += ".xlsx"
        return self.export_to(Path(name), self.current_filter() if filtered else None)

    def export_to(self, path: Path, flt: EnquiryFilter | None) -> Operation[int]:
        """Write the enquiries (of ``flt``, or all) to an Excel file, in the background."""
        services = self._services
        from fiac_press_desk.ui import i18n

        language = i18n.current()

        def work(progress: Progress) -> int:
            return export_enquiries(services, path, flt, language=language, progress=progress)

        def exported(count: int) -> None:
            self.count_label.setText(
                self._plural(
                    int(count),
                    self.tr("%1 enquiry exported to %2"),
                    self.tr("%1 enquiries exported to %2"),
                ).replace("%2", path.name)
            )

        self.export_button.setEnabled(False)
        operation = operations.read(self, work, exported, on_error=self._failed, busy=True)
        operation.finished.connect(self._export_ended)
        return operation

    def _export_ended(self) -> None:
        self.export_button.setEnabled(True)

    def _failed(self, error: PressDeskError) -> None:
        QMessageBox.critical(self, self.tr("Failed"), message_of(error))

    # -- internals ----------------------------------------------------------------------------

    @staticmethod
    def _plural(n: int, one: str, many: str) -> str:
        return plural(n, one, many)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        self.detail.show_enquiry(current.data(EnquiryTableModel.IdRole))

    def _double_clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            self.edit(int(index.data(EnquiryTableModel.IdRole)))

    def _data_changed(self, area: str) -> None:
        if area not in ("enquiries", "contacts", "organisations", "releases", "imports"):
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

    def dropped_files(self, paths: list[Any]) -> None:
        """Emails dropped on this page are logged through the capture form, one by one."""
        from fiac_press_desk.ui.dialogs.enquiry_capture import open_capture

        emails = [Path(p) for p in paths if str(p).lower().endswith(".eml")]
        if emails:
            open_capture(self._services, self, emails)
