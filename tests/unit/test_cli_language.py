"""The command line speaks the user's language: French on a French system, English otherwise,
``--lang`` to choose; no English sentence in French output, no Python or library text in
either (issue 15)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from fiac_press_desk.app import main

# Words of the command line's English sentences that French output must never hold.
ENGLISH = re.compile(
    r"\b(the|no such|written|created|updated|skipped|refused|warning|error|unexpected|"
    r"nothing|directory|folder|integrity|schema|problem|is not|cannot|required)\b",
    re.IGNORECASE,
)
RAW = re.compile(r"Errno|Traceback|EOCD|Zip archive|zipfile|BadZip|Exception|\w+Error\b")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out + captured.err


@pytest.fixture
def french_system(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")


def _scenarios(tmp_path: Path) -> list[tuple[list[str], int]]:
    db = str(tmp_path / "desk.sqlite3")
    broken = tmp_path / "classeur.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a workbook")
    folder_named_like_output = tmp_path / "out.json"
    folder_named_like_output.mkdir()
    card = tmp_path / "cartes.vcf"
    card.write_text(
        "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Lefèvre;Hélène;;;\r\nFN:Hélène Lefèvre\r\n"
        "EMAIL:helene@example.fr\r\nEND:VCARD\r\n",
        encoding="utf-8",
    )
    return [
        (["--db", db, "demo", "--contacts", "5"], 0),
        (["--db", db, "check"], 0),
        (["--db", db, "import", str(card)], 0),
        (["--db", db, "import", "--dry-run", str(card)], 0),
        (["--db", db, "import", str(tmp_path / "absent.vcf")], 2),
        (["--db", db, "import", str(broken)], 2),
        (["--db", db, "export", "json", str(folder_named_like_output)], 2),
        (["--db", db, "export", "json", str(tmp_path / "nowhere" / "x.json")], 2),
        (["--db", db, "export", "vcard", str(tmp_path / "out.vcf"), "--tag", "absent"], 2),
        (["--db", db, "duplicates"], 0),
        (["--db", db, "import"], 2),
        (["--db", db, "export", "yaml", "x"], 2),
        (["--db", db, "duplicates", "--min-score", "x"], 2),
    ]


def test_french_on_a_french_system(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, french_system: None
) -> None:
    said = []
    for argv, expected in _scenarios(tmp_path):
        code, text = run(capsys, *argv)
        assert code == expected, (argv, text)
        assert not ENGLISH.search(text), (argv, text)
        assert not RAW.search(text), (argv, text)
        said.append(text)
    joined = "\n".join(said)
    assert "demo : " in joined and "organismes" in joined
    assert "intégrité : bonne" in joined
    assert "import : 1 créés" in joined
    assert "absent.vcf : fichier introuvable" in joined
    assert "classeur.xlsx: classeur illisible (archive abîmée" in joined  # the reader says it
    assert "out.json.part : c'est un dossier, pas un fichier" in joined
    assert "aucune étiquette ne s'appelle « absent »" in joined
    assert "arguments manquants : FILE" in joined
    assert "« yaml » n'est pas un choix possible" in joined
    assert "« x » n'est pas un nombre entier" in joined


def test_english_otherwise_and_never_python_s_text(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    said = []
    for argv, expected in _scenarios(tmp_path):
        code, text = run(capsys, *argv)
        assert code == expected, (argv, text)
        assert not RAW.search(text), (argv, text)
        said.append(text)
    joined = "\n".join(said)
    assert "organisations" in joined and "integrity: ok" in joined
    assert "absent.vcf: no such file" in joined
    assert "not a readable spreadsheet (a damaged or incomplete archive" in joined
    assert "out.json.part: is a folder, not a file" in joined
    assert "the following arguments are required: FILE" in joined


def test_lang_chooses_over_the_system(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, french_system: None
) -> None:
    db = str(tmp_path / "desk.sqlite3")
    code, text = run(capsys, "--lang", "en", "--db", db, "demo", "--contacts", "2")
    assert code == 0 and "organisations" in text
    code, text = run(capsys, "--lang=en", "--db", db, "import", str(tmp_path / "x.vcf"))
    assert code == 2 and "x.vcf: no such file" in text


def test_lang_fr_on_an_english_system(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LC_ALL", "en_GB.UTF-8")
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")  # LC_ALL wins, as in the C library
    db = str(tmp_path / "desk.sqlite3")
    code, text = run(capsys, "--db", db, "demo", "--contacts", "2")
    assert "organisations" in text
    code, text = run(capsys, "--lang", "fr", "--db", db, "check")
    assert code == 0 and "schéma : " in text and "intégrité : bonne" in text


def test_a_system_error_is_a_sentence(monkeypatch: pytest.MonkeyPatch) -> None:
    import errno

    from fiac_press_desk.cli_messages import os_error
    from fiac_press_desk.domain.messages import set_language

    set_language("fr")
    full = OSError(errno.ENOSPC, "No space left on device", "/media/clé/export.xlsx")
    assert os_error(full) == "/media/clé/export.xlsx : plus de place sur le disque"
    odd = OSError(errno.EXDEV, "Invalid cross-device link", "a")
    assert os_error(odd) == "a : le système a refusé l'opération (EXDEV)"
    set_language("en")
    assert os_error(PermissionError(errno.EACCES, "x", "f.csv")) == "f.csv: permission denied"
