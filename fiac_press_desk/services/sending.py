"""Sending a release by email from the desk, one message per recipient, and its by-products
(.eml files, addresses for a Bcc field, the recipients in an Excel sheet).

Settings live in the ``settings`` table; the password never does. It goes to the system
keyring when a working backend exists, otherwise it is asked once per run and kept in this
process's memory only.

How a sending survives a crash or a cancel
------------------------------------------
``queue`` writes one ``pending`` ledger line per recipient (with the Message-ID the message will
carry). ``send_queued`` then takes the pending lines one at a time:

1. *claim*: in its own committed transaction, ``pending -> sending`` with a conditional UPDATE
   (``WHERE status = 'pending'``), so a second sender working on the same database (a resumed
   run, another window) can never take the same line;
2. hand the message to the SMTP server;
3. *outcome*: in another committed transaction, ``sending -> sent`` (or ``failed`` with the
   server's reason when it refused the recipient).

A cancel is only looked at between messages, so it never leaves a line half-done. A crash
(power cut, killed process) can fall between 2 and 3: the server accepted the message but the
ledger does not know it. Such a line stays ``sending`` and is **never resent automatically**:
the next run skips it and the window lists it as "interrupted, to check" for the press officer
to settle (mark as received, or queue again). We chose at-most-once on purpose: a journalist
who receives a release twice remembers it, a missing one is caught by the officer looking at
the ledger. The window of doubt is one message wide; when a line is queued again it keeps its
Message-ID, which lets many mail systems drop the duplicate.

Limits: the guarantee holds for a crash of the application (killed, frozen, closed). A power
cut of the whole machine right after a commit can lose that commit under SQLite's WAL mode with
``synchronous = NORMAL`` (the storage layer's choice for speed); the claimed line would then
read ``pending`` again and be resent. Two senders on one database (two windows, or a resumed
run beside a stuck one) are safe: the conditional claim lets only one of them take a line.
"""

from __future__ import annotations

import json
import re
import smtplib
import socket
import ssl
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import datetime
from email.message import EmailMessage
from enum import StrEnum
from pathlib import Path
from typing import Protocol

from sqlalchemy import delete, select, update

from fiac_press_desk.domain.enums import (
    DistributionChannel,
    DistributionStatus,
    ReleaseStatus,
    SkipReason,
)
from fiac_press_desk.domain.errors import PressDeskError, ValidationError
from fiac_press_desk.domain.gdpr import Interaction
from fiac_press_desk.domain.messages import current_language, render
from fiac_press_desk.domain.normalize import normalize_email
from fiac_press_desk.domain.text import fold
from fiac_press_desk.services.base import ServiceBase, get_or_404
from fiac_press_desk.services.distribution import (
    LedgerLine,
    PlannedRecipient,
    RecipientCriteria,
    RecipientPlan,
    chunks,
    plan_rows,
    save_criteria,
)
from fiac_press_desk.services.gdpr_register import record_interaction
from fiac_press_desk.services.mail_composer import (
    RecipientInfo,
    ReleaseContent,
    SenderIdentity,
    compose,
    new_message_id,
)
from fiac_press_desk.services.progress import NullProgress, ProgressSink
from fiac_press_desk.services.releases import ReleaseService
from fiac_press_desk.storage.database import Database
from fiac_press_desk.storage.models import Distribution, Release, Setting
from fiac_press_desk.storage.types import utcnow

SETTINGS_KEY = "smtp"
KEYRING_SERVICE = "FIAC Press Desk (SMTP)"
PENDING = DistributionStatus.PENDING.value
SENDING = DistributionStatus.SENDING.value


class Security(StrEnum):
    """How the connection to the mail server is protected."""

    STARTTLS = "starttls"  # port 587: plain connection upgraded to TLS
    SSL = "ssl"  # port 465: TLS from the first byte
    NONE = "none"  # a relay on the local network only


class SmtpError(PressDeskError):
    """The server could not be used (connection, TLS, login, sender refused)."""

    def __init__(self, code: str, **params: object) -> None:
        self.code = code
        self.params = params
        super().__init__(render(code, **params))


