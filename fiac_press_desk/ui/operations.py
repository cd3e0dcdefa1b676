"""One way to run work from the window: every service call runs here, off the GUI thread.

A view never calls the services itself. It hands the call to ``read`` or ``write`` with what
to do with the answer; the call runs in a background thread, the answer comes back on the GUI
thread, and the window never waits on a disk or a query::

    operations.read(self, lambda _p: services.lists.all(), self._show_lists, key="lists")
    operations.write(
        self, lambda _p: services.lists.create(name), self._created, changes=("lists",)
    )

- **Reads** run side by side (a small pool). A read started with a ``key`` supersedes the
  previous read of the same owner and key that is still on its way: the older answer is
  dropped (the search typed before the last keystroke never paints over the newer one).
- **Writes** run one after the other, in the order they were asked (one thread): an undo
  never overtakes the delete it undoes. When a write succeeds, ``on_done`` updates the view
  that asked, then the data-change events of ``changes`` go out (``ui.events``): every view,
  that one too, refreshes from those.
- **Progress and cancel**: the work receives a ``Progress``; ``progress.report(done, total,
  text)`` reaches ``Operation.progressed`` on the GUI thread (at most every 50 ms), and
  ``Operation.cancel()`` makes ``progress.check()`` raise ``Cancelled`` in the work, which
  ends as ``on_cancel``. Long work shows the window's busy bar (``activity().busy_changed``).
- **Errors**, one way: an expected error (``PressDeskError``, e.g. a ``ValidationError``
  naming its field) goes to ``on_error`` when the view has a place for it (under the field),
  else to a warning box with the press officer's sentence (``errors.show_expected``).
  Anything else is a bug or the machine failing: one French dialog (``errors.show_unexpected``).
- **Owners**: an answer for a widget that was deleted, or whose dialog was closed, is dropped
  (a write's data-change events still go out: the data did change). ``forget(widget)`` drops
  what is on its way for a page being closed.

``when_settled(owner, callback)`` runs GUI work that can wait (the start's backup check)
once the reads the press officer waits for are answered and painted.

``idle()`` says whether anything is still on its way (tests, screenshots); ``wait_for_writes``
lets the writes end before the database is closed.

**The collector.** A full pass of Python's cycle collector walks every object of the process
while holding the GIL: 0.1 to 1 s with the window's heap and an import's plan in it, a freeze
of the window whichever thread triggers it. So the heap that lives on is frozen
(``gc.freeze``) whenever the window goes idle: a later pass walks only what was made since.
Cyclic garbage that got frozen is reclaimed by ``collect_garbage``, a full pass at a moment
the press officer chose (closing an import, where most of it comes from).
"""

from __future__ import annotations

import gc
import threading
import time
import traceback
from collections.abc import Callable, Iterable
from enum import Enum
from typing import Any, Generic, TypeVar, cast

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QObject,
    QRunnable,
    Qt,
    QThreadPool,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import QDialog, QWidget
from shiboken6 import Shiboken

from fiac_press_desk.domain.errors import PressDeskError
from fiac_press_desk.ui import errors
from fiac_press_desk.ui.events import data_events

T = TypeVar("T")

SETTLE_S = 0.15  # how long a dialog's job waits for the window's repaint (see settled)
HOLD_AT_MOST_MS = 1000  # a read that can wait is held no longer than this (see _Registry)
READ_THREADS = 2  # each keeps an SQLite connection and its page cache (16 MB) alive
PROGRESS_INTERVAL_S = 0.05  # progress reports reach the GUI thread at most this often


class Cancelled(Exception):
    """Raised inside the work when the press officer pressed Cancel (``Progress.check``)."""


class Refused(PressDeskError):
    """A failure the calling view said it expects (``expected=``: a file that cannot be read,
    say), carried as a ``PressDeskError`` whose text is the original's."""

    def __init__(self, error: Exception) -> None:
        super().__init__(str(error) or type(error).__name__)
        self.error = error


class Kind(Enum):
    """Whether an operation only reads (runs beside others) or writes (one at a time)."""

    READ = "read"
    WRITE = "write"


