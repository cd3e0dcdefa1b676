"""Matching keys of the duplicate finder: mailboxes, mobiles, names and their scores."""

from __future__ import annotations

import pytest

from fiac_press_desk.domain.duplicate_keys import (
    CLOSE_NAME_DOMAIN,
    CLOSE_NAME_ORGANISATION,
    NAME_DOMAIN,
    NAME_ORGANISATION,
    combined_score,
    email_domain,
    identifier_score,
    initial_matches,
    is_public_domain,
    is_role_mailbox,
    mailbox_key,
    name_distance,
    name_score,
    names_conflict,
    person_name,
    phone_kind,
)


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Jean.Dupont@Example.fr", "jean.dupont@example.fr"),  # case, everywhere
        ("jean.dupont@gmail.com", "jeandupont@gmail.com"),  # Gmail: dots
        ("j.e.a.n.dupont@gmail.com", "jeandupont@gmail.com"),
        ("jeandupont+presse@gmail.com", "jeandupont@gmail.com"),  # Gmail: +tag
        ("Jean.Dupont+cp2024@GoogleMail.com", "jeandupont@gmail.com"),  # googlemail = gmail
    ],
)
def test_same_mailbox(one: str, other: str) -> None:
    assert mailbox_key(one) == mailbox_key(other)


@pytest.mark.parametrize(
    ("one", "other"),
    [
        # Elsewhere the dots are part of the name: two people of one newsroom.
        ("jean.dupont@lequotidien.example.fr", "jeandupont@lequotidien.example.fr"),
        # and "+" is an ordinary character of the address.
        ("jean+presse@lequotidien.example.fr", "jean@lequotidien.example.fr"),
        ("jean.dupont@gmail.com", "jean.dupond@gmail.com"),
        ("jeandupont@gmail.com", "jeandupont@gmail.fr"),
    ],
)
def test_different_mailboxes(one: str, other: str) -> None:
    assert mailbox_key(one) != mailbox_key(other)


def test_domains() -> None:
    assert email_domain("Jean@Radio.Example.FR") == "radio.example.fr"
    assert is_public_domain("gmail.com") and is_public_domain("orange.fr")
    assert not is_public_domain("lemonde.fr")


@pytest.mark.parametrize(
    ("value", "label", "kind"),
    [
        ("+33612345678", "work", "mobile"),  # the number says mobile, whatever the label
        ("+33712345678", "", "mobile"),
        ("+33145678900", "mobile", "landline"),  # a Paris line, even labelled mobile
        ("+33970000000", "", "landline"),
        ("+33145678900", "fax", "fax"),
        ("+447911123456", "", "mobile"),  # UK mobile, through phonenumbers
        ("+442079460000", "mobile", "landline"),  # London line
        ("+12025550143", "cell", "mobile"),  # North America: the number does not say
        ("+12025550143", "work", "landline"),
        ("standard 12", "portable", "mobile"),  # kept as typed: the label decides
        ("standard 12", "", "landline"),
    ],
)
def test_phone_kind(value: str, label: str, kind: str) -> None:
    assert phone_kind(value, label) == kind


def test_person_names_fold_accents_case_and_hyphens() -> None:
    a = person_name("Hélène", "Lefèvre-Dupré")
    b = person_name("HELENE", "lefevre dupre")
    assert a == b and a.tokens == ("helene", "lefevre", "dupre")
    assert a.key == b.key
    # given and family swapped: the same key
    assert person_name("Lefèvre", "Hélène").key == person_name("Hélène", "Lefèvre").key
    # a display name alone: given names, then the family name
    shown = person_name("", "", "Jean-Pierre Martin")
    assert (shown.given, shown.family) == (("jean", "pierre"), ("martin",))
    assert person_name("", "", "Martin").is_full is False


@pytest.mark.parametrize(
    ("a", "b", "edits"),
    [
        (("Jean", "Dupont"), ("Jean", "Dupont"), 0),
        (("Jean", "Dupont"), ("Jean", "Dupond"), 1),  # a letter changed
        (("Jean", "Dupont"), ("Jean", "Dupnot"), 1),  # two letters swapped
        (("Jean", "Dupont"), ("Jean", "Dupontt"), 1),  # a letter too many
        (("Jean", "Dupont"), ("Dupont", "Jean"), 0),  # given and family swapped
        (("Jean", "Dupont"), ("Dupond", "Jean"), 1),  # swapped, with a slip
        (("Jean-Pierre", "Dupont"), ("Jean Pierre", "Dupont"), 0),  # hyphen for a space
        (("Jean-Pierre", "Dupont"), ("Jeanpierre", "Dupont"), 1),  # hyphen dropped
        (("Éloïse", "Lefèvre"), ("Eloise", "Lefevre"), 0),  # accents dropped
        (("Marc", "Dupont"), ("Marie", "Dupont"), 2),
    ],
)
def test_name_distance(a: tuple[str, str], b: tuple[str, str], edits: int) -> None:
    assert name_distance(person_name(*a), person_name(*b)) == edits


