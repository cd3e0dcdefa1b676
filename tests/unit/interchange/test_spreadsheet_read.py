"""Readers: sheets, absolute row/column positions in every format, encodings, delimiters."""

from __future__ import annotations

from pathlib import Path

import pytest

from fiac_press_desk.domain.messages import set_language
from fiac_press_desk.interchange.spreadsheet_read import (
    MergedRange,
    SpreadsheetError,
    column_index,
    column_letter,
    detect_encoding,
    list_sheets,
    open_sheet,
    sniff_delimiter,
    sniff_text,
)


def _spreadsheets(data_dir: Path) -> Path:
    return data_dir / "spreadsheets"


@pytest.mark.parametrize("name", ["messy.xlsx", "messy.xls", "messy.ods"])
def test_workbook_rows_keep_their_place(data_dir: Path, name: str) -> None:
    path = _spreadsheets(data_dir) / name
    assert [s.name for s in list_sheets(path)] == ["Mode d'emploi", "Journalistes", "Partenaires"]
    source = open_sheet(path, "Journalistes")
    rows = list(source.rows())
    assert rows[0].number == 1 and rows[0].cells[0].startswith("Fichier presse")
    header = rows[2]
    assert header.number == 3 and header.cells[0] == "Civilité" and header.cells[6] == "Courriel"
    first = rows[4]
    assert first.number == 5 and first.cells[1] == "DUPONT"
    assert first.cells[7] == 142345678  # a number, not text
    # merged blocks in each format (calamine for xlsx/xls, content.xml for ods)
    assert set(source.merged) >= {MergedRange(0, 0, 0, 14), MergedRange(2, 7, 2, 8)}


def test_the_first_visible_sheet_by_default_and_unknown_sheets(data_dir: Path) -> None:
    path = _spreadsheets(data_dir) / "messy.xlsx"
    assert open_sheet(path).sheet == "Mode d'emploi"
    with pytest.raises(SpreadsheetError, match="aucune feuille nommée « Nope » "):
        open_sheet(path, "Nope")


def test_unreadable_files(tmp_path: Path) -> None:
    fake = tmp_path / "fake.xlsx"
    fake.write_text("not a workbook")
    with pytest.raises(SpreadsheetError, match=r"fake\.xlsx"):
        list_sheets(fake)
    with pytest.raises(SpreadsheetError, match=r"missing\.ods: fichier introuvable"):
        list_sheets(tmp_path / "missing.ods")


@pytest.mark.parametrize(
    ("content", "french", "english"),
    [
        (b'{"contacts": []}', "fichier texte nommé comme un classeur", "a text file named"),
        (b"\x00\x01garbage", "classeur illisible (", "not a readable spreadsheet ("),
    ],
)
def test_a_file_named_like_a_workbook_says_what_it_is(
    tmp_path: Path, content: bytes, french: str, english: str
) -> None:
    """A text file that is not HTML nor Excel 2003 XML (those are read: test_spreadsheet_markup)
    says what it is and how to get a workbook from it, in the user's language."""
    path = tmp_path / "export.xls"
    path.write_bytes(content)
    with pytest.raises(SpreadsheetError) as caught:
        list_sheets(path)
    assert caught.value.message.startswith(french), caught.value.message
    assert str(caught.value).startswith("export.xls: ")
    set_language("en")
    try:
        with pytest.raises(SpreadsheetError) as caught:
            open_sheet(path)
    finally:
        set_language("fr")
    assert caught.value.message.startswith(english), caught.value.message


@pytest.mark.parametrize(
    "content",
    [
        b"\xef\xbb\xbf  <html><body><table><tr><td>Nom</td></tr></table></body></html>",
        b'<?xml version="1.0"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"'
        b' xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="Presse">'
        b'<Table><Row><Cell><Data ss:Type="String">Nom</Data></Cell></Row></Table></Worksheet>'
        b"</Workbook>",
    ],
)
def test_html_and_excel_2003_xml_named_like_a_workbook_are_read(
    tmp_path: Path, content: bytes
) -> None:
    path = tmp_path / "export.xls"
    path.write_bytes(content)
    assert len(list_sheets(path)) == 1
    assert [(r.number, r.cells) for r in open_sheet(path).rows()] == [(1, ["Nom"])]


@pytest.mark.parametrize(
    ("name", "encoding", "delimiter"),
    [
        ("contacts_utf8_bom_semicolon.csv", "utf-8-sig", ";"),
        ("contacts_utf8_comma.csv", "utf-8", ","),
        ("contacts_utf16_tab.txt", "utf-16", "\t"),
        ("contacts_cp1252_semicolon.csv", "cp1252", ";"),
    ],
)
def test_text_files_are_sniffed(data_dir: Path, name: str, encoding: str, delimiter: str) -> None:
    path = _spreadsheets(data_dir) / name
    fmt = sniff_text(path)
    assert (fmt.encoding, fmt.delimiter) == (encoding, delimiter)
    rows = list(open_sheet(path).rows())
    assert rows[0].cells[0] == "Fichier presse FIAC — mise à jour mars 2024"
    assert rows[4].cells[12] == "Santé; IA\nOncologie"  # a quoted multi-line cell
    assert rows[5].line == 8  # the record above spans three lines (two multi-line cells)


def test_utf16_without_bom(tmp_path: Path) -> None:
    path = tmp_path / "sans_bom.txt"
    path.write_bytes("Nom\tCourriel\nDupont\tm@example.org\n".encode("utf-16-le"))
    assert detect_encoding(path) == "utf-16-le"
    assert list(open_sheet(path).rows())[1].cells == ["Dupont", "m@example.org"]


def test_delimiter_sniffing_respects_quotes() -> None:
    sample = 'Nom;Adresse;Ville\nDupont;"12, rue de la Paix";Paris\nMartin;"3, place X";Nice\n'
    assert sniff_delimiter(sample) == ";"
    assert sniff_delimiter("a,b,c\n1,2,3\n") == ","
    assert sniff_delimiter("a\tb\n1\t2\n") == "\t"


def test_column_letters() -> None:
    assert [column_letter(i) for i in (0, 25, 26, 701, 702)] == ["A", "Z", "AA", "ZZ", "AAA"]
    assert [column_index(x) for x in ("A", "z", "AA", "zz")] == [0, 25, 26, 701]
    assert column_index("Nom") is None
