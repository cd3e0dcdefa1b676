"""A colleague's change reaches the other windows (issue 14): PostgreSQL's LISTEN/NOTIFY.

Migration 0008 puts a statement-level trigger on the tables people edit: each committed
write notifies channel ``CHANNEL`` with the table's name (PostgreSQL sends it at commit, and
once per transaction and table however many rows changed). ``ChangeListener`` holds one
connection of its own that LISTENs, on a thread of its own, and hands the areas the window
knows ("contacts", "releases"...) to a callback, gathered over ``GATHER`` seconds so that an
import of 20,000 contacts is one refresh. SQLite has no such channel (one person, one
window): ``ChangeListener.for_database`` gives None there.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

from fiac_press_desk.storage.database import Database
from fiac_press_desk.storage.shared_database import connectable_url

CHANNEL = "fiac_press_desk_changes"
# The window's areas (ui/events.py) of each table the trigger watches.
AREA_OF_TABLE = {
    "contacts": "contacts",
    "contact_emails": "contacts",
    "contact_phones": "contacts",
    "contact_addresses": "contacts",
    "contact_urls": "contacts",
    "contact_tags": "tags",
    "tags": "tags",
    "organisations": "organisations",
    "distribution_lists": "lists",
    "list_members": "lists",
    "releases": "releases",
    "release_attachments": "releases",
    "distributions": "releases",
    "enquiries": "enquiries",
    "enquiry_events": "enquiries",
    "import_batches": "imports",
}


class ChangeListener:
    """LISTENs on its own connection and calls ``on_change(areas)`` (from its thread) for the
    changes committed by anyone, this desk included, within about ``GATHER`` seconds."""

    GATHER = 0.3  # seconds: well within the 2 s a colleague may wait

    def __init__(self, url: Any, on_change: Callable[[set[str]], None]) -> None:
        self._url = url
        self._on_change = on_change
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="live-changes", daemon=True)
        self._ready = threading.Event()
        self.error: str = ""

    @classmethod
    def for_database(
        cls, db: Database, on_change: Callable[[set[str]], None], *, wait: bool = True
    ) -> ChangeListener | None:
        """A started listener for a PostgreSQL database; None for SQLite. ``wait=False``
        (the window's GUI thread) returns at once and connects in the background."""
        if db.engine.dialect.name != "postgresql":
            return None
        listener = cls(connectable_url(db.url), on_change)
        listener.start(timeout=10.0 if wait else 0.0)
        return listener

    def start(self, timeout: float = 10.0) -> None:
        """Start listening; waits up to ``timeout`` for LISTEN to be in place (or to fail:
        see ``error``)."""
        self._thread.start()
        if timeout > 0:
            self._ready.wait(timeout)

    def stop(self) -> None:
        """Stop and close the connection (within about a second)."""
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout=5)

    def _connect(self) -> Any:
        import psycopg

        url = self._url
        options: dict[str, Any] = {k: v for k, v in url.query.items() if isinstance(v, str)}
        options.update(
            host=url.host,
            port=url.port,
            user=url.username,
            password=url.password,
            dbname=url.database,
            autocommit=True,
            application_name="fiac-press-desk live changes",
        )
        return psycopg.connect(**options)

    def _run(self) -> None:
        try:
            conn = self._connect()
        except Exception as exc:  # the window still works, only without live refresh
            self.error = str(exc)
            self._ready.set()
            return
        try:
            conn.execute(f"LISTEN {CHANNEL}")
            self._ready.set()
            pending: set[str] = set()
            first = 0.0
            while not self._stop.is_set():
                for note in conn.notifies(timeout=0.2, stop_after=200):
                    area = AREA_OF_TABLE.get(note.payload)
                    if area is not None:
                        if not pending:
                            first = time.monotonic()
                        pending.add(area)
                if pending and time.monotonic() - first >= self.GATHER:
                    areas, pending = pending, set()
                    self._on_change(areas)
        except Exception as exc:  # connection lost: said, not fatal
            self.error = str(exc)
        finally:
            conn.close()
