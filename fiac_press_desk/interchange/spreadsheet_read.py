"""Reading rows out of spreadsheet files: .xlsx/.xls/.ods through python-calamine, .csv/.txt
through the standard csv module, and the HTML pages or Excel 2003 XML files that web tools
save as .xls through ``spreadsheet_markup``.

calamine (Rust) reads all three workbook formats with one API and is several times faster than
openpyxl's read-only mode on the same .xlsx (see ``benchmarks/bench_spreadsheet.py``); it gives
typed cells (numbers, dates, booleans) which the importer needs to repair phone numbers and
postal codes that lost their leading zero. It exposes merged ranges for .xlsx and .xls only, so
the few merged header cells of an .ods are read from its ``content.xml`` here.

French Excel saves CSV as Windows-1252 with ``;``; other tools write UTF-8 (with or without a
BOM), UTF-16 or tabs. ``sniff_text`` decides the encoding and the delimiter, then rows stream.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal
from xml.etree.ElementTree import iterparse

from fiac_press_desk.interchange.spreadsheet_messages import render

if TYPE_CHECKING:
    from fiac_press_desk.interchange.spreadsheet_markup import MarkupBook

CellValue = str | int | float | bool | date | datetime | time | timedelta
# .htm/.html: a web page's tables, read like a workbook (spreadsheet_markup)
WORKBOOK_SUFFIXES = frozenset({".xlsx", ".xlsm", ".xlsb", ".xls", ".ods", ".htm", ".html"})
TEXT_SUFFIXES = frozenset({".csv", ".txt", ".tsv"})
SPREADSHEET_SUFFIXES = WORKBOOK_SUFFIXES | TEXT_SUFFIXES
DELIMITERS = (";", ",", "\t")
MAX_COLUMNS = 1_000  # cells a row may hold (Outlook's export, the widest known, has about 90)
_SNIFF_BYTES = 256 * 1024


class SpreadsheetError(Exception):
    """The file (or the sheet asked for) cannot be read at all."""

    def __init__(self, file: str, message: str, line: int | None = None) -> None:
        super().__init__(f"{file}: {message}")
        self.file = file
        self.message = message
        self.line = line  # text files: the line where reading broke


@dataclass(frozen=True)
class SheetInfo:
    """A sheet of a workbook, and whether the workbook shows it."""

    name: str
    visible: bool = True


@dataclass(frozen=True)
class TextFormat:
    """How a text file is written: what ``sniff_text`` found."""

    encoding: str  # a Python codec name: utf-8-sig, utf-8, utf-16, cp1252
    delimiter: str


@dataclass(frozen=True)
class MergedRange:
    """Inclusive, 0-based cell coordinates of a merged block."""

    first_row: int
    first_col: int
    last_row: int
    last_col: int


@dataclass
class RawRow:
    """One row: ``number`` as the spreadsheet shows it (1-based), cells from column A."""

    number: int
    cells: list[CellValue]
    line: int | None = None  # text files: the physical line where the record starts
    error: str | None = None  # why this row could not be read (its cells are then empty)


@dataclass
class SheetSource:
    """An opened sheet (or text file) whose rows can be streamed once."""

    path: Path
    sheet: str | None  # None for a text file
    merged: list[MergedRange] = field(default_factory=list)
    text_format: TextFormat | None = None
    _rows: Iterator[RawRow] | None = None

    def rows(self) -> Iterator[RawRow]:
        """The rows, read as they are asked for; once only (they are not kept)."""
        if self._rows is None:
            raise RuntimeError("rows() may be called once")
        rows, self._rows = self._rows, None
        return rows


def is_text_file(path: Path) -> bool:
    """A CSV or text file rather than a workbook, by its name."""
    return path.suffix.lower() in TEXT_SUFFIXES


# -- workbooks ------------------------------------------------------------------------------------


def _workbook(path: Path) -> Any:
    import python_calamine

    if not path.is_file():
        raise SpreadsheetError(path.name, render("sheet_file_not_found"))
    from fiac_press_desk.interchange.workbook_guard import WorkbookRefused, check_workbook

    try:
        check_workbook(path)  # calamine aborts the process on some forged files: never reach it
    except WorkbookRefused as exc:
        raise SpreadsheetError(path.name, exc.message) from None
    try:
        return python_calamine.CalamineWorkbook.from_path(str(path))
    except FileNotFoundError:
        raise SpreadsheetError(path.name, render("sheet_file_not_found")) from None
    except Exception as exc:  # calamine raises its own error classes, plus ValueError/IOError
        kind = _text_kind(path)
        if kind is not None:
            raise SpreadsheetError(path.name, render(_TEXT_KIND_MESSAGES[kind])) from None
        raise SpreadsheetError(path.name, render("sheet_unreadable", detail=_detail(exc))) from None


def _detail(exc: BaseException) -> str:
    """What the reader's error means, in the press officer's language: the library's own text
    ("invalid Zip archive: Could not find EOCD") is English and says nothing to them."""
    text = f"{type(exc).__name__} {exc}".lower()
    if "zip" in text or "eocd" in text:
        return render("detail_zip")
    if isinstance(exc, PermissionError):
        return render("detail_permission")
    return render("detail_damaged")


_TextKind = Literal["html", "xml2003", "text"]
# What the importer says of a text file named like a workbook that it does not read as one.
_TEXT_KIND_MESSAGES: dict[_TextKind, str] = {
    "html": "sheet_html",
    "xml2003": "sheet_xml2003",
    "text": "sheet_text_named_workbook",
}


def _markup_kind(path: Path) -> Literal["html", "xml2003"] | None:
    """Whether a file named like a workbook is really an HTML page or Excel 2003 XML, the
    "Excel exports" of many web tools: those are read by ``spreadsheet_markup``."""
    kind = _text_kind(path)
    return None if kind == "text" else kind


def _text_kind(path: Path) -> _TextKind | None:
    """What a text file named like a workbook really is, from its first bytes (None: not
    text). Web tools' "Excel exports" are often an HTML table or Excel 2003 XML saved as .xls
    (``_markup_kind`` reads those); any other text gets a message saying what it is."""
    try:
        with path.open("rb") as handle:
            head = handle.read(4096)
    except OSError:
        return None
    for bom, codec in (
        (b"\xef\xbb\xbf", "utf-8"),
        (b"\xff\xfe", "utf-16-le"),
        (b"\xfe\xff", "utf-16-be"),
    ):
        if head.startswith(bom):
            head = head[len(bom) :].decode(codec, "replace").encode("ascii", "replace")
            break
    text = head.lstrip().lower()
    if b"urn:schemas-microsoft-com:office:spreadsheet" in text:
        return "xml2003"
    if text.startswith(b"<") and (b"<table" in text or b"<html" in text):
        return "html"
    if text[:1] in (b"<", b"{", b"["):
        return "text"
    return None


def list_sheets(path: Path) -> list[SheetInfo]:
    """Worksheets of a workbook in file order (a text file has one unnamed sheet: [])."""
    if is_text_file(path):
        return []
    book = _markup_book(path)
    if book is not None:
        return [SheetInfo(s.name, s.visible) for s in book.sheets]
    workbook = _workbook(path)
    try:
        return _worksheets(workbook)
    finally:
        workbook.close()


def _worksheets(workbook: Any) -> list[SheetInfo]:
    """The worksheets (not chart sheets) of an opened calamine workbook, in file order."""
    return [
        SheetInfo(meta.name, str(meta.visible) == "SheetVisibleEnum.Visible")
        for meta in workbook.sheets_metadata
        if str(meta.typ) == "SheetTypeEnum.WorkSheet"
    ]


def open_sheet(path: Path, sheet: str | None = None) -> SheetSource:
    """Open ``sheet`` (default: the first visible one) of a workbook, or a text file."""
    if is_text_file(path):
        fmt = sniff_text(path)
        return SheetSource(path, None, text_format=fmt, _rows=_text_rows(path, fmt))
    book = _markup_book(path)
    if book is not None:
        return _open_markup_sheet(path, book, sheet)
    workbook = _workbook(path)
    try:
        found = _worksheets(workbook)  # from the workbook just opened, not opened again
        names = [s.name for s in found]
        if sheet is None:
            visible = [s.name for s in found if s.visible] or names
            if not visible:
                raise SpreadsheetError(path.name, render("sheet_no_worksheet"))
            sheet = visible[0]
        if sheet not in names:
            raise SpreadsheetError(
                path.name,
                render(
                    "sheet_unknown", sheet=sheet, sheets=", ".join(names) or render("sheet_none")
                ),
            )
        try:
            data = workbook.get_sheet_by_name(sheet)
        except Exception as exc:
            raise SpreadsheetError(
                path.name, render("sheet_cannot_read", sheet=sheet, detail=_detail(exc))
            ) from None
        merged = _merged_ranges(path, sheet, data)
    except BaseException:
        workbook.close()  # the rows' generator closes it otherwise
        raise
    return SheetSource(path, sheet, merged=merged, _rows=_workbook_rows(workbook, data))


def _markup_book(path: Path) -> MarkupBook | None:
    """The sheets of an HTML or Excel 2003 XML file named like a workbook, None for anything
    else. Raises when the markup holds no table or worksheet at all, or broke before one."""
    if path.suffix.lower() not in WORKBOOK_SUFFIXES or not path.is_file():
        return None
    kind = _markup_kind(path)
    if kind is None:
        return None
    from fiac_press_desk.interchange.spreadsheet_markup import read_markup

    book = read_markup(path, kind)
    if book.broken is not None:
        raise book.broken.error(path.name)
    if not book.sheets:
        empty = "sheet_html_no_table" if kind == "html" else "sheet_xml2003_no_worksheet"
        raise SpreadsheetError(path.name, render(empty))
    return book


def _open_markup_sheet(path: Path, book: MarkupBook, sheet: str | None) -> SheetSource:
    if sheet is None:
        sheet = next((s.name for s in book.sheets if s.visible), book.sheets[0].name)
    found = book.sheet(sheet)
    if found is None:
        names = [s.name for s in book.sheets]
        raise SpreadsheetError(
            path.name, render("sheet_unknown", sheet=sheet, sheets=", ".join(names))
        )

    def rows() -> Iterator[RawRow]:
        for row in found.rows:  # copies: the parsed book is kept for the next opening
            copy = RawRow(row.number, list(row.cells))
            yield copy if len(copy.cells) <= MAX_COLUMNS else _too_wide(copy)
        if found.broken is not None:
            raise found.broken.error(path.name)

    return SheetSource(path, sheet, merged=list(found.merged), _rows=rows())


def _workbook_rows(workbook: Any, data: Any) -> Iterator[RawRow]:
    """Rows with absolute positions. calamine's ``iter_rows`` starts at row 1 of the sheet
    (leading empty rows included) but at the first used column, so cells are shifted right
    by that column to keep column A at index 0 (tests check this for every format)."""
    try:
        start = data.start
        if start is None:  # an empty sheet
            return
        pad = [""] * start[1]
        for index, cells in enumerate(data.iter_rows()):
            row = RawRow(index + 1, pad + cells if pad else cells)
            yield row if len(row.cells) <= MAX_COLUMNS else _too_wide(row)
    finally:
        workbook.close()


def _merged_ranges(path: Path, sheet: str, data: Any) -> list[MergedRange]:
    found = data.merged_cell_ranges
    if found is not None:
        return [MergedRange(r1, c1, r2, c2) for (r1, c1), (r2, c2) in found]
    if path.suffix.lower() == ".ods":
        # every row, not only the header's: a cell merged down the data rows gives its value
        # to each row it spans (spreadsheet_import._fill_down)
        return ods_merged_ranges(path, sheet, max_rows=None)
    return []


_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"


def ods_merged_ranges(path: Path, sheet: str, max_rows: int | None = 60) -> list[MergedRange]:
    """Merged blocks in the first ``max_rows`` rows of an .ods sheet (None: all of them).

    calamine does not report them for OpenDocument; the spans are attributes of the
    first cell of each block in ``content.xml``, parsed incrementally and abandoned early.
    """
    out: list[MergedRange] = []
    try:
        with zipfile.ZipFile(path) as archive, archive.open("content.xml") as content:
            in_sheet = False
            row = col = 0
            for event, elem in iterparse(content, events=("start", "end")):
                tag = elem.tag
                if event == "start":
                    if tag == f"{_TABLE}table":
                        in_sheet = elem.get(f"{_TABLE}name") == sheet
                        row = 0
                    elif in_sheet and tag == f"{_TABLE}table-row":
                        col = 0
                    elif in_sheet and tag in (f"{_TABLE}table-cell", f"{_TABLE}covered-table-cell"):
                        cols = int(elem.get(f"{_TABLE}number-columns-spanned", "1"))
                        rows = int(elem.get(f"{_TABLE}number-rows-spanned", "1"))
                        if tag == f"{_TABLE}table-cell" and (cols > 1 or rows > 1):
                            out.append(MergedRange(row, col, row + rows - 1, col + cols - 1))
                        col += int(elem.get(f"{_TABLE}number-columns-repeated", "1"))
                    continue
                if tag == f"{_TABLE}table" and in_sheet:
                    break
                if in_sheet and tag == f"{_TABLE}table-row":
                    row += int(elem.get(f"{_TABLE}number-rows-repeated", "1"))
                    if max_rows is not None and row >= max_rows:
                        break
                elem.clear()
    except (OSError, KeyError, zipfile.BadZipFile, SyntaxError):
        return []  # merged headers are a nicety: the rows themselves are read by calamine
    return out


# -- text files -----------------------------------------------------------------------------------

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def detect_encoding(path: Path) -> str:
    """UTF-8/16/32 by their BOM, UTF-16 without BOM by its zero bytes, else UTF-8 if the
    whole file decodes as UTF-8, else Windows-1252 (what French Excel writes)."""
    with path.open("rb") as raw:
        head = raw.read(4096)
        for bom, codec in _BOMS:
            if head.startswith(bom):
                return codec
        if len(head) >= 4:
            even_zeros = head[0::2].count(0)
            odd_zeros = head[1::2].count(0)
            half = len(head) // 2
            if odd_zeros > half * 0.3 and even_zeros == 0:
                return "utf-16-le"
            if even_zeros > half * 0.3 and odd_zeros == 0:
                return "utf-16-be"
        raw.seek(0)
        decoder = codecs.getincrementaldecoder("utf-8")()
        try:
            while chunk := raw.read(1 << 20):
                decoder.decode(chunk)
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            return "cp1252"
    return "utf-8"


def sniff_delimiter(sample: str) -> str:
    """The delimiter among ``;`` ``,`` tab that splits the first lines most consistently.

    Scored on real csv parsing (quotes respected): most lines with the same field count > 1,
    then the larger field count. French Excel's ``;`` wins over the commas inside addresses.
    """
    lines = sample.splitlines(keepends=True)
    if len(lines) > 1 and not sample.endswith(("\n", "\r")):
        lines = lines[:-1]  # the sample may cut the last line
    text = "".join(lines[:200])
    best, best_score = ";", (-1, -1)
    for delimiter in DELIMITERS:
        try:
            counts = [len(r) for r in csv.reader(io.StringIO(text), delimiter=delimiter) if r]
        except csv.Error:
            continue
        if not counts:
            continue
        common = max(set(counts), key=counts.count)
        if common < 2:
            continue
        score = (counts.count(common), common)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def sniff_text(path: Path) -> TextFormat:
    """The encoding and delimiter of a text file; SpreadsheetError when it is not text."""
    encoding = detect_encoding(path)
    try:
        with path.open("r", encoding=encoding, newline="") as handle:
            sample = handle.read(_SNIFF_BYTES)
    except OSError as exc:
        raise SpreadsheetError(path.name, exc.strerror or str(exc)) from None
    except UnicodeDecodeError as exc:
        raise SpreadsheetError(path.name, render("text_undecodable", reason=exc.reason)) from None
    if "\x00" in sample:
        raise SpreadsheetError(path.name, render("text_binary"))
    return TextFormat(encoding, sniff_delimiter(sample))


def _text_rows(path: Path, fmt: TextFormat) -> Iterator[RawRow]:
    try:
        handle = path.open("r", encoding=fmt.encoding, newline="")
    except OSError as exc:
        raise SpreadsheetError(path.name, exc.strerror or str(exc)) from None
    with handle:
        # line_num: the physical lines the reader has taken, so a record spanning several
        # lines is placed at its first
        reader = csv.reader(handle, delimiter=fmt.delimiter)
        number = 0
        while True:
            start = reader.line_num + 1
            try:
                cells = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                message = render("text_line_error", line=start, detail=_csv_reason(exc))
                if "field larger than field limit" not in str(exc):
                    raise SpreadsheetError(path.name, message, line=start) from None
                # One over-long cell costs its row only: the reader goes on at the next line
                # (the row's place is given with its message).
                number += 1
                yield RawRow(number, [], line=start, error=_csv_reason(exc))
                continue
            except UnicodeDecodeError as exc:
                raise SpreadsheetError(
                    path.name,
                    render("text_line_undecodable", line=start, reason=exc.reason),
                    line=start,
                ) from None
            number += 1
            if len(cells) > MAX_COLUMNS:
                yield _too_wide(RawRow(number, cells, line=start))  # type: ignore[arg-type]
                continue
            yield RawRow(number, cells, line=start)  # type: ignore[arg-type]  # a new list each


def _too_wide(row: RawRow) -> RawRow:
    """A row of more than ``MAX_COLUMNS`` cells: its trailing blanks dropped, or, when that is
    not enough, reported instead of read (a header search over a million columns took
    minutes)."""
    cells = row.cells
    end = len(cells)
    while end > MAX_COLUMNS and is_blank(cells[end - 1]):
        end -= 1
    if end <= MAX_COLUMNS:
        return RawRow(row.number, cells[:end], line=row.line)
    message = render("row_too_wide", count=end, limit=MAX_COLUMNS)
    return RawRow(row.number, [], line=row.line, error=message)


def _csv_reason(exc: csv.Error) -> str:
    """The csv module's reason, in the user's language where we know it."""
    if "field larger than field limit" in str(exc):
        return render("text_cell_too_long", limit=f"{csv.field_size_limit():,}".replace(",", " "))
    return str(exc)


# -- small helpers shared by the importer ---------------------------------------------------------

_COLUMN = re.compile(r"^[A-Z]{1,2}$")  # A..ZZ: a 3-letter word is more likely a header


def column_letter(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA: the column names every spreadsheet shows."""
    out = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        out = chr(65 + rem) + out
    return out


def column_index(letter: str) -> int | None:
    """The 0-based index of a column letter ("A", "AB"), or None."""
    text = letter.strip().upper()
    if not _COLUMN.match(text):
        return None
    value = 0
    for ch in text:
        value = value * 26 + (ord(ch) - 64)
    return value - 1


def is_blank(value: CellValue | None) -> bool:
    """Nothing in the cell but white space."""
    return value is None or (isinstance(value, str) and not value.strip())
