"""The JSON export (DESIGN.md shape): also the file a person receives for their right of access."""

from __future__ import annotations

import io
import json
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

from fiac_press_desk.domain.contact import (
    ContactData,
    EmailAddress,
    Phone,
    PostalAddress,
    WebLink,
)
from fiac_press_desk.domain.coverage import CoverageInput, Medium, Tone
from fiac_press_desk.interchange.exporters import EXPORTERS, ExportOptions, export_contacts
from fiac_press_desk.interchange.json_export import contact_json, write_json
from fiac_press_desk.services import Services
from fiac_press_desk.services.releases import ReleaseData
from fiac_press_desk.storage.models import Distribution, Enquiry, Release

# Every key DESIGN.md promises, with the JSON types it may hold.
DESIGN_KEYS: dict[str, tuple[type, ...]] = {
    "id": (int,),
    "kind": (str,),
    "civility": (str,),
    "given_name": (str,),
    "family_name": (str,),
    "display_name": (str,),
    "organization": (str,),
    "job_title": (str,),
    "emails": (list,),
    "phones": (list,),
    "addresses": (list,),
    "urls": (list,),
    "tags": (list,),
    "lists": (list,),
    "notes": (str,),
    "birthday": (str, type(None)),
    "opted_out": (bool,),
    "releases_received": (list,),
    "enquiries": (list,),
    "coverage": (list,),
}


def check_design_shape(entry: dict[str, Any]) -> None:
    """Fails with the key at fault when ``entry`` strays from DESIGN.md."""
    for key, types in DESIGN_KEYS.items():
        assert key in entry, key
        assert isinstance(entry[key], types), (key, entry[key])
    assert entry["kind"] in ("journalist", "partner", "other")
    for key in ("emails", "phones"):
        for item in entry[key]:
            assert set(item) == {"value", "label"}, (key, item)
            assert isinstance(item["value"], str) and isinstance(item["label"], str)
    for key in ("addresses", "urls", "releases_received", "enquiries", "coverage"):
        assert all(isinstance(item, dict) for item in entry[key]), key
    for key in ("tags", "lists"):
        assert all(isinstance(item, str) for item in entry[key]), key


@pytest.fixture
def eloise(services: Services) -> int:
    return services.contacts.create(
        ContactData(
            civility="Mme",
            given_name="Éloïse",
            family_name="Lefèvre",
            organization="Le Monde",
            job_title="Reporter",
            emails=[EmailAddress("eloise@example.fr", "work")],
            phones=[Phone("06 12 34 56 78", "mobile")],
            addresses=[PostalAddress("work", "1 rue Pasteur", postal_code="69007", city="Lyon")],
            urls=[WebLink("https://social.example.org/@eloise", "mastodon")],
            tags=["VIP", "Santé"],
            lists=["Presse nationale"],
            notes="Préfère « les courriels ».",
            birthday="--03-14",
            photo=b"\x89PNG\r\n",
            photo_mime="image/png",
        )
    )


def _history(services: Services, contact_id: int) -> None:
    with services.db.transaction() as session:
        january = Release(title="IA et cancers", reference="CP-2024-01", status="sent")
        january.release_date = date(2024, 1, 31)
        march = Release(title="Deuxième journée", reference="CP-2024-03", status="sent")
        session.add_all([january, march])
        session.flush()
        session.add_all(
            [
                Distribution(
                    release_id=january.id,
                    contact_id=contact_id,
                    address="eloise@example.fr",
                    status="sent",
                    sent_at=datetime(2024, 1, 31, 9, tzinfo=UTC),
                ),
                Distribution(
                    release_id=march.id,
                    contact_id=contact_id,
                    address="eloise@example.fr",
                    status="sent",
                    sent_at=datetime(2024, 3, 1, 9, tzinfo=UTC),
                ),
                Enquiry(
                    received_at=datetime(2024, 2, 2, 8, tzinfo=UTC),
                    contact_id=contact_id,
                    subject="Chiffres des données de vie réelle",
                    details="Pour un article du 5 février.",
                    status="answered",
                    response_notes="Envoyé le dossier de presse.",
                    answered_at=datetime(2024, 2, 2, 15, tzinfo=UTC),
                ),
            ]
        )


