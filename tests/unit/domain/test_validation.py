"""Validation names the field that is wrong and normalises what is right."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from fiac_press_desk.domain.contact import (
    ContactData,
    EmailAddress,
    OrganisationData,
    Phone,
    PostalAddress,
    WebLink,
)
from fiac_press_desk.domain.enums import ContactKind, OrganisationType
from fiac_press_desk.domain.errors import ValidationError
from fiac_press_desk.domain.messages import set_language
from fiac_press_desk.domain.validation import (
    MAX_NOTES,
    MAX_SHORT,
    normalize_birthday,
    validate_contact,
    validate_organisation,
)


def _error(data: ContactData) -> ValidationError:
    with pytest.raises(ValidationError) as info:
        validate_contact(data)
    return info.value


def test_valid_contact_is_normalised() -> None:
    data = ContactData(
        kind="partner",  # type: ignore[arg-type]  # a plain string from a form or a file
        civility=" Mme ",
        given_name="  Éloïse ",
        family_name="Lefèvre\u00a0 Martin",
        organization=" Le Monde ",
        emails=[
            EmailAddress(" Eloise@EXAMPLE.fr ", "work"),
            EmailAddress("eloise@example.FR", "home"),  # same mailbox: kept once
            EmailAddress("   ", "empty"),  # blank rows are dropped, not refused
        ],
        phones=[Phone("06 12 34 56 78", "mobile"), Phone("+33612345678"), Phone("")],
        addresses=[PostalAddress("work", " 1 rue Pasteur ", city=" Lyon "), PostalAddress()],
        urls=[WebLink(" https://example.org ", "website"), WebLink("  ")],
        beats=["santé", "Santé", " IA "],
        tags=["VIP", "vip", ""],
        lists=["Presse nationale"],
        language=" FR ",
        notes="  note  ",
        birthday="31/01/1980",
    )
    clean = validate_contact(data)
    assert clean.kind is ContactKind.PARTNER
    assert (clean.civility, clean.given_name, clean.family_name) == (
        "Mme",
        "Éloïse",
        "Lefèvre Martin",
    )
    assert clean.organization == "Le Monde"
    assert [(e.value, e.label) for e in clean.emails] == [("Eloise@example.fr", "work")]
    assert [(p.value, p.label) for p in clean.phones] == [("+33612345678", "mobile")]
    assert len(clean.addresses) == 1
    assert (clean.addresses[0].street, clean.addresses[0].city) == ("1 rue Pasteur", "Lyon")
    assert [u.value for u in clean.urls] == ["https://example.org"]
    assert clean.beats == ["santé", "IA"]
    assert clean.tags == ["VIP"]
    assert clean.language == "fr"
    assert clean.notes == "note"
    assert clean.birthday == "1980-01-31"


def test_input_is_not_modified() -> None:
    data = ContactData(given_name=" A ", emails=[EmailAddress(" a@EXAMPLE.fr ")])
    validate_contact(data)
    assert data.given_name == " A "
    assert data.emails[0].value == " a@EXAMPLE.fr "


@pytest.mark.parametrize(
    "data",
    [
        ContactData(given_name="Camille"),
        ContactData(family_name="Martin"),
        ContactData(display_name="Rédaction santé"),
        ContactData(organization="France Inter"),
        ContactData(emails=[EmailAddress("redaction@example.fr")]),
    ],
)
def test_one_name_or_organisation_or_email_is_enough(data: ContactData) -> None:
    validate_contact(data)


def test_empty_name_organisation_and_email_is_refused() -> None:
    error = _error(ContactData(phones=[Phone("0612345678")], notes="only a phone"))
    assert error.code == "name_or_org_or_email"
    assert error.field == "family_name"


def test_blank_strings_count_as_empty() -> None:
    error = _error(ContactData(given_name="  ", organization="\u00a0", emails=[EmailAddress(" ")]))
    assert error.code == "name_or_org_or_email"


def test_bad_email_names_its_position() -> None:
    error = _error(
        ContactData(
            given_name="Camille",
            emails=[EmailAddress("ok@example.fr"), EmailAddress("pas-une-adresse")],
        )
    )
    assert error.field == "emails[1]"
    assert error.code == "bad_email"
    assert "pas-une-adresse" in str(error)


def test_bad_phone_names_its_position() -> None:
    error = _error(ContactData(given_name="Camille", phones=[Phone("n/a")]))
    assert (error.field, error.code) == ("phones[0]", "bad_phone")


@pytest.mark.parametrize("birthday", ["2024-02-30", "1980-13-01", "abc", "31/13/1980", "32.01"])
def test_bad_birthday(birthday: str) -> None:
    error = _error(ContactData(given_name="Camille", birthday=birthday))
    assert (error.field, error.code) == ("birthday", "bad_date")
    assert birthday in error.message


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("1980-01-31", "1980-01-31"),
        ("19800131", "1980-01-31"),
        ("1980-01-31T00:00:00Z", "1980-01-31"),
        ("--01-31", "--01-31"),
        ("--0131", "--01-31"),
        ("1604-01-31", "--01-31"),  # Apple's "year unknown"
        ("31/01/1980", "1980-01-31"),
        ("1.2.1980", "1980-02-01"),
        ("29/02", "--02-29"),
        ("", ""),
    ],
)
def test_birthday_shapes(raw: str, expected: str) -> None:
    assert normalize_birthday(raw) == expected


@pytest.mark.parametrize(
    ("field", "value"),
    [("kind", "journaliste"), ("lawful_basis", "because"), ("salutation", "yo")],
)
def test_unknown_enum_value_is_refused(field: str, value: str) -> None:
    data = ContactData(given_name="Camille")
    setattr(data, field, value)
    error = _error(data)
    assert (error.field, error.code) == (field, "bad_choice")


def test_too_long_fields() -> None:
    error = _error(ContactData(given_name="x" * (MAX_SHORT + 1)))
    assert (error.field, error.code) == ("given_name", "too_long")
    error = _error(ContactData(given_name="x", notes="n" * (MAX_NOTES + 1)))
    assert error.field == "notes"
    error = _error(ContactData(given_name="x", tags=["ok", "t" * 300]))
    assert error.field == "tags[1]"
    error = _error(ContactData(given_name="x", emails=[EmailAddress("a@example.fr", "l" * 300)]))
    assert error.field == "emails[0].label"


def test_opt_out_details_only_kept_when_opted_out() -> None:
    at = datetime(2024, 2, 1, tzinfo=UTC)
    kept = validate_contact(
        ContactData(given_name="A", opted_out=True, opted_out_at=at, opted_out_reason=" stop ")
    )
    assert (kept.opted_out, kept.opted_out_at, kept.opted_out_reason) == (True, at, "stop")
    dropped = validate_contact(
        ContactData(given_name="A", opted_out=False, opted_out_at=at, opted_out_reason="stop")
    )
    assert (dropped.opted_out_at, dropped.opted_out_reason) == (None, "")


def test_messages_follow_the_chosen_language() -> None:
    data = ContactData(given_name="A", emails=[EmailAddress("bad@")])
    assert "Adresse électronique invalide" in _error(data).message
    set_language("en")
    try:
        assert "Invalid email address" in _error(data).message
    finally:
        set_language("fr")


def test_organisation_validation() -> None:
    clean = validate_organisation(
        OrganisationData(
            name="  Le   Monde ",
            kind="daily_press",  # type: ignore[arg-type]
            email=" Redaction@LEMONDE.example ",
            phone="01 40 00 00 00",
        )
    )
    assert clean.name == "Le Monde"
    assert clean.kind is OrganisationType.DAILY_PRESS
    assert clean.email == "Redaction@lemonde.example"
    assert clean.phone == "+33140000000"


@pytest.mark.parametrize(
    ("data", "field", "code"),
    [
        (OrganisationData(name="  "), "name", "required"),
        (OrganisationData(name="X", kind="newspaper"), "kind", "bad_choice"),  # type: ignore[arg-type]
        (OrganisationData(name="X", email="nope"), "email", "bad_email"),
        (OrganisationData(name="X", phone="standard"), "phone", "bad_phone"),
    ],
)
def test_organisation_refused(data: OrganisationData, field: str, code: str) -> None:
    with pytest.raises(ValidationError) as info:
        validate_organisation(data)
    assert (info.value.field, info.value.code) == (field, code)


_TRICKY_WORDS = [
    " Santé ",
    "santé",
    "SANTE",
    "Sant\u00e9\u00a0 publique",
    "sant\u00e9\tpublique",
    "\u202f",
    "",
    "Œnologie",
    "oenologie",
    "IA",
    "i a",
]


def test_words_cached_per_value_give_what_clean_and_name_key_give() -> None:
    """Beats, tags and lists keep the first spelling of each name key, cleaned; the cache
    of cleaned words must not change that, on the first call or on the next ones."""
    from fiac_press_desk.domain.text import clean, name_key

    expected: list[str] = []
    seen: set[str] = set()
    for value in _TRICKY_WORDS:
        text = clean(value)
        if name_key(text) and name_key(text) not in seen:
            seen.add(name_key(text))
            expected.append(text)
    for _ in range(2):  # the second pass is answered from the cache
        data = ContactData(given_name="x", beats=list(_TRICKY_WORDS), tags=_TRICKY_WORDS[::-1])
        result = validate_contact(data)
        assert result.beats == expected == ["Santé", "Santé publique", "Œnologie", "IA", "i a"]
        assert result.tags[0] == "i a" and "SANTE" in result.tags


def test_a_too_long_word_is_refused_each_time() -> None:
    for position in (0, 1):  # also when the cache already knows the value
        tags = ["ok", "t" * 300] if position else ["t" * 300]
        error = _error(ContactData(given_name="x", tags=tags))
        assert (error.field, error.code) == (f"tags[{position}]", "too_long")


def test_beats_tags_and_lists_from_the_cache_are_the_contacts_own() -> None:
    """The cached cleaning of beats, tags and lists gives the uncached answer, a list of each
    contact's own, and still refuses an over-long word each time, naming its place."""
    data = ContactData(family_name="Durand", beats=[" IA ", "ia", "Santé"], tags=["VIP"])
    first, second = validate_contact(data), validate_contact(data)
    assert first.beats == second.beats == ["IA", "Santé"]
    assert first.tags == ["VIP"] and first.lists == []
    first.beats.append("changed")
    assert second.beats == ["IA", "Santé"] == validate_contact(data).beats
    for _ in range(2):
        with pytest.raises(ValidationError) as raised:
            validate_contact(ContactData(family_name="Durand", tags=["VIP", "x" * 300]))
        assert raised.value.field == "tags[1]"
