"""The press report as files: the PDF's words and charts, the workbook's figures, the period
in French; both from the same hand-checked report (tests/unit/domain/test_press_report.py)."""

from __future__ import annotations

import io
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from fiac_press_desk.domain.press_report import Period, compute
from fiac_press_desk.interchange.document import Chart, ChartKind
from fiac_press_desk.interchange.document_pdf import pdf_bytes
from fiac_press_desk.interchange.press_report_files import (
    ReportFormatError,
    period_label,
    report_document,
    write_report,
    write_xlsx,
)
from tests.unit.domain.test_press_report import COVERAGE, DELIVERIES, ENQUIRIES, ENQUIRY_RELEASE

NOW = datetime(2026, 4, 2, 9, 0)


@pytest.fixture
def report():  # type: ignore[no-untyped-def]
    return compute(Period.month(2026, 3), DELIVERIES, ENQUIRIES, COVERAGE, ENQUIRY_RELEASE)


def test_period_labels_in_french() -> None:
    assert period_label(Period.month(2026, 3)) == "mars 2026"
    assert period_label(Period.quarter(2026, 1)) == "1er trimestre 2026"
    assert period_label(Period.quarter(2026, 3)) == "3e trimestre 2026"
    assert period_label(Period.year(2026)) == "année 2026"
    assert period_label(Period(date(2026, 3, 1), date(2026, 4, 9))) == (
        "du 1er mars 2026 au 9 avril 2026"
    )


def test_document_says_the_figures_and_draws_the_charts(report) -> None:  # type: ignore[no-untyped-def]
    doc = report_document(report, organisation="FIAC", now=NOW)
    text = doc.text()
    for line in (
        "Mars 2026 · FIAC · établi le 2 avril 2026",
        "Communiqués envoyés 2",
        "Destinataires (envois) 4",
        "Demandes presse reçues 5",
        "Demandes répondues 3 (60 %)",
        "Répondues dans les délais 1 sur 2 avec échéance (50 %)",
        "Délai médian de réponse 4 h",
        "Retombées presse 5",
        "Audience cumulée déclarée 152\u202f000",
        "Le Quotidien 2 2 100\u202f000",
        "Essai clinique 02/03/2026 3 2 2",
    ):
        assert line in text, line
    charts = {b.title: b for b in doc.blocks if isinstance(b, Chart)}
    assert charts["Par support"].kind is ChartKind.PIE
    assert list(charts["Par support"].labels) == [
        "Web",
        "Presse écrite",
        "Radio",
        "Réseaux sociaux",
    ]
    assert list(charts["Par type de média"].values) == [2, 1, 1, 1]
    assert "Type non précisé" in charts["Par type de média"].labels
    assert list(charts["Par communiqué"].labels) == [
        "Sans communiqué lié",
        "Essai clinique",
        "Nomination",
    ]
    assert list(charts["Tonalité"].values) == [2, 2, 1]  # positive, neutral, negative
    assert "Retombées par mois" not in charts  # one month: no chart of months
    assert pdf_bytes(doc).startswith(b"%PDF-")


def test_empty_period_says_so_in_words(report) -> None:  # type: ignore[no-untyped-def]
    empty = compute(Period.year(2020), [], [], [])
    doc = report_document(empty, now=NOW)
    assert "Aucune retombée sur la période." in doc.text()
    assert "Aucun communiqué envoyé sur la période." in doc.text()
    assert pdf_bytes(doc).startswith(b"%PDF-")  # charts with nothing drawn are sentences


def test_workbook_holds_the_figures_as_numbers(report, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "bilan.xlsx"
    write_report(report, out, organisation="FIAC", now=NOW)
    book = load_workbook(out)
    summary = book["Synthèse"]
    values = {
        summary.cell(row=r, column=1).value: summary.cell(row=r, column=2).value
        for r in range(7, summary.max_row + 1)
    }
    assert values["Communiqués envoyés"] == 2
    assert values["Destinataires (envois)"] == 4
    assert values["Demandes presse reçues"] == 5
    assert values["Taux dans les délais"] == 0.5
    assert values["Délai médian de réponse (heures)"] == 4.0
    assert values["Audience cumulée déclarée"] == 152_000
    outlets = book["Médias les plus actifs"]
    assert [c.value for c in outlets[2]] == ["Le Quotidien", 2, 2, 100_000]
    media = book["Par support"]
    assert [(r[0].value, r[1].value) for r in media.iter_rows(min_row=2)] == [
        ("Web", 2),
        ("Presse écrite", 1),
        ("Radio", 1),
        ("Réseaux sociaux", 1),
    ]
    releases = book["Communiqués"]
    assert [c.value for c in releases[2]][:3] == ["Essai clinique", datetime(2026, 3, 2), 3]


def test_a_title_that_looks_like_a_formula_stays_text() -> None:
    bad = compute(
        Period.month(2026, 3),
        [],
        [],
        [c.__class__(**{**c.__dict__, "release_title": '=HYPERLINK("x")'}) for c in COVERAGE],
    )
    buffer = io.BytesIO()
    write_xlsx(bad, buffer, now=NOW)
    sheet = load_workbook(io.BytesIO(buffer.getvalue()))["Par communiqué"]
    cells = [r[0] for r in sheet.iter_rows(min_row=2) if str(r[0].value).startswith("=")]
    assert cells and all(c.data_type == "s" for c in cells)  # text, not a formula ("f")


def test_unknown_suffix_is_refused_and_nothing_written(report, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ReportFormatError, match=r"bilan\.docx"):
        write_report(report, tmp_path / "bilan.docx")
    assert not list(tmp_path.iterdir())
