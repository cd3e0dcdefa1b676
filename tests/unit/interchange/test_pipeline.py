"""The shared import pipeline: validation, matching, plan decisions, apply, report."""

from __future__ import annotations

import csv
import gc
from collections.abc import Iterator
from pathlib import Path

import pytest

from fiac_press_desk.domain.contact import ContactData, EmailAddress, Phone
from fiac_press_desk.domain.enums import Decision, MatchKind
from fiac_press_desk.domain.messages import set_language
from fiac_press_desk.interchange.pipeline import apply_plan, build_plan, write_report
from fiac_press_desk.interchange.records import ImportProblem, ImportRecord, SourcePlace
from fiac_press_desk.services import Services
from fiac_press_desk.services.contact_queries import ContactFilter


def rec(line: int, fields: frozenset[str] | None = None, **values: object) -> ImportRecord:
    return ImportRecord(
        ContactData(**values),
        SourcePlace("in.vcf", line=line),  # type: ignore[arg-type]
        fields=fields,
    )


@pytest.fixture
def eloise(services: Services) -> int:
    return services.contacts.create(
        ContactData(
            given_name="Éloïse",
            family_name="Lefèvre",
            organization="Le Quotidien",
            emails=[EmailAddress("eloise@example.fr")],
            phones=[Phone("06 12 34 56 78")],
            notes="À garder",
            tags=["santé"],
        )
    )


def plan_of(services: Services, items: list, on_duplicate: str = "skip"):  # type: ignore[no-untyped-def]
    return build_plan(
        services, items, sources=["in.vcf"], format="vcard", on_duplicate=on_duplicate
    )


def test_new_records_are_created_in_one_batch(services: Services) -> None:
    plan = plan_of(
        services,
        [
            rec(
                1,
                given_name="Jean",
                family_name="Martin",
                emails=[EmailAddress("jm@example.fr")],
                tags=["IA"],
                lists=["Presse nationale"],
                organization="Radio Fictive",
            ),
            rec(8, given_name="Zoé", family_name="Dupré"),
        ],
    )
    assert [i.kind for i in plan.items] == [MatchKind.NEW, MatchKind.NEW]
    result = apply_plan(services, plan)
    assert (result.created, result.updated, result.refused) == (2, 0, [])
    created = services.contacts.get_many(result.created_ids)
    assert created[0].organization == "Radio Fictive"
    assert created[0].tags == ["IA"] and created[0].lists == ["Presse nationale"]
    assert [b.created for b in services.imports.batches()] == [2]


def test_uid_match_is_a_certain_update_of_the_carried_fields_only(
    services: Services, eloise: int
) -> None:
    uid = services.contacts.get(eloise).uid
    carried = frozenset({"uid", "given_name", "family_name", "job_title"})
    plan = plan_of(
        services,
        [
            rec(
                1,
                carried,
                uid=uid,
                given_name="Éloïse",
                family_name="Lefèvre",
                job_title="Reporter",
            )
        ],
    )
    item = plan.items[0]
    assert (item.kind, item.decision, item.existing_id) == (
        MatchKind.UPDATE,
        Decision.UPDATE,
        eloise,
    )
    assert item.changes == ["job_title"]
    apply_plan(services, plan)
    after = services.contacts.get(eloise)
    assert after.job_title == "Reporter"
    assert after.notes == "À garder" and after.emails[0].value == "eloise@example.fr"


def test_same_data_again_is_unchanged_and_writes_nothing(services: Services, eloise: int) -> None:
    same = services.contacts.get(eloise)
    plan = plan_of(services, [ImportRecord(same, SourcePlace("in.vcf", line=1))])
    assert plan.items[0].kind is MatchKind.UNCHANGED
    assert plan.items[0].decision is Decision.SKIP
    result = apply_plan(services, plan)
    assert (result.created, result.updated, result.unchanged) == (0, 0, 1)
    assert services.contacts.get(eloise).updated_at == same.updated_at
    assert result.batch_id is None and services.imports.batches() == []  # no empty batch


