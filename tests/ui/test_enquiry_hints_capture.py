"""The capture form proposes what the message says: the outlet of the sender's domain, the
type and priority of the subject's words, until the press officer chooses them."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from fiac_press_desk.domain.contact import ContactData, EmailAddress
from fiac_press_desk.domain.enums import Priority, RequestType
from fiac_press_desk.interchange.eml import read_eml
from fiac_press_desk.services import Services
from fiac_press_desk.ui.dialogs.enquiry_capture import EnquiryCaptureDialog
from tests.ui.conftest import settle_operations
from tests.unit.services.test_enquiry_hints_service import write_eml

pytestmark = pytest.mark.qt_log_ignore(r"does not support propagateSizeHints")


def test_typed_subject_proposes_type_and_priority_until_chosen(
    qtbot: QtBot, services: Services
) -> None:
    dialog = EnquiryCaptureDialog(services)
    qtbot.addWidget(dialog)
    settle_operations()
    qtbot.keyClicks(dialog.subject_edit, "Tournage urgent")
    assert dialog.type_combo.currentData() == RequestType.VISUALS.value
    assert dialog.priority_combo.currentData() == Priority.URGENT.value
    dialog.subject_edit.clear()
    qtbot.keyClicks(dialog.subject_edit, "Question")
    assert dialog.type_combo.currentData() == RequestType.INFORMATION.value
    assert dialog.priority_combo.currentData() == Priority.NORMAL.value
    # Chosen by hand: the subject's words no longer change it.
    dialog.priority_combo.setCurrentIndex(dialog.priority_combo.findData(Priority.LOW.value))
    dialog.priority_combo.activated.emit(dialog.priority_combo.currentIndex())
    qtbot.keyClicks(dialog.subject_edit, " interview urgent")
    assert dialog.priority_combo.currentData() == Priority.LOW.value


def test_email_from_a_known_organisations_domain_gets_that_outlet(
    qtbot: QtBot, services: Services, tmp_path: Path
) -> None:
    for name in ("amir", "theo"):
        services.contacts.create(
            ContactData(
                given_name=name.title(),
                family_name="Test",
                organization="Radio Hexagone",
                emails=[EmailAddress(f"{name}@radio-hexagone.fr", "work")],
            )
        )
    path = write_eml(
        tmp_path,
        "nina.eml",
        "Nina Roux <nina@radio-hexagone.fr>",
        "Interview en direct ce soir ?",
        "<nina@radio-hexagone.fr>",
    )
    dialog = EnquiryCaptureDialog(services, email=read_eml(path), source="nina.eml")
    qtbot.addWidget(dialog)
    settle_operations()
    assert dialog.outlet_edit.text() == "Radio Hexagone"
    assert dialog.picker.is_new()  # Nina is offered as a new journalist
    assert dialog.type_combo.currentData() == RequestType.INTERVIEW.value
    assert dialog.priority_combo.currentData() == Priority.URGENT.value
