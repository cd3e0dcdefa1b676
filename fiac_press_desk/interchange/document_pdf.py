"""A ``Document`` as a PDF, with reportlab's flowing layout (platypus).

Why reportlab: it lays text out in flowing paragraphs and tables that split across pages
with their header row repeated, embeds a TrueType font as a subset (so a name in Polish,
Greek or Cyrillic prints as typed, and the file stays small), has no Qt in it (the command
line writes the same files as the window), and draws charts of its own for the reports
(``reportlab.graphics``). It is BSD-licensed and maintained since 2000. Installed it weighs
about 32 MB with Pillow, which it needs for images (fpdf2 needs Pillow and fontTools: 55 MB;
odfpy is small, but an ODT needs an office suite to read and cannot be checked as pages).

The font is DejaVu Sans, shipped in ``resources/fonts`` with its licence: it covers Latin
(with every French and Central European accent), Greek and Cyrillic in one family, and its
licence lets it be embedded and redistributed.
"""

from __future__ import annotations

import os
from io import BytesIO
from pathlib import Path
from typing import IO, Any
from xml.sax.saxutils import escape

from fiac_press_desk.config import resources_dir
from fiac_press_desk.interchange.document import (
    Chart,
    Document,
    Heading,
    Image,
    KeyValues,
    PageBreak,
    Paragraph,
    Table,
    TextStyle,
)

FONT = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"
INK = "#1d2330"
ACCENT = "#1f3a5f"
GREY = "#5b6473"
RULE = "#c5ccd6"
HEADER_FILL = "#e8edf3"
MM = 72 / 25.4
_PAGE_WORDS = {"fr": "page {n} sur {total}", "en": "page {n} of {total}"}
_registered = False


def font_files() -> tuple[Path, Path]:
    """The regular and bold fonts shipped with the desk, so accents print the same everywhere."""
    folder = resources_dir() / "fonts"
    return folder / "DejaVuSans.ttf", folder / "DejaVuSans-Bold.ttf"


def _register_fonts() -> None:
    global _registered
    if _registered:
        return
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    regular, bold = font_files()
    pdfmetrics.registerFont(TTFont(FONT, str(regular)))
    pdfmetrics.registerFont(TTFont(FONT_BOLD, str(bold)))
    pdfmetrics.registerFontFamily(
        FONT, normal=FONT, bold=FONT_BOLD, italic=FONT, boldItalic=FONT_BOLD
    )
    _registered = True


def write_pdf(document: Document, target: Path | IO[bytes]) -> None:
    """Write ``document`` as a PDF; a file is written whole or not at all (``.part`` first)."""
    if isinstance(target, Path):
        tmp = target.with_name(target.name + ".part")
        try:
            with tmp.open("wb") as out:
                _build(document, out)
            os.replace(tmp, target)
        finally:
            if tmp.exists():
                tmp.unlink()
        return
    _build(document, target)


def pdf_bytes(document: Document) -> bytes:
    """The document as PDF bytes in memory (for tests and previews that need no file)."""
    out = BytesIO()
    _build(document, out)
    return out.getvalue()


def _build(document: Document, out: IO[bytes]) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import KeepTogether, SimpleDocTemplate

    _register_fonts()
    styles = _styles()
    left = right = 18 * MM
    doc = SimpleDocTemplate(
        out,
        pagesize=A4,
        leftMargin=left,
        rightMargin=right,
        topMargin=18 * MM,
        bottomMargin=20 * MM,
        title=document.title,
        author=document.author,
        subject=document.subtitle,
        creator="FIAC Press Desk",
        lang=document.language,
    )
    width = A4[0] - left - right
    story: list[Any] = _title_block(document, styles, width)
    blocks = document.blocks
    for i, block in enumerate(blocks):
        flowables = _flowables(block, styles, width)
        after = blocks[i + 1] if i + 1 < len(blocks) else None
        if isinstance(block, Heading) and _short(after):
            # A heading and the short table under it go on one page together.
            story.append(flowables[0])  # its conditional page break
            story.append(KeepTogether(flowables[1:] + _flowables(after, styles, width)))
            continue
        if i > 0 and isinstance(blocks[i - 1], Heading) and _short(block):
            continue  # kept with its heading above
        story += flowables
    words = _PAGE_WORDS.get(document.language, _PAGE_WORDS["fr"])
    doc.build(story, canvasmaker=_numbered_canvas(document.footer, words))


