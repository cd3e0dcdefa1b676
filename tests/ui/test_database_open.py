"""A database that cannot be opened is explained in French, with a way out, never a traceback."""

from __future__ import annotations

import argparse
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from fiac_press_desk.services.contact_queries import ContactFilter
from fiac_press_desk.storage.database import Database
from fiac_press_desk.storage.dialect import SQLiteAdapter
from fiac_press_desk.ui import database_open
from fiac_press_desk.ui.database_open import NEW, OPEN, QUIT, OpenProblem, open_database

pytestmark = pytest.mark.qt_log_ignore(r"^This plugin does not support ")
NB = "\u00a0"


def corrupt(path: Path) -> Path:
    path.write_bytes(b"Ceci n'est pas une base de donnees. " * 200)
    return path


def foreign(path: Path) -> Path:
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE recettes (nom TEXT)")
    return path


def too_new(path: Path) -> Path:
    Database(f"sqlite:///{path}").dispose()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    return path


@pytest.fixture
def locked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Another program holds an exclusive lock on the file (old rollback-journal mode)."""
    monkeypatch.setattr(SQLiteAdapter, "BUSY_TIMEOUT_MS", 50)
    path = tmp_path / "locked.sqlite3"
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("CREATE TABLE t (x)")
    holder.execute("BEGIN EXCLUSIVE")
    yield path
    holder.close()


def first_problem(db: str) -> OpenProblem:
    seen: list[OpenProblem] = []

    def ask(problem: OpenProblem) -> str:
        seen.append(problem)
        return QUIT

    assert open_database(db, ask=ask) is None
    assert len(seen) == 1
    return seen[0]


@pytest.mark.parametrize(
    ("make", "kind", "start"),
    [
        (corrupt, "corrupt", "«"),
        (foreign, "foreign", "«"),
        (too_new, "too_new", "La base «"),
    ],
)
def test_each_failure_gets_its_own_french_explanation(
    qapp: object, tmp_path: Path, french: str, make: object, kind: str, start: str
) -> None:
    path = make(tmp_path / "desk.sqlite3")  # type: ignore[operator]
    problem = first_problem(str(path))
    assert problem.kind == kind
    assert problem.title == "Impossible d’ouvrir la base de données"
    assert problem.text.startswith(start)
    assert str(path) in problem.text
    assert problem.hint and "Traceback" not in problem.details
    assert "Traceback" not in problem.text + problem.hint


def test_too_new_says_to_update_and_that_nothing_changed(
    qapp: object, tmp_path: Path, french: str
) -> None:
    path = too_new(tmp_path / "desk.sqlite3")
    problem = first_problem(str(path))
    assert "version plus récente" in problem.text
    assert "n’a pas été modifiée" in problem.hint
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == (
            "9999_from_the_future",
        )


def test_locked_database(qapp: object, locked: Path, french: str) -> None:
    problem = first_problem(str(locked))
    assert problem.kind == "locked"
    assert problem.text == f"La base «{NB}{locked}{NB}» est utilisée par un autre programme."


def test_read_only_database(
    qapp: object, tmp_path: Path, french: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "desk.sqlite3"
    Database(f"sqlite:///{path}").dispose()
    # Tests run as any user, root included, for whom no file is read-only: ask the same
    # question the code asks, with the answer a normal user would get.
    monkeypatch.setattr(database_open.os, "access", lambda _p, _mode: False)
    problem = first_problem(str(path))
    assert problem.kind == "read_only"
    assert problem.text == f"La base «{NB}{path}{NB}» est en lecture seule."


def test_a_folder_is_not_a_database(qapp: object, tmp_path: Path, french: str) -> None:
    problem = first_problem(str(tmp_path))
    assert problem.kind == "corrupt"


def test_choosing_another_file_opens_it(qapp: object, tmp_path: Path) -> None:
    bad = corrupt(tmp_path / "bad.sqlite3")
    good = tmp_path / "good.sqlite3"
    answers = iter([OPEN, NEW])
    choices = iter([None, str(good)])  # cancelling the file dialog asks again
    asked: list[str] = []

    def ask(problem: OpenProblem) -> str:
        asked.append(problem.kind)
        return next(answers)

    opened = open_database(str(bad), ask=ask, choose=lambda _choice: next(choices))
    assert opened is not None
    services, url = opened
    try:
        assert url == f"sqlite:///{good}"
        assert services.contact_queries.count(ContactFilter()) == 0
    finally:
        services.close()
    assert asked == ["corrupt", "corrupt"]
    assert bad.read_bytes().startswith(b"Ceci n'est pas")  # the bad file was left alone


def test_run_gui_quits_cleanly_when_the_database_cannot_be_opened(
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    french: str,
) -> None:
    from fiac_press_desk.ui import launch

    shown: list[OpenProblem] = []
    monkeypatch.setattr(
        database_open, "ask_what_next", lambda problem, parent=None: shown.append(problem) or QUIT
    )
    path = corrupt(tmp_path / "desk.sqlite3")
    args = argparse.Namespace(db=str(path), lang="fr", screenshot=None, command=None)
    assert launch.run_gui(args) == 2
    assert [p.kind for p in shown] == ["corrupt"]
    assert shown[0].text.startswith(f"«{NB}{path}")
    captured = capsys.readouterr()
    assert "Traceback" not in captured.out + captured.err
