"""The contact value object and its vocabularies."""

from __future__ import annotations

from fiac_press_desk.domain.contact import ContactData, EmailAddress, Phone, PostalAddress
from fiac_press_desk.domain.enums import ContactKind, OrganisationType


def test_display_name_falls_back_from_names_to_outlet_to_email() -> None:
    assert (
        ContactData(display_name="La Rédac", given_name="A").computed_display_name() == "La Rédac"
    )
    assert ContactData(given_name="Éloïse", family_name="Lefèvre").computed_display_name() == (
        "Éloïse Lefèvre"
    )
    assert ContactData(family_name="Lefèvre").computed_display_name() == "Lefèvre"
    assert ContactData(organization="France Inter").computed_display_name() == "France Inter"
    only_email = ContactData(emails=[EmailAddress("a@example.fr"), EmailAddress("b@example.fr")])
    assert only_email.computed_display_name() == "a@example.fr"
    assert only_email.primary_email == "a@example.fr"
    assert ContactData(phones=[Phone("+33612345678")]).primary_phone == "+33612345678"
    assert ContactData().primary_email == ContactData().primary_phone == ""


def test_postal_address_one_line_and_emptiness() -> None:
    address = PostalAddress("work", "1 rue Pasteur", "Bât. B", "69007", "Lyon", "", "France")
    assert address.one_line() == "1 rue Pasteur, Bât. B, 69007 Lyon, France"
    assert not address.is_empty()
    assert PostalAddress(label="work").is_empty()


def test_enum_values_are_stable_english_words() -> None:
    assert [k.value for k in ContactKind] == ["journalist", "partner", "other"]
    assert OrganisationType.DAILY_PRESS.is_media
    assert OrganisationType.AGENCY.is_media
    assert not OrganisationType.HOSPITAL.is_media
    assert not OrganisationType.RESEARCH_INSTITUTE.is_media
