"""Write the messy press files the spreadsheet import tests read, in every format.

    .venv/bin/python tests/data/spreadsheets/make_fixtures.py

One workbook, three sheets, written as .xlsx (openpyxl), .xls (xlwt, a test-only dependency:
unmaintained but the only writer of real BIFF8 files on PyPI), .ods (OpenDocument XML written
here: a zip of content.xml and a manifest), and its contact sheet as the CSV/text files French
Excel and other tools write (UTF-8 with and without BOM, UTF-16, Windows-1252; ``;`` ``,`` tab).

Two "Excel exports" of web tools that are not workbooks, both named .xls: ``export.xls``, an
HTML page in Windows-1252 (what a press database's "export to Excel" button sends), and
``export2003.xls``, an Excel 2003 XML Spreadsheet; written here as those tools write them.

The contact sheet holds what real press files hold: a title row merged over the columns, a
blank row, a header merged over two rows and one merged over two columns with sub-headers
(Téléphone: Fixe | Portable), an empty column, phone numbers and postal codes stored as
numbers, real dates and dates typed as text, several values per cell, stray spaces, an empty
row, the same person twice with a different email case, a broken email address.
"""

from __future__ import annotations

import csv
import io
import zipfile
from datetime import date
from pathlib import Path
from xml.sax.saxutils import escape

HERE = Path(__file__).resolve().parent

INSTRUCTIONS = [
    ["Ce classeur contient les contacts presse de la FIAC."],
    [],
    ["Mise à jour : mars 2024 — ne pas diffuser."],
]

TITLE = "Fichier presse FIAC — mise à jour mars 2024"
# Row 3 and row 4 of the contact sheet (row 4 holds the sub-headers of the merged "Téléphone").
HEADER_TOP = [
    "Civilité",
    "NOM",
    "Prénom",
    "Média",
    "Fonction",
    "",
    "Courriel",
    "Téléphone",
    "",
    "Adresse",
    "CP",
    "Ville",
    "Thématiques",
    "Date de naissance",
    "Commentaire",
]
HEADER_SUB = ["", "", "", "", "", "", "", "Fixe", "Portable", "", "", "", "", "", ""]
# Merged blocks, 0-based inclusive (first_row, first_col, last_row, last_col).
MERGED = [(0, 0, 0, 14), (2, 0, 3, 0), (2, 7, 2, 8)]
CONTACT_ROWS: list[list[object]] = [
    [
        "Mme",
        "DUPONT",
        "Marie",
        "Le Quotidien du Sud",
        "Journaliste santé",
        "",
        "  marie.dupont@example.fr ",
        142345678,
        612345678,
        "12 avenue Jean Médecin",
        6000,
        "Nice",
        "Santé; IA\nOncologie",
        date(1980, 1, 31),
        "Rencontrée au salon\nà relancer en avril",
    ],
    [],
    [
        "M.",
        "  Martin ",
        " Jean   Pierre ",
        "Radio Lumière",
        "Rédacteur en chef",
        "",
        "JP.Martin@Example.org",
        "01 23 45 67 89",
        "",
        "",
        75011,
        "Paris",
        "Recherche, Innovation",
        "15/03/1975",
        "",
    ],
    [
        "M.",
        "MARTIN",
        "Jean Pierre",
        "Radio Lumière",
        "",
        "",
        "jp.martin@example.org",
        "",
        "+33 6 98 76 54 32",
        "",
        "",
        "",
        "",
        "",
        "",
    ],
    [
        "Mme",
        "Nguyen",
        "Linh",
        "Agence Santé Presse",
        "Pigiste",
        "",
        "linh.nguyen@example.fr; l.nguyen@example.org",
        "",
        33612000111,
        "",
        "",
        "Lyon",
        "",
        "",
        "",
    ],
    [
        "",
        "Leroy",
        "",
        "Le Monde des Sciences",
        "",
        "",
        "pas-un-email",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
    ],
    [
        "M.",
        "Bernard",
        "Luc",
        "France Info Santé",
        "",
        "",
        "luc.bernard@example.fr\nluc@example.org",
        "04 93 00 00 00",
        "",
        "",
        "06100",
        "Nice",
        "Santé",
        "",
        "",
    ],
    [],
    ["", "", "   ", "", "", "", "", "", "", "", "", "", "", "", ""],
]