@dataclass
class SmtpSettings:
    """Where and as whom releases are sent (never the password: the keyring holds it)."""

    host: str = ""
    port: int = 587
    security: Security = Security.STARTTLS
    username: str = ""
    sender_name: str = ""
    sender_address: str = ""
    reply_to: str = ""
    organisation: str = ""  # signature lines under the sender's name
    phone: str = ""
    pace_seconds: float = 1.0  # at least this long between two messages (server quotas)
    timeout: float = 30.0

    def validated(self) -> SmtpSettings:
        """A cleaned copy, or ValidationError naming what is missing."""
        host = self.host.strip()
        if not host:
            raise ValidationError("host", "smtp_incomplete", what="serveur")
        if not 0 < int(self.port) < 65536:
            raise ValidationError("port", "bad_choice", value=self.port)
        try:
            security = Security(self.security)
        except ValueError:
            raise ValidationError("security", "bad_choice", value=self.security) from None
        if not self.sender_address.strip():
            raise ValidationError("sender_address", "smtp_incomplete", what="adresse d'expéditeur")
        sender = normalize_email(self.sender_address, "sender_address")
        reply_to = normalize_email(self.reply_to, "reply_to") if self.reply_to.strip() else ""
        if self.pace_seconds < 0:
            raise ValidationError("pace_seconds", "bad_choice", value=self.pace_seconds)
        return SmtpSettings(
            host=host,
            port=int(self.port),
            security=security,
            username=self.username.strip(),
            sender_name=self.sender_name.strip(),
            sender_address=sender,
            reply_to=reply_to,
            organisation=self.organisation.strip(),
            phone=self.phone.strip(),
            pace_seconds=float(self.pace_seconds),
            timeout=float(self.timeout) if self.timeout > 0 else 30.0,
        )

    @property
    def account(self) -> str:
        """The keyring entry name of this account's password."""
        return f"{self.username}@{self.host}:{self.port}"

    @property
    def configured(self) -> bool:
        """Enough to try sending: a server and a sender address."""
        return bool(self.host.strip() and self.sender_address.strip())

    def identity(self) -> SenderIdentity:
        """The sender as the messages name it."""
        return SenderIdentity(
            name=self.sender_name or self.sender_address,
            address=self.sender_address,
            reply_to=self.reply_to,
            organisation=self.organisation,
            phone=self.phone,
        )

    def to_json(self) -> str:
        """The settings as stored in the database."""
        raw = asdict(self)
        raw["security"] = Security(self.security).value
        return json.dumps(raw, ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> SmtpSettings:
        """Stored settings; keys another release does not know are ignored."""
        raw = json.loads(text)
        values = {k: v for k, v in raw.items() if k in cls.__dataclass_fields__}
        if "security" in values:
            values["security"] = Security(values["security"])
        return cls(**values)


class PasswordStore:
    """The SMTP password: in the system keyring when one works, else in memory for this run.

    The memory copy is per process (class-level): asked once, it serves every sending until the
    application quits. It is never written to the database, a settings file or a log.
    """

    _memory: dict[str, str] = {}
    _lock = threading.Lock()

    def __init__(self, service: str = KEYRING_SERVICE) -> None:
        self.service = service

    @staticmethod
    def keyring_available() -> bool:
        """Whether a real keyring backend is there (not the null or failing ones)."""
        try:
            import keyring
            from keyring.backends import fail, null

            backend = keyring.get_keyring()
        except Exception:  # no backend can even be loaded
            return False
        if isinstance(backend, (fail.Keyring, null.Keyring)):
            return False
        return float(getattr(backend, "priority", 0) or 0) > 0

    def get(self, account: str) -> str | None:
        """The password for ``account``: this session's, else the keyring's, else None."""
        with self._lock:
            if account in self._memory:
                return self._memory[account]
        if self.keyring_available():
            try:
                import keyring

                found = keyring.get_password(self.service, account)
            except Exception:  # a locked or broken keyring: ask the user instead
                return None
            if found is not None:
                with self._lock:
                    self._memory[account] = found
            return found
        return None

    def remember(self, account: str, password: str, persist: bool = True) -> bool:
        """Keep the password for this run; also in the keyring if asked and possible.
        Returns whether it went to the keyring."""
        with self._lock:
            self._memory[account] = password
        if persist and self.keyring_available():
            try:
                import keyring

                keyring.set_password(self.service, account, password)
                return True
            except Exception:
                return False
        return False

    def forget(self, account: str) -> None:
        """Drop the password, here and in the keyring."""
        with self._lock:
            self._memory.pop(account, None)
        if self.keyring_available():
            try:
                import keyring

                keyring.delete_password(self.service, account)
            except Exception:  # nothing stored there, or the keyring refuses: nothing to do
                pass


class Transport(Protocol):
    """How messages leave the desk: the SMTP server, or a test's recorder."""

    def open(self) -> None:
        """Connect (raise SmtpError when the server cannot be used)."""

    def send(self, message: EmailMessage, sender: str, recipient: str) -> None:
        """Hand one message for one recipient to the server."""

    def close(self) -> None:
        """End the connection."""


class SmtpTransport:
    """smtplib with the desk's settings: STARTTLS or SSL, login, one connection per run."""

    def __init__(
        self,
        settings: SmtpSettings,
        password: str | None,
        ssl_context: ssl.SSLContext | None = None,
    ) -> None:
        self.settings = settings
        self.password = password
        self.ssl_context = ssl_context or ssl.create_default_context()
        self._smtp: smtplib.SMTP | None = None

    def open(self) -> None:
        """Connect and log in; SmtpError with a reason the press officer can act on."""
        s = self.settings
        # Our own name for EHLO without asking the DNS (socket.getfqdn may query the network).
        local = socket.gethostname() or "localhost"
        try:
            if s.security is Security.SSL:
                smtp: smtplib.SMTP = smtplib.SMTP_SSL(
                    s.host,
                    s.port,
                    local_hostname=local,
                    timeout=s.timeout,
                    context=self.ssl_context,
                )
            else:
                smtp = smtplib.SMTP(s.host, s.port, local_hostname=local, timeout=s.timeout)
            smtp.ehlo()
            if s.security is Security.STARTTLS:
                smtp.starttls(context=self.ssl_context)
                smtp.ehlo()
        except (OSError, smtplib.SMTPException) as exc:
            raise SmtpError("smtp_connect", host=s.host, port=s.port, reason=_reason(exc)) from exc
        if s.username:
            if not self.password:
                smtp.close()
                raise SmtpError("smtp_password_missing", user=s.username)
            try:
                smtp.login(s.username, self.password)
            except smtplib.SMTPAuthenticationError as exc:
                smtp.close()
                raise SmtpError("smtp_auth", host=s.host, reason=_reason(exc)) from exc
            except (OSError, smtplib.SMTPException) as exc:
                smtp.close()
                raise SmtpError(
                    "smtp_connect", host=s.host, port=s.port, reason=_reason(exc)
                ) from exc
        self._smtp = smtp

    def send(self, message: EmailMessage, sender: str, recipient: str) -> None:
        """Send one message to one recipient (connecting first if needed)."""
        if self._smtp is None:
            self.open()
        assert self._smtp is not None
        self._smtp.send_message(message, from_addr=sender, to_addrs=[recipient])

    def close(self) -> None:
        """Say goodbye to the server, or just drop the connection if it is gone."""
        if self._smtp is not None:
            try:
                self._smtp.quit()
            except (OSError, smtplib.SMTPException):
                self._smtp.close()
            self._smtp = None


TransportFactory = Callable[[SmtpSettings, "str | None"], Transport]


@dataclass(frozen=True)
class QueueResult:
    """What queueing a release wrote, and who was left out and why."""

    queued: int
    skipped: dict[SkipReason, int]


@dataclass(frozen=True)
class Outcome:
    """What happened to one recipient, reported as it happens."""

    distribution_id: int
    contact_id: int
    name: str
    address: str
    status: str  # DistributionStatus value, or "skipped"
    error: str = ""
    done: int = 0
    total: int = 0


@dataclass
class SendReport:
    """What one sending run did (and why it stopped, if it did)."""

    total: int = 0
    sent: int = 0
    failed: int = 0
    skipped: int = 0
    stopped: str = ""  # why the run stopped early ("" when it went to the end)
    outcomes: list[Outcome] = field(default_factory=list)


@dataclass(frozen=True)
class SendingState:
    """Where a release's sending stands (to offer "resume" and to warn about doubt)."""

    pending: int
    uncertain: int
    sent: int
    failed: int
    recorded: int


@dataclass(frozen=True)
class Claim:
    """One ledger line taken for sending (committed ``pending -> sending``), with what its
    message needs; ``recipient`` None means the person must not get it any more."""

    line_id: int
    contact_id: int
    address: str
    message_id: str
    recipient: RecipientInfo | None
    name: str
    skip: str = ""  # why not, when recipient is None (a SkipReason value)


class MessageLedger(Protocol):
    """Where one kind of message keeps its lines (releases: ``distributions``; notices:
    ``information_notices``). ``SendingService.deliver`` sends through it."""

    def claim(self, line_id: int) -> Claim | None:
        """``pending -> sending`` in a committed transaction, re-checking the rules; None when
        another sender took the line or it was settled meanwhile."""
        ...

    def compose(self, claim: Claim, sender: SenderIdentity) -> EmailMessage:
        """Build the message for a claimed line (a release, or a notice)."""
        ...

    def finish(self, line_id: int, status: str, error: str) -> None:
        """Record the outcome at once (committed)."""
        ...


class _ReleaseLedger:
    """A release's distribution lines, for ``SendingService.deliver``."""

    def __init__(self, service: SendingService, content: ReleaseContent) -> None:
        self.service = service
        self.content = content

    def claim(self, line_id: int) -> Claim | None:
        return self.service._claim(line_id)

    def compose(self, claim: Claim, sender: SenderIdentity) -> EmailMessage:
        assert claim.recipient is not None
        return compose(self.content, claim.recipient, sender, message_id=claim.message_id or None)

    def finish(self, line_id: int, status: str, error: str) -> None:
        self.service._finish(line_id, status, error)


class SendingService(ServiceBase):
    """Sending releases by email: settings, the queue, the run that sends it at the
    server's pace, each message recorded in the ledger as it goes."""

    def __init__(
        self, db: Database, actor: str | None = None, passwords: PasswordStore | None = None
    ) -> None:
        super().__init__(db, actor)
        self.passwords = passwords or PasswordStore()
        self.transport_factory: TransportFactory = SmtpTransport

    # -- settings ---------------------------------------------------------------------------

    def settings(self) -> SmtpSettings:
        """The stored settings (defaults until saved)."""
        with self.db.session() as session:
            row = session.get(Setting, SETTINGS_KEY)
            return SmtpSettings.from_json(row.value) if row and row.value else SmtpSettings()

    def save_settings(self, settings: SmtpSettings) -> SmtpSettings:
        """Validate and store the settings; the stored ones."""
        clean_settings = settings.validated()
        with self.transaction() as session:
            row = session.get(Setting, SETTINGS_KEY)
            if row is None:
                session.add(Setting(key=SETTINGS_KEY, value=clean_settings.to_json()))
            else:
                row.value = clean_settings.to_json()
            self.audit(
                session,
                "save_settings",
                "smtp",
                None,
                host=clean_settings.host,
                port=clean_settings.port,
                security=clean_settings.security.value,
                username=clean_settings.username,
            )
        return clean_settings

    def password(self, settings: SmtpSettings | None = None) -> str | None:
        """The stored password of the account, or None when the user must be asked."""
        s = settings or self.settings()
        return self.passwords.get(s.account) if s.username else None

    def needs_password(self, settings: SmtpSettings | None = None) -> bool:
        """Whether sending would have to ask for the password first."""
        s = settings or self.settings()
        return bool(s.username) and self.password(s) is None

    def test_connection(self, settings: SmtpSettings, password: str | None) -> None:
        """Connect, log in and quit: raises SmtpError with the server's reason on failure."""
        transport = self.transport_factory(settings.validated(), password)
        transport.open()
        transport.close()

    # -- queueing ---------------------------------------------------------------------------

    def queue(
        self,
        release_id: int,
        contact_ids: Iterable[int],
        criteria: RecipientCriteria | None = None,
    ) -> QueueResult:
        """Write a pending ledger line for each contact the rules let through (the ones a
        refusal left ``failed`` are queued again); returns how many wait to be sent."""
        ids = list(dict.fromkeys(contact_ids))
        sender = self.settings().sender_address or "localhost"
        with self.transaction() as session:
            release = get_or_404(session, Release, release_id)
            rows = plan_rows(
                session,
                release_id,
                ids,
                DistributionChannel.EMAIL,
                release.language,
                with_greeting=False,
            )
            kept = [r for r in rows if r.skip is None]
            skipped: dict[SkipReason, int] = {}
            for r in rows:
                if r.skip is not None:
                    skipped[r.skip] = skipped.get(r.skip, 0) + 1
            existing: dict[int, list[Distribution]] = {}
            for chunk in chunks([r.contact_id for r in kept]):
                for d in session.scalars(
                    select(Distribution).where(
                        Distribution.release_id == release_id, Distribution.contact_id.in_(chunk)
                    )
                ):
                    if d.contact_id is not None:
                        existing.setdefault(d.contact_id, []).append(d)
            now = utcnow()
            new_rows = []
            for r in kept:
                lines = existing.get(r.contact_id, [])
                line = next((d for d in lines if d.address == r.address), None)
                if line is None:
                    for other in lines:
                        if other.status == PENDING:
                            session.delete(other)  # queued to an address they no longer use
                    new_rows.append(
                        Distribution(
                            release_id=release_id,
                            contact_id=r.contact_id,
                            address=r.address,
                            channel=DistributionChannel.EMAIL.value,
                            status=PENDING,
                            message_id=new_message_id(release_id, r.contact_id, sender),
                            created_at=now,
                        )
                    )
                elif line.status == DistributionStatus.FAILED.value:
                    line.status, line.error, line.channel = PENDING, "", "email"
            session.flush()
            session.add_all(new_rows)
            if criteria is not None:
                save_criteria(session, release_id, criteria)
            self.audit(
                session,
                "queue",
                "release",
                release_id,
                queued=len(kept),
                skipped={k.value: v for k, v in skipped.items()},
            )
        return QueueResult(len(kept), skipped)

    def state(self, release_id: int) -> SendingState:
        """Where the release's distributions stand, by status."""
        counts = dict.fromkeys(("pending", "sending", "sent", "failed", "recorded"), 0)
        with self.db.session() as session:
            for (status,) in session.execute(
                select(Distribution.status).where(Distribution.release_id == release_id)
            ):
                counts[status] = counts.get(status, 0) + 1
        return SendingState(
            pending=counts["pending"],
            uncertain=counts["sending"],
            sent=counts["sent"],
            failed=counts["failed"],
            recorded=counts["recorded"],
        )

    def discard_queue(self, release_id: int) -> int:
        """Give up the lines still waiting (a sending the officer does not want to resume)."""
        with self.transaction() as session:
            result = session.execute(
                delete(Distribution).where(
                    Distribution.release_id == release_id, Distribution.status == PENDING
                )
            )
            gone = int(getattr(result, "rowcount", 0) or 0)
            self.audit(session, "discard_queue", "release", release_id, lines=gone)
        return gone

    # -- sending ----------------------------------------------------------------------------

    def send_queued(
        self,
        release_id: int,
        password: str | None = None,
        progress: ProgressSink | None = None,
        on_outcome: Callable[[Outcome], None] | None = None,
        pace_seconds: float | None = None,
    ) -> SendReport:
        """Send every pending line of the release, one message each, recording each outcome as
        it happens. Cancel (``progress.check()`` raising) is honoured between messages."""
        releases = ReleaseService(self.db, self.actor)
        content = ReleaseContent.from_release(
            releases.get(release_id), releases.attachment_files(release_id)
        )
        with self.db.session() as session:
            queue = list(
                session.scalars(
                    select(Distribution.id)
                    .where(Distribution.release_id == release_id, Distribution.status == PENDING)
                    .order_by(Distribution.id)
                )
            )
        return self.deliver(
            queue,
            _ReleaseLedger(self, content),
            password=password,
            progress=progress,
            on_outcome=on_outcome,
            pace_seconds=pace_seconds,
            on_end=lambda report: self._audit_run(release_id, report),
        )

    def deliver(
        self,
        queue: Sequence[int],
        ledger: MessageLedger,
        *,
        password: str | None = None,
        progress: ProgressSink | None = None,
        on_outcome: Callable[[Outcome], None] | None = None,
        pace_seconds: float | None = None,
        on_end: Callable[[SendReport], None] | None = None,
    ) -> SendReport:
        """The one sending loop, for releases and for anything else sent one message per person
        (the GDPR information notices): each line of ``queue`` is claimed, composed, handed to
        the server and its outcome recorded through ``ledger``, at the settings' pace; cancel is
        honoured between messages; ``on_end`` gets the report however the run ends."""
        progress = progress or NullProgress()
        settings = self.settings().validated()
        if settings.username and password is None:
            password = self.password(settings)
            if password is None:
                raise SmtpError("smtp_password_missing", user=settings.username)
        pace = settings.pace_seconds if pace_seconds is None else pace_seconds
        sender = settings.identity()
        report = SendReport(total=len(queue))
        progress.report(0, report.total, "")
        if not queue:
            return report
        transport = self.transport_factory(settings, password)
        transport.open()  # a refused connection or login stops here: nothing was touched
        last_start = 0.0
        try:
            for done, line_id in enumerate(queue, start=1):
                progress.check()
                last_start = _wait_for_pace(last_start, pace, progress)
                claim = ledger.claim(line_id)
                if claim is None:
                    continue  # another sender took it, or it was settled meanwhile
                if claim.recipient is None:
                    outcome = Outcome(
                        line_id, claim.contact_id, claim.name, claim.address, "skipped",
                        claim.skip, done, report.total,
                    )  # fmt: skip
                    report.skipped += 1
                    self._report(report, outcome, progress, on_outcome)
                    continue
                try:
                    message = ledger.compose(claim, sender)
                except Exception:
                    ledger.finish(line_id, PENDING, "")  # nothing left the desk: back in queue
                    raise
                status, error = self._deliver(transport, message, sender.address, claim, ledger)
                ledger.finish(line_id, status, error)
                if status == DistributionStatus.SENT.value:
                    report.sent += 1
                else:
                    report.failed += 1
                outcome = Outcome(
                    line_id, claim.contact_id, claim.name, claim.address, status, error, done,
                    report.total,
                )  # fmt: skip
                self._report(report, outcome, progress, on_outcome)
        except SmtpError as exc:
            # The server went away or refused our sender mid-run: what was done is recorded,
            # the rest stays queued for a resume.
            report.stopped = str(exc)
        finally:
            transport.close()
            if on_end is not None:
                on_end(report)
        return report

    def _deliver(
        self,
        transport: Transport,
        message: EmailMessage,
        sender: str,
        claim: Claim,
        ledger: MessageLedger,
    ) -> tuple[str, str]:
        """Hand one message over; a refusal is an outcome, a lost connection is a doubt."""
        try:
            transport.send(message, sender, claim.address)
        except smtplib.SMTPSenderRefused as exc:
            ledger.finish(claim.line_id, PENDING, "")
            raise SmtpError("smtp_sender_refused", address=sender, reason=_reason(exc)) from exc
        except smtplib.SMTPRecipientsRefused as exc:
            return DistributionStatus.FAILED.value, _reason(exc)
        except smtplib.SMTPNotSupportedError as exc:  # e.g. an international address
            return DistributionStatus.FAILED.value, _reason(exc)
        except smtplib.SMTPResponseException as exc:  # DATA refused: too big, spam filter...
            return DistributionStatus.FAILED.value, _reason(exc)
        except (smtplib.SMTPServerDisconnected, OSError) as exc:
            # The connection broke while the message was in flight: it may have been accepted.
            # The line stays "sending" (to check), and the run stops.
            raise SmtpError(
                "smtp_connect",
                host=getattr(transport, "settings", SmtpSettings()).host,
                port=getattr(transport, "settings", SmtpSettings()).port,
                reason=_reason(exc),
            ) from exc
        return DistributionStatus.SENT.value, ""

    @staticmethod
    def _report(
        report: SendReport,
        outcome: Outcome,
        progress: ProgressSink,
        on_outcome: Callable[[Outcome], None] | None,
    ) -> None:
        report.outcomes.append(outcome)
        progress.report(outcome.done, outcome.total, f"{outcome.name} <{outcome.address}>")
        if on_outcome is not None:
            on_outcome(outcome)

    def _claim(self, distribution_id: int) -> Claim | None:
        """Take one pending line (committed), re-checking that the contact may still get it.

        Two desks sending the same release walk the same queue: the line is taken by one
        UPDATE whose subquery locks it ``FOR UPDATE SKIP LOCKED`` on PostgreSQL (SQLite has
        one writer at a time and ignores the clause), so a line another desk is claiming
        right now is passed over at once instead of waited for, and a line claimed and
        committed by another desk no longer reads "pending": each recipient gets it once."""
        with self.transaction() as session:
            free = (
                select(Distribution.id)
                .where(Distribution.id == distribution_id, Distribution.status == PENDING)
                .with_for_update(skip_locked=True)
            )
            result = session.execute(
                update(Distribution)
                .where(Distribution.id.in_(free), Distribution.status == PENDING)
                .values(status=SENDING, sent_at=None)
            )
            if int(getattr(result, "rowcount", 0) or 0) != 1:
                return None
            line = get_or_404(session, Distribution, distribution_id)
            if line.contact_id is None:  # the person was erased meanwhile: nothing to send
                session.delete(line)
                return None
            release = get_or_404(session, Release, line.release_id)
            # The line itself reads "sending" now; the rules are checked without it.
            rows = plan_rows(
                session,
                line.release_id,
                [line.contact_id],
                DistributionChannel.EMAIL,
                release.language,
                ignore_distribution=distribution_id,
            )
            planned: PlannedRecipient | None = rows[0] if rows else None
            if planned is None or planned.skip is not None:
                # Opted out, archived or served since it was queued: drop the line.
                reason = planned.skip if planned else SkipReason.ARCHIVED
                session.delete(line)
                self.audit(
                    session,
                    "skip",
                    "distribution",
                    distribution_id,
                    contact_id=line.contact_id,
                    reason=reason.value if reason else "",
                )
                return Claim(
                    distribution_id,
                    line.contact_id,
                    line.address,
                    line.message_id,
                    None,
                    planned.name if planned else "",
                    reason.value if reason else "",
                )
            assert planned.info is not None
            recipient = RecipientInfo(
                address=line.address,  # the address the officer saw in the plan
                contact_id=line.contact_id,
                civility=planned.info.civility,
                given_name=planned.info.given_name,
                family_name=planned.info.family_name,
                display_name=planned.info.display_name,
                salutation=planned.info.salutation,
            )
            return Claim(
                distribution_id,
                line.contact_id,
                line.address,
                line.message_id,
                recipient,
                planned.name,
            )

    def _finish(self, distribution_id: int, status: str, error: str) -> None:
        """Record one outcome (committed at once). The write comes first so that SQLite takes
        its write lock at once: another sender's commit can never make this one fail."""
        sent = status == DistributionStatus.SENT.value
        with self.transaction() as session:
            session.execute(
                update(Distribution)
                .where(Distribution.id == distribution_id)
                .values(status=status, error=error[:2000], sent_at=utcnow() if sent else None)
            )
            line = get_or_404(session, Distribution, distribution_id)
            if sent:
                session.execute(
                    update(Release)
                    .where(Release.id == line.release_id, Release.status != "sent")
                    # Once, at the first message: the form of a release opened before would
                    # save its old status back (services/edit_conflicts.py).
                    .values(status=ReleaseStatus.SENT.value, version=Release.version + 1)
                )
                record_interaction(session, [line.contact_id], Interaction.RELEASE)
            if status != PENDING:
                self.audit(
                    session,
                    "send" if sent else "send_failed",
                    "distribution",
                    distribution_id,
                    release_id=line.release_id,
                    contact_id=line.contact_id,
                    address=line.address,
                    error=error,
                )

    def _audit_run(self, release_id: int, report: SendReport) -> None:
        with self.transaction() as session:
            self.audit(
                session,
                "send_run",
                "release",
                release_id,
                total=report.total,
                sent=report.sent,
                failed=report.failed,
                skipped=report.skipped,
                stopped=report.stopped,
            )

    # -- by-products: .eml files, Bcc addresses, Excel sheet ---------------------------------

    def save_eml(self, plan: RecipientPlan, folder: Path) -> list[Path]:
        """One .eml file per kept recipient (to send from another program); records nothing."""
        releases = ReleaseService(self.db, self.actor)
        content = ReleaseContent.from_release(
            releases.get(plan.release_id), releases.attachment_files(plan.release_id)
        )
        sender = self.settings().identity()
        folder.mkdir(parents=True, exist_ok=True)
        written: list[Path] = []
        used: set[str] = set()
        for n, r in enumerate(plan.to_send, start=1):
            assert r.info is not None
            message = compose(content, r.info, sender)
            stem = _file_stem(f"{n:04d}-{r.name or r.address}")
            while stem in used:
                stem += "-"
            used.add(stem)
            target = folder / f"{stem}.eml"
            tmp = target.with_name(target.name + ".part")
            tmp.write_bytes(message.as_bytes())
            tmp.replace(target)
            written.append(target)
        return written

    @staticmethod
    def bcc_addresses(plan: RecipientPlan, separator: str = "; ") -> str:
        """The kept addresses for the Bcc field of another mail program (never To: or Cc:)."""
        return separator.join(r.address for r in plan.to_send)

    def export_recipients_xlsx(
        self, rows: Sequence[PlannedRecipient] | Sequence[LedgerLine], path: Path
    ) -> int:
        """The recipients (of a plan, or a release's ledger) as an Excel sheet, atomically."""
        from openpyxl import Workbook

        english = current_language() == "en"
        wb = Workbook(write_only=True)
        ws = wb.create_sheet("Destinataires" if not english else "Recipients")
        ledger = bool(rows) and isinstance(rows[0], LedgerLine)
        headers = _HEADERS_LEDGER if ledger or not rows else _HEADERS_PLAN
        ws.append(list(headers[1 if english else 0]))
        for row in rows:
            if isinstance(row, LedgerLine):
                ws.append(
                    [
                        row.name,
                        row.organisation,
                        row.address,
                        _label(_CHANNEL_LABELS, row.channel, english),
                        _label(_STATUS_LABELS, row.status, english),
                        _excel_time(row.sent_at),
                        row.error,
                    ]
                )
            else:
                ws.append(
                    [
                        row.name,
                        row.organisation,
                        row.address,
                        row.greeting,
                        _label(_SKIP_LABELS, row.skip.value, english)
                        if row.skip
                        else ("Will receive" if english else "Recevra"),
                    ]
                )
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.name + ".part")
        wb.save(tmp)
        tmp.replace(path)
        return len(rows)


