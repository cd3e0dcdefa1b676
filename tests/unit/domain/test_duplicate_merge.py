"""What a merged contact holds: chosen single values, united lists, opted out wins."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from fiac_press_desk.domain.contact import (
    ContactData,
    EmailAddress,
    Phone,
    PostalAddress,
    WebLink,
)
from fiac_press_desk.domain.duplicate_merge import (
    CHOOSABLE_FIELDS,
    default_choices,
    merge_values,
    suggested_survivor,
)
from fiac_press_desk.domain.enums import ContactKind


def old() -> ContactData:
    return ContactData(
        id=1,
        uid="urn:uuid:old",
        given_name="Éloïse",
        family_name="Lefèvre",
        job_title="Journaliste",
        organization="Le Quotidien",
        emails=[EmailAddress("eloise.lefevre@gmail.com", "home")],
        phones=[Phone("+33612345678", "mobile")],
        addresses=[PostalAddress("work", "12 rue des Lilas", postal_code="75013", city="Paris")],
        urls=[WebLink("https://social.example.org/@eloise", "mastodon")],
        beats=["Santé"],
        tags=["VIP"],
        lists=["Presse nationale"],
        notes="Rencontrée au salon 2019.",
        data_source="Carnet 2019",
        extra_vcard=["X-A:1"],
    )


def new() -> ContactData:
    return ContactData(
        id=2,
        uid="urn:uuid:new",
        given_name="Eloise",
        family_name="Lefevre",
        job_title="",
        organization="Radio Hexagone",
        emails=[
            EmailAddress("ELOISELEFEVRE+cp@gmail.com", "other"),  # the same Gmail mailbox
            EmailAddress("e.lefevre@radio.example.fr", "work"),
        ],
        phones=[Phone("+33612345678", "work"), Phone("+33145678900", "work")],
        addresses=[PostalAddress("home", "12 Rue des Lilas", postal_code="75013", city="PARIS")],
        urls=[WebLink("https://social.example.org/@eloise/", "")],
        beats=["santé", "IA"],
        tags=["vip", "Radio"],
        lists=["Radio"],
        notes="Passée à la radio en 2024.",
        data_source="Import Radio 2024",
        extra_vcard=["X-A:1", "X-B:2"],
    )


def test_default_is_the_most_recently_confirmed_non_empty_value() -> None:
    merged = merge_values([old(), new()], survivor_id=1, order=[2, 1])
    assert (merged.id, merged.uid) == (1, "urn:uuid:old")  # the survivor's identity
    assert (merged.given_name, merged.family_name) == ("Eloise", "Lefevre")  # the newer
    assert merged.organization == "Radio Hexagone"
    assert merged.job_title == "Journaliste"  # the newer has none: the older's


def test_lists_are_united_without_duplicates_newest_first() -> None:
    merged = merge_values([old(), new()], survivor_id=1, order=[2, 1])
    assert [e.value for e in merged.emails] == [
        "ELOISELEFEVRE+cp@gmail.com",
        "e.lefevre@radio.example.fr",
    ]  # eloise.lefevre@gmail.com reaches the same mailbox as the first
    assert [p.value for p in merged.phones] == ["+33612345678", "+33145678900"]
    assert len(merged.addresses) == 1  # one place, whatever its capitals and label
    assert len(merged.urls) == 1  # a trailing slash is the same page
    assert merged.beats == ["santé", "IA"]
    assert merged.tags == ["vip", "Radio"]
    assert merged.lists == ["Radio", "Presse nationale"]
    assert merged.notes == "Passée à la radio en 2024.\n\nRencontrée au salon 2019."
    assert merged.data_source == "Import Radio 2024; Carnet 2019"
    assert merged.extra_vcard == ["X-A:1", "X-B:2"]


def test_choices_pick_a_value_per_field_and_whose_items_come_first() -> None:
    merged = merge_values(
        [old(), new()],
        survivor_id=2,
        order=[2, 1],
        choices={"given_name": 1, "family_name": 1, "emails": 1, "notes": 1},
    )
    assert (merged.id, merged.uid) == (2, "urn:uuid:new")
    assert (merged.given_name, merged.family_name) == ("Éloïse", "Lefèvre")
    assert merged.organization == "Radio Hexagone"
    assert [e.value for e in merged.emails] == [
        "eloise.lefevre@gmail.com",
        "e.lefevre@radio.example.fr",
    ]
    assert merged.notes.startswith("Rencontrée")
    # An empty value can be chosen too: the press officer wants no job title.
    assert merge_values([old(), new()], 1, [2, 1], {"job_title": 2}).job_title == ""


def test_choices_outside_the_merge_are_refused() -> None:
    with pytest.raises(KeyError):
        merge_values([old(), new()], 1, [2, 1], {"given_name": 3})
    with pytest.raises(KeyError):
        merge_values([old(), new()], 1, [2, 1], {"uid": 2})
    with pytest.raises(KeyError):
        merge_values([old(), new()], 3, [2, 1])


def test_default_choices_cover_every_field() -> None:
    chosen = default_choices([old(), new()], [2, 1])
    assert set(chosen) == set(CHOOSABLE_FIELDS)
    assert chosen["job_title"] == 1 and chosen["organization"] == 2
    assert chosen["photo"] == 2  # nobody has one: the first in order


def test_opted_out_wins_with_the_earliest_date_and_its_reason() -> None:
    a, b, c = old(), new(), ContactData(id=3, given_name="Éloïse")
    b.opted_out, b.opted_out_reason = True, "Ne plus écrire"
    b.opted_out_at = datetime(2024, 5, 1, tzinfo=UTC)
    c.opted_out, c.opted_out_reason = True, "Demande RGPD"
    c.opted_out_at = datetime(2022, 3, 1, tzinfo=UTC)
    merged = merge_values([a, b, c], survivor_id=1, order=[1, 2, 3])
    assert merged.opted_out
    assert merged.opted_out_at == datetime(2022, 3, 1, tzinfo=UTC)
    assert merged.opted_out_reason == "Demande RGPD"
    # An opt-out recorded without a date still wins.
    d = ContactData(id=4, opted_out=True, opted_out_reason="Au téléphone")
    undated = merge_values([old(), d], survivor_id=1, order=[1, 4])
    assert undated.opted_out and undated.opted_out_reason == "Au téléphone"
    assert not merge_values([old(), new()], 1, [1, 2]).opted_out


def test_archived_only_if_every_contact_was() -> None:
    a, b = old(), new()
    a.archived = True
    assert not merge_values([a, b], 1, [1, 2]).archived
    b.archived = True
    assert merge_values([a, b], 1, [1, 2]).archived


def test_kind_and_photo_follow_the_choice() -> None:
    a, b = old(), new()
    a.kind, b.kind = ContactKind.PARTNER, ContactKind.JOURNALIST
    a.photo, a.photo_mime = b"\x89PNG", "image/png"
    merged = merge_values([a, b], 2, [2, 1])
    assert merged.kind is ContactKind.JOURNALIST
    assert (merged.photo, merged.photo_mime) == (b"\x89PNG", "image/png")  # b has none
    assert merge_values([a, b], 2, [2, 1], {"photo": 2}).photo is None


def test_suggested_survivor_active_then_oldest() -> None:
    t = [datetime(2020 + i, 1, 1, tzinfo=UTC) for i in range(3)]
    assert suggested_survivor([(5, False, t[2]), (9, False, t[0]), (2, False, t[1])]) == 9
    assert suggested_survivor([(5, False, t[2]), (9, True, t[0])]) == 5
    assert suggested_survivor([(5, False, t[0]), (3, False, t[0])]) == 3
