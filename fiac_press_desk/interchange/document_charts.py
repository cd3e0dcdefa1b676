"""The charts of a ``Document`` in the PDF, drawn with reportlab's own graphics.

Why reportlab.graphics: the PDF writer is reportlab already, its charts are vector drawings
inside the PDF (sharp when printed, a few kilobytes), use the same embedded font as the text,
and need neither Qt nor matplotlib below ``ui/`` (the command line writes the same report).
"""

from __future__ import annotations

from typing import Any

from fiac_press_desk.interchange.document import Chart, ChartKind

# Distinct, print-safe colours (the desk's navy first), readable in grey too.
PALETTE = (
    "#1f3a5f",
    "#d17a22",
    "#4f8a5b",
    "#8c3b5e",
    "#3d7ab8",
    "#b59b2d",
    "#6b6b6b",
    "#a34a3a",
    "#5e5a9c",
    "#2f8c8c",
)
MM = 72 / 25.4
_FONT = "DejaVuSans"
_INK = "#1d2330"
_GRID = "#d9dee6"


def chart_flowables(block: Chart, styles: dict[str, Any], width: float) -> list[Any]:
    """A bold title, then the drawing (or the ``empty`` sentence when nothing to draw)."""
    from reportlab.platypus import CondPageBreak, KeepTogether, Spacer
    from reportlab.platypus import Paragraph as RLParagraph

    from fiac_press_desk.interchange.document_pdf import markup

    title = RLParagraph(markup(block.title), styles["h3"])
    if not block.values or not any(v > 0 for v in block.values):
        return [title, RLParagraph(markup(block.empty or "—"), styles["muted"])]
    height = block.height_mm * MM
    if block.kind is ChartKind.PIE:
        drawing = _pie(block, width, height)
    elif block.kind is ChartKind.COLUMNS:
        drawing = _columns(block, width, height)
    else:
        drawing = _bars(block, width)
    return [
        CondPageBreak(drawing.height + 30),
        KeepTogether([title, drawing, Spacer(1, 8)]),
    ]


def _colour(i: int) -> Any:
    from reportlab.lib.colors import HexColor

    return HexColor(PALETTE[i % len(PALETTE)])


def _figure(value: float) -> str:
    text = f"{value:,.0f}" if value == int(value) else f"{value:,.1f}"
    return text.replace(",", "\u202f").replace(".", ",")


def _bars(block: Chart, width: float) -> Any:
    """Horizontal bars: long French labels stay readable on the left."""
    from reportlab.graphics.shapes import Drawing, Line, Rect, String
    from reportlab.lib.colors import HexColor
    from reportlab.pdfbase.pdfmetrics import stringWidth

    size = 8.5
    row = 15.0
    labels = [_clip(lbl, size, width * 0.38) for lbl in block.labels]
    label_w = max(stringWidth(lbl, _FONT, size) for lbl in labels) + 6
    top = max(block.values)
    figure_w = stringWidth(_figure(top), _FONT, size) + 8
    bar_room = max(width - label_w - figure_w, 40)
    height = row * len(labels) + 4
    d = Drawing(width, height)
    d.add(Line(label_w, 0, label_w, height, strokeColor=HexColor(_GRID), strokeWidth=0.6))
    for i, (lbl, value) in enumerate(zip(labels, block.values, strict=True)):
        y = height - (i + 1) * row + 2
        d.add(
            String(
                label_w - 4,
                y + 3,
                lbl,
                fontName=_FONT,
                fontSize=size,
                textAnchor="end",
                fillColor=HexColor(_INK),
            )
        )
        length = bar_room * value / top if top else 0
        d.add(Rect(label_w, y, max(length, 0.5), row - 5, fillColor=_colour(0), strokeColor=None))
        d.add(
            String(
                label_w + length + 4,
                y + 3,
                _figure(value),
                fontName=_FONT,
                fontSize=size,
                fillColor=HexColor(_INK),
            )
        )
    return d


def _columns(block: Chart, width: float, height: float) -> Any:
    from reportlab.graphics.charts.barcharts import VerticalBarChart
    from reportlab.graphics.shapes import Drawing
    from reportlab.lib.colors import HexColor

    d = Drawing(width, height)
    chart = VerticalBarChart()
    chart.x, chart.y = 30, 22
    chart.width, chart.height = width - 40, height - 34
    chart.data = [list(block.values)]
    chart.bars[0].fillColor = _colour(0)
    chart.bars[0].strokeColor = None
    chart.barLabelFormat = _figure
    chart.barLabels.fontName = _FONT
    chart.barLabels.fontSize = 7.5
    chart.barLabels.nudge = 6
    chart.categoryAxis.categoryNames = list(block.labels)
    chart.categoryAxis.labels.fontName = _FONT
    chart.categoryAxis.labels.fontSize = 7.5
    chart.categoryAxis.strokeColor = HexColor(_GRID)
    chart.valueAxis.valueMin = 0
    chart.valueAxis.labels.fontName = _FONT
    chart.valueAxis.labels.fontSize = 7.5
    chart.valueAxis.strokeColor = HexColor(_GRID)
    chart.valueAxis.gridStrokeColor = HexColor(_GRID)
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.labelTextFormat = _figure
    top = max(block.values)
    chart.valueAxis.valueMax = top * 1.15 if top else 1
    if top <= 5:
        chart.valueAxis.valueStep = 1
    d.add(chart)
    return d


def _pie(block: Chart, width: float, height: float) -> Any:
    from reportlab.graphics.charts.legends import Legend
    from reportlab.graphics.charts.piecharts import Pie
    from reportlab.graphics.shapes import Drawing
    from reportlab.lib.colors import white

    d = Drawing(width, height)
    pie = Pie()
    side = height - 10
    pie.x, pie.y, pie.width, pie.height = 10, 5, side, side
    from reportlab.lib.colors import HexColor

    shades = list(block.colours) or list(PALETTE)
    pairs = [
        (lbl, v, HexColor(shades[i % len(shades)]))
        for i, (lbl, v) in enumerate(zip(block.labels, block.values, strict=True))
        if v > 0
    ]
    pie.data = [v for _, v, _ in pairs]
    pie.labels = None
    pie.slices.strokeColor = white
    pie.slices.strokeWidth = 1
    for i, (_, _, colour) in enumerate(pairs):
        pie.slices[i].fillColor = colour
    d.add(pie)
    total = sum(pie.data)
    legend = Legend()
    legend.x, legend.y = side + 30, height - 8
    legend.fontName, legend.fontSize = _FONT, 8.5
    legend.alignment = "right"
    legend.dx = legend.dy = 7
    legend.deltay = 13
    legend.columnMaximum = 12
    legend.colorNamePairs = [
        (colour, f"{lbl} — {_figure(v)} ({round(100 * v / total)} %)") for lbl, v, colour in pairs
    ]
    d.add(legend)
    return d


def _clip(text: str, size: float, room: float) -> str:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    if stringWidth(text, _FONT, size) <= room:
        return text
    while text and stringWidth(text + "…", _FONT, size) > room:
        text = text[:-1]
    return text.rstrip() + "…"
