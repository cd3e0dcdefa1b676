"""A shared database's connection as the window's File > Shared database… edits it, and the
test of it (issue 14).

``ConnectionFields`` are what the press officer types (server, port, database, role, TLS);
``url()`` makes the URL the desk keeps, never with a password (the keyring holds it,
``shared_database``); ``from_url`` reads one back. ``probe`` connects once and says what it
found in plain terms: the server's version and whether the desk's schema is there (at which
revision), or why it failed (``Problem``) with the driver's own words kept for "Details".
It runs in a worker, never on the window's thread (it may wait up to ``CONNECT_TIMEOUT_S``).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy.engine import URL, make_url

from fiac_press_desk.storage.shared_database import (
    connectable_url,
    is_postgresql,
    refuse_password_in_url,
)

DEFAULT_PORT = 5432
CONNECT_TIMEOUT_S = 5  # libpq's connect_timeout: an unreachable server answers in that time
# The TLS modes the dialog offers (libpq's sslmode); "" leaves libpq's default ("prefer":
# encrypted when the server offers it, unchecked).
TLS_MODES = ("", "require", "verify-full")
# Tables every desk schema has: an alembic_version of an unknown revision beside them is a
# newer desk, without them another program's.
DESK_TABLES = frozenset({"contacts", "audit_log", "releases", "enquiries"})


@dataclass(frozen=True)
class ConnectionFields:
    """A shared database as the dialog shows it; no password (the keyring has it)."""

    host: str = ""
    port: int = DEFAULT_PORT
    database: str = ""
    role: str = ""
    sslmode: str = ""
    sslrootcert: str = ""

    def missing(self) -> list[str]:
        """The fields that must be filled in before connecting, by name."""
        needed = {"host": self.host, "database": self.database, "role": self.role}
        if self.sslmode == "verify-full":
            needed["sslrootcert"] = self.sslrootcert
        return [name for name, value in needed.items() if not value.strip()]

    def url(self) -> str:
        """The URL the desk keeps and opens: ``postgresql://role@host:port/db?sslmode=…``."""
        query: dict[str, str] = {}
        if self.sslmode:
            query["sslmode"] = self.sslmode
        if self.sslmode == "verify-full" and self.sslrootcert.strip():
            query["sslrootcert"] = self.sslrootcert.strip()
        url = URL.create(
            "postgresql",
            username=self.role.strip(),
            host=self.host.strip(),
            port=self.port,
            database=self.database.strip(),
            query=query,
        )
        text = url.render_as_string(hide_password=False)
        refuse_password_in_url(text)  # never one: the URL is built without it
        return text

    @classmethod
    def from_url(cls, url: str) -> ConnectionFields | None:
        """The fields of a PostgreSQL URL, or None for any other database."""
        if not is_postgresql(url):
            return None
        parsed = make_url(url)
        query = {key: str(value) for key, value in parsed.query.items()}
        return cls(
            host=parsed.host or "",
            port=parsed.port or DEFAULT_PORT,
            database=parsed.database or "",
            role=parsed.username or "",
            sslmode=query.get("sslmode", ""),
            sslrootcert=query.get("sslrootcert", ""),
        )


class Problem(StrEnum):
    """Why a connection failed, as the press officer can act on it."""

    UNKNOWN_HOST = "unknown_host"  # no such server name
    REFUSED = "refused"  # the server is there, nothing listens on that port
    TIMEOUT = "timeout"  # no answer (firewall, wrong address)
    BAD_PASSWORD = "bad_password"
    NO_PASSWORD = "no_password"  # the server asks one and none is known
    NO_ROLE = "no_role"
    NO_DATABASE = "no_database"
    NOT_ALLOWED = "not_allowed"  # pg_hba.conf has no line for this machine or role
    TLS = "tls"  # refused, unverifiable or missing certificate
    NO_DRIVER = "no_driver"  # the postgresql extra is not installed
    OTHER = "other"


class Schema(StrEnum):
    """What the database holds."""

    EMPTY = "empty"  # no table: the desk's schema can be made there
    CURRENT = "current"  # the desk's, at this application's revision
    OLDER = "older"  # the desk's, to be brought up to date (the migrations run on opening)
    NEWER = "newer"  # the desk's, made by a newer version of the application: refused
    FOREIGN = "foreign"  # another program's tables: refused


