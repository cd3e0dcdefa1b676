"""``fiac-press-desk import`` and ``export`` facing odd names and odd files (issues 11, 18):
``--`` ends the options, folders and pipes are refused as such, escape sequences are shown
escaped, names not valid UTF-8 are shown with U+FFFD, exports and reports are 0600, nothing
done is exit 2 with one line, no record is skipped without a word, and a shared switchboard
number or UID never merges people."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from fiac_press_desk.app import main
from fiac_press_desk.cli import EXIT_NOTHING, EXIT_OK
from fiac_press_desk.services import Services
from fiac_press_desk.services.contact_queries import ContactFilter
from fiac_press_desk.storage.database import Database


def card(*lines: str) -> str:
    return "BEGIN:VCARD\r\nVERSION:3.0\r\n" + "".join(f"{x}\r\n" for x in lines) + "END:VCARD\r\n"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["--lang", "en", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def people(db: Path) -> list[tuple[str, list[str]]]:
    services = Services(Database(f"sqlite:///{db}"), actor="test")
    try:
        ids = services.contact_queries.ids(ContactFilter(archived=None))
        return sorted(
            (c.computed_display_name(), [e.value for e in c.emails])
            for c in services.contacts.get_many(ids)
        )
    finally:
        services.close()


SWITCHBOARD = "".join(
    card(
        f"N:{family};{given};;;",
        f"FN:{given} {family}",
        "ORG:Le Quotidien",
        f"EMAIL:{given.lower()}@quotidien.example.fr",
        "TEL;TYPE=WORK:01 40 10 30 30",
    )
    for given, family in (("Alice", "Durand"), ("Bruno", "Petit"), ("Chloé", "Roux"))
)


def test_three_journalists_with_one_switchboard_number_give_three_contacts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "newsroom.vcf"
    path.write_text(SWITCHBOARD, encoding="utf-8")
    db = tmp_path / "d.sqlite3"
    code, out, err = run(capsys, "--db", str(db), "import", str(path))
    assert code == EXIT_OK
    assert out.startswith("import: 3 created, 0 updated, 0 unchanged, 0 skipped, 0 refused")
    assert [name for name, _ in people(db)] == ["Alice Durand", "Bruno Petit", "Chloé Roux"]
    # the shared number is said, never acted on
    assert (
        f"{path}:17: note: phone +33140103030 is also that of Alice Durand (newsroom.vcf:1): "
        "shared, not a duplicate"
    ) in err


def test_each_skipped_record_is_printed_with_the_contact_it_duplicates(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "d.sqlite3"
    first = tmp_path / "first.vcf"
    first.write_text(card("N:Durand;Alice;;;", "ORG:Le Quotidien"), encoding="utf-8")
    run(capsys, "--db", str(db), "import", str(first))
    again = tmp_path / "again.vcf"
    again.write_text(
        card("N:Durand;Alice;;;", "ORG:Le Quotidien", "TITLE:Cheffe")
        + card("N:Durand;Alice;;;", "ORG:Le Quotidien", "TITLE:Pigiste"),
        encoding="utf-8",
    )
    code, out, err = run(capsys, "--db", str(db), "import", str(again))
    assert code == EXIT_OK and "2 skipped" in out
    lines = [line for line in err.splitlines() if "skipped" in line]
    assert lines == [
        f"{again}:1: Alice Durand: skipped, probable duplicate of contact 1, Alice Durand: "
        "same name and organisation (--on-duplicate update or create to take it)",
        f"{again}:7: Alice Durand: skipped, probable duplicate of contact 1, Alice Durand: "
        "same name and organisation (--on-duplicate update or create to take it)",
    ]


def test_a_uid_shared_by_different_people_is_not_identity(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 18: 100,000 cards with one UID gave '1 created, 99999 skipped', or with
    --on-duplicate update one contact holding 40,104 people's emails."""
    path = tmp_path / "one-uid.vcf"
    cards = [
        card("UID:urn:uuid:same", f"N:Family{i};Given{i};;;", f"EMAIL:p{i}@example.org")
        for i in range(50)
    ]
    # the same person twice (same name and email) is one contact
    cards.append(card("UID:urn:uuid:same", "N:Family7;Given7;;;", "EMAIL:p7@example.org"))
    path.write_text("".join(cards), encoding="utf-8")
    db = tmp_path / "d.sqlite3"
    for policy in ("skip", "update"):
        code, out, _ = run(capsys, "--db", str(db), "import", "--on-duplicate", policy, str(path))
        assert code == EXIT_OK, out
        found = people(db)
        assert len(found) == 50 and all(len(mails) == 1 for _, mails in found)


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty.vcf:1: Empty file: no vCard in it."),
        (b"Dear all,\r\nno card here.\r\n", "empty.vcf:1: No vCard in this file"),
    ],
)
def test_a_vcard_file_with_nothing_to_import_exits_2_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, reason: str
) -> None:
    path = tmp_path / "empty.vcf"
    path.write_bytes(content)
    code, _, err = run(capsys, "--db", str(tmp_path / "d.sqlite3"), "import", str(path))
    assert code == EXIT_NOTHING
    assert err.count("\n") == 1 and reason in err


