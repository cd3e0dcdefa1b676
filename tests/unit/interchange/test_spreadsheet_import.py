"""The messy press file, in every format, read field by field; then through the pipeline."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from fiac_press_desk.domain.contact import EmailAddress, Phone, PostalAddress
from fiac_press_desk.domain.enums import MatchKind
from fiac_press_desk.interchange.pipeline import apply_plan, build_plan
from fiac_press_desk.interchange.records import ImportNotice, ImportProblem, ImportRecord
from fiac_press_desk.interchange.spreadsheet_import import (
    default_sheet,
    parse_date,
    parse_spreadsheet,
    preview_sheet,
    repair_phone,
    repair_postal_code,
    sheets,
    split_address_cell,
    split_full_name,
    split_values,
)
from fiac_press_desk.interchange.spreadsheet_mapping import (
    ColumnMapping,
    MappingError,
    Target,
    parse_mapping,
)
from fiac_press_desk.interchange.spreadsheet_read import SpreadsheetError
from fiac_press_desk.services import Services

FILES = [
    "messy.xlsx",
    "messy.xls",
    "messy.ods",
    "contacts_utf8_bom_semicolon.csv",
    "contacts_utf8_comma.csv",
    "contacts_utf16_tab.txt",
    "contacts_cp1252_semicolon.csv",
]
WORKBOOKS = FILES[:3]


def _records(path: Path, **kwargs: object) -> list[ImportRecord]:
    items = list(parse_spreadsheet(path, **kwargs))  # type: ignore[arg-type]
    assert not [i for i in items if isinstance(i, ImportProblem)]
    return items  # type: ignore[return-value]


@pytest.fixture(params=FILES)
def messy(request: pytest.FixtureRequest, data_dir: Path) -> Path:
    return data_dir / "spreadsheets" / request.param


def test_the_contact_sheet_is_found_and_its_rows_numbered(messy: Path) -> None:
    if messy.name in WORKBOOKS:
        assert [s.name for s in sheets(messy)] == ["Mode d'emploi", "Journalistes", "Partenaires"]
        assert default_sheet(messy) == "Journalistes"  # the first sheet that holds contacts
    records = _records(messy)
    # Title (1), blank (2), two header rows (3-4), data from 5 with a blank row 6 skipped;
    # the blank rows and the row of spaces at the end give nothing.
    assert [r.place.row for r in records] == [5, 7, 8, 9, 10, 11]
    assert all(r.place.file == messy.name for r in records)
    assert {r.place.sheet for r in records} == (
        {"Journalistes"} if messy.name in WORKBOOKS else {None}
    )
    if messy.name not in WORKBOOKS:
        assert records[0].place.line == 5


def test_every_messy_value_field_by_field(messy: Path) -> None:
    dupont, martin, martin2, nguyen, leroy, bernard = (r.data for r in _records(messy))
    # Phone and postal code stored as numbers get their leading zero back; stray spaces go.
    assert (dupont.civility, dupont.given_name, dupont.family_name) == ("Mme", "Marie", "DUPONT")
    assert dupont.organization == "Le Quotidien du Sud"
    assert dupont.job_title == "Journaliste santé"
    assert dupont.emails == [EmailAddress("marie.dupont@example.fr", "")]
    # Merged "Téléphone" over "Fixe" | "Portable": the sub-headers give the labels.
    assert dupont.phones == [Phone("01 42 34 56 78", "work"), Phone("06 12 34 56 78", "mobile")]
    assert dupont.addresses == [
        PostalAddress("work", "12 avenue Jean Médecin", postal_code="06000", city="Nice")
    ]
    assert dupont.beats == ["Santé", "IA", "Oncologie"]  # ";" and a newline in one cell
    assert dupont.birthday == "1980-01-31"  # a real date cell (text in a CSV)
    assert dupont.notes == "Rencontrée au salon\nà relancer en avril"

    assert (martin.given_name, martin.family_name) == ("Jean Pierre", "Martin")
    assert martin.emails == [EmailAddress("JP.Martin@Example.org", "")]
    assert martin.phones == [Phone("01 23 45 67 89", "work")]
    assert martin.addresses == [PostalAddress("work", postal_code="75011", city="Paris")]
    assert martin.beats == ["Recherche", "Innovation"]  # comma separated
    assert martin.birthday == "1975-03-15"  # typed as text, day first

    assert martin2.emails == [EmailAddress("jp.martin@example.org", "")]
    assert martin2.phones == [Phone("+33 6 98 76 54 32", "mobile")]
    assert martin2.addresses == [] and martin2.birthday == ""

    assert nguyen.emails == [
        EmailAddress("linh.nguyen@example.fr", ""),
        EmailAddress("l.nguyen@example.org", ""),
    ]
    assert nguyen.phones == [Phone("+33 6 12 00 01 11", "mobile")]  # 33612000111 as a number
    assert nguyen.addresses == [PostalAddress("work", city="Lyon")]

    assert leroy.emails == [EmailAddress("pas-un-email", "")]  # refused later, by the pipeline
    assert leroy.given_name == "" and leroy.civility == ""

    assert bernard.emails == [
        EmailAddress("luc.bernard@example.fr", ""),
        EmailAddress("luc@example.org", ""),
    ]
    assert bernard.addresses == [PostalAddress("work", postal_code="06100", city="Nice")]


def test_records_carry_only_the_mapped_fields(messy: Path) -> None:
    record = _records(messy)[0]
    assert record.fields == frozenset(
        {
            "civility",
            "family_name",
            "given_name",
            "organization",
            "job_title",
            "emails",
            "phones",
            "addresses",
            "beats",
            "birthday",
            "notes",
        }
    )


@pytest.mark.parametrize("name", WORKBOOKS)
def test_the_english_partner_sheet(data_dir: Path, name: str) -> None:
    janssens, fontaine = (
        r.data for r in _records(data_dir / "spreadsheets" / name, sheet="Partenaires")
    )
    assert (janssens.civility, janssens.given_name, janssens.family_name) == (
        "Dr",
        "Paul",
        "Janssens",
    )
    assert janssens.organization == "Institut Bordet" and janssens.job_title == "Research director"
    assert janssens.phones == [Phone("+32 470 12 34 56", "mobile")]
    # A Belgian postcode keeps its four digits; a French one gets its zero back.
    assert janssens.addresses == [
        PostalAddress(
            "work", "Rue Héger-Bordet 1", postal_code="1000", city="Bruxelles", country="Belgique"
        )
    ]
    assert janssens.tags == ["Partenaire", "Recherche"]
    assert janssens.lists == ["Partenaires scientifiques"]
    assert fontaine.phones == [Phone("06 12 34 56 79", "mobile")]
    assert fontaine.addresses[0].postal_code == "06000"
    assert fontaine.notes == "Porte-parole pour l'essai clinique"


def test_the_pipeline_plan_for_the_messy_file(services: Services, messy: Path) -> None:
    plan = build_plan(
        services, parse_spreadsheet(messy), sources=[str(messy)], format="spreadsheet"
    )
    kinds = [(i.place.row, i.kind) for i in plan.items]
    assert kinds == [
        (5, MatchKind.NEW),
        (7, MatchKind.NEW),
        (8, MatchKind.DUPLICATE),  # same person, email in another case
        (9, MatchKind.NEW),
        (10, MatchKind.NEW),  # "pas-un-email": set aside in the notes, the person kept
        (11, MatchKind.NEW),
    ]
    assert plan.items[2].duplicate_of == 1
    assert any("pas-un-email" in w for w in plan.items[4].warnings)
    result = apply_plan(services, plan)
    assert result.created == 5 and not result.refused
    stored = {c.family_name: c for c in services.contacts.get_many(result.created_ids)}
    assert stored["Leroy"].emails == [] and "pas-un-email" in stored["Leroy"].notes
    assert [p.value for p in stored["DUPONT"].phones] == ["+33142345678", "+33612345678"]
    assert stored["Nguyen"].phones[0].value == "+33612000111"


def test_an_explicit_mapping_file(data_dir: Path) -> None:
    path = data_dir / "spreadsheets" / "messy.xlsx"
    spec = parse_mapping(
        {
            "sheet": "Journalistes",
            "header_row": 4,
            "columns": {
                "B": "family_name",
                "Prénom": "given_name",
                "G": {"field": "email", "label": "work"},
                "Portable": {"field": "phone", "label": "mobile"},
                "Commentaire": None,
            },
        }
    )
    first = _records(path, mapping=spec)[0]
    assert first.place.row == 5
    assert first.data.family_name == "DUPONT" and first.data.given_name == "Marie"
    assert first.data.emails == [EmailAddress("marie.dupont@example.fr", "work")]
    assert first.data.phones == [Phone("06 12 34 56 78", "mobile")]
    assert first.fields == frozenset({"family_name", "given_name", "emails", "phones"})
    spec.others = "auto"
    auto = _records(path, mapping=spec)[0]
    assert auto.data.notes == ""  # still ignored: listed as null
    assert auto.data.addresses[0].city == "Nice"  # not listed: mapped automatically
    assert auto.data.organization == "Le Quotidien du Sud"


def test_bad_mappings_are_refused_with_a_reason(data_dir: Path) -> None:
    path = data_dir / "spreadsheets" / "messy.xlsx"
    with pytest.raises(MappingError, match="no_such_field"):
        parse_mapping({"columns": {"A": "no_such_field"}})
    with pytest.raises(MappingError, match="columns"):
        parse_mapping({"sheet": "x"})
    with pytest.raises(MappingError, match="Inexistante"):
        list(parse_spreadsheet(path, mapping=parse_mapping({"columns": {"Inexistante": "notes"}})))
    double = ColumnMapping({1: Target("family_name"), 2: Target("family_name")}, 4, [])
    with pytest.raises(MappingError, match="both fill family_name"):
        list(parse_spreadsheet(path, sheet="Journalistes", mapping=double))


def test_preview_shows_rows_as_they_will_be_imported(data_dir: Path) -> None:
    preview = preview_sheet(data_dir / "spreadsheets" / "messy.ods")
    assert preview.sheet == "Journalistes"
    assert preview.layout.data_start == 4
    assert preview.headers[7:9] == ["Fixe", "Portable"]
    assert preview.width == 15


def test_value_repairs() -> None:
    assert repair_phone(612345678) == "06 12 34 56 78"
    assert repair_phone(612345678.0) == "06 12 34 56 78"
    assert repair_phone("612345678") == "06 12 34 56 78"
    assert repair_phone(33612345678) == "+33 6 12 34 56 78"
    assert repair_phone(" 01.42.34.56.78 ") == "01 42 34 56 78"
    assert repair_phone("+44 20 7946 0958") == "+44 20 7946 0958"
    assert repair_postal_code(6000, "") == "06000"
    assert repair_postal_code(6000.0, "France") == "06000"
    assert repair_postal_code(1000, "Belgique") == "1000"
    assert repair_postal_code("75011", "") == "75011"
    assert parse_date(date(1980, 1, 31)) == "1980-01-31"
    assert parse_date(datetime(1980, 1, 31, 0, 0)) == "1980-01-31"
    assert parse_date(29251) == "1980-01-31"  # an Excel serial number
    assert parse_date("31/01/1980") == "1980-01-31"
    assert parse_date("31.01.80") == "1980-01-31"
    assert parse_date("1980-01-31") == "1980-01-31"
    assert parse_date("12/05") == "--05-12"
    assert parse_date("--05-12") == "--05-12"
    assert parse_date("31/02/1980") is None and parse_date("bientôt") is None
    assert split_full_name("DUPONT Marie") == ("Marie", "DUPONT")
    assert split_full_name("Marie-Hélène DE LA TOUR") == ("Marie-Hélène", "DE LA TOUR")
    assert split_full_name("Marie Dupont") == ("Marie", "Dupont")
    assert split_values(" a ;b\n c,d ") == ["a", "b", "c,d"]
    assert split_values("a, b") == ["a", "b"]


@pytest.mark.parametrize("content", [b"", b"\xef\xbb\xbf", b"\n;;\n\r\n", b" ; \t\n"])
def test_an_empty_file_says_it_is_empty(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "vide.csv"
    path.write_bytes(content)
    with pytest.raises(SpreadsheetError, match=r"^vide\.csv: le fichier est vide$"):
        list(parse_spreadsheet(path))


def test_an_empty_sheet_is_named(tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    book.active.title = "Presse"
    book.save(tmp_path / "vide.xlsx")
    with pytest.raises(SpreadsheetError, match="la feuille « Presse » est vide"):
        list(parse_spreadsheet(tmp_path / "vide.xlsx", "Presse"))


def test_a_header_without_rows_imports_nothing_and_records_no_batch(
    tmp_path: Path, services: Services
) -> None:
    path = tmp_path / "entete.csv"
    path.write_text("Nom;Prénom;Courriel\n", encoding="utf-8")
    items = list(parse_spreadsheet(path))
    assert items == []
    result = apply_plan(services, build_plan(services, items, sources=[str(path)], format="csv"))
    assert result.batch_id is None and services.imports.batches() == []


def test_a_broken_text_file_reports_the_line(tmp_path: Path) -> None:
    path = tmp_path / "broken.csv"
    huge = b"x" * 200_000  # beyond the csv module's field limit
    path.write_bytes(
        b"Nom;Courriel\nDupont;a@example.org\n" + huge + b";b@example.org\nMartin;c@example.org\n"
    )
    items = list(parse_spreadsheet(path))
    assert isinstance(items[0], ImportRecord)
    problem = items[1]
    assert isinstance(problem, ImportProblem)
    assert problem.message == "une cellule dépasse 131 072 caractères"
    assert problem.place.line == 3 and problem.place.file == "broken.csv"
    # issue 18: the row after the refused cell is not lost
    assert isinstance(items[2], ImportRecord) and items[2].data.family_name == "Martin"


def test_label_and_phone_splitting_follow_their_patterns() -> None:
    """label_suffix and phone_parts use string methods for speed; they answer as the
    regular expressions that define them, on the usual cells and on random ones."""
    import random

    from fiac_press_desk.domain.text import clean, fold
    from fiac_press_desk.interchange.spreadsheet_import import (
        _LABEL_SUFFIX,
        _PHONE_SPLIT,
        LABEL_WORDS,
        label_suffix,
        phone_parts,
    )

    def by_pattern(text: str) -> tuple[str, str | None]:
        match = _LABEL_SUFFIX.match(text)
        if not match or not match.group(1).strip():
            return text, None
        word = clean(match.group(2))
        return match.group(1).strip(), LABEL_WORDS.get(fold(word), word)

    pieces = [*"0123456789 ();,/|.\n\r\t+é\u00a0", "(portable)", "(pro)", " / ", "; ", "))"]
    pieces += ["06 12 34 56 78", "(" + "x" * 40 + ")", "(" + "y" * 41 + ")"]
    rng = random.Random(2024)
    cells = ["02 30 89 91 41 (pro); 06 99 96 91 55 (portable)", "a (b) (c)", "()", " (x)"]
    cells += ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 10))) for _ in range(5000)]
    for cell in cells:
        assert label_suffix(cell) == by_pattern(cell), cell
        assert phone_parts(cell.strip()) == _PHONE_SPLIT.split(cell.strip()), cell
    assert label_suffix("06 12 34 56 78 (portable)") == ("06 12 34 56 78", "mobile")


_TRICKY_CELLS = [
    "",
    " ",
    "Santé",
    " santé ; IA ",
    "Santé, IA; Oncologie",
    "a,b",
    "a\r\nb\n\n c ",
    "Portable",
    " PORTABLE\u00a0",
    "télécopie",
    "Pro\tperso",
    "x  y",
    "\u202f",
]


def test_cached_cell_words_and_labels_are_what_they_cache() -> None:
    """A beats, tags or lists cell is split once per distinct text, a label word read once
    per spelling: the answers are those of split_values and of the LABEL_WORDS lookup, on
    the first call and from the cache."""
    from fiac_press_desk.domain.text import clean, fold
    from fiac_press_desk.interchange.spreadsheet_import import LABEL_WORDS, _cell_words, label_word

    for _ in range(2):
        for cell in _TRICKY_CELLS:
            assert list(_cell_words(cell)) == split_values(cell), cell
            assert label_word(cell) == LABEL_WORDS.get(fold(clean(cell)), clean(cell)), cell
    assert label_word(" PORTABLE\u00a0") == "mobile"


def test_rows_with_the_same_words_cell_get_lists_of_their_own(tmp_path: Path) -> None:
    path = tmp_path / "same.csv"
    path.write_text(
        "Nom;Courriel;Thématiques;Étiquettes\n"
        'Dupont;a@example.org;"santé; IA";VIP\n'
        'Martin;b@example.org;"santé; IA";VIP\n',
        encoding="utf-8",
    )
    first, second = _records(path)
    assert first.data.beats == second.data.beats == ["santé", "IA"]
    first.data.beats.append("added")
    first.data.tags.clear()
    assert second.data.beats == ["santé", "IA"] and second.data.tags == ["VIP"]


_EVERY_COLUMN = (
    "ID;Type;Civilité;Nom complet;Média;Fonction;Courriels;Téléphones;Adresse;"
    "Code postal;Ville;Pays;Sites web;Thématiques;Étiquettes;Listes;Date de naissance;Langue;"
    "Désinscrit;Base légale;Notes"
)
_ROWS = [
    [
        "12",
        "Journaliste",
        "Mme",
        "Éloïse LEFÈVRE",
        "Le Monde (Paris)",
        "Reporter",
        "eloise@example.fr (pro); e.l@example.org (perso)",
        "02 30 89 91 41 (pro); 06 99 96 91 55 (portable)",
        "9 allée des Tilleuls",
        "6000",
        "Nice",
        "France",
        "https://example.org (site)",
        "santé; IA",
        "VIP",
        "Presse nationale",
        "31/01/1980",
        "Français",
        "Non",
        "Intérêt légitime",
        "Rencontrée au salon\nà relancer",
    ],
    [
        "x1",
        "Espion",
        "",
        "DUPONT Marie",
        "'=Société",
        "#N/A",
        "pas-un-email",
        "612345678",
        "",
        "75011",
        "Paris",
        "",
        "",
        "",
        "'-moins",
        "",
        "pas une date",
        "EN",
        "peut-être",
        "inconnue",
        "'+33 notes",
    ],
]


def _padded_csv(path: Path, left: str, right: str) -> Path:
    lines = [_EVERY_COLUMN]
    for row in _ROWS:
        lines.append(";".join(f'"{left}{cell}{right}"' if cell else "" for cell in row))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_stray_white_space_around_any_cell_changes_nothing(tmp_path: Path) -> None:
    """Every handler reads a text cell as the row loop trimmed it: spaces, tabs and
    no-break spaces around the value of any column (the apostrophe our export puts before
    formula-like text included) give exactly the records of the clean file."""
    plain = _records(_padded_csv(tmp_path / "plain.csv", "", ""))
    padded = _records(_padded_csv(tmp_path / "padded.csv", "  ", " \t\u00a0"))
    assert len(plain) == len(_ROWS)
    assert [(r.data, r.warnings, r.fields) for r in padded] == [
        (r.data, r.warnings, r.fields) for r in plain
    ]
    first, second = plain
    assert first.data.phones == [Phone("02 30 89 91 41", "work"), Phone("06 99 96 91 55", "mobile")]
    assert first.data.addresses[0].postal_code == "06000"
    assert second.data.organization == "=Société" and second.data.tags == ["-moins"]
    assert (first.data.given_name, first.data.family_name) == ("Éloïse", "LEFÈVRE")
    assert (second.data.given_name, second.data.family_name) == ("Marie", "DUPONT")
    assert len(second.warnings) == 6  # ID, type, #N/A, date, opt-out, lawful basis


@pytest.mark.parametrize(
    ("cell", "parts"),
    [
        ("12 rue de la Paix\n75002 Paris", ("12 rue de la Paix", "75002", "Paris", "")),
        ("12 rue de la Paix, 75002 Paris", ("12 rue de la Paix", "75002", "Paris", "")),
        (
            "Bâtiment B\r\n3 allée des Roses\n\nF-69003 LYON CEDEX 03\nFrance",
            ("Bâtiment B\n3 allée des Roses", "69003", "LYON CEDEX 03", "France"),
        ),
        ("Rue Neuve 5, 1000 Bruxelles, Belgique", ("Rue Neuve 5", "1000", "Bruxelles", "Belgique")),
        ("12, rue de la Paix", ("12, rue de la Paix", "", "", "")),  # no postal line: as typed
        ("12 rue de la Paix", ("12 rue de la Paix", "", "", "")),
        ("75002 Paris\n12 rue de la Paix", ("75002 Paris\n12 rue de la Paix", "", "", "")),
        ("BP 123, 75002", ("BP 123, 75002", "", "", "")),  # a code without a city is not one
        ("Tour Eiffel, Paris", ("Tour Eiffel, Paris", "", "", "")),
    ],
)
def test_a_whole_address_in_one_cell_is_split_when_it_ends_with_code_and_city(
    cell: str, parts: tuple[str, str, str, str]
) -> None:
    assert split_address_cell(cell) == parts


def test_an_address_cell_is_split_only_when_no_code_or_city_column_is_filled(
    tmp_path: Path,
) -> None:
    path = tmp_path / "adresses.csv"
    path.write_text(
        "Nom;Courriel;Adresse;Ville\n"
        "Durand;a@example.org;3 rue Haute, 6000 Nice;\n"
        "Morel;b@example.org;3 rue Basse, 75002 Paris;Lyon\n",
        encoding="utf-8",
    )
    durand, morel = (r.data.addresses[0] for r in parse_spreadsheet(path))  # type: ignore[union-attr]
    assert (durand.street, durand.postal_code, durand.city) == ("3 rue Haute", "06000", "Nice")
    assert (morel.street, morel.postal_code, morel.city) == ("3 rue Basse, 75002 Paris", "", "Lyon")


# -- merged cells down the rows, civilities in names, columns no field takes ----------------------


@pytest.mark.parametrize(
    "name", ["merged_down.xlsx", "merged_down.xls", "merged_down.ods", "merged_down.html"]
)
def test_a_cell_merged_down_gives_its_value_to_every_row_and_civilities_leave_the_names(
    data_dir: Path, name: str
) -> None:
    items = list(parse_spreadsheet(data_dir / "spreadsheets" / name))
    records = [i for i in items if isinstance(i, ImportRecord)]
    people = [
        (r.data.civility, r.data.given_name, r.data.family_name, r.data.organization)
        for r in records
    ]
    assert people == [
        ("Dr", "Paul", "Meyer", "Le Quotidien Santé"),
        ("Mme", "Élodie", "Garnier", "Le Quotidien Santé"),  # under the merged cell
        ("Mr", "John", "Smith", "Health Weekly"),
    ]
    notices = [i for i in items if isinstance(i, ImportNotice)]
    assert [n.kind for n in notices] == ["unmapped_columns"]
    assert "« Code interne » (D, 2 valeur(s))" in notices[0].message


def test_columns_no_field_takes_can_go_to_the_notes(data_dir: Path) -> None:
    items = list(
        parse_spreadsheet(data_dir / "spreadsheets" / "merged_down.xlsx", unmapped="notes")
    )
    records = [i for i in items if isinstance(i, ImportRecord)]
    assert [r.data.notes for r in records] == ["Code interne : A-12", "Code interne : A-14", ""]
    assert not [i for i in items if isinstance(i, ImportNotice)]  # nothing left out


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("Dr Paul Meyer", ("Dr", "Paul", "Meyer")),
        ("Mme Élodie Garnier", ("Mme", "Élodie", "Garnier")),
        ("M. DUPONT Jean", ("M.", "Jean", "DUPONT")),
        ("Mlle Anne Roy", ("Mlle", "Anne", "Roy")),
        ("Pr. Marc Lenoir", ("Pr", "Marc", "Lenoir")),
        ("Me Sophie Blanc", ("Me", "Sophie", "Blanc")),
        ("Mrs Jane Doe", ("Mrs", "Jane", "Doe")),
        ("Ms. Kim Lee", ("Ms", "Kim", "Lee")),
        ("Madame Nadia Benali", ("Mme", "Nadia", "Benali")),
        ("Marie Dupont", ("", "Marie", "Dupont")),  # no civility
        ("Pr", ("", "", "Pr")),  # a single word is a name
    ],
)
def test_a_civility_inside_a_name_cell_goes_to_the_civility(
    tmp_path: Path, cell: str, expected: tuple[str, str, str]
) -> None:
    path = tmp_path / "names.csv"
    path.write_text(f"Nom complet;Courriel\n{cell};a@example.org\n", encoding="utf-8")
    (record,) = [i for i in parse_spreadsheet(path) if isinstance(i, ImportRecord)]
    assert (record.data.civility, record.data.given_name, record.data.family_name) == expected


def test_a_civility_in_a_first_name_column_keeps_a_civility_column_first(tmp_path: Path) -> None:
    path = tmp_path / "names.csv"
    path.write_text(
        "Civilité;Prénom;Nom;Courriel\n"
        ";Dr Paul;Meyer;p@example.org\n"
        "M.;Mme Anne;Roy;a@example.org\n",
        encoding="utf-8",
    )
    records = [i for i in parse_spreadsheet(path) if isinstance(i, ImportRecord)]
    assert [(r.data.civility, r.data.given_name) for r in records] == [
        ("Dr", "Paul"),
        ("M.", "Anne"),
    ]


def test_language_cells_and_addresses_read_from_a_sheet(tmp_path: Path) -> None:
    """A language column gives the stored code (cached per cell text: the same answer on
    every row), an address's parts come trimmed and cleaned, a number postal code repaired."""
    from fiac_press_desk.interchange.records import ImportRecord

    path = tmp_path / "langues.csv"
    path.write_text(
        "Nom;Courriel;Langue;Adresse;Code postal;Ville;Pays\n"
        "Durand;a@example.org;Français;1 rue X;6000;Nice;France\n"
        "Martin;b@example.org;  ENGLISH ;;;Lyon  Cedex;\n"
        'Petit;c@example.org;Français;"12 rue Y\n75011 Paris";;;\n'
        "Leroy;d@example.org;De;;;;\n",
        encoding="utf-8",
    )
    records = [r for r in parse_spreadsheet(path) if isinstance(r, ImportRecord)]
    assert [r.data.language for r in records] == ["fr", "en", "fr", "de"]
    first, second, third, fourth = (r.data.addresses for r in records)
    assert [(a.street, a.postal_code, a.city, a.country) for a in first] == [
        ("1 rue X", "06000", "Nice", "France")
    ]
    assert [(a.street, a.postal_code, a.city) for a in second] == [("", "", "Lyon Cedex")]
    assert [(a.street, a.postal_code, a.city) for a in third] == [("12 rue Y", "75011", "Paris")]
    assert fourth == []
