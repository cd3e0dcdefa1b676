"""The « Données personnelles (RGPD) » dialog driven like the press officer does: who is to be
informed, the notice sent through a real SMTP server on 127.0.0.1 (never to an opted-out
address; cancel, then resume, nobody twice), information recorded another way, the retention
review (keep with a reason, archive, erase), the settings and the record of processing."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest
from local_smtp import local_smtp
from pytestqt.qtbot import QtBot
from release_helpers import smtp_settings
from sqlalchemy import update

from fiac_press_desk.domain.contact import ContactData, EmailAddress
from fiac_press_desk.domain.errors import NotFoundError
from fiac_press_desk.domain.gdpr import NoticeChannel
from fiac_press_desk.services import Services
from fiac_press_desk.storage.models import Contact
from fiac_press_desk.storage.types import utcnow
from fiac_press_desk.ui.dialogs.gdpr_dialog import GdprDialog
from fiac_press_desk.ui.dialogs.gdpr_erasure_dialog import ErasureDialog
from fiac_press_desk.ui.dialogs.gdpr_notice_record import RecordGivenDialog
from fiac_press_desk.ui.dialogs.gdpr_notice_sending import NoticeSendingDialog
from fiac_press_desk.ui.dialogs.gdpr_notices_tab import Columns
from fiac_press_desk.ui.dialogs.gdpr_settings_dialog import GdprSettingsDialog
from tests.ui.conftest import settle

pytestmark = pytest.mark.qt_log_ignore(r"^This plugin does not support ")


def people(services: Services) -> dict[str, int]:
    def make(given: str, family: str, email: str = "", **extra: object) -> int:
        return services.contacts.create(
            ContactData(
                given_name=given,
                family_name=family,
                emails=[EmailAddress(email, "work")] if email else [],
                **extra,  # type: ignore[arg-type]
            )
        )

    return {
        "dupont": make("Camille", "Dupont", "camille.dupont@example.fr"),
        "martin": make("Louis", "Martin", "louis.martin@example.org"),
        "opted": make("Irène", "Refus", "irene.refus@example.fr", opted_out=True),
        "nomail": make("Paul", "Sansmail"),
    }


@pytest.fixture
def dialog(qtbot: QtBot, french: str, services: Services) -> GdprDialog:
    widget = GdprDialog(services)
    qtbot.addWidget(widget)
    widget.resize(1100, 640)
    widget.show()
    return widget


def names(table: object) -> list[str]:
    return [table.item(r, 0).text() for r in range(table.rowCount())]  # type: ignore[attr-defined]


def test_who_is_to_be_informed_and_why_some_cannot_get_an_email(
    qtbot: QtBot, french: str, services: Services
) -> None:
    ids = people(services)
    dialog = GdprDialog(services)
    qtbot.addWidget(dialog)
    settle(qtbot)
    tab = dialog.notices
    assert sorted(names(tab.table)) == [
        "Camille Dupont",
        "Irène Refus",
        "Louis Martin",
        "Paul Sansmail",
    ]
    assert tab.summary.text() == (
        "4 personnes encore à informer. 2 peuvent recevoir la notice par courriel."
    )
    states = {
        tab.table.item(r, 0).text(): tab.table.item(r, Columns.STATE).text()
        for r in range(tab.table.rowCount())
    }
    assert states["Irène Refus"] == "Désinscrit : jamais écrit"
    assert states["Paul Sansmail"] == "Sans adresse électronique"
    assert dialog.tabs.tabText(0) == "Personnes à informer (art. 14)"
    assert tab.send_button.text() == "Envoyer la notice par e-mail…"
    assert tab.send_button.isEnabled() and not tab.record_button.isEnabled()
    assert ids  # used


def test_the_notice_goes_one_each_and_never_to_an_opted_out_address(
    qtbot: QtBot, french: str, services: Services, dialog: GdprDialog
) -> None:
    ids = people(services)
    with local_smtp() as server:
        services.sending.save_settings(smtp_settings(server.host, server.port))
        sending = NoticeSendingDialog(services, list(ids.values()), dialog)
        qtbot.addWidget(sending)
        with qtbot.waitSignal(sending.report_ready, timeout=20_000) as done:
            sending.prepare(confirm=False)
        counts = server.mailbox.by_address()
    assert done.args[0] is not None and done.args[0].sent == 2
    assert counts == {"camille.dupont@example.fr": 1, "louis.martin@example.org": 1}
    assert "irene.refus@example.fr" not in counts
    assert sending.counts.text() == "2 envoyés"
    assert sending.current.text() == "Terminé."
    settle(qtbot)
    assert sorted(names(dialog.notices.table)) == ["Irène Refus", "Paul Sansmail"]
    assert services.gdpr.register.entry(ids["dupont"]).informed_how is NoticeChannel.EMAIL


def test_cancel_then_resume_sends_nobody_twice(
    qtbot: QtBot, french: str, services: Services, dialog: GdprDialog
) -> None:
    ids = services.contacts.create_many(
        [
            ContactData(family_name=f"Nom{n}", emails=[EmailAddress(f"p{n}@example.org")])
            for n in range(3)
        ]
    )
    with local_smtp() as server:
        services.sending.save_settings(smtp_settings(server.host, server.port, pace_seconds=0.4))
        sending = NoticeSendingDialog(services, ids, dialog)
        qtbot.addWidget(sending)

        def stop_after_first(count: int) -> None:
            # What Cancel does (Operation.cancel), from the server's thread once the first
            # message is in: the next one is never started, however loaded the machine is.
            if count == 1 and sending._job is not None:
                sending._job.cancel()

        server.mailbox.after_data = stop_after_first
        with qtbot.waitSignal(sending.report_ready, timeout=20_000) as done:
            sending.prepare(confirm=False)
        assert done.args[0] is None
        assert sending.sent == 1
        settle(qtbot)
        assert sending.current.text() == (
            "Annulé. 2 notices attendent ; reprenez-les depuis « Données personnelles »."
        )
        sending.close()
        server.mailbox.after_data = None
        tab = dialog.notices
        qtbot.waitUntil(lambda: not tab.resume_button.isHidden(), timeout=5000)
        assert tab.resume_button.text() == "Reprendre l'envoi (2 en attente)"
        services.sending.save_settings(smtp_settings(server.host, server.port))
        resumed = NoticeSendingDialog(services, None, dialog)
        qtbot.addWidget(resumed)
        with qtbot.waitSignal(resumed.report_ready, timeout=20_000):
            resumed.prepare(confirm=False)
        counts = server.mailbox.by_address()
    assert len(counts) == 3 and set(counts.values()) == {1}
    settle(qtbot)
    assert tab.resume_button.isHidden()


def test_information_given_another_way_is_recorded_and_leaves_the_list(
    qtbot: QtBot, french: str, services: Services, dialog: GdprDialog
) -> None:
    ids = people(services)
    settle(qtbot)
    record = RecordGivenDialog(services, [ids["nomail"]], dialog)
    qtbot.addWidget(record)
    record.how.setCurrentIndex(record.how.findData(NoticeChannel.EMAIL.value))
    record.accept()  # "by email" recorded by hand needs a note saying how
    settle(qtbot)
    assert record.error.text() and not record.error.isHidden()
    assert not services.gdpr.register.entry(ids["nomail"]).informed
    record.how.setCurrentIndex(record.how.findData(NoticeChannel.POST.value))
    record.note.setText("Courrier du 3 décembre")
    with qtbot.waitSignal(record.finished, timeout=10_000):
        record.accept()
    settle(qtbot)
    entry = services.gdpr.register.entry(ids["nomail"])
    assert entry.informed and entry.informed_how is NoticeChannel.POST
    assert entry.informed_at is not None and entry.informed_at <= utcnow()
    assert "Paul Sansmail" not in names(dialog.notices.table)


def test_the_record_button_acts_on_the_selection(
    qtbot: QtBot, french: str, services: Services, dialog: GdprDialog
) -> None:
    people(services)
    dialog.notices.refresh()
    settle(qtbot)
    table = dialog.notices.table
    table.selectRow(0)
    assert dialog.notices.record_button.isEnabled()
    dialog.notices.record_given()
    opened = dialog.notices.findChild(RecordGivenDialog)
    assert isinstance(opened, RecordGivenDialog)
    assert opened.how.currentText() == "Par courrier"
    opened.reject()


def age(services: Services, contact_ids: list[int], years: int) -> None:
    with services.db.transaction() as session:
        session.execute(
            update(Contact)
            .where(Contact.id.in_(contact_ids))
            .values(created_at=utcnow() - timedelta(days=365 * years + 5))
        )


def test_retention_review_keep_archive_erase(
    qtbot: QtBot, french: str, services: Services, dialog: GdprDialog
) -> None:
    ids = people(services)
    old = [ids["dupont"], ids["martin"], ids["nomail"]]
    age(services, old, 4)
    dialog.retention.refresh()
    settle(qtbot)
    tab = dialog.retention
    assert sorted(names(tab.table)) == ["Camille Dupont", "Louis Martin", "Paul Sansmail"]
    assert tab.summary.text().startswith("3 contacts sans échange depuis 3 ans")
    assert not tab.keep_button.isEnabled()

    tab.keep([ids["dupont"]], "Correspondante régulière, rubrique santé")
    settle(qtbot)
    assert sorted(names(tab.table)) == ["Louis Martin", "Paul Sansmail"]
    assert tab.status.text() == "1 contact conservé."
    entry = services.gdpr.register.entry(ids["dupont"])
    assert entry.retention_kept_reason == "Correspondante régulière, rubrique santé"

    tab.keep([ids["martin"]], "   ")  # a reason is required
    settle(qtbot)
    assert tab.status.text() and tab.status.text() != "1 contact conservé."
    assert "Louis Martin" in names(tab.table)

    row = names(tab.table).index("Louis Martin")
    tab.table.selectRow(row)
    tab.archive()
    settle(qtbot)
    assert services.contacts.get(ids["martin"]).archived
    row = names(tab.table).index("Louis Martin")
    assert tab.table.item(row, 6).text() == "archivé"  # still held, still reviewed

    tab.table.clearSelection()
    tab.table.selectRow(names(tab.table).index("Paul Sansmail"))
    tab.erase()
    erasure = dialog.findChild(ErasureDialog) or dialog.window().findChild(ErasureDialog)
    assert isinstance(erasure, ErasureDialog)
    qtbot.addWidget(erasure)
    settle(qtbot)
    assert "Paul Sansmail" in erasure.heading.text()
    with qtbot.waitSignal(erasure.erased, timeout=20_000):
        erasure.erase_button.click()
    settle(qtbot)
    with pytest.raises(NotFoundError):
        services.contacts.get(ids["nomail"])
    assert names(tab.table) == ["Louis Martin"]


def test_settings_refuse_an_unknown_field_then_save(
    qtbot: QtBot, french: str, services: Services
) -> None:
    dialog = GdprSettingsDialog(services)
    qtbot.addWidget(dialog)
    dialog.open()
    settle(qtbot)
    assert dialog.editors["notice_subject_fr"].text().startswith("Vos données dans le fichier")  # type: ignore[union-attr]
    assert dialog.retention.value() == 3
    dialog.editors["dpo_name"].setText("Délégué FIAC")  # type: ignore[union-attr]
    dialog.editors["dpo_email"].setText("dpo@example.fr")  # type: ignore[union-attr]
    body = dialog.editors["notice_body_fr"]
    body.setPlainText(body.toPlainText() + "\n{inconnu}")  # type: ignore[union-attr]
    dialog.retention.setValue(5)
    dialog.accept()
    settle(qtbot)
    assert "inconnu" in dialog.error.text()
    assert dialog.isVisible()
    assert services.gdpr.settings.get().dpo_name == ""
    body.setPlainText(body.toPlainText().replace("\n{inconnu}", ""))  # type: ignore[union-attr]
    with qtbot.waitSignal(dialog.finished, timeout=10_000):
        dialog.accept()
    saved = services.gdpr.settings.get()
    assert (saved.dpo_name, saved.dpo_email, saved.retention_years) == (
        "Délégué FIAC",
        "dpo@example.fr",
        5,
    )


def test_the_record_of_processing_is_written_as_pdf(
    qtbot: QtBot, french: str, services: Services, dialog: GdprDialog, tmp_path: Path
) -> None:
    people(services)
    services.gdpr.settings.save(replace(services.gdpr.settings.get(), dpo_name="Délégué FIAC"))
    target = tmp_path / "registre.pdf"
    dialog.write_record(target)
    settle(qtbot)
    assert target.read_bytes().startswith(b"%PDF")
    assert dialog.status.text() == f"Registre écrit : {target}"
    dialog.write_record(tmp_path / "absent" / "registre.pdf")
    settle(qtbot)
    assert dialog.status.text().startswith("Le registre n'a pas pu être écrit")


def test_the_notice_preview_shows_what_the_person_will_read(
    qtbot: QtBot, french: str, services: Services, dialog: GdprDialog
) -> None:
    people(services)
    dialog.notices.refresh()
    settle(qtbot)
    tab = dialog.notices
    assert not tab.preview_button.isEnabled()
    tab.table.selectRow(names(tab.table).index("Camille Dupont"))
    assert tab.preview_button.isEnabled()
    tab.preview()
    settle(qtbot)
    shown = tab.preview_dialog
    assert shown is not None and shown.isVisible()
    from PySide6.QtWidgets import QLabel, QPlainTextEdit

    head = shown.findChild(QLabel).text()  # type: ignore[union-attr]
    assert head.startswith("À : camille.dupont@example.fr\nObjet : Vos données")
    body = shown.findChild(QPlainTextEdit).toPlainText()  # type: ignore[union-attr]
    assert "article 14" in " ".join(body.split()) and "CNIL" in body
    assert services.gdpr.notices.state().sent == 0  # nothing sent, nothing queued
    assert services.gdpr.notices.state().pending == 0
    shown.close()