def test_contact_json_has_every_field(services: Services, eloise: int) -> None:
    entry = contact_json(services.contacts.get(eloise))
    assert entry["display_name"] == "Éloïse Lefèvre"
    assert entry["emails"] == [{"value": "eloise@example.fr", "label": "work"}]
    assert entry["phones"] == [{"value": "+33612345678", "label": "mobile"}]
    assert entry["addresses"][0]["city"] == "Lyon"
    assert entry["urls"] == [{"value": "https://social.example.org/@eloise", "label": "mastodon"}]
    assert entry["tags"] == ["Santé", "VIP"]
    assert entry["lists"] == ["Presse nationale"]
    assert entry["birthday"] == "--03-14"
    assert entry["photo"] == {"mime_type": "image/png", "base64": "iVBORw0K"}
    assert entry["opted_out"] is False and entry["opted_out_at"] is None
    created = datetime.fromisoformat(entry["created_at"])
    assert created.tzinfo is not None


def test_write_json_with_history_to_a_file(services: Services, eloise: int, tmp_path: Path) -> None:
    bare = services.contacts.create(ContactData(organization="France Inter"))
    _history(services, eloise)
    out = tmp_path / "contacts.json"
    count = write_json(services, services.contacts.get_many([eloise, bare]), out)
    assert count == 2
    assert not (tmp_path / "contacts.json.part").exists()
    text = out.read_text(encoding="utf-8")
    assert "Éloïse" in text and "« les courriels »" in text  # UTF-8, not \\u escapes
    payload = json.loads(text)
    for entry in payload:
        check_design_shape(entry)
    first, second = payload
    assert [r["reference"] for r in first["releases_received"]] == ["CP-2024-03", "CP-2024-01"]
    assert first["releases_received"][1] == {
        "release_id": 1,
        "reference": "CP-2024-01",
        "title": "IA et cancers",
        "release_date": "2024-01-31",
        "address": "eloise@example.fr",
        "channel": "email",
        "status": "sent",
        "sent_at": "2024-01-31T09:00:00+00:00",
    }
    (enquiry,) = first["enquiries"]
    assert enquiry["subject"] == "Chiffres des données de vie réelle"
    assert enquiry["details"] == "Pour un article du 5 février."
    assert enquiry["response_notes"] == "Envoyé le dossier de presse."
    assert enquiry["answered_at"] == "2024-02-02T15:00:00+00:00"
    assert (second["display_name"], second["birthday"], second["photo"]) == (
        "France Inter",
        None,
        None,
    )
    assert second["releases_received"] == second["enquiries"] == second["coverage"] == []


def test_write_json_lists_what_they_published(services: Services, eloise: int) -> None:
    rid = services.releases.create(ReleaseData(title="IA", release_date=date(2024, 1, 31)))
    services.coverage.create(
        CoverageInput(
            title="Les données de vie réelle",
            published_on=date(2024, 2, 3),
            contact_id=eloise,
            link="https://quotidien.example/ia",
            medium=Medium.PRINT,
            audience=12_000,
            tone=Tone.POSITIVE,
            release_id=rid,
        )
    )
    stream = io.StringIO()
    write_json(services, services.contacts.get_many([eloise]), stream)
    (entry,) = json.loads(stream.getvalue())
    check_design_shape(entry)
    (item,) = entry["coverage"]
    assert {k: v for k, v in item.items() if k != "id"} == {
        "published_on": "2024-02-03",
        "outlet": "Le Monde",
        "title": "Les données de vie réelle",
        "link": "https://quotidien.example/ia",
        "medium": "print",
        "audience": 12_000,
        "tone": "positive",
        "release_id": rid,
        "enquiry_id": None,
    }


def test_write_json_to_a_stream_and_empty(services: Services) -> None:
    stream = io.StringIO()
    assert write_json(services, [], stream) == 0
    assert json.loads(stream.getvalue()) == []


def test_registered_exporter_writes_bytes_or_a_file(
    services: Services, eloise: int, tmp_path: Path
) -> None:
    assert "json" in EXPORTERS
    stream = io.BytesIO()
    assert export_contacts(services, [eloise], "json", stream, ExportOptions()) == 1
    payload = json.loads(stream.getvalue().decode("utf-8"))
    check_design_shape(payload[0])
    target = tmp_path / "out.json"
    assert export_contacts(services, [eloise], "json", target) == 1
    assert json.loads(target.read_text(encoding="utf-8")) == payload
    with pytest.raises(KeyError):
        export_contacts(services, [eloise], "pdf", stream)
