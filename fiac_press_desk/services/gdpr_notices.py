"""Information notices (GDPR article 14): who is still to be told that the desk holds their
data, telling them, and recording it.

A person whose data were collected from elsewhere (an import, a card typed in from a
directory) is informed within a month (art. 14(3)). The notice goes by email through the
release sending path (``SendingService.deliver``: one message each, paced, resumable, a
crash leaves a line "to check", never resent on its own) from the template in the settings,
filled for each person (what we hold about them, where it came from, their rights, the DPO);
or the officer records that it was given another way (post, phone, in person). An opted-out
address is never written to: the rule is checked when queuing and again at each claim.
"""

from __future__ import annotations

import re
import string
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from email.message import EmailMessage
from email.utils import make_msgid

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from fiac_press_desk.domain.enums import LawfulBasis
from fiac_press_desk.domain.errors import ValidationError
from fiac_press_desk.domain.gdpr import CollectedVia, NoticeChannel, NoticeStatus
from fiac_press_desk.domain.gdpr_messages import GdprValidationError
from fiac_press_desk.services.base import ServiceBase, get_or_404
from fiac_press_desk.services.gdpr_register import NOTICE_MONTHS, add_months
from fiac_press_desk.services.gdpr_settings import GdprSettings, read_settings
from fiac_press_desk.services.mail_composer import (
    RecipientInfo,
    SenderIdentity,
    english_date,
    french_date,
    letter,
    paris_time,
    salutation_line,
)
from fiac_press_desk.services.progress import ProgressSink
from fiac_press_desk.services.sending import Claim, Outcome, SendingService, SendReport
from fiac_press_desk.storage.contact_record import own_text_of
from fiac_press_desk.storage.database import Database
from fiac_press_desk.storage.models import (
    Contact,
    ContactEmail,
    ImportBatch,
    InformationNotice,
    Organisation,
)
from fiac_press_desk.storage.types import utcnow

PENDING = NoticeStatus.PENDING.value
SENDING = NoticeStatus.SENDING.value
CHUNK = 500


@dataclass(frozen=True)
class NoticeCandidate:
    """A line of the "still to be informed" view."""

    contact_id: int
    name: str
    organisation: str
    email: str  # where the notice would go ("" without an address)
    collected_via: CollectedVia
    collected_at: datetime
    due: datetime  # a month after collection
    opted_out: bool
    queued: bool  # a notice waits to be sent (or was interrupted)

    def overdue(self, now: datetime | None = None) -> bool:
        """Whether the month of article 14 has passed without the person being informed."""
        return (now or utcnow()) > self.due

    @property
    def by_email(self) -> bool:
        """Whether the desk can send it the notice (it has an address and did not opt out)."""
        return bool(self.email) and not self.opted_out


@dataclass(frozen=True)
class NoticeQueueResult:
    """What queueing notices did: how many queued, and how many were left out and why."""

    queued: int
    skipped: dict[str, int]  # reason ("opted_out", "no_email", "informed", "queued") -> count


@dataclass(frozen=True)
class NoticeState:
    """Where the notices stand (to offer "resume" and to warn about doubt)."""

    pending: int
    uncertain: int  # interrupted between the server and the ledger: to check
    sent: int
    failed: int
    recorded: int


@dataclass(frozen=True)
class NoticePreview:
    """The notice one person would receive, rendered, so it can be read before it is sent."""

    subject: str
    text: str  # the plain-text part, as the person will read it
    address: str
    language: str


