"""The merge dialog: the contacts side by side, the service's defaults and the press officer's
choices, lists united, opted out said, each contact's history, three contacts in one go, Ctrl+Z
restoring every row exactly, and refusals said in French."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QUndoStack
from pytestqt.qtbot import QtBot

from fiac_press_desk.domain.errors import NotFoundError
from fiac_press_desk.services import Services
from fiac_press_desk.ui import duplicate_commands
from fiac_press_desk.ui.dialogs.duplicate_merge_dialog import DuplicateMergeDialog
from fiac_press_desk.ui.errors import message_of
from tests.ui.conftest import settle
from tests.ui.duplicates_data import plant
from tests.unit.services.test_contact_merge import Desk, dump, last_audit_id

pytestmark = pytest.mark.qt_log_ignore(r"^This plugin does not support ")


def open_dialog(
    qtbot: QtBot, services: Services, ids: list[int]
) -> tuple[DuplicateMergeDialog, QUndoStack]:
    stack = QUndoStack()
    dialog = DuplicateMergeDialog(services, ids, stack)
    qtbot.addWidget(dialog)
    dialog.resize(1280, 800)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.view is not None, timeout=10_000)
    settle(qtbot)
    return dialog, stack


def test_defaults_are_the_services_and_a_choice_changes_the_merge(
    qtbot: QtBot, services: Services, french: str
) -> None:
    ids = plant(services)
    a, b = ids["camille"], ids["camille2"]
    dialog, stack = open_dialog(qtbot, services, [a, b])
    preview = dialog.view.preview  # type: ignore[union-attr]
    assert preview.survivor_id == a  # the oldest record carries the merge
    # Only what differs is chosen; the default is the most recently confirmed value (B's).
    assert {"job_title", "family_name"} <= set(dialog.groups)
    assert "organization" not in dialog.groups and "given_name" not in dialog.groups
    assert dialog.choice("job_title") == b
    assert dialog.groups["job_title"].button(a).text() == "Journaliste santé"
    assert dialog.groups["job_title"].button(b).isChecked()
    assert dialog.result_labels["job_title"].text() == "Cheffe de rubrique"
    dialog.choose("job_title", a)
    assert dialog.result_labels["job_title"].text() == "Journaliste santé"
    # The lists are not chosen: every item of both, once.
    assert dialog.result_labels["emails"].text() == (
        "camille.d@gmail.com\ncamille.dupont@lequotidien.fr"
    )
    assert dialog.result_labels["tags"].text().split("\n") == ["portrait", "santé"]
    assert dialog.merge_button.text() == "Fusionner"
    dialog.merge_button.click()
    settle(qtbot)
    assert not dialog.isVisible()
    with pytest.raises(NotFoundError):
        services.contacts.get(b)
    merged = services.contacts.get(a)
    assert (merged.job_title, merged.family_name) == ("Journaliste santé", "Dupond")
    assert sorted(e.value for e in merged.emails) == [
        "camille.d@gmail.com",
        "camille.dupont@lequotidien.fr",
    ]
    assert sorted(merged.tags) == ["portrait", "santé"]
    assert stack.undoText() == "Fusionner 2 contacts"


def test_three_contacts_at_once_then_ctrl_z_restores_every_row(
    qtbot: QtBot, services: Services, db_path: Path, french: str
) -> None:
    desk = Desk(services)
    before_id = last_audit_id(services)
    before = dump(db_path, versions=False)  # an undo is a new version (edit_conflicts)
    dialog, stack = open_dialog(qtbot, services, desk.three)
    assert dialog.view.preview.contacts[0].id == desk.a  # type: ignore[union-attr]
    # What each brings: B received release 1 and made the enquiry.
    history = dialog.findChild(type(dialog.intro), f"history_{desk.b}")
    assert history is not None
    assert history.text() == "1 communiqué(s) reçu(s), 1 demande(s)"
    # Opted out wins, said explicitly: C opted out first (2022), with its reason.
    assert dialog.opt_out_notice.isVisibleTo(dialog)
    notice = dialog.opt_out_notice.label.text()
    assert "le contact fusionné est désinscrit lui aussi" in notice
    assert "2022" in notice and "Ne plus écrire" in notice
    opted = dialog.findChild(type(dialog.intro), "united_opted_out")
    assert opted is not None and opted.text().startswith("Désinscrit le ")
    # Three columns of choices for a field the three hold differently.
    assert len(dialog.groups["organization"].buttons()) == 3
    dialog.choose("organization", desk.a)
    dialog.merge_button.click()
    settle(qtbot)
    assert services.contacts.get(desk.a).organization == "Le Quotidien"
    assert services.contacts.get(desk.a).opted_out
    assert dump(db_path, audit_up_to=before_id, versions=False) != before
    stack.undo()  # what Ctrl+Z does in the window (its Undo action drives this stack)
    settle(qtbot)
    assert dump(db_path, audit_up_to=before_id, versions=False) == before


def test_undo_refused_once_the_merged_contact_changed(
    qtbot: QtBot, services: Services, french: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = plant(services)
    told: list[tuple[str, str]] = []
    monkeypatch.setattr(
        duplicate_commands,
        "show_expected",
        lambda _parent, error, title="": told.append((title, message_of(error))),
    )
    dialog, stack = open_dialog(qtbot, services, [ids["hugo"], ids["hugo2"]])
    dialog.merge_button.click()
    settle(qtbot)
    survivor = services.contacts.get(ids["hugo"])
    survivor.job_title = "Rédacteur en chef"
    services.contacts.update(ids["hugo"], survivor)
    stack.undo()
    settle(qtbot)
    assert told == [
        (
            "La fusion ne peut pas être annulée",
            "Le contact fusionné a changé depuis la fusion : elle ne peut plus être annulée.",
        )
    ]
    assert services.contacts.get(ids["hugo"]).job_title == "Rédacteur en chef"
    with pytest.raises(NotFoundError):
        services.contacts.get(ids["hugo2"])


def test_a_refused_merge_is_said_in_place_and_the_dialog_stays(
    qtbot: QtBot, services: Services, french: str
) -> None:
    ids = plant(services)
    dialog, stack = open_dialog(qtbot, services, [ids["zoe"], ids["hugo2"]])
    services.contacts.delete([ids["hugo2"]])  # meanwhile, elsewhere
    dialog.merge_button.click()
    settle(qtbot)
    assert dialog.isVisible() and dialog.error.isVisibleTo(dialog)
    assert dialog.error.label.text().startswith("Rien n'a été fusionné : ")
    assert dialog.merge_button.isEnabled() and stack.count() == 0
