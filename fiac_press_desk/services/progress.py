"""How long work reports progress and notices a cancel, without knowing about Qt.

``ui.operations.Progress`` satisfies this protocol; the command line passes ``NullProgress``.
"""

from __future__ import annotations

from typing import Protocol


class ProgressSink(Protocol):
    def report(self, done: int, total: int, text: str = "") -> None: ...

    def check(self) -> None:
        """Raise (the caller's Cancelled) if the user asked to stop."""


class NullProgress:
    def report(self, done: int, total: int, text: str = "") -> None:
        pass

    def check(self) -> None:
        pass
