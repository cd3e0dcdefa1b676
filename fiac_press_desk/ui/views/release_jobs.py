"""Running the releases area's service calls off the GUI thread, errors kept as objects.

``workers.Job`` reports a failure as text; the release form wants the ValidationError itself
(to put the cursor in the field it names). ``run`` hands the exception object to ``on_error``
and keeps the job alive until it finishes, even if the widget that started it goes away.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject

from fiac_press_desk.domain.errors import PressDeskError, ValidationError
from fiac_press_desk.ui.workers import Job, Progress

_running: set[Job] = set()


class _Failure:
    def __init__(self, error: Exception) -> None:
        self.error = error


def run(
    work: Callable[[Progress], Any],
    on_success: Callable[[Any], None] | None = None,
    on_error: Callable[[Exception], None] | None = None,
    parent: QObject | None = None,
    on_cancel: Callable[[], None] | None = None,
) -> Job:
    """Start ``work(progress)`` in the thread pool; callbacks arrive on the GUI thread."""

    def guarded(progress: Progress) -> Any:
        try:
            return work(progress)
        except PressDeskError as exc:  # expected: a message for the press officer
            return _Failure(exc)

    job = Job(guarded)
    _running.add(job)

    def succeeded(result: object) -> None:
        if isinstance(result, _Failure):
            if on_error is not None:
                on_error(result.error)
        elif on_success is not None:
            on_success(result)

    def failed(message: str, details: str) -> None:
        if on_error is not None:
            on_error(RuntimeError(message))

    job.succeeded.connect(succeeded)
    job.failed.connect(failed)
    if on_cancel is not None:
        job.cancelled.connect(on_cancel)
    job.finished.connect(lambda: _running.discard(job))
    job.start()
    return job


def message_of(error: Exception) -> str:
    """What to show the press officer: the French message without the field's code name."""
    if isinstance(error, ValidationError):
        return error.message
    return str(error)


def busy() -> bool:
    """Whether a job of this area is still running (tests and screenshots wait on it)."""
    return bool(_running)
