"""Table models of the Organisations view: the organisations with their type and how many
contacts they have, and the contacts of the one selected."""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from fiac_press_desk.domain.contact import OrganisationData
from fiac_press_desk.domain.text import fold
from fiac_press_desk.services.contact_queries import ContactRow
from fiac_press_desk.ui.labels import contact_kinds, organisation_types
from fiac_press_desk.ui.qtmodels.table_base import RIGHT, Column, RowTableModel

MUTED = QColor("#5f6b76")


class OrganisationColumn(IntEnum):
    """The columns of the organisations table, in order."""

    NAME = 0
    KIND = 1
    CONTACTS = 2
    CITY = 3


class OrganisationTableModel(RowTableModel[OrganisationData]):
    """Every organisation (there are hundreds, not thousands: they are all in memory)."""

    Columns = OrganisationColumn
    IdRole = Qt.ItemDataRole.UserRole + 1  # the organisation's id
    SortRole = Qt.ItemDataRole.UserRole + 2  # what the column sorts by (counts as numbers)

    def set_organisations(self, rows: list[OrganisationData]) -> None:
        self.reset_rows(list(rows))

    def organisation(self, row: int) -> OrganisationData:
        return self._rows[row]

    def row_of(self, org_id: int) -> int:
        for i, org in enumerate(self._rows):
            if org.id == org_id:
                return i
        return -1

    def refresh_labels(self) -> None:
        self._types = organisation_types()

    def columns(self) -> Sequence[Column[OrganisationData]]:
        return [
            Column(self.tr("Name"), lambda org: org.name),
            Column(self.tr("Type"), lambda org: self._types.get(org.kind, str(org.kind))),
            Column(self.tr("Contacts"), lambda org: str(org.contact_count), RIGHT),
            Column(self.tr("City"), lambda org: org.city),
        ]

    def header_alignment(self, section: int) -> Any:
        return int(RIGHT) if section == OrganisationColumn.CONTACTS else None

    def tooltip(self, row: OrganisationData, column: int) -> Any:
        return row.name if column == OrganisationColumn.NAME else None

    def cell_data(self, row: OrganisationData, column: int, role: int) -> Any:
        if role == self.SortRole:
            if column == OrganisationColumn.CONTACTS:
                return row.contact_count
            return fold(self.cell_text(row, column) or "")
        if role == self.IdRole:
            return row.id
        if (
            role == Qt.ItemDataRole.ForegroundRole
            and column == OrganisationColumn.CONTACTS
            and not row.contact_count
        ):
            return MUTED
        return None


class OrganisationContactColumn(IntEnum):
    """The columns of an organisation's contacts, in order."""

    NAME = 0
    JOB_TITLE = 1
    EMAIL = 2
    KIND = 3


class OrganisationContactsModel(RowTableModel[ContactRow]):
    """The contacts attached to one organisation."""

    Columns = OrganisationContactColumn
    IdRole = Qt.ItemDataRole.UserRole + 1  # the contact's id

    def set_contacts(self, rows: list[ContactRow]) -> None:
        self.reset_rows(list(rows))

    def refresh_labels(self) -> None:
        self._kinds = {str(k): v for k, v in contact_kinds().items()}

    def columns(self) -> Sequence[Column[ContactRow]]:
        return [
            Column(self.tr("Name"), lambda row: row.name),
            Column(self.tr("Job title"), lambda row: row.job_title),
            Column(self.tr("Email"), lambda row: row.email),
            Column(self.tr("Type"), lambda row: self._kinds.get(row.kind, row.kind)),
        ]

    def tooltip(self, row: ContactRow, column: int) -> Any:
        if not (row.archived or row.opted_out):
            return None
        notes = []
        if row.opted_out:
            notes.append(self.tr("opted out"))
        if row.archived:
            notes.append(self.tr("archived"))
        return f"{row.name} ({', '.join(notes)})"

    def cell_data(self, row: ContactRow, column: int, role: int) -> Any:
        if role == self.IdRole:
            return row.id
        if role == Qt.ItemDataRole.ForegroundRole and (row.archived or row.opted_out):
            return MUTED
        return None
