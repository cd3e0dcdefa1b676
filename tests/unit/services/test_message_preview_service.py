"""services.message_preview: the message as composed for sending; the test to oneself goes
through the server and records nothing in the distribution ledger."""

from __future__ import annotations

import pytest
from local_smtp import local_smtp
from release_helpers import newsroom, release, smtp_settings

from fiac_press_desk.services import Services
from fiac_press_desk.services.distribution import RecipientCriteria
from fiac_press_desk.services.message_preview import preview, send_test
from fiac_press_desk.services.sending import PasswordStore, SmtpError
from fiac_press_desk.storage.models import AuditEntry


@pytest.fixture(autouse=True)
def _fresh_password_memory() -> None:
    PasswordStore._memory.clear()


def test_preview_is_the_composed_message_before_and_after_setting_up(services: Services) -> None:
    room = newsroom(services)
    rid = release(services)
    plan = services.distributions.plan(rid, RecipientCriteria(contact_ids=[room.martin]))
    (martin,) = plan.to_send
    assert martin.info is not None
    before = preview(services.sending, rid, martin.info)
    assert before.sender_address == ""  # nowhere to send a test yet
    assert martin.greeting in before.plain and "Deuxième paragraphe" in before.html
    services.sending.save_settings(smtp_settings("127.0.0.1", 2525))
    after = preview(services.sending, rid, martin.info)
    assert after.sender == "Presse FIAC <presse@example.fr>"
    assert after.to == "Paul Martin <redaction@example.org>"
    assert martin.greeting in after.plain


def test_send_test_needs_the_password_and_writes_no_ledger_line(services: Services) -> None:
    room = newsroom(services)
    rid = release(services)
    plan = services.distributions.plan(rid, RecipientCriteria(contact_ids=[room.martin]))
    info = plan.to_send[0].info
    assert info is not None
    services.sending.save_settings(smtp_settings("127.0.0.1", 2525, username="presse"))
    with pytest.raises(SmtpError):
        send_test(services.sending, rid, info)
    with local_smtp() as server:
        services.sending.save_settings(smtp_settings(server.host, server.port))
        assert send_test(services.sending, rid, info) == "presse@example.fr"
        assert server.mailbox.by_address() == {"presse@example.fr": 1}
    assert services.distributions.recipients_of(rid) == []
    with services.db.session() as session:
        actions = [a.action for a in session.query(AuditEntry).filter_by(entity="release")]
    assert "send_test" in actions
