"""`gdpr access | erase | review | register` and the opt-out of `import x.eml`, through
``app.main`` as the console script runs them; and without Qt."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from gdpr_helpers import EMAIL, FAMILY, GIVEN, rich_person
from sqlalchemy import update

from fiac_press_desk.app import main
from fiac_press_desk.cli import EXIT_NOTHING, EXIT_OK, EXIT_PARTIAL
from fiac_press_desk.config import backup_dir
from fiac_press_desk.domain.contact import ContactData, EmailAddress
from fiac_press_desk.services import Services
from fiac_press_desk.storage.models import Contact


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def person(services: Services, tmp_path: Path) -> int:
    return rich_person(services, tmp_path).contact_id


def test_access_writes_json_or_pdf_by_suffix(
    capsys: pytest.CaptureFixture[str], db_path: Path, person: int, tmp_path: Path
) -> None:
    code, out, err = run(
        capsys, "--db", str(db_path), "gdpr", "access", str(person), str(tmp_path / "d.json")
    )
    assert (code, err) == (EXIT_OK, "")
    assert out.startswith(f"gdpr access: dossier of {GIVEN} {FAMILY} (#{person}) written to")
    assert (
        json.loads((tmp_path / "d.json").read_text("utf-8"))["contact"]["emails"][0]["value"]
        == EMAIL
    )
    code, _, _ = run(
        capsys, "--db", str(db_path), "gdpr", "access", str(person), str(tmp_path / "d.pdf")
    )
    assert code == EXIT_OK and (tmp_path / "d.pdf").read_bytes().startswith(b"%PDF-")
    for argv, reason in (
        ((str(person), str(tmp_path / "d.odt")), "choose a .json or .pdf file"),
        (("999", str(tmp_path / "x.json")), "not found"),
        ((str(person), str(tmp_path / "nowhere" / "x.json")), "no such directory"),
    ):
        code, out, err = run(capsys, "--db", str(db_path), "gdpr", "access", *argv)
        assert code == EXIT_NOTHING and reason in err and err.count("\n") == 1, err
    code, _, err = run(capsys, "--db", str(tmp_path / "none.sqlite3"), "gdpr", "review")
    assert code == EXIT_NOTHING and "no such database" in err


def test_erase_asks_nothing_and_says_what_went_and_which_backups_hold_them(
    capsys: pytest.CaptureFixture[str], services: Services, db_path: Path, person: int
) -> None:
    backup = services.db.backup_to(backup_dir() / "desk-2026-12-01.sqlite3")
    code, out, err = run(capsys, "--db", str(db_path), "gdpr", "erase", str(person))
    assert (code, err) == (EXIT_OK, "")
    lines = out.splitlines()
    assert lines[0] == f"gdpr erase: {GIVEN} {FAMILY} (#{person}) erased"
    assert "contact_emails 2" in out and "kept anonymised: 1 enquiries, 2 distribution lines" in out
    assert "suppression list: 3 email(s)/phone(s) added" in out
    assert "database file: secure_delete, search index rebuilt, VACUUM, WAL truncated" in out
    assert f"backup still holding them: {backup} (taken " in out and "rotates out by" in out
    code, _, err = run(capsys, "--db", str(db_path), "gdpr", "erase", str(person))
    assert code == EXIT_NOTHING and "not found" in err


def test_reimport_after_erase_is_refused_and_reported_with_exit_1(
    capsys: pytest.CaptureFixture[str], db_path: Path, services: Services, tmp_path: Path
) -> None:
    rich = rich_person(services, tmp_path)
    run(capsys, "--db", str(db_path), "gdpr", "erase", str(rich.contact_id))
    code, out, err = run(capsys, "--db", str(db_path), "--lang", "fr", "import", str(rich.vcard))
    assert code == EXIT_PARTIAL
    assert f"{rich.vcard}:1: {EMAIL} : effacé à sa demande le " in err
    assert "1 refusés" in out


def test_review_lists_contacts_quiet_for_the_period(
    capsys: pytest.CaptureFixture[str], services: Services, db_path: Path
) -> None:
    old = services.contacts.create(
        ContactData(family_name="Ancien", emails=[EmailAddress("ancien@example.fr")])
    )
    services.contacts.create(ContactData(family_name="Récent"))
    with services.db.transaction() as session:
        session.execute(
            update(Contact)
            .where(Contact.id == old)
            .values(created_at=datetime(2020, 1, 1, tzinfo=UTC))
        )
    code, out, err = run(capsys, "--db", str(db_path), "gdpr", "review")
    assert (code, err) == (EXIT_OK, "")
    assert out.splitlines()[0] == f"{old}\tAncien\tcollected 2020-01-01, no interaction"
    assert "gdpr review: 1 contact(s) with no interaction for 3 year(s)" in out


def test_register_writes_the_record_of_processing(
    capsys: pytest.CaptureFixture[str], db_path: Path, services: Services, tmp_path: Path
) -> None:
    code, out, _ = run(capsys, "--db", str(db_path), "gdpr", "register", str(tmp_path / "r.pdf"))
    assert out == f"gdpr register: record of processing written to {tmp_path / 'r.pdf'}\n"
    assert code == EXIT_OK and (tmp_path / "r.pdf").read_bytes().startswith(b"%PDF-")
    code, _, err = run(capsys, "--db", str(db_path), "gdpr", "register", str(tmp_path / "r.odt"))
    assert code == EXIT_NOTHING and ".pdf" in err
    code, _, err = run(capsys, "--db", str(db_path), "gdpr")
    assert code == EXIT_NOTHING and "ACTION" in err


def test_import_of_an_unsubscribe_reply_applies_it_and_says_so(
    capsys: pytest.CaptureFixture[str], db_path: Path, services: Services, tmp_path: Path
) -> None:
    cid = services.contacts.create(
        ContactData(family_name="Dupont", emails=[EmailAddress("camille@example.fr")])
    )
    eml = tmp_path / "stop.eml"
    eml.write_bytes(
        b"From: Camille Dupont <camille@example.fr>\r\nTo: presse@example.fr\r\n"
        b"Subject: =?utf-8?q?d=C3=A9sinscription?=\r\nDate: Mon, 4 Mar 2024 10:00:00 +0100\r\n"
        b"Message-ID: <stop-1@example.fr>\r\n\r\n\r\n"
    )
    code, out, _ = run(capsys, "--db", str(db_path), "import", str(eml), "--dry-run")
    assert code == EXIT_OK and "would be opted out (2024-03-04)" in out
    assert not services.contacts.get(cid).opted_out
    code, out, _ = run(capsys, "--db", str(db_path), "import", str(eml))
    assert code == EXIT_OK
    assert f"Dupont <camille@example.fr> (#{cid}) opted out, dated 2024-03-04" in out
    data = services.contacts.get(cid)
    assert data.opted_out and data.opted_out_reason == "Courriel « désinscription »"


def test_gdpr_commands_run_without_qt(tmp_path: Path) -> None:
    db, pdf, register = (str(tmp_path / name) for name in ("x.db", "a.pdf", "r.pdf"))
    code = (
        "import sys; from fiac_press_desk.app import main; "
        f"assert main(['--db', {db!r}, 'demo', '--contacts', '3']) == 0; "
        f"assert main(['--db', {db!r}, 'gdpr', 'access', '1', {pdf!r}]) == 0; "
        f"assert main(['--db', {db!r}, 'gdpr', 'register', {register!r}]) == 0; "
        f"assert main(['--db', {db!r}, 'gdpr', 'erase', '1']) == 0; "
        "assert not any(m.startswith('PySide6') for m in sys.modules), 'Qt imported'"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
