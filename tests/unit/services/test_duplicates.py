"""The duplicate finder over a real database, "not a duplicate" marks, and the form's lookup
of another contact holding an e-mail address or mobile."""

from __future__ import annotations

import json
from collections.abc import Sequence

import pytest
from sqlalchemy import select

from fiac_press_desk.domain.contact import ContactData, EmailAddress, Phone
from fiac_press_desk.domain.errors import NotFoundError, ValidationError
from fiac_press_desk.services import Services
from fiac_press_desk.services.base import ServiceBase
from fiac_press_desk.services.duplicates import DuplicateGroup
from fiac_press_desk.storage.models import AuditEntry, NotDuplicate

SWITCHBOARD = "01 45 67 89 00"


def person(
    services: Services,
    given: str,
    family: str,
    org: str = "",
    emails: Sequence[str] = (),
    phones: Sequence[str | tuple[str, str]] = (),
    *,
    archived: bool = False,
    display: str = "",
) -> int:
    cid = services.contacts.create(
        ContactData(
            given_name=given,
            family_name=family,
            display_name=display,
            organization=org,
            emails=[EmailAddress(e) for e in emails],
            phones=[Phone(*p) if isinstance(p, tuple) else Phone(p) for p in phones],
        )
    )
    if archived:
        services.contacts.archive([cid])
    return cid


def pairs_of(groups: list[DuplicateGroup]) -> dict[tuple[int, int], list[tuple[str, str, int]]]:
    return {
        (p.first_id, p.second_id): [(r.code, r.value, r.score) for r in p.reasons]
        for g in groups
        for p in g.pairs
    }


def test_each_rule_finds_its_pair_and_says_why(services: Services) -> None:
    jean = person(services, "Jean", "Dupont", "Le Quotidien", ["jean.dupont@gmail.com"])
    typo = person(services, "Jean", "Dupond", "Le Quotidien")
    moved = person(services, "Dupont", "Jean", "Radio Hexagone", ["JeanDupont+cp@googlemail.com"])
    mobile_a = person(services, "Anne", "Morel", "Radio Hexagone", phones=["06 12 34 56 78"])
    mobile_b = person(services, "Anne", "Morel", "Télé Horizon", phones=["+33 6 12 34 56 78"])
    same_a = person(services, "Hélène", "Lefèvre-Dupré", "Onco Actu")
    same_b = person(services, "HELENE", "lefevre dupre", "onco actu")
    domain_a = person(services, "Marc", "Lenoir", "", ["marc.lenoir@gazette.example.fr"])
    domain_b = person(services, "Marc", "Lenoir", "La Gazette", ["m.lenoir@gazette.example.fr"])
    found = pairs_of(services.duplicates.find())
    assert found[(jean, typo)] == [("close_name_organisation", "Le Quotidien", 70)]
    assert found[(jean, moved)] == [("email", "jean.dupont@gmail.com", 95)]
    assert found[(mobile_a, mobile_b)] == [("mobile", "+33612345678", 90)]
    assert found[(same_a, same_b)] == [("name_organisation", "Onco Actu", 85)]
    assert found[(domain_a, domain_b)] == [("name_domain", "gazette.example.fr", 75)]
    # typo and moved: "Jean Dupond" / "Dupont Jean" are a slip apart but at two outlets
    assert (typo, moved) not in found
    assert len(found) == 5


def test_groups_gather_what_is_linked_with_reasons_and_the_suggested_survivor(
    services: Services,
) -> None:
    first = person(services, "Jean", "Dupont", "Le Quotidien", ["jean@quotidien.example.fr"])
    second = person(services, "Jean", "Dupont", "Le Quotidien", ["JEAN@quotidien.example.fr"])
    third = person(services, "Jean", "Dupond", "Le Quotidien")
    services.contacts.archive([first])
    [group] = services.duplicates.find()
    # The suggested survivor first (an active contact, then the oldest), archived ones last.
    assert group.ids == [second, third, first]
    assert group.members[2].archived and group.members[2].emails == ("jean@quotidien.example.fr",)
    assert group.members[0].organisation == "Le Quotidien"
    assert group.score == 99  # same mailbox and same name at one organisation
    assert [(p.first_id, p.second_id, p.score) for p in group.pairs] == [
        (first, second, 99),
        (first, third, 70),
        (second, third, 70),
    ]
    assert [r.code for r in group.pairs[0].reasons] == ["email", "name_organisation"]


