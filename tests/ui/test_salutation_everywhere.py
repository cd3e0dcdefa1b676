"""The salutation reads the same on the contact's card, in the recipients table and in the
message sent (issue 19: the card said « Madame, Monsieur, » while the e-mail said "Bonjour
Hélène Lefèvre,")."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from fiac_press_desk.domain.contact import ContactData, EmailAddress
from fiac_press_desk.domain.enums import SalutationStyle
from fiac_press_desk.services import Services
from fiac_press_desk.services.distribution import RecipientCriteria
from fiac_press_desk.services.mail_composer import (
    ReleaseContent,
    SenderIdentity,
    plain_text,
)
from fiac_press_desk.ui.qtmodels.recipient_plan_model import PlanColumn, RecipientPlanModel
from fiac_press_desk.ui.views.contact_form import ContactForm
from fiac_press_desk.ui.views.contact_form_card import ContactCard
from tests.release_helpers import release

pytestmark = pytest.mark.qt_log_ignore(r"^This plugin does not support ")


@pytest.mark.parametrize(
    ("civility", "style", "expected"),
    [
        ("", SalutationStyle.FORMAL, "Bonjour Hélène Lefèvre,"),
        ("Dr", SalutationStyle.FORMAL, "Docteur Lefèvre,"),
        ("Mme", SalutationStyle.INFORMAL, "Bonjour Hélène,"),
    ],
)
def test_card_form_recipients_table_and_message_agree(
    qtbot: QtBot, services: Services, civility: str, style: SalutationStyle, expected: str
) -> None:
    data = ContactData(
        civility=civility,
        given_name="Hélène",
        family_name="Lefèvre",
        salutation=style,
        emails=[EmailAddress("helene.lefevre@example.fr", "work")],
    )
    contact_id = services.contacts.create(data)
    stored = services.contacts.get(contact_id)

    card = ContactCard()
    qtbot.addWidget(card)
    card.set_data(stored)
    card_texts = " ".join(label.text() for label in card.findChildren(QLabel))
    assert f"« {expected} »" in card_texts

    form = ContactForm()
    qtbot.addWidget(form)
    form.set_data(stored)
    assert expected in form.salutation_preview.text()

    plan = services.distributions.plan(
        release(services), RecipientCriteria(contact_ids=[contact_id])
    )
    model = RecipientPlanModel()
    model.set_plan(plan)
    shown = model.index(0, PlanColumn.GREETING).data(Qt.ItemDataRole.DisplayRole)
    assert shown == expected

    info = plan.recipients[0].info
    assert info is not None
    sent = plain_text(
        ReleaseContent(title="Communiqué", body="Texte."),
        info,
        SenderIdentity(name="Presse", address="presse@example.fr"),
    )
    assert sent.splitlines()[0 if not sent.startswith("EMBARGO") else 2] == expected
