"""The contact-record gateway: every path in and out of the database gives the same contact."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from fiac_press_desk.domain.contact import (
    ContactData,
    EmailAddress,
    Phone,
    PostalAddress,
    WebLink,
)
from fiac_press_desk.domain.contact_fields import own_fields
from fiac_press_desk.domain.enums import ContactKind, LawfulBasis, SalutationStyle
from fiac_press_desk.domain.gdpr import CollectedVia
from fiac_press_desk.services import Services
from fiac_press_desk.storage.contact_record import (
    AS_STORED,
    CONVERTED,
    Resolver,
    build_search_text,
    insert_contacts,
    read_contacts,
    read_values,
    search_text_of,
    search_text_parts,
    sort_name_of,
    to_data,
)
from fiac_press_desk.storage.models import Contact


def full_contact(**changes: object) -> ContactData:
    """A contact with a value in every field the gateway stores."""
    values: dict[str, object] = {
        "kind": ContactKind.PARTNER,
        "civility": "Mme",
        "given_name": "Éloïse",
        "family_name": "Lefèvre",
        "display_name": "Éloïse Lefèvre (Le Monde)",
        "additional_names": "Marie",
        "name_prefix": "Dr",
        "name_suffix": "PhD",
        "job_title": "Reporter",
        "role": "Santé",
        "organization": "Le Monde",
        "department": "Sciences",
        "emails": [EmailAddress("eloise@example.fr", "work"), EmailAddress("e@example.org")],
        "phones": [Phone("+33612345678", "mobile"), Phone("0140000000 standard", "work")],
        "addresses": [
            PostalAddress(
                "work", "1 rue Pasteur", "Bât. B", "69007", "Lyon", "AURA", "France", "BP 3"
            ),
            PostalAddress("home", city="Paris"),
        ],
        "urls": [WebLink("https://example.org/@eloise", "mastodon")],
        "beats": ["Oncologie", "IA"],
        "tags": ["VIP", "Santé"],
        "lists": ["Presse nationale", "Agences"],
        "language": "en",
        "notes": "Préfère les courriels.\nPas le lundi.",
        "birthday": "--03-14",
        "photo": b"\x89PNG\r\n",
        "photo_mime": "image/png",
        "lawful_basis": LawfulBasis.CONSENT,
        "data_source": "Salon 2024",
        "opted_out": True,
        "opted_out_at": datetime(2024, 2, 1, 9, tzinfo=UTC),
        "opted_out_reason": "Ne souhaite plus.",
        "archived": True,
        "salutation": SalutationStyle.INFORMAL,
        "uid": "urn:uuid:eloise",
        "extra_vcard": ["X-SOCIALPROFILE;TYPE=x:https://x.example/eloise"],
    }
    values.update(changes)
    return ContactData(**values)  # type: ignore[arg-type]


def test_every_field_is_stored_somewhere() -> None:
    """Each field of ContactData is named by the gateway, once: a column as it is, a column
    converted, or a place of its own."""
    own_places = {"id", "uid", "organization", "photo", "created_at", "updated_at"}
    parts = {"emails", "phones", "addresses", "urls", "tags", "lists"}
    named = [*AS_STORED, *CONVERTED, *own_places, *parts]
    assert sorted(named) == sorted(ContactData.__dataclass_fields__)
    assert {spec.name for spec in own_fields(ContactData)} <= set(AS_STORED)


@pytest.mark.parametrize("bulk", [False, True])
def test_the_bulk_read_gives_what_the_orm_gives(services: Services, bulk: bool) -> None:
    create = services.contacts.create_many if bulk else None
    people = [full_contact(), ContactData(organization="France Inter")]
    ids = create(people) if create else [services.contacts.create(p) for p in people]
    with services.db.session() as session:
        expected = [to_data(session.get(Contact, cid)) for cid in ids]  # type: ignore[arg-type]
    with services.db.engine.connect() as conn:
        read = list(read_contacts(conn, [*ids, 999, ids[0]], photo=True, timestamps=True))
    assert read == [*expected, expected[0]]  # in the order asked, unknown ids left out
    assert read[0].data_source == "Salon 2024" and read[0].photo == b"\x89PNG\r\n"
    assert services.contacts.get_many(ids) == expected
    with services.db.engine.connect() as conn:
        bare = next(read_contacts(conn, [ids[0]]))
    assert (bare.photo, bare.created_at, bare.updated_at) == (None, None, None)


def test_read_values_gives_plain_values_in_the_order_asked(services: Services) -> None:
    cid = services.contacts.create(full_contact())
    other = services.contacts.create(ContactData(given_name="Bruno"))
    with services.db.engine.connect() as conn:
        (row,) = read_values(
            conn, [cid], ["emails", "kind", "beats", "organization", "addresses", "tags"]
        )
        assert list(read_values(conn, [cid, cid], ["given_name"])) == [("Éloïse",)] * 2
        assert list(read_values(conn, [other, cid], ["id"])) == [(other,), (cid,)]
        assert list(read_values(conn, [other, cid, 999], ["id"], in_order=False)) == [
            (cid,),
            (other,),
        ]
        with pytest.raises(KeyError, match="not a stored contact field: nickname"):
            list(read_values(conn, [cid], ["nickname"]))
    emails, kind, beats, organization, addresses, tags = row
    assert emails == (("eloise@example.fr", "work"), ("e@example.org", ""))
    assert kind is ContactKind.PARTNER and beats == ("Oncologie", "IA")
    assert organization == "Le Monde" and tags == ("Santé", "VIP")
    assert addresses[0] == (
        "work",
        "1 rue Pasteur",
        "Bât. B",
        "69007",
        "Lyon",
        "AURA",
        "France",
        "BP 3",
    )


def test_both_write_paths_store_the_same_search_words_and_name_key(services: Services) -> None:
    one = services.contacts.create(full_contact(uid="urn:one"))
    (many,) = services.contacts.create_many([full_contact(uid="urn:many")])
    with services.db.session() as session:
        stored = {
            cid: (text, name)
            for cid, text, name in session.execute(
                select(Contact.id, Contact.search_text, Contact.sort_name)
            )
        }
    assert stored[one] == stored[many]
    data = services.contacts.get(one)  # its tags come back in name order: the same words
    assert set(stored[one][0].split()) == set(search_text_of(data).split())
    assert stored[one][1] == sort_name_of(data) == "lefevre eloise"
    assert {"oncologie", "0612345678", "lyon", "sante"} <= set(stored[one][0].split())


# Values that test the folding and the token rules: accents, ligatures, other scripts,
# white space of several kinds, combining marks alone, empty and blank parts.
_AWKWARD = [
    "",
    " ",
    "Œuvray",
    "Straße",
    "ΟΔΥΣΣΕΑΣ",
    "De\u00a0La Tour",
    "\u0301Éloïse",
    "x¨",
    "Le Monde (Paris)",
]


@pytest.mark.parametrize("index", range(len(_AWKWARD)))
def test_search_text_of_is_build_search_text_of_its_parts(index: int) -> None:
    """The direct form a bulk insert uses gives the words of the general one, in order."""
    word = _AWKWARD[index]
    other = _AWKWARD[-index]
    contacts = [
        full_contact(),
        ContactData(),
        full_contact(
            given_name=word,
            family_name=other,
            display_name=word,
            additional_names=other,
            job_title=f"{word} santé",
            department=other,
            organization=word,
            beats=[word, "", other],
            tags=[word, "", "VIP", other],
            notes=f"{other}\n{word}",
            emails=[
                EmailAddress(f"{word}x@example.fr"),
                EmailAddress(""),
                EmailAddress("12@ex.org"),
            ],
            phones=[
                Phone("+33612345678"),
                Phone("+33612345678"),
                Phone("+33140000000;ext=12"),
                Phone("+12125550100"),
                Phone("0612 standard"),
                Phone(""),
                Phone("+3361234567"),
            ],
            addresses=[PostalAddress(city=word, postal_code="75011"), PostalAddress()],
        ),
    ]
    for data in contacts:
        assert search_text_of(data) == build_search_text(**search_text_parts(data))


def test_bulk_insert_writes_how_the_contacts_came_in(services: Services) -> None:
    """``collected_via`` goes in with the rows (an import's), "manual" by default."""
    with services.db.transaction() as session:
        resolver = Resolver(session)
        manual = insert_contacts(session, [full_contact(uid="urn:a")], resolver)
        imported = insert_contacts(
            session, [full_contact(uid="urn:b")], resolver, collected_via=CollectedVia.IMPORT
        )
    with services.db.session() as session:
        via = dict(session.execute(select(Contact.id, Contact.collected_via)).all())
    assert via == {manual[0]: "manual", imported[0]: "import"}
