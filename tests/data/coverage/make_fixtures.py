"""Write media-monitoring exports for the coverage import tests.

    .venv/bin/python tests/data/coverage/make_fixtures.py

``veille-fr.xlsx``: a French monitoring service's export (typed dates and audience, French
words for the medium and tone, one row with a date that is not one); ``clippings-en.csv``:
an English one (semicolon-separated, UTF-8 with BOM, dates as text, "12k" audiences, an
unknown tone). Every outlet and person is fictional.
"""

from __future__ import annotations

import csv
import io
from datetime import datetime
from pathlib import Path

from openpyxl import Workbook

HERE = Path(__file__).resolve().parent


def french() -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Retombées"
    sheet.append(
        [
            "Date de parution",
            "Média",
            "Type de média",
            "Titre",
            "Auteur",
            "Lien",
            "Audience",
            "Tonalité",
            "Résumé",
        ]
    )
    sheet.append(
        [
            datetime(2026, 3, 3),
            "Le Quotidien de la Santé",
            "Presse quotidienne",
            "L'IA au chevet des patients",
            "Éloïse Lefèvre",
            "https://quotidien.example.org/ia",
            120000,
            "Positif",
            "Page 4",
        ]
    )
    sheet.append(
        [
            datetime(2026, 3, 5),
            "Radio Hexagone",
            "Radio",
            "Le journal de la santé",
            "",
            "",
            450000,
            "Neutre",
            "",
        ]
    )
    sheet.append(["pas une date", "Onco Actu", "Web", "Données de vie réelle", "", "", "", "", ""])
    sheet.append([])
    sheet.append(
        [
            datetime(2026, 3, 9),
            "Onco Actu",
            "Site web",
            "Un réseau européen des données",
            "Paul Martin",
            "https://onco.example.org/reseau",
            "12 500",
            "négatif",
            "",
        ]
    )
    book.save(HERE / "veille-fr.xlsx")


def english() -> None:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(
        ["Published", "Outlet", "Media type", "Headline", "Byline", "URL", "Reach", "Sentiment"]
    )
    writer.writerow(
        [
            "2026-03-02",
            "Euro Health Wire",
            "Agency",
            "EU health data network",
            "",
            "https://wire.example.org/1",
            "12k",
            "Positive",
        ]
    )
    writer.writerow(
        [
            "04/03/2026",
            "Data & IA Magazine",
            "Social media",
            "Thread on AI",
            "",
            "https://social.example.org/2",
            "1,2M",
            "Mixed",
        ]
    )
    writer.writerow(
        ["05/03/2026", "Numérique & Société", "Online", "Cancer and AI", "", "", "", "Very angry"]
    )
    (HERE / "clippings-en.csv").write_bytes(b"\xef\xbb\xbf" + out.getvalue().encode("utf-8"))


if __name__ == "__main__":
    french()
    english()
