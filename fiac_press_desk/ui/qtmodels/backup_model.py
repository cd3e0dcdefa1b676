"""The database's automatic backups, newest first: when, why, what each holds, its size."""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QColor

from fiac_press_desk.services.backups import BackupInfo
from fiac_press_desk.ui.formatting import format_moment, format_size
from fiac_press_desk.ui.qtmodels.table_base import RIGHT, Column, RowTableModel


class BackupColumn(IntEnum):
    """The columns of the backups list, in order."""

    DATE = 0
    REASON = 1
    CONTACTS = 2
    RELEASES = 3
    ENQUIRIES = 4
    SIZE = 5


class BackupModel(RowTableModel[BackupInfo]):
    """Backups, newest first; a damaged one says so and cannot be chosen (``ReadableRole``)."""

    Columns = BackupColumn
    ReadableRole = Qt.ItemDataRole.UserRole + 1

    def set_backups(self, backups: list[BackupInfo]) -> None:
        """Show these backups (the service's list, newest first)."""
        self.reset_rows(list(backups))

    def backup(self, row: int) -> BackupInfo | None:
        """The backup shown on ``row``."""
        return self.row_at(row)

    def reasons(self) -> dict[str, str]:
        """Why a backup was taken, as the press officer reads it."""
        return {
            "daily": self.tr("Daily"),
            "import": self.tr("Before an import"),
            "merge": self.tr("Before a merge"),
            "erasure": self.tr("Before an erasure"),
            "move": self.tr("Before a move"),
            "restore": self.tr("Before a restore"),
            "manual": self.tr("By hand"),
        }

    def columns(self) -> Sequence[Column[BackupInfo]]:
        reasons = self.reasons()
        return [
            Column(self.tr("Date"), lambda b: format_moment(b.taken_at)),
            Column(self.tr("Taken"), lambda b: reasons.get(b.reason, b.reason)),
            Column(self.tr("Contacts"), lambda b: self._count(b.contacts), RIGHT),
            Column(self.tr("Releases"), lambda b: self._count(b.releases), RIGHT),
            Column(self.tr("Enquiries"), lambda b: self._count(b.enquiries), RIGHT),
            Column(self.tr("Size"), lambda b: format_size(b.size), RIGHT),
        ]

    def _count(self, n: int | None) -> str:
        return self.tr("damaged") if n is None else QLocale().toString(n)

    def tooltip(self, row: BackupInfo, column: int) -> Any:
        return str(row.path)

    def cell_data(self, row: BackupInfo, column: int, role: int) -> Any:
        if role == self.ReadableRole:
            return row.readable
        if role == Qt.ItemDataRole.ForegroundRole and not row.readable:
            return QColor(Qt.GlobalColor.darkRed)
        return None
