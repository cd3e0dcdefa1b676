"""Contacts: create, update, opt out, archive, tag, delete with undo, merge.

Every write is checked three ways: what it wrote, the audit entry it left, and that a refused
write leaves the database exactly as it was.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from fiac_press_desk.domain.contact import (
    ContactData,
    EmailAddress,
    OrganisationData,
    Phone,
    PostalAddress,
    WebLink,
)
from fiac_press_desk.domain.contact_changes import changed_fields, merge_data
from fiac_press_desk.domain.enums import ContactKind, LawfulBasis, SalutationStyle
from fiac_press_desk.domain.errors import ConflictError, NotFoundError, ValidationError
from fiac_press_desk.services import Services
from fiac_press_desk.services.contact_queries import ContactFilter
from fiac_press_desk.storage.models import (
    AuditEntry,
    Distribution,
    Enquiry,
    ListMember,
    Release,
)

# -- helpers ---------------------------------------------------------------------------------


def dump(path: Path) -> list[str]:
    """The whole database as SQL text: equal dumps, equal databases."""
    conn = sqlite3.connect(path)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def audit(services: Services) -> list[tuple[str, str, int | None, dict[str, Any], str]]:
    with services.db.session() as session:
        return [
            (e.action, e.entity, e.entity_id, json.loads(e.details) if e.details else {}, e.actor)
            for e in session.scalars(select(AuditEntry).order_by(AuditEntry.id))
        ]


def eloise(**changes: Any) -> ContactData:
    data = ContactData(
        kind=ContactKind.JOURNALIST,
        civility="Mme",
        given_name="Éloïse",
        family_name="Lefèvre",
        job_title="Cheffe de rubrique santé",
        organization="Le Monde",
        department="Sciences",
        emails=[EmailAddress("Eloise.Lefevre@EXAMPLE.fr", "work")],
        phones=[Phone("06 12 34 56 78", "mobile")],
        addresses=[PostalAddress("work", "80 boulevard Auguste-Blanqui", "", "75013", "Paris")],
        urls=[WebLink("https://social.example.org/@eloise", "mastodon")],
        beats=["santé", "IA"],
        tags=["VIP"],
        lists=["Presse nationale"],
        notes="Préfère les courriels.",
        birthday="1985-03-14",
        lawful_basis=LawfulBasis.LEGITIMATE_INTEREST,
        data_source="Salon 2024",
        salutation=SalutationStyle.INFORMAL,
    )
    for key, value in changes.items():
        setattr(data, key, value)
    return data


def add_release_and_distribution(services: Services, contact_id: int, address: str) -> int:
    with services.db.transaction() as session:
        release = Release(title="IA et cancers", reference="CP-2024-01", status="sent")
        release.release_date = date(2024, 1, 31)
        session.add(release)
        session.flush()
        session.add(
            Distribution(
                release_id=release.id,
                contact_id=contact_id,
                address=address,
                channel="email",
                status="sent",
                sent_at=datetime(2024, 1, 31, 9, 0, tzinfo=UTC),
                message_id="<cp-2024-01@example.fr>",
            )
        )
        return release.id


def add_enquiry(services: Services, contact_id: int) -> int:
    with services.db.transaction() as session:
        enquiry = Enquiry(
            received_at=datetime(2024, 2, 1, 10, 0, tzinfo=UTC),
            contact_id=contact_id,
            subject="Interview sur l'IA",
        )
        session.add(enquiry)
        session.flush()
        return enquiry.id


# -- create ----------------------------------------------------------------------------------


def test_create_normalises_and_reads_back(services: Services) -> None:
    cid = services.contacts.create(eloise())
    got = services.contacts.get(cid)
    assert got.id == cid
    assert got.uid.startswith("urn:uuid:")
    assert (got.given_name, got.family_name, got.organization) == ("Éloïse", "Lefèvre", "Le Monde")
    assert [(e.value, e.label) for e in got.emails] == [("Eloise.Lefevre@example.fr", "work")]
    assert [(p.value, p.label) for p in got.phones] == [("+33612345678", "mobile")]
    assert got.addresses[0].city == "Paris"
    assert got.urls[0].label == "mastodon"
    assert got.beats == ["santé", "IA"]
    assert (got.tags, got.lists) == (["VIP"], ["Presse nationale"])
    assert got.birthday == "1985-03-14"
    assert got.salutation is SalutationStyle.INFORMAL
    assert got.created_at is not None and got.created_at.tzinfo is not None
    assert [a[:3] for a in audit(services)] == [("create", "contact", cid)]
    assert audit(services)[0][3] == {"name": "Éloïse Lefèvre"}
    assert audit(services)[0][4] == "test"


def test_create_reuses_organisation_tag_and_list_whatever_the_case(services: Services) -> None:
    first = services.contacts.create(eloise())
    second = services.contacts.create(
        ContactData(
            given_name="Zoé", organization="LE MONDE", tags=["vip"], lists=["presse NATIONALE"]
        )
    )
    assert len(services.organisations.all()) == 1
    assert [(t.name, t.count) for t in services.tags.all()] == [("VIP", 2)]
    assert [(g.name, g.count) for g in services.lists.all()] == [("Presse nationale", 2)]
    assert services.contacts.get(second).organization == "Le Monde"
    assert first != second


def test_photo_is_kept(services: Services) -> None:
    cid = services.contacts.create(eloise(photo=b"\x89PNG fake", photo_mime="image/png"))
    got = services.contacts.get(cid)
    assert (got.photo, got.photo_mime) == (b"\x89PNG fake", "image/png")
    assert services.contacts.get_many([cid], with_photo=False)[0].photo is None


@pytest.mark.parametrize(
    ("data", "field", "code"),
    [
        (ContactData(emails=[EmailAddress("pas-une-adresse")]), "emails[0]", "bad_email"),
        (ContactData(notes="seulement une note"), "family_name", "name_or_org_or_email"),
        (ContactData(given_name="A", phones=[Phone("standard")]), "phones[0]", "bad_phone"),
        (ContactData(given_name="A", birthday="30/02/1990"), "birthday", "bad_date"),
        (ContactData(given_name="A", kind="pigiste"), "kind", "bad_choice"),  # type: ignore[arg-type]
        (ContactData(given_name="A" * 300), "given_name", "too_long"),
    ],
)
def test_create_refuses_invalid_data_and_writes_nothing(
    services: Services, db_path: Path, data: ContactData, field: str, code: str
) -> None:
    services.contacts.create(eloise())
    before = dump(db_path)
    with pytest.raises(ValidationError) as info:
        services.contacts.create(data)
    assert (info.value.field, info.value.code) == (field, code)
    assert dump(db_path) == before


def test_duplicate_uid_is_a_conflict_naming_the_field(services: Services, db_path: Path) -> None:
    services.contacts.create(eloise(uid="urn:uuid:same"))
    before = dump(db_path)
    with pytest.raises(ConflictError) as info:
        services.contacts.create(ContactData(given_name="Autre", uid="urn:uuid:same"))
    assert info.value.field == "uid"
    assert "urn:uuid:same" in str(info.value)
    assert dump(db_path) == before


# -- update ----------------------------------------------------------------------------------


def test_update_replaces_everything_and_audits_what_changed(services: Services) -> None:
    cid = services.contacts.create(eloise())
    data = services.contacts.get(cid)
    data.family_name = "Durand"
    data.emails = [EmailAddress("e.durand@example.net", "work"), data.emails[0]]
    data.phones = []
    data.tags = ["Santé"]
    data.lists = ["Tech & IA"]
    data.organization = "Libération"
    services.contacts.update(cid, data)
    got = services.contacts.get(cid)
    assert got.family_name == "Durand"
    assert [e.value for e in got.emails] == ["e.durand@example.net", "Eloise.Lefevre@example.fr"]
    assert got.phones == []
    assert (got.tags, got.lists, got.organization) == (["Santé"], ["Tech & IA"], "Libération")
    assert got.uid == data.uid and got.created_at == data.created_at
    assert got.updated_at is not None and data.updated_at is not None
    assert got.updated_at >= data.updated_at
    action, entity, entity_id, details, _ = audit(services)[-1]
    assert (action, entity, entity_id) == ("update", "contact", cid)
    assert set(details["changed"]) == {
        "family_name",
        "emails",
        "phones",
        "tags",
        "lists",
        "organization",
    }


def test_update_with_same_email_in_other_case(services: Services) -> None:
    cid = services.contacts.create(eloise())
    data = services.contacts.get(cid)
    data.emails = [EmailAddress("eloise.lefevre@example.fr", "home")]
    services.contacts.update(cid, data)
    assert [(e.value, e.label) for e in services.contacts.get(cid).emails] == [
        ("eloise.lefevre@example.fr", "home")
    ]


def test_update_with_unchanged_data_changes_nothing(services: Services) -> None:
    cid = services.contacts.create(eloise())
    before = services.contacts.get(cid)
    services.contacts.update(cid, before)
    after = services.contacts.get(cid)
    assert after == before
    assert audit(services)[-1][3] == {"changed": []}


def test_update_refused_leaves_database_unchanged(services: Services, db_path: Path) -> None:
    cid = services.contacts.create(eloise())
    before = dump(db_path)
    data = services.contacts.get(cid)
    data.emails.append(EmailAddress("faux@"))
    with pytest.raises(ValidationError) as info:
        services.contacts.update(cid, data)
    assert info.value.field == "emails[1]"
    with pytest.raises(NotFoundError):
        services.contacts.update(cid + 100, services.contacts.get(cid))
    assert dump(db_path) == before


def test_update_to_another_contacts_uid_is_a_conflict(services: Services, db_path: Path) -> None:
    first = services.contacts.create(eloise())
    second = services.contacts.create(ContactData(given_name="Zoé"))
    before = dump(db_path)
    data = services.contacts.get(second)
    data.uid = services.contacts.get(first).uid
    with pytest.raises(ConflictError) as info:
        services.contacts.update(second, data)
    assert info.value.field == "uid"
    assert dump(db_path) == before


def test_get_unknown_contact(services: Services) -> None:
    with pytest.raises(NotFoundError):
        services.contacts.get(42)
    assert services.contacts.get_many([42]) == []


def test_get_many_keeps_the_order_asked(services: Services) -> None:
    ids = services.contacts.create_many([ContactData(given_name=n) for n in "ABC"])
    assert [c.given_name for c in services.contacts.get_many(list(reversed(ids)))] == [
        "C",
        "B",
        "A",
    ]


def test_changed_fields() -> None:
    assert changed_fields(eloise(), eloise()) == []
    assert changed_fields(eloise(), eloise(notes="x", tags=[])) == ["tags", "notes"]


# -- bulk ------------------------------------------------------------------------------------


def test_create_many_in_order_with_one_audit_entry(services: Services) -> None:
    records = [
        eloise(),
        ContactData(given_name="Zoé", family_name="Martin", organization="Le Monde", tags=["IA"]),
        ContactData(emails=[EmailAddress("redaction@example.fr")], lists=["Presse régionale"]),
    ]
    ids = services.contacts.create_many(records)
    assert len(ids) == 3 and ids == sorted(ids)
    assert [c.computed_display_name() for c in services.contacts.get_many(ids)] == [
        "Éloïse Lefèvre",
        "Zoé Martin",
        "redaction@example.fr",
    ]
    assert services.contacts.get(ids[0]) == services.contacts.get(ids[0])
    got = services.contacts.get(ids[0])
    assert [p.value for p in got.phones] == ["+33612345678"]
    assert got.addresses[0].postal_code == "75013"
    assert len(services.organisations.all()) == 1
    assert {t.name for t in services.tags.all()} == {"VIP", "IA"}
    assert [a[:4] for a in audit(services)] == [("create_many", "contact", None, {"count": 3})]
    assert services.contacts.create_many([]) == []


def test_create_many_matches_create(services: Services) -> None:
    one = services.contacts.create(eloise(uid="urn:a"))
    many = services.contacts.create_many([eloise(uid="urn:b")])[0]
    a, b = services.contacts.get(one), services.contacts.get(many)
    for value in (a, b):
        value.id = value.created_at = value.updated_at = None
        value.uid = ""
    assert a == b


def test_create_many_refuses_the_whole_batch(services: Services, db_path: Path) -> None:
    before = dump(db_path)
    with pytest.raises(ValidationError) as info:
        services.contacts.create_many(
            [eloise(), ContactData(given_name="B", emails=[EmailAddress("nope")])]
        )
    assert info.value.field == "emails[0]"
    assert dump(db_path) == before


def test_opt_out_and_back(services: Services) -> None:
    cid = services.contacts.create(eloise())
    at = datetime(2024, 3, 1, 12, 0, tzinfo=UTC)
    services.contacts.set_opted_out(cid, True, " Ne veut plus de communiqués ", at=at)
    got = services.contacts.get(cid)
    assert (got.opted_out, got.opted_out_at, got.opted_out_reason) == (
        True,
        at,
        "Ne veut plus de communiqués",
    )
    assert services.contact_queries.ids(ContactFilter(opted_out=True)) == [cid]
    services.contacts.set_opted_out(cid, False)
    got = services.contacts.get(cid)
    assert (got.opted_out, got.opted_out_at, got.opted_out_reason) == (False, None, "")
    assert [a[0] for a in audit(services)[-2:]] == ["opt_out", "opt_in"]
    services.contacts.set_opted_out(cid, True)
    got = services.contacts.get(cid)
    assert got.opted_out_at is not None  # now, when not given
    with pytest.raises(NotFoundError):
        services.contacts.set_opted_out(cid + 1, True)


def test_archive_and_unarchive(services: Services) -> None:
    ids = services.contacts.create_many([ContactData(given_name=n) for n in "ABC"])
    assert services.contacts.archive(ids[:2]) == 2
    assert services.contact_queries.ids(ContactFilter()) == [ids[2]]
    assert services.contact_queries.ids(ContactFilter(archived=True)) == ids[:2]
    assert services.contacts.get(ids[0]).archived
    assert services.contacts.archive([ids[0]], archived=False) == 1
    assert not services.contacts.get(ids[0]).archived
    assert [a[:2] for a in audit(services)[-2:]] == [
        ("archive", "contact"),
        ("unarchive", "contact"),
    ]
    assert audit(services)[-2][3] == {"ids": ids[:2]}


def test_archive_counts_only_existing_contacts(services: Services) -> None:
    cid = services.contacts.create(ContactData(given_name="A"))
    assert services.contacts.archive([cid, 999]) == 1


def test_add_and_remove_tags_in_bulk(services: Services) -> None:
    ids = services.contacts.create_many(
        [ContactData(given_name="A", tags=["VIP"]), ContactData(given_name="B")]
    )
    services.contacts.add_tags(ids, ["vip", "  Santé ", ""])
    assert [c.tags for c in services.contacts.get_many(ids)] == [["Santé", "VIP"], ["Santé", "VIP"]]
    assert {t.name for t in services.tags.all()} == {"VIP", "Santé"}  # "vip" is the same tag
    services.contacts.add_tags(ids, ["Santé"])  # already there: nothing doubles
    assert [t.count for t in services.tags.all()] == [2, 2]
    services.contacts.remove_tags([ids[0]], ["SANTE", "inconnue"])
    assert [c.tags for c in services.contacts.get_many(ids)] == [["VIP"], ["Santé", "VIP"]]
    actions = [a[:2] for a in audit(services)]
    assert actions[-3:] == [("tag", "contact"), ("tag", "contact"), ("untag", "contact")]
    assert audit(services)[-3][3] == {"ids": ids, "tags": ["vip", "Santé"]}


# -- delete and undo -------------------------------------------------------------------------


def test_delete_then_restore_brings_everything_back(services: Services) -> None:
    cid = services.contacts.create(eloise(photo=b"img", photo_mime="image/jpeg"))
    other = services.contacts.create(ContactData(given_name="Témoin", lists=["Presse nationale"]))
    list_id = services.lists.id_for("Presse nationale")
    assert list_id is not None
    with services.db.transaction() as session:  # a membership from long ago
        member = session.get(ListMember, (list_id, cid))
        assert member is not None
        member.added_at = datetime(2023, 5, 1, tzinfo=UTC)
    release_id = add_release_and_distribution(services, cid, "Eloise.Lefevre@example.fr")
    enquiry_id = add_enquiry(services, cid)
    before = services.contacts.get(cid)
    history_before = services.history.for_contact(cid) if hasattr(services, "history") else None

    snapshots = services.contacts.delete([cid])
    assert json.loads(json.dumps(snapshots)) == snapshots  # JSON-safe: the undo stack may keep it
    with pytest.raises(NotFoundError):
        services.contacts.get(cid)
    with services.db.session() as session:
        assert (
            session.scalars(select(Distribution).where(Distribution.contact_id == cid)).all() == []
        )
        assert session.get(Enquiry, enquiry_id).contact_id is None  # type: ignore[union-attr]
    assert services.contacts.get(other).lists == ["Presse nationale"]
    assert audit(services)[-1][:4] == ("delete", "contact", None, {"ids": [cid]})

    services.contacts.restore(snapshots)
    after = services.contacts.get(cid)
    assert after == before
    with services.db.session() as session:
        dist = session.scalars(select(Distribution).where(Distribution.contact_id == cid)).one()
        assert (dist.release_id, dist.address, dist.status) == (
            release_id,
            "Eloise.Lefevre@example.fr",
            "sent",
        )
        assert dist.sent_at == datetime(2024, 1, 31, 9, 0, tzinfo=UTC)
        assert session.get(Enquiry, enquiry_id).contact_id == cid  # type: ignore[union-attr]
        member = session.get(ListMember, (list_id, cid))
        assert member is not None and member.added_at == datetime(2023, 5, 1, tzinfo=UTC)
    if history_before is not None:
        assert services.history.for_contact(cid) == history_before
    assert services.contact_queries.ids(ContactFilter(search="lefevre")) == [cid]
    assert audit(services)[-1][:4] == ("restore", "contact", None, {"ids": [cid]})


def test_restore_recreates_a_tag_deleted_in_between(services: Services) -> None:
    cid = services.contacts.create(eloise(tags=["Éphémère"]))
    snapshots = services.contacts.delete([cid])
    tag = next(t for t in services.tags.all() if t.name == "Éphémère")
    services.tags.delete(tag.id)
    services.contacts.restore(snapshots)
    assert services.contacts.get(cid).tags == ["Éphémère"]


def test_delete_many_and_restore(services: Services) -> None:
    ids = services.contacts.create_many([eloise(uid=f"urn:{i}") for i in range(3)])
    snapshots = services.contacts.delete(ids[:2])
    assert services.contact_queries.ids(ContactFilter()) == [ids[2]]
    services.contacts.restore(snapshots)
    assert services.contact_queries.ids(ContactFilter()) == ids


# -- merge -----------------------------------------------------------------------------------


def test_merge_contacts(services: Services) -> None:
    keep = services.contacts.create(
        ContactData(
            given_name="Éloïse",
            family_name="Lefèvre",
            emails=[EmailAddress("eloise@example.fr")],
            tags=["VIP"],
            lists=["Presse nationale"],
            notes="Première fiche.",
        )
    )
    other = services.contacts.create(
        ContactData(
            given_name="Eloise",
            family_name="Lefevre",
            job_title="Journaliste",
            organization="Le Monde",
            emails=[EmailAddress("ELOISE@example.fr"), EmailAddress("e.lefevre@example.org")],
            phones=[Phone("0612345678")],
            tags=["Santé"],
            lists=["Tech & IA"],
            notes="Seconde fiche.",
            birthday="--03-14",
            opted_out=True,
            opted_out_reason="Ne plus écrire",
        )
    )
    release_id = add_release_and_distribution(services, other, "e.lefevre@example.org")
    enquiry_id = add_enquiry(services, other)
    services.contacts.merge(keep, other)
    got = services.contacts.get(keep)
    assert (got.given_name, got.job_title, got.organization) == (
        "Éloïse",
        "Journaliste",
        "Le Monde",
    )
    assert [e.value for e in got.emails] == ["eloise@example.fr", "e.lefevre@example.org"]
    assert [p.value for p in got.phones] == ["+33612345678"]
    assert got.tags == ["Santé", "VIP"]
    assert got.lists == ["Presse nationale", "Tech & IA"]
    assert got.notes == "Première fiche.\n\nSeconde fiche."
    assert got.birthday == "--03-14"
    assert got.opted_out and got.opted_out_reason == "Ne plus écrire"  # never lost
    with pytest.raises(NotFoundError):
        services.contacts.get(other)
    with services.db.session() as session:
        dist = session.scalars(select(Distribution)).one()
        assert (dist.contact_id, dist.release_id) == (keep, release_id)
        assert session.get(Enquiry, enquiry_id).contact_id == keep  # type: ignore[union-attr]
    action, entity, entity_id, details, _actor = audit(services)[-1]
    assert (action, entity, entity_id, details["merged_from"]) == (
        "merge",
        "contact",
        keep,
        [other],
    )


def test_merge_keeps_one_distribution_per_release_and_address(services: Services) -> None:
    keep = services.contacts.create(ContactData(emails=[EmailAddress("a@example.fr")]))
    other = services.contacts.create(ContactData(emails=[EmailAddress("a@example.fr")]))
    release_id = add_release_and_distribution(services, keep, "a@example.fr")
    with services.db.transaction() as session:
        session.add(Distribution(release_id=release_id, contact_id=other, address="a@example.fr"))
    services.contacts.merge(keep, other)
    with services.db.session() as session:
        rows = session.execute(select(Distribution.contact_id, Distribution.address)).all()
    assert [tuple(r) for r in rows] == [(keep, "a@example.fr")]


def test_merge_refusals_change_nothing(services: Services, db_path: Path) -> None:
    a = services.contacts.create(eloise())
    before = dump(db_path)
    with pytest.raises(ValidationError) as info:
        services.contacts.merge(a, a)
    assert info.value.field == "other_id"
    with pytest.raises(NotFoundError):
        services.contacts.merge(a, 999)
    with pytest.raises(NotFoundError):
        services.contacts.merge(999, a)
    assert dump(db_path) == before


def test_merge_data_fills_blanks_only() -> None:
    keep = ContactData(given_name="A", job_title="", emails=[EmailAddress("a@x.fr")])
    other = ContactData(given_name="B", job_title="Reporter", emails=[EmailAddress("A@X.FR")])
    merged = merge_data(keep, other)
    assert (merged.given_name, merged.job_title) == ("A", "Reporter")
    assert [e.value for e in merged.emails] == ["a@x.fr"]
    assert keep.job_title == ""  # inputs untouched


def test_create_many_reuses_existing_groups_and_creates_missing_once(services: Services) -> None:
    services.organisations.create(OrganisationData(name="Le Monde"))
    services.tags.create("VIP")
    services.lists.create("Presse")
    records = [
        ContactData(given_name=f"P{i}", organization=org, tags=tags, lists=lists)
        for i, (org, tags, lists) in enumerate(
            [
                ("LE MONDE", ["vip"], ["presse"]),
                ("Libération", ["VIP", "Nouveau"], ["Presse", "Radio"]),
                ("libération", ["nouveau"], ["radio"]),
            ]
        )
    ]
    ids = services.contacts.create_many(records)
    assert sorted(o.name for o in services.organisations.all()) == ["Le Monde", "Libération"]
    assert [(t.name, t.count) for t in services.tags.all()] == [("Nouveau", 2), ("VIP", 2)]
    assert [(g.name, g.count) for g in services.lists.all()] == [("Presse", 2), ("Radio", 2)]
    assert [c.organization for c in services.contacts.get_many(ids)] == [
        "Le Monde",
        "Libération",
        "Libération",
    ]


def test_bulk_created_contacts_get_random_uuid_urns(services: Services) -> None:
    """fresh_uids builds what uuid.uuid4 builds: version 4, RFC 4122 variant, all distinct."""
    import uuid

    from fiac_press_desk.storage.contact_record import fresh_uids

    values = list(fresh_uids(5000))
    assert len(set(values)) == len(values)
    for value in values:
        assert value.startswith("urn:uuid:")
        parsed = uuid.UUID(value.removeprefix("urn:uuid:"))
        assert (parsed.version, parsed.variant) == (4, uuid.RFC_4122)
        assert str(parsed) == value.removeprefix("urn:uuid:")
    ids = services.contacts.create_many(
        [ContactData(family_name="Sans UID"), ContactData(family_name="Avec", uid="urn:x:1")]
    )
    first, second = services.contacts.get_many(ids)
    assert uuid.UUID(first.uid.removeprefix("urn:uuid:")).version == 4
    assert second.uid == "urn:x:1"
