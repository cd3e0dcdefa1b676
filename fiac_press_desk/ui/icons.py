"""Icons of the window: line icons drawn in the palette's text colour, and the application icon.

The line icons are small SVG files in ``resources/icons`` written with ``currentColor``; they
are tinted here so that they follow a dark or light palette instead of being fixed black.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QByteArray, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QIconEngine, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer

from fiac_press_desk.config import resources_dir

APP_ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)


def app_icon() -> QIcon:
    icon = QIcon()
    folder = resources_dir() / "icons"
    for size in APP_ICON_SIZES:
        path = folder / f"fiac-press-desk-{size}.png"
        if path.exists():
            icon.addFile(str(path))
    svg = folder / "fiac-press-desk.svg"
    if icon.isNull() and svg.exists():
        icon.addFile(str(svg))
    return icon


def icon(name: str, color: QColor | str | None = None) -> QIcon:
    """The line icon ``name`` tinted with ``color`` (default: the palette's text colour)."""
    if color is None:
        color = _palette_color(QPalette.ColorRole.WindowText)
    key = QColor(color).name()
    return _cached_icon(name, key, _palette_color(QPalette.ColorRole.PlaceholderText).name())


def _palette_color(role: QPalette.ColorRole) -> QColor:
    app = QGuiApplication.instance()
    if app is None:
        return QColor("#333333")
    return QGuiApplication.palette().color(role)


@cache
def _cached_icon(name: str, color: str, disabled: str) -> QIcon:
    path = resources_dir() / "icons" / f"{name}.svg"
    if not path.exists():
        return QIcon()
    return QIcon(TintedSvgEngine(path.read_text(encoding="utf-8"), color, disabled))


class TintedSvgEngine(QIconEngine):
    """Draws the SVG at the size asked for, when asked: building the window renders nothing,
    and every size and screen density is sharp."""

    def __init__(self, source: str, color: str, disabled: str) -> None:
        super().__init__()
        self._source, self._color, self._disabled = source, color, disabled
        self._renderers: dict[bool, QSvgRenderer] = {}
        self._pixmaps: dict[tuple[int, int, bool, float], QPixmap] = {}

    def _renderer(self, dim: bool) -> QSvgRenderer:
        renderer = self._renderers.get(dim)
        if renderer is None:
            tint = self._disabled if dim else self._color
            renderer = QSvgRenderer(QByteArray(self._source.replace("currentColor", tint).encode()))
            self._renderers[dim] = renderer
        return renderer

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        dim = mode == QIcon.Mode.Disabled
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        side = min(rect.width(), rect.height())
        square = QRectF(
            rect.x() + (rect.width() - side) / 2, rect.y() + (rect.height() - side) / 2, side, side
        )
        self._renderer(dim).render(painter, square)
        painter.restore()

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        return self.scaledPixmap(size, mode, state, 1.0)

    def scaledPixmap(
        self, size: QSize, mode: QIcon.Mode, state: QIcon.State, scale: float
    ) -> QPixmap:
        dim = mode == QIcon.Mode.Disabled
        key = (size.width(), size.height(), dim, scale)
        cached = self._pixmaps.get(key)
        if cached is not None:
            return cached
        pixmap = QPixmap(max(1, round(size.width() * scale)), max(1, round(size.height() * scale)))
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        self.paint(painter, QRect(0, 0, pixmap.width(), pixmap.height()), mode, state)
        painter.end()
        pixmap.setDevicePixelRatio(scale)
        self._pixmaps[key] = pixmap
        return pixmap

    def actualSize(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QSize:
        return size

    def clone(self) -> QIconEngine:
        return TintedSvgEngine(self._source, self._color, self._disabled)
