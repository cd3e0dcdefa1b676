"""Opt-out from a reply: an email asking to receive nothing more becomes a proposal to opt the
sender out, dated from the message, with the message as its reason.

The email import (interchange/eml_import.py) asks ``proposal`` for each message before making
an enquiry of it: the command line applies the proposal at once and says so, the window shows
it for the officer to confirm (``apply``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from fiac_press_desk.domain.gdpr import Interaction
from fiac_press_desk.domain.normalize import email_key
from fiac_press_desk.domain.unsubscribe import own_text, unsubscribe_request
from fiac_press_desk.services.base import ServiceBase, get_or_404
from fiac_press_desk.services.gdpr_register import record_interaction
from fiac_press_desk.storage.models import Contact, ContactEmail
from fiac_press_desk.storage.types import utcnow

REASON_LIMIT = 600


@dataclass(frozen=True)
class OptOutProposal:
    """ "This sender asks to receive nothing more": who, from which message, since when."""

    source: str  # the file (or message) it came from
    address: str  # the sender's address
    contact_id: int | None  # None: no contact holds the address
    name: str
    at: datetime  # the message's date (now when it has none)
    reason: str  # the message, as the opt-out's reason
    words: str  # what was understood as the request (folded)
    already_opted_out: bool = False


class OptOutService(ServiceBase):
    """Opt-out from a reply: recognise an unsubscribe request and record the opt-out it asks."""

    def proposal(
        self,
        *,
        sender_address: str,
        subject: str,
        body: str,
        received_at: datetime | None,
        source: str,
    ) -> OptOutProposal | None:
        """A proposal when the message asks to unsubscribe, else None (an ordinary email)."""
        words = unsubscribe_request(subject, body)
        if words is None:
            return None
        key = email_key(sender_address)
        with self.db.session() as session:
            contact = session.scalar(
                select(Contact)
                .join(ContactEmail, ContactEmail.contact_id == Contact.id)
                .where(ContactEmail.value_key == key)
                .order_by(Contact.id)
                .limit(1)
            )
            name = ""
            if contact is not None:
                name = contact.display_name or " ".join(
                    p for p in (contact.given_name, contact.family_name) if p
                )
            return OptOutProposal(
                source=source,
                address=sender_address,
                contact_id=contact.id if contact is not None else None,
                name=name or sender_address,
                at=received_at or utcnow(),
                reason=message_reason(subject, body),
                words=words,
                already_opted_out=bool(contact is not None and contact.opted_out),
            )

    def apply(self, proposal: OptOutProposal) -> bool:
        """Opt the contact out as proposed (one transaction, audited); False when there was
        no contact or they had opted out already (their first date and reason are kept)."""
        if proposal.contact_id is None:
            return False
        with self.transaction() as session:
            contact = get_or_404(session, Contact, proposal.contact_id)
            if contact.opted_out:
                return False
            contact.opted_out = True
            contact.opted_out_at = proposal.at
            contact.opted_out_reason = proposal.reason
            record_interaction(session, [contact.id], Interaction.REPLY, proposal.at)
            self.audit(
                session,
                "opt_out",
                "contact",
                contact.id,
                reason=proposal.reason,
                source=proposal.source,
            )
        return True


def message_reason(subject: str, body: str) -> str:
    """The message as the opt-out's reason: its subject and the words the sender wrote."""
    text = " ".join(own_text(body).split())
    subject = " ".join(subject.split())
    reason = f"Courriel « {subject} »" if subject else "Courriel"
    if text:
        reason += f" : {text}"
    return reason if len(reason) <= REASON_LIMIT else reason[: REASON_LIMIT - 1] + "…"
