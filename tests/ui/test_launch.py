"""The application start: the frame shows first, then the database fills it."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTimer
from pytestqt.qtbot import QtBot

from fiac_press_desk.services import Services
from fiac_press_desk.ui import launch
from fiac_press_desk.ui.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore(r"^This plugin does not support ")

# The modules the window must not import on its GUI thread before the database is opened.
HEAVY = (
    "sqlalchemy",
    "alembic",
    "fiac_press_desk.services",
    "fiac_press_desk.storage",
    "openpyxl",
    "vobject",
    "python_calamine",
)


def run_python(code: str) -> subprocess.CompletedProcess[str]:
    """``code`` run by a fresh interpreter (nothing imported yet), offscreen."""
    return subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        timeout=120,
    )


def test_window_frame_is_painted_before_the_database_opens_then_filled(
    qtbot: QtBot, db_path: Path, services: Services, french: str
) -> None:
    from tests.ui.conftest import flush_deletes, person

    services.contacts.create(person("Anne", "Alpha", "anne@example.fr"))
    seen: dict[str, object] = {}

    def watch(window: object) -> None:
        assert isinstance(window, MainWindow)
        seen["window"] = window

        def painted() -> None:
            seen["attached_at_first_paint"] = window.is_attached()
            seen["note"] = window.centralWidget().objectName()

        def check() -> None:
            if not window.is_attached() or "contacts" not in window.pages:
                QTimer.singleShot(20, check)
                return
            view = window.contacts_view()
            if not view.model.is_loaded():
                QTimer.singleShot(20, check)
                return
            seen["rows"] = view.model.rowCount()
            seen["title"] = window.windowTitle()
            seen["menus"] = [a.text() for a in window.menuBar().actions()]
            QCoreApplication.exit(0)

        window.first_painted.connect(painted)
        window.first_painted.connect(lambda: QTimer.singleShot(0, check))

    from fiac_press_desk.ui import settings

    settings.save_value("window/page", "contacts")
    args = argparse.Namespace(db=str(db_path), lang="fr", screenshot=None, command=None)
    assert launch.run_gui(args, on_window=watch) == 0
    assert seen["attached_at_first_paint"] is False
    assert seen["note"] == "openingNote"
    assert seen["rows"] == 1
    assert seen["title"] == f"FIAC Press Desk — {db_path.name}"
    assert seen["menus"] == ["&Fichier", "&Édition", "&Affichage", "Aid&e"]
    window = seen["window"]
    assert isinstance(window, MainWindow) and not window.isVisible()
    window.deleteLater()
    flush_deletes()


def test_the_start_s_last_steps_wait_for_the_first_rows(
    qtbot: QtBot,
    db_path: Path,
    services: Services,
    french: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The backup check, the drafts and the name question come once the first rows are on
    screen: done right after the page was built, they held the interpreter while the rows
    were read and painted (50-100 ms of the launch at 100 000 contacts)."""
    from fiac_press_desk.ui import backup_startup
    from tests.ui.conftest import flush_deletes, person

    services.contacts.create(person("Anne", "Alpha", "anne@example.fr"))
    seen: dict[str, object] = {}
    real_check = backup_startup.check_at_start

    def check(window: MainWindow, opened: Services) -> object:
        seen["window"] = window
        seen["rows when the check starts"] = window.contacts_view().model.rowCount()
        QTimer.singleShot(0, lambda: QCoreApplication.exit(0))
        return real_check(window, opened)

    monkeypatch.setattr(backup_startup, "check_at_start", check)
    from fiac_press_desk.ui import settings

    settings.save_value("window/page", "contacts")
    args = argparse.Namespace(db=str(db_path), lang="fr", screenshot=None, command=None)
    assert launch.run_gui(args) == 0
    assert seen["rows when the check starts"] == 1
    window = seen["window"]
    assert isinstance(window, MainWindow)
    window.deleteLater()
    flush_deletes()


def test_screenshot_option_renders_the_views(
    qtbot: QtBot, db_path: Path, demo_services: Services, tmp_path: Path, french: str
) -> None:
    out = tmp_path / "shots"
    args = argparse.Namespace(db=str(db_path), lang="fr", screenshot=str(out), command=None)
    assert launch.run_gui(args) == 0
    names = sorted(p.name for p in out.glob("*.png"))
    assert any(n.endswith("-contacts.png") for n in names)
    assert "contacts-card.png" in names and "contacts-selection.png" in names


