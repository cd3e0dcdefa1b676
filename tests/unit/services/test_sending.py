"""Sending through a real SMTP server on 127.0.0.1 (aiosmtpd): one message per recipient, the
skipped get nothing, refusals and interruptions are recorded, a resumed run never sends twice."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
from datetime import UTC, datetime
from email.message import EmailMessage
from pathlib import Path

import pytest
from local_smtp import local_smtp
from openpyxl import load_workbook
from release_helpers import PDF, PNG, aware, newsroom, person, release, smtp_settings
from sqlalchemy import select

from fiac_press_desk.domain.enums import DistributionStatus, SkipReason
from fiac_press_desk.domain.errors import ValidationError
from fiac_press_desk.services import Services
from fiac_press_desk.services.distribution import RecipientCriteria
from fiac_press_desk.services.releases import AttachmentFile
from fiac_press_desk.services.sending import (
    Outcome,
    PasswordStore,
    Security,
    SendingService,
    SmtpError,
    SmtpSettings,
    SmtpTransport,
)
from fiac_press_desk.storage.database import Database
from fiac_press_desk.storage.models import AuditEntry, Setting


class Stop(Exception):
    """Stands for the window's Cancelled."""


class CancelAfter:
    """A progress sink whose user presses Cancel once ``n`` messages have gone out."""

    def __init__(self, n: int) -> None:
        self.n = n
        self.seen = 0

    def report(self, done: int, total: int, text: str = "") -> None:
        if done:
            self.seen = done

    def check(self) -> None:
        if self.seen >= self.n:
            raise Stop


@pytest.fixture(autouse=True)
def _fresh_password_memory() -> None:
    PasswordStore._memory.clear()


def statuses(services: Services, release_id: int) -> dict[str, str]:
    return {line.address: line.status for line in services.distributions.recipients_of(release_id)}


def queue_list(services: Services, release_id: int, room_ids: list[int]) -> None:
    plan = services.distributions.plan(release_id, RecipientCriteria(contact_ids=room_ids))
    services.sending.queue(release_id, plan.contact_ids(), plan.criteria)


# -- one message per recipient ------------------------------------------------------------------


def test_each_recipient_gets_one_message_with_salutation_embargo_and_attachments(
    services: Services,
) -> None:
    newsroom(services)
    embargo = aware(2024, 3, 12, 9, 0)  # 10:00 in Paris (winter time)
    rid = release(
        services,
        embargo=embargo,
        attachments=[
            AttachmentFile("communiqué.pdf", PDF, "application/pdf"),
            AttachmentFile("visuel.png", PNG, "image/png"),
        ],
    )
    with local_smtp() as server:
        services.sending.save_settings(smtp_settings(server.host, server.port))
        plan = services.distributions.plan(rid, RecipientCriteria(list_ids=[1]))
        result = services.sending.queue(rid, plan.contact_ids(), plan.criteria)
        assert result.queued == 3
        outcomes: list[Outcome] = []
        report = services.sending.send_queued(rid, on_outcome=outcomes.append)
        counts = server.mailbox.by_address()

    assert (report.sent, report.failed, report.total) == (3, 0, 3)
    assert [o.status for o in outcomes] == ["sent"] * 3
    assert counts == {
        "camille.dupont@example.fr": 1,
        "redaction@example.org": 1,
        "camille.roux@example.com": 1,
    }
    # Never one message with everyone visible: one envelope recipient and one To: each.
    for received in server.mailbox.received:
        assert len(received.rcpt_tos) == 1
        assert received.message["To"].addresses[0].addr_spec == received.rcpt_tos[0]
        assert received.message["Cc"] is None and received.message["Bcc"] is None
        assert received.mail_from == "presse@example.fr"

    greetings = {
        "camille.dupont@example.fr": "Madame Dupont,",
        "redaction@example.org": "Monsieur Martin,",
        "camille.roux@example.com": "Bonjour Camille,",
    }
    for address, greeting in greetings.items():
        (message,) = server.mailbox.messages_to(address)
        assert message["Subject"] == (
            "[EMBARGO jusqu'au 12 mars 2024, 10 h 00] "
            "La Filière réunit les acteurs des données de vie réelle"
        )
        text = message.get_body(("plain",)).get_content()
        lines = text.splitlines()
        assert lines[0] == (
            "EMBARGO : à ne pas publier avant le mardi 12 mars 2024 à 10 h 00 (heure de Paris)."
        )
        assert lines[2] == greeting
        html = message.get_body(("html",)).get_content()
        assert greeting in html and "EMBARGO" in html
        assert "<strong>du gras</strong>" in html
        files = {p.get_filename(): p.get_content() for p in message.iter_attachments()}
        assert files == {"communiqué.pdf": PDF, "visuel.png": PNG}
        assert message["Message-ID"]

    lines = {line.address: line for line in services.distributions.recipients_of(rid)}
    assert {a: line.status for a, line in lines.items()} == dict.fromkeys(greetings, "sent")
    for address, line in lines.items():
        (message,) = server.mailbox.messages_to(address)
        assert line.message_id == message["Message-ID"]  # the ledger knows which message
        assert line.sent_at is not None
    assert services.releases.get(rid).status == "sent"


