"""Which column of a sheet feeds which contact field: the column mapping, and its JSON form.

A mapping is what the mapping dialog shows and edits, what is saved (``services.
saved_mappings``) for a file with the same headers, and what ``import --mapping FILE`` reads
for unattended imports.

The ``--mapping`` file (UTF-8 JSON)::

    {
      "format": "fiac-press-desk/column-mapping",   # optional marker
      "version": 1,
      "sheet": "Contacts",          # optional: sheet to read (``--sheet`` wins)
      "header_row": 3,              # optional: header row as the spreadsheet numbers it;
                                    #   0 = no header row; absent = detected
      "others": "ignore",           # columns not listed: "ignore" (default) or "auto"
      "columns": {
        "A": "family_name",                          # by column letter...
        "Prénom": "given_name",                      # ...or by header text (case/accents ignored)
        "Portable": {"field": "phone", "label": "mobile"},
        "Adresse perso": {"field": "street", "label": "home", "slot": 1},
        "Commentaire interne": null                  # null or "ignore": not imported
      }
    }

Fields (``FIELDS`` below): id, kind, civility, given_name, family_name, full_name ("DUPONT
Marie" or "Marie Dupont", split), display_name, organization, department, job_title, role,
email, phone, url, street, extended, po_box, postal_code, city, region, country,
address_label, beats, tags, lists, notes, column_note (to the notes as "Header : value"),
birthday, birth_year, birth_month, birth_day (a birthday in three columns), language,
opted_out, opted_out_at (a date: the row is opted out), opted_out_reason, lawful_basis,
the desk's own texts (``domain.contact_fields``: data_source...), uid, and email_label,
phone_label, url_label (a column holding the label of the email, phone or link column with
the same slot: Google's "E-mail 1 - Label"). ``label``
(email, phone, url, address) is a free word; the usual ones are work, home, mobile, fax,
other. ``slot`` numbers the postal address a column belongs to (0 is the first, the default),
or pairs an email, phone or link column with its label column.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fiac_press_desk.domain.contact import ContactData
from fiac_press_desk.domain.contact_fields import own_fields
from fiac_press_desk.domain.text import fold
from fiac_press_desk.interchange.spreadsheet_read import column_index, column_letter

MAPPING_FORMAT = "fiac-press-desk/column-mapping"


@dataclass(frozen=True)
class FieldSpec:
    """What a mapping target fills, and how many columns may feed it."""

    key: str
    carries: tuple[str, ...]  # ContactData fields this target fills
    multi: bool = False  # several columns (and several values per cell) allowed
    labelled: bool = False  # takes a label (phone: work/mobile...)
    addressed: bool = False  # part of a postal address (takes a slot)


FIELDS: dict[str, FieldSpec] = {
    spec.key: spec
    for spec in (
        FieldSpec("id", ("id",)),
        FieldSpec("kind", ("kind",)),
        FieldSpec("civility", ("civility",)),
        FieldSpec("given_name", ("given_name",)),
        FieldSpec("additional_names", ("additional_names",)),
        FieldSpec("family_name", ("family_name",)),
        FieldSpec("name_suffix", ("name_suffix",)),
        FieldSpec("full_name", ("given_name", "family_name")),
        FieldSpec("display_name", ("display_name",)),
        FieldSpec("organization", ("organization",)),
        FieldSpec("department", ("department",)),
        FieldSpec("job_title", ("job_title",)),
        FieldSpec("role", ("role",)),
        FieldSpec("email", ("emails",), multi=True, labelled=True),
        FieldSpec("phone", ("phones",), multi=True, labelled=True),
        FieldSpec("url", ("urls",), multi=True, labelled=True),
        FieldSpec("street", ("addresses",), addressed=True),
        FieldSpec("extended", ("addresses",), addressed=True),
        FieldSpec("po_box", ("addresses",), addressed=True),
        FieldSpec("postal_code", ("addresses",), addressed=True),
        FieldSpec("city", ("addresses",), addressed=True),
        FieldSpec("region", ("addresses",), addressed=True),
        FieldSpec("country", ("addresses",), addressed=True),
        FieldSpec("address_label", ("addresses",), addressed=True),
        FieldSpec("beats", ("beats",), multi=True),
        FieldSpec("tags", ("tags",), multi=True),
        FieldSpec("lists", ("lists",), multi=True),
        FieldSpec("notes", ("notes",), multi=True),
        FieldSpec("column_note", ("notes",), multi=True),
        FieldSpec("birthday", ("birthday",)),
        FieldSpec("birth_year", ("birthday",)),
        FieldSpec("birth_month", ("birthday",)),
        FieldSpec("birth_day", ("birthday",)),
        FieldSpec("language", ("language",)),
        FieldSpec("opted_out", ("opted_out",)),
        FieldSpec("opted_out_at", ("opted_out", "opted_out_at")),
        FieldSpec("opted_out_reason", ("opted_out_reason",), multi=True),
        FieldSpec("lawful_basis", ("lawful_basis",)),
        *(FieldSpec(own.name, (own.name,)) for own in own_fields(ContactData)),
        FieldSpec("uid", ("uid",)),
        FieldSpec("email_label", ("emails",), multi=True),
        FieldSpec("phone_label", ("phones",), multi=True),
        FieldSpec("url_label", ("urls",), multi=True),
    )
}
# A label column (Google's "E-mail 1 - Label") -> the field whose values it labels.
LABEL_COLUMNS = {"email_label": "email", "phone_label": "phone", "url_label": "url"}
FIELD_KEYS: tuple[str, ...] = tuple(FIELDS)
PHONE_LABELS = ("", "work", "mobile", "home", "fax", "other")
EMAIL_LABELS = ("", "work", "home", "other")


class MappingError(ValueError):
    """A mapping file that cannot be used; the message says where."""


@dataclass(frozen=True, order=True)
class Target:
    """What one column feeds: a field, the label of its values, the address it belongs to."""

    field: str
    label: str = ""
    slot: int = 0

    def __post_init__(self) -> None:
        if self.field not in FIELDS:
            raise MappingError(f"unknown field {self.field!r}")

    @property
    def spec(self) -> FieldSpec:
        """What this target's field fills."""
        return FIELDS[self.field]

    def to_json(self) -> str | dict[str, Any]:
        """The target as a mapping file writes it (a bare field name when it can)."""
        if not self.label and not self.slot:
            return self.field
        out: dict[str, Any] = {"field": self.field}
        if self.label:
            out["label"] = self.label
        if self.slot:
            out["slot"] = self.slot
        return out

    @classmethod
    def from_json(cls, raw: Any, where: str = "") -> Target | None:
        """A target from a mapping file (None for an ignored column); MappingError
        naming ``where`` when it cannot be one."""
        if raw is None or raw == "ignore" or raw == "":
            return None
        if isinstance(raw, str):
            return cls(raw.strip())
        if isinstance(raw, dict) and isinstance(raw.get("field"), str):
            slot = raw.get("slot", 0)
            if not isinstance(slot, int) or slot < 0:
                raise MappingError(f"{where}: slot must be a whole number >= 0")
            label = raw.get("label", "")
            if not isinstance(label, str):
                raise MappingError(f"{where}: label must be text")
            return cls(raw["field"].strip(), label.strip(), slot)
        raise MappingError(f"{where}: expected a field name or {{'field': ...}}")


