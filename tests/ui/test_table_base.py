"""The shared table plumbing: counts, headers, cells, alignment and hooks answer as Qt expects."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt

from fiac_press_desk.domain.enums import ContactKind
from fiac_press_desk.ui import i18n, labels
from fiac_press_desk.ui.qtmodels.table_base import RIGHT, Column, RowTableModel, TableHeaders

TOOLTIP = Qt.ItemDataRole.ToolTipRole
ALIGN = Qt.ItemDataRole.TextAlignmentRole
ID_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass
class Person:
    id: int
    name: str
    kind: ContactKind
    releases: int


class PeopleModel(RowTableModel[Person]):
    """A model written the way the window's are: columns, labels re-read at each reset."""

    def refresh_labels(self) -> None:
        self._kinds = labels.contact_kinds()

    def columns(self) -> Sequence[Column[Person]]:
        return [
            Column("Name", lambda p: p.name),
            Column("Kind", lambda p: self._kinds[p.kind]),
            Column("Releases", lambda p: str(p.releases), RIGHT),
        ]

    def tooltip(self, row: Person, column: int) -> Any:
        return f"{row.name} ({row.releases})" if column == 0 else None

    def cell_data(self, row: Person, column: int, role: int) -> Any:
        return row.id if role == ID_ROLE else None


PEOPLE = [
    Person(7, "Camille Dupont", ContactKind.JOURNALIST, 3),
    Person(9, "Léa Martin", ContactKind.PARTNER, 0),
]


def test_rows_and_columns(qtmodeltester: Any, english: str) -> None:
    model = PeopleModel()
    qtmodeltester.check(model)  # empty
    model.reset_rows(list(PEOPLE))
    qtmodeltester.check(model)
    assert (model.rowCount(), model.columnCount()) == (2, 3)
    assert model.rowCount(model.index(0, 0)) == 0  # a table: no children
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(3)] == [
        "Name",
        "Kind",
        "Releases",
    ]
    assert model.headerData(3, Qt.Orientation.Horizontal) is None
    assert model.headerData(0, Qt.Orientation.Vertical) is None
    assert model.index(0, 1).data() == "Journalist"
    assert model.index(1, 2).data() == "0"
    assert model.index(1, 2).data(ALIGN) == int(RIGHT)
    assert model.index(1, 0).data(ALIGN) is None
    assert model.index(0, 0).data(TOOLTIP) == "Camille Dupont (3)"
    assert model.index(0, 1).data(TOOLTIP) is None
    assert model.index(1, 1).data(ID_ROLE) == 9
    assert model.data(QModelIndex()) is None
    assert model.row_at(1) is PEOPLE[1] and model.row_at(2) is None and model.row_at(-1) is None


def test_reset_keeps_the_callers_list_and_rereads_labels(english: str) -> None:
    model = PeopleModel()
    rows = list(PEOPLE)
    model.reset_rows(rows)
    assert model.index(0, 1).data() == "Journalist"
    i18n.install("fr")
    model.reset_rows(rows)
    assert model.index(0, 1).data() == "Journaliste"
    rows[0].name = "Camille Durand"  # the import plan edits its rows' objects in place
    assert model.index(0, 0).data() == "Camille Durand"
    resets: list[bool] = []
    model.modelReset.connect(lambda: resets.append(True))
    model.reset_rows([])
    assert resets == [True] and model.rowCount() == 0


class Headed(TableHeaders):
    """A model with rows of its own (like the paged contacts table): only the headers shared."""

    def headers(self) -> Sequence[str]:
        return ["Name", ""]

    def header_tips(self) -> dict[int, str]:
        return {1: "Opted out"}

    def header_icon(self, section: int) -> Any:
        return "icon" if section == 1 else None

    def header_alignment(self, section: int) -> Any:
        return int(RIGHT) if section == 1 else None

    def rowCount(self, parent: Any = QModelIndex()) -> int:  # noqa: B008
        return 0

    def columnCount(self, parent: Any = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 2

    def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        return None


def test_headers_alone(qtmodeltester: Any) -> None:
    model = Headed()
    qtmodeltester.check(model)
    horizontal = Qt.Orientation.Horizontal
    assert model.headerData(0, horizontal) == "Name"
    assert model.headerData(0, horizontal, TOOLTIP) is None
    assert model.headerData(1, horizontal, TOOLTIP) == "Opted out"
    assert model.headerData(1, horizontal, Qt.ItemDataRole.DecorationRole) == "icon"
    assert model.headerData(1, horizontal, ALIGN) == int(RIGHT)
    assert model.headerData(0, horizontal, ALIGN) is None
    assert model.headerData(2, horizontal) is None


def test_a_painted_table_asks_each_cell_once_with_all_its_roles(qtbot: Any, english: str) -> None:
    """A view's delegate asks every role of a cell through multiData: one entry into Python
    per cell (not one per role), with the same answers as ``data``."""
    from PySide6.QtWidgets import QTableView

    class Counting(PeopleModel):
        multi = 0

        def multiData(self, index: Any, roleDataSpan: Any) -> None:
            Counting.multi += 1
            super().multiData(index, roleDataSpan)

    model = Counting()
    model.reset_rows(list(PEOPLE))
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(500, 200)
    view.show()
    qtbot.waitExposed(view)
    Counting.multi = 0
    view.viewport().grab()
    assert Counting.multi >= 6  # 2 rows x 3 columns, each cell at least once
    from PySide6.QtCore import QModelRoleData, QModelRoleDataSpan

    roles = [Qt.ItemDataRole.DisplayRole, TOOLTIP, ALIGN, ID_ROLE]
    for row in range(2):
        for column in range(3):
            index = model.index(row, column)
            for role in roles:
                item = QModelRoleData(role)
                model.multiData(index, QModelRoleDataSpan(item))
                assert item.data() == index.data(role), (row, column, role)


def test_the_window_hands_the_interpreter_lock_over_quickly() -> None:
    import sys

    from fiac_press_desk.ui.launch import SWITCH_INTERVAL, make_application

    before = sys.getswitchinterval()
    sys.setswitchinterval(0.005)  # Python's default (another test may have made the app)
    try:
        make_application()
        assert sys.getswitchinterval() == pytest.approx(SWITCH_INTERVAL)
        assert sys.getswitchinterval() < 0.005
    finally:
        sys.setswitchinterval(before)