def test_opted_out_archived_and_address_less_contacts_get_nothing(services: Services) -> None:
    room = newsroom(services)
    rid = release(services)
    with local_smtp() as server:
        services.sending.save_settings(smtp_settings(server.host, server.port))
        # Even handed over explicitly, the skip rules hold when queueing...
        result = services.sending.queue(rid, room.in_list)
        # ...and a contact who opts out after being queued is dropped at sending time.
        services.contacts.set_opted_out(room.camille, True, "Ne souhaite plus rien recevoir")
        report = services.sending.send_queued(rid)
        counts = server.mailbox.by_address()

    assert result.skipped == {
        SkipReason.OPTED_OUT: 1,
        SkipReason.ARCHIVED: 1,
        SkipReason.NO_ADDRESS: 1,
        SkipReason.DUPLICATE_ADDRESS: 1,
    }
    assert counts == {"camille.dupont@example.fr": 1, "redaction@example.org": 1}
    assert (report.sent, report.skipped) == (2, 1)
    assert "camille.roux@example.com" not in statuses(services, rid)
    for address in ("olivier@example.fr", "anne@example.fr"):
        assert server.mailbox.messages_to(address) == []


def test_a_refused_recipient_is_the_only_one_marked_failed(services: Services) -> None:
    room = newsroom(services)
    rid = release(services)
    with local_smtp(refuse={"redaction@example.org"}) as server:
        services.sending.save_settings(smtp_settings(server.host, server.port))
        queue_list(services, rid, room.in_list)
        report = services.sending.send_queued(rid)
        counts = server.mailbox.by_address()

    assert (report.sent, report.failed) == (2, 1)
    assert counts == {"camille.dupont@example.fr": 1, "camille.roux@example.com": 1}
    lines = {line.address: line for line in services.distributions.recipients_of(rid)}
    assert lines["redaction@example.org"].status == "failed"
    assert lines["redaction@example.org"].error.startswith("550 5.1.1")
    assert "mailbox unknown" in lines["redaction@example.org"].error
    assert lines["redaction@example.org"].sent_at is None
    assert {lines[a].status for a in counts} == {"sent"}

    # Once the address works again, queueing the same plan retries only the refused one.
    with local_smtp() as server:
        services.sending.save_settings(smtp_settings(server.host, server.port))
        queue_list(services, rid, room.in_list)
        services.sending.send_queued(rid)
        assert server.mailbox.by_address() == {"redaction@example.org": 1}
    assert set(statuses(services, rid).values()) == {"sent"}


# -- interruptions ------------------------------------------------------------------------------