class NoticeService(ServiceBase):
    """Information notices (article 14): who is to be informed, queueing and sending them
    through the release sending path, and recording an information made another way."""

    def __init__(self, db: Database, actor: str | None, sending: SendingService) -> None:
        super().__init__(db, actor)
        self.sending = sending

    # -- who is to be informed ----------------------------------------------------------------

    def to_inform(self, *, include_archived: bool = False) -> list[NoticeCandidate]:
        """Everyone not informed yet, the longest overdue first."""
        stmt = (
            select(
                Contact.id,
                Contact.display_name,
                Contact.given_name,
                Contact.family_name,
                Organisation.name,
                Contact.collected_via,
                Contact.created_at,
                Contact.opted_out,
            )
            .outerjoin(Organisation, Organisation.id == Contact.organisation_id)
            .where(Contact.informed_at.is_(None))
            .order_by(Contact.created_at, Contact.id)
        )
        if not include_archived:
            stmt = stmt.where(Contact.archived.is_not(True))
        with self.db.session() as session:
            rows = session.execute(stmt).all()
            ids = [r[0] for r in rows]
            emails = _first_emails(session, ids)
            queued = set(
                session.scalars(
                    select(InformationNotice.contact_id).where(
                        InformationNotice.status.in_((PENDING, SENDING))
                    )
                )
            )
        return [
            NoticeCandidate(
                contact_id=cid,
                name=display or " ".join(p for p in (given, family) if p) or emails.get(cid, ""),
                organisation=org or "",
                email=emails.get(cid, ""),
                collected_via=CollectedVia(via or CollectedVia.MANUAL.value),
                collected_at=created,
                due=add_months(created, NOTICE_MONTHS),
                opted_out=bool(opted_out),
                queued=cid in queued,
            )
            for cid, display, given, family, org, via, created, opted_out in rows
        ]

    def state(self) -> NoticeState:
        """Counts of notices by status, read in one query."""
        counts = {s.value: 0 for s in NoticeStatus}
        with self.db.session() as session:
            for (status,) in session.execute(select(InformationNotice.status)):
                counts[status] = counts.get(status, 0) + 1
        return NoticeState(
            pending=counts[PENDING],
            uncertain=counts[SENDING],
            sent=counts[NoticeStatus.SENT.value],
            failed=counts[NoticeStatus.FAILED.value],
            recorded=counts[NoticeStatus.RECORDED.value],
        )

    def preview(self, contact_id: int, language: str | None = None) -> NoticePreview:
        """The notice as this person would receive it (nothing recorded)."""
        with self.db.session() as session:
            contact = get_or_404(session, Contact, contact_id)
            settings = read_settings(session)
            lang = language or _language_of(contact)
            address = _first_emails(session, [contact_id]).get(contact_id, "")
            subject, blocks = _notice_blocks(
                session, contact, settings, lang, self.sending.settings().identity()
            )
        from fiac_press_desk.services.mail_composer import blocks_plain

        return NoticePreview(subject, blocks_plain(blocks), address, lang)

    # -- sending by email ---------------------------------------------------------------------

    def queue(self, contact_ids: Iterable[int]) -> NoticeQueueResult:
        """A pending notice for each of these contacts that can get one by email: not
        informed, not opted out, with an address, not queued already."""
        ids = list(dict.fromkeys(contact_ids))
        sender = self.sending.settings().sender_address or "localhost"
        skipped: dict[str, int] = {}
        lines: list[InformationNotice] = []
        with self.transaction() as session:
            waiting = set(
                session.scalars(
                    select(InformationNotice.contact_id).where(
                        InformationNotice.status.in_((PENDING, SENDING))
                    )
                )
            )
            for start in range(0, len(ids), CHUNK):
                chunk = ids[start : start + CHUNK]
                emails = _first_emails(session, chunk)
                for contact in session.scalars(select(Contact).where(Contact.id.in_(chunk))):
                    reason = _why_not(contact, emails.get(contact.id, ""), contact.id in waiting)
                    if reason:
                        skipped[reason] = skipped.get(reason, 0) + 1
                        continue
                    lines.append(
                        InformationNotice(
                            contact_id=contact.id,
                            channel=NoticeChannel.EMAIL.value,
                            address=emails[contact.id],
                            status=PENDING,
                            language=_language_of(contact),
                            message_id=_message_id(contact.id, sender),
                        )
                    )
            session.add_all(lines)
            self.audit(
                session,
                "notice_queue",
                "information_notice",
                None,
                queued=len(lines),
                skipped=skipped,
            )
        return NoticeQueueResult(len(lines), skipped)

    def send_queued(
        self,
        password: str | None = None,
        progress: ProgressSink | None = None,
        on_outcome: Callable[[Outcome], None] | None = None,
        pace_seconds: float | None = None,
    ) -> SendReport:
        """Send every pending notice, one message each, through the release sending path."""
        with self.db.session() as session:
            queue = list(
                session.scalars(
                    select(InformationNotice.id)
                    .where(InformationNotice.status == PENDING)
                    .order_by(InformationNotice.id)
                )
            )
        return self.sending.deliver(
            queue,
            _NoticeLedger(self),
            password=password,
            progress=progress,
            on_outcome=on_outcome,
            pace_seconds=pace_seconds,
            on_end=self._audit_run,
        )

    def discard_queue(self) -> int:
        """Give up the notices still waiting."""
        with self.transaction() as session:
            result = session.execute(
                delete(InformationNotice).where(InformationNotice.status == PENDING)
            )
            gone = int(getattr(result, "rowcount", 0) or 0)
            self.audit(session, "notice_discard", "information_notice", None, lines=gone)
        return gone

    def settle(self, line_ids: Iterable[int], received: bool) -> int:
        """Settle notices left "to check" by an interrupted sending: the officer says they
        arrived (the person counts as informed) or queues them again."""
        ids = list(line_ids)
        now = utcnow()
        with self.transaction() as session:
            lines = list(
                session.scalars(
                    select(InformationNotice).where(
                        InformationNotice.id.in_(ids), InformationNotice.status == SENDING
                    )
                )
            )
            for line in lines:
                if received:
                    line.status, line.sent_at = NoticeStatus.SENT.value, now
                    _mark_informed(session, [line.contact_id], NoticeChannel.EMAIL, now)
                else:
                    line.status = PENDING
            self.audit(
                session,
                "notice_settle",
                "information_notice",
                None,
                ids=[line.id for line in lines],
                received=received,
            )
        return len(lines)

    # -- given another way --------------------------------------------------------------------

    def record_given(
        self,
        contact_ids: Iterable[int],
        how: NoticeChannel,
        at: datetime | None = None,
        note: str = "",
    ) -> int:
        """Record that these people were informed another way (post, phone, in person...);
        notices waiting for them by email are dropped. Returns how many were recorded."""
        channel = NoticeChannel(how)
        if channel is NoticeChannel.EMAIL and not note.strip():
            # "By email" recorded by hand: sent from another program; say which.
            raise GdprValidationError("note", "notice_how_required")
        when = at or utcnow()
        if when.tzinfo is None:
            raise ValidationError("at", "bad_date", value=when.isoformat())
        ids = list(dict.fromkeys(contact_ids))
        with self.transaction() as session:
            found = list(session.scalars(select(Contact.id).where(Contact.id.in_(ids))))
            session.execute(
                delete(InformationNotice).where(
                    InformationNotice.contact_id.in_(found), InformationNotice.status == PENDING
                )
            )
            session.add_all(
                InformationNotice(
                    contact_id=cid,
                    channel=channel.value,
                    status=NoticeStatus.RECORDED.value,
                    note=note.strip(),
                    sent_at=when,
                )
                for cid in found
            )
            _mark_informed(session, found, channel, when)
            self.audit(
                session,
                "notice_recorded",
                "information_notice",
                None,
                contact_ids=found,
                channel=channel.value,
                at=when.isoformat(),
            )
        return len(found)

    # -- the ledger, for SendingService.deliver -----------------------------------------------

    def _claim(self, line_id: int) -> Claim | None:
        with self.transaction() as session:
            result = session.execute(
                update(InformationNotice)
                .where(InformationNotice.id == line_id, InformationNotice.status == PENDING)
                .values(status=SENDING)
            )
            if int(getattr(result, "rowcount", 0) or 0) != 1:
                return None
            line = get_or_404(session, InformationNotice, line_id)
            contact = get_or_404(session, Contact, line.contact_id)
            holds = session.scalar(
                select(ContactEmail.id).where(
                    ContactEmail.contact_id == contact.id,
                    ContactEmail.value_key == line.address.strip().lower(),
                )
            )
            reason = _why_not(contact, line.address if holds else "", False)
            name = _name(contact)
            if reason:
                # Opted out, informed meanwhile, or the address is no longer theirs: dropped.
                session.delete(line)
                self.audit(
                    session,
                    "notice_skip",
                    "information_notice",
                    line_id,
                    contact_id=contact.id,
                    reason=reason,
                )
                return Claim(line_id, contact.id, line.address, line.message_id, None, name, reason)
            recipient = RecipientInfo(
                address=line.address,
                contact_id=contact.id,
                civility=contact.civility,
                given_name=contact.given_name,
                family_name=contact.family_name,
                display_name=contact.display_name,
                salutation=contact.salutation,
            )
            return Claim(line_id, contact.id, line.address, line.message_id, recipient, name)

    def _compose(self, claim: Claim, sender: SenderIdentity) -> EmailMessage:
        assert claim.recipient is not None
        with self.db.session() as session:
            line = get_or_404(session, InformationNotice, claim.line_id)
            contact = get_or_404(session, Contact, claim.contact_id)
            settings = read_settings(session)
            subject, blocks = _notice_blocks(session, contact, settings, line.language, sender)
        return letter(
            subject,
            blocks,
            claim.recipient,
            sender,
            language=line.language,
            message_id=claim.message_id,
        )

    def _finish(self, line_id: int, status: str, error: str) -> None:
        sent = status == NoticeStatus.SENT.value
        now = utcnow()
        with self.transaction() as session:
            session.execute(
                update(InformationNotice)
                .where(InformationNotice.id == line_id)
                .values(status=status, error=error[:2000], sent_at=now if sent else None)
            )
            line = get_or_404(session, InformationNotice, line_id)
            if sent:
                _mark_informed(session, [line.contact_id], NoticeChannel.EMAIL, now)
            if status != PENDING:
                self.audit(
                    session,
                    "notice_sent" if sent else "notice_failed",
                    "information_notice",
                    line_id,
                    contact_id=line.contact_id,
                    address=line.address,
                    error=error,
                )

    def _audit_run(self, report: SendReport) -> None:
        with self.transaction() as session:
            self.audit(
                session,
                "notice_run",
                "information_notice",
                None,
                total=report.total,
                sent=report.sent,
                failed=report.failed,
                skipped=report.skipped,
                stopped=report.stopped,
            )


