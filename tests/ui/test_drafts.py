"""A form being filled in keeps its draft, offered back at the next start (issue 15)."""

from __future__ import annotations

import json
import stat
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from fiac_press_desk.services import Services
from fiac_press_desk.ui import drafts
from fiac_press_desk.ui.main_window import MainWindow
from tests.ui.conftest import person, settle, wait_loaded

pytestmark = pytest.mark.qt_log_ignore(r"^This plugin does not support ")

MakeWindow = Callable[..., MainWindow]
DATABASE = "sqlite:///desk.sqlite3"


@pytest.fixture
def keeper(qapp: object) -> Iterator[drafts.DraftKeeper]:
    made = drafts.install(DATABASE)
    yield made
    drafts.uninstall()


def _files() -> list[str]:
    return sorted(p.name for p in drafts.drafts_dir().glob("*.json"))


def _answer(qtbot: QtBot, box: QMessageBox | None, resume: bool) -> None:
    assert box is not None
    for button in box.buttons():
        if (button is box.property("discard_button")) != resume:
            button.click()
            break
    settle(qtbot)


def test_a_new_contact_s_draft_comes_back_after_the_window_went(
    qtbot: QtBot,
    make_window: MakeWindow,
    services: Services,
    keeper: drafts.DraftKeeper,
    french: str,
) -> None:
    window = make_window(services)
    window.show_page("contacts")
    window.new_contact()
    panel = window.contacts_view().detail
    qtbot.waitUntil(panel.is_editing)
    panel.form.given_name.setText("Hélène")
    panel.form.family_name.setText("Lefèvre")
    keeper.save_now()
    (name,) = _files()
    path = drafts.drafts_dir() / name
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert json.loads(path.read_text(encoding="utf-8"))["values"]["given_name"] == "Hélène"
    # The window goes without saving (a crash leaves the same file behind).
    window.close()

    again = make_window(services)
    box = drafts.offer(again, DATABASE)
    assert box is not None and box.windowTitle() == "Reprendre le brouillon ?"
    assert "Hélène Lefèvre" in box.informativeText()
    _answer(qtbot, box, resume=True)
    panel = again.contacts_view().detail
    qtbot.waitUntil(panel.is_editing)
    assert panel.form.given_name.text() == "Hélène"
    assert panel.has_unsaved_changes()
    with qtbot.waitSignal(panel.saved, timeout=10_000):
        panel.save()
    keeper.save_now()
    assert _files() == []  # saved: the draft goes
    from fiac_press_desk.services.contact_queries import ContactFilter

    (saved,) = services.contact_queries.ids(ContactFilter())
    assert services.contacts.get(saved).family_name == "Lefèvre"


def test_an_existing_contact_s_edits_come_back_on_it(
    qtbot: QtBot, make_window: MakeWindow, services: Services, keeper: drafts.DraftKeeper
) -> None:
    contact_id = services.contacts.create(person("Anne", "Alpha", "anne@example.fr"))
    window = make_window(services)
    window.show_page("contacts")
    view = window.contacts_view()
    wait_loaded(qtbot, view)
    view.select_ids([contact_id])
    view.edit_current()
    panel = view.detail
    qtbot.waitUntil(lambda: panel.is_editing() and panel.contact_id == contact_id)
    panel.form.job_title.setText("Rédactrice en chef")
    keeper.save_now()
    assert _files() == [f"{drafts.database_key(DATABASE)}-contact-{contact_id}.json"]
    window.close()

    again = make_window(services)
    _answer(qtbot, drafts.offer(again, DATABASE), resume=True)
    panel = again.contacts_view().detail
    qtbot.waitUntil(lambda: panel.is_editing() and panel.form.job_title.text() != "")
    assert panel.contact_id == contact_id
    assert panel.form.job_title.text() == "Rédactrice en chef"
    assert panel.form.family_name.text() == "Alpha"
    panel.cancel()
    keeper.save_now()
    assert _files() == []  # cancelled: not wanted


def test_enquiry_capture_and_release_drafts(
    qtbot: QtBot, make_window: MakeWindow, services: Services, keeper: drafts.DraftKeeper
) -> None:
    from fiac_press_desk.ui.dialogs.enquiry_capture import EnquiryCaptureDialog

    window = make_window(services)
    dialog = EnquiryCaptureDialog(services, window)
    dialog.open()
    qtbot.waitUntil(dialog.is_loaded)
    keeper.save_now()  # as it opened: nothing typed, no draft
    assert _files() == []
    dialog.subject_edit.setText("Interview sur le dépistage")
    window.show_page("releases")
    releases = window.pages["releases"]
    releases.start_new()  # type: ignore[attr-defined]
    settle(qtbot)
    from fiac_press_desk.ui.views.release_form import ReleaseForm

    form = releases.findChild(ReleaseForm)
    assert form is not None
    qtbot.waitUntil(lambda: form._loaded is not None)
    form.title_edit.setText("Lancement du programme")
    keeper.save_now()
    assert [n.split("-", 1)[1] for n in _files()] == ["enquiry-new.json", "release-new.json"]
    dialog.deleteLater()
    window.close()
    settle(qtbot)

    again = make_window(services)
    _answer(qtbot, drafts.offer(again, DATABASE), resume=True)
    restored = again.findChild(EnquiryCaptureDialog)
    assert restored is not None
    qtbot.waitUntil(lambda: restored.subject_edit.text() == "Interview sur le dépistage")
    form = again.pages["releases"].findChild(ReleaseForm)
    qtbot.waitUntil(lambda: form.title_edit.text() == "Lancement du programme")
    restored.reject()  # closed on purpose: its draft goes
    settle(qtbot)
    assert [n.split("-", 1)[1] for n in _files()] == ["release-new.json"]


def test_discarded_drafts_go_and_another_database_s_stay(
    qtbot: QtBot, make_window: MakeWindow, services: Services, keeper: drafts.DraftKeeper
) -> None:
    mine = drafts.Draft("contact", None, drafts.database_key(DATABASE), {"given_name": "A"})
    theirs = drafts.Draft("contact", None, drafts.database_key("other"), {"given_name": "B"})
    drafts.write_draft(mine)
    drafts.write_draft(theirs)
    (drafts.drafts_dir() / f"{drafts.database_key(DATABASE)}-broken.json").write_text("{")
    window = make_window(services)
    box = drafts.offer(window, DATABASE)
    assert box is not None and "• " in box.informativeText()
    _answer(qtbot, box, resume=False)
    assert _files() == sorted([theirs.file_name(), f"{drafts.database_key(DATABASE)}-broken.json"])
    assert drafts.offer(window, DATABASE) is None


def test_a_form_on_screen_before_the_drafts_start_is_kept_too(
    qtbot: QtBot, make_window: MakeWindow, services: Services, french: str
) -> None:
    """The window starts keeping drafts once its database is open, after the contacts page
    (and its card) are on screen; forms say when they are shown rather than the drafts
    watching every event of the application (a call into Python per event, each waiting
    for the interpreter lock while a job ran)."""
    window = make_window(services)
    window.show_page("contacts")
    window.new_contact()
    panel = window.contacts_view().detail
    qtbot.waitUntil(panel.is_editing)
    keeper = drafts.install(DATABASE)
    try:
        assert type(keeper).eventFilter is QObject.eventFilter  # no filter of its own
        panel.form.given_name.setText("Hélène")
        keeper.save_now()
        (name,) = _files()
        values = json.loads((drafts.drafts_dir() / name).read_text(encoding="utf-8"))["values"]
        assert values["given_name"] == "Hélène"
    finally:
        drafts.uninstall()
