"""A vCard file, streamed, cut into cards of logical lines, each with its line number.

One bad card must never cost the others, so cards are found here on the raw structure alone
(BEGIN/END lines), before anything is parsed, and each is parsed on its own afterwards. What
real files do and what this tolerates:

- line ends CRLF, LF, CR, and CR CR LF (iOS 6) counted as one line end;
- folded lines (a line starting with a space or tab continues the one before), and 2.1
  quoted-printable soft line breaks (a value ending in ``=`` goes on, blank lines in between
  skipped, and a multi-byte character may be split across the break);
- lines with no colon and no leading space continue a base64 value before them (old phones
  wrap photos that way); any other line without a colon is a line of its own, which the card
  reader reports and ignores;
- comment lines starting with ``#`` (but not inside a quoted-printable value);
- ``END:VCARDBEGIN:VCARD`` glued on one line;
- a missing ``END:VCARD`` (the card ends at the next card or at the end of the file, with a
  warning), nested cards (2.1 AGENT), and garbage between cards (skipped, reported on the
  next card).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from fiac_press_desk.interchange.vcard_messages import render

_LINE_END = re.compile(rb"\r*\n|\r+")
_GLUED = re.compile(rb"(?i)(?<=END:VCARD)(?=BEGIN:VCARD)")
_QP_HEX_START = re.compile(rb"[ \t]=[0-9A-Fa-f]{2}")
_BASE64_RUN = re.compile(rb"[A-Za-z0-9+/=]+")
_B_PARAM = re.compile(rb";(?:ENCODING=)?B(?=[;:]|$)")
_BEGIN = b"BEGIN:VCARD"
_UTF8_BOM = b"\xef\xbb\xbf"


def _case_variants(word: bytes) -> set[bytes]:
    letters = [(bytes([c]).upper(), bytes([c]).lower()) for c in word]
    return {b"".join(p) for p in itertools.product(*letters)}


# The first four bytes of a line that may be BEGIN:VCARD or END:VCARD, in any case.
_MAYBE_STRUCTURE = _case_variants(b"BEGI") | _case_variants(b"END:")
_END = b"END:VCARD"
MAX_NESTING = 2  # a card inside a card (2.1 AGENT); deeper means missing END:VCARD lines
# The longest physical or logical line kept (bytes): four times the largest photo the desk
# stores, base64-encoded; what is beyond it could never be stored and is dropped, with a warning.
MAX_LINE = 32 << 20
_HEAD = 4096  # the bytes of a logical line searched for its name and parameters


@dataclass
class RawCard:
    """One card as found in the file: logical lines (unfolded, still bytes) and their place."""

    first_line: int
    lines: list[tuple[int, bytes]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    last_line: int = 0


@dataclass
class StrayBlock:
    """Lines outside any card (or an END:VCARD that closes nothing), reported with a place."""

    first_line: int
    last_line: int
    message: str


def physical_lines(chunks: Iterable[bytes]) -> Iterator[tuple[int, bytes]]:
    """(line number, line without its end) over a stream of byte chunks.

    Linear in the file's size whatever its shape: each chunk is searched for line ends once,
    and a line longer than a chunk is kept as pieces joined when it ends (re-splitting a
    growing buffer made one 16 MiB line take 49 s). A line longer than ``MAX_LINE`` keeps its
    first ``MAX_LINE`` bytes (what follows could never be stored) and the reader goes on."""
    pieces: list[bytes] = []  # the line not ended yet
    held = 0  # bytes in ``pieces``
    number = 1
    after_cr = False  # the last chunk ended in CRs: an LF (or more CRs) may complete that end
    for chunk in chunks:
        if not chunk:
            continue
        if after_cr:
            skip = len(chunk) - len(chunk.lstrip(b"\r"))
            if skip == len(chunk):
                continue
            if chunk[skip : skip + 1] == b"\n":
                skip += 1
            chunk = chunk[skip:]
            after_cr = False
            if not chunk:
                continue
        start = 0
        if b"\n" not in chunk and b"\r" not in chunk:  # inside a long line: no regex scan
            if held < MAX_LINE:
                pieces.append(chunk)
                held += len(chunk)
            continue
        for match in _LINE_END.finditer(chunk):
            part = chunk[start : match.start()]
            if pieces:
                if held < MAX_LINE:
                    pieces.append(part)
                part = b"".join(pieces)[:MAX_LINE]
                pieces, held = [], 0
            yield number, part
            number += 1
            start = match.end()
        if chunk[-1:] == b"\r":
            after_cr = True  # the line ended; a following LF belongs to its end
        elif start < len(chunk) and held < MAX_LINE:
            pieces.append(chunk[start:])
            held += len(chunk) - start
    if pieces:
        yield number, b"".join(pieces)[:MAX_LINE]


def _looks_wrapped(head: bytes, line: bytes) -> bool:
    """Whether a line without a colon or a leading space continues the value before it, as
    old phones wrap base64 data: only base64 text after a base64 property. Any other such line
    (``THIS IS NOT A PROPERTY``) is a line of its own, reported and ignored: glued to the value
    before it, it would change a name without a word (issue 11)."""
    colon = head.find(b":")
    params = (head if colon < 0 else head[:colon]).upper()
    if not (b"BASE64" in params or _B_PARAM.search(params)):
        return False
    return _BASE64_RUN.fullmatch(line.strip()) is not None


class _Splitter:
    def __init__(self) -> None:
        self.stack: list[RawCard] = []
        # The logical line being read, as pieces joined when it ends (continuation lines
        # appended to one growing bytes object made 100,000 folded lines take 21 s), with its
        # first bytes (its name and parameters) and its size.
        self.current: list[bytes] | None = None
        self.head = b""
        self.size = 0
        self.qp: bool | None = None  # whether it is quoted-printable, once its head is known
        self.cut = False  # longer than MAX_LINE: the rest is dropped
        self.current_line = 0
        self.qp_pending = False
        self.stray_first = 0
        self.stray_last = 0
        self.stray_lines: list[tuple[int, bytes]] = []
        self.pending_notes: list[str] = []
        self.out: list[RawCard | StrayBlock] = []
        self.cards_seen = 0

    # -- logical lines ------------------------------------------------------------------------

    def feed(self, number: int, line: bytes) -> None:
        if line[:3] == _UTF8_BOM:
            line = line[3:]  # files concatenated with `cat` keep each one's BOM
        if self.qp_pending:
            if not line.strip():
                return
            if line.strip().upper() == _END:
                self.qp_pending = False
                self.finish()
                self.logical(number, _END)
                return
            if _QP_HEX_START.match(line):
                line = line[1:]  # the space is folding, the hex escape is the data
            self.extend(line)
            return
        if line[:1] in (b" ", b"\t"):
            if self.current is not None:
                self.extend(line[1:])
            elif line.strip():
                self.stray(number, line)
            return
        first = line[:1]
        if first == b"#" or not line.strip():
            self.finish()  # a comment, or a blank line (which also ends 2.1 base64 data)
            return
        if (
            b":" not in line
            and self.current is not None
            and self.stack
            and not self.head[:6].upper().startswith((b"END:", b"BEGIN:"))
            and _looks_wrapped(self.head, line)
        ):
            self.extend(line)  # an old phone's wrapped line without the folding space
            return
        self.finish()
        if len(line) > 18 and (b"CARD" in line or b"card" in line or b"Card" in line):
            pieces = _GLUED.split(line)
            if len(pieces) > 1:
                for piece in pieces[:-1]:
                    self.logical(number, piece)
                line = pieces[-1]
        self.current = [line]
        self.head = line[:_HEAD]
        self.size = len(line)
        self.qp = None
        self.cut = False
        self.current_line = number
        if line[-1:] == b"=":
            self.check_soft_break()

    def extend(self, data: bytes) -> None:
        current = self.current
        assert current is not None
        if self.qp_pending:
            current[-1] = current[-1][:-1]  # the soft break's "="
            self.size -= 1
            self.qp_pending = False
        if len(self.head) < _HEAD and self.qp is None:
            self.head = (self.head + data)[:_HEAD]
        if self.size + len(data) > MAX_LINE:
            data = data[: max(0, MAX_LINE - self.size)]
            self.cut = True
        if data:
            current.append(data)
            self.size += len(data)
        if data[-1:] == b"=":
            self.check_soft_break()

    def check_soft_break(self) -> None:
        if self.current is None or self.cut:
            return
        qp = self.qp
        if qp is None:
            colon = self.head.find(b":")
            qp = b"QUOTED-PRINTABLE" in (self.head if colon < 0 else self.head[:colon]).upper()
            if colon >= 0 or len(self.head) >= _HEAD:
                self.qp = qp  # decided: the head is whole
        if qp:
            self.qp_pending = True

    def finish(self) -> None:
        if self.current is None:
            return
        current, number = self.current, self.current_line
        if self.qp_pending:
            current[-1] = current[-1][:-1]
            self.qp_pending = False
        line = current[0] if len(current) == 1 else b"".join(current)
        self.current = None
        if self.cut and self.stack:
            self.stack[-1].warnings.append(
                render("vcard_line_too_long", line=number, limit=MAX_LINE >> 20)
            )
        self.logical(number, line)

    # -- cards --------------------------------------------------------------------------------

    def logical(self, number: int, line: bytes) -> None:
        if self.stack and line[:4] not in _MAYBE_STRUCTURE:
            self.stack[-1].lines.append((number, line))  # the common case, kept short
            return
        upper = line.strip().upper()
        if upper == _BEGIN:
            if len(self.stack) >= MAX_NESTING:
                self.close(number - 1, missing_end=True)
            card = RawCard(first_line=number)
            if self.stray_lines:
                self.flush_stray(attach_to=card)
            card.warnings += self.pending_notes
            self.pending_notes = []
            self.stack.append(card)
            self.cards_seen += 1
        elif upper == _END:
            if self.stack:
                self.close(number)
            elif self.stray_lines:
                self.orphan_end(number)
            else:
                self.out.append(
                    StrayBlock(number, number, render("vcard_end_without_begin", line=number))
                )
        elif self.stack:
            self.stack[-1].lines.append((number, line))
        else:
            self.stray(number, line)

    def close(self, number: int, *, missing_end: bool = False) -> None:
        card = self.stack.pop()
        last_property = card.lines[-1][0] if card.lines else card.first_line
        card.last_line = last_property if missing_end else max(number, last_property)
        if missing_end:
            card.warnings.append(render("vcard_missing_end", line=card.last_line))
        self.out.append(card)

    def stray(self, number: int, line: bytes) -> None:
        if not self.stray_lines:
            self.stray_first = number
        self.stray_last = number
        self.stray_lines.append((number, line))

    def flush_stray(self, attach_to: RawCard | None = None) -> None:
        first, last = self.stray_first, self.stray_last
        self.stray_lines = []
        note = render("vcard_stray_lines", first=first, last=last)
        if attach_to is not None:
            attach_to.warnings.append(note)
        else:
            self.pending_notes.append(note)

    def orphan_end(self, number: int) -> None:
        """END:VCARD with no card open: lines before it that look like a card's (a VERSION or
        a name) are taken as a card whose BEGIN:VCARD is missing; anything else is reported."""
        lines = self.stray_lines
        names = {ln.split(b":", 1)[0].split(b";", 1)[0].split(b".")[-1].upper() for _, ln in lines}
        first = self.stray_first
        self.stray_lines = []
        if names & {b"VERSION", b"FN", b"N"}:
            card = RawCard(first_line=first, lines=list(lines), last_line=number)
            card.warnings.append(render("vcard_missing_begin", line=first))
            self.cards_seen += 1
            self.out.append(card)
        else:
            self.out.append(
                StrayBlock(first, number, render("vcard_end_without_begin", line=number))
            )

    def end_of_file(self, last: int) -> None:
        self.finish()
        while self.stack:
            self.close(last, missing_end=True)
        if not self.cards_seen and not self.stray_lines:
            # nothing but blank lines and comments, or nothing at all: said, never silent
            empty = "vcard_empty_file" if last == 0 else "vcard_no_card"
            self.out.append(StrayBlock(1, max(last, 1), render(empty)))
        elif self.stray_lines and not self.cards_seen:
            first = self.stray_first
            self.stray_lines = []
            self.out.append(StrayBlock(first, last, render("vcard_no_card")))
        elif self.stray_lines:
            first, end = self.stray_first, self.stray_last
            self.stray_lines = []
            self.out.append(
                StrayBlock(first, end, render("vcard_stray_lines", first=first, last=end))
            )


def split_cards(chunks: Iterable[bytes]) -> Iterator[RawCard | StrayBlock]:
    """Cards (and stray blocks) in file order of their end, streamed from byte chunks."""
    splitter = _Splitter()
    last = 0
    for number, line in physical_lines(chunks):
        last = number
        splitter.feed(number, line)
        if splitter.out:
            yield from splitter.out
            splitter.out = []
    splitter.end_of_file(last)
    yield from splitter.out
