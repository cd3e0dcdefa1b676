"""Organisations: media outlets and partner bodies, unique by folded name."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from fiac_press_desk.domain.contact import ContactData, OrganisationData
from fiac_press_desk.domain.enums import OrganisationType
from fiac_press_desk.domain.errors import ConflictError, NotFoundError, ValidationError
from fiac_press_desk.services import Services
from fiac_press_desk.storage.models import AuditEntry, Enquiry


def dump(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def last_audit(services: Services) -> tuple[str, str, int | None, dict[str, Any]]:
    with services.db.session() as session:
        entry = session.scalars(select(AuditEntry).order_by(AuditEntry.id.desc())).first()
        assert entry is not None
        return entry.action, entry.entity, entry.entity_id, json.loads(entry.details or "{}")


def test_create_and_get(services: Services) -> None:
    oid = services.organisations.create(
        OrganisationData(
            name=" Le  Monde ",
            kind=OrganisationType.DAILY_PRESS,
            website="https://lemonde.example.org",
            email="Redaction@LEMONDE.example.org",
            phone="01 57 28 20 00",
            city="Paris",
            country="France",
            notes=" Quotidien national ",
        )
    )
    got = services.organisations.get(oid)
    assert (got.id, got.name, got.kind) == (oid, "Le Monde", OrganisationType.DAILY_PRESS)
    assert (got.email, got.phone) == ("Redaction@lemonde.example.org", "+33157282000")
    assert (got.city, got.notes, got.contact_count) == ("Paris", "Quotidien national", 0)
    assert last_audit(services) == ("create", "organisation", oid, {"name": "Le Monde"})


@pytest.mark.parametrize(
    ("data", "field"),
    [
        (OrganisationData(name=""), "name"),
        (OrganisationData(name="X", email="pas@"), "email"),
        (OrganisationData(name="X", phone="standard"), "phone"),
        (OrganisationData(name="X", kind="journal"), "kind"),  # type: ignore[arg-type]
        (OrganisationData(name="X" * 300), "name"),
    ],
)
def test_create_refuses_invalid(
    services: Services, db_path: Path, data: OrganisationData, field: str
) -> None:
    before = dump(db_path)
    with pytest.raises(ValidationError) as info:
        services.organisations.create(data)
    assert info.value.field == field
    assert dump(db_path) == before


@pytest.mark.parametrize("name", ["Le Monde", "LE MONDE", "le  monde", "Lé Mondé"])
def test_same_name_whatever_case_or_accents_is_a_conflict(
    services: Services, db_path: Path, name: str
) -> None:
    services.organisations.create(OrganisationData(name="Le Monde"))
    before = dump(db_path)
    with pytest.raises(ConflictError) as info:
        services.organisations.create(OrganisationData(name=name))
    assert info.value.field == "name"
    assert " ".join(name.split()) in str(info.value)
    assert dump(db_path) == before


def test_update(services: Services, db_path: Path) -> None:
    oid = services.organisations.create(OrganisationData(name="Le Monde"))
    other = services.organisations.create(OrganisationData(name="Libération"))
    services.organisations.update(
        oid, OrganisationData(name="LE MONDE", kind=OrganisationType.DAILY_PRESS, city="Paris")
    )  # its own name in other case: no conflict with itself
    got = services.organisations.get(oid)
    assert (got.name, got.kind, got.city) == ("LE MONDE", OrganisationType.DAILY_PRESS, "Paris")
    assert last_audit(services) == ("update", "organisation", oid, {"name": "LE MONDE"})
    before = dump(db_path)
    with pytest.raises(ConflictError):
        services.organisations.update(other, OrganisationData(name="le monde"))
    with pytest.raises(ValidationError):
        services.organisations.update(other, OrganisationData(name=" "))
    with pytest.raises(NotFoundError):
        services.organisations.update(999, OrganisationData(name="Nouveau"))
    assert dump(db_path) == before


def test_all_counts_contacts_sorts_and_searches(services: Services) -> None:
    services.organisations.create(OrganisationData(name="Ouest-France"))
    services.contacts.create_many(
        [
            ContactData(given_name="A", organization="Le Monde"),
            ContactData(given_name="B", organization="le monde"),
            ContactData(given_name="C", organization="Élysée"),
        ]
    )
    assert [(o.name, o.contact_count) for o in services.organisations.all()] == [
        ("Élysée", 1),
        ("Le Monde", 2),
        ("Ouest-France", 0),
    ]
    assert [o.name for o in services.organisations.all("MONDE")] == ["Le Monde"]
    assert [o.name for o in services.organisations.all("elys")] == ["Élysée"]
    assert services.organisations.all("nothing") == []
    assert services.organisations.names() == ["Élysée", "Le Monde", "Ouest-France"]
    monde = next(o for o in services.organisations.all() if o.name == "Le Monde")
    assert services.organisations.get(monde.id).contact_count == 2


def test_delete_keeps_contacts_without_organisation(services: Services) -> None:
    cid = services.contacts.create(ContactData(given_name="A", organization="Le Monde"))
    oid = services.organisations.all()[0].id
    services.organisations.delete(oid)
    assert services.organisations.all() == []
    assert services.contacts.get(cid).organization == ""
    assert last_audit(services) == ("delete", "organisation", oid, {"name": "Le Monde"})
    with pytest.raises(NotFoundError):
        services.organisations.delete(oid)


def test_merge(services: Services, db_path: Path) -> None:
    keep = services.organisations.create(
        OrganisationData(name="Le Monde", kind=OrganisationType.DAILY_PRESS, notes="Siège")
    )
    other = services.organisations.create(
        OrganisationData(
            name="Monde (Le)", website="https://lemonde.example.org", city="Paris", notes="Doublon"
        )
    )
    a = services.contacts.create(ContactData(given_name="A", organization="Le Monde"))
    b = services.contacts.create(ContactData(given_name="B", organization="Monde (Le)"))
    with services.db.transaction() as session:
        enquiry = Enquiry(
            received_at=datetime(2024, 2, 1, tzinfo=UTC), organisation_id=other, subject="Chiffres"
        )
        session.add(enquiry)
        session.flush()
        enquiry_id = enquiry.id
    services.organisations.merge(keep, other)
    got = services.organisations.get(keep)
    assert (got.website, got.city, got.kind) == (
        "https://lemonde.example.org",
        "Paris",
        OrganisationType.DAILY_PRESS,
    )
    assert got.notes == "Siège\n\nDoublon"
    assert got.contact_count == 2
    assert [c.organization for c in services.contacts.get_many([a, b])] == ["Le Monde"] * 2
    with pytest.raises(NotFoundError):
        services.organisations.get(other)
    with services.db.session() as session:
        assert session.get(Enquiry, enquiry_id).organisation_id == keep  # type: ignore[union-attr]
    assert last_audit(services) == (
        "merge",
        "organisation",
        keep,
        # The enquiry moved to the kept outlet (services/edit_conflicts.py: who changed it).
        {"merged_from": other, "name": "Monde (Le)", "enquiries": [enquiry_id]},
    )
    before = dump(db_path)
    with pytest.raises(ValidationError):
        services.organisations.merge(keep, keep)
    with pytest.raises(NotFoundError):
        services.organisations.merge(keep, other)
    assert dump(db_path) == before