PARTNER_HEADERS = [
    "Title",
    "First name",
    "Last name",
    "Company",
    "Job title",
    "E-mail",
    "Mobile",
    "Address",
    "Zip code",
    "City",
    "Country",
    "Tags",
    "Lists",
    "Notes",
]
PARTNER_ROWS: list[list[object]] = [
    [
        "Dr",
        "Paul",
        "Janssens",
        "Institut Bordet",
        "Research director",
        "paul.janssens@example.org",
        "+32 470 12 34 56",
        "Rue Héger-Bordet 1",
        1000,
        "Bruxelles",
        "Belgique",
        "Partenaire; Recherche",
        "Partenaires scientifiques",
        "",
    ],
    [
        "Dr",
        "Claire",
        "Fontaine",
        "CHU de Nice",
        "Oncologue",
        "claire.fontaine@example.fr",
        612345679,
        "30 voie Romaine",
        6000,
        "Nice",
        "France",
        "",
        "Partenaires scientifiques",
        "Porte-parole pour l'essai clinique",
    ],
]


def contact_sheet() -> list[list[object]]:
    return [[TITLE], [], HEADER_TOP, HEADER_SUB, *CONTACT_ROWS]


def partner_sheet() -> list[list[object]]:
    return [PARTNER_HEADERS, *PARTNER_ROWS]


# (name, rows, merged blocks as 0-based inclusive (first_row, first_col, last_row, last_col))
Sheet = tuple[str, list[list[object]], list[tuple[int, int, int, int]]]
SHEETS: list[Sheet] = [
    ("Mode d'emploi", INSTRUCTIONS, []),
    ("Journalistes", contact_sheet(), MERGED),
    ("Partenaires", partner_sheet(), []),
]


# A cell merged down over two rows (one outlet for two journalists), civilities written in the
# name cells, and a column no field takes: the same sheet in every workbook format and as an
# HTML table with a rowspan.
MERGED_DOWN_ROWS: list[list[object]] = [
    ["Nom complet", "Média", "Courriel", "Code interne"],
    ["Dr Paul Meyer", "Le Quotidien Santé", "paul.meyer@example.org", "A-12"],
    ["Mme Élodie Garnier", "", "elodie.garnier@example.fr", "A-14"],
    ["Mr. John Smith", "Health Weekly", "john.smith@example.org", ""],
]
MERGED_DOWN: list[Sheet] = [("Presse", MERGED_DOWN_ROWS, [(1, 1, 2, 1)])]
MERGED_DOWN_HTML = (
    "<html><body><table>"
    "<tr><th>Nom complet</th><th>Média</th><th>Courriel</th><th>Code interne</th></tr>"
    '<tr><td>Dr Paul Meyer</td><td rowspan="2">Le Quotidien Santé</td>'
    "<td>paul.meyer@example.org</td><td>A-12</td></tr>"
    "<tr><td>Mme Élodie Garnier</td><td>elodie.garnier@example.fr</td><td>A-14</td></tr>"
    "<tr><td>Mr. John Smith</td><td>Health Weekly</td><td>john.smith@example.org</td><td></td></tr>"
    "</table></body></html>"
)


# -- writers --------------------------------------------------------------------------------------


def write_xlsx(path: Path, sheets: list[Sheet] | None = None) -> None:
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    for name, rows, merged in sheets or SHEETS:
        sheet = book.create_sheet(name)
        for r, row in enumerate(rows, start=1):
            for c, value in enumerate(row, start=1):
                if value == "" or value is None:
                    continue
                cell = sheet.cell(row=r, column=c, value=value)
                if isinstance(value, date):
                    cell.number_format = "DD/MM/YYYY"
        for r1, c1, r2, c2 in merged:
            sheet.merge_cells(
                start_row=r1 + 1, start_column=c1 + 1, end_row=r2 + 1, end_column=c2 + 1
            )
    book.save(path)


