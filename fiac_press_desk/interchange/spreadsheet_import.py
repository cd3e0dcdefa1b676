"""Spreadsheet rows -> import records: the parser of .xlsx/.xls/.ods/.csv/.txt for the pipeline.

``parse_spreadsheet`` streams one ``ImportRecord`` per non-empty data row (or an
``ImportProblem`` when the file breaks mid-way), each with its place (file, sheet, row as the
spreadsheet shows it) and the fields the mapping carries, so an update never erases a field
the sheet has no column for. Values are repaired the way press files need: phone numbers and
postal codes that a spreadsheet turned into numbers get their leading zero back, Excel dates
become ISO dates, several values in one cell are split, stray spaces go.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any

from fiac_press_desk.domain.contact import ContactData, EmailAddress, Phone, PostalAddress, WebLink
from fiac_press_desk.domain.enums import ContactKind, LawfulBasis
from fiac_press_desk.domain.text import clean, fold, valid_unicode
from fiac_press_desk.interchange.cell_guard import is_guarded
from fiac_press_desk.interchange.import_messages import render as render_notice
from fiac_press_desk.interchange.known_exports import EXPORTS, KnownExport, parse_timestamp
from fiac_press_desk.interchange.records import (
    ImportNotice,
    ImportProblem,
    ImportRecord,
    SourceItem,
    SourcePlace,
)
from fiac_press_desk.interchange.spreadsheet_headers import (
    HEADER_SCAN_ROWS,
    SAMPLE_ROWS,
    HeaderLayout,
    mapping_for,
)
from fiac_press_desk.interchange.spreadsheet_mapping import (
    LABEL_COLUMNS,
    ColumnMapping,
    MappingError,
    MappingSpec,
    Target,
)
from fiac_press_desk.interchange.spreadsheet_messages import render
from fiac_press_desk.interchange.spreadsheet_read import (
    CellValue,
    MergedRange,
    RawRow,
    SheetInfo,
    SheetSource,
    SpreadsheetError,
    column_letter,
    is_blank,
    is_text_file,
    list_sheets,
    open_sheet,
)

PREVIEW_ROWS = 20
_HEAD_ROWS = HEADER_SCAN_ROWS + SAMPLE_ROWS
# Sheets looked into for contacts when none is named: a web page "export" may hold a hundred
# thousand tables (each a sheet), and trying them all took minutes.
MAX_SHEETS_TRIED = 100
_EXCEL_ERRORS = frozenset(
    {"#N/A", "#REF!", "#VALUE!", "#DIV/0!", "#NAME?", "#NUM!", "#NULL!", "#SPILL!", "#CALC!"}
)
_LABEL_SUFFIX = re.compile(r"^(.*?)\s*\(([^()]{1,40})\)\s*$", re.S)
_SEPARATORS = re.compile(r"[\r\n;,]|:::")  # what split_values may split on
# ... and " ::: ", Google's separator of several values in one cell
_PHONE_SPLIT = re.compile(r"\s*(?:[;\n\r]|,(?!\d)|\s/\s|\s\|\s|\s:::\s)\s*")
_EMAIL_TOKEN = re.compile(
    r"(?:mailto:)?([^\s<>;,()\"'\[\]]+@[^\s<>;,()\"'\[\]]+)\s*(?:\(([^()]{1,40})\))?"
)
_DATE_DMY = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})(?:[/.\-](\d{2}|\d{4}))?$")
_DATE_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$")
_NOYEAR_ISO = re.compile(r"^--(\d{2})-?(\d{2})$")
_EXCEL_EPOCH = date(1899, 12, 30)
_FRENCH_COUNTRIES = frozenset({"", "france", "fr", "fra", "france metropolitaine"})

# Label words in both languages -> the stored label (what our export writes comes back here).
LABEL_WORDS: dict[str, str] = {
    "pro": "work",
    "professionnel": "work",
    "professionnelle": "work",
    "travail": "work",
    "bureau": "work",
    "fixe": "work",
    "work": "work",
    "office": "work",
    "perso": "home",
    "personnel": "home",
    "personnelle": "home",
    "domicile": "home",
    "prive": "home",
    "home": "home",
    "portable": "mobile",
    "mobile": "mobile",
    "gsm": "mobile",
    "cell": "mobile",
    "fax": "fax",
    "telecopie": "fax",
    "autre": "other",
    "other": "other",
    "work fax": "fax",
    "home fax": "fax",
    "other fax": "fax",
}
KIND_WORDS: dict[str, ContactKind] = {
    "journaliste": ContactKind.JOURNALIST,
    "journalist": ContactKind.JOURNALIST,
    "presse": ContactKind.JOURNALIST,
    "press": ContactKind.JOURNALIST,
    "partenaire": ContactKind.PARTNER,
    "partner": ContactKind.PARTNER,
    "autre": ContactKind.OTHER,
    "other": ContactKind.OTHER,
}
BASIS_WORDS: dict[str, LawfulBasis] = {
    "interet legitime": LawfulBasis.LEGITIMATE_INTEREST,
    "legitimate interest": LawfulBasis.LEGITIMATE_INTEREST,
    "consentement": LawfulBasis.CONSENT,
    "consent": LawfulBasis.CONSENT,
    "contrat": LawfulBasis.CONTRACT,
    "contract": LawfulBasis.CONTRACT,
    "mission d'interet public": LawfulBasis.PUBLIC_TASK,
    "mission de service public": LawfulBasis.PUBLIC_TASK,
    "public task": LawfulBasis.PUBLIC_TASK,
}
_TRUE_WORDS = frozenset(
    {"oui", "yes", "x", "1", "true", "vrai", "o", "y", "desinscrit", "desinscrite"}
)
_FALSE_WORDS = frozenset({"non", "no", "0", "false", "faux", "n", ""})
_LANGUAGE_WORDS = {
    "francais": "fr",
    "french": "fr",
    "anglais": "en",
    "english": "en",
}


# -- sheets ---------------------------------------------------------------------------------------


def sheets(path: Path) -> list[SheetInfo]:
    """Sheets the user can pick from (visible first); [] for a text file."""
    found = list_sheets(path)
    return [s for s in found if s.visible] + [s for s in found if not s.visible]


def _read_head(path: Path, sheet: str | None) -> tuple[SheetSource, list[RawRow], Iterator[RawRow]]:
    """The first rows of a sheet (enough to find the header and sample values) and the rest.

    A file that breaks within those rows yields the rows before the break, then raises the
    error from the rest (so the records before it are still imported)."""
    source = open_sheet(path, sheet)
    rows = source.rows()
    head: list[RawRow] = []
    try:
        for row in rows:
            head.append(row)
            if len(head) >= _HEAD_ROWS:
                break
    except SpreadsheetError as exc:
        if not head:
            raise
        return source, head, _failing(exc)
    unread = next((r for r in head if r.error is not None), None)
    if unread is not None and not any(not is_blank(v) for r in head for v in r.cells):
        # nothing read but rows that could not be: say why, not "empty"
        where = render("text_line_error", line=unread.line or unread.number, detail=unread.error)
        raise SpreadsheetError(path.name, where)
    if len(head) < _HEAD_ROWS and not any(not is_blank(v) for r in head for v in r.cells):
        # the whole file was read and holds nothing: say so, not "no column is mapped"
        empty = render("sheet_empty", sheet=sheet) if sheet else render("file_empty")
        raise SpreadsheetError(path.name, empty)
    return source, head, rows


def _failing(exc: SpreadsheetError) -> Iterator[RawRow]:
    raise exc
    yield  # pragma: no cover - makes this a generator


def _close(rows: Iterator[RawRow]) -> None:
    close = getattr(rows, "close", None)
    if close is not None:
        close()


def holds_contacts(path: Path, sheet: str | None) -> bool:
    """Whether a sheet looks like a contact list: a name column and an email or phone one."""
    try:
        source, head, rest = _read_head(path, sheet)
    except SpreadsheetError:
        return False
    _close(rest)
    return _holds_contacts(source, head)


def _holds_contacts(source: SheetSource, head: list[RawRow]) -> bool:
    cells = [list(r.cells) for r in head]
    mapping, layout = mapping_for(cells, source.merged)
    fields = {t.field for t in mapping.columns.values()}
    data = [r for r in cells[layout.data_start :] if any(not is_blank(v) for v in r)]
    return (
        bool(data)
        and bool(fields & {"email", "phone"})
        and bool(fields & {"family_name", "given_name", "full_name", "organization", "email"})
    )


def default_sheet(path: Path) -> str | None:
    """The first sheet that holds contacts, else the first visible sheet (None: text file)."""
    if is_text_file(path):
        return None
    found = sheets(path)
    for info in found[:MAX_SHEETS_TRIED]:
        if info.visible and holds_contacts(path, info.name):
            return info.name
    return found[0].name if found else None


def _open_default(path: Path) -> tuple[str | None, SheetSource, list[RawRow], Iterator[RawRow]]:
    """``default_sheet`` of a workbook, opened and its head read: the sheet that proved to
    hold contacts is read on from there, not loaded a second time (calamine loads a whole
    sheet at once, a third of the reading time of a large workbook)."""
    found = sheets(path)
    for info in found[:MAX_SHEETS_TRIED]:
        if not info.visible:
            continue
        try:
            source, head, rest = _read_head(path, info.name)
        except SpreadsheetError:
            continue
        if _holds_contacts(source, head):
            return info.name, source, head, rest
        _close(rest)
    name = found[0].name if found else None
    return (name, *_read_head(path, name))


# -- preview for the mapping dialog ----------------------------------------------------------------


@dataclass
class SheetPreview:
    """The first rows of a sheet, where its header is, and the automatic mapping."""

    path: Path
    sheet: str | None
    rows: list[RawRow]  # every scanned row (title rows, header, first data rows)
    layout: HeaderLayout
    automatic: ColumnMapping
    width: int

    @property
    def headers(self) -> list[str]:
        """The header row's texts (empty for a column without one)."""
        return self.layout.headers


