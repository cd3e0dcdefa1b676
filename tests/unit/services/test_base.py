"""What every service shares: one transaction per write, the audit entry, conflicts as errors.

The central promise is checked for every foundation write at once: when anything fails at the
last moment (here, the audit entry itself), the database is exactly as it was before.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from fiac_press_desk.domain.contact import ContactData, EmailAddress, OrganisationData
from fiac_press_desk.domain.errors import ConflictError
from fiac_press_desk.services import Services
from fiac_press_desk.services.base import ServiceBase, conflict_from, count, name_key
from fiac_press_desk.storage.models import AuditEntry, Contact


def dump(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


@pytest.fixture
def filled(services: Services) -> Services:
    services.organisations.create(OrganisationData(name="Le Monde"))
    services.organisations.create(OrganisationData(name="Libération"))
    services.lists.create("Presse")
    services.tags.create("VIP")
    services.contacts.create_many(
        [
            ContactData(
                given_name="Éloïse", organization="Le Monde", tags=["VIP"], lists=["Presse"]
            ),
            ContactData(
                given_name="Zoé", organization="Libération", emails=[EmailAddress("z@example.fr")]
            ),
            ContactData(given_name="Jules"),
        ]
    )
    return services


def _org(s: Services, name: str) -> int:
    return next(o.id for o in s.organisations.all() if o.name == name)


WRITES: dict[str, Callable[[Services], object]] = {
    "contacts.create": lambda s: s.contacts.create(ContactData(given_name="Nouveau", tags=["X"])),
    "contacts.update": lambda s: s.contacts.update(
        1, ContactData(given_name="Autre", organization="Nouvel organisme", lists=["Autre"])
    ),
    "contacts.create_many": lambda s: s.contacts.create_many(
        [ContactData(given_name="A", organization="Neuf"), ContactData(given_name="B")]
    ),
    "contacts.set_opted_out": lambda s: s.contacts.set_opted_out(1, True, "stop"),
    "contacts.archive": lambda s: s.contacts.archive([1, 2]),
    "contacts.add_tags": lambda s: s.contacts.add_tags([1, 2, 3], ["Nouvelle"]),
    "contacts.remove_tags": lambda s: s.contacts.remove_tags([1], ["VIP"]),
    "contacts.delete": lambda s: s.contacts.delete([1, 2]),
    "contacts.merge": lambda s: s.contacts.merge(1, 2),
    "organisations.create": lambda s: s.organisations.create(OrganisationData(name="France 2")),
    "organisations.update": lambda s: s.organisations.update(
        _org(s, "Le Monde"), OrganisationData(name="Le Quotidien")
    ),
    "organisations.delete": lambda s: s.organisations.delete(_org(s, "Le Monde")),
    "organisations.merge": lambda s: s.organisations.merge(
        _org(s, "Le Monde"), _org(s, "Libération")
    ),
    "tags.create": lambda s: s.tags.create("Santé"),
    "tags.rename": lambda s: s.tags.rename(s.tags.all()[0].id, "Très important"),
    "tags.delete": lambda s: s.tags.delete(s.tags.all()[0].id),
    "lists.create": lambda s: s.lists.create("Radio"),
    "lists.rename": lambda s: s.lists.rename(s.lists.all()[0].id, "Presse écrite", "desc"),
    "lists.delete": lambda s: s.lists.delete(s.lists.all()[0].id),
    "lists.add_members": lambda s: s.lists.add_members(s.lists.all()[0].id, [2, 3]),
    "lists.remove_members": lambda s: s.lists.remove_members(s.lists.all()[0].id, [1]),
}


@pytest.mark.parametrize("name", sorted(WRITES))
def test_each_write_is_one_transaction_with_one_audit_entry(filled: Services, name: str) -> None:
    with filled.db.session() as session:
        before = session.scalar(select(AuditEntry.id).order_by(AuditEntry.id.desc())) or 0
    WRITES[name](filled)
    with filled.db.session() as session:
        entries = session.scalars(select(AuditEntry).where(AuditEntry.id > before)).all()
    assert len(entries) == 1
    assert entries[0].actor == "test"
    assert entries[0].entity in {"contact", "organisation", "tag", "list"}
    assert entries[0].at.tzinfo is not None


@pytest.mark.parametrize("name", sorted(WRITES))
def test_a_failure_at_the_last_moment_leaves_the_database_as_it_was(
    filled: Services, db_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    before = dump(db_path)

    def broken_audit(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("disk full while writing the audit entry")

    monkeypatch.setattr(ServiceBase, "audit", broken_audit)
    with pytest.raises(RuntimeError):
        WRITES[name](filled)
    assert dump(db_path) == before


def test_audit_details_are_json_with_accents_and_dates(services: Services) -> None:
    at = datetime(2024, 1, 31, tzinfo=UTC)
    with services.db.transaction() as session:
        services.contacts.audit(session, "check", "contact", 7, name="Éloïse", at=at, ids=[1])
    with services.db.session() as session:
        entry = session.scalars(select(AuditEntry)).one()
    assert (entry.action, entry.entity, entry.entity_id, entry.actor) == (
        "check",
        "contact",
        7,
        "test",
    )
    assert "Éloïse" in entry.details  # readable in the file, not \\u-escaped
    assert json.loads(entry.details) == {"name": "Éloïse", "at": str(at), "ids": [1]}


def test_actor_defaults_to_who_works_at_the_workstation(
    services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The Preferences' name, else the login's full name, else the login name (issue 19)."""
    from fiac_press_desk import workstation

    monkeypatch.setattr(workstation, "_gecos_name", lambda: "")
    monkeypatch.setattr(workstation, "login_name", lambda: "attachee.presse")
    assert ServiceBase(services.db).actor == "attachee.presse"
    monkeypatch.setattr(workstation, "_gecos_name", lambda: "Claire Dumas")
    assert ServiceBase(services.db).actor == "Claire Dumas"
    workstation.update(user_name="Camille Roux")
    assert ServiceBase(services.db).actor == "Camille Roux"
    assert ServiceBase(services.db, actor="claire").actor == "claire"


