"""The recipients a release would go to, each kept or skipped with its reason."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from fiac_press_desk.services.distribution import PlannedRecipient, RecipientPlan
from fiac_press_desk.ui import formatting, labels

IndexLike = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()


class PlanColumn(IntEnum):
    NAME = 0
    OUTLET = 1
    ADDRESS = 2
    GREETING = 3
    OUTCOME = 4


class RecipientPlanModel(QAbstractTableModel):
    ID_ROLE = Qt.ItemDataRole.UserRole + 1
    KEPT_ROLE = Qt.ItemDataRole.UserRole + 2  # True: will receive

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[PlannedRecipient] = []
        self._reasons = labels.skip_reasons()
        self._will = labels.will_receive()

    def set_plan(self, plan: RecipientPlan | None) -> None:
        self.beginResetModel()
        self._rows = list(plan.recipients) if plan else []
        self._reasons = labels.skip_reasons()
        self._will = labels.will_receive()
        self.endResetModel()

    def recipient(self, row: int) -> PlannedRecipient | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: IndexLike = ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: IndexLike = ROOT) -> int:
        return 0 if parent.isValid() else len(PlanColumn)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < len(PlanColumn):
            return None
        return {
            PlanColumn.NAME: self.tr("Name"),
            PlanColumn.OUTLET: self.tr("Outlet"),
            PlanColumn.ADDRESS: self.tr("Address"),
            PlanColumn.GREETING: self.tr("Salutation"),
            PlanColumn.OUTCOME: self.tr("Sending"),
        }[PlanColumn(section)]

    def data(self, index: IndexLike, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if not 0 <= index.column() < len(PlanColumn):
            return None
        r = self._rows[index.row()]
        column = PlanColumn(index.column())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == PlanColumn.NAME:
                return r.name
            if column == PlanColumn.OUTLET:
                return r.organisation
            if column == PlanColumn.ADDRESS:
                return r.address or "—"
            if column == PlanColumn.GREETING:
                return r.greeting
            if r.skip is None:
                return self._will
            text = self._reasons.get(r.skip, r.skip)
            if r.received_at is not None:
                text += " (" + formatting.format_moment(r.received_at) + ")"
            return text
        if role == self.ID_ROLE:
            return r.contact_id
        if role == self.KEPT_ROLE:
            return r.skip is None
        if role == Qt.ItemDataRole.ForegroundRole:
            if r.skip is None:
                return labels.GREEN if column == PlanColumn.OUTCOME else None
            return labels.RED if r.skip in ("opted_out", "uncertain") else labels.GREY
        return None
