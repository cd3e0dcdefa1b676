"""A refused enquiry field is marked, its message is by it, and the cursor is in it (issue 19:
"Ce champ est obligatoire." sat at the bottom of the dialog with no field marked)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QFormLayout
from pytestqt.qtbot import QtBot

from fiac_press_desk.services import Services
from fiac_press_desk.ui.dialogs.enquiry_capture import EnquiryCaptureDialog
from fiac_press_desk.ui.field_errors import INVALID_STYLE, form_row_of
from tests.ui.conftest import settle_operations

pytestmark = pytest.mark.qt_log_ignore(r"does not support propagateSizeHints")


def save(dialog: EnquiryCaptureDialog) -> None:
    button = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    assert button is not None
    button.click()
    settle_operations()


def test_an_empty_subject_is_marked_and_said_under_it(
    qtbot: QtBot, services: Services, french: str
) -> None:
    dialog = EnquiryCaptureDialog(services)
    qtbot.addWidget(dialog)
    settle_operations()
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    save(dialog)
    assert dialog.isVisible() and services.enquiries.rows() == []
    errors = dialog.field_errors
    assert errors.text() == "Ce champ est obligatoire."
    assert not dialog.error_label.isVisible()  # not at the bottom, away from the field
    assert errors.marked is dialog.subject_edit
    assert INVALID_STYLE in dialog.subject_edit.styleSheet()
    assert dialog.focusWidget() is dialog.subject_edit
    label = errors.label
    assert label is not None and label.isVisible()
    # The message is the row right under the subject's.
    place = form_row_of([dialog.subject_edit.parentWidget().layout()], dialog.subject_edit)  # type: ignore[list-item, union-attr]
    assert place is not None
    form, row = place
    assert isinstance(form, QFormLayout)
    below = form.itemAt(row + 1, QFormLayout.ItemRole.FieldRole)
    assert below is not None and below.widget() is label
    assert dialog.subject_edit.accessibleDescription() == "Ce champ est obligatoire."

    qtbot.keyClicks(dialog.subject_edit, "Chiffres")  # typing takes the mark away
    assert errors.marked is None and errors.label is None and not errors.is_shown()
    assert INVALID_STYLE not in dialog.subject_edit.styleSheet()
    save(dialog)
    assert len(services.enquiries.rows()) == 1


def test_a_problem_of_no_particular_field_stays_in_the_dialog_label(
    qtbot: QtBot, services: Services
) -> None:
    dialog = EnquiryCaptureDialog(services)
    qtbot.addWidget(dialog)
    settle_operations()
    dialog.field_errors.show("Le serveur a refusé.", None)
    assert dialog.error_label.isVisibleTo(dialog) and dialog.field_errors.text() == (
        "Le serveur a refusé."
    )
    dialog.field_errors.clear()
    assert not dialog.field_errors.is_shown()
