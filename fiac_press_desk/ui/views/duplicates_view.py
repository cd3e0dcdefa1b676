"""The "Duplicates" page: groups of contacts that are probably one person, each with its score
and its reasons, and what to do with a group (merge it, say it is not one, open a contact).

The finder (``services.duplicates.find``) runs through ``ui.operations`` off the GUI thread,
with its progress shown and a button to stop it; it runs again when contacts change
(``data_events``), or when the page is shown after they did. After an import the page can be
limited to the groups holding the contacts the import created (``show_among``).

Members are checkable: "Merge…" and "Not a duplicate" act on the checked members of the
selected group (all of them by default), so a group of three of which two are one person
can be taken apart. Both are commands of the window's undo stack (Ctrl+Z).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QResizeEvent, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fiac_press_desk.domain.duplicate_keys import describe_reason
from fiac_press_desk.domain.errors import PressDeskError
from fiac_press_desk.domain.normalize import display_phone
from fiac_press_desk.services.duplicates import DuplicateGroup, DuplicateMember
from fiac_press_desk.services.hub import Services
from fiac_press_desk.ui import icons, operations
from fiac_press_desk.ui.duplicate_commands import MarkNotDuplicate
from fiac_press_desk.ui.errors import message_of
from fiac_press_desk.ui.i18n import format_number, plural
from fiac_press_desk.ui.operations import Operation
from fiac_press_desk.ui.undo import ServiceCommand, submit

ID_ROLE = Qt.ItemDataRole.UserRole + 1  # a member's contact id, a group's index
WATCHED = ("contacts", "duplicates", "imports", "organisations")
# The finder's score thresholds offered (scores run from 50, a close name at a shared domain,
# to 100, several sure reasons together).
THRESHOLDS = (0, 70, 90)
# Groups the tree shows at most (the surest first): building more rows would hold the window
# for seconds; the rest come once these are merged or marked.
MAX_GROUPS_SHOWN = 1000
COLUMN_SHARES = (0.31, 0.21, 0.29, 0.19)  # name (and its marks), organisation, e-mails, phones


@dataclass(frozen=True)
class _Found:
    """The finder's groups with the texts the tree shows, made in the worker (the GUI thread
    only builds items): each group's reasons in words, each member's phones for reading."""

    groups: list[DuplicateGroup]
    reasons: list[str]
    phones: dict[int, str]

    @classmethod
    def of(cls, groups: list[DuplicateGroup]) -> _Found:
        reasons = []
        phones: dict[int, str] = {}
        for group in groups[:MAX_GROUPS_SHOWN]:
            seen: dict[str, None] = {}
            for pair in group.pairs:
                for reason in pair.reasons:
                    seen.setdefault(describe_reason(reason.code, reason.value))
            reasons.append(" ; ".join(seen))
            for member in group.members:
                phones[member.id] = ", ".join(display_phone(p) for p in member.phones)
        return cls(groups, reasons, phones)


@dataclass(frozen=True)
class _Words:
    """What the tree's rows repeat, translated once per answer."""

    score: str
    one: str
    many: str
    unnamed: str
    kept: str
    archived: str
    opted_out: str
    open_tip: str


