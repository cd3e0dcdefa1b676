"""Table models of the column-mapping step: the sheet's columns with what each becomes, and
the first rows as they will be imported.

Field names are shown through translated labels (``target_label``), never the stable keys.
"""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from fiac_press_desk.domain.normalize import display_phone
from fiac_press_desk.interchange.records import ImportRecord
from fiac_press_desk.interchange.spreadsheet_import import SheetPreview, cell_text
from fiac_press_desk.interchange.spreadsheet_mapping import ColumnMapping, Target
from fiac_press_desk.interchange.spreadsheet_read import column_letter, is_blank

_CTX = "MappingFields"
FIELD_LABELS: dict[str, object] = {  # source texts (QT_TRANSLATE_NOOP), translated by _t
    "id": QT_TRANSLATE_NOOP("MappingFields", "ID (contact number)"),
    "kind": QT_TRANSLATE_NOOP("MappingFields", "Contact type"),
    "civility": QT_TRANSLATE_NOOP("MappingFields", "Title (Mr, Ms…)"),
    "given_name": QT_TRANSLATE_NOOP("MappingFields", "First name"),
    "additional_names": QT_TRANSLATE_NOOP("MappingFields", "Middle name"),
    "family_name": QT_TRANSLATE_NOOP("MappingFields", "Last name"),
    "name_suffix": QT_TRANSLATE_NOOP("MappingFields", "Name suffix"),
    "full_name": QT_TRANSLATE_NOOP("MappingFields", "Full name (to split)"),
    "display_name": QT_TRANSLATE_NOOP("MappingFields", "Display name"),
    "organization": QT_TRANSLATE_NOOP("MappingFields", "Outlet / organisation"),
    "department": QT_TRANSLATE_NOOP("MappingFields", "Department"),
    "job_title": QT_TRANSLATE_NOOP("MappingFields", "Job title"),
    "role": QT_TRANSLATE_NOOP("MappingFields", "Role"),
    "email": QT_TRANSLATE_NOOP("MappingFields", "Email"),
    "phone": QT_TRANSLATE_NOOP("MappingFields", "Phone"),
    "url": QT_TRANSLATE_NOOP("MappingFields", "Website / link"),
    "street": QT_TRANSLATE_NOOP("MappingFields", "Street address"),
    "extended": QT_TRANSLATE_NOOP("MappingFields", "Address line 2"),
    "po_box": QT_TRANSLATE_NOOP("MappingFields", "PO box"),
    "postal_code": QT_TRANSLATE_NOOP("MappingFields", "Postal code"),
    "city": QT_TRANSLATE_NOOP("MappingFields", "City"),
    "region": QT_TRANSLATE_NOOP("MappingFields", "Region"),
    "country": QT_TRANSLATE_NOOP("MappingFields", "Country"),
    "address_label": QT_TRANSLATE_NOOP("MappingFields", "Address type"),
    "beats": QT_TRANSLATE_NOOP("MappingFields", "Beats (topics)"),
    "tags": QT_TRANSLATE_NOOP("MappingFields", "Tags"),
    "lists": QT_TRANSLATE_NOOP("MappingFields", "Distribution lists"),
    "notes": QT_TRANSLATE_NOOP("MappingFields", "Notes"),
    "column_note": QT_TRANSLATE_NOOP("MappingFields", "Notes, with the column's name"),
    "birthday": QT_TRANSLATE_NOOP("MappingFields", "Birthday"),
    "birth_year": QT_TRANSLATE_NOOP("MappingFields", "Year of birth"),
    "birth_month": QT_TRANSLATE_NOOP("MappingFields", "Month of birth"),
    "birth_day": QT_TRANSLATE_NOOP("MappingFields", "Day of birth"),
    "language": QT_TRANSLATE_NOOP("MappingFields", "Language"),
    "opted_out": QT_TRANSLATE_NOOP("MappingFields", "Opted out"),
    "opted_out_at": QT_TRANSLATE_NOOP("MappingFields", "Opt-out date"),
    "opted_out_reason": QT_TRANSLATE_NOOP("MappingFields", "Opt-out reason"),
    "email_label": QT_TRANSLATE_NOOP("MappingFields", "Type of email"),
    "phone_label": QT_TRANSLATE_NOOP("MappingFields", "Type of phone"),
    "url_label": QT_TRANSLATE_NOOP("MappingFields", "Type of link"),
    "lawful_basis": QT_TRANSLATE_NOOP("MappingFields", "Lawful basis"),
    "data_source": QT_TRANSLATE_NOOP("MappingFields", "Data source"),
    "uid": QT_TRANSLATE_NOOP("MappingFields", "vCard UID"),
}
LABEL_WORDS: dict[str, object] = {
    "work": QT_TRANSLATE_NOOP("MappingFields", "work"),
    "home": QT_TRANSLATE_NOOP("MappingFields", "personal"),
    "mobile": QT_TRANSLATE_NOOP("MappingFields", "mobile"),
    "fax": QT_TRANSLATE_NOOP("MappingFields", "fax"),
    "other": QT_TRANSLATE_NOOP("MappingFields", "other"),
    "month-first": QT_TRANSLATE_NOOP("MappingFields", "month first"),
    "pager": QT_TRANSLATE_NOOP("MappingFields", "pager"),
    "assistant": QT_TRANSLATE_NOOP("MappingFields", "assistant"),
}
# What the combo offers, in the order a press officer looks for it.
CHOICES: list[Target | None] = [
    None,
    Target("civility"),
    Target("given_name"),
    Target("family_name"),
    Target("full_name"),
    Target("organization"),
    Target("job_title"),
    Target("department"),
    Target("email"),
    Target("email", "work"),
    Target("email", "home"),
    Target("phone"),
    Target("phone", "work"),
    Target("phone", "mobile"),
    Target("phone", "home"),
    Target("phone", "fax"),
    Target("street"),
    Target("extended"),
    Target("postal_code"),
    Target("city"),
    Target("region"),
    Target("country"),
    Target("beats"),
    Target("tags"),
    Target("lists"),
    Target("notes"),
    Target("column_note"),
    Target("birthday"),
    Target("url"),
    Target("kind"),
    Target("display_name"),
    Target("role"),
    Target("po_box"),
    Target("address_label"),
    Target("language"),
    Target("opted_out"),
    Target("opted_out_at"),
    Target("opted_out_reason"),
    Target("lawful_basis"),
    Target("data_source"),
    Target("id"),
    Target("uid"),
]


