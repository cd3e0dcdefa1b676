"""``fiac-press-desk duplicates [--min-score N] [--json OUT]``: readable groups, or the JSON
shape the README documents; exit status 2 with one line on stderr for bad arguments."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from fiac_press_desk.app import main
from fiac_press_desk.cli import EXIT_NOTHING, EXIT_OK
from fiac_press_desk.domain.contact import ContactData, EmailAddress, Phone
from fiac_press_desk.services import Services
from fiac_press_desk.storage.database import Database


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def desk(db_path: Path) -> dict[str, int]:
    services = Services(Database(f"sqlite:///{db_path}"), actor="test")
    try:
        c = services.contacts

        def add(given: str, family: str, org: str, email: str = "", mobile: str = "") -> int:
            return c.create(
                ContactData(
                    given_name=given,
                    family_name=family,
                    organization=org,
                    emails=[EmailAddress(email)] if email else [],
                    phones=[Phone(mobile)] if mobile else [],
                )
            )

        ids = {
            "eloise": add("Éloïse", "Lefèvre", "Le Quotidien", "eloise.lefevre@gmail.com"),
            "eloise2": add("Eloise", "Lefevre", "Radio Hexagone", "eloiselefevre+cp@gmail.com"),
            "paul": add("Paul", "Roux", "Télé Horizon", mobile="06 12 34 56 78"),
            "paul2": add("Paul", "Roux", "Onco Actu", mobile="+33612345678"),
            "zoe": add("Zoé", "Martin", "Le Quotidien"),
            "zoe2": add("Zoé", "Martyn", "Le Quotidien"),
            "alone": add("Jules", "Verne", "Le Quotidien"),
        }
        services.contacts.archive([ids["eloise2"]])
        services.contacts.set_opted_out(ids["paul2"], True, "stop")
        return ids
    finally:
        services.close()


def test_text_lists_each_group_with_its_contacts_and_reasons(
    desk: dict[str, int], db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "--db", str(db_path), "duplicates")
    assert (code, err) == (EXIT_OK, "")
    blocks = out.strip().split("\n\n")
    assert blocks[0].splitlines() == [
        "Group 1: score 95, 2 contacts",
        f"  #{desk['eloise']} Éloïse Lefèvre — Le Quotidien · eloise.lefevre@gmail.com [keep]",
        f"  #{desk['eloise2']} Eloise Lefevre — Radio Hexagone · eloiselefevre+cp@gmail.com"
        " [archived]",
        f"  #{desk['eloise']} & #{desk['eloise2']} (95): same e-mail address"
        " eloise.lefevre@gmail.com",
    ]
    assert blocks[1].splitlines()[2].endswith("[opted out]")
    assert "same mobile 06 12 34 56 78" in blocks[1]
    assert "nearly the same name at Le Quotidien" in blocks[2]
    assert blocks[-1] == "duplicates: 3 groups, 6 contacts (min score 0)"
    assert "Verne" not in out


def test_min_score_and_french(
    desk: dict[str, int], db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(
        capsys, "--db", str(db_path), "--lang", "fr", "duplicates", "--min-score", "80"
    )
    assert code == EXIT_OK
    assert out.count("Groupe ") == 2 and "Martyn" not in out
    assert "même adresse électronique eloise.lefevre@gmail.com" in out
    assert out.strip().endswith("(score minimal 80)")


def test_json_shape(
    desk: dict[str, int], db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "doublons.json"
    code, out, err = run(capsys, "--db", str(db_path), "duplicates", "--json", str(target))
    assert (code, err) == (EXIT_OK, "")
    assert out == f"duplicates: 3 groups written to {target}\n"
    document = json.loads(target.read_text(encoding="utf-8"))
    assert document["min_score"] == 0
    first = document["groups"][0]
    assert first["score"] == 95
    assert first["contacts"][0] == {
        "id": desk["eloise"],
        "name": "Éloïse Lefèvre",
        "organisation": "Le Quotidien",
        "emails": ["eloise.lefevre@gmail.com"],
        "phones": [],
        "archived": False,
        "opted_out": False,
    }
    assert first["contacts"][1]["archived"] is True
    assert first["pairs"] == [
        {
            "ids": [desk["eloise"], desk["eloise2"]],
            "score": 95,
            "reasons": [
                {
                    "code": "email",
                    "value": "eloise.lefevre@gmail.com",
                    "score": 95,
                    "text": "same e-mail address eloise.lefevre@gmail.com",
                }
            ],
        }
    ]
    # To standard output with "-".
    code, out, _ = run(capsys, "--db", str(db_path), "duplicates", "--json", "-")
    assert code == EXIT_OK and json.loads(out) == document


def test_not_a_duplicate_is_not_listed(
    desk: dict[str, int], db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    services = Services(Database(f"sqlite:///{db_path}"), actor="test")
    try:
        services.duplicates.mark_not_duplicate([desk["zoe"], desk["zoe2"]])
    finally:
        services.close()
    _, out, _ = run(capsys, "--db", str(db_path), "duplicates")
    assert "Martyn" not in out and "2 groups" in out


@pytest.mark.parametrize(
    ("argv", "reason"),
    [
        (["duplicates", "--min-score", "101"], "--min-score must be between 0 and 100"),
        (["duplicates", "--min-score", "x"], "'x' is not a whole number"),
        (["duplicates", "--json", "/nowhere/at/all.json"], "no such directory"),
    ],
)
def test_bad_arguments_do_nothing(
    desk: dict[str, int],
    db_path: Path,
    capsys: pytest.CaptureFixture[str],
    argv: list[str],
    reason: str,
) -> None:
    code, out, err = run(capsys, "--db", str(db_path), *argv)
    assert (code, out) == (EXIT_NOTHING, "")
    assert len(err.strip().splitlines()) == 1 and reason in err


def test_a_missing_database_is_not_created(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "none.sqlite3"
    code, _, err = run(capsys, "--db", str(missing), "duplicates")
    assert code == EXIT_NOTHING and "no such database" in err
    assert not missing.exists()
