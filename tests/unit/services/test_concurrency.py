"""Several desks on one database (issue 14): no lost update, no double send, a crashed sender
resumed. The desks are separate processes; the database is SQLite or PostgreSQL
(tests/postgres_databases.py)."""

from __future__ import annotations

import multiprocessing
import os
import signal
import time
from dataclasses import replace

import pytest
from concurrency_workers import edit_contact, send_release
from local_smtp import local_smtp
from release_helpers import release, smtp_settings

from fiac_press_desk.domain.contact import ContactData, EmailAddress
from fiac_press_desk.domain.enquiry import EnquiryInput
from fiac_press_desk.services import Services
from fiac_press_desk.services.edit_conflicts import StaleEditError
from fiac_press_desk.services.releases import ReleaseData

SPAWN = multiprocessing.get_context("spawn")


def _people(services: Services, n: int) -> list[int]:
    return services.contacts.create_many(
        [
            ContactData(
                given_name=f"Prénom{i}",
                family_name=f"Nom{i}",
                emails=[EmailAddress(f"p{i}@example.org", "work")],
            )
            for i in range(n)
        ]
    )


# -- no lost update ---------------------------------------------------------------------------


def test_a_save_from_a_stale_copy_is_refused_saying_who_when_and_what(
    services: Services,
) -> None:
    alice = Services(services.db, actor="alice")
    bob = Services(services.db, actor="bob")
    cid = alice.contacts.create(ContactData(given_name="Éloïse", family_name="Lefèvre"))
    theirs, their_version = alice.contacts.get_for_edit(cid)
    mine, my_version = bob.contacts.get_for_edit(cid)
    alice.contacts.update(cid, replace(theirs, job_title="Cheffe"), version=their_version)

    with pytest.raises(StaleEditError) as refused:
        bob.contacts.update(cid, replace(mine, notes="Rappeler lundi"), version=my_version)
    error = refused.value
    assert error.changed_by == "alice" and error.changed_at is not None
    assert {d.field: (d.theirs, d.yours) for d in error.differences} == {
        "job_title": ("Cheffe", ""),
        "notes": ("", "Rappeler lundi"),
    }
    assert "alice" in str(error) and "job_title" in str(error)
    stored, version = bob.contacts.get_for_edit(cid)
    assert (stored.job_title, stored.notes, version) == ("Cheffe", "", my_version + 1)
    # Reapplied on the fresh copy: both changes are kept.
    bob.contacts.update(cid, replace(stored, notes="Rappeler lundi"), version=version)
    final = bob.contacts.get(cid)
    assert (final.job_title, final.notes) == ("Cheffe", "Rappeler lundi")


def test_the_refusal_says_when_on_the_desks_clock() -> None:
    """The time of the colleague's save is the desk's (Paris), not UTC, in its language's
    order; a naive time from SQLite is UTC."""
    from datetime import UTC, datetime

    from fiac_press_desk.domain.messages import set_language

    summer = datetime(2026, 7, 1, 8, 5, tzinfo=UTC)  # 10:05 in Paris
    assert "(01/07/2026 10:05)" in str(StaleEditError("contact", 1, "alice", summer, []))
    naive_winter = datetime(2026, 1, 15, 8, 5)  # 09:05 in Paris
    assert "(15/01/2026 09:05)" in str(StaleEditError("contact", 1, "alice", naive_winter, []))
    set_language("en")
    try:
        assert "(2026-07-01 10:05)" in str(StaleEditError("contact", 1, "alice", summer, []))
    finally:
        set_language("fr")


def test_enquiries_releases_and_lists_refuse_a_stale_save(services: Services) -> None:
    alice = Services(services.db, actor="alice")
    bob = Services(services.db, actor="bob")

    eid = alice.enquiries.create(EnquiryInput(subject="Demande d'interview"))
    old = alice.enquiries.get_version(eid)
    alice.enquiries.update(eid, EnquiryInput(subject="Demande d'interview", details="Radio"))
    with pytest.raises(StaleEditError) as refused:
        bob.enquiries.update(eid, EnquiryInput(subject="Autre sujet"), version=old)
    assert refused.value.changed_by == "alice"
    assert {d.field for d in refused.value.differences} >= {"subject", "details"}
    assert alice.enquiries.get(eid).subject == "Demande d'interview"

    rid = alice.releases.create(ReleaseData(title="Communiqué"))
    old = alice.releases.get_version(rid)
    alice.releases.update(rid, ReleaseData(title="Communiqué final"), version=old)
    with pytest.raises(StaleEditError) as refused:
        bob.releases.update(rid, ReleaseData(title="Communiqué bis"), version=old)
    assert [d.field for d in refused.value.differences] == ["title"]
    assert alice.releases.get(rid).title == "Communiqué final"

    lid = alice.lists.create("Santé")
    old = alice.lists.version_of(lid)
    alice.lists.rename(lid, "Santé publique", version=old)
    with pytest.raises(StaleEditError):
        bob.lists.rename(lid, "Santé et recherche", version=old)
    # Without a version (command line, imports) nothing is checked, as before.
    bob.lists.rename(lid, "Santé et recherche")


