"""Tags and distribution lists: named groups, unique whatever the case and accents."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from fiac_press_desk.domain.contact import ContactData
from fiac_press_desk.domain.errors import ConflictError, NotFoundError, ValidationError
from fiac_press_desk.services import Services
from fiac_press_desk.services.contact_queries import ContactFilter
from fiac_press_desk.services.labels import NamedGroup
from fiac_press_desk.storage.models import AuditEntry


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


@pytest.fixture
def three(services: Services) -> list[int]:
    return services.contacts.create_many([ContactData(given_name=n) for n in ("A", "B", "C")])


# -- tags ------------------------------------------------------------------------------------


def test_tag_create_rename_delete(services: Services, three: list[int]) -> None:
    tid = services.tags.create("  Santé  publique ")
    assert services.tags.all() == [NamedGroup(tid, "Santé publique", 0)]
    assert last_audit(services) == ("create", "tag", tid, {"name": "Santé publique"})
    services.contacts.add_tags(three[:2], ["santé publique"])
    assert services.tags.all() == [NamedGroup(tid, "Santé publique", 2)]
    services.tags.rename(tid, "SANTÉ PUBLIQUE")  # its own name: allowed
    services.tags.rename(tid, "Santé")
    assert [c.tags for c in services.contacts.get_many(three)] == [["Santé"], ["Santé"], []]
    assert last_audit(services) == (
        "rename",
        "tag",
        tid,
        # The cards that show the tag: a new version of each (services/edit_conflicts.py).
        {"old": "SANTÉ PUBLIQUE", "new": "Santé", "contacts": sorted(three[:2])},
    )
    services.tags.delete(tid)
    assert services.tags.all() == []
    assert [c.tags for c in services.contacts.get_many(three)] == [[], [], []]
    assert last_audit(services) == ("delete", "tag", tid, {"name": "Santé"})


def test_tag_refusals_change_nothing(services: Services, db_path: Path) -> None:
    vip = services.tags.create("VIP")
    other = services.tags.create("Santé")
    before = dump(db_path)
    with pytest.raises(ValidationError) as info:
        services.tags.create("   ")
    assert (info.value.field, info.value.code) == ("name", "required")
    with pytest.raises(ConflictError) as conflict:
        services.tags.create("vip")
    assert conflict.value.field == "name"
    with pytest.raises(ConflictError):
        services.tags.rename(other, "Vip")
    with pytest.raises(ValidationError):
        services.tags.rename(vip, "")
    with pytest.raises(NotFoundError):
        services.tags.rename(999, "x")
    with pytest.raises(NotFoundError):
        services.tags.delete(999)
    assert dump(db_path) == before


def test_tags_sorted_without_accents(services: Services) -> None:
    for name in ("Zèbre", "éthique", "Arbre", "Été"):
        services.tags.create(name)
    assert [t.name for t in services.tags.all()] == ["Arbre", "Été", "éthique", "Zèbre"]


# -- lists -----------------------------------------------------------------------------------


def test_list_create_members_rename_delete(services: Services, three: list[int]) -> None:
    lid = services.lists.create(" Presse nationale ", " Quotidiens et hebdos ")
    assert services.lists.all() == [NamedGroup(lid, "Presse nationale", 0, "Quotidiens et hebdos")]
    assert services.lists.id_for("PRESSE NATIONALE") == lid
    assert services.lists.id_for("presse nationalé") == lid
    assert services.lists.id_for("inconnue") is None

    assert services.lists.add_members(lid, [three[0], three[1], three[0]]) == 2
    assert last_audit(services) == ("add_members", "list", lid, {"ids": three[:2]})
    assert services.lists.add_members(lid, three) == 1  # only C is new
    assert services.lists.all()[0].count == 3
    assert services.contact_queries.ids(ContactFilter(list_id=lid)) == three
    services.lists.remove_members(lid, [three[1]])
    assert services.contact_queries.ids(ContactFilter(list_id=lid)) == [three[0], three[2]]
    assert services.contacts.get(three[0]).lists == ["Presse nationale"]
    assert last_audit(services) == ("remove_members", "list", lid, {"ids": [three[1]]})

    services.lists.rename(lid, "Presse nationale et régionale", "Tous")
    assert services.lists.all()[0].name == "Presse nationale et régionale"
    assert services.lists.all()[0].description == "Tous"
    services.lists.rename(lid, "Presse", None)  # description kept when not given
    assert services.lists.all()[0].description == "Tous"
    assert last_audit(services)[0] == "rename"

    services.lists.delete(lid)
    assert services.lists.all() == []
    assert services.contacts.get(three[0]).lists == []  # the contact stays, the membership goes
    assert last_audit(services) == (
        "delete",
        "list",
        lid,
        {"name": "Presse", "contacts": sorted([three[0], three[2]])},  # their cards changed
    )


def test_list_refusals_change_nothing(services: Services, db_path: Path, three: list[int]) -> None:
    lid = services.lists.create("Presse")
    other = services.lists.create("Tech & IA")
    services.lists.add_members(lid, three[:1])
    before = dump(db_path)
    with pytest.raises(ConflictError):
        services.lists.create("PRESSE")
    with pytest.raises(ConflictError):
        services.lists.rename(other, "presse")
    with pytest.raises(ValidationError):
        services.lists.create("")
    with pytest.raises(NotFoundError):
        services.lists.add_members(999, three)
    with pytest.raises(NotFoundError) as missing:
        services.lists.add_members(lid, [three[1], 12345])
    assert missing.value.entity_id == 12345
    with pytest.raises(NotFoundError):
        services.lists.remove_members(999, three)
    with pytest.raises(NotFoundError):
        services.lists.delete(999)
    assert dump(db_path) == before


def test_large_membership_changes(services: Services) -> None:
    ids = services.contacts.create_many([ContactData(given_name=f"P{i}") for i in range(1200)])
    lid = services.lists.create("Tous")
    assert services.lists.add_members(lid, ids) == 1200
    assert services.lists.add_members(lid, ids[::2]) == 0
    services.lists.remove_members(lid, ids[:700])
    assert services.lists.all()[0].count == 500


def test_tag_id_for_ignores_case_and_accents(services: Services) -> None:
    tid = services.tags.create("Santé publique")
    assert services.tags.id_for("SANTE  publique") == tid
    assert services.tags.id_for("autre") is None
