"""Quick capture: a new journalist created on the spot, a contact picked as you type, emails."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QDate, QDateTime, QTime, QTimeZone
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox
from pytestqt.qtbot import QtBot

from fiac_press_desk.domain.contact import ContactData, EmailAddress
from fiac_press_desk.domain.enquiry import DeskClock, EnquiryInput
from fiac_press_desk.domain.enums import EnquiryChannel, Priority, RequestType
from fiac_press_desk.interchange.eml import read_eml
from fiac_press_desk.services import Services
from fiac_press_desk.ui.dialogs import enquiry_capture
from fiac_press_desk.ui.dialogs.enquiry_capture import EnquiryCaptureDialog, open_capture
from fiac_press_desk.ui.events import data_events
from tests.ui.conftest import settle_operations

# The offscreen platform says so whenever a top-level window is shown; nothing to fix.
pytestmark = pytest.mark.qt_log_ignore(r"does not support propagateSizeHints")

PARIS = ZoneInfo("Europe/Paris")
NOW = datetime(2024, 2, 6, 9, 0, tzinfo=UTC)  # 10:00 in Paris


@pytest.fixture
def desk(services: Services) -> Services:
    services.enquiries.clock = DeskClock(PARIS, now_fn=lambda: NOW)
    return services


def save(dialog: EnquiryCaptureDialog) -> None:
    button = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    assert button is not None
    button.click()


def type_in(qtbot: QtBot, edit: object, text: str) -> None:
    """Type like a user; QTest only types Latin-1, so accents go through insert()."""
    if text.isascii():
        qtbot.keyClicks(edit, text)  # type: ignore[arg-type]
    else:
        edit.setFocus()  # type: ignore[attr-defined]
        edit.insert(text)  # type: ignore[attr-defined]


def set_local(edit: object, day: tuple[int, int, int], hour: int, minute: int = 0) -> None:
    edit.setDateTime(QDateTime(QDate(*day), QTime(hour, minute), QTimeZone.utc()))  # type: ignore[attr-defined]


def test_capture_with_a_new_journalist_created_on_the_spot(qtbot: QtBot, desk: Services) -> None:
    dialog = EnquiryCaptureDialog(desk)
    qtbot.addWidget(dialog)
    settle_operations()
    dialog.show()
    # Defaults: received now (Paris time shown), a deadline four hours later.
    assert dialog.received_edit.dateTime().toString("dd/MM/yyyy HH:mm") == "06/02/2024 10:00"
    assert dialog.deadline_check.isChecked()
    type_in(qtbot, dialog.picker.search_edit, "Maëlle Cœurderoy")
    dialog.picker.new_button.click()
    assert dialog.picker.new_box.isVisible()
    # What was typed becomes the new journalist's names.
    assert dialog.picker.given_edit.text() == "Maëlle"
    assert dialog.picker.family_edit.text() == "Cœurderoy"
    type_in(qtbot, dialog.picker.email_edit, "maelle.coeurderoy@example.org")
    type_in(qtbot, dialog.picker.phone_edit, "06 12 34 56 78")
    type_in(qtbot, dialog.outlet_edit, "Radio Hexagone")
    type_in(qtbot, dialog.subject_edit, "Invitation à un débat radio")
    dialog.type_combo.setCurrentIndex(dialog.type_combo.findData(RequestType.INVITATION.value))
    dialog.channel_combo.setCurrentIndex(dialog.channel_combo.findData("email"))
    dialog.priority_combo.setCurrentIndex(dialog.priority_combo.findData("high"))
    dialog.assignee_combo.setCurrentText("Pr Hélène Marchand")
    set_local(dialog.deadline_edit, (2024, 2, 6), 18, 0)
    areas: list[str] = []
    data_events().changed.connect(areas.append)
    save(dialog)
    settle_operations()
    data_events().changed.disconnect(areas.append)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.created_contact
    assert dialog.enquiry_id is not None
    record = desk.enquiries.get(dialog.enquiry_id)
    assert record.subject == "Invitation à un débat radio"
    assert record.channel is EnquiryChannel.EMAIL
    assert record.request_type is RequestType.INVITATION
    assert record.priority is Priority.HIGH
    assert record.assignee == "Pr Hélène Marchand"
    assert record.received_at == NOW
    assert record.deadline == datetime(2024, 2, 6, 17, 0, tzinfo=UTC)  # 18:00 in Paris
    assert record.outlet == "Radio Hexagone"
    assert record.contact_id is not None
    contact = desk.contacts.get(record.contact_id)
    assert (contact.given_name, contact.family_name) == ("Maëlle", "Cœurderoy")
    assert contact.organization == "Radio Hexagone"
    assert contact.primary_email == "maelle.coeurderoy@example.org"
    assert contact.primary_phone == "+33612345678"
    assert areas == ["enquiries", "contacts"]


def test_pick_an_existing_contact_as_you_type(qtbot: QtBot, desk: Services) -> None:
    cid = desk.contacts.create(
        ContactData(
            given_name="Éloïse",
            family_name="Lefèvre",
            organization="Le Quotidien",
            emails=[EmailAddress("eloise@example.fr")],
        )
    )
    desk.contacts.create(ContactData(given_name="Jérôme", family_name="Châtelain"))
    dialog = EnquiryCaptureDialog(desk)
    qtbot.addWidget(dialog)
    settle_operations()
    dialog.show()
    type_in(qtbot, dialog.picker.search_edit, "lefe")  # no accent, lower case
    qtbot.waitUntil(lambda: dialog.picker.suggestions.rowCount() == 1)
    assert "Le Quotidien" in dialog.picker.suggestions.item(0).text()
    dialog.picker.pick_row(0)
    assert dialog.picker.contact_id() == cid
    assert dialog.picker.search_edit.text() == "Éloïse Lefèvre"
    assert dialog.outlet_edit.text() == "Le Quotidien"  # the contact's outlet comes along
    assert "✓" in dialog.picker.chosen_label.text()
    type_in(qtbot, dialog.subject_edit, "Chiffres")
    save(dialog)
    settle_operations()
    assert dialog.result() == QDialog.DialogCode.Accepted
    record = desk.enquiries.get(dialog.enquiry_id or 0)
    assert record.contact_id == cid and not dialog.created_contact
    # Typing again drops the choice.
    dialog2 = EnquiryCaptureDialog(desk)
    qtbot.addWidget(dialog2)
    settle_operations()
    dialog2.picker.set_contact(cid)
    settle_operations()
    type_in(qtbot, dialog2.picker.search_edit, "x")
    assert dialog2.picker.contact_id() is None


def test_unknown_name_and_bad_deadline_are_refused_in_the_form(
    qtbot: QtBot, desk: Services
) -> None:
    dialog = EnquiryCaptureDialog(desk)
    qtbot.addWidget(dialog)
    settle_operations()
    dialog.show()
    type_in(qtbot, dialog.picker.search_edit, "Quelqu'un d'inconnu")
    type_in(qtbot, dialog.subject_edit, "Sujet")
    save(dialog)
    settle_operations()
    assert dialog.isVisible() and dialog.field_errors.is_shown()
    assert "Quelqu'un d'inconnu" in dialog.field_errors.text()
    dialog.picker.search_edit.clear()
    set_local(dialog.deadline_edit, (2024, 2, 6), 9, 0)  # before 10:00, the receipt
    save(dialog)
    settle_operations()
    assert dialog.isVisible()
    assert "précéder" in dialog.field_errors.text()
    assert desk.enquiries.rows() == []
    dialog.deadline_check.setChecked(False)
    save(dialog)
    settle_operations()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert desk.enquiries.get(dialog.enquiry_id or 0).deadline is None


def test_new_journalist_with_a_bad_email_keeps_the_form_open(qtbot: QtBot, desk: Services) -> None:
    dialog = EnquiryCaptureDialog(desk)
    qtbot.addWidget(dialog)
    settle_operations()
    dialog.show()
    dialog.picker.new_button.click()
    type_in(qtbot, dialog.picker.family_edit, "Durand")
    type_in(qtbot, dialog.picker.email_edit, "pas une adresse")
    type_in(qtbot, dialog.subject_edit, "Sujet")
    save(dialog)
    settle_operations()
    assert dialog.isVisible() and dialog.field_errors.is_shown()
    assert dialog.focusWidget() is dialog.picker.email_edit
    assert desk.contact_queries.rows_by_id([1]) == []


def test_an_email_prefills_the_form_and_offers_the_unknown_sender(
    qtbot: QtBot, desk: Services, data_dir: Path
) -> None:
    email = read_eml(data_dir / "eml" / "unknown_sender.eml")
    dialog = EnquiryCaptureDialog(desk, email=email, source="unknown_sender.eml")
    qtbot.addWidget(dialog)
    settle_operations()
    dialog.show()
    assert dialog.subject_edit.text() == "Invitation à un débat radio"
    assert dialog.channel_combo.currentData() == "email"
    assert dialog.received_edit.dateTime().toString("dd/MM/yyyy HH:mm") == "09/02/2024 08:00"
    assert "Pièces jointes : programme-debat.pdf" in dialog.details_edit.toPlainText()
    assert dialog.picker.is_new()
    assert dialog.picker.given_edit.text() == "Maëlle"
    assert dialog.picker.email_edit.text() == "maelle.coeurderoy@example.org"
    assert "unknown_sender.eml" in dialog.source_label.text()
    save(dialog)
    settle_operations()
    assert dialog.result() == QDialog.DialogCode.Accepted
    record = desk.enquiries.get(dialog.enquiry_id or 0)
    assert record.source_message_id == "<unknown-sender-777@example.org>"
    assert record.contact_name == "Maëlle Cœurderoy"


def test_open_capture_with_emails(
    qtbot: QtBot, desk: Services, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    known = desk.contacts.create(
        ContactData(given_name="Éloïse", emails=[EmailAddress("eloise.lefevre@example.fr")])
    )
    shown: list[EnquiryCaptureDialog] = []
    warnings: list[str] = []

    def fake_exec(self: EnquiryCaptureDialog) -> int:
        shown.append(self)
        self.accept()
        return int(self.result())

    monkeypatch.setattr(EnquiryCaptureDialog, "exec", fake_exec)
    monkeypatch.setattr(
        enquiry_capture.QMessageBox,
        "warning",
        staticmethod(lambda _p, _t, text: warnings.append(text) or QMessageBox.StandardButton.Ok),
    )
    eml = data_dir / "eml"
    open_capture(desk, None, [eml / "encoded_headers.eml"])  # several: see test_eml_review
    settle_operations()
    assert len(shown) == 1
    assert shown[0].picker.contact_id() == known  # matched by address
    assert "(encoded_headers.eml)" in shown[0].source_label.text()
    open_capture(desk, None, [eml / "not_an_email.eml"])
    settle_operations()
    assert len(warnings) == 1 and "not_an_email.eml" in warnings[0]
    # The same message again is not offered a second time.
    open_capture(desk, None, [eml / "encoded_headers.eml"])
    settle_operations()
    assert len(shown) == 1
    assert "encoded_headers.eml" in warnings[1]
    for dialog in shown:
        dialog.deleteLater()


def test_edit_mode_loads_and_updates(qtbot: QtBot, desk: Services) -> None:
    eid = desk.enquiries.create(
        EnquiryInput(
            subject="Ancien sujet",
            received_at=NOW - timedelta(hours=2),
            deadline=NOW + timedelta(hours=3),
            assignee="Dr Benali",
            outlet="Le Quotidien",
        )
    )
    dialog = EnquiryCaptureDialog(desk, enquiry_id=eid)
    qtbot.addWidget(dialog)
    settle_operations()
    assert dialog.subject_edit.text() == "Ancien sujet"
    assert dialog.outlet_edit.text() == "Le Quotidien"
    assert dialog.assignee_combo.currentText() == "Dr Benali"
    assert dialog.received_edit.dateTime().toString("HH:mm") == "08:00"
    assert not dialog.picker.new_button.isVisibleTo(dialog)
    dialog.subject_edit.setText("Nouveau sujet")
    save(dialog)
    settle_operations()
    assert dialog.result() == QDialog.DialogCode.Accepted
    record = desk.enquiries.get(eid)
    assert record.subject == "Nouveau sujet"
    assert record.deadline == NOW + timedelta(hours=3)


def test_a_colleagues_save_in_between_is_not_overwritten_silently(
    qtbot: QtBot, desk: Services
) -> None:
    """Two desks on one base (issue 14): the form read the enquiry, a colleague saved it
    since; the form's save is refused saying who, the colleague's text stays, and saving
    again (knowing it) goes through."""
    data = EnquiryInput(
        subject="Ancien sujet",
        received_at=NOW - timedelta(hours=2),
        deadline=NOW + timedelta(hours=3),
        outlet="Le Quotidien",
    )
    eid = desk.enquiries.create(data)
    dialog = EnquiryCaptureDialog(desk, enquiry_id=eid)
    qtbot.addWidget(dialog)
    settle_operations()
    colleague = Services(desk.db, actor="Camille Martin")
    colleague.enquiries.update(eid, replace(data, subject="Sujet de Camille"))
    dialog.subject_edit.setText("Mon sujet")
    save(dialog)
    settle_operations()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "Camille Martin" in dialog.field_errors.text()
    assert desk.enquiries.get(eid).subject == "Sujet de Camille"
    save(dialog)
    settle_operations()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert desk.enquiries.get(eid).subject == "Mon sujet"


def test_times_are_typed_in_the_desk_zone_across_a_dst_change(
    qtbot: QtBot, services: Services
) -> None:
    now = datetime(2024, 3, 30, 12, 0, tzinfo=UTC)
    services.enquiries.clock = DeskClock(PARIS, now_fn=lambda: now)
    dialog = EnquiryCaptureDialog(services)
    qtbot.addWidget(dialog)
    settle_operations()
    dialog._tomorrow_noon()  # 31 March, the first day of summer time
    data, _ = dialog.collect()
    assert data.deadline is not None
    assert data.deadline.astimezone(UTC) == datetime(2024, 3, 31, 10, 0, tzinfo=UTC)
