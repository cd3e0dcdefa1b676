"""The navigation column: the pages, then the distribution lists and tags with their counts.

Picking a list or a tag opens the contacts filtered on it. Contacts dragged from the table and
dropped on a list are added to it (the window turns the drop into an undoable command). Lists
and tags are created, renamed and deleted from the context menu or the "New list" entry. The
lists and tags are read, and written, off the GUI thread (``ui.operations``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QFont,
    QPainter,
    QPalette,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QInputDialog,
    QLineEdit,
    QMenu,
    QMessageBox,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from fiac_press_desk.domain.errors import PressDeskError
from fiac_press_desk.services.hub import Services
from fiac_press_desk.services.labels import NamedGroup
from fiac_press_desk.ui import icons, operations
from fiac_press_desk.ui.errors import message_of
from fiac_press_desk.ui.events import data_events
from fiac_press_desk.ui.i18n import format_number
from fiac_press_desk.ui.operations import Progress
from fiac_press_desk.ui.qtmodels.contacts_model import CONTACT_IDS_MIME, ids_from_mime

COUNT_ROLE = Qt.ItemDataRole.UserRole + 4
KIND_ROLE = Qt.ItemDataRole.UserRole + 1
KEY_ROLE = Qt.ItemDataRole.UserRole + 2
NAME_ROLE = Qt.ItemDataRole.UserRole + 3

PAGE, LIST, TAG, SECTION, NEW_LIST = "page", "list", "tag", "section", "new_list"
PAGE_ICONS = {
    "dashboard": "dashboard",
    "contacts": "contacts",
    "organisations": "organisation",
    "releases": "release",
    "enquiries": "enquiry",
    "coverage": "coverage",
    "duplicates": "merge",
}


@dataclass(frozen=True)
class _Groups:
    lists: list[NamedGroup]
    tags: list[NamedGroup]


class CountDelegate(QStyledItemDelegate):
    """Draws a list's or tag's member count at the right edge of its row, dimmed."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Any) -> None:
        count = index.data(COUNT_ROLE)
        if count is None:
            super().paint(painter, option, index)
            return
        text = str(count)
        width = option.fontMetrics.horizontalAdvance(text) + 12
        full = QStyleOptionViewItem(option)
        self.initStyleOption(full, index)
        widget = option.widget
        style = widget.style() if widget is not None else None
        if style is not None:
            style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, full, painter, widget)
        narrowed = QStyleOptionViewItem(option)
        narrowed.rect = option.rect.adjusted(0, 0, -width, 0)
        super().paint(painter, narrowed, index)
        painter.save()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = (
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.PlaceholderText
        )
        painter.setPen(option.palette.color(role))
        painter.drawText(
            option.rect.adjusted(0, 0, -8, 0),
            int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
            text,
        )
        painter.restore()