# -- helpers ------------------------------------------------------------------------------------

_STATUS_LABELS = {
    "pending": ("En attente", "Pending"),
    "sending": ("Interrompu, à vérifier", "Interrupted, to check"),
    "sent": ("Envoyé", "Sent"),
    "failed": ("Refusé par le serveur", "Refused by the server"),
    "recorded": ("Enregistré", "Recorded"),
}
_CHANNEL_LABELS = {
    "email": ("Courriel", "Email"),
    "post": ("Courrier postal", "Post"),
    "hand": ("En main propre", "By hand"),
    "press_kit": ("Dossier de presse", "Press kit"),
    "other": ("Autre", "Other"),
}
_SKIP_LABELS = {
    "opted_out": ("Ignoré : désinscrit", "Skipped: opted out"),
    "archived": ("Ignoré : archivé", "Skipped: archived"),
    "already_received": ("Ignoré : déjà reçu", "Skipped: already received"),
    "uncertain": ("Ignoré : envoi interrompu, à vérifier", "Skipped: interrupted, to check"),
    "no_address": ("Ignoré : pas d'adresse", "Skipped: no address"),
    "duplicate_address": ("Ignoré : adresse en double", "Skipped: duplicate address"),
}
_HEADERS_LEDGER = (
    ("Nom", "Média / organisme", "Adresse", "Canal", "Statut", "Date", "Motif"),
    ("Name", "Outlet / organisation", "Address", "Channel", "Status", "Date", "Reason"),
)
_HEADERS_PLAN = (
    ("Nom", "Média / organisme", "Adresse", "Formule d'appel", "Statut"),
    ("Name", "Outlet / organisation", "Address", "Salutation", "Status"),
)


