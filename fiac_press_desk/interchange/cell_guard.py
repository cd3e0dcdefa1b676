"""The one guard against formula injection in the spreadsheets we write.

A contact's notes or an enquiry's subject are typed by people outside the desk; a value such as
``=HYPERLINK(...)`` or ``+33 1 ...`` must open as the text it is, never be evaluated
(OWASP "CSV injection"). Spreadsheets start a formula on ``=``, ``+``, ``-`` and ``@``, and some
also on a leading tab or carriage return. Every exporter (contacts xlsx/csv, enquiry log) goes
through this module so that the rule is written once.

- xlsx: the cell is typed as a string (openpyxl would otherwise write a leading ``=`` as a
  formula) and carries Excel's quote prefix, so that it stays text even when edited.
- csv: there are no cell types, so the text gets a leading apostrophe, which spreadsheets hide.
  A text that already starts with an apostrophe followed by a trigger (or by another
  apostrophe) gets one too, so that reading the file back strips exactly one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:  # openpyxl stays unimported until a workbook is written
    from openpyxl.cell.cell import Cell, MergedCell

FORMULA_TRIGGERS: Final = ("=", "+", "-", "@", "\t", "\r")
# The same characters as one string, for ``text[0] in TRIGGER_CHARS`` in hot loops (one string
# membership test is cheaper than ``str.startswith(tuple)``). Only for a non-empty text.
TRIGGER_CHARS: Final = "".join(FORMULA_TRIGGERS)


def looks_like_formula(text: str) -> bool:
    """Whether a spreadsheet would start evaluating this text."""
    return text.startswith(FORMULA_TRIGGERS)


_AFTER_GUARD: Final = TRIGGER_CHARS + "'"


def is_guarded(text: str) -> bool:
    """Whether ``text`` starts with the apostrophe ``csv_guard`` puts before a text a
    spreadsheet would evaluate (or before a text that itself starts with that apostrophe)."""
    return len(text) > 1 and text[0] == "'" and text[1] in _AFTER_GUARD


def needs_guard(text: str) -> bool:
    """Text a spreadsheet would read as a formula (or our own guard apostrophe): CSV rule."""
    return bool(text) and (text.startswith(FORMULA_TRIGGERS) or is_guarded(text))


def csv_guard(text: str) -> str:
    """The apostrophe that keeps a spreadsheet from evaluating a CSV cell."""
    return "'" + text if needs_guard(text) else text


def set_text(cell: Cell | MergedCell, text: str) -> None:
    """Store ``text`` in an xlsx cell as text: never a formula, a number or an error code."""
    cell.value = text
    cell.data_type = "s"
    if text.startswith(FORMULA_TRIGGERS):
        cell.quotePrefix = True
