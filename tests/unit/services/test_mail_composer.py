"""The message each recipient gets: salutation, embargo, both text parts, attachments."""

from __future__ import annotations

import email
from datetime import UTC, date, datetime
from email.policy import default

import pytest

from fiac_press_desk.services.mail_composer import (
    RecipientInfo,
    ReleaseContent,
    SenderIdentity,
    compose,
    embargo_line,
    embargo_subject,
    french_date,
    new_message_id,
    salutation_line,
    subject_line,
)
from fiac_press_desk.services.releases import AttachmentFile

SENDER = SenderIdentity(
    "Presse FIAC",
    "presse@example.fr",
    reply_to="contact.presse@example.fr",
    organisation="Filière Intelligence Artificielle et Cancers",
)


def content(**changes: object) -> ReleaseContent:
    values: dict[str, object] = {
        "title": "Première journée des données de vie réelle",
        "summary": "La Filière a réuni **400 personnes** à Paris.",
        "body": "Premier paragraphe, avec un lien https://filiere-ia.fr/.\n\n"
        "Deuxième paragraphe <script>alert(1)</script>\nsur deux lignes.",
        "release_date": date(2024, 1, 31),
        "id": 7,
    }
    values.update(changes)
    return ReleaseContent(**values)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("civility", "given", "family", "style", "expected"),
    [
        ("Mme", "Camille", "Dupont", "formal", "Madame Dupont,"),
        ("Madame", "Camille", "Dupont", "formal", "Madame Dupont,"),
        ("Mlle", "Zoé", "Faure", "formal", "Madame Faure,"),
        ("M.", "Paul", "Martin", "formal", "Monsieur Martin,"),
        ("M", "Paul", "Martin", "formal", "Monsieur Martin,"),
        ("Monsieur", "Paul", "Martin", "formal", "Monsieur Martin,"),
        ("Dr", "Hélène", "Lefèvre", "formal", "Docteur Lefèvre,"),
        ("Pr", "Jean", "Hôpital", "formal", "Professeur Hôpital,"),
        ("Mme", "Camille", "Roux", "informal", "Bonjour Camille,"),
        ("", "Camille", "Roux", "informal", "Bonjour Camille,"),
        ("Mme", "", "Roux", "informal", "Madame Roux,"),  # no first name: back to formal
        ("", "Alex", "Durand", "formal", "Bonjour Alex Durand,"),
        ("", "", "", "formal", "Madame, Monsieur,"),
        ("Mme", "", "", "formal", "Madame,"),
    ],
)
def test_french_salutation(
    civility: str, given: str, family: str, style: str, expected: str
) -> None:
    recipient = RecipientInfo("x@example.fr", 1, civility, given, family, salutation=style)
    assert salutation_line(recipient) == expected


def test_english_salutation_for_an_english_release() -> None:
    formal = RecipientInfo("x@example.org", 1, "Mme", "Jane", "Smith")
    informal = RecipientInfo("x@example.org", 1, "Mme", "Jane", "Smith", salutation="informal")
    assert salutation_line(formal, "en") == "Dear Ms Smith,"
    assert salutation_line(informal, "en") == "Dear Jane,"
    assert salutation_line(RecipientInfo("x@example.org"), "en") == "Dear Sir or Madam,"


def test_embargo_in_paris_time_winter_and_summer() -> None:
    winter = datetime(2024, 3, 12, 9, 0, tzinfo=UTC)  # UTC+1
    summer = datetime(2024, 7, 1, 8, 30, tzinfo=UTC)  # UTC+2
    assert embargo_subject(winter) == "[EMBARGO jusqu'au 12 mars 2024, 10 h 00]"
    assert embargo_subject(summer) == "[EMBARGO jusqu'au 1er juillet 2024, 10 h 30]"
    assert embargo_line(winter) == (
        "EMBARGO : à ne pas publier avant le mardi 12 mars 2024 à 10 h 00 (heure de Paris)."
    )
    assert embargo_line(summer, "en") == (
        "EMBARGO: not for publication before Monday 1 July 2024, 10:30 (Paris time)."
    )
    assert french_date(date(2024, 1, 31), with_weekday=True) == "mercredi 31 janvier 2024"


