"""The contact panel's "Données personnelles" tab: the register read off the GUI thread, the
access dossier written as JSON and PDF, and the erasure confirmed, done and reported."""

from __future__ import annotations

import html
import json
import re
from datetime import timedelta
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import update

from fiac_press_desk.domain.contact import ContactData, EmailAddress, Phone
from fiac_press_desk.domain.enums import LawfulBasis
from fiac_press_desk.domain.errors import NotFoundError
from fiac_press_desk.domain.gdpr import NoticeChannel
from fiac_press_desk.services import Services
from fiac_press_desk.storage.models import Contact
from fiac_press_desk.storage.types import utcnow
from fiac_press_desk.ui.dialogs.gdpr_erasure_dialog import ErasureDialog
from fiac_press_desk.ui.views.contact_detail import ContactDetailPanel
from tests.ui.conftest import settle

pytestmark = pytest.mark.qt_log_ignore(r"^This plugin does not support ")


def camille(services: Services) -> int:
    return services.contacts.create(
        ContactData(
            given_name="Camille",
            family_name="Dupont",
            organization="Le Quotidien de la Santé",
            emails=[EmailAddress("camille.dupont@example.fr", "work")],
            phones=[Phone("01 40 00 00 01", "work")],
            lawful_basis=LawfulBasis.CONSENT,
            data_source="Salon Santé Numérique 2023",
        )
    )


@pytest.fixture
def panel(qtbot: QtBot, services: Services) -> ContactDetailPanel:
    widget = ContactDetailPanel(services)
    qtbot.addWidget(widget)
    widget.resize(520, 780)
    widget.show()
    return widget


def lines_of(panel: ContactDetailPanel) -> dict[str, str]:
    """The register's lines as the press officer reads them (HTML unescaped, tags dropped)."""
    entry = panel.register.entry
    assert entry is not None
    return {
        label: html.unescape(re.sub("<[^>]+>", "", value))
        for label, value in panel.register.lines(entry)
    }


def test_the_register_shows_basis_source_and_the_notice_due(
    qtbot: QtBot, french: str, panel: ContactDetailPanel, services: Services
) -> None:
    cid = camille(services)
    panel.show_contact(cid)
    settle(qtbot)
    panel.tabs.setCurrentWidget(panel.register)
    assert panel.tabs.tabText(2) == "Données personnelles"
    lines = lines_of(panel)
    assert lines["Base légale"] == "Consentement"
    assert "Saisi par le service de presse" in lines["Source"]
    assert "Salon Santé Numérique 2023" in lines["Source"]
    assert "À informer avant le" in lines["Information"]
    assert (
        lines["Dernier échange"] in ("Aucun enregistré",)
        or "modification" in lines["Dernier échange"]
    )
    assert panel.register.export_button.isEnabled() and panel.register.erase_button.isEnabled()

    # Informed another way: the card follows the change the service announces.
    services.gdpr.notices.record_given([cid], NoticeChannel.PHONE)
    from fiac_press_desk.ui.events import data_events

    data_events().changed.emit("gdpr")
    settle(qtbot)
    assert "Informée le" in lines_of(panel)["Information"]
    assert "par téléphone" in lines_of(panel)["Information"]


def test_a_notice_a_month_late_is_said_overdue(
    qtbot: QtBot, french: str, panel: ContactDetailPanel, services: Services
) -> None:
    cid = camille(services)
    with services.db.transaction() as session:
        session.execute(
            update(Contact)
            .where(Contact.id == cid)
            .values(created_at=utcnow() - timedelta(days=45))
        )
    panel.show_contact(cid)
    settle(qtbot)
    assert "À informer — c'était dû le" in lines_of(panel)["Information"]


def test_export_writes_the_dossier_as_json_and_pdf(
    qtbot: QtBot, french: str, panel: ContactDetailPanel, services: Services, tmp_path: Path
) -> None:
    cid = camille(services)
    panel.show_contact(cid)
    settle(qtbot)
    panel.register.start_export(cid, str(tmp_path / "dossier-camille.pdf"))
    settle(qtbot)
    pdf, js = tmp_path / "dossier-camille.pdf", tmp_path / "dossier-camille.json"
    assert pdf.read_bytes().startswith(b"%PDF")
    payload = json.loads(js.read_text(encoding="utf-8"))
    assert "camille.dupont@example.fr" in json.dumps(payload, ensure_ascii=False)
    assert not panel.register.status.isHidden()
    assert str(pdf) in panel.register.status.text()


def test_export_to_a_missing_folder_is_said_in_place(
    qtbot: QtBot, french: str, panel: ContactDetailPanel, services: Services, tmp_path: Path
) -> None:
    cid = camille(services)
    panel.show_contact(cid)
    settle(qtbot)
    panel.register.start_export(cid, str(tmp_path / "nowhere" / "dossier.pdf"))
    settle(qtbot)
    assert "n'a pas pu être écrit" in panel.register.status.text()
    assert panel.register.export_button.isEnabled()


def test_erasure_says_what_will_happen_then_reports_and_the_panel_empties(
    qtbot: QtBot, french: str, panel: ContactDetailPanel, services: Services
) -> None:
    cid = camille(services)
    panel.show_contact(cid)
    settle(qtbot)
    panel.register.erase()
    settle(qtbot)
    dialog = panel.window().findChild(ErasureDialog)
    assert isinstance(dialog, ErasureDialog)
    text = dialog.body.toPlainText()
    assert "Camille Dupont" in dialog.heading.text()
    assert "la fiche du contact" in text and "adresses électroniques" in text
    assert "liste d'opposition" in text
    assert "ne peut pas être annulé" in dialog.warning.text()
    assert dialog.erase_button.isEnabled()
    assert services.contacts.get(cid).family_name == "Dupont"  # nothing done before the click

    with qtbot.waitSignal(dialog.erased, timeout=20_000):
        dialog.erase_button.click()
    settle(qtbot)
    report = dialog.body.toPlainText()
    assert "Effacée le" in report and "liste d'opposition : 2" in report  # email, phone
    assert dialog.close_button.isVisible() and not dialog.erase_button.isVisible()
    with pytest.raises(NotFoundError):
        services.contacts.get(cid)
    assert panel.pages.currentWidget() is panel.empty_page
    refused = services.gdpr.suppression.refusal(
        ContactData(emails=[EmailAddress("camille.dupont@example.fr")])
    )
    assert refused is not None
    dialog.close_button.click()


def test_cancelling_the_erasure_leaves_the_person(
    qtbot: QtBot, french: str, panel: ContactDetailPanel, services: Services
) -> None:
    cid = camille(services)
    dialog = ErasureDialog(services, [cid], panel)
    qtbot.addWidget(dialog)
    dialog.open()
    settle(qtbot)
    dialog.cancel_button.click()
    settle(qtbot)
    assert services.contacts.get(cid).family_name == "Dupont"
