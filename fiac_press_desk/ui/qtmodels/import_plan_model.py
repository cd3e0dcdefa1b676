"""The import plan as a table: each record of the files, what matching found, and the decision
the press officer can change (create, update, skip) before anything is written.

Rows are the pipeline's ``PlanItem`` objects, read on demand: a 50,000-card file makes a
50,000-row model without building 50,000 strings up front. Editing the decision column writes
``PlanItem.decision``, which ``apply_plan`` then follows.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor

from fiac_press_desk.domain.enums import Decision, MatchKind
from fiac_press_desk.domain.source_place import SourcePlace
from fiac_press_desk.interchange.pipeline import ImportPlan, PlanItem
from fiac_press_desk.ui import labels
from fiac_press_desk.ui.qtmodels.table_base import Column, IndexLike, RowTableModel

_CHOICES = {
    MatchKind.NEW: (Decision.CREATE, Decision.SKIP),
    MatchKind.UPDATE: (Decision.UPDATE, Decision.SKIP),
    MatchKind.DUPLICATE: (Decision.UPDATE, Decision.CREATE, Decision.SKIP),
    MatchKind.UNCHANGED: (),
    MatchKind.ERROR: (),
}
_KIND_COLOURS = {
    MatchKind.NEW: QColor("#1b6e2e"),
    MatchKind.UPDATE: QColor("#1f4e8c"),
    MatchKind.DUPLICATE: QColor("#9a5b00"),
    MatchKind.ERROR: QColor("#b3261e"),
    MatchKind.UNCHANGED: QColor("#5f6368"),
}


class PlanColumn(IntEnum):
    """The columns of an import's plan, in order."""

    PLACE = 0
    NAME = 1
    RESULT = 2
    DECISION = 3
    DETAILS = 4


def choices_for(item: PlanItem) -> tuple[Decision, ...]:
    """The decisions that make sense for a record (an error or an unchanged one has none)."""
    return _CHOICES[item.kind]


