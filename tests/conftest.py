"""Shared fixtures: every test gets a fresh database file in its own temporary directory."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from postgres_databases import ENV as POSTGRES_ENV
from postgres_databases import SQLITE_ONLY, PostgresServer, runs_on_both, server_url

from fiac_press_desk.domain.messages import set_language
from fiac_press_desk.services import Services
from fiac_press_desk.storage.database import Database

DATA = Path(__file__).parent / "data"
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Nothing a test does reaches the real user data directory or settings."""
    monkeypatch.setenv("FIAC_PRESS_DESK_DATA_DIR", str(tmp_path / "userdata"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.delenv("FIAC_PRESS_DESK_DB", raising=False)
    # The command line speaks the system's language: English here unless a test asks.
    for name in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    set_language("fr")


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "desk.sqlite3"


@pytest.fixture(scope="session")
def _migrated_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One database migrated from empty to head per session; each test gets a copy of it
    (a copy takes a few milliseconds, running the migrations ten times more)."""
    path = tmp_path_factory.mktemp("template") / "desk.sqlite3"
    Database(f"sqlite:///{path}").dispose()
    return path


@pytest.fixture
def db(
    request: pytest.FixtureRequest,
    db_path: Path,
    _migrated_template: Path,
    database_engine: str,
) -> Iterator[Database]:
    if database_engine == "postgresql":  # a fresh PostgreSQL database (postgres_databases.py)
        database = Database(request.getfixturevalue("postgres_url"))
        yield database
        database.dispose()
        return
    shutil.copyfile(_migrated_template, db_path)
    db_path.chmod(0o600)
    database = Database(f"sqlite:///{db_path}")
    yield database
    database.dispose()


@pytest.fixture
def services(db: Database) -> Services:
    return Services(db, actor="test")


@pytest.fixture
def data_dir() -> Path:
    return DATA


# -- The same tests on PostgreSQL (issue 14; tests/postgres_databases.py) --------------------


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """The database tests of ``BOTH_ENGINES`` run on SQLite and on PostgreSQL."""
    import inspect

    if "db" not in metafunc.fixturenames or metafunc.function is None:
        return
    if "db_path" in inspect.signature(metafunc.function).parameters:
        return  # works on the SQLite file itself
    if metafunc.function.__name__ in SQLITE_ONLY:
        return
    if server_url() is None:
        return  # said once at the end (pytest_terminal_summary), not as hundreds of skips
    if runs_on_both(metafunc.definition.path, metafunc.config.rootpath):
        metafunc.parametrize("database_engine", ["sqlite", "postgresql"], indirect=True)


@pytest.fixture
def database_engine(request: pytest.FixtureRequest) -> str:
    """Which engine the ``db`` fixture opens: SQLite unless the test runs on both."""
    return str(getattr(request, "param", "sqlite"))


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    url = server_url()
    if url is None:
        pytest.skip(f"PostgreSQL tests did not run: {POSTGRES_ENV} is not set")
    try:
        import psycopg  # noqa: F401
    except ImportError:
        pytest.skip("PostgreSQL tests did not run: no psycopg (pip install -e '.[postgresql]')")
    server = PostgresServer(url)
    yield server
    server.close()


@pytest.fixture
def postgres_url(postgres_server: PostgresServer) -> Iterator[str]:
    """The URL of a fresh PostgreSQL database migrated to head, dropped after the test."""
    name = postgres_server.fresh()
    yield postgres_server.url_of(name)
    postgres_server.drop(name)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Say plainly whether the PostgreSQL half ran."""
    if server_url() is None:
        terminalreporter.write_line(
            f"PostgreSQL tests did not run: {POSTGRES_ENV} is not set "
            "(scripts/postgres_test_cluster.sh starts a server for them)."
        )