def test_cancel_then_resume_sends_nobody_twice(services: Services) -> None:
    room = newsroom(services)
    rid = release(services)
    with local_smtp() as server:
        services.sending.save_settings(smtp_settings(server.host, server.port))
        queue_list(services, rid, room.in_list)
        with pytest.raises(Stop):
            services.sending.send_queued(rid, progress=CancelAfter(1))
        assert sum(server.mailbox.by_address().values()) == 1
        state = services.sending.state(rid)
        assert (state.sent, state.pending, state.uncertain) == (1, 2, 0)

        report = services.sending.send_queued(rid)  # resume
        counts = server.mailbox.by_address()

    assert report.total == 2
    assert counts == {
        "camille.dupont@example.fr": 1,
        "redaction@example.org": 1,
        "camille.roux@example.com": 1,
    }


class CrashAfterAccept(SmtpTransport):
    """The process "dies" right after the server accepted message ``n``: before the ledger
    could record it (the crash window)."""

    def __init__(self, settings: SmtpSettings, password: str | None, n: int) -> None:
        super().__init__(settings, password)
        self.n = n
        self.sent = 0

    def send(self, message: EmailMessage, sender: str, recipient: str) -> None:
        super().send(message, sender, recipient)
        self.sent += 1
        if self.sent == self.n:
            raise RuntimeError("simulated crash between the server's 250 and the commit")


def test_crash_in_the_window_then_another_sender_resumes_without_resending(
    services: Services, db_path: Path
) -> None:
    room = newsroom(services)
    rid = release(services)
    with local_smtp() as server:
        services.sending.save_settings(smtp_settings(server.host, server.port))
        queue_list(services, rid, room.in_list)
        services.sending.transport_factory = lambda s, p: CrashAfterAccept(s, p, 2)
        with pytest.raises(RuntimeError, match="simulated crash"):
            services.sending.send_queued(rid)
        first_run = server.mailbox.by_address()
        assert sum(first_run.values()) == 2

        # A second sender (another process would open its own database connection).
        other_db = Database(f"sqlite:///{db_path}")
        try:
            other = SendingService(other_db, actor="resume")
            state = other.state(rid)
            assert (state.sent, state.uncertain, state.pending) == (1, 1, 1)
            report = other.send_queued(rid)
        finally:
            other_db.dispose()
        counts = server.mailbox.by_address()

    assert report.total == 1 and report.sent == 1
    assert set(counts.values()) == {1}  # nobody got it twice
    assert len(counts) == 3
    lines = services.distributions.recipients_of(rid)
    uncertain = [line for line in lines if line.status == "sending"]
    assert len(uncertain) == 1 and uncertain[0].address in first_run
    # The plan tells the officer, and a new queueing leaves that contact alone.
    plan = services.distributions.plan(rid, RecipientCriteria(contact_ids=room.in_list))
    flagged = [r for r in plan.recipients if r.skip is SkipReason.UNCERTAIN]
    assert [r.contact_id for r in flagged] == [uncertain[0].contact_id]
    assert services.sending.queue(rid, plan.contact_ids()).queued == 0
    # The officer checked the sent folder: it did arrive.
    services.distributions.set_lines_status(
        [uncertain[0].distribution_id], DistributionStatus.SENT, "vérifié"
    )
    assert set(statuses(services, rid).values()) == {"sent"}


SENDER_SCRIPT = textwrap.dedent(
    """
    import sys
    from fiac_press_desk.services import Services
    services = Services.open(sys.argv[1], actor="child")
    services.sending.send_queued(int(sys.argv[2]))
    """
)