class ImportPlanModel(RowTableModel[PlanItem]):
    """One line per record found: where, who, what was found, and the decision (editable)."""

    Columns = PlanColumn
    KindRole = Qt.ItemDataRole.UserRole + 1  # MatchKind value
    DecisionRole = Qt.ItemDataRole.UserRole + 2  # Decision value
    ChoicesRole = Qt.ItemDataRole.UserRole + 3  # list of (Decision value, label)
    WarnedRole = Qt.ItemDataRole.UserRole + 4  # True when the record carries warnings

    def set_plan(self, plan: ImportPlan | None) -> None:
        # The plan's own list: a decision changed here is the one ``apply_plan`` follows.
        self.reset_rows(plan.items if plan is not None else [])

    def item(self, row: int) -> PlanItem | None:
        return self.row_at(row)

    def refresh_labels(self) -> None:
        self._kinds = labels.match_kinds()
        self._decisions = labels.decisions()

    def columns(self) -> Sequence[Column[PlanItem]]:
        return [
            Column(self.tr("Place in the file"), lambda item: self.place_text(item.place)),
            Column(self.tr("Contact"), lambda item: item.name or "—"),
            Column(self.tr("Found"), lambda item: self._kinds[item.kind]),
            Column(self.tr("Decision"), self._decision_text),
            Column(self.tr("Details"), self.details),
        ]

    # -- Qt -----------------------------------------------------------------------------------

    def flags(self, index: IndexLike) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        item = self._rows[index.row()]
        if index.column() == PlanColumn.DECISION and len(choices_for(item)) > 1:
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    def tooltip(self, row: PlanItem, column: int) -> Any:
        return self._tooltip(row)

    def cell_data(self, row: PlanItem, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.EditRole and column == PlanColumn.DECISION:
            return row.decision.value
        if role == Qt.ItemDataRole.ForegroundRole and column == PlanColumn.RESULT:
            return QBrush(_KIND_COLOURS[row.kind])
        if role == self.KindRole:
            return row.kind.value
        if role == self.DecisionRole:
            return row.decision.value
        if role == self.ChoicesRole:
            return [(d.value, self._decisions[d]) for d in choices_for(row)]
        if role == self.WarnedRole:
            return bool(row.warnings)
        return None

    def setData(self, index: IndexLike, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        if index.column() != PlanColumn.DECISION:
            return False
        item = self._rows[index.row()]
        try:
            decision = Decision(value)
        except ValueError:
            return False
        if decision not in choices_for(item):
            return False
        if decision is not item.decision:
            item.decision = decision
            self.dataChanged.emit(index, index, [Qt.ItemDataRole.DisplayRole, role])
        return True

    # -- what a cell says ---------------------------------------------------------------------

    def _decision_text(self, item: PlanItem) -> str:
        if item.kind is MatchKind.ERROR:
            return self.tr("Refused")
        return self._decisions[item.decision]

    def place_text(self, place: SourcePlace) -> str:
        name = place.file.replace("\\", "/").rsplit("/", 1)[-1]
        if place.row is not None:
            sheet = f" [{place.sheet}]" if place.sheet else ""
            return (
                self.tr("%1%2, row %3")
                .replace("%1", name)
                .replace("%2", sheet)
                .replace("%3", str(place.row))
            )
        if place.line is not None:
            return self.tr("%1, line %2").replace("%1", name).replace("%2", str(place.line))
        return name

    def details(self, item: PlanItem, *, warnings: bool = True) -> str:
        """Why the record is what it is, in the press officer's words."""
        kind = item.kind
        if kind is MatchKind.ERROR:
            return item.message
        parts: list[str] = []
        if kind in (MatchKind.UPDATE, MatchKind.UNCHANGED, MatchKind.DUPLICATE):
            parts.append(self.match_text(item))
        if item.changes and kind in (MatchKind.UPDATE, MatchKind.DUPLICATE):
            parts.append(
                self.tr("Would change: %1").replace("%1", labels.fields_text(item.changes))
            )
        if item.warnings and warnings:
            more = len(item.warnings) - 1
            parts.append(item.warnings[0] + (f" (+{more})" if more else ""))
        if item.remarks and warnings:
            parts.append(self.tr("Note: %1").replace("%1", item.remarks[0]))
        return " — ".join(parts)

    def match_text(self, item: PlanItem) -> str:
        reason = item.match_reason
        key, _, value = reason.partition(" ")
        who = ""
        if item.existing is not None:
            who = (
                self.tr("%1 (contact %2)")
                .replace("%1", item.existing.computed_display_name())
                .replace("%2", str(item.existing_id))
            )
        elif item.duplicate_of is not None:
            earlier = self.item(item.duplicate_of)
            who = (
                self.tr("%1 (earlier in the file: %2)")
                .replace("%1", earlier.name if earlier else "?")
                .replace("%2", self.place_text(earlier.place) if earlier else "?")
            )
        texts = {
            "ID": self.tr("Same ID as %1"),
            "UID": self.tr("Same vCard UID as %1"),
            "email": self.tr("Same email as %1"),
            "phone": self.tr("Same phone as %1"),
            "name": self.tr("Same name and organisation as %1"),
        }
        template = texts.get(key)
        if template is None:
            return reason
        text = template.replace("%1", who or "?")
        if key in ("email", "phone"):
            text += f" ({value})"
        return text

    def _tooltip(self, item: PlanItem) -> str:
        lines = [self.details(item)] if self.details(item) else []
        lines += [f"• {w}" for w in item.warnings]
        lines += [f"• {r}" for r in item.remarks]
        return "\n".join(lines)


class PlanFilter(QSortFilterProxyModel):
    """Shows all records, or only one kind, or only those with warnings."""

    ALL = "all"
    WARNINGS = "warnings"

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._show = self.ALL

    def set_show(self, what: str) -> None:
        self.beginFilterChange()
        self._show = what
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: IndexLike) -> bool:
        if self._show == self.ALL:
            return True
        model = self.sourceModel()
        index = model.index(source_row, 0, source_parent)
        if self._show == self.WARNINGS:
            return bool(model.data(index, ImportPlanModel.WarnedRole))
        return bool(model.data(index, ImportPlanModel.KindRole) == self._show)