class Progress:
    """Handed to the work: report how far it is, notice a cancel."""

    def __init__(self, operation: Operation[Any] | None = None) -> None:
        self._operation = operation
        self._event = threading.Event()
        self._last = 0.0
        self._last_text = ""

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def cancel(self) -> None:
        self._event.set()

    def check(self) -> None:
        """Raise ``Cancelled`` if a cancel was asked (call it between two steps)."""
        if self._event.is_set():
            raise Cancelled

    def report(self, done: int, total: int, text: str = "") -> None:
        """Say how far the work is; the first, the last and a new text always get through."""
        if self._operation is None:
            return
        now = time.monotonic()
        if done in (0, total) or text != self._last_text or now - self._last >= PROGRESS_INTERVAL_S:
            self._last, self._last_text = now, text
            self._operation._reported.emit(done, total, text)


class _Outcome:
    """What the work came to, carried from the worker thread to the GUI thread."""

    __slots__ = ("details", "error", "result", "state")

    def __init__(
        self, state: str, result: object = None, error: BaseException | None = None
    ) -> None:
        self.state = state  # done, cancelled, expected, unexpected
        self.result = result
        self.error = error
        self.details = traceback.format_exc() if state == "unexpected" else ""


class Operation(QObject, Generic[T]):
    """One service call on its way; made by ``read`` and ``write``."""

    progressed = Signal(int, int, str)  # done, total, text
    finished = Signal()  # after the answer was handled (or dropped)
    _arrived = Signal(object)  # an _Outcome, from the worker thread
    # Progress from the worker thread, relayed to ``progressed`` on the GUI thread: queued
    # from the start, so a view that connects right after starting misses no report.
    _reported = Signal(int, int, str)

    def __init__(
        self,
        kind: Kind,
        owner: QObject | None,
        work: Callable[[Progress], T],
        on_done: Callable[[T], object] | None,
        on_error: Callable[[PressDeskError], object] | None,
        on_cancel: Callable[[], object] | None,
        changes: Iterable[str] | Callable[[T], Iterable[str]],
        busy: bool,
        expected: tuple[type[Exception], ...] = (),
    ) -> None:
        super().__init__()
        self._expected = expected
        self.kind = kind
        self.owner = owner
        self.progress = Progress(self)
        self.busy = busy
        self._work = work
        self._on_done = on_done
        self._on_error = on_error
        self._on_cancel = on_cancel
        self._changes = changes if callable(changes) else tuple(changes)
        self._dropped = False
        self._running = True
        self.state = "running"  # then done, cancelled, expected or unexpected (an error)
        self._dialog: QDialog | None = None
        self._arrived.connect(self._deliver)
        self._reported.connect(self.progressed)

    # -- what a view may ask ------------------------------------------------------------------

    def cancel(self) -> None:
        """Ask the work to stop at its next ``progress.check()``."""
        self.progress.cancel()

    def is_running(self) -> bool:
        """The answer has not been handled yet."""
        return self._running

    def drop(self) -> None:
        """Nobody wants the answer any more (owner closed, a newer read): a read is asked to
        stop; a write goes on (the press officer asked for it), only its answer is dropped."""
        self._dropped = True
        if self.kind is Kind.READ:
            self.progress.cancel()

    # -- worker thread ------------------------------------------------------------------------

    def _run(self) -> None:
        try:
            self.progress.check()
            outcome = _Outcome("done", self._work(self.progress))
            if self.progress.cancelled and self.kind is Kind.READ:
                outcome = _Outcome("cancelled")
        except Cancelled:
            outcome = _Outcome("cancelled")
        except PressDeskError as exc:
            outcome = _Outcome("expected", error=exc)
        except Exception as exc:  # shown to the press officer, never swallowed
            if isinstance(exc, self._expected):
                outcome = _Outcome("expected", error=Refused(exc))
            else:
                outcome = _Outcome("unexpected", error=exc)
        self._arrived.emit(outcome)

    # -- GUI thread ---------------------------------------------------------------------------

    def _wanted(self) -> bool:
        if self._dropped:
            return False
        return self.owner is None or Shiboken.isValid(self.owner)

    def _deliver(self, outcome: _Outcome) -> None:
        self.state = outcome.state
        wanted = self._wanted()
        parent = self.owner if wanted and isinstance(self.owner, QWidget) else None
        try:
            if outcome.state == "done":
                try:
                    if wanted and self._on_done is not None:
                        # The work's own return value, carried across threads as an object.
                        self._on_done(cast(T, outcome.result))
                finally:
                    if self.kind is Kind.WRITE:
                        self._announce(outcome.result)
            elif outcome.state == "cancelled":
                try:
                    if wanted and self._on_cancel is not None:
                        self._on_cancel()
                finally:
                    if self.kind is Kind.WRITE and not callable(self._changes):
                        self._announce(None)
            elif outcome.state == "expected":
                assert isinstance(outcome.error, PressDeskError)
                if wanted and self._on_error is not None:
                    self._on_error(outcome.error)
                elif wanted or self.kind is Kind.WRITE:  # a failed write is always told
                    errors.show_expected(parent, outcome.error)
            elif wanted or self.kind is Kind.WRITE:
                assert outcome.error is not None
                errors.show_unexpected(parent, outcome.error, outcome.details)
        finally:
            self._running = False
            self._let_go()
            _registry().finished(self)
            self.finished.emit()

    def _let_go(self) -> None:
        """Drop the work and the callbacks: what they hold (an import's plan) goes with its
        last owner, by reference counting, not with a full pass of the collector (the
        operation lives on in Qt's connections, a cycle only that pass would break)."""
        self._work = _spent
        self._on_done = self._on_error = self._on_cancel = None
        self._changes = ()

    def _announce(self, result: object) -> None:
        """The data changed: every view listening to ``data_events`` refreshes."""
        # ``result`` is the work's return value, carried across threads as an object.
        changes = self._changes(cast(T, result)) if callable(self._changes) else self._changes
        for area in changes:
            data_events().changed.emit(area)

    def _watch_dialog(self) -> None:
        """An answer for a dialog that was closed meanwhile is dropped."""
        if isinstance(self.owner, QWidget):
            window = self.owner.window()
            if isinstance(window, QDialog):
                self._dialog = window
                window.finished.connect(self.drop)

    def _unwatch_dialog(self) -> None:
        if self._dialog is not None and Shiboken.isValid(self._dialog):
            self._dialog.finished.disconnect(self.drop)
        self._dialog = None