def test_a_sender_killed_after_the_server_accepted_is_not_resent(
    services: Services, db_path: Path, tmp_path: Path
) -> None:
    """A real crash: the sending process is SIGKILLed while the server holds message 2, before
    the sender could read the 250 and commit. The resumed run sends the rest, nobody twice."""
    room = newsroom(services)
    rid = release(services)
    script = tmp_path / "sender.py"
    script.write_text(SENDER_SCRIPT, encoding="utf-8")
    child: dict[str, subprocess.Popen[bytes]] = {}
    with local_smtp() as server:
        services.sending.save_settings(smtp_settings(server.host, server.port))
        queue_list(services, rid, room.in_list)

        def kill_on_second(count: int) -> None:
            if count == 2:
                os.kill(child["p"].pid, signal.SIGKILL)

        server.mailbox.after_data = kill_on_second
        env = dict(os.environ)
        env.pop("FIAC_PRESS_DESK_DB", None)
        log = tmp_path / "sender.log"
        with log.open("wb") as err:
            child["p"] = subprocess.Popen(
                [sys.executable, str(script), f"sqlite:///{db_path}", str(rid)],
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=err,
            )
            child["p"].wait(timeout=60)
        assert child["p"].returncode == -signal.SIGKILL, log.read_text()
        assert sum(server.mailbox.by_address().values()) == 2
        server.mailbox.after_data = None

        state = services.sending.state(rid)
        assert (state.sent, state.uncertain, state.pending) == (1, 1, 1)
        services.sending.send_queued(rid)
        counts = server.mailbox.by_address()

    assert len(counts) == 3 and set(counts.values()) == {1}


def test_two_senders_at_once_never_take_the_same_line(services: Services, db_path: Path) -> None:
    many = services.contacts.create_many(
        [
            person(f"Prénom{n}", f"Nom{n}", f"journaliste{n}@example.org", civility="Mme")
            for n in range(24)
        ]
    )
    rid = release(services)
    with local_smtp() as server:
        services.sending.save_settings(smtp_settings(server.host, server.port))
        services.sending.queue(rid, many)
        databases = [Database(f"sqlite:///{db_path}") for _ in range(2)]
        errors: list[BaseException] = []

        def run(db: Database) -> None:
            try:
                SendingService(db, actor="parallel").send_queued(rid)
            except BaseException as exc:  # reported below
                errors.append(exc)

        threads = [threading.Thread(target=run, args=(db,)) for db in databases]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=60)
        for db in databases:
            db.dispose()
        counts = server.mailbox.by_address()

    assert errors == []
    assert len(counts) == 24 and set(counts.values()) == {1}
    assert set(statuses(services, rid).values()) == {"sent"}


def test_pace_limit_spaces_the_messages(services: Services) -> None:
    room = newsroom(services)
    rid = release(services)
    with local_smtp() as server:
        services.sending.save_settings(smtp_settings(server.host, server.port, pace_seconds=0.15))
        queue_list(services, rid, room.in_list)
        start = time.monotonic()
        services.sending.send_queued(rid)
        elapsed = time.monotonic() - start
    assert sum(server.mailbox.by_address().values()) == 3
    assert elapsed >= 0.29  # two waits between three messages


# -- server, login and TLS ----------------------------------------------------------------------


def test_unreachable_server_touches_nothing(services: Services) -> None:
    room = newsroom(services)
    rid = release(services)
    from local_smtp import free_port

    services.sending.save_settings(smtp_settings("127.0.0.1", free_port()))
    queue_list(services, rid, room.in_list)
    with pytest.raises(SmtpError) as caught:
        services.sending.send_queued(rid)
    assert "Connexion impossible au serveur d'envoi 127.0.0.1" in str(caught.value)
    assert set(statuses(services, rid).values()) == {"pending"}


def test_login_with_the_password_kept_for_the_run_and_a_wrong_one(services: Services) -> None:
    room = newsroom(services)
    rid = release(services)
    with local_smtp(login=("presse", "s3cret-Pa55")) as server:
        settings = services.sending.save_settings(
            smtp_settings(server.host, server.port, username="presse")
        )
        queue_list(services, rid, room.in_list)
        assert services.sending.needs_password()
        with pytest.raises(SmtpError, match="mot de passe du compte d'envoi presse"):
            services.sending.send_queued(rid)
        with pytest.raises(SmtpError, match="refusé l'identifiant ou le mot de passe"):
            services.sending.send_queued(rid, password="wrong")
        assert set(statuses(services, rid).values()) == {"pending"}

        services.sending.passwords.remember(settings.account, "s3cret-Pa55", persist=False)
        assert not services.sending.needs_password()
        services.sending.test_connection(settings, services.sending.password())
        services.sending.send_queued(rid)
        assert sum(server.mailbox.by_address().values()) == 3


