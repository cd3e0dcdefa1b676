"""Shared fixtures: every test gets a fresh database file in its own temporary directory."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

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
def db(db_path: Path, _migrated_template: Path) -> Iterator[Database]:
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
