"""Write the messy press files the spreadsheet import tests read, in every format.

    .venv/bin/python tests/data/spreadsheets/make_fixtures.py

One workbook, three sheets, written as .xlsx (openpyxl), .xls (xlwt, a test-only dependency:
unmaintained but the only writer of real BIFF8 files on PyPI), .ods (OpenDocument XML written
here: a zip of content.xml and a manifest), and its contact sheet as the CSV/text files French
Excel and other tools write (UTF-8 with and without BOM, UTF-16, Windows-1252; ``;`` ``,`` tab).

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


SHEETS = [
    ("Mode d'emploi", INSTRUCTIONS, []),
    ("Journalistes", contact_sheet(), MERGED),
    ("Partenaires", partner_sheet(), []),
]


# -- writers --------------------------------------------------------------------------------------


def write_xlsx(path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    for name, rows, merged in SHEETS:
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


def write_xls(path: Path) -> None:
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    date_style = xlwt.easyxf(num_format_str="DD/MM/YYYY")
    for name, rows, merged in SHEETS:
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


def write_ods(path: Path) -> None:
    tables = []
    for name, rows, merged in SHEETS:
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


def write_all(folder: Path = HERE) -> list[Path]:
    written = []
    for name, writer in (
        ("messy.xlsx", write_xlsx),
        ("messy.xls", write_xls),
        ("messy.ods", write_ods),
    ):
        writer(folder / name)
        written.append(folder / name)
    for name, encoding, delimiter in CSV_VARIANTS:
        text = csv_text(delimiter)
        (folder / name).write_bytes(text.encode(encoding))
        written.append(folder / name)
    return written


if __name__ == "__main__":
    for path in write_all():
        print(path.relative_to(HERE.parents[2]))
