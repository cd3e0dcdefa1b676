"""Web tools' "Excel exports" that are HTML pages or Excel 2003 XML saved as .xls: read like
any workbook (sheets, rows in place, merged blocks), field by field through the importer, and
a file cut short gives the rows before the break, then a message naming the file."""

from __future__ import annotations

from datetime import date, datetime, time
from pathlib import Path

import pytest

from fiac_press_desk.domain.contact import EmailAddress, Phone, PostalAddress
from fiac_press_desk.domain.enums import MatchKind
from fiac_press_desk.domain.messages import set_language
from fiac_press_desk.interchange.pipeline import apply_plan, build_plan
from fiac_press_desk.interchange.records import ImportProblem, ImportRecord
from fiac_press_desk.interchange.spreadsheet_import import (
    default_sheet,
    parse_spreadsheet,
    preview_sheet,
    sheets,
)
from fiac_press_desk.interchange.spreadsheet_mapping import MappingError
from fiac_press_desk.interchange.spreadsheet_markup import (
    decode_html,
    read_html,
    read_spreadsheetml,
    typed_value,
)
from fiac_press_desk.interchange.spreadsheet_read import (
    CellValue,
    MergedRange,
    SheetInfo,
    SpreadsheetError,
    list_sheets,
    open_sheet,
)
from fiac_press_desk.services import Services


def _records(path: Path, sheet: str | None = None) -> list[ImportRecord]:
    items = list(parse_spreadsheet(path, sheet))
    assert not [i for i in items if isinstance(i, ImportProblem)]
    return items  # type: ignore[return-value]


def _cells(path: Path, sheet: str | None = None) -> list[tuple[int, list[CellValue]]]:
    return [(r.number, r.cells) for r in open_sheet(path, sheet).rows()]


@pytest.fixture
def html_export(data_dir: Path) -> Path:
    return data_dir / "spreadsheets" / "export.xls"


@pytest.fixture
def xml_export(data_dir: Path) -> Path:
    return data_dir / "spreadsheets" / "export2003.xls"


# -- the HTML export fixture ----------------------------------------------------------------------


def test_the_html_export_is_one_sheet_named_by_the_page_title(html_export: Path) -> None:
    assert html_export.read_bytes().count(b"\xe9") > 0  # raw Windows-1252 bytes, not UTF-8
    assert list_sheets(html_export) == [SheetInfo("Export contacts presse", True)]
    assert default_sheet(html_export) == "Export contacts presse"
    source = open_sheet(html_export)
    # the title <th colspan="9"> and the rowspan="2" of "Radio Lumière"
    assert source.merged == [MergedRange(0, 0, 0, 8), MergedRange(4, 3, 5, 3)]
    rows = _cells(html_export)
    assert [n for n, _ in rows] == [1, 2, 3, 4, 5, 6]
    assert rows[0][1] == ["Fichier presse – export du 12/03/2024"]  # &ndash;
    assert rows[1][1][:4] == ["Civilité", "Nom", "Prénom", "Média"]  # &eacute; and &#233;
    assert rows[1][1][8] == "Thématiques"  # a raw cp1252 byte, decoded by the meta charset
    assert rows[3][1] == [""] * 9  # the empty row, &nbsp; included
    assert rows[4][1][2] == "Jean Pierre"  # white space and line breaks collapsed
    assert rows[5][1][3] == ""  # covered by the rowspan above, like a workbook's merged cell
    assert rows[5][1][4] == "Pigiste"  # ...and the cells after it keep their column


