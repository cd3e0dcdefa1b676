"""A real SMTP server for the tests (aiosmtpd), on 127.0.0.1 only, that keeps what it receives.

It can refuse chosen recipients at RCPT (550, like a server that does not know the mailbox),
require a login, speak TLS (STARTTLS or implicit) with a throw-away self-signed certificate,
and call a hook after each accepted message (to kill a sender in the middle of a run).
"""

from __future__ import annotations

import email
import socket
import ssl
import threading
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.policy import default
from pathlib import Path
from typing import Any

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

HOST = "127.0.0.1"


@dataclass
class Received:
    mail_from: str
    rcpt_tos: list[str]
    message: EmailMessage


@dataclass
class Mailbox:
    """The aiosmtpd handler: what arrived, in order."""

    refuse: set[str] = field(default_factory=set)
    after_data: Callable[[int], None] | None = None
    received: list[Received] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    async def handle_RCPT(
        self, server: Any, session: Any, envelope: Any, address: str, rcpt_options: Any
    ) -> str:
        if address.lower() in self.refuse:
            return f"550 5.1.1 <{address}>: Recipient address rejected: mailbox unknown"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        raw = envelope.original_content or envelope.content
        message = email.message_from_bytes(raw, policy=default)
        with self.lock:
            self.received.append(Received(envelope.mail_from, list(envelope.rcpt_tos), message))  # type: ignore[arg-type]
            count = len(self.received)
        if self.after_data is not None:
            self.after_data(count)
        return "250 2.0.0 Message accepted for delivery"

    def by_address(self) -> Counter[str]:
        """How many messages each address got (envelope recipients)."""
        with self.lock:
            return Counter(a.lower() for r in self.received for a in r.rcpt_tos)

    def messages_to(self, address: str) -> list[EmailMessage]:
        with self.lock:
            return [
                r.message for r in self.received if address.lower() in map(str.lower, r.rcpt_tos)
            ]


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


class _Authenticator:
    def __init__(self, user: str, password: str) -> None:
        self.user, self.password = user, password

    def __call__(
        self, server: Any, session: Any, envelope: Any, mechanism: str, auth_data: Any
    ) -> AuthResult:
        ok = (
            isinstance(auth_data, LoginPassword)
            and auth_data.login.decode() == self.user
            and auth_data.password.decode() == self.password
        )
        return AuthResult(success=ok, handled=False)


@dataclass
class LocalSmtp:
    host: str
    port: int
    mailbox: Mailbox
    client_context: ssl.SSLContext | None = None  # trusts the throw-away certificate


@contextmanager
def local_smtp(
    *,
    refuse: set[str] | None = None,
    login: tuple[str, str] | None = None,
    tls: str | None = None,  # None, "starttls" or "ssl"
    cert_dir: Path | None = None,
) -> Iterator[LocalSmtp]:
    mailbox = Mailbox(refuse={a.lower() for a in (refuse or set())})
    port = free_port()
    kwargs: dict[str, Any] = {}
    client_context = None
    if login is not None:
        # aiosmtpd only counts STARTTLS as TLS for AUTH; implicit TLS is TLS all the same.
        kwargs.update(authenticator=_Authenticator(*login), auth_require_tls=tls == "starttls")
    if tls is not None:
        assert cert_dir is not None
        server_context, client_context = tls_contexts(cert_dir)
        if tls == "starttls":
            kwargs.update(tls_context=server_context, require_starttls=True)
        else:
            kwargs.update(ssl_context=server_context)
    controller = Controller(mailbox, hostname=HOST, port=port, **kwargs)
    if tls == "ssl":
        # The controller's readiness probe would wrap its socket with the server's context.
        assert client_context is not None
        tls_client = client_context

        def probe() -> None:
            with (
                socket.create_connection((HOST, port), 2.0) as raw,
                tls_client.wrap_socket(raw, server_hostname=HOST) as sock,
            ):
                sock.recv(1024)

        controller._trigger_server = probe  # type: ignore[method-assign]
    controller.start()
    try:
        yield LocalSmtp(HOST, port, mailbox, client_context)
    finally:
        controller.stop()


def tls_contexts(folder: Path) -> tuple[ssl.SSLContext, ssl.SSLContext]:
    """A self-signed certificate for 127.0.0.1: the server's context and a client's that
    trusts it (and nothing else)."""
    import datetime
    import ipaddress

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = datetime.datetime.now(datetime.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(hours=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address(HOST))]),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    folder.mkdir(parents=True, exist_ok=True)
    cert_path, key_path = folder / "cert.pem", folder / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    server = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    server.load_cert_chain(cert_path, key_path)
    client = ssl.create_default_context(cafile=str(cert_path))
    return server, client
