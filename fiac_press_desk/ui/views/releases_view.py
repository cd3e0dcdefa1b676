"""Communiqués: every press release with its date, status, embargo and number of recipients;
a release opens on its own page (form and recipients)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
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

from fiac_press_desk.services.hub import Services
from fiac_press_desk.services.releases import ReleaseRow
from fiac_press_desk.ui import formatting, icons, labels, operations
from fiac_press_desk.ui.errors import short_message
from fiac_press_desk.ui.events import data_events
from fiac_press_desk.ui.qtmodels.release_table_model import ReleaseColumn, ReleaseTableModel
from fiac_press_desk.ui.views.empty_guidance import releases_guidance
from fiac_press_desk.ui.views.release_page import ReleasePage


class _StatusFilter(QSortFilterProxyModel):
    """Text search over every column plus a status choice."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.status = ""
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterKeyColumn(-1)
        self.setSortRole(ReleaseTableModel.SortRole)

    def set_status(self, status: str) -> None:
        self.beginFilterChange()
        self.status = status
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(
        self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        if self.status:
            index = self.sourceModel().index(source_row, 0, source_parent)
            if index.data(ReleaseTableModel.StatusRole) != self.status:
                return False
        return super().filterAcceptsRow(source_row, source_parent)


class ReleasesView(QWidget):
    """The releases page: the list, and one release's page in its place."""

    LIST_PAGE, RELEASE_PAGE = 0, 1

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.setObjectName("ReleasesView")

        # -- list page ----------------------------------------------------------------------
        title = QLabel(self.tr("Press releases"), self)
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        title.setFont(font)
        self.new_button = QPushButton(icons.icon("add"), self.tr("New release"), self)
        self.new_button.clicked.connect(self.start_new)
        self.open_button = QPushButton(icons.icon("edit"), self.tr("Open"), self)
        self.open_button.clicked.connect(self.open_current)
        self.delete_button = QPushButton(icons.icon("delete"), self.tr("Delete"), self)
        self.delete_button.clicked.connect(self.delete_current)
        self.smtp_button = QPushButton(icons.icon("mail-copy"), self.tr("Sending settings…"), self)
        self.smtp_button.setToolTip(self.tr("Mail server and sender identity of the press office"))
        self.smtp_button.clicked.connect(self.edit_smtp_settings)
        top = QHBoxLayout()
        top.addWidget(title)
        top.addStretch(1)
        top.addWidget(self.new_button)
        top.addWidget(self.open_button)
        top.addWidget(self.delete_button)
        top.addSpacing(12)
        top.addWidget(self.smtp_button)

        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search a title or a reference"))
        self.search.setClearButtonEnabled(True)
        self.status_filter = QComboBox(self)
        self.status_filter.addItem(self.tr("All statuses"), "")
        for value, text in labels.release_statuses().items():
            self.status_filter.addItem(text, str(value))
        filters = QHBoxLayout()
        filters.addWidget(self.search, 1)
        filters.addWidget(self.status_filter)

        self.model = ReleaseTableModel(self)
        self.proxy = _StatusFilter(self)
        self.proxy.setSourceModel(self.model)
        self.search.textChanged.connect(self.proxy.setFilterFixedString)
        self.status_filter.currentIndexChanged.connect(
            lambda _i: self.proxy.set_status(str(self.status_filter.currentData() or ""))
        )
        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(ReleaseColumn.DATE, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().setVisible(False)
        self.table.doubleClicked.connect(lambda _index: self.open_current())
        self.table.activated.connect(lambda _index: self.open_current())
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        for column, width in (
            (ReleaseColumn.DATE, 110),
            (ReleaseColumn.REFERENCE, 100),
            (ReleaseColumn.STATUS, 90),
            (ReleaseColumn.EMBARGO, 140),
            (ReleaseColumn.RECIPIENTS, 130),
        ):
            header.resizeSection(column, width)
        header.setSectionResizeMode(ReleaseColumn.TITLE, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        self.count_label = QLabel(self)
        self.message_label = QLabel(self)
        self.message_label.setStyleSheet(f"color: {labels.RED.name()};")
        self.message_label.setWordWrap(True)

        list_page = QWidget(self)
        list_layout = QVBoxLayout(list_page)
        list_layout.setContentsMargins(0, 0, 0, 0)
        list_layout.addLayout(top)
        list_layout.addLayout(filters)
        # No release yet: what to do here, not a blank table (empty_guidance).
        self.guidance = releases_guidance(self, self.start_new)
        self.list_stack = QStackedWidget(self)
        self.list_stack.addWidget(self.table)
        self.list_stack.addWidget(self.guidance)
        list_layout.addWidget(self.list_stack, 1)
        list_layout.addWidget(self.message_label)
        list_layout.addWidget(self.count_label)

        # -- release page -------------------------------------------------------------------
        self.page = ReleasePage(services, self)
        self.page.back_requested.connect(self.show_list)

        self.stack = QStackedWidget(self)
        self.stack.addWidget(list_page)
        self.stack.addWidget(self.page)
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack)

        data_events().changed.connect(self._data_changed)
        self._update_buttons()

    # -- page contract ------------------------------------------------------------------------

    def refresh(self, select: int | None = None) -> None:
        """Reload the list (and the open release, if one is open), off the GUI thread;
        ``select`` is selected once it is read."""
        releases = self._services.releases
        operations.read(
            self, lambda _p: releases.rows(), lambda rows: self._show_rows(rows, select), key="rows"
        )

    def _show_rows(self, rows: list[ReleaseRow], select: int | None) -> None:
        current = select if select is not None else self.current_release_id()
        self.model.set_rows(rows)
        self._show_count(rows)
        if current is not None:
            self.select_release(current)
        elif self.proxy.rowCount():
            self.table.selectRow(0)
        if self.stack.currentIndex() == self.RELEASE_PAGE:
            self.page.reload()
        self._update_buttons()

    def shutdown(self) -> None:
        operations.forget(self)

    def status_text(self) -> str:
        return ""

    def focus_search(self) -> bool:
        return False  # Ctrl+F goes to the contacts

    def _data_changed(self, area: str) -> None:
        if area in ("releases", "contacts", "lists", "tags", "organisations") and self.isVisible():
            self.refresh()

    def _show_count(self, rows: list[ReleaseRow]) -> None:
        none = not rows
        self.list_stack.setCurrentWidget(self.guidance if none else self.table)
        for widget in (self.search, self.status_filter, self.count_label, self.open_button):
            widget.setVisible(not none)
        self.delete_button.setVisible(not none)
        self.count_label.setText(
            formatting.count_text(
                len(rows), self.tr("%1 press release"), self.tr("%1 press releases")
            )
        )

    # -- navigation ---------------------------------------------------------------------------

    def current_release_id(self) -> int | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        value = index.data(ReleaseTableModel.IdRole)
        return int(value) if value is not None else None

    def select_release(self, release_id: int) -> None:
        row = self.model.row_of(release_id)
        if row < 0:
            return
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if index.isValid():
            self.table.selectRow(index.row())
            self.table.scrollTo(index)

    def open_release(self, release_id: int, tab: int | None = None) -> None:
        self.page.show_release(release_id, tab)
        self.stack.setCurrentIndex(self.RELEASE_PAGE)

    def open_current(self) -> None:
        release_id = self.current_release_id()
        if release_id is not None:
            self.open_release(release_id)

    def start_new(self) -> None:
        self.page.start_new()
        self.stack.setCurrentIndex(self.RELEASE_PAGE)

    def show_list(self) -> None:
        self.stack.setCurrentIndex(self.LIST_PAGE)
        self.refresh(select=self.page.release_id())

    # -- actions ------------------------------------------------------------------------------

    def delete_current(self) -> None:
        release_id = self.current_release_id()
        row = self.model.release_row(self.model.row_of(release_id)) if release_id else None
        if row is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Delete the release"),
            self.tr("Delete « %1 »? Its text and attachments will be lost.").replace(
                "%1", row.title
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.message_label.setText("")
        releases, release_id = self._services.releases, row.id
        operations.write(
            self,
            lambda _p: releases.delete(release_id),
            changes=("releases",),
            on_error=lambda error: self.message_label.setText(short_message(error)),
        )

    def edit_smtp_settings(self) -> None:
        from fiac_press_desk.ui.dialogs.smtp_settings_dialog import SmtpSettingsDialog

        SmtpSettingsDialog(self._services, self).open()

    def _update_buttons(self) -> None:
        has = self.current_release_id() is not None
        self.open_button.setEnabled(has)
        self.delete_button.setEnabled(has)
