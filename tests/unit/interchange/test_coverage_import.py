"""Media-monitoring exports into the coverage log: headers recognised, cells read, bad rows
refused with their place, the rest imported (fixtures: tests/data/coverage/make_fixtures.py)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from fiac_press_desk.domain.contact import ContactData
from fiac_press_desk.domain.coverage import Medium, Tone
from fiac_press_desk.interchange.coverage_import import (
    CoverageCellError,
    guess_mapping,
    parse_audience,
    parse_date,
    parse_medium,
    parse_tone,
    read_rows,
    read_sheet,
)
from fiac_press_desk.services import Services

DATA = Path(__file__).resolve().parents[2] / "data" / "coverage"


def test_french_export_headers_and_rows() -> None:
    sheet = read_sheet(DATA / "veille-fr.xlsx")
    assert sheet.mapping == {
        0: "published_on",
        1: "outlet",
        2: "medium",
        3: "title",
        4: "author",
        5: "link",
        6: "audience",
        7: "tone",
        8: "notes",
    }
    assert sheet.sample[0][:2] == ["03/03/2026", "Le Quotidien de la Santé"]
    result = read_rows(DATA / "veille-fr.xlsx", sheet.mapping)
    assert [r.place for r in result.rows] == [
        "veille-fr.xlsx, ligne 2",
        "veille-fr.xlsx, ligne 3",
        "veille-fr.xlsx, ligne 6",
    ]
    assert result.refused == [
        "veille-fr.xlsx, ligne 4 : colonne A : date illisible « pas une date »"
    ]
    first, radio, web = (r.data for r in result.rows)
    assert (first.published_on, first.medium, first.audience, first.tone) == (
        date(2026, 3, 3),
        Medium.PRINT,
        120_000,
        Tone.POSITIVE,
    )
    assert (first.author, first.link, first.notes) == (
        "Éloïse Lefèvre",
        "https://quotidien.example.org/ia",
        "Page 4",
    )
    assert (radio.medium, radio.tone, radio.author) == (Medium.RADIO, Tone.NEUTRAL, "")
    assert (web.medium, web.audience, web.tone) == (Medium.WEB, 12_500, Tone.NEGATIVE)


def test_english_csv_export() -> None:
    sheet = read_sheet(DATA / "clippings-en.csv")
    assert set(sheet.mapping.values()) == {
        "published_on",
        "outlet",
        "medium",
        "title",
        "author",
        "link",
        "audience",
        "tone",
    }
    result = read_rows(DATA / "clippings-en.csv", sheet.mapping)
    assert [
        (r.data.published_on, r.data.medium, r.data.audience, r.data.tone) for r in result.rows
    ] == [
        (date(2026, 3, 2), Medium.AGENCY, 12_000, Tone.POSITIVE),
        (date(2026, 3, 4), Medium.SOCIAL, 1_200_000, Tone.NEUTRAL),
    ]
    assert result.refused == [
        "clippings-en.csv, ligne 4 : colonne H : tonalité inconnue « Very angry »"
    ]


def test_a_mapping_chosen_by_hand_is_followed() -> None:
    # The officer maps only the title and the date: the rest is left out.
    result = read_rows(DATA / "veille-fr.xlsx", {3: "title", 0: "published_on"})
    first = result.rows[0].data
    assert (first.title, first.outlet, first.audience) == ("L'IA au chevet des patients", "", None)


def test_import_through_the_service_links_bylines(services: Services) -> None:
    services.contacts.create(
        ContactData(
            given_name="Éloïse", family_name="Lefèvre", organization="Le Quotidien de la Santé"
        )
    )
    sheet = read_sheet(DATA / "veille-fr.xlsx")
    rows = read_rows(DATA / "veille-fr.xlsx", sheet.mapping)
    result = services.coverage.import_rows(rows.rows)
    assert len(result.created) == 3 and not result.refused
    items = {r.title: r for r in services.coverage.search()}
    assert items["L'IA au chevet des patients"].contact_id is not None
    assert items["Un réseau européen des données"].journalist == "Paul Martin"  # byline kept
    again = services.coverage.import_rows(rows.rows)  # the same file twice: nothing twice
    assert not again.created and len(again.skipped) == 3


def test_cells() -> None:
    assert guess_mapping(["DATE", "Média", "média", "x"]) == {0: "published_on", 1: "outlet"}
    assert parse_date("31.01.2024", "A") == date(2024, 1, 31)
    assert parse_date("2024-01-31T10:00", "A") == date(2024, 1, 31)
    assert parse_audience("12\u202f000", "G") == 12_000
    assert parse_audience(3.0, "G") == 3
    assert parse_medium("Presse quotidienne régionale", "C") is Medium.PRINT
    assert parse_medium("Télévision", "C") is Medium.TV
    assert parse_tone("+", "H") is Tone.POSITIVE
    for call in (
        lambda: parse_date("31/02/2024", "A"),
        lambda: parse_audience("beaucoup", "G"),
        lambda: parse_audience(-5, "G"),
        lambda: parse_medium("pigeon", "C"),
    ):
        with pytest.raises(CoverageCellError):
            call()