def _t(text: object) -> str:
    """A source text of the tables above, in the window's language."""
    return QCoreApplication.translate(_CTX, str(text))


def target_label(target: Target | None) -> str:
    """ "Téléphone (portable)", "Ville (adresse 2)", "Ne pas importer"."""
    if target is None:
        return _t(QT_TRANSLATE_NOOP("MappingFields", "Do not import"))
    text = _t(FIELD_LABELS[target.field])
    if target.label:
        text += f" ({_t(LABEL_WORDS.get(target.label, target.label))})"
    if target.slot and target.spec.addressed:
        text += " " + _t(QT_TRANSLATE_NOOP("MappingFields", "(address %1)")).replace(
            "%1", str(target.slot + 1)
        )
    elif target.slot:  # the second email of a Google export and its type column
        text += " " + _t(QT_TRANSLATE_NOOP("MappingFields", "(no. %1)")).replace(
            "%1", str(target.slot + 1)
        )
    return text


class MappingColumn(IntEnum):
    """The columns of the mapping table: one row per column of the sheet."""

    LETTER = 0
    HEADER = 1
    SAMPLES = 2
    TARGET = 3


class MappingColumnsModel(QAbstractTableModel):
    """One row per column of the sheet: letter, header, sample values, imported as."""

    Columns = MappingColumn
    TargetRole = Qt.ItemDataRole.UserRole + 1  # the Target the column is imported as

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._preview: SheetPreview | None = None
        self._mapping = ColumnMapping()
        self._samples: list[str] = []

    def set_preview(self, preview: SheetPreview | None, mapping: ColumnMapping) -> None:
        self.beginResetModel()
        self._preview = preview
        self._mapping = mapping
        self._samples = []
        if preview is not None:
            data = [r for r in preview.rows[preview.layout.data_start :]]
            for col in range(preview.width):
                values = []
                for row in data:
                    value = row.cells[col] if col < len(row.cells) else ""
                    if not is_blank(value):
                        values.append(" ".join(cell_text(value).split()))
                    if len(values) == 3:
                        break
                self._samples.append(" · ".join(values))
        self.endResetModel()

    @property
    def mapping(self) -> ColumnMapping:
        return self._mapping

    def target(self, column: int) -> Target | None:
        return self._mapping.columns.get(column)

    def set_target(self, column: int, target: Target | None) -> None:
        if target is None:
            self._mapping.columns.pop(column, None)
        else:
            self._mapping.columns[column] = target
        index = self.index(column, self.Columns.TARGET)
        self.dataChanged.emit(index, index)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() or self._preview is None:
            return 0
        return self._preview.width

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid() or self._preview is None:
            return None
        row, col = index.row(), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.Columns.LETTER:
                return column_letter(row)
            if col == self.Columns.HEADER:
                header = self._preview.headers[row] if row < len(self._preview.headers) else ""
                return header or _t(QT_TRANSLATE_NOOP("MappingFields", "(no header)"))
            if col == self.Columns.SAMPLES:
                return self._samples[row] if row < len(self._samples) else ""
            if col == self.Columns.TARGET:
                return target_label(self.target(row))
        if (
            role == Qt.ItemDataRole.ForegroundRole
            and col == self.Columns.TARGET
            and self.target(row) is None
        ):
            return Qt.GlobalColor.gray
        if role == Qt.ItemDataRole.ToolTipRole and col == self.Columns.SAMPLES:
            return self._samples[row] if row < len(self._samples) else ""
        if role == self.TargetRole and col == self.Columns.TARGET:
            return self.target(row)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (
                (
                    _t(QT_TRANSLATE_NOOP("MappingFields", "Column")),
                    _t(QT_TRANSLATE_NOOP("MappingFields", "Header in the file")),
                    _t(QT_TRANSLATE_NOOP("MappingFields", "First values")),
                    _t(QT_TRANSLATE_NOOP("MappingFields", "Import as")),
                )[section]
                if 0 <= section < 4
                else None
            )
        return None


