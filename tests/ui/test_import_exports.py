"""The exports press officers hold, imported through the window: the mapping step names the
export it recognised and can change its mapping, the import dialog says what it left out
and which lists it made, the lawful basis is chosen there, and every person arrives with their
fields where they belong (the fixtures of tests/data/exports)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from fiac_press_desk.domain.contact import ContactData
from fiac_press_desk.domain.enums import LawfulBasis
from fiac_press_desk.interchange.import_sources import kind_of
from fiac_press_desk.interchange.provenance import source_text
from fiac_press_desk.interchange.spreadsheet_mapping import Target
from fiac_press_desk.services import Services
from fiac_press_desk.services.contact_queries import ContactFilter
from fiac_press_desk.ui.dialogs.import_dialog import FileSource, ImportDialog
from fiac_press_desk.ui.dialogs.mapping_dialog import MappingDialog

EXPORTS = Path(__file__).resolve().parents[1] / "data" / "exports"


def mapped(qtbot: QtBot, services: Services, path: Path) -> MappingDialog:
    dialog = MappingDialog(services, path)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: not dialog.is_loading() and dialog._ok.isEnabled(), timeout=20000)
    return dialog


def run_import(
    qtbot: QtBot,
    services: Services,
    sources: list[FileSource],
    basis: LawfulBasis | None = None,
) -> ImportDialog:
    dialog = ImportDialog(services, sources)
    qtbot.addWidget(dialog)
    dialog.start()
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == dialog.PAGE_PREVIEW, timeout=20000)
    if basis is not None:
        dialog.basis_combo.setCurrentIndex(dialog.basis_combo.findData(basis.value))
        dialog.basis_combo.activated.emit(dialog.basis_combo.currentIndex())
    dialog.apply()
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == dialog.PAGE_SUMMARY, timeout=20000)
    return dialog


def through_window(
    qtbot: QtBot, services: Services, name: str, basis: LawfulBasis | None = None
) -> ImportDialog:
    path = EXPORTS / name
    if kind_of(path) == "sheet":
        mapping = mapped(qtbot, services, path)
        source = FileSource(path, mapping.sheet(), mapping.result_mapping(), mapping.unmapped())
    else:
        source = FileSource(path)
    return run_import(qtbot, services, [source], basis)


def people(services: Services) -> dict[str, ContactData]:
    found = services.contacts.get_many(services.contact_queries.ids(ContactFilter()))
    return {c.primary_email or c.computed_display_name(): c for c in found}


def fields(contact: ContactData) -> dict[str, Any]:
    return {
        "civility": contact.civility,
        "given": contact.given_name,
        "family": contact.family_name,
        "organization": contact.organization,
        "job": contact.job_title,
        "emails": [(e.value, e.label) for e in contact.emails],
        "phones": [(p.value, p.label) for p in contact.phones],
        "urls": [(u.value, u.label) for u in contact.urls],
        "tags": contact.tags,
        "beats": contact.beats,
        "lists": contact.lists,
        "birthday": contact.birthday,
        "opted_out": (contact.opted_out, contact.opted_out_at, contact.opted_out_reason),
    }


def person(**values: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "civility": "",
        "given": "",
        "family": "",
        "organization": "",
        "job": "",
        "emails": [],
        "phones": [],
        "urls": [],
        "tags": [],
        "beats": [],
        "lists": [],
        "birthday": "",
        "opted_out": (False, None, ""),
    }
    base.update(values)
    return base


EXPECTED: dict[str, tuple[str, dict[str, dict[str, Any]]]] = {
    "google_contacts.csv": (
        "Export Google Contacts",
        {
            "elodie.garnier@example.fr": person(
                civility="Dr",
                given="Élodie",
                family="Garnier",
                organization="Le Quotidien Santé",
                job="Rédactrice en chef",
                emails=[("elodie.garnier@example.fr", "work"), ("elodie.g@example.org", "home")],
                phones=[
                    ("+33612345678", "mobile"),
                    ("+33140103030", "work"),
                    ("+33140103031", "work"),
                ],
                urls=[("https://www.example.fr/elodie-garnier", "Profile")],
                tags=["Presse santé"],
                birthday="--03-14",
            ),
            "thomas.lefevre@example.org": person(
                given="Thomas",
                family="Lefèvre",
                organization="Radio Lumière",
                job="Journaliste",
                emails=[("thomas.lefevre@example.org", "Rédaction")],
                phones=[("+33472000001", "work")],
                tags=["Radio"],
                birthday="1980-11-02",
            ),
        },
    ),
    "google_contacts_legacy.csv": (
        "Export Google Contacts (ancien format)",
        {
            "elodie.garnier@example.fr": person(
                given="Élodie",
                family="Garnier",
                organization="Le Quotidien Santé",
                job="Rédactrice en chef",
                emails=[
                    ("elodie.garnier@example.fr", "work"),
                    ("elodie.redaction@example.fr", "work"),
                    ("elodie.g@example.org", "home"),
                ],
                phones=[("+33612345678", "mobile")],
                tags=["Presse santé"],
                birthday="1978-03-14",
            ),
            "karim.benali@example.org": person(
                given="Karim",
                family="Benali",
                organization="Hebdo Sciences",
                emails=[("karim.benali@example.org", "home")],
                tags=["Pigistes", "Presse santé"],
            ),
        },
    ),
    "outlook_en.csv": (
        "Export Outlook (anglais)",
        {
            "paul.meyer@example.org": person(
                civility="Dr.",
                given="Paul",
                family="Meyer",
                organization="Hebdo Sciences",
                job="Science editor",
                emails=[("paul.meyer@example.org", "")],
                phones=[("+33478000001", "work"), ("+33611223344", "mobile")],
                urls=[("https://www.example.org/paul-meyer", "")],
                tags=["Press", "Science"],
            ),
            "anna.schmidt@example.org": person(
                civility="Ms.",
                given="Anna",
                family="Schmidt",
                organization="Health Weekly",
                job="Reporter",
                emails=[("anna.schmidt@example.org", "")],
                tags=["Press"],
                birthday="1985-07-21",
            ),
        },
    ),
    "outlook_fr.csv": (
        "Export Outlook (français)",
        {
            "elodie.garnier@example.fr": person(
                civility="Mme",
                given="Élodie",
                family="Garnier",
                organization="Le Quotidien Santé",
                job="Rédactrice en chef",
                emails=[("elodie.garnier@example.fr", "")],
                phones=[("+33140103030", "work"), ("+33612345678", "mobile")],
                tags=["Oncologie", "Presse santé"],
                birthday="1978-03-14",
            ),
            "karim.benali@example.org": person(
                civility="M.",
                given="Karim",
                family="Benali",
                organization="Hebdo Sciences",
                job="Pigiste",
                emails=[("karim.benali@example.org", "")],
                phones=[("+33240000002", "home")],
                tags=["Pigistes"],
            ),
        },
    ),
    "thunderbird.csv": (
        "Export Thunderbird (CSV)",
        {
            "lea.martin@example.fr": person(
                given="Léa",
                family="Martin",
                organization="Agence Presse Santé",
                job="Journaliste santé",
                emails=[("lea.martin@example.fr", ""), ("lea@example.org", "")],
                phones=[("+33145000003", "work"), ("+33698765432", "mobile")],
                urls=[("https://www.example.fr/lea-martin", "work")],
                birthday="1985-07-21",
            ),
            "hugo.petit@example.org": person(
                given="Hugo",
                family="Petit",
                organization="Radio Lumière",
                emails=[("hugo.petit@example.org", "")],
                birthday="--05-02",
            ),
        },
    ),
    "Connections.csv": (
        "Relations LinkedIn",
        {
            "camille.durand@example.org": person(
                given="Camille",
                family="Durand",
                organization="Hebdo Sciences",
                job="Journaliste scientifique",
                emails=[("camille.durand@example.org", "")],
                urls=[("https://www.linkedin.com/in/camille-durand-example", "linkedin")],
            ),
            "Hugo Petit": person(
                given="Hugo",
                family="Petit",
                organization="Radio Lumière",
                job="Chroniqueur santé",
                urls=[("https://www.linkedin.com/in/hugo-petit-example", "linkedin")],
            ),
        },
    ),
    "unsubscribed_members_export_9f8e7d6c5b.csv": (
        "Audience Mailchimp (désinscrits)",
        {
            "sophie.roux@example.fr": person(
                given="Sophie",
                family="Roux",
                organization="Radio Lumière",
                emails=[("sophie.roux@example.fr", "")],
                tags=["Presse"],
                opted_out=(
                    True,
                    datetime(2024, 2, 14, 10, 22, 5, tzinfo=UTC),
                    "I no longer want to receive these emails",
                ),
            ),
            "marc.vidal@example.org": person(
                given="Marc",
                family="Vidal",
                emails=[("marc.vidal@example.org", "")],
                opted_out=(True, None, "Désinscrit de l'audience Mailchimp"),
            ),
        },
    ),
    "cleaned_members_export_9f8e7d6c5b.csv": (
        "Audience Mailchimp (adresses nettoyées)",
        {
            "ancienne.adresse@example.org": person(
                given="Claire",
                family="Fontaine",
                emails=[("ancienne.adresse@example.org", "")],
                opted_out=(
                    True,
                    datetime(2023, 12, 1, 8, 0, tzinfo=UTC),
                    "Adresse retirée par Mailchimp (messages non distribués)",
                ),
            ),
        },
    ),
    "brevo_contacts.csv": (
        "Contacts Brevo",
        {
            "julie.moreau@example.fr": person(
                given="Julie",
                family="Moreau",
                job="Journaliste",
                emails=[("julie.moreau@example.fr", "")],
                phones=[("+33611223344", "mobile")],
            ),
            "yann.leroy@example.org": person(
                given="Yann",
                family="Leroy",
                emails=[("yann.leroy@example.org", "")],
                opted_out=(
                    True,
                    None,
                    "Bloqué dans Brevo (désinscription, plainte ou message non distribué)",
                ),
            ),
        },
    ),
    "cision_export.xlsx": (
        "Export de base médias (Cision, Muck Rack, Meltwater…)",
        {
            "lea.martin@example.fr": person(
                given="Léa",
                family="Martin",
                organization="Agence Presse Santé",
                job="Journaliste santé",
                emails=[("lea.martin@example.fr", "")],
                phones=[("+33145000003", "")],
                urls=[
                    ("https://x.com/lea_martin_sante", "twitter"),
                    ("https://www.linkedin.com/in/lea-martin-example", "linkedin"),
                ],
                beats=["Health", "Oncology", "Artificial intelligence"],
            ),
            "omar.haddad@example.org": person(
                given="Omar",
                family="Haddad",
                organization="Tech & Santé",
                job="Reporter",
                emails=[("omar.haddad@example.org", "")],
                urls=[("https://x.com/omar_h_example", "twitter")],
                beats=["Technology"],
            ),
        },
    ),
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_export_is_named_in_the_mapping_step_and_imported_field_by_field(
    qtbot: QtBot, services: Services, name: str
) -> None:
    export, expected = EXPECTED[name]
    mapping = mapped(qtbot, services, EXPORTS / name)
    assert mapping.export_name() == export
    assert mapping._export_label.isVisibleTo(mapping)
    assert export in mapping._export_label.text()
    dialog = through_window(qtbot, services, name)
    assert any(export in n.message for n in dialog.plan.notices)  # type: ignore[union-attr]
    found = people(services)
    assert {key: fields(found[key]) for key in expected} == expected
    assert set(found) == set(expected)
    for contact in found.values():
        assert contact.data_source == source_text(name)  # French: "Import de …, 2 déc. 2026"
        assert contact.lawful_basis is LawfulBasis.LEGITIMATE_INTEREST


def test_the_mapping_of_a_recognised_export_can_be_changed(
    qtbot: QtBot, services: Services
) -> None:
    path = EXPORTS / "google_contacts.csv"
    mapping = mapped(qtbot, services, path)
    column = mapping.result_mapping().headers.index("Organization Title")
    assert mapping.result_mapping().columns[column] == Target("job_title")
    mapping.choose(column, Target("column_note"))
    source = FileSource(path, mapping.sheet(), mapping.result_mapping(), mapping.unmapped())
    run_import(qtbot, services, [source])
    elodie = people(services)["elodie.garnier@example.fr"]
    assert elodie.job_title == ""
    assert "Organization Title : Rédactrice en chef" in elodie.notes.splitlines()


def test_ldif_lists_and_apple_groups_become_lists_and_are_said(
    qtbot: QtBot, services: Services
) -> None:
    dialog = through_window(qtbot, services, "thunderbird.ldif")
    assert "liste de diffusion, 2 membre(s)" in dialog.notices_label.text()
    dialog = through_window(qtbot, services, "apple_groups.vcf")
    notes = [dialog.refused_list.item(i).text() for i in range(dialog.refused_list.count())]
    assert any("groupe « Presse santé » : liste de diffusion" in n for n in notes)
    found = people(services)
    assert "Presse santé" not in found
    assert found["elodie.garnier@example.fr"].lists == ["Presse santé"]
    assert found["thomas.lefevre@example.org"].lists == ["Presse santé"]
    assert found["lea.martin@example.fr"].lists == ["Presse santé"]


def test_columns_left_out_are_listed_and_can_go_to_the_notes(
    qtbot: QtBot, services: Services, data_dir: Path
) -> None:
    path = data_dir / "spreadsheets" / "merged_down.xlsx"
    mapping = mapped(qtbot, services, path)
    source = FileSource(path, mapping.sheet(), mapping.result_mapping(), mapping.unmapped())
    dialog = run_import(qtbot, services, [source])
    lines = [dialog.refused_list.item(i).text() for i in range(dialog.refused_list.count())]
    assert any("colonnes non importées (aucun champ) : « Code interne »" in line for line in lines)
    assert people(services)["paul.meyer@example.org"].notes == ""

    services2 = services  # the same desk: the contacts are updated with the notes
    mapping = mapped(qtbot, services2, path)
    mapping._notes_check.setChecked(True)
    source = FileSource(path, mapping.sheet(), mapping.result_mapping(), mapping.unmapped())
    dialog = ImportDialog(services2, [source])
    qtbot.addWidget(dialog)
    dialog.start()
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == dialog.PAGE_PREVIEW, timeout=20000)
    assert "Code interne" not in dialog.notices_label.text()
    dialog.duplicates_combo.setCurrentIndex(dialog.duplicates_combo.findData("update"))
    dialog.duplicates_combo.activated.emit(dialog.duplicates_combo.currentIndex())
    dialog.apply()
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == dialog.PAGE_SUMMARY, timeout=20000)
    found = people(services2)
    assert found["paul.meyer@example.org"].notes == "Code interne : A-12"
    # merged down: the second journalist has the outlet; the civility left the name
    elodie = found["elodie.garnier@example.fr"]
    assert (elodie.civility, elodie.given_name, elodie.organization) == (
        "Mme",
        "Élodie",
        "Le Quotidien Santé",
    )


def test_the_lawful_basis_is_chosen_in_the_import_dialog(qtbot: QtBot, services: Services) -> None:
    through_window(qtbot, services, "Connections.csv", LawfulBasis.CONSENT)
    assert {c.lawful_basis for c in people(services).values()} == {LawfulBasis.CONSENT}
    today = date.today()
    assert {c.data_source for c in people(services).values()} == {
        source_text("Connections.csv", today)
    }
