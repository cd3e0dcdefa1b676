"""Keyboard helpers: Tab goes down a form in the order the press officer reads it.

Qt's Tab order is the order widgets joined their window: a row or a chip added to a form
after it was built (a contact's second email, a tag) would be reached after the form's last
field. ``place_before`` puts it where it stands; ``tab_down`` orders a form's fields.
"""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget


def tab_down(*widgets: QWidget) -> None:
    """Tab visits ``widgets`` in this order (top to bottom of the form), whatever order they
    were created in."""
    for before, after in pairwise(widgets):
        QWidget.setTabOrder(before, after)


def _takes_focus(widget: QWidget) -> bool:
    return widget.focusPolicy() != Qt.FocusPolicy.NoFocus


def place_before(anchor: QWidget, new: QWidget) -> None:
    """Tab reaches the fields of ``new`` just before ``anchor`` (the field after it on
    screen). setTabOrder needs widgets that take focus on both sides: those that do not are
    skipped."""
    fields: list[QWidget] = []
    widget = new.nextInFocusChain()
    while widget is not None and widget is not new and new.isAncestorOf(widget):
        if _takes_focus(widget):
            fields.append(widget)
        widget = widget.nextInFocusChain()
    before = anchor.previousInFocusChain()
    while (
        before is not None
        and before is not anchor
        and (not _takes_focus(before) or before is new or new.isAncestorOf(before))
    ):
        before = before.previousInFocusChain()
    if before is None or before is anchor:
        return
    for field in fields:
        QWidget.setTabOrder(before, field)
        before = field
