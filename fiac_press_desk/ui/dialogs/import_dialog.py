"""Importing contacts files in the window: read and match in the background, show the plan
with a choice per record, write it as one undoable batch, then say what happened.

``run_import(services, paths, parent)`` is what the main window calls (menu, drop). Spreadsheets
first go through the column-mapping step (``MappingDialog``); vCard files go straight to the
plan. Reading, matching and writing are ``ui.operations`` with progress and cancel, so the
window stays responsive on a 50,000-card file; cancelling the writing leaves the database as it
was (one transaction).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from fiac_press_desk.domain.enums import Decision, LawfulBasis, MatchKind
from fiac_press_desk.domain.errors import PressDeskError
from fiac_press_desk.interchange.import_sources import contact_items, import_format, kind_of
from fiac_press_desk.interchange.pipeline import (
    WINDOW_ON_DUPLICATE,
    WINDOW_ON_PROBABLE,
    ImportPlan,
    apply_plan,
    build_plan,
    proposed_decision,
    write_report,
)
from fiac_press_desk.services.hub import Services
from fiac_press_desk.services.imports import ImportResult
from fiac_press_desk.ui import operations
from fiac_press_desk.ui.errors import message_of
from fiac_press_desk.ui.job_collector import CollectedProgress
from fiac_press_desk.ui.labels import lawful_bases
from fiac_press_desk.ui.operations import Operation, Progress
from fiac_press_desk.ui.qtmodels.import_plan_model import (
    ImportPlanModel,
    PlanColumn,
    PlanFilter,
)

IndexLike = QModelIndex | QPersistentModelIndex


@dataclass
class FileSource:
    """One file to read, with the sheet and column mapping chosen for a spreadsheet."""

    path: Path
    sheet: str | None = None
    mapping: Any = None
    unmapped: str = "ignore"  # a sheet's columns no field takes: "ignore" or "notes"


def run_import(services: Services, paths: list[Path], parent: QWidget | None) -> None:
    """Import ``paths`` (vCard and spreadsheet files) through the preview, as one batch."""
    sources = choose_sources(services, [Path(p) for p in paths], parent)
    if not sources:
        return
    dialog = ImportDialog(services, sources, parent)
    show_duplicates = getattr(parent, "show_duplicates", None)
    if callable(show_duplicates):  # the window's duplicates page (issue 12)
        dialog.duplicates_requested.connect(show_duplicates)
        dialog.offers_duplicates = True
    dialog.start()
    dialog.exec()


def choose_sources(
    services: Services, paths: list[Path], parent: QWidget | None
) -> list[FileSource]:
    """Files the contacts import reads; each spreadsheet's sheet and columns asked first.
    Empty when the press officer cancels a mapping step or no file is a contacts file."""
    sources: list[FileSource] = []
    skipped = [p for p in paths if kind_of(p) not in ("vcard", "ldif", "sheet")]
    if skipped:
        QMessageBox.information(
            parent,
            QCoreApplication.translate("ImportDialog", "Import contacts"),
            QCoreApplication.translate(
                "ImportDialog", "These files are not contacts files and were left aside:\n%1"
            ).replace("%1", "\n".join(p.name for p in skipped)),
        )
    for path in paths:
        kind = kind_of(path)
        if kind in ("vcard", "ldif"):
            sources.append(FileSource(path))
        elif kind == "sheet":
            # Imported here: the mapping step (and the spreadsheet readers) load when needed.
            from fiac_press_desk.ui.dialogs.mapping_dialog import MappingDialog

            mapping = MappingDialog(services, path, parent)
            if mapping.exec() != QDialog.DialogCode.Accepted:
                return []
            sources.append(
                FileSource(path, mapping.sheet(), mapping.result_mapping(), mapping.unmapped())
            )
    return sources


class DecisionDelegate(QStyledItemDelegate):
    """A drop-down of the decisions a record allows (create, update, skip)."""

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: IndexLike
    ) -> QWidget:
        combo = QComboBox(parent)
        for value, label in index.data(ImportPlanModel.ChoicesRole) or []:
            combo.addItem(label, value)
        combo.activated.connect(lambda _i, c=combo: self.commitData.emit(c))
        return combo

    def setEditorData(self, editor: QWidget, index: IndexLike) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))

    def setModelData(self, editor: QWidget, model: Any, index: IndexLike) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class ImportDialog(QDialog):
    """Reading -> preview (a decision per record) -> writing -> summary, in one window."""

    imported = Signal(object)  # ImportResult, once the batch is written
    duplicates_requested = Signal(list)  # the contacts the import created, to check

    PAGE_READING, PAGE_PREVIEW, PAGE_WRITING, PAGE_SUMMARY = range(4)
    AS_PROPOSED = "proposed"  # the duplicates choice that puts back the plan's own decisions

    def __init__(
        self, services: Services, sources: list[FileSource], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.sources = sources
        self.plan: ImportPlan | None = None
        self.import_result: ImportResult | None = None
        self.job: Operation[Any] | None = None
        self._on_bug: Callable[[], object] | None = None
        self.offers_duplicates = False  # someone shows the duplicates page (the window)
        names = ", ".join(s.path.name for s in sources)
        self.setWindowTitle(self.tr("Import contacts — %1").replace("%1", names))
        self.resize(1100, 680)
        self.pages = QStackedWidget()
        self.pages.addWidget(self._reading_page())
        self.pages.addWidget(self._preview_page())
        self.pages.addWidget(self._writing_page())
        self.pages.addWidget(self._summary_page())
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)

    # -- pages --------------------------------------------------------------------------------

    def _reading_page(self) -> QWidget:
        page = QWidget()
        self.reading_label = QLabel(self.tr("Reading the files…"))
        self.reading_bar = QProgressBar()
        self.reading_bar.setRange(0, 0)
        cancel = QPushButton(self.tr("Cancel"))
        cancel.clicked.connect(self._cancel_job)
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        layout.addWidget(self.reading_label)
        layout.addWidget(self.reading_bar)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(cancel)
        layout.addLayout(row)
        layout.addStretch(1)
        return page

    def _preview_page(self) -> QWidget:
        page = QWidget()
        self.counts_label = QLabel()
        self.counts_label.setWordWrap(True)
        self.show_combo = QComboBox()
        self.duplicates_combo = QComboBox()
        # The default never drops anyone: same email, the existing contact is completed;
        # same name and organisation only, a contact is created (merged later if need be).
        for value, text in (
            (self.AS_PROPOSED, self.tr("As proposed (complete same email, create same name)")),
            (Decision.SKIP.value, self.tr("Skip them")),
            (Decision.UPDATE.value, self.tr("Complete the existing contact")),
            (Decision.CREATE.value, self.tr("Create them anyway")),
        ):
            self.duplicates_combo.addItem(text, value)
        self.duplicates_combo.activated.connect(self._duplicates_policy)
        self.basis_combo = QComboBox()
        for basis, text in lawful_bases().items():
            self.basis_combo.addItem(text, basis.value)
        from fiac_press_desk.workstation import default_lawful_basis  # the Preferences' choice

        self.basis_combo.setCurrentIndex(self.basis_combo.findData(default_lawful_basis().value))
        self.basis_combo.setToolTip(
            self.tr(
                "GDPR basis recorded on the new contacts whose file gives none; legitimate "
                "interest suits journalists' professional contacts"
            )
        )
        self.basis_combo.activated.connect(self._basis_chosen)
        self.notices_label = QLabel()
        self.notices_label.setWordWrap(True)
        self.notices_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.notices_label.setVisible(False)
        self.model = ImportPlanModel(self)
        # Filtering asks the Python model about every row: the proxy is only put between
        # the model and the view while a filter is chosen (50,000 rows show unfiltered).
        self.proxy = PlanFilter(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setItemDelegateForColumn(PlanColumn.DECISION, DecisionDelegate(self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.CurrentChanged
            | QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.table.horizontalHeader()
        for column, width in (
            (PlanColumn.PLACE, 240),
            (PlanColumn.NAME, 220),
            (PlanColumn.RESULT, 150),
            (PlanColumn.DECISION, 190),
        ):
            header.resizeSection(column, width)
        header.setStretchLastSection(True)
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.setMinimumHeight(48)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.import_button = QPushButton(self.tr("Import"))
        self.import_button.setDefault(True)
        self.import_button.clicked.connect(self.apply)
        cancel = QPushButton(self.tr("Cancel"))
        cancel.clicked.connect(self.reject)
        self.report_button = QPushButton(self.tr("Save the report…"))
        self.report_button.clicked.connect(self.save_report)

        # Combos as wide as the room allows, their whole choice in the tooltip: at their
        # longest choice's width the dialog needed 1297 px in French, more than the screen.
        for combo, letters in ((self.show_combo, 16), (self.duplicates_combo, 22)):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(letters)
            combo.currentTextChanged.connect(combo.setToolTip)
        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("Show:")))
        filters.addWidget(self.show_combo, 1)
        filters.addSpacing(12)
        filters.addWidget(QLabel(self.tr("Possible duplicates:")))
        filters.addWidget(self.duplicates_combo, 2)
        buttons = QHBoxLayout()
        buttons.addWidget(self.report_button)
        buttons.addStretch(1)
        # Beside "Import": what the new contacts are written with (it made the filters' row
        # too wide for a 1280 px screen in French).
        buttons.addWidget(QLabel(self.tr("Lawful basis of new contacts:")))
        buttons.addWidget(self.basis_combo)
        buttons.addSpacing(12)
        buttons.addWidget(cancel)
        buttons.addWidget(self.import_button)
        layout = QVBoxLayout(page)
        layout.addWidget(self.counts_label)
        layout.addWidget(self.notices_label)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.details)
        layout.addLayout(buttons)
        return page

    def _writing_page(self) -> QWidget:
        page = QWidget()
        self.writing_label = QLabel(self.tr("Writing the contacts…"))
        self.writing_bar = QProgressBar()
        self.writing_cancel = QPushButton(self.tr("Cancel"))
        self.writing_cancel.clicked.connect(self._cancel_job)
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        layout.addWidget(self.writing_label)
        layout.addWidget(self.writing_bar)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.writing_cancel)
        layout.addLayout(row)
        layout.addStretch(1)
        return page

    def _summary_page(self) -> QWidget:
        page = QWidget()
        self.summary_title = QLabel()
        font = self.summary_title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.summary_title.setFont(font)
        self.summary_counts = QLabel()
        self.summary_counts.setWordWrap(True)
        self.refused_label = QLabel(self.tr("Refused records, warnings and notes:"))
        self.refused_list = QListWidget()
        self.refused_list.setWordWrap(True)
        self.summary_report = QPushButton(self.tr("Save the report…"))
        self.summary_report.clicked.connect(self.save_report)
        self.undo_button = QPushButton(self.tr("Undo this import"))
        self.undo_button.clicked.connect(self.undo)
        close = QPushButton(self.tr("Close"))
        close.setDefault(True)
        close.clicked.connect(self.accept)
        self.duplicates_button = QPushButton(self.tr("Check for duplicates"))
        self.duplicates_button.setToolTip(
            self.tr("Look for contacts this import created that were already in the base")
        )
        self.duplicates_button.clicked.connect(self._check_duplicates)
        buttons = QHBoxLayout()
        buttons.addWidget(self.summary_report)
        buttons.addWidget(self.undo_button)
        buttons.addWidget(self.duplicates_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(page)
        layout.addWidget(self.summary_title)
        layout.addWidget(self.summary_counts)
        layout.addWidget(self.refused_label)
        layout.addWidget(self.refused_list, 1)
        layout.addLayout(buttons)
        return page

    # -- reading and matching -----------------------------------------------------------------

    def start(self) -> None:
        services, sources = self.services, self.sources
        self.pages.setCurrentIndex(self.PAGE_READING)

        basis = LawfulBasis(self.basis_combo.currentData())

        def work(progress: Progress) -> tuple[ImportPlan, dict[str, int], int, int]:
            items = itertools.chain.from_iterable(
                contact_items(
                    s.path,
                    sheet=s.sheet,
                    mapping=s.mapping,
                    unmapped=s.unmapped,
                    lawful_basis=basis,
                )
                for s in sources
            )
            sink = CollectedProgress(progress)
            try:
                plan = build_plan(
                    services,
                    items,
                    sources=[str(s.path) for s in sources],
                    format=import_format([s.path for s in sources]),
                    on_duplicate=WINDOW_ON_DUPLICATE,
                    on_probable=WINDOW_ON_PROBABLE,
                    progress=sink,
                )
            finally:
                sink.close()
            # Counted here, off the window's thread: a pass over 50,000 items is not free.
            warned = sum(1 for i in plan.items if i.warnings)
            return plan, plan.counts(), warned, _writes(plan)

        job = operations.read(
            self,
            operations.settled(work),  # the window repaints for the dialog first
            self._planned,
            on_error=self._failed,
            on_cancel=self.reject,
            busy=True,
        )
        job.progressed.connect(self._reading_progress)
        self._run(job, on_bug=self.reject)

    def _run(self, job: Operation[Any], on_bug: Callable[[], object] | None = None) -> None:
        self.job = job
        self._on_bug = on_bug
        job.finished.connect(self._job_done)

    def _job_done(self) -> None:
        job, self.job = self.job, None
        # A bug was shown in the one error dialog; leave the page that waited on the job.
        if job is not None and job.state == "unexpected" and self._on_bug is not None:
            self._on_bug()

    def _cancel_job(self) -> None:
        if self.job is not None:
            self.job.cancel()

    def _reading_progress(self, done: int, total: int, _text: str) -> None:
        if total and done == total:
            self.reading_label.setText(self.tr("Comparing with the contacts already here…"))
        else:
            self.reading_label.setText(self.tr("Reading the files: %n record(s)…", "", done))

    def _failed(self, error: PressDeskError) -> None:
        QMessageBox.warning(self, self.tr("Import contacts"), message_of(error))
        self.reject()

    def _planned(self, outcome: tuple[ImportPlan, dict[str, int], int, int]) -> None:
        plan, counts, warned, writes = outcome
        self.plan = plan
        self.model.set_plan(plan)
        self._show_model(self.model)
        self.counts_label.setText(self._counts_text(counts))
        self._show_notices(plan)
        self.show_combo.clear()
        self.show_combo.addItem(self.tr("All records (%1)").replace("%1", str(len(plan.items))))
        self.show_combo.setItemData(0, PlanFilter.ALL)
        for kind, text in (
            (MatchKind.NEW, self.tr("New")),
            (MatchKind.UPDATE, self.tr("Updates")),
            (MatchKind.DUPLICATE, self.tr("Possible duplicates")),
            (MatchKind.UNCHANGED, self.tr("Unchanged")),
            (MatchKind.ERROR, self.tr("Errors")),
        ):
            if counts[kind.value]:
                self.show_combo.addItem(f"{text} ({counts[kind.value]})", kind.value)
        if warned:
            self.show_combo.addItem(self.tr("With warnings (%1)").replace("%1", str(warned)))
            self.show_combo.setItemData(self.show_combo.count() - 1, PlanFilter.WARNINGS)
        self.show_combo.currentIndexChanged.connect(
            lambda _i: self.show_only(self.show_combo.currentData())
        )
        self.duplicates_combo.setEnabled(bool(counts[MatchKind.DUPLICATE.value]))
        self._set_import_button(writes)
        self.model.dataChanged.connect(lambda *_: self._update_import_button())
        self.pages.setCurrentIndex(self.PAGE_PREVIEW)
        if plan.items:
            self.table.selectRow(0)

    def _counts_text(self, counts: dict[str, int]) -> str:
        parts = [
            self.tr("%n new", "", counts["new"]),
            self.tr("%n update(s)", "", counts["update"]),
            self.tr("%n unchanged", "", counts["unchanged"]),
            self.tr("%n possible duplicate(s)", "", counts["duplicate"]),
            self.tr("%n error(s)", "", counts["error"]),
        ]
        return self.tr("Found in the files: %1.").replace("%1", ", ".join(parts))

    def _show_notices(self, plan: ImportPlan) -> None:
        """What the files say as a whole: the export recognised, the columns left out, the
        groups made lists."""
        lines = [
            f"• <b>{_escape(_file_name(n.place.file))}</b> — {_escape(n.message)}"
            for n in plan.notices
        ]
        self.notices_label.setText("<br>".join(lines))
        self.notices_label.setVisible(bool(lines))

    def _basis_chosen(self) -> None:
        """The basis chosen goes to every record that brings none of its own (an update never
        changes the basis a stored contact is kept under)."""
        if self.plan is None:
            return
        basis = LawfulBasis(self.basis_combo.currentData())
        for item in self.plan.items:
            if item.data is not None and (item.fields is None or "lawful_basis" not in item.fields):
                item.data.lawful_basis = basis

    def _duplicates_policy(self) -> None:
        if self.plan is None:
            return
        chosen = self.duplicates_combo.currentData()
        for item in self.plan.items:
            if item.kind is MatchKind.DUPLICATE:
                item.decision = (
                    proposed_decision(item, WINDOW_ON_DUPLICATE, WINDOW_ON_PROBABLE)
                    if chosen == self.AS_PROPOSED
                    else Decision(chosen)
                )
        self.model.dataChanged.emit(
            self.model.index(0, PlanColumn.DECISION),
            self.model.index(max(0, self.model.rowCount() - 1), PlanColumn.DETAILS),
        )

    def _update_import_button(self) -> None:
        if self.plan is not None:
            self._set_import_button(_writes(self.plan))

    def _set_import_button(self, writes: int) -> None:
        self.import_button.setText(self.tr("Import %n record(s)", "", writes))
        self.import_button.setEnabled(writes > 0)

    def show_only(self, what: str) -> None:
        """All records, one kind (a MatchKind value) or those with warnings."""
        if what == PlanFilter.ALL:
            self._show_model(self.model)
            return
        if self.proxy.sourceModel() is None:
            self.proxy.setSourceModel(self.model)
        self.proxy.set_show(what)
        self._show_model(self.proxy)

    def _show_model(self, model: Any) -> None:
        if self.table.model() is not model:
            self.table.setModel(model)
        self.table.selectionModel().currentRowChanged.connect(self._show_details)

    def _show_details(self, current: IndexLike, _previous: IndexLike) -> None:
        source = self.proxy.mapToSource(current) if current.model() is self.proxy else current
        item = self.model.item(source.row())
        if item is None:
            self.details.clear()
            return
        lines = [f"<b>{self.model.place_text(item.place)}</b> — {item.name or '—'}"]
        details = self.model.details(item, warnings=False)
        if details:
            lines.append(_escape(details))
        lines += [f"• {_escape(w)}" for w in item.warnings]
        lines += [f"• {_escape(r)}" for r in item.remarks]
        self.details.setText("<br>".join(lines))

    # -- writing ------------------------------------------------------------------------------

    def apply(self) -> None:
        plan = self.plan
        if plan is None:
            return
        services = self.services
        self.writing_bar.setRange(0, 0)
        self.pages.setCurrentIndex(self.PAGE_WRITING)

        def work(progress: Progress) -> ImportResult:
            sink = CollectedProgress(progress)
            try:
                return apply_plan(services, plan, progress=sink)
            finally:
                sink.close()

        job = operations.write(
            self,
            operations.settled(work),  # the dialog's writing page painted first
            self._applied,
            changes=("contacts", "imports"),
            on_error=self._apply_failed,
            on_cancel=self._apply_cancelled,
        )
        job.progressed.connect(self._writing_progress)
        self._run(job, on_bug=lambda: self.pages.setCurrentIndex(self.PAGE_PREVIEW))

    def _writing_progress(self, done: int, total: int, _text: str) -> None:
        if total:
            self.writing_bar.setRange(0, total)
            self.writing_bar.setValue(done)
            self.writing_label.setText(
                self.tr("Writing the contacts: %1 of %2…")
                .replace("%1", str(done))
                .replace("%2", str(total))
            )

    def _apply_failed(self, error: PressDeskError) -> None:
        QMessageBox.warning(
            self,
            self.tr("Import contacts"),
            self.tr("Nothing was written: %1").replace("%1", message_of(error)),
        )
        self.pages.setCurrentIndex(self.PAGE_PREVIEW)

    def _apply_cancelled(self) -> None:
        QMessageBox.information(
            self, self.tr("Import contacts"), self.tr("Import cancelled: nothing was written.")
        )
        self.pages.setCurrentIndex(self.PAGE_PREVIEW)

    def _applied(self, result: ImportResult) -> None:
        self.import_result = result
        self._show_summary(result)
        self.imported.emit(result)

    def _show_summary(self, result: ImportResult) -> None:
        self.summary_title.setText(self.tr("Import done"))
        rows = [
            (result.created, self.tr("contact(s) created", "", result.created)),
            (result.updated, self.tr("contact(s) updated", "", result.updated)),
            (result.unchanged, self.tr("already up to date", "", result.unchanged)),
            (result.skipped, self.tr("skipped", "", result.skipped)),
            (len(result.refused), self.tr("refused", "", len(result.refused))),
        ]
        cells = "".join(
            f"<tr><td align='right'><b>{count}</b></td><td>&nbsp;{_escape(text)}</td></tr>"
            for count, text in rows
        )
        self.summary_counts.setText(f"<table cellspacing='2'>{cells}</table>")
        self.refused_list.clear()
        for place, reason in result.refused:
            entry = QListWidgetItem(
                self.tr("Refused — %1: %2")
                .replace("%1", self.model.place_text(place))
                .replace("%2", reason)
            )
            entry.setForeground(QBrush(QColor("#b3261e")))
            self.refused_list.addItem(entry)
        for place, warning in result.warnings:
            entry = QListWidgetItem(
                self.tr("Warning — %1: %2")
                .replace("%1", self.model.place_text(place))
                .replace("%2", warning)
            )
            entry.setForeground(QBrush(QColor("#8a5300")))
            self.refused_list.addItem(entry)
        if self.plan is not None:
            for notice in self.plan.notices:
                entry = QListWidgetItem(
                    self.tr("Note — %1: %2")
                    .replace("%1", _file_name(notice.place.file))
                    .replace("%2", notice.message)
                )
                self.refused_list.addItem(entry)
        has_lines = self.refused_list.count() > 0
        self.refused_label.setVisible(has_lines)
        self.refused_list.setVisible(has_lines)
        self.undo_button.setEnabled(result.batch_id is not None)
        self.duplicates_button.setVisible(bool(result.created_ids) and self.offers_duplicates)
        self.pages.setCurrentIndex(self.PAGE_SUMMARY)

    # -- after ----------------------------------------------------------------------------------

    def save_report(self, path: Path | None = None) -> Path | None:
        """Ask where (unless given) and write the CSV report of every record."""
        if self.plan is None:
            return None
        if not isinstance(path, Path):
            stem = self.sources[0].path.stem if self.sources else "import"
            name, _ = QFileDialog.getSaveFileName(
                self,
                self.tr("Save the import report"),
                str(Path.home() / f"rapport-import-{stem}.csv"),
                self.tr("CSV files (*.csv)"),
            )
            if not name:
                return None
            path = Path(name)
        try:
            write_report(self.plan, self.import_result, path)
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Save the import report"), str(exc))
            return None
        return path

    def undo(self, *, confirm: bool = True) -> None:
        result = self.import_result
        if result is None or result.batch_id is None:
            return
        if confirm:
            answer = QMessageBox.question(
                self,
                self.tr("Undo this import"),
                self.tr(
                    "Delete the %1 contact(s) this import created and put back the %2 it "
                    "updated as they were?"
                )
                .replace("%1", str(result.created))
                .replace("%2", str(result.updated)),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        imports, batch_id = self.services.imports, result.batch_id
        self.undo_button.setEnabled(False)
        job = operations.write(
            self,
            lambda _p: imports.undo(batch_id),
            self._undone,
            changes=("contacts", "imports"),
            on_error=self._undo_failed,
        )
        self._run(job, on_bug=lambda: self.undo_button.setEnabled(True))

    def _check_duplicates(self) -> None:
        """Close and show the duplicates page on the contacts this import created."""
        result = self.import_result
        if result is not None:
            self.duplicates_requested.emit(list(result.created_ids))
        self.accept()

    def _undone(self, _result: object) -> None:
        self.summary_title.setText(self.tr("Import undone: the contacts are as they were before."))

    def _undo_failed(self, error: PressDeskError) -> None:
        QMessageBox.warning(self, self.tr("Undo this import"), message_of(error))
        self.undo_button.setEnabled(True)

    def reject(self) -> None:
        if self.job is not None:
            self.job.cancel()
        super().reject()

    def done(self, result: int) -> None:
        super().done(result)
        if self.job is None:
            # The plan goes now, freed by reference counting; the cycles it leaves in what
            # ``CollectedProgress`` froze are reclaimed at once, while the press officer
            # closes the import, rather than by a full pass in the middle of the next job.
            self.model.set_plan(None)
            self.plan = None
            operations.collect_garbage()


def _writes(plan: ImportPlan) -> int:
    return sum(1 for i in plan.items if i.decision is not Decision.SKIP and i.data is not None)


def _file_name(file: str) -> str:
    return file.replace("\\", "/").rsplit("/", 1)[-1]


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
