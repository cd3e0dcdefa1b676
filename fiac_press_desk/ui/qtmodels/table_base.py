"""The plumbing every read-only table of the window shares, written once.

A table here is a list of rows (plain dataclasses from the services) and a few columns, each a
translated header and a function that says what a row shows in that column. ``RowTableModel``
answers Qt's questions from those (row and column counts, headers, the text of a cell, its
alignment) and leaves the rest to hooks a model overrides: the tooltip of a cell, and any
other role (colours, icons, the ids views read back through custom roles).

``TableHeaders`` is the header half alone, for a model that keeps its rows its own way (the
contacts table pages its rows in from the database): column headers, their tooltips, icons and
alignment, answered the same way everywhere.

Headers are translated when Qt asks for them (``self.tr`` in the concrete model, so that
lupdate files them under that model's context); the cell functions are taken once per reset,
because ``data`` is called for every visible cell and role at each repaint.

The window's one convention for its models (checked by tests/ui/test_model_convention.py):
the columns are an ``IntEnum`` declared on the model class as ``Columns`` (views say
``ContactsModel.Columns.EMAIL``, never a bare number), and the model's own roles are class
attributes named ``...Role`` above ``Qt.ItemDataRole.UserRole`` (``ReleaseTableModel.IdRole``),
as Qt names its own. Every model is checked with pytest-qt's ``qtmodeltester``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QModelRoleData,
    QModelRoleDataSpan,
    QObject,
    QPersistentModelIndex,
    Qt,
)

IndexLike = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()  # the invisible root: the default parent of every table's rows

T = TypeVar("T")

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter  # numbers


@dataclass(frozen=True, slots=True)
class Column(Generic[T]):
    """One column: its header (already translated) and what a row shows in it."""

    header: str
    text: Callable[[T], str]
    alignment: Qt.AlignmentFlag | None = None


class TableHeaders(QAbstractTableModel):
    """Horizontal headers from ``headers()``, with optional tooltips and icons."""

    def headers(self) -> Sequence[str]:
        """The column headers in the window's language, in column order."""
        raise NotImplementedError

    def header_tips(self) -> dict[int, str]:
        """Tooltips of the headers that need one, by column."""
        return {}

    def header_icon(self, section: int) -> Any:
        """An icon for a header (a column too narrow for words), or None."""
        return None

    def header_alignment(self, section: int) -> Any:
        """How a header's text is aligned (a numbers column's, to the right), or None."""
        return None

    def multiData(
        self, index: IndexLike, roleDataSpan: QModelRoleDataSpan | QModelRoleData
    ) -> None:
        """Every role a view asks of one cell, answered in one call from C++ (``data`` per
        role). Qt's own version calls ``data`` once per role: seven entries into Python per
        painted cell, each of which waits for the interpreter lock while a background job
        holds it (see ``launch.SWITCH_INTERVAL``)."""
        if isinstance(roleDataSpan, QModelRoleData):
            items: Any = [roleDataSpan]
        else:
            items = roleDataSpan  # sized and indexable, though the stubs do not say so
        for i in range(len(items)):
            item = items[i]
            value = self.data(index, item.role())
            if value is not None:
                item.setData(value)

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < self.columnCount():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.header_tips().get(section)
        if role == Qt.ItemDataRole.DecorationRole:
            return self.header_icon(section)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return self.header_alignment(section)
        return None


class RowTableModel(TableHeaders, Generic[T]):
    """A read-only table over a list of rows; subclasses say which columns it has."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[T] = []
        self.refresh_labels()
        self._columns: Sequence[Column[T]] = self.columns()

    # -- what a subclass says -----------------------------------------------------------------

    def columns(self) -> Sequence[Column[T]]:
        """The columns, headers translated now (called at each reset and for the headers)."""
        raise NotImplementedError

    def refresh_labels(self) -> None:
        """Hook: (re)read the translated label tables the cells use; called by ``__init__``
        and before each reset, so a model made after a language switch speaks the new one."""

    def tooltip(self, row: T, column: int) -> Any:
        """Hook: the tooltip of a cell (None: no tooltip)."""
        return None

    def cell_data(self, row: T, column: int, role: int) -> Any:
        """Hook: any other role of a cell (colours, fonts, icons, custom roles)."""
        return None

    # -- feeding ------------------------------------------------------------------------------

    def reset_rows(self, rows: list[T]) -> None:
        """Show these rows (the list is kept as given: a caller that edits the rows' objects,
        like the import plan's decisions, sees its own objects)."""
        self.beginResetModel()
        self._rows = rows
        self.refresh_labels()
        self._columns = self.columns()
        self.endResetModel()

    def row_at(self, row: int) -> T | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def cell_text(self, row: T, column: int) -> str:
        return self._columns[column].text(row)

    # -- Qt -----------------------------------------------------------------------------------

    def headers(self) -> Sequence[str]:
        return [column.header for column in self.columns()]

    def rowCount(self, parent: IndexLike = ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: IndexLike = ROOT) -> int:
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: IndexLike, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if not (0 <= row < len(self._rows) and 0 <= column < len(self._columns)):
            return None
        item = self._rows[row]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._columns[column].text(item)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(item, column)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            alignment = self._columns[column].alignment
            return None if alignment is None else int(alignment)
        return self.cell_data(item, column, role)
