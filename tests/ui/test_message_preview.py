"""Before sending: the message as one chosen recipient will get it, and "Send me a test" to
the sender address of the settings, through a real SMTP server on 127.0.0.1; in French."""

from __future__ import annotations

import pytest
from local_smtp import local_smtp
from pytestqt.qtbot import QtBot
from release_helpers import PDF, newsroom, release, smtp_settings

from fiac_press_desk.services import Services
from fiac_press_desk.services.distribution import RecipientCriteria
from fiac_press_desk.services.releases import AttachmentFile
from fiac_press_desk.services.sending import PasswordStore
from fiac_press_desk.ui import operations
from fiac_press_desk.ui.dialogs.message_preview import MessagePreviewDialog
from fiac_press_desk.ui.dialogs.release_recipients_dialog import RecipientsDialog
from fiac_press_desk.ui.qtmodels.recipient_plan_model import RecipientPlanModel
from tests.ui.conftest import settle_operations

pytestmark = pytest.mark.qt_log_ignore(r"does not support propagateSizeHints")


@pytest.fixture(autouse=True)
def _fresh_password_memory() -> None:
    PasswordStore._memory.clear()


def test_the_recipients_dialog_previews_the_selected_recipients_message(
    qtbot: QtBot, services: Services, french: str
) -> None:
    room = newsroom(services)
    rid = release(services, attachments=[AttachmentFile("cp.pdf", PDF)])
    dialog = RecipientsDialog(services, rid)
    qtbot.addWidget(dialog)
    settle_operations()
    dialog.criteria.contact_ids = list(room.in_list)
    dialog.recompute()
    qtbot.waitUntil(lambda: not dialog.is_computing() and operations.idle(), timeout=5000)
    assert dialog.preview_button.isEnabled()
    assert dialog.preview_button.text() == "&Aperçu…"
    plan = dialog.plan
    assert plan is not None
    roux = next(r for r in plan.to_send if r.contact_id == room.camille)
    row = next(
        r
        for r in range(dialog.proxy.rowCount())
        if dialog.proxy.index(r, 0).data(RecipientPlanModel.IdRole) == room.camille
    )
    dialog.table.setCurrentIndex(dialog.proxy.index(row, 0))
    dialog.preview_button.click()
    settle_operations()
    preview = dialog.preview_dialog
    assert isinstance(preview, MessagePreviewDialog)
    assert preview.windowTitle() == "Aperçu du message"
    assert preview.recipient_combo.currentText() == "Camille Roux <camille.roux@example.com>"
    assert preview.to_label.text() == "Camille Roux <camille.roux@example.com>"
    assert preview.subject_label.text().startswith(
        "La Filière réunit les acteurs des données de vie réelle"
    )
    assert preview.attachments_label.text() == "cp.pdf"
    assert roux.greeting and roux.greeting in preview.plain_view.toPlainText()
    assert "Deuxième paragraphe" in preview.html_view.toPlainText()
    # Another recipient: their own greeting.
    dupont = next(r for r in plan.to_send if r.contact_id == room.dupont)
    preview.recipient_combo.setCurrentIndex(preview.recipient_combo.findData(room.dupont))
    settle_operations()
    assert dupont.greeting in preview.plain_view.toPlainText()
    assert roux.greeting not in preview.plain_view.toPlainText()
    # Sending not set up: the text is there, the test cannot go.
    assert not preview.test_button.isEnabled()
    assert "pas encore configuré" in preview.message.text()
    preview.close()


def test_send_me_a_test_goes_to_the_senders_own_address_and_records_nothing(
    qtbot: QtBot, services: Services, french: str
) -> None:
    room = newsroom(services)
    rid = release(services)
    plan = services.distributions.plan(rid, RecipientCriteria(contact_ids=room.in_list))
    roux = next(r for r in plan.to_send if r.contact_id == room.camille)
    with local_smtp() as server:
        services.sending.save_settings(smtp_settings(server.host, server.port))
        dialog = MessagePreviewDialog(services, rid, plan.to_send, room.camille)
        qtbot.addWidget(dialog)
        settle_operations()
        assert dialog.test_button.isEnabled()
        assert dialog.test_button.text() == "M’envoyer un &test"
        assert "presse@example.fr" in dialog.test_button.toolTip()
        dialog.test_button.click()
        settle_operations()
        assert server.mailbox.by_address() == {"presse@example.fr": 1}
        (message,) = server.mailbox.messages_to("presse@example.fr")
    assert str(message["Subject"]).startswith("[TEST] La Filière")
    assert str(message["To"]) == "Presse FIAC <presse@example.fr>"
    body = message.get_body(preferencelist=("plain",))
    assert body is not None and roux.greeting in body.get_content()
    assert dialog.message.text() == (
        "Test envoyé à presse@example.fr, tel que Camille Roux <camille.roux@example.com> "
        "le recevra. Rien n’est enregistré comme diffusé."
    )
    assert services.distributions.recipients_of(rid) == []  # not in the ledger


def test_a_refused_connection_is_said_in_place(
    qtbot: QtBot, services: Services, french: str
) -> None:
    room = newsroom(services)
    rid = release(services)
    plan = services.distributions.plan(rid, RecipientCriteria(contact_ids=room.in_list))
    with local_smtp() as server:
        port = server.port
    services.sending.save_settings(smtp_settings("127.0.0.1", port))  # nobody listens now
    dialog = MessagePreviewDialog(services, rid, plan.to_send)
    qtbot.addWidget(dialog)
    settle_operations()
    dialog.test_button.click()
    settle_operations()
    assert dialog.test_button.isEnabled()
    assert "127.0.0.1" in dialog.message.text()
    assert services.distributions.recipients_of(rid) == []