def write_xls(path: Path, sheets: list[Sheet] | None = None) -> None:
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    date_style = xlwt.easyxf(num_format_str="DD/MM/YYYY")
    for name, rows, merged in sheets or SHEETS:
        sheet = book.add_sheet(name)
        covered = set()
        for r1, c1, r2, c2 in merged:
            sheet.write_merge(r1, r2, c1, c2, rows[r1][c1])
            covered |= {(r, c) for r in range(r1, r2 + 1) for c in range(c1, c2 + 1)}
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                if value == "" or value is None or (r, c) in covered:
                    continue
                if isinstance(value, date):
                    sheet.write(r, c, value, date_style)
                else:
                    sheet.write(r, c, value)
    book.save(str(path))


_ODS_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'office:version="1.2"'
)


def _ods_cell(value: object, span: tuple[int, int] | None) -> str:
    attrs = ""
    if span is not None:
        attrs += f' table:number-rows-spanned="{span[0]}" table:number-columns-spanned="{span[1]}"'
    if value == "" or value is None:
        return f"<table:table-cell{attrs}/>"
    if isinstance(value, date):
        iso = value.isoformat()
        return (
            f'<table:table-cell{attrs} office:value-type="date" office:date-value="{iso}">'
            f"<text:p>{value:%d/%m/%Y}</text:p></table:table-cell>"
        )
    if isinstance(value, int | float):
        return (
            f'<table:table-cell{attrs} office:value-type="float" office:value="{value}">'
            f"<text:p>{value}</text:p></table:table-cell>"
        )
    paragraphs = "".join(f"<text:p>{escape(line)}</text:p>" for line in str(value).split("\n"))
    return f'<table:table-cell{attrs} office:value-type="string">{paragraphs}</table:table-cell>'


def write_ods(path: Path, sheets: list[Sheet] | None = None) -> None:
    tables = []
    for name, rows, merged in sheets or SHEETS:
        spans = {(r1, c1): (r2 - r1 + 1, c2 - c1 + 1) for r1, c1, r2, c2 in merged}
        covered = {
            (r, c)
            for r1, c1, r2, c2 in merged
            for r in range(r1, r2 + 1)
            for c in range(c1, c2 + 1)
            if (r, c) != (r1, c1)
        }
        width = max(len(r) for r in rows)
        xml_rows = []
        for r, row in enumerate(rows):
            cells = []
            for c in range(width):
                if (r, c) in covered:
                    cells.append("<table:covered-table-cell/>")
                    continue
                cells.append(_ods_cell(row[c] if c < len(row) else "", spans.get((r, c))))
            xml_rows.append(f"<table:table-row>{''.join(cells)}</table:table-row>")
        tables.append(
            f'<table:table table:name="{escape(name, {chr(34): "&quot;"})}">'
            f'<table:table-column table:number-columns-repeated="{width}"/>'
            f"{''.join(xml_rows)}</table:table>"
        )
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        f"<office:document-content {_ODS_NS}><office:body><office:spreadsheet>"
        f"{''.join(tables)}</office:spreadsheet></office:body></office:document-content>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"'
        ' manifest:version="1.2">'
        '<manifest:file-entry manifest:full-path="/" manifest:version="1.2"'
        ' manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(
            zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet"
        )
        archive.writestr("META-INF/manifest.xml", manifest, zipfile.ZIP_DEFLATED)
        archive.writestr("content.xml", content, zipfile.ZIP_DEFLATED)


def _as_excel_text(value: object) -> str:
    """What Excel writes for a cell when it saves as CSV: the value as displayed."""
    if isinstance(value, date):
        return f"{value:%d/%m/%Y}"
    return "" if value is None else str(value)


def csv_text(delimiter: str) -> str:
    rows = contact_sheet()
    width = len(HEADER_TOP)
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    for row in rows:
        cells = [_as_excel_text(v) for v in row] + [""] * (width - len(row))
        writer.writerow(cells)
    return out.getvalue()


