"""Who works at the workstation: the author of the audit log, notes and sends (issues 14, 19)."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from fiac_press_desk import workstation
from fiac_press_desk.domain.enquiry import EnquiryInput
from fiac_press_desk.domain.enums import LawfulBasis
from fiac_press_desk.services import Services
from fiac_press_desk.storage.database import Database


@pytest.fixture
def login(monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """The system as the test wants it: a login name and a GECOS full name."""
    system = {"login": "hlefevre", "gecos": "Hélène Lefèvre,Bureau 12,,"}
    monkeypatch.setattr("fiac_press_desk.config.login_name", lambda: system["login"])
    monkeypatch.setattr("fiac_press_desk.workstation.login_name", lambda: system["login"])
    monkeypatch.setattr(workstation, "_gecos_name", lambda: system["gecos"].split(",")[0])
    return system


def test_the_name_is_the_preferences_then_the_full_name_then_the_login(
    login: dict[str, str],
) -> None:
    assert workstation.user_name() == "Hélène Lefèvre"
    workstation.update(user_name="  Camille Roux ")
    assert workstation.user_name() == "Camille Roux"
    workstation.update(user_name="")
    login["gecos"] = ""
    assert workstation.user_name() == "hlefevre"  # the last resort


def test_root_is_never_taken_for_a_name(
    login: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    login.update(login="jdoe", gecos="root")
    assert workstation.system_full_name() == ""
    assert workstation.user_name() == "jdoe"
    assert not workstation.knows_the_name()
    login.update(login="root")
    monkeypatch.setattr("socket.gethostname", lambda: "presse-pc2")
    assert workstation.user_name() == "presse-pc2"  # the window asks for a name at start
    workstation.update(user_name="Camille Roux")
    assert workstation.knows_the_name()


def test_the_file_is_private_whole_and_a_damaged_one_gives_the_defaults() -> None:
    workstation.update(user_name="Camille Roux", default_lawful_basis="consent")
    path = workstation.path()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert json.loads(path.read_text(encoding="utf-8"))["user_name"] == "Camille Roux"
    assert workstation.default_lawful_basis() is LawfulBasis.CONSENT
    path.write_text('{"user_name": 12, "default_lawful_basis": "whim"', encoding="utf-8")
    assert workstation.load() == workstation.Workstation()
    path.write_text('{"user_name": 12, "default_lawful_basis": "whim"}', encoding="utf-8")
    assert workstation.default_lawful_basis() is LawfulBasis.LEGITIMATE_INTEREST
    assert workstation.load().user_name == ""


def test_services_write_the_workstation_name_on_audit_notes_and_sends(
    db: Database, login: dict[str, str]
) -> None:
    """Issue 19: the author shown on notes was the login name ("root")."""
    services = Services(db)  # no actor given: whoever works at this workstation
    enquiry = services.enquiries.create(EnquiryInput(subject="Interview"))
    services.enquiries.add_note(enquiry, "Rappelée à 15 h")
    workstation.update(user_name="Camille Roux")  # changed in the Preferences meanwhile
    services.enquiries.add_note(enquiry, "Réponse envoyée")
    authors = [e.author for e in services.enquiries.get(enquiry).events if e.text]
    assert authors[-2:] == ["Hélène Lefèvre", "Camille Roux"]
    actors = _actors(db)
    assert actors >= {"Hélène Lefèvre", "Camille Roux"}
    assert "hlefevre" not in actors


def test_the_command_line_records_the_workstation_name(tmp_path: Path) -> None:
    """The command line reads the same file, without Qt."""
    workstation.update(user_name="Camille Roux")
    db = tmp_path / "cli.sqlite3"
    code = (
        "import sys; from fiac_press_desk.app import main; "
        f"sys.exit(main(['--db', {str(db)!r}, 'demo', '--contacts', '2']))"
    )
    env = {**os.environ, "XDG_CONFIG_HOME": str(workstation.path().parents[1])}
    if workstation.path().parent.name != "fiac-press-desk":  # platformdirs' own layout
        pytest.skip("unexpected configuration layout")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, env=env, check=False)
    assert result.returncode == 0, result.stderr
    database = Database(f"sqlite:///{db}")
    try:
        assert _actors(database) == {"Camille Roux"}
    finally:
        database.dispose()


def _actors(db: Database) -> set[str]:
    from sqlalchemy import select

    from fiac_press_desk.storage.models import AuditEntry

    with db.session() as session:
        return set(session.scalars(select(AuditEntry.actor)))