def test_the_window_module_loads_no_database_layer() -> None:
    """The frame is painted before the database layer is imported (in the background, with
    the database): importing the window must not pull SQLAlchemy, alembic or the services
    onto the GUI thread first (a module-level import of the hub cost 2.5 s there)."""
    code = (
        "import sys; import fiac_press_desk.ui.main_window\n"
        f"heavy = {HEAVY!r}\n"
        "loaded = sorted(m for m in sys.modules if m.startswith(heavy))\n"
        "assert not loaded, loaded"
    )
    result = run_python(code)
    assert result.returncode == 0, result.stderr[-2000:]


def test_no_database_layer_is_imported_on_the_gui_thread_before_the_database_opens(
    db_path: Path,
) -> None:
    """Everything the launch does before the database is opened in the background (the
    language, the settings, the one-window lock, the window, its first paint) stays off the
    database layer: asking the settings for a shared database, then resolving the file's URL
    again, each imported SQLAlchemy there (0.45 s before the first paint, 0.5 s after it)."""
    code = (
        "import argparse, os, sys\n"
        "from fiac_press_desk.ui import operations\n"
        "from fiac_press_desk.ui.launch import run_gui\n"
        f"heavy = {HEAVY!r}\n"
        "def first_read(*args, **kwargs):\n"
        "    loaded = sorted(m for m in sys.modules if m.startswith(heavy))\n"
        "    print('loaded', loaded, flush=True)\n"
        "    os._exit(3 if loaded else 0)\n"
        "operations.read = first_read\n"
        f"args = argparse.Namespace(db={str(db_path)!r}, lang='fr', screenshot=None, "
        "command=None)\n"
        "run_gui(args)\n"
    )
    result = run_python(code)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    assert "loaded []" in result.stdout


def test_the_first_page_leaves_the_card_and_the_checkers_for_after_the_rows() -> None:
    """The contacts page's modules (imported before its first rows) leave out the card's
    widgets and the libraries that check addresses and numbers (90 ms of the launch):
    a worker imports them once the rows show (``launch._load_the_rest``)."""
    code = (
        "import sys\n"
        "import fiac_press_desk.services.hub, fiac_press_desk.ui.pages as pages\n"
        "pages.preload('contacts')\n"
        "later = ('fiac_press_desk.ui.views.contact_history', 'fiac_press_desk.ui.views."
        "contact_form', 'fiac_press_desk.ui.views.gdpr_register', 'fiac_press_desk.ui.views."
        "coverage_contact', 'fiac_press_desk.ui.views.contact_form_widgets', "
        "'fiac_press_desk.ui.views.duplicate_warning', 'fiac_press_desk.ui.undo_edits', "
        "'phonenumbers', 'email_validator', 'fiac_press_desk.services.coverage', 'rapidfuzz')\n"
        "early = [m for m in later if m in sys.modules]\n"
        "assert not early, early\n"
        "from fiac_press_desk.ui.launch import _load_the_rest\n"
        "_load_the_rest()\n"
        "missing = [m for m in later[:-1] if m not in sys.modules]\n"
        "assert not missing, missing\n"
    )
    result = run_python(code)
    assert result.returncode == 0, result.stderr[-2000:]


def test_pyside_reads_no_module_source_once_the_application_is_made(
    qapp: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """PySide6 read the source of every module imported after it (inspect.getsource, to
    look for ``from __feature__``): 0.15-0.2 s of each start. The application spares it."""
    import importlib
    import inspect

    launch.make_application()
    read: list[object] = []

    def getsource(module: object) -> str:
        read.append(module)
        return ""

    monkeypatch.setattr(inspect, "getsource", getsource)
    (tmp_path / "fiac_fresh_module.py").write_text("VALUE = 1\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    module = importlib.import_module("fiac_fresh_module")
    monkeypatch.delitem(sys.modules, "fiac_fresh_module")
    assert module.VALUE == 1
    assert read == []


def test_the_collector_runs_again_once_the_window_is_attached(
    qtbot: QtBot, db_path: Path, services: Services, french: str
) -> None:
    """The collector is off while the window starts (6 % of the start), on again after."""
    import gc

    seen: dict[str, bool] = {}

    def watch(window: object) -> None:
        assert isinstance(window, MainWindow)
        seen["off while building"] = not gc.isenabled()

        def check() -> None:
            if not window.is_attached():
                QTimer.singleShot(20, check)
                return
            seen["on once attached"] = gc.isenabled()
            QCoreApplication.exit(0)

        window.first_painted.connect(lambda: QTimer.singleShot(0, check))

    args = argparse.Namespace(db=str(db_path), lang="fr", screenshot=None, command=None)
    try:
        assert launch.run_gui(args, on_window=watch) == 0
    finally:
        gc.enable()
    assert seen == {"off while building": True, "on once attached": True}
    assert gc.isenabled()
