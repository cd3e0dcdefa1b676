"""Choosing who gets a release: lists, tags, organisation types, a search, contacts one by
one. The table shows everyone reached and who will be skipped, and why; from there the release
is sent by email, recorded as distributed elsewhere, or exported (Bcc, .eml, Excel). What it
offers and the plan are read, and a distribution recorded, off the GUI thread."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import (
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from fiac_press_desk.domain.enums import DistributionChannel
from fiac_press_desk.domain.errors import PressDeskError
from fiac_press_desk.services.contact_queries import ContactFilter, ContactRow
from fiac_press_desk.services.distribution import RecipientCriteria, RecipientPlan, RecordResult
from fiac_press_desk.services.hub import Services
from fiac_press_desk.services.labels import NamedGroup
from fiac_press_desk.services.sending import SendingService
from fiac_press_desk.ui import formatting, icons, labels, operations
from fiac_press_desk.ui.dialogs.message_preview import MessagePreviewDialog, preview_button
from fiac_press_desk.ui.errors import short_message
from fiac_press_desk.ui.labels import contact_kinds, organisation_types
from fiac_press_desk.ui.operations import Progress
from fiac_press_desk.ui.qtmodels.recipient_plan_model import PlanColumn, RecipientPlanModel

ID_ROLE = Qt.ItemDataRole.UserRole + 1
SEARCH_LIMIT = 50
SHOW_ALL, SHOW_KEPT, SHOW_SKIPPED = 0, 1, 2


class _KeptFilter(QSortFilterProxyModel):
    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.mode = SHOW_ALL

    def set_mode(self, mode: int) -> None:
        self.beginFilterChange()
        self.mode = mode
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(
        self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        if self.mode == SHOW_ALL:
            return True
        kept = (
            self.sourceModel().index(source_row, 0, source_parent).data(RecipientPlanModel.KeptRole)
        )
        return bool(kept) == (self.mode == SHOW_KEPT)


@dataclass(frozen=True)
class _Offer:
    """The release's title and what the dialog offers to choose from."""

    title: str
    saved: RecipientCriteria | None  # the last distribution's choice ("new only")
    lists: list[NamedGroup]
    tags: list[NamedGroup]


