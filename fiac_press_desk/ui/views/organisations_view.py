"""The Organisations page: outlets, hospitals, institutes... with their type and how many
contacts each has; edit one, create, delete, merge two that are one, and see its contacts.
Every read and write goes through ``ui.operations``, off the GUI thread."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from fiac_press_desk.domain.contact import OrganisationData
from fiac_press_desk.domain.errors import (
    ConflictError,
    NotFoundError,
    PressDeskError,
    ValidationError,
)
from fiac_press_desk.domain.text import fold
from fiac_press_desk.services import Services
from fiac_press_desk.services.contact_queries import ContactFilter, ContactRow
from fiac_press_desk.ui import operations
from fiac_press_desk.ui.errors import message_of
from fiac_press_desk.ui.events import data_events
from fiac_press_desk.ui.labels import organisation_types
from fiac_press_desk.ui.operations import Progress
from fiac_press_desk.ui.qtmodels.organisation_model import (
    OrganisationColumn,
    OrganisationContactColumn,
    OrganisationContactsModel,
    OrganisationTableModel,
)
from fiac_press_desk.ui.views.organisation_form import OrganisationForm

MUTED_STYLE = "color: #5f6b76;"
CONTACTS_SHOWN = 2000  # an organisation's contacts listed here; the Contacts page has them all


@dataclass(frozen=True)
class _Shown:
    """One organisation with the contacts listed under it."""

    organisation: OrganisationData
    contacts: list[ContactRow]


class OrganisationFilterProxy(QSortFilterProxyModel):
    """Filters by words of the name or city (accents and case ignored) and by type."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._words: list[str] = []
        self._kind: str | None = None
        self.setSortRole(OrganisationTableModel.SortRole)

    def set_search(self, text: str) -> None:
        self.beginFilterChange()
        self._words = fold(text).split()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_kind(self, kind: str | None) -> None:
        self.beginFilterChange()
        self._kind = kind
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, row: int, parent: QModelIndex | QPersistentModelIndex) -> bool:
        model = self.sourceModel()
        if not isinstance(model, OrganisationTableModel):
            return True
        org = model.organisation(row)
        if self._kind and str(org.kind) != self._kind:
            return False
        haystack = fold(f"{org.name} {org.city}")
        return all(word in haystack for word in self._words)


