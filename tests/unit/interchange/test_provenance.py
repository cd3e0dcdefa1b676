"""Every imported contact says where its data came from and under which lawful basis; a later
import adds its source to the earlier ones instead of erasing them."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from fiac_press_desk.domain.contact import ContactData
from fiac_press_desk.domain.enums import LawfulBasis, MatchKind
from fiac_press_desk.domain.messages import set_language
from fiac_press_desk.interchange.import_sources import contact_items
from fiac_press_desk.interchange.pipeline import apply_plan, build_plan
from fiac_press_desk.interchange.provenance import MAX_SOURCE, join_sources, source_text
from fiac_press_desk.services import Services
from fiac_press_desk.services.contact_queries import ContactFilter

CARD = (
    "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:urn:uuid:prov-1\r\nFN:Anne Exemple\r\n"
    "N:Exemple;Anne;;;\r\nEMAIL:anne@example.org\r\n{extra}END:VCARD\r\n"
)


def test_the_source_reads_in_the_interface_language() -> None:
    set_language("fr")
    assert source_text("contacts.csv", date(2026, 12, 2)) == "Import de contacts.csv, 2 déc. 2026"
    set_language("en")
    assert source_text("contacts.csv", date(2026, 12, 2)) == "Import of contacts.csv, 2 Dec 2026"
    set_language("fr")


def test_sources_add_up_each_once_and_stay_within_the_column() -> None:
    assert join_sources("", "Import de a.csv") == "Import de a.csv"
    assert join_sources("Import de a.csv", "Import de b.vcf") == "Import de a.csv ; Import de b.vcf"
    assert join_sources("Import de a.csv ; Import de b.vcf", "Import de a.csv") == (
        "Import de a.csv ; Import de b.vcf"
    )
    many = " ; ".join(f"Import de fichier-{n:02d}.csv, 2 déc. 2026" for n in range(12))
    joined = join_sources(many, "Import de dernier.csv, 3 déc. 2026")
    assert len(joined) <= MAX_SOURCE
    assert joined.startswith("Import de fichier-00.csv")  # the origin
    assert joined.endswith("Import de dernier.csv, 3 déc. 2026")  # the latest
    assert " ; … ; " in joined


def _import(
    services: Services, path: Path, basis: LawfulBasis = LawfulBasis.LEGITIMATE_INTEREST
) -> MatchKind:
    items = contact_items(path, lawful_basis=basis)
    plan = build_plan(services, items, sources=[str(path)], format="vcard")
    apply_plan(services, plan)
    return plan.items[0].kind


def _only(services: Services) -> ContactData:
    (contact,) = services.contacts.get_many(services.contact_queries.ids(ContactFilter()))
    return contact


def test_reading_the_same_file_again_changes_nothing_and_a_later_change_adds_its_source(
    services: Services, tmp_path: Path
) -> None:
    first = tmp_path / "salon.vcf"
    first.write_text(CARD.format(extra=""), encoding="utf-8")
    assert _import(services, first, LawfulBasis.CONSENT) is MatchKind.NEW
    today = source_text("salon.vcf")
    contact = _only(services)
    assert contact.data_source == today
    assert contact.lawful_basis is LawfulBasis.CONSENT

    assert _import(services, first) is MatchKind.UNCHANGED  # the source alone is no change

    later = tmp_path / "annuaire.vcf"
    later.write_text(CARD.format(extra="TITLE:Pigiste\r\n"), encoding="utf-8")
    assert _import(services, later) is MatchKind.UPDATE
    contact = _only(services)
    assert contact.job_title == "Pigiste"
    assert contact.data_source == f"{today} ; {source_text('annuaire.vcf')}"
    # the basis chosen for this import does not replace the one the contact was kept under
    assert contact.lawful_basis is LawfulBasis.CONSENT


def test_a_file_that_says_where_a_person_came_from_is_believed(
    services: Services, tmp_path: Path
) -> None:
    path = tmp_path / "export.vcf"
    path.write_text(
        CARD.format(
            extra="X-FIAC-DATA-SOURCE:Salon Santé 2024\r\nX-FIAC-LAWFUL-BASIS:contract\r\n"
        ),
        encoding="utf-8",
    )
    _import(services, path, LawfulBasis.CONSENT)
    contact = _only(services)
    assert contact.data_source == "Salon Santé 2024"
    assert contact.lawful_basis is LawfulBasis.CONTRACT
