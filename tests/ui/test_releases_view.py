"""The Communiqués page driven like the press officer does: create a release, choose its
recipients by list, record a distribution, read the ledger from the release and from the
contact, send through a real SMTP server on 127.0.0.1 with progress and cancel."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest
from local_smtp import local_smtp
from PySide6.QtCore import QDateTime, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QMessageBox
from pytestqt.qtbot import QtBot
from release_helpers import LIST, PDF, newsroom, person, release, smtp_settings

from fiac_press_desk import config
from fiac_press_desk.domain.enums import DistributionChannel
from fiac_press_desk.services import Services
from fiac_press_desk.services.distribution import RecipientCriteria
from fiac_press_desk.services.releases import AttachmentFile
from fiac_press_desk.services.sending import PasswordStore, SendReport
from fiac_press_desk.storage.models import Setting
from fiac_press_desk.ui import operations
from fiac_press_desk.ui.dialogs.release_contact_history import ContactReleasesDialog
from fiac_press_desk.ui.dialogs.release_recipients_dialog import SHOW_SKIPPED, RecipientsDialog
from fiac_press_desk.ui.dialogs.release_record_dialog import RecordDialog
from fiac_press_desk.ui.dialogs.sending_dialog import SendingDialog, start_sending
from fiac_press_desk.ui.dialogs.smtp_settings_dialog import SmtpSettingsDialog
from fiac_press_desk.ui.qtmodels.recipient_ledger_model import LedgerColumn, RecipientLedgerModel
from fiac_press_desk.ui.qtmodels.recipient_plan_model import PlanColumn, RecipientPlanModel
from fiac_press_desk.ui.qtmodels.release_history_model import ReleaseHistoryModel
from fiac_press_desk.ui.qtmodels.release_table_model import ReleaseColumn, ReleaseTableModel
from fiac_press_desk.ui.views.releases_view import ReleasesView
from tests.ui.conftest import settle_operations

pytestmark = pytest.mark.qt_log_ignore(r"^This plugin does not support ")
JAN_31 = datetime(2024, 1, 31, 8, 30, tzinfo=UTC)


@pytest.fixture(autouse=True)
def _jobs_done(qtbot: QtBot) -> Iterator[None]:
    PasswordStore._memory.clear()
    yield
    qtbot.waitUntil(lambda: operations.idle(), timeout=10_000)


@pytest.fixture
def view(qtbot: QtBot, services: Services, french: str) -> ReleasesView:
    widget = ReleasesView(services)
    qtbot.addWidget(widget)
    widget.resize(1040, 760)
    widget.show()
    widget.refresh()
    settle_operations()
    return widget


def idle(qtbot: QtBot) -> None:
    qtbot.waitUntil(lambda: operations.idle(), timeout=10_000)


def wait_plan(qtbot: QtBot, dialog: RecipientsDialog) -> None:
    """The plan on screen answers the criteria on screen."""
    qtbot.waitUntil(lambda: not dialog.is_computing() and operations.idle(), timeout=5000)


def cell(model: object, row: int, column: int) -> str:
    return str(model.index(row, column).data())  # type: ignore[attr-defined]


# -- models ---------------------------------------------------------------------------------


def test_models_pass_the_model_tester(
    qtmodeltester: object, services: Services, french: str
) -> None:
    room = newsroom(services)
    rid = release(services)
    services.distributions.record(rid, [room.dupont, room.martin], JAN_31, "email")
    releases = ReleaseTableModel()
    releases.set_rows(services.releases.rows())
    plan = RecipientPlanModel()
    plan.set_plan(services.distributions.plan(rid, RecipientCriteria(contact_ids=room.in_list)))
    ledger = RecipientLedgerModel()
    ledger.set_lines(services.distributions.recipients_of(rid))
    history = ReleaseHistoryModel()
    history.set_items(services.distributions.received_by(room.dupont))
    for model in (releases, plan, ledger, history):
        qtmodeltester.check(model)  # type: ignore[attr-defined]
    assert cell(releases, 0, ReleaseColumn.STATUS) == "Envoyé"
    assert cell(ledger, 0, LedgerColumn.STATUS) == "Enregistré"
    assert cell(ledger, 0, LedgerColumn.CHANNEL) == "Courriel"
    outcomes = {cell(plan, r, PlanColumn.OUTCOME) for r in range(plan.rowCount())}
    assert "Ignoré : désinscrit" in outcomes and "Ignoré : archivé" in outcomes
    assert any(o.startswith("Ignoré : déjà reçu (") for o in outcomes)


# -- creating a release -------------------------------------------------------------------------


def test_create_a_release_with_an_attachment(
    qtbot: QtBot, view: ReleasesView, services: Services, tmp_path: Path
) -> None:
    view.start_new()
    settle_operations()
    form = view.page.form
    assert view.stack.currentIndex() == view.RELEASE_PAGE
    assert not view.page.tabs.isTabEnabled(view.page.RECIPIENTS_TAB)
    assert form.reference_edit.text().startswith("CP-")

    # An empty title is refused with the French message, the cursor goes to the field.
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: form.error_label.isVisible(), timeout=5000)
    assert form.error_label.text() == "Ce champ est obligatoire."
    assert services.releases.rows() == []

    qtbot.keyClicks(form.title_edit, "La ")  # QTest types ASCII only; the rest is inserted
    form.title_edit.insert("Filière ouvre son appel à projets")
    form.summary_edit.setPlainText("Chapô du communiqué.")
    form.body_edit.setPlainText("Premier paragraphe.\n\nSecond paragraphe.")
    form.embargo_check.setChecked(True)
    form.embargo_edit.setDateTime(QDateTime.fromSecsSinceEpoch(int(JAN_31.timestamp())))
    pdf = tmp_path / "appel.pdf"
    pdf.write_bytes(PDF)
    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04")
    assert form.add_attachments([pdf, tmp_path / "notes.docx"]) != []  # the .docx is refused
    assert "n'est pas accepté en pièce jointe" in form.error_label.text()
    with qtbot.waitSignal(form.saved, timeout=5000) as saved:
        qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    settle_operations()
    rid = saved.args[0]
    data = services.releases.get(rid)
    assert data.title == "La Filière ouvre son appel à projets"
    assert data.embargo_at == JAN_31
    assert [a.filename for a in data.attachments] == ["appel.pdf"]
    assert services.releases.attachment(data.attachments[0].id).data == PDF
    assert view.page.tabs.isTabEnabled(view.page.RECIPIENTS_TAB)
    assert view.page.heading.full_text() == "La Filière ouvre son appel à projets"
    assert view.page.status_chip.text() == "Brouillon"

    view.show_list()
    settle_operations()
    assert view.model.rowCount() == 1
    assert cell(view.proxy, 0, ReleaseColumn.TITLE) == "La Filière ouvre son appel à projets"
    assert cell(view.proxy, 0, ReleaseColumn.STATUS) == "Brouillon"
    assert view.count_label.text() == "1 communiqué de presse"


def test_attachment_over_the_limit_is_said_plainly(
    qtbot: QtBot, view: ReleasesView, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(config, "MAX_ATTACHMENT_BYTES", 1024 * 1024)
    big = tmp_path / "dossier.pdf"
    with big.open("wb") as f:
        f.truncate(2 * 1024 * 1024)
    view.start_new()
    settle_operations()
    form = view.page.form
    form.add_attachments([big])
    assert form.attachments.count() == 0
    assert form.error_label.text() == (
        "Pièce jointe « dossier.pdf » trop volumineuse (2,0 Mo, 1,0 Mo au plus)."
    )


def test_a_colleagues_save_in_between_is_not_overwritten_silently(
    view: ReleasesView, services: Services
) -> None:
    """Two desks on one base (issue 14): the form read the release, a colleague saved it
    since; the form's save is refused saying who, the colleague's title stays, and saving
    again (knowing it) goes through."""
    rid = release(services, "Titre d'origine")
    view.refresh()
    settle_operations()
    view.open_release(rid)
    settle_operations()
    form = view.page.form
    assert form.title_edit.text() == "Titre d'origine"
    colleague = Services(services.db, actor="Camille Martin")
    colleague.releases.update(rid, replace(services.releases.get(rid), title="Titre de Camille"))
    form.title_edit.setText("Mon titre")
    form.save()
    settle_operations()
    assert "Camille Martin" in form.error_label.text()
    assert "Champs différents : Titre." in form.error_label.text()  # named in French
    assert services.releases.get(rid).title == "Titre de Camille"
    form.save()
    settle_operations()
    assert services.releases.get(rid).title == "Mon titre"
    assert not form.error_label.isVisibleTo(form)


# -- recipients by list, recording, the ledger both ways ----------------------------------------


def test_choose_by_list_record_and_read_both_sides(
    qtbot: QtBot, view: ReleasesView, services: Services
) -> None:
    room = newsroom(services)
    rid = release(services, "Communiqué du 31 janvier")
    view.refresh()
    settle_operations()
    view.open_release(rid, tab=view.page.RECIPIENTS_TAB)
    settle_operations()
    panel = view.page.recipients
    qtbot.waitUntil(lambda: not panel.is_loading(), timeout=5000)
    assert panel.empty_label.isVisible() and not panel.table.isVisible()

    dialog = RecipientsDialog(services, rid, parent=panel)
    qtbot.addWidget(dialog)
    settle_operations()
    list_id = services.lists.id_for(LIST)
    dialog.set_checked(dialog.lists, list_id)
    wait_plan(qtbot, dialog)
    assert dialog.criteria.list_ids == [list_id]
    assert dialog.summary.text() == "3 destinataires recevront le communiqué (un message chacun)"
    assert "1 désinscrit" in dialog.skipped_summary.text()
    assert "1 sans adresse" in dialog.skipped_summary.text()
    dialog.show_combo.setCurrentIndex(SHOW_SKIPPED)
    shown = {cell(dialog.proxy, r, PlanColumn.NAME) for r in range(dialog.proxy.rowCount())}
    assert shown == {"Olivier Désinscrit", "Anne Archivée", "Sans Adresse", "Léa Partage"}

    # Copy for Bcc: only the kept addresses, never the skipped.
    assert dialog.copy_bcc() == (
        "camille.dupont@example.fr; redaction@example.org; camille.roux@example.com"
    )
    assert QGuiApplication.clipboard().text().startswith("camille.dupont@example.fr")

    # Leave one out by hand, then record the distribution.
    dialog.show_combo.setCurrentIndex(0)
    row = next(
        r
        for r in range(dialog.proxy.rowCount())
        if cell(dialog.proxy, r, PlanColumn.NAME) == "Camille Roux"
    )
    dialog.table.selectRow(row)
    dialog.exclude_selected()
    wait_plan(qtbot, dialog)
    assert dialog.summary.text() == "2 destinataires recevront le communiqué (un message chacun)"
    record = RecordDialog(len(dialog.plan.to_send) if dialog.plan else 0, dialog)
    qtbot.addWidget(record)
    record.when.setDateTime(QDateTime.fromSecsSinceEpoch(int(JAN_31.timestamp())))
    record.channel.setCurrentIndex(record.channel.findData(DistributionChannel.EMAIL.value))
    at, channel = record.values()
    assert (at, channel) == (JAN_31, DistributionChannel.EMAIL)
    with qtbot.waitSignal(dialog.recorded, timeout=5000) as recorded:
        dialog.record_now(at, channel)
    assert recorded.args[0].recorded == 2
    assert dialog.message.text().startswith("2 destinataires enregistrés.")
    idle(qtbot)
    dialog.close()

    # The release's side: who got it, at which address, when.
    panel.refresh()
    qtbot.waitUntil(lambda: not panel.is_loading() and panel.model.rowCount() == 2, timeout=5000)
    assert panel.table.isVisible()
    rows = [
        (
            cell(panel.proxy, r, LedgerColumn.NAME),
            cell(panel.proxy, r, LedgerColumn.OUTLET),
            cell(panel.proxy, r, LedgerColumn.ADDRESS),
            cell(panel.proxy, r, LedgerColumn.STATUS),
        )
        for r in range(panel.proxy.rowCount())
    ]
    assert rows == [
        ("Camille Dupont", "Le Quotidien de la Santé", "camille.dupont@example.fr", "Enregistré"),
        ("Paul Martin", "Radio Hexagone", "redaction@example.org", "Enregistré"),
    ]
    assert cell(panel.proxy, 0, LedgerColumn.DATE).startswith("31 janv. 2024")
    assert panel.summary.text() == "2 destinataires l'ont reçu"
    assert view.page.tabs.tabText(view.page.RECIPIENTS_TAB) == "Destinataires (2)"
    assert panel.copy_addresses() == "camille.dupont@example.fr; redaction@example.org"

    # The contact's side: what Camille Dupont received.
    panel.table.selectRow(0)
    history = ContactReleasesDialog(services, room.dupont, "Camille Dupont", panel)
    qtbot.addWidget(history)
    settle_operations()
    assert history.model.rowCount() == 1
    assert cell(history.model, 0, 1) == "Communiqué du 31 janvier"
    assert cell(history.model, 0, 3) == "camille.dupont@example.fr"
    assert cell(history.model, 0, 4) == "Enregistré"
    assert history.windowTitle() == "Communiqués reçus par Camille Dupont"

    # "New recipients only": the list's newcomer, nobody else (Camille Roux stays left out,
    # as she was by hand in the first distribution).
    (newcomer,) = services.contacts.create_many(
        [person("Inès", "Nouvelle", "ines@example.fr", lists=())]
    )
    services.lists.add_members(list_id, [newcomer])
    again = RecipientsDialog(services, rid, only_new=True, parent=panel)
    qtbot.addWidget(again)
    settle_operations()
    wait_plan(qtbot, again)
    assert again.plan is not None and again.plan.contact_ids() == [newcomer]
    again.close()

    # The list page counts it.
    view.show_list()
    settle_operations()
    assert cell(view.proxy, 0, ReleaseColumn.RECIPIENTS) == "2"
    assert cell(view.proxy, 0, ReleaseColumn.STATUS) == "Envoyé"


def test_delete_refused_for_a_distributed_release(
    qtbot: QtBot, view: ReleasesView, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    room = newsroom(services)
    rid = release(services)
    services.distributions.record(rid, [room.dupont], JAN_31, "email")
    view.refresh()
    settle_operations()
    view.select_release(rid)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    view.delete_current()
    qtbot.waitUntil(lambda: bool(view.message_label.text()), timeout=5000)
    assert "ne peut pas être supprimé" in view.message_label.text()
    assert len(services.releases.rows()) == 1


# -- sending ------------------------------------------------------------------------------------


def test_send_through_a_local_server_with_progress(
    qtbot: QtBot, view: ReleasesView, services: Services
) -> None:
    room = newsroom(services)
    rid = release(services, attachments=[AttachmentFile("cp.pdf", PDF)])
    with local_smtp(refuse={"camille.roux@example.com"}) as server:
        services.sending.save_settings(smtp_settings(server.host, server.port))
        plan = services.distributions.plan(rid, RecipientCriteria(contact_ids=room.in_list))
        dialog = start_sending(
            services, rid, view, contact_ids=plan.contact_ids(), criteria=plan.criteria,
            confirm=False,
        )  # fmt: skip
        assert isinstance(dialog, SendingDialog)
        qtbot.addWidget(dialog)
        with qtbot.waitSignal(dialog.report_ready, timeout=15_000) as done:
            pass
        report: SendReport = done.args[0]
        assert (report.sent, report.failed) == (2, 1)
        assert server.mailbox.by_address() == {
            "camille.dupont@example.fr": 1,
            "redaction@example.org": 1,
        }
    lines = [dialog.log.item(i).text() for i in range(dialog.log.count())]
    assert "Envoyé à Camille Dupont <camille.dupont@example.fr>" in lines
    assert any(
        line.startswith("Refusé pour Camille Roux <camille.roux@example.com> : 550")
        for line in lines
    )
    assert dialog.counts.text() == "2 envoyés · 1 refusé"
    assert dialog.close_button.isEnabled() and not dialog.cancel_button.isEnabled()
    assert dialog.progress.value() == dialog.progress.maximum() == 3


def test_cancel_then_resume_from_the_release_page(
    qtbot: QtBot, view: ReleasesView, services: Services
) -> None:
    room = newsroom(services)
    rid = release(services)
    view.refresh()
    settle_operations()
    view.open_release(rid, tab=view.page.RECIPIENTS_TAB)
    settle_operations()
    panel = view.page.recipients
    with local_smtp() as server:
        services.sending.save_settings(smtp_settings(server.host, server.port, pace_seconds=0.4))
        dialog = start_sending(services, rid, view, contact_ids=room.in_list, confirm=False)
        assert dialog is not None
        qtbot.addWidget(dialog)
        qtbot.waitUntil(lambda: dialog.sent == 1, timeout=10_000)
        with qtbot.waitSignal(dialog.report_ready, timeout=10_000) as done:
            qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
        assert done.args[0] is None
        assert dialog.current.text() == (
            "Envoi annulé. 2 messages attendent ; reprenez-les depuis la page du communiqué."
        )
        assert sum(server.mailbox.by_address().values()) == 1
        dialog.close()

        panel.refresh()
        qtbot.waitUntil(lambda: not panel.is_loading() and panel.banner.isVisible(), timeout=5000)
        assert panel.resume_button.isVisible()
        assert "2 messages attendent encore" in panel.banner_text.text()
        services.sending.save_settings(smtp_settings(server.host, server.port))
        resumed = start_sending(services, rid, view, confirm=False)
        assert resumed is not None
        qtbot.addWidget(resumed)
        with qtbot.waitSignal(resumed.report_ready, timeout=10_000):
            pass
        counts = server.mailbox.by_address()
    assert len(counts) == 3 and set(counts.values()) == {1}
    panel.refresh()
    qtbot.waitUntil(lambda: not panel.is_loading() and not panel.banner.isVisible(), timeout=5000)
    statuses = {cell(panel.proxy, r, LedgerColumn.STATUS) for r in range(panel.proxy.rowCount())}
    assert statuses == {"Envoyé"}


def test_smtp_settings_dialog_keeps_the_password_out_of_the_database(
    qtbot: QtBot, services: Services, french: str, db_path: Path
) -> None:
    dialog = SmtpSettingsDialog(services)
    qtbot.addWidget(dialog)
    settle_operations()
    dialog.host.setText("smtp.example.fr")
    dialog.username.setText("presse")
    dialog.password.setText("Tres-Secret-77")
    dialog.sender_name.setText("Presse FIAC")
    dialog.sender_address.setText("presse@example.fr")
    if not PasswordStore.keyring_available():
        assert not dialog.remember.isEnabled()
        assert "demandé une fois par session" in dialog.remember.text()
    dialog.accept()
    settle_operations()
    assert dialog.result() == QDialog.DialogCode.Accepted
    saved = services.sending.settings()
    assert (saved.host, saved.username, saved.port) == ("smtp.example.fr", "presse", 587)
    assert services.sending.password(saved) == "Tres-Secret-77"  # for this session
    with services.db.session() as session:
        assert "Tres-Secret" not in session.get(Setting, "smtp").value  # type: ignore[union-attr]
    services.db.dispose()
    raw = b"".join(p.read_bytes() for p in db_path.parent.glob(db_path.name + "*"))
    assert b"Tres-Secret-77" not in raw

    # A missing sender is said in French and nothing is saved.
    again = SmtpSettingsDialog(services)
    qtbot.addWidget(again)
    settle_operations()
    again.sender_address.setText("")
    again.accept()
    assert again.result() != QDialog.DialogCode.Accepted
    assert "Paramètres d'envoi incomplets" in again.status.text()