def _spent(_progress: Progress) -> Any:
    raise RuntimeError("an operation runs once")


class _Runnable(QRunnable):
    def __init__(self, operation: Operation[Any]) -> None:
        super().__init__()
        self._operation = operation

    def run(self) -> None:
        self._operation._run()


class Activity(QObject):
    """Whether long work is under way (the window's busy bar)."""

    busy_changed = Signal(bool)


class _Registry:
    """The pools, the operations on their way, the latest read of each owner and key."""

    def __init__(self) -> None:
        self.activity = Activity()
        self.reads = QThreadPool()
        self.reads.setMaxThreadCount(READ_THREADS)
        self.writes = QThreadPool()
        self.writes.setMaxThreadCount(1)  # one after the other, in the order asked
        self.live: set[Operation[Any]] = set()
        self.latest: dict[tuple[int, str], Operation[Any]] = {}
        self.keys: dict[Operation[Any], tuple[int, str]] = {}
        self.busy = 0
        # Reads the press officer waits for (priority > 0) on their way, and the reads that
        # can wait (priority < 0) held until those are answered: at start-up the table's
        # first rows otherwise share the interpreter with the sidebar's counts and the
        # filter pickers, and come twice as late.
        self.urgent: set[Operation[Any]] = set()
        self.held: list[tuple[QThreadPool, _Runnable, int]] = []
        self.settling = _AfterRepaint(lambda: bool(self.urgent))  # GUI work that waits
        gc.freeze()  # the window's own heap (modules, widgets): never walked again

    def start(self, operation: Operation[Any], key: str | None, priority: int = 0) -> None:
        if key is not None:
            slot = (id(operation.owner), key)
            previous = self.latest.get(slot)
            if previous is not None:
                previous.drop()  # superseded: its answer will not be shown
            self.latest[slot] = operation
            self.keys[operation] = slot
        self.live.add(operation)
        if operation.busy:
            self.busy += 1
            if self.busy == 1:
                self.activity.busy_changed.emit(True)
        operation._watch_dialog()
        pool = self.writes if operation.kind is Kind.WRITE else self.reads
        runnable = _Runnable(operation)
        if priority > 0:
            self.urgent.add(operation)
        if priority < 0:  # what can wait goes after what is asked in this turn of the loop
            self.held.append((pool, runnable, priority))
            QTimer.singleShot(0, self.release)
            QTimer.singleShot(HOLD_AT_MOST_MS, lambda: self.release(force=True))
        else:
            pool.start(runnable, priority)

    def release(self, force: bool = False) -> None:
        """Start the held reads, once no read the press officer waits for is on its way."""
        if self.urgent and not force:
            return
        held, self.held = self.held, []
        for pool, runnable, priority in held:
            pool.start(runnable, priority)
        self.settling.post()

    def finished(self, operation: Operation[Any]) -> None:
        operation._unwatch_dialog()
        self.live.discard(operation)
        slot = self.keys.pop(operation, None)
        if slot is not None and self.latest.get(slot) is operation:
            del self.latest[slot]
        if operation in self.urgent:
            self.urgent.discard(operation)
            # next turn: after its answer is shown, which may ask for more (the table's rest)
            QTimer.singleShot(0, self.release)
        if operation.busy:
            self.busy -= 1
            if self.busy == 0:
                self.activity.busy_changed.emit(False)
        if not self.live:
            self.went_idle()

    def went_idle(self) -> None:
        """Nothing runs: freeze what lives on (a young pass first, for fresh cycles)."""
        if gc.isenabled():  # off while the window starts: nothing but modules and widgets yet
            gc.collect(1)
        gc.freeze()


