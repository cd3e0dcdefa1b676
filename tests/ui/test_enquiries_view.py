"""The enquiries page: overdue rows stand out, filters, moving an enquiry through its statuses."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor, QIcon
from pytestqt.qtbot import QtBot

from fiac_press_desk.domain.contact import ContactData, EmailAddress
from fiac_press_desk.domain.enquiry import DeskClock, EnquiryInput
from fiac_press_desk.domain.enums import EnquiryStatus
from fiac_press_desk.services import Services
from fiac_press_desk.services.enquiries import EnquiryFilter
from fiac_press_desk.ui.qtmodels.enquiry_table_model import EnquiryTableModel
from fiac_press_desk.ui.qtmodels.enquiry_thread_model import EnquiryThreadModel
from fiac_press_desk.ui.views import enquiries_view
from fiac_press_desk.ui.views.enquiries_view import EnquiriesView
from fiac_press_desk.ui.views.enquiry_filters import NOBODY
from tests.ui.conftest import settle_operations

pytestmark = pytest.mark.qt_log_ignore(r"does not support propagateSizeHints")

PARIS = ZoneInfo("Europe/Paris")
NOW = datetime(2024, 2, 6, 9, 0, tzinfo=UTC)  # 10:00 in Paris


@pytest.fixture
def desk(services: Services) -> Services:
    services.enquiries.clock = DeskClock(PARIS, soon_hours=4, now_fn=lambda: NOW)
    cid = services.contacts.create(
        ContactData(
            given_name="Éloïse",
            family_name="Lefèvre",
            organization="Le Quotidien",
            emails=[EmailAddress("eloise@example.fr")],
        )
    )
    for subject, received, deadline, assignee in (
        ("En retard", NOW - timedelta(hours=6), NOW - timedelta(hours=1), "Pr Marchand"),
        ("Bientôt", NOW - timedelta(hours=1), NOW + timedelta(hours=2), "Dr Benali"),
        ("Ce soir", NOW - timedelta(hours=1), NOW + timedelta(hours=9), ""),
        ("Demain", NOW - timedelta(days=1), NOW + timedelta(days=1), "Dr Benali"),
        ("Sans échéance", NOW - timedelta(hours=3), None, ""),
    ):
        services.enquiries.create(
            EnquiryInput(
                subject=subject,
                received_at=received,
                deadline=deadline,
                contact_id=cid,
                assignee=assignee,
            )
        )
    return services


@pytest.fixture
def view(qtbot: QtBot, desk: Services) -> EnquiriesView:
    widget = EnquiriesView(desk)
    qtbot.addWidget(widget)
    widget.resize(1200, 760)
    with qtbot.waitSignal(widget.loaded):
        widget.refresh()
    settle_operations()
    return widget


def reload(qtbot: QtBot, view: EnquiriesView, action: Callable[[], object]) -> None:
    """Do ``action`` and wait until the table shows what it asked for (loaded off-thread)."""
    with qtbot.waitSignal(view.loaded, timeout=5_000):
        action()
    settle_operations()


def shown_subjects(view: EnquiriesView) -> list[str]:
    proxy = view.proxy
    return [
        proxy.index(r, EnquiryTableModel.Columns.SUBJECT).data() for r in range(proxy.rowCount())
    ]


def row_of(view: EnquiriesView, subject: str) -> int:
    return shown_subjects(view).index(subject)


def test_models_pass_the_model_tester(qtbot: QtBot, qtmodeltester: object, desk: Services) -> None:
    model = EnquiryTableModel(desk.enquiries.clock)
    model.set_rows(desk.enquiries.rows(), NOW)
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    thread = EnquiryThreadModel(desk.enquiries.clock)
    rid = desk.enquiries.rows()[0].id
    desk.enquiries.add_note(rid, "Rappeler à 14 h", author="Claire")
    thread.set_events(desk.enquiries.get(rid).events)
    qtmodeltester.check(thread)  # type: ignore[attr-defined]
    assert thread.rowCount() == 2
    assert "Rappeler à 14 h" in thread.index(1, 0).data()
    assert "Claire" in thread.index(1, 0).data(EnquiryThreadModel.HeadlineRole)


def test_open_enquiries_sorted_by_deadline_with_overdue_rows_standing_out(
    view: EnquiriesView,
) -> None:
    assert shown_subjects(view) == ["En retard", "Bientôt", "Ce soir", "Demain", "Sans échéance"]
    proxy = view.proxy
    late = proxy.index(0, EnquiryTableModel.Columns.DEADLINE)
    soon = proxy.index(1, EnquiryTableModel.Columns.DEADLINE)
    later = proxy.index(3, EnquiryTableModel.Columns.DEADLINE)
    # Colour, and an icon and words too: never colour alone.
    assert isinstance(late.data(Qt.ItemDataRole.BackgroundRole), QColor)
    assert isinstance(late.data(Qt.ItemDataRole.DecorationRole), QIcon)
    assert "Overdue by 1 h" in late.data(Qt.ItemDataRole.ToolTipRole)
    assert late.data(EnquiryTableModel.UrgencyRole) == "overdue"
    assert isinstance(soon.data(Qt.ItemDataRole.DecorationRole), QIcon)
    assert "Due in 2 h" in soon.data(Qt.ItemDataRole.ToolTipRole)
    assert soon.data(EnquiryTableModel.UrgencyRole) == "due_soon"
    assert later.data(Qt.ItemDataRole.BackgroundRole) is None
    assert later.data(Qt.ItemDataRole.DecorationRole) is None
    # Local time is shown: 10:00 Paris for a deadline stored as 09:00 UTC + 1 h.
    assert late.data().endswith("09:00")  # deadline 08:00 UTC = 09:00 Paris
    assert "5 enquiries" in view.count_label.text() and "1 overdue" in view.count_label.text()
    # Sorting by another column and back keeps the deadline order available.
    view.table.sortByColumn(EnquiryTableModel.Columns.SUBJECT, Qt.SortOrder.AscendingOrder)
    settle_operations()
    assert shown_subjects(view)[0] == "Bientôt"
    view.table.sortByColumn(EnquiryTableModel.Columns.DEADLINE, Qt.SortOrder.AscendingOrder)
    settle_operations()
    assert shown_subjects(view)[0] == "En retard"


def test_overdue_filter(qtbot: QtBot, view: EnquiriesView, desk: Services) -> None:
    reload(qtbot, view, lambda: view.show_filter("overdue"))
    assert shown_subjects(view) == ["En retard"]
    assert view.filters.quick_combo.currentData() == "overdue"
    reload(qtbot, view, lambda: view.show_filter("today"))
    assert shown_subjects(view) == ["Bientôt", "Ce soir"]
    reload(qtbot, view, lambda: view.show_filter("soon"))
    assert shown_subjects(view) == ["Bientôt"]
    # Time passes: at 13:00 Paris the 12:00 deadline is overdue too.
    desk.enquiries.clock.now_fn = lambda: NOW + timedelta(hours=3)
    reload(qtbot, view, lambda: view.show_filter("overdue"))
    assert shown_subjects(view) == ["En retard", "Bientôt"]
    # The minute timer does the same by itself.
    desk.enquiries.clock.now_fn = lambda: NOW + timedelta(days=2)
    reload(qtbot, view, view._timer.timeout.emit)
    assert len(shown_subjects(view)) == 4


def test_assignee_status_and_search_filters(qtbot: QtBot, view: EnquiriesView) -> None:
    bar = view.filters
    combo = bar.assignee_combo
    reload(qtbot, view, lambda: combo.setCurrentIndex(combo.findData("Dr Benali")))
    assert shown_subjects(view) == ["Bientôt", "Demain"]
    reload(qtbot, view, lambda: combo.setCurrentIndex(combo.findData(NOBODY)))
    assert shown_subjects(view) == ["Ce soir", "Sans échéance"]
    reload(qtbot, view, lambda: combo.setCurrentIndex(0))
    reload(qtbot, view, lambda: bar.search_edit.setText("echeance"))
    assert shown_subjects(view) == ["Sans échéance"]
    reload(qtbot, view, bar.search_edit.clear)
    assert len(shown_subjects(view)) == 5
    status = bar.status_combo
    reload(qtbot, view, lambda: status.setCurrentIndex(status.findData("answered")))
    assert view.filters.quick() == "all"  # answered ones are never "open"
    assert shown_subjects(view) == []
    assert not view.detail.content.isVisibleTo(view)
    period = bar.period_combo
    reload(qtbot, view, lambda: status.setCurrentIndex(0))
    reload(qtbot, view, lambda: period.setCurrentIndex(period.findData("today")))
    flt = view.current_filter()
    assert (flt.received_from, flt.received_to) == (NOW.date(), NOW.date())
    assert "Demain" not in shown_subjects(view)  # received yesterday


def test_moving_an_enquiry_through_its_statuses(
    qtbot: QtBot, view: EnquiriesView, desk: Services
) -> None:
    view.table.selectRow(row_of(view, "Bientôt"))
    settle_operations()
    detail = view.detail
    rid = detail.enquiry_id()
    assert rid is not None and detail.subject_label.text() == "Bientôt"
    buttons = detail.status_buttons
    assert buttons[EnquiryStatus.IN_PROGRESS].isVisibleTo(detail)
    assert not detail.reopen_button.isVisibleTo(detail)
    buttons[EnquiryStatus.IN_PROGRESS].click()
    settle_operations()
    assert desk.enquiries.get(rid).status is EnquiryStatus.IN_PROGRESS
    assert not buttons[EnquiryStatus.IN_PROGRESS].isVisibleTo(detail)
    # Answered needs the response in the note.
    buttons[EnquiryStatus.ANSWERED].click()
    settle_operations()
    assert desk.enquiries.get(rid).status is EnquiryStatus.IN_PROGRESS
    assert detail.message_label.isVisibleTo(detail)
    detail.note_edit.setPlainText("Chiffres envoyés par courriel.")
    detail.author_combo.setCurrentText("Dr Benali")
    detail.outcome_edit.setText("Repris dans l'article")
    reload(qtbot, view, buttons[EnquiryStatus.ANSWERED].click)
    record = desk.enquiries.get(rid)
    assert record.status is EnquiryStatus.ANSWERED
    assert record.response_notes == "Chiffres envoyés par courriel."
    assert record.outcome == "Repris dans l'article"
    assert record.answered_at == NOW
    assert detail.note_edit.toPlainText() == ""
    # It left the "open" list; the panel follows it via the "all" filter.
    assert "Bientôt" not in shown_subjects(view)
    reload(qtbot, view, lambda: view.show_enquiry(rid))  # shows every enquiry to find it
    assert view.filters.quick() == "all"
    assert detail.enquiry_id() == rid
    assert (
        view.proxy.index(view.table.currentIndex().row(), 0).data(EnquiryTableModel.IdRole) == rid
    )
    assert detail.values["answered"].text().endswith("after 1 h")
    assert buttons[EnquiryStatus.CLOSED].isVisibleTo(detail)
    buttons[EnquiryStatus.CLOSED].click()
    settle_operations()
    assert desk.enquiries.get(rid).status is EnquiryStatus.CLOSED
    assert detail.reopen_button.isVisibleTo(detail)
    detail.note_edit.setPlainText("Question complémentaire.")
    detail.reopen_button.click()
    settle_operations()
    record = desk.enquiries.get(rid)
    assert record.status is EnquiryStatus.IN_PROGRESS and record.answered_at is None
    assert [e.to_status for e in record.events] == [
        "new",
        "in_progress",
        "answered",
        "closed",
        "in_progress",
    ]
    assert detail.thread_model.rowCount() == 5
    detail.note_edit.setPlainText("Le journaliste rappelle demain.")
    detail.add_note_button.click()
    settle_operations()
    assert detail.thread_model.rowCount() == 6


def test_delete_asks_first(
    qtbot: QtBot, view: EnquiriesView, desk: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    from fiac_press_desk.ui.views import enquiry_detail

    view.table.selectRow(0)
    settle_operations()
    rid = view.detail.enquiry_id()
    answers = iter(
        [
            enquiry_detail.QMessageBox.StandardButton.No,
            enquiry_detail.QMessageBox.StandardButton.Yes,
        ]
    )
    monkeypatch.setattr(
        enquiry_detail.QMessageBox, "question", staticmethod(lambda *_a, **_k: next(answers))
    )
    view.detail.delete_button.click()
    settle_operations()
    assert len(desk.enquiries.rows()) == 5
    reload(qtbot, view, view.detail.delete_button.click)
    assert rid not in [r.id for r in desk.enquiries.rows()]
    assert len(shown_subjects(view)) == 4


def test_export_the_filtered_list_in_the_background(
    qtbot: QtBot, view: EnquiriesView, tmp_path: Path
) -> None:
    reload(qtbot, view, lambda: view.show_filter("overdue"))
    out = tmp_path / "log.xlsx"
    job = view.export_to(out, view.current_filter())
    with qtbot.waitSignal(job.finished, timeout=10_000):
        pass
    sheet = load_workbook(out).active
    assert sheet is not None and sheet.max_row == 2
    assert "exported" in view.count_label.text()
    assert view.export_button.isEnabled()


def test_import_emails_in_the_background(
    qtbot: QtBot,
    view: EnquiriesView,
    desk: Services,
    data_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    said: list[str] = []
    fake = staticmethod(lambda _p, _t, text: said.append(text))
    monkeypatch.setattr(enquiries_view.QMessageBox, "warning", fake)
    monkeypatch.setattr(enquiries_view.QMessageBox, "information", fake)
    eml = data_dir / "eml"
    job = view.import_emails([eml / "latin1.eml", eml / "not_an_email.eml"])
    with qtbot.waitSignal(job.finished, timeout=10_000):
        pass
    qtbot.waitUntil(lambda: bool(said))
    assert "1 enquiry logged" in said[0] and "not_an_email.eml" in said[0]
    assert desk.enquiries.count(EnquiryFilter(search="recherche")) == 1
    qtbot.waitUntil(lambda: "Précisions sur l'accès aux données" in shown_subjects(view))
    settle_operations()
    assert view.detail.subject_label.text() == "Précisions sur l'accès aux données"


def test_double_click_opens_the_edit_form(
    view: EnquiriesView, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[int] = []
    monkeypatch.setattr(view, "edit", opened.append)
    index: QModelIndex = view.proxy.index(0, 0)
    view._double_clicked(index)
    assert opened == [index.data(EnquiryTableModel.IdRole)]