def test_the_html_export_field_by_field(html_export: Path) -> None:
    dupont, martin, nguyen = (r.data for r in _records(html_export))
    assert [r.place.row for r in _records(html_export)] == [3, 5, 6]
    assert (dupont.civility, dupont.given_name, dupont.family_name) == ("Mme", "Marie", "DUPONT")
    assert dupont.organization == "Le Quotidien du Sud"
    assert dupont.job_title == "Journaliste santé"
    assert dupont.emails == [EmailAddress("marie.dupont@example.fr", "")]
    assert dupont.phones == [Phone("06 12 34 56 78", "mobile")]  # text "0612345678" kept
    # the <br> of the address is a line break in the cell: street, then postal code and city
    assert dupont.addresses == [
        PostalAddress("work", "12 avenue Jean Médecin", postal_code="06000", city="Nice")
    ]
    assert dupont.beats == ["Santé", "IA"]  # <br/> between two values

    assert (martin.given_name, martin.family_name) == ("Jean Pierre", "Martin")
    assert martin.organization == "Radio Lumière" and martin.job_title == "Rédacteur en chef"
    assert martin.emails == [EmailAddress("JP.Martin@Example.org", "")]
    assert martin.phones == [Phone("06 98 76 54 32", "mobile")]
    assert martin.addresses == []  # &nbsp; only
    assert martin.beats == ["Recherche", "Innovation"]

    # under the rowspan: the outlet of the merged cell, as for a merged cell in a workbook
    assert nguyen.organization == "Radio Lumière"
    assert nguyen.job_title == "Pigiste"
    assert nguyen.phones == [Phone("+33 6 12 00 01 11", "mobile")]
    assert nguyen.addresses == [
        PostalAddress("work", "3 rue de l'Hôtel de Ville", postal_code="69001", city="Lyon")
    ]
    assert nguyen.beats == ["Santé & société"]  # &amp;


# -- the Excel 2003 XML fixture -------------------------------------------------------------------


def test_the_xml_export_lists_its_worksheets_with_visibility(xml_export: Path) -> None:
    assert list_sheets(xml_export) == [SheetInfo("Paramètres", False), SheetInfo("Contacts")]
    assert [s.name for s in sheets(xml_export)] == ["Contacts", "Paramètres"]  # visible first
    assert default_sheet(xml_export) == "Contacts"
    assert open_sheet(xml_export).sheet == "Contacts"  # the first visible one
    assert _cells(xml_export, "Paramètres") == [(1, ["Version", 3]), (2, ["Exporté", True])]
    with pytest.raises(SpreadsheetError, match=r"export2003\.xls: aucune feuille nommée « X »"):
        open_sheet(xml_export, "X")


def test_the_xml_export_rows_keep_their_place_and_types(xml_export: Path) -> None:
    source = open_sheet(xml_export, "Contacts")
    assert source.merged == [MergedRange(0, 0, 0, 9)]  # ss:MergeAcross="9" on the title
    rows = list(source.rows())
    assert [r.number for r in rows] == [1, 2, 3, 4, 5]  # row 2 left out by ss:Index="3"
    assert rows[1].cells == []
    header = rows[2].cells
    assert header[4:8] == ["E-mail", "", "Portable", "CP"]  # column F skipped by ss:Index
    dupont = rows[3].cells
    assert dupont[6:10] == [612345678, 6000, "Nice", date(1980, 1, 31)]
    assert isinstance(dupont[6], int) and dupont[10] == "Santé\nOncologie"
    assert dupont[2] == "Marie"  # the cell's Data, not its comment's


def test_the_xml_export_field_by_field(xml_export: Path) -> None:
    records = _records(xml_export)
    assert [(r.place.row, r.place.sheet) for r in records] == [(4, "Contacts"), (5, "Contacts")]
    dupont, bernard = (r.data for r in records)
    assert (dupont.civility, dupont.given_name, dupont.family_name) == ("Mme", "Marie", "Dupont")
    assert dupont.organization == "Le Quotidien du Sud"
    assert dupont.emails == [EmailAddress("marie.dupont@example.fr", "")]
    assert dupont.phones == [Phone("06 12 34 56 78", "mobile")]  # Number 612345678 repaired
    assert dupont.addresses == [PostalAddress("work", postal_code="06000", city="Nice")]
    assert dupont.birthday == "1980-01-31"
    assert dupont.beats == ["Santé", "Oncologie"]
    assert bernard.phones == [Phone("+33 4 93 00 00 00", "mobile")]  # 33493000000
    assert bernard.addresses == [PostalAddress("work", postal_code="06100", city="Nice")]
    assert bernard.birthday == "" and bernard.beats == ["Santé"]
    assert not records[1].warnings


