"""Several emails at once: one review list (sender, subject, contact, proposed outlet, type
and priority, ticked or not), written in one transaction; in French, through the window's
drop and the enquiries page's import."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit
from pytestqt.qtbot import QtBot

from fiac_press_desk.domain.contact import ContactData, EmailAddress
from fiac_press_desk.domain.enums import Priority, RequestType
from fiac_press_desk.interchange.eml_review import review_eml_files
from fiac_press_desk.services import Services
from fiac_press_desk.ui.dialogs import eml_review
from fiac_press_desk.ui.dialogs.eml_review import (
    OUTLET,
    PRIORITY,
    TYPE,
    EmlReviewDialog,
)
from fiac_press_desk.ui.dialogs.enquiry_capture import open_capture
from tests.ui.conftest import settle_operations
from tests.unit.services.test_enquiry_hints_service import write_eml

pytestmark = pytest.mark.qt_log_ignore(r"does not support propagateSizeHints")
NB = "\u00a0"


@pytest.fixture
def mailbox(services: Services, tmp_path: Path, data_dir: Path) -> list[Path]:
    """Three new messages (two from one unknown sender at Radio Hexagone's domain, one from a
    known contact), a copy of one of them, and a file that is not an email."""
    for name in ("amir", "theo"):
        services.contacts.create(
            ContactData(
                given_name=name.title(),
                family_name="Test",
                organization="Radio Hexagone",
                emails=[EmailAddress(f"{name}@radio-hexagone.fr", "work")],
            )
        )
    services.contacts.create(
        ContactData(
            given_name="Léa",
            family_name="Marchal",
            organization="Le Quotidien",
            emails=[EmailAddress("lea@quotidien.example", "work")],
        )
    )
    first = write_eml(
        tmp_path,
        "nina-1.eml",
        "Nina Roux <nina@radio-hexagone.fr>",
        "Interview en direct ce soir ?",
        "<n1@radio-hexagone.fr>",
    )
    copy = tmp_path / "nina-1-copie.eml"
    copy.write_bytes(first.read_bytes())
    return [
        first,
        write_eml(
            tmp_path,
            "nina-2.eml",
            "Nina Roux <nina@radio-hexagone.fr>",
            "Tournage au labo",
            "<n2@radio-hexagone.fr>",
        ),
        write_eml(
            tmp_path,
            "lea.eml",
            "Léa Marchal <lea@quotidien.example>",
            "Chiffres 2023",
            "<l1@quotidien.example>",
        ),
        copy,
        data_dir / "eml" / "not_an_email.eml",
    ]


def make_dialog(qtbot: QtBot, services: Services, paths: list[Path]) -> EmlReviewDialog:
    dialog = EmlReviewDialog(services, review_eml_files(services, paths))
    qtbot.addWidget(dialog)
    return dialog


def cell_text(dialog: EmlReviewDialog, row: int, column: int) -> str:
    item = dialog.table.item(row, column)
    return item.text() if item is not None else ""


def test_one_list_with_what_each_message_proposes(
    qtbot: QtBot, services: Services, mailbox: list[Path], french: str
) -> None:
    dialog = make_dialog(qtbot, services, mailbox)
    assert dialog.windowTitle() == "Relire les courriels"
    assert dialog.table.rowCount() == 3
    assert [cell_text(dialog, r, 2) for r in range(3)] == [
        "Interview en direct ce soir ?",
        "Tournage au labo",
        "Chiffres 2023",
    ]
    assert cell_text(dialog, 0, 1) == "Nina Roux <nina@radio-hexagone.fr>"
    assert cell_text(dialog, 0, 3) == f"Nouveau{NB}: Nina Roux"
    assert cell_text(dialog, 2, 3) == "Léa Marchal"
    outlets = [dialog.table.cellWidget(r, OUTLET) for r in range(3)]
    assert [w.text() for w in outlets if isinstance(w, QLineEdit)] == [
        "Radio Hexagone",
        "Radio Hexagone",
        "Le Quotidien",
    ]
    kinds = [dialog.table.cellWidget(r, TYPE) for r in range(3)]
    assert [k.currentData() for k in kinds if isinstance(k, QComboBox)] == [
        RequestType.INTERVIEW.value,
        RequestType.VISUALS.value,
        RequestType.FIGURES.value,
    ]
    first_priority = dialog.table.cellWidget(0, PRIORITY)
    assert isinstance(first_priority, QComboBox)
    assert first_priority.currentData() == Priority.URGENT.value
    problems = dialog.problems_label.text()
    assert problems.startswith(f"2 fichiers laissés de côté{NB}:")
    assert "nina-1-copie.eml — le même message que nina-1.eml" in problems
    assert "not_an_email.eml — ce fichier n'est pas un courriel" in problems
    assert dialog.log_button.text() == "&Consigner 3 demandes"


def test_the_ticked_ones_are_logged_in_one_write_as_changed(
    qtbot: QtBot, services: Services, mailbox: list[Path], french: str
) -> None:
    dialog = make_dialog(qtbot, services, mailbox)
    dialog.table.setFocus()
    dialog.table.setCurrentCell(2, 0)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Space)  # untick Léa's, from the keyboard
    assert not dialog.is_included(2)
    assert dialog.log_button.text() == "&Consigner 2 demandes"
    levels = dialog.table.cellWidget(1, PRIORITY)
    assert isinstance(levels, QComboBox)
    levels.setCurrentIndex(levels.findData(Priority.LOW.value))
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        dialog.log_button.click()
    settle_operations()
    assert len(dialog.enquiry_ids) == 2
    first, second = (services.enquiries.get(i) for i in dialog.enquiry_ids)
    assert first.contact_id == second.contact_id  # one new journalist for both messages
    assert first.outlet == second.outlet == "Radio Hexagone"
    assert second.priority is Priority.LOW
    nina = services.contacts.get(first.contact_id or 0)
    assert (nina.given_name, nina.family_name, nina.organization) == (
        "Nina",
        "Roux",
        "Radio Hexagone",
    )
    assert services.enquiries.find_by_message_id("<l1@quotidien.example>") is None


def test_a_refused_batch_writes_nothing_and_names_the_email(
    qtbot: QtBot, services: Services, mailbox: list[Path], french: str
) -> None:
    dialog = make_dialog(qtbot, services, mailbox[:3])
    outlet = dialog.table.cellWidget(1, OUTLET)
    assert isinstance(outlet, QLineEdit)
    outlet.setText("x" * 300)  # longer than an outlet may be
    dialog.log_button.click()
    settle_operations()
    assert dialog.result() == 0  # still open, for the press officer to correct
    assert dialog.enquiry_ids == []
    assert services.enquiries.find_by_message_id("<n1@radio-hexagone.fr>") is None
    assert dialog.error_label.text().startswith(f"Courriel «{NB}nina-2.eml{NB}»")
    assert dialog.table.currentRow() == 1


def test_several_files_dropped_open_the_review_one_opens_the_form(
    qtbot: QtBot,
    services: Services,
    mailbox: list[Path],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    shown: list[EmlReviewDialog] = []

    def fake_exec(self: EmlReviewDialog) -> int:
        shown.append(self)
        return 0

    monkeypatch.setattr(EmlReviewDialog, "exec", fake_exec)
    open_capture(services, None, mailbox)
    settle_operations()
    assert len(shown) == 1 and shown[0].table.rowCount() == 3


def test_nothing_to_log_says_why(
    qtbot: QtBot, services: Services, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    warnings: list[str] = []
    monkeypatch.setattr(
        eml_review.QMessageBox,
        "warning",
        staticmethod(lambda _p, _t, text: warnings.append(text)),
    )
    bad = data_dir / "eml" / "not_an_email.eml"
    eml_review.open_review(services, None, [bad, bad])
    settle_operations()
    assert len(warnings) == 1 and "not_an_email.eml" in warnings[0]


def test_enquiries_page_import_opens_the_review(
    qtbot: QtBot,
    make_window: Callable[..., object],
    services: Services,
    mailbox: list[Path],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from fiac_press_desk.ui.views import enquiries_view

    window = make_window(services)
    window.show_page("enquiries")  # type: ignore[attr-defined]
    view = window.pages["enquiries"]  # type: ignore[attr-defined]
    monkeypatch.setattr(
        enquiries_view.QFileDialog,
        "getOpenFileNames",
        staticmethod(lambda *a, **k: ([str(p) for p in mailbox[:3]], "")),
    )

    def log_all(self: EmlReviewDialog) -> int:
        self.accept()
        settle_operations()
        return int(self.result())

    monkeypatch.setattr(EmlReviewDialog, "exec", log_all)
    view.import_button.click()
    settle_operations()
    assert len(services.enquiries.rows()) == 3
