"""The document layer written as PDF: every block, any script, page numbers, whole or nothing."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image as PILImage

from fiac_press_desk.interchange.document import Document, TextStyle
from fiac_press_desk.interchange.document_pdf import font_files, pdf_bytes, write_pdf

NAMES = ["Zbigniew Wąsowicz", "Ξενοφών Παπαδόπουλος", "Светлана Кузнецова", "Ørsted & <Cie>"]


def png() -> bytes:
    out = io.BytesIO()
    PILImage.new("RGB", (40, 20), (200, 30, 30)).save(out, "PNG")
    return out.getvalue()


def sample(rows: int = 5) -> Document:
    doc = Document("Dossier d'accès", "sous-titre", footer="pied de page", author="FIAC")
    doc.heading("1. Identité").key_values([("Nom", n) for n in NAMES])
    doc.heading("Tableau", 2).table(
        ["Date", "Texte"],
        [[f"{n:02d}/01/2024", f"ligne {n}\nsur deux lignes"] for n in range(rows)],
        widths=[1, 3],
        align_right=[0],
    )
    doc.table(["Vide"], [], empty="Rien d'enregistré.")
    doc.paragraph("Petit texte.", TextStyle.SMALL).paragraph("Gris.", TextStyle.MUTED)
    doc.heading("Image", 3).image(png(), 30, "légende").page_break().paragraph("Fin.")
    return doc


def pdf_text(data: bytes, tmp_path: Path) -> str | None:
    """The text of the PDF as poppler's pdftotext reads it (None without poppler-utils)."""
    tool = shutil.which("pdftotext")
    if tool is None:
        return None
    source = tmp_path / "read.pdf"
    source.write_bytes(data)
    done = subprocess.run([tool, "-layout", str(source), "-"], capture_output=True, check=True)
    return done.stdout.decode("utf-8")


def test_every_block_renders_with_the_font_embedded() -> None:
    data = pdf_bytes(sample())
    assert data.startswith(b"%PDF-")
    assert b"DejaVuSans" in data and b"DejaVuSans-Bold" in data and b"FontFile2" in data
    text = sample().text()
    for name in NAMES:
        assert name in text
    assert "Rien d'enregistré." in text


def test_a_long_table_runs_over_pages_numbered_in_french(tmp_path: Path) -> None:
    data = pdf_bytes(sample(rows=120))
    pages = data.count(b"/Type /Page\n")
    assert pages >= 3
    text = pdf_text(data, tmp_path)
    if text is None:
        pytest.skip("pdftotext (poppler-utils) not installed: text not checked")
    assert f"page 1 sur {pages}" in text and f"page {pages} sur {pages}" in text
    for name in NAMES:  # every script comes back as typed from the embedded font
        assert name in text
    table_pages = [page for page in text.split("\f") if "ligne " in page]
    assert len(table_pages) >= 3  # the header row repeated on each page of the table
    assert all("Date" in page and "Texte" in page for page in table_pages)


def test_the_font_files_ship_with_their_licence() -> None:
    regular, bold = font_files()
    assert regular.is_file() and bold.is_file()
    licence = regular.parent / "LICENSE-DejaVu.txt"
    assert "Bitstream" in licence.read_text(encoding="utf-8")


def test_written_whole_or_not_at_all(tmp_path: Path) -> None:
    target = tmp_path / "out.pdf"
    write_pdf(sample(), target)
    assert target.read_bytes().startswith(b"%PDF-")
    broken = Document("x")
    broken.blocks.append(object())  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        write_pdf(broken, tmp_path / "broken.pdf")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.pdf"]
