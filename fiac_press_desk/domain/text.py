"""Text folding for search and matching: "Éloïse Lefèvre" and "eloise lefevre" meet here."""

from __future__ import annotations

import re
import unicodedata

# Ligatures and letters that NFKD does not split but a French reader treats as two letters.
_SPECIAL = str.maketrans(
    {
        "œ": "oe",
        "Œ": "oe",
        "æ": "ae",
        "Æ": "ae",
        "ø": "o",
        "Ø": "o",
        "ł": "l",
        "Ł": "l",
        "đ": "d",
        "Đ": "d",
        "ı": "i",
        "ß": "ss",
        "’": "'",
    }
)
_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)


def fold(text: str) -> str:
    """Lower-case, accent-free form of ``text`` (letters of other scripts are kept)."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.translate(_SPECIAL))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", stripped).casefold()


def tokens(text: str) -> list[str]:
    """Folded word tokens of ``text``: what the search index and the search box agree on."""
    return _TOKEN.findall(fold(text))


def clean(text: str | None) -> str:
    """Trim and collapse inner runs of white space (not newlines)."""
    if not text:
        return ""
    return re.sub(r"[ \t\u00a0\u202f]+", " ", text).strip()
