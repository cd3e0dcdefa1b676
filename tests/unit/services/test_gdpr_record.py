"""The record of processing: the register entry filled from the settings and the counts."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from gdpr_helpers import rich_person

from fiac_press_desk.domain.errors import ValidationError
from fiac_press_desk.services import Services


def test_figures_count_what_the_database_holds(services: Services, tmp_path: Path) -> None:
    person = rich_person(services, tmp_path)
    services.gdpr.access.write(person.contact_id, tmp_path / "d.json")
    services.gdpr.erasure.erase(person.other_id)
    f = services.gdpr.record.figures()
    assert f.contacts == 1 and f.by_kind == {"journalist": 1}
    assert f.by_source == {"import": 1} and f.by_basis == {"legitimate_interest": 1}
    assert (f.informed, f.to_inform, f.notice_overdue) == (1, 0, 0)
    assert f.access_requests == 1 and f.erasures == 1 and f.suppressed == 2
    assert f.releases_sent == 2 and f.enquiries == 1


def test_the_document_is_filled_from_the_settings(services: Services, tmp_path: Path) -> None:
    rich_person(services, tmp_path)
    settings = services.gdpr.settings.get()
    services.gdpr.settings.save(
        replace(
            settings,
            controller_address="12 rue Exemple, 75013 Paris",
            dpo_name="Dominique Exemple",
            dpo_email="dpo@example.fr",
        )
    )
    text = services.gdpr.record.document().text()
    for words in (
        "Registre des activités de traitement",
        "12 rue Exemple, 75013 Paris",
        "Dominique Exemple, dpo@example.fr",
        "2 personnes (journaliste : 2)",
        "import d'un fichier : 2",
        "3 ans après notre dernier échange",
        "1 personne informée, 1 à informer",
        "0 personne effacée",
        "Aucun transfert hors de l'Union européenne.",
    ):
        assert words in text, words


def test_written_as_pdf_only(services: Services, tmp_path: Path) -> None:
    out = services.gdpr.record.write(tmp_path / "registre.pdf")
    assert out.read_bytes().startswith(b"%PDF-")
    with pytest.raises(ValidationError):
        services.gdpr.record.write(tmp_path / "registre.txt")
