"""Table models of the Organisations view: the organisations with their type and how many
contacts they have, and the contacts of the one selected."""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QWidget

from fiac_press_desk.domain.contact import OrganisationData
from fiac_press_desk.domain.text import fold
from fiac_press_desk.services.contact_queries import ContactRow
from fiac_press_desk.ui.labels import contact_kinds, organisation_types

IndexLike = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()  # the invisible root, default parent of the list and table models
ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
MUTED = QColor("#5f6b76")


class OrganisationColumn(IntEnum):
    NAME = 0
    KIND = 1
    CONTACTS = 2
    CITY = 3


class OrganisationTableModel(QAbstractTableModel):
    """Every organisation (there are hundreds, not thousands: they are all in memory)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[OrganisationData] = []

    def set_organisations(self, rows: list[OrganisationData]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def organisation(self, row: int) -> OrganisationData:
        return self._rows[row]

    def row_of(self, org_id: int) -> int:
        for i, org in enumerate(self._rows):
            if org.id == org_id:
                return i
        return -1

    def rowCount(self, parent: IndexLike = ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: IndexLike = ROOT) -> int:
        return 0 if parent.isValid() else len(OrganisationColumn)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(OrganisationColumn):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return {
                OrganisationColumn.NAME: self.tr("Name"),
                OrganisationColumn.KIND: self.tr("Type"),
                OrganisationColumn.CONTACTS: self.tr("Contacts"),
                OrganisationColumn.CITY: self.tr("City"),
            }[OrganisationColumn(section)]
        if role == Qt.ItemDataRole.TextAlignmentRole and section == OrganisationColumn.CONTACTS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def data(self, index: IndexLike, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        org = self._rows[index.row()]
        column = OrganisationColumn(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            if column == OrganisationColumn.NAME:
                return org.name
            if column == OrganisationColumn.KIND:
                return organisation_types().get(org.kind, str(org.kind))
            if column == OrganisationColumn.CONTACTS:
                return str(org.contact_count)
            return org.city
        if role == SORT_ROLE:
            if column == OrganisationColumn.CONTACTS:
                return org.contact_count
            return fold(str(self.data(index, Qt.ItemDataRole.DisplayRole) or ""))
        if role == ID_ROLE:
            return org.id
        if role == Qt.ItemDataRole.TextAlignmentRole and column == OrganisationColumn.CONTACTS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if (
            role == Qt.ItemDataRole.ForegroundRole
            and column == OrganisationColumn.CONTACTS
            and not org.contact_count
        ):
            return MUTED
        if role == Qt.ItemDataRole.ToolTipRole and column == OrganisationColumn.NAME:
            return org.name
        return None


class OrganisationContactColumn(IntEnum):
    NAME = 0
    JOB_TITLE = 1
    EMAIL = 2
    KIND = 3


class OrganisationContactsModel(QAbstractTableModel):
    """The contacts attached to one organisation."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[ContactRow] = []

    def set_contacts(self, rows: list[ContactRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def contact(self, row: int) -> ContactRow:
        return self._rows[row]

    def rowCount(self, parent: IndexLike = ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: IndexLike = ROOT) -> int:
        return 0 if parent.isValid() else len(OrganisationContactColumn)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if (
            orientation != Qt.Orientation.Horizontal
            or role != Qt.ItemDataRole.DisplayRole
            or not 0 <= section < len(OrganisationContactColumn)
        ):
            return None
        return {
            OrganisationContactColumn.NAME: self.tr("Name"),
            OrganisationContactColumn.JOB_TITLE: self.tr("Job title"),
            OrganisationContactColumn.EMAIL: self.tr("Email"),
            OrganisationContactColumn.KIND: self.tr("Type"),
        }[OrganisationContactColumn(section)]

    def data(self, index: IndexLike, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = OrganisationContactColumn(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            if column == OrganisationContactColumn.NAME:
                return row.name
            if column == OrganisationContactColumn.JOB_TITLE:
                return row.job_title
            if column == OrganisationContactColumn.EMAIL:
                return row.email
            kinds = {str(k): v for k, v in contact_kinds().items()}
            return kinds.get(row.kind, row.kind)
        if role == ID_ROLE:
            return row.id
        if role == Qt.ItemDataRole.ForegroundRole and (row.archived or row.opted_out):
            return MUTED
        if role == Qt.ItemDataRole.ToolTipRole and (row.archived or row.opted_out):
            notes = []
            if row.opted_out:
                notes.append(self.tr("opted out"))
            if row.archived:
                notes.append(self.tr("archived"))
            return f"{row.name} ({', '.join(notes)})"
        return None
