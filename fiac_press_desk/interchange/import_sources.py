"""Which parser reads which file, shared by the command line and the window.

Contacts come from vCard files (``vcard_import``) and spreadsheets (``spreadsheet_import``,
imported lazily: the command line starts fast and works while a format is missing); ``.eml``
files are enquiries, not contacts, and go their own way (``eml_import``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from fiac_press_desk.domain.enums import LawfulBasis
from fiac_press_desk.domain.text import valid_unicode
from fiac_press_desk.interchange.file_kinds import (
    EML_SUFFIXES,
    LDIF_SUFFIXES,
    SHEET_SUFFIXES,
    VCARD_SUFFIXES,
)
from fiac_press_desk.interchange.provenance import source_text, stamp
from fiac_press_desk.interchange.records import SourceItem


def kind_of(path: Path) -> str | None:
    """ "vcard", "ldif", "sheet", "eml", or None for a file no importer reads."""
    suffix = path.suffix.lower()
    if suffix in VCARD_SUFFIXES:
        return "vcard"
    if suffix in LDIF_SUFFIXES:
        return "ldif"
    if suffix in SHEET_SUFFIXES:
        return "sheet"
    if suffix in EML_SUFFIXES:
        return "eml"
    return None


def import_format(paths: Iterable[Path]) -> str:
    """What an import batch records as its format: one format, or "mixed"."""
    formats = {
        kind if (kind := kind_of(p)) in ("vcard", "ldif") else p.suffix.lower().lstrip(".")
        for p in paths
    }
    return formats.pop() if len(formats) == 1 else "mixed"


def contact_items(
    path: Path,
    *,
    sheet: str | None = None,
    mapping: Any = None,
    charset: str | None = None,
    unmapped: str = "ignore",
    lawful_basis: LawfulBasis = LawfulBasis.LEGITIMATE_INTEREST,
) -> Iterator[SourceItem]:
    """The records of one contacts file, each with its source ("Import de contacts.csv,
    2 déc. 2026") and ``lawful_basis`` where the file gives none (``provenance``). A
    spreadsheet's mapping and sheet are checked now (errors raise before any record); a vCard
    or LDIF file is read lazily, card after card. ``unmapped``: "notes" sends a sheet's
    columns that map to no field to the notes."""
    kind = kind_of(path)
    items: Iterator[SourceItem]
    if kind == "vcard":
        from fiac_press_desk.interchange.vcard_import import parse_vcard_file

        items = parse_vcard_file(path, charset=charset)
    elif kind == "ldif":
        from fiac_press_desk.interchange.ldif_import import parse_ldif_file

        items = parse_ldif_file(path)
    else:
        from fiac_press_desk.interchange.spreadsheet_import import parse_spreadsheet

        items = parse_spreadsheet(path, sheet=sheet, mapping=mapping, unmapped=unmapped)
    return stamp(items, source_text(valid_unicode(path.name)), lawful_basis)
