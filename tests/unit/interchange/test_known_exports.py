"""Recognising a tool's export by its headers, and the columns it knows."""

from __future__ import annotations

from pathlib import Path

import pytest

from fiac_press_desk.interchange.known_exports import EXPORTS, recognise
from fiac_press_desk.interchange.spreadsheet_import import preview_sheet
from fiac_press_desk.interchange.spreadsheet_mapping import Target

FIXTURES = {
    "google_contacts.csv": "google",
    "google_contacts_legacy.csv": "google_legacy",
    "outlook_en.csv": "outlook_en",
    "outlook_fr.csv": "outlook_fr",
    "thunderbird.csv": "thunderbird",
    "Connections.csv": "linkedin",
    "subscribed_members_export_9f8e7d6c5b.csv": "mailchimp",
    "unsubscribed_members_export_9f8e7d6c5b.csv": "mailchimp_unsubscribed",
    "cleaned_members_export_9f8e7d6c5b.csv": "mailchimp_cleaned",
    "brevo_contacts.csv": "brevo",
    "brevo_blocklist_contacts.csv": "brevo_blocklisted",
    "cision_export.xlsx": "media_database",
    "muckrack_export.csv": "media_database",
}


@pytest.mark.parametrize(("name", "key"), sorted(FIXTURES.items()))
def test_each_export_is_recognised_by_its_headers(data_dir: Path, name: str, key: str) -> None:
    preview = preview_sheet(data_dir / "exports" / name)
    assert preview.automatic.profile == key
    assert EXPORTS[key].name  # named in both languages


@pytest.mark.parametrize("name", ["messy.xlsx", "contacts_utf8_comma.csv", "merged_down.xlsx"])
def test_a_press_officer_s_own_sheet_is_no_export(data_dir: Path, name: str) -> None:
    assert preview_sheet(data_dir / "spreadsheets" / name).automatic.profile is None


def test_a_mailchimp_file_named_unsubscribed_is_unsubscribed_without_its_columns() -> None:
    headers = ["Email Address", "First Name", "Last Name", "MEMBER_RATING", "LEID", "EUID"]
    assert (
        recognise(headers, "unsubscribed_members_export_x.csv") is EXPORTS["mailchimp_unsubscribed"]
    )
    assert recognise(headers, "subscribed_members_export_x.csv") is EXPORTS["mailchimp"]


def test_outlook_french_titre_is_the_civility_then_the_job_title() -> None:
    headers = ["Titre", "Prénom", "Nom", "Société", "Titre", "Rue (bureau)", "Catégories"]
    columns = EXPORTS["outlook_fr"].columns(headers)
    assert columns[0] == Target("civility")
    assert columns[4] == Target("job_title")
    assert columns[6] == Target("tags")


def test_google_numbered_columns_pair_values_with_their_labels() -> None:
    headers = ["First Name", "E-mail 2 - Label", "E-mail 2 - Value", "Address 1 - Formatted"]
    columns = EXPORTS["google"].columns(headers)
    assert columns[1] == Target("email_label", "", 1)
    assert columns[2] == Target("email", "", 1)
    # a formatted address with no parts beside it is the address itself
    assert columns[3] == Target("street", "", 0)
