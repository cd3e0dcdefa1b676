"""What the spreadsheet import says about a file it cannot read, French first, English on
request: these messages reach the window (mapping and import dialogs) as well as the command
line, and follow ``domain.messages.set_language`` like the vCard ones (vcard_messages.py)."""

from __future__ import annotations

from fiac_press_desk.domain.messages import render_in

_HOW = {
    "fr": "ouvrez-le dans Excel ou LibreOffice, enregistrez-le en .xlsx (ou .csv), puis "
    "importez ce fichier",
    "en": "open it in Excel or LibreOffice and save it as .xlsx (or .csv), then import that file",
}

CATALOGUE: dict[str, dict[str, str]] = {
    "sheet_file_not_found": {"fr": "fichier introuvable", "en": "file not found"},
    # workbook_guard: limits checked before the workbook is opened
    "guard_file_too_big": {
        "fr": "classeur trop gros ({size} Mo, au plus {limit} Mo)",
        "en": "workbook too large ({size} MB, at most {limit} MB)",
    },
    "guard_part_too_big": {
        "fr": "classeur refusé : sa partie {part} fait {size} Mo une fois décompressée "
        "(au plus {limit} Mo)",
        "en": "workbook refused: its part {part} is {size} MB unpacked (at most {limit} MB)",
    },
    "guard_zip_bomb": {
        "fr": "classeur refusé : sa partie {part} se décompresse {ratio} fois plus grosse "
        "(au plus {limit} fois) ; fichier piégé ou endommagé",
        "en": "workbook refused: its part {part} unpacks {ratio} times larger (at most "
        "{limit} times); a forged or damaged file",
    },
    "guard_columns": {
        "fr": "classeur refusé : {part} a {count} colonnes (au plus {limit})",
        "en": "workbook refused: {part} has {count} columns (at most {limit})",
    },
    "guard_rows": {
        "fr": "classeur refusé : {part} a {count} lignes (au plus {limit})",
        "en": "workbook refused: {part} has {count} rows (at most {limit})",
    },
    "guard_cells": {
        "fr": "classeur refusé : {part} couvre {count} cellules (au plus {limit})",
        "en": "workbook refused: {part} spans {count} cells (at most {limit})",
    },
    "guard_shared_count": {
        "fr": "classeur refusé : sa table de textes annonce {count} textes, bien plus qu'elle "
        "n'en contient ; fichier piégé ou endommagé",
        "en": "workbook refused: its shared strings table claims {count} strings, far more "
        "than it holds; a forged or damaged file",
    },
    "guard_cell_text": {
        "fr": "classeur refusé : une cellule dépasse {limit} caractères (la limite d'Excel)",
        "en": "workbook refused: a cell holds more than {limit} characters (Excel's limit)",
    },
    "guard_child_died": {
        "fr": "classeur refusé : sa lecture a échoué faute de mémoire ; fichier piégé ou endommagé",
        "en": "workbook refused: reading it failed for want of memory; a forged or damaged file",
    },
    "guard_child_slow": {
        "fr": "classeur refusé : sa lecture a pris plus de {seconds} s ; fichier piégé ou "
        "endommagé",
        "en": "workbook refused: reading it took more than {seconds} s; a forged or damaged file",
    },
    "detail_zip": {
        "fr": "archive abîmée ou incomplète : pas un classeur Office valide",
        "en": "a damaged or incomplete archive: not a valid Office workbook",
    },
    "detail_permission": {"fr": "accès refusé", "en": "permission denied"},
    "detail_damaged": {
        "fr": "fichier endommagé ou d'un autre format",
        "en": "a damaged file, or another format",
    },
    "sheet_unreadable": {
        "fr": "classeur illisible ({detail})",
        "en": "not a readable spreadsheet ({detail})",
    },
    "sheet_html": {
        "fr": "page web (HTML) nommée comme un classeur, pas un classeur : " + _HOW["fr"],
        "en": "a web page (HTML) named like a workbook, not a workbook: " + _HOW["en"],
    },
    "sheet_xml2003": {
        "fr": "fichier XML Excel 2003, que ce programme ne lit pas : " + _HOW["fr"],
        "en": "an Excel 2003 XML file, not a workbook this program reads: " + _HOW["en"],
    },
    "sheet_html_no_table": {
        "fr": "page web (HTML) nommée comme un classeur, sans aucun tableau : rien à importer",
        "en": "a web page (HTML) named like a workbook, holding no table: nothing to import",
    },
    "sheet_xml2003_no_worksheet": {
        "fr": "fichier XML Excel 2003 sans aucune feuille de calcul : rien à importer",
        "en": "an Excel 2003 XML file holding no worksheet: nothing to import",
    },
    "markup_html_cut": {
        "fr": "la page s'arrête au milieu du tableau « {table} » (commencé ligne {line}, "
        "fin du fichier ligne {end}) : le fichier semble tronqué, les lignes suivantes "
        "manquent",
        "en": "the page stops in the middle of table '{table}' (begun on line {line}, end of "
        "the file on line {end}): the file looks cut short, the rows after are missing",
    },
    "markup_xml_broken": {
        "fr": "XML illisible à la ligne {line} ({detail}) : les lignes suivantes manquent",
        "en": "unreadable XML on line {line} ({detail}): the rows after are missing",
    },
    "markup_xml_unreadable": {
        "fr": "XML illisible à la ligne {line} ({detail})",
        "en": "unreadable XML on line {line} ({detail})",
    },
    "sheet_text_named_workbook": {
        "fr": "fichier texte nommé comme un classeur, pas un classeur : " + _HOW["fr"],
        "en": "a text file named like a workbook, not a workbook: " + _HOW["en"],
    },
    "sheet_no_worksheet": {
        "fr": "le classeur n'a aucune feuille de calcul",
        "en": "the workbook has no worksheet",
    },
    "sheet_unknown": {
        "fr": "aucune feuille nommée « {sheet} » (feuilles : {sheets})",
        "en": "no sheet named '{sheet}' (sheets: {sheets})",
    },
    "file_empty": {"fr": "le fichier est vide", "en": "the file is empty"},
    "sheet_empty": {
        "fr": "la feuille « {sheet} » est vide",
        "en": "sheet '{sheet}' is empty",
    },
    "sheet_none": {"fr": "aucune", "en": "none"},
    "sheet_cannot_read": {
        "fr": "la feuille « {sheet} » ne peut pas être lue ({detail})",
        "en": "sheet '{sheet}' cannot be read ({detail})",
    },
    "text_undecodable": {
        "fr": "texte indéchiffrable ({reason})",
        "en": "cannot decode the text ({reason})",
    },
    "text_binary": {
        "fr": "données binaires, pas un fichier texte",
        "en": "binary data, not a text file",
    },
    "text_line_error": {"fr": "ligne {line} : {detail}", "en": "line {line}: {detail}"},
    "row_too_wide": {
        "fr": "ligne de {count} colonnes (au plus {limit}) : non lue",
        "en": "a row of {count} columns (at most {limit}): not read",
    },
    "text_cell_too_long": {
        "fr": "une cellule dépasse {limit} caractères",
        "en": "a cell is longer than {limit} characters",
    },
    "text_line_undecodable": {
        "fr": "ligne {line} : texte indéchiffrable ({reason})",
        "en": "line {line}: undecodable text ({reason})",
    },
}


def render(code: str, **params: object) -> str:
    """The spreadsheet message ``code`` in the current language."""
    return render_in(CATALOGUE, code, **params)
