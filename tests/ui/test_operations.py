"""ui/operations: writes one after the other, reads side by side, answers that nobody wants
any more dropped, one way of showing errors, progress, cancel and the data-change events."""

from __future__ import annotations

import threading
import time
from typing import Any

import pytest
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QDialog, QWidget
from pytestqt.qtbot import QtBot

from fiac_press_desk.domain.errors import NotFoundError, ValidationError
from fiac_press_desk.ui import errors, operations
from fiac_press_desk.ui.events import data_events
from fiac_press_desk.ui.operations import Cancelled, Progress
from tests.ui.conftest import flush_deletes, settle


def test_writes_run_one_after_the_other_in_the_order_asked(qtbot: QtBot) -> None:
    ran: list[tuple[str, str]] = []

    def write(name: str, pause: float) -> Any:
        def work(_progress: Progress) -> str:
            ran.append(("start", name))
            time.sleep(pause)
            ran.append(("end", name))
            return name

        return work

    done: list[str] = []
    operations.write(None, write("delete", 0.2), done.append)
    operations.write(None, write("undo", 0.0), done.append)  # never overtakes the delete
    settle(qtbot)
    assert ran == [("start", "delete"), ("end", "delete"), ("start", "undo"), ("end", "undo")]
    assert done == ["delete", "undo"]


def test_reads_run_side_by_side(qtbot: QtBot) -> None:
    both = threading.Barrier(2, timeout=5)
    met: list[bool] = []

    def read(_progress: Progress) -> None:
        both.wait()  # only returns once the other read runs too
        met.append(True)

    operations.read(None, read)
    operations.read(None, read)
    settle(qtbot)
    assert met == [True, True]


def test_a_newer_read_of_the_same_key_drops_the_older_answer(qtbot: QtBot) -> None:
    owner = QWidget()
    qtbot.addWidget(owner)
    shown: list[str] = []
    release = threading.Event()

    def slow(_progress: Progress) -> str:
        release.wait(5)
        return "lef"

    operations.read(owner, slow, shown.append, key="search")
    operations.read(owner, lambda _p: "lefevre", shown.append, key="search")
    release.set()
    settle(qtbot)
    assert shown == ["lefevre"]  # the keystroke before the last never paints over it


def test_an_answer_for_a_deleted_widget_or_a_closed_dialog_is_dropped(qtbot: QtBot) -> None:
    shown: list[str] = []
    gate = threading.Event()

    def wait_then(value: str) -> Any:
        def work(_progress: Progress) -> str:
            gate.wait(5)
            return value

        return work

    widget = QWidget()
    operations.read(widget, wait_then("widget"), shown.append)
    dialog = QDialog()
    qtbot.addWidget(dialog)
    inside = QWidget(dialog)
    operations.read(inside, wait_then("dialog"), shown.append)
    page = QWidget()
    qtbot.addWidget(page)
    operations.read(page, wait_then("page"), shown.append)
    widget.deleteLater()
    flush_deletes()
    assert not _alive(widget)
    dialog.reject()
    operations.forget(page)
    gate.set()
    settle(qtbot)
    assert shown == []


def _alive(widget: QWidget) -> bool:
    from shiboken6 import Shiboken

    return bool(Shiboken.isValid(widget))


def test_a_write_announces_its_changes_after_its_answer(qtbot: QtBot) -> None:
    seen: list[str] = []
    data_events().changed.connect(seen.append)
    try:
        operations.write(
            None, lambda _p: 3, lambda n: seen.append(f"done {n}"), changes=("lists", "tags")
        )
        operations.write(
            None,
            lambda _p: {"imported": 2},
            changes=lambda result: ("contacts",) if result["imported"] else (),
        )
        settle(qtbot)
    finally:
        data_events().changed.disconnect(seen.append)
    assert seen == ["done 3", "lists", "tags", "contacts"]


