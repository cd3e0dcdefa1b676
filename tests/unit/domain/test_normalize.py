"""Emails and phone numbers: the keys duplicates are matched on, so every shape must agree."""

from __future__ import annotations

import pytest

from fiac_press_desk.domain.errors import ValidationError
from fiac_press_desk.domain.normalize import (
    display_phone,
    email_key,
    national_phone,
    normalize_email,
    normalize_phone,
    phone_digits,
)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("jean.dupont@example.fr", "jean.dupont@example.fr"),
        ("  Jean.Dupont@EXAMPLE.FR  ", "Jean.Dupont@example.fr"),  # local part keeps its case
        ("<presse@Example.org>", "presse@example.org"),
        ("mailto:Presse@Example.ORG", "Presse@example.org"),
        ("élodie.martin@example.fr", "élodie.martin@example.fr"),  # internationalised local part
        ("x@Bücher.example", "x@bücher.example"),
        ("o'brien+press@example.com", "o'brien+press@example.com"),
    ],
)
def test_normalize_email_accepts_and_normalises(raw: str, expected: str) -> None:
    assert normalize_email(raw) == expected


@pytest.mark.parametrize(
    "raw", ["bad@", "@example.fr", "a b@example.fr", "a@@example.fr", "a@example", "plainaddress"]
)
def test_normalize_email_rejects_with_field_and_value(raw: str) -> None:
    with pytest.raises(ValidationError) as info:
        normalize_email(raw, "emails[2]")
    assert info.value.field == "emails[2]"
    assert info.value.code == "bad_email"
    assert raw.strip() in info.value.message


def test_normalize_email_empty_is_required() -> None:
    with pytest.raises(ValidationError) as info:
        normalize_email("   ", "email")
    assert (info.value.field, info.value.code) == ("email", "required")


def test_email_key_ignores_case_and_spaces() -> None:
    assert email_key(" Jean.Dupont@Example.fr ") == email_key("jean.dupont@example.fr")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("06 12 34 56 78", "+33612345678"),
        ("06.12.34.56.78", "+33612345678"),
        ("06-12-34-56-78", "+33612345678"),
        ("0612345678", "+33612345678"),
        ("+33 6 12 34 56 78", "+33612345678"),
        ("+33 (0)6 12 34 56 78", "+33612345678"),
        ("0033 6 12 34 56 78", "+33612345678"),
        ("01\u00a040\u00a000\u00a000\u00a000", "+33140000000"),  # non-breaking spaces
        ("+1 212 555 0100", "+12125550100"),
        ("+32 2 123 45 67", "+3221234567"),
        ("+44 20 7946 0958 ext. 12", "+442079460958;ext=12"),
        ("01 40 00 00 00 poste 12", "+33140000000;ext=12"),
    ],
)
def test_normalize_phone_gives_e164(raw: str, expected: str) -> None:
    assert normalize_phone(raw) == expected


@pytest.mark.parametrize("raw", ["12", "0612", "3615 code"])
def test_normalize_phone_keeps_what_it_cannot_parse_as_typed(raw: str) -> None:
    assert normalize_phone(f"  {raw} ") == raw


@pytest.mark.parametrize("raw", ["n/a", "inconnu", "---"])
def test_normalize_phone_without_digits_is_refused(raw: str) -> None:
    with pytest.raises(ValidationError) as info:
        normalize_phone(raw, "phones[1]")
    assert (info.value.field, info.value.code) == ("phones[1]", "bad_phone")
    assert raw in info.value.message


def test_normalize_phone_empty_is_required() -> None:
    with pytest.raises(ValidationError) as info:
        normalize_phone(" ")
    assert info.value.code == "required"


def test_display_phone_reads_like_a_french_number() -> None:
    assert display_phone("+33612345678") == "06 12 34 56 78"
    assert display_phone("+12125550100").startswith("+1 212")
    assert display_phone("+33140000000;ext=12") == "01 40 00 00 00 poste 12"
    assert display_phone("0612") == "0612"  # kept as typed stays as typed


@pytest.mark.parametrize("prefix", ["1", "4", "6", "7", "9", "800", "809", "810", "825", "899"])
def test_french_numbers_read_as_phonenumbers_writes_them_without_importing_it(
    prefix: str,
) -> None:
    """The contacts table shows thousands of numbers: French ones (08 ranges included) are
    written by the fast path, as phonenumbers writes them, and phonenumbers (25 ms to
    import) is not needed to show the first rows."""
    import phonenumbers

    from fiac_press_desk.domain import normalize

    for tail in ("12345678", "00000000", "98765432", "20282028"):
        value = ("+33" + prefix + tail)[:12]
        parsed = phonenumbers.parse(value, None)
        expected = phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.NATIONAL)
        assert display_phone(value) == expected
    normalize._display_phone.cache_clear()
    display_phone(("+33" + prefix + "13572468")[:12])
    assert normalize._display_phone.cache_info().misses == 0  # the fast path answered


def test_display_phone_leaves_unparsed_text_alone() -> None:
    # Letters would otherwise be read as keypad digits by phonenumbers.
    assert display_phone("+33 1 40 standard") == "+33 1 40 standard"


def test_digits_and_national_forms_for_search() -> None:
    assert phone_digits("+33 6 12-34") == "3361234"
    assert national_phone("+33612345678") == "0612345678"
    assert national_phone("+12125550100") == "2125550100"
    assert national_phone("+442079460958;ext=12") == "02079460958"
    assert national_phone("3615 code") == "3615"


def test_display_phone_fast_path_agrees_with_phonenumbers() -> None:
    import random

    import phonenumbers

    rng = random.Random(33)
    for _ in range(2000):
        value = f"+33{rng.randint(1, 9)}{rng.randint(0, 99_999_999):08d}"
        number = phonenumbers.parse(value, None)
        expected = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
        assert display_phone(value) == expected, value


def test_invalid_email_is_explained_in_the_current_language() -> None:
    import pytest

    from fiac_press_desk.domain.errors import ValidationError
    from fiac_press_desk.domain.messages import set_language
    from fiac_press_desk.domain.normalize import normalize_email

    with pytest.raises(ValidationError) as caught:
        normalize_email("jean@example", "emails[0]")
    assert caught.value.message == (
        "Adresse électronique invalide : « jean@example » (le domaine doit contenir un point)."
    )
    set_language("en")
    try:
        assert "It should have a period" in caught.value.message
    finally:
        set_language("fr")