class _NoticeLedger:
    """The information notices' lines, for ``SendingService.deliver``."""

    def __init__(self, service: NoticeService) -> None:
        self.service = service

    def claim(self, line_id: int) -> Claim | None:
        return self.service._claim(line_id)

    def compose(self, claim: Claim, sender: SenderIdentity) -> EmailMessage:
        return self.service._compose(claim, sender)

    def finish(self, line_id: int, status: str, error: str) -> None:
        self.service._finish(line_id, status, error)


# -- helpers ------------------------------------------------------------------------------------


def _why_not(contact: Contact, address: str, waiting: bool) -> str:
    if contact.opted_out:
        return "opted_out"
    if contact.informed_at is not None:
        return "informed"
    if not address:
        return "no_email"
    if waiting:
        return "queued"
    return ""


def _mark_informed(
    session: Session, contact_ids: list[int], how: NoticeChannel, at: datetime
) -> None:
    """The first time a person is informed is the one the register keeps (bookkeeping no
    form edits: no new version, see ``gdpr_register.record_interaction``)."""
    for start in range(0, len(contact_ids), CHUNK):
        session.execute(
            update(Contact)
            .where(
                Contact.id.in_(contact_ids[start : start + CHUNK]), Contact.informed_at.is_(None)
            )
            .values(informed_at=at, informed_how=how.value, updated_at=Contact.updated_at)
            .execution_options(synchronize_session=False)
        )