class RecipientsDialog(QDialog):
    """Choose the recipients of one release, see the plan, act on it."""

    plan_ready = Signal(object)  # RecipientPlan
    recorded = Signal(object)  # RecordResult

    def __init__(
        self,
        services: Services,
        release_id: int,
        only_new: bool = False,
        criteria: RecipientCriteria | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._release_id = release_id
        self._generation = 0
        self.plan: RecipientPlan | None = None
        self._only_new = only_new
        self._title = ""
        self.criteria = criteria or RecipientCriteria()

        # -- criteria (left) ----------------------------------------------------------------
        self.lists = self._checklist([], [])
        self.tags = self._checklist([], [])
        self.types = self._checklist(
            [(str(value), text) for value, text in organisation_types().items()],
            self.criteria.organisation_kinds,
        )
        self.kinds = self._checklist(
            [(str(value), text) for value, text in contact_kinds().items()],
            self.criteria.contact_kinds,
        )
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Name, outlet, email, city…"))
        self.search.setClearButtonEnabled(True)
        self.search.returnPressed.connect(self.run_search)
        self.search_button = QPushButton(icons.icon("search"), "", self)
        self.search_button.setToolTip(self.tr("Search"))
        self.search_button.setAccessibleName(self.search_button.toolTip())  # icon only
        self.search_button.clicked.connect(self.run_search)
        self.results = QListWidget(self)
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.results.itemDoubleClicked.connect(lambda _item: self.add_selected_results())
        self.add_selected_button = QPushButton(self.tr("Add selected"), self)
        self.add_selected_button.clicked.connect(self.add_selected_results)
        self.add_all_button = QPushButton(self.tr("Add all matches"), self)
        self.add_all_button.setToolTip(
            self.tr("Keep the search itself: contacts matching it later are included too")
        )
        self.add_all_button.clicked.connect(self.add_search)
        self.extra = QLabel(self)
        self.extra.setWordWrap(True)
        self.clear_extra_button = QPushButton(self.tr("Clear"), self)
        self.clear_extra_button.clicked.connect(self.clear_individuals)

        # The choosers two by two: stacked in one narrow column they showed 4-5 rows each
        # behind scrollbars while the plan's side stood mostly empty (issue 19).
        left = QWidget(self)
        left_layout = QGridLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        for index, (caption, widget) in enumerate(
            (
                (self.tr("Distribution lists"), self.lists),
                (self.tr("Tags"), self.tags),
                (self.tr("Organisation types"), self.types),
                (self.tr("Contact types"), self.kinds),
            )
        ):
            box = QGroupBox(caption, left)
            box_layout = QVBoxLayout(box)
            box_layout.setContentsMargins(6, 6, 6, 6)
            box_layout.addWidget(widget)
            left_layout.addWidget(box, index // 2, index % 2)
        left_layout.setRowStretch(0, 4)
        left_layout.setRowStretch(1, 4)
        left_layout.setRowStretch(2, 3)
        search_box = QGroupBox(self.tr("Search and add one by one"), left)
        search_layout = QVBoxLayout(search_box)
        search_layout.setContentsMargins(6, 6, 6, 6)
        row = QHBoxLayout()
        row.addWidget(self.search, 1)
        row.addWidget(self.search_button)
        search_layout.addLayout(row)
        search_layout.addWidget(self.results, 1)
        row = QHBoxLayout()
        row.addWidget(self.add_selected_button)
        row.addWidget(self.add_all_button)
        search_layout.addLayout(row)
        row = QHBoxLayout()
        row.addWidget(self.extra, 1)
        row.addWidget(self.clear_extra_button)
        search_layout.addLayout(row)
        left_layout.addWidget(search_box, 2, 0, 1, 2)

        # -- the plan (right) ---------------------------------------------------------------
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        font = self.summary.font()
        font.setBold(True)
        self.summary.setFont(font)
        self.skipped_summary = QLabel(self)
        self.skipped_summary.setWordWrap(True)
        self.show_combo = QComboBox(self)
        self.show_combo.addItem(self.tr("Everyone reached"), SHOW_ALL)
        self.show_combo.addItem(self.tr("Will receive"), SHOW_KEPT)
        self.show_combo.addItem(self.tr("Skipped"), SHOW_SKIPPED)
        self.model = RecipientPlanModel(self)
        self.proxy = _KeptFilter(self)
        self.proxy.setSourceModel(self.model)
        self.show_combo.currentIndexChanged.connect(
            lambda _i: self.proxy.set_mode(int(self.show_combo.currentData()))
        )
        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.resizeSection(PlanColumn.NAME, 140)
        header.resizeSection(PlanColumn.OUTLET, 130)
        header.resizeSection(PlanColumn.ADDRESS, 180)
        header.resizeSection(PlanColumn.GREETING, 140)
        header.setSectionResizeMode(PlanColumn.OUTCOME, QHeaderView.ResizeMode.Stretch)
        self.remove_button = QPushButton(self.tr("Leave out selected"), self)
        self.remove_button.clicked.connect(self.exclude_selected)
        self.restore_button = QPushButton(self)
        self.restore_button.clicked.connect(self.restore_excluded)

        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.summary)
        right_layout.addWidget(self.skipped_summary)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Show"), self))
        row.addWidget(self.show_combo)
        row.addStretch(1)
        row.addWidget(self.remove_button)
        row.addWidget(self.restore_button)
        right_layout.addLayout(row)
        right_layout.addWidget(self.table, 1)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([500, 620])
        splitter.setChildrenCollapsible(False)

        # -- actions ------------------------------------------------------------------------
        self.copy_button = QPushButton(icons.icon("mail-copy"), self.tr("Copy for Bcc"), self)
        self.copy_button.setToolTip(
            self.tr("Copy the addresses that will receive, for the Bcc field of a mail program")
        )
        self.copy_button.clicked.connect(self.copy_bcc)
        self.eml_button = QPushButton(self.tr("Save as .eml…"), self)
        self.eml_button.setToolTip(self.tr("One message file per recipient, for another program"))
        self.eml_button.clicked.connect(self.choose_eml_folder)
        self.xlsx_button = QPushButton(icons.icon("export"), self.tr("Export to Excel…"), self)
        self.xlsx_button.clicked.connect(self.choose_xlsx)
        self.record_button = QPushButton(self.tr("Record a distribution…"), self)
        self.record_button.setToolTip(
            self.tr("Mark them as having received it (sent elsewhere, by post, by hand)")
        )
        self.record_button.clicked.connect(self.record)
        self.preview_button = preview_button(self)
        self.preview_button.clicked.connect(self.preview)
        self.send_button = QPushButton(icons.icon("release"), self.tr("Send by email…"), self)
        self.send_button.setDefault(True)
        self.send_button.clicked.connect(self.send)
        self.close_button = QPushButton(self.tr("Close"), self)
        self.close_button.clicked.connect(self.reject)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        actions = QHBoxLayout()
        actions.addWidget(self.copy_button)
        actions.addWidget(self.eml_button)
        actions.addWidget(self.xlsx_button)
        actions.addStretch(1)
        actions.addWidget(self.record_button)
        actions.addWidget(self.preview_button)
        actions.addWidget(self.send_button)
        actions.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.message)
        layout.addLayout(actions)
        self.resize(1180, 720)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)
        self._timer.timeout.connect(self.recompute)
        for widget in (self.lists, self.tags, self.types, self.kinds):
            widget.itemChanged.connect(lambda _item: self._criteria_changed())
        if only_new:
            self.show_combo.setCurrentIndex(SHOW_KEPT)
        self._update_extra()
        self._update_buttons()
        self.summary.setText(self.tr("Working out the recipients…"))

        def work(_progress: Progress) -> _Offer:
            return _Offer(
                services.releases.get(release_id).title,
                services.distributions.saved_criteria(release_id) if only_new else None,
                services.lists.all(),
                services.tags.all(),
            )

        operations.read(self, work, self._offer, on_error=self._error)

    def _offer(self, offer: _Offer) -> None:
        self._title = offer.title
        title = (
            self.tr("New recipients of « %1 »")
            if self._only_new
            else self.tr("Recipients of « %1 »")
        )
        self.setWindowTitle(title.replace("%1", self._title))
        if offer.saved is not None:
            self.criteria = offer.saved
        self._fill(
            self.lists,
            [(g.id, f"{g.name} ({g.count})") for g in offer.lists],
            self.criteria.list_ids,
        )
        self._fill(
            self.tags, [(g.id, f"{g.name} ({g.count})") for g in offer.tags], self.criteria.tag_ids
        )
        self._update_extra()
        if self.lists.hasFocus() and self.lists.count():  # the keyboard's place, as before
            self.lists.setCurrentRow(0, QItemSelectionModel.SelectionFlag.NoUpdate)
        self.recompute()

    # -- criteria -----------------------------------------------------------------------------

    def _checklist(
        self, items: Sequence[tuple[object, str]], checked: Sequence[object]
    ) -> QListWidget:
        widget = QListWidget(self)
        self._fill(widget, items, checked)
        return widget

    @staticmethod
    def _fill(
        widget: QListWidget, items: Sequence[tuple[object, str]], checked: Sequence[object]
    ) -> None:
        widget.blockSignals(True)
        widget.clear()
        wanted = set(checked)
        for value, text in items:
            item = QListWidgetItem(text)
            item.setData(ID_ROLE, value)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if value in wanted else Qt.CheckState.Unchecked
            )
            widget.addItem(item)
        widget.blockSignals(False)

    @staticmethod
    def _checked(widget: QListWidget) -> list[object]:
        return [
            widget.item(i).data(ID_ROLE)
            for i in range(widget.count())
            if widget.item(i).checkState() == Qt.CheckState.Checked
        ]

    def set_checked(self, widget: QListWidget, value: object, checked: bool = True) -> None:
        for i in range(widget.count()):
            if widget.item(i).data(ID_ROLE) == value:
                widget.item(i).setCheckState(
                    Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
                )

    def _criteria_changed(self) -> None:
        self.criteria.list_ids = [v for v in self._checked(self.lists) if isinstance(v, int)]
        self.criteria.tag_ids = [v for v in self._checked(self.tags) if isinstance(v, int)]
        self.criteria.organisation_kinds = [str(v) for v in self._checked(self.types)]
        self.criteria.contact_kinds = [str(v) for v in self._checked(self.kinds)]
        self._timer.start()

    def run_search(self) -> None:
        query = self.search.text().strip()
        self.results.clear()
        if not query:
            return
        queries = self._services.contact_queries

        def work(_p: Progress) -> list[ContactRow]:
            return queries.rows(ContactFilter(search=query, archived=None), limit=SEARCH_LIMIT)

        operations.read(self, work, self._show_results, key="search", on_error=self._error)

    def _show_results(self, rows: list[ContactRow]) -> None:
        self.results.clear()
        for r in rows:
            text = r.name + (f" — {r.organisation}" if r.organisation else "")
            item = QListWidgetItem(text)
            item.setData(ID_ROLE, r.id)
            item.setToolTip(r.email or self.tr("no email address"))
            self.results.addItem(item)
        if not rows:
            item = QListWidgetItem(self.tr("No contact found"))
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.results.addItem(item)

    def add_selected_results(self) -> None:
        ids = [item.data(ID_ROLE) for item in self.results.selectedItems()]
        self.add_contacts([int(i) for i in ids if i is not None])

    def add_contacts(self, contact_ids: list[int]) -> None:
        for cid in contact_ids:
            if cid not in self.criteria.contact_ids:
                self.criteria.contact_ids.append(cid)
            if cid in self.criteria.excluded_ids:
                self.criteria.excluded_ids.remove(cid)
        self._update_extra()
        self._timer.start()

    def add_search(self) -> None:
        query = self.search.text().strip()
        if query and query not in self.criteria.searches:
            self.criteria.searches.append(query)
            self._update_extra()
            self._timer.start()

    def clear_individuals(self) -> None:
        self.criteria.contact_ids = []
        self.criteria.searches = []
        self._update_extra()
        self._timer.start()

    def exclude_selected(self) -> None:
        for index in self.table.selectionModel().selectedRows():
            cid = index.data(RecipientPlanModel.IdRole)
            if cid is not None and cid not in self.criteria.excluded_ids:
                self.criteria.excluded_ids.append(int(cid))
        self._update_buttons()
        self._timer.start()

    def restore_excluded(self) -> None:
        self.criteria.excluded_ids = []
        self._update_buttons()
        self._timer.start()

    def _update_extra(self) -> None:
        parts = []
        if self.criteria.contact_ids:
            parts.append(
                formatting.count_text(
                    len(self.criteria.contact_ids),
                    self.tr("%1 contact added one by one"),
                    self.tr("%1 contacts added one by one"),
                )
            )
        if self.criteria.searches:
            parts.append(
                self.tr("searches: %1").replace(
                    "%1", ", ".join(f"« {s} »" for s in self.criteria.searches)
                )
            )
        self.extra.setText(" · ".join(parts) if parts else self.tr("Nobody added one by one."))
        self.clear_extra_button.setEnabled(bool(parts))

    # -- the plan -----------------------------------------------------------------------------

    def recompute(self) -> None:
        self._generation += 1
        generation = self._generation
        criteria = RecipientCriteria(
            list_ids=list(self.criteria.list_ids),
            tag_ids=list(self.criteria.tag_ids),
            organisation_kinds=list(self.criteria.organisation_kinds),
            contact_kinds=list(self.criteria.contact_kinds),
            searches=list(self.criteria.searches),
            contact_ids=list(self.criteria.contact_ids),
            excluded_ids=list(self.criteria.excluded_ids),
        )
        distributions, release_id = self._services.distributions, self._release_id
        self.summary.setText(self.tr("Working out the recipients…"))
        self._update_buttons(busy=True)
        operations.read(
            self,
            lambda _p: distributions.plan(release_id, criteria),
            lambda plan: self._plan_ready(generation, plan),
            key="plan",
            on_error=self._error,
        )

    def is_computing(self) -> bool:
        return self.plan is None or self.plan.criteria != self.criteria or self._timer.isActive()

    def _plan_ready(self, generation: int, plan: RecipientPlan) -> None:
        if generation != self._generation:
            return  # the criteria changed meanwhile; a newer plan is on its way
        self.plan = plan
        self.model.set_plan(plan)
        counts = plan.counts()
        kept = counts.get(None, 0)
        if not plan.recipients:
            self.summary.setText(
                self.tr(
                    "Choose lists, tags, organisation or contact types, or contacts on the left."
                )
            )
        else:
            self.summary.setText(
                formatting.count_text(
                    kept,
                    self.tr("%1 recipient will receive the release (one message each)"),
                    self.tr("%1 recipients will receive the release (one message each)"),
                )
            )
        shorts = labels.skip_reasons_short()
        skipped = [
            formatting.count_text(n, *shorts[reason])
            for reason, n in sorted(counts.items(), key=lambda kv: str(kv[0]))
            if reason is not None
        ]
        self.skipped_summary.setText(
            self.tr("Skipped: %1").replace("%1", ", ".join(skipped)) if skipped else ""
        )
        self.skipped_summary.setVisible(bool(skipped))
        self._update_buttons()
        self.plan_ready.emit(plan)

    def _update_buttons(self, busy: bool = False) -> None:
        kept = bool(self.plan and self.plan.to_send) and not busy
        anyone = bool(self.plan and self.plan.recipients) and not busy
        for button in (self.copy_button, self.eml_button, self.send_button, self.preview_button):
            button.setEnabled(kept)
        self.xlsx_button.setEnabled(anyone)
        self.record_button.setEnabled(anyone)
        self.restore_button.setText(
            self.tr("Bring back the left out (%1)").replace(
                "%1", str(len(self.criteria.excluded_ids))
            )
        )
        self.restore_button.setVisible(bool(self.criteria.excluded_ids))

    def _error(self, error: PressDeskError) -> None:
        self._update_buttons()
        self.message.setStyleSheet(f"color: {labels.RED.name()};")
        self.message.setText(short_message(error))

    def _say(self, text: str) -> None:
        self.message.setStyleSheet("")
        self.message.setText(text)

    # -- what to do with it -------------------------------------------------------------------

    def copy_bcc(self) -> str:
        if self.plan is None:
            return ""
        text = SendingService.bcc_addresses(self.plan)  # the plan's addresses, no database
        QGuiApplication.clipboard().setText(text)
        self._say(
            formatting.count_text(
                len(self.plan.to_send),
                self.tr("%1 address copied: paste it in the Bcc field, never in To or Cc."),
                self.tr("%1 addresses copied: paste them in the Bcc field, never in To or Cc."),
            )
        )
        return text

    def choose_eml_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Folder for the .eml files"))
        if folder:
            self.save_eml(Path(folder))

    def save_eml(self, folder: Path) -> None:
        plan = self.plan
        if plan is None:
            return
        sending = self._services.sending
        operations.read(
            self,
            lambda _p: sending.save_eml(plan, folder),
            lambda files: self._say(
                formatting.count_text(
                    len(files),
                    self.tr("%1 message saved in %2"),
                    self.tr("%1 messages saved in %2"),
                ).replace("%2", str(folder))
            ),
            on_error=self._error,
            busy=True,
        )

    def choose_xlsx(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export the recipients"), self.tr("recipients.xlsx"), "Excel (*.xlsx)"
        )
        if path:
            self.export_xlsx(Path(path if path.lower().endswith(".xlsx") else path + ".xlsx"))

    def export_xlsx(self, path: Path) -> None:
        plan = self.plan
        if plan is None:
            return
        sending = self._services.sending
        operations.read(
            self,
            lambda _p: sending.export_recipients_xlsx(plan.recipients, path),
            lambda n: self._say(
                formatting.count_text(
                    n, self.tr("%1 line exported to %2"), self.tr("%1 lines exported to %2")
                ).replace("%2", path.name)
            ),
            on_error=self._error,
            busy=True,
        )

    def record(self) -> None:
        if self.plan is None:
            return
        from fiac_press_desk.ui.dialogs.release_record_dialog import RecordDialog

        dialog = RecordDialog(len(self.plan.to_send), self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        at, channel = dialog.values()
        self.record_now(at, channel)

    def record_now(self, at: datetime, channel: DistributionChannel) -> None:
        """Record the plan's contacts as distributed (the service re-applies the rules)."""
        plan = self.plan
        if plan is None:
            return
        ids = [r.contact_id for r in plan.recipients]
        distributions, release_id = self._services.distributions, self._release_id
        criteria = plan.criteria
        self.record_button.setEnabled(False)
        operations.write(
            self,
            lambda _p: distributions.record(release_id, ids, at, channel, criteria),
            self._recorded,
            changes=("releases",),
            on_error=self._error,
        )

    def _recorded(self, result: RecordResult) -> None:
        text = formatting.count_text(
            result.recorded,
            self.tr("%1 recipient recorded."),
            self.tr("%1 recipients recorded."),
        )
        skipped = sum(result.skipped.values())
        if skipped:
            text += " " + formatting.count_text(
                skipped, self.tr("%1 skipped.", "one"), self.tr("%1 skipped.", "many")
            )
        self._say(text)
        self.recorded.emit(result)
        self.recompute()

    def preview(self) -> None:
        """The message as the selected recipient (or the first) will get it; a test to oneself."""
        if self.plan is None or not self.plan.to_send:
            return
        selected = self.table.currentIndex().data(RecipientPlanModel.IdRole)
        dialog = MessagePreviewDialog(
            self._services, self._release_id, self.plan.to_send, selected, self
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.preview_dialog = dialog  # for the tests

    def send(self) -> None:
        if self.plan is None or not self.plan.to_send:
            return
        from fiac_press_desk.ui.dialogs.sending_dialog import start_sending

        parent = self.parentWidget()
        dialog = start_sending(
            self._services,
            self._release_id,
            parent if parent is not None else self,
            contact_ids=self.plan.contact_ids(),
            criteria=self.plan.criteria,
        )
        dialog.started.connect(self.accept)  # not when the press officer gave up a check
