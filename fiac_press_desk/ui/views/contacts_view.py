"""The contacts workspace: search and filters, the table, bulk actions, the contact's card.

Where the press officer spends the day. The table is ``ContactsModel`` (lazy, sorted in the
database); the card beside it is ``ContactDetailPanel``. Bulk actions work on the selected
ids and go through undoable commands (``ui.undo``) run off the GUI thread, so 100 000 selected
contacts do not freeze the window. The menus offer the lists and tags the filter bar read.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QItemSelection,
    QItemSelectionModel,
    QSignalBlocker,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QFontMetrics,
    QGuiApplication,
    QIcon,
    QKeySequence,
    QResizeEvent,
    QShowEvent,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QTableView,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from fiac_press_desk.domain.errors import PressDeskError
from fiac_press_desk.services.hub import Services
from fiac_press_desk.ui import icons, operations, settings
from fiac_press_desk.ui.errors import message_of
from fiac_press_desk.ui.events import data_events
from fiac_press_desk.ui.i18n import format_number, plural
from fiac_press_desk.ui.operations import Progress
from fiac_press_desk.ui.qtmodels.contacts_model import ContactsModel
from fiac_press_desk.ui.undo import (
    AddToList,
    ArchiveContacts,
    DeleteContacts,
    ServiceCommand,
    TagContacts,
    submit,
)
from fiac_press_desk.ui.views import contacts_layout
from fiac_press_desk.ui.views.contact_detail import ContactDetailPanel
from fiac_press_desk.ui.views.contacts_filters import ContactsFilterBar

DEFAULT_WIDTHS = {
    ContactsModel.Columns.NAME: 170,
    ContactsModel.Columns.ORGANISATION: 160,
    ContactsModel.Columns.JOB_TITLE: 150,
    ContactsModel.Columns.EMAIL: 220,
    ContactsModel.Columns.PHONE: 130,
    ContactsModel.Columns.KIND: 95,
    ContactsModel.Columns.TAGS: 140,
    ContactsModel.Columns.LAST_RELEASE: 230,
    ContactsModel.Columns.OPTED_OUT: 30,
}
EMAIL_CHUNK = 500


def ask_confirmation(parent: QWidget, title: str, text: str, action: str, detail: str = "") -> bool:
    """A yes/no question whose "yes" button names the action ("Supprimer"). Tests replace it."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(title)
    box.setText(text)
    if detail:
        box.setInformativeText(detail)
    yes = box.addButton(action, QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    return box.clickedButton() is yes


class EmptyState(QWidget):
    """A centred message that says what to do, with buttons that do it."""

    def __init__(self, icon_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Never the reason the window cannot be made narrower: the buttons may be clipped.
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.picture = QLabel(self)
        self.picture.setPixmap(icons.icon(icon_name).pixmap(QSize(48, 48)))
        self.picture.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.title = QLabel(self)
        self.title.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.title.setFont(font)
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.text.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.buttons = QHBoxLayout()
        self.buttons.setSpacing(8)
        self.buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        layout.addWidget(self.picture)
        layout.addSpacing(8)
        layout.addWidget(self.title)
        text_row = QHBoxLayout()
        text_row.addStretch(1)
        text_row.addWidget(self.text, 6)
        text_row.addStretch(1)
        layout.addLayout(text_row)
        layout.addSpacing(12)
        layout.addLayout(self.buttons)
        layout.addStretch(3)

    def add_button(self, text: str, icon: QIcon, slot: Any, primary: bool = False) -> QPushButton:
        button = QPushButton(icon, text, self)
        button.clicked.connect(slot)
        button.setDefault(primary)
        self.buttons.insertWidget(self.buttons.count(), button)
        return button

    def finish(self) -> None:
        self.buttons.addStretch(1)


class ContactsView(QWidget):
    """The Contacts page (UI contract: ``ContactsView(services, parent=None)``, ``refresh()``)."""

    status_message = Signal(str)
    counts_changed = Signal()
    selection_changed = Signal()
    filter_target_changed = Signal(str, int)  # "list"/"tag"/"" and its id, for the sidebar
    import_requested = Signal()
    demo_requested = Signal()
    duplicates_requested = Signal()  # the duplicates page (issue 12)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ContactsView")
        self._services = services
        self._undo_stack: QUndoStack | None = None
        self._dirty = False
        self._select_after_load: list[int] = []
        self._keep_selection: list[int] = []
        self._detail_id: int | None = None
        self._opened_id: int | None = None  # a card another page asked for (open_contact)
        self._first_layout = False  # nothing saved yet: share the width when first shown

        self.model = ContactsModel(services, self)
        self.filters = ContactsFilterBar(services, self)
        self.filters.changed.connect(self._apply_filter)

        self.table = self._make_table()
        # New rows laid out at once rather than by Qt's zero-delay timer: that timer came
        # after the first paint of the new rows and asked for a second full one (10-15 ms of
        # the GUI thread at each key of a search, which the next query then waited for).
        self.model.modelReset.connect(self.table.executeDelayedItemsLayout)
        self.model.rowsInserted.connect(self.table.executeDelayedItemsLayout)
        self.bulk_bar = self._make_bulk_bar()
        self.empty_state = self._make_empty_state()
        self.no_results = self._make_no_results()

        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty_state)
        self.stack.addWidget(self.no_results)

        self.detail = self._make_detail()
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("contactsSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.stack)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([660, 380])

        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 10, 10, 6)
        layout.setSpacing(8)
        layout.addWidget(self.filters)
        layout.addWidget(self.bulk_bar)
        layout.addWidget(self.splitter, 1)

        self.model.loaded.connect(self._on_loaded)
        self.model.failed.connect(self._on_query_failed)
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_row)
        self.table.verticalScrollBar().valueChanged.connect(self._update_visible_rows)
        data_events().changed.connect(self._on_data_changed)
        self._restore_layout()
        self._layout_keeper = contacts_layout.keep(self.splitter, self.table, self.save_layout)
        self._update_bulk_bar()
        self.model.set_visible_rows(0, ContactsModel.PAGE_SIZE - 1)  # before the first layout
        from fiac_press_desk.ui import window_state

        with self.model.gathered():  # the rows, then the saved sort and filter: one query
            self.model.reload(data_changed=True)
            window_state.restore_contacts(self)

    # -- building -------------------------------------------------------------------------

    def _make_table(self) -> QTableView:
        table = QTableView(self)
        table.setObjectName("contactsTable")
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        table.setAlternatingRowColors(True)
        table.setShowGrid(False)
        table.setWordWrap(False)
        table.setTextElideMode(Qt.TextElideMode.ElideRight)
        table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        table.setDragEnabled(True)
        table.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        table.setDefaultDropAction(Qt.DropAction.CopyAction)
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        table.customContextMenuRequested.connect(self._context_menu)
        table.setIconSize(QSize(16, 16))
        table.setAccessibleName(self.tr("Contacts"))
        vertical = table.verticalHeader()
        vertical.setVisible(False)
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(table.fontMetrics().height() + 10)
        header = table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionsMovable(True)
        header.setStretchLastSection(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setMinimumSectionSize(28)
        for column, width in DEFAULT_WIDTHS.items():
            header.resizeSection(column, width)
        header.setSectionResizeMode(ContactsModel.Columns.OPTED_OUT, QHeaderView.ResizeMode.Fixed)
        header.setSortIndicator(ContactsModel.Columns.NAME, Qt.SortOrder.AscendingOrder)
        header.setSortIndicatorShown(True)
        header.sectionClicked.connect(self._on_header_clicked)
        table.doubleClicked.connect(lambda _index: self.edit_current())
        return table

    def _make_bulk_bar(self) -> QFrame:
        """What can be done with the selection; a tool bar, so that it folds into a »
        menu when the list is narrow instead of widening the window."""
        bar = QFrame(self)
        bar.setObjectName("contactsBulkBar")
        bar.setFrameShape(QFrame.Shape.StyledPanel)
        bar.setAutoFillBackground(True)
        palette = bar.palette()
        palette.setColor(bar.backgroundRole(), palette.color(palette.ColorRole.AlternateBase))
        bar.setPalette(palette)
        layout = QHBoxLayout(bar)
        layout.setContentsMargins(8, 0, 2, 0)
        layout.setSpacing(4)
        self.selection_label = QLabel(bar)
        self.selection_label.setObjectName("contactsSelectionLabel")
        font = self.selection_label.font()
        font.setBold(True)
        self.selection_label.setFont(font)
        self.selection_label.setMinimumWidth(
            QFontMetrics(font).horizontalAdvance(
                self.tr("%1 selected", "many").replace("%1", "100 000")
            )
            + 8
        )
        layout.addWidget(self.selection_label)

        tools = QToolBar(bar)
        tools.setObjectName("contactsBulkTools")
        tools.setIconSize(QSize(16, 16))
        tools.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        tools.setStyleSheet("QToolBar { border: none; background: transparent; }")
        self.bulk_tools = tools

        def add(icon_name: str, text: str, tip: str, slot: Any = None) -> QAction:
            action = QAction(icons.icon(icon_name), text, tools)
            action.setToolTip(tip)
            if slot is not None:
                action.triggered.connect(slot)
            tools.addAction(action)
            return action

        def with_menu(action: QAction, fill: Callable[[], None]) -> QMenu:
            menu = QMenu(self)
            menu.aboutToShow.connect(fill)
            action.setMenu(menu)
            button = tools.widgetForAction(action)
            if isinstance(button, QToolButton):
                button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
            return menu

        self.add_to_list_action = add(
            "list", self.tr("Add to list"), self.tr("Add the selected contacts to a list")
        )
        self.list_menu = with_menu(self.add_to_list_action, self._fill_list_menu)
        self.tag_action = add("tag", self.tr("Tag"), self.tr("Give the selected contacts a tag"))
        self.tag_menu = with_menu(self.tag_action, lambda: self._fill_tag_menu(add=True))
        self.untag_action = add(
            "untag", self.tr("Untag"), self.tr("Remove a tag from the selected contacts")
        )
        self.untag_menu = with_menu(self.untag_action, lambda: self._fill_tag_menu(add=False))
        self.archive_action = add(
            "archive",
            self.tr("Archive"),
            self.tr("Hide the selected contacts from the lists"),
            self.archive_selected,
        )
        self.delete_action = add(
            "delete",
            self.tr("Delete"),
            self.tr("Delete the selected contacts (undoable)"),
            self.delete_selected,
        )
        self.copy_action = add(
            "mail-copy",
            self.tr("Copy emails"),
            self.tr("Copy the addresses for the Bcc field of a message; opted-out people excluded"),
            self.copy_emails,
        )
        self.export_action = add(
            "export",
            self.tr("Export…"),
            self.tr("Export the selected contacts to a file"),
            self.export_selection,
        )
        layout.addWidget(tools, 1)
        self.duplicates_button = QToolButton(bar)
        self.duplicates_button.setObjectName("contactsFindDuplicates")
        self.duplicates_button.setIcon(icons.icon("merge"))
        self.duplicates_button.setText(self.tr("Find duplicates"))
        self.duplicates_button.setToolTip(
            self.tr("Find duplicates: contacts entered twice, to merge or tell apart")
        )
        self.duplicates_button.setAccessibleName(self.tr("Find duplicates"))
        # An icon only: the bar's actions on the selection keep their room (and their words).
        self.duplicates_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        self.duplicates_button.setAutoRaise(True)
        self.duplicates_button.clicked.connect(self.duplicates_requested)
        layout.addWidget(self.duplicates_button)
        clear = QToolButton(bar)
        self.clear_selection_button = clear
        clear.setIcon(icons.icon("clear"))
        clear.setAutoRaise(True)
        clear.setToolTip(self.tr("Clear the selection"))
        clear.setAccessibleName(clear.toolTip())  # icon only: what a screen reader says
        clear.clicked.connect(self.table.clearSelection)
        layout.addWidget(clear)
        return bar

    def _make_empty_state(self) -> EmptyState:
        empty = EmptyState("contacts", self)
        empty.setObjectName("contactsEmptyState")
        empty.title.setText(self.tr("No contacts yet"))
        empty.text.setText(
            self.tr(
                "Import your address book from a vCard or Excel file, create a contact, or "
                "load the demonstration data to try the desk out."
            )
        )
        empty.add_button(
            self.tr("Import contacts…"), icons.icon("import"), self.import_requested, True
        )
        empty.add_button(self.tr("New contact"), icons.icon("contact-add"), self.new_contact)
        empty.add_button(
            self.tr("Load the demonstration data"), icons.icon("demo"), self.demo_requested
        )
        empty.finish()
        return empty

    def _make_no_results(self) -> EmptyState:
        empty = EmptyState("search", self)
        empty.setObjectName("contactsNoResults")
        empty.title.setText(self.tr("No contact matches"))
        empty.add_button(
            self.tr("Clear the search and filters"), icons.icon("clear"), self.filters.clear, True
        )
        empty.finish()
        return empty

    def _make_detail(self) -> ContactDetailPanel:
        panel = ContactDetailPanel(self._services, self)
        panel.saved.connect(self._on_saved)
        panel.cancelled.connect(self._on_detail_cancelled)
        panel.leave_refused.connect(self._on_leave_refused)
        panel.setMinimumWidth(340)
        panel.undo_stack_of = self._stack  # the card's saves are undone with the rest
        return panel

    # -- wiring with the window -----------------------------------------------------------

    def set_undo_stack(self, stack: QUndoStack) -> None:
        """Share the window's undo stack (else the view keeps its own)."""
        self._undo_stack = stack

    def _stack(self) -> QUndoStack:
        if self._undo_stack is None:
            self._undo_stack = QUndoStack(self)
        return self._undo_stack

    def refresh(self) -> None:
        """Called when the page is shown: catch up with changes made while it was hidden."""
        if self._dirty:
            self._dirty = False
            self.filters.refresh_choices()
            self._reload(data_changed=True)

    def _on_data_changed(self, area: str) -> None:
        if area not in ("contacts", "organisations", "lists", "tags", "imports", "releases"):
            return
        if not self.isVisible():
            self._dirty = True
            return
        if area in ("organisations", "lists", "tags", "imports"):
            self.filters.refresh_choices()
        self._reload(data_changed=True)

    def _reload(self, data_changed: bool = False) -> None:
        ids = self.selected_ids()
        self._keep_selection = ids if len(ids) <= 5000 else []
        self.model.reload(data_changed=data_changed)

    def _update_visible_rows(self) -> None:
        """Tell the model which rows are on screen: a query reads them with the ids."""
        height = max(1, self.table.verticalHeader().defaultSectionSize())
        first = self.table.verticalScrollBar().value() // height
        shown = self.table.viewport().height() // height + 1
        self.model.set_visible_rows(first, first + max(shown, 1))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._update_visible_rows()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._first_layout:  # nothing saved yet: share the width once laid out
            self._first_layout = False
            contacts_layout.first_layout_soon(self.splitter, self.table, DEFAULT_WIDTHS)

    def shutdown(self) -> None:
        """Before the window closes: save the layout; answers still on their way are dropped."""
        self.save_layout()
        operations.forget(self)

    # -- layout persistence ---------------------------------------------------------------

    def _restore_layout(self) -> None:
        header_state = settings.load_state("contacts/header")
        self._first_layout = header_state is None  # see showEvent
        if header_state is not None:
            self.table.horizontalHeader().restoreState(header_state)
        splitter_state = settings.load_state("contacts/splitter")
        if splitter_state is not None:
            self.splitter.restoreState(splitter_state)

    def save_layout(self) -> None:
        settings.save_state("contacts/header", self.table.horizontalHeader().saveState())
        settings.save_state("contacts/splitter", self.splitter.saveState())

    # -- filtering and sorting ------------------------------------------------------------

    def _apply_filter(self) -> None:
        self._opened_id = None  # a new search: the card follows the table again
        flt = self.filters.current_filter()
        self._keep_selection = self.selected_ids() if len(self.selected_ids()) <= 5000 else []
        self.model.set_filter(flt)
        if flt.list_id is not None:
            self.filter_target_changed.emit("list", flt.list_id)
        elif flt.tag_id is not None:
            self.filter_target_changed.emit("tag", flt.tag_id)
        else:
            self.filter_target_changed.emit("", 0)

    def set_list_filter(self, list_id: int | None) -> None:
        self.filters.set_tag(None) if list_id is not None else None
        self.filters.set_list(list_id)

    def set_tag_filter(self, tag_id: int | None) -> None:
        self.filters.set_list(None) if tag_id is not None else None
        self.filters.set_tag(tag_id)

    def set_organisation_filter(self, organisation_id: int | None) -> None:
        self.filters.set_organisation(organisation_id)

    def focus_search(self) -> bool:
        self.filters.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filters.search.selectAll()
        return True

    def _on_header_clicked(self, column: int) -> None:
        header = self.table.horizontalHeader()
        if column not in ContactsModel.SORTABLE:
            key, descending = self.model.sort_key()
            current = next(c for c, k in ContactsModel.SORTABLE.items() if k == key)
            order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
            header.setSortIndicator(current, order)
            self.status_message.emit(self.tr("This column cannot be sorted"))
            return
        self.model.sort(column, header.sortIndicatorOrder())

    def _on_loaded(self, rows: int) -> None:
        # The card's widgets, left unbuilt for the first rows to show sooner: built now,
        # before the press officer's first click has to wait for them.
        QTimer.singleShot(0, self.detail, self.detail.build_contact_page)
        empty_database = self.model.total() == 0
        # Nothing to search, select or show yet: only the ways to get contacts in.
        self.filters.setVisible(not empty_database)
        self.bulk_bar.setVisible(not empty_database)
        if empty_database and not self._creating():
            self.detail.setVisible(False)
        elif not empty_database:
            self.detail.setVisible(True)
        if empty_database:
            self.stack.setCurrentWidget(self.empty_state)
        elif rows == 0:
            criteria = self.filters.describe()
            self.no_results.text.setText(
                self.tr("Nothing matches %1.").replace("%1", criteria) if criteria else ""
            )
            self.stack.setCurrentWidget(self.no_results)
        else:
            self.stack.setCurrentWidget(self.table)
        wanted = self._select_after_load or self._keep_selection
        self._select_after_load, self._keep_selection = [], []
        if wanted:
            self.select_ids(wanted, scroll=True)
        self._clear_stale_card()
        self._update_bulk_bar()
        self.counts_changed.emit()

    def _on_query_failed(self, message: str) -> None:
        self.status_message.emit(
            self.tr("The contacts could not be read: %1").replace("%1", message)
        )

    # -- selection ------------------------------------------------------------------------

    def selected_rows(self) -> list[int]:
        rows: list[int] = []
        selection = self.table.selectionModel().selection()
        for i in range(selection.count()):
            rng = selection.at(i)
            rows.extend(range(rng.top(), rng.bottom() + 1))
        return sorted(set(rows))

    def selected_ids(self) -> list[int]:
        return [self.model.contact_id(r) for r in self.selected_rows() if r < self.model.rowCount()]

    def select_ids(self, ids: list[int], scroll: bool = False) -> None:
        selection = QItemSelection()
        rows = sorted(r for r in (self.model.row_of(i) for i in ids) if r is not None)
        last = self.model.columnCount() - 1
        for row in rows:
            selection.select(self.model.index(row, 0), self.model.index(row, last))
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
        )
        selection_model = self.table.selectionModel()
        selection_model.select(selection, flags)
        if rows:
            selection_model.setCurrentIndex(
                self.model.index(rows[0], 0), QItemSelectionModel.SelectionFlag.NoUpdate
            )
            if scroll:
                self.table.scrollTo(self.model.index(rows[0], 0))

    def _on_selection_changed(self) -> None:
        self._update_bulk_bar()
        ids = self.selected_ids()
        if len(ids) == 1 and ids[0] != self._detail_id:
            self._show_detail(ids[0])
        elif not ids:
            self._clear_stale_card()
        self.selection_changed.emit()
        self.counts_changed.emit()

    def _clear_stale_card(self) -> None:
        """Nothing selected: the card says so rather than keep the last contact shown (after
        a search with no match the bar said "No selection" beside the previous card). A card
        being edited stays: its edits are the press officer's."""
        if self.has_selection() or self.detail.is_editing() or self._detail_id is None:
            return
        if self._detail_id == self._opened_id:
            return  # asked for by another page: stays until the press officer searches
        self._detail_id = None
        self.detail.show_contact(None)

    def _on_current_row(self) -> None:
        ids = self.selected_ids()
        if len(ids) == 1 and ids[0] != self._detail_id:
            self._show_detail(ids[0])

    def _show_detail(self, contact_id: int | None) -> None:
        if self.detail.show_contact(contact_id) is False:
            # Unsaved edits and the press officer chose to keep editing: stay on that contact.
            if self._detail_id is not None:
                blocker = QSignalBlocker(self.table.selectionModel())
                self.select_ids([self._detail_id])
                del blocker
                self._update_bulk_bar()
            return
        self._detail_id = contact_id

    def _update_bulk_bar(self) -> None:
        n = len(self.selected_rows())
        for action in self.bulk_tools.actions():
            action.setEnabled(n > 0)
        self.clear_selection_button.setEnabled(n > 0)
        self.selection_label.setText(
            plural(n, self.tr("%1 selected", "one"), self.tr("%1 selected", "many"))
            if n
            else self.tr("No selection")
        )
        archived_view = self.filters.status_key() == "archived"
        self.archive_action.setText(self.tr("Unarchive") if archived_view else self.tr("Archive"))

    def has_selection(self) -> bool:
        return self.table.selectionModel().hasSelection()

    def status_text(self) -> str:
        shown = self.model.rowCount()
        total = self.model.total()
        selected = len(self.selected_rows())
        text = plural(shown, self.tr("%1 contact shown"), self.tr("%1 contacts shown"))
        if total and total != shown:
            text = self.tr("%1 of %2").replace("%1", text).replace("%2", format_number(total))
        if selected:
            text += " · " + plural(
                selected, self.tr("%1 selected", "one"), self.tr("%1 selected", "many")
            )
        return text

    # -- the card beside the list -------------------------------------------------------

    def new_contact(self) -> None:
        self.table.clearSelection()
        self._detail_id = None
        self.detail.setVisible(True)
        self.detail.start_new()
        self.detail.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def open_contact(self, contact_id: int) -> None:
        """Show one contact's card (asked by another page), selected in the table when the
        filter lists it."""
        self._opened_id = contact_id  # shown even while the table does not list it
        self.select_ids([contact_id], scroll=True)
        if contact_id != self._detail_id:
            self._show_detail(contact_id)

    def merge_selected(self) -> None:
        """Merge the selected contacts (two or more), field by field (undoable)."""
        from fiac_press_desk.ui.dialogs.duplicate_merge_dialog import open_merge

        ids = self.selected_ids()
        if len(ids) >= 2:
            open_merge(self._services, ids, self._stack(), self)

    def _creating(self) -> bool:
        return self.detail.is_editing()

    def edit_current(self) -> None:
        """F2 or double-click: open the selected contact's card in its editor."""
        ids = self.selected_ids()
        if not ids:
            return
        if ids[0] != self._detail_id:
            self._show_detail(ids[0])
        self.detail.edit()

    def _on_saved(self, contact_id: int) -> None:
        # The panel has announced the change (data_events); select the contact once the
        # table has been read again, wherever the sort puts it.
        self._detail_id = contact_id
        self._select_after_load = [contact_id]
        self.model.invalidate_rows([contact_id])
        self._reload(data_changed=True)
        self.status_message.emit(self.tr("Contact saved"))

    def _on_detail_cancelled(self) -> None:
        ids = self.selected_ids()
        if len(ids) == 1:
            self._show_detail(ids[0])

    def _on_leave_refused(self, contact_id: int) -> None:
        """The card could not save the edits it was asked to save before moving on: select
        the contact being edited again, its errors shown."""
        self._detail_id = contact_id if contact_id >= 0 else None
        blocker = QSignalBlocker(self.table.selectionModel())
        if self._detail_id is None:
            self.table.clearSelection()
        else:
            self.select_ids([self._detail_id])
        del blocker
        self._update_bulk_bar()

    # -- bulk actions -----------------------------------------------------------------------

    def _submit(self, command: ServiceCommand, done_text: str | None = None) -> None:
        def done(cmd: ServiceCommand) -> None:
            self.status_message.emit(done_text or cmd.summary())

        submit(self._stack(), command, done, self._report_failure, self)

    def _report_failure(self, message: str) -> None:
        self.status_message.emit(self.tr("Nothing was changed: %1").replace("%1", message))
        QMessageBox.warning(self, self.tr("Nothing was changed"), message)

    def _fill_list_menu(self) -> None:
        menu = self.list_menu
        menu.clear()
        for group in self.filters.choices.lists:
            action = menu.addAction(
                icons.icon("list"), f"{group.name}  ({format_number(group.count)})"
            )
            action.triggered.connect(
                lambda _=False, g=group.id, n=group.name: self.add_selected_to_list(g, n)
            )
        if menu.actions():
            menu.addSeparator()
        menu.addAction(icons.icon("add"), self.tr("New list…"), self._add_to_new_list)

    def _fill_tag_menu(self, add: bool) -> None:
        menu = self.tag_menu if add else self.untag_menu
        menu.clear()
        for group in self.filters.choices.tags:
            action = menu.addAction(icons.icon("tag"), group.name)
            action.triggered.connect(lambda _=False, n=group.name, a=add: self.tag_selected(n, a))
        if add:
            if menu.actions():
                menu.addSeparator()
            menu.addAction(icons.icon("add"), self.tr("New tag…"), self._tag_with_new)
        elif not menu.actions():
            empty = menu.addAction(self.tr("No tag yet"))
            empty.setEnabled(False)

    def _ask_name(self, title: str, label: str) -> str | None:
        name, ok = QInputDialog.getText(self, title, label, QLineEdit.EchoMode.Normal, "")
        name = " ".join(name.split())
        return name if ok and name else None

    def _add_to_new_list(self) -> None:
        name = self._ask_name(self.tr("New distribution list"), self.tr("Name of the list:"))
        if name is None:
            return
        ids = self.selected_ids()
        lists = self._services.lists
        operations.write(
            self,
            lambda _p: lists.create(name),
            lambda list_id: self.add_to_list(list_id, name, ids),
            changes=("lists",),
            on_error=lambda error: self._report_failure(message_of(error)),
        )

    def _tag_with_new(self) -> None:
        name = self._ask_name(self.tr("New tag"), self.tr("Name of the tag:"))
        if name is not None:
            self.tag_selected(name, True)

    def add_selected_to_list(self, list_id: int, list_name: str) -> None:
        self.add_to_list(list_id, list_name, self.selected_ids())

    def add_to_list(self, list_id: int, list_name: str, ids: list[int]) -> None:
        if not ids:
            return

        def done(cmd: ServiceCommand) -> None:
            assert isinstance(cmd, AddToList)
            text = plural(
                len(cmd.ids),
                self.tr("%1 contact added to “%2”"),
                self.tr("%1 contacts added to “%2”"),
            ).replace("%2", list_name)
            if cmd.already:
                text += " " + plural(
                    cmd.already,
                    self.tr("(%1 was already there)"),
                    self.tr("(%1 were already there)"),
                )
            self.status_message.emit(text)

        submit(
            self._stack(),
            AddToList(self._services, list_id, ids, list_name),
            done,
            self._report_failure,
            self,
        )

    def tag_selected(self, tag: str, add: bool = True) -> None:
        ids = self.selected_ids()
        if ids:
            self._submit(TagContacts(self._services, ids, tag, add))

    def archive_selected(self) -> None:
        ids = self.selected_ids()
        if ids:
            archive = self.filters.status_key() != "archived"
            self._submit(ArchiveContacts(self._services, ids, archive))

    def delete_selected(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        if len(ids) == 1:
            row = self.model.contact_row(self.selected_rows()[0])
            question = self.tr("Delete the contact “%1”?").replace("%1", row.name if row else "")
        else:
            question = plural(
                len(ids), self.tr("Delete %1 contact?"), self.tr("Delete %1 contacts?")
            )
        if not ask_confirmation(
            self,
            self.tr("Delete contacts"),
            question,
            self.tr("Delete"),
            self.tr("You can undo it with Edit > Undo (%1) while the desk stays open.").replace(
                "%1",
                QKeySequence(QKeySequence.StandardKey.Undo).toString(
                    QKeySequence.SequenceFormat.NativeText
                ),
            ),
        ):
            return
        self.table.clearSelection()
        if self._detail_id in ids:
            self._show_detail(None)
        self._submit(DeleteContacts(self._services, ids))

    def copy_emails(self) -> None:
        """Main addresses of the selection on one line, "a@x; b@y", opted-out people left out."""
        ids = self.selected_ids()
        if not ids:
            return
        queries = self._services.contact_queries

        def collect(_progress: Progress) -> tuple[list[str], int, int]:
            emails: list[str] = []
            opted_out = missing = 0
            for start in range(0, len(ids), EMAIL_CHUNK):
                for row in queries.rows_by_id(ids[start : start + EMAIL_CHUNK]):
                    if row.opted_out:
                        opted_out += 1
                    elif not row.email:
                        missing += 1
                    elif row.email not in emails:
                        emails.append(row.email)
            return emails, opted_out, missing

        operations.read(self, collect, self._emails_collected, on_error=self._read_failed)

    def _read_failed(self, error: PressDeskError) -> None:
        self.status_message.emit(message_of(error))

    def _emails_collected(self, result: tuple[list[str], int, int]) -> None:
        emails, opted_out, missing = result
        QGuiApplication.clipboard().setText("; ".join(emails))
        text = plural(len(emails), self.tr("%1 address copied"), self.tr("%1 addresses copied"))
        notes = []
        if opted_out:
            notes.append(
                plural(
                    opted_out,
                    self.tr("%1 opted-out contact left out"),
                    self.tr("%1 opted-out contacts left out"),
                )
            )
        if missing:
            notes.append(
                plural(missing, self.tr("%1 without an address"), self.tr("%1 without addresses"))
            )
        if notes:
            text += " (" + ", ".join(notes) + ")"
        self.status_message.emit(text)

    def export_selection(self) -> None:
        from fiac_press_desk.ui.dialogs.export_dialog import run_export

        ids = self.selected_ids()
        run_export(self._services, ids or None, self.window())

    # -- context menu ---------------------------------------------------------------------

    def _context_menu(self, pos: Any) -> None:
        if not self.has_selection():
            return
        menu = QMenu(self)
        if len(self.selected_ids()) == 1:
            menu.addAction(icons.icon("edit"), self.tr("Edit"), self.edit_current)
            menu.addSeparator()
        lists = menu.addMenu(icons.icon("list"), self.tr("Add to list"))
        for group in self.filters.choices.lists:
            lists.addAction(group.name).triggered.connect(
                lambda _=False, g=group.id, n=group.name: self.add_selected_to_list(g, n)
            )
        lists.addSeparator()
        lists.addAction(icons.icon("add"), self.tr("New list…"), self._add_to_new_list)
        tags = menu.addMenu(icons.icon("tag"), self.tr("Tag"))
        all_tags = self.filters.choices.tags
        for group in all_tags:
            tags.addAction(group.name).triggered.connect(
                lambda _=False, n=group.name: self.tag_selected(n, True)
            )
        tags.addSeparator()
        tags.addAction(icons.icon("add"), self.tr("New tag…"), self._tag_with_new)
        untag = menu.addMenu(icons.icon("untag"), self.tr("Untag"))
        for group in all_tags:
            untag.addAction(group.name).triggered.connect(
                lambda _=False, n=group.name: self.tag_selected(n, False)
            )
        untag.setEnabled(bool(all_tags))
        menu.addSeparator()
        menu.addAction(icons.icon("mail-copy"), self.tr("Copy emails"), self.copy_emails)
        menu.addAction(icons.icon("export"), self.tr("Export…"), self.export_selection)
        menu.addSeparator()
        if len(self.selected_ids()) >= 2:
            menu.addAction(icons.icon("merge"), self.tr("Merge…"), self.merge_selected)
        menu.addAction(icons.icon("merge"), self.tr("Find duplicates"), self.duplicates_requested)
        menu.addAction(icons.icon("archive"), self.archive_action.text(), self.archive_selected)
        menu.addAction(icons.icon("delete"), self.tr("Delete…"), self.delete_selected)
        menu.exec(self.table.viewport().mapToGlobal(pos))

    def sizeHint(self) -> QSize:
        return QSize(1000, 640)