def preview_sheet(path: Path, sheet: str | None = None) -> SheetPreview:
    """What the mapping dialog shows: read only the first rows of the sheet."""
    if sheet is None:
        sheet = default_sheet(path)
    source, head, rest = _read_head(path, sheet)
    _close(rest)
    cells = [list(r.cells) for r in head]
    mapping, layout = mapping_for(cells, source.merged, sheet, path.name)
    width = _used_width(cells)
    width = max(width, len([h for h in layout.headers if h]) and _last_filled(layout.headers))
    layout.headers = (layout.headers + [""] * width)[:width]
    mapping.headers = layout.headers
    return SheetPreview(path, sheet, head, layout, mapping, width)


def _last_filled(values: Sequence[str]) -> int:
    for i in range(len(values) - 1, -1, -1):
        if values[i]:
            return i + 1
    return 0


def _used_width(rows: Sequence[Sequence[CellValue]]) -> int:
    used = 0
    for row in rows:
        for i in range(len(row) - 1, used - 1, -1):
            if not is_blank(row[i]):
                used = i + 1
                break
    return used


# -- the parser -----------------------------------------------------------------------------------


def parse_spreadsheet(
    path: Path,
    sheet: str | None = None,
    mapping: ColumnMapping | MappingSpec | None = None,
    unmapped: str = "ignore",
) -> Iterator[SourceItem]:
    """Records of one sheet (default: the first that holds contacts), row by row, then the
    notices about the whole sheet (the tool export it was recognised as, the columns that
    were not imported).

    ``mapping`` None: the automatic mapping. A ``MappingSpec`` (``--mapping`` file) is bound to
    the sheet's headers. ``unmapped``: "notes" sends the columns that map to no field to the
    notes as "Header : value" lines; "ignore" leaves them out (and says which). Raises
    SpreadsheetError (unreadable file, unknown sheet) or MappingError before the first
    record; never for one bad row.
    """
    if sheet is None and mapping is not None:
        sheet = mapping.sheet
    if sheet is None and not is_text_file(path):
        sheet, source, head, rows = _open_default(path)
    else:
        source, head, rows = _read_head(path, sheet)
    cells = [list(r.cells) for r in head]
    automatic, layout = mapping_for(cells, source.merged, sheet, path.name)
    data_start = layout.data_start
    if isinstance(mapping, MappingSpec):
        headers = layout.headers
        detected = layout.header_index + 1 if layout.header_index is not None else None
        if mapping.header_row is not None and mapping.header_row != detected:
            data_start, headers = _explicit_header(cells, mapping.header_row)
        resolved = mapping.resolve(headers, automatic.columns, data_start or None)
        resolved.profile = automatic.profile
    elif isinstance(mapping, ColumnMapping):
        resolved = mapping
        data_start = mapping.header_row or 0
    else:
        resolved = automatic
    if unmapped == "notes":
        resolved = unmapped_to_notes(resolved, _used_width(cells))
    problems = resolved.problems()
    if problems:
        _close(rows)
        raise MappingError(f"{path.name}: {'; '.join(problems)}")
    converter = RowConverter(resolved, valid_unicode(path.name), sheet, is_text_file(path))
    converter.watch_unmapped(_used_width(cells))
    blocks = [m for m in source.merged if m.last_row > m.first_row and m.first_row >= data_start]

    def convert(row: RawRow) -> ImportRecord | ImportProblem | None:
        if row.error is not None:  # a row that could not be read: said, the next ones go on
            return ImportProblem(converter.place(row), row.error)
        return converter.convert(row)

    def records() -> Iterator[SourceItem]:
        def all_rows() -> Iterator[RawRow]:
            yield from head[data_start:]
            yield from rows

        try:
            stream = all_rows()
            for row in _fill_down(stream, blocks) if blocks else stream:
                item = convert(row)
                if item is not None:
                    yield item
        except SpreadsheetError as exc:
            place = SourcePlace(path.name, line=exc.line, sheet=sheet)
            yield ImportProblem(place, exc.message)
        yield from converter.notices()

    return records()