def test_the_password_is_never_written_to_the_database(services: Services, db_path: Path) -> None:
    settings = services.sending.save_settings(smtp_settings("127.0.0.1", 2525, username="presse"))
    services.sending.passwords.remember(settings.account, "Ne-Pas-Ecrire-42", persist=True)
    services.db.dispose()
    raw = b"".join(p.read_bytes() for p in db_path.parent.glob(db_path.name + "*"))
    assert b"Ne-Pas-Ecrire-42" not in raw
    with services.db.session() as session:
        stored = session.get(Setting, "smtp")
        assert stored is not None and "Ne-Pas-Ecrire" not in stored.value
        assert all(
            "Ne-Pas-Ecrire" not in (e.details or "") for e in session.scalars(select(AuditEntry))
        )


def test_keyring_when_a_backend_works_memory_otherwise() -> None:
    import keyring
    from keyring.backend import KeyringBackend
    from keyring.backends import fail

    class DictKeyring(KeyringBackend):
        priority = 1  # type: ignore[assignment]
        items: dict[tuple[str, str], str] = {}

        def get_password(self, service: str, username: str) -> str | None:
            return self.items.get((service, username))

        def set_password(self, service: str, username: str, password: str) -> None:
            self.items[(service, username)] = password

        def delete_password(self, service: str, username: str) -> None:
            self.items.pop((service, username), None)

    previous = keyring.get_keyring()
    try:
        keyring.set_keyring(DictKeyring())
        store = PasswordStore()
        assert store.keyring_available()
        assert store.remember("presse@smtp:587", "motdepasse") is True
        PasswordStore._memory.clear()  # a new run of the application
        assert PasswordStore().get("presse@smtp:587") == "motdepasse"
        store.forget("presse@smtp:587")
        PasswordStore._memory.clear()
        assert PasswordStore().get("presse@smtp:587") is None

        keyring.set_keyring(fail.Keyring())
        store = PasswordStore()
        assert not store.keyring_available()
        assert store.remember("presse@smtp:587", "motdepasse") is False
        assert PasswordStore().get("presse@smtp:587") == "motdepasse"  # same run: asked once
        PasswordStore._memory.clear()  # next run: asked again
        assert PasswordStore().get("presse@smtp:587") is None
    finally:
        keyring.set_keyring(previous)


@pytest.mark.parametrize("mode", ["starttls", "ssl"])
def test_tls_modes_with_login(services: Services, tmp_path: Path, mode: str) -> None:
    pytest.importorskip("cryptography")
    room = newsroom(services)
    rid = release(services)
    with local_smtp(login=("presse", "pw"), tls=mode, cert_dir=tmp_path / "tls") as server:
        services.sending.save_settings(
            smtp_settings(
                server.host,
                server.port,
                security=Security.STARTTLS if mode == "starttls" else Security.SSL,
                username="presse",
            )
        )
        services.sending.transport_factory = lambda s, p: SmtpTransport(
            s, p, ssl_context=server.client_context
        )
        queue_list(services, rid, room.in_list)
        report = services.sending.send_queued(rid, password="pw")
        assert report.sent == 3
        assert sum(server.mailbox.by_address().values()) == 3


def test_an_untrusted_certificate_is_refused(services: Services, tmp_path: Path) -> None:
    pytest.importorskip("cryptography")
    with local_smtp(tls="starttls", cert_dir=tmp_path / "tls") as server:
        settings = smtp_settings(server.host, server.port, security=Security.STARTTLS)
        with pytest.raises(SmtpError, match="Connexion impossible"):
            services.sending.test_connection(settings, None)  # system CAs do not know it


