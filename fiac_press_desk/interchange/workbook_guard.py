"""Limits a workbook must keep before python-calamine opens it.

calamine (Rust) loads a whole sheet into one dense block of rows x columns and sizes its tables
from what the file declares; when an allocation fails, Rust aborts the process (SIGABRT: no
exception, no message, the window gone). Hostile or broken files do that in a few KB: a sheet
with a cell at XFD1048576 (17 billion cells), a shared-strings table claiming two billion
entries, a zip bomb of rows, one 64 MB shared string used by 64 cells. The zip is inspected here
first, streaming, in bounded memory, and a workbook past a limit is refused with a message
naming the file and the limit (``LIMITS``, stated in the README):

- the archive: each part's unpacked size, and its compression ratio;
- each worksheet: the block calamine will allocate, from the highest row and column its cells
  name (or their count where they name none), against the desk's rows, columns and cells;
- the shared strings: the count they declare against the room their part has, and the longest
  string against Excel's own cell limit (32,767 characters; nothing Excel writes is longer).

The sheet is read once more than calamine reads it (inflating and counting: about a tenth of
the import's time on a large workbook).

The binary formats (the old .xls, and .xlsb) cannot be inspected that way without writing a
reader of our own: calamine opens them first in a child process, with its memory bounded where
the system allows it (``probe_in_child``). A child that dies (calamine aborting) or takes too
long costs that file only, reported with a message; one that opens the file lets the import
read it in the desk's process (a legacy workbook is small: the second read is cheap).
"""

from __future__ import annotations

import re
import threading
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from fiac_press_desk.interchange.spreadsheet_messages import render


@dataclass(frozen=True)
class Limits:
    """What a workbook may hold before it is refused unread."""

    file_bytes: int = 200 << 20  # a workbook file on disk
    part_bytes: int = 512 << 20  # one part of it, unpacked (a sheet's XML)
    ratio: int = 200  # unpacked / packed size of a part larger than 1 MiB
    rows: int = 1_048_576  # Excel's own
    columns: int = 1_000  # Outlook's export, the widest known, has about 90
    cells: int = 10_000_000  # rows x columns of the block calamine allocates
    cell_chars: int = 32_767  # Excel's limit for the text of one cell


LIMITS = Limits()
_CHUNK = 1 << 20
_ZIP_KINDS = frozenset({".xlsx", ".xlsm", ".xlsb", ".ods"})
# Binary sheets: opened by calamine in a child process first (see the module's docstring).
_CHILD_KINDS = frozenset({".xls", ".xlsb"})
CHILD_MEMORY = 2 << 30  # address space of the probing child, bytes (POSIX only)
CHILD_SECONDS = 60.0
_ROW_NUMBER = re.compile(rb'<row r="(\d{1,12})"')
_CELL_COLUMN = re.compile(rb'<c r="([A-Za-z]{1,8})')
# A cell that does not name its place (``<c>``, ``<c/>``, or attributes without ``r=`` first):
# one search of the chunk, where counting each kind of opening tag took four.
_UNNAMED_CELL = re.compile(rb'<c(?:[>/]| (?!r="))')
_SST_HEAD = re.compile(rb"<sst\b[^>]*>")
_COUNT = re.compile(rb'\b(count|uniqueCount)="(\d{1,15})"')


