"""Real vCard files written by other programs (../shared/corpus/vcard, read in place, never
copied): every card of a well-formed file comes in with its characters right; a malformed card
is reported with its file and line and its neighbours still come in. Skipped when the corpus
is not beside the project."""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from fiac_press_desk.domain.contact import ContactData
from fiac_press_desk.domain.enums import MatchKind
from fiac_press_desk.interchange.pipeline import apply_plan, build_plan
from fiac_press_desk.interchange.records import ImportGroup, ImportProblem, ImportRecord, ParsedItem
from fiac_press_desk.interchange.vcard_import import parse_vcard_file
from fiac_press_desk.services import Services

CORPUS = Path(__file__).resolve().parents[4] / "shared" / "corpus" / "vcard"
pytestmark = [
    pytest.mark.corpus,
    pytest.mark.skipif(not (CORPUS / "MANIFEST.tsv").is_file(), reason="corpus absent"),
]
# What text turns into when UTF-8 is read as Latin-1/1252 or the reverse, or bytes are lost.
MOJIBAKE = re.compile("[\u00c3\u00c2\u00c5\u00d0\u00d1][\u0080-\u00bf]|\ufffd|[\u0080-\u009f]")
# Cards whose names the files' own tests know, in the scripts the importer must get right.
EXPECTED_NAMES = {
    "MultiAnsiFilterTests/Greek.vcf": ("Βαγγέλης", "Ευάγγελος", "Παπαθανασίου"),
    "Utf-8/Greek.vcf": ("Βαγγέλης", "Ευάγγελος", "Παπαθανασίου"),
    "MultiAnsiFilterTests/Ukrainian.vcf": (
        "Віталій Володимирович Кличко",
        "Віталій",
        "Кличко",
    ),
    "Utf-8/Ukrainian.vcf": ("Віталій Володи́мирович Кличко́", "Віталій", "Кличко́"),
    "MultiAnsiFilterTests/Hebrew.vcf": ("אפרים קישון", "Ephraim", "Kishon"),
    "MultiAnsiFilterTests/German.vcf": ("Sören Täve Nüßlebaum", "Sören", "Nüßlebaum"),
    "geier-pycarddav/tests/assets/gödel.vcf": ("", "François", "Gödel"),
    "raw/v21_japanese_1.vcf": ("", "", "安藤ロイド"),
    "raw/v30_japanese.vcf": ("伊能 圭一 伊予", "圭一", "伊能"),
    "raw/v21_japanese_2.vcf": ("安藤 ロイド 1", "ロイド1", "安藤"),
    "MultiAnsiFilterTests/utf-8.vcf": ("孔夫子", "", "Konfuzius"),
    "TestFiles/v4.vcf": ("Möhrke Gerda", "Gerda", "Möhrke"),
}


@dataclass
class Row:
    path: str
    begins: int
    malformed: bool


@dataclass
class Tally:
    files: int = 0
    cards: int = 0
    imported: int = 0
    refused: int = 0
    problems: list[str] = field(default_factory=list)


def manifest() -> list[Row]:
    with (CORPUS / "MANIFEST.tsv").open(encoding="utf-8") as handle:
        return [
            Row(
                r["path"],
                int(r["num_BEGIN_VCARD"]),
                r["intentionally_malformed_or_edge_case_per_tests"] != "-",
            )
            for r in csv.DictReader(handle, delimiter="\t")
        ]


def texts(data: ContactData) -> Iterator[str]:
    yield from (data.display_name, data.given_name, data.family_name, data.organization)
    yield from (data.department, data.job_title, data.notes)
    yield from (e.value for e in data.emails)
    for address in data.addresses:
        yield from (address.street, address.city, address.country)


def parse(row: Row) -> list[ParsedItem]:
    return list(parse_vcard_file(CORPUS / row.path, name=row.path))


def test_every_card_of_well_formed_files_comes_in_with_its_characters() -> None:
    for row in manifest():
        if row.malformed:
            continue
        items = parse(row)
        problems = [i for i in items if isinstance(i, ImportProblem)]
        assert problems == [], row.path
        records = [i for i in items if isinstance(i, ImportRecord)]
        groups = [i for i in items if isinstance(i, ImportGroup)]  # lists, not contacts
        assert len(records) + len(groups) == row.begins, row.path
        for record in records:
            for text in texts(record.data):
                assert not MOJIBAKE.search(text), (row.path, record.place.line, text)


def test_names_in_greek_cyrillic_hebrew_german_french_and_japanese() -> None:
    checked = 0
    for row in manifest():
        expected = next((v for k, v in EXPECTED_NAMES.items() if row.path.endswith(k)), None)
        if expected is None:
            continue
        record = next(i for i in parse(row) if isinstance(i, ImportRecord))
        data = record.data
        assert (data.display_name, data.given_name, data.family_name) == expected, row.path
        checked += 1
    assert checked == len(EXPECTED_NAMES)


def test_malformed_cards_are_reported_with_file_and_line_and_neighbours_come_in() -> None:
    for row in manifest():
        if not row.malformed:
            continue
        items = parse(row)
        for item in items:
            if isinstance(item, ImportProblem):
                assert item.place.file == row.path and item.place.line, row.path
                assert item.message
        # every card was either read or reported
        assert len(items) >= row.begins, row.path


def test_the_whole_corpus_through_the_pipeline(services: Services) -> None:
    tally = Tally()
    for row in manifest():
        tally.files += 1
        items = parse(row)
        tally.cards += sum(1 for i in items if isinstance(i, ImportRecord)) + sum(
            1 for i in items if isinstance(i, ImportProblem)
        )
        groups = sum(1 for i in items if isinstance(i, ImportGroup))  # lists, not contacts
        plan = build_plan(
            services, items, sources=[row.path], format="vcard", on_duplicate="create"
        )
        result = apply_plan(services, plan)
        # a group card puts stored contacts it names on its list: updates of its own
        joined = len(plan.items) - sum(
            1 for i in items if isinstance(i, ImportRecord | ImportProblem)
        )
        imported = result.created + result.updated + result.unchanged - joined
        tally.imported += imported
        tally.refused += len(result.refused)
        tally.problems += [f"{place}: {message}" for place, message in result.refused]
        if not row.malformed:
            assert result.refused == [], row.path
            assert imported == row.begins - groups, (row.path, plan.counts())
            assert all(i.kind is not MatchKind.ERROR for i in plan.items)
    print(
        f"\nvCard corpus: {tally.files} files, {tally.cards} cards found, "
        f"{tally.imported} imported, {tally.refused} refused"
    )
    for line in tally.problems:
        print(f"  refused: {line}")
    assert tally.imported + tally.refused == tally.cards
