"""Recognising a request to receive nothing more, in the sender's own words only."""

from __future__ import annotations

import pytest

from fiac_press_desk.domain.unsubscribe import own_text, unsubscribe_request

QUOTED = (
    "\n\nLe 31 janv. 2024 à 09:30, Presse FIAC <presse@example.fr> a écrit :\n"
    "> Vous recevez nos communiqués. Pour ne plus en recevoir, répondez.\n"
)


@pytest.mark.parametrize(
    ("subject", "body", "words"),
    [
        ("désinscription", "", "desinscription"),
        ("RE: TR: Désinscription", "", "desinscription"),
        ("STOP", "", "stop"),
        ("Unsubscribe", "", "unsubscribe"),
        ("RE: Communiqué", "Merci de me désinscrire." + QUOTED, "desinscrire"),
        ("RE: Communiqué", "Je souhaite me désabonner de vos envois.", "desabonner"),
        ("Re: release", "Please remove me from your list.", "remove me from"),
        ("Re: release", "I no longer wish to receive these.", "no longer wish to receive"),
        ("Communiqués", "Je ne veux plus recevoir vos messages.", "ne veux plus recevoir"),
        ("RE: x", "Merci de ne plus m'envoyer vos communiqués", "ne plus m'envoyer"),
        ("RE: x", "Pouvez-vous retirer mon adresse de votre liste ?", None),
        ("RE: x", "Retirez-moi de votre liste, merci.", "retirez-moi de votre liste"),
    ],
)
def test_requests_in_french_and_english(subject: str, body: str, words: str | None) -> None:
    found = unsubscribe_request(subject, body)
    if words is None:
        assert found is not None
    else:
        assert found == words


@pytest.mark.parametrize(
    ("subject", "body"),
    [
        ("RE: Communiqué", "Merci, je souhaite une interview jeudi." + QUOTED),
        ("RE: Communiqué", "Bien reçu.\n\n-----Original Message-----\nunsubscribe: reply"),
        ("Demande", "Bonjour,\nauriez-vous les chiffres ?\n-- \nPour ne plus recevoir : x"),
        ("RE: Communiqué", "Merci.\n\nDe : Presse FIAC\nEnvoyé : lundi\nne plus recevoir"),
        ("Inscription", "Pouvez-vous m'inscrire à votre liste ?"),
    ],
)
def test_quoted_text_signatures_and_other_mail_are_not_requests(subject: str, body: str) -> None:
    assert unsubscribe_request(subject, body) is None


def test_own_text_stops_at_the_quoted_message() -> None:
    assert own_text("Merci de me désinscrire.\r\nCamille" + QUOTED) == (
        "Merci de me désinscrire.\nCamille"
    )
