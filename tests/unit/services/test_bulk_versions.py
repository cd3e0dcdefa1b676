"""Bulk changes count as a new version (issue 14): a card or form opened before a colleague's
bulk change (archive many, lists, a merge, an erasure, a rename, a send) is refused on save
instead of writing the old values back; bookkeeping no form edits makes nothing stale.

Two desks on one database: ``services`` (the test's) and a second ``Services`` over its own
``Database`` opened on the same URL, as another workstation would."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pytest
from local_smtp import local_smtp
from release_helpers import release, smtp_settings

from fiac_press_desk.domain.contact import ContactData, EmailAddress, OrganisationData
from fiac_press_desk.domain.enquiry import EnquiryInput
from fiac_press_desk.services import Services
from fiac_press_desk.services.distribution import RecipientCriteria
from fiac_press_desk.services.edit_conflicts import StaleEditError
from fiac_press_desk.services.enquiries import EnquiryRecord
from fiac_press_desk.services.gdpr_register import Interaction, record_interaction
from fiac_press_desk.storage.database import Database


@pytest.fixture
def desks(services: Services) -> Iterator[tuple[Services, Services]]:
    """Alice's desk (the card she opened) and Bob's (the bulk change), one database."""
    other = Database(services.db.url)
    yield Services(services.db, actor="Alice"), Services(other, actor="Bob")
    other.dispose()


def _person(services: Services, given: str = "Éloïse", organisation: str = "") -> int:
    return services.contacts.create(
        ContactData(
            given_name=given,
            family_name="Lefèvre",
            organization=organisation,
            emails=[EmailAddress(f"{given.lower()}@example.org", "work")],
        )
    )


def _org_id(services: Services, name: str) -> int | None:
    return next((o.id for o in services.organisations.all() if o.name == name), None)


def _refused_card(alice: Services, cid: int, data: ContactData, version: int) -> StaleEditError:
    """Alice saves her card (a note added to what she read): it must be refused."""
    with pytest.raises(StaleEditError) as refused:
        alice.contacts.update(cid, replace(data, notes="Rappeler lundi"), version=version)
    return refused.value


def _form_of(record: EnquiryRecord) -> EnquiryInput:
    """What the enquiry form holds once it read ``record``."""
    return EnquiryInput(
        subject=record.subject,
        received_at=record.received_at,
        channel=record.channel,
        contact_id=record.contact_id,
        outlet=record.outlet,
        request_type=record.request_type,
        details=record.details,
        deadline=record.deadline,
        priority=record.priority,
        assignee=record.assignee,
        release_id=record.release_id,
        source_message_id=record.source_message_id,
    )


# -- contacts -----------------------------------------------------------------------------------


def test_a_bulk_archive_refuses_the_card_opened_before(desks: tuple[Services, Services]) -> None:
    """The fault of issue 14: Bob archives many, Alice's card (opened before) saved its
    "not archived" back, silently. Now refused, saying Bob and the field."""
    alice, bob = desks
    cid = _person(alice)
    card, version = alice.contacts.get_for_edit(cid)
    assert bob.contacts.archive([cid]) == 1

    error = _refused_card(alice, cid, card, version)
    assert error.changed_by == "Bob"
    assert {d.field: (d.theirs, d.yours) for d in error.differences}["archived"] == (True, False)
    assert alice.contacts.get(cid).archived
    # Reapplied on the fresh copy: the archive and the note both stay.
    fresh, new_version = alice.contacts.get_for_edit(cid)
    alice.contacts.update(cid, replace(fresh, notes="Rappeler lundi"), version=new_version)
    assert (alice.contacts.get(cid).archived, alice.contacts.get(cid).notes) == (
        True,
        "Rappeler lundi",
    )
    # Bringing back is a change too.
    card, version = alice.contacts.get_for_edit(cid)
    bob.contacts.archive([cid], archived=False)
    assert "archived" in {d.field for d in _refused_card(alice, cid, card, version).differences}


def test_tags_added_or_taken_off_in_bulk_refuse_the_card(desks: tuple[Services, Services]) -> None:
    alice, bob = desks
    cid = _person(alice)
    card, version = alice.contacts.get_for_edit(cid)
    bob.contacts.add_tags([cid], ["Santé"])
    assert "tags" in {d.field for d in _refused_card(alice, cid, card, version).differences}
    card, version = alice.contacts.get_for_edit(cid)
    bob.contacts.remove_tags([cid], ["Santé"])
    _refused_card(alice, cid, card, version)
    assert alice.contacts.get(cid).tags == []


def test_list_members_added_or_removed_refuse_the_card(desks: tuple[Services, Services]) -> None:
    alice, bob = desks
    cid, other = _person(alice), _person(alice, "Noé")
    lid = bob.lists.create("Journalistes santé")
    card, version = alice.contacts.get_for_edit(cid)
    _, other_version = alice.contacts.get_for_edit(other)
    bob.lists.add_members(lid, [cid])

    error = _refused_card(alice, cid, card, version)
    assert error.changed_by == "Bob"  # from the list's entry, which names the members
    assert {d.field: d.theirs for d in error.differences}["lists"] == ["Journalistes santé"]
    assert alice.contacts.get(cid).lists == ["Journalistes santé"]
    assert alice.contacts.get_for_edit(other)[1] == other_version  # not on it: not stale

    card, version = alice.contacts.get_for_edit(cid)
    bob.lists.remove_members(lid, [cid, other])
    assert _refused_card(alice, cid, card, version).changed_by == "Bob"
    assert alice.contacts.get(cid).lists == []
    assert alice.contacts.get_for_edit(other)[1] == other_version  # was not a member


def test_a_list_or_tag_renamed_or_deleted_refuses_its_holders_cards(
    desks: tuple[Services, Services],
) -> None:
    """The card shows the old name: its save would make a list or tag of that name again."""
    alice, bob = desks
    cid = _person(alice)
    lid = alice.lists.create("Santé")
    alice.lists.add_members(lid, [cid])
    alice.contacts.add_tags([cid], ["Presse régionale"])
    tag_id = alice.tags.id_for("Presse régionale")
    assert tag_id is not None

    card, version = alice.contacts.get_for_edit(cid)
    bob.lists.rename(lid, "Santé publique")
    assert _refused_card(alice, cid, card, version).changed_by == "Bob"

    card, version = alice.contacts.get_for_edit(cid)
    bob.tags.rename(tag_id, "Presse des régions")
    _refused_card(alice, cid, card, version)

    card, version = alice.contacts.get_for_edit(cid)
    bob.lists.delete(lid)
    assert _refused_card(alice, cid, card, version).changed_by == "Bob"
    assert alice.lists.id_for("Santé publique") is None  # not made again
    assert alice.contacts.get(cid).tags == ["Presse des régions"]


def test_an_organisation_renamed_refuses_its_contacts_cards_and_enquiry_forms(
    desks: tuple[Services, Services],
) -> None:
    alice, bob = desks
    cid = _person(alice, organisation="Le Quotidien")
    org_id = _org_id(alice, "Le Quotidien")
    assert org_id is not None
    eid = alice.enquiries.create(EnquiryInput(subject="Interview", outlet="Le Quotidien"))
    card, version = alice.contacts.get_for_edit(cid)
    form, form_version = _form_of(alice.enquiries.get(eid)), alice.enquiries.get_version(eid)

    bob.organisations.update(org_id, OrganisationData(name="Le Quotidien du Soir"))
    _refused_card(alice, cid, card, version)
    with pytest.raises(StaleEditError) as refused:
        alice.enquiries.update(eid, replace(form, details="Rappel"), version=form_version)
    assert refused.value.changed_by == "Bob"
    assert _org_id(alice, "Le Quotidien") is None  # not made again


# -- enquiries, releases ------------------------------------------------------------------------


def test_an_organisation_merge_refuses_the_enquiry_form_opened_before(
    desks: tuple[Services, Services],
) -> None:
    """The form names the merged outlet: its save would bring it back as a new one."""
    alice, bob = desks
    keep = alice.organisations.create(OrganisationData(name="France Santé Info"))
    other = alice.organisations.create(OrganisationData(name="FSI Médias"))
    eid = alice.enquiries.create(EnquiryInput(subject="Chiffres", outlet="FSI Médias"))
    untouched = alice.enquiries.create(EnquiryInput(subject="Autre", outlet="France Santé Info"))
    form, version = _form_of(alice.enquiries.get(eid)), alice.enquiries.get_version(eid)
    untouched_version = alice.enquiries.get_version(untouched)

    bob.organisations.merge(keep, other)
    with pytest.raises(StaleEditError) as refused:
        alice.enquiries.update(eid, replace(form, details="Avant jeudi"), version=version)
    assert refused.value.changed_by == "Bob"
    assert alice.enquiries.get(eid).organisation_id == keep
    assert _org_id(alice, "FSI Médias") is None  # not made again
    assert alice.enquiries.get_version(untouched) == untouched_version


def test_a_contact_merge_and_its_undo_refuse_forms_opened_before(
    desks: tuple[Services, Services],
) -> None:
    alice, bob = desks
    keep, other = _person(alice, "Éloïse"), _person(alice, "Eloise")
    eid = alice.enquiries.create(EnquiryInput(subject="Interview", contact_id=other))
    form, version = _form_of(alice.enquiries.get(eid)), alice.enquiries.get_version(eid)

    result = bob.merges.merge([keep, other], survivor_id=keep)
    with pytest.raises(StaleEditError) as refused:
        alice.enquiries.update(eid, replace(form, details="Radio"), version=version)
    assert refused.value.changed_by == "Bob"
    assert alice.enquiries.get(eid).contact_id == keep

    card, card_version = alice.contacts.get_for_edit(keep)  # the merged card
    form, version = _form_of(alice.enquiries.get(eid)), alice.enquiries.get_version(eid)
    bob.merges.restore(result.undo)
    _refused_card(alice, keep, card, card_version)  # never its old version number again
    with pytest.raises(StaleEditError):
        alice.enquiries.update(eid, replace(form, details="Radio"), version=version)
    assert alice.enquiries.get(eid).contact_id == other


def test_an_erasure_refuses_the_forms_that_hold_the_persons_words(
    desks: tuple[Services, Services],
) -> None:
    """An enquiry form or a colleague's card opened before the erasure must not save the
    erased person's words back."""
    alice, bob = desks
    cid = _person(alice, "Maëlys")
    colleague = _person(alice, "Jules")
    colleague_card = replace(alice.contacts.get(colleague), notes="Connaît Maëlys Lefèvre")
    alice.contacts.update(colleague, colleague_card)
    eid = alice.enquiries.create(EnquiryInput(subject="Portrait de Maëlys", contact_id=cid))
    form, version = _form_of(alice.enquiries.get(eid)), alice.enquiries.get_version(eid)
    card, card_version = alice.contacts.get_for_edit(colleague)

    bob.gdpr.erasure.erase(cid)
    with pytest.raises(StaleEditError):
        alice.enquiries.update(eid, replace(form, details="Suite"), version=version)
    assert "Maëlys" not in alice.enquiries.get(eid).subject
    _refused_card(alice, colleague, card, card_version)
    assert "Maëlys" not in alice.contacts.get(colleague).notes


