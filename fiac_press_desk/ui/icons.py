"""Icons of the window: line icons drawn in the palette's text colour, and the application icon.

The line icons are small SVG files in ``resources/icons`` written with ``currentColor``; they
are tinted here so that they follow a dark or light palette instead of being fixed black.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer

from fiac_press_desk.config import resources_dir

APP_ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)
_SIZES = (16, 20, 24, 32, 48)


def icons_dir() -> str:
    return str(resources_dir() / "icons")


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
    result = QIcon()
    if not path.exists():
        return result
    source = path.read_text(encoding="utf-8")
    for mode, tint in ((QIcon.Mode.Normal, color), (QIcon.Mode.Disabled, disabled)):
        renderer = QSvgRenderer(QByteArray(source.replace("currentColor", tint).encode()))
        for size in _SIZES:
            for ratio in (1, 2):
                result.addPixmap(_render(renderer, size, ratio), mode)
    return result


def _render(renderer: QSvgRenderer, size: int, ratio: int) -> QPixmap:
    pixmap = QPixmap(size * ratio, size * ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, size * ratio, size * ratio))
    painter.end()
    pixmap.setDevicePixelRatio(ratio)
    return pixmap