class Sidebar(QTreeWidget):
    """The pages, then the lists and the tags with how many contacts each has."""

    page_requested = Signal(str)
    list_requested = Signal(int)
    tag_requested = Signal(int)
    contacts_dropped = Signal(int, str, list)  # list id, list name, contact ids

    def __init__(self, services: Services, pages: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._pages = pages
        self._page_items: dict[str, QTreeWidgetItem] = {}
        self._lists_section = QTreeWidgetItem()
        self._tags_section = QTreeWidgetItem()
        self._updating = False
        self._wanted: tuple[str, object] | None = None  # to select once the lists are read
        self.setObjectName("Sidebar")
        self.setColumnCount(1)
        self.setHeaderHidden(True)
        self.setRootIsDecorated(False)
        self.setIndentation(10)
        self.setUniformRowHeights(True)
        self.setFrameShape(QTreeWidget.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setAcceptDrops(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)
        self.setDropIndicatorShown(True)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.setAccessibleName(self.tr("Navigation"))
        self.setMinimumWidth(160)
        self.setItemDelegate(CountDelegate(self))
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Base, palette.color(QPalette.ColorRole.Window))
        self.setPalette(palette)
        self.setStyleSheet("QTreeWidget#Sidebar::item { padding: 4px 2px; }")
        self._build()
        self.itemSelectionChanged.connect(self._on_selection)
        self.itemActivated.connect(self._on_activated)
        self.customContextMenuRequested.connect(self._context_menu)
        data_events().changed.connect(self._on_data_changed)
        self.refresh(first=True)

    # -- building ---------------------------------------------------------------------------

    def _page_titles(self) -> dict[str, str]:
        return {
            "dashboard": self.tr("Dashboard"),
            "contacts": self.tr("Contacts"),
            "organisations": self.tr("Organisations"),
            "releases": self.tr("Press releases"),
            "enquiries": self.tr("Press enquiries"),
            "coverage": self.tr("Press coverage"),
            "duplicates": self.tr("Duplicates"),
        }

    def _build(self) -> None:
        titles = self._page_titles()
        for name in self._pages:
            item = QTreeWidgetItem([titles.get(name, name)])
            item.setIcon(0, icons.icon(PAGE_ICONS.get(name, "list")))
            item.setData(0, KIND_ROLE, PAGE)
            item.setData(0, KEY_ROLE, name)
            self.addTopLevelItem(item)
            self._page_items[name] = item
        self._lists_section = self._section(self.tr("Distribution lists"))
        self._tags_section = self._section(self.tr("Tags"))
        self._lists_section.setExpanded(True)
        self._tags_section.setExpanded(True)

    def _section(self, title: str) -> QTreeWidgetItem:
        spacer = QTreeWidgetItem([""])
        spacer.setFlags(Qt.ItemFlag.NoItemFlags)
        spacer.setData(0, KIND_ROLE, SECTION)
        self.addTopLevelItem(spacer)
        item = QTreeWidgetItem([title.upper()])
        item.setFlags(Qt.ItemFlag.ItemIsEnabled)
        item.setData(0, KIND_ROLE, SECTION)
        font = QFont(self.font())
        font.setBold(True)
        font.setPointSizeF(max(7.0, font.pointSizeF() * 0.85))
        item.setFont(0, font)
        item.setForeground(0, self.palette().color(QPalette.ColorRole.PlaceholderText))
        self.addTopLevelItem(item)
        return item

    def refresh(self, first: bool = False) -> None:
        """Re-read lists and tags with their counts (off the GUI thread), keeping what was
        selected. The first time, the page's own reads (the contacts) go before."""
        services = self._services
        operations.read(
            self,
            lambda _p: _Groups(services.lists.all(), services.tags.all()),
            self._show_groups,
            key="groups",
            priority=-1 if first else 0,
        )

    def _show_groups(self, groups: _Groups) -> None:
        kind, key = self._wanted or self.current_target()
        self._wanted = None
        self._updating = True
        try:
            self._fill(
                self._lists_section,
                LIST,
                [(g.id, g.name, g.count, g.description) for g in groups.lists],
                "list",
                self.tr("No list yet"),
            )
            new = QTreeWidgetItem([self.tr("New list…")])
            new.setIcon(0, icons.icon("add"))
            new.setData(0, KIND_ROLE, NEW_LIST)
            new.setForeground(0, self.palette().color(QPalette.ColorRole.PlaceholderText))
            new.setToolTip(0, self.tr("Create a distribution list"))
            self._lists_section.addChild(new)
            self._fill(
                self._tags_section,
                TAG,
                [(g.id, g.name, g.count, "") for g in groups.tags],
                "tag",
                self.tr("No tag yet"),
            )
            if kind is not None:
                self._select(kind, key)
        finally:
            self._updating = False

    def _fill(
        self,
        section: QTreeWidgetItem,
        kind: str,
        groups: list[tuple[int, str, int, str]],
        icon_name: str,
        empty_text: str,
    ) -> None:
        section.takeChildren()
        for group_id, name, count, description in groups:
            item = QTreeWidgetItem([name])
            item.setData(0, COUNT_ROLE, format_number(count))
            item.setIcon(0, icons.icon(icon_name))
            item.setData(0, KIND_ROLE, kind)
            item.setData(0, KEY_ROLE, group_id)
            item.setData(0, NAME_ROLE, name)
            tip = description or name
            if kind == LIST:
                tip = self.tr("%1 — drop contacts here to add them").replace("%1", tip)
            item.setToolTip(0, tip)
            section.addChild(item)
        if not groups and kind == TAG:
            empty = QTreeWidgetItem([empty_text])
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            empty.setData(0, KIND_ROLE, SECTION)
            section.addChild(empty)

    # -- selection --------------------------------------------------------------------------

    def current_target(self) -> tuple[str | None, object]:
        items = self.selectedItems()
        if not items:
            return None, None
        return items[0].data(0, KIND_ROLE), items[0].data(0, KEY_ROLE)

    def _select(self, kind: str, key: object) -> None:
        item = self._find(kind, key)
        if item is None:
            self.clearSelection()
        else:
            self.setCurrentItem(item)

    def _find(self, kind: str, key: object) -> QTreeWidgetItem | None:
        for item in self._all_items():
            if item.data(0, KIND_ROLE) == kind and item.data(0, KEY_ROLE) == key:
                return item
        return None

    def select_page(self, name: str) -> None:
        self._quietly(lambda: self._select(PAGE, name))

    def select_list(self, list_id: int) -> None:
        self._quietly(lambda: self._select_or_wait(LIST, list_id))

    def select_tag(self, tag_id: int) -> None:
        self._quietly(lambda: self._select_or_wait(TAG, tag_id))

    def _select_or_wait(self, kind: str, key: int) -> None:
        """Select the list or tag; one not read yet (just created) is selected once it is."""
        self._wanted = None
        if self._find(kind, key) is None:
            self._wanted = (kind, key)
        self._select(kind, key)

    def _quietly(self, fn: Callable[[], None]) -> None:
        self._updating = True
        try:
            fn()
        finally:
            self._updating = False

    def _all_items(self) -> list[QTreeWidgetItem]:
        out: list[QTreeWidgetItem] = []
        for i in range(self.topLevelItemCount()):
            top = self.topLevelItem(i)
            if top is None:
                continue
            out.append(top)
            out += [child for j in range(top.childCount()) if (child := top.child(j)) is not None]
        return out

    def list_item(self, list_id: int) -> QTreeWidgetItem | None:
        return self._find(LIST, list_id)

    def page_item(self, name: str) -> QTreeWidgetItem | None:
        return self._page_items.get(name)

    def _on_selection(self) -> None:
        if self._updating:
            return
        kind, key = self.current_target()
        if kind == PAGE:
            self.page_requested.emit(str(key))
        elif kind == LIST and isinstance(key, int):
            self.list_requested.emit(key)
        elif kind == TAG and isinstance(key, int):
            self.tag_requested.emit(key)
        elif kind == NEW_LIST:
            self.create_list()

    def _on_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        if item.data(0, KIND_ROLE) == NEW_LIST:
            self.create_list()

    def _on_data_changed(self, area: str) -> None:
        if area in ("lists", "tags", "contacts", "imports"):
            self.refresh()

    # -- drops of contacts on a list --------------------------------------------------------

    def _list_at(self, pos: QPoint) -> QTreeWidgetItem | None:
        item = self.itemAt(pos)
        if item is not None and item.data(0, KIND_ROLE) == LIST:
            return item
        return None

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasFormat(CONTACT_IDS_MIME):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        item = self._list_at(event.position().toPoint())
        if item is not None and event.mimeData().hasFormat(CONTACT_IDS_MIME):
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept(self.visualItemRect(item))
            self.setCurrentItem(item)  # shows where the contacts will land
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        item = self._list_at(event.position().toPoint())
        ids = ids_from_mime(event.mimeData())
        if item is None or not ids:
            event.ignore()
            return
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()
        self.contacts_dropped.emit(int(item.data(0, KEY_ROLE)), str(item.data(0, NAME_ROLE)), ids)

    # -- creating, renaming, deleting lists and tags ----------------------------------------

    def _context_menu(self, pos: QPoint) -> None:
        item = self.itemAt(pos)
        kind = item.data(0, KIND_ROLE) if item is not None else None
        menu = QMenu(self)
        menu.addAction(icons.icon("add"), self.tr("New list…"), self.create_list)
        menu.addAction(icons.icon("tag"), self.tr("New tag…"), self.create_tag)
        if item is not None and kind in (LIST, TAG):
            menu.addSeparator()
            rename = QAction(self.tr("Rename…"), menu)
            rename.triggered.connect(lambda: self.rename(item))
            menu.addAction(rename)
            remove = QAction(icons.icon("delete"), self.tr("Delete…"), menu)
            remove.triggered.connect(lambda: self.delete(item))
            menu.addAction(remove)
        menu.exec(self.viewport().mapToGlobal(pos))

    def _ask_name(self, title: str, label: str, text: str = "") -> str | None:
        name, ok = QInputDialog.getText(self, title, label, QLineEdit.EchoMode.Normal, text)
        name = " ".join(name.split())
        return name if ok and name else None

    def _report(self, exc: PressDeskError) -> None:
        QMessageBox.warning(self, self.tr("Not saved"), message_of(exc))

    def create_list(self) -> operations.Operation[int] | None:
        """Ask for a name and create the list; its contacts (none yet) are shown."""
        name = self._ask_name(self.tr("New distribution list"), self.tr("Name of the list:"))
        if name is None:
            self.select_page("contacts")
            return None
        lists = self._services.lists
        return operations.write(
            self,
            lambda _p: lists.create(name),
            self._list_created,
            changes=("lists",),
            on_error=self._report,
        )

    def _list_created(self, list_id: int) -> None:
        self.select_list(list_id)
        self.list_requested.emit(list_id)

    def create_tag(self) -> operations.Operation[int] | None:
        name = self._ask_name(self.tr("New tag"), self.tr("Name of the tag:"))
        if name is None:
            return None
        tags = self._services.tags
        return operations.write(
            self, lambda _p: tags.create(name), changes=("tags",), on_error=self._report
        )

    def rename(self, item: QTreeWidgetItem) -> None:
        kind, key = item.data(0, KIND_ROLE), int(item.data(0, KEY_ROLE))
        old = str(item.data(0, NAME_ROLE))
        title = self.tr("Rename the list") if kind == LIST else self.tr("Rename the tag")
        name = self._ask_name(title, self.tr("New name:"), old)
        if name is None or name == old:
            return
        services = self._services

        def work(_progress: Progress) -> None:
            if kind == LIST:
                services.lists.rename(key, name)
            else:
                services.tags.rename(key, name)

        # A tag's new name shows in the contacts table's tags column too.
        changes = ("lists",) if kind == LIST else ("tags", "contacts")
        operations.write(self, work, changes=changes, on_error=self._report)

    def delete(self, item: QTreeWidgetItem) -> None:
        kind, key = item.data(0, KIND_ROLE), int(item.data(0, KEY_ROLE))
        name = str(item.data(0, NAME_ROLE))
        if kind == LIST:
            question = self.tr(
                "Delete the distribution list “%1”? The contacts stay, only the list goes."
            )
        else:
            question = self.tr("Delete the tag “%1”? It is removed from every contact.")
        answer = QMessageBox.question(
            self,
            self.tr("Delete"),
            question.replace("%1", name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        services = self._services

        def work(_progress: Progress) -> None:
            if kind == LIST:
                services.lists.delete(key)
            else:
                services.tags.delete(key)

        def deleted(_result: None) -> None:
            self.select_page("contacts")
            self.page_requested.emit("contacts")

        operations.write(
            self,
            work,
            deleted,
            changes=("lists" if kind == LIST else "tags", "contacts"),
            on_error=self._report,
        )