def test_previews_find_the_header_under_the_title(html_export: Path, xml_export: Path) -> None:
    html = preview_sheet(html_export)
    assert html.layout.header_index == 1 and html.headers[6] == "Tél. portable"
    xml = preview_sheet(xml_export)
    assert xml.sheet == "Contacts" and xml.layout.header_index == 2
    assert xml.headers[:5] == ["Civilité", "Nom", "Prénom", "Média", "E-mail"]


def test_both_exports_go_through_the_pipeline(
    services: Services, html_export: Path, xml_export: Path
) -> None:
    created: list[int] = []

    def plan_for(path: Path) -> list[tuple[int | None, MatchKind]]:
        plan = build_plan(services, parse_spreadsheet(path), sources=[str(path)], format="xls")
        kinds = [(i.place.row, i.kind) for i in plan.items]
        created.extend(apply_plan(services, plan).created_ids)
        return kinds

    assert plan_for(html_export) == [(3, MatchKind.NEW), (5, MatchKind.NEW), (6, MatchKind.NEW)]
    # Marie Dupont is in both exports, by the same email
    assert plan_for(xml_export) == [(4, MatchKind.DUPLICATE), (5, MatchKind.NEW)]
    stored = {c.family_name: c for c in services.contacts.get_many(created)}
    assert set(stored) == {"DUPONT", "Martin", "Nguyen", "Bernard"}
    assert [p.value for p in stored["Bernard"].phones] == ["+33493000000"]
    assert stored["Bernard"].addresses[0].postal_code == "06100"


# -- HTML tables as a browser draws them ----------------------------------------------------------


def _html_rows(markup: str, sheet: int = 0) -> list[list[CellValue]]:
    return [r.cells for r in read_html(markup.encode()).sheets[sheet].rows]


def test_html_sheet_names_caption_title_number_and_unique() -> None:
    page = (
        "<html><head><title>Page</title></head><body>"
        "<table><caption> Presse  <b>écrite</b> </caption><tr><td>a</td></tr></table>"
        "<table><tr><td>b</td></tr></table>"
        "<table><caption>Presse écrite</caption><tr><td>c</td></tr></table>"
        "</body></html>"
    )
    names = [s.name for s in read_html(page.encode()).sheets]
    assert names == ["Presse écrite", "Tableau 2", "Presse écrite (2)"]
    single = "<title>Export &amp; co</title><table><tr><td>x</td></tr></table>"
    assert [s.name for s in read_html(single.encode()).sheets] == ["Export & co"]
    assert [s.name for s in read_html(b"<table><tr><td>x</table>").sheets] == ["Tableau 1"]


def test_html_spans_make_merged_blocks_and_empty_covered_cells() -> None:
    page = (
        "<table>"
        "<tr><th rowspan=2>A</th><th colspan=2>B</th><td>C</td></tr>"
        "<tr><td>b1</td><td>b2</td><td rowspan=5>D</td></tr>"
        "<tr><td colspan=0>x</td><td>y</td></tr>"
        "</table>"
    )
    book = read_html(page.encode())
    sheet = book.sheets[0]
    assert [r.cells for r in sheet.rows] == [
        ["A", "B", "", "C"],
        ["", "b1", "b2", "D"],
        ["x", "y", "", ""],  # D's rowspan covers column D here; colspan=0 counts as 1
    ]
    assert sheet.merged == [
        MergedRange(0, 0, 1, 0),
        MergedRange(0, 1, 0, 2),
        MergedRange(1, 3, 2, 3),  # rowspan=5 stops at the table's last row
    ]


