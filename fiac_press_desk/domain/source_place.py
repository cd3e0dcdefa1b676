"""Where a record sits in the file it came from."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SourcePlace:
    """Where a record sits in its file, so every message can point the user at it."""

    file: str
    line: int | None = None  # text formats (vCard, CSV): first line of the record, 1-based
    row: int | None = None  # spreadsheets: row number as the spreadsheet shows it
    sheet: str | None = None

    def __str__(self) -> str:
        where = self.file
        if self.sheet:
            where += f" [{self.sheet}]"
        if self.row is not None:
            where += f", row {self.row}"
        elif self.line is not None:
            where += f":{self.line}"
        return where