def test_the_first_message_sent_refuses_the_release_form_but_no_card(
    desks: tuple[Services, Services],
) -> None:
    """Sending makes the release "sent": its form opened before would save "draft" back.
    The recipients' last interaction is bookkeeping: their open cards stay valid."""
    alice, bob = desks
    people = [_person(alice, name) for name in ("Ana", "Basile")]
    rid = release(alice)
    form, version = alice.releases.get(rid), alice.releases.get_version(rid)
    cards = {cid: alice.contacts.get_for_edit(cid) for cid in people}
    with local_smtp() as server:
        bob.sending.save_settings(smtp_settings(server.host, server.port))
        plan = bob.distributions.plan(rid, RecipientCriteria(contact_ids=people))
        bob.sending.queue(rid, plan.contact_ids(), plan.criteria)
        assert bob.sending.send_queued(rid).sent == 2

    assert alice.releases.get_version(rid) == version + 1  # once, not once per message
    with pytest.raises(StaleEditError) as refused:
        alice.releases.update(rid, replace(form, title="Titre revu"), version=version)
    assert "status" in {d.field for d in refused.value.differences}
    for cid, (card, card_version) in cards.items():
        alice.contacts.update(cid, replace(card, notes="A bien reçu"), version=card_version)


def test_bookkeeping_makes_no_card_stale(
    desks: tuple[Services, Services], services: Services
) -> None:
    alice, bob = desks
    cid = _person(alice)
    card, version = alice.contacts.get_for_edit(cid)
    with services.db.transaction() as session:
        record_interaction(session, [cid], Interaction.ENQUIRY)
    bob.gdpr.retention.keep([cid], "Interlocuteur régulier")
    assert alice.contacts.get_for_edit(cid)[1] == version
    alice.contacts.update(cid, replace(card, notes="Vu au salon"), version=version)
