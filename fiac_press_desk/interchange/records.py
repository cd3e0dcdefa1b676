"""Neutral import records: what every parser produces, whatever the file format."""

from __future__ import annotations

from dataclasses import dataclass, field

from fiac_press_desk.domain.contact import ContactData
from fiac_press_desk.domain.source_place import SourcePlace

__all__ = ["ImportProblem", "ImportRecord", "ParsedItem", "SourcePlace"]


@dataclass
class ImportRecord:
    """A contact as a file gave it, with its place in the file."""

    data: ContactData
    place: SourcePlace
    warnings: list[str] = field(default_factory=list)  # e.g. a broken photo that was dropped
    # The ContactData fields the source carries (None: all of them). An update replaces only
    # these, so a sheet without a "Notes" column never erases notes.
    fields: frozenset[str] | None = None


@dataclass
class ImportProblem:
    """A record the parser could not read at all; reported, never stops the others."""

    place: SourcePlace
    message: str


ParsedItem = ImportRecord | ImportProblem
