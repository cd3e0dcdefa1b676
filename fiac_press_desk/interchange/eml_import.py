"""Enquiries from saved emails (.eml), for the command line's ``import`` and the window.

Each file becomes one enquiry in one transaction. The sender is matched to a contact by
address; an unknown sender becomes a new journalist named from the From header. A message
already recorded (same Message-ID) is reported, never logged twice; a bad file is reported
with its name and the others go on.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from fiac_press_desk.config import desk_timezone
from fiac_press_desk.domain.contact import ContactData, EmailAddress
from fiac_press_desk.domain.enquiry import MAX_SUBJECT, MAX_TEXT, DeskClock, EnquiryInput
from fiac_press_desk.domain.enquiry_hints import EnquiryHints, from_subject
from fiac_press_desk.domain.enums import ContactKind, EnquiryChannel, Priority, RequestType
from fiac_press_desk.domain.errors import PressDeskError
from fiac_press_desk.domain.gdpr_messages import gdpr_text
from fiac_press_desk.domain.messages import render
from fiac_press_desk.domain.text import valid_unicode
from fiac_press_desk.interchange.eml import EmlError, ParsedEmail, read_eml
from fiac_press_desk.services.gdpr_opt_out import OptOutProposal
from fiac_press_desk.services.hub import Services
from fiac_press_desk.services.progress import NullProgress, ProgressSink

NO_SUBJECT = "(sans objet)"


@dataclass
class EmlImportResult:
    """What importing ``.eml`` files recorded, and the files it could not use."""

    enquiry_ids: list[int] = field(default_factory=list)
    contact_ids: list[int] = field(default_factory=list)  # contacts created for new senders
    problems: list[tuple[str, str]] = field(default_factory=list)  # (file, message)
    # With dry_run: what would be recorded, (file, subject, sender, sender is a new contact).
    planned: list[tuple[str, str, str, bool]] = field(default_factory=list)
    # Messages asking to receive nothing more (GDPR): not enquiries; applied when asked to.
    opt_outs: list[OptOutProposal] = field(default_factory=list)
    opted_out: list[OptOutProposal] = field(default_factory=list)  # those applied


def split_name(display: str) -> tuple[str, str]:
    """(given, family) from a From display name: "Éloïse Lefèvre", "LEFÈVRE Éloïse" and
    "Lefèvre, Éloïse" all give ("Éloïse", "Lefèvre")."""
    text = " ".join(display.replace('"', " ").split())
    if not text:
        return "", ""
    if "," in text:
        family, _, given = text.partition(",")
        return given.strip(), _tidy_family(family.strip())
    words = text.split(" ")
    if len(words) == 1:
        return "", _tidy_family(words[0])
    upper = [w for w in words if _is_upper(w)]
    if upper and len(upper) < len(words):
        # The words in capitals are the family name, wherever they stand.
        family = " ".join(w for w in words if _is_upper(w))
        given = " ".join(w for w in words if not _is_upper(w))
        return given, _tidy_family(family)
    return words[0], " ".join(words[1:])


def _is_upper(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) > 1 and all(c.isupper() for c in letters)


def _tidy_family(name: str) -> str:
    return name.title() if _is_upper(name.replace(" ", "")) else name


def contact_from_sender(
    parsed: ParsedEmail, source: str, clock: DeskClock | None = None, outlet: str = ""
) -> ContactData:
    """A new journalist from an email's sender (name from the From header), at ``outlet``
    (the organisation of their address's domain, when known); the data source says which
    message brought them in (GDPR art. 14)."""
    given, family = split_name(parsed.sender_name)
    clock = clock or DeskClock(desk_timezone())
    when = clock.local(parsed.received_at).strftime("%d/%m/%Y") if parsed.received_at else ""
    origin = f"Courriel reçu le {when} ({source})" if when else f"Courriel reçu ({source})"
    return ContactData(
        kind=ContactKind.JOURNALIST,
        given_name=given,
        family_name=family,
        organization=outlet,
        emails=[EmailAddress(parsed.sender_address, "work")],
        data_source=origin[:255],
    )


def enquiry_from_email(
    parsed: ParsedEmail, contact_id: int | None, hints: EnquiryHints | None = None
) -> EnquiryInput:
    """The enquiry an email makes (its attachments named, not kept); the request type and
    priority its subject proposes, and the outlet ``hints`` found for its sender."""
    hints = hints or from_subject(parsed.subject)
    details = parsed.body
    subject = parsed.subject or NO_SUBJECT
    if len(subject) > MAX_SUBJECT:
        # an over-long subject never costs the message: cut, and kept whole in the details
        details = f"Objet : {subject}\n\n{details}".strip()
        subject = subject[: MAX_SUBJECT - 1] + "…"
    if parsed.attachments:
        details = f"{details}\n\nPièces jointes : {', '.join(parsed.attachments)}".strip()
    return EnquiryInput(
        subject=subject,
        received_at=parsed.received_at,
        channel=EnquiryChannel.EMAIL,
        contact_id=contact_id,
        outlet=hints.outlet,
        request_type=hints.request_type or RequestType.INFORMATION,
        priority=hints.priority or Priority.NORMAL,
        details=details[:MAX_TEXT],
        source_message_id=parsed.message_id,
    )


def import_eml_files(
    services: Services,
    paths: Iterable[Path],
    progress: ProgressSink | None = None,
    *,
    dry_run: bool = False,
    apply_opt_outs: bool = False,
) -> EmlImportResult:
    """Each ``.eml`` file as an enquiry, its sender found or created as a contact; one
    transaction a file, so a bad file costs only itself. ``dry_run`` writes nothing."""
    progress = progress or NullProgress()
    files = [Path(p) for p in paths]
    result = EmlImportResult()
    for done, path in enumerate(files):
        progress.check()
        progress.report(done, len(files), path.name)
        try:
            parsed = read_eml(path)
        except EmlError as exc:
            result.problems.append((str(path), str(exc)))
            continue
        except (ValueError, LookupError, MemoryError, RecursionError) as exc:
            # what the email package may still raise on a forged message: that file only
            result.problems.append((str(path), render("eml_unreadable", reason=type(exc).__name__)))
            continue
        known = services.enquiries.find_by_message_id(parsed.message_id)
        if known is not None:
            result.problems.append((str(path), render("already_imported", id=known)))
            continue
        if _opt_out(services, parsed, path, result, apply_opt_outs and not dry_run):
            continue
        contact_id = services.enquiries.find_contact_by_email(parsed.sender_address)
        hints = sender_hints(services, parsed, contact_id)
        new_contact = (
            None
            if contact_id
            else contact_from_sender(
                parsed, valid_unicode(path.name), services.enquiries.clock, hints.outlet
            )
        )
        if dry_run:
            result.planned.append(
                (str(path), parsed.subject or NO_SUBJECT, parsed.sender_address, not contact_id)
            )
            continue
        try:
            enquiry_id = services.enquiries.create(
                enquiry_from_email(parsed, contact_id, hints), new_contact=new_contact
            )
        except PressDeskError as exc:
            result.problems.append((str(path), str(exc)))
            continue
        result.enquiry_ids.append(enquiry_id)
        if new_contact is not None:
            created = services.enquiries.get(enquiry_id).contact_id
            if created is not None:
                result.contact_ids.append(created)
    progress.report(len(files), len(files), "")
    return result


def sender_hints(services: Services, parsed: ParsedEmail, contact_id: int | None) -> EnquiryHints:
    """What the message proposes; the outlet of the sender's domain only for a sender who is
    not a contact yet (a known contact's enquiry goes to their own organisation)."""
    return services.enquiries.hints(
        "" if contact_id is not None else parsed.sender_address, parsed.subject
    )


def _opt_out(
    services: Services, parsed: ParsedEmail, path: Path, result: EmlImportResult, apply: bool
) -> bool:
    """An unsubscribe request is proposed as an opt-out (applied when asked), not logged as an
    enquiry; returns whether the message was one."""
    proposal = services.gdpr.opt_outs.proposal(
        sender_address=parsed.sender_address,
        subject=parsed.subject,
        body=parsed.body,
        received_at=parsed.received_at,
        source=str(path),
    )
    if proposal is None:
        return False
    if proposal.contact_id is None:
        result.problems.append(
            (str(path), gdpr_text("unknown_sender_opt_out", address=parsed.sender_address))
        )
        return True
    result.opt_outs.append(proposal)
    if apply and services.gdpr.opt_outs.apply(proposal):
        result.opted_out.append(proposal)
    return True
