"""'Not a duplicate' holds for imports: a record matched by name and organisation only is not
proposed as the duplicate of a contact marked distinct from the one the record also is."""

from __future__ import annotations

from fiac_press_desk.domain.contact import ContactData, EmailAddress, Phone
from fiac_press_desk.domain.enums import Decision, MatchKind
from fiac_press_desk.interchange.pipeline import apply_plan, build_plan
from fiac_press_desk.interchange.records import ImportRecord, SourcePlace
from fiac_press_desk.services import Services


def rec(line: int, **values: object) -> ImportRecord:
    return ImportRecord(ContactData(**values), SourcePlace("in.vcf", line=line))  # type: ignore[arg-type]


def two_jean_dupont(services: Services) -> tuple[int, int]:
    """Two people of one name at one newsroom (the press officer knows them apart)."""
    first = services.contacts.create(
        ContactData(
            given_name="Jean",
            family_name="Dupont",
            organization="Le Quotidien",
            emails=[EmailAddress("jean.dupont@lequotidien.fr")],
        )
    )
    second = services.contacts.create(
        ContactData(
            given_name="Jean",
            family_name="Dupont",
            organization="Le Quotidien",
            emails=[EmailAddress("jdupont.sport@lequotidien.fr")],
            phones=[Phone("06 11 22 33 44", "mobile")],
        )
    )
    return first, second


def plan(services: Services, *records: ImportRecord):  # type: ignore[no-untyped-def]
    return build_plan(
        services, list(records), sources=["in.vcf"], format="vcard", on_duplicate="update"
    )


def test_without_a_mark_a_name_match_is_a_probable_duplicate(services: Services) -> None:
    first, _second = two_jean_dupont(services)
    item = plan(
        services, rec(1, given_name="Jean", family_name="DUPONT", organization="le quotidien")
    ).items[0]
    assert (item.kind, item.existing_id, item.match_key) == (MatchKind.DUPLICATE, first, "name")


def test_a_name_shared_by_two_people_marked_distinct_is_not_proposed(services: Services) -> None:
    first, second = two_jean_dupont(services)
    services.duplicates.mark_not_duplicate([first, second])
    made = plan(
        services, rec(1, given_name="Jean", family_name="Dupont", organization="Le Quotidien")
    )
    item = made.items[0]
    assert (item.kind, item.decision, item.existing_id) == (MatchKind.NEW, Decision.CREATE, None)
    assert item.remarks == [
        f"même nom et organisme que Jean Dupont (contact n° {first}), mais aussi que Jean "
        f"Dupont (contact n° {second}), marqué « pas un doublon » de lui : pas proposé comme "
        "doublon"
    ]
    result = apply_plan(services, made)
    assert (result.created, result.updated) == (1, 0)
    # Neither stored Jean Dupont was touched by the import.
    assert services.contacts.get(first).phones == []


def test_a_record_holding_the_other_ones_mobile_is_not_proposed_as_the_first(
    services: Services,
) -> None:
    first = services.contacts.create(
        ContactData(given_name="Anne", family_name="Martin", organization="Radio Sud")
    )
    other = services.contacts.create(
        ContactData(
            given_name="Anne-Sophie",
            family_name="Martin",
            organization="Radio Nord",
            phones=[Phone("06 55 44 33 22", "mobile")],
        )
    )
    services.duplicates.mark_not_duplicate([first, other])
    item = plan(
        services,
        rec(
            1,
            given_name="Anne",
            family_name="Martin",
            organization="Radio Sud",
            phones=[Phone("0655443322", "mobile")],
        ),
    ).items[0]
    assert item.kind is MatchKind.NEW and item.existing_id is None
    assert f"contact n° {other}" in item.remarks[-1]


def test_an_email_match_stays_certain_whatever_the_marks(services: Services) -> None:
    first, second = two_jean_dupont(services)
    services.duplicates.mark_not_duplicate([first, second])
    item = plan(
        services,
        rec(
            1,
            given_name="Jean",
            family_name="Dupont",
            organization="Le Quotidien",
            emails=[EmailAddress("JDupont.Sport@lequotidien.fr")],
        ),
    ).items[0]
    assert (item.kind, item.existing_id, item.match_key) == (MatchKind.DUPLICATE, second, "email")


def test_forgetting_the_mark_brings_the_proposal_back(services: Services) -> None:
    first, second = two_jean_dupont(services)
    pairs = services.duplicates.mark_not_duplicate([first, second])
    services.duplicates.forget_not_duplicate(pairs)
    item = plan(
        services, rec(1, given_name="Jean", family_name="Dupont", organization="Le Quotidien")
    ).items[0]
    assert (item.kind, item.existing_id) == (MatchKind.DUPLICATE, first)