# name, encoding written, delimiter
CSV_VARIANTS = [
    ("contacts_utf8_bom_semicolon.csv", "utf-8-sig", ";"),
    ("contacts_utf8_comma.csv", "utf-8", ","),
    ("contacts_utf16_tab.txt", "utf-16", "\t"),
    ("contacts_cp1252_semicolon.csv", "cp1252", ";"),
]


# -- web tools' "Excel exports" ------------------------------------------------------------------

# A press database's HTML export: declared Windows-1252 (raw accented bytes as well as entities),
# a title in a <th colspan>, French headers, an empty row, a <br> in an address, a phone typed
# as text with its leading zero, white space and line breaks in the source that a browser
# collapses, &nbsp; in empty cells, a cell spanning two rows.
EXPORT_HTML = """\
<html xmlns:o="urn:schemas-microsoft-com:office:office">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">
<title>Export contacts presse</title>
<style>td { mso-number-format: "\\@"; }</style>
</head>
<body>
<table border="1">
  <tr><th colspan="9">Fichier presse &ndash; export du 12/03/2024</th></tr>
  <tr>
    <th>Civilit&eacute;</th><th>Nom</th><th>Pr&#233;nom</th><th>M&eacute;dia</th>
    <th>Fonction</th><th>Courriel</th><th>T&eacute;l. portable</th><th>Adresse</th>
    <th>Th\xe9matiques</th>
  </tr>
  <tr>
    <td>Mme</td><td>DUPONT</td><td>Marie</td><td>Le Quotidien du Sud</td>
    <td>Journaliste sant&eacute;</td><td> marie.dupont@example.fr </td><td>0612345678</td>
    <td>12 avenue Jean M&eacute;decin<br>
        06000 Nice</td>
    <td>Sant\xe9<br/>IA</td>
  </tr>
  <tr><td>&nbsp;</td><td></td><td></td><td></td><td></td><td></td><td></td><td></td><td></td></tr>
  <tr>
    <td>M.</td><td>Martin</td><td>
        Jean
        Pierre
    </td><td rowspan="2">Radio Lumi\xe8re</td><td>R\xe9dacteur en chef</td>
    <td>JP.Martin@Example.org</td><td>06 98 76 54 32</td><td>&nbsp;</td>
    <td>Recherche, Innovation</td>
  </tr>
  <tr>
    <td>Mme</td><td>Nguyen</td><td>Linh</td><td>Pigiste</td>
    <td>linh.nguyen@example.fr</td><td>+33 6 12 00 01 11</td>
    <td>3 rue de l&#39;H&ocirc;tel de Ville<br>69001 Lyon</td>
    <td>Sant&eacute; &amp; soci&eacute;t&eacute;</td>
  </tr>
</table>
</body>
</html>
"""

_SS_NS = (
    'xmlns="urn:schemas-microsoft-com:office:spreadsheet" '
    'xmlns:o="urn:schemas-microsoft-com:office:office" '
    'xmlns:x="urn:schemas-microsoft-com:office:excel" '
    'xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet" '
    'xmlns:html="http://www.w3.org/TR/REC-html40"'
)


def _ss_cell(value: object, index: int | None = None, across: int = 0) -> str:
    attrs = f' ss:Index="{index}"' if index else ""
    attrs += f' ss:MergeAcross="{across}"' if across else ""
    if isinstance(value, bool):
        data = f'<Data ss:Type="Boolean">{int(value)}</Data>'
    elif isinstance(value, int | float):
        data = f'<Data ss:Type="Number">{value}</Data>'
    elif isinstance(value, date):
        data = f'<Data ss:Type="DateTime">{value:%Y-%m-%d}T00:00:00.000</Data>'
    else:
        text = escape(str(value)).replace("\n", "&#10;")
        data = f'<Data ss:Type="String">{text}</Data>'
    return f"<Cell{attrs}>{data}</Cell>"


