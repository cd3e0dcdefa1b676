"""Enquiries from .eml files: matching senders, new contacts, duplicates, bad files."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest

from fiac_press_desk.domain.contact import ContactData, EmailAddress
from fiac_press_desk.domain.enums import ContactKind, EnquiryChannel
from fiac_press_desk.interchange.eml_import import import_eml_files, split_name
from fiac_press_desk.services import Services


@pytest.fixture
def eml(data_dir: Path) -> Path:
    return data_dir / "eml"


def test_known_sender_is_matched_by_address_unknown_becomes_a_contact(
    services: Services, eml: Path
) -> None:
    known = services.contacts.create(
        ContactData(
            given_name="Éloïse",
            family_name="Lefèvre",
            organization="Le Quotidien",
            emails=[EmailAddress("Eloise.Lefevre@example.fr")],
        )
    )
    result = import_eml_files(services, [eml / "encoded_headers.eml", eml / "unknown_sender.eml"])
    assert result.problems == []
    assert len(result.enquiry_ids) == 2 and len(result.contact_ids) == 1
    first = services.enquiries.get(result.enquiry_ids[0])
    assert first.contact_id == known
    assert first.outlet == "Le Quotidien"
    assert first.channel is EnquiryChannel.EMAIL
    assert first.subject == "Demande d'interview – données de vie réelle et dépistage"
    assert first.received_at == datetime(2024, 2, 6, 8, 42, 17, tzinfo=UTC)
    assert first.source_message_id == "<3f2a9c1e-7b4d-4e1a-9d3c-enc0ded@example.fr>"
    second = services.enquiries.get(result.enquiry_ids[1])
    assert second.contact_id == result.contact_ids[0]
    new = services.contacts.get(result.contact_ids[0])
    assert (new.given_name, new.family_name) == ("Maëlle", "Cœurderoy")
    assert new.kind is ContactKind.JOURNALIST
    assert new.primary_email == "maelle.coeurderoy@example.org"
    assert "unknown_sender.eml" in new.data_source and "09/02/2024" in new.data_source
    assert second.details.endswith("Pièces jointes : programme-debat.pdf")


def test_the_same_message_is_never_logged_twice(
    services: Services, eml: Path, tmp_path: Path
) -> None:
    copy = tmp_path / "copie.eml"
    shutil.copy(eml / "latin1.eml", copy)
    first = import_eml_files(services, [eml / "latin1.eml"])
    again = import_eml_files(services, [copy, eml / "latin1.eml"])
    assert len(first.enquiry_ids) == 1
    assert again.enquiry_ids == [] and again.contact_ids == []
    assert [f for f, _ in again.problems] == [str(copy), str(eml / "latin1.eml")]
    assert f"n° {first.enquiry_ids[0]}" in again.problems[0][1]


def test_two_mails_from_one_new_sender_make_one_contact(
    services: Services, eml: Path, tmp_path: Path
) -> None:
    second = tmp_path / "second.eml"
    second.write_bytes(
        (eml / "latin1.eml")
        .read_bytes()
        .replace(b"<latin1-8bit-0001@example.fr>", b"<latin1-8bit-0002@example.fr>")
    )
    result = import_eml_files(services, [eml / "latin1.eml", second])
    assert len(result.enquiry_ids) == 2 and len(result.contact_ids) == 1
    contact = services.contacts.get(result.contact_ids[0])
    assert (contact.given_name, contact.family_name) == ("Jérôme", "Châtelain")


def test_bad_files_are_reported_and_the_rest_goes_on(services: Services, eml: Path) -> None:
    files = [
        eml / "not_an_email.eml",
        eml / "no_sender.eml",
        eml / "missing.eml",
        eml / "html_only.eml",
    ]
    result = import_eml_files(services, files)
    assert len(result.enquiry_ids) == 1
    assert [Path(f).name for f, _ in result.problems] == [
        "not_an_email.eml",
        "no_sender.eml",
        "missing.eml",
    ]
    assert all(message for _, message in result.problems)


def test_sender_without_a_name_is_named_by_address(services: Services, eml: Path) -> None:
    result = import_eml_files(services, [eml / "no_message_id.eml"])
    contact = services.contacts.get(result.contact_ids[0])
    assert contact.computed_display_name() == "redaction@example.org"


@pytest.mark.parametrize(
    ("display", "expected"),
    [
        ("Éloïse Lefèvre", ("Éloïse", "Lefèvre")),
        ("LEFÈVRE Éloïse", ("Éloïse", "Lefèvre")),
        ("Lefèvre, Éloïse", ("Éloïse", "Lefèvre")),
        ("Jean-Marc DE LA FONTAINE", ("Jean-Marc", "De La Fontaine")),
        ("Anne Van der Berg", ("Anne", "Van der Berg")),
        ("Rédaction", ("", "Rédaction")),
        ("", ("", "")),
    ],
)
def test_split_name(display: str, expected: tuple[str, str]) -> None:
    assert split_name(display) == expected
