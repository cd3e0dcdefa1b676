"""``fiac-press-desk import``: one batch for contacts files, refusals as ``file:line: reason``
on stderr and exit status 1, nothing written on a dry run, 2 when nothing could be done."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from fiac_press_desk.app import main
from fiac_press_desk.cli import EXIT_NOTHING, EXIT_OK, EXIT_PARTIAL
from fiac_press_desk.services import Services
from fiac_press_desk.services.contact_queries import ContactFilter
from fiac_press_desk.storage.database import Database

GOOD = (
    "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:urn:uuid:cli-1\r\nFN:Anne Exemple\r\nN:Exemple;Anne;;;\r\n"
    "EMAIL:anne@example.org\r\nEND:VCARD\r\n"
    "BEGIN:VCARD\r\nVERSION:3.0\r\nEND:VCARD\r\n"
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Bruno Exemple\r\nEMAIL:bruno@example.org\r\nEND:VCARD\r\n"
)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["--lang", "en", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def names(db: Path) -> list[str]:
    services = Services(Database(f"sqlite:///{db}"), actor="test")
    try:
        ids = services.contact_queries.ids(ContactFilter(archived=None))
        return sorted(c.computed_display_name() for c in services.contacts.get_many(ids))
    finally:
        services.close()


@pytest.fixture
def vcf(tmp_path: Path) -> Path:
    path = tmp_path / "in.vcf"
    path.write_text(GOOD, encoding="utf-8")
    return path


def test_import_reports_refusals_with_file_and_line_and_exits_1(
    tmp_path: Path, vcf: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "desk.sqlite3"
    code, out, err = run(capsys, "--db", str(db), "import", str(vcf))
    assert code == EXIT_PARTIAL
    assert out.startswith("import: 2 created, 0 updated, 0 unchanged, 0 skipped, 1 refused")
    assert f"{vcf}:8: Empty card" in err
    assert names(db) == ["Anne Exemple", "Bruno Exemple"]


def test_reimport_creates_nothing_and_exits_0_when_all_is_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "ok.vcf"
    path.write_text(GOOD.replace("BEGIN:VCARD\r\nVERSION:3.0\r\nEND:VCARD\r\n", ""), "utf-8")
    db = tmp_path / "desk.sqlite3"
    assert run(capsys, "--db", str(db), "import", str(path))[0] == EXIT_OK
    code, out, _ = run(capsys, "--db", str(db), "import", str(path))
    assert code == EXIT_OK
    # Anne comes back by her UID (unchanged); Bruno, without one, by his email (skipped)
    assert out.startswith("import: 0 created, 0 updated, 1 unchanged, 1 skipped, 0 refused")


def test_dry_run_prints_the_plan_and_writes_nothing(
    tmp_path: Path, vcf: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "desk.sqlite3"
    code, out, _ = run(capsys, "--db", str(db), "import", "--dry-run", str(vcf))
    assert code == EXIT_PARTIAL
    assert f"{vcf}:1: Anne Exemple: new -> create" in out
    assert "import (dry run, nothing written): 2 new" in out
    assert names(db) == []


def test_on_duplicate_update_merges_into_the_existing_contact(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "desk.sqlite3"
    first = tmp_path / "a.vcf"
    first.write_text("BEGIN:VCARD\nFN:Claire Martin\nEMAIL:claire@example.org\nEND:VCARD\n")
    second = tmp_path / "b.vcf"
    second.write_text(
        "BEGIN:VCARD\nFN:Claire Martin\nEMAIL:claire@example.org\nTITLE:Pigiste\nEND:VCARD\n"
    )
    run(capsys, "--db", str(db), "import", str(first))
    code, out, _ = run(capsys, "--db", str(db), "import", "--on-duplicate", "skip", str(second))
    assert (code, out.split(",")[3].strip()) == (EXIT_OK, "1 skipped")
    code, out, _ = run(capsys, "--db", str(db), "import", "--on-duplicate", "update", str(second))
    assert code == EXIT_OK and "1 updated" in out
    assert names(db) == ["Claire Martin"]


def test_report_lists_every_record(
    tmp_path: Path, vcf: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report = tmp_path / "report.csv"
    code, out, _ = run(
        capsys, "--db", str(tmp_path / "d.sqlite3"), "import", str(vcf), "--report", str(report)
    )
    assert code == EXIT_PARTIAL and f"report written to {report}" in out
    with report.open(encoding="utf-8-sig") as handle:
        rows = list(csv.reader(handle, delimiter=";"))
    assert [r[2:5] for r in rows[1:4]] == [
        ["1", "new", "create"],
        ["8", "error", "refused"],
        ["11", "new", "create"],
    ]


@pytest.mark.parametrize(
    ("argv", "reason"),
    [
        (["import", "missing.vcf"], "missing.vcf: no such file"),
        (["import", "{tmp}/notes.pdf"], "not a file this desk imports"),
        (["import", "--charset", "martian", "{tmp}/in.vcf"], "unknown charset"),
    ],
)
def test_nothing_done_exits_2_with_one_line(
    tmp_path: Path, vcf: Path, capsys: pytest.CaptureFixture[str], argv: list[str], reason: str
) -> None:
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    db = tmp_path / "d.sqlite3"
    code, _, err = run(capsys, "--db", str(db), *[a.format(tmp=tmp_path) for a in argv])
    assert code == EXIT_NOTHING
    assert reason in err and err.count("\n") == 1


def test_charset_option_reads_undeclared_8bit_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "cp1251.vcf"
    path.write_bytes("BEGIN:VCARD\nFN:Анна\nEND:VCARD\n".encode("cp1251"))
    db = tmp_path / "d.sqlite3"
    code, _, err = run(capsys, "--db", str(db), "import", "--charset", "windows-1251", str(path))
    assert code == EXIT_OK and "warning" not in err
    assert names(db) == ["Анна"]


def test_guessed_charset_is_a_warning_on_stderr(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "fr.vcf"
    path.write_bytes("BEGIN:VCARD\nFN:Hélène Béranger\nEND:VCARD\n".encode("cp1252"))
    code, _, err = run(capsys, "--db", str(tmp_path / "d.sqlite3"), "import", str(path))
    assert code == EXIT_OK
    assert f"{path}:1: warning: 8-bit text with a missing or wrong charset (FN)" in err


def test_spreadsheets_and_vcards_in_one_batch(
    tmp_path: Path, vcf: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = data_dir / "spreadsheets" / "contacts_utf8_comma.csv"
    db = tmp_path / "d.sqlite3"
    code, out, _ = run(capsys, "--db", str(db), "import", str(vcf), str(sheet))
    assert code in (EXIT_OK, EXIT_PARTIAL)
    created = int(out.split(":")[1].split()[0])
    assert created > 2 and len(names(db)) == created


def test_eml_files_become_enquiries(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(
        capsys, "--db", str(tmp_path / "d.sqlite3"), "import", str(data_dir / "eml" / "latin1.eml")
    )
    assert code == EXIT_OK
    assert out.startswith("import eml: 1 enquiries recorded")


def test_eml_dry_run_writes_nothing(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "d.sqlite3"
    eml = data_dir / "eml" / "unknown_sender.eml"
    code, out, _ = run(capsys, "--db", str(db), "import", "--dry-run", str(eml))
    assert code == EXIT_OK
    assert "would record enquiry" in out and "(new contact)" in out
    assert "nothing written" in out
    code, out, _ = run(capsys, "--db", str(db), "import", str(eml))
    assert out.startswith("import eml: 1 enquiries recorded, 1 contacts created")
