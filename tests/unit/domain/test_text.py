"""Folding: the search box and the index must agree on what a word is."""

from __future__ import annotations

import pytest

from fiac_press_desk.domain.text import clean, fold, tokens


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Éloïse", "eloise"),
        ("LEFÈVRE", "lefevre"),
        ("Œuvre", "oeuvre"),
        ("Lætitia", "laetitia"),
        ("Straße", "strasse"),
        ("Łódź", "lodz"),
        ("Søren", "soren"),
        ("plain ascii", "plain ascii"),
        ("Ḱ", "k"),
        ("Ελένη", "ελενη"),  # other scripts are kept, lower-cased
    ],
)
def test_fold(raw: str, expected: str) -> None:
    assert fold(raw) == expected


def test_tokens_split_on_punctuation_and_apostrophes() -> None:
    assert tokens("Jean-Pierre d’Arc (L'Équipe)") == ["jean", "pierre", "d", "arc", "l", "equipe"]
    assert tokens("eloise.lefevre@example.fr") == ["eloise", "lefevre", "example", "fr"]
    assert tokens("snake_case") == ["snake", "case"]
    assert tokens("  ") == []


def test_clean_collapses_spaces_but_keeps_newlines() -> None:
    assert clean("  a \t b\u00a0\u202fc ") == "a b c"
    assert clean("line one\nline two") == "line one\nline two"
    assert clean(None) == ""
