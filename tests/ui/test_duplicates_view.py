"""The duplicates page: groups with score and French reasons, the finder's progress and stop,
"not a duplicate" remembered and undone, merge from a group, open a contact, the ways in
(sidebar, the contacts page, an import's summary)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from fiac_press_desk.services import Services
from fiac_press_desk.ui.dialogs import import_dialog
from fiac_press_desk.ui.dialogs.duplicate_merge_dialog import DuplicateMergeDialog
from fiac_press_desk.ui.events import data_events
from fiac_press_desk.ui.main_window import MainWindow
from fiac_press_desk.ui.views.duplicates_view import DuplicatesView
from tests.ui.conftest import person, settle
from tests.ui.duplicates_data import plant

pytestmark = pytest.mark.qt_log_ignore(r"^This plugin does not support ")


def open_page(
    qtbot: QtBot, make_window: Callable[..., MainWindow], services: Services
) -> tuple[MainWindow, DuplicatesView]:
    window = make_window(services)
    window.show_page("duplicates")
    settle(qtbot)
    view = window.pages["duplicates"]
    assert isinstance(view, DuplicatesView)
    return window, view


def group_ids(view: DuplicatesView) -> list[set[int]]:
    return [set(g.ids) for g in view.groups]


def test_groups_show_score_reasons_and_members_in_french(
    qtbot: QtBot, services: Services, make_window: Callable[..., MainWindow], french: str
) -> None:
    ids = plant(services)
    window, view = open_page(qtbot, make_window, services)
    assert window.current_page() == "duplicates"
    assert sorted(map(sorted, group_ids(view))) == sorted(
        [sorted([ids["camille"], ids["camille2"]]), sorted([ids["hugo"], ids["hugo2"]])]
    )
    tree = view.tree
    assert tree.topLevelItemCount() == 2
    heading = tree.topLevelItem(0).text(0)
    assert heading.startswith("Score 9") and "2 contacts" in heading
    texts = " ".join(tree.topLevelItem(i).text(0) for i in range(2))
    assert "même portable 06 11 22 33 44" in texts
    assert "même adresse électronique" in texts
    camille = next(
        tree.topLevelItem(i) for i in range(2) if "portable" in tree.topLevelItem(i).text(0)
    )
    rows = [[camille.child(r).text(c) for c in range(4)] for r in range(camille.childCount())]
    assert rows[0][0].startswith("Camille Dupont") and "(fiche conservée)" in rows[0][0]
    assert rows[0][1:] == ["Le Quotidien", "camille.dupont@lequotidien.fr", "06 11 22 33 44"]
    assert rows[1][2] == "camille.d@gmail.com"
    assert view.status_text() == "2 groupes de doublons probables"
    assert view.merge_button.text() == "Fusionner…"
    assert view.distinct_button.text() == "Pas un doublon"


def test_the_finder_reports_progress_and_stops_when_asked(
    qtbot: QtBot, services: Services, make_window: Callable[..., MainWindow]
) -> None:
    plant(services)
    _window, view = open_page(qtbot, make_window, services)
    before = group_ids(view)
    real_find = services.duplicates.find
    reached: list[int] = []

    def slow_find(min_score=0, *, among=None, progress=None):  # type: ignore[no-untyped-def]
        assert progress is not None
        for step in range(1, 2000):
            progress.report(step, 2000, "")
            reached.append(step)
            progress.check()  # raises once the page's "Stop" was clicked
            import time

            time.sleep(0.005)
        return real_find(min_score, among=among)

    services.duplicates.find = slow_find  # type: ignore[method-assign]
    try:
        view.search_button.click()
        assert view.is_searching() and view.cancel_button.isVisibleTo(view)
        qtbot.waitUntil(lambda: view.progress.value() > 5, timeout=10_000)
        assert view.progress.maximum() == 2000
        view.cancel_button.click()
        settle(qtbot)
    finally:
        services.duplicates.find = real_find  # type: ignore[method-assign]
    assert not view.is_searching() and not view.cancel_button.isVisibleTo(view)
    assert len(reached) < 1999
    assert group_ids(view) == before  # what was shown stays


def test_not_a_duplicate_is_remembered_and_ctrl_z_forgets_it(
    qtbot: QtBot, services: Services, make_window: Callable[..., MainWindow]
) -> None:
    ids = plant(services)
    window, view = open_page(qtbot, make_window, services)
    index = next(i for i, g in enumerate(view.groups) if ids["hugo"] in g.ids)
    view.select_group(index)
    assert sorted(view.checked_ids()) == sorted([ids["hugo"], ids["hugo2"]])
    view.distinct_button.click()
    settle(qtbot)
    assert services.duplicates.is_marked_distinct(ids["hugo"], ids["hugo2"])
    assert {ids["hugo"], ids["hugo2"]} not in group_ids(view)  # the page searched again
    assert len(view.groups) == 1
    assert window.undo_stack.undoText() == "Not a duplicate: 2 contacts"
    window.undo_stack.undo()
    settle(qtbot)
    assert not services.duplicates.is_marked_distinct(ids["hugo"], ids["hugo2"])
    assert {ids["hugo"], ids["hugo2"]} in group_ids(view)


def test_unchecked_members_stay_out_of_the_action(
    qtbot: QtBot, services: Services, make_window: Callable[..., MainWindow]
) -> None:
    ids = plant(services)
    third = services.contacts.create(
        person("Camille", "Dupont", "cdupont@lequotidien.fr", "Le Quotidien")
    )
    _window, view = open_page(qtbot, make_window, services)
    index = next(i for i, g in enumerate(view.groups) if third in g.ids)
    view.select_group(index)
    assert len(view.checked_ids()) == 3
    view.set_checked(ids["camille2"], False)
    assert sorted(view.checked_ids()) == sorted([ids["camille"], third])
    view.set_checked(third, False)
    assert not view.distinct_button.isEnabled() and not view.merge_button.isEnabled()
    view.set_checked(third, True)
    view.distinct_button.click()
    settle(qtbot)
    assert services.duplicates.is_marked_distinct(ids["camille"], third)
    assert not services.duplicates.is_marked_distinct(ids["camille"], ids["camille2"])


def test_merge_from_a_group_then_undo(
    qtbot: QtBot, services: Services, make_window: Callable[..., MainWindow]
) -> None:
    ids = plant(services)
    window, view = open_page(qtbot, make_window, services)
    index = next(i for i, g in enumerate(view.groups) if ids["hugo"] in g.ids)
    view.select_group(index)
    view.merge_button.click()
    dialog = view.findChild(DuplicateMergeDialog)
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.view is not None, timeout=10_000)
    dialog.merge_button.click()
    settle(qtbot)
    assert len(services.contacts.get_many([ids["hugo"], ids["hugo2"]])) == 1
    assert len(view.groups) == 1  # the page searched again after the merge
    window.undo_stack.undo()
    settle(qtbot)
    assert len(services.contacts.get_many([ids["hugo"], ids["hugo2"]])) == 2
    assert {ids["hugo"], ids["hugo2"]} in group_ids(view)


def test_open_a_member_in_the_contacts_page(
    qtbot: QtBot, services: Services, make_window: Callable[..., MainWindow]
) -> None:
    ids = plant(services)
    window, view = open_page(qtbot, make_window, services)
    index = next(i for i, g in enumerate(view.groups) if ids["camille2"] in g.ids)
    group = view.tree.topLevelItem(index)
    member = next(
        group.child(r)
        for r in range(group.childCount())
        if group.child(r).text(2) == "camille.d@gmail.com"
    )
    view.tree.setCurrentItem(member)
    view.open_button.click()
    settle(qtbot)
    assert window.current_page() == "contacts"
    qtbot.waitUntil(
        lambda: window.contacts_view().detail.contact_id == ids["camille2"], timeout=10_000
    )


def test_new_contacts_bring_new_groups(
    qtbot: QtBot, services: Services, make_window: Callable[..., MainWindow]
) -> None:
    plant(services)
    _window, view = open_page(qtbot, make_window, services)
    assert len(view.groups) == 2
    services.contacts.create(person("Zoé", "Faure", "zoe.faure@echo.fr"))
    data_events().changed.emit("contacts")
    settle(qtbot)
    assert len(view.groups) == 3


def test_reached_from_the_contacts_page(
    qtbot: QtBot, services: Services, make_window: Callable[..., MainWindow]
) -> None:
    plant(services)
    window = make_window(services)
    window.show_page("contacts")
    settle(qtbot)
    window.contacts_view().duplicates_button.click()
    settle(qtbot)
    assert window.current_page() == "duplicates"
    assert len(window.pages["duplicates"].groups) == 2  # type: ignore[attr-defined]


def test_an_import_summary_leads_to_its_duplicates(
    qtbot: QtBot,
    services: Services,
    make_window: Callable[..., MainWindow],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ids = plant(services)
    path = tmp_path / "salon.vcf"
    path.write_text(
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Zoé Faure\r\nN:Faure;Zoé;;;\r\n"
        "EMAIL:zoe.faure@gmail.com\r\nORG:Echo\r\nTEL;TYPE=CELL:06 99 88 77 66\r\nEND:VCARD\r\n"
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Zoe Faure\r\nN:Faure;Zoe;;;\r\n"
        "TEL;TYPE=CELL:06 99 88 77 66\r\nEND:VCARD\r\n",
        encoding="utf-8",
    )
    window = make_window(services)
    clicked: list[bool] = []

    def drive(dialog: import_dialog.ImportDialog) -> int:
        qtbot.waitUntil(lambda: dialog.pages.currentIndex() == dialog.PAGE_PREVIEW, timeout=20_000)
        dialog.apply()
        qtbot.waitUntil(lambda: dialog.pages.currentIndex() == dialog.PAGE_SUMMARY, timeout=20_000)
        assert dialog.duplicates_button.isVisibleTo(dialog)
        clicked.append(True)
        dialog.duplicates_button.click()
        return 1

    monkeypatch.setattr(import_dialog.ImportDialog, "exec", drive)
    window.run_import([path])
    settle(qtbot)
    assert clicked and window.current_page() == "duplicates"
    view = window.pages["duplicates"]
    assert isinstance(view, DuplicatesView)
    assert view.among is not None and len(view.among) == 2
    assert view.scope.isVisibleTo(view)
    # Only the group of the imported records; the planted pairs are not this import's.
    assert len(view.groups) == 1 and not set(view.groups[0].ids) & set(ids.values())
    view.whole_base.click()
    settle(qtbot)
    assert view.among is None and len(view.groups) == 3


def test_only_the_surest_groups_are_shown_when_there_are_many(
    qtbot: QtBot,
    services: Services,
    make_window: Callable[..., MainWindow],
    french: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from fiac_press_desk.ui.views import duplicates_view

    plant(services)
    monkeypatch.setattr(duplicates_view, "MAX_GROUPS_SHOWN", 1)
    _window, view = open_page(qtbot, make_window, services)
    assert len(view.groups) == 2 and view.tree.topLevelItemCount() == 1
    assert view.tree.topLevelItem(0).text(0).startswith(f"Score {view.groups[0].score}")
    assert view.more.isVisibleTo(view)
    assert view.more.text().startswith("Les 1 groupes les plus sûrs sont affichés, sur 2")
