"""The command line of DESIGN.md: exit status 0 / 1 / 2 and a one-line reason on stderr.

Run in-process through ``fiac_press_desk.app.main`` (what the console script calls), plus one
real subprocess for ``python -m fiac_press_desk``.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from alembic import command

from fiac_press_desk import __version__
from fiac_press_desk.app import main
from fiac_press_desk.cli import EXIT_NOTHING, EXIT_OK, EXIT_PARTIAL
from fiac_press_desk.domain.contact import ContactData
from fiac_press_desk.services import Services
from fiac_press_desk.services.contact_queries import ContactFilter
from fiac_press_desk.storage.database import Database, alembic_config, head_revision

DESIGN_KEYS = {
    "id": int,
    "kind": str,
    "civility": str,
    "given_name": str,
    "family_name": str,
    "display_name": str,
    "organization": str,
    "job_title": str,
    "emails": list,
    "phones": list,
    "addresses": list,
    "urls": list,
    "tags": list,
    "lists": list,
    "notes": str,
    "opted_out": bool,
    "releases_received": list,
    "enquiries": list,
}


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def one_line_reason(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("fiac-press-desk: "), err
    assert "Traceback" not in err
    return lines[0]


@pytest.fixture(scope="module")
def _demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One demo database per module, copied for each test (the demo takes a while to fill)."""
    path = tmp_path_factory.mktemp("template") / "demo.sqlite3"
    assert main(["--db", str(path), "demo", "--contacts", "25"]) == EXIT_OK
    return path


@pytest.fixture
def demo_db(_demo_template: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    capsys.readouterr()
    path = tmp_path / "demo.sqlite3"
    shutil.copyfile(_demo_template, path)
    path.chmod(0o600)
    return path


def test_demo_reports_what_it_made(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "--db", str(tmp_path / "d.sqlite3"), "demo", "--contacts", "5")
    assert (code, err) == (EXIT_OK, "")
    assert out.startswith("demo: 6 contacts, ")
    for word in ("organisations", "lists", "releases", "distributions", "enquiries"):
        assert word in out


# -- arguments -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "argv",
    [
        ["frobnicate"],
        ["export"],
        ["export", "json"],
        ["export", "pdf", "out.pdf"],
        ["export", "vcard", "-", "--vcard-version", "5.0"],
        ["demo", "--contacts", "beaucoup"],
        ["demo", "--contacts", "-3"],
        ["backup"],
        ["check", "extra"],
        ["--lang", "de", "check"],
        ["--no-such-option"],
    ],
)
def test_bad_arguments_exit_2_with_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, argv: list[str]
) -> None:
    db = tmp_path / "never.sqlite3"
    code, out, err = run(capsys, "--db", str(db), *argv)
    assert code == EXIT_NOTHING
    one_line_reason(err)
    assert out == ""
    assert not db.exists()  # nothing done: not even an empty database


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["--version"])
    assert info.value.code == 0
    assert __version__ in capsys.readouterr().out