# -- settings -----------------------------------------------------------------------------------


def test_settings_round_trip_and_validation(services: Services) -> None:
    assert services.sending.settings() == SmtpSettings()
    saved = services.sending.save_settings(
        SmtpSettings(
            host=" smtp.example.fr ",
            port=465,
            security=Security.SSL,
            username="presse",
            sender_name="Presse FIAC",
            sender_address="Presse@Example.FR",
            reply_to="contact@example.fr",
            pace_seconds=2,
        )
    )
    assert saved.host == "smtp.example.fr" and saved.sender_address == "Presse@example.fr"
    assert services.sending.settings() == saved
    with pytest.raises(ValidationError) as caught:
        services.sending.save_settings(SmtpSettings(sender_address="presse@example.fr"))
    assert caught.value.field == "host"
    assert "Paramètres d'envoi incomplets" in caught.value.message
    with pytest.raises(ValidationError) as caught:
        services.sending.save_settings(SmtpSettings(host="smtp.example.fr"))
    assert caught.value.field == "sender_address"
    with pytest.raises(ValidationError):
        services.sending.save_settings(
            SmtpSettings(host="smtp.example.fr", sender_address="pas une adresse")
        )
    assert services.sending.settings() == saved  # a refused save changed nothing


# -- by-products --------------------------------------------------------------------------------


def test_eml_files_bcc_and_excel_export(services: Services, tmp_path: Path) -> None:
    room = newsroom(services)
    rid = release(services, attachments=[AttachmentFile("cp.pdf", PDF)])
    services.sending.save_settings(smtp_settings("127.0.0.1", 25))
    plan = services.distributions.plan(rid, RecipientCriteria(contact_ids=room.in_list))

    files = services.sending.save_eml(plan, tmp_path / "eml")
    assert len(files) == 3 and all(f.suffix == ".eml" for f in files)
    import email
    from email.policy import default

    parsed = [email.message_from_bytes(f.read_bytes(), policy=default) for f in files]
    assert sorted(m["To"].addresses[0].addr_spec for m in parsed) == sorted(
        r.address for r in plan.to_send
    )
    assert all(len(m["To"].addresses) == 1 for m in parsed)
    assert any("Madame Dupont," in m.get_body(("plain",)).get_content() for m in parsed)
    assert services.distributions.recipients_of(rid) == []  # saving records nothing

    bcc = services.sending.bcc_addresses(plan)
    assert bcc == "camille.dupont@example.fr; redaction@example.org; camille.roux@example.com"
    assert "olivier@example.fr" not in bcc

    out = tmp_path / "destinataires.xlsx"
    assert services.sending.export_recipients_xlsx(plan.recipients, out) == len(plan.recipients)
    ws = load_workbook(out).active
    assert ws is not None
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0] == ("Nom", "Média / organisme", "Adresse", "Formule d'appel", "Statut")
    by_name = {r[0]: r for r in rows[1:]}
    assert by_name["Camille Dupont"][3:] == ("Madame Dupont,", "Recevra")
    assert by_name["Olivier Désinscrit"][4] == "Ignoré : désinscrit"

    services.distributions.record(rid, plan.contact_ids(), datetime.now(UTC), "email")
    ledger_out = tmp_path / "ledger.xlsx"
    services.sending.export_recipients_xlsx(services.distributions.recipients_of(rid), ledger_out)
    ws = load_workbook(ledger_out).active
    assert ws is not None
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0][:5] == ("Nom", "Média / organisme", "Adresse", "Canal", "Statut")
    assert {r[4] for r in rows[1:]} == {"Enregistré"} and {r[3] for r in rows[1:]} == {"Courriel"}
    assert all(isinstance(r[5], datetime) for r in rows[1:])