def _ss_cells(values: list[object]) -> str:
    """Cells of a row, None not written: the cell after a gap says where it goes."""
    out, gap = [], False
    for col, value in enumerate(values, start=1):
        if value is None:
            gap = True
            continue
        out.append(_ss_cell(value, index=col if gap else None))
        gap = False
    return "".join(out)


def export2003_xml() -> str:
    """What Excel 2003 (and the CRMs imitating it) write: a hidden settings sheet first, then
    the contacts: a title merged across (row 1), row 2 left out (ss:Index on row 3), the header,
    column F never written (ss:Index on the next cell), numbers for postcodes and phones that
    lost their leading zero, a real date, a line break in a cell, a comment on a cell."""
    settings = (
        '<Worksheet ss:Name="Paramètres"><Table>'
        f"<Row>{_ss_cell('Version')}{_ss_cell(3)}</Row>"
        f"<Row>{_ss_cell('Exporté')}{_ss_cell(True)}</Row>"
        "</Table>"
        '<WorksheetOptions xmlns="urn:schemas-microsoft-com:office:excel">'
        "<Visible>SheetHidden</Visible></WorksheetOptions></Worksheet>"
    )
    # column F (index 5) is never written: the next cell carries ss:Index="7"
    header = ["Civilité", "Nom", "Prénom", "Média", "E-mail", None, "Portable", "CP", "Ville"]
    header += ["Date de naissance", "Centres d'intérêt"]
    people: list[list[object]] = [
        [
            "Mme",
            "Dupont",
            "Marie",
            "Le Quotidien du Sud",
            "marie.dupont@example.fr",
            None,
            612345678,
            6000,
            "Nice",
            date(1980, 1, 31),
            "Santé\nOncologie",
        ],
        [
            "M.",
            "Bernard",
            "Luc",
            "France Info Santé",
            "luc.bernard@example.fr",
            None,
            33493000000,
            6100,
            "Nice",
            None,
            "Santé",
        ],
    ]
    rows = [
        f"<Row>{_ss_cell('Contacts presse — export du 12/03/2024', across=9)}</Row>",
        f'<Row ss:Index="3">{_ss_cells(header)}</Row>',
        *(f"<Row>{_ss_cells(person)}</Row>" for person in people),
    ]
    rows[2] = rows[2].replace(
        '<Cell><Data ss:Type="String">Marie</Data></Cell>',
        '<Cell><Data ss:Type="String">Marie</Data>'
        '<Comment ss:Author="FIAC"><ss:Data xmlns="http://www.w3.org/TR/REC-html40">'
        "<B>vue au salon</B></ss:Data></Comment></Cell>",
    )
    contacts = f'<Worksheet ss:Name="Contacts"><Table>{"".join(rows)}</Table></Worksheet>'
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<?mso-application progid="Excel.Sheet"?>\n'
        f"<Workbook {_SS_NS}>\n{settings}\n{contacts}\n</Workbook>\n"
    )


def write_all(folder: Path = HERE) -> list[Path]:
    written = []
    (folder / "export.xls").write_bytes(EXPORT_HTML.encode("cp1252"))
    (folder / "export2003.xls").write_bytes(export2003_xml().encode("utf-8"))
    written += [folder / "export.xls", folder / "export2003.xls"]
    for name, writer in (
        ("messy.xlsx", write_xlsx),
        ("messy.xls", write_xls),
        ("messy.ods", write_ods),
    ):
        writer(folder / name)
        written.append(folder / name)
    for name, writer in (
        ("merged_down.xlsx", write_xlsx),
        ("merged_down.xls", write_xls),
        ("merged_down.ods", write_ods),
    ):
        writer(folder / name, MERGED_DOWN)
        written.append(folder / name)
    (folder / "merged_down.html").write_text(MERGED_DOWN_HTML, encoding="utf-8")
    written.append(folder / "merged_down.html")
    for name, encoding, delimiter in CSV_VARIANTS:
        text = csv_text(delimiter)
        (folder / name).write_bytes(text.encode(encoding))
        written.append(folder / name)
    return written


if __name__ == "__main__":
    for path in write_all():
        print(path.relative_to(HERE.parents[2]))