# Up to this many rows, a table (or key/value table) is kept on one page with its heading.
SHORT_ROWS = 16


def _short(block: object) -> bool:
    if isinstance(block, Table):
        return len(block.rows) <= SHORT_ROWS
    return isinstance(block, KeyValues) and len(block.rows) <= SHORT_ROWS


def _styles() -> dict[str, Any]:
    from reportlab.lib.colors import HexColor
    from reportlab.lib.styles import ParagraphStyle

    ink, grey, accent = HexColor(INK), HexColor(GREY), HexColor(ACCENT)
    base = ParagraphStyle("body", fontName=FONT, fontSize=9.5, leading=13, textColor=ink)
    return {
        "title": ParagraphStyle(
            "title", parent=base, fontName=FONT_BOLD, fontSize=17, leading=21, textColor=accent
        ),
        "subtitle": ParagraphStyle(
            "subtitle", parent=base, fontSize=10, leading=14, textColor=grey, spaceAfter=4
        ),
        "h1": ParagraphStyle(
            "h1",
            parent=base,
            fontName=FONT_BOLD,
            fontSize=12.5,
            leading=16,
            textColor=accent,
            spaceBefore=12,
            spaceAfter=5,
        ),
        "h2": ParagraphStyle(
            "h2",
            parent=base,
            fontName=FONT_BOLD,
            fontSize=10.5,
            leading=14,
            textColor=accent,
            spaceBefore=8,
            spaceAfter=3,
        ),
        "h3": ParagraphStyle(
            "h3",
            parent=base,
            fontName=FONT_BOLD,
            spaceBefore=5,
            spaceAfter=2,
        ),
        TextStyle.BODY.value: ParagraphStyle("p", parent=base, spaceAfter=5),
        TextStyle.SMALL.value: ParagraphStyle(
            "small", parent=base, fontSize=8, leading=10.5, textColor=grey, spaceAfter=4
        ),
        TextStyle.MUTED.value: ParagraphStyle("muted", parent=base, textColor=grey, spaceAfter=5),
        "cell": ParagraphStyle("cell", parent=base, fontSize=8.5, leading=11),
        "cell_right": ParagraphStyle(
            "cell_right", parent=base, fontSize=8.5, leading=11, alignment=2
        ),
        "cell_head": ParagraphStyle(
            "cell_head", parent=base, fontName=FONT_BOLD, fontSize=8.5, leading=11
        ),
        "key": ParagraphStyle(
            "key", parent=base, fontName=FONT_BOLD, fontSize=8.5, leading=11, textColor=grey
        ),
        "caption": ParagraphStyle(
            "caption", parent=base, fontSize=8, leading=10, textColor=grey, spaceAfter=6
        ),
    }


def markup(text: str) -> str:
    """Plain text as reportlab paragraph markup: escaped, line breaks kept."""
    return escape(text).replace("\r\n", "\n").replace("\n", "<br/>")


def _title_block(document: Document, styles: dict[str, Any], width: float) -> list[Any]:
    from reportlab.lib.colors import HexColor
    from reportlab.platypus import HRFlowable
    from reportlab.platypus import Paragraph as RLParagraph

    out: list[Any] = [RLParagraph(markup(document.title), styles["title"])]
    if document.subtitle:
        out.append(RLParagraph(markup(document.subtitle), styles["subtitle"]))
    out.append(HRFlowable(width=width, thickness=0.8, color=HexColor(ACCENT), spaceAfter=6))
    return out


def _flowables(block: Any, styles: dict[str, Any], width: float) -> list[Any]:
    from reportlab.platypus import CondPageBreak, Spacer
    from reportlab.platypus import PageBreak as RLPageBreak
    from reportlab.platypus import Paragraph as RLParagraph

    if isinstance(block, Heading):
        # A heading never ends a page: with less than this room left it opens the next one
        # (keepWithNext would push a whole long table after it to the next page).
        level = min(max(block.level, 1), 3)
        room = (40, 30, 20)[level - 1] * MM
        return [CondPageBreak(room), RLParagraph(markup(block.text), styles[f"h{level}"])]
    if isinstance(block, Paragraph):
        return [RLParagraph(markup(block.text), styles[block.style.value])]
    if isinstance(block, KeyValues):
        return [_key_values(block, styles, width), Spacer(1, 6)]
    if isinstance(block, Table):
        if not block.rows:
            return [RLParagraph(markup(block.empty or "—"), styles[TextStyle.MUTED.value])]
        return [_table(block, styles, width), Spacer(1, 8)]
    if isinstance(block, Image):
        return _image(block, styles)
    if isinstance(block, PageBreak):
        return [RLPageBreak()]
    if isinstance(block, Chart):
        from fiac_press_desk.interchange.document_charts import chart_flowables

        return chart_flowables(block, styles, width)
    raise TypeError(f"not a document block: {block!r}")


