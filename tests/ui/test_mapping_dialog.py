"""The column-mapping step over the real messy fixtures: sheets, combos, preview, saving."""

from __future__ import annotations

import json
from pathlib import Path

from pytestqt.qtbot import QtBot

from fiac_press_desk.interchange.spreadsheet_import import parse_spreadsheet
from fiac_press_desk.interchange.spreadsheet_mapping import Target, load_mapping
from fiac_press_desk.services import Services
from fiac_press_desk.ui.dialogs.mapping_dialog import MappingDialog
from fiac_press_desk.ui.qtmodels.mapping_models import MappingColumnsModel, MappingPreviewModel
from tests.ui.conftest import settle


def _open(qtbot: QtBot, services: Services, path: Path) -> MappingDialog:
    dialog = MappingDialog(services, path)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: not dialog.is_loading() and dialog._preview is not None, timeout=10_000)
    return dialog


def test_the_contact_sheet_is_proposed_and_mapped(
    qtbot: QtBot, services: Services, data_dir: Path, french: str
) -> None:
    dialog = _open(qtbot, services, data_dir / "spreadsheets" / "messy.xlsx")
    assert dialog.sheet() == "Journalistes"
    mapping = dialog.result_mapping()
    assert mapping.columns[8] == Target("phone", "mobile")
    assert dialog.combo_for(8).currentText() == "Téléphone (portable)"
    assert dialog.combo_for(5).currentText() == "Ne pas importer"  # the empty column
    preview = dialog._records
    assert preview.rowCount() == 6
    assert preview.data(preview.index(0, 1)) == "Mme Marie DUPONT"
    assert preview.data(preview.index(0, 5)) == "01 42 34 56 78, 06 12 34 56 78"


def test_changing_a_combo_changes_the_preview_and_the_result(
    qtbot: QtBot, services: Services, data_dir: Path
) -> None:
    path = data_dir / "spreadsheets" / "messy.ods"
    dialog = _open(qtbot, services, path)
    dialog.choose(4, None)  # "Fonction"
    assert 4 not in dialog.result_mapping().columns
    assert dialog._records.data(dialog._records.index(0, 3)) == ""
    dialog.choose(2, Target("family_name"))  # "Prénom" also as the last name: refused
    assert not dialog._ok.isEnabled()
    assert "B" in dialog._info.text() and "C" in dialog._info.text()
    dialog.choose(2, Target("given_name"))
    assert dialog._ok.isEnabled()
    dialog.accept()
    records = list(parse_spreadsheet(path, dialog.sheet(), dialog.result_mapping()))
    assert records[0].data.job_title == ""  # type: ignore[union-attr]
    assert records[0].data.given_name == "Marie"  # type: ignore[union-attr]


def test_the_sheet_choice_and_the_mapping_are_remembered(
    qtbot: QtBot, services: Services, data_dir: Path, tmp_path: Path
) -> None:
    path = data_dir / "spreadsheets" / "messy.xls"
    dialog = _open(qtbot, services, path)
    dialog._sheet_combo.setCurrentIndex(dialog._sheet_combo.findData("Partenaires"))
    qtbot.waitUntil(lambda: dialog.sheet() == "Partenaires" and not dialog.is_loading())
    dialog.choose(13, None)  # "Notes" -> not imported
    dialog.save_mapping_file(tmp_path / "partenaires.json")
    dialog.accept()
    settle(qtbot)  # the sheet and the mapping are remembered in the background

    again = _open(qtbot, services, path)
    assert again.sheet() == "Partenaires"  # remembered for this workbook
    assert 13 not in again.result_mapping().columns  # the saved mapping, not the automatic one
    assert "enregistrée" in again._info.text() or "saved" in again._info.text()
    spec = load_mapping(tmp_path / "partenaires.json")
    assert spec.sheet == "Partenaires" and "N" not in spec.columns
    assert json.loads((tmp_path / "partenaires.json").read_text())["columns"]["F"] == "email"


def test_the_models_pass_the_model_tester(
    qtbot: QtBot, qtmodeltester: object, services: Services, data_dir: Path
) -> None:
    dialog = _open(qtbot, services, data_dir / "spreadsheets" / "contacts_cp1252_semicolon.csv")
    assert dialog.sheet() is None and not dialog._sheet_combo.isVisible()
    assert isinstance(dialog._columns, MappingColumnsModel)
    assert isinstance(dialog._records, MappingPreviewModel)
    qtmodeltester.check(dialog._columns)  # type: ignore[attr-defined]
    qtmodeltester.check(dialog._records)  # type: ignore[attr-defined]


def test_an_unreadable_file_says_so(
    qtbot: QtBot, services: Services, tmp_path: Path, monkeypatch: object
) -> None:
    from PySide6.QtWidgets import QMessageBox

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(a[2]))  # type: ignore[attr-defined]
    bad = tmp_path / "faux.xlsx"
    bad.write_text("pas un classeur")
    dialog = MappingDialog(services, bad)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    assert "faux.xlsx" in shown[0]
    assert not dialog._ok.isEnabled()


def test_screenshot_french_messy_file(
    qtbot: QtBot, services: Services, data_dir: Path, french: str
) -> None:
    dialog = _open(qtbot, services, data_dir / "spreadsheets" / "messy.xlsx")
    dialog.resize(1280, 800)
    Path("/tmp/shots-C").mkdir(exist_ok=True)
    assert dialog.grab().save("/tmp/shots-C/mapping_dialog_fr.png")


def test_an_empty_workbook_leaves_no_empty_mapping_open(
    qtbot: QtBot, services: Services, tmp_path: Path, monkeypatch: object
) -> None:
    # Issue 19: after the error box, an empty mapping dialog with clipped headers stayed open.
    import openpyxl
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QDialog, QMessageBox

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(a[2]))  # type: ignore[attr-defined]
    empty = tmp_path / "vide.xlsx"
    openpyxl.Workbook().save(empty)
    dialog = MappingDialog(services, empty)
    qtbot.addWidget(dialog)
    stayed_open: list[bool] = []
    # Tied to the dialog: dropped once the dialog is gone.
    QTimer.singleShot(10_000, dialog, lambda: stayed_open.append(True) or dialog.reject())
    assert dialog.exec() == QDialog.DialogCode.Rejected
    assert not stayed_open  # closed by the failure, not by the press officer
    assert len(shown) == 1 and "vide.xlsx" in shown[0]
    assert not dialog.isVisible()
    # Read before the dialog was asked to show: it is not shown at all.
    late = MappingDialog(services, empty)
    qtbot.addWidget(late)
    qtbot.waitUntil(lambda: len(shown) == 2, timeout=10_000)
    assert late.exec() == QDialog.DialogCode.Rejected and not late.isVisible()
