"""Pages and dialogs that used to be blank or cramped (issue 19): the empty releases and
enquiries pages say what to do with the button to do it, the enquiries' thread does not ask
to choose among none, the recipients' choosers use the room, the export formats are whole."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QGroupBox, QListWidget, QRadioButton
from pytestqt.qtbot import QtBot

from fiac_press_desk.domain.enquiry import EnquiryInput
from fiac_press_desk.services import Services
from fiac_press_desk.ui.dialogs.enquiry_capture import EnquiryCaptureDialog
from fiac_press_desk.ui.dialogs.export_dialog import ExportDialog
from fiac_press_desk.ui.dialogs.release_recipients_dialog import RecipientsDialog
from fiac_press_desk.ui.views.enquiries_view import EnquiriesView
from fiac_press_desk.ui.views.releases_view import ReleasesView
from tests.ui.conftest import settle_operations

pytestmark = pytest.mark.qt_log_ignore(r"does not support propagateSizeHints")


def test_empty_releases_page_says_what_to_do_and_starts_a_release(
    qtbot: QtBot, services: Services, french: str
) -> None:
    view = ReleasesView(services)
    qtbot.addWidget(view)
    view.resize(1040, 760)
    view.show()
    view.refresh()
    settle_operations()
    assert view.list_stack.currentWidget() is view.guidance
    assert view.guidance.title.text() == "Aucun communiqué pour l’instant"
    assert not view.table.isVisible() and not view.search.isVisible()
    start = view.guidance.buttons.itemAt(1).widget()
    assert start.text() == "Nouveau communiqué"
    qtbot.mouseClick(start, Qt.MouseButton.LeftButton)
    settle_operations()
    assert view.stack.currentIndex() == view.RELEASE_PAGE


def test_releases_page_with_a_release_shows_the_table(qtbot: QtBot, services: Services) -> None:
    from tests.release_helpers import release

    release(services)
    view = ReleasesView(services)
    qtbot.addWidget(view)
    view.show()
    view.refresh()
    settle_operations()
    assert view.list_stack.currentWidget() is view.table and view.search.isVisible()


def test_empty_enquiries_page_offers_capture_and_import(
    qtbot: QtBot, services: Services, french: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[bool] = []
    monkeypatch.setattr(EnquiryCaptureDialog, "exec", lambda self: opened.append(True) or 0)
    view = EnquiriesView(services)
    qtbot.addWidget(view)
    view.resize(1200, 760)
    view.show()
    with qtbot.waitSignal(view.loaded):
        view.refresh()
    assert view.body.currentWidget() is view.guidance
    assert view.guidance.title.text() == "Aucune demande presse pour l’instant"
    assert not view.filters.isVisible()
    buttons = [view.guidance.buttons.itemAt(i).widget() for i in (1, 2)]
    assert [b.text() for b in buttons] == ["Nouvelle demande", "Importer des courriels…"]
    qtbot.mouseClick(buttons[0], Qt.MouseButton.LeftButton)
    assert opened == [True]


def test_filters_without_match_say_so_instead_of_choose_one(
    qtbot: QtBot, services: Services, french: str
) -> None:
    services.enquiries.create(EnquiryInput(subject="Chiffres de la journée"))
    view = EnquiriesView(services)
    qtbot.addWidget(view)
    view.resize(1200, 760)
    view.show()
    with qtbot.waitSignal(view.loaded):
        view.refresh()
    assert view.body.currentWidget() is view.splitter
    with qtbot.waitSignal(view.loaded, timeout=5000):
        view.filters.search_edit.setText("zzzz-rien")
    assert view.proxy.rowCount() == 0
    assert view.detail.empty_label.text() == "Aucune demande ne correspond à ces filtres."
    assert view.body.currentWidget() is view.splitter  # the filters stay, to be changed


def test_recipients_choosers_show_their_rows_without_scrolling(
    qtbot: QtBot, demo_services: Services
) -> None:
    release_id = demo_services.releases.rows()[0].id
    dialog = RecipientsDialog(demo_services, release_id)
    qtbot.addWidget(dialog)
    dialog.show()
    settle_operations()
    assert dialog.lists.count() == 5 and dialog.tags.count() == 8
    for chooser in (dialog.lists, dialog.tags, dialog.kinds):
        assert isinstance(chooser, QListWidget)
        assert not chooser.verticalScrollBar().isVisible(), chooser
    # Side by side, two by two: lists beside tags.
    lists_box, tags_box = (w.parentWidget() for w in (dialog.lists, dialog.tags))
    assert isinstance(lists_box, QGroupBox) and isinstance(tags_box, QGroupBox)
    assert lists_box.geometry().top() == tags_box.geometry().top()


def test_export_formats_are_never_cut(qtbot: QtBot, services: Services, french: str) -> None:
    dialog = ExportDialog(services, [])
    qtbot.addWidget(dialog)
    dialog.resize(400, 300)  # as narrow as it lets itself be
    dialog.show()
    settle_operations()
    for button in dialog.findChildren(QRadioButton):
        assert button.width() >= button.sizeHint().width(), button.text()
    dialog.done(QDialog.DialogCode.Rejected)