def test_expected_errors_go_to_the_view_or_to_one_warning(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, french: str
) -> None:
    told: list[str] = []
    monkeypatch.setattr(errors, "show_expected", lambda _parent, error: told.append(str(error)))
    caught: list[Exception] = []

    def refuse(_progress: Progress) -> None:
        raise ValidationError("emails[1]", "bad_email", value="x@", reason="domaine")

    operations.write(None, refuse, on_error=caught.append)
    operations.write(None, lambda _p: (_ for _ in ()).throw(NotFoundError("Contact", 7)))
    settle(qtbot)
    assert len(caught) == 1 and isinstance(caught[0], ValidationError)
    assert errors.message_of(caught[0]).startswith(
        "Adresses électroniques\u00a0: Adresse électronique invalide"
    )
    assert len(told) == 1 and "7" in told[0]


def test_a_file_the_view_expects_to_be_unreadable_is_refused_not_a_bug(qtbot: QtBot) -> None:
    caught: list[Exception] = []

    def unreadable(_progress: Progress) -> None:
        raise OSError("faux.xlsx: permission denied")

    operations.read(None, unreadable, on_error=caught.append, expected=(OSError,))
    settle(qtbot)
    assert isinstance(caught[0], operations.Refused)
    assert str(caught[0]) == "faux.xlsx: permission denied"
    assert isinstance(caught[0].error, OSError)


