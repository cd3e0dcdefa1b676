"""The coverage page, its capture form (a pasted link fills the form; the web only on
request) and the monitoring import dialog, on a real base off the GUI thread."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from pytestqt.qtbot import QtBot

from fiac_press_desk.domain.contact import ContactData, OrganisationData
from fiac_press_desk.domain.coverage import CoverageInput, Medium, Tone
from fiac_press_desk.domain.enquiry import DeskClock
from fiac_press_desk.services import Services
from fiac_press_desk.ui.dialogs.coverage_dialog import CoverageDialog
from fiac_press_desk.ui.dialogs.coverage_import_dialog import CoverageImportDialog
from fiac_press_desk.ui.qtmodels.coverage_model import CoverageColumn
from fiac_press_desk.ui.views.coverage_view import CoverageView
from tests.ui.conftest import settle_operations

pytestmark = pytest.mark.qt_log_ignore(r"does not support propagateSizeHints")
PARIS = ZoneInfo("Europe/Paris")
NOW = datetime(2026, 3, 20, 9, 0, tzinfo=UTC)
DATA = Path(__file__).resolve().parents[1] / "data" / "coverage"


@pytest.fixture
def desk(services: Services) -> Services:
    services.coverage.clock = DeskClock(PARIS, now_fn=lambda: NOW)
    services.organisations.create(
        OrganisationData(name="Onco Actu", website="https://onco.example.org")
    )
    return services


def test_page_lists_filters_and_deletes(
    qtbot: QtBot, desk: Services, english: str, qtmodeltester: object
) -> None:
    desk.coverage.create(
        CoverageInput(
            title="Papier",
            published_on=date(2026, 3, 2),
            outlet="Onco Actu",
            medium=Medium.PRINT,
            audience=1200,
            tone=Tone.POSITIVE,
        )
    )
    desk.coverage.create(
        CoverageInput(title="Sujet radio", published_on=date(2026, 3, 9), medium=Medium.RADIO)
    )
    view = CoverageView(desk)
    qtbot.addWidget(view)
    view.resize(1024, 700)
    view.show()
    qtbot.waitExposed(view)
    settle_operations()
    qtmodeltester.check(view.model)  # type: ignore[attr-defined]
    titles = [
        view.model.index(r, CoverageColumn.TITLE).data() for r in range(view.model.rowCount())
    ]
    assert titles == ["Sujet radio", "Papier"]
    assert view.model.index(1, CoverageColumn.MEDIUM).data() == "Print"
    assert view.status_text() == "2 items · declared audience 1\u202f200"
    view.medium_combo.setCurrentIndex(view.medium_combo.findData("radio"))
    settle_operations()
    assert view.model.rowCount() == 1
    view.medium_combo.setCurrentIndex(0)
    view.search_edit.setText("onco")
    settle_operations()
    assert view.model.rowCount() == 1
    view.search_edit.clear()
    settle_operations()
    view.table.selectRow(0)
    assert view.edit_button.isEnabled() and not view.clip_button.isEnabled()
    desk.coverage.delete(view.selected_ids())  # the dialog's confirmation aside
    view.refresh()
    settle_operations()
    assert view.model.rowCount() == 1


def test_empty_page_says_what_to_do(qtbot: QtBot, desk: Services, english: str) -> None:
    view = CoverageView(desk)
    qtbot.addWidget(view)
    view.show()
    settle_operations()
    assert view.stack.currentWidget() is view.empty_label


def test_capture_from_a_pasted_link_and_a_new_journalist(
    qtbot: QtBot, desk: Services, english: str
) -> None:
    dialog = CoverageDialog(desk)
    qtbot.addWidget(dialog)
    settle_operations()
    dialog.paste_edit.setPlainText(
        "https://www.onco.example.org/sante/2026/03/04/un-reseau-europeen-des-donnees"
    )
    assert dialog.outlet_combo.currentText() == "Onco Actu"
    assert dialog.title_edit.text() == "Un reseau europeen des donnees"
    assert dialog.date_edit.date().toString("yyyy-MM-dd") == "2026-03-04"
    dialog.journalist_combo.setEditText("Paul Martin")
    dialog.tone_combo.setCurrentIndex(dialog.tone_combo.findData("positive"))
    dialog.set_attachment_file(DATA / "veille-fr.xlsx")  # not a PDF nor an image
    assert "not a PDF or an image" in dialog.error_label.text()
    dialog.save()
    settle_operations()
    assert dialog.result() == CoverageDialog.DialogCode.Accepted
    (row,) = desk.coverage.search()
    assert (row.journalist, row.outlet, row.tone) == ("Paul Martin", "Onco Actu", Tone.POSITIVE)
    assert row.contact_id is not None
    # The same name typed again is that journalist, not a second card.
    again = CoverageDialog(desk)
    qtbot.addWidget(again)
    settle_operations()
    again.title_edit.setText("Suite")
    again.journalist_combo.setEditText("paul martin")
    data, new_contact = again.data()
    assert data.contact_id == row.contact_id and new_contact is None


def test_capture_refusal_is_said_in_the_form(qtbot: QtBot, desk: Services, english: str) -> None:
    dialog = CoverageDialog(desk)
    qtbot.addWidget(dialog)
    settle_operations()
    dialog.title_edit.setText("Sans lien valable")
    dialog.link_edit.setText("onco.example.org/x")
    dialog.save()
    settle_operations()
    assert "http://" in dialog.error_label.text()
    assert desk.coverage.count() == 0 and dialog.buttons.isEnabled()


def test_edit_form_shows_the_item(qtbot: QtBot, desk: Services, english: str) -> None:
    cid = desk.contacts.create(ContactData(given_name="Éloïse", family_name="Lefèvre"))
    item = desk.coverage.create(
        CoverageInput(title="Papier", contact_id=cid, audience=500, medium=Medium.TV)
    )
    dialog = CoverageDialog(desk, item_id=item)
    qtbot.addWidget(dialog)
    settle_operations()
    assert dialog.title_edit.text() == "Papier"
    assert dialog.journalist_combo.currentData() == cid
    assert dialog.medium_combo.currentData() == "tv" and dialog.audience_spin.value() == 500
    dialog.title_edit.setText("Papier corrigé")
    dialog.save()
    settle_operations()
    assert desk.coverage.get(item).data.title == "Papier corrigé"


def test_import_dialog_maps_and_imports(qtbot: QtBot, desk: Services, english: str) -> None:
    dialog = CoverageImportDialog(desk, DATA / "veille-fr.xlsx")
    qtbot.addWidget(dialog)
    settle_operations()
    assert dialog.mapping()[3] == "title" and dialog.import_button.isEnabled()
    dialog.start_import()
    settle_operations()
    report = dialog.report.toPlainText()
    assert report.startswith("3 items imported")
    assert "veille-fr.xlsx, ligne 4 : colonne A : date illisible" in report
    assert desk.coverage.count() == 3


def test_import_dialog_asks_for_the_titles_column(
    qtbot: QtBot, desk: Services, english: str
) -> None:
    dialog = CoverageImportDialog(desk, DATA / "veille-fr.xlsx")
    qtbot.addWidget(dialog)
    settle_operations()
    combo = dialog.table.cellWidget(3, 2)
    combo.setCurrentIndex(0)  # type: ignore[union-attr]
    assert not dialog.import_button.isEnabled()
    assert "titles" in dialog.file_label.text()


def test_release_tab_shows_recipients_enquiries_and_coverage(
    qtbot: QtBot, desk: Services, english: str
) -> None:
    from fiac_press_desk.domain.contact import EmailAddress
    from fiac_press_desk.domain.enquiry import EnquiryInput
    from fiac_press_desk.domain.enums import DistributionChannel
    from fiac_press_desk.services.releases import ReleaseData
    from fiac_press_desk.ui.views.coverage_release import ReleaseOutcomePanel

    rid = desk.releases.create(ReleaseData(title="Essai", release_date=date(2026, 3, 2)))
    cid = desk.contacts.create(
        ContactData(given_name="Paul", family_name="Martin", emails=[EmailAddress("p@example.fr")])
    )
    desk.distributions.record(rid, [cid], NOW, DistributionChannel.EMAIL)
    desk.enquiries.create(EnquiryInput(subject="Interview ?", contact_id=cid, release_id=rid))
    desk.coverage.create(CoverageInput(title="Sujet", contact_id=cid, release_id=rid, audience=10))
    panel = ReleaseOutcomePanel(desk)
    qtbot.addWidget(panel)
    with qtbot.waitSignal(panel.loaded) as loaded:
        panel.show_release(rid)
        settle_operations()
    assert loaded.args == [1, 1]
    assert panel.summary_label.text() == (
        "1 recipient · 1 enquiry · 1 coverage item · declared audience 10"
    )
    assert panel.coverage_table.item(0, 1).text() == "Sujet"  # type: ignore[union-attr]
    assert panel.enquiries_table.item(0, 2).text() == "Paul Martin"  # type: ignore[union-attr]
    panel.show_release(None)
    assert panel.coverage_table.rowCount() == 0 and not panel.new_button.isEnabled()


def test_contact_publications_tab(qtbot: QtBot, desk: Services, english: str) -> None:
    from PySide6.QtWidgets import QTabWidget

    from fiac_press_desk.ui.views.coverage_contact import ContactCoveragePanel

    cid = desk.contacts.create(ContactData(given_name="Éloïse", family_name="Lefèvre"))
    desk.coverage.create(
        CoverageInput(title="Papier", contact_id=cid, published_on=date(2026, 3, 1))
    )
    desk.coverage.create(
        CoverageInput(title="Suite", contact_id=cid, published_on=date(2026, 3, 5))
    )
    tabs = QTabWidget()
    qtbot.addWidget(tabs)
    panel = ContactCoveragePanel(desk)
    panel.add_to(tabs)
    panel.show_contact(cid)
    settle_operations()
    assert [panel.table.item(r, 1).text() for r in range(2)] == ["Suite", "Papier"]  # type: ignore[union-attr]
    assert tabs.tabText(0) == "Publications (2)"
    panel.show_contact(None)
    assert panel.stack.currentWidget() is panel.empty and tabs.tabText(0) == "Publications"