class OrganisationsView(QWidget):
    """List on the left, the selected organisation on the right (details, contacts)."""

    contact_activated = Signal(int)  # double-click on a contact: open it in the Contacts page
    show_contacts_requested = Signal(int)  # "Show in Contacts": filter that page on this org

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self._current: OrganisationData | None = None
        self._dirty = False
        self._stale = True
        self._select_after_refresh: int | None = None

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        layout.addWidget(splitter)
        self.splitter = splitter
        splitter.addWidget(self._build_list())
        splitter.addWidget(self._build_detail())
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 5)
        splitter.setSizes([480, 580])

        data_events().changed.connect(self._data_changed)

    # -- building ---------------------------------------------------------------------------

    def _build_list(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 4, 0)
        bar = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search an organisation or a city…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._search_changed)
        bar.addWidget(self.search, 1)
        self.kind_filter = QComboBox()
        self.kind_filter.addItem(self.tr("All types"), None)
        for kind, text in organisation_types().items():
            self.kind_filter.addItem(text, str(kind))
        self.kind_filter.currentIndexChanged.connect(self._kind_changed)
        bar.addWidget(self.kind_filter)
        layout.addLayout(bar)

        self.model = OrganisationTableModel(self)
        self.proxy = OrganisationFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(OrganisationColumn.NAME, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(OrganisationColumn.NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(OrganisationColumn.KIND, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(
            OrganisationColumn.CONTACTS, QHeaderView.ResizeMode.ResizeToContents
        )
        header.setSectionResizeMode(OrganisationColumn.CITY, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(OrganisationColumn.KIND, 150)
        header.resizeSection(OrganisationColumn.CITY, 110)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.list_stack = QStackedWidget()
        self.list_stack.addWidget(self.table)
        self.list_empty = QLabel()
        self.list_empty.setWordWrap(True)
        self.list_empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.list_empty.setStyleSheet(MUTED_STYLE + " padding: 24px;")
        self.list_stack.addWidget(self.list_empty)
        layout.addWidget(self.list_stack, 1)
        bottom = QHBoxLayout()
        self.count_label = QLabel()
        self.count_label.setStyleSheet(MUTED_STYLE)
        bottom.addWidget(self.count_label, 1)
        self.new_button = QPushButton(self.tr("New organisation…"))
        self.new_button.setToolTip(self.tr("Create an organisation"))
        self.new_button.clicked.connect(self.create)
        bottom.addWidget(self.new_button)
        layout.addLayout(bottom)
        return box

    def _build_detail(self) -> QWidget:
        self.detail_stack = QStackedWidget()
        self.no_selection = QLabel(
            self.tr("Select an organisation to see and edit it, and to list its contacts.")
        )
        self.no_selection.setWordWrap(True)
        self.no_selection.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.no_selection.setStyleSheet(MUTED_STYLE + " padding: 24px;")
        self.detail_stack.addWidget(self.no_selection)

        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(4, 0, 0, 0)
        top = QHBoxLayout()
        titles = QVBoxLayout()
        self.title = QLabel()
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        titles.addWidget(self.title)
        self.subtitle = QLabel()
        self.subtitle.setStyleSheet(MUTED_STYLE)
        titles.addWidget(self.subtitle)
        top.addLayout(titles, 1)
        self.merge_button = QPushButton(self.tr("Merge…"))
        self.merge_button.setToolTip(self.tr("Merge another organisation into this one"))
        self.merge_button.clicked.connect(lambda: self.merge())
        top.addWidget(self.merge_button, 0, Qt.AlignmentFlag.AlignTop)
        self.delete_button = QPushButton(self.tr("Delete…"))
        self.delete_button.clicked.connect(lambda: self.delete())
        top.addWidget(self.delete_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(top)

        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        form_page = QWidget()
        form_layout = QVBoxLayout(form_page)
        form_layout.setContentsMargins(0, 8, 0, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        holder = QWidget()
        holder_layout = QVBoxLayout(holder)
        holder_layout.setContentsMargins(4, 0, 8, 0)
        self.form = OrganisationForm()
        self.form.changed.connect(self._form_changed)
        holder_layout.addWidget(self.form)
        holder_layout.addStretch(1)
        scroll.setWidget(holder)
        form_layout.addWidget(scroll, 1)
        self.form_buttons = QDialogButtonBox()
        self.save_button = self.form_buttons.addButton(
            self.tr("Save"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.revert_button = self.form_buttons.addButton(
            self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.form_buttons.accepted.connect(self.save)
        self.form_buttons.rejected.connect(self.revert)
        form_layout.addWidget(self.form_buttons)
        self.tabs.addTab(form_page, self.tr("Details"))

        contacts_page = QWidget()
        contacts_layout = QVBoxLayout(contacts_page)
        contacts_layout.setContentsMargins(0, 8, 0, 0)
        self.contacts_model = OrganisationContactsModel(self)
        self.contacts_table = QTableView()
        self.contacts_table.setModel(self.contacts_model)
        self.contacts_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.contacts_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.contacts_table.setAlternatingRowColors(True)
        self.contacts_table.setWordWrap(False)
        self.contacts_table.verticalHeader().hide()
        self.contacts_table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        contacts_header = self.contacts_table.horizontalHeader()
        contacts_header.setSectionResizeMode(
            OrganisationContactColumn.NAME, QHeaderView.ResizeMode.Interactive
        )
        contacts_header.resizeSection(OrganisationContactColumn.NAME, 140)
        contacts_header.resizeSection(OrganisationContactColumn.JOB_TITLE, 125)
        contacts_header.setSectionResizeMode(
            OrganisationContactColumn.EMAIL, QHeaderView.ResizeMode.Stretch
        )
        contacts_header.setSectionResizeMode(
            OrganisationContactColumn.KIND, QHeaderView.ResizeMode.ResizeToContents
        )
        self.contacts_table.doubleClicked.connect(self._contact_double_clicked)
        self.contacts_stack = QStackedWidget()
        self.contacts_stack.addWidget(self.contacts_table)
        self.contacts_empty = QLabel(
            self.tr(
                "No contact belongs to this organisation yet. Choose it in a contact's "
                "“Organisation” field to attach them."
            )
        )
        self.contacts_empty.setWordWrap(True)
        self.contacts_empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.contacts_empty.setStyleSheet(MUTED_STYLE + " padding: 24px;")
        self.contacts_stack.addWidget(self.contacts_empty)
        contacts_layout.addWidget(self.contacts_stack, 1)
        self.show_in_contacts = QPushButton(self.tr("Show in the Contacts page"))
        self.show_in_contacts.clicked.connect(self._show_in_contacts)
        contacts_layout.addWidget(self.show_in_contacts, 0, Qt.AlignmentFlag.AlignRight)
        self.tabs.addTab(contacts_page, self.tr("Contacts"))
        layout.addWidget(self.tabs, 1)
        self.detail_stack.addWidget(page)
        self.detail_page = page
        return self.detail_stack

    # -- public API -------------------------------------------------------------------------

    def refresh(self, select: int | None = None) -> None:
        """Reload the organisations (off the GUI thread), keeping the selection (and edits in
        progress); ``select`` is selected once they are read."""
        self._stale = False
        if select is not None:
            self._select_after_refresh = select
        organisations = self.services.organisations
        operations.read(self, lambda _p: organisations.all(), self._show_list, key="list")

    def _show_list(self, organisations: list[OrganisationData]) -> None:
        wanted, self._select_after_refresh = self._select_after_refresh, None
        current_id = self._current.id if self._current else None
        self.model.set_organisations(organisations)
        # A column nobody filled in only takes room from the names.
        self.table.setColumnHidden(OrganisationColumn.CITY, not any(o.city for o in organisations))
        self._update_list_state()
        if wanted is not None and self.select(wanted):
            return
        if current_id is not None and self.select(current_id, load=not self._dirty):
            return
        first = self.proxy.index(0, 0)
        if first.isValid():  # show something rather than an empty half page
            self.select(int(first.data(OrganisationTableModel.IdRole)))
        else:
            self._show(None)

    def select(self, org_id: int, load: bool = True) -> bool:
        """Select ``org_id`` in the list (and show it unless ``load`` is False)."""
        row = self.model.row_of(org_id)
        if row < 0:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            return False
        self.table.selectionModel().blockSignals(True)
        self.table.setCurrentIndex(index)
        self.table.selectRow(index.row())
        self.table.selectionModel().blockSignals(False)
        self.table.scrollTo(index)
        if load:
            self._load(org_id)
        return True

    def focus_search(self) -> bool:
        """Ctrl+F while this page is shown (the main window's Find action calls it)."""
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()
        return True

    def shutdown(self) -> None:
        operations.forget(self)

    def status_text(self) -> str:
        return ""

    def selected_id(self) -> int | None:
        return self._current.id if self._current else None

    # Named as the press officer says it; QWidget.create (native window) is not virtual, so
    # Qt never calls this one, and the window never calls QWidget's on a page.
    def create(self) -> int | None:  # type: ignore[override]
        from fiac_press_desk.ui.dialogs.organisation_dialog import OrganisationDialog

        dialog = OrganisationDialog(self.services, self, name=self.search.text().strip())
        if not dialog.exec() or dialog.created_id is None:
            return None
        self.search.clear()
        self.kind_filter.setCurrentIndex(0)
        self.refresh(select=dialog.created_id)
        return dialog.created_id

    def save(self) -> bool:
        """Check the form, then write in the background; False when the form refused."""
        if self._current is None or self._current.id is None:
            return False
        self.form.clear_errors()
        if not self.form.check_now():
            return False
        org_id, data = self._current.id, self.form.data()
        organisations = self.services.organisations
        operations.write(
            self,
            lambda _p: organisations.update(org_id, data),
            lambda _result: self._set_dirty(False),
            changes=("organisations", "contacts"),
            on_error=self._save_failed,
        )
        return True

    def _save_failed(self, error: PressDeskError) -> None:
        if isinstance(error, ValidationError | ConflictError):
            self.form.show_error(error)
        elif isinstance(error, NotFoundError):  # deleted meanwhile
            self._set_dirty(False)
            self.refresh()
        else:
            QMessageBox.warning(self, self.tr("Not saved"), message_of(error))

    def revert(self) -> None:
        self._dirty = False
        if self._current is not None and self._current.id is not None:
            self._load(self._current.id)

    def delete(self, confirm: bool = True) -> bool:
        org = self._current
        if org is None or org.id is None:
            return False
        if confirm:
            text = self.tr("Delete the organisation “%1”?").replace("%1", org.name)
            if org.contact_count:
                text += "\n\n" + self.tr(
                    "Its %n contact(s) are kept, without organisation.", "", org.contact_count
                )
            answer = QMessageBox.question(
                self,
                self.tr("Delete an organisation"),
                text,
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return False
        org_id = org.id
        organisations = self.services.organisations

        def deleted(_result: None) -> None:
            self._current = None
            self._dirty = False

        operations.write(
            self,
            lambda _p: organisations.delete(org_id),
            deleted,
            changes=("organisations", "contacts"),
            on_error=lambda error: QMessageBox.warning(
                self, self.tr("Delete an organisation"), message_of(error)
            ),
        )
        return True

    def merge(self, other_id: int | None = None) -> int | None:
        """Open the merge dialog for the selected organisation; returns the kept id."""
        from fiac_press_desk.ui.dialogs.merge_organisations import MergeOrganisationsDialog

        if self._current is None or self._current.id is None:
            return None
        dialog = MergeOrganisationsDialog(self.services, self._current.id, self, other_id)
        if not dialog.exec() or dialog.kept_id is None:
            return None
        self._dirty = False
        self._current = None
        self.refresh(select=dialog.kept_id)
        return dialog.kept_id

    # -- internals --------------------------------------------------------------------------

    def _show(self, shown: _Shown | None) -> None:
        self._current = org = shown.organisation if shown is not None else None
        self._dirty = False
        if shown is None or org is None:
            self.detail_stack.setCurrentWidget(self.no_selection)
            return
        self.detail_stack.setCurrentWidget(self.detail_page)
        self.title.setText(org.name)
        kind = organisation_types().get(org.kind, str(org.kind))
        self.subtitle.setText(f"{kind} · " + self.tr("%n contact(s)", "", org.contact_count))
        self.form.set_data(org)
        self._set_dirty(False)
        rows = shown.contacts
        self.contacts_model.set_contacts(rows)
        self.contacts_stack.setCurrentWidget(self.contacts_table if rows else self.contacts_empty)
        self.show_in_contacts.setEnabled(bool(rows))
        self.tabs.setTabText(1, self.tr("Contacts (%1)").replace("%1", str(org.contact_count)))

    def _load(self, org_id: int) -> None:
        """Show the organisation and its contacts, read off the GUI thread."""
        services = self.services

        def work(_progress: Progress) -> _Shown:
            return _Shown(
                services.organisations.get(org_id),
                services.contact_queries.rows(
                    ContactFilter(organisation_id=org_id, archived=None), limit=CONTACTS_SHOWN
                ),
            )

        def failed(error: PressDeskError) -> None:
            if isinstance(error, NotFoundError):
                self._show(None)
            else:
                QMessageBox.warning(self, self.tr("Organisations"), message_of(error))

        operations.read(self, work, self._show, key="organisation", on_error=failed)

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        org_id = current.data(OrganisationTableModel.IdRole)
        if self._current is not None and org_id == self._current.id:
            return
        if self._dirty and not self._confirm_discard():
            assert self._current is not None and self._current.id is not None
            self.select(self._current.id, load=False)
            return
        self._load(int(org_id))

    def _confirm_discard(self) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Unsaved changes"),
            self.tr("The changes to this organisation are not saved. Discard them?"),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Discard

    def _form_changed(self) -> None:
        self._set_dirty(True)

    def _set_dirty(self, dirty: bool) -> None:
        self._dirty = dirty
        self.save_button.setEnabled(dirty)
        self.revert_button.setEnabled(dirty)

    def _search_changed(self, text: str) -> None:
        self._filter_keeping_detail(lambda: self.proxy.set_search(text))

    def _kind_changed(self, _index: int) -> None:
        self._filter_keeping_detail(lambda: self.proxy.set_kind(self.kind_filter.currentData()))

    def _filter_keeping_detail(self, change: Callable[[], None]) -> None:
        """Narrow the list without switching the organisation shown (it may be mid-edit)."""
        selection = self.table.selectionModel()
        selection.blockSignals(True)
        try:
            change()
            if self._current is not None and self._current.id is not None:
                row = self.model.row_of(self._current.id)
                index = self.proxy.mapFromSource(self.model.index(row, 0))
                if index.isValid():
                    self.table.setCurrentIndex(index)
                    self.table.selectRow(index.row())
                else:
                    selection.clear()
        finally:
            selection.blockSignals(False)
        self.table.viewport().update()
        self._update_list_state()

    def _update_list_state(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        if total == 0:
            self.list_empty.setText(
                self.tr(
                    "No organisation yet.\n\nCreate one with “New organisation…”, or import "
                    "contacts: their organisations are created along the way."
                )
            )
        elif shown == 0:
            self.list_empty.setText(
                self.tr("No organisation matches this search. Clear it to see them all.")
            )
        self.list_stack.setCurrentWidget(self.table if shown else self.list_empty)
        if shown == total:
            self.count_label.setText(self.tr("%n organisation(s)", "", total))
        else:
            self.count_label.setText(
                self.tr("%1 of %2 organisations")
                .replace("%1", str(shown))
                .replace("%2", str(total))
            )

    def _contact_double_clicked(self, index: QModelIndex) -> None:
        contact_id = self.contacts_model.index(index.row(), 0).data(
            OrganisationContactsModel.IdRole
        )
        if contact_id is not None:
            self.contact_activated.emit(int(contact_id))

    def _show_in_contacts(self) -> None:
        if self._current is not None and self._current.id is not None:
            self.show_contacts_requested.emit(self._current.id)

    def _data_changed(self, area: str) -> None:
        if area not in ("organisations", "contacts", "imports"):
            return
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()