@dataclass(frozen=True)
class ProbeResult:
    """What one connection attempt found."""

    problem: Problem | None = None
    detail: str = ""  # the driver's words (never the password), for "Details"
    server_version: str = ""
    schema: Schema | None = None
    revision: str | None = None
    head: str = ""
    tables: int = 0

    @property
    def connected(self) -> bool:
        """The server answered and let this role in."""
        return self.problem is None

    @property
    def usable(self) -> bool:
        """The desk may open it (after the confirmation an empty or older one asks)."""
        return self.connected and self.schema in (Schema.EMPTY, Schema.CURRENT, Schema.OLDER)


# What libpq (or psycopg resolving the name first) says, in English, for each problem.
_SIGNS: tuple[tuple[Problem, tuple[str, ...]], ...] = (
    (Problem.UNKNOWN_HOST, ("failed to resolve host", "could not translate host name")),
    (Problem.BAD_PASSWORD, ("password authentication failed",)),
    (Problem.NO_PASSWORD, ("no password supplied",)),
    (Problem.NO_DATABASE, ("database", "does not exist")),
    (Problem.NO_ROLE, ("role", "does not exist")),
    (Problem.NOT_ALLOWED, ("no pg_hba.conf entry",)),
    (
        Problem.TLS,
        (
            "ssl error",
            "ssl was required",
            "ssl connection",
            "ssl negotiation",
            "ssl syscall",
            "certificate",
            "sslrootcert",
        ),
    ),
    (Problem.REFUSED, ("connection refused",)),
    (Problem.TIMEOUT, ("timeout expired", "timed out")),
)


def classify(message: str) -> Problem:
    """The problem a connection error's text tells (the first that fits)."""
    text = message.lower()
    for problem, signs in _SIGNS:
        if problem in (Problem.NO_DATABASE, Problem.NO_ROLE):
            if f'{signs[0]} "' in text and signs[1] in text:
                return problem
        elif any(sign in text for sign in signs):
            return problem
    return Problem.OTHER


def probe(url: str, password: str | None = None) -> ProbeResult:
    """Connect to ``url`` once (with ``password``, else the keyring's) and look: the server's
    version, the desk's schema and revision. Never raises for a connection that fails: the
    result says why. The password never reaches ``detail``."""
    from sqlalchemy import create_engine, event, inspect, text
    from sqlalchemy.exc import DBAPIError, NoSuchModuleError
    from sqlalchemy.pool import NullPool

    from fiac_press_desk.storage.database import HEAD_REVISION, note_access

    target = connectable_url(url)
    if password:
        target = make_url(url).set(drivername="postgresql+psycopg", password=password)
    try:
        engine = create_engine(
            target, poolclass=NullPool, connect_args={"connect_timeout": CONNECT_TIMEOUT_S}
        )
    except (NoSuchModuleError, ImportError) as exc:
        return ProbeResult(Problem.NO_DRIVER, _hidden(str(exc), password))
    event.listen(engine, "checkout", note_access)
    try:
        with engine.connect() as conn:
            version = str(conn.execute(text("SHOW server_version")).scalar() or "")
            tables = set(inspect(conn).get_table_names())
            revision = None
            if "alembic_version" in tables:
                revision = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    except DBAPIError as exc:
        message = str(exc.orig) if exc.orig is not None else str(exc)
        return ProbeResult(classify(message), _hidden(message, password))
    finally:
        engine.dispose()
    return ProbeResult(
        server_version=version.split(" ")[0],
        schema=_schema_of(tables, revision),
        revision=revision,
        head=HEAD_REVISION,
        tables=len(tables - {"alembic_version"}),
    )


def _schema_of(tables: set[str], revision: str | None) -> Schema:
    from fiac_press_desk.storage.database import HEAD_REVISION

    if not tables:
        return Schema.EMPTY
    if revision is None or not tables >= DESK_TABLES:
        return Schema.FOREIGN
    if revision == HEAD_REVISION:
        return Schema.CURRENT
    return Schema.OLDER if _known(revision) else Schema.NEWER


def _known(revision: str) -> bool:
    """Whether this application's migrations know ``revision`` (an older desk schema)."""
    from alembic.script import ScriptDirectory

    from fiac_press_desk.storage.database import alembic_config

    script = ScriptDirectory.from_config(alembic_config("sqlite://"))
    try:
        return script.get_revision(revision) is not None
    except Exception:  # alembic's own errors for a revision it does not have
        return False


def _hidden(message: str, password: str | None) -> str:
    """The driver's words without the password (libpq never repeats it; to be sure)."""
    text = " ".join(message.split())
    return text.replace(password, "***") if password else text