def test_name_key_ignores_case_accents_and_spacing() -> None:
    assert name_key("  Santé   Publique ") == name_key("sante publique") == "sante publique"
    assert name_key("Œuvre") == "oeuvre"
    assert len(name_key("x" * 400)) == 255


class _Orig(Exception):
    pass


@pytest.mark.parametrize(
    ("message", "field"),
    [
        ("UNIQUE constraint failed: contacts.uid", "uid"),
        ("UNIQUE constraint failed: tags.name_key", "name"),
        ("UNIQUE constraint failed: contact_emails.contact_id, contact_emails.value_key", "emails"),
        (
            'duplicate key value violates unique constraint "uq_releases_reference"\n'
            "DETAIL:  Key (reference)=(CP-2024-01) already exists.",
            "reference",
        ),
        ("something else entirely", ""),
    ],
)
def test_conflict_from_names_the_field(message: str, field: str) -> None:
    error = conflict_from(IntegrityError("INSERT ...", {}, _Orig(message)))
    assert error.field == field
    assert error.code == "duplicate_value"


def test_conflict_from_foreign_key() -> None:
    error = conflict_from(IntegrityError("INSERT", {}, _Orig("FOREIGN KEY constraint failed")))
    assert error.code == "missing_reference"


def test_integrity_error_inside_a_service_transaction_is_a_conflict(
    services: Services, db_path: Path
) -> None:
    services.contacts.create(ContactData(given_name="A", uid="urn:x"))
    before = dump(db_path)
    with pytest.raises(ConflictError) as info, services.contacts.transaction() as session:
        session.add(Contact(uid="urn:x", given_name="B"))
    assert info.value.field == "uid"
    assert dump(db_path) == before


def test_count_helper(services: Services) -> None:
    services.contacts.create_many([ContactData(given_name=n) for n in "ABCD"])
    with services.db.session() as session:
        assert count(session, select(Contact.id).where(Contact.given_name > "B")) == 2
