"""Several saved emails (.eml) reviewed at once before they become enquiries.

``review_eml_files`` reads the files and proposes, for each message, what ``import_eml_files``
would log: the sender matched to a contact (or a new journalist from the From header), the
outlet (the contact's own, or the organisation of the sender's domain), the request type and
priority the subject's words suggest (``domain.enquiry_hints``). Nothing is written: the
window shows one list, the press officer unticks or changes, and ``log_reviewed`` writes the
chosen ones in one transaction (``services.enquiries.create_many``). A file that is not an
email, a message already logged, a copy of another file of the batch and an unsubscribe
request are reported with the file's name, and the others go on.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from fiac_press_desk.domain.contact import ContactData
from fiac_press_desk.domain.enquiry import EnquiryInput
from fiac_press_desk.domain.messages import render
from fiac_press_desk.domain.text import valid_unicode
from fiac_press_desk.interchange.eml import EmlError, ParsedEmail, read_eml
from fiac_press_desk.interchange.eml_import import (
    NO_SUBJECT,
    contact_from_sender,
    enquiry_from_email,
    sender_hints,
)
from fiac_press_desk.services.hub import Services
from fiac_press_desk.services.progress import NullProgress, ProgressSink


@dataclass
class ReviewItem:
    """One message as it would be logged; the window may change ``enquiry`` and ``include``."""

    source: str  # the file's name
    sender_name: str
    sender_address: str
    subject: str
    contact_id: int | None  # the contact who holds the sender's address
    contact_name: str  # theirs, or the new journalist's
    new_contact: ContactData | None  # the journalist to create (an unknown sender)
    enquiry: EnquiryInput
    include: bool = True


@dataclass
class EmlReview:
    """The messages to review, and the files left out with why."""

    items: list[ReviewItem] = field(default_factory=list)
    problems: list[tuple[str, str]] = field(default_factory=list)  # (file name, message)


def review_eml_files(
    services: Services, paths: Iterable[Path], progress: ProgressSink | None = None
) -> EmlReview:
    """Read ``paths`` and propose one enquiry each (worker thread; writes nothing)."""
    progress = progress or NullProgress()
    files = [Path(p) for p in paths]
    review = EmlReview()
    seen: dict[str, str] = {}  # Message-ID -> the file that had it first
    for done, path in enumerate(files):
        progress.check()
        progress.report(done, len(files), path.name)
        name = valid_unicode(path.name)
        try:
            parsed = read_eml(path)
        except EmlError as exc:
            review.problems.append((name, str(exc)))
            continue
        except (ValueError, LookupError, MemoryError, RecursionError) as exc:
            review.problems.append((name, render("eml_unreadable", reason=type(exc).__name__)))
            continue
        problem = _left_out(services, parsed, seen)
        if problem:
            review.problems.append((name, problem))
            continue
        if parsed.message_id:
            seen[parsed.message_id] = name
        review.items.append(_item(services, parsed, name))
    progress.report(len(files), len(files), "")
    return review


def _left_out(services: Services, parsed: ParsedEmail, seen: dict[str, str]) -> str:
    """Why this message is not an enquiry to log ("" when it is one)."""
    if parsed.message_id in seen:
        return render("eml_same_message", other=seen[parsed.message_id])
    known = services.enquiries.find_by_message_id(parsed.message_id)
    if known is not None:
        return render("already_imported", id=known)
    opt_out = services.gdpr.opt_outs.proposal(
        sender_address=parsed.sender_address,
        subject=parsed.subject,
        body=parsed.body,
        received_at=parsed.received_at,
        source="",
    )
    if opt_out is not None:
        return render("eml_opt_out_request", address=parsed.sender_address)
    return ""


def _item(services: Services, parsed: ParsedEmail, name: str) -> ReviewItem:
    contact_id = services.enquiries.find_contact_by_email(parsed.sender_address)
    hints = sender_hints(services, parsed, contact_id)
    new_contact = None
    contact_name = ""
    if contact_id is None:
        new_contact = contact_from_sender(parsed, name, services.enquiries.clock, hints.outlet)
        contact_name = new_contact.computed_display_name()
    else:
        rows = services.contact_queries.rows_by_id([contact_id])
        if rows:
            contact_name = rows[0].name
            hints = replace(hints, outlet=rows[0].organisation or hints.outlet)
    return ReviewItem(
        source=name,
        sender_name=parsed.sender_name,
        sender_address=parsed.sender_address,
        subject=parsed.subject or NO_SUBJECT,
        contact_id=contact_id,
        contact_name=contact_name or parsed.sender_address,
        new_contact=new_contact,
        enquiry=enquiry_from_email(parsed, contact_id, hints),
    )


def log_reviewed(services: Services, items: Sequence[ReviewItem]) -> list[int]:
    """Log the included items in one transaction; their enquiries' ids."""
    chosen = [item for item in items if item.include]
    pairs: list[tuple[EnquiryInput, ContactData | None]] = []
    for item in chosen:
        new_contact = item.new_contact
        if new_contact is not None and item.enquiry.outlet != new_contact.organization:
            new_contact = replace(new_contact, organization=item.enquiry.outlet)
        pairs.append((item.enquiry, new_contact))
    return services.enquiries.create_many(pairs)
