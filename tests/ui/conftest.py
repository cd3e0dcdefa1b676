"""Fixtures for driving the real window over a real database file.

Every test gets its own settings file (``FIAC_PRESS_DESK_CONFIG_DIR`` in its temporary
directory), so window geometry or a language chosen in one test never leaks into another or
into the developer's own settings. ``french``/``english`` install the translators the way the
application does and put things back afterwards.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from pytestqt.qtbot import QtBot

from fiac_press_desk.domain.contact import ContactData, EmailAddress, Phone
from fiac_press_desk.domain.enums import ContactKind
from fiac_press_desk.domain.messages import set_language
from fiac_press_desk.services import Services

DEMO_NOW = datetime(2024, 3, 20, 9, 30, tzinfo=UTC)


@pytest.fixture(autouse=True)
def _no_database_on_the_gui_thread(qapp: object, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Every window test fails if the window used the database on its GUI thread (the
    test's own service calls, to set up or check its data, are not the window's), or if an
    operation failed in a way the window calls a bug (its error dialog would wait forever)."""
    from fiac_press_desk.ui import errors, thread_guard

    bugs: list[str] = []
    monkeypatch.setattr(
        errors, "show_unexpected", lambda _parent, error, details="": bugs.append(details)
    )
    thread_guard.install()
    yield
    found = thread_guard.violations()
    thread_guard.uninstall()
    assert not found, "the database was used on the GUI thread:\n" + "\n".join(dict.fromkeys(found))
    assert not bugs, "an operation failed unexpectedly:\n" + "\n".join(bugs)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Iterator[None]:
    """After each window test, let the operations it started end (and their answers arrive)
    before its database is closed."""
    yield
    from fiac_press_desk.ui import operations

    settle_operations()
    assert operations.idle(), "operations still running 30 s after the test"


def settle_operations(timeout_s: float = 30.0) -> None:
    """Turn the event loop until no operation is on its way (their answers handled)."""
    import time

    from PySide6.QtWidgets import QApplication

    from fiac_press_desk.ui import operations

    if QApplication.instance() is None:
        return
    deadline = time.monotonic() + timeout_s
    while not operations.idle() and time.monotonic() < deadline:
        QApplication.processEvents()
        time.sleep(0.002)


@pytest.fixture(autouse=True)
def _isolated_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "settings"
    monkeypatch.setenv("FIAC_PRESS_DESK_CONFIG_DIR", str(folder))
    return folder


def _install(lang: str) -> Iterator[str]:
    from fiac_press_desk.ui import i18n

    i18n.install(lang)
    yield lang
    i18n.install(i18n.SOURCE_LANGUAGE)
    set_language("fr")


@pytest.fixture
def french(qapp: object) -> Iterator[str]:
    yield from _install("fr")


@pytest.fixture
def english(qapp: object) -> Iterator[str]:
    yield from _install("en")


@pytest.fixture
def demo_services(services: Services) -> Services:
    """The demonstration data (60 contacts, lists, tags, releases, enquiries)."""
    from fiac_press_desk.services.demo import fill

    fill(services, 60, now=DEMO_NOW)
    return services


def person(
    given: str,
    family: str,
    email: str = "",
    organisation: str = "",
    kind: ContactKind = ContactKind.JOURNALIST,
    **extra: object,
) -> ContactData:
    return ContactData(
        kind=kind,
        given_name=given,
        family_name=family,
        organization=organisation,
        emails=[EmailAddress(email, "work")] if email else [],
        phones=[Phone("01 40 00 00 01", "work")],
        **extra,  # type: ignore[arg-type]
    )


def flush_deletes() -> None:
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def make_window(qtbot: QtBot) -> Iterator[Callable[..., object]]:
    """Build a shown MainWindow over some services; closed and deleted at the end."""
    from fiac_press_desk.ui.main_window import MainWindow

    made: list[MainWindow] = []

    def make(services: Services, label: str = "desk.sqlite3", restore: bool = False) -> MainWindow:
        window = MainWindow(services, label)
        if not restore:  # the size the screenshots use, whatever an earlier window saved
            window.resize(1280, 800)
        with qtbot.waitExposed(window):
            window.show()
        made.append(window)
        return window

    yield make
    from fiac_press_desk.ui import operations

    for window in made:
        if window.isVisible():
            window.close()
        settle_operations()
        operations.wait()
        window.deleteLater()
    flush_deletes()


def activate(qtbot: QtBot, window: object) -> None:
    """Make the window the active one, as the press officer's click does: shortcuts need it."""
    with qtbot.waitActive(window):  # type: ignore[arg-type]
        window.activateWindow()  # type: ignore[attr-defined]


def wait_loaded(qtbot: QtBot, view: object) -> None:
    """The contacts table has the answer to its latest query (and its rows are read)."""
    qtbot.waitUntil(view.model.is_loaded, timeout=10_000)  # type: ignore[attr-defined]
    settle(qtbot)


def wait_idle(qtbot: QtBot, window: object) -> None:
    """Background writes are done and every view has re-read what they changed."""
    settle(qtbot)
    contacts = window.pages.get("contacts")  # type: ignore[attr-defined]
    if contacts is not None:
        wait_loaded(qtbot, contacts)


def settle(qtbot: QtBot, timeout: int = 20_000) -> None:
    """Every operation the window started has ended and its answer is shown (what a test
    waits for before reading the window after an action that reads or writes)."""
    from fiac_press_desk.ui import operations

    qtbot.waitUntil(operations.idle, timeout=timeout)