def test_min_score_and_among(services: Services) -> None:
    a = person(services, "Jean", "Dupont", "Le Quotidien", ["jean@quotidien.example.fr"])
    b = person(services, "Jean", "Dupont", "Radio", ["jean@quotidien.example.fr"])
    c = person(services, "Zoé", "Martin", "Le Quotidien")
    d = person(services, "Zoé", "Martyn", "Le Quotidien")
    assert [g.ids for g in services.duplicates.find()] == [[a, b], [c, d]]
    assert [g.ids for g in services.duplicates.find(min_score=80)] == [[a, b]]
    assert [g.ids for g in services.duplicates.find(among=[d])] == [[c, d]]
    assert services.duplicates.find(among=[]) == []


def test_shared_switchboards_and_desk_mailboxes_are_not_reasons(services: Services) -> None:
    # Four journalists of one newsroom: one switchboard, one desk mailbox.
    desk = "redaction@quotidien.example.fr"
    people = [
        person(services, given, family, "Le Quotidien", [desk], [(SWITCHBOARD, "work")])
        for given, family in [
            ("Jean", "Dupont"),
            ("Anne", "Morel"),
            ("Paul", "Roux"),
            ("Lina", "Benali"),
        ]
    ]
    # A couple sharing one home mailbox and one mobile: two people.
    person(services, "Pierre", "Garnier", "Radio", ["famille.garnier@orange.fr"], ["0611111111"])
    person(services, "Sophie", "Lambert", "Télé", ["famille.garnier@orange.fr"], ["0611111111"])
    # Two people at gmail.com with close names and different mailboxes: a public domain.
    person(services, "Marie", "Curie", "Radio", ["marie.curie@gmail.com"])
    person(services, "Marie", "Curie", "Télé", ["mcurie1867@gmail.com"])
    assert services.duplicates.find() == []
    # A fifth record of Jean Dupont on the desk mailbox: names agree, so it is him.
    again = person(services, "Jean", "Dupont", "Le Quotidien", [desk])
    assert [g.ids for g in services.duplicates.find()] == [[people[0], again]]


def test_domains_of_many_organisations_count_as_public(services: Services) -> None:
    # A provider the list does not know: its users work at 21 different places.
    for i in range(21):
        person(services, f"P{i}", "Martin", f"Outlet {i}", [f"p{i}@webmail.example.net"])
    person(services, "Julie", "Morin", "", ["julie.morin@webmail.example.net"])
    person(services, "Julie", "Morin", "", ["jmorin@webmail.example.net"])
    assert services.duplicates.find() == []


def test_groups_made_only_of_archived_contacts_are_left_out(services: Services) -> None:
    person(services, "Jean", "Dupont", "Le Quotidien", archived=True)
    person(services, "Jean", "Dupont", "Le Quotidien", archived=True)
    assert services.duplicates.find() == []


# -- "not a duplicate" ------------------------------------------------------------------------


def test_a_pair_marked_not_a_duplicate_is_never_proposed_again(services: Services) -> None:
    a = person(services, "Jean", "Dupont", "Le Quotidien")
    b = person(services, "Jean", "Dupont", "Le Quotidien")
    assert [g.ids for g in services.duplicates.find()] == [[a, b]]
    assert services.duplicates.mark_not_duplicate([b, a, a]) == [(a, b)]
    assert services.duplicates.find() == []
    assert services.duplicates.is_marked_distinct(b, a)
    assert services.duplicates.distinct_partners([a, 999]) == {a: {b}}
    assert services.duplicates.mark_not_duplicate([a, b]) == []  # already known
    with services.db.session() as session:
        entry = session.scalars(select(AuditEntry).order_by(AuditEntry.id.desc())).first()
        assert entry is not None and entry.action == "not_duplicate"
        assert json.loads(entry.details)["pairs"] == []
    # Changing one's mind: the pair is proposed again.
    assert services.duplicates.forget_not_duplicate([(b, a)]) == 1
    assert [g.ids for g in services.duplicates.find()] == [[a, b]]


