"""What one workstation does in the concurrency tests, in a process of its own (spawned: a
fresh interpreter, its own database connections, as on another desk)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from fiac_press_desk.services import Services
from fiac_press_desk.services.edit_conflicts import StaleEditError
from fiac_press_desk.storage.database import Database


def edit_contact(
    url: str, contact_id: int, actor: str, field: str, value: str, barrier: Any
) -> str:
    """Open the contact, wait until the other editor has it open too, change one field and
    save; on a refusal, read it again, reapply the change and save. Returns what happened."""
    db = Database(url, migrate=False)
    try:
        contacts = Services(db, actor=actor).contacts
        data, version = contacts.get_for_edit(contact_id)
        barrier.wait(timeout=60)
        try:
            contacts.update(contact_id, replace(data, **{field: value}), version=version)
            return "saved"
        except StaleEditError as exc:
            assert exc.changed_by and exc.changed_at is not None, exc
            data, version = contacts.get_for_edit(contact_id)
            contacts.update(contact_id, replace(data, **{field: value}), version=version)
            return f"refused by {exc.changed_by}: " + ",".join(d.field for d in exc.differences)
    finally:
        db.dispose()


def send_release(url: str, release_id: int, actor: str, barrier: Any) -> tuple[int, int]:
    """Send the release's queue from this desk; (sent, failed)."""
    db = Database(url, migrate=False)
    try:
        sending = Services(db, actor=actor).sending
        if barrier is not None:
            barrier.wait(timeout=60)
        report = sending.send_queued(release_id)
        return report.sent, report.failed
    finally:
        db.dispose()
