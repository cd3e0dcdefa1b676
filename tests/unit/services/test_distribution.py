"""Choosing recipients (the plan and its skip reasons), recording a distribution made
elsewhere, "the new ones only", and the ledger read both ways."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest
from release_helpers import LIST, aware, newsroom, person, release
from sqlalchemy import select

from fiac_press_desk.domain.enums import DistributionChannel, DistributionStatus, SkipReason
from fiac_press_desk.domain.errors import NotFoundError, ValidationError
from fiac_press_desk.services import Services
from fiac_press_desk.services.distribution import HistoryLine, RecipientCriteria
from fiac_press_desk.storage.models import AuditEntry

JAN_31 = aware(2024, 1, 31, 8, 30)


def reasons(plan_recipients: list) -> dict[int, SkipReason | None]:  # type: ignore[type-arg]
    return {r.contact_id: r.skip for r in plan_recipients}


def test_plan_by_list_shows_who_is_skipped_and_why(services: Services) -> None:
    room = newsroom(services)
    rid = release(services)
    list_id = services.lists.id_for(LIST)
    assert list_id is not None
    plan = services.distributions.plan(rid, RecipientCriteria(list_ids=[list_id]))
    assert reasons(plan.recipients) == {
        room.dupont: None,
        room.martin: None,
        room.camille: None,
        room.opted_out: SkipReason.OPTED_OUT,
        room.archived: SkipReason.ARCHIVED,
        room.no_email: SkipReason.NO_ADDRESS,
        room.shared: SkipReason.DUPLICATE_ADDRESS,  # same mailbox as Paul Martin
    }
    assert plan.counts() == {
        None: 3,
        SkipReason.OPTED_OUT: 1,
        SkipReason.ARCHIVED: 1,
        SkipReason.NO_ADDRESS: 1,
        SkipReason.DUPLICATE_ADDRESS: 1,
    }
    by_id = {r.contact_id: r for r in plan.recipients}
    assert by_id[room.dupont].greeting == "Madame Dupont,"
    assert by_id[room.camille].greeting == "Bonjour Camille,"
    assert by_id[room.dupont].address == "camille.dupont@example.fr"
    assert by_id[room.martin].organisation == "Radio Hexagone"
    assert by_id[room.no_email].address == ""
    # In family-name order, so the officer finds people where they expect them.
    assert [r.name for r in plan.recipients] == [
        "Sans Adresse",
        "Anne Archivée",
        "Olivier Désinscrit",
        "Camille Dupont",
        "Paul Martin",
        "Léa Partage",
        "Camille Roux",
    ]


def test_criteria_are_a_union_minus_the_removed(services: Services) -> None:
    room = newsroom(services)
    rid = release(services)
    tags = {t.name: t.id for t in services.tags.all()}
    list_id = services.lists.id_for(LIST)
    assert list_id is not None

    by_tag = services.distributions.candidates(RecipientCriteria(tag_ids=[tags["VIP"]]))
    assert by_tag == [room.lefevre]
    by_type = services.distributions.candidates(RecipientCriteria(organisation_kinds=["hospital"]))
    assert by_type == [room.partner]
    by_search = services.distributions.candidates(RecipientCriteria(searches=["lefevre"]))
    assert by_search == [room.lefevre]  # accents and case do not matter
    one_by_one = services.distributions.candidates(RecipientCriteria(contact_ids=[room.partner]))
    assert one_by_one == [room.partner]

    union = RecipientCriteria(
        list_ids=[list_id],
        tag_ids=[tags["VIP"]],
        organisation_kinds=["hospital"],
        excluded_ids=[room.camille],
    )
    plan = services.distributions.plan(rid, union)
    assert set(plan.contact_ids()) == {room.dupont, room.martin, room.lefevre, room.partner}
    assert room.camille not in {r.contact_id for r in plan.recipients}
    by_id = {r.contact_id: r for r in plan.recipients}
    assert by_id[room.lefevre].greeting == "Docteur Lefèvre,"
    assert by_id[room.partner].greeting == "Professeur Hôpital,"
    assert services.distributions.candidates(RecipientCriteria()) == []
    assert RecipientCriteria().is_empty() and not union.is_empty()
    assert RecipientCriteria.from_json(union.to_json()) == union


def test_record_a_distribution_made_elsewhere(services: Services) -> None:
    room = newsroom(services)
    rid = release(services)
    plan = services.distributions.plan(rid, RecipientCriteria(contact_ids=room.in_list))
    result = services.distributions.record(
        rid, [r.contact_id for r in plan.recipients], JAN_31, DistributionChannel.EMAIL
    )
    assert result.recorded == 3
    assert result.skipped == {
        SkipReason.OPTED_OUT: 1,
        SkipReason.ARCHIVED: 1,
        SkipReason.NO_ADDRESS: 1,
        SkipReason.DUPLICATE_ADDRESS: 1,
    }
    ledger = services.distributions.recipients_of(rid)
    assert [(line.name, line.address, line.status, line.channel) for line in ledger] == [
        ("Camille Dupont", "camille.dupont@example.fr", "recorded", "email"),
        ("Paul Martin", "redaction@example.org", "recorded", "email"),
        ("Camille Roux", "camille.roux@example.com", "recorded", "email"),
    ]
    assert {line.sent_at for line in ledger} == {JAN_31}
    assert services.releases.get(rid).status == "sent"

    # Recording again skips them: already received, with the date it was.
    again = services.distributions.plan(rid, RecipientCriteria(contact_ids=room.in_list))
    mine = {r.contact_id: r for r in again.recipients}
    assert mine[room.dupont].skip is SkipReason.ALREADY_RECEIVED
    assert mine[room.dupont].received_at == JAN_31
    assert services.distributions.record(rid, room.in_list, JAN_31, "email").recorded == 0

    with services.db.session() as session:
        entry = session.scalars(
            select(AuditEntry).where(AuditEntry.action == "record_distribution")
        ).first()
    assert entry is not None and json.loads(entry.details)["recorded"] == 3


def test_record_by_post_by_hand_and_refusals(services: Services) -> None:
    room = newsroom(services)
    rid = release(services)
    post = services.distributions.record(rid, [room.dupont, room.martin], JAN_31, "post")
    assert post.recorded == 1 and post.skipped == {SkipReason.NO_ADDRESS: 1}
    (line,) = services.distributions.recipients_of(rid)
    assert line.address == "12 rue de la Santé, 75013 Paris" and line.channel == "post"

    kit = services.distributions.record(
        rid, [room.martin, room.no_email, room.opted_out], JAN_31, "press_kit"
    )
    assert kit.recorded == 2  # no address needed for a press kit handed over at the event
    assert kit.skipped == {SkipReason.OPTED_OUT: 1}  # and still nothing for the opted out

    with pytest.raises(ValidationError) as caught:
        services.distributions.record(
            rid, [room.camille], datetime.now(UTC) + timedelta(days=2), "email"
        )
    assert "ne peut pas être dans le futur" in caught.value.message
    with pytest.raises(ValidationError):
        services.distributions.record(rid, [room.camille], datetime(2024, 1, 31), "email")
    with pytest.raises(NotFoundError):
        services.distributions.record(999, [room.camille], JAN_31, "email")
    assert len(services.distributions.recipients_of(rid)) == 3


def test_opting_out_between_preview_and_record_is_respected(services: Services) -> None:
    room = newsroom(services)
    rid = release(services)
    plan = services.distributions.plan(rid, RecipientCriteria(contact_ids=room.in_list))
    assert room.camille in plan.contact_ids()
    services.contacts.set_opted_out(room.camille, True)
    result = services.distributions.record(rid, plan.contact_ids(), JAN_31, "email")
    assert result.recorded == 2 and result.skipped == {SkipReason.OPTED_OUT: 1}


def test_send_to_the_new_ones_only(services: Services) -> None:
    room = newsroom(services)
    rid = release(services)
    list_id = services.lists.id_for(LIST)
    assert list_id is not None
    criteria = RecipientCriteria(list_ids=[list_id])
    first = services.distributions.plan(rid, criteria)
    services.distributions.record(rid, first.contact_ids(), JAN_31, "email", criteria)
    assert services.distributions.saved_criteria(rid) == criteria

    (newcomer,) = services.contacts.create_many(
        [person("Inès", "Nouvelle", "ines.nouvelle@example.fr", civility="Mme", lists=())]
    )
    services.lists.add_members(list_id, [newcomer])
    plan = services.distributions.plan_new_recipients(rid)
    assert plan.contact_ids() == [newcomer]
    skipped = reasons(plan.skipped)
    assert skipped[room.dupont] is SkipReason.ALREADY_RECEIVED
    assert skipped[room.opted_out] is SkipReason.OPTED_OUT
    # A release never distributed has no criteria yet: nobody is proposed.
    other = release(services, "Autre")
    assert services.distributions.plan_new_recipients(other).recipients == []


def test_the_ledger_both_ways(services: Services) -> None:
    room = newsroom(services)
    january = release(services, "Communiqué du 31 janvier")
    march = release(services, "Communiqué de mars")
    services.distributions.record(january, [room.dupont, room.martin], JAN_31, "email")
    services.distributions.record(march, [room.dupont], aware(2024, 3, 12, 9), "press_kit")

    who = services.distributions.recipients_of(january)
    assert [(line.name, line.organisation) for line in who] == [
        ("Camille Dupont", "Le Quotidien de la Santé"),
        ("Paul Martin", "Radio Hexagone"),
    ]
    what = services.distributions.received_by(room.dupont)
    assert [(r.title, r.channel, r.address, r.sent_at) for r in what] == [
        ("Communiqué de mars", "press_kit", "", aware(2024, 3, 12, 9)),
        ("Communiqué du 31 janvier", "email", "camille.dupont@example.fr", JAN_31),
    ]
    assert services.distributions.received_by(room.camille) == []


def test_recording_supersedes_queued_and_refused_lines(services: Services) -> None:
    room = newsroom(services)
    rid = release(services)
    services.distributions.import_history(
        rid,
        [
            HistoryLine(room.dupont, "camille.dupont@example.fr", "email", "failed", JAN_31, "550"),
        ],  # type: ignore[list-item]
    )
    services.sending.queue(rid, [room.martin])
    assert {line.status for line in services.distributions.recipients_of(rid)} == {
        "failed",
        "pending",
    }
    services.distributions.record(rid, [room.dupont, room.martin], JAN_31, "email")
    ledger = services.distributions.recipients_of(rid)
    assert [(line.contact_id, line.status) for line in ledger] == [
        (room.dupont, "recorded"),
        (room.martin, "recorded"),
    ]
    assert services.sending.state(rid).pending == 0  # nothing left for a resumed sending


def test_import_history_keeps_lines_as_they_were(services: Services) -> None:
    room = newsroom(services)
    rid = release(services)
    lines = [
        HistoryLine(room.dupont, "camille.dupont@example.fr", DistributionChannel.EMAIL,
                    DistributionStatus.SENT, JAN_31),
        HistoryLine(room.opted_out, "olivier@example.fr", DistributionChannel.EMAIL,
                    DistributionStatus.SENT, JAN_31),  # opted out later: history stays
        HistoryLine(room.martin, "redaction@example.org", DistributionChannel.EMAIL,
                    DistributionStatus.FAILED, JAN_31, "550 5.1.1 inconnu"),
    ]  # fmt: skip
    assert services.distributions.import_history(rid, lines) == 3
    assert services.distributions.import_history(rid, lines) == 0  # idempotent
    ledger = {line.contact_id: line for line in services.distributions.recipients_of(rid)}
    assert ledger[room.opted_out].status == "sent"
    assert ledger[room.martin].sent_at is None and ledger[room.martin].error == "550 5.1.1 inconnu"
    with pytest.raises(ValidationError):
        services.distributions.import_history(
            rid,
            [HistoryLine(room.camille, "x@example.fr", "email", "pending", JAN_31)],  # type: ignore[arg-type]
        )


def test_settling_and_deleting_ledger_lines(services: Services) -> None:
    room = newsroom(services)
    rid = release(services)
    services.sending.queue(rid, [room.dupont, room.martin])
    ids = [line.distribution_id for line in services.distributions.recipients_of(rid)]
    assert services.distributions.set_lines_status(ids[:1], DistributionStatus.SENT) == 1
    with pytest.raises(ValidationError):
        services.distributions.set_lines_status(ids, DistributionStatus.RECORDED)
    assert services.distributions.delete_lines(ids[1:]) == 1
    (line,) = services.distributions.recipients_of(rid)
    assert line.status == "sent" and line.sent_at is not None
    assert services.sending.discard_queue(rid) == 0
