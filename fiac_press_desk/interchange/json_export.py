"""The JSON export of DESIGN.md: every field of a contact plus what they received and asked.

It is also the file a person receives when they exercise their GDPR right of access.
"""

from __future__ import annotations

import base64
import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import asdict
from pathlib import Path
from typing import IO, Any

from sqlalchemy import select

from fiac_press_desk.domain.contact import ContactData
from fiac_press_desk.storage.database import Database
from fiac_press_desk.storage.models import Distribution, Enquiry, Release


def contact_json(data: ContactData) -> dict[str, Any]:
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
        "data_source": data.data_source,
        "opted_out": data.opted_out,
        "opted_out_at": data.opted_out_at.isoformat() if data.opted_out_at else None,
        "opted_out_reason": data.opted_out_reason,
        "archived": data.archived,
        "created_at": data.created_at.isoformat() if data.created_at else None,
        "updated_at": data.updated_at.isoformat() if data.updated_at else None,
    }


def history(
    db: Database, contact_ids: list[int]
) -> tuple[dict[int, list[Any]], dict[int, list[Any]]]:
    received: dict[int, list[Any]] = defaultdict(list)
    asked: dict[int, list[Any]] = defaultdict(list)
    with db.session() as session:
        for start in range(0, len(contact_ids), 500):
            chunk = contact_ids[start : start + 500]
            for dist, release in session.execute(
                select(Distribution, Release)
                .join(Release, Release.id == Distribution.release_id)
                .where(Distribution.contact_id.in_(chunk))
                .order_by(Distribution.sent_at.desc(), Distribution.id.desc())
            ):
                assert dist.contact_id is not None  # selected by contact
                received[dist.contact_id].append(
                    {
                        "release_id": release.id,
                        "reference": release.reference,
                        "title": release.title,
                        "release_date": release.release_date.isoformat()
                        if release.release_date
                        else None,
                        "address": dist.address,
                        "channel": dist.channel,
                        "status": dist.status,
                        "sent_at": dist.sent_at.isoformat() if dist.sent_at else None,
                    }
                )
            for enq in session.scalars(
                select(Enquiry)
                .where(Enquiry.contact_id.in_(chunk))
                .order_by(Enquiry.received_at.desc(), Enquiry.id.desc())
            ):
                assert enq.contact_id is not None
                asked[enq.contact_id].append(
                    {
                        "id": enq.id,
                        "received_at": enq.received_at.isoformat(),
                        "channel": enq.channel,
                        "subject": enq.subject,
                        "request_type": enq.request_type,
                        "details": enq.details,
                        "deadline": enq.deadline.isoformat() if enq.deadline else None,
                        "priority": enq.priority,
                        "status": enq.status,
                        "response_notes": enq.response_notes,
                        "answered_at": enq.answered_at.isoformat() if enq.answered_at else None,
                        "outcome": enq.outcome,
                    }
                )
    return received, asked


def write_json(db: Database, contacts: Iterable[ContactData], out: IO[str] | Path) -> int:
    items = list(contacts)
    ids = [c.id for c in items if c.id is not None]
    received, asked = history(db, ids)
    payload = []
    for data in items:
        entry = contact_json(data)
        entry["releases_received"] = received.get(data.id or 0, [])
        entry["enquiries"] = asked.get(data.id or 0, [])
        payload.append(entry)
    text = json.dumps(payload, ensure_ascii=False, indent=2)
    if isinstance(out, Path):
        tmp = out.with_name(out.name + ".part")
        tmp.write_text(text + "\n", encoding="utf-8")
        tmp.replace(out)
    else:
        out.write(text + "\n")
    return len(payload)
