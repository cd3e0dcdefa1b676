"""The JSON export of DESIGN.md: every field of a contact plus what they received and asked.

It is also the file a person receives when they exercise their GDPR right of access.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Iterable
from dataclasses import asdict
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from fiac_press_desk.domain.contact import ContactData
from fiac_press_desk.domain.contact_fields import own_fields
from fiac_press_desk.interchange.collector import release_in_steps
from fiac_press_desk.services.contact_history import EnquiryMade, ReleaseReceived

if TYPE_CHECKING:  # the services' access dossier imports contact_json from here
    from fiac_press_desk.services.coverage import CoverageRow
    from fiac_press_desk.services.hub import Services

_OWN_TEXTS = own_fields(ContactData)


def contact_json(data: ContactData) -> dict[str, Any]:
    """One contact as DESIGN.md's JSON export promises it (without its history)."""
    return {
        "id": data.id,
        "uid": data.uid,
        "kind": data.kind.value,
        "civility": data.civility,
        "given_name": data.given_name,
        "family_name": data.family_name,
        "display_name": data.computed_display_name(),
        "organization": data.organization,
        "department": data.department,
        "job_title": data.job_title,
        "emails": [asdict(e) for e in data.emails],
        "phones": [asdict(p) for p in data.phones],
        "addresses": [asdict(a) for a in data.addresses],
        "urls": [asdict(u) for u in data.urls],
        "beats": data.beats,
        "tags": data.tags,
        "lists": data.lists,
        "language": data.language,
        "notes": data.notes,
        "birthday": data.birthday or None,
        "photo": (
            {"mime_type": data.photo_mime, "base64": base64.b64encode(data.photo).decode()}
            if data.photo
            else None
        ),
        "lawful_basis": data.lawful_basis.value,
        **{own.name: getattr(data, own.name) for own in _OWN_TEXTS},
        "opted_out": data.opted_out,
        "opted_out_at": data.opted_out_at.isoformat() if data.opted_out_at else None,
        "opted_out_reason": data.opted_out_reason,
        "archived": data.archived,
        "created_at": data.created_at.isoformat() if data.created_at else None,
        "updated_at": data.updated_at.isoformat() if data.updated_at else None,
    }


def _received(release: ReleaseReceived) -> dict[str, Any]:
    return {
        "release_id": release.release_id,
        "reference": release.reference or None,
        "title": release.title,
        "release_date": release.release_date.isoformat() if release.release_date else None,
        "address": release.address,
        "channel": release.channel,
        "status": release.status,
        "sent_at": release.sent_at.isoformat() if release.sent_at else None,
    }


def _asked(enquiry: EnquiryMade) -> dict[str, Any]:
    return {
        "id": enquiry.enquiry_id,
        "received_at": enquiry.received_at.isoformat(),
        "channel": enquiry.channel,
        "subject": enquiry.subject,
        "request_type": enquiry.request_type,
        "details": enquiry.details,
        "deadline": enquiry.deadline.isoformat() if enquiry.deadline else None,
        "priority": enquiry.priority,
        "status": enquiry.status,
        "response_notes": enquiry.response_notes,
        "answered_at": enquiry.answered_at.isoformat() if enquiry.answered_at else None,
        "outcome": enquiry.outcome,
    }


def _published(item: CoverageRow) -> dict[str, Any]:
    return {
        "id": item.id,
        "published_on": item.published_on.isoformat(),
        "outlet": item.outlet or None,
        "title": item.title,
        "link": item.link or None,
        "medium": item.medium.value,
        "audience": item.audience,
        "tone": item.tone.value,
        "release_id": item.release_id,
        "enquiry_id": item.enquiry_id,
    }


def write_json(services: Services, contacts: Iterable[ContactData], out: IO[str] | Path) -> int:
    """Write ``contacts`` with their history as one JSON list; the number written."""
    items = list(contacts)
    histories = services.history.for_contacts(c.id for c in items if c.id is not None)
    published = services.coverage.for_contacts(c.id for c in items if c.id is not None)
    payload = []
    for data in items:
        entry = contact_json(data)
        history = histories.get(data.id or 0)
        entry["releases_received"] = [_received(r) for r in history.releases] if history else []
        entry["enquiries"] = [_asked(e) for e in history.enquiries] if history else []
        entry["coverage"] = [_published(c) for c in published.get(data.id or 0, [])]
        payload.append(entry)
    text = json.dumps(payload, ensure_ascii=False, indent=2)
    count = len(payload)
    release_in_steps(payload)  # freed at once, the window's freeze (``release_in_steps``)
    if isinstance(out, Path):
        tmp = out.with_name(out.name + ".part")
        tmp.write_text(text + "\n", encoding="utf-8")
        tmp.replace(out)
    else:
        out.write(text + "\n")
    return count
