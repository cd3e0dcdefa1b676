"""Which parser reads which file, shared by the command line and the window.

Contacts come from vCard files (``vcard_import``) and spreadsheets (``spreadsheet_import``,
imported lazily: the command line starts fast and works while a format is missing); ``.eml``
files are enquiries, not contacts, and go their own way (``eml_import``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from fiac_press_desk.interchange.file_kinds import EML_SUFFIXES, SHEET_SUFFIXES, VCARD_SUFFIXES
from fiac_press_desk.interchange.records import ParsedItem


def kind_of(path: Path) -> str | None:
    """ "vcard", "sheet", "eml", or None for a file no importer reads."""
    suffix = path.suffix.lower()
    if suffix in VCARD_SUFFIXES:
        return "vcard"
    if suffix in SHEET_SUFFIXES:
        return "sheet"
    if suffix in EML_SUFFIXES:
        return "eml"
    return None


def import_format(paths: Iterable[Path]) -> str:
    """What an import batch records as its format: one format, or "mixed"."""
    formats = {"vcard" if kind_of(p) == "vcard" else p.suffix.lower().lstrip(".") for p in paths}
    return formats.pop() if len(formats) == 1 else "mixed"


def contact_items(
    path: Path,
    *,
    sheet: str | None = None,
    mapping: Any = None,
    charset: str | None = None,
) -> Iterator[ParsedItem]:
    """The records of one contacts file. A spreadsheet's mapping and sheet are checked now
    (errors raise before any record); a vCard file is read lazily, card after card."""
    if kind_of(path) == "vcard":
        from fiac_press_desk.interchange.vcard_import import parse_vcard_file

        return parse_vcard_file(path, charset=charset)
    from fiac_press_desk.interchange.spreadsheet_import import parse_spreadsheet

    return parse_spreadsheet(path, sheet=sheet, mapping=mapping)
