"""A small document model for the files the desk writes for people to read: the GDPR access
dossier, the record of processing, the coverage reports (issue 16).

A ``Document`` is a title and a list of blocks (headings, paragraphs, key/value tables,
tables, images, page breaks). It knows nothing of any file format: ``document_pdf`` writes it
as a PDF (reportlab, with an embedded Unicode font), so a report is built once, in plain
data, and tested as such; the window and the command line both use it without Qt.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum


class TextStyle(StrEnum):
    """How a paragraph is set: the writer maps each to a font, so services never name one."""

    BODY = "body"
    SMALL = "small"  # fine print: legal notes, sources of figures
    MUTED = "muted"  # grey: "nothing recorded", explanations around the data


@dataclass(frozen=True)
class Heading:
    """A section title; its level sets the size and how much room it keeps below it."""

    text: str
    level: int = 1  # 1: section, 2: sub-section, 3: a line in bold


@dataclass(frozen=True)
class Paragraph:
    """Plain text; line breaks are kept, nothing in it is markup."""

    text: str
    style: TextStyle = TextStyle.BODY


@dataclass(frozen=True)
class KeyValues:
    """A two-column table of labels and values ("Nom" | "Jeanne Dupont")."""

    rows: Sequence[tuple[str, str]]


@dataclass(frozen=True)
class Table:
    """Rows under a header row repeated on each page. ``widths`` are relative column widths
    (the page width is shared in these proportions); ``empty`` is said when there is no row."""

    headers: Sequence[str]
    rows: Sequence[Sequence[str]]
    widths: Sequence[float] | None = None
    empty: str = ""
    align_right: frozenset[int] = frozenset()  # columns of figures


@dataclass(frozen=True)
class Image:
    """A PNG or JPEG, ``width_mm`` wide (height from its proportions)."""

    data: bytes
    width_mm: float = 40.0
    caption: str = ""


@dataclass(frozen=True)
class PageBreak:
    """Start a new page, so a part that stands alone begins at the top."""

    pass


class ChartKind(StrEnum):
    """How a chart draws its values."""

    BARS = "bars"  # horizontal bars, one per label, longest first as given
    COLUMNS = "columns"  # vertical columns in the order given (months)
    PIE = "pie"  # shares of a whole, with a legend


@dataclass(frozen=True)
class Chart:
    """A chart of one series of figures (drawn by the writer: reportlab's own graphics in
    the PDF); ``title`` is printed above it, the figures themselves beside the bars."""

    kind: ChartKind
    title: str
    labels: Sequence[str]
    values: Sequence[float]
    height_mm: float = 55.0
    empty: str = ""  # said instead of a chart with nothing in it
    colours: Sequence[str] = ()  # "#rrggbb" per label when the values have their own (tone)


Block = Heading | Paragraph | KeyValues | Table | Image | PageBreak | Chart


@dataclass
class Document:
    """A readable document built by services and rendered by a writer (PDF today), so the
    content is tested as text without any rendering library."""

    title: str
    subtitle: str = ""
    author: str = ""  # who writes it (the PDF's author field)
    language: str = "fr"
    footer: str = ""  # printed at the foot of every page, beside the page number
    created_at: datetime | None = None
    blocks: list[Block] = field(default_factory=list)

    def heading(self, text: str, level: int = 1) -> Document:
        """Append a heading; returns the document so calls chain."""
        self.blocks.append(Heading(text, level))
        return self

    def paragraph(self, text: str, style: TextStyle = TextStyle.BODY) -> Document:
        """Append a paragraph of plain text; returns the document so calls chain."""
        self.blocks.append(Paragraph(text, style))
        return self

    def key_values(self, rows: Sequence[tuple[str, str]]) -> Document:
        """Append label/value pairs (a card's fields); returns the document so calls chain."""
        self.blocks.append(KeyValues(list(rows)))
        return self

    def table(
        self,
        headers: Sequence[str],
        rows: Sequence[Sequence[str]],
        *,
        widths: Sequence[float] | None = None,
        empty: str = "",
        align_right: Sequence[int] = (),
    ) -> Document:
        """Append a table (``empty`` is said instead when there is no row); returns the document."""
        self.blocks.append(
            Table(list(headers), [list(r) for r in rows], widths, empty, frozenset(align_right))
        )
        return self

    def image(self, data: bytes, width_mm: float = 40.0, caption: str = "") -> Document:
        """Append an image (a contact's photo in the dossier); returns the document."""
        self.blocks.append(Image(data, width_mm, caption))
        return self

    def chart(
        self,
        kind: ChartKind,
        title: str,
        labels: Sequence[str],
        values: Sequence[float],
        *,
        height_mm: float = 55.0,
        empty: str = "",
        colours: Sequence[str] = (),
    ) -> Document:
        """A chart of labelled values (drawn by the PDF writer)."""
        self.blocks.append(
            Chart(kind, title, list(labels), list(values), height_mm, empty, list(colours))
        )
        return self

    def page_break(self) -> Document:
        """Append a page break; returns the document so calls chain."""
        self.blocks.append(PageBreak())
        return self

    def text(self) -> str:
        """Every word of the document in reading order (for tests and previews)."""
        parts = [self.title, self.subtitle]
        for block in self.blocks:
            if isinstance(block, Heading | Paragraph):
                parts.append(block.text)
            elif isinstance(block, KeyValues):
                parts += [f"{k} {v}" for k, v in block.rows]
            elif isinstance(block, Table):
                parts.append(" ".join(block.headers))
                parts += [" ".join(row) for row in block.rows] or [block.empty]
            elif isinstance(block, Image):
                parts.append(block.caption)
            elif isinstance(block, Chart):
                parts.append(block.title)
                if any(v > 0 for v in block.values):
                    pairs = zip(block.labels, block.values, strict=True)
                    parts += [f"{k} {v:g}" for k, v in pairs]
                else:
                    parts.append(block.empty)
        return "\n".join(p for p in parts if p)