class _AfterRepaint(QObject):
    """Calls made once no awaited read is on its way (or their own time is up), after the
    repaint the window has pending: Qt asks for a repaint with an event posted at low
    priority (``UpdateRequest``) and hands posted events out by priority, so this event is
    posted one priority lower."""

    TYPE = QEvent.Type(QEvent.registerEventType())

    def __init__(self, waiting: Callable[[], bool]) -> None:
        super().__init__()
        self.waiting = waiting  # whether a read the press officer waits for is on its way
        self.calls: list[tuple[QObject, Callable[[], object], float]] = []  # and deadline

    def post(self) -> None:
        if self.calls:
            priority = Qt.EventPriority.LowEventPriority.value - 1
            QCoreApplication.postEvent(self, QEvent(self.TYPE), priority)

    def event(self, event: QEvent) -> bool:
        if event.type() != self.TYPE:
            return super().event(event)
        # A coarse timer may fire up to 5 % early: its own call is due all the same.
        now, waiting = time.monotonic() + HOLD_AT_MOST_MS / 1000 * 0.05, self.waiting()
        due = [call for call in self.calls if not waiting or call[2] <= now]
        self.calls = [call for call in self.calls if call not in due]
        for owner, callback, _deadline in due:
            if Shiboken.isValid(owner):
                callback()
        return True


_the_registry: _Registry | None = None


def _registry() -> _Registry:
    global _the_registry
    if _the_registry is None:
        _the_registry = _Registry()
    return _the_registry


# -- the API the views use -----------------------------------------------------------------------


def read(
    owner: QObject | None,
    work: Callable[[Progress], T],
    on_done: Callable[[T], object] | None = None,
    *,
    key: str | None = None,
    on_error: Callable[[PressDeskError], object] | None = None,
    on_cancel: Callable[[], object] | None = None,
    busy: bool = False,
    expected: tuple[type[Exception], ...] = (),
    priority: int = 0,
) -> Operation[T]:
    """Run ``work`` (which reads) off the GUI thread; ``on_done(result)`` gets its answer.

    ``key``: a newer read of the same owner and key drops this one's answer. ``busy``: show
    the window's busy bar while it runs (long work only: an export, a big count).
    ``expected``: other exception types that are the press officer's business, not a bug
    (they reach ``on_error`` as ``Refused``). ``priority``: a read the press officer waits
    for (the contacts table) passes before the others waiting for a thread; ``priority=-1``
    for what can wait (a sidebar's counts at start-up).
    """
    operation: Operation[T] = Operation(
        Kind.READ, owner, work, on_done, on_error, on_cancel, (), busy, expected
    )
    _registry().start(operation, key, priority)
    return operation


