"""An unexpected error: a French dialog (what happened, what to do) and a report without
personal data in the data folder (issue 15)."""

from __future__ import annotations

import stat
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from fiac_press_desk.config import data_dir
from fiac_press_desk.ui import crash_dialog, crash_report
from fiac_press_desk.ui.errors import show_unexpected as real_show_unexpected

SECRET_EMAIL = "helene.lefevre@example.fr"
SECRET_FILE = "journalistes-sante-confidentiel.vcf"


def _fail_on_a_contact() -> None:
    contact = {"email": SECRET_EMAIL}  # a local variable holding personal data
    try:
        open(Path("/nowhere") / SECRET_FILE, encoding="utf-8")  # noqa: SIM115
    except OSError as exc:
        raise ValueError(f"cannot save {contact['email']} from {SECRET_FILE}") from exc


@pytest.fixture
def no_dialogs(qtbot: QtBot) -> Iterator[None]:
    yield
    for dialog in crash_dialog.open_dialogs():
        dialog.close()


def test_the_report_names_the_code_and_versions_never_the_data() -> None:
    try:
        _fail_on_a_contact()
    except ValueError as exc:
        path = crash_report.write_report(type(exc), exc, exc.__traceback__)
    assert path is not None and path.parent == data_dir() / "error-reports"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    text = path.read_text(encoding="utf-8")
    assert "_fail_on_a_contact" in text and "test_crash_dialog.py" in text
    assert "Error: ValueError" in text
    assert "Error: FileNotFoundError (ENOENT)" in text  # the cause, by its errno name
    assert f"Python: {sys.version.split()[0]}" in text and "Qt: 6." in text
    assert "FIAC Press Desk: 0." in text
    # No field value, no contact file's name, no home folder (the login name).
    assert SECRET_EMAIL not in text
    assert "journalistes" not in text
    assert str(Path.home()) not in text


def test_reports_are_rotated() -> None:
    for _ in range(crash_report.KEEP + 3):
        try:
            raise KeyError("x")
        except KeyError as exc:
            crash_report.write_report(KeyError, exc, exc.__traceback__)
    assert len(list(crash_report.reports_dir().glob("error-*.txt"))) == crash_report.KEEP


def test_an_operation_bug_shows_the_french_dialog_with_its_report(
    qtbot: QtBot, french: str, no_dialogs: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    try:
        _fail_on_a_contact()
    except ValueError as exc:
        real_show_unexpected(None, exc, "traceback for the terminal")
    (dialog,) = crash_dialog.open_dialogs()
    assert dialog.isVisible()
    assert dialog.windowTitle() == "Erreur inattendue"
    assert "Que faire" in dialog.todo.text()
    assert dialog.report is not None and str(dialog.report) in dialog.where.text()
    shown = (
        " ".join(w.text() for w in (dialog.heading, dialog.happened, dialog.todo, dialog.where))
        + dialog.details.toPlainText()
    )
    assert SECRET_EMAIL not in shown and SECRET_FILE not in shown
    # A second error while it is open is counted in it, not a second dialog.
    try:
        raise RuntimeError("again")
    except RuntimeError as exc:
        real_show_unexpected(None, exc)
    assert crash_dialog.open_dialogs() == [dialog]
    assert dialog.repeated.text() == "2 erreurs à la suite."
    dialog.show_details.click()
    assert dialog.details.isVisible() and "RuntimeError" in dialog.details.toPlainText()


def test_hooks_bring_uncaught_errors_of_any_thread_to_the_dialog(
    qtbot: QtBot, no_dialogs: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    crash_dialog.install_hooks()
    try:
        worker = threading.Thread(target=_fail_on_a_contact, name="worker-x")
        worker.start()
        worker.join()
        qtbot.waitUntil(lambda: bool(crash_dialog.open_dialogs()), timeout=5000)
        (dialog,) = crash_dialog.open_dialogs()
        assert "Thread: worker-x" in dialog.details.toPlainText()
        try:
            raise LookupError("on the GUI thread")
        except LookupError:
            sys.excepthook(*sys.exc_info())  # type: ignore[arg-type]
        assert dialog.count == 2 and "LookupError" in dialog.details.toPlainText()
    finally:
        crash_dialog.uninstall_hooks()
    assert (crash_report.reports_dir() / "hard-crashes.txt").exists()
