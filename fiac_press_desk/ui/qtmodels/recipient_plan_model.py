"""The recipients a release would go to, each kept or skipped with its reason."""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import Qt

from fiac_press_desk.services.distribution import PlannedRecipient, RecipientPlan
from fiac_press_desk.ui import formatting, labels
from fiac_press_desk.ui.qtmodels.table_base import Column, RowTableModel


class PlanColumn(IntEnum):
    """The columns of a recipients plan, in order."""

    NAME = 0
    OUTLET = 1
    ADDRESS = 2
    GREETING = 3
    OUTCOME = 4


class RecipientPlanModel(RowTableModel[PlannedRecipient]):
    """Everyone a distribution reaches, and for the skipped ones why."""

    Columns = PlanColumn
    IdRole = Qt.ItemDataRole.UserRole + 1
    KeptRole = Qt.ItemDataRole.UserRole + 2  # True: will receive

    def set_plan(self, plan: RecipientPlan | None) -> None:
        self.reset_rows(list(plan.recipients) if plan else [])

    def refresh_labels(self) -> None:
        self._reasons = labels.skip_reasons()
        self._will = labels.will_receive()

    def columns(self) -> Sequence[Column[PlannedRecipient]]:
        return [
            Column(self.tr("Name"), lambda r: r.name),
            Column(self.tr("Outlet"), lambda r: r.organisation),
            Column(self.tr("Address"), lambda r: r.address or "—"),
            Column(self.tr("Salutation"), lambda r: r.greeting),
            Column(self.tr("Sending"), self._outcome),
        ]

    def _outcome(self, r: PlannedRecipient) -> str:
        if r.skip is None:
            return self._will
        text = self._reasons.get(r.skip, r.skip)
        if r.received_at is not None:
            text += " (" + formatting.format_moment(r.received_at) + ")"
        return text

    def tooltip(self, row: PlannedRecipient, column: int) -> Any:
        return self.cell_text(row, column)

    def cell_data(self, row: PlannedRecipient, column: int, role: int) -> Any:
        if role == self.IdRole:
            return row.contact_id
        if role == self.KeptRole:
            return row.skip is None
        if role == Qt.ItemDataRole.ForegroundRole:
            if row.skip is None:
                return labels.GREEN if column == PlanColumn.OUTCOME else None
            return labels.RED if row.skip in ("opted_out", "uncertain") else labels.GREY
        return None