def _first_emails(session: Session, contact_ids: list[int]) -> dict[int, str]:
    out: dict[int, str] = {}
    for start in range(0, len(contact_ids), CHUNK):
        chunk = contact_ids[start : start + CHUNK]
        for cid, value in session.execute(
            select(ContactEmail.contact_id, ContactEmail.value)
            .where(ContactEmail.contact_id.in_(chunk))
            .order_by(ContactEmail.contact_id, ContactEmail.position.desc(), ContactEmail.id.desc())
        ):
            out[cid] = value  # position 0 comes last and wins
    return out


def _name(contact: Contact) -> str:
    return contact.display_name or " ".join(
        p for p in (contact.given_name, contact.family_name) if p
    )


def _language_of(contact: Contact) -> str:
    return "en" if (contact.language or "").lower().startswith("en") else "fr"


def _message_id(contact_id: int, sender_address: str) -> str:
    domain = sender_address.rpartition("@")[2] or "localhost"
    return make_msgid(idstring=f"fiac.notice.c{contact_id}", domain=domain)


def _notice_blocks(
    session: Session,
    contact: Contact,
    settings: GdprSettings,
    language: str,
    sender: SenderIdentity,
) -> tuple[str, list[tuple[str, str]]]:
    """The notice's subject and (kind, paragraph) blocks for this person."""
    values = notice_fields(session, contact, settings, language)
    subject_template, body_template = settings.template(language)
    subject = _fill(subject_template, values)
    recipient = RecipientInfo(
        address="",
        civility=contact.civility,
        given_name=contact.given_name,
        family_name=contact.family_name,
        display_name=contact.display_name,
        salutation=contact.salutation,
    )
    blocks = [("salutation", salutation_line(recipient, language))]
    blocks += [("body", p) for p in _paragraphs(_fill(body_template, values))]
    signature = "\n".join(
        p for p in (sender.name, sender.organisation, sender.address, sender.phone) if p
    )
    if signature:
        blocks.append(("signature", signature))
    return subject, blocks


