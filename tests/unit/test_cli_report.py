"""`report [--from DATE] [--to DATE] OUT.pdf|OUT.xlsx` through ``app.main``."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from fiac_press_desk.app import main
from fiac_press_desk.cli import EXIT_NOTHING, EXIT_OK, UsageError, report_bound
from fiac_press_desk.domain.coverage import CoverageInput
from fiac_press_desk.services import Services


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_report_writes_pdf_and_xlsx(
    capsys: pytest.CaptureFixture[str], services: Services, db_path: Path, tmp_path: Path
) -> None:
    services.coverage.create(
        CoverageInput(title="Papier", published_on=date(2026, 3, 4), outlet="Le Quotidien")
    )
    services.coverage.create(CoverageInput(title="Avant", published_on=date(2026, 2, 27)))
    code, out, err = run(
        capsys,
        "--db",
        str(db_path),
        "report",
        "--from",
        "2026-03",
        "--to",
        "2026-Q1",
        str(tmp_path / "bilan.xlsx"),
    )
    assert (code, err) == (EXIT_OK, "")
    assert out.startswith("report: mars 2026 written to")
    assert "1 coverage items" in out
    assert load_workbook(tmp_path / "bilan.xlsx")["Synthèse"]["A2"].value.startswith("Mars 2026 · ")
    code, out, err = run(
        capsys,
        "--db",
        str(db_path),
        "report",
        "--from",
        "2026-01-01",
        "--to",
        "2026-03-31",
        str(tmp_path / "bilan.pdf"),
    )
    assert code == EXIT_OK and "1er trimestre 2026" in out and "2 coverage items" in out
    assert (tmp_path / "bilan.pdf").read_bytes().startswith(b"%PDF-")


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["--from", "mars"], "'mars': not a date"),
        (["--from", "2026-04-01", "--to", "2026-03"], "--to 2026-03-31 is before --from"),
        (["--from", "2026-13"], "'2026-13': not a date"),
    ],
)
def test_bad_dates_do_nothing(
    capsys: pytest.CaptureFixture[str],
    services: Services,
    db_path: Path,
    tmp_path: Path,
    args: list[str],
    says: str,
) -> None:
    code, _, err = run(capsys, "--db", str(db_path), "report", *args, str(tmp_path / "r.pdf"))
    assert code == EXIT_NOTHING and says in err
    assert not (tmp_path / "r.pdf").exists()


def test_bad_suffix_or_folder(
    capsys: pytest.CaptureFixture[str], services: Services, db_path: Path, tmp_path: Path
) -> None:
    code, _, err = run(capsys, "--db", str(db_path), "report", str(tmp_path / "r.docx"))
    assert code == EXIT_NOTHING and "choose a .pdf or .xlsx file" in err
    code, _, err = run(capsys, "--db", str(db_path), "report", str(tmp_path / "no" / "r.pdf"))
    assert code == EXIT_NOTHING and "no such directory" in err


def test_report_bounds() -> None:
    assert report_bound("2026-02", last=True) == date(2026, 2, 28)
    assert report_bound("2026-q2", last=False) == date(2026, 4, 1)
    assert report_bound("2025", last=True) == date(2025, 12, 31)
    with pytest.raises(UsageError):
        report_bound("2026-02-30", last=False)
