"""The contacts table: every filtered contact in the database order, rows fetched as they show.

Filtering and sorting happen in the database (``services.contact_queries``). A query returns
the ordered ids (and the rows of the screen the view shows), off the GUI thread through
``ui.operations``; ``rowCount`` is their number, so the scroll bar is right from the start.
Other rows are read a page at a time, also off the GUI thread, when the view first asks for
a row of that page (the cells stay blank the few milliseconds that takes), and kept in a
bounded cache keyed by page: scrolling 100 000 contacts stays smooth and the memory flat.
Selections work on ids, never on rows, so a bulk action on 100 000 selected contacts loads
none of them.

The first query of all (the window opening) reads the screen's rows alone first, with a
LIMIT the name-order index answers in milliseconds, and the whole id list after: the rows
show while the 100 000 ids are still being read, then the rest are appended below them
(``loaded`` is emitted once the list is whole).

Reloads asked for inside ``gathered()`` run as one query when the block ends: the page,
built and then given its saved filter and sort, asked three times, and the first query's
100 000 ids were read for nothing (0.1-0.15 s of the launch).
"""

from __future__ import annotations

import json
from collections import OrderedDict
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QByteArray,
    QMimeData,
    QModelIndex,
    QModelRoleData,
    QModelRoleDataSpan,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette

from fiac_press_desk.services.contact_queries import ContactFilter, ContactRow, SortKey
from fiac_press_desk.services.hub import Services
from fiac_press_desk.ui import formatting, icons, operations
from fiac_press_desk.ui.errors import message_of
from fiac_press_desk.ui.labels import contact_kinds
from fiac_press_desk.ui.operations import Progress
from fiac_press_desk.ui.qtmodels.table_base import IndexLike, TableHeaders

CONTACT_IDS_MIME = "application/x-fiac-press-desk-contact-ids"

_ModelIndex = QModelIndex | QPersistentModelIndex


def ids_to_mime(ids: list[int]) -> QMimeData:
    mime = QMimeData()
    mime.setData(CONTACT_IDS_MIME, QByteArray(json.dumps(ids).encode()))
    return mime


def ids_from_mime(mime: QMimeData) -> list[int]:
    if not mime.hasFormat(CONTACT_IDS_MIME):
        return []
    try:
        raw = json.loads(bytes(mime.data(CONTACT_IDS_MIME).data()).decode())
    except ValueError:
        return []
    return [int(i) for i in raw if isinstance(i, int)]


@dataclass(frozen=True, slots=True)
class _Line:
    """A row as the table shows it: the cells are worked out once, when the page loads."""

    row: ContactRow
    cells: tuple[str, ...]


@dataclass(frozen=True)
class QueryResult:
    """A query's answer: the ids in order, the database-wide count, the screen's rows."""

    generation: int
    ids: list[int]
    total: int  # every contact in the database, archived included; -1: not counted this time
    pages: dict[int, list[ContactRow]]  # the pages the view shows, read with the ids
    complete: bool = True  # False: the first rows only, the whole list on its way


@dataclass(frozen=True)
class _PageResult:
    generation: int
    page: int
    rows: list[ContactRow]


class ContactColumn(IntEnum):
    """The columns of the contacts table, in order."""

    NAME = 0
    ORGANISATION = 1
    JOB_TITLE = 2
    EMAIL = 3
    PHONE = 4
    KIND = 5
    TAGS = 6
    LAST_RELEASE = 7
    OPTED_OUT = 8