def header_key(text: str) -> str:
    """How headers compare: case, accents, punctuation and spacing ignored."""
    return "".join(ch for ch in fold(text) if ch.isalnum())


def headers_signature(headers: Sequence[str]) -> str:
    """Identifies 'a file with the same headers' (empty trailing columns ignored)."""
    keys = [header_key(h) for h in headers]
    while keys and not keys[-1]:
        keys.pop()
    return hashlib.sha1("\x1f".join(keys).encode("utf-8")).hexdigest()


@dataclass
class ColumnMapping:
    """Column index (0 = column A) -> Target; unmapped columns are not imported."""

    columns: dict[int, Target] = field(default_factory=dict)
    header_row: int | None = None  # 1-based row number as shown; None: no header row
    headers: list[str] = field(default_factory=list)  # header text per column index
    sheet: str | None = None
    # The tool export this sheet was recognised as (``known_exports``), None for any other
    # sheet: its key, for the rules of that export that are not columns (an unsubscribed
    # audience comes in opted out, the tool's own bookkeeping columns are left out).
    profile: str | None = None

    @property
    def signature(self) -> str:
        """What identifies the headers this mapping was made for."""
        return headers_signature(self.headers)

    def carried_fields(self) -> frozenset[str]:
        """The ContactData fields the mapped columns fill (an update replaces only those)."""
        return frozenset(name for t in self.columns.values() for name in t.spec.carries)

    def problems(self) -> list[str]:
        """Reasons this mapping cannot import (empty, a single-valued field twice)."""
        out: list[str] = []
        if not self.columns:
            out.append("no column is mapped to a contact field")
        seen: dict[tuple[str, int], int] = {}
        for index in sorted(self.columns):
            target = self.columns[index]
            if target.spec.multi:
                continue
            key = (target.field, target.slot if target.spec.addressed else 0)
            if key in seen:
                out.append(
                    f"columns {column_letter(seen[key])} and {column_letter(index)} "
                    f"both fill {target.field}"
                )
            else:
                seen[key] = index
        return out

    # -- JSON ------------------------------------------------------------------------------------

    def to_json(self) -> dict[str, Any]:
        """The ``--mapping`` file form, columns by letter (headers kept for the reader)."""
        return {
            "format": MAPPING_FORMAT,
            "version": 1,
            **({"sheet": self.sheet} if self.sheet else {}),
            **({"export": self.profile} if self.profile else {}),
            "header_row": self.header_row or 0,
            "others": "ignore",
            "columns": {column_letter(i): self.columns[i].to_json() for i in sorted(self.columns)},
            "headers": {column_letter(i): h for i, h in enumerate(self.headers) if h.strip()},
        }

    def save(self, path: Path) -> None:
        """Write the mapping as a ``--mapping`` file (UTF-8 JSON)."""
        text = json.dumps(self.to_json(), ensure_ascii=False, indent=2)
        path.write_text(text + "\n", encoding="utf-8")


