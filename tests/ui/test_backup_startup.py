"""At start: the quick check, the day's backup, and a damaged base offered its latest good
backup, in French (in the window, and when the file cannot even be opened)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from backup_helpers import damage
from PySide6.QtWidgets import QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from fiac_press_desk.config import backup_dir
from fiac_press_desk.services import Services
from fiac_press_desk.services.backups import quick_check_file
from fiac_press_desk.services.contact_queries import ContactFilter
from fiac_press_desk.storage.database import Database
from fiac_press_desk.ui import backup_startup
from fiac_press_desk.ui.backup_startup import check_at_start
from fiac_press_desk.ui.database_open import open_database
from fiac_press_desk.ui.main_window import MainWindow
from tests.ui.conftest import person, settle

pytestmark = pytest.mark.qt_log_ignore(r"^This plugin does not support ")
MakeWindow = Callable[..., MainWindow]


def answering(choice: str, seen: list[QMessageBox]) -> Callable[[QMessageBox], None]:
    """Stands for the press officer: looks at the box, clicks ``choice``."""

    def answer(box: QMessageBox) -> None:
        seen.append(box)
        box.show()
        box.findChild(QPushButton, f"damaged_{choice}").click()

    return answer


def fill(services: Services, n: int = 200) -> None:
    for i in range(n):
        services.contacts.create(person(f"Prénom{i}", f"Nom{i}", f"p{i}@example.org"))


def test_a_sound_base_gets_its_daily_backup_and_no_message(
    qtbot: QtBot, make_window: MakeWindow, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[object] = []
    monkeypatch.setattr(backup_startup, "answer_damage", lambda *a, **k: shown.append(a))
    window = make_window(services)
    job = check_at_start(window, services)
    qtbot.waitUntil(lambda: not job.is_running(), timeout=10_000)
    settle(qtbot)
    assert [b.reason for b in services.backups.files()] == ["daily"]
    assert not shown
    job = check_at_start(window, services)  # the same day again: no second one
    qtbot.waitUntil(lambda: not job.is_running(), timeout=10_000)
    assert len(services.backups.files()) == 1


def test_a_damaged_base_is_offered_its_latest_good_backup_and_restored(
    qtbot: QtBot,
    make_window: MakeWindow,
    db_path: Path,
    _migrated_template: Path,
    french: str,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    db_path.write_bytes(_migrated_template.read_bytes())
    services = Services(Database(f"sqlite:///{db_path}"), actor="test")
    fill(services)
    good = services.backups.take("daily")
    services.close()
    damage(db_path, "audit_log")  # no page of the window reads it: the check alone sees it
    services = Services(Database(f"sqlite:///{db_path}"), actor="test")
    seen: list[QMessageBox] = []
    monkeypatch.setattr(QMessageBox, "exec", answering("restore", seen))
    try:
        window = make_window(services, str(db_path))
        job = check_at_start(window, services)
        qtbot.waitUntil(lambda: bool(seen), timeout=15_000)
        box = seen[0]
        assert box.windowTitle() == "La base de données est endommagée"
        assert box.text() == f"La base de données « {db_path} » est endommagée."
        assert "La dernière sauvegarde en bon état date du" in box.informativeText()
        assert "(contacts : 200, communiqués : 0, demandes presse : 0)" in box.informativeText()
        labels = [b.text() for b in box.buttons()]
        assert "Restaurer la sauvegarde" in labels
        assert "Continuer malgré tout" in labels and "Quitter" in labels
        box.grab().save(str(tmp_path / "damaged.png"))
        qtbot.waitUntil(lambda: "Sauvegarde restaurée" in window.statusBar().currentMessage())
        settle(qtbot)
        assert not job.is_running()
        assert services.backups.quick_check() == []
        assert len(services.contact_queries.ids(ContactFilter())) == 200
        aside = list(db_path.parent.glob(f"{db_path.name}.damaged-*"))
        assert len(aside) == 1 and quick_check_file(aside[0])  # kept, renamed, not deleted
        # No backup of the damaged base was taken (it would push a good one out).
        assert [b.path for b in services.backups.files()] == [good]
    finally:
        window.close()
        settle(qtbot)
        services.close()


def test_a_file_too_damaged_to_open_is_offered_its_backup(
    qtbot: QtBot,
    db_path: Path,
    _migrated_template: Path,
    french: str,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    db_path.write_bytes(_migrated_template.read_bytes())
    services = Services(Database(f"sqlite:///{db_path}"), actor="test")
    fill(services, 50)
    services.backups.take("daily")
    services.close()
    damage(db_path, "alembic_version")  # read at opening: the file cannot be opened
    seen: list[QMessageBox] = []
    monkeypatch.setattr(QMessageBox, "exec", answering("restore", seen))
    asked: list[str] = []
    opened = open_database(str(db_path), ask=lambda p: asked.append(p.kind) or "quit")
    assert opened is not None and not asked  # the usual question never came
    restored, _url = opened
    try:
        assert len(restored.contact_queries.ids(ContactFilter())) == 50
    finally:
        restored.close()
    (box,) = seen
    labels = [b.text() for b in box.buttons()]
    assert "Ouvrir une autre base…" in labels and "Créer une nouvelle base…" in labels
    box.grab().save(str(tmp_path / "damaged-at-opening.png"))


def test_without_a_good_backup_the_usual_question_is_asked(
    qtbot: QtBot, db_path: Path, _migrated_template: Path
) -> None:
    db_path.write_bytes(_migrated_template.read_bytes())
    damage(db_path, "alembic_version")
    assert not list(backup_dir().iterdir())
    asked: list[str] = []
    assert open_database(str(db_path), ask=lambda p: asked.append(p.kind) or "quit") is None
    assert asked == ["corrupt"]