class ContactsModel(TableHeaders):
    """Lazy, database-sorted table of contacts; see the module docstring."""

    Columns = ContactColumn
    COLUMN_COUNT = len(ContactColumn)
    IdRole = Qt.ItemDataRole.UserRole + 1  # the contact's id (int)
    RowRole = Qt.ItemDataRole.UserRole + 2  # the ContactRow, or None while its page loads
    SORTABLE: dict[int, SortKey] = {
        ContactColumn.NAME: SortKey.NAME,
        ContactColumn.ORGANISATION: SortKey.ORGANISATION,
        ContactColumn.JOB_TITLE: SortKey.JOB_TITLE,
        ContactColumn.KIND: SortKey.KIND,
    }
    PAGE_SIZE = 50  # a screen and a half: what a query reads with the ids
    MAX_PAGES = 40  # at most 2 000 rows kept in memory

    loading = Signal()
    loaded = Signal(int)  # number of rows now shown
    failed = Signal(str)

    def __init__(self, services: Services, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._services = services
        # read once: data() asks for a kind's label on every repaint of the column
        self._kind_labels: dict[str, str] = {str(k): v for k, v in contact_kinds().items()}
        self._filter = ContactFilter()
        self._sort = SortKey.NAME
        self._descending = False
        self._ids: list[int] = []
        self._row_of: dict[int, int] | None = None
        self._pages: OrderedDict[int, list[_Line | None]] = OrderedDict()
        self._total = 0
        self._generation = 0
        self._pending = False
        self._busy = False
        self._loaded_once = False
        self._shown_generation = -1
        self._total_stale = True  # the database-wide count is read again only after writes
        self._visible = (0, -1)  # rows the view shows (``set_visible_rows``), read with the ids
        self._stale_pages: set[int] = set()  # shown as they were until read again
        self._loading_pages: set[int] = set()
        self._complete = True  # False while only the first screen's ids are known
        self._gathering = 0  # inside ``gathered()``: reloads wait for the end of the block
        self._wanted = False  # a reload was asked for meanwhile

    # -- what to show ---------------------------------------------------------------------

    def contact_filter(self) -> ContactFilter:
        return replace(self._filter)

    def set_filter(self, flt: ContactFilter) -> None:
        self._filter = replace(flt)
        self.reload()

    def sort_key(self) -> tuple[SortKey, bool]:
        return self._sort, self._descending

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = self.SORTABLE.get(column)
        if key is None:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        # The same order, already shown or on its way (the saved sort restored at start):
        # asking again would run the 100 000-row query twice before the first rows show.
        if (key, descending) == (self._sort, self._descending) and (
            self._loaded_once or self._busy
        ):
            return
        self._sort, self._descending = key, descending
        self.reload()

    def total(self) -> int:
        """Every contact in the database, whatever the filter (0: show the empty state)."""
        return self._total

    def is_loaded(self) -> bool:
        """The rows shown answer the latest filter and sort (no query on its way)."""
        return self._loaded_once and self._complete and self._shown_generation == self._generation

    def set_visible_rows(self, first: int, last: int) -> None:
        """The rows the view shows: a query reads their contents along with the ids, so
        that the table paints the new rows at once, without a blank frame."""
        self._visible = (max(0, first), last)

    # -- loading ----------------------------------------------------------------------------

    def reload(self, data_changed: bool = False) -> None:
        """Ask the database again (filter, sort or data changed); the old rows stay until then."""
        self._generation += 1
        self._total_stale = self._total_stale or data_changed
        if self._busy:
            self._pending = True  # only the newest query runs once this one is done
            return
        if self._gathering:
            self._wanted = True
            return
        self._start()

    @contextmanager
    def gathered(self) -> Iterator[None]:
        """The reloads asked for inside the block run as one query, when it ends."""
        self._gathering += 1
        try:
            yield
        finally:
            self._gathering -= 1
            if not self._gathering and self._wanted:
                self._wanted = False
                if not self._busy:  # else: pending, run once the query on its way is done
                    self._start()

    def _start(self) -> None:
        self._busy, self._pending = True, False
        generation, flt, sort, descending = (
            self._generation,
            replace(self._filter),
            self._sort,
            self._descending,
        )
        queries = self._services.contact_queries
        count_all = self._total_stale
        first, last = self._visible
        size = self.PAGE_SIZE
        wanted_pages = range(first // size, last // size + 1) if last >= first else range(0)
        # Opening the window: the screen's rows first (see the module docstring).
        head = (max(wanted_pages.stop, 1) * size) if not self._loaded_once else None

        def work(_progress: Progress) -> QueryResult:
            ids = queries.ids(flt, sort, descending, limit=head)
            complete = head is None or len(ids) < head
            total = queries.count(ContactFilter(archived=None)) if count_all else -1
            pages = {
                page: queries.rows_by_id(ids[page * size : (page + 1) * size])
                for page in wanted_pages
                if page * size < len(ids)
            }
            return QueryResult(generation, ids, total, pages, complete)

        self.loading.emit()
        # What the press officer looks at: before the sidebar's counts and the pickers.
        query = operations.read(
            self, work, self._on_result, key="query", on_error=self._on_query_failed, priority=1
        )
        query.finished.connect(self._on_finished)

    def _on_result(self, result: QueryResult) -> None:
        if result.generation != self._generation:
            return  # a newer query is on its way
        if not self._complete and result.complete and self._continues(result):
            self._append_rest(result)
            return
        self.beginResetModel()
        self._complete = result.complete
        self._shown_generation = result.generation
        self._ids = result.ids
        self._row_of = None
        self._pages.clear()
        self._stale_pages.clear()
        self._loading_pages.clear()
        for page, rows in result.pages.items():
            self._store_page(page, rows)
        self._take_total(result)
        self._loaded_once = True
        self.endResetModel()
        if self._complete:
            self.loaded.emit(len(self._ids))

    def _continues(self, result: QueryResult) -> bool:
        """``result`` is the whole list of the first rows shown (same query, same start)."""
        shown = len(self._ids)
        return result.generation == self._shown_generation and result.ids[:shown] == self._ids

    def _append_rest(self, result: QueryResult) -> None:
        """The whole list after the first rows: appended below them, so what is on screen,
        the scroll position and a selection made meanwhile stay as they are."""
        start = len(self._ids)
        if len(result.ids) > start:
            self.beginInsertRows(QModelIndex(), start, len(result.ids) - 1)
            self._ids = result.ids
            self._row_of = None
            self.endInsertRows()
        self._complete = True
        self._take_total(result)
        self.loaded.emit(len(self._ids))

    def _take_total(self, result: QueryResult) -> None:
        if result.total >= 0:  # counted this time
            self._total = result.total
            self._total_stale = False

    def _on_query_failed(self, error: Exception) -> None:
        self._complete = True  # the first rows stay; the rest is not asked for again and again
        self._on_failed(error)

    def _on_failed(self, error: Exception) -> None:
        self.failed.emit(message_of(error))

    def _on_finished(self) -> None:
        self._busy = False
        if self._pending or not self._complete:
            self._start()  # the newest query, or the whole list after the first rows

    def invalidate_rows(self, ids: list[int] | None = None) -> None:
        """Read cached row contents again (of ``ids``, or all); they show as they were until
        the new ones arrive."""
        wanted = None if ids is None else set(ids)
        for page, rows in self._pages.items():
            if wanted is None or any(line is not None and line.row.id in wanted for line in rows):
                self._stale_pages.add(page)
        if self._ids:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._ids) - 1, self.COLUMN_COUNT - 1)
            )

    def _line(self, row: int) -> _Line | None:
        page = row // self.PAGE_SIZE
        rows = self._pages.get(page)
        if rows is None or page in self._stale_pages:
            self._fetch(page)
        if rows is None:
            return None
        self._pages.move_to_end(page)
        offset = row - page * self.PAGE_SIZE
        return rows[offset] if offset < len(rows) else None

    def _fetch(self, page: int) -> None:
        """Read one page of rows in the background; the view repaints it when it comes."""
        if page in self._loading_pages:
            return
        self._loading_pages.add(page)
        start = page * self.PAGE_SIZE
        chunk = self._ids[start : start + self.PAGE_SIZE]
        generation = self._shown_generation
        queries = self._services.contact_queries
        operations.read(
            self,
            lambda _p: _PageResult(generation, page, queries.rows_by_id(chunk)),
            self._on_page,
            key=f"page {page}",
            on_error=self._on_failed,
        )

    def _on_page(self, result: _PageResult) -> None:
        if result.generation != self._shown_generation:
            return  # rows of an older query: the page is asked again if still shown
        self._loading_pages.discard(result.page)
        self._stale_pages.discard(result.page)
        self._store_page(result.page, result.rows)
        first = result.page * self.PAGE_SIZE
        last = min(first + self.PAGE_SIZE, len(self._ids)) - 1
        if last >= first:
            self.dataChanged.emit(self.index(first, 0), self.index(last, self.COLUMN_COUNT - 1))

    def _store_page(self, page: int, rows: list[ContactRow]) -> None:
        start = page * self.PAGE_SIZE
        found = {r.id: r for r in rows}
        self._pages[page] = [
            None if item is None else _Line(item, self._cells(item))
            for item in (found.get(i) for i in self._ids[start : start + self.PAGE_SIZE])
        ]
        self._pages.move_to_end(page)
        while len(self._pages) > self.MAX_PAGES:
            oldest, _rows = self._pages.popitem(last=False)
            self._stale_pages.discard(oldest)

    def is_row_read(self, row: int) -> bool:
        """The row's contents are here (its page was read), without asking for them."""
        rows = self._pages.get(row // self.PAGE_SIZE)
        return rows is not None and (row // self.PAGE_SIZE) not in self._stale_pages

    def cached_pages(self) -> int:
        return len(self._pages)

    # -- ids and rows -----------------------------------------------------------------------

    def contact_id(self, row: int) -> int:
        return self._ids[row]

    def ids(self) -> list[int]:
        return list(self._ids)

    def row_of(self, contact_id: int) -> int | None:
        if self._row_of is None:
            self._row_of = {cid: i for i, cid in enumerate(self._ids)}
        return self._row_of.get(contact_id)

    def contact_row(self, row: int) -> ContactRow | None:
        """The row's contents if its page is read (else None, and the page is asked for)."""
        line = self._line(row) if 0 <= row < len(self._ids) else None
        return None if line is None else line.row

    # -- Qt model API ---------------------------------------------------------------------

    def rowCount(self, parent: _ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: _ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMN_COUNT

    # headerData: TableHeaders, from the three methods below.

    def headers(self) -> list[str]:
        return [
            self.tr("Name"),
            self.tr("Organisation / outlet"),
            self.tr("Job title"),
            self.tr("Main email"),
            self.tr("Main phone"),
            self.tr("Type"),
            self.tr("Tags"),
            self.tr("Last release received"),
            "",  # the opted-out column shows an icon and a tooltip
        ]

    def header_tips(self) -> dict[int, str]:
        return {
            self.Columns.OPTED_OUT: self.tr("Opted out: receives nothing from the press office"),
            self.Columns.LAST_RELEASE: self.tr("The last press release sent to this contact"),
        }

    def header_icon(self, section: int) -> Any:
        return icons.icon("opted-out") if section == self.Columns.OPTED_OUT else None

    def kind_label(self, kind: str) -> str:
        return self._kind_labels.get(kind, kind)

    def flags(self, index: _ModelIndex) -> Qt.ItemFlag:
        return _ITEM_FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags

    def data(self, index: _ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row, column = index.row(), index.column()
        if not 0 <= row < len(self._ids) or not 0 <= column < self.COLUMN_COUNT:
            return None
        wanted = role == _DISPLAY or role in _ROW_ROLES  # the ids alone answer the others
        return self._value(self._line(row) if wanted else None, row, column, role)

    def multiData(
        self, index: IndexLike, roleDataSpan: QModelRoleDataSpan | QModelRoleData
    ) -> None:
        """Every role a painted cell is asked for, its row found once (the view asks seven
        roles of each of some three hundred cells at each repaint)."""
        row, column = index.row(), index.column()
        if not 0 <= row < len(self._ids) or not 0 <= column < self.COLUMN_COUNT:
            return
        items: Any = [roleDataSpan] if isinstance(roleDataSpan, QModelRoleData) else roleDataSpan
        line = self._line(row)
        for i in range(len(items)):
            item = items[i]
            value = self._value(line, row, column, item.role())
            if value is not None:
                item.setData(value)

    def _value(self, line: _Line | None, row: int, column: int, role: int) -> Any:
        # Called some thousand times per repaint: the common case comes first and cheap.
        if role == _DISPLAY:
            return None if line is None else line.cells[column]
        if role == self.IdRole:
            return self._ids[row]
        if line is None or role not in _ROW_ROLES:
            return None
        item = line.row
        if role == self.RowRole:
            return item
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(item, column)
        if role == Qt.ItemDataRole.DecorationRole:
            if column == self.Columns.OPTED_OUT and item.opted_out:
                return icons.icon("opted-out", QColor("#c0392b"))
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            if item.archived:
                return QGuiApplication.palette().color(QPalette.ColorRole.PlaceholderText)
            return None
        if role == Qt.ItemDataRole.FontRole:
            if item.archived:
                font = QFont()
                font.setItalic(True)
                return font
            return None
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return line.cells[column] or self._tooltip(item, column)
        return None

    def _cells(self, item: ContactRow) -> tuple[str, ...]:
        return tuple(self._display(item, column) for column in range(self.COLUMN_COUNT))

    def _display(self, item: ContactRow, column: int) -> str:
        if column == self.Columns.NAME:
            return item.name
        if column == self.Columns.ORGANISATION:
            return item.organisation
        if column == self.Columns.JOB_TITLE:
            return item.job_title
        if column == self.Columns.EMAIL:
            return item.email
        if column == self.Columns.PHONE:
            return item.phone
        if column == self.Columns.KIND:
            return self.kind_label(item.kind)
        if column == self.Columns.TAGS:
            return item.tags
        if column == self.Columns.LAST_RELEASE:
            if not item.last_release:
                return ""
            if item.last_release_at is None:
                return item.last_release
            # The reader's way ("31 janv. 2024", "31 Jan 2024"), not dd/mm/yyyy in English too.
            return f"{formatting.format_day(item.last_release_at.date())} · {item.last_release}"
        return ""

    def _tooltip(self, item: ContactRow, column: int) -> str | None:
        if column == self.Columns.OPTED_OUT:
            return self.tr("Opted out") if item.opted_out else None
        if column == self.Columns.NAME and item.archived:
            return self.tr("%1 (archived)").replace("%1", item.name)
        text = self._display(item, column)
        return text or None

    # -- drag to a distribution list ------------------------------------------------------

    def mimeTypes(self) -> list[str]:
        return [CONTACT_IDS_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        rows = sorted({i.row() for i in indexes if i.isValid()})
        return ids_to_mime([self._ids[r] for r in rows if 0 <= r < len(self._ids)])

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction


_DISPLAY = Qt.ItemDataRole.DisplayRole
_ITEM_FLAGS = (
    Qt.ItemFlag.ItemIsEnabled
    | Qt.ItemFlag.ItemIsSelectable
    | Qt.ItemFlag.ItemIsDragEnabled
    | Qt.ItemFlag.ItemNeverHasChildren
)
_ROW_ROLES = {
    ContactsModel.RowRole,
    Qt.ItemDataRole.ToolTipRole,
    Qt.ItemDataRole.DecorationRole,
    Qt.ItemDataRole.ForegroundRole,
    Qt.ItemDataRole.FontRole,
    Qt.ItemDataRole.AccessibleTextRole,
}