def test_html_text_breaks_entities_white_space_and_skipped_elements() -> None:
    page = (
        "<style>td{color:red}</style><script>var x = '<td>no</td>';</script>"
        "<table><tr>"
        "<td>  Jean \n\t Pierre  </td>"
        "<td>12 rue A<br>  <BR>06000&nbsp;Nice<br></td>"
        "<td><p>Santé</p><p>IA</p></td>"
        "<td>&lt;b&gt; &eacute;t&#233; &#x20AC; &hellip;</td>"
        "<td>0612345678</td><th>00123</th>"
        "</tr></table>"
    )
    assert _html_rows(page) == [
        ["Jean Pierre", "12 rue A\n\n06000 Nice", "Santé\nIA", "<b> été € …", "0612345678", "00123"]
    ]


def test_html_nested_tables_are_sheets_of_their_own() -> None:
    page = (
        "<table><tr><td>menu</td><td>before"
        "<table><tr><td>Nom</td><td>Courriel</td></tr><tr><td>Dupont</td><td>d@x.fr</td></tr>"
        "</table>after</td></tr><tr><td>foot</td></tr></table>"
    )
    book = read_html(page.encode())
    assert [s.name for s in book.sheets] == ["Tableau 1", "Tableau 2"]
    assert [r.cells for r in book.sheets[0].rows] == [["menu", "before\nafter"], ["foot"]]
    assert [r.cells for r in book.sheets[1].rows] == [["Nom", "Courriel"], ["Dupont", "d@x.fr"]]


def test_html_omitted_end_tags_are_closed_as_a_browser_does() -> None:
    page = "<html><body><table><tr><td>a<td>b<tr><td>c</table><p>x</body></html>"
    book = read_html(page.encode())
    assert [r.cells for r in book.sheets[0].rows] == [["a", "b"], ["c"]]
    assert book.sheets[0].broken is None
    unclosed = "<html><body><table><tr><td>a<tr><td>b</body></html>"  # closed by </body>
    assert read_html(unclosed.encode()).sheets[0].broken is None


@pytest.mark.parametrize(
    ("data", "text"),
    [
        ("<meta charset=windows-1252><td>Médecin".encode("cp1252"), "Médecin"),
        (
            b'<meta http-equiv=Content-Type content="text/html; charset=ISO-8859-1">'
            b"<td>\x93Sant\xe9\x94",
            "“Santé”",  # latin-1 is Windows-1252, as browsers read it
        ),
        ("<td>Médecin".encode("cp1252"), "Médecin"),  # no declaration: not UTF-8, so cp1252
        ("<td>Médecin €".encode(), "Médecin €"),  # no declaration: UTF-8
        ('<meta charset="utf-8"><td>Médecin'.encode("cp1252"), "Médecin"),  # a false label
        ("\ufeff<meta charset=windows-1252><td>Médecin".encode("utf-16-le"), "Médecin"),
        (b"\xef\xbb\xbf<meta charset=windows-1252><td>M\xc3\xa9decin", "Médecin"),  # BOM wins
        ('<meta charset="nonsense"><td>Médecin'.encode(), "Médecin"),
    ],
)
def test_html_encoding(data: bytes, text: str) -> None:
    assert text in decode_html(data)


# -- SpreadsheetML --------------------------------------------------------------------------------

_HEAD = (
    '<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" '
    'xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">'
)


def test_spreadsheetml_typed_values_like_calamine() -> None:
    assert typed_value("Number", "6000") == 6000 and isinstance(typed_value("Number", "6000"), int)
    assert typed_value("Number", "6000.0") == 6000
    assert typed_value("Number", "1.5") == 1.5
    assert typed_value("Number", "1E3") == 1000
    assert typed_value("Number", "n/a") == "n/a"
    assert typed_value("DateTime", "1980-01-31T00:00:00.000") == date(1980, 1, 31)
    assert typed_value("DateTime", "2024-03-12T14:30:00.000") == datetime(2024, 3, 12, 14, 30)
    assert typed_value("DateTime", "1899-12-31T10:30:00.000") == time(10, 30)
    assert typed_value("DateTime", "hier") == "hier"
    assert typed_value("Boolean", "1") is True and typed_value("Boolean", "0") is False
    assert typed_value("String", " 06 12 ") == " 06 12 "
    assert typed_value("Error", "#N/A") == "#N/A"


