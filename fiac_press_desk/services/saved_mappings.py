"""Column mappings and sheet choices remembered between imports (in the ``settings`` table).

A press officer receives the same file layout again and again (the same agency, the same
export of another tool): a mapping saved once is proposed again for a file with the same
headers, and the sheet picked in a workbook is proposed again for a workbook with the same
sheets. Stored as JSON text under namespaced keys; a damaged entry is ignored, never fatal.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import delete, select

from fiac_press_desk.services.base import ServiceBase
from fiac_press_desk.storage.models import Setting

MAPPING_PREFIX = "spreadsheet.mapping."
SHEET_PREFIX = "spreadsheet.sheet."


@dataclass(frozen=True)
class SavedMapping:
    """A column mapping kept for the next file with the same headers."""

    signature: str  # headers signature (interchange.spreadsheet_mapping.headers_signature)
    name: str  # what the user called it (the file it was made for, by default)
    mapping_json: str  # interchange.spreadsheet_mapping.mapping_to_settings()


def sheets_signature(sheet_names: Sequence[str]) -> str:
    """What identifies a workbook's set of sheets (to remember which one was chosen)."""
    return hashlib.sha1("\x1f".join(sheet_names).encode("utf-8")).hexdigest()


class SavedMappingService(ServiceBase):
    """Column mappings and chosen sheets remembered between imports."""

    def get(self, signature: str) -> SavedMapping | None:
        """The mapping saved for those headers, if any."""
        with self.db.session() as session:
            value = session.get(Setting, MAPPING_PREFIX + signature)
            if value is None:
                return None
            try:
                raw = json.loads(value.value)
                return SavedMapping(signature, str(raw["name"]), str(raw["mapping"]))
            except (ValueError, KeyError, TypeError):
                return None

    def all(self) -> list[SavedMapping]:
        """Every saved mapping, by name."""
        with self.db.session() as session:
            rows = session.scalars(
                select(Setting).where(Setting.key.startswith(MAPPING_PREFIX, autoescape=True))
            )
            out = []
            for row in rows:
                try:
                    raw = json.loads(row.value)
                    out.append(
                        SavedMapping(
                            row.key[len(MAPPING_PREFIX) :], str(raw["name"]), str(raw["mapping"])
                        )
                    )
                except (ValueError, KeyError, TypeError):
                    continue
            return sorted(out, key=lambda m: m.name.casefold())

    def save(self, signature: str, name: str, mapping_json: str) -> None:
        """Remember (or replace) the mapping for files whose headers have ``signature``."""
        json.loads(mapping_json)  # refuse garbage before it is stored
        key = MAPPING_PREFIX + signature
        value = json.dumps({"name": name.strip(), "mapping": mapping_json}, ensure_ascii=False)
        with self.transaction() as session:
            row = session.get(Setting, key)
            if row is None:
                session.add(Setting(key=key, value=value))
            else:
                row.value = value
            self.audit(session, "save", "column_mapping", None, name=name, signature=signature)

    def forget(self, signature: str) -> None:
        """Drop a saved mapping."""
        with self.transaction() as session:
            session.execute(delete(Setting).where(Setting.key == MAPPING_PREFIX + signature))
            self.audit(session, "delete", "column_mapping", None, signature=signature)

    # -- the sheet picked in a workbook -----------------------------------------------------

    def remembered_sheet(self, sheet_names: Sequence[str]) -> str | None:
        """The sheet chosen last time in a workbook with these sheets, if it still exists."""
        with self.db.session() as session:
            row = session.get(Setting, SHEET_PREFIX + sheets_signature(sheet_names))
            if row is None or row.value not in sheet_names:
                return None
            return row.value

    def remember_sheet(self, sheet_names: Sequence[str], chosen: str) -> None:
        """Remember the sheet chosen in a workbook with these sheets."""
        key = SHEET_PREFIX + sheets_signature(sheet_names)
        with self.transaction() as session:
            row = session.get(Setting, key)
            if row is None:
                session.add(Setting(key=key, value=chosen))
            elif row.value == chosen:
                return
            else:
                row.value = chosen
            self.audit(session, "remember", "spreadsheet_sheet", None, sheet=chosen)
