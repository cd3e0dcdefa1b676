"""Merging two or more contacts: every kind of history goes to the survivor, opted out wins,
one transaction and one audit entry; undo gives back every row as it was."""

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
    Phone,
    PostalAddress,
    WebLink,
)
from fiac_press_desk.domain.enquiry import EnquiryInput
from fiac_press_desk.domain.errors import ConflictError, NotFoundError, ValidationError
from fiac_press_desk.services import Services
from fiac_press_desk.services.base import ServiceBase
from fiac_press_desk.services.contact_merge import HANDLED_TABLES
from fiac_press_desk.services.contact_queries import ContactFilter
from fiac_press_desk.services.imports import WriteOp
from fiac_press_desk.storage.models import (
    AuditEntry,
    Base,
    Distribution,
    Enquiry,
    EnquiryEvent,
    ImportBatchItem,
    ListMember,
    NotDuplicate,
    Release,
)

# -- a desk with a history ------------------------------------------------------------------


def release(services: Services, title: str) -> int:
    with services.db.transaction() as session:
        row = Release(title=title, status="sent", release_date=date(2024, 1, 31))
        session.add(row)
        session.flush()
        return row.id


def send(
    services: Services,
    release_id: int,
    contact_id: int,
    address: str,
    *,
    status: str = "sent",
    sent_at: datetime | None = None,
) -> int:
    with services.db.transaction() as session:
        row = Distribution(
            release_id=release_id,
            contact_id=contact_id,
            address=address,
            status=status,
            sent_at=sent_at,
            message_id=f"<{release_id}.{contact_id}@example.fr>",
        )
        session.add(row)
        session.flush()
        return row.id


def at(year: int, month: int = 1, day: int = 1) -> datetime:
    return datetime(year, month, day, 9, 0, tzinfo=UTC)


class Desk:
    """Éloïse Lefèvre three times, and a colleague, with every kind of history."""

    def __init__(self, services: Services) -> None:
        s = services
        self.r1, self.r2, self.r3 = (release(s, t) for t in ("CP 1", "CP 2", "CP 3"))
        # A: typed in the form long ago, on a list and tagged.
        self.a = s.contacts.create(
            ContactData(
                given_name="Éloïse",
                family_name="Lefèvre",
                job_title="Journaliste santé",
                organization="Le Quotidien",
                emails=[EmailAddress("eloise@quotidien.example.fr", "work")],
                phones=[Phone("01 45 67 89 00", "work")],
                tags=["VIP"],
                lists=["Presse nationale"],
                notes="Rencontrée au salon 2019.",
            )
        )
        # B: came in with an import, updated by a second one.
        batch = s.imports.apply(
            WriteOp(
                creates=[
                    ContactData(
                        given_name="Eloise",
                        family_name="Lefevre",
                        organization="Radio Hexagone",
                        emails=[EmailAddress("eloise.lefevre@gmail.com", "home")],
                        phones=[Phone("06 12 34 56 78", "mobile")],
                        lists=["Radio"],
                        notes="Passée à la radio.",
                    )
                ],
                updates=[],
            ),
            sources=["radio.vcf"],
            format="vcard",
        )
        self.batch = batch.batch_id
        self.b = batch.created_ids[0]
        self.b_update = s.imports.apply(
            WriteOp(
                creates=[],
                updates=[
                    (
                        self.b,
                        ContactData(
                            given_name="Eloise",
                            family_name="Lefevre",
                            job_title="Chroniqueuse",
                            organization="Radio Hexagone",
                            emails=[EmailAddress("eloise.lefevre@gmail.com", "home")],
                            phones=[Phone("06 12 34 56 78", "mobile")],
                            lists=["Radio"],
                            notes="Passée à la radio.",
                        ),
                    )
                ],
            ),
            sources=["radio2.vcf"],
            format="vcard",
        ).batch_id
        s.contacts.set_opted_out(self.b, True, "Demande RGPD", at=at(2023, 6, 1))
        # C: a third record, opted out earlier.
        self.c = s.contacts.create(
            ContactData(
                given_name="Eloise",
                family_name="Lefèvre",
                emails=[EmailAddress("ELOISE@quotidien.example.fr")],
                addresses=[PostalAddress("work", "3 quai des Fleurs", postal_code="69007")],
                urls=[WebLink("https://social.example.org/@eloise", "mastodon")],
                tags=["Santé"],
                lists=["Presse nationale"],
                photo=b"\x89PNG\r\n\x1a\n" + bytes(range(64)),
                photo_mime="image/png",
            )
        )
        s.contacts.set_opted_out(self.c, True, "Ne plus écrire", at=at(2022, 3, 1))
        self.colleague = s.contacts.create(ContactData(given_name="Paul", family_name="Roux"))
        # The ledger: release 1 went to A and to B (B first), 2 queued for A, 3 recorded for C.
        self.a_r1 = send(s, self.r1, self.a, "eloise@quotidien.example.fr", sent_at=at(2024, 2, 1))
        self.b_r1 = send(s, self.r1, self.b, "eloise.lefevre@gmail.com", sent_at=at(2024, 1, 31))
        self.a_r2 = send(s, self.r2, self.a, "eloise@quotidien.example.fr", status="pending")
        self.c_r3 = send(
            s,
            self.r3,
            self.c,
            "eloise@quotidien.example.fr",
            status="recorded",
            sent_at=at(2024, 3),
        )
        # Enquiries with their threads.
        self.enquiry = s.enquiries.create(
            EnquiryInput(subject="Interview IA", received_at=at(2024, 4), contact_id=self.b),
            note="Appel reçu",
        )
        s.enquiries.add_note(self.enquiry, "Rappelée le lendemain", at=at(2024, 4, 2))
        self.other_enquiry = s.enquiries.create(
            EnquiryInput(subject="Chiffres", received_at=at(2024, 5), contact_id=self.colleague)
        )
        # "Not a duplicate": B is not Paul; A is not C (the press officer changed their mind).
        s.duplicates.mark_not_duplicate([self.b, self.colleague])
        s.duplicates.mark_not_duplicate([self.a, self.c])

    @property
    def three(self) -> list[int]:
        return [self.a, self.b, self.c]


