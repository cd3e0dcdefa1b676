"""What the press officer sees when the desk fails in a way nobody foresaw, and the hooks that
bring every such failure there (the GUI thread's, another thread's, Qt's own fatal messages).

The dialog says what happened and what to do, in their language, and where the error report
is (``crash_report``: no personal data in it). It is not modal to the whole application and
never stacks: a second error while it is open is counted in it, so a loop of errors does not
bury the window under dialogs.
"""

from __future__ import annotations

import contextlib
import faulthandler
import sys
import threading
import traceback
from pathlib import Path
from types import TracebackType
from typing import IO, Any

from PySide6.QtCore import QObject, Qt, QtMsgType, QUrl, Signal, qInstallMessageHandler
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fiac_press_desk.ui import crash_report

_open: list[CrashDialog] = []


class CrashDialog(QDialog):
    """One unexpected error (or several in a row): what happened, what to do, the report."""

    def __init__(self, parent: QWidget | None, report: Path | None, text: str) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("Unexpected error"))
        self.report = report
        self.count = 1
        self.heading = QLabel(self.tr("<b>Something unexpected went wrong.</b>"))
        self.happened = QLabel(
            self.tr(
                "What you were doing stopped before the end. Each change is saved whole or "
                "not at all: what does not show was not saved, nothing was half-written."
            )
        )
        self.todo = QLabel(
            self.tr(
                "What to do: check that your last change shows; if not, make it again. If the "
                "window behaves strangely, close it and open it again: the forms you were "
                "filling in will be offered back. If it happens again, send the report below "
                "to whoever looks after the desk; it holds no personal data."
            )
        )
        self.where = QLabel()
        self.where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.repeated = QLabel()
        self.repeated.setVisible(False)
        for label in (self.happened, self.todo, self.where):
            label.setWordWrap(True)
        self.details = QPlainTextEdit()
        self.details.setReadOnly(True)
        self.details.setPlainText(text)
        self.details.setVisible(False)
        self.details.setMinimumHeight(180)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.show_details = QPushButton(self.tr("Show the report"))
        self.show_details.setCheckable(True)
        self.show_details.toggled.connect(self._toggle_details)
        self.open_folder = QPushButton(self.tr("Open the reports folder"))
        self.open_folder.clicked.connect(self._open_folder)
        self.copy = QPushButton(self.tr("Copy the report"))
        self.copy.clicked.connect(self._copy)
        for button in (self.show_details, self.open_folder, self.copy):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (self.heading, self.happened, self.todo, self.where, self.repeated):
            layout.addWidget(widget)
        layout.addWidget(self.details, 1)
        layout.addWidget(buttons)
        self._show_where()
        self.setMinimumWidth(560)

    def _show_where(self) -> None:
        if self.report is None:
            self.where.setText(
                self.tr("The report could not be written (the data folder is not writable).")
            )
            self.open_folder.setEnabled(False)
        else:
            self.where.setText(self.tr("Report: %1").replace("%1", str(self.report)))

    def another(self, report: Path | None, text: str) -> None:
        """A further error while this one is shown: counted, its report made the current."""
        self.count += 1
        self.report = report or self.report
        self.details.setPlainText(text)
        self.repeated.setText(self.tr("%1 errors in a row.").replace("%1", str(self.count)))
        self.repeated.setVisible(True)
        self._show_where()

    def _toggle_details(self, shown: bool) -> None:
        self.details.setVisible(shown)
        self.adjustSize()

    def _open_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(crash_report.reports_dir())))

    def _copy(self) -> None:
        clipboard = QGuiApplication.clipboard()
        if clipboard is not None:
            clipboard.setText(self.details.toPlainText())

    def done(self, result: int) -> None:
        """Closed: the next error gets a dialog of its own."""
        with contextlib.suppress(ValueError):
            _open.remove(self)
        super().done(result)


def report_unexpected(
    parent: QWidget | None,
    error: BaseException,
    tb: TracebackType | None = None,
    thread: str | None = None,
) -> CrashDialog | None:
    """Write the error's report and show the dialog (or count it in the one open)."""
    report = crash_report.write_report(type(error), error, tb or error.__traceback__, thread=thread)
    if QApplication.instance() is None:
        return None
    text = (
        report.read_text(encoding="utf-8")
        if report is not None
        else (crash_report.report_text(type(error), error, tb or error.__traceback__))
    )
    if _open:
        _open[-1].another(report, text)
        return _open[-1]
    dialog = CrashDialog(parent or QApplication.activeWindow(), report, text)
    _open.append(dialog)
    dialog.show()
    dialog.raise_()
    return dialog


def open_dialogs() -> list[CrashDialog]:
    """The crash dialog on screen, if any (tests)."""
    return list(_open)


class _Relay(QObject):
    """Carries an error from another thread to the GUI thread (a queued signal)."""

    failed = Signal(object, object, str)


_relay: _Relay | None = None
_fault_file: IO[str] | None = None


def _excepthook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    print("".join(traceback.format_exception(kind, exc, tb)), file=sys.stderr)
    if isinstance(exc, Exception):
        report_unexpected(None, exc, tb)


def _thread_hook(args: Any) -> None:
    """An uncaught error in a thread of ours: reported on the GUI thread."""
    exc = args.exc_value
    if exc is None or not isinstance(exc, Exception):
        return
    print("".join(traceback.format_exception(args.exc_type, exc, args.exc_traceback)), end="")
    name = args.thread.name if args.thread is not None else "?"
    if _relay is not None:
        _relay.failed.emit(exc, args.exc_traceback, name)


def _qt_messages(kind: QtMsgType, _context: object, message: str) -> None:
    """Qt's own messages go to standard error as before; a fatal one leaves a report (the
    process ends right after, there is no dialog to show)."""
    print(f"Qt: {message}", file=sys.stderr)
    if kind == QtMsgType.QtFatalMsg:
        try:
            raise RuntimeError("Qt fatal message")
        except RuntimeError as exc:
            crash_report.write_report(RuntimeError, exc, exc.__traceback__)


def install_hooks() -> None:
    """Bring every unexpected error to the dialog: ``sys.excepthook`` (the GUI thread's,
    Qt's slots included), ``threading.excepthook`` (another thread's), Qt's message handler;
    and ``faulthandler`` writes where a hard crash (a segmentation fault) happened into the
    reports folder (code locations only)."""
    global _relay, _fault_file
    if _relay is None:
        _relay = _Relay()
        _relay.failed.connect(
            lambda exc, tb, name: report_unexpected(None, exc, tb, name),
            Qt.ConnectionType.QueuedConnection,
        )
    sys.excepthook = _excepthook
    threading.excepthook = _thread_hook
    qInstallMessageHandler(_qt_messages)
    if _fault_file is None:
        with contextlib.suppress(OSError):
            _fault_file = (crash_report.reports_dir() / "hard-crashes.txt").open(
                "a", encoding="utf-8"
            )
            faulthandler.enable(_fault_file)


def uninstall_hooks() -> None:
    """Put Python's and Qt's own handlers back (the window has closed)."""
    global _fault_file
    sys.excepthook = sys.__excepthook__
    threading.excepthook = threading.__excepthook__
    qInstallMessageHandler(None)
    if _fault_file is not None:
        faulthandler.disable()
        _fault_file.close()
        _fault_file = None
