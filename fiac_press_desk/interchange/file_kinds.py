"""Which file names the importers take, by suffix: a module with no imports, so the window
can filter its file dialog and drops without loading the importers."""

from __future__ import annotations

VCARD_SUFFIXES = (".vcf", ".vcard")
LDIF_SUFFIXES = (".ldif",)  # Thunderbird's address book export (ldif_import)
# Workbooks, text tables, and the web pages some tools hand out as "Excel exports"
# (spreadsheet_read.SPREADSHEET_SUFFIXES reads each of these).
SHEET_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods", ".csv", ".txt", ".tsv", ".htm", ".html")
CONTACT_SUFFIXES = VCARD_SUFFIXES + LDIF_SUFFIXES + SHEET_SUFFIXES
EML_SUFFIXES = (".eml",)
