"""Before sending a release: the message as one recipient will get it, and a test to oneself.

Both compose with ``mail_composer.compose``, the very function the sending loop uses, from
the stored release and the SMTP settings' sender, so what the press officer reads is what
leaves. The test goes to the settings' own sender address, personalised as the chosen
recipient (their salutation, their language), its subject marked "[TEST]"; it records
nothing in the distribution ledger (no line, no "received"), only an audit entry.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from email.headerregistry import Address
from email.message import EmailMessage

from fiac_press_desk.domain.errors import ValidationError
from fiac_press_desk.services.mail_composer import (
    RecipientInfo,
    ReleaseContent,
    SenderIdentity,
    compose,
)
from fiac_press_desk.services.releases import ReleaseService
from fiac_press_desk.services.sending import SendingService, SmtpError

TEST_PREFIX = "[TEST] "
PLACEHOLDER = "expediteur@exemple.invalid"  # a preview before the sending is set up


@dataclass(frozen=True)
class MessagePreview:
    """The message for one recipient, as its reader sees it."""

    subject: str
    sender: str  # the From header
    to: str
    reply_to: str
    plain: str
    html: str
    attachments: tuple[str, ...]  # file names
    sender_address: str  # where "send me a test" goes


def _content(sending: SendingService, release_id: int) -> ReleaseContent:
    releases = ReleaseService(sending.db, sending.actor)
    return ReleaseContent.from_release(
        releases.get(release_id), releases.attachment_files(release_id)
    )


def _sender(sending: SendingService) -> tuple[SenderIdentity, str]:
    """The settings' sender and the address a test goes to; when the settings are not
    complete yet, a placeholder sender and no address (the preview still shows the text)."""
    settings = sending.settings()
    try:
        identity = settings.validated().identity()
    except ValidationError:
        return SenderIdentity(name=settings.sender_name or "?", address=PLACEHOLDER), ""
    return identity, identity.address


def _part(message: EmailMessage, subtype: str) -> str:
    body = message.get_body(preferencelist=(subtype,))
    if body is None or body.get_content_subtype() != subtype:
        return ""
    return str(body.get_content())


def preview(sending: SendingService, release_id: int, recipient: RecipientInfo) -> MessagePreview:
    """The message ``recipient`` would get for the release, split for reading."""
    sender, own_address = _sender(sending)
    message = compose(_content(sending, release_id), recipient, sender)
    return MessagePreview(
        subject=str(message["Subject"]),
        sender=str(message["From"]),
        to=str(message["To"]),
        reply_to=str(message.get("Reply-To", "")),
        plain=_part(message, "plain"),
        html=_part(message, "html"),
        attachments=tuple(part.get_filename() or "" for part in message.iter_attachments()),
        sender_address=own_address,
    )


def send_test(
    sending: SendingService,
    release_id: int,
    recipient: RecipientInfo,
    password: str | None = None,
) -> str:
    """Send the message ``recipient`` would get to the settings' own sender address (the
    press officer's); the address it went to. SmtpError or ValidationError when the server
    cannot be used; nothing is recorded as distributed."""
    settings = sending.settings().validated()
    if settings.username and password is None:
        password = sending.password(settings)
        if password is None:
            raise SmtpError("smtp_password_missing", user=settings.username)
    sender = settings.identity()
    message = compose(_content(sending, release_id), recipient, sender, when=datetime.now(UTC))
    subject = str(message["Subject"])
    del message["Subject"], message["To"]
    message["Subject"] = TEST_PREFIX + subject
    message["To"] = Address(sender.name, addr_spec=sender.address)
    transport = sending.transport_factory(settings, password)
    transport.open()
    try:
        transport.send(message, sender.address, sender.address)
    finally:
        transport.close()
    with sending.transaction() as session:
        sending.audit(
            session,
            "send_test",
            "release",
            release_id,
            to=sender.address,
            as_contact=recipient.contact_id,
        )
    return sender.address
