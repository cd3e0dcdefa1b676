"""The formula-injection guard shared by every spreadsheet we write."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.cell import WriteOnlyCell

from fiac_press_desk.interchange.cell_guard import (
    FORMULA_TRIGGERS,
    TRIGGER_CHARS,
    csv_guard,
    is_guarded,
    looks_like_formula,
    needs_guard,
    set_text,
)
from fiac_press_desk.interchange.spreadsheet_import import unguard

DANGEROUS = ["=1+1", "+33 1 45 00 00 00", "-2", "@SUM(A1)", "\tx", "\rx", '=HYPERLINK("x")']
HARMLESS = ["", "Dupont", "Marie-Claire", "a=b", " =1", "1+1", "'", "'Dupont"]


def test_trigger_chars_match_the_triggers() -> None:
    assert set(TRIGGER_CHARS) == set(FORMULA_TRIGGERS)
    for text in DANGEROUS + HARMLESS:
        assert looks_like_formula(text) == bool(text and text[0] in TRIGGER_CHARS)


@pytest.mark.parametrize("text", DANGEROUS)
def test_formula_like_text_is_guarded(text: str) -> None:
    assert looks_like_formula(text)
    assert needs_guard(text)
    assert csv_guard(text) == "'" + text


@pytest.mark.parametrize("text", HARMLESS)
def test_plain_text_is_left_alone(text: str) -> None:
    assert not looks_like_formula(text)
    assert not needs_guard(text)
    assert csv_guard(text) == text


@pytest.mark.parametrize("text", ["'=1+1", "''", "'-2", "''Dupont"])
def test_a_guard_apostrophe_already_there_gets_another(text: str) -> None:
    """So that reading the file back, which strips one apostrophe, gives the text as typed."""
    assert csv_guard(text) == "'" + text


@pytest.mark.parametrize("text", DANGEROUS + HARMLESS + ["'=1+1", "''", "'-2"])
def test_csv_guard_round_trips_through_the_import(text: str) -> None:
    assert unguard(csv_guard(text)) == text


def _cells(path: Path) -> list[tuple[object, str, bool]]:
    with zipfile.ZipFile(path) as archive:
        xml = archive.read("xl/worksheets/sheet1.xml").decode("utf-8")
    assert "<f>" not in xml and "<f " not in xml
    sheet = load_workbook(path).worksheets[0]
    return [(c.value, c.data_type, bool(c.quotePrefix)) for c in next(sheet.iter_cols())]


def test_set_text_in_a_workbook(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    texts = [*DANGEROUS[:4], "Dupont", "12", "#N/A"]
    for row, text in enumerate(texts, start=1):
        set_text(sheet.cell(row=row, column=1), text)
    out = tmp_path / "guard.xlsx"
    book.save(out)
    cells = _cells(out)
    assert [value for value, _, _ in cells] == texts
    assert all(data_type == "s" for _, data_type, _ in cells)  # "12" is not a number
    assert [quoted for _, _, quoted in cells] == [True] * 4 + [False] * 3


def test_set_text_in_a_write_only_workbook(tmp_path: Path) -> None:
    book = Workbook(write_only=True)
    sheet = book.create_sheet("s")
    for text in ("=1+1", "@x", "Dupont"):
        cell = WriteOnlyCell(sheet)
        set_text(cell, text)
        sheet.append([cell])
    out = tmp_path / "guard.xlsx"
    book.save(out)
    assert _cells(out) == [("=1+1", "s", True), ("@x", "s", True), ("Dupont", "s", False)]


@pytest.mark.parametrize("text", DANGEROUS + HARMLESS + ["'=x", "''x"])
def test_a_guarded_text_is_recognised_and_only_that(text: str) -> None:
    assert is_guarded(csv_guard(text)) == needs_guard(text)
    assert not is_guarded(text) or text[1] in TRIGGER_CHARS + "'"