def test_double_dash_ends_the_options(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "-x.vcf").write_text(card("FN:Dash Name", "EMAIL:dash@example.org"))
    monkeypatch.chdir(tmp_path)
    code, _, err = run(capsys, "--db", "d.sqlite3", "import", "-x.vcf")
    assert code == EXIT_NOTHING and "put -- before a file name" in err
    code, out, _ = run(capsys, "--db", "d.sqlite3", "import", "--", "-x.vcf")
    assert code == EXIT_OK and "1 created" in out


def test_a_folder_and_a_named_pipe_are_refused_as_such(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "folder.vcf"
    folder.mkdir()
    code, _, err = run(capsys, "--db", str(tmp_path / "d.sqlite3"), "import", str(folder))
    assert code == EXIT_NOTHING and err == f"fiac-press-desk: {folder}: is a folder, not a file\n"
    if hasattr(os, "mkfifo"):
        pipe = tmp_path / "pipe.vcf"
        os.mkfifo(pipe)  # opening it would wait for a writer forever
        code, _, err = run(capsys, "--db", str(tmp_path / "d.sqlite3"), "import", str(pipe))
        assert code == EXIT_NOTHING and err.endswith(": is a named pipe, not a file\n")


def test_escape_sequences_from_a_file_are_shown_escaped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "evil.vcf"
    path.write_text(
        card("FN:Evil\x1b]0;pwned\x07 Name", "EMAIL:bad\x1b[2J address", "NOTE:ok"),
        encoding="utf-8",
    )
    code, out, err = run(capsys, "--db", str(tmp_path / "d.sqlite3"), "import", str(path))
    assert code == EXIT_OK
    assert "\x1b" not in out + err and "\x07" not in out + err
    assert "bad\\x1b[2J address" in err


def test_a_file_name_not_valid_utf8_is_shown_with_replacement_characters(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    raw = os.path.join(os.fsencode(tmp_path), b"caf\xe9.vcf")
    with open(raw, "wb") as handle:
        handle.write(card("N:Nom;Anne;;;", "EMAIL:bad address", "NOTE:x").encode())
    name = os.fsdecode(raw)  # as the shell passes it: surrogate-escaped
    db = tmp_path / "d.sqlite3"
    code, out, err = run(capsys, "--db", str(db), "import", name)
    assert code == EXIT_OK and "1 created" in out
    assert "caf\ufffd.vcf:1: warning:" in err
    services = Services(Database(f"sqlite:///{db}"), actor="test")
    try:
        (batch,) = services.imports.batches()
        assert batch.source.endswith("caf\ufffd.vcf")
    finally:
        services.close()


def test_exports_and_reports_are_readable_by_their_owner_only(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "in.vcf"
    source.write_text(SWITCHBOARD, encoding="utf-8")
    db = tmp_path / "d.sqlite3"
    report = tmp_path / "report.csv"
    old = os.umask(0o022)
    try:
        run(capsys, "--db", str(db), "import", str(source), "--report", str(report))
        written = [report]
        for fmt, name in (("vcard", "out.vcf"), ("json", "out.json"), ("xlsx", "out.xlsx")):
            target = tmp_path / name
            target.write_bytes(b"")  # an older file with the umask's mode: tightened too
            code, _, _ = run(capsys, "--db", str(db), "export", fmt, str(target))
            assert code == EXIT_OK
            written.append(target)
        assert os.umask(0o022) == 0o022  # the umask is given back
    finally:
        os.umask(old)
    assert {p.name: stat.S_IMODE(p.stat().st_mode) for p in written} == {
        p.name: 0o600 for p in written
    }