def notice_fields(
    session: Session, contact: Contact, settings: GdprSettings, language: str
) -> dict[str, str]:
    """The values of the template's fields for this person, in ``language``."""
    english = language == "en"
    return {
        "controller": settings.controller,
        "dpo": settings.dpo_line() if settings.dpo_line() != "—" else _NO_DPO[english],
        "data": _data_held(contact, english),
        "source": _source(session, contact, english),
        "purpose": settings.purpose_en if english else settings.purpose,
        "lawful_basis": _basis(contact.lawful_basis, settings, english),
        "recipients": settings.recipients_en if english else settings.recipients,
        "retention": settings.retention_text(language),
    }


# What the notice says in place of the DPO while none is set in the settings.
_NO_DPO = {
    False: "le service de presse, à l'adresse de ce message",
    True: "the press office, at this message's address",
}


def _fill(template: str, values: dict[str, str]) -> str:
    """``template`` with its fields filled; an unknown field (a template saved before a
    field was withdrawn) is left as written rather than failing a whole sending."""
    out = []
    for literal, name, spec, conversion in string.Formatter().parse(template):
        out.append(literal)
        if name is not None:
            out.append(
                values[name]
                if name in values
                else "{"
                + name
                + (f"!{conversion}" if conversion else "")
                + (f":{spec}" if spec else "")
                + "}"
            )
    return "".join(out)


def _paragraphs(text: str) -> list[str]:
    return [p.strip() for p in re.split(r"\n\s*\n", text.replace("\r\n", "\n")) if p.strip()]


