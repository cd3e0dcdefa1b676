"""Parsing saved emails: encoded headers, French accents, charsets, multipart bodies."""

from __future__ import annotations

from datetime import UTC, datetime
from email.message import EmailMessage
from pathlib import Path

import pytest

from fiac_press_desk.domain.messages import set_language
from fiac_press_desk.interchange.eml import EmlError, html_to_text, parse_eml, read_eml


@pytest.fixture
def eml(data_dir: Path) -> Path:
    return data_dir / "eml"


def test_rfc2047_headers_with_french_accents(eml: Path) -> None:
    mail = read_eml(eml / "encoded_headers.eml")
    assert mail.sender_name == "Éloïse Lefèvre"
    assert mail.sender_address == "eloise.lefevre@example.fr"
    # Two encoded words across a folded line join without a stray space.
    assert mail.subject == "Demande d'interview – données de vie réelle et dépistage"
    assert mail.received_at == datetime(2024, 2, 6, 8, 42, 17, tzinfo=UTC)  # +0100 -> UTC
    assert mail.message_id == "<3f2a9c1e-7b4d-4e1a-9d3c-enc0ded@example.fr>"
    assert mail.to == ["presse@example.fr"]
    # Quoted-printable soft line breaks rejoined, UTF-8 decoded, CRLF gone.
    assert "données de vie réelle en cancérologie. Serait-il" in mail.body
    assert "\r" not in mail.body
    assert mail.body.endswith("Éloïse Lefèvre\nLe Quotidien")


def test_multipart_alternative_prefers_plain_text(eml: Path) -> None:
    mail = read_eml(eml / "multipart_alternative.eml")
    assert mail.sender_name == "Chatelain, Jerome"
    assert mail.subject == "Chiffres de la journée du 31 janvier"  # ISO-8859-1 encoded word
    assert mail.body == (
        "Bonjour,\n\nCombien de participants et d'orateurs à la journée ?\nMerci d'avance,\nJérôme"
    )
    assert "HTML" not in mail.body


def test_html_only_body_becomes_text(eml: Path) -> None:
    mail = read_eml(eml / "html_only.eml")
    assert mail.sender_name == "Anaïs Béranger"  # windows-1252 encoded word
    assert mail.subject == "Visuels pour l'article – urgent"  # base64 encoded word
    assert mail.body == (
        "Bonjour,\n\nPourriez-vous m’envoyer des visuels de la journée ?\nIl me faut :\n\n"
        "- une photo des tables rondes\n- le logo & la charte\n\nMerci,\nAnaïs"
    )


def test_latin1_8bit_body_and_headers(eml: Path) -> None:
    mail = read_eml(eml / "latin1.eml")
    assert mail.sender_name == "CHÂTELAIN Jérôme"
    assert mail.subject == "Précisions sur l'accès aux données"
    assert "Quels délais d'accès pour les équipes de recherche ?\nÀ bientôt," in mail.body
    # 23:30 in Paris on 8 February is 22:30 UTC.
    assert mail.received_at == datetime(2024, 2, 8, 22, 30, tzinfo=UTC)


def test_unknown_sender_with_attachment_and_minus_zero_date(eml: Path) -> None:
    mail = read_eml(eml / "unknown_sender.eml")
    assert (mail.sender_name, mail.sender_address) == (
        "Maëlle Cœurderoy",
        "maelle.coeurderoy@example.org",
    )
    assert mail.subject == "Invitation à un débat radio"
    assert mail.received_at == datetime(2024, 2, 9, 7, 0, tzinfo=UTC)
    assert mail.attachments == ["programme-debat.pdf"]
    assert mail.body.startswith("Bonjour,\n\nNous aimerions inviter un expert à notre débat")


def test_no_message_id_no_date_falls_back_to_digest_and_received(eml: Path) -> None:
    mail = read_eml(eml / "no_message_id.eml")
    assert mail.sender_name == "" and mail.sender_address == "redaction@example.org"
    assert mail.received_at == datetime(2024, 2, 10, 10, 20, 5, tzinfo=UTC)
    assert mail.message_id.startswith("sha256:")
    assert read_eml(eml / "no_message_id.eml").message_id == mail.message_id  # stable


def test_unknown_charset_is_read_leniently(eml: Path) -> None:
    assert read_eml(eml / "bad_charset.eml").body == "Le texte reste lisible : été."


def test_refusals_name_the_reason(eml: Path, tmp_path: Path) -> None:
    with pytest.raises(EmlError) as info:
        read_eml(eml / "no_sender.eml")
    assert info.value.code == "eml_no_sender"
    with pytest.raises(EmlError) as info:
        read_eml(eml / "not_an_email.eml")
    assert "n'est pas un courriel" in str(info.value)
    set_language("en")
    with pytest.raises(EmlError) as info:
        read_eml(tmp_path / "missing.eml")
    assert "cannot read the file" in str(info.value)


def test_a_message_built_by_the_stdlib_round_trips() -> None:
    msg = EmailMessage()
    msg["From"] = "Gaëlle Noël <gaelle.noel@example.fr>"
    msg["To"] = "presse@example.fr"
    msg["Subject"] = "Œuvre, cœur et données : une question"
    msg["Date"] = "Sun, 31 Mar 2024 01:30:00 +0100"  # the night clocks go forward
    msg["Message-ID"] = "<rt@example.fr>"
    msg.set_content("Texte brut avec accents : ça marche.")
    msg.add_alternative("<p>HTML <i>ignoré</i></p>", subtype="html")
    mail = parse_eml(msg.as_bytes())
    assert mail.sender_name == "Gaëlle Noël"
    assert mail.subject == "Œuvre, cœur et données : une question"
    assert mail.body == "Texte brut avec accents : ça marche."
    assert mail.received_at == datetime(2024, 3, 31, 0, 30, tzinfo=UTC)


def test_html_to_text_drops_markup_and_keeps_paragraphs() -> None:
    html = (
        "<div>Un&nbsp;<b>mot</b></div><p>Deux</p><style>x{}</style>"
        "<table><tr><td>a</td></tr></table>"
    )
    assert html_to_text(html) == "Un mot\n\nDeux\n\na"
