"""``enquiries.hints`` and the .eml import: an enquiry from a sender at a known organisation's
domain gets that outlet; the subject proposes its type and priority."""

from __future__ import annotations

from email.message import EmailMessage
from pathlib import Path

from fiac_press_desk.domain.contact import ContactData, EmailAddress
from fiac_press_desk.domain.enums import Priority, RequestType
from fiac_press_desk.interchange.eml_import import import_eml_files
from fiac_press_desk.services import Services


def _contact(services: Services, name: str, email: str, organisation: str) -> int:
    return services.contacts.create(
        ContactData(
            given_name=name,
            family_name="Test",
            organization=organisation,
            emails=[EmailAddress(email, "work")],
        )
    )


def write_eml(folder: Path, name: str, sender: str, subject: str, message_id: str) -> Path:
    message = EmailMessage()
    message["From"] = sender
    message["To"] = "presse@fiac.example"
    message["Subject"] = subject
    message["Date"] = "Tue, 06 Feb 2024 09:42:17 +0100"
    message["Message-ID"] = message_id
    message.set_content("Bonjour,\nPourriez-vous me rappeler ?\n")
    path = folder / name
    path.write_bytes(bytes(message))
    return path


def test_hints_find_the_organisation_of_the_senders_domain(services: Services) -> None:
    _contact(services, "Amir", "amir@radio-hexagone.fr", "Radio Hexagone")
    _contact(services, "Léa", "lea@RADIO-hexagone.fr", "Radio Hexagone")
    _contact(services, "Paul", "paul@radio-hexagone.fr", "Hexagone Productions")
    _contact(services, "Zoé", "zoe@gmail.com", "Le Quotidien")

    hints = services.enquiries.hints("nouveau@Radio-Hexagone.fr", "Tournage urgent")
    assert hints.outlet == "Radio Hexagone"
    assert (hints.request_type, hints.priority) == (RequestType.VISUALS, Priority.URGENT)
    assert services.enquiries.hints("x@gmail.com", "").outlet == ""  # public: nobody's
    assert services.enquiries.hints("x@ailleurs.example", "").outlet == ""
    assert services.enquiries.hints("x@radioxhexagone.fr", "").outlet == ""


def test_eml_import_files_a_new_sender_at_the_outlet_of_their_domain(
    services: Services, tmp_path: Path
) -> None:
    _contact(services, "Amir", "amir@radio-hexagone.fr", "Radio Hexagone")
    _contact(services, "Théo", "theo@radio-hexagone.fr", "Radio Hexagone")
    known = _contact(services, "Léa", "lea@radio-hexagone.fr", "Le Quotidien")
    files = [
        write_eml(
            tmp_path,
            "a.eml",
            "Nina Roux <nina@radio-hexagone.fr>",
            "Interview en direct demain ?",
            "<a@radio-hexagone.fr>",
        ),
        write_eml(
            tmp_path,
            "b.eml",
            "Léa <lea@radio-hexagone.fr>",
            "Question sur le rapport",
            "<b@radio-hexagone.fr>",
        ),
        write_eml(
            tmp_path, "c.eml", "Max <max@gmail.com>", "Chiffres de la collecte", "<c@gmail.com>"
        ),
    ]
    result = import_eml_files(services, files)
    assert result.problems == []
    new, from_known, from_gmail = (services.enquiries.get(i) for i in result.enquiry_ids)
    assert new.outlet == "Radio Hexagone"
    assert (new.request_type, new.priority) == (RequestType.INTERVIEW, Priority.URGENT)
    assert services.contacts.get(new.contact_id or 0).organization == "Radio Hexagone"
    # A known contact keeps their own organisation; nothing in the subject: the defaults.
    assert from_known.contact_id == known and from_known.outlet == "Le Quotidien"
    assert (from_known.request_type, from_known.priority) == (
        RequestType.INFORMATION,
        Priority.NORMAL,
    )
    assert from_gmail.outlet == "" and from_gmail.request_type is RequestType.FIGURES
