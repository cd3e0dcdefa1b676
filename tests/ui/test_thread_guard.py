"""The guard that fails a window test when the database is used on the GUI thread: it catches
a deliberate call, and lets through the window's operations and a test's own set-up."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from fiac_press_desk.services import Services
from fiac_press_desk.services.contact_queries import ContactFilter
from fiac_press_desk.ui import operations, thread_guard
from tests.ui.conftest import person, settle


def test_a_service_call_qt_delivers_on_the_gui_thread_is_caught(
    qtbot: QtBot, services: Services
) -> None:
    contact_id = services.contacts.create(person("Anne", "Alpha"))
    # A slot connected straight to a service method: what a careless view would write.
    timer = QTimer()
    timer.setSingleShot(True)
    timer.timeout.connect(services.tags.all)
    timer.start(0)
    qtbot.waitUntil(lambda: bool(thread_guard.violations()), timeout=5000)
    found = thread_guard.violations()
    thread_guard.clear()  # caught on purpose: not this test's failure
    assert len(found) == 1  # said where Qt called it from (pytest-qt's wait, here)
    # The same service used by the test itself, to check its data, is not the window's.
    assert services.contacts.get(contact_id).given_name == "Anne"
    assert thread_guard.violations() == []


def test_a_window_callback_that_calls_a_service_is_caught(qtbot: QtBot, services: Services) -> None:
    contact_id = services.contacts.create(person("Anne", "Alpha"))
    # The answer arrives on the GUI thread, in ui.operations; calling the services from
    # there (here: straight from the callback) is what the guard exists to catch.
    operations.read(None, lambda _p: contact_id, services.contacts.get)
    settle(qtbot)
    found = thread_guard.violations()
    thread_guard.clear()
    assert len(found) == 1
    assert found[0].startswith("fiac_press_desk/ui/operations.py:")


def test_raise_mode_refuses_the_call(qtbot: QtBot, services: Services) -> None:
    thread_guard.install("raise")
    contact_id = services.contacts.create(person("Anne", "Alpha"))  # the test's own: allowed
    with qtbot.captureExceptions() as exceptions:
        operations.read(None, lambda _p: contact_id, services.contacts.get)
        settle(qtbot)
    thread_guard.clear()
    thread_guard.install()  # back to recording, as the suite runs
    assert [type(e[1]).__name__ for e in exceptions] == ["GuiThreadAccess"]


def test_operations_run_the_services_off_the_gui_thread(qtbot: QtBot, services: Services) -> None:
    services.contacts.create(person("Anne", "Alpha"))
    threads: list[int] = []
    counted: list[int] = []

    def work(_progress: operations.Progress) -> int:
        threads.append(threading.get_ident())
        return services.contact_queries.count(ContactFilter())

    operations.read(None, work, counted.append)
    settle(qtbot)
    assert counted == [1]
    assert threads and threads[0] != threading.get_ident()
    assert thread_guard.violations() == []


def test_a_bad_mode_is_refused() -> None:
    with pytest.raises(ValueError, match="mode"):
        thread_guard.install("warn")
    thread_guard.install()
