"""What an incoming enquiry's subject and sender propose (domain.enquiry_hints)."""

from __future__ import annotations

import pytest

from fiac_press_desk.domain.enquiry_hints import (
    from_subject,
    outlet_at_domain,
    propose,
    sender_domain,
)
from fiac_press_desk.domain.enums import Priority, RequestType


@pytest.mark.parametrize(
    ("subject", "request_type", "priority"),
    [
        ("URGENT : interview pour le 20h", RequestType.INTERVIEW, Priority.URGENT),
        ("Demande d'entretien avec la directrice", RequestType.INTERVIEW, None),
        ("Tournage au laboratoire jeudi ?", RequestType.VISUALS, Priority.HIGH),
        ("Intervention en direct ce soir", RequestType.INTERVIEW, Priority.URGENT),
        ("Chiffres 2023 de la collecte", RequestType.FIGURES, None),
        ("Accréditation pour la conférence de presse", RequestType.INVITATION, None),
        ("Très urgent — vérification d'une citation", RequestType.FACT_CHECK, Priority.URGENT),
        ("Dernière minute: besoin d'images", RequestType.VISUALS, Priority.URGENT),
        ("Question sur votre rapport annuel", None, None),
        ("", None, None),
    ],
)
def test_subject_words_propose_type_and_priority(
    subject: str, request_type: RequestType | None, priority: Priority | None
) -> None:
    hints = from_subject(subject)
    assert (hints.request_type, hints.priority) == (request_type, priority)
    assert bool(hints.words) == (request_type is not None or priority is not None)


def test_words_match_whole_words_only_accent_and_case_blind() -> None:
    assert from_subject("Directive européenne").request_type is None  # not "direct"
    assert from_subject("Insurgent ou pas").priority is None  # not "urgent"
    assert from_subject("INTERVIEW").request_type is RequestType.INTERVIEW
    assert from_subject("Aujourd’hui, réaction ?").priority is Priority.URGENT
    assert from_subject("Demande urgente (interview)").words == ("interview", "urgente")


def test_public_domains_and_bad_addresses_propose_no_outlet() -> None:
    assert sender_domain("eloise@Radio-Hexagone.fr") == "radio-hexagone.fr"
    assert sender_domain("someone@gmail.com") == ""
    assert sender_domain("quelqu.un@orange.fr") == ""
    assert sender_domain("not an address") == ""
    assert sender_domain("") == ""


def test_the_organisation_of_most_contacts_at_the_domain_wins_a_shared_domain_none() -> None:
    assert outlet_at_domain([]) == ""
    assert outlet_at_domain([("Radio Hexagone", 3)]) == "Radio Hexagone"
    assert outlet_at_domain([("Radio Hexagone", 3), ("Hexagone Info", 1)]) == "Radio Hexagone"
    assert outlet_at_domain([("Radio Hexagone", 2), ("Hexagone Info", 2)]) == ""
    assert outlet_at_domain([("", 5), ("Radio Hexagone", 1)]) == "Radio Hexagone"
    # A host shared by many titles (example.com in the demonstration data): no majority.
    assert outlet_at_domain([("A", 2), ("B", 1), ("C", 1)]) == ""


def test_propose_joins_both() -> None:
    hints = propose("Interview urgente", [("Radio Hexagone", 2)])
    assert hints.outlet == "Radio Hexagone"
    assert hints.request_type is RequestType.INTERVIEW
    assert hints.priority is Priority.URGENT
