"""The garbage collector kept to short passes while a long job of the window runs.

An import's plan or an export's rows are tens of thousands of objects, none of them garbage;
Python's full collection walks them all, holding the interpreter lock, and the window waits.
``CollectedProgress`` wraps the job's progress so that it does not (the import and export
dialogs' jobs); ``interchange.collector`` does the same for the command line.
"""

from __future__ import annotations

import gc

from fiac_press_desk.ui.operations import Progress


class CollectedProgress:
    """The job's progress, with the garbage collector kept to short passes meanwhile.

    A full (generation 2) collection walks every tracked object while holding the GIL: over
    the plan of a 50,000-card file that is 0.1-0.4 s during which the window cannot repaint
    (measured in benchmarks/bench_vcard.py). Turning the collector off instead grows memory
    by half (SQLAlchemy leaves reference cycles behind). So while the job runs, full passes are
    put off, the young generations (where those cycles die) are collected at each progress
    step, and the survivors are frozen (``gc.freeze``) so no later pass walks them. ``close``
    puts the thresholds back; the dialog has the collector tidy up when it closes.
    """

    def __init__(self, progress: Progress) -> None:
        self._progress = progress
        self._thresholds = gc.get_threshold()
        gc.freeze()
        gc.set_threshold(self._thresholds[0], self._thresholds[1], 1_000_000)

    def report(self, done: int, total: int, text: str = "") -> None:
        gc.collect(1)
        gc.freeze()
        self._progress.report(done, total, text)

    def check(self) -> None:
        self._progress.check()

    def close(self) -> None:
        gc.collect(1)
        gc.freeze()
        gc.set_threshold(*self._thresholds)