def test_a_mark_keeps_two_people_out_of_one_group(services: Services) -> None:
    x = person(services, "Jean", "Dupont", "Le Quotidien", ["jean@quotidien.example.fr"])
    y = person(
        services, "Jean", "Dupont", "Le Quotidien", ["jean@quotidien.example.fr", "j@x.example.fr"]
    )
    z = person(services, "", "", "", ["j@x.example.fr"])
    assert [g.ids for g in services.duplicates.find()] == [[x, y, z]]
    services.duplicates.mark_not_duplicate([x, z])
    # x-y is surest (mailbox and name): z is left out rather than grouped with x.
    [group] = services.duplicates.find()
    assert group.ids == [x, y]
    assert [(p.first_id, p.second_id) for p in group.pairs] == [(x, y)]


def test_marking_refuses_a_single_or_unknown_contact(services: Services) -> None:
    a = person(services, "Jean", "Dupont")
    with pytest.raises(ValidationError) as info:
        services.duplicates.mark_not_duplicate([a, a])
    assert info.value.code == "pair_needs_two"
    with pytest.raises(NotFoundError):
        services.duplicates.mark_not_duplicate([a, 999])
    assert not services.duplicates.is_marked_distinct(a, a)


def test_marks_go_with_a_deleted_contact_and_come_back_with_its_undo(services: Services) -> None:
    a = person(services, "Jean", "Dupont", "Le Quotidien")
    b = person(services, "Jean", "Dupont", "Le Quotidien")
    c = person(services, "Jean", "Dupond", "Le Quotidien")
    services.duplicates.mark_not_duplicate([a, b, c])
    with services.db.session() as session:
        before = [
            (m.first_id, m.second_id, m.marked_at, m.actor)
            for m in session.scalars(select(NotDuplicate))
        ]
    snapshots = services.contacts.delete([a, b])
    with services.db.session() as session:
        assert session.scalars(select(NotDuplicate)).all() == []
    services.contacts.restore(snapshots)
    with services.db.session() as session:
        after = [
            (m.first_id, m.second_id, m.marked_at, m.actor)
            for m in session.scalars(select(NotDuplicate))
        ]
    assert sorted(after) == sorted(before)
    assert services.duplicates.find() == []


# -- the form's warning -----------------------------------------------------------------------


def test_conflicts_name_the_other_contact_for_the_same_mailbox_or_mobile(
    services: Services,
) -> None:
    jean = person(
        services,
        "Jean",
        "Dupont",
        "Le Quotidien",
        ["Jean.Dupont@gmail.com", "jean@quotidien.example.fr"],
        ["06 12 34 56 78", SWITCHBOARD],
    )
    old = person(services, "Jean", "Dupont", "", ["JEAN@quotidien.example.fr"], archived=True)
    found = services.duplicates.conflicts(
        ["jeandupont+presse@googlemail.com", "not an address", "personne@example.fr"],
        ["+33 6 12 34 56 78", SWITCHBOARD, "??"],
    )
    got = [(c.contact_id, c.field, c.value, c.typed, c.archived) for c in found]
    assert got == [
        (jean, "email", "Jean.Dupont@gmail.com", "jeandupont+presse@googlemail.com", False),
        (jean, "phone", "+33612345678", "+33 6 12 34 56 78", False),
    ]  # the switchboard is every colleague's: not reported
    assert found[0].name == "Jean Dupont" and found[0].organisation == "Le Quotidien"
    # Editing Jean: Jean himself is not a conflict, the archived old record is.
    edit = services.duplicates.conflicts(["jean@QUOTIDIEN.example.fr"], exclude_id=jean)
    assert [(c.contact_id, c.value, c.archived) for c in edit] == [
        (old, "JEAN@quotidien.example.fr", True)
    ]
    # ... unless the press officer said they are two people.
    services.duplicates.mark_not_duplicate([jean, old])
    assert services.duplicates.conflicts(["jean@quotidien.example.fr"], exclude_id=jean) == []
    assert services.duplicates.conflicts() == []


def test_gmail_lookup_reads_only_the_addresses_that_can_match(services: Services) -> None:
    a = person(services, "A", "B", "", ["a.b.c@gmail.com"])
    person(services, "C", "D", "", ["abc@example.fr", "b.a.c@gmail.com"])
    got = services.duplicates.conflicts(["ABC@gmail.com"])
    assert [(c.contact_id, c.value) for c in got] == [(a, "a.b.c@gmail.com")]


