"""How long work reports progress and notices a cancel, without knowing about Qt.

``ui.operations.Progress`` satisfies this protocol; the command line passes ``NullProgress``.
"""

from __future__ import annotations

from typing import Protocol


class ProgressSink(Protocol):
    """Where long work says how far it is, and learns whether to stop."""

    def report(self, done: int, total: int, text: str = "") -> None:
        """``done`` of ``total`` (0: unknown), and what is being done."""

    def check(self) -> None:
        """Raise (the caller's Cancelled) if the user asked to stop."""


class NullProgress:
    """Progress nobody watches (the command line, scripts): never cancelled."""

    def report(self, done: int, total: int, text: str = "") -> None:
        """Nothing to show."""

    def check(self) -> None:
        """Nothing can cancel."""