def test_anything_else_is_the_one_unexpected_error_dialog(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(
        errors,
        "show_unexpected",
        lambda _parent, error, details="": shown.append((str(error), details)),
    )
    finished: list[str] = []

    def bug(_progress: Progress) -> None:
        raise KeyError("no such column")

    operation = operations.read(None, bug, finished.append)
    operation.finished.connect(lambda: finished.append(operation.state))
    settle(qtbot)
    assert finished == ["unexpected"]  # the view may tidy up; never its on_done
    assert shown[0][0] == "'no such column'"
    assert "Traceback" in shown[0][1] and "KeyError" in shown[0][1]


def test_progress_is_throttled_and_cancel_stops_the_work(qtbot: QtBot) -> None:
    reports: list[tuple[int, int]] = []
    outcome: list[str] = []
    started = threading.Event()

    def work(progress: Progress) -> None:
        for done in range(1, 2001):
            progress.report(done, 100_000)
        started.set()
        while True:
            progress.check()
            time.sleep(0.005)

    operation = operations.write(
        None, work, on_cancel=lambda: outcome.append("cancelled"), changes=("contacts",)
    )
    operation.progressed.connect(lambda done, total, _text: reports.append((done, total)))
    assert started.wait(5)
    operation.cancel()
    seen: list[str] = []
    data_events().changed.connect(seen.append)
    try:
        settle(qtbot)
    finally:
        data_events().changed.disconnect(seen.append)
    assert outcome == ["cancelled"]
    assert seen == ["contacts"]  # what it wrote before stopping is announced
    assert reports[0] == (1, 100_000) and len(reports) < 100  # 2 000 reports, a few shown


def test_cancelled_is_raised_by_check() -> None:
    progress = Progress()
    progress.check()
    progress.cancel()
    with pytest.raises(Cancelled):
        progress.check()
    assert progress.cancelled


def test_long_work_shows_the_busy_bar(qtbot: QtBot) -> None:
    seen: list[bool] = []
    operations.activity().busy_changed.connect(seen.append)
    try:
        operations.read(None, lambda _p: time.sleep(0.05))  # a short read: not busy
        operations.write(None, lambda _p: time.sleep(0.05))
        assert operations.is_busy()
        settle(qtbot)
    finally:
        operations.activity().busy_changed.disconnect(seen.append)
    assert seen == [True, False] and not operations.is_busy()


def test_reads_that_can_wait_wait_for_the_read_the_press_officer_waits_for(
    qtbot: QtBot,
) -> None:
    # At start the table's first rows (priority 1) shared the interpreter with the sidebar's
    # counts and the pickers (priority -1) and came twice as late: those now wait.
    release = threading.Event()
    ran: list[str] = []

    def urgent(_progress: Progress) -> None:
        ran.append("urgent start")
        release.wait(5)
        ran.append("urgent end")

    def later(_progress: Progress) -> None:
        ran.append("later")

    operations.read(None, urgent, priority=1)
    operations.read(None, later, priority=-1)
    qtbot.wait(150)  # the later read had every chance to start: a thread is free
    assert ran == ["urgent start"]
    release.set()
    settle(qtbot)
    assert ran == ["urgent start", "urgent end", "later"]


def test_a_read_that_can_wait_is_held_no_longer_than_a_second(qtbot: QtBot) -> None:
    release = threading.Event()
    ran: list[str] = []

    def urgent(_progress: Progress) -> None:
        release.wait(10)

    operations.read(None, urgent, priority=1)
    operations.read(None, lambda _p: ran.append("later"), priority=-1)
    try:
        qtbot.waitUntil(lambda: ran == ["later"], timeout=operations.HOLD_AT_MOST_MS + 2000)
    finally:
        release.set()
    settle(qtbot)


class _Painted(QWidget):
    """Counts its paints."""

    def __init__(self) -> None:
        super().__init__()
        self.paints = 0

    def paintEvent(self, event: QPaintEvent) -> None:
        self.paints += 1


def test_what_can_wait_runs_once_the_awaited_answer_is_painted(qtbot: QtBot) -> None:
    # The start's last steps (backup check, drafts, the name question) ran while the first
    # rows were read and painted, and delayed them: they now wait for both.
    view = _Painted()
    qtbot.addWidget(view)
    view.resize(200, 100)
    view.show()
    qtbot.waitExposed(view)
    release = threading.Event()
    seen: list[str] = []

    def answered(_result: None) -> None:
        seen.append("answer")
        view.paints = 0
        view.update()  # the rows, painted on the next turn of the loop

    operations.read(view, lambda _p: release.wait(5), answered, priority=1)
    operations.when_settled(view, lambda: seen.append(f"settled after {view.paints} paint"))
    qtbot.wait(150)
    assert seen == []  # the answer the press officer waits for is not there yet
    release.set()
    qtbot.waitUntil(lambda: len(seen) == 2, timeout=3000)
    assert seen == ["answer", "settled after 1 paint"]


def test_what_can_wait_waits_no_longer_than_a_second_and_not_for_a_forgotten_owner(
    qtbot: QtBot,
) -> None:
    release = threading.Event()
    kept, dropped = QWidget(), QWidget()
    qtbot.addWidget(kept)
    qtbot.addWidget(dropped)
    seen: list[str] = []
    operations.read(None, lambda _p: release.wait(10), priority=1)
    operations.when_settled(kept, lambda: seen.append("kept"))
    operations.when_settled(dropped, lambda: seen.append("dropped"))
    operations.forget(dropped)  # its page closed
    try:
        qtbot.waitUntil(lambda: seen == ["kept"], timeout=operations.HOLD_AT_MOST_MS + 2000)
    finally:
        release.set()
    settle(qtbot)
    assert seen == ["kept"]


def test_settled_work_begins_after_the_window_repainted_and_a_cancel_ends_the_wait(
    qtbot: QtBot,
) -> None:
    # A dialog that opened and started its job at once had the window repaint under the
    # job's interpreter lock (130-200 ms frozen at the start of an import): the job waits.
    began: list[float] = []

    def work(_progress: Progress) -> str:
        began.append(time.monotonic())
        return "done"

    asked = time.monotonic()
    answers: list[str] = []
    operations.read(None, operations.settled(work), answers.append)
    settle(qtbot)
    assert answers == ["done"]
    assert began[0] - asked >= operations.SETTLE_S

    ran: list[str] = []
    cancelled: list[bool] = []
    job = operations.read(
        None,
        operations.settled(lambda _p: ran.append("work")),
        on_cancel=lambda: cancelled.append(True),
    )
    job.cancel()  # while it waits: the work never runs
    settle(qtbot)
    assert ran == [] and cancelled == [True]