def unmapped_to_notes(mapping: ColumnMapping, width: int) -> ColumnMapping:
    """``mapping`` with every column that maps to no field (and is not the tool's own
    bookkeeping) sent to the notes as "Header : value"."""
    export = EXPORTS.get(mapping.profile or "")
    ignored = _bookkeeping(export, mapping.headers)
    columns = dict(mapping.columns)
    for index in range(max(width, len(mapping.headers))):
        if index not in columns and index not in ignored:
            columns[index] = Target("column_note")
    return ColumnMapping(
        columns, mapping.header_row, mapping.headers, mapping.sheet, mapping.profile
    )


def _bookkeeping(export: KnownExport | None, headers: Sequence[str]) -> set[int]:
    if export is None:
        return set()
    return {i for i, target in export.columns(headers).items() if target is None}


def _fill_down(rows: Iterator[RawRow], blocks: list[MergedRange]) -> Iterator[RawRow]:
    """Rows with the value of each cell merged down over several rows given to every row it
    spans (one outlet for two journalists), in its first column: the spreadsheet keeps it in
    the top cell only. Blocks in the data rows only; rows stream in order."""
    pending = deque(sorted(blocks, key=lambda m: m.first_row))
    active: list[tuple[int, int, CellValue]] = []  # (column, last row, value)
    for row in rows:
        index = row.number - 1
        while pending and pending[0].first_row <= index:
            block = pending.popleft()
            if block.first_row == index and block.first_col < len(row.cells):
                value = row.cells[block.first_col]
                if not is_blank(value):
                    active.append((block.first_col, block.last_row, value))
        if active:
            active = [a for a in active if a[1] >= index]
            cells = row.cells
            for column, last, value in active:
                if last >= index:
                    if len(cells) <= column:
                        cells.extend([""] * (column + 1 - len(cells)))
                    if is_blank(cells[column]):
                        cells[column] = value
        yield row


def _explicit_header(cells: list[list[CellValue]], header_row: int) -> tuple[int, list[str]]:
    if header_row == 0:
        return 0, []
    if header_row > len(cells):
        raise MappingError(f"header row {header_row} is beyond the first {len(cells)} rows")
    headers = [_plain(v) for v in cells[header_row - 1]]
    return header_row, headers


# -- values ---------------------------------------------------------------------------------------


def _plain(value: CellValue | None) -> str:
    """A cell as text: whole numbers without '.0', dates in ISO, text trimmed."""
    if value.__class__ is str:  # nearly every cell: no further test
        return value.strip()
    if value is None:
        return ""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else str(value)
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


cell_text = _plain  # for the mapping dialog's sample values


def unguard(value: CellValue) -> CellValue:
    """Take off the apostrophe our CSV export puts before text a spreadsheet would evaluate
    (only in text files: in a workbook an apostrophe is the user's own character)."""
    if isinstance(value, str):
        text = value.lstrip(" ")
        if is_guarded(text):  # our CSV export's apostrophe (cell_guard.csv_guard)
            return text[1:]
    return value