def dump(
    path: Path, *, audit_up_to: int | None = None, versions: bool = True
) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table (the search index's own tables aside: their inner layout
    changes, their answers are checked by searching), as stored; ``versions=False`` leaves
    out the version counters (an undo is a new version of what it puts back)."""
    conn = sqlite3.connect(path)
    try:
        names = [
            n
            for (n,) in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' "
                "AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'contacts_fts%'"
            )
        ]
        out = {}
        for name in names:
            where = f" WHERE id <= {audit_up_to}" if name == "audit_log" and audit_up_to else ""
            columns = [row[1] for row in conn.execute(f"PRAGMA table_info({name})")]
            if not versions:
                columns = [c for c in columns if c != "version"]
            listed = ", ".join(f'"{c}"' for c in columns)
            order = ", ".join(str(i) for i in range(1, len(columns) + 1))
            out[name] = conn.execute(
                f"SELECT {listed} FROM {name}{where} ORDER BY {order}"
            ).fetchall()
        return out
    finally:
        conn.close()


def last_audit_id(services: Services) -> int:
    with services.db.session() as session:
        return session.scalar(select(AuditEntry.id).order_by(AuditEntry.id.desc())) or 0


def audit_since(services: Services, after: int) -> list[AuditEntry]:
    with services.db.session() as session:
        return list(session.scalars(select(AuditEntry).where(AuditEntry.id > after)))


# -- merging ----------------------------------------------------------------------------------


def test_three_contacts_merge_into_one_keeping_every_kind_of_history(services: Services) -> None:
    desk = Desk(services)
    with services.db.session() as session:
        audit_of = {
            cid: set(
                session.scalars(
                    select(AuditEntry.id).where(
                        AuditEntry.entity == "contact", AuditEntry.entity_id == cid
                    )
                )
            )
            for cid in desk.three
        }
        enquiry_updated = session.get(Enquiry, desk.enquiry).updated_at  # type: ignore[union-attr]
    before = last_audit_id(services)
    result = services.merges.merge(desk.three)
    assert (result.survivor_id, result.merged_ids) == (desk.a, (desk.b, desk.c))  # the oldest
    for gone in (desk.b, desk.c):
        with pytest.raises(NotFoundError):
            services.contacts.get(gone)
    got = services.contacts.get(desk.a)
    # Single values: the most recently confirmed record's (C: the last created); what C
    # lacks comes from the next most recent (B: imported, then updated by an import).
    assert (got.given_name, got.family_name) == ("Eloise", "Lefèvre")
    assert got.organization == "Radio Hexagone" and got.job_title == "Chroniqueuse"
    assert [e.value for e in got.emails] == [
        "ELOISE@quotidien.example.fr",
        "eloise.lefevre@gmail.com",
    ]  # A's address is C's in other capitals: one mailbox
    assert [p.value for p in got.phones] == ["+33612345678", "+33145678900"]
    assert got.tags == ["Santé", "VIP"]
    assert got.lists == ["Presse nationale", "Radio"]
    assert [a.street for a in got.addresses] == ["3 quai des Fleurs"]
    assert [u.value for u in got.urls] == ["https://social.example.org/@eloise"]
    assert got.photo is not None and got.photo_mime == "image/png"
    assert got.notes == "Passée à la radio.\n\nRencontrée au salon 2019."
    # Opted out wins: the earliest opt-out, with its reason.
    assert got.opted_out and got.opted_out_reason == "Ne plus écrire"
    assert got.opted_out_at == at(2022, 3, 1)
    with services.db.session() as session:
        ledger = {
            (d.id, d.release_id, d.contact_id, d.status)
            for d in session.scalars(select(Distribution))
        }
        # Release 1 twice: B's earlier send stays, A's later one goes to the audit entry.
        assert ledger == {
            (desk.b_r1, desk.r1, desk.a, "sent"),
            (desk.a_r2, desk.r2, desk.a, "pending"),
            (desk.c_r3, desk.r3, desk.a, "recorded"),
        }
        enquiry = session.get(Enquiry, desk.enquiry)
        assert enquiry is not None and enquiry.contact_id == desk.a
        assert enquiry.updated_at == enquiry_updated  # moved, not edited
        events = session.scalars(
            select(EnquiryEvent.text).where(EnquiryEvent.enquiry_id == desk.enquiry)
        ).all()
        assert list(events) == ["Appel reçu", "Rappelée le lendemain"]
        items = {
            (i.batch_id, i.action)
            for i in session.scalars(
                select(ImportBatchItem).where(ImportBatchItem.contact_id == desk.a)
            )
        }
        assert items == {(desk.batch, "merged:created"), (desk.b_update, "merged:updated")}
        moved = set(
            session.scalars(
                select(AuditEntry.id).where(
                    AuditEntry.entity == "contact", AuditEntry.entity_id == desk.a
                )
            )
        )
        assert audit_of[desk.a] | audit_of[desk.b] | audit_of[desk.c] <= moved
        marks = {(m.first_id, m.second_id) for m in session.scalars(select(NotDuplicate))}
        assert marks == {(desk.a, desk.colleague)}  # B's mark now A's; A-C merged after all
        since = {
            m.list_id: m.added_at
            for m in session.scalars(select(ListMember).where(ListMember.contact_id == desk.a))
        }
    assert len(since) == 2
    # One audit entry, naming what was merged, the choices, and the dropped ledger line.
    [entry] = audit_since(services, before)
    details = json.loads(entry.details)
    assert (entry.action, entry.entity, entry.entity_id) == ("merge", "contact", desk.a)
    assert details["merged_from"] == [desk.b, desk.c]
    assert details["fields"]["given_name"] == desk.c
    assert [d["id"] for d in details["dropped_distributions"]] == [desk.a_r1]
    assert details["dropped_distributions"][0]["sent_at"].startswith("2024-02-01")
    # The contact's history and the search see one person.
    history = services.history.for_contact(desk.a)
    assert [r.release_id for r in history.releases] == [desk.r2, desk.r3, desk.r1]  # queued: now
    assert [e.enquiry_id for e in history.enquiries] == [desk.enquiry]
    assert services.contact_queries.ids(ContactFilter(search="eloise.lefevre@gmail.com")) == [
        desk.a
    ]
    assert services.duplicates.find() == []


def test_opted_out_wins_over_the_chosen_values(services: Services) -> None:
    keep = services.contacts.create(ContactData(given_name="Jean", family_name="Dupont"))
    other = services.contacts.create(ContactData(given_name="Jean", family_name="Dupont"))
    services.contacts.set_opted_out(other, True, "Ne plus écrire", at=at(2021))
    result = services.merges.merge([keep, other], choices={"given_name": keep})
    got = services.contacts.get(result.survivor_id)
    assert (got.opted_out, got.opted_out_at, got.opted_out_reason) == (
        True,
        at(2021),
        "Ne plus écrire",
    )


def test_the_caller_chooses_the_survivor_and_values(services: Services) -> None:
    desk = Desk(services)
    result = services.merges.merge(
        [desk.a, desk.b],
        survivor_id=desk.b,
        choices={"given_name": desk.a, "family_name": desk.a, "organization": desk.a},
    )
    assert result.survivor_id == desk.b and result.merged_ids == (desk.a,)
    got = services.contacts.get(desk.b)
    assert (got.given_name, got.family_name, got.organization) == (
        "Éloïse",
        "Lefèvre",
        "Le Quotidien",
    )
    assert got.job_title == "Chroniqueuse"  # B's import update is the latest confirmation


def test_confirmed_means_created_edited_or_imported_not_archived(services: Services) -> None:
    first = services.contacts.create(ContactData(given_name="Jean", family_name="Dupont"))
    second = services.contacts.create(ContactData(given_name="Jean", family_name="Dupond"))
    services.contacts.archive([first])  # touches updated_at, confirms nothing
    services.contacts.archive([first], archived=False)
    preview = services.merges.preview([first, second])
    assert preview.merged.family_name == "Dupond"
    services.contacts.update(first, ContactData(given_name="Jean", family_name="Dupont"))
    preview = services.merges.preview([first, second])
    assert preview.merged.family_name == "Dupont"
    assert preview.confirmed_at[first] > preview.confirmed_at[second]


def test_preview_shows_each_field_side_by_side_and_what_merge_writes(services: Services) -> None:
    desk = Desk(services)
    preview = services.merges.preview(desk.three, choices={"job_title": desk.a})
    assert preview.survivor_id == desk.a
    assert [c.id for c in preview.contacts] == [desk.a, desk.c, desk.b]  # then by confirmation
    fields = {f.field: f for f in preview.fields}
    assert [o.text for o in fields["job_title"].options] == [
        "Journaliste santé",
        "",
        "Chroniqueuse",
    ]
    assert fields["job_title"].chosen == desk.a and fields["job_title"].differs
    assert fields["given_name"].chosen == desk.c
    assert not fields["language"].differs
    assert fields["phones"].options[0].text == "01 45 67 89 00"
    assert (preview.releases, preview.releases_dropped, preview.enquiries) == (3, 1, 1)
    result = services.merges.merge(desk.three, choices={"job_title": desk.a})
    merged = services.contacts.get(result.survivor_id)
    assert merged.job_title == preview.merged.job_title == "Journaliste santé"
    for name in ("given_name", "family_name", "emails", "phones", "tags", "lists", "notes"):
        assert getattr(merged, name) == getattr(preview.merged, name)


def test_refusals_change_nothing(services: Services, db_path: Path) -> None:
    desk = Desk(services)
    before = dump(db_path)
    with pytest.raises(ValidationError) as info:
        services.merges.merge([desk.a, desk.a])
    assert info.value.code == "merge_too_few"
    with pytest.raises(NotFoundError):
        services.merges.merge([desk.a, 999])
    with pytest.raises(ValidationError) as info:
        services.merges.merge([desk.a, desk.b], survivor_id=desk.c)
    assert info.value.field == "survivor_id"
    with pytest.raises(ValidationError) as info:
        services.merges.merge([desk.a, desk.b], choices={"uid": desk.b})
    assert info.value.field == "choices"
    with pytest.raises(ValidationError) as info:
        services.merges.merge([desk.a, desk.b], choices={"given_name": desk.c})
    assert info.value.field == "choices[given_name]"
    assert dump(db_path) == before


# -- undo -------------------------------------------------------------------------------------


def test_merge_then_restore_gives_back_every_row_as_it_was(
    services: Services, db_path: Path
) -> None:
    desk = Desk(services)
    before_id = last_audit_id(services)
    before = dump(db_path, versions=False)
    result = services.merges.merge(desk.three, choices={"organization": desk.a})
    assert dump(db_path, audit_up_to=before_id, versions=False) != before
    # The undo data is plain JSON: the window may keep it on its undo stack as text.
    services.merges.restore(json.loads(json.dumps(result.undo)))
    # Every row as it was, as a new version: a form opened on the merged contact or on a
    # moved enquiry must not save over what the undo put back (edit_conflicts).
    assert dump(db_path, audit_up_to=before_id, versions=False) == before
    # Two new audit entries: the merge and its undo.
    assert [(e.action, e.entity_id) for e in audit_since(services, before_id)] == [
        ("merge", desk.a),
        ("unmerge", desk.a),
    ]
    # B's enquiry went back to B: named, for a refusal of a form opened before (who, when).
    assert json.loads(audit_since(services, before_id)[1].details) == {
        "restored": [desk.b, desk.c],
        "enquiries": [desk.enquiry],
    }
    # The search index follows: B is found by its own address and title again, A is not.
    for query in ("eloise.lefevre@gmail.com", "Chroniqueuse"):
        assert services.contact_queries.ids(ContactFilter(search=query)) == [desk.b]
    # And the import that created B can be undone as before (B goes, A stays).
    services.imports.undo(desk.batch)
    with pytest.raises(NotFoundError):
        services.contacts.get(desk.b)
    services.contacts.get(desk.a)


def test_restore_is_refused_once_the_survivor_changed(services: Services, db_path: Path) -> None:
    desk = Desk(services)
    result = services.merges.merge([desk.a, desk.c])
    services.contacts.update(desk.a, ContactData(given_name="Éloïse", family_name="Lefèvre"))
    before = dump(db_path)
    with pytest.raises(ConflictError) as info:
        services.merges.restore(result.undo)
    assert info.value.code == "merge_changed_since"
    assert dump(db_path) == before
    # A later merge into the same survivor has to be undone first.
    second = services.merges.merge([desk.a, desk.b])
    with pytest.raises(ConflictError):
        services.merges.restore(result.undo)
    services.merges.restore(second.undo)
    services.contacts.get(desk.b)


def test_restore_refuses_foreign_undo_data(services: Services) -> None:
    with pytest.raises(ValidationError) as info:
        services.merges.restore({"version": 0})
    assert info.value.code == "merge_undo_unknown"


def test_undoing_an_import_after_a_merge_keeps_the_survivor(services: Services) -> None:
    desk = Desk(services)
    services.merges.merge([desk.a, desk.b])
    services.imports.undo(desk.batch)
    got = services.contacts.get(desk.a)  # B's import created half of it: it stays
    assert "eloise.lefevre@gmail.com" in [e.value for e in got.emails]
    services.imports.undo(desk.b_update)
    assert services.contacts.get(desk.a).job_title == "Chroniqueuse"


def test_every_table_referring_to_contacts_is_handled_by_the_merge() -> None:
    referring = {
        fk.parent.table.name
        for table in Base.metadata.sorted_tables
        for fk in table.foreign_keys
        if fk.column.table.name == "contacts"
    }
    # import_batch_items and audit_log name contacts without a foreign key.
    assert referring | {"contacts", "import_batch_items", "audit_log"} <= HANDLED_TABLES


def test_the_old_two_contact_merge_keeps_the_first_ones_values(services: Services) -> None:
    keep = services.contacts.create(ContactData(given_name="Jean", family_name="Dupont"))
    other = services.contacts.create(
        ContactData(given_name="Jeanne", family_name="Dupont", job_title="Reporter")
    )
    services.contacts.merge(keep, other)
    got = services.contacts.get(keep)
    assert (got.given_name, got.job_title) == ("Jean", "Reporter")


@pytest.mark.parametrize("step", ["merge", "restore"])
def test_a_failure_at_the_last_moment_leaves_the_database_as_it_was(
    services: Services, db_path: Path, monkeypatch: pytest.MonkeyPatch, step: str
) -> None:
    desk = Desk(services)
    undo = services.merges.merge(desk.three).undo if step == "restore" else None
    before = dump(db_path)

    def broken_audit(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("disk full while writing the audit entry")

    monkeypatch.setattr(ServiceBase, "audit", broken_audit)
    with pytest.raises(RuntimeError):
        if undo is None:
            services.merges.merge(desk.three)
        else:
            services.merges.restore(undo)
    assert dump(db_path) == before


def test_undoing_the_import_that_created_the_survivor_keeps_what_it_now_holds(
    services: Services,
) -> None:
    # On main before issue 12, this deleted the survivor and the hand-typed record's data.
    desk = Desk(services)
    services.merges.merge([desk.a, desk.b], survivor_id=desk.b)
    services.imports.undo(desk.batch)
    got = services.contacts.get(desk.b)
    assert "Rencontrée au salon 2019." in got.notes
    assert services.history.for_contact(desk.b).releases