class WorkbookRefused(Exception):
    """The workbook breaks a limit; ``message`` says which, in the user's language."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def check_workbook(path: Path, limits: Limits = LIMITS) -> None:
    """Raise ``WorkbookRefused`` when the file breaks a limit; return when it may be opened.
    A file that is not a readable zip is left to calamine, which says so without harm.

    An import opens a workbook several times (its sheets, the one holding contacts, its
    rows): a file found sound is remembered by its size and modification time."""
    stat = path.stat()
    key = (str(path.resolve()), stat.st_size, stat.st_mtime_ns, limits)
    with _lock:
        if key in _sound:
            return
    _check(path, limits)
    with _lock:
        if len(_sound) > 64:
            _sound.clear()
        _sound.add(key)


_sound: set[tuple[str, int, int, Limits]] = set()
_lock = threading.Lock()


def _check(path: Path, limits: Limits) -> None:
    size = path.stat().st_size
    if size > limits.file_bytes:
        raise WorkbookRefused(
            render("guard_file_too_big", size=size >> 20, limit=limits.file_bytes >> 20)
        )
    if path.suffix.lower() in _CHILD_KINDS:
        probe_in_child(path)
    if path.suffix.lower() not in _ZIP_KINDS:
        return
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError):
        return
    with archive:
        infos = archive.infolist()
        for info in infos:
            _check_part(info, limits)
        if path.suffix.lower() == ".ods":
            return  # calamine reads OpenDocument cell by cell, repeats capped by its own rules
        for info in infos:
            name = info.filename.lower()
            if name.startswith("xl/worksheets/") and name.endswith(".xml"):
                _check_sheet(archive, info, limits)
            elif name == "xl/sharedstrings.xml":
                _check_shared_strings(archive, info, limits)


def _check_part(info: zipfile.ZipInfo, limits: Limits) -> None:
    if info.file_size > limits.part_bytes:
        raise WorkbookRefused(
            render(
                "guard_part_too_big",
                part=info.filename,
                size=info.file_size >> 20,
                limit=limits.part_bytes >> 20,
            )
        )
    if info.file_size > (1 << 20) and info.file_size > limits.ratio * max(info.compress_size, 1):
        raise WorkbookRefused(
            render(
                "guard_zip_bomb",
                part=info.filename,
                ratio=info.file_size // max(info.compress_size, 1),
                limit=limits.ratio,
            )
        )


def _stream(archive: zipfile.ZipFile, info: zipfile.ZipInfo, limits: Limits) -> Iterator[bytes]:
    """The unpacked part, chunk by chunk, never more than ``part_bytes`` in all (the sizes a
    zip declares may lie)."""
    read = 0
    try:
        with archive.open(info) as stream:
            while chunk := stream.read(_CHUNK):
                read += len(chunk)
                if read > limits.part_bytes:
                    raise WorkbookRefused(
                        render(
                            "guard_part_too_big",
                            part=info.filename,
                            size=read >> 20,
                            limit=limits.part_bytes >> 20,
                        )
                    )
                yield chunk
    except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError, RuntimeError):
        return  # damaged or encrypted: calamine says what it makes of it


def _column_number(letters: bytes) -> int:
    value = 0
    for byte in letters.upper():
        value = value * 26 + (byte - 64)
    return value


def _check_sheet(archive: zipfile.ZipFile, info: zipfile.ZipInfo, limits: Limits) -> None:
    """The block calamine allocates for the sheet: the highest row and column its cells name,
    or, for rows and cells that name no place, their count. Excel, LibreOffice and openpyxl
    write ``<c r="B7"`` for every cell: then a few scans of each chunk in C suffice; cells
    without it are counted row by row. A tag cut between two chunks may be missed: the limits
    are orders of magnitude above what that changes."""
    max_row = rows = 0
    max_col = 0
    in_row = 0  # cells counted in the row being read (cells that name no place)
    for chunk in _stream(archive, info, limits):
        rows += chunk.count(b"<row")
        numbers = _ROW_NUMBER.findall(chunk)
        if numbers:
            max_row = max(max_row, max(map(int, numbers)))
        columns = set(_CELL_COLUMN.findall(chunk))
        if columns:
            max_col = max(max_col, max(_column_number(c) for c in columns))
        if _UNNAMED_CELL.search(chunk) is not None:
            for index, piece in enumerate(chunk.split(b"<row")):
                if index:
                    max_col = max(max_col, in_row)
                    in_row = 0
                in_row += piece.count(b"<c ") + piece.count(b"<c>") + piece.count(b"<c/")
        _check_block(max(max_row, rows), max(max_col, in_row), info.filename, limits)


def _check_block(height: int, width: int, part: str, limits: Limits) -> None:
    if width > limits.columns:
        raise WorkbookRefused(render("guard_columns", part=part, count=width, limit=limits.columns))
    if height > limits.rows:
        raise WorkbookRefused(render("guard_rows", part=part, count=height, limit=limits.rows))
    if height * width > limits.cells:
        raise WorkbookRefused(
            render("guard_cells", part=part, count=height * width, limit=limits.cells)
        )


def _check_shared_strings(archive: zipfile.ZipFile, info: zipfile.ZipInfo, limits: Limits) -> None:
    """The declared count against the room the part has (each string takes at least
    ``<si><t/></si>``, 12 bytes), and the longest text run against Excel's cell limit."""
    longest = run = 0
    head_checked = False
    limit_bytes = limits.cell_chars * 4  # UTF-8: at most four bytes a character
    for chunk in _stream(archive, info, limits):
        if not head_checked:
            head = _SST_HEAD.search(chunk)
            if head is not None:
                head_checked = True
                for _name, value in _COUNT.findall(head.group()):
                    if int(value) > max(info.file_size // 12, 1) + 1:
                        raise WorkbookRefused(render("guard_shared_count", count=int(value)))
        pieces = chunk.split(b"<")
        run += len(pieces[0])  # the text run that went on from the chunk before
        longest = max(longest, run)
        for piece in pieces[1:]:
            run = len(piece) - piece.find(b">") - 1 if b">" in piece else len(piece)
            longest = max(longest, run)
        if longest > limit_bytes:
            raise WorkbookRefused(render("guard_cell_text", limit=limits.cell_chars))


# -- binary workbooks: a child process opens them first ---------------------------------------


def probe_in_child(
    path: Path, seconds: float = CHILD_SECONDS, target: Callable[[str, int], None] | None = None
) -> None:
    """Let calamine open every sheet of ``path`` in a child process first; raise
    ``WorkbookRefused`` when the child dies (calamine aborts on an allocation it cannot make)
    or runs out of ``seconds``. An error calamine raises as an exception is left to the
    import, which reports it as for any workbook. ``target`` replaces the probe (tests)."""
    import multiprocessing

    # "spawn": a fresh interpreter (a fork would copy the window's threads and locks), and the
    # way that also works in the bundled application and on Windows.
    context = multiprocessing.get_context("spawn")
    child = context.Process(target=target or _open_every_sheet, args=(str(path), CHILD_MEMORY))
    child.start()
    child.join(seconds)
    if child.is_alive():
        child.kill()
        child.join()
        raise WorkbookRefused(render("guard_child_slow", seconds=int(seconds)))
    if child.exitcode is not None and child.exitcode < 0:  # killed by a signal
        raise WorkbookRefused(render("guard_child_died"))


def _open_every_sheet(path: str, memory: int) -> None:
    """The child's work: calamine loads each sheet's cells, as the import will."""
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    except (ImportError, ValueError, OSError):
        pass  # Windows, or a limit the system refuses: the child still protects the parent
    import python_calamine

    try:
        workbook = python_calamine.CalamineWorkbook.from_path(path)
        for name in workbook.sheet_names:
            workbook.get_sheet_by_name(name)
    except Exception:
        return  # an error of the file, reported by the import itself