def _key_values(block: KeyValues, styles: dict[str, Any], width: float) -> Any:
    from reportlab.lib.colors import HexColor
    from reportlab.platypus import Paragraph as RLParagraph
    from reportlab.platypus import Table as RLTable
    from reportlab.platypus import TableStyle

    data = [
        [RLParagraph(markup(key), styles["key"]), RLParagraph(markup(value), styles["cell"])]
        for key, value in block.rows
    ]
    table = RLTable(data, colWidths=[width * 0.3, width * 0.7], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.25, HexColor(RULE)),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                ("LEFTPADDING", (0, 0), (-1, -1), 2),
            ]
        )
    )
    return table


def _table(block: Table, styles: dict[str, Any], width: float) -> Any:
    from reportlab.lib.colors import HexColor
    from reportlab.platypus import Paragraph as RLParagraph
    from reportlab.platypus import Table as RLTable
    from reportlab.platypus import TableStyle

    columns = len(block.headers)
    shares = list(block.widths or [1.0] * columns)
    total = sum(shares) or 1.0
    col_widths = [width * s / total for s in shares]
    head = [RLParagraph(markup(h), styles["cell_head"]) for h in block.headers]
    body = [
        [
            RLParagraph(
                markup(str(cell)), styles["cell_right" if i in block.align_right else "cell"]
            )
            for i, cell in enumerate(row)
        ]
        for row in block.rows
    ]
    table = RLTable([head, *body], colWidths=col_widths, repeatRows=1, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("BACKGROUND", (0, 0), (-1, 0), HexColor(HEADER_FILL)),
                ("LINEBELOW", (0, 0), (-1, 0), 0.6, HexColor(ACCENT)),
                ("LINEBELOW", (0, 1), (-1, -1), 0.25, HexColor(RULE)),
                ("TOPPADDING", (0, 0), (-1, -1), 2.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
                ("LEFTPADDING", (0, 0), (-1, -1), 3),
                ("RIGHTPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return table


def _image(block: Image, styles: dict[str, Any]) -> list[Any]:
    from reportlab.lib.utils import ImageReader
    from reportlab.platypus import Image as RLImage
    from reportlab.platypus import Paragraph as RLParagraph

    reader = ImageReader(BytesIO(block.data))
    w, h = reader.getSize()
    width = block.width_mm * MM
    height = width * h / w if w else width
    out: list[Any] = [RLImage(BytesIO(block.data), width=width, height=height, hAlign="LEFT")]
    if block.caption:
        out.append(RLParagraph(markup(block.caption), styles["caption"]))
    return out


def _numbered_canvas(footer: str, words: str) -> Any:
    """A canvas class that prints ``footer`` and "page n of N" on every page (N is known
    only once every page is laid out, so pages are kept and stamped at the end)."""
    from reportlab.lib.colors import HexColor
    from reportlab.pdfgen.canvas import Canvas

    class NumberedCanvas(Canvas):  # type: ignore[misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._saved: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._saved.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._saved)
            for state in self._saved:
                self.__dict__.update(state)
                self._stamp(total)
                super().showPage()
            super().save()

        def _stamp(self, total: int) -> None:
            page_width = self._pagesize[0]
            self.saveState()
            self.setFont(FONT, 7.5)
            self.setFillColor(HexColor(GREY))
            self.setStrokeColor(HexColor(RULE))
            self.setLineWidth(0.4)
            self.line(18 * MM, 14 * MM, page_width - 18 * MM, 14 * MM)
            if footer:
                self.drawString(18 * MM, 10 * MM, footer[:140])
            self.drawRightString(
                page_width - 18 * MM, 10 * MM, words.format(n=self._pageNumber, total=total)
            )
            self.restoreState()

    return NumberedCanvas