@dataclass
class MappingSpec:
    """A mapping as a file states it, before it meets a sheet (columns by letter or header)."""

    columns: dict[str, Target | None]
    sheet: str | None = None
    header_row: int | None = None  # None: detect; 0: no header row
    others: str = "ignore"

    def resolve(
        self, headers: Sequence[str], automatic: Mapping[int, Target], header_row: int | None
    ) -> ColumnMapping:
        """Bind to a sheet: letters and header texts become column indexes."""
        by_header: dict[str, int] = {}
        for position, text in enumerate(headers):
            by_header.setdefault(header_key(text), position)
        columns: dict[int, Target] = dict(automatic) if self.others == "auto" else {}
        for key, target in self.columns.items():
            index = by_header.get(header_key(key)) if header_key(key) else None
            if index is None:
                index = column_index(key)
            if index is None:
                raise MappingError(f"column {key!r}: no such header or column letter")
            if target is None:
                columns.pop(index, None)
            else:
                columns[index] = target
        return ColumnMapping(columns, header_row, list(headers), self.sheet)


def load_mapping(path: Path) -> MappingSpec:
    """Read a ``--mapping`` file; MappingError names the file and what is wrong."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8-sig"))
    except OSError as exc:
        raise MappingError(f"{path}: {exc.strerror or exc}") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise MappingError(f"{path}: not a JSON file ({exc})") from None
    return parse_mapping(raw, str(path))


def parse_mapping(raw: Any, where: str = "mapping") -> MappingSpec:
    """A mapping file's content checked; MappingError naming ``where`` and the fault."""
    if not isinstance(raw, dict) or not isinstance(raw.get("columns"), dict):
        raise MappingError(f"{where}: expected an object with a 'columns' object")
    if raw.get("version", 1) != 1:
        raise MappingError(f"{where}: unsupported version {raw.get('version')!r}")
    others = raw.get("others", "ignore")
    if others not in ("ignore", "auto"):
        raise MappingError(f"{where}: 'others' must be 'ignore' or 'auto'")
    header_row = raw.get("header_row")
    if header_row is not None and (not isinstance(header_row, int) or header_row < 0):
        raise MappingError(f"{where}: 'header_row' must be a row number (0: no header row)")
    sheet = raw.get("sheet")
    if sheet is not None and not isinstance(sheet, str):
        raise MappingError(f"{where}: 'sheet' must be text")
    columns: dict[str, Target | None] = {}
    for key, value in raw["columns"].items():
        try:
            columns[str(key)] = Target.from_json(value, f"{where}: column {key!r}")
        except MappingError as exc:
            if str(exc).startswith(where):
                raise
            raise MappingError(f"{where}: column {key!r}: {exc}") from None
    return MappingSpec(columns, sheet, header_row, others)


def mapping_to_settings(mapping: ColumnMapping) -> str:
    """Compact JSON kept in the settings table (columns by index, headers for checking)."""
    return json.dumps(
        {
            "header_row": mapping.header_row,
            "headers": mapping.headers,
            "columns": {str(i): t.to_json() for i, t in sorted(mapping.columns.items())},
            **({"export": mapping.profile} if mapping.profile else {}),
        },
        ensure_ascii=False,
    )


def mapping_from_settings(text: str, sheet: str | None = None) -> ColumnMapping | None:
    """A mapping saved in the database (None when it no longer reads)."""
    try:
        raw = json.loads(text)
        columns = {}
        for key, value in raw["columns"].items():
            target = Target.from_json(value)
            if target is not None:
                columns[int(key)] = target
        profile = raw.get("export")
        return ColumnMapping(
            columns,
            raw.get("header_row"),
            list(raw.get("headers", [])),
            sheet,
            profile if isinstance(profile, str) else None,
        )
    except (ValueError, KeyError, TypeError, AttributeError):
        return None  # a damaged saved mapping is ignored: the automatic one is used
