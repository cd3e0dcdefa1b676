"""A small chart drawn with QPainter: columns (months), horizontal bars (categories) or a
ring with its legend (shares of a whole).

Why hand-drawn (measured 3 December 2026, Python 3.11, PySide6 6.11.3, loaded machine, best
of three): QPainter is in PySide6-Essentials, which the desk already ships: 0 MB more, 10-16 ms
from a running QApplication to the first painter. QtCharts needs PySide6-Addons: 439 MB more
installed (the wheel brings WebEngine, 3D and the rest along), 66-86 ms to import it and make
a chart view. matplotlib's Qt backend: about 145 MB more (matplotlib 35, numpy 71, fonttools
30, kiwisolver, contourpy...) and 4.4-5.4 s to import it and make a canvas. The dashboard draws
three small charts of a dozen values; none of the libraries gives it a figure it needs.
Colours and figures match the PDF report's (``interchange/document_charts.py``).
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from fiac_press_desk.interchange.document_charts import PALETTE


class ChartStyle(StrEnum):
    COLUMNS = "columns"
    BARS = "bars"
    RING = "ring"


def figure(value: float) -> str:
    """A figure as French readers write it (narrow no-break space between thousands)."""
    return f"{value:,.0f}".replace(",", "\u202f")


class ChartWidget(QWidget):
    """One series of figures with a title; says ``empty`` when it has nothing to draw."""

    def __init__(self, style: ChartStyle, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.style_kind = style
        self.title = ""
        self.empty = ""
        self.labels: list[str] = []
        self.values: list[float] = []
        self.colours: list[QColor] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(120, 120)  # three side by side fit a narrow window

    def sizeHint(self) -> QSize:
        return QSize(320, 190)

    def set_data(
        self,
        title: str,
        labels: Sequence[str],
        values: Sequence[float],
        *,
        colours: Sequence[str] = (),
        empty: str = "",
    ) -> None:
        """Show these figures (their labels in the same order)."""
        self.title, self.empty = title, empty
        self.labels, self.values = list(labels), [float(v) for v in values]
        shades = list(colours) or list(PALETTE)
        self.colours = [QColor(shades[i % len(shades)]) for i in range(len(self.labels))]
        tip = "\n".join(
            f"{lbl} : {figure(v)}" for lbl, v in zip(self.labels, self.values, strict=True)
        )
        self.setToolTip(f"{title}\n{tip}" if tip else title)
        self.setAccessibleName(title)
        self.update()

    # -- drawing --------------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        ink = palette.color(palette.ColorRole.WindowText)
        title_font = QFont(self.font())
        title_font.setBold(True)
        painter.setFont(title_font)
        painter.setPen(ink)
        metrics = QFontMetrics(title_font)
        painter.drawText(
            QRectF(0, 0, self.width(), metrics.height()),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            metrics.elidedText(self.title, Qt.TextElideMode.ElideRight, self.width()),
        )
        painter.setFont(self.font())
        area = QRectF(0, metrics.height() + 6, self.width(), self.height() - metrics.height() - 6)
        if not any(v > 0 for v in self.values):
            muted = palette.color(palette.ColorGroup.Disabled, palette.ColorRole.WindowText)
            painter.setPen(muted)
            painter.drawText(
                area, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self.empty
            )
            return
        if self.style_kind is ChartStyle.COLUMNS:
            self._columns(painter, area, ink)
        elif self.style_kind is ChartStyle.BARS:
            self._bars(painter, area, ink)
        else:
            self._ring(painter, area, ink)

    def _columns(self, painter: QPainter, area: QRectF, ink: QColor) -> None:
        fm = QFontMetrics(self.font())
        label_h = fm.height() + 2
        top = max(self.values)
        plot = area.adjusted(0, fm.height() + 2, 0, -label_h)
        n = len(self.values)
        slot = plot.width() / n
        bar_w = max(slot * 0.62, 2)
        grid = QColor(ink)
        grid.setAlpha(40)
        painter.setPen(QPen(grid, 1))
        painter.drawLine(plot.bottomLeft(), plot.bottomRight())
        widest = max(fm.horizontalAdvance(lbl) for lbl in self.labels) + 8
        every = max(1, int(widest // slot) + 1)
        for i, (lbl, value) in enumerate(zip(self.labels, self.values, strict=True)):
            x = plot.left() + i * slot + (slot - bar_w) / 2
            h = plot.height() * value / top if top else 0
            painter.fillRect(QRectF(x, plot.bottom() - h, bar_w, h), self.colours[0])
            painter.setPen(ink)
            if value:
                painter.drawText(
                    QRectF(x - 10, plot.bottom() - h - fm.height() - 1, bar_w + 20, fm.height()),
                    Qt.AlignmentFlag.AlignCenter,
                    figure(value),
                )
            if (n - 1 - i) % every == 0:  # the latest month always named
                width = fm.horizontalAdvance(lbl) + 4
                left = plot.left() + i * slot + slot / 2 - width / 2
                left = min(max(left, area.left()), area.right() - width)  # never clipped
                painter.drawText(
                    QRectF(left, plot.bottom() + 2, width, label_h),
                    Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                    lbl,
                )

    def _bars(self, painter: QPainter, area: QRectF, ink: QColor) -> None:
        fm = QFontMetrics(self.font())
        n = len(self.values)
        row = min(area.height() / n, fm.height() * 1.6)
        label_w = min(
            max(fm.horizontalAdvance(lbl) for lbl in self.labels) + 8, area.width() * 0.45
        )
        top = max(self.values)
        figure_w = fm.horizontalAdvance(figure(top)) + 8
        room = max(area.width() - label_w - figure_w, 10)
        for i, (lbl, value) in enumerate(zip(self.labels, self.values, strict=True)):
            y = area.top() + i * row
            painter.setPen(ink)
            painter.drawText(
                QRectF(0, y, label_w - 6, row),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                fm.elidedText(lbl, Qt.TextElideMode.ElideRight, int(label_w - 6)),
            )
            length = room * value / top if top else 0
            bar = QRectF(label_w, y + row * 0.18, max(length, 1), row * 0.64)
            painter.fillRect(bar, self.colours[0])
            painter.drawText(
                QRectF(label_w + length + 4, y, figure_w, row),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                figure(value),
            )

    def _ring(self, painter: QPainter, area: QRectF, ink: QColor) -> None:
        fm = QFontMetrics(self.font())
        side = min(area.height(), area.width() * 0.4)
        ring = QRectF(area.left() + 4, area.top() + (area.height() - side) / 2, side, side)
        total = sum(self.values)
        start = 90 * 16
        pen_w = side * 0.22
        inner = ring.adjusted(pen_w / 2, pen_w / 2, -pen_w / 2, -pen_w / 2)
        for value, colour in zip(self.values, self.colours, strict=True):
            if value <= 0:
                continue
            span = -round(360 * 16 * value / total)
            pen = QPen(colour, pen_w)
            pen.setCapStyle(Qt.PenCapStyle.FlatCap)
            painter.setPen(pen)
            painter.drawArc(inner, start, span)
            start += span
        painter.setPen(ink)
        bold = QFont(self.font())
        bold.setBold(True)
        painter.setFont(bold)
        painter.drawText(inner, Qt.AlignmentFlag.AlignCenter, figure(total))
        painter.setFont(self.font())
        x = ring.right() + 14
        row = fm.height() * 1.35
        y = area.top() + max((area.height() - row * len(self.values)) / 2, 0)
        room = int(area.right() - x - 16)
        texts = [
            f"{lbl} · {figure(v)} ({round(100 * v / total) if total else 0} %)"
            for lbl, v in zip(self.labels, self.values, strict=True)
        ]
        if any(fm.horizontalAdvance(t) > room for t in texts):  # shares in the tooltip then
            texts = [
                f"{lbl} · {figure(v)}" for lbl, v in zip(self.labels, self.values, strict=True)
            ]
        for text, colour in zip(texts, self.colours, strict=True):
            painter.fillRect(QRectF(x, y + (row - 10) / 2, 10, 10), colour)
            painter.setPen(ink)
            painter.drawText(
                QRectF(x + 16, y, room, row),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                fm.elidedText(text, Qt.TextElideMode.ElideMiddle, room),
            )
            y += row
