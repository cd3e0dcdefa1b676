"""Opt-out from a reply: an email asking to unsubscribe proposes the opt-out, dated, with the
message as its reason; not an enquiry."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from fiac_press_desk.domain.contact import ContactData, EmailAddress
from fiac_press_desk.domain.gdpr import Interaction
from fiac_press_desk.interchange.eml_import import import_eml_files
from fiac_press_desk.services import Services

REPLY = """From: Camille Dupont <camille.dupont@example.fr>
To: Presse FIAC <presse@example.fr>
Subject: RE: La Filière réunit les acteurs des données de vie réelle
Date: Mon, 4 Mar 2024 10:00:00 +0100
Message-ID: <reply-1@example.fr>
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: 8bit

Bonjour,

Je ne souhaite plus recevoir vos communiqués, merci de me retirer de votre liste.

Camille

Le 31 janv. 2024 à 09:30, Presse FIAC <presse@example.fr> a écrit :
> Pour ne plus en recevoir, il suffit de répondre à ce message en l'indiquant.
"""


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_bytes(text.replace("\n", "\r\n").encode("utf-8"))
    return path


def test_a_reply_asking_to_unsubscribe_is_proposed_not_logged(
    services: Services, tmp_path: Path
) -> None:
    cid = services.contacts.create(
        ContactData(family_name="Dupont", emails=[EmailAddress("camille.dupont@example.fr")])
    )
    eml = write(tmp_path, "reponse.eml", REPLY)
    result = import_eml_files(services, [eml])  # the window: proposed, not applied
    assert result.enquiry_ids == [] and result.problems == []
    (proposal,) = result.opt_outs
    assert proposal.contact_id == cid and result.opted_out == []
    assert proposal.at == datetime(2024, 3, 4, 9, 0, tzinfo=UTC)
    assert proposal.words == "ne souhaite plus recevoir"
    assert proposal.reason.startswith("Courriel « RE: La Filière réunit")
    assert "merci de me retirer de votre liste" in proposal.reason
    assert "Pour ne plus en recevoir" not in proposal.reason  # the quoted release is not theirs
    assert not services.contacts.get(cid).opted_out
    assert services.gdpr.opt_outs.apply(proposal)
    data = services.contacts.get(cid)
    assert data.opted_out and data.opted_out_at == proposal.at
    assert data.opted_out_reason == proposal.reason
    assert services.gdpr.register.entry(cid).last_interaction_kind is Interaction.REPLY
    assert not services.gdpr.opt_outs.apply(proposal)  # once is enough: first date kept


def test_the_command_line_path_applies_it(services: Services, tmp_path: Path) -> None:
    cid = services.contacts.create(
        ContactData(family_name="Dupont", emails=[EmailAddress("Camille.Dupont@example.fr")])
    )
    listed = write(
        tmp_path,
        "desinscription.eml",
        REPLY.replace(
            "Subject: RE: La Filière réunit les acteurs des données de vie réelle",
            "Subject: désinscription",
        ).replace("reply-1", "reply-2"),
    )
    result = import_eml_files(services, [listed], apply_opt_outs=True)
    assert [p.contact_id for p in result.opted_out] == [cid]
    assert services.contacts.get(cid).opted_out


def test_an_unknown_sender_asking_is_reported_and_an_ordinary_reply_is_an_enquiry(
    services: Services, tmp_path: Path
) -> None:
    unknown = write(tmp_path, "inconnu.eml", REPLY)
    ordinary = write(
        tmp_path,
        "question.eml",
        REPLY.replace(
            "Je ne souhaite plus recevoir vos communiqués, merci de me retirer de votre liste.",
            "Pouvez-vous m'envoyer les chiffres de la journée ?",
        ).replace("reply-1", "reply-3"),
    )
    result = import_eml_files(services, [unknown, ordinary], apply_opt_outs=True)
    assert len(result.enquiry_ids) == 1
    (problem,) = result.problems
    assert problem[0].endswith("inconnu.eml") and "rien à désinscrire" in problem[1]
