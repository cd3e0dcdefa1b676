"""A refused field shown where it is: the field marked, the message under it, the cursor in it.

The enquiry capture wrote "Ce champ est obligatoire." at the bottom of the dialog with no
field marked (issue 19). ``FieldErrors`` puts the message in a row of its own right under the
field's row of the form that holds it (the field itself, a widget holding it, or a row layout
around it), gives the field a red border until it is edited, and focuses it. A message about
no particular field stays in the dialog's own label.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, SignalInstance
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from fiac_press_desk.ui.views.contact_form_widgets import ERROR_COLOR, ErrorLabel

INVALID_STYLE = f"border: 1px solid {ERROR_COLOR}; border-radius: 2px;"


def _holds(layout: QLayout, widget: QWidget) -> bool:
    for i in range(layout.count()):
        item = layout.itemAt(i)
        if item is None:
            continue
        inner = item.widget()
        if inner is not None and (inner is widget or inner.isAncestorOf(widget)):
            return True
        sub = item.layout()
        if sub is not None and _holds(sub, widget):
            return True
    return False


def form_row_of(forms: list[QFormLayout], widget: QWidget) -> tuple[QFormLayout, int] | None:
    """The form and row whose field is (or holds) ``widget``."""
    for form in forms:
        for row in range(form.rowCount()):
            item = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            if item is None:
                continue
            inner = item.widget()
            if inner is not None and (inner is widget or inner.isAncestorOf(widget)):
                return form, row
            sub = item.layout()
            if sub is not None and _holds(sub, widget):
                return form, row
    return None


class FieldErrors(QObject):
    """One message at a time, beside its field (see the module docstring)."""

    def __init__(self, forms: list[QFormLayout], fallback: QLabel, parent: QObject) -> None:
        super().__init__(parent)
        self._forms = forms
        self._fallback = fallback
        self._label: ErrorLabel | None = None
        self._label_form: QFormLayout | None = None
        self._marked: QWidget | None = None
        self._marked_style = ""
        self._edited_signal: SignalInstance | None = None

    @property
    def label(self) -> QLabel | None:
        """The message shown under a field, if one is."""
        return self._label

    @property
    def marked(self) -> QWidget | None:
        """The field marked as refused, if one is."""
        return self._marked

    def is_shown(self) -> bool:
        """A message is shown, by a field or in the dialog's label."""
        return self._label is not None or self._fallback.isVisibleTo(self._fallback.window())

    def text(self) -> str:
        """The message shown ("" when none)."""
        if self._label is not None:
            return self._label.text()
        return self._fallback.text() if self.is_shown() else ""

    def show(self, message: str, widget: QWidget | None) -> None:
        """Say ``message`` about ``widget`` (None: about the whole)."""
        self.clear()
        place = form_row_of(self._forms, widget) if widget is not None else None
        if widget is None or place is None:
            self._fallback.setText(message)
            self._fallback.setVisible(True)
            if widget is not None:
                widget.setFocus()
            return
        form, row = place
        label = ErrorLabel()
        form.insertRow(row + 1, "", label)  # parented first: shown alone it is a window
        label.show_message(message)
        self._label, self._label_form = label, form
        self._mark(widget)
        widget.setFocus()

    def clear(self) -> None:
        """Take the message and the mark away (before a new attempt, or once edited)."""
        self._fallback.setVisible(False)
        if self._label is not None and self._label_form is not None:
            self._label_form.removeRow(self._label)  # deletes the label
        self._label, self._label_form = None, None
        if self._edited_signal is not None:
            self._edited_signal.disconnect(self._edited)
            self._edited_signal = None
        if self._marked is not None:
            self._marked.setStyleSheet(self._marked_style)
            self._marked.setAccessibleDescription("")
            self._marked = None

    def _mark(self, widget: QWidget) -> None:
        self._marked, self._marked_style = widget, widget.styleSheet()
        # A selector of the field's own class: the border is not passed on to a combo's popup.
        kind = widget.metaObject().className()
        widget.setStyleSheet(f"{kind} {{ {INVALID_STYLE} }}")
        if self._label is not None:
            widget.setAccessibleDescription(self._label.text())  # read by a screen reader
        edited = (
            widget.textEdited
            if isinstance(widget, QLineEdit)
            else widget.textChanged
            if isinstance(widget, QPlainTextEdit)
            else widget.currentTextChanged
            if isinstance(widget, QComboBox)
            else widget.editingFinished
            if isinstance(widget, QAbstractSpinBox)
            else None
        )
        if edited is not None:
            edited.connect(self._edited)
            self._edited_signal = edited

    def _edited(self, *_args: object) -> None:
        self.clear()