def split_values(text: str) -> list[str]:
    """Several values in one cell, separated by newlines or ``;``; by ``,`` only when there
    is neither (so "Santé, IA; Oncologie" keeps "Santé, IA" whole)."""
    if not _SEPARATORS.search(text):  # one value: the common case
        single = clean(text)
        return [single] if single else []
    unified = text.replace("\r", "\n").replace(";", "\n").replace(" ::: ", "\n")
    separator = "\n" if "\n" in unified else ","
    return [p for p in (clean(x) for x in unified.split(separator)) if p]


@lru_cache(maxsize=4096)
def _cell_words(text: str) -> tuple[str, ...]:
    """``split_values`` of a beats, tags or lists cell, cached: such cells repeat the same
    few combinations of a file's vocabulary from row to row.

    Quotes around each word go (Mailchimp writes ``"Presse","Santé"``); Google's system
    groups, which it marks with a star (``* myContacts``, ``* starred``), are not the
    press officer's tags and are left out."""
    words = []
    for word in split_values(text):
        if len(word) > 1 and word[0] == word[-1] == '"':
            word = clean(word[1:-1])
        if word.startswith("* ") or not word:
            continue
        words.append(word)
    return tuple(words)


# Civilities and titles written before a name ("Dr Paul Meyer", "Mme Élodie Garnier"), with
# or without their dot, and how the desk writes them.
CIVILITY_WORDS: dict[str, str] = {
    "m": "M.",
    "mr": "Mr",
    "mrs": "Mrs",
    "ms": "Ms",
    "mme": "Mme",
    "mmes": "Mmes",
    "mlle": "Mlle",
    "dr": "Dr",
    "pr": "Pr",
    "prof": "Pr",
    "me": "Me",
    "monsieur": "M.",
    "madame": "Mme",
    "mademoiselle": "Mlle",
    "docteur": "Dr",
    "professeur": "Pr",
    "maitre": "Me",
}


def take_civility(text: str) -> tuple[str, str]:
    """ "Dr Paul Meyer" -> ("Dr", "Paul Meyer"); ("", text) when the first word is no
    civility or is the only word (a name cell holding "Pr" alone is a name)."""
    first, _, rest = text.strip().partition(" ")
    if not rest.strip() or len(first) > 12:
        return "", text
    civility = CIVILITY_WORDS.get(fold(first).rstrip("."))
    if civility is None:
        return "", text
    return civility, rest.strip()


def label_suffix(text: str) -> tuple[str, str | None]:
    """ "06 12 34 56 78 (portable)" -> ("06 12 34 56 78", "mobile").

    The label is the last bracketed part, 1 to 40 characters without brackets, at the end
    (``_LABEL_SUFFIX``, found here with string methods: a phone or link cell at a time)."""
    stripped = text.rstrip()
    if not stripped.endswith(")"):
        return text, None
    start = stripped.rfind("(")
    word = stripped[start + 1 : -1]
    if start < 0 or not 0 < len(word) <= 40 or ")" in word:
        return text, None
    before = stripped[:start].strip()
    if not before:
        return text, None
    return before, label_word(word)


@lru_cache(maxsize=1024)
def label_word(word: str) -> str:
    """The stored label for a label word as written ("portable" -> "mobile"; others kept,
    cleaned). Cached: a file writes the same few label words on every row."""
    cleaned = clean(word)
    return LABEL_WORDS.get(fold(cleaned), cleaned)


_NO_DATES = frozenset({"0/0/00", "00/00/00", "0/0/0000", "00/00/0000", "0000-00-00"})
# Where a handle alone ("@name") leads, for the social networks media databases list.
_PROFILE_SITES = {
    "twitter": "https://x.com/",
    "x": "https://x.com/",
    "instagram": "https://www.instagram.com/",
    "bluesky": "https://bsky.app/profile/",
    "linkedin": "https://www.linkedin.com/in/",
}


def profile_link(value: str, label: str) -> str:
    """A handle written alone in a social-network column ("@lea_m") as the link to the
    profile; anything that is already a link (or another column's value) as written."""
    site = _PROFILE_SITES.get(label)
    if site is None or "/" in value or value.lower().startswith("www."):
        return value
    handle = value[1:] if value.startswith("@") else value
    if not handle or (label != "bluesky" and "." in handle):
        return value
    return site + handle


@lru_cache(maxsize=256)
def _language_code(text: str) -> str:
    """A language cell as the desk stores it ("Français" -> "fr"), cached: a sheet writes the
    same one or two on every row."""
    word = clean(text)
    return _LANGUAGE_WORDS.get(fold(word), word.lower())


def _month_first(text: str) -> str:
    """ "03/15" or "03/15/1980" (month first, as Mailchimp and US Outlook write) as day
    first; kept as written when it cannot be month first ("14/03/1980" from a UK export)."""
    parts = text.split("/")
    if len(parts) in (2, 3) and all(p.isdigit() for p in parts) and int(parts[0]) <= 12:
        parts[0], parts[1] = parts[1], parts[0]
        return "/".join(parts)
    return text


def phone_parts(text: str) -> list[str]:
    """A phone cell split into numbers (``_PHONE_SPLIT``); by ``str.split`` when ``;`` is
    the only separator in it, the usual case. ``text`` is trimmed."""
    if "," in text or "/" in text or "|" in text or "\n" in text or "\r" in text or ":::" in text:
        return _PHONE_SPLIT.split(text)
    if ";" not in text:
        return [text]
    return [part.strip() for part in text.split(";")]


