"""Walks of real widgets for what a keyboard or screen-reader user needs (issue 19):
icon-only buttons with an accessible name, and a tab order that goes down a form."""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

FIELDS = (QLineEdit, QComboBox, QAbstractSpinBox, QPlainTextEdit, QTextEdit, QAbstractButton)
TOLERANCE = 6  # pixels: widgets of one row are not quite aligned


def describe(widget: QWidget) -> str:
    text = widget.text() if isinstance(widget, QAbstractButton) else ""  # type: ignore[union-attr]
    return (
        f"{type(widget).__name__}(objectName={widget.objectName()!r}, text={text!r}, "
        f"tooltip={widget.toolTip()!r}, parent={type(widget.parentWidget()).__name__})"
    )


def _qt_own(button: QAbstractButton) -> bool:
    """Buttons Qt makes and names itself: a line edit's clear and action icons (not in the
    Tab chain; the line edit is what a screen reader announces), the toolbar's overflow."""
    return button.objectName().startswith("qt_") or isinstance(button.parentWidget(), QLineEdit)


def unnamed_icon_buttons(root: QWidget) -> list[str]:
    """Visible buttons that show an icon and no text, and have no accessible name: a screen
    reader would say "button" and nothing else."""
    found = []
    for button in root.findChildren(QAbstractButton):
        if not button.isVisibleTo(root) or _qt_own(button):
            continue
        text = button.text().replace("&", "").strip()
        style = getattr(button, "toolButtonStyle", None)
        symbol_only = not any(c.isalnum() for c in text)  # "×", "✕", "…" say nothing
        icon_only = symbol_only or (
            not button.icon().isNull()
            and style is not None
            and style() == Qt.ToolButtonStyle.ToolButtonIconOnly
        )
        if icon_only and not button.accessibleName().strip():
            found.append(describe(button))
    return found


def _focusable(widget: QWidget, root: QWidget) -> bool:
    return (
        widget.isVisibleTo(root)
        and widget.isEnabled()
        and bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)
        and widget.focusProxy() is None
    )


def tab_chain(root: QWidget) -> list[QWidget]:
    """The widgets Tab visits inside ``root``, in order, from its first field."""
    chain: list[QWidget] = []
    start = root
    widget = start.nextInFocusChain()
    seen = 0
    while widget is not start and seen < 5000:
        seen += 1
        if root.isAncestorOf(widget) and _focusable(widget, root) and isinstance(widget, FIELDS):
            chain.append(widget)
        widget = widget.nextInFocusChain()
    return chain


def tab_order_jumps(root: QWidget) -> list[str]:
    """Places where Tab goes back up the form without moving to a column on the right:
    (from, to) described. A form read top to bottom, column after column, has none."""
    jumps = []
    chain = tab_chain(root)
    for before, after in pairwise(chain):
        a = before.mapTo(root, QPoint(0, 0))
        b = after.mapTo(root, QPoint(0, 0))
        up = b.y() + TOLERANCE < a.y()
        to_the_right = b.x() >= a.x() + before.width() - TOLERANCE
        if up and not to_the_right:
            jumps.append(f"{describe(before)} @ {a.toTuple()} -> {describe(after)} @ {b.toTuple()}")
    return jumps
