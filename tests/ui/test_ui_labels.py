"""Every value of every closed vocabulary has a label, and the French window shows French."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import timedelta
from enum import StrEnum

import pytest

from fiac_press_desk.domain.enquiry import Urgency
from fiac_press_desk.domain.enums import (
    ContactKind,
    Decision,
    DistributionChannel,
    DistributionStatus,
    EnquiryChannel,
    EnquiryStatus,
    ImportBatchStatus,
    LawfulBasis,
    MatchKind,
    OrganisationType,
    Priority,
    ReleaseStatus,
    RequestType,
    SalutationStyle,
    SkipReason,
)
from fiac_press_desk.ui import formatting, labels

TABLES: list[tuple[type[StrEnum], Callable[[], Mapping[str, str]]]] = [
    (ContactKind, labels.contact_kinds),
    (OrganisationType, labels.organisation_types),
    (LawfulBasis, labels.lawful_bases),
    (SalutationStyle, labels.salutation_styles),
    (ReleaseStatus, labels.release_statuses),
    (DistributionStatus, labels.distribution_statuses),
    (DistributionChannel, labels.distribution_channels),
    (SkipReason, labels.skip_reasons),
    (MatchKind, labels.match_kinds),
    (Decision, labels.decisions),
    (ImportBatchStatus, labels.batch_statuses),
]
ONE_BY_ONE: list[tuple[type[StrEnum], Callable[[str], str]]] = [
    (EnquiryStatus, labels.status_label),
    (EnquiryChannel, labels.channel_label),
    (RequestType, labels.request_type_label),
    (Priority, labels.priority_label),
]


@pytest.mark.parametrize(("enum", "table"), TABLES, ids=lambda x: getattr(x, "__name__", ""))
def test_every_value_has_a_label(english: str, enum: type[StrEnum], table: Callable) -> None:
    shown = table()
    assert set(shown) == set(enum)
    assert all(text.strip() for text in shown.values())


@pytest.mark.parametrize(("enum", "table"), TABLES, ids=lambda x: getattr(x, "__name__", ""))
def test_french_labels_are_translated(french: str, enum: type[StrEnum], table: Callable) -> None:
    from fiac_press_desk.ui import i18n

    shown = table()
    i18n.install("en")
    source = table()
    i18n.install("fr")
    # A few words are the same in both languages ("Radio", "Magazine", "Interview"...); most
    # are not, and a table left untranslated would show English for every one.
    assert sum(shown[v] != source[v] for v in enum) >= len(enum) // 2, shown


def test_labels_of_one_value(french: str) -> None:
    for enum, label in ONE_BY_ONE:
        for value in enum:
            assert label(value) and label(value) != value.value
    assert labels.status_label("in_progress") == "En cours"
    assert labels.channel_label("social") == "Réseau social"
    assert labels.request_and_priority("interview", "urgent") == "Interview · priorité urgente"
    assert {labels.urgency_label(u) for u in Urgency} >= {"En retard", "Sans échéance"}
    assert labels.status_label("no_longer_a_status") == "no_longer_a_status"


def test_one_wording_per_value() -> None:
    """No second, lower-case table of the same values (the history once had "échec" where the
    rest of the window says "Refusé"): a sentence lowers the first letter of the main label."""
    assert not [name for name in vars(labels) if name.lower().startswith("history")]
    assert formatting.in_sentence("Refusé") == "refusé"
    assert formatting.in_sentence("En main propre") == "en main propre"
    assert formatting.in_sentence("Chiffres, données") == "chiffres, données"
    assert formatting.in_sentence("UID vCard") == "UID vCard"
    assert formatting.in_sentence("") == ""


def test_french_wordings(french: str) -> None:
    assert labels.contact_kinds()[ContactKind.JOURNALIST] == "Journaliste"
    assert labels.organisation_types()[OrganisationType.DAILY_PRESS] == "Presse quotidienne"
    assert labels.release_languages() == {"fr": "Français", "en": "Anglais"}
    assert labels.distribution_statuses()["failed"] == "Refusé"
    assert labels.fields_text(["given_name", "unknown"]) == "Prénom, unknown"
    one, many = labels.skip_reasons_short()[SkipReason.OPTED_OUT]
    assert formatting.count_text(2, one, many) == "2 désinscrits"
    assert formatting.format_duration(timedelta(days=3, hours=4)) == "3 j 4 h"
    assert formatting.format_size(2048) == "2 Ko"


def test_stored_label_keys_round_trip(french: str) -> None:
    phones = labels.phone_labels()
    assert labels.label_text(phones, "CELL") == "mobile"
    assert labels.label_text(phones, "Ligne directe") == "Ligne directe"
    assert labels.label_value(phones, "Standard") == "switchboard"
    assert labels.label_value(labels.email_labels(), "domicile") == "home"
