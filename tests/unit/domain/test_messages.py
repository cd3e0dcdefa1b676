"""Messages from below the window: every code speaks French and English."""

from __future__ import annotations

import string

from fiac_press_desk.domain.errors import ConflictError, NotFoundError, ValidationError
from fiac_press_desk.domain.messages import CATALOGUE, current_language, render, set_language


def test_every_code_has_both_languages_with_the_same_placeholders() -> None:
    for code, entry in CATALOGUE.items():
        assert set(entry) == {"fr", "en"}, code
        fields = [
            {name for _, name, _, _ in string.Formatter().parse(entry[lang]) if name}
            for lang in ("fr", "en")
        ]
        assert fields[0] == fields[1], code


def test_language_switch() -> None:
    set_language("en_GB")
    try:
        assert current_language() == "en"
        assert render("required") == "This field is required."
    finally:
        set_language("fr")
    assert render("required") == "Ce champ est obligatoire."
    assert render("no-such-code") == "no-such-code"


def test_errors_carry_field_code_and_message() -> None:
    error = ValidationError("emails[0]", "bad_email", value="x", reason="no @")
    assert (error.field, error.code, error.params) == (
        "emails[0]",
        "bad_email",
        {"value": "x", "reason": "no @"},
    )
    assert str(error) == "emails[0]: Adresse électronique invalide : « x » (no @)."
    conflict = ConflictError("name", "duplicate_name", value="VIP")
    assert str(conflict) == "name: « VIP » existe déjà."
    assert "Contact n° 7" in str(NotFoundError("Contact", 7))
