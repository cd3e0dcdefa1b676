"""The import in the window: background reading, preview with decisions, writing, summary,
undo, history; the plan and history models checked by qtmodeltester."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox
from pytestqt.qtbot import QtBot

from fiac_press_desk.domain.contact import ContactData, EmailAddress
from fiac_press_desk.domain.enums import Decision, MatchKind
from fiac_press_desk.interchange.pipeline import build_plan
from fiac_press_desk.interchange.vcard_export import CardWriter
from fiac_press_desk.interchange.vcard_import import parse_vcard_file
from fiac_press_desk.services import Services
from fiac_press_desk.services.contact_queries import ContactFilter
from fiac_press_desk.ui.dialogs import import_dialog
from fiac_press_desk.ui.dialogs.import_dialog import FileSource, ImportDialog, choose_sources
from fiac_press_desk.ui.dialogs.import_history import ImportHistoryDialog
from fiac_press_desk.ui.events import data_events
from fiac_press_desk.ui.qtmodels.import_history_model import ImportHistoryModel
from fiac_press_desk.ui.qtmodels.import_plan_model import ImportPlanModel, PlanColumn, PlanFilter
from tests.ui.conftest import settle

CARDS = (
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Zoé Martin\r\nN:Martin;Zoé;;;\r\n"
    "EMAIL:zoe.martin@example.org\r\nEND:VCARD\r\n"
    "BEGIN:VCARD\r\nVERSION:3.0\r\nEND:VCARD\r\n"
    "BEGIN:VCARD\r\nVERSION:2.1\r\nN:Barbier;Yanis;;;\r\n"
    "PHOTO;ENCODING=BASE64;TYPE=JPEG:@@@@\r\n\r\nEMAIL:yanis@example.org\r\nEND:VCARD\r\n"
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Éloïse Lefèvre\r\nEMAIL:eloise@example.fr\r\n"
    "TITLE:Pigiste\r\nEND:VCARD\r\n"
)


@pytest.fixture
def known(services: Services) -> int:
    return services.contacts.create(
        ContactData(
            given_name="Éloïse",
            family_name="Lefèvre",
            emails=[EmailAddress("eloise@example.fr")],
        )
    )


@pytest.fixture
def vcf(tmp_path: Path) -> Path:
    path = tmp_path / "salon.vcf"
    path.write_text(CARDS, encoding="utf-8")
    return path


def names(services: Services) -> list[str]:
    ids = services.contact_queries.ids(ContactFilter(archived=None))
    return sorted(c.computed_display_name() for c in services.contacts.get_many(ids))


def open_preview(qtbot: QtBot, services: Services, paths: list[Path]) -> ImportDialog:
    dialog = ImportDialog(services, [FileSource(p) for p in paths])
    qtbot.addWidget(dialog)
    dialog.start()
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == dialog.PAGE_PREVIEW, timeout=20000)
    return dialog


def test_plan_model_passes_qtmodeltester(
    qtmodeltester: Any, services: Services, known: int, vcf: Path
) -> None:
    plan = build_plan(services, parse_vcard_file(vcf), sources=[str(vcf)], format="vcard")
    model = ImportPlanModel()
    model.set_plan(plan)
    qtmodeltester.check(model)
    proxy = PlanFilter()
    proxy.setSourceModel(model)
    proxy.set_show(MatchKind.DUPLICATE.value)
    qtmodeltester.check(proxy)
    assert proxy.rowCount() == 1


def test_preview_shows_each_record_with_what_was_found(
    qtbot: QtBot, services: Services, known: int, vcf: Path
) -> None:
    dialog = open_preview(qtbot, services, [vcf])
    model = dialog.model
    assert model.rowCount() == 4
    found = [model.index(r, PlanColumn.RESULT).data() for r in range(4)]
    assert found == ["New", "Error", "New", "Possible duplicate"]
    places = [model.index(r, PlanColumn.PLACE).data() for r in range(4)]
    assert places == [
        "salon.vcf, line 1",
        "salon.vcf, line 7",
        "salon.vcf, line 10",
        "salon.vcf, line 17",
    ]
    assert model.index(1, PlanColumn.DECISION).data() == "Refused"
    assert model.index(1, PlanColumn.DETAILS).data().startswith("Fiche vide")  # domain: French
    assert (
        f"Same email as Éloïse Lefèvre (contact {known})"
        in model.index(3, PlanColumn.DETAILS).data()
    )
    assert model.index(2, PlanColumn.DETAILS).data().startswith("Photo illisible")
    assert "Photo illisible" in model.index(2, PlanColumn.NAME).data(Qt.ItemDataRole.ToolTipRole)
    assert not model.flags(model.index(1, PlanColumn.DECISION)) & Qt.ItemFlag.ItemIsEditable
    # same email: the existing contact is completed by default, never skipped (issue 11)
    assert model.index(3, PlanColumn.DECISION).data() == "Update"
    assert dialog.import_button.text() == "Import 3 record(s)"
    assert "2 new" in dialog.counts_label.text()


def test_decisions_change_per_record_and_for_all_duplicates(
    qtbot: QtBot, services: Services, known: int, vcf: Path
) -> None:
    dialog = open_preview(qtbot, services, [vcf])
    model = dialog.model
    decision = model.index(0, PlanColumn.DECISION)
    assert model.setData(decision, Decision.SKIP.value)
    assert not model.setData(decision, Decision.UPDATE.value)  # a new record cannot update
    assert dialog.import_button.text() == "Import 2 record(s)"
    combo = dialog.duplicates_combo
    combo.setCurrentIndex(combo.findData("skip"))
    combo.activated.emit(combo.currentIndex())
    assert model.index(3, PlanColumn.DECISION).data() == "Skip"
    assert dialog.import_button.text() == "Import 1 record(s)"
    combo.setCurrentIndex(combo.findData(ImportDialog.AS_PROPOSED))
    combo.activated.emit(combo.currentIndex())
    assert model.index(3, PlanColumn.DECISION).data() == "Update"
    assert dialog.import_button.text() == "Import 2 record(s)"


def test_filter_shows_one_kind_or_the_warnings(
    qtbot: QtBot, services: Services, known: int, vcf: Path
) -> None:
    dialog = open_preview(qtbot, services, [vcf])
    combo = dialog.show_combo
    combo.setCurrentIndex(combo.findData(MatchKind.ERROR.value))
    assert dialog.table.model().rowCount() == 1
    combo.setCurrentIndex(combo.findData(PlanFilter.WARNINGS))
    assert dialog.table.model().rowCount() == 1
    combo.setCurrentIndex(0)
    assert dialog.table.model().rowCount() == 4


def test_apply_writes_one_batch_shows_the_summary_and_can_undo(
    qtbot: QtBot, services: Services, known: int, vcf: Path, tmp_path: Path
) -> None:
    dialog = open_preview(qtbot, services, [vcf])
    changed: list[str] = []
    data_events().changed.connect(changed.append)
    dialog.apply()
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == dialog.PAGE_SUMMARY, timeout=20000)
    result = dialog.import_result
    assert result is not None and (result.created, len(result.refused)) == (2, 1)
    assert names(services) == ["Yanis Barbier", "Zoé Martin", "Éloïse Lefèvre"]
    assert "contacts" in changed and "imports" in changed
    assert "<b>2</b>" in dialog.summary_counts.text()
    lines = [dialog.refused_list.item(i).text() for i in range(dialog.refused_list.count())]
    assert lines[0].startswith("Refused — salon.vcf, line 7: Fiche vide")
    assert any("Photo illisible" in line for line in lines[1:])
    report = dialog.save_report(tmp_path / "report.csv")
    assert report is not None and "refused" in report.read_text(encoding="utf-8-sig")
    dialog.undo(confirm=False)
    qtbot.waitUntil(lambda: dialog.job is None, timeout=20000)
    assert names(services) == ["Éloïse Lefèvre"]
    assert dialog.summary_title.text().startswith("Import undone")


def test_cancel_while_reading_writes_nothing(
    qtbot: QtBot, services: Services, tmp_path: Path
) -> None:
    path = tmp_path / "big.vcf"
    writer = CardWriter("3.0")
    with path.open("wb") as out:
        for i in range(3000):
            out.write(writer.card(ContactData(given_name=f"P{i}", family_name="Nom")))
    dialog = ImportDialog(services, [FileSource(path)])
    qtbot.addWidget(dialog)
    dialog.start()
    dialog.reject()
    qtbot.waitUntil(lambda: dialog.job is None, timeout=20000)
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert names(services) == []


def test_run_import_leaves_non_contact_files_aside(
    qtbot: QtBot, services: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a: told.append(a[2]))
    pdf = tmp_path / "note.pdf"
    pdf.write_bytes(b"%PDF")
    assert choose_sources(services, [pdf], None) == []
    assert "note.pdf" in told[0]
    import_dialog.run_import(services, [pdf], None)  # nothing to do: no dialog opens
    assert len(told) == 2


def test_spreadsheets_go_through_the_mapping_step(
    qtbot: QtBot, services: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from fiac_press_desk.ui.dialogs import mapping_dialog

    class Accepting:
        def __init__(self, _services: Services, path: Path, _parent: object) -> None:
            self.path = path

        def exec(self) -> QDialog.DialogCode:
            return QDialog.DialogCode.Accepted

        def sheet(self) -> str:
            return "Contacts"

        def result_mapping(self) -> str:
            return "the mapping"

        def unmapped(self) -> str:
            return "notes"

    class Refusing(Accepting):
        def exec(self) -> QDialog.DialogCode:
            return QDialog.DialogCode.Rejected

    sheet, card = tmp_path / "a.xlsx", tmp_path / "b.vcf"
    monkeypatch.setattr(mapping_dialog, "MappingDialog", Accepting)
    sources = choose_sources(services, [sheet, card], None)
    assert [(s.path, s.sheet, s.mapping, s.unmapped) for s in sources] == [
        (sheet, "Contacts", "the mapping", "notes"),
        (card, None, None, "ignore"),
    ]
    monkeypatch.setattr(mapping_dialog, "MappingDialog", Refusing)
    assert choose_sources(services, [sheet, card], None) == []


def test_history_lists_batches_and_undoes_one(
    qtbot: QtBot, qtmodeltester: Any, services: Services, vcf: Path
) -> None:
    from fiac_press_desk.interchange.pipeline import apply_plan

    plan = build_plan(services, parse_vcard_file(vcf), sources=[str(vcf)], format="vcard")
    apply_plan(services, plan)
    dialog = ImportHistoryDialog(services)
    qtbot.addWidget(dialog)
    settle(qtbot)
    qtmodeltester.check(dialog.model)
    model = dialog.model
    assert model.rowCount() == 1
    assert model.index(0, 1).data() == "salon.vcf"
    assert model.index(0, 2).data() == "3"
    assert model.index(0, 6).data() == "Applied"
    assert dialog.undo_button.isEnabled()
    dialog.undo_selected(confirm=False)
    qtbot.waitUntil(lambda: dialog.job is None, timeout=20000)
    settle(qtbot)
    assert names(services) == []
    assert model.index(0, 6).data().startswith("Undone on ")
    assert not dialog.undo_button.isEnabled()
    assert model.index(0, 0).data(ImportHistoryModel.UndoableRole) is False


def test_french_labels(
    qtbot: QtBot, french: str, services: Services, known: int, vcf: Path
) -> None:
    dialog = open_preview(qtbot, services, [vcf])
    header = [dialog.model.headerData(c, Qt.Orientation.Horizontal) for c in PlanColumn]
    assert header == ["Emplacement dans le fichier", "Contact", "Constat", "Décision", "Détails"]
    assert dialog.model.index(3, PlanColumn.RESULT).data() == "Doublon probable"
    assert dialog.import_button.text() == "Importer 3 fiches"
    assert dialog.model.index(0, PlanColumn.PLACE).data() == "salon.vcf, ligne 1"


SWITCHBOARD = "".join(
    "BEGIN:VCARD\r\nVERSION:3.0\r\n"
    f"N:{family};{given};;;\r\nFN:{given} {family}\r\nORG:Le Quotidien\r\n"
    f"EMAIL:{given.lower()}@quotidien.example.fr\r\nTEL;TYPE=WORK:01 40 10 30 30\r\nEND:VCARD\r\n"
    for given, family in (("Alice", "Durand"), ("Bruno", "Petit"), ("Chloé", "Roux"))
)


def test_three_journalists_with_one_switchboard_number_are_three_contacts(
    qtbot: QtBot, services: Services, tmp_path: Path
) -> None:
    """Issue 11: a newsroom's switchboard shared by three people with their own names and
    emails is no duplicate key: three new contacts, the shared number only a remark, and a
    probable duplicate (same name and organisation) is proposed for creation, never dropped."""
    path = tmp_path / "newsroom.vcf"
    path.write_text(SWITCHBOARD, encoding="utf-8")
    services.contacts.create(
        ContactData(given_name="Alice", family_name="Durand", organization="Le Quotidien")
    )
    dialog = open_preview(qtbot, services, [path])
    model = dialog.model
    found = [model.index(r, PlanColumn.RESULT).data() for r in range(3)]
    assert found == ["Possible duplicate", "New", "New"]
    decisions = [model.index(r, PlanColumn.DECISION).data() for r in range(3)]
    assert decisions == ["Create", "Create", "Create"]
    assert (
        "Same name and organisation as Alice Durand (contact 1)"
        in model.index(0, PlanColumn.DETAILS).data()
    )
    assert "+33140103030 partagé avec Alice Durand (newsroom.vcf:1)" in model.index(
        2, PlanColumn.NAME
    ).data(Qt.ItemDataRole.ToolTipRole)
    dialog.apply()
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == dialog.PAGE_SUMMARY, timeout=20000)
    assert names(services) == ["Alice Durand", "Alice Durand", "Bruno Petit", "Chloé Roux"]