@pytest.mark.parametrize(
    "on_duplicate, created, updated", [("skip", 0, 0), ("update", 0, 1), ("create", 1, 0)]
)
def test_probable_duplicate_follows_on_duplicate(
    services: Services, eloise: int, on_duplicate: str, created: int, updated: int
) -> None:
    plan = plan_of(
        services,
        [
            rec(
                3,
                given_name="E.",
                family_name="Lefèvre",
                emails=[EmailAddress("ELOISE@Example.fr")],
                phones=[Phone("+33 1 40 00 00 01")],
            )
        ],
        on_duplicate,
    )
    item = plan.items[0]
    assert item.kind is MatchKind.DUPLICATE and item.existing_id == eloise
    assert "eloise@example.fr" in item.match_reason.lower()
    result = apply_plan(services, plan)
    assert (result.created, result.updated) == (created, updated)
    if on_duplicate == "update":  # merged: nothing lost, the new phone added
        merged = services.contacts.get(eloise)
        assert merged.given_name == "Éloïse"
        assert [p.value for p in merged.phones] == ["+33612345678", "+33140000001"]


def test_match_by_name_and_organisation_a_shared_phone_is_only_a_remark(
    services: Services, eloise: int
) -> None:
    plan = plan_of(
        services,
        [
            rec(1, given_name="Quelqu'un", phones=[Phone("0612345678")]),
            rec(2, given_name="eloise", family_name="LEFEVRE", organization="le quotidien"),
        ],
    )
    assert [(i.kind, i.existing_id) for i in plan.items] == [
        (MatchKind.NEW, None),
        (MatchKind.DUPLICATE, eloise),
    ]
    assert plan.items[0].remarks == [
        "téléphone +33612345678 partagé avec Éloïse Lefèvre (contact n° 1) : pas un doublon"
    ]
    assert plan.items[1].match_key == "name"


def test_same_person_twice_in_one_file(services: Services) -> None:
    plan = plan_of(
        services,
        [
            rec(1, given_name="Ana", family_name="Silva", emails=[EmailAddress("ana@example.org")]),
            rec(
                9,
                given_name="Ana",
                family_name="Silva",
                emails=[EmailAddress("ANA@example.org")],
                job_title="Pigiste",
            ),
        ],
        on_duplicate="update",
    )
    assert plan.items[1].kind is MatchKind.DUPLICATE and plan.items[1].duplicate_of == 0
    result = apply_plan(services, plan)
    assert result.created == 1
    (ana,) = services.contacts.get_many(result.created_ids)
    assert ana.job_title == "Pigiste" and len(ana.emails) == 1


def test_twice_in_one_file_with_the_same_tag_spelt_two_ways_merges_into_one_tag(
    services: Services, eloise: int
) -> None:
    """The database holds "Santé" and "sante" as one tag: merging the two rows (and
    merging them into a contact who already has it) must not write it twice."""
    twice = [
        rec(
            1,
            given_name="Ana",
            family_name="Silva",
            emails=[EmailAddress("ana@example.org")],
            tags=["santé", "IA"],
            lists=["Presse"],
        ),
        rec(
            9,
            given_name="Ana",
            family_name="Silva",
            emails=[EmailAddress("ANA@example.org")],
            tags=["Santé", "Sante "],
            lists=["presse"],
        ),
        rec(
            12,
            given_name="Éloïse",
            family_name="Lefèvre",
            emails=[EmailAddress("ELOISE@example.fr")],
            tags=["SANTE"],
        ),
        rec(
            15,
            given_name="Éloïse",
            family_name="Lefèvre",
            emails=[EmailAddress("eloise@example.fr")],
            tags=["santé", "Oncologie"],
        ),
    ]
    result = apply_plan(services, plan_of(services, twice, on_duplicate="update"))
    assert (result.created, result.updated, result.refused) == (1, 1, [])
    (ana,) = services.contacts.get_many(result.created_ids)
    assert ana.tags == ["IA", "santé"] and ana.lists == ["Presse"]
    assert services.contacts.get(eloise).tags == ["Oncologie", "santé"]


