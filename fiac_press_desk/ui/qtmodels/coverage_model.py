"""The coverage list: date, title, outlet, journalist, medium, tone, audience, release."""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import Qt

from fiac_press_desk.services.coverage import CoverageRow
from fiac_press_desk.ui import formatting
from fiac_press_desk.ui.qtmodels.table_base import RIGHT, Column, RowTableModel
from fiac_press_desk.ui.views.chart_widget import figure
from fiac_press_desk.ui.views.coverage_labels import medium_text, tone_colour, tone_text


class CoverageColumn(IntEnum):
    """The columns of the coverage table, in order."""

    DATE = 0
    TITLE = 1
    OUTLET = 2
    JOURNALIST = 3
    MEDIUM = 4
    TONE = 5
    AUDIENCE = 6
    RELEASE = 7
    CLIPPING = 8


class CoverageTableModel(RowTableModel[CoverageRow]):
    """Every coverage item the filters keep, newest first."""

    Columns = CoverageColumn
    IdRole = Qt.ItemDataRole.UserRole + 1
    LinkRole = Qt.ItemDataRole.UserRole + 2

    def set_rows(self, rows: list[CoverageRow]) -> None:
        """Show these items."""
        self.reset_rows(list(rows))

    def item(self, row: int) -> CoverageRow | None:
        """The item shown on ``row``."""
        return self.row_at(row)

    def columns(self) -> Sequence[Column[CoverageRow]]:
        return [
            Column(self.tr("Date"), lambda r: formatting.format_day(r.published_on)),
            Column(self.tr("Title"), lambda r: r.title),
            Column(self.tr("Outlet"), lambda r: r.outlet),
            Column(self.tr("Journalist"), lambda r: r.journalist),
            Column(self.tr("Medium"), lambda r: medium_text(r.medium.value)),
            Column(self.tr("Tone"), lambda r: tone_text(r.tone.value)),
            Column(self.tr("Audience"), lambda r: figure(r.audience) if r.audience else "", RIGHT),
            Column(self.tr("Release"), lambda r: r.release_title),
            Column(self.tr("Clipping"), lambda r: _kind(r.attachment_name)),
        ]

    def cell_data(self, r: CoverageRow, column: int, role: int) -> Any:
        if role == self.IdRole:
            return r.id
        if role == self.LinkRole:
            return r.link
        if role == Qt.ItemDataRole.ForegroundRole and column == CoverageColumn.TONE:
            return tone_colour(r.tone.value)
        return None

    def tooltip(self, r: CoverageRow, column: int) -> str | None:
        if column == CoverageColumn.TITLE:
            return "\n".join(p for p in (r.title, r.link) if p)
        if column == CoverageColumn.RELEASE:
            return r.release_title or None
        if column == CoverageColumn.CLIPPING and r.attachment_name:
            return r.attachment_name
        return None


def _kind(name: str) -> str:
    """ "PDF", "PNG"... for a clipping's file, "" for none."""
    return name.rsplit(".", 1)[-1].upper()[:4] if "." in name else ("…" if name else "")
