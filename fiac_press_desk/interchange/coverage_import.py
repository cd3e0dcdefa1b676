"""Media-monitoring exports (xlsx, ods, csv: the press clippings a monitoring service sends)
read into coverage rows, columns mapped as for contacts: the headers the services write are
recognised (French and English), the press officer corrects the rest in the window.

The sheet is read by ``spreadsheet_read`` (the same reader, with the same guards, as the
contact import). A cell that cannot be read (a date that is not one, a tone nobody uses)
refuses its row with the file, the row and the column named; the other rows go on.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from fiac_press_desk.domain.coverage import CoverageInput, Medium, Tone
from fiac_press_desk.domain.text import fold
from fiac_press_desk.interchange.spreadsheet_mapping import header_key
from fiac_press_desk.interchange.spreadsheet_read import (
    CellValue,
    RawRow,
    column_letter,
    is_blank,
    open_sheet,
)
from fiac_press_desk.services.coverage import CoverageRowInput

# Field -> (French label, headers recognised). Keys compare with ``header_key`` (case,
# accents, spaces and punctuation aside).
FIELDS: dict[str, tuple[str, tuple[str, ...]]] = {
    "published_on": (
        "Date de parution",
        (
            "date",
            "date de parution",
            "date de publication",
            "publication date",
            "published",
            "parution",
            "jour",
            "date diffusion",
            "date de diffusion",
            "pubdate",
        ),
    ),
    "title": (
        "Titre",
        ("titre", "title", "headline", "titre de l'article", "sujet", "article"),
    ),
    "outlet": (
        "Média",
        (
            "média",
            "media",
            "support",
            "source",
            "outlet",
            "publication",
            "titre de presse",
            "nom du média",
            "média name",
            "media name",
            "journal",
            "émission",
        ),
    ),
    "author": (
        "Journaliste",
        ("journaliste", "auteur", "author", "byline", "signature", "journalist", "auteurs"),
    ),
    "link": ("Lien", ("lien", "url", "link", "adresse", "lien web", "permalink")),
    "medium": (
        "Type de support",
        (
            "type de support",
            "type de média",
            "type",
            "medium",
            "media type",
            "canal",
            "channel",
            "catégorie de média",
            "famille",
        ),
    ),
    "audience": (
        "Audience",
        (
            "audience",
            "reach",
            "tirage",
            "diffusion",
            "circulation",
            "lecteurs",
            "readership",
            "audience estimée",
            "portée",
            "visiteurs uniques",
        ),
    ),
    "tone": (
        "Tonalité",
        ("tonalité", "tone", "sentiment", "tonalite", "ton", "polarité"),
    ),
    "notes": (
        "Notes",
        (
            "notes",
            "note",
            "commentaire",
            "commentaires",
            "comment",
            "résumé",
            "summary",
            "extrait",
            "chapeau",
        ),
    ),
}
_HEADERS = {header_key(alias): name for name, (_, aliases) in FIELDS.items() for alias in aliases}

_MEDIUM_WORDS: dict[Medium, tuple[str, ...]] = {
    Medium.PRINT: (
        "print",
        "presse",
        "presse ecrite",
        "pqn",
        "pqr",
        "quotidien",
        "magazine",
        "hebdomadaire",
        "mensuel",
        "papier",
        "journal",
    ),
    Medium.WEB: ("web", "internet", "online", "en ligne", "site", "blog", "presse en ligne"),
    Medium.RADIO: ("radio", "podcast"),
    Medium.TV: ("tv", "tele", "television", "televise"),
    Medium.AGENCY: ("agence", "agency", "depeche", "wire", "afp"),
    Medium.SOCIAL: (
        "social",
        "reseaux sociaux",
        "reseau social",
        "social media",
        "twitter",
        "x",
        "facebook",
        "linkedin",
        "instagram",
        "youtube",
        "tiktok",
        "mastodon",
        "bluesky",
    ),
}
_TONE_WORDS: dict[Tone, tuple[str, ...]] = {
    Tone.POSITIVE: ("positif", "positive", "pos", "favorable", "+", "bon"),
    Tone.NEUTRAL: ("neutre", "neutral", "neu", "mixte", "mixed", "0", "=", "factuel"),
    Tone.NEGATIVE: ("negatif", "negative", "neg", "defavorable", "-", "critique"),
}
_DATE_PATTERNS = (
    (re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})"), "dmy"),
    (re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})"), "ymd"),
)


class CoverageCellError(ValueError):
    """A cell that cannot be read as its column's field."""


@dataclass
class MonitoringSheet:
    """The first rows of a monitoring export, its headers and the mapping guessed."""

    path: Path
    headers: list[str]
    sample: list[list[str]]  # a few rows as text, for the mapping dialog
    mapping: dict[int, str]  # column index -> field name (FIELDS)


@dataclass
class MonitoringRows:
    """The rows read with a mapping, and those refused (with where and why)."""

    rows: list[CoverageRowInput] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)


