"""Saved column mappings and remembered sheets live in the settings table, audited."""

from __future__ import annotations

from sqlalchemy import select

from fiac_press_desk.interchange.spreadsheet_mapping import (
    ColumnMapping,
    Target,
    headers_signature,
    mapping_from_settings,
    mapping_to_settings,
)
from fiac_press_desk.services import Services
from fiac_press_desk.storage.models import AuditEntry, Setting


def _audit(services: Services) -> list[tuple[str, str]]:
    with services.db.session() as session:
        return [(a.action, a.entity) for a in session.scalars(select(AuditEntry))]


def test_a_saved_mapping_comes_back_for_the_same_headers(services: Services) -> None:
    headers = ["NOM", "Prénom", "Portable"]
    mapping = ColumnMapping(
        {0: Target("family_name"), 1: Target("given_name"), 2: Target("phone", "mobile")},
        header_row=3,
        headers=headers,
    )
    services.saved_mappings.save(mapping.signature, "agence.xlsx", mapping_to_settings(mapping))

    # Same headers written differently (case, accents, trailing empty column): same file layout.
    found = services.saved_mappings.get(headers_signature(["nom", "Prenom", "PORTABLE", ""]))
    assert found is not None and found.name == "agence.xlsx"
    back = mapping_from_settings(found.mapping_json)
    assert back is not None
    assert back.columns == mapping.columns
    assert back.header_row == 3
    assert services.saved_mappings.get(headers_signature(["NOM", "Prénom"])) is None
    assert [m.name for m in services.saved_mappings.all()] == ["agence.xlsx"]
    assert ("save", "column_mapping") in _audit(services)


def test_saving_again_replaces_and_forget_removes(services: Services) -> None:
    first = ColumnMapping({0: Target("email")}, 1, ["Mail"])
    second = ColumnMapping({0: Target("email", "work")}, 1, ["Mail"])
    services.saved_mappings.save(first.signature, "a", mapping_to_settings(first))
    services.saved_mappings.save(second.signature, "b", mapping_to_settings(second))
    found = services.saved_mappings.get(first.signature)
    assert found is not None and found.name == "b"
    assert mapping_from_settings(found.mapping_json).columns == {0: Target("email", "work")}  # type: ignore[union-attr]
    services.saved_mappings.forget(first.signature)
    assert services.saved_mappings.get(first.signature) is None
    assert ("delete", "column_mapping") in _audit(services)


def test_a_damaged_entry_is_ignored(services: Services) -> None:
    with services.db.transaction() as session:
        session.add(Setting(key="spreadsheet.mapping.abc", value="{not json"))
    assert services.saved_mappings.get("abc") is None
    assert services.saved_mappings.all() == []
    assert mapping_from_settings('{"columns": {"0": "no_such_field"}}') is None


def test_the_sheet_choice_is_remembered_per_workbook_layout(services: Services) -> None:
    names = ["Mode d'emploi", "Journalistes", "Partenaires"]
    assert services.saved_mappings.remembered_sheet(names) is None
    services.saved_mappings.remember_sheet(names, "Partenaires")
    assert services.saved_mappings.remembered_sheet(names) == "Partenaires"
    assert services.saved_mappings.remembered_sheet(["Feuil1"]) is None
    services.saved_mappings.remember_sheet(names, "Journalistes")
    assert services.saved_mappings.remembered_sheet(names) == "Journalistes"
    assert _audit(services).count(("remember", "spreadsheet_sheet")) == 2