class PreviewColumn(IntEnum):
    """The columns of the preview: a record as the import will make it."""

    ROW = 0
    NAME = 1
    ORGANISATION = 2
    JOB_TITLE = 3
    EMAIL = 4
    PHONE = 5
    ADDRESS = 6
    GROUPS = 7
    WARNINGS = 8


class MappingPreviewModel(QAbstractTableModel):
    """The first data rows as contacts: what the import will make of them."""

    Columns = PreviewColumn
    HEADERS = (  # in the order of Columns
        QT_TRANSLATE_NOOP("MappingFields", "Row"),
        QT_TRANSLATE_NOOP("MappingFields", "Name"),
        QT_TRANSLATE_NOOP("MappingFields", "Outlet / organisation"),
        QT_TRANSLATE_NOOP("MappingFields", "Job title"),
        QT_TRANSLATE_NOOP("MappingFields", "Email"),
        QT_TRANSLATE_NOOP("MappingFields", "Phone"),
        QT_TRANSLATE_NOOP("MappingFields", "Address"),
        QT_TRANSLATE_NOOP("MappingFields", "Beats, tags, lists"),
        QT_TRANSLATE_NOOP("MappingFields", "Warnings"),
    )

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[list[str]] = []

    def set_records(self, records: list[ImportRecord | None]) -> None:
        self.beginResetModel()
        self._rows = [self._cells(r) for r in records if r is not None]
        self.endResetModel()

    @staticmethod
    def _cells(record: ImportRecord) -> list[str]:
        data = record.data
        name = " ".join(p for p in (data.civility, data.given_name, data.family_name) if p)
        groups = [", ".join(data.beats), ", ".join(data.tags), ", ".join(data.lists)]
        return [
            str(record.place.row or record.place.line or ""),
            name or data.display_name,
            data.organization,
            data.job_title,
            ", ".join(e.value for e in data.emails),
            ", ".join(_phone(p.value) for p in data.phones),
            " | ".join(a.one_line() for a in data.addresses),
            " · ".join(g for g in groups if g),
            "; ".join(record.warnings),
        ]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.Columns)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid():
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == self.Columns.ROW:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _t(self.HEADERS[section]) if 0 <= section < len(self.HEADERS) else None
        return None


def _phone(value: str) -> str:
    try:
        return display_phone(value) if value.startswith("+") else value
    except Exception:  # a half-typed number is shown as typed
        return value