class DuplicatesView(QWidget):
    """The duplicates page (a ``Page``: refresh, shutdown, status_text, focus_search)."""

    contact_requested = Signal(int)  # open this contact in the Contacts page
    status_message = Signal(str)
    counts_changed = Signal()

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("DuplicatesView")
        self._services = services
        self._undo_stack: QUndoStack | None = None
        self.groups: list[DuplicateGroup] = []
        self.among: list[int] | None = None
        self._stale = True
        self._job: Operation[_Found] | None = None

        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 10, 10, 6)
        layout.setSpacing(8)
        title = QLabel(self.tr("Probable duplicates"))
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        title.setFont(font)
        layout.addWidget(title)

        controls = QHBoxLayout()
        threshold_label = QLabel(self.tr("Show:"))
        controls.addWidget(threshold_label)
        self.threshold = QComboBox()
        self.threshold.setObjectName("duplicatesThreshold")
        self.threshold.addItem(self.tr("every probable duplicate"), THRESHOLDS[0])
        self.threshold.addItem(self.tr("likely ones (score 70 or more)"), THRESHOLDS[1])
        self.threshold.addItem(self.tr("near certain ones (score 90 or more)"), THRESHOLDS[2])
        self.threshold.currentIndexChanged.connect(lambda _i: self.search())
        threshold_label.setBuddy(self.threshold)
        controls.addWidget(self.threshold)
        self.scope = QLabel()
        self.scope.setObjectName("duplicatesScope")
        self.scope.setStyleSheet("color: #1f5fa8; font-weight: 600;")
        controls.addWidget(self.scope)
        self.whole_base = QPushButton(self.tr("Search the whole base"))
        self.whole_base.clicked.connect(lambda: self.show_among(None))
        controls.addWidget(self.whole_base)
        controls.addStretch(1)
        self.progress = QProgressBar()
        self.progress.setObjectName("duplicatesProgress")
        self.progress.setMaximumWidth(220)
        self.progress.setTextVisible(False)
        controls.addWidget(self.progress)
        self.cancel_button = QPushButton(self.tr("Stop"))
        self.cancel_button.setToolTip(self.tr("Stop the search"))
        self.cancel_button.clicked.connect(self.cancel)
        controls.addWidget(self.cancel_button)
        self.search_button = QPushButton(icons.icon("search"), self.tr("Search again"))
        self.search_button.clicked.connect(self.search)
        controls.addWidget(self.search_button)
        layout.addLayout(controls)

        actions = QHBoxLayout()
        self.merge_button = QPushButton(icons.icon("merge"), self.tr("Merge…"))
        self.merge_button.setToolTip(
            self.tr("Merge the checked contacts of the group into one, field by field")
        )
        self.merge_button.clicked.connect(self.merge_selected)
        self.distinct_button = QPushButton(self.tr("Not a duplicate"))
        self.distinct_button.setToolTip(
            self.tr(
                "Remember that the checked contacts are different people: they are never "
                "proposed together again, here or by an import"
            )
        )
        self.distinct_button.clicked.connect(self.mark_selected_distinct)
        self.open_button = QPushButton(icons.icon("contacts"), self.tr("Open the contact"))
        self.open_button.clicked.connect(self.open_selected)
        for button in (self.merge_button, self.distinct_button, self.open_button):
            actions.addWidget(button)
        self.selection_hint = QLabel()
        self.selection_hint.setStyleSheet("color: #5f6b76;")
        actions.addWidget(self.selection_hint, 1)
        layout.addLayout(actions)

        self.tree = QTreeWidget()
        self.tree.setObjectName("duplicatesTree")
        self.tree.setColumnCount(4)
        self.tree.setHeaderLabels(
            [
                self.tr("Contact"),
                self.tr("Organisation"),
                self.tr("E-mail addresses"),
                self.tr("Phone numbers"),
            ]
        )
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setAlternatingRowColors(False)
        self.tree.setUniformRowHeights(False)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._context_menu)
        self.tree.itemDoubleClicked.connect(self._double_clicked)
        self.tree.itemSelectionChanged.connect(self._update_actions)
        self.tree.itemChanged.connect(lambda _item, _col: self._update_actions())
        header = self.tree.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.empty = QLabel()
        self.empty.setObjectName("duplicatesEmpty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet("color: #5f6b76; font-size: 14px;")
        self.stack = QStackedWidget()
        self.stack.addWidget(self.tree)
        self.stack.addWidget(self.empty)
        layout.addWidget(self.stack, 1)
        self.more = QLabel()
        self.more.setObjectName("duplicatesMore")
        self.more.setWordWrap(True)
        self.more.setStyleSheet("color: #5f6b76;")
        self.more.hide()
        layout.addWidget(self.more)

        from fiac_press_desk.ui.events import data_events

        data_events().changed.connect(self._on_data_changed)
        self._show_scope()
        self._searching(False)
        self._update_actions()

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Share the tree's width among its columns (each stays resizable by hand): every
        column on screen whatever the window's width."""
        super().resizeEvent(event)
        # Once the layout gave the tree its new width (it has not yet, here).
        QTimer.singleShot(0, self, self._share_columns)

    def _share_columns(self) -> None:
        width = self.tree.viewport().width()
        header = self.tree.header()
        for column, share in enumerate(COLUMN_SHARES[:-1]):
            header.resizeSection(column, int(width * share))

    # -- Page -------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Shown: search again if contacts changed meanwhile (or never searched)."""
        if self._stale:
            self.search()

    def shutdown(self) -> None:
        """Stop the search; answers on their way are dropped."""
        self.cancel()
        operations.forget(self)

    def status_text(self) -> str:
        if self._job is not None:
            return self.tr("Looking for duplicates…")
        count = len(self.groups)
        return plural(
            count,
            self.tr("%1 group of probable duplicates"),
            self.tr("%1 groups of probable duplicates"),
        )

    def focus_search(self) -> bool:
        return False

    def set_undo_stack(self, stack: QUndoStack) -> None:
        """Share the window's undo stack (else the page keeps its own)."""
        self._undo_stack = stack

    def undo_stack(self) -> QUndoStack:
        """The stack the page's merges and marks go on."""
        if self._undo_stack is None:
            self._undo_stack = QUndoStack(self)
        return self._undo_stack

    # -- searching --------------------------------------------------------------------------

    def show_among(self, ids: list[int] | None) -> None:
        """Limit the page to the groups holding one of ``ids`` (an import's new contacts);
        None: the whole base. Searches at once."""
        self.among = list(ids) if ids is not None else None
        self._show_scope()
        self.search()

    def _show_scope(self) -> None:
        limited = self.among is not None
        if limited:
            self.scope.setText(
                plural(
                    len(self.among or []),
                    self.tr("Among the %1 contact just imported"),
                    self.tr("Among the %1 contacts just imported"),
                )
            )
        self.scope.setVisible(limited)
        self.whole_base.setVisible(limited)

    def search(self) -> None:
        """Run the finder (the previous run, if any, is stopped)."""
        self.cancel()
        self._stale = False
        duplicates = self._services.duplicates
        min_score = int(self.threshold.currentData() or 0)
        among = list(self.among) if self.among is not None else None
        job = operations.read(
            self,
            lambda progress: _Found.of(duplicates.find(min_score, among=among, progress=progress)),
            self._found,
            key="find",
            busy=True,
            on_error=self._failed,
            on_cancel=self._cancelled,
        )
        job.progressed.connect(self._progressed)
        job.finished.connect(lambda j=job: self._finished(j))
        self._job = job
        self._searching(True)
        self.counts_changed.emit()

    def cancel(self) -> None:
        """Stop the search on its way (the groups shown stay)."""
        if self._job is not None:
            self._job.cancel()

    def is_searching(self) -> bool:
        return self._job is not None

    def _progressed(self, done: int, total: int, _text: str) -> None:
        self.progress.setRange(0, max(total, 0))
        self.progress.setValue(done)

    def _finished(self, job: Operation[_Found]) -> None:
        if self._job is job:
            self._job = None
            self._searching(False)
            self.counts_changed.emit()

    def _searching(self, on: bool) -> None:
        self.progress.setVisible(on)
        self.cancel_button.setVisible(on)
        self.search_button.setEnabled(not on)
        if on:
            self.progress.setRange(0, 0)

    def _cancelled(self) -> None:
        self._stale = True  # what is shown may be old: search again when next shown
        self.status_message.emit(self.tr("Search for duplicates stopped"))

    def _failed(self, error: PressDeskError) -> None:
        self.status_message.emit(
            self.tr("The duplicates could not be searched: %1").replace("%1", message_of(error))
        )

    def _on_data_changed(self, area: str) -> None:
        if area not in WATCHED:
            return
        if self.isVisible():
            self.search()
        else:
            self._stale = True

    # -- showing ----------------------------------------------------------------------------

    def _found(self, found: _Found) -> None:
        wanted = self._selected_group_ids()
        self.groups = found.groups
        shown = found.groups[:MAX_GROUPS_SHOWN]
        # Items built apart and added at once, expanded in one pass: added and expanded one
        # by one, each relaid the whole tree (800 groups took 13 s). The texts come ready
        # from the worker; what is translated is translated once.
        self.tree.blockSignals(True)
        self.tree.setUpdatesEnabled(False)
        self.tree.clear()
        bold = QFont(self.tree.font())
        bold.setBold(True)
        background = QBrush(QColor("#eef3f9"))
        words = _Words(
            score=self.tr("Score %1"),
            one=self.tr("%1 contact"),
            many=self.tr("%1 contacts"),
            unnamed=self.tr("Unnamed contact"),
            kept=self.tr("kept"),
            archived=self.tr("archived"),
            opted_out=self.tr("opted out"),
            open_tip=self.tr("Double-click to open this contact"),
        )
        items = []
        for index, group in enumerate(shown):
            reasons = found.reasons[index]
            score = words.score.replace("%1", str(group.score))
            count = plural(len(group.members), words.one, words.many)
            item = QTreeWidgetItem([f"{score} · {count} · {reasons}"])
            item.setData(0, ID_ROLE, index)
            item.setFont(0, bold)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            item.setBackground(0, background)
            item.setToolTip(0, reasons)
            item.addChildren(
                [
                    self._member_item(member, member.id == group.members[0].id, found, words)
                    for member in group.members
                ]
            )
            items.append(item)
        self.tree.addTopLevelItems(items)
        for item in items:
            item.setFirstColumnSpanned(True)
        self.tree.expandAll()
        self.tree.setUpdatesEnabled(True)
        self.tree.blockSignals(False)
        more = len(found.groups) - len(shown)
        self.more.setVisible(more > 0)
        if more > 0:
            self.more.setText(
                self.tr(
                    "The %1 surest groups are shown, of %2: merge them or mark them, then "
                    "search again for the others."
                )
                .replace("%1", format_number(len(shown)))
                .replace("%2", format_number(len(found.groups)))
            )
        if shown:
            self.stack.setCurrentWidget(self.tree)
            self._reselect(wanted)
        else:
            self.empty.setText(
                self.tr("No probable duplicate among the contacts just imported.")
                if self.among is not None
                else self.tr("No probable duplicate: every contact looks like one person.")
            )
            self.stack.setCurrentWidget(self.empty)
        self._update_actions()
        self.counts_changed.emit()

    def _member_item(
        self, member: DuplicateMember, kept: bool, found: _Found, words: _Words
    ) -> QTreeWidgetItem:
        name = member.name or words.unnamed
        marks = []
        if kept:
            marks.append(words.kept)
        if member.archived:
            marks.append(words.archived)
        if member.opted_out:
            marks.append(words.opted_out)
        if marks:
            name += f"  ({', '.join(marks)})"
        item = QTreeWidgetItem(
            [name, member.organisation, ", ".join(member.emails), found.phones[member.id]]
        )
        item.setData(0, ID_ROLE, member.id)
        item.setFlags(
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsUserCheckable
        )
        item.setCheckState(0, Qt.CheckState.Checked)
        item.setToolTip(0, words.open_tip)
        if member.opted_out:
            item.setForeground(0, QBrush(QColor("#8c1d18")))
        return item

    def _selected_group_ids(self) -> set[int]:
        group = self.selected_group()
        return set(group.ids) if group is not None else set()

    def _reselect(self, ids: set[int]) -> None:
        """Select the group that holds the contacts selected before (else the first)."""
        target = 0
        if ids:
            for index, group in enumerate(self.groups):
                if ids & set(group.ids):
                    target = index
                    break
        item = self.tree.topLevelItem(target)
        if item is not None:
            self.tree.setCurrentItem(item)

    # -- the selected group -------------------------------------------------------------------

    def _group_item(self) -> QTreeWidgetItem | None:
        item = self.tree.currentItem()
        if item is None:
            return None
        return item.parent() or item

    def selected_group(self) -> DuplicateGroup | None:
        """The group the selected row belongs to."""
        item = self._group_item()
        if item is None:
            return None
        index = item.data(0, ID_ROLE)
        return self.groups[index] if isinstance(index, int) and index < len(self.groups) else None

    def checked_ids(self) -> list[int]:
        """The checked members of the selected group."""
        item = self._group_item()
        if item is None:
            return []
        members = [item.child(i) for i in range(item.childCount())]
        return [
            int(child.data(0, ID_ROLE))
            for child in members
            if child is not None and child.checkState(0) == Qt.CheckState.Checked
        ]

    def select_group(self, index: int) -> None:
        """Select group ``index`` (its heading row)."""
        item = self.tree.topLevelItem(index)
        if item is not None:
            self.tree.setCurrentItem(item)

    def set_checked(self, contact_id: int, checked: bool) -> None:
        """Check or uncheck a member of the selected group."""
        item = self._group_item()
        if item is None:
            return
        for i in range(item.childCount()):
            child = item.child(i)
            if child is not None and child.data(0, ID_ROLE) == contact_id:
                state = Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
                child.setCheckState(0, state)

    def _current_member(self) -> int | None:
        item = self.tree.currentItem()
        if item is None:
            return None
        if item.parent() is None:
            group = self.selected_group()
            return group.members[0].id if group is not None else None
        return int(item.data(0, ID_ROLE))

    def _update_actions(self) -> None:
        checked = len(self.checked_ids())
        has_group = self.selected_group() is not None
        self.merge_button.setEnabled(checked >= 2)
        self.distinct_button.setEnabled(checked >= 2)
        self.open_button.setEnabled(has_group)
        if not has_group:
            self.selection_hint.setText("")
        elif checked < 2:
            self.selection_hint.setText(self.tr("Check at least two contacts of the group"))
        else:
            self.selection_hint.setText(
                plural(checked, self.tr("%1 contact checked"), self.tr("%1 contacts checked"))
            )

    # -- actions ----------------------------------------------------------------------------

    def merge_selected(self) -> None:
        """Open the merge dialog on the checked members of the selected group."""
        ids = self.checked_ids()
        if len(ids) < 2:
            return
        from fiac_press_desk.ui.dialogs.duplicate_merge_dialog import open_merge

        open_merge(self._services, ids, self.undo_stack(), self)

    def mark_selected_distinct(self) -> None:
        """Remember that the checked members are different people (undoable)."""
        ids = self.checked_ids()
        if len(ids) < 2:
            return
        command = MarkNotDuplicate(self._services, ids)
        submit(self.undo_stack(), command, self._done, self._refused, self)

    def open_selected(self) -> None:
        """Open the selected member (the group's first when a group is selected)."""
        contact_id = self._current_member()
        if contact_id is not None:
            self.contact_requested.emit(contact_id)

    def _double_clicked(self, item: QTreeWidgetItem, _column: int) -> None:
        if item.parent() is not None:
            self.contact_requested.emit(int(item.data(0, ID_ROLE)))

    def _done(self, command: ServiceCommand) -> None:
        self.status_message.emit(command.summary())

    def _refused(self, message: str) -> None:
        self.status_message.emit(self.tr("Nothing was changed: %1").replace("%1", message))
        QMessageBox.warning(self, self.tr("Nothing was changed"), message)

    def _context_menu(self, pos: QPoint) -> None:
        item = self.tree.itemAt(pos)
        if item is None:
            return
        self.tree.setCurrentItem(item)
        menu = QMenu(self)
        menu.addAction(self.merge_button.text(), self.merge_selected).setEnabled(
            self.merge_button.isEnabled()
        )
        menu.addAction(self.distinct_button.text(), self.mark_selected_distinct).setEnabled(
            self.distinct_button.isEnabled()
        )
        menu.addSeparator()
        menu.addAction(self.open_button.text(), self.open_selected)
        menu.exec(self.tree.viewport().mapToGlobal(pos))