def test_two_editor_processes_one_conflict_no_lost_field(services: Services) -> None:
    """Two desks open the same contact at once and each changes one field: one save goes
    through, the other is refused (who, which fields), reapplied, and both fields are kept."""
    cid = services.contacts.create(ContactData(given_name="Paul", family_name="Martin"))
    with SPAWN.Manager() as manager, SPAWN.Pool(2) as pool:
        barrier = manager.Barrier(2)
        runs = [
            pool.apply_async(edit_contact, (services.db.url, cid, actor, field, value, barrier))
            for actor, field, value in (
                ("alice", "job_title", "Rédacteur en chef"),
                ("bob", "notes", "Préfère le téléphone"),
            )
        ]
        outcomes = sorted(run.get(timeout=120) for run in runs)
    assert outcomes[1] == "saved", outcomes
    assert outcomes[0].startswith("refused by "), outcomes
    final, version = services.contacts.get_for_edit(cid)
    assert (final.job_title, final.notes) == ("Rédacteur en chef", "Préfère le téléphone")
    assert version == 3


# -- no double send ---------------------------------------------------------------------------


def _queued_release(services: Services, n: int, host: str, port: int) -> tuple[int, list[int]]:
    ids = _people(services, n)
    rid = release(services)
    services.sending.save_settings(smtp_settings(host, port))
    assert services.sending.queue(rid, ids).queued == n
    return rid, ids


def test_two_sender_processes_send_each_recipient_once(services: Services) -> None:
    with local_smtp() as server:
        rid, ids = _queued_release(services, 30, server.host, server.port)
        with SPAWN.Manager() as manager, SPAWN.Pool(2) as pool:
            barrier = manager.Barrier(2)
            runs = [
                pool.apply_async(send_release, (services.db.url, rid, actor, barrier))
                for actor in ("desk-a", "desk-b")
            ]
            reports = [run.get(timeout=180) for run in runs]
        counts = server.mailbox.by_address()
    assert len(counts) == len(ids) and set(counts.values()) == {1}, counts
    assert sum(sent for sent, _ in reports) == len(ids)
    state = services.sending.state(rid)
    assert (state.sent, state.pending, state.uncertain) == (len(ids), 0, 0)


def test_a_sender_killed_midway_is_resumed_by_another_without_resending(
    services: Services,
) -> None:
    """A desk dies (SIGKILL) while the server holds its fifth message: the line it was
    sending stays "to check", the rest is sent by another desk, nobody twice."""
    with local_smtp() as server:
        rid, ids = _queued_release(services, 12, server.host, server.port)
        doomed = SPAWN.Process(target=send_release, args=(services.db.url, rid, "desk-a", None))
        victim: list[int] = []

        def kill_at_fifth(count: int) -> None:
            if count == 5 and victim:
                os.kill(victim[0], signal.SIGKILL)
                time.sleep(0.2)  # the desk is gone before the server answers 250

        server.mailbox.after_data = kill_at_fifth
        doomed.start()
        victim.append(doomed.pid or 0)
        doomed.join(timeout=120)
        assert doomed.exitcode == -signal.SIGKILL
        server.mailbox.after_data = None
        state = services.sending.state(rid)
        assert (state.sent, state.uncertain, state.pending) == (4, 1, len(ids) - 5)

        resumed = SPAWN.Process(target=send_release, args=(services.db.url, rid, "desk-b", None))
        resumed.start()
        resumed.join(timeout=120)
        assert resumed.exitcode == 0
        counts = server.mailbox.by_address()
    assert len(counts) == len(ids) and set(counts.values()) == {1}, counts
    state = services.sending.state(rid)
    assert (state.sent, state.uncertain, state.pending) == (len(ids) - 1, 1, 0)
