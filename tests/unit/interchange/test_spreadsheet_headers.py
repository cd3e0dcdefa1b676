"""Header rows and column guesses: French and English variants, sample values deciding."""

from __future__ import annotations

import pytest

from fiac_press_desk.interchange.spreadsheet_export import columns_for
from fiac_press_desk.interchange.spreadsheet_headers import (
    automatic_mapping,
    find_header_row,
    guess_target,
    read_headers,
    target_from_header,
)
from fiac_press_desk.interchange.spreadsheet_mapping import Target
from fiac_press_desk.interchange.spreadsheet_read import MergedRange
from fiac_press_desk.services.demo_data import generate_contacts


@pytest.mark.parametrize(
    ("header", "target"),
    [
        ("Civilité", Target("civility")),
        ("CIVILITE", Target("civility")),
        ("Prénom", Target("given_name")),
        ("prenom", Target("given_name")),
        ("First name", Target("given_name")),
        ("NOM", Target("family_name")),
        ("Nom de famille", Target("family_name")),
        ("Last Name", Target("family_name")),
        ("Média", Target("organization")),
        ("Support", Target("organization")),
        ("Rédaction", Target("organization")),
        ("Société", Target("organization")),
        ("Organisme", Target("organization")),
        ("Nom du média", Target("organization")),
        ("Company", Target("organization")),
        ("Fonction", Target("job_title")),
        ("Poste", Target("job_title")),
        ("Job title", Target("job_title")),
        ("Courriel", Target("email")),
        ("E-mail", Target("email")),
        ("e-mail", Target("email")),
        ("Mail", Target("email")),
        ("Adresse électronique", Target("email")),
        ("Adresse mail perso", Target("email", "home")),
        ("Email address", Target("email")),
        ("Téléphone", Target("phone")),
        ("Tél.", Target("phone")),
        ("TEL", Target("phone")),
        ("N° de téléphone", Target("phone")),
        ("Fixe", Target("phone", "work")),
        ("Portable", Target("phone", "mobile")),
        ("Mobile", Target("phone", "mobile")),
        ("Tél. portable perso", Target("phone", "mobile")),
        ("Fax", Target("phone", "fax")),
        ("Adresse", Target("street")),
        ("Address", Target("street")),
        ("Adresse perso", Target("street", "home")),
        ("Adresse 2", Target("extended")),
        ("Ville #2", Target("city", "", 1)),
        ("Code postal (2)", Target("postal_code", "", 1)),
        ("CP", Target("postal_code")),
        ("C.P.", Target("postal_code")),
        ("Code postal", Target("postal_code")),
        ("Zip code", Target("postal_code")),
        ("Ville", Target("city")),
        ("City", Target("city")),
        ("Pays", Target("country")),
        ("Thématiques", Target("beats")),
        ("Rubrique", Target("beats")),
        ("Centres d'intérêt", Target("beats")),
        ("Étiquettes", Target("tags")),
        ("Listes", Target("lists")),
        ("Commentaire", Target("notes")),
        ("Notes", Target("notes")),
        ("ID", Target("id")),
        ("Nom complet", Target("full_name")),
        ("Date de naissance", Target("birthday")),
        ("Logo", None),
        ("", None),
    ],
)
def test_header_variants(header: str, target: Target | None) -> None:
    assert target_from_header(header) == target


@pytest.mark.parametrize("language", ["fr", "en"])
def test_our_own_export_headers_map_back_to_their_fields(language: str) -> None:
    contacts = list(generate_contacts(30))
    contacts[0].display_name = "Rédaction"
    contacts[0].department = "Sciences"
    for column in columns_for(contacts, language):
        target = target_from_header(column.header(language))
        assert target is not None, column.header(language)
        assert target.field == column.key.split(" ")[0], column.header(language)


def test_sample_values_decide() -> None:
    assert guess_target("Adresse", ["a@example.org", "b@example.fr"]) == Target("email")
    assert guess_target("Titre", ["M.", "Mme", "Dr"]) == Target("civility")
    assert guess_target("Titre", ["Rédactrice en chef", "Pigiste"]) == Target("job_title")
    assert guess_target("", ["a@example.org", "b@example.fr", ""]) == Target("email")
    assert guess_target("Colonne 7", [612345678, "01 23 45 67 89"]) == Target("phone")
    assert guess_target("", [75011, "06000", 13001]) == Target("postal_code")
    assert guess_target("Réf.", ["AB-12", "CD-7"]) is None
    assert guess_target("", ["Paris", "Lyon"]) is None
    links = ["https://social.example.org/@jean.dupont", "https://social.example.org/@a.b"]
    assert guess_target("Sites web", links) == Target("url")


def test_the_header_row_is_found_below_a_title_and_a_logo() -> None:
    rows = [
        ["Fichier presse FIAC", "", ""],
        [],
        ["(logo)"],
        ["NOM", "Prénom", "Courriel"],
        ["Dupont", "Marie", "marie@example.org"],
    ]
    assert find_header_row(rows) == 3


def test_a_sheet_without_header_is_mapped_from_its_values() -> None:
    rows = [
        ["Dupont", "marie@example.org", "0612345678"],
        ["Martin", "jp@example.org", "0123456789"],
    ]
    layout = read_headers(rows)
    assert layout.header_index is None and layout.data_start == 0
    mapping = automatic_mapping(layout.headers, rows)
    assert mapping == {1: Target("email"), 2: Target("phone")}


def test_two_header_rows_under_a_merged_cell() -> None:
    rows = [
        ["Nom", "Coordonnées", "", "Téléphone", ""],
        ["", "Courriel", "Ville", "Fixe", "Portable"],
        ["Dupont", "m@example.org", "Nice", "0493000000", "0612345678"],
    ]
    merged = [MergedRange(0, 0, 1, 0), MergedRange(0, 1, 0, 2), MergedRange(0, 3, 0, 4)]
    layout = read_headers(rows, merged)
    assert layout.headers == ["Nom", "Courriel", "Ville", "Fixe", "Portable"]
    assert layout.data_start == 2
    mapping = automatic_mapping(layout.headers, rows[2:])
    assert mapping[0] == Target("family_name") and mapping[4] == Target("phone", "mobile")


def test_a_single_valued_field_is_taken_once() -> None:
    headers = ["Nom", "Adresse", "Adresse", "NOM", "Contact"]
    mapping = automatic_mapping(headers, [["a", "1 rue", "bât B", "b", "Marie Dupont"]])
    assert mapping == {0: Target("family_name"), 1: Target("street"), 2: Target("extended")}