def test_a_duplicate_that_brings_nothing_new_is_counted_unchanged(
    services: Services, eloise: int
) -> None:
    again = rec(
        3,
        given_name="Eloise",
        family_name="Lefevre",
        emails=[EmailAddress("Eloise@Example.fr")],
        tags=["Santé"],
    )
    plan = plan_of(services, [again], on_duplicate="update")
    assert plan.items[0].kind is MatchKind.DUPLICATE and plan.items[0].changes == []
    result = apply_plan(services, plan)
    assert (result.created, result.updated, result.unchanged) == (0, 0, 1)
    assert services.contacts.get(eloise).given_name == "Éloïse"


def test_bad_records_are_refused_with_their_place_and_the_rest_goes_on(
    services: Services,
) -> None:
    plan = plan_of(
        services,
        [
            rec(1, given_name="Bon", emails=[EmailAddress("bon@example.fr")]),
            rec(5, family_name="Vide", emails=[EmailAddress("pas une adresse")]),
            ImportProblem(SourcePlace("in.vcf", line=9), "carte illisible"),
            rec(12),
        ],
    )
    assert [i.kind for i in plan.items] == [MatchKind.NEW] * 2 + [MatchKind.ERROR] * 2
    result = apply_plan(services, plan)
    assert result.created == 2
    assert [(str(p), m.split(":")[0]) for p, m in result.refused] == [
        ("in.vcf:9", "carte illisible"),
        ("in.vcf:12", "family_name"),
    ]


def test_a_value_that_does_not_validate_never_costs_the_person(services: Services) -> None:
    """Issue 11: "voir standard" in a phone cell, a bad email beside a good one, an unreadable
    birthday: the person comes in, each value named in a warning and kept in the notes."""
    set_language("en")
    plan = plan_of(
        services,
        [
            rec(
                3,
                given_name="Alice",
                family_name="Durand",
                emails=[EmailAddress("pas une adresse"), EmailAddress("alice@example.fr")],
                phones=[Phone("voir standard"), Phone("01 40 10 30 30")],
                birthday="le 3 mai",
                notes="Suit la santé",
            ),
            rec(4, given_name="Nul", emails=[EmailAddress("@@")]),
        ],
    )
    first, second = plan.items
    assert first.kind is MatchKind.NEW and second.kind is MatchKind.NEW
    assert [e.value for e in first.data.emails] == ["alice@example.fr"]
    assert [p.value for p in first.data.phones] == ["+33140103030"]
    assert [w.split(" '")[0] for w in first.warnings] == ["emails[0]", "phones[0]", "birthday"]
    assert "'voir standard' refused" in first.warnings[1]
    apply_plan(services, plan)
    ids = services.contact_queries.ids(ContactFilter(archived=None))
    (alice,) = [c for c in services.contacts.get_many(ids) if c.family_name == "Durand"]
    assert alice.notes == (
        "Suit la santé\nemails: pas une adresse\nphones: voir standard\nbirthday: le 3 mai"
    )


def test_an_opt_out_is_never_lifted_by_a_file(services: Services, eloise: int) -> None:
    services.contacts.set_opted_out(eloise, True, "ne plus écrire")
    again = services.contacts.get(eloise)
    again.opted_out, again.notes = False, "nouvelle note"
    plan = plan_of(services, [ImportRecord(again, SourcePlace("in.vcf", line=1))])
    apply_plan(services, plan)
    after = services.contacts.get(eloise)
    assert after.opted_out and after.opted_out_reason == "ne plus écrire"
    assert after.notes == "nouvelle note"


def test_user_decision_overrides_the_preset(services: Services, eloise: int) -> None:
    plan = plan_of(
        services, [rec(1, given_name="Autre", emails=[EmailAddress("eloise@example.fr")])]
    )
    plan.items[0].decision = Decision.CREATE
    result = apply_plan(services, plan)
    assert result.created == 1
    assert services.contact_queries.count(ContactFilter()) == 2