def test_spreadsheetml_indexes_merges_and_visibility() -> None:
    xml = (
        _HEAD + '<Worksheet ss:Name="A" ss:Visible="SheetHidden"><Table>'
        '<Row ss:Index="2"><Cell ss:MergeDown="1" ss:MergeAcross="1"><Data ss:Type="String">'
        'M</Data></Cell><Cell><Data ss:Type="Number">3</Data></Cell></Row>'
        '<Row><Cell><Data ss:Type="String">after the merge</Data></Cell></Row>'
        '<Row ss:Span="1"/><Row><Cell Index="3"><Data Type="String">unprefixed</Data></Cell></Row>'
        "</Table></Worksheet>"
        '<Worksheet ss:Name="A"><Table><Row><Cell><Data ss:Type="String"><B xmlns="http://www.w3.'
        'org/TR/REC-html40">Rich</B> text</Data></Cell></Row></Table></Worksheet>'
        "<Worksheet><Table/></Worksheet></Workbook>"
    )
    book = read_spreadsheetml(xml.encode())
    assert [(s.name, s.visible) for s in book.sheets] == [
        ("A", False),
        ("A (2)", True),
        ("Feuille 3", True),
    ]
    first = book.sheets[0]
    assert [(r.number, r.cells) for r in first.rows] == [
        (1, []),
        (2, ["M", "", 3]),
        (3, ["", "", "after the merge"]),  # the cell goes past the block merged down onto it
        (4, []),
        (5, []),  # ss:Span="1": one more empty row
        (6, ["", "", "unprefixed"]),
    ]
    assert first.merged == [MergedRange(1, 0, 2, 1)]
    assert [r.cells for r in book.sheets[1].rows] == [["Rich text"]]
    assert book.sheets[2].rows == []


# -- files that break, and files with nothing to read ---------------------------------------------

_GOOD_ROWS = (
    "<tr><th>Nom</th><th>Courriel</th></tr>"
    "<tr><td>Dupont</td><td>dupont@example.fr</td></tr>"
    "<tr><td>Durand</td><td>durand@example.fr</td></tr>"
)


@pytest.mark.parametrize(
    ("content", "message", "line"),
    [
        (
            # an HTML download cut in the middle of a row: that row is dropped
            f"<html><body><table>\n{_GOOD_ROWS}\n<tr><td>Martin</td><td>mar".encode(),
            "la page s'arrête au milieu du tableau « Tableau 1 » (commencé ligne 1, fin du "
            "fichier ligne 3) : le fichier semble tronqué",
            3,
        ),
        (
            (
                _HEAD + '<Worksheet ss:Name="Presse"><Table>\n'
                '<Row><Cell><Data ss:Type="String">Nom</Data></Cell>'
                '<Cell><Data ss:Type="String">Courriel</Data></Cell></Row>\n'
                '<Row><Cell><Data ss:Type="String">Dupont</Data></Cell>'
                '<Cell><Data ss:Type="String">dupont@example.fr</Data></Cell></Row>\n'
                '<Row><Cell><Data ss:Type="String">Durand</Data></Cell>'
                '<Cell><Data ss:Type="String">durand@example.fr</Data></Cell></Row>\n'
                '<Row><Cell><Data ss:Type="String">Martin</Data></Cell><Cell><Da'
            ).encode(),
            "XML illisible à la ligne 5 (",
            5,
        ),
    ],
)
def test_a_file_cut_short_keeps_the_rows_before_the_break(
    tmp_path: Path, content: bytes, message: str, line: int
) -> None:
    path = tmp_path / "coupé.xls"
    path.write_bytes(content)
    items = list(parse_spreadsheet(path))
    records = [i for i in items if isinstance(i, ImportRecord)]
    assert [r.data.family_name for r in records] == ["Dupont", "Durand"]
    problem = items[-1]
    assert isinstance(problem, ImportProblem)
    assert problem.message.startswith(message), problem.message
    assert problem.place.file == "coupé.xls" and problem.place.line == line
    rows = open_sheet(path).rows()
    assert [next(rows).number for _ in range(3)] == [1, 2, 3]
    with pytest.raises(SpreadsheetError, match=r"^coupé\.xls: ") as caught:
        next(rows)
    assert caught.value.line == line


