"""A colleague's change on a shared database refreshes this window (issue 14).

The services' ``ChangeListener`` hears PostgreSQL's notices on a thread of its own; this
object carries them to the GUI thread (a queued signal) and announces each area through
``ui/events.data_events()``, as the window's own writes are: every view refreshes as usual.
Nothing happens on SQLite.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from fiac_press_desk.ui.events import data_events

if TYPE_CHECKING:  # the window imports this module before the database layer is loaded
    from fiac_press_desk.services.hub import Services


class LiveRefresh(QObject):
    """Owns the listener of one window; ``stop()`` when the window closes."""

    heard = Signal(list)

    def __init__(self, parent: QObject, services: Services) -> None:
        from fiac_press_desk.services.live_changes import ChangeListener

        super().__init__(parent)
        self.heard.connect(self._announce)  # emitted from the listener's thread: queued
        self._listener = ChangeListener.for_database(
            services.db, lambda areas: self.heard.emit(sorted(areas)), wait=False
        )

    def _announce(self, areas: list[str]) -> None:
        for area in areas:
            data_events().changed.emit(area)

    def stop(self) -> None:
        if self._listener is not None:
            self._listener.stop()
            self._listener = None


def start(window: QObject, services: Services | None) -> LiveRefresh | None:
    """Listen for ``window`` when ``services`` is on a shared (PostgreSQL) database."""
    if services is None or services.db.engine.dialect.name != "postgresql":
        return None
    return LiveRefresh(window, services)


def stop(window: QObject) -> None:
    """Stop the listener of ``window``, if it has one."""
    for live in window.findChildren(LiveRefresh):
        live.stop()
