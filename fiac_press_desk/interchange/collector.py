"""Keeping the thousands of contacts of a large import or export out of the garbage
collector's full passes (``collector_steps``), when nothing else manages the collector, and
letting go of them a slice at a time (``release_in_steps``).
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from fiac_press_desk.services.progress import NullProgress

# While a plan or an export grows, what it already holds is set aside from the collector every
# this many contacts (``collector_steps``).
ASIDE_EVERY = 2000


@contextmanager
def collector_steps(progress: object = None) -> Iterator[Callable[[], None]]:
    """Keeps the contacts of a large import or export out of the cyclic garbage collector's
    full passes when the caller runs it bare (``progress`` None or ``NullProgress``: the
    command line, scripts), as the import window does for its jobs
    (``ui.dialogs.import_dialog.CollectedProgress``); a caller that reports progress runs a
    window job, whose collector policy is its own, and the collector is left alone.

    An import plan holds some twenty objects per record, an export a row per contact, none
    of them garbage; every full pass walks them all, and Python runs one each time the
    survivors grow by a quarter: at 50,000 records, a sixth of an import went there. The
    function yielded (call it every ``ASIDE_EVERY`` contacts) collects the young generations
    (where short-lived cycles die) and freezes the survivors (``gc.freeze``); on leaving,
    they go back under the collector's watch (``gc.unfreeze``). What reference counting
    frees, nearly everything here, is freed as usual meanwhile. (Whether something is frozen
    already is not asked: ``gc.get_freeze_count`` walks every frozen object, a fifth of a
    second with a 50,000-record plan frozen, holding the interpreter lock.)"""
    if not (progress is None or isinstance(progress, NullProgress)) or not gc.isenabled():
        yield _managed_elsewhere
        return
    gc.freeze()
    try:
        yield _aside
    finally:
        gc.unfreeze()


def _aside() -> None:
    gc.collect(1)
    gc.freeze()


def _managed_elsewhere() -> None:
    pass


RELEASE_STEP = 500  # objects let go of at once by ``release_in_steps``


def release_in_steps(items: list[Any]) -> None:
    """Empty ``items`` a slice at a time, from the end.

    A list of 20,000 export rows freed as the function holding it returns is one cascade of
    deallocations in C: 70 ms during which the interpreter lock is never let go, and the
    window, waiting for it, froze at the end of every export (measured in
    ``benchmarks/bench_ui.py``). Between two slices the lock can pass to the window's thread.
    Whoever else holds the same objects keeps them.
    """
    while items:
        del items[-RELEASE_STEP:]