def test_undo_restores_the_database(services: Services, eloise: int) -> None:
    before = services.contacts.get(eloise)
    carried = frozenset({"uid", "job_title", "tags", "lists"})
    plan = plan_of(
        services,
        [
            rec(
                1,
                carried,
                uid=before.uid,
                job_title="Rédactrice",
                tags=["nouveau"],
                lists=["Nouvelle liste"],
            ),
            rec(2, given_name="Neuf", organization="Organisme neuf"),
        ],
    )
    result = apply_plan(services, plan)
    assert services.contact_queries.count(ContactFilter()) == 2
    services.imports.undo(result.batch_id)  # type: ignore[arg-type]
    assert services.contacts.get(eloise) == before
    assert services.contact_queries.count(ContactFilter()) == 1
    assert [t.name for t in services.tags.all()] == ["santé"]
    assert services.lists.all() == []
    assert "Organisme neuf" not in services.organisations.names()
    assert services.imports.batches()[0].status == "undone"


def test_cancel_during_apply_writes_nothing(services: Services) -> None:
    class Stop(Exception):
        pass

    class CancelAtOnce:
        def report(self, done: int, total: int, text: str = "") -> None:
            pass

        def check(self) -> None:
            raise Stop

    plan = plan_of(services, [rec(1, given_name="Jean")])
    with pytest.raises(Stop):
        apply_plan(services, plan, CancelAtOnce())
    assert services.contact_queries.count(ContactFilter()) == 0
    assert services.imports.batches() == []


def test_report_lists_every_record(services: Services, tmp_path: Path) -> None:
    plan = plan_of(services, [rec(1, given_name="Jean"), rec(4)])
    result = apply_plan(services, plan)
    out = tmp_path / "rapport.csv"
    write_report(plan, result, out)
    rows = list(csv.reader(out.read_text(encoding="utf-8-sig").splitlines(), delimiter=";"))
    assert rows[0][:5] == ["file", "sheet", "line_or_row", "kind", "decision"]
    assert rows[1][2:6] == ["1", "new", "create", "Jean"]
    assert rows[2][2:5] == ["4", "error", "refused"]


class _FreezeWatch:
    """A progress sink (a window job's, which manages the collector itself)."""

    def report(self, done: int, total: int, text: str = "") -> None:
        pass

    def check(self) -> None:
        pass


def _many(count: int, frozen: list[int] | None = None) -> Iterator[ImportRecord]:
    """Records, noting how many objects the collector has set aside as they are read."""
    for i in range(count):
        if frozen is not None and i % 500 == 0:
            frozen.append(gc.get_freeze_count())
        yield rec(
            i, given_name="Jean", family_name=f"Martin{i}", emails=[EmailAddress(f"j{i}@ex.fr")]
        )


def test_a_large_plan_is_kept_out_of_full_collections_then_handed_back(
    services: Services,
) -> None:
    gc.unfreeze()  # the command line: nobody manages the collector, no progress reported
    frozen: list[int] = []
    plan = build_plan(services, _many(4500, frozen), sources=["in.vcf"], format="vcard")
    assert max(frozen) > 0  # set aside while the plan grew
    assert gc.get_freeze_count() == 0  # and handed back
    result = apply_plan(services, plan)
    assert result.created == 4500
    assert gc.get_freeze_count() == 0


def test_a_window_job_keeps_its_own_collector_policy(
    services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    # What the window froze is not handed back behind its back. (Counting the frozen
    # objects does not tell: one of them freed by reference counting, a cache entry an
    # import replaces, lowers the count by one.)
    unfreeze = gc.unfreeze
    handed_back: list[None] = []
    monkeypatch.setattr(gc, "unfreeze", lambda: handed_back.append(None))
    gc.freeze()  # the import window freezes before its jobs (CollectedProgress)
    try:
        watch = _FreezeWatch()
        plan = build_plan(services, _many(2500), sources=["in.vcf"], format="vcard", progress=watch)
        apply_plan(services, plan, progress=watch)
        assert handed_back == []
    finally:
        unfreeze()