def _data_held(contact: Contact, english: bool) -> str:
    parts: list[str] = []
    add = parts.append
    if english:
        add("your name")
        if contact.job_title or contact.role:
            add("your position")
        if contact.organisation is not None:
            add(f"your outlet or organisation ({contact.organisation.name})")
        if contact.emails:
            add("your email address" + ("es" if len(contact.emails) > 1 else ""))
        if contact.phones:
            add("your phone number" + ("s" if len(contact.phones) > 1 else ""))
        if contact.addresses:
            add("your postal address")
        if contact.beats:
            add("the subjects you cover")
        if contact.photo_mime:
            add("a photo")
        history = "the record of the press releases we sent you and of your enquiries"
    else:
        add("vos nom et prénom")
        if contact.job_title or contact.role:
            add("votre fonction")
        if contact.organisation is not None:
            add(f"votre média ou organisme ({contact.organisation.name})")
        if contact.emails:
            add(
                "votre adresse électronique"
                if len(contact.emails) == 1
                else "vos adresses électroniques"
            )
        if contact.phones:
            add(
                "votre numéro de téléphone"
                if len(contact.phones) == 1
                else "vos numéros de téléphone"
            )
        if contact.addresses:
            add("votre adresse postale")
        if contact.beats:
            add("les sujets que vous suivez")
        if contact.photo_mime:
            add("une photo")
        history = (
            "l'historique des communiqués que nous vous avons adressés et de vos demandes au "
            "service de presse"
        )
    last, also = (" and ", ", as well as ") if english else (" et ", ", ainsi que ")
    held = ", ".join(parts[:-1]) + last + parts[-1] if len(parts) > 1 else parts[0]
    return held + also + history


def _source(session: Session, contact: Contact, english: bool) -> str:
    source = own_text_of(contact, "data_source").strip()
    if source:
        return source.rstrip(".")
    via = CollectedVia(contact.collected_via or CollectedVia.MANUAL.value)
    day = paris_time(contact.created_at).date()
    when = english_date(day) if english else french_date(day)
    if via is CollectedVia.IMPORT:
        batch = (
            session.get(ImportBatch, contact.import_batch_id) if contact.import_batch_id else None
        )
        files = ", ".join(
            re.split(r"[\\/]", line)[-1]
            for line in (batch.source if batch else "").split("\n")
            if line
        )
        if english:
            return (
                f"a contact file ({files}) imported on {when}"
                if files
                else f"a contact file imported on {when}"
            )
        return (
            f"un fichier de contacts ({files}) importé le {when}"
            if files
            else f"un fichier de contacts importé le {when}"
        )
    if via is CollectedVia.EMAIL_CAPTURE:
        return f"your email of {when}" if english else f"votre courriel du {when}"
    if via is CollectedVia.ENQUIRY:
        return f"your enquiry of {when}" if english else f"votre demande du {when}"
    if english:
        return "your professional contact details as published (press directories, your outlet)"
    return (
        "vos coordonnées professionnelles telles que publiées (annuaires de la presse, votre média)"
    )


def _basis(value: str, settings: GdprSettings, english: bool) -> str:
    basis = LawfulBasis(value)
    if english:
        return {
            LawfulBasis.LEGITIMATE_INTEREST: "our legitimate interest in keeping the press "
            "informed of our news (GDPR art. 6(1)(f))",
            LawfulBasis.CONSENT: "your consent (GDPR art. 6(1)(a)), which you may withdraw "
            "at any time",
            LawfulBasis.CONTRACT: "the contract between us (GDPR art. 6(1)(b))",
            LawfulBasis.PUBLIC_TASK: "a task carried out in the public interest "
            "(GDPR art. 6(1)(e))",
        }[basis]
    return {
        LawfulBasis.LEGITIMATE_INTEREST: f"l'intérêt légitime de {settings.controller} à "
        "informer la presse de son actualité (RGPD, art. 6.1.f)",
        LawfulBasis.CONSENT: "votre consentement (RGPD, art. 6.1.a), que vous pouvez retirer "
        "à tout moment",
        LawfulBasis.CONTRACT: "le contrat qui nous lie (RGPD, art. 6.1.b)",
        LawfulBasis.PUBLIC_TASK: "une mission d'intérêt public (RGPD, art. 6.1.e)",
    }[basis]
