"""Édition > Préférences… : the workstation's file, the window's settings, the database's DPO
(issue 15)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from fiac_press_desk import workstation
from fiac_press_desk.domain.enums import LawfulBasis
from fiac_press_desk.services import Services
from fiac_press_desk.ui import settings
from fiac_press_desk.ui.dialogs.preferences_dialog import (
    PreferencesDialog,
    backup_folder,
    backup_keep,
)
from tests.ui.conftest import settle


@pytest.fixture
def dialog(qtbot: QtBot, services: Services) -> PreferencesDialog:
    made = PreferencesDialog(services)
    qtbot.addWidget(made)
    made.show()
    qtbot.waitUntil(made.is_loaded, timeout=10_000)
    return made


def test_saving_writes_each_value_where_it_belongs(
    qtbot: QtBot, dialog: PreferencesDialog, services: Services, tmp_path: Path
) -> None:
    dialog.user_name.setText("  Camille Roux ")
    dialog.time_zone.setCurrentText("America/Montreal")
    dialog.lawful_basis.setCurrentIndex(dialog.lawful_basis.findData("consent"))
    dialog.backup_folder.setText(str(tmp_path))
    dialog.keep["daily"].setValue(10)
    dialog.keep["monthly"].setValue(24)
    dialog.dpo_name.setText("Claire Dumas")
    dialog.dpo_email.setText("dpo@example.fr")
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        dialog.accept()
    settle(qtbot)
    saved = workstation.load()
    assert (saved.user_name, saved.time_zone) == ("Camille Roux", "America/Montreal")
    assert workstation.default_lawful_basis() is LawfulBasis.CONSENT
    assert backup_folder() == str(tmp_path)
    assert settings.load_value("backups/daily") == "10"
    assert (backup_keep("daily"), backup_keep("weekly"), backup_keep("monthly")) == (10, 4, 24)
    gdpr = services.gdpr.settings.get()
    assert (gdpr.dpo_name, gdpr.dpo_email) == ("Claire Dumas", "dpo@example.fr")


def test_an_unknown_zone_or_missing_folder_is_refused_in_place(
    qtbot: QtBot, dialog: PreferencesDialog, tmp_path: Path
) -> None:
    dialog.user_name.setText("Camille Roux")
    dialog.time_zone.setCurrentText("Europe/Atlantis")
    dialog.accept()
    assert dialog.isVisible() and dialog.problem.isVisible()
    assert "Europe/Atlantis" in dialog.problem.text()
    dialog.time_zone.setCurrentText("Europe/Paris")
    dialog.backup_folder.setText(str(tmp_path / "nowhere"))
    dialog.accept()
    assert dialog.isVisible() and "nowhere" in dialog.problem.text()
    assert workstation.load().user_name == ""  # nothing saved


def test_the_name_proposed_is_the_system_s(
    qtbot: QtBot, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(workstation, "system_full_name", lambda: "Hélène Lefèvre")
    made = PreferencesDialog(services)
    qtbot.addWidget(made)
    assert made.user_name.text() == ""
    assert made.user_name.placeholderText().startswith("Hélène Lefèvre")
    qtbot.waitUntil(made.is_loaded, timeout=10_000)


def test_the_language_chosen_switches_the_window(
    qtbot: QtBot, dialog: PreferencesDialog, french: str
) -> None:
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    with qtbot.waitSignal(dialog.language_chosen) as chosen:
        dialog.accept()
    assert chosen.args == ["en"]


def test_the_edit_menu_opens_it_and_its_language_applies(
    qtbot: QtBot, make_window: object, services: Services, french: str
) -> None:
    from fiac_press_desk.ui import i18n

    window = make_window(services)  # type: ignore[operator]
    edit_menu = window.menuBar().actions()[1].menu()
    assert "Préférences…" in [a.text().replace("&", "") for a in edit_menu.actions()]
    window.actions_by_name["preferences"].trigger()
    dialog = window.findChild(PreferencesDialog)
    assert dialog is not None and dialog.windowTitle() == "Préférences"
    qtbot.waitUntil(dialog.is_loaded, timeout=10_000)
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.accept()
    qtbot.waitUntil(lambda: i18n.current() == "en", timeout=5_000)
    assert settings.language() == "en"
    settle(qtbot)


def test_at_start_a_name_is_asked_when_none_is_known(
    qtbot: QtBot, make_window: object, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 19: notes were signed "root" (no name set, no full name in the system)."""
    from fiac_press_desk.ui.first_run import ask_name_if_unknown

    monkeypatch.setattr(workstation, "system_full_name", lambda: "")
    window = make_window(services)  # type: ignore[operator]
    dialog = ask_name_if_unknown(window)
    assert dialog is not None and dialog.intro.isVisible()
    qtbot.waitUntil(dialog.is_loaded, timeout=10_000)
    dialog.user_name.setText("Camille Roux")
    with qtbot.waitSignal(dialog.finished, timeout=10_000):
        dialog.accept()
    assert workstation.user_name() == "Camille Roux"
    assert ask_name_if_unknown(window) is None  # known now: not asked again


def test_the_backups_preferences_reach_the_backups_service(
    services: Services, tmp_path: Path
) -> None:
    from fiac_press_desk.services.backup_rotation import RotationPolicy
    from fiac_press_desk.ui import settings
    from fiac_press_desk.ui.dialogs.preferences_dialog import (
        BACKUP_FOLDER_KEY,
        BACKUP_KEEP_KEYS,
        apply_backup_preferences,
    )

    settings.save_value(BACKUP_FOLDER_KEY, str(tmp_path / "copies"))
    settings.save_value(BACKUP_KEEP_KEYS["daily"], 3)
    settings.save_value(BACKUP_KEEP_KEYS["monthly"], 0)
    apply_backup_preferences(services)
    assert services.backups.backup_folder() == tmp_path / "copies"
    assert services.backups.policy == RotationPolicy(daily=3, weekly=4, monthly=0)
    path = services.backups.before("import")
    assert path is not None and path.parent == tmp_path / "copies"
