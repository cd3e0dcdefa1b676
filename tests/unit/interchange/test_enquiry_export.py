"""The enquiry log to .xlsx: real dates in local time, hours to answer, safe text cells."""

from __future__ import annotations

import io
import zipfile
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from openpyxl import load_workbook

from fiac_press_desk.domain.contact import ContactData, EmailAddress
from fiac_press_desk.domain.enquiry import DeskClock, EnquiryInput
from fiac_press_desk.domain.enums import EnquiryStatus, RequestType
from fiac_press_desk.interchange.enquiry_export import COLUMNS, export_enquiries
from fiac_press_desk.services import Services
from fiac_press_desk.services.enquiries import EnquiryFilter

PARIS = ZoneInfo("Europe/Paris")
NOW = datetime(2024, 7, 1, 8, 0, tzinfo=UTC)


@pytest.fixture
def desk(services: Services) -> Services:
    services.enquiries.clock = DeskClock(PARIS, now_fn=lambda: NOW)
    cid = services.contacts.create(
        ContactData(
            given_name="Éloïse",
            family_name="Lefèvre",
            organization="Le Quotidien",
            emails=[EmailAddress("eloise@example.fr")],
        )
    )
    received = datetime(2024, 6, 28, 7, 30, tzinfo=UTC)  # 09:30 in Paris (summer time)
    answered = services.enquiries.create(
        EnquiryInput(
            subject="Chiffres de l'essai",
            received_at=received,
            contact_id=cid,
            request_type=RequestType.FIGURES,
            deadline=received + timedelta(hours=6),
            assignee="Dr Benali",
        )
    )
    services.enquiries.change_status(
        answered,
        EnquiryStatus.ANSWERED,
        note="Envoyés.",
        outcome='=HYPERLINK("http://evil.example.org","clic")',
        at=received + timedelta(hours=4, minutes=30),
    )
    services.enquiries.create(
        EnquiryInput(
            subject="-2 % de budget ? @vérifier",
            received_at=NOW - timedelta(hours=1),
            deadline=NOW + timedelta(hours=1),
            contact_id=cid,
        )
    )
    return services


def test_one_row_per_enquiry_with_real_local_dates(desk: Services, tmp_path: Path) -> None:
    out = tmp_path / "demandes.xlsx"
    assert export_enquiries(desk, out) == 2
    assert not (tmp_path / "demandes.xlsx.part").exists()
    book = load_workbook(out)
    sheet = book["Demandes presse"]
    header = [c.value for c in sheet[1]]
    assert header == [c.fr for c in COLUMNS]
    assert all(c.font.bold for c in sheet[1])
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:P{sheet.max_row}"
    row = {h: c for h, c in zip(header, sheet[2], strict=True)}
    assert row["Reçue le"].value == datetime(2024, 6, 28, 9, 30)  # a date, in Paris time
    assert row["Reçue le"].number_format == "dd/mm/yyyy hh:mm"
    assert row["Échéance"].value == datetime(2024, 6, 28, 15, 30)
    assert row["Répondue le"].value == datetime(2024, 6, 28, 14, 0)
    assert row["Délai de réponse (h)"].value == 4.5
    assert row["Dans les délais"].value == "Oui"
    assert row["Statut"].value == "Répondue"
    assert row["Type de demande"].value == "Chiffres, données"
    assert row["Journaliste"].value == "Éloïse Lefèvre"
    assert row["Média"].value == "Le Quotidien"
    open_row = {h: c for h, c in zip(header, sheet[3], strict=True)}
    assert open_row["Répondue le"].value is None and open_row["Délai de réponse (h)"].value is None
    assert sheet.column_dimensions["F"].width <= 60
    assert sheet.column_dimensions["B"].width >= 16


def test_text_that_looks_like_a_formula_stays_text(desk: Services, tmp_path: Path) -> None:
    out = tmp_path / "log.xlsx"
    export_enquiries(desk, out)
    sheet = load_workbook(out)["Demandes presse"]
    header = [c.value for c in sheet[1]]
    outcome = sheet.cell(row=2, column=header.index("Issue") + 1)
    subject = sheet.cell(row=3, column=header.index("Objet") + 1)
    assert outcome.data_type == "s" and outcome.quotePrefix
    assert outcome.value.startswith("=HYPERLINK")
    assert subject.data_type == "s" and subject.quotePrefix
    with zipfile.ZipFile(out) as archive:
        xml = archive.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in xml  # no formula anywhere


def test_filtered_export_and_english_headers(desk: Services) -> None:
    buffer = io.BytesIO()
    count = export_enquiries(desk, buffer, EnquiryFilter(open_only=True), language="en")
    assert count == 1
    book = load_workbook(io.BytesIO(buffer.getvalue()))
    sheet = book["Press enquiries"]
    assert sheet.cell(row=1, column=2).value == "Received"
    assert sheet.max_row == 2
    assert sheet.cell(row=2, column=11).value == "New"
    summary = book["Summary"]
    values = {
        summary.cell(row=r, column=1).value: summary.cell(row=r, column=2).value
        for r in range(1, 8)
    }
    assert values["Enquiries"] == 1
    assert values["Time zone"] == "Europe/Paris"


def test_summary_sheet(desk: Services, tmp_path: Path) -> None:
    out = tmp_path / "log.xlsx"
    export_enquiries(desk, out)
    summary = load_workbook(out)["Synthèse"]
    values = {
        summary.cell(row=r, column=1).value: summary.cell(row=r, column=2).value
        for r in range(1, 8)
    }
    assert values["Demandes"] == 2
    assert values["Répondues"] == 1
    assert values["Délai de réponse médian (h)"] == 4.5
    assert values["Réponses dans les délais"] == "1 / 1"
    assert values["Exporté le"] == datetime(2024, 7, 1, 10, 0)


def test_empty_log_still_makes_a_valid_workbook(services: Services, tmp_path: Path) -> None:
    out = tmp_path / "vide.xlsx"
    assert export_enquiries(services, out) == 0
    sheet = load_workbook(out).active
    assert sheet is not None and sheet.max_row == 1
