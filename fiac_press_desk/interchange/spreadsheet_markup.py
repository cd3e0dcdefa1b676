"""Reading the "Excel exports" that are not workbooks: an HTML page holding ``<table>``s, or
an Excel 2003 "XML Spreadsheet" (SpreadsheetML), saved with a .xls name by press databases,
CRMs and registration forms. python-calamine reads neither; this module turns both into the
sheets, rows (``RawRow``, 1-based, column A at index 0) and merged blocks (``MergedRange``)
that ``spreadsheet_read`` gives for a real workbook, so header detection, mapping, preview and
plan work unchanged. Standard library only: ``html.parser`` and ``ElementTree.iterparse``.

HTML is read the way a browser shows it: each ``<table>`` is a sheet, ``colspan``/``rowspan``
give merged blocks whose covered cells are empty, ``<br>`` is a line break, white space is
collapsed, a nested table is a sheet of its own and not part of its parent's cells. Every
cell is text, as the page shows it (the importer repairs phones and postcodes from text).
SpreadsheetML cells keep their type: numbers as int/float, DateTime as date/datetime/time,
Boolean as bool, like calamine gives them for a workbook.

A file cut short (a table still open when the HTML ends, XML that breaks) keeps the rows
read before the break; reading the sheet then raises a ``SpreadsheetError`` naming the file
and the line where it broke, which the importer reports after those rows.
"""

from __future__ import annotations

import codecs
import contextlib
import re
import threading
from dataclasses import dataclass, field
from datetime import date, datetime, time
from html.parser import HTMLParser
from pathlib import Path
from typing import Literal
from xml.etree.ElementTree import Element, ParseError, iterparse

from fiac_press_desk.interchange.spreadsheet_messages import render
from fiac_press_desk.interchange.spreadsheet_read import (
    CellValue,
    MergedRange,
    RawRow,
    SpreadsheetError,
)

MarkupKind = Literal["html", "xml2003"]

# Browsers cap spans (HTML standard): a hostile colspan cannot make a million columns.
_MAX_COLSPAN = 1000
_MAX_ROWSPAN = 65534


@dataclass(frozen=True)
class Break:
    """Where and why a file stopped being readable; rendered when raised, in the language
    of that moment (a parsed file is kept and may be opened again after a change)."""

    code: str
    params: dict[str, object]
    line: int | None

    def error(self, file: str) -> SpreadsheetError:
        """The error to raise for ``file``, in the language of now."""
        return SpreadsheetError(file, render(self.code, **self.params), line=self.line)


@dataclass
class MarkupSheet:
    """One table or worksheet, wholly read: its rows are short lists, built once."""

    name: str
    visible: bool = True
    rows: list[RawRow] = field(default_factory=list)
    merged: list[MergedRange] = field(default_factory=list)
    broken: Break | None = None  # why reading stopped in this sheet (file cut short)


@dataclass
class MarkupBook:
    """The sheets of an HTML or SpreadsheetML file, and where it broke if it did."""

    sheets: list[MarkupSheet]
    broken: Break | None = None  # the file broke before any sheet began
    _by_name: dict[str, MarkupSheet] | None = None

    def sheet(self, name: str) -> MarkupSheet | None:
        """The sheet named ``name``, found in a dict built once (a page may hold 100,000
        tables, and a scan per opening made finding the contacts quadratic)."""
        if self._by_name is None:
            self._by_name = {}
            for sheet in self.sheets:
                self._by_name.setdefault(sheet.name, sheet)
        return self._by_name.get(name)


def read_markup(path: Path, kind: MarkupKind) -> MarkupBook:
    """The sheets of an HTML or SpreadsheetML file. The importer opens a file several times
    (list the sheets, find the one holding contacts, preview, parse): the last file read is
    kept, keyed on its size and modification time, so it is parsed once."""
    try:
        stat = path.stat()
    except OSError:
        raise SpreadsheetError(path.name, render("sheet_file_not_found")) from None
    key = (str(path.resolve()), kind, stat.st_mtime_ns, stat.st_size)
    with _cache_lock:
        cached = _cache.get(key)
    if cached is not None:
        return cached
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SpreadsheetError(path.name, exc.strerror or str(exc)) from None
    book = read_html(data) if kind == "html" else read_spreadsheetml(data)
    with _cache_lock:
        _cache.clear()
        _cache[key] = book
    return book