def test_an_initial_and_a_hyphen_run_together_still_meet(services: Services) -> None:
    jean = person(services, "Jean", "Dupont", "Le Quotidien")
    initial = person(services, "J.", "Dupont", "Le Quotidien")
    anne = person(services, "Anne-Sophie", "Lefèvre-Dupré", "Radio")
    joined = person(services, "AnneSophie", "LefevreDupre", "Radio")  # no word in common
    found = pairs_of(services.duplicates.find())
    assert found == {
        (jean, initial): [("close_name_organisation", "Le Quotidien", 70)],
        (anne, joined): [("close_name_organisation", "Radio", 60)],
    }


def test_a_name_alone_does_not_link_two_records_that_say_two_people(services: Services) -> None:
    # Each with a mobile of their own: two journalists with one name.
    person(services, "Jean", "Dupont", "Le Quotidien", phones=["0611111111"])
    person(services, "Jean", "Dupont", "Le Quotidien", phones=["0622222222"])
    # Numbered apart by their newsroom's mail server.
    person(services, "Marie", "Martin", "Radio", ["marie.martin@radio.example.fr"])
    person(services, "Marie", "Martin", "Radio", ["marie.martin2@radio.example.fr"])
    assert services.duplicates.find() == []
    # A shared mobile outweighs the rest; other addresses at the newsroom do not say two people.
    a = person(services, "Paul", "Roux", "Télé", ["paul.roux@tele.example.fr"], ["0633333333"])
    b = person(services, "Paul", "Roux", "Télé", ["p.roux@tele.example.fr"], ["0633333333"])
    c = person(services, "Paul", "Roux", "Télé", ["roux@tele.example.fr"])
    assert [g.ids for g in services.duplicates.find()] == [[a, b, c]]


def test_a_desk_address_is_not_a_conflict(services: Services) -> None:
    person(services, "Jean", "Dupont", "Le Quotidien", ["redaction@quotidien.example.fr"])
    assert services.duplicates.conflicts(["Redaction+cp@quotidien.example.fr"]) == []


def test_marking_and_forgetting_are_one_transaction_each(
    services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    a = person(services, "Jean", "Dupont", "Le Quotidien")
    b = person(services, "Jean", "Dupont", "Le Quotidien")
    c = person(services, "Jean", "Dupond", "Le Quotidien")
    services.duplicates.mark_not_duplicate([a, b])

    def broken_audit(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("disk full while writing the audit entry")

    monkeypatch.setattr(ServiceBase, "audit", broken_audit)
    with pytest.raises(RuntimeError):
        services.duplicates.forget_not_duplicate([(a, b)])
    assert services.duplicates.is_marked_distinct(a, b)
    with pytest.raises(RuntimeError):
        services.duplicates.mark_not_duplicate([a, c])
    assert not services.duplicates.is_marked_distinct(a, c)


class _Recorder:
    def __init__(self, stop_at: int | None = None) -> None:
        self.reports: list[tuple[int, int]] = []
        self.checks = 0
        self.stop_at = stop_at

    def report(self, done: int, total: int, text: str = "") -> None:
        self.reports.append((done, total))

    def check(self) -> None:
        self.checks += 1
        if self.checks == self.stop_at:
            raise KeyboardInterrupt  # stands for the window's Cancelled


def test_the_finder_reports_progress_and_can_be_stopped(services: Services) -> None:
    person(services, "Jean", "Dupont", "Le Quotidien")
    person(services, "Jean", "Dupont", "Le Quotidien")
    sink = _Recorder()
    assert len(services.duplicates.find(progress=sink)) == 1
    assert sink.reports == [(0, 3), (1, 3), (2, 3), (3, 3)] and sink.checks >= 5
    with pytest.raises(KeyboardInterrupt):
        services.duplicates.find(progress=_Recorder(stop_at=3))


def test_a_word_twice_in_a_name_is_one_block_entry(services: Services) -> None:
    a = person(services, "Martin", "Martin", "Le Quotidien")
    b = person(services, "Martin", "Martin", "Le Quotidien")
    person(services, "Jean", "Martin", "Le Quotidien")
    assert pairs_of(services.duplicates.find()) == {
        (a, b): [("name_organisation", "Le Quotidien", 85)]
    }
