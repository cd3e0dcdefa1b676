"""The exports press officers hold, imported through the command line with no mapping: each
recognised by its headers, each person's fields where they belong (tests/data/exports, made
by its make_fixtures.py from the tools' documented formats)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from fiac_press_desk.app import main
from fiac_press_desk.cli import EXIT_OK
from fiac_press_desk.domain.contact import (
    ContactData,
    EmailAddress,
    Phone,
    PostalAddress,
    WebLink,
)
from fiac_press_desk.domain.enums import LawfulBasis
from fiac_press_desk.services import Services
from fiac_press_desk.services.contact_queries import ContactFilter
from fiac_press_desk.storage.database import Database

EXPORTS = Path(__file__).resolve().parents[1] / "data" / "exports"
TODAY = datetime.now().date()


class Desk:
    """A database file driven through ``fiac-press-desk import``."""

    def __init__(self, path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        self.path = path
        self.capsys = capsys

    def run(self, *argv: str) -> tuple[int, str, str]:
        code = main(["--lang", "en", "--db", str(self.path), *argv])
        out, err = self.capsys.readouterr()
        return code, out, err

    def imported(self, name: str, *options: str) -> str:
        code, out, err = self.run("import", str(EXPORTS / name), *options)
        assert code == EXIT_OK, (out, err)
        return out

    def contacts(self) -> dict[str, ContactData]:
        """Every contact by their first email (else display name)."""
        services = Services(Database(f"sqlite:///{self.path}"), actor="test")
        try:
            ids = services.contact_queries.ids(ContactFilter(archived=None))
            found = services.contacts.get_many(ids)
        finally:
            services.close()
        return {c.primary_email or c.computed_display_name(): c for c in found}


@pytest.fixture
def desk(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Iterator[Desk]:
    yield Desk(tmp_path / "desk.sqlite3", capsys)


def source(name: str) -> str:
    return f"Import of {name}, {TODAY.day} {TODAY:%b} {TODAY.year}"


def test_google_contacts_current_format(desk: Desk) -> None:
    out = desk.imported("google_contacts.csv")
    assert "recognised: Google Contacts export" in out
    assert "File As, Photo, Address 1 - Formatted" in out  # left out, and said so
    people = desk.contacts()
    elodie = people["elodie.garnier@example.fr"]
    assert (elodie.civility, elodie.given_name, elodie.family_name) == ("Dr", "Élodie", "Garnier")
    assert elodie.organization == "Le Quotidien Santé"
    assert (elodie.job_title, elodie.department) == ("Rédactrice en chef", "Rédaction santé")
    assert elodie.birthday == "--03-14"
    assert elodie.emails == [
        EmailAddress("elodie.garnier@example.fr", "work"),
        EmailAddress("elodie.g@example.org", "home"),
    ]
    assert elodie.phones == [  # " ::: " joins two numbers in one cell
        Phone("+33612345678", "mobile"),
        Phone("+33140103030", "work"),
        Phone("+33140103031", "work"),
    ]
    assert elodie.addresses == [
        PostalAddress("work", "12 rue de la Paix", "", "75002", "Paris", "", "France")
    ]
    assert elodie.urls == [WebLink("https://www.example.fr/elodie-garnier", "Profile")]
    assert elodie.tags == ["Presse santé"]  # not "* myContacts" nor "* starred"
    assert elodie.notes.splitlines() == [
        "Préfère être appelée le matin.",
        "Relation 1 - Label: Assistant",
        "Relation 1 - Value: Marc Vidal",
    ]
    assert elodie.data_source == source("google_contacts.csv")
    assert elodie.lawful_basis is LawfulBasis.LEGITIMATE_INTEREST
    thomas = people["thomas.lefevre@example.org"]
    assert thomas.emails == [EmailAddress("thomas.lefevre@example.org", "Rédaction")]
    assert thomas.birthday == "1980-11-02"
    assert thomas.tags == ["Radio"]


def test_google_contacts_legacy_format_in_utf16(desk: Desk) -> None:
    assert (EXPORTS / "google_contacts_legacy.csv").read_bytes()[:2] == b"\xff\xfe"
    out = desk.imported("google_contacts_legacy.csv")
    assert "recognised: Google Contacts export (legacy format)" in out
    people = desk.contacts()
    elodie = people["elodie.garnier@example.fr"]
    assert (elodie.given_name, elodie.family_name) == ("Élodie", "Garnier")
    assert elodie.emails == [  # "* Work": the primary one's label, for both values
        EmailAddress("elodie.garnier@example.fr", "work"),
        EmailAddress("elodie.redaction@example.fr", "work"),
        EmailAddress("elodie.g@example.org", "home"),
    ]
    assert elodie.phones == [Phone("+33612345678", "mobile")]
    assert (elodie.organization, elodie.job_title) == ("Le Quotidien Santé", "Rédactrice en chef")
    assert elodie.birthday == "1978-03-14"
    assert elodie.tags == ["Presse santé"]
    karim = people["karim.benali@example.org"]
    assert karim.emails == [EmailAddress("karim.benali@example.org", "home")]
    assert karim.tags == ["Pigistes", "Presse santé"]
    assert karim.organization == "Hebdo Sciences"
    assert karim.notes == "Occupation: Pigiste"


def test_outlook_english_export(desk: Desk) -> None:
    out = desk.imported("outlook_en.csv")
    assert "recognised: Outlook export (English)" in out
    assert "columns not imported" not in out
    people = desk.contacts()
    paul = people["paul.meyer@example.org"]
    # "Title" is the civility, "Job Title" the function
    assert (paul.civility, paul.given_name, paul.family_name) == ("Dr.", "Paul", "Meyer")
    assert (paul.job_title, paul.department) == ("Science editor", "Science desk")
    assert paul.organization == "Hebdo Sciences"
    assert paul.tags == ["Press", "Science"]  # Categories
    assert paul.phones == [Phone("+33478000001", "work"), Phone("+33611223344", "mobile")]
    assert paul.addresses == [
        PostalAddress("work", "8 avenue des Sciences", "", "69007", "Lyon", "", "France")
    ]
    assert paul.birthday == ""  # "0/0/00": no birthday, and no warning about it
    assert paul.urls == [WebLink("https://www.example.org/paul-meyer", "")]
    assert paul.notes.splitlines() == ["Met at the 2024 congress.", "Office Location: Building B"]
    anna = people["anna.schmidt@example.org"]
    assert (anna.civility, anna.job_title) == ("Ms.", "Reporter")
    assert anna.birthday == "1985-07-21"  # 7/21/1985, month first


def test_outlook_french_export_with_its_two_titre_columns(desk: Desk) -> None:
    out = desk.imported("outlook_fr.csv")
    assert "recognised: Outlook export (French)" in out
    people = desk.contacts()
    elodie = people["elodie.garnier@example.fr"]
    assert (elodie.civility, elodie.given_name, elodie.family_name) == ("Mme", "Élodie", "Garnier")
    assert elodie.job_title == "Rédactrice en chef"
    assert (elodie.organization, elodie.department) == ("Le Quotidien Santé", "Rédaction")
    assert elodie.tags == ["Oncologie", "Presse santé"]  # Catégories
    assert elodie.birthday == "1978-03-14"
    assert elodie.phones == [Phone("+33140103030", "work"), Phone("+33612345678", "mobile")]
    assert elodie.addresses == [
        PostalAddress("work", "12 rue de la Paix", "", "75002", "Paris", "", "France")
    ]
    assert elodie.notes == "Contact du congrès 2024."
    karim = people["karim.benali@example.org"]
    assert (karim.civility, karim.job_title) == ("M.", "Pigiste")
    assert karim.addresses == [PostalAddress("home", "3 place du Marché", "", "44000", "Nantes")]
    assert karim.phones == [Phone("+33240000002", "home")]
    assert karim.notes == "Bureau: Open space 2"


def test_thunderbird_csv_with_its_birthday_in_three_columns(desk: Desk) -> None:
    out = desk.imported("thunderbird.csv")
    assert "recognised: Thunderbird export (CSV)" in out
    people = desk.contacts()
    lea = people["lea.martin@example.fr"]
    assert (lea.given_name, lea.family_name, lea.display_name) == ("Léa", "Martin", "")
    assert lea.emails == [
        EmailAddress("lea.martin@example.fr", ""),
        EmailAddress("lea@example.org", ""),
    ]
    assert lea.phones == [Phone("+33145000003", "work"), Phone("+33698765432", "mobile")]
    assert lea.addresses == [
        PostalAddress("work", "5 quai des Presses", "Bâtiment C", "33000", "Bordeaux", "", "France")
    ]
    assert (lea.organization, lea.department, lea.job_title) == (
        "Agence Presse Santé",
        "Rédaction",
        "Journaliste santé",
    )
    assert lea.urls == [WebLink("https://www.example.fr/lea-martin", "work")]
    assert lea.birthday == "1985-07-21"
    assert lea.notes.splitlines() == [
        "Nickname: Léa",
        "Custom 1: Vue au salon 2024",
        "Suit la cancérologie.",
    ]
    hugo = people["hugo.petit@example.org"]
    assert hugo.birthday == "--05-02"  # month and day, no year
    assert hugo.display_name == "Hugo P. (Radio Lumière)"


def test_thunderbird_ldif_with_base64_values_folded_lines_and_a_mailing_list(
    desk: Desk,
) -> None:
    desk.imported("outlook_fr.csv")  # Karim Benali, a member of the list, is already here
    out = desk.imported("thunderbird.ldif")
    assert "group 'Presse santé': distribution list, 3 member(s) (1 already in the desk)" in out
    people = desk.contacts()
    lea = people["lea.martin@example.fr"]
    assert (lea.given_name, lea.family_name) == ("Léa", "Martin")
    assert lea.emails == [
        EmailAddress("lea.martin@example.fr", ""),
        EmailAddress("lea@example.org", ""),
    ]
    assert lea.phones == [Phone("+33145000003", "work"), Phone("+33698765432", "mobile")]
    assert (lea.organization, lea.job_title, lea.department) == (
        "Agence Presse Santé",
        "Journaliste santé",
        "Rédaction",
    )
    assert lea.addresses == [
        PostalAddress("work", "5 quai des Presses", "Bâtiment C", "33000", "Bordeaux", "", "France")
    ]
    assert lea.birthday == "1985-07-21"
    assert lea.notes.splitlines() == [
        "Suit la cancérologie.",
        "Préfère les courriels.",
        "mozillaNickname: Léa",
        "mozillaCustom1: Vue au salon 2024",
    ]
    assert lea.lists == ["Presse santé"]
    assert lea.data_source == source("thunderbird.ldif")
    hugo = people["hugo.petit@example.org"]
    assert hugo.notes == (
        "Une note qui continue sur une ligne pliee selon la RFC 2849, lue d'un seul tenant."
    )
    assert hugo.addresses == [PostalAddress("home", "9 rue des Ondes", "", "44000", "Nantes")]
    assert hugo.lists == ["Presse santé"]
    karim = people["karim.benali@example.org"]
    assert karim.lists == ["Presse santé"]  # the stored member joined the list
    assert "Presse santé" not in people  # no contact named after the list


def test_linkedin_connections_below_the_notes_preamble(desk: Desk) -> None:
    out = desk.imported("Connections.csv")
    assert "recognised: LinkedIn connections" in out
    people = desk.contacts()
    camille = people["camille.durand@example.org"]
    assert (camille.given_name, camille.family_name) == ("Camille", "Durand")
    assert (camille.organization, camille.job_title) == (
        "Hebdo Sciences",
        "Journaliste scientifique",
    )
    assert camille.urls == [
        WebLink("https://www.linkedin.com/in/camille-durand-example", "linkedin")
    ]
    assert camille.notes == "Connected On: 12 Mar 2024"
    hugo = people["Hugo Petit"]  # no address shared on LinkedIn: still comes in
    assert hugo.emails == []
    assert hugo.organization == "Radio Lumière"


def test_mailchimp_audiences_unsubscribed_and_cleaned_come_in_opted_out(desk: Desk) -> None:
    desk.imported("subscribed_members_export_9f8e7d6c5b.csv")
    out = desk.imported("unsubscribed_members_export_9f8e7d6c5b.csv")
    assert "recognised: Mailchimp audience (unsubscribed)" in out
    assert "OPTIN_IP" in out  # left out on purpose, and said so
    desk.imported("cleaned_members_export_9f8e7d6c5b.csv")
    people = desk.contacts()
    nina = people["nina.rossi@example.org"]
    assert (nina.given_name, nina.family_name, nina.organization) == (
        "Nina",
        "Rossi",
        "Le Quotidien Santé",
    )
    assert nina.tags == ["Presse", "Santé publique"]
    assert nina.birthday == "--07-21"  # Mailchimp's MM/DD
    assert nina.phones == [Phone("+33655443322", "")]
    assert nina.notes == "Inscrite via le site."
    assert not nina.opted_out
    sophie = people["sophie.roux@example.fr"]
    assert sophie.opted_out
    assert sophie.opted_out_at == datetime(2024, 2, 14, 10, 22, 5, tzinfo=UTC)
    assert sophie.opted_out_reason == "I no longer want to receive these emails"
    marc = people["marc.vidal@example.org"]
    assert marc.opted_out
    assert marc.opted_out_reason == "Unsubscribed from the Mailchimp audience"
    claire = people["ancienne.adresse@example.org"]
    assert claire.opted_out
    assert claire.opted_out_at == datetime(2023, 12, 1, 8, 0, tzinfo=UTC)
    assert claire.opted_out_reason == "Address cleaned by Mailchimp (messages bounced)"


def test_an_unsubscribed_export_opts_out_a_contact_already_here(desk: Desk) -> None:
    desk.imported("subscribed_members_export_9f8e7d6c5b.csv")
    path = desk.path.parent / "unsubscribed_members_export_1.csv"
    text = (EXPORTS / "unsubscribed_members_export_9f8e7d6c5b.csv").read_text(encoding="utf-8")
    path.write_text(text.replace("sophie.roux@example.fr", "nina.rossi@example.org"), "utf-8")
    code, _out, _err = desk.run("import", str(path), "--on-duplicate", "update")
    assert code == EXIT_OK
    nina = desk.contacts()["nina.rossi@example.org"]
    assert nina.opted_out
    assert nina.opted_out_reason == "I no longer want to receive these emails"


def test_brevo_contacts_and_blocklist(desk: Desk) -> None:
    out = desk.imported("brevo_contacts.csv")
    assert "recognised: Brevo contacts" in out
    desk.imported("brevo_blocklist_contacts.csv")
    people = desk.contacts()
    julie = people["julie.moreau@example.fr"]
    assert (julie.given_name, julie.family_name, julie.job_title) == (
        "Julie",
        "Moreau",
        "Journaliste",
    )
    assert julie.phones == [Phone("+33611223344", "mobile")]
    assert not julie.opted_out
    yann = people["yann.leroy@example.org"]
    assert yann.opted_out
    assert yann.opted_out_reason.startswith("Blocklisted in Brevo")
    ines = people["ines.garcia@example.org"]
    assert ines.opted_out  # every person of a blocklist export
    assert ines.given_name == "Inès"


def test_media_database_exports(desk: Desk) -> None:
    out = desk.imported("cision_export.xlsx")
    assert "recognised: Media database export" in out
    desk.imported("muckrack_export.csv")
    people = desk.contacts()
    lea = people["lea.martin@example.fr"]
    assert (lea.organization, lea.job_title) == ("Agence Presse Santé", "Journaliste santé")
    assert lea.beats == ["Health", "Oncology", "Artificial intelligence"]
    assert lea.urls == [
        WebLink("https://x.com/lea_martin_sante", "twitter"),
        WebLink("https://www.linkedin.com/in/lea-martin-example", "linkedin"),
    ]
    assert lea.notes == "Outlet Type: News Agency"
    assert lea.addresses == [PostalAddress("work", city="Bordeaux", country="France")]
    omar = people["omar.haddad@example.org"]
    assert omar.urls == [WebLink("https://x.com/omar_h_example", "twitter")]
    sarah = people["sarah.cohen@example.org"]
    assert (sarah.given_name, sarah.family_name) == ("Sarah", "Cohen")
    assert (sarah.organization, sarah.job_title) == ("Health Weekly", "Health reporter")
    assert sarah.beats == ["Health", "Science"]
    assert sarah.urls == [
        WebLink("https://x.com/sarahcohen_example", "twitter"),
        WebLink("https://www.linkedin.com/in/sarah-cohen-example", "linkedin"),
    ]


def test_apple_group_card_makes_a_list_with_its_members_before_and_after_it(
    desk: Desk,
) -> None:
    stored = desk.path.parent / "stored.vcf"
    stored.write_text(
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Nina Rossi\r\nN:Rossi;Nina;;;\r\n"
        "EMAIL:nina.rossi@example.org\r\nUID:A1B2C3D4-0000-4000-8000-000000000001\r\n"
        "END:VCARD\r\n",
        encoding="utf-8",
    )
    desk.run("import", str(stored))
    out = desk.imported("apple_groups.vcf")
    assert "group 'Presse santé': distribution list, 3 member(s) (1 already in the desk)" in out
    assert "member urn:uuid:FFFFFFFF-0000-4000-8000-00000000DEAD not found" in out
    people = desk.contacts()
    assert set(people) == {
        "elodie.garnier@example.fr",
        "thomas.lefevre@example.org",
        "nina.rossi@example.org",
    }  # no contact named after the group
    for email in people:
        assert people[email].lists == ["Presse santé"], email


def test_vcard_40_group_names_members_by_uid_and_by_address(desk: Desk) -> None:
    desk.imported("outlook_fr.csv")  # karim.benali@example.org
    out = desk.imported("group_40.vcf")
    assert "group 'Pigistes': distribution list, 2 member(s) (1 already in the desk)" in out
    people = desk.contacts()
    assert people["camille.durand@example.org"].lists == ["Pigistes"]
    assert people["karim.benali@example.org"].lists == ["Pigistes"]
    assert "Pigistes" not in people


def test_lawful_basis_option_and_the_json_export_shows_the_source(desk: Desk) -> None:
    desk.imported("Connections.csv", "--lawful-basis", "consent")
    code, _out, _err = desk.run("export", "json", str(desk.path.parent / "out.json"))
    assert code == EXIT_OK
    exported = json.loads((desk.path.parent / "out.json").read_text(encoding="utf-8"))
    assert {c["lawful_basis"] for c in exported} == {"consent"}
    assert {c["data_source"] for c in exported} == {source("Connections.csv")}