def settled(work: Callable[[Progress], T]) -> Callable[[Progress], T]:
    """``work``, begun once the window has repainted for the dialog that starts it.

    A dialog that opens (or turns a page) and starts its job at once had the main window
    repaint (deactivated, blocked by the dialog) while the job held the interpreter lock:
    every call of that repaint into Python waited for the lock, 130-200 ms of frozen window
    at the start of an import. The work waits ``SETTLE_S`` first, without the lock (a
    cancel ends the wait); a write waits in its turn, so writes keep their order.
    """

    def begin(progress: Progress) -> T:
        until = time.monotonic() + SETTLE_S
        while (left := until - time.monotonic()) > 0:
            progress.check()
            time.sleep(min(left, 0.02))
        return work(progress)

    return begin


def write(
    owner: QObject | None,
    work: Callable[[Progress], T],
    on_done: Callable[[T], object] | None = None,
    *,
    changes: Iterable[str] | Callable[[T], Iterable[str]] = (),
    on_error: Callable[[PressDeskError], object] | None = None,
    on_cancel: Callable[[], object] | None = None,
    busy: bool = True,
    expected: tuple[type[Exception], ...] = (),
) -> Operation[T]:
    """Run ``work`` (which writes) after the writes asked before it, off the GUI thread.

    On success ``on_done(result)`` runs, then the areas of ``changes`` (or
    ``changes(result)``) are announced through ``data_events``; a cancelled write announces
    them too (what it wrote before stopping stays written).
    """
    operation: Operation[T] = Operation(
        Kind.WRITE, owner, work, on_done, on_error, on_cancel, changes, busy, expected
    )
    _registry().start(operation, None)
    return operation


def when_settled(owner: QObject, callback: Callable[[], object]) -> None:
    """Run ``callback`` on the GUI thread once the reads the press officer waits for are
    answered and the window has repainted with their answers (at the latest
    ``HOLD_AT_MOST_MS`` from now); not if ``owner`` is deleted or forgotten before.

    For what a start does after the first page (the backup check, the drafts, the name
    question): done at once, it held the interpreter while the first rows were being read
    and painted, and they came 50-100 ms later.
    """
    registry = _registry()
    deadline = time.monotonic() + HOLD_AT_MOST_MS / 1000
    registry.settling.calls.append((owner, callback, deadline))
    QTimer.singleShot(0, registry.release)
    QTimer.singleShot(HOLD_AT_MOST_MS, registry.settling.post)


def forget(owner: QObject) -> None:
    """Drop every answer on its way to ``owner`` or a widget inside it (a page closing),
    and what ``owner`` left for ``when_settled``."""
    for operation in list(_registry().live):
        target = operation.owner
        if target is None or not Shiboken.isValid(target):
            continue
        inside = (
            isinstance(owner, QWidget)
            and isinstance(target, QWidget)
            and owner.isAncestorOf(target)
        )
        if target is owner or inside:
            operation.drop()
    settling = _registry().settling
    settling.calls = [call for call in settling.calls if call[0] is not owner]


def forget_key(owner: QObject, key: str) -> None:
    """Drop the answer of ``owner``'s latest read of ``key`` (it no longer wants it)."""
    operation = _registry().latest.get((id(owner), key))
    if operation is not None:
        operation.drop()


def collect_garbage() -> None:
    """A full pass of the collector over the whole heap, frozen part included, then the
    survivors frozen again. Call it at a moment the press officer chose (closing an import):
    it holds the GIL for as long as the heap is big."""
    gc.unfreeze()
    gc.collect()
    gc.freeze()


def activity() -> Activity:
    """``busy_changed(bool)``: long work started (True) or the last one ended (False)."""
    return _registry().activity


def is_busy() -> bool:
    return _registry().busy > 0


def idle() -> bool:
    """Nothing on its way: every operation's answer has been handled."""
    return not _registry().live


def wait_for_writes(msecs: int = 30_000) -> bool:
    """Block until the writes asked so far are written (the window closing); True if done."""
    return _registry().writes.waitForDone(msecs)


def wait(msecs: int = 30_000) -> bool:
    """Block until every operation's work has ended (their answers are handled later)."""
    registry = _registry()
    registry.release(force=True)
    return registry.writes.waitForDone(msecs) and registry.reads.waitForDone(msecs)
