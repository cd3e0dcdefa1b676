"""Coverage service: logging an item, its clipping, links to releases and enquiries, what a
release produced, the monitoring import, and the person's side (merge, erasure)."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from fiac_press_desk.domain.contact import ContactData, EmailAddress
from fiac_press_desk.domain.coverage import Attachment, CoverageInput, Medium, Tone
from fiac_press_desk.domain.enquiry import DeskClock, EnquiryInput
from fiac_press_desk.domain.enums import DistributionChannel
from fiac_press_desk.domain.errors import NotFoundError, ValidationError
from fiac_press_desk.services import Services
from fiac_press_desk.services.coverage import CoverageFilter, CoverageRowInput
from fiac_press_desk.services.releases import ReleaseData
from fiac_press_desk.storage.models import AuditEntry, CoverageItem

PARIS = ZoneInfo("Europe/Paris")
NOW = datetime(2026, 3, 10, 9, 0, tzinfo=UTC)
PDF = b"%PDF-1.4\n% a clipping\n"


@pytest.fixture
def desk(services: Services) -> Services:
    services.coverage.clock = DeskClock(PARIS, now_fn=lambda: NOW)
    return services


def journalist(services: Services, given: str, family: str, outlet: str) -> int:
    return services.contacts.create(
        ContactData(
            given_name=given,
            family_name=family,
            organization=outlet,
            emails=[EmailAddress(f"{family.lower()}@example.fr")],
        )
    )


def release(services: Services, title: str = "Essai clinique : premiers résultats") -> int:
    return services.releases.create(ReleaseData(title=title, release_date=date(2026, 3, 2)))


def test_create_links_outlet_journalist_release_and_keeps_the_clipping(desk: Services) -> None:
    cid = journalist(desk, "Éloïse", "Lefèvre", "Le Quotidien")
    rid = release(desk)
    item = desk.coverage.create(
        CoverageInput(
            title="  L'essai  qui change tout ",
            published_on=date(2026, 3, 4),
            contact_id=cid,
            link="https://lequotidien.example/essai",
            medium=Medium.PRINT,
            audience=120_000,
            tone=Tone.POSITIVE,
            release_id=rid,
        ),
        attachment=Attachment("page 3.pdf", "application/pdf", PDF),
    )
    record = desk.coverage.get(item)
    assert record.data.title == "L'essai qui change tout"
    assert record.data.outlet == "Le Quotidien"  # the journalist's own outlet
    assert record.journalist == "Éloïse Lefèvre"
    assert record.release_title == "Essai clinique : premiers résultats"
    assert (record.attachment_name, record.attachment_size) == ("page 3.pdf", len(PDF))
    clip = desk.coverage.attachment(item)
    assert clip is not None and clip.data == PDF and clip.mime_type == "application/pdf"
    with desk.db.session() as session:
        entry = session.scalars(select(AuditEntry).where(AuditEntry.entity == "coverage")).one()
    assert entry.action == "create" and json.loads(entry.details)["release_id"] == rid


def test_date_defaults_to_the_desks_today_and_bad_values_name_their_field(desk: Services) -> None:
    item = desk.coverage.create(CoverageInput(title="Brève", outlet="Radio Ville"))
    assert desk.coverage.get(item).data.published_on == date(2026, 3, 10)
    for data, field_name in (
        (CoverageInput(title=" "), "title"),
        (CoverageInput(title="x", link="lequotidien.example/a"), "link"),
        (CoverageInput(title="x", medium="carrier pigeon"), "medium"),  # type: ignore[arg-type]
        (CoverageInput(title="x", audience=-1), "audience"),
    ):
        with pytest.raises(ValidationError) as caught:
            desk.coverage.create(data)
        assert caught.value.field == field_name
    with pytest.raises(ValidationError) as caught:
        desk.coverage.create(
            CoverageInput(title="x"), attachment=Attachment("a.exe", "application/x-exe", b"MZ")
        )
    assert caught.value.field == "attachment"
    assert desk.coverage.count() == 1  # nothing half-written


def test_new_journalist_created_on_the_spot(desk: Services) -> None:
    item = desk.coverage.create(
        CoverageInput(title="Portrait", outlet="Hebdo Sud"),
        new_contact=ContactData(given_name="Marc", family_name="Dupuis", organization="Hebdo Sud"),
    )
    record = desk.coverage.get(item)
    assert record.data.contact_id is not None and record.journalist == "Marc Dupuis"


def test_enquiry_link_brings_its_release(desk: Services) -> None:
    rid = release(desk)
    eid = desk.enquiries.create(EnquiryInput(subject="Chiffres", release_id=rid))
    item = desk.coverage.create(CoverageInput(title="Les chiffres", enquiry_id=eid))
    record = desk.coverage.get(item)
    assert (record.data.enquiry_id, record.data.release_id) == (eid, rid)
    assert record.enquiry_subject == "Chiffres"
    with pytest.raises(NotFoundError):
        desk.coverage.create(CoverageInput(title="x", release_id=rid + 99))


def test_update_attachment_and_delete(desk: Services) -> None:
    item = desk.coverage.create(CoverageInput(title="Avant", outlet="Web Info"))
    data = desk.coverage.get(item).data
    data.title, data.tone = "Après", Tone.NEGATIVE
    desk.coverage.update(item, data)
    desk.coverage.set_attachment(item, Attachment("capture.png", "image/png", b"\x89PNG"))
    assert desk.coverage.get(item).data.tone is Tone.NEGATIVE
    assert desk.coverage.get(item).attachment_type == "image/png"
    desk.coverage.set_attachment(item, None)
    assert desk.coverage.attachment(item) is None
    assert desk.coverage.delete([item]) == 1
    assert desk.coverage.count() == 0


def test_search_filters_add_up(desk: Services) -> None:
    rid = release(desk)
    a = desk.coverage.create(
        CoverageInput(
            title="Essai à Lyon",
            published_on=date(2026, 3, 1),
            outlet="Lyon Matin",
            medium=Medium.PRINT,
            release_id=rid,
        )
    )
    b = desk.coverage.create(
        CoverageInput(
            title="Essai à Paris",
            published_on=date(2026, 3, 5),
            outlet="Radio Ville",
            medium=Medium.RADIO,
            tone=Tone.NEGATIVE,
        )
    )
    assert [r.id for r in desk.coverage.search()] == [b, a]  # newest first
    assert [r.id for r in desk.coverage.search(CoverageFilter(media=[Medium.PRINT]))] == [a]
    assert [r.id for r in desk.coverage.search(CoverageFilter(tones=[Tone.NEGATIVE]))] == [b]
    assert [r.id for r in desk.coverage.search(CoverageFilter(release_id=rid))] == [a]
    assert [r.id for r in desk.coverage.search(CoverageFilter(search="lyon"))] == [a]
    late = CoverageFilter(published_from=date(2026, 3, 2), published_to=date(2026, 3, 5))
    assert [r.id for r in desk.coverage.search(late)] == [b]


def test_release_outcome_shows_recipients_enquiries_and_coverage(desk: Services) -> None:
    rid = release(desk)
    c1 = journalist(desk, "Éloïse", "Lefèvre", "Le Quotidien")
    c2 = journalist(desk, "Paul", "Martin", "Radio Ville")
    desk.distributions.record(rid, [c1, c2], NOW, DistributionChannel.EMAIL)
    eid = desk.enquiries.create(EnquiryInput(subject="Interview ?", contact_id=c2, release_id=rid))
    item = desk.coverage.create(CoverageInput(title="Sujet radio", contact_id=c2, release_id=rid))
    desk.coverage.create(CoverageInput(title="Autre sujet"))  # not this release's
    outcome = desk.coverage.release_outcome(rid)
    assert sorted(r.name for r in outcome.recipients) == ["Paul Martin", "Éloïse Lefèvre"]
    assert {r.outlet for r in outcome.recipients} == {"Le Quotidien", "Radio Ville"}
    assert [e.id for e in outcome.enquiries] == [eid]
    assert [c.id for c in outcome.coverage] == [item]


def test_for_contacts_lists_what_each_published(desk: Services) -> None:
    c1 = journalist(desk, "Éloïse", "Lefèvre", "Le Quotidien")
    c2 = journalist(desk, "Paul", "Martin", "Radio Ville")
    old = desk.coverage.create(
        CoverageInput(title="A", contact_id=c1, published_on=date(2026, 1, 2))
    )
    new = desk.coverage.create(
        CoverageInput(title="B", contact_id=c1, published_on=date(2026, 2, 2))
    )
    found = desk.coverage.for_contacts([c1, c2])
    assert [r.id for r in found[c1]] == [new, old]
    assert c2 not in found


def test_import_rows_links_bylines_skips_known_and_reports_bad_rows(desk: Services) -> None:
    cid = journalist(desk, "Éloïse", "Lefèvre", "Le Quotidien")
    desk.coverage.create(
        CoverageInput(title="Déjà là", link="https://a.example/1", published_on=date(2026, 3, 1))
    )
    rows = [
        CoverageRowInput(
            "veille.csv, ligne 2",
            CoverageInput(
                title="Nouveau",
                author="Eloise Lefevre",
                outlet="Le Quotidien",
                published_on=date(2026, 3, 3),
            ),
        ),
        CoverageRowInput(
            "veille.csv, ligne 3", CoverageInput(title="Autre titre", link="https://a.example/1")
        ),
        CoverageRowInput("veille.csv, ligne 4", CoverageInput(title="")),
        CoverageRowInput(
            "veille.csv, ligne 5", CoverageInput(title="Nouveau", published_on=date(2026, 3, 3))
        ),  # twice in the file
        CoverageRowInput(
            "veille.csv, ligne 6",
            CoverageInput(title="Inconnu", author="Jean Personne", outlet="Blog Santé"),
        ),
    ]
    result = desk.coverage.import_rows(rows)
    assert len(result.created) == 2
    assert [s.split(" : ")[0] for s in result.skipped] == [
        "veille.csv, ligne 3",
        "veille.csv, ligne 5",
    ]
    assert len(result.refused) == 1 and result.refused[0].startswith("veille.csv, ligne 4 : ")
    first, second = (desk.coverage.get(i) for i in result.created)
    assert first.data.contact_id == cid  # byline matched, accents aside
    assert second.data.contact_id is None and second.journalist == "Jean Personne"
    assert second.data.outlet == "Blog Santé"


def test_merge_repoints_coverage_and_undo_puts_it_back(desk: Services) -> None:
    keep = journalist(desk, "Éloïse", "Lefèvre", "Le Quotidien")
    other = desk.contacts.create(ContactData(given_name="Eloise", family_name="Lefevre"))
    item = desk.coverage.create(CoverageInput(title="Papier", contact_id=other))
    result = desk.merges.merge([keep, other], survivor_id=keep)
    assert desk.coverage.get(item).data.contact_id == keep
    desk.merges.restore(result.undo)
    assert desk.coverage.get(item).data.contact_id == other


def test_erasure_keeps_the_article_and_drops_the_person(desk: Services) -> None:
    cid = journalist(desk, "Éloïse", "Lefèvre", "Le Quotidien")
    item = desk.coverage.create(
        CoverageInput(
            title="Papier",
            contact_id=cid,
            author="Éloïse Lefèvre",
            notes="Appeler Éloïse Lefèvre pour la suite",
        )
    )
    report = desk.gdpr.erasure.erase(cid)
    assert report.coverage_anonymised == 1
    with desk.db.session() as session:
        row = session.get(CoverageItem, item)
        assert row is not None
        assert (row.contact_id, row.author, row.title) == (None, "", "Papier")
        assert "Lefèvre" not in row.notes
    assert desk.coverage.get(item).data.outlet == "Le Quotidien"


def test_choices_offer_outlets_with_sites_journalists_releases_and_enquiries(
    desk: Services,
) -> None:
    from fiac_press_desk.domain.contact import OrganisationData

    desk.organisations.create(OrganisationData(name="Onco Actu", website="https://onco.example"))
    cid = journalist(desk, "Éloïse", "Lefèvre", "Le Quotidien")
    rid = release(desk)
    eid = desk.enquiries.create(
        EnquiryInput(subject="Chiffres", received_at=datetime(2026, 3, 2, 9, tzinfo=UTC))
    )
    choices = desk.coverage.choices()
    assert ("Onco Actu", "https://onco.example") in choices.outlets
    assert (cid, "Éloïse Lefèvre", "Le Quotidien") in choices.journalists
    assert choices.releases == [(rid, "Essai clinique : premiers résultats")]
    assert choices.enquiries == [(eid, "02/03/2026 Chiffres")]
