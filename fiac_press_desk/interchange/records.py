"""Neutral import records: what every parser produces, whatever the file format."""

from __future__ import annotations

from dataclasses import dataclass, field

from fiac_press_desk.domain.contact import ContactData
from fiac_press_desk.domain.source_place import SourcePlace

__all__ = [
    "GroupMember",
    "ImportGroup",
    "ImportNotice",
    "ImportProblem",
    "ImportRecord",
    "ParsedItem",
    "SourceItem",
    "SourcePlace",
]


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


@dataclass
class ImportNotice:
    """What the import says about a whole file rather than one record: the tool export it
    was recognised as, the columns that were not imported. Shown in the plan and the
    summary; changes nothing by itself."""

    place: SourcePlace
    kind: str  # "export", "unmapped_columns", "bookkeeping_columns", "group"...
    message: str  # in the user's language (domain.messages)


@dataclass(frozen=True)
class GroupMember:
    """How a group card names a member: by vCard UID, or by email address (LDIF lists)."""

    uid: str = ""
    email: str = ""


@dataclass
class ImportGroup:
    """A group card (Apple's ``X-ADDRESSBOOKSERVER-KIND:group``, vCard 4.0 ``KIND:group``,
    a Thunderbird mailing list): a distribution list of that name, never a contact. Its
    members may be records of the same import (before or after it) or contacts already in
    the desk."""

    place: SourcePlace
    name: str
    members: list[GroupMember] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


ParsedItem = ImportRecord | ImportProblem  # one record, read or not
SourceItem = ParsedItem | ImportNotice | ImportGroup  # all a parser yields