def repair_phone(value: CellValue) -> str:
    """A phone number a spreadsheet stored as a number gets its leading zero back.

    612345678 -> "06 12 34 56 78"; 33612345678 -> "+33 6 12 34 56 78"; text kept as typed.
    """
    text = _plain(value)
    digits = text.replace(" ", "").replace(".", "")
    if digits.isdigit():
        if len(digits) == 9 and digits[0] != "0":
            digits = "0" + digits
        if len(digits) == 11 and digits.startswith("33") and digits[2] != "0":
            d = digits
            return f"+33 {d[2]} {d[3:5]} {d[5:7]} {d[7:9]} {d[9:11]}"
        if len(digits) == 10 and digits[0] == "0":
            d = digits
            return f"{d[0:2]} {d[2:4]} {d[4:6]} {d[6:8]} {d[8:10]}"
    return clean(text)


def repair_postal_code(value: CellValue, country: str) -> str:
    """6000 -> "06000" for a French address (Belgian and Swiss codes have four digits)."""
    text = _plain(value).replace(" ", "") if not isinstance(value, str) else clean(value)
    if text.isdigit() and len(text) == 4 and fold(clean(country)) in _FRENCH_COUNTRIES:
        return "0" + text
    return text


# The last part of an address written in one cell: "75011 Paris", "F-75011 PARIS CEDEX 11",
# "1000 Bruxelles" (4-digit codes: Belgium, Switzerland, Luxembourg with "L-").
_POSTAL_LINE = re.compile(r"^(?:[A-Z]{1,2}[- ])?(\d{4,5})\s+(\D.*)$")
# A country on a line of its own after the postal line: these are the ones a French press
# office writes; any other last line is left in the street.
_COUNTRY_LINES = frozenset(
    {
        "france",
        "belgique",
        "suisse",
        "luxembourg",
        "monaco",
        "canada",
        "allemagne",
        "espagne",
        "italie",
        "royaume-uni",
        "belgium",
        "switzerland",
        "germany",
        "spain",
        "italy",
    }
)


def split_address_cell(text: str) -> tuple[str, str, str, str]:
    """(street, postal code, city, country) of a whole address typed in one cell, its parts on
    lines or after commas: "12 rue X\n75011 Paris" or "12 rue X, 75011 Paris, France". The
    postal line must be the last (or come just before a known country); else the cell is all
    street, as typed."""
    lines = [clean(x) for x in text.replace("\r", "\n").split("\n")]
    lines = [x for x in lines if x]
    joiner = "\n"
    if len(lines) == 1:
        lines = [p for p in (clean(x) for x in lines[0].split(",")) if p]
        joiner = ", "
    if len(lines) < 2:
        return text.strip(), "", "", ""
    country = ""
    if fold(lines[-1]) in _COUNTRY_LINES and len(lines) >= 3:
        country = lines.pop()
    match = _POSTAL_LINE.match(lines[-1])
    if match is None:
        return text.strip(), "", "", ""
    return joiner.join(lines[:-1]), match.group(1), clean(match.group(2)), country


def parse_date(value: CellValue) -> str | None:
    """ISO date ("YYYY-MM-DD", or "--MM-DD" without a year) from a date cell, an Excel serial
    number, or text written day first (French) or in ISO; None when it is not a date."""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, int | float) and not isinstance(value, bool):
        if 1 <= value < 2958466:  # Excel serials up to 9999-12-31
            return (_EXCEL_EPOCH + timedelta(days=int(value))).isoformat()
        return None
    text = _plain(value)
    if not text:
        return None
    match = _NOYEAR_ISO.match(text)
    if match:
        month, day = int(match.group(1)), int(match.group(2))
        return f"--{month:02d}-{day:02d}" if _valid(2000, month, day) else None
    match = _DATE_ISO.match(text)
    if match:
        year, month, day = (int(g) for g in match.groups()[:3])
        return f"{year:04d}-{month:02d}-{day:02d}" if _valid(year, month, day) else None
    match = _DATE_DMY.match(text)
    if match:
        day, month = int(match.group(1)), int(match.group(2))
        if match.group(3) is None:
            return f"--{month:02d}-{day:02d}" if _valid(2000, month, day) else None
        year = int(match.group(3))
        if year < 100:
            year += 1900 if year > (date.today().year % 100) else 2000
        return f"{year:04d}-{month:02d}-{day:02d}" if _valid(year, month, day) else None
    return None


