"""Where an imported contact's data came from, and under which lawful basis they are kept.

GDPR article 14 asks a controller to tell people whose data it did not collect from them
where the data came from; article 6 asks on which basis it keeps them. Every record of an
import is stamped here: its ``data_source`` says "Import de contacts.csv, 2 déc. 2026" (in
the interface language) unless the file itself says where the person came from (a "Source"
column, our own export's ``X-FIAC-DATA-SOURCE``), and a record that brings no lawful basis
of its own gets the one chosen for the import (legitimate interest by default: the
professional contacts of journalists, kept to send them press releases).

What a later import does to an earlier source: the sources add up, oldest first, each once
("Import de a.csv, 2 déc. 2026 ; Import de b.vcf, 3 janv. 2027"), and only when the later
import changes something else (reading the same file again leaves the contact as it was).
Past 255 characters (the column's size) the first source, the person's origin, and the
latest ones that fit are kept, "…" standing for those between.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date

from fiac_press_desk.domain.contact import ContactData
from fiac_press_desk.domain.enums import LawfulBasis
from fiac_press_desk.interchange.import_messages import render, short_date
from fiac_press_desk.interchange.records import ImportRecord, SourceItem

SEPARATOR = " ; "
MAX_SOURCE = 255


def source_text(file_name: str, day: date | None = None) -> str:
    """ "Import de contacts.csv, 2 déc. 2026" in the current language."""
    return render("source", file=file_name, date=short_date(day or date.today()))


def stamp(
    items: Iterable[SourceItem],
    source: str,
    basis: LawfulBasis = LawfulBasis.LEGITIMATE_INTEREST,
) -> Iterator[SourceItem]:
    """``items`` with each record's source and lawful basis filled where the file gave none."""
    for item in items:
        if isinstance(item, ImportRecord):
            data = item.data
            if not data.data_source:
                data.data_source = source[:MAX_SOURCE]
            if item.fields is None or "lawful_basis" not in item.fields:
                data.lawful_basis = basis
        yield item


def join_sources(earlier: str, later: str) -> str:
    """``earlier`` followed by ``later``'s sources that it does not hold yet."""
    parts = [p for p in earlier.split(SEPARATOR) if p.strip()]
    for part in later.split(SEPARATOR):
        if part.strip() and part not in parts:
            parts.append(part)
    joined = SEPARATOR.join(parts)
    if len(joined) <= MAX_SOURCE:
        return joined
    first, rest = parts[0][: MAX_SOURCE // 2], parts[1:]
    kept: list[str] = []
    room = MAX_SOURCE - len(first) - len(SEPARATOR + "…")
    for part in reversed(rest):
        if len(part) + len(SEPARATOR) > room:
            break
        kept.insert(0, part)
        room -= len(part) + len(SEPARATOR)
    return SEPARATOR.join([first, "…", *kept])


def record_source(before: ContactData, after: ContactData, source: str, changed: bool) -> None:
    """Give ``after`` (``before`` updated by an import that read ``source``) the sources of
    both when the update ``changed`` something; else leave ``before``'s."""
    after.data_source = before.data_source
    if changed and source:
        after.data_source = join_sources(before.data_source, source)
