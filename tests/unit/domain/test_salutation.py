"""The one rule for how a message opens (card, form, recipients table, preview, message)."""

from __future__ import annotations

import pytest

from fiac_press_desk.domain.enums import SalutationStyle
from fiac_press_desk.domain.salutation import salutation_line

FORMAL, INFORMAL = SalutationStyle.FORMAL, SalutationStyle.INFORMAL


@pytest.mark.parametrize(
    ("civility", "given", "family", "style", "language", "expected"),
    [
        ("Mme", "Camille", "Dupont", FORMAL, "fr", "Madame Dupont,"),
        ("M.", "Paul", "Martin", FORMAL, "fr", "Monsieur Martin,"),
        (" m ", "Paul", "Martin", FORMAL, "fr", "Monsieur Martin,"),
        ("Dr", "Hélène", "Lefèvre", FORMAL, "fr", "Docteur Lefèvre,"),
        ("Pr.", "Jean", "Hôpital", FORMAL, "fr", "Professeur Hôpital,"),
        ("Mme", "", "", FORMAL, "fr", "Madame,"),
        # No civility: the full name rather than a « Madame, Monsieur, » to a named person.
        ("", "Hélène", "Lefèvre", FORMAL, "fr", "Bonjour Hélène Lefèvre,"),
        ("", "", "Lefèvre", FORMAL, "fr", "Madame, Monsieur,"),
        ("", "", "", FORMAL, "fr", "Madame, Monsieur,"),
        ("Chère", "Hélène", "Lefèvre", FORMAL, "fr", "Bonjour Hélène Lefèvre,"),
        ("Mme", "Camille", "Roux", INFORMAL, "fr", "Bonjour Camille,"),
        ("Mme", "", "Roux", INFORMAL, "fr", "Madame Roux,"),  # no first name: formal
        ("Mme", "Jane", "Smith", FORMAL, "en", "Dear Ms Smith,"),
        ("Mme", "Jane", "Smith", INFORMAL, "en-GB", "Dear Jane,"),
        ("", "Jane", "Smith", FORMAL, "EN", "Dear Jane Smith,"),
        ("", "", "", FORMAL, "en", "Dear Sir or Madam,"),
    ],
)
def test_salutation_rule(
    civility: str,
    given: str,
    family: str,
    style: SalutationStyle,
    language: str,
    expected: str,
) -> None:
    assert salutation_line(style, civility, given, family, language) == expected


def test_the_stored_value_of_the_style_is_accepted_too() -> None:
    # The recipients plan reads the style as stored (a plain string), the card as the enum.
    assert salutation_line("informal", "", "Camille", "Roux") == "Bonjour Camille,"
    assert salutation_line("formal", "", "Camille", "Roux") == salutation_line(
        FORMAL, "", "Camille", "Roux"
    )
