"""One application-wide signal that data changed, so every view can refresh what it shows.

A view that writes through the services calls ``data_events().changed.emit(area)`` with the
area it touched ("contacts", "organisations", "lists", "tags", "releases", "enquiries",
"imports"); views listening refresh if the area matters to them.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class DataEvents(QObject):
    """Carries ``changed(area)`` to every view: the one place writes are announced."""

    changed = Signal(str)


_events: DataEvents | None = None


def data_events() -> DataEvents:
    global _events
    if _events is None:
        _events = DataEvents()
    return _events
