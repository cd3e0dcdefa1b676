"""LISTEN/NOTIFY (issue 14): a colleague's change reaches another window within 2 seconds."""

from __future__ import annotations

import queue
import time
from pathlib import Path

from fiac_press_desk.domain.contact import ContactData
from fiac_press_desk.domain.enquiry import EnquiryInput
from fiac_press_desk.services import Services
from fiac_press_desk.services.live_changes import ChangeListener
from fiac_press_desk.storage.database import Database


def _next(heard: queue.Queue[set[str]], within: float) -> tuple[set[str], float]:
    start = time.monotonic()
    areas = heard.get(timeout=within)
    return areas, time.monotonic() - start


def test_on_postgresql_a_colleagues_change_is_heard_within_two_seconds(postgres_url: str) -> None:
    mine = Database(postgres_url)
    theirs = Database(postgres_url)  # another desk: its own engine and connections
    heard: queue.Queue[set[str]] = queue.Queue()
    listener = ChangeListener.for_database(mine, heard.put)
    assert listener is not None and listener.error == ""
    try:
        colleague = Services(theirs, actor="colleague")
        cid = colleague.contacts.create(ContactData(given_name="Nouvelle", family_name="Venue"))
        areas, waited = _next(heard, 2.0)
        assert "contacts" in areas and waited < 2.0
        colleague.enquiries.create(EnquiryInput(subject="Question", contact_id=cid))
        areas, _ = _next(heard, 2.0)
        assert "enquiries" in areas
        # A bulk write is one notice, not one per row.
        colleague.contacts.create_many([ContactData(given_name=f"P{i}") for i in range(500)])
        areas, _ = _next(heard, 2.0)
        assert areas == {"contacts"}
        time.sleep(0.5)
        assert heard.empty()
    finally:
        listener.stop()
        mine.dispose()
        theirs.dispose()


def test_sqlite_has_no_listener(tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'desk.sqlite3'}")
    try:
        assert ChangeListener.for_database(db, lambda _areas: None) is None
    finally:
        db.dispose()
