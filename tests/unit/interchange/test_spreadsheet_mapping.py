"""Column mappings: the --mapping JSON file round trip and how it binds to a sheet."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from fiac_press_desk.interchange.spreadsheet_mapping import (
    ColumnMapping,
    MappingError,
    Target,
    headers_signature,
    load_mapping,
)


def test_a_saved_mapping_file_reads_back_to_the_same_mapping(tmp_path: Path) -> None:
    mapping = ColumnMapping(
        {
            0: Target("family_name"),
            2: Target("phone", "mobile"),
            3: Target("city", "", 1),
            27: Target("notes"),
        },
        header_row=4,
        headers=["NOM", "Prénom", "Portable", "Ville #2"],
        sheet="Journalistes",
    )
    path = tmp_path / "m.json"
    mapping.save(path)
    raw = json.loads(path.read_text(encoding="utf-8"))
    assert raw["columns"]["AB"] == "notes" and raw["columns"]["C"] == {
        "field": "phone",
        "label": "mobile",
    }
    spec = load_mapping(path)
    assert spec.sheet == "Journalistes" and spec.header_row == 4
    bound = spec.resolve(mapping.headers, {}, 4)
    assert bound.columns == mapping.columns
    assert bound.carried_fields() == frozenset({"family_name", "phones", "addresses", "notes"})


def test_headers_bind_before_letters_and_others_auto() -> None:
    spec = load_mapping_from({"others": "auto", "columns": {"Courriel": "email", "B": None}})
    bound = spec.resolve(
        ["Nom", "Prénom", "Courriel"], {0: Target("family_name"), 1: Target("given_name")}, 1
    )
    assert bound.columns == {0: Target("family_name"), 2: Target("email")}


def load_mapping_from(raw: object) -> object:
    from fiac_press_desk.interchange.spreadsheet_mapping import parse_mapping

    return parse_mapping(raw)


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ([], "columns"),
        ({"columns": {"A": {"label": "x"}}}, "field"),
        ({"columns": {"A": {"field": "phone", "slot": -1}}}, "slot"),
        ({"columns": {}, "others": "maybe"}, "others"),
        ({"columns": {}, "header_row": "3"}, "header_row"),
        ({"columns": {}, "version": 2}, "version"),
    ],
)
def test_bad_files_name_the_problem(raw: object, message: str, tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(raw), encoding="utf-8")
    with pytest.raises(MappingError, match=message):
        load_mapping(path)
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(MappingError, match="not a JSON file"):
        load_mapping(path)


def test_same_headers_same_signature() -> None:
    assert headers_signature(["Nom", "Prénom", ""]) == headers_signature(["NOM", "prenom"])
    assert headers_signature(["Nom", "Prénom"]) != headers_signature(["Prénom", "Nom"])
