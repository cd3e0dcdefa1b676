"""Background jobs: long work (import, export, sending, big queries) off the GUI thread.

A job is a plain function ``fn(progress: Progress) -> result`` that calls the services; it
reports with ``progress.report(done, total, text)`` and checks ``progress.cancelled`` (or calls
``progress.check()``, which raises ``Cancelled``) between steps. The window connects to the
``Job`` signals; the event loop never waits on the work.
"""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class Cancelled(Exception):
    """Raised inside a job when the user pressed Cancel."""


class Progress:
    """Handed to the job function: report progress, notice cancellation."""

    def __init__(self, job: Job) -> None:
        self._job = job
        self._event = threading.Event()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def cancel(self) -> None:
        self._event.set()

    def check(self) -> None:
        if self._event.is_set():
            raise Cancelled

    def report(self, done: int, total: int, text: str = "") -> None:
        self._job.progressed.emit(done, total, text)


class Job(QObject):
    """One background task. Signals arrive on the GUI thread (queued connections)."""

    progressed = Signal(int, int, str)  # done, total, text
    succeeded = Signal(object)  # the function's return value
    failed = Signal(str, str)  # message, traceback text
    cancelled = Signal()
    finished = Signal()  # after any of the three above

    def __init__(self, fn: Callable[[Progress], Any], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._fn = fn
        self.progress = Progress(self)
        self._runnable = _Runnable(self)

    def start(self, pool: QThreadPool | None = None) -> None:
        (pool or QThreadPool.globalInstance()).start(self._runnable)

    def cancel(self) -> None:
        self.progress.cancel()

    def _run(self) -> None:
        try:
            result = self._fn(self.progress)
        except Cancelled:
            self.cancelled.emit()
        except Exception as exc:  # reported to the user, never swallowed silently
            self.failed.emit(str(exc), traceback.format_exc())
        else:
            if self.progress.cancelled:
                self.cancelled.emit()
            else:
                self.succeeded.emit(result)
        finally:
            self.finished.emit()


class _Runnable(QRunnable):
    def __init__(self, job: Job) -> None:
        super().__init__()
        self._job = job
        self.setAutoDelete(False)  # the Job owns it

    def run(self) -> None:
        self._job._run()