def guess_mapping(headers: Iterable[str]) -> dict[int, str]:
    """Each column whose header names a field, the first such column for each field."""
    out: dict[int, str] = {}
    for index, header in enumerate(headers):
        name = _HEADERS.get(header_key(header))
        if name is not None and name not in out.values():
            out[index] = name
    return out


def read_sheet(path: Path, sample_rows: int = 5) -> MonitoringSheet:
    """The headers (first row) and a few rows of ``path``; SpreadsheetError if unreadable."""
    source = open_sheet(path)
    rows = source.rows()
    headers: list[str] = []
    sample: list[list[str]] = []
    for raw in rows:
        if not headers:
            if all(is_blank(c) for c in raw.cells):
                continue
            headers = [_text(c) for c in raw.cells]
            continue
        if len(sample) >= sample_rows:
            break
        sample.append([_text(c) for c in raw.cells])
    close = getattr(rows, "close", None)
    if close is not None:
        close()  # the workbook behind the generator
    return MonitoringSheet(path, headers, sample, guess_mapping(headers))


def read_rows(path: Path, mapping: Mapping[int, str]) -> MonitoringRows:
    """Every row under the header row, as coverage rows by ``mapping``."""
    out = MonitoringRows()
    header_seen = False
    for raw in open_sheet(path).rows():
        if not header_seen:
            header_seen = not all(is_blank(c) for c in raw.cells)
            continue
        if all(is_blank(c) for c in raw.cells):
            continue
        place = f"{path.name}, ligne {raw.number}"
        if raw.error:
            out.refused.append(f"{place} : {raw.error}")
            continue
        try:
            out.rows.append(CoverageRowInput(place, row_input(raw, mapping)))
        except CoverageCellError as exc:
            out.refused.append(f"{place} : {exc}")
    return out


def row_input(raw: RawRow, mapping: Mapping[int, str]) -> CoverageInput:
    """One row as a ``CoverageInput`` (validation of the whole comes later, in the service)."""
    data = CoverageInput(title="")
    for index, name in mapping.items():
        value = raw.cells[index] if index < len(raw.cells) else None
        if value is None or is_blank(value):
            continue
        where = f"colonne {column_letter(index)}"
        if name == "published_on":
            data.published_on = parse_date(value, where)
        elif name == "audience":
            data.audience = parse_audience(value, where)
        elif name == "medium":
            data.medium = parse_medium(value, where)
        elif name == "tone":
            data.tone = parse_tone(value, where)
        elif name in ("title", "outlet", "author", "link", "notes"):
            setattr(data, name, _text(value).strip())
    return data


def parse_date(value: CellValue, where: str) -> date:
    """A date cell, or text written 31/01/2024, 31.01.2024 or 2024-01-31."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = _text(value).strip()
    for pattern, order in _DATE_PATTERNS:
        m = pattern.match(text)
        if m:
            a, b, c = (int(g) for g in m.groups())
            try:
                return date(c, b, a) if order == "dmy" else date(a, b, c)
            except ValueError:
                break
    raise CoverageCellError(f"{where} : date illisible « {text} »")


def parse_audience(value: CellValue, where: str) -> int:
    """A number of readers: 12000, "12 000", "12 k", "1,2 M"."""
    if isinstance(value, bool):
        raise CoverageCellError(f"{where} : audience illisible « {value} »")
    if isinstance(value, int | float):
        if value < 0:
            raise CoverageCellError(f"{where} : audience négative « {value} »")
        return int(value)
    text = fold(_text(value)).replace("\u202f", "").replace("\xa0", "").replace(" ", "")
    m = re.fullmatch(r"(\d+(?:[.,]\d+)?)([km]?)", text)
    if not m:
        raise CoverageCellError(f"{where} : audience illisible « {_text(value)} »")
    number = float(m[1].replace(",", "."))
    return round(number * {"": 1, "k": 1_000, "m": 1_000_000}[m[2]])


def parse_medium(value: CellValue, where: str) -> Medium:
    """A medium from the words monitoring services use."""
    key = fold(_text(value)).strip()
    for medium, words in _MEDIUM_WORDS.items():
        if key == medium.value or key in words:
            return medium
    for medium, words in _MEDIUM_WORDS.items():  # "Presse quotidienne régionale"...
        if any(len(w) > 3 and key.startswith(w) for w in words):
            return medium
    raise CoverageCellError(f"{where} : type de support inconnu « {_text(value)} »")


def parse_tone(value: CellValue, where: str) -> Tone:
    """A tone from the words (or signs) monitoring services use."""
    key = fold(_text(value)).strip()
    for tone, words in _TONE_WORDS.items():
        if key == tone.value or key in words:
            return tone
    raise CoverageCellError(f"{where} : tonalité inconnue « {_text(value)} »")


def _text(value: CellValue | None) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return (
            f"{value:%d/%m/%Y %H:%M}"
            if value.time() != datetime.min.time()
            else f"{value:%d/%m/%Y}"
        )
    if isinstance(value, date):
        return f"{value:%d/%m/%Y}"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