def test_python_m_help_in_a_subprocess(tmp_path: Path) -> None:
    env = {**os.environ, "FIAC_PRESS_DESK_DATA_DIR": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-m", "fiac_press_desk", "--help"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    for word in ("usage: fiac-press-desk", "demo", "import", "export", "backup", "check", "--db"):
        assert word in result.stdout
    assert result.stderr == ""


# -- demo and export -------------------------------------------------------------------------


def test_demo_then_export_json_to_stdout_has_the_design_shape(
    demo_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "--db", str(demo_db), "export", "json", "-")
    assert (code, err) == (EXIT_OK, "")
    payload = json.loads(out)
    assert len(payload) == 26
    for entry in payload:
        for key, kind in DESIGN_KEYS.items():
            assert isinstance(entry[key], kind), (key, entry[key])
        assert entry["birthday"] is None or isinstance(entry["birthday"], str)
        assert entry["kind"] in ("journalist", "partner", "other")
        for item in entry["emails"] + entry["phones"]:
            assert set(item) == {"value", "label"}
    assert any(entry["releases_received"] for entry in payload)
    assert any(entry["enquiries"] for entry in payload)
    assert any(entry["tags"] for entry in payload) and any(entry["lists"] for entry in payload)
    assert {e["kind"] for e in payload} >= {"journalist", "partner", "other"}


def test_export_json_to_a_file_by_list_and_tag(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    services = Services(Database(f"sqlite:///{demo_db}"), actor="test")
    try:
        presse = services.lists.id_for("Presse nationale")
        members = services.contact_queries.count(ContactFilter(list_id=presse, archived=None))
        services.contacts.create(ContactData(given_name="Étiquetée", tags=["Très spécial"]))
    finally:
        services.close()
    assert members > 0
    out = tmp_path / "presse.json"
    code, stdout, err = run(
        capsys, "--db", str(demo_db), "export", "json", str(out), "--list", "PRESSE NATIONALE"
    )
    assert (code, err) == (EXIT_OK, "")
    assert f"{members} contacts written to {out}" in stdout
    payload = json.loads(out.read_text(encoding="utf-8"))
    assert len(payload) == members
    assert all("Presse nationale" in entry["lists"] for entry in payload)

    code, _, err = run(
        capsys, "--db", str(demo_db), "export", "json", str(out), "--tag", "tres special"
    )
    assert code == EXIT_OK, err
    assert [e["given_name"] for e in json.loads(out.read_text(encoding="utf-8"))] == ["Étiquetée"]


@pytest.mark.parametrize(
    ("option", "value", "expected"),
    [("--list", "Inconnue", "no distribution list named"), ("--tag", "Inconnu", "no tag named")],
)
def test_export_unknown_list_or_tag(
    demo_db: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    option: str,
    value: str,
    expected: str,
) -> None:
    out = tmp_path / "x.json"
    code, stdout, err = run(capsys, "--db", str(demo_db), "export", "json", str(out), option, value)
    assert code == EXIT_NOTHING
    assert expected in one_line_reason(err) and value in err
    assert not out.exists() and stdout == ""


def test_export_to_a_missing_directory(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "nowhere" / "x.json"
    code, _, err = run(capsys, "--db", str(demo_db), "export", "json", str(out))
    assert code == EXIT_NOTHING
    assert "no such directory" in one_line_reason(err)


def test_export_from_a_missing_database(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "missing.sqlite3"
    code, _, err = run(capsys, "--db", str(missing), "export", "json", "-")
    assert code == EXIT_NOTHING
    assert "no such database" in one_line_reason(err)
    assert not missing.exists()


def test_demo_twice_adds_nothing(demo_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--db", str(demo_db), "demo")
    assert code == EXIT_OK
    assert "already" in out


def test_database_from_environment_and_url(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    env_db = tmp_path / "env.sqlite3"
    monkeypatch.setenv("FIAC_PRESS_DESK_DB", str(env_db))
    assert run(capsys, "demo", "--contacts", "2")[0] == EXIT_OK
    assert env_db.is_file()
    url_db = tmp_path / "url.sqlite3"
    assert run(capsys, "--db", f"sqlite:///{url_db}", "demo", "--contacts", "1")[0] == EXIT_OK
    assert url_db.is_file()  # --db wins over the environment


def test_default_database_in_the_user_data_directory(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, "demo", "--contacts", "1")[0] == EXIT_OK
    assert (tmp_path / "userdata" / "press-desk.sqlite3").is_file()  # FIAC_PRESS_DESK_DATA_DIR


def test_demo_on_a_newer_database_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "newer.sqlite3"
    Database(f"sqlite:///{path}").dispose()
    conn = sqlite3.connect(path)
    conn.execute("UPDATE alembic_version SET version_num = '0999'")
    conn.commit()
    conn.close()
    code, _, err = run(capsys, "--db", str(path), "demo")
    assert code == EXIT_NOTHING
    assert "newer than this application" in one_line_reason(err)


# -- backup ----------------------------------------------------------------------------------


def test_backup_writes_a_readable_copy(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "saves" / "copy.sqlite3"
    target.parent.mkdir()
    code, out, err = run(capsys, "--db", str(demo_db), "backup", str(target))
    assert (code, err) == (EXIT_OK, "")
    assert str(target) in out
    assert oct(target.stat().st_mode & 0o777) == "0o600"
    copy = Services(Database(f"sqlite:///{target}"), actor="test")
    try:
        assert copy.contact_queries.count(ContactFilter(archived=None)) == 26
    finally:
        copy.close()
    code, out, _ = run(capsys, "--db", str(target), "check")
    assert code == EXIT_OK and "integrity: ok" in out


def test_backup_to_a_missing_directory(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "--db", str(demo_db), "backup", str(tmp_path / "no" / "x.db"))
    assert code == EXIT_NOTHING
    assert "no such directory" in one_line_reason(err)


def test_backup_of_a_missing_database(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(
        capsys, "--db", str(tmp_path / "missing.sqlite3"), "backup", str(tmp_path / "b.db")
    )
    assert code == EXIT_NOTHING
    assert "no such database" in one_line_reason(err)
    assert not (tmp_path / "b.db").exists()


# -- check -----------------------------------------------------------------------------------


def test_check_reports_the_schema_version(
    demo_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "--db", str(demo_db), "check")
    assert (code, err) == (EXIT_OK, "")
    head = head_revision()
    assert f"schema: {head} (application: {head})" in out
    assert "integrity: ok" in out


def test_check_of_a_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "missing.sqlite3"
    code, out, err = run(capsys, "--db", str(missing), "check")
    assert code == EXIT_NOTHING
    assert "no such database" in one_line_reason(err)
    assert out == "" and not missing.exists()


@pytest.mark.parametrize(
    "content", [os.urandom(4096), b"SQLite format 3\x00" + b"\xff" * 2000], ids=["random", "header"]
)
def test_check_of_a_corrupt_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes
) -> None:
    path = tmp_path / "corrupt.sqlite3"
    path.write_bytes(content)
    code, _, err = run(capsys, "--db", str(path), "check")
    assert code == EXIT_NOTHING
    assert str(path) in one_line_reason(err)
    assert path.read_bytes() == content


def test_check_of_an_old_database_reports_without_migrating(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "old.sqlite3"
    command.upgrade(alembic_config(f"sqlite:///{path}"), "0001")
    code, out, _ = run(capsys, "--db", str(path), "check")
    assert code == EXIT_PARTIAL
    assert f"schema: 0001 (application: {head_revision()})" in out
    assert "problem:" in out
    db = Database(f"sqlite:///{path}", migrate=False)
    try:
        assert db.current_revision() == "0001"
    finally:
        db.dispose()


def test_check_finds_a_damaged_search_index(
    demo_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    conn = sqlite3.connect(demo_db)
    conn.execute("DELETE FROM contacts_fts_data WHERE id > 10")  # break the index's own pages
    conn.commit()
    conn.close()
    code, out, _ = run(capsys, "--db", str(demo_db), "check")
    assert code == EXIT_PARTIAL
    assert "search index" in out


@pytest.mark.parametrize("flag", ["--help", "--version"])
def test_help_and_version_load_nothing_heavy(flag: str) -> None:
    """They answer from argparse alone: no database layer, no service, no format, no Qt
    (what keeps them under 0.3 s; benchmarks/bench_startup.py times it)."""
    code = (
        "import sys; from fiac_press_desk.app import main\n"
        f"try: main([{flag!r}])\n"
        "except SystemExit: pass\n"
        "heavy = ('sqlalchemy', 'alembic', 'platformdirs', 'PySide6', 'openpyxl', "
        "'fiac_press_desk.services', 'fiac_press_desk.storage', 'fiac_press_desk.interchange')\n"
        "loaded = sorted(m for m in sys.modules if m.startswith(heavy))\n"
        "assert not loaded, loaded"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "fiac-press-desk" in result.stdout
