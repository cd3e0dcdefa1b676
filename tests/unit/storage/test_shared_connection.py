"""The shared database's fields and its connection test (storage/shared_connection.py): the URL
never carries a password, each failure is named, and on a real server (``FIAC_TEST_POSTGRES_URL``)
an empty, a current and another program's database are told apart."""

from __future__ import annotations

import socket
import sys
from collections.abc import Iterator

import pytest
from sqlalchemy.engine import make_url

from fiac_press_desk.domain.errors import DatabaseError
from fiac_press_desk.storage.database import HEAD_REVISION
from fiac_press_desk.storage.shared_connection import (
    ConnectionFields,
    Problem,
    Schema,
    classify,
    probe,
)
from fiac_press_desk.storage.shared_database import refuse_password_in_url


def test_the_fields_make_a_url_without_password_and_read_it_back() -> None:
    fields = ConnectionFields("db.example.org", 5433, "fiac", "fiac_desk", "verify-full", "/ca.pem")
    url = fields.url()
    refuse_password_in_url(url)  # a URL the desk accepts: no password, known options only
    assert make_url(url).password is None
    assert ConnectionFields.from_url(url) == fields
    assert ConnectionFields.from_url("sqlite:////tmp/desk.sqlite3") is None
    plain = ConnectionFields("db.example.org", 5432, "fiac", "fiac_desk", "", "/ignored.pem")
    assert plain.url() == "postgresql://fiac_desk@db.example.org:5432/fiac"
    assert ConnectionFields(sslmode="verify-full").missing() == [
        "host",
        "database",
        "role",
        "sslrootcert",
    ]
    with pytest.raises(DatabaseError):
        refuse_password_in_url("postgresql://fiac_desk:secret@db.example.org/fiac")


@pytest.mark.parametrize(
    ("message", "problem"),
    [  # what libpq 15 and psycopg 3 said on this machine for each case
        (
            "failed to resolve host 'nohost.invalid': [Errno -2] Name or service not known",
            "unknown_host",
        ),
        ('connection to server at "127.0.0.1", port 1 failed: Connection refused', "refused"),
        ('port 54341 failed: FATAL:  password authentication failed for user "u"', "bad_password"),
        ("port 54341 failed: fe_sendauth: no password supplied", "no_password"),
        ('port 54341 failed: FATAL:  database "nope" does not exist', "no_database"),
        ('port 54341 failed: FATAL:  role "nobody" does not exist', "no_role"),
        ("failed: server does not support SSL, but SSL was required", "tls"),
        ('root certificate file "/tmp/x.pem" does not exist', "tls"),
        ('FATAL:  no pg_hba.conf entry for host "10.0.0.2", user "u"', "not_allowed"),
        ('connection to server at "10.0.0.9", port 5432 failed: timeout expired', "timeout"),
        ("something else entirely", "other"),
    ],
)
def test_each_failure_is_named(message: str, problem: str) -> None:
    assert classify(message) == problem


def test_a_closed_port_is_refused_and_the_password_never_shown() -> None:
    pytest.importorskip("psycopg", reason="the PostgreSQL driver (the postgresql extra)")
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        port = int(taken.getsockname()[1])
    result = probe(ConnectionFields("127.0.0.1", port, "fiac", "fiac_desk").url(), "S3cret-x")
    assert (result.connected, result.problem) == (False, Problem.REFUSED)
    assert "S3cret-x" not in result.detail and str(port) in result.detail


def test_without_the_driver_it_says_so_and_the_password_never_shown(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # What an installation without the postgresql extra answers (the README's test command).
    monkeypatch.setitem(sys.modules, "psycopg", None)  # import psycopg: ImportError
    result = probe(ConnectionFields("127.0.0.1", 5432, "fiac", "fiac_desk").url(), "S3cret-x")
    assert (result.connected, result.problem) == (False, Problem.NO_DRIVER)
    assert "S3cret-x" not in result.detail


@pytest.fixture
def server_database(postgres_server: object) -> Iterator[tuple[object, str]]:
    name = postgres_server.empty()  # type: ignore[attr-defined]
    yield postgres_server, name
    postgres_server.drop(name)  # type: ignore[attr-defined]


def test_a_real_server_tells_empty_current_and_foreign(
    server_database: tuple[object, str], postgres_url: str
) -> None:
    import psycopg

    server, name = server_database
    empty = server.url_of(name)  # type: ignore[attr-defined]
    found = probe(empty)
    assert found.connected and found.usable and found.schema is Schema.EMPTY
    assert found.server_version[:2].isdigit()

    current = probe(postgres_url)  # a desk migrated to head
    assert (current.schema, current.revision, current.head) == (
        Schema.CURRENT,
        HEAD_REVISION,
        HEAD_REVISION,
    )
    target = make_url(empty)
    with psycopg.connect(
        host=target.host, port=target.port, user=target.username, dbname=target.database
    ) as conn:
        conn.execute("CREATE TABLE invoices (id integer primary key)")
    foreign = probe(empty)
    assert (foreign.schema, foreign.usable, foreign.tables) == (Schema.FOREIGN, False, 1)
    missing = probe(make_url(empty).set(database="no_such_db").render_as_string(False))
    assert missing.problem is Problem.NO_DATABASE
