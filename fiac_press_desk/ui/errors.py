"""How the window tells the press officer that something went wrong: one way, two cases.

An expected error (``PressDeskError``: a refused value, a name already taken, a record gone
meanwhile) is a sentence for the press officer, with the field it concerns when there is one:
``message_of`` writes it, ``show_expected`` puts it in a warning box when the view has no
place of its own for it (a form shows it under the field instead). Anything else is a bug or
the machine failing: ``show_unexpected`` shows one French dialog, the technical text tucked
under "Details", and prints the traceback for whoever reads the terminal. Never a traceback
in the press officer's face, never an error swallowed.
"""

from __future__ import annotations

import re
import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from fiac_press_desk.domain.errors import ConflictError, PressDeskError, ValidationError
from fiac_press_desk.domain.messages import render

if TYPE_CHECKING:
    from fiac_press_desk.services.edit_conflicts import StaleEditError

_INDEX = re.compile(r"\[\d+\]$")


def field_label(field: str) -> str:
    """The press officer's name of a service field ("emails[1]" -> "Emails"), or ""."""
    from fiac_press_desk.ui.labels import field_labels

    return field_labels().get(_INDEX.sub("", field.rpartition(".")[2]), "")


def stale_edit_text(error: StaleEditError) -> str:
    """A colleague's-change refusal with the differing fields named as the window names them
    (the service's own text gives their code names)."""
    from fiac_press_desk.ui.labels import fields_text

    fields = fields_text([d.field for d in error.differences])
    return render(error.code, **{**error.params, "fields": fields})


def message_of(error: BaseException) -> str:
    """What to show the press officer: the message, after the field's label when known."""
    if isinstance(error, ValidationError):
        message, field = error.message, error.field
    elif isinstance(error, ConflictError):
        message, field = render(error.code, **error.params), error.field
    else:
        return str(error) or type(error).__name__
    label = field_label(field) if field else ""
    if not label:
        return message
    return (
        QCoreApplication.translate("Errors", "%1: %2").replace("%1", label).replace("%2", message)
    )


def short_message(error: BaseException) -> str:
    """The message alone, for a view that shows it beside the field it names."""
    if isinstance(error, ValidationError):
        return error.message
    return str(error) or type(error).__name__


def show_expected(parent: QWidget | None, error: PressDeskError, title: str = "") -> None:
    """A warning box with ``message_of(error)`` (the operation's default error display)."""
    QMessageBox.warning(
        parent or QApplication.activeWindow(),
        title or QCoreApplication.translate("Errors", "Nothing was changed"),
        message_of(error),
    )


def show_unexpected(parent: QWidget | None, error: BaseException, details: str = "") -> None:
    """The one dialog for an error nobody foresaw (``crash_dialog``: what happened, what to
    do, a report without personal data in the data folder); the window goes on."""
    from fiac_press_desk.ui.crash_dialog import report_unexpected

    print(details or f"{type(error).__name__}: {error}", file=sys.stderr)
    report_unexpected(parent, error)
