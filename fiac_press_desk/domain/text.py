"""Text folding for search and matching: "Éloïse Lefèvre" and "eloise lefevre" meet here."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

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
# Combining diacritical marks of the Latin, Greek and Cyrillic scripts (what NFKD splits off
# "é", "ï", "ą", "ά", "й"). Japanese voicing marks (U+3099, U+309A) are not accents: kept.
_ACCENTS = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
_SPACES = re.compile(r"[ \t\u00a0\u202f]+")


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower-case, accent-free form of ``text`` (letters of other scripts are kept).

    Cached: imports and searches fold the same outlet, tag and city names over and over.
    """
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.translate(_SPECIAL))
    return unicodedata.normalize("NFC", _ACCENTS.sub("", decomposed)).casefold()


def name_key(name: str) -> str:
    """Uniqueness key of named things (tags, lists, organisations): case, accents and
    spacing ignored, so "Santé" and "sante " are one tag."""
    return " ".join(fold(name).split())[:255]


def tokens(text: str) -> list[str]:
    """Folded word tokens of ``text``: what the search index and the search box agree on."""
    return _TOKEN.findall(fold(text))


def tokens_once(text: str) -> list[str]:
    """``tokens`` for a value met once (an email address, a phone number): the same words,
    without filling ``fold``'s cache with values that will not come back."""
    if text.isascii():
        if text.isdigit():  # a phone number's digits: one word
            return [text]
        return _TOKEN.findall(text.lower())
    return _TOKEN.findall(fold.__wrapped__(text))


def clean(text: str | None) -> str:
    """Trim and collapse inner runs of white space (not newlines)."""
    if not text:
        return ""
    if "  " not in text and "\t" not in text and "\u00a0" not in text and "\u202f" not in text:
        return text.strip()  # nothing to collapse: the common case, hot in bulk imports
    return _SPACES.sub(" ", text).strip()


# -- text from outside: valid Unicode, and safe to print ------------------------------------------

_SURROGATES = re.compile("[\ud800-\udfff]")
# C0 and C1 controls and DEL (an ESC starts a terminal escape sequence), and the invisible
# format characters that reorder or hide text on a terminal (bidi overrides and isolates).
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def valid_unicode(text: str) -> str:
    """``text`` with any lone surrogate (what ``surrogateescape`` makes of bytes that are not
    UTF-8, or ``unicode-escape`` of ``\\ud800``) replaced by U+FFFD: SQLite, the terminal and
    every file format refuse them."""
    if text.isascii() or not _SURROGATES.search(text):
        return text
    return _SURROGATES.sub("\ufffd", text)


def printable(text: str) -> str:
    """One line of ``text`` fit for a terminal: valid Unicode, control characters and escape
    sequences shown escaped (``\\x1b[2J``, ``\\n``) rather than obeyed."""
    text = valid_unicode(text)
    if text.isprintable():
        return text
    return _UNPRINTABLE.sub(_escaped, text)


def _escaped(match: re.Match[str]) -> str:
    char = match.group()
    named = _NAMED_ESCAPES.get(char)
    if named is not None:
        return named
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


_NAMED_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