def _label(table: dict[str, tuple[str, str]], value: str, english: bool) -> str:
    pair = table.get(value)
    return pair[1 if english else 0] if pair else value


def _excel_time(moment: datetime | None) -> datetime | None:
    """Excel has no time zones: Paris wall-clock time, as the press officer reads it."""
    if moment is None:
        return None
    from fiac_press_desk.services.mail_composer import paris_time

    return paris_time(moment).replace(tzinfo=None)


def _file_stem(text: str) -> str:
    stem = re.sub(r"[^A-Za-z0-9@._-]+", "-", fold(text)).strip("-.")
    return stem[:80] or "message"


def _reason(exc: BaseException) -> str:
    """The server's words ("550 5.1.1 <x@y>: mailbox unknown"), without a final full stop
    (the messages that quote it add their own)."""
    return _raw_reason(exc).strip().rstrip(".")


def _raw_reason(exc: BaseException) -> str:
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        parts = []
        single = len(exc.recipients) == 1  # one recipient per message: the words name it
        for address, (code, text) in exc.recipients.items():
            words = text.decode("utf-8", "replace") if isinstance(text, bytes) else str(text)
            parts.append(f"{code} {words}" if single else f"{code} {words} ({address})")
        return "; ".join(parts)
    if isinstance(exc, smtplib.SMTPResponseException):
        raw: bytes | str = exc.smtp_error
        said = raw.decode("utf-8", "replace") if isinstance(raw, bytes) else str(raw)
        return f"{exc.smtp_code} {said}"
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return str(exc) or type(exc).__name__


def _wait_for_pace(last_start: float, pace: float, progress: ProgressSink) -> float:
    """Sleep until ``pace`` seconds passed since the previous message, noticing a cancel."""
    if pace > 0 and last_start:
        deadline = last_start + pace
        while (left := deadline - time.monotonic()) > 0:
            progress.check()
            time.sleep(min(left, 0.05))
    return time.monotonic()
