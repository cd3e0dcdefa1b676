"""Writes from the window run one after the other, off the GUI thread.

Tagging or deleting 100 000 selected contacts takes seconds; the window must not freeze, and
two writes must not overtake each other (an undo right after a delete). ``TaskRunner`` runs
each task in ``workers.Job`` on a pool of one thread and calls back on the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThreadPool, Signal

from fiac_press_desk.ui.workers import Job

_running: set[Job] = set()


class TaskRunner(QObject):
    busy_changed = Signal(bool)
    failed = Signal(str)  # a task without its own error handler failed

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._active = 0

    def run(
        self,
        work: Callable[[], Any],
        on_success: Callable[[Any], None] | None = None,
        on_error: Callable[[str], None] | None = None,
    ) -> Job:
        job = Job(lambda _progress: work())
        _running.add(job)
        self._active += 1
        if self._active == 1:
            self.busy_changed.emit(True)
        if on_success is not None:
            job.succeeded.connect(on_success)
        job.failed.connect(lambda message, _details: (on_error or self.failed.emit)(message))
        job.finished.connect(lambda: self._finished(job))
        job.start(self._pool)
        return job

    def _finished(self, job: Job) -> None:
        _running.discard(job)
        self._active -= 1
        if self._active == 0:
            self.busy_changed.emit(False)

    def is_busy(self) -> bool:
        return self._active > 0

    def wait(self, msecs: int = 30_000) -> bool:
        return self._pool.waitForDone(msecs)