def _valid(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def split_full_name(text: str) -> tuple[str, str]:
    """ "DUPONT Marie" / "Marie DUPONT" / "Marie Dupont" -> (given, family).

    Words written in capitals are the family name (the French convention); otherwise the
    last word is.
    """
    words = clean(text).split(" ")
    if len(words) < 2:
        return "", clean(text)
    capitals = [w for w in words if w.isupper() and len(w.strip(".-'")) > 1]
    if capitals and len(capitals) < len(words):
        family = " ".join(w for w in words if w in capitals)
        given = " ".join(w for w in words if w not in capitals)
        return given, family
    return " ".join(words[:-1]), words[-1]


# -- one row ---------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Address:
    values: dict[str, CellValue] = field(default_factory=dict)
    label: str | None = None
    explicit_label: bool = False


class _Row:
    """What the conversion of one row gathers besides the contact itself."""

    __slots__ = ("addresses", "birth", "carried", "data", "labels", "notes", "warnings")

    def __init__(self) -> None:
        self.data = ContactData()
        self.warnings: list[str] = []
        self.carried: set[str] | None = None  # set when a column's value is dropped
        self.addresses: dict[int, _Address] = {}
        self.notes: list[str] = []
        # Rare columns' state, made when met: a label column's word and the values of the
        # column it labels, by (field, slot); a birthday written in three columns.
        self.labels: dict[tuple[str, int], tuple[str | None, list[Any]]] | None = None
        self.birth: dict[str, str] | None = None

    def drop(self, carried: frozenset[str], name: str) -> None:
        """The row does not carry ``name`` after all (its value was unreadable)."""
        if self.carried is None:
            self.carried = set(carried)
        self.carried.discard(name)


# A handler gets the row's state, the column, its target, the cell (a text cell trimmed)
# and the cell as text (``_plain``), which the row loop has already worked out.
_Handler = Callable[[_Row, int, Target, CellValue, str], None]


class RowConverter:
    """Turns one raw row into a record according to a mapping.

    Each mapped column gets its handler once, here, rather than a chain of tests per cell:
    a 50,000-row sheet has a million cells.
    """

    def __init__(
        self, mapping: ColumnMapping, file: str, sheet: str | None, text_file: bool
    ) -> None:
        self.mapping = mapping
        self.file = file
        self.sheet = sheet
        self.text_file = text_file
        self.columns = sorted(mapping.columns.items())
        self.carried = mapping.carried_fields()
        handlers: dict[str, _Handler] = {
            "id": self._id,
            "kind": self._kind,
            "full_name": self._full_name,
            "email": self._email,
            "phone": self._phone,
            "url": self._url,
            "beats": self._words,
            "tags": self._words,
            "lists": self._words,
            "notes": self._notes,
            "column_note": self._column_note,
            "birthday": self._birthday,
            "birth_year": self._birth_part,
            "birth_month": self._birth_part,
            "birth_day": self._birth_part,
            "opted_out": self._opted_out,
            "opted_out_at": self._opted_out_at,
            "opted_out_reason": self._opted_out_reason,
            "lawful_basis": self._lawful_basis,
            "language": self._language,
            "email_label": self._value_label,
            "phone_label": self._value_label,
            "url_label": self._value_label,
        }
        for name in ("given_name", "family_name"):
            handlers[name] = self._name
        self._handlers = [
            (
                col,
                target,
                self._address if target.spec.addressed else handlers.get(target.field, self._text),
            )
            for col, target in self.columns
        ]
        # Value columns that a label column names (Google's "E-mail 1 - Value" beside
        # "E-mail 1 - Label"): their values are kept aside to be labelled at the end.
        self._labelled = {
            (LABEL_COLUMNS[t.field], t.slot) for _, t in self.columns if t.field in LABEL_COLUMNS
        }
        self.export = EXPORTS.get(mapping.profile or "")
        self._finish_export = self.export is not None and bool(
            self.export.opted_out or self.export.reason_when_marked
        )
        if self._finish_export:
            self.carried = self.carried | {"opted_out", "opted_out_at", "opted_out_reason"}
        self._unmapped: list[int] = []
        self._unmapped_counts: dict[int, int] = {}
        self._place_sheet = sheet

    def place(self, row: RawRow) -> SourcePlace:
        """Where ``row`` is, as messages name it."""
        return SourcePlace(self.file, line=row.line, row=row.number, sheet=self.sheet)

    def _where(self, column: int) -> str:
        header = (
            self.mapping.headers[column]
            if column < len(self.mapping.headers) and self.mapping.headers[column]
            else ""
        )
        letter = column_letter(column)
        return f"{letter} ({header})" if header else letter

    def convert(self, row: RawRow) -> ImportRecord | None:
        """The record of one row; None for a row with nothing in the mapped columns."""
        cells = row.cells
        width = len(cells)
        text_file = self.text_file
        state: _Row | None = None  # made at the first mapped cell that holds something
        for col, target, handle in self._handlers:
            if col >= width:
                break  # columns are in order
            value = cells[col]
            if isinstance(value, str):  # nearly every cell; a text file has no other kind
                if not value:
                    continue
                if text_file and "'" in value:
                    value = unguard(value)
                text = value.strip()  # type: ignore[union-attr]
                if not text:
                    continue
                if "#" in text and text in _EXCEL_ERRORS:
                    if state is None:
                        state = _Row()
                    state.warnings.append(f"column {self._where(col)}: spreadsheet error {text}")
                    continue
                value = text  # each handler reads a text cell trimmed
            elif value is None:
                continue
            else:
                text = _plain(value)  # a number, date or boolean: never empty
            if state is None:
                state = _Row()
            handle(state, col, target, value, text)
        if self._unmapped:
            counts = self._unmapped_counts
            for col in self._unmapped:
                if col < width and not is_blank(cells[col]):
                    counts[col] = counts.get(col, 0) + 1
        if state is None:
            return None
        data = state.data
        if state.notes:
            data.notes = "\n".join(n for n in state.notes if n)
        if state.addresses:
            self._add_addresses(data, state.addresses)
        if state.labels is not None:
            self._apply_labels(state.labels)
        if state.birth is not None:
            self._birth(state)
        if data.display_name and data.display_name == f"{data.given_name} {data.family_name}":
            # a display name that repeats the names is not kept (as vCard's FN): the list
            # shows the names, and a later change of name changes what is shown
            data.display_name = ""
        carried = self.carried if state.carried is None else frozenset(state.carried)
        if self._finish_export:
            assert self.export is not None
            self.export.finish(data, None)
        return ImportRecord(data, self.place(row), state.warnings, carried)

    # -- what the sheet as a whole says -------------------------------------------------------

    def watch_unmapped(self, width: int) -> None:
        """Count, row by row, the values of the columns that map to no field (and are not
        the tool's own bookkeeping), for ``notices``."""
        ignored = _bookkeeping(self.export, self.mapping.headers)
        width = max(width, len(self.mapping.headers))
        self._unmapped = [
            c for c in range(width) if c not in self.mapping.columns and c not in ignored
        ]

    def notices(self) -> list[ImportNotice]:
        """What the sheet says as a whole: the export recognised, columns left out."""
        place = SourcePlace(self.file, sheet=self.sheet)
        out = []
        if self.export is not None:
            out.append(
                ImportNotice(
                    place, "export", render_notice("export_recognised", name=self.export.name)
                )
            )
        found = [c for c in self._unmapped if self._unmapped_counts.get(c)]
        if found:
            listed = ", ".join(
                render_notice(
                    "unmapped_column",
                    header=self._header(c) or column_letter(c),
                    letter=column_letter(c),
                    count=self._unmapped_counts[c],
                )
                for c in found
            )
            out.append(
                ImportNotice(
                    place, "unmapped_columns", render_notice("unmapped_columns", columns=listed)
                )
            )
        ignored = sorted(_bookkeeping(self.export, self.mapping.headers))
        if ignored:
            names = ", ".join(self._header(c) or column_letter(c) for c in ignored)
            out.append(
                ImportNotice(
                    place,
                    "bookkeeping_columns",
                    render_notice("bookkeeping_columns", columns=names),
                )
            )
        return out

    def _header(self, column: int) -> str:
        headers = self.mapping.headers
        return headers[column] if column < len(headers) else ""

    # -- one handler per kind of field ------------------------------------------------------

    def _text(self, state: _Row, col: int, target: Target, value: CellValue, text: str) -> None:
        setattr(state.data, target.field, clean(text))

    def _id(self, state: _Row, col: int, target: Target, value: CellValue, text: str) -> None:
        if text.isdigit():
            state.data.id = int(text)
        else:
            state.warnings.append(f"column {self._where(col)}: ID {text!r} is not a number")

    def _kind(self, state: _Row, col: int, target: Target, value: CellValue, text: str) -> None:
        kind = KIND_WORDS.get(fold(text))
        if kind is None:
            state.warnings.append(f"column {self._where(col)}: unknown contact type {text!r}")
            state.drop(self.carried, "kind")
        else:
            state.data.kind = kind

    def _full_name(
        self, state: _Row, col: int, target: Target, value: CellValue, text: str
    ) -> None:
        civility, rest = take_civility(text)
        if civility and not state.data.civility:
            state.data.civility = civility
        state.data.given_name, state.data.family_name = split_full_name(rest)

    def _name(self, state: _Row, col: int, target: Target, value: CellValue, text: str) -> None:
        """A given or family name cell, with a civility written before the name taken out
        ("Mme Élodie" -> civility Mme, given name Élodie)."""
        name = clean(text)
        if " " in name:
            civility, name = take_civility(name)
            if civility and not state.data.civility:
                state.data.civility = civility
        setattr(state.data, target.field, name)

    def _email(self, state: _Row, col: int, target: Target, value: CellValue, text: str) -> None:
        found = _EMAIL_TOKEN.findall(text)
        emails = state.data.emails
        start = len(emails)
        if not found:  # kept as typed: validation names what is wrong with it
            emails.append(EmailAddress(clean(text), target.label))
        for address, word in found:
            label = label_word(word) if word else ""
            emails.append(EmailAddress(address, label or target.label))
        if self._labelled and ("email", target.slot) in self._labelled:
            self._to_label(state, "email", target.slot, emails[start:])

    def _phone(self, state: _Row, col: int, target: Target, value: CellValue, text: str) -> None:
        phones = state.data.phones
        start = len(phones)
        if not isinstance(value, str):
            if not is_blank(value):
                phones.append(Phone(repair_phone(value), target.label))
        else:
            for part in phone_parts(text):
                if not part.strip():
                    continue
                number, said = label_suffix(part)
                phones.append(Phone(repair_phone(number), said or target.label))
        if self._labelled and ("phone", target.slot) in self._labelled:
            self._to_label(state, "phone", target.slot, phones[start:])

    def _url(self, state: _Row, col: int, target: Target, value: CellValue, text: str) -> None:
        urls = state.data.urls
        start = len(urls)
        for part in split_values(text):
            link, said = label_suffix(part)
            for single in link.split():
                urls.append(WebLink(profile_link(single, target.label), said or target.label))
        if self._labelled and ("url", target.slot) in self._labelled:
            self._to_label(state, "url", target.slot, urls[start:])

    def _value_label(
        self, state: _Row, col: int, target: Target, value: CellValue, text: str
    ) -> None:
        """Google's "E-mail 1 - Label": the label of the values of "E-mail 1 - Value" (a
        leading "* " marks the primary one in the legacy format)."""
        word = text[2:] if text.startswith("* ") else text
        key = (LABEL_COLUMNS[target.field], target.slot)
        labels = state.labels if state.labels is not None else {}
        state.labels = labels
        _, items = labels.get(key, (None, []))
        labels[key] = (label_word(word.split(" ::: ")[0]), items)

    @staticmethod
    def _to_label(state: _Row, field_name: str, slot: int, items: list[Any]) -> None:
        labels = state.labels if state.labels is not None else {}
        state.labels = labels
        word, kept = labels.get((field_name, slot), (None, []))
        labels[(field_name, slot)] = (word, kept + items)

    @staticmethod
    def _apply_labels(labels: dict[tuple[str, int], tuple[str | None, list[Any]]]) -> None:
        for word, items in labels.values():
            if word:
                for item in items:
                    if not item.label:
                        item.label = word

    def _address(self, state: _Row, col: int, target: Target, value: CellValue, text: str) -> None:
        slot = state.addresses.get(target.slot)
        if slot is None:
            slot = state.addresses[target.slot] = _Address()
        name = target.field
        if name == "address_label":
            slot.label = label_word(text)
            slot.explicit_label = True
        else:
            slot.values[name] = value if name == "postal_code" else text
            if target.label and slot.label is None:
                slot.label = target.label

    def _words(self, state: _Row, col: int, target: Target, value: CellValue, text: str) -> None:
        getattr(state.data, target.field).extend(_cell_words(text))

    def _notes(self, state: _Row, col: int, target: Target, value: CellValue, text: str) -> None:
        state.notes.append(text)

    def _column_note(
        self, state: _Row, col: int, target: Target, value: CellValue, text: str
    ) -> None:
        if text in _NO_DATES:  # Outlook's "no date" in a date column sent to the notes
            return
        header = self._header(col) or column_letter(col)
        state.notes.append(render_notice("column_note", header=header, value=text))

    def _birthday(self, state: _Row, col: int, target: Target, value: CellValue, text: str) -> None:
        if text in _NO_DATES:  # Outlook's "no birthday"
            return
        if target.label == "month-first" and isinstance(value, str):
            value = _month_first(text)
        parsed = parse_date(value)
        if parsed is None:
            state.warnings.append(f"column {self._where(col)}: {text!r} is not a date, ignored")
            state.drop(self.carried, "birthday")
        else:
            state.data.birthday = parsed

    def _birth_part(
        self, state: _Row, col: int, target: Target, value: CellValue, text: str
    ) -> None:
        if state.birth is None:
            state.birth = {}
        state.birth[target.field] = text

    def _birth(self, state: _Row) -> None:
        """Thunderbird's Birth Year, Birth Month, Birth Day as one birthday (without a year:
        "--MM-DD")."""
        parts = state.birth or {}
        year, month, day = (parts.get(k, "") for k in ("birth_year", "birth_month", "birth_day"))
        if not (month or day):
            return
        try:
            iso = f"{int(year):04d}-" if year else "--"
            iso += f"{int(month):02d}-{int(day):02d}"
        except ValueError:
            iso = ""
        parsed = parse_date(iso) if iso else None
        if parsed is None:
            said = "/".join(p for p in (day, month, year) if p)
            state.warnings.append(f"birthday {said!r} is not a date, ignored")
            state.drop(self.carried, "birthday")
        else:
            state.data.birthday = parsed

    def _opted_out(
        self, state: _Row, col: int, target: Target, value: CellValue, text: str
    ) -> None:
        word = fold(text)
        if word in _TRUE_WORDS:
            state.data.opted_out = True
        elif word not in _FALSE_WORDS:
            state.warnings.append(f"column {self._where(col)}: {text!r} is not yes or no, ignored")
            state.drop(self.carried, "opted_out")

    def _opted_out_at(
        self, state: _Row, col: int, target: Target, value: CellValue, text: str
    ) -> None:
        """The date a person opted out (Mailchimp's UNSUB_TIME, our export's column): a row
        with one is opted out."""
        when: datetime | None
        if isinstance(value, datetime):
            when = value.replace(tzinfo=UTC) if value.tzinfo is None else value
        elif isinstance(value, date):
            when = datetime(value.year, value.month, value.day, tzinfo=UTC)
        else:
            when = parse_timestamp(text)
            if when is None:
                day = parse_date(value)
                if day is not None and not day.startswith("--"):
                    when = datetime.fromisoformat(day).replace(tzinfo=UTC)
        if when is None:
            state.warnings.append(f"column {self._where(col)}: {text!r} is not a date, ignored")
            state.drop(self.carried, "opted_out_at")
            return
        state.data.opted_out = True
        state.data.opted_out_at = when

    def _opted_out_reason(
        self, state: _Row, col: int, target: Target, value: CellValue, text: str
    ) -> None:
        data = state.data
        data.opted_out_reason = (
            f"{data.opted_out_reason} — {text}" if data.opted_out_reason else text
        )

    def _lawful_basis(
        self, state: _Row, col: int, target: Target, value: CellValue, text: str
    ) -> None:
        basis = BASIS_WORDS.get(fold(text))
        if basis is None:
            try:
                basis = LawfulBasis(text)
            except ValueError:
                state.warnings.append(f"column {self._where(col)}: unknown lawful basis {text!r}")
                state.drop(self.carried, "lawful_basis")
        if basis is not None:
            state.data.lawful_basis = basis

    def _language(self, state: _Row, col: int, target: Target, value: CellValue, text: str) -> None:
        state.data.language = _language_code(text)

    @staticmethod
    def _add_addresses(data: ContactData, addresses: dict[int, _Address]) -> None:
        for slot_index in sorted(addresses):
            slot = addresses[slot_index]
            # every part is a trimmed text cell (``_address``) but the postal code, which
            # may be a number
            get = slot.values.get
            country: str = get("country", "")  # type: ignore[assignment]
            postal = get("postal_code", "")
            street: str = get("street", "").strip()  # type: ignore[union-attr]
            city = clean(get("city", ""))  # type: ignore[arg-type]
            if street and postal == "" and not city:
                # the whole address in the street cell: "12 rue X\n75011 Paris"
                street, postal, city, found_country = split_address_cell(street)
                country = country or found_country
            address = PostalAddress(
                label=slot.label if slot.label is not None else "work",
                street=street,
                extended=clean(get("extended", "")),  # type: ignore[arg-type]
                po_box=clean(get("po_box", "")),  # type: ignore[arg-type]
                postal_code=repair_postal_code(postal, country) if postal != "" else "",
                city=city,
                region=clean(get("region", "")),  # type: ignore[arg-type]
                country=clean(country),
            )
            if not address.is_empty():
                data.addresses.append(address)


def records_preview(preview: SheetPreview, mapping: ColumnMapping) -> list[ImportRecord | None]:
    """How the first data rows will be imported with ``mapping`` (None: row skipped)."""
    converter = RowConverter(mapping, preview.path.name, preview.sheet, is_text_file(preview.path))
    start = mapping.header_row if mapping.header_row is not None else 0
    out: list[ImportRecord | None] = []
    for row in preview.rows[start:]:
        if not any(not is_blank(v) for v in row.cells):
            continue
        out.append(converter.convert(row))
        if len(out) >= PREVIEW_ROWS:
            break
    return out