def test_subject_and_first_line_with_and_without_embargo() -> None:
    plain = content()
    assert subject_line(plain) == "Première journée des données de vie réelle"
    embargoed = content(embargo_at=datetime(2024, 1, 30, 23, 0, tzinfo=UTC))
    assert subject_line(embargoed) == (
        "[EMBARGO jusqu'au 31 janvier 2024, 0 h 00] Première journée des données de vie réelle"
    )
    recipient = RecipientInfo("c.dupont@example.fr", 3, "Mme", "Camille", "Dupont")
    text = compose(embargoed, recipient, SENDER).get_body(("plain",)).get_content()
    assert text.splitlines()[0].startswith("EMBARGO : à ne pas publier avant le mercredi 31")
    text = compose(plain, recipient, SENDER).get_body(("plain",)).get_content()
    assert text.splitlines()[0] == "Madame Dupont,"
    assert "EMBARGO" not in text


def test_message_structure_headers_and_attachments() -> None:
    pdf = b"%PDF-1.4 " + bytes(range(256))
    jpeg = b"\xff\xd8\xff\xe0" + b"\x01" * 100
    release = content(
        attachments=(
            AttachmentFile("communiqué 31-01.pdf", pdf, "application/pdf"),
            AttachmentFile("photo.jpg", jpeg, "image/jpeg"),
        )
    )
    recipient = RecipientInfo("paul.martin@example.org", 12, "M.", "Paul", "Martin")
    when = datetime(2024, 1, 31, 8, 30, tzinfo=UTC)
    msg = compose(release, recipient, SENDER, message_id="<fixed@example.fr>", when=when)
    # Through the wire format and back, as the recipient's program will read it.
    parsed = email.message_from_bytes(msg.as_bytes(), policy=default)
    assert parsed.get_content_type() == "multipart/mixed"
    assert parsed["Message-ID"] == "<fixed@example.fr>"
    assert parsed["Date"] == "Wed, 31 Jan 2024 08:30:00 +0000"
    assert str(parsed["From"]) == "Presse FIAC <presse@example.fr>"
    assert str(parsed["To"]) == "Paul Martin <paul.martin@example.org>"
    assert parsed["Reply-To"] == "contact.presse@example.fr"
    assert parsed["Content-Language"] == "fr"
    assert (
        parsed["List-Unsubscribe"].strip().startswith("<mailto:contact.presse@example.fr?subject=d")
    )
    assert parsed["List-Unsubscribe"].isascii()

    text = parsed.get_body(("plain",)).get_content()
    html = parsed.get_body(("html",)).get_content()
    assert "Monsieur Martin," in text and "Monsieur Martin," in html
    assert "notre communiqué de presse du 31 janvier 2024" in text
    assert "400 personnes" in text and "**" not in text
    assert "<strong>400 personnes</strong>" in html
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert '<a href="https://filiere-ia.fr/">https://filiere-ia.fr/</a>.' in html
    assert "Filière Intelligence Artificielle et Cancers" in text  # signature
    assert "En pièce jointe : communiqué 31-01.pdf, photo.jpg." in text

    files = [
        (p.get_filename(), p.get_content_type(), p.get_content()) for p in parsed.iter_attachments()
    ]
    assert files == [
        ("communiqué 31-01.pdf", "application/pdf", pdf),
        ("photo.jpg", "image/jpeg", jpeg),
    ]


def test_message_ids_are_unique_and_name_release_and_contact() -> None:
    first = new_message_id(7, 12, "presse@example.fr")
    second = new_message_id(7, 12, "presse@example.fr")
    assert first != second
    assert first.startswith("<") and first.endswith("@example.fr>")
    assert ".fiac.r7.c12@" in first


def test_english_release_speaks_english() -> None:
    release = content(language="en", embargo_at=datetime(2024, 3, 12, 9, 0, tzinfo=UTC))
    recipient = RecipientInfo("j.smith@example.org", 2, "Mrs", "Jane", "Smith")
    msg = compose(release, recipient, SENDER)
    assert msg["Subject"].startswith("[EMBARGO until 12 March 2024, 10:00 Paris time]")
    text = msg.get_body(("plain",)).get_content()
    assert text.splitlines()[2] == "Dear Mrs Smith,"
    assert "Please find below our press release of 31 January 2024." in text
    assert msg["Content-Language"] == "en"