@pytest.mark.parametrize(
    ("content", "french", "english"),
    [
        (
            b"<html><body><p>Aucun r\xc3\xa9sultat</p></body></html>",
            "page web (HTML) nommée comme un classeur, sans aucun tableau : rien à importer",
            "a web page (HTML) named like a workbook, holding no table: nothing to import",
        ),
        (
            (_HEAD + "<Styles/></Workbook>").encode(),
            "fichier XML Excel 2003 sans aucune feuille de calcul : rien à importer",
            "an Excel 2003 XML file holding no worksheet: nothing to import",
        ),
        (
            b'<?xml version="1.0"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:'
            b'spreadsheet"><Worksheet ss:Name="Presse"/></Workbook>',  # ss: never declared
            "XML illisible à la ligne 2 (unbound prefix)",
            "unreadable XML on line 2 (unbound prefix)",
        ),
    ],
)
def test_markup_with_nothing_to_read_says_so(
    tmp_path: Path, content: bytes, french: str, english: str
) -> None:
    path = tmp_path / "export.xls"
    path.write_bytes(content)
    with pytest.raises(SpreadsheetError) as caught:
        list_sheets(path)
    assert str(caught.value).startswith(f"export.xls: {french}"), caught.value.message
    set_language("en")
    try:
        with pytest.raises(SpreadsheetError) as caught:
            list(parse_spreadsheet(path))
    finally:
        set_language("fr")
    assert caught.value.message.startswith(english), caught.value.message


def test_a_changed_file_is_read_again(tmp_path: Path) -> None:
    """The parsed file is kept for the importer's next opening, but not past a change."""
    path = tmp_path / "export.xls"
    path.write_bytes(b"<table><tr><td>Nom</td></tr></table>")
    assert _cells(path) == [(1, ["Nom"])]
    path.write_bytes(b"<table><tr><td>Nom</td><td>Courriel</td></tr></table>")
    assert _cells(path) == [(1, ["Nom", "Courriel"])]
    rows = open_sheet(path).rows()
    next(rows).cells.append("changed by a caller")
    assert _cells(path) == [(1, ["Nom", "Courriel"])]  # rows handed out are copies


@pytest.mark.parametrize("name", ["export.xls", "export2003.xls"])
def test_a_fixture_cut_anywhere_never_gives_a_traceback(
    data_dir: Path, tmp_path: Path, name: str
) -> None:
    """Cut at 60 places: the rows before the cut, a message, or nothing; never a crash."""
    data = (data_dir / "spreadsheets" / name).read_bytes()
    for cut in range(0, len(data), max(1, len(data) // 60)):
        path = tmp_path / f"{cut}.xls"
        path.write_bytes(data[:cut])
        try:
            items = list(parse_spreadsheet(path))
        except (SpreadsheetError, MappingError) as exc:
            assert str(exc).startswith(f"{cut}.xls: ")
            continue
        for item in items:
            place = item.place
            assert place.file == path.name and (place.row is not None or place.line is not None)


def test_a_web_page_saved_as_html_imports_like_its_xls_twin(
    html_export: Path, tmp_path: Path
) -> None:
    """The same page saved as .html (or .htm) is taken by the window and the command line."""
    from fiac_press_desk.interchange.file_kinds import CONTACT_SUFFIXES
    from fiac_press_desk.interchange.import_sources import kind_of

    for suffix in (".html", ".htm"):
        page = tmp_path / f"export{suffix}"
        page.write_bytes(html_export.read_bytes())
        assert kind_of(page) == "sheet" and suffix in CONTACT_SUFFIXES
        assert [r.data for r in _records(page)] == [r.data for r in _records(html_export)]
