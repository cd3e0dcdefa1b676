"""The contact form says when a colleague saved the contact meanwhile (issue 14)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from fiac_press_desk.domain.contact import ContactData
from fiac_press_desk.services import Services
from fiac_press_desk.ui.views.contact_detail import ContactDetailPanel
from tests.ui.conftest import settle_operations

pytestmark = pytest.mark.qt_log_ignore(r"^This plugin does not support ")


def test_a_save_over_a_colleagues_change_is_refused_in_the_form(
    qtbot: QtBot, services: Services, french: str
) -> None:
    cid = services.contacts.create(ContactData(given_name="Paul", family_name="Martin"))
    panel = ContactDetailPanel(services)
    qtbot.addWidget(panel)
    panel.resize(480, 780)
    panel.show()
    panel.show_contact(cid)
    settle_operations()
    panel.edit()
    settle_operations()
    # Meanwhile, on another desk:
    colleague = Services(services.db, actor="Claire")
    stored, version = colleague.contacts.get_for_edit(cid)
    colleague.contacts.update(cid, replace(stored, job_title="Rédacteur en chef"), version=version)

    panel.form.notes.setPlainText("Préfère le téléphone")
    with qtbot.assertNotEmitted(panel.saved):
        qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
        settle_operations()
    assert panel.form.banner.isVisibleTo(panel)
    text = panel.form.banner.text()
    assert "Claire" in text and "Fonction" in text and "Notes" in text, text
    assert panel.is_editing()
    assert services.contacts.get(cid).notes == ""
    panel.grab().save("/tmp/pg-conflict-form.png")
    # Saving again, knowingly, writes this version.
    with qtbot.waitSignal(panel.saved, timeout=5000):
        qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
        settle_operations()
    assert services.contacts.get(cid).notes == "Préfère le téléphone"