def test_name_scores_at_an_organisation_and_a_domain() -> None:
    jean = person_name("Jean", "Dupont")
    assert name_score(jean, person_name("jean", "DUPONT"), same_organisation=True) == (
        NAME_ORGANISATION,
        85,
    )
    assert name_score(jean, person_name("Dupont", "Jean"), same_organisation=True) == (
        NAME_ORGANISATION,
        85,
    )
    assert name_score(jean, person_name("Jean", "Dupond"), same_organisation=True) == (
        CLOSE_NAME_ORGANISATION,
        70,
    )
    assert name_score(jean, person_name("Jean", "Dupond"), same_organisation=False) == (
        CLOSE_NAME_DOMAIN,
        60,
    )
    assert name_score(jean, person_name("Jean", "Dupont"), same_organisation=False) == (
        NAME_DOMAIN,
        75,
    )
    # "J. Dupont" is Jean Dupont's initial.
    assert name_score(person_name("J.", "Dupont"), jean, same_organisation=True) == (
        CLOSE_NAME_ORGANISATION,
        70,
    )
    # Two edits apart is another name when the names are short ...
    assert name_score(jean, person_name("Jeanne", "Dupont"), same_organisation=True) is None
    assert (
        name_score(
            person_name("Marc", "Dupont"), person_name("Marie", "Dupont"), same_organisation=True
        )
        is None
    )
    # ... and still a slip in a long one.
    long_a = person_name("Marie-Christine", "Lefèvre-Dupré")
    long_b = person_name("Marie-Christine", "Lefèbre-Dupre")  # accent dropped, one letter
    assert name_score(long_a, long_b, same_organisation=True) == (CLOSE_NAME_ORGANISATION, 70)
    assert name_score(
        long_a, person_name("Marie-Christine", "Lefebre-Dupret"), same_organisation=True
    ) == (
        CLOSE_NAME_ORGANISATION,
        60,
    )
    # Names that are not full say nothing.
    assert name_score(person_name("", "Dupont"), jean, same_organisation=True) is None


def test_initials() -> None:
    assert initial_matches(person_name("J", "Dupont"), person_name("Jean", "Dupont"))
    assert not initial_matches(person_name("M", "Dupont"), person_name("Jean", "Dupont"))
    assert not initial_matches(person_name("J", "Dupont"), person_name("Jean", "Durand"))


def test_names_conflict_only_when_both_full_and_nothing_shared() -> None:
    jean = person_name("Jean", "Dupont")
    assert names_conflict(jean, person_name("Anne", "Morel"))  # a couple's or a desk's mailbox
    assert not names_conflict(jean, person_name("Anne", "Dupont"))  # a shared word
    assert not names_conflict(jean, person_name("Jean", "Morel"))  # a new family name
    assert not names_conflict(jean, person_name("Jaen", "Dupotn"))  # slips, no word shared
    assert not names_conflict(jean, person_name("", ""))  # nothing to compare
    assert not names_conflict(jean, person_name("", "", "Morel"))


def test_identifier_scores_and_their_combination() -> None:
    jean = person_name("Jean", "Dupont")
    assert identifier_score("email", jean, person_name("Dupont", "Jean")) == 95
    assert identifier_score("email", jean, person_name("", "")) == 90
    assert identifier_score("mobile", jean, jean) == 90
    assert identifier_score("mobile", jean, person_name("Jean", "Dupond")) == 85
    assert combined_score([95]) == 95
    assert combined_score([95, 85]) == 99  # two independent reasons: surer than either
    assert combined_score([60, 60]) == 84
    assert combined_score([100, 50]) == 100


def test_role_mailboxes_are_a_desks() -> None:
    assert is_role_mailbox("Redaction@quotidien.example.fr")
    assert is_role_mailbox("rédaction+cp@quotidien.example.fr")
    assert is_role_mailbox("presse@radio.example.fr")
    assert not is_role_mailbox("jean.dupont@quotidien.example.fr")
    assert not is_role_mailbox("contact.dupont@quotidien.example.fr")
