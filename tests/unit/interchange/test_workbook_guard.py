"""The binary workbooks (.xls, .xlsb) are opened by calamine in a child process first: a child
that dies or hangs costs that file only, with a message; a sound file goes on as before."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest

from fiac_press_desk.domain.messages import set_language
from fiac_press_desk.interchange.spreadsheet_read import SpreadsheetError, open_sheet
from fiac_press_desk.interchange.workbook_guard import (
    WorkbookRefused,
    check_workbook,
    probe_in_child,
)

DATA = Path(__file__).resolve().parents[2] / "data" / "spreadsheets"


def _abort(path: str, memory: int) -> None:
    os.abort()  # what Rust does when an allocation fails: SIGABRT, no exception


def _hang(path: str, memory: int) -> None:
    time.sleep(120)


def test_a_sound_legacy_workbook_is_probed_and_read(tmp_path: Path) -> None:
    path = tmp_path / "messy.xls"
    shutil.copy(DATA / "messy.xls", path)
    check_workbook(path)  # the child opened every sheet: no refusal
    rows = list(open_sheet(path).rows())  # read in this process afterwards
    assert rows and rows[0].cells == ["Ce classeur contient les contacts presse de la FIAC."]


def test_a_child_that_dies_is_a_refusal_naming_the_file(tmp_path: Path) -> None:
    set_language("fr")
    path = tmp_path / "piégé.xls"
    shutil.copy(DATA / "messy.xls", path)
    with pytest.raises(WorkbookRefused) as refused:
        probe_in_child(path, target=_abort)
    assert refused.value.message == (
        "classeur refusé : sa lecture a échoué faute de mémoire ; fichier piégé ou endommagé"
    )


def test_a_child_that_hangs_is_stopped_and_refused(tmp_path: Path) -> None:
    set_language("en")
    path = tmp_path / "slow.xlsb"
    path.write_bytes(b"not really a workbook")
    started = time.monotonic()
    with pytest.raises(WorkbookRefused, match="took more than 1 s"):
        probe_in_child(path, seconds=1, target=_hang)
    assert time.monotonic() - started < 30  # the child was killed, not waited for


def test_an_error_calamine_raises_is_left_to_the_import(tmp_path: Path) -> None:
    set_language("en")
    path = tmp_path / "broken.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0 not an OLE file at all" * 10)
    probe_in_child(path)  # the child ends normally: calamine's own error is not a refusal
    with pytest.raises(SpreadsheetError) as error:
        open_sheet(path)
    assert "broken.xls" in str(error.value)


@pytest.mark.parametrize(
    "xml",
    [
        b'<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"/></row>',
        b'<row r="1"><c><v>1</v></c></row>',
        b'<row r="1"><c/><c r="B1"/></row>',
        b'<row r="1"><c t="n"><v>1</v></c></row>',
        b'<row r="1"><c  r="A1"/><c <c r="B1"/></row>',
        b'<cols><col min="1" max="2"/></cols><row><c r="A1"/></row>',
        b"",
    ],
)
def test_cells_naming_no_place_are_found_by_one_search_as_by_counting(xml: bytes) -> None:
    """``_UNNAMED_CELL`` says what comparing the counts of each opening tag said."""
    from fiac_press_desk.interchange.workbook_guard import _UNNAMED_CELL

    counted = xml.count(b"<c ") + xml.count(b"<c>") + xml.count(b"<c/") > xml.count(b'<c r="')
    assert (_UNNAMED_CELL.search(xml) is not None) == counted