_cache: dict[tuple[str, str, int, int], MarkupBook] = {}  # the last file read
_cache_lock = threading.Lock()


# -- HTML -----------------------------------------------------------------------------------------

_META_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.I)
# What browsers decode for a declared label (WHATWG Encoding): latin-1 is really cp1252.
_CHARSET_ALIASES = {
    "iso-8859-1": "cp1252",
    "iso8859-1": "cp1252",
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "us-ascii": "cp1252",
    "ascii": "cp1252",
    "windows-1252": "cp1252",
}


def decode_html(data: bytes) -> str:
    """BOM, else the ``<meta charset>`` / http-equiv content type of the first 4 KB, else
    UTF-8 if the whole page decodes, else Windows-1252 (what French Windows tools write)."""
    for bom, codec in (
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if data.startswith(bom):
            return data[len(bom) :].decode(codec, "replace")
    declared = _META_CHARSET.search(data[:4096])
    candidates = []
    if declared:
        label = declared.group(1).decode("ascii").lower()
        label = _CHARSET_ALIASES.get(label, label)
        with contextlib.suppress(LookupError):
            candidates.append(codecs.lookup(label).name)
    candidates += ["utf-8", "cp1252"]
    for codec in candidates:
        if codec.startswith("utf-16"):
            continue  # a page declaring UTF-16 without a BOM was re-encoded on its way here
        try:
            return data.decode(codec)
        except UnicodeDecodeError:
            continue
    return data.decode("cp1252", "replace")


_BREAK = "\n"  # a <br>: a line break in the cell
_SOFT = "\x00"  # a block boundary (<p>, <div>, <li>): a break only between two texts
_BLOCKS = frozenset({"p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6"})
_SKIPPED = frozenset({"script", "style", "template", "noscript"})
_SPACES = re.compile(r"[ \t\n\r\f\xa0]+")


def _cell_text(pieces: list[str]) -> str:
    """White space collapsed as a browser shows it, each line trimmed, ``<br>`` kept."""
    if len(pieces) == 1 and pieces[0] not in (_BREAK, _SOFT):
        return _SPACES.sub(" ", pieces[0]).strip()  # the common cell: one run of text
    lines: list[str] = []
    current: list[str] = []
    for piece in pieces:
        if piece == _BREAK:
            lines.append("".join(current))
            current = []
        elif piece == _SOFT:
            if "".join(current).strip(" \t\n\r\f\xa0"):
                lines.append("".join(current))
                current = []
        else:
            current.append(piece)
    lines.append("".join(current))
    cleaned = [_SPACES.sub(" ", line).strip() for line in lines]
    while cleaned and not cleaned[-1]:
        cleaned.pop()
    while cleaned and not cleaned[0]:
        cleaned.pop(0)
    return "\n".join(cleaned)


def _span(value: str | None, limit: int) -> int:
    if value is None:
        return 1
    try:
        number = int((value or "1").strip())
    except ValueError:
        return 1
    return min(max(number, 1), limit)


@dataclass
class _Table:
    """A table being read: the HTML table model (a cell skips the slots still covered by a
    rowspan from above) with the rows completed so far."""

    number: int  # 1-based, in the order the tables begin
    start_line: int
    caption: list[str] | None = None
    in_caption: bool = False
    rows: list[RawRow] = field(default_factory=list)
    merged: list[MergedRange] = field(default_factory=list)
    row: dict[int, str] | None = None  # the open row: column -> text
    cell: list[str] | None = None  # the open cell's pieces
    cell_col: int = 0
    next_col: int = 0
    spans: list[tuple[int, int, int]] = field(default_factory=list)  # first, last col, last row

    def covered(self, col: int) -> bool:
        index = len(self.rows)
        return any(
            first <= col <= last and last_row >= index for first, last, last_row in self.spans
        )

    def open_row(self) -> None:
        self.close_row()
        self.row = {}
        self.next_col = 0
        if self.spans:  # spans that ended above stop being checked for every cell
            index = len(self.rows)
            self.spans = [span for span in self.spans if span[2] >= index]

    def close_row(self) -> None:
        self.close_cell()
        if self.row is None:
            return
        index = len(self.rows)
        width = max(self.row, default=-1) + 1
        # slots a rowspan from above covers at the end of the row count as cells of it
        for _first, last, last_row in self.spans:
            if last_row >= index:
                width = max(width, last + 1)
        cells: list[CellValue] = [self.row.get(c, "") for c in range(width)]
        self.rows.append(RawRow(index + 1, cells))
        self.row = None

    def open_cell(self, colspan: int, rowspan: int) -> None:
        if self.row is None:
            self.open_row()
        self.close_cell()
        col = self.next_col
        while self.covered(col):
            col += 1
        row = len(self.rows)
        self.cell, self.cell_col = [], col
        self.next_col = col + colspan
        if colspan > 1 or rowspan > 1:
            last_row = row + rowspan - 1
            self.merged.append(MergedRange(row, col, last_row, col + colspan - 1))
            if rowspan > 1:
                self.spans.append((col, col + colspan - 1, last_row))

    def close_cell(self) -> None:
        if self.cell is None or self.row is None:
            self.cell = None
            return
        self.row[self.cell_col] = _cell_text(self.cell)
        self.cell = None

    def finish(self) -> None:
        self.close_row()
        last = len(self.rows) - 1
        # a rowspan reaching past the last row stops there, as a browser draws it
        self.merged = [
            MergedRange(m.first_row, m.first_col, min(m.last_row, last), m.last_col)
            for m in self.merged
            if m.first_row <= last
        ]


class _TableParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tables: list[_Table] = []  # every table, in the order they begin
        self.open: list[_Table] = []  # nesting stack, innermost last
        self.title: list[str] | None = None
        self.title_text = ""
        self.skipping = 0
        self.document_closed = False  # </body> or </html> after the last table opened

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED:
            self.skipping += 1
            return
        if self.skipping:
            return
        if tag == "title" and self.title is None and not self.open:
            self.title = []
            return
        if tag == "table":
            self._text(_SOFT)
            new = _Table(len(self.tables) + 1, self.getpos()[0])
            self.tables.append(new)
            self.open.append(new)
            self.document_closed = False
            return
        table = self.open[-1] if self.open else None
        if table is None:
            return
        if tag == "caption":
            table.caption, table.in_caption = table.caption or [], True
        elif tag == "tr":
            table.open_row()
        elif tag in ("td", "th"):
            found = dict(attrs)
            table.in_caption = False
            table.open_cell(
                _span(found.get("colspan"), _MAX_COLSPAN),
                _span(found.get("rowspan"), _MAX_ROWSPAN),
            )
        elif tag == "br":
            self._text(_BREAK)
        elif tag in _BLOCKS:
            self._text(_SOFT)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("br", "table", "tr", "td", "th"):
            self.handle_starttag(tag, attrs)
            if tag != "br":
                self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED:
            self.skipping = max(0, self.skipping - 1)
            return
        if self.skipping:
            return
        if tag == "title" and self.title is not None and not self.title_text:
            self.title_text = _cell_text(self.title) or " "
            return
        if tag in ("body", "html"):
            self.document_closed = True
            return
        table = self.open[-1] if self.open else None
        if table is None:
            return
        if tag == "table":
            table.finish()
            self.open.pop()
            self._text(_SOFT)
        elif tag == "caption":
            table.in_caption = False
        elif tag in ("td", "th"):
            table.close_cell()
        elif tag in ("tr", "thead", "tbody", "tfoot"):
            table.close_row()
        elif tag in _BLOCKS:
            self._text(_SOFT)

    def handle_data(self, data: str) -> None:
        if self.skipping:
            return
        if self.title is not None and not self.title_text:
            self.title.append(data)
            return
        self._text(data)

    def _text(self, piece: str) -> None:
        if not self.open:
            return
        table = self.open[-1]
        if table.in_caption and table.caption is not None:
            table.caption.append(piece)
        elif table.cell is not None:
            table.cell.append(piece)
        # text loose in a table, outside any cell, is drawn outside it by a browser: dropped


def read_html(data: bytes) -> MarkupBook:
    """The tables of an HTML page (an 'Excel export' or a saved page) as sheets."""
    parser = _TableParser()
    parser.feed(decode_html(data))
    parser.close()
    cut: _Table | None = None
    if parser.open and not parser.document_closed:
        # the page stops inside a table: it was cut short (a download or a copy that broke).
        # The row being read is dropped (its last cell may be half a value); the rows before
        # it are kept and reading the sheet reports the break after them.
        cut = parser.open[0]
        for table in parser.open:
            table.row = table.cell = None
    for table in reversed(parser.open):
        table.finish()
    names = _html_names(parser.tables, parser.title_text.strip())
    sheets = []
    for table, name in zip(parser.tables, names, strict=True):
        sheet = MarkupSheet(name, rows=table.rows, merged=table.merged)
        if cut is not None and table in parser.open:
            end = parser.getpos()[0]
            params: dict[str, object] = {"table": name, "line": table.start_line, "end": end}
            sheet.broken = Break("markup_html_cut", params, end)
        sheets.append(sheet)
    return MarkupBook(sheets)


def _html_names(tables: list[_Table], title: str) -> list[str]:
    """Caption, else the page title for a lone table, else "Tableau N"; unique. Not
    translated: a saved mapping and ``--sheet`` name the sheet, whatever the language."""
    names: list[str] = []
    taken: set[str] = set()
    for table in tables:
        name = _cell_text(table.caption).replace("\n", " ") if table.caption else ""
        if not name and len(tables) == 1:
            name = title
        if not name:
            name = f"Tableau {table.number}"
        names.append(_unique(name, taken))
    return names


def _unique(name: str, taken: set[str]) -> str:
    candidate, n = name, 2
    while candidate.casefold() in taken:
        candidate, n = f"{name} ({n})", n + 1
    taken.add(candidate.casefold())
    return candidate


# -- SpreadsheetML (Excel 2003 XML) ---------------------------------------------------------------

_SS = "{urn:schemas-microsoft-com:office:spreadsheet}"
_X = "{urn:schemas-microsoft-com:office:excel}"
_INTEGER = re.compile(r"^[+-]?\d+$")
_HIDDEN = frozenset({"sheethidden", "sheetveryhidden"})


def _attr(elem: Element, name: str) -> str | None:
    """An ``ss:`` attribute; some writers leave it unprefixed under the default namespace."""
    value = elem.get(_SS + name)
    return value if value is not None else elem.get(name)


def _int_attr(elem: Element, name: str) -> int | None:
    value = _attr(elem, name)
    if value is None:
        return None
    try:
        return int(value.strip())
    except ValueError:
        return None


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def typed_value(kind: str, text: str) -> CellValue:
    """A ``<Data ss:Type>`` as calamine gives the same cell of a workbook."""
    kind = kind.strip()
    if kind == "Number":
        stripped = text.strip()
        if _INTEGER.match(stripped):
            return int(stripped)
        try:
            number = float(stripped)
        except ValueError:
            return text
        return int(number) if number.is_integer() and abs(number) < 2**53 else number
    if kind == "DateTime":
        try:
            moment = datetime.fromisoformat(text.strip().rstrip("Z"))
        except ValueError:
            return text
        if moment.date() in (date(1899, 12, 31), date(1899, 12, 30)):
            return time(moment.hour, moment.minute, moment.second, moment.microsecond)
        if moment.time() == time(0):
            return moment.date()
        return moment
    if kind == "Boolean":
        return text.strip().lower() in ("1", "true")
    return text  # String, Error (#N/A...): the text as shown


class _WorksheetReader:
    """Rows of one ``<Worksheet>`` as their ``Row`` elements end; covered cells empty."""

    def __init__(self, name: str, visible: bool) -> None:
        self.sheet = MarkupSheet(name, visible)
        self.next_row = 1
        self.down: list[tuple[int, int, int]] = []  # MergeDown: first, last col, last row

    def add_row(self, row: Element) -> None:
        number = _int_attr(row, "Index") or self.next_row
        number = max(number, self.next_row)  # an Index going back is not honoured
        while len(self.sheet.rows) < number - 1:  # rows skipped by ss:Index are empty
            self.sheet.rows.append(RawRow(len(self.sheet.rows) + 1, []))
        if self.down:
            self.down = [span for span in self.down if span[2] >= number]
        cells: dict[int, CellValue] = {}
        col = 1
        for cell in row:
            if _local(cell.tag) != "Cell":
                continue
            index = _int_attr(cell, "Index")
            if index is not None and index >= col:
                col = index
            else:
                while self._covered(number, col):
                    col += 1
            across = max(_int_attr(cell, "MergeAcross") or 0, 0)
            down = max(_int_attr(cell, "MergeDown") or 0, 0)
            across, down = min(across, _MAX_COLSPAN), min(down, _MAX_ROWSPAN)
            cells[col - 1] = self._value(cell)
            if across or down:
                self.sheet.merged.append(
                    MergedRange(number - 1, col - 1, number - 1 + down, col - 1 + across)
                )
                if down:
                    self.down.append((col, col + across, number + down))
            col += across + 1
        width = max(cells, default=-1) + 1
        self.sheet.rows.append(RawRow(number, [cells.get(c, "") for c in range(width)]))
        span = max(_int_attr(row, "Span") or 0, 0)  # this row stands for span more, empty
        for _ in range(min(span, _MAX_ROWSPAN)):
            self.sheet.rows.append(RawRow(len(self.sheet.rows) + 1, []))
        self.next_row = len(self.sheet.rows) + 1

    def _covered(self, row: int, col: int) -> bool:
        return any(first <= col <= last and row <= last_row for first, last, last_row in self.down)

    @staticmethod
    def _value(cell: Element) -> CellValue:
        for child in cell:  # the cell's own Data, not the one of its Comment
            if _local(child.tag) == "Data":
                return typed_value(_attr(child, "Type") or "String", "".join(child.itertext()))
        return ""


def read_spreadsheetml(data: bytes) -> MarkupBook:
    """The worksheets of an Excel 2003 XML file as sheets."""
    import io

    sheets: list[MarkupSheet] = []
    taken: set[str] = set()
    current: _WorksheetReader | None = None
    table: Element | None = None
    book = MarkupBook(sheets)
    source = io.BytesIO(data)
    parser = iterparse(source, events=("start", "end"))
    try:
        for event, elem in parser:
            local = _local(elem.tag)
            if event == "start":
                if local == "Worksheet" and elem.tag.startswith(_SS):
                    name = (_attr(elem, "Name") or "").strip() or f"Feuille {len(sheets) + 1}"
                    visible = (_attr(elem, "Visible") or "").strip().lower() not in _HIDDEN
                    current = _WorksheetReader(_unique(name, taken), visible)
                    sheets.append(current.sheet)
                elif local == "Table" and current is not None:
                    table = elem
                continue
            if current is None:
                continue
            if local == "Row" and elem.tag.startswith(_SS):
                current.add_row(elem)
                if table is not None and len(table) and table[-1] is elem:
                    table.remove(elem)  # read: let it go, a large sheet stays small
                elem.clear()
            elif elem.tag == _X + "Visible" and (elem.text or "").strip().lower() in _HIDDEN:
                current.sheet.visible = False  # WorksheetOptions, what Excel itself writes
            elif local == "Worksheet" and elem.tag.startswith(_SS):
                current = table = None
                elem.clear()
    except ParseError as exc:
        line = exc.position[0] if exc.position else None
        params: dict[str, object] = {"line": line, "detail": _expat_reason(exc)}
        if current is not None:
            current.sheet.broken = Break("markup_xml_broken", params, line)
        elif not sheets:
            book.broken = Break("markup_xml_unreadable", params, line)
    return book


def _expat_reason(exc: ParseError) -> str:
    """expat's reason without its own position (the message gives the line)."""
    return re.sub(r":\s*line \d+, column \d+$", "", str(exc))
