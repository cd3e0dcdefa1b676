"""Right of access and portability: one dossier with every row about the person."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from gdpr_helpers import EMAIL, FAMILY, GIVEN, rich_person
from sqlalchemy import Table, select

from fiac_press_desk.domain.errors import ValidationError
from fiac_press_desk.services import Services
from fiac_press_desk.storage.models import CONTACT_REFERENCE_WHEN, AuditEntry, Base


def rows_about(services: Services, contact_id: int) -> dict[str, set[tuple[Any, ...]]]:
    """Primary keys of every row about the person, table by table, found from the schema
    alone: a foreign key to contacts.id, a column named contact_id, or a column that declares
    it holds a contact's id; then the tables hanging from those by a cascading foreign key."""
    tables = Base.metadata.sorted_tables
    found: dict[str, set[tuple[Any, ...]]] = {}

    def keys(conn: Any, table: Table, where: Any) -> set[tuple[Any, ...]]:
        pk = list(table.primary_key.columns)
        return {tuple(r) for r in conn.execute(select(*pk).where(where))}

    holders: list[tuple[Table, Any]] = []
    with services.db.engine.connect() as conn:
        for table in tables:
            for column in table.columns:
                to_contacts = any(fk.target_fullname == "contacts.id" for fk in column.foreign_keys)
                declared = column.info.get(CONTACT_REFERENCE_WHEN)
                if table.name == "contacts" and column.name == "id":
                    where = column == contact_id
                elif declared is not None:
                    other, values = declared
                    where = (column == contact_id) & table.c[other].in_(values)
                elif to_contacts:
                    where = column == contact_id
                else:
                    assert column.name != "contact_id", (
                        f"{table.name}.contact_id is neither a foreign key nor declared"
                    )
                    continue
                found.setdefault(table.name, set()).update(keys(conn, table, where))
                holders.append((table, where))
        for parent, where in holders:
            for table in tables:
                for column in table.columns:
                    for fk in column.foreign_keys:
                        if fk.column.table is parent and fk.ondelete == "CASCADE":
                            parent_pk = next(iter(parent.primary_key.columns))
                            inner = select(parent_pk).where(where)
                            found.setdefault(table.name, set()).update(
                                keys(conn, table, column.in_(inner))
                            )
    return found


def test_the_dossier_holds_every_row_about_the_person_from_every_table(
    services: Services, tmp_path: Path
) -> None:
    person = rich_person(services, tmp_path)
    expected = rows_about(services, person.contact_id)
    dossier = services.gdpr.access.dossier(person.contact_id).to_json()

    for name, keys in expected.items():
        # A table the fixture gives the person no row in cannot be checked: give them one.
        assert keys, f"the person has no row in {name}: extend tests/gdpr_helpers.rich_person"
        table = Base.metadata.tables[name]
        pk = [c.name for c in table.primary_key.columns]
        got = {tuple(row[c] for c in pk) for row in dossier["tables"].get(name, [])}
        if name == "audit_log":  # also the bulk entries naming them (tagged, listed...)
            assert keys <= got, name
        else:
            assert got == keys, name
    # The rows are whole: every column of the table, values readable in JSON.
    contact_row = dossier["tables"]["contacts"][0]
    assert set(contact_row) == {c.name for c in Base.metadata.tables["contacts"].columns}
    assert contact_row["photo"]["base64"]
    json.dumps(dossier)


def test_the_dossier_names_releases_enquiries_thread_notices_and_imports(
    services: Services, tmp_path: Path
) -> None:
    person = rich_person(services, tmp_path)
    d = services.gdpr.access.dossier(person.contact_id)
    assert d.name == f"{GIVEN} {FAMILY}"
    assert d.contact["emails"][0]["value"] == EMAIL
    assert sorted((r["title"], r["channel"], r["status"]) for r in d.releases) == [
        ("Communiqué 0", "email", "recorded"),
        ("Communiqué 1", "post", "recorded"),
        ("Communiqué 2", "email", "pending"),
    ]
    (enquiry,) = d.enquiries
    assert [e["text"] for e in enquiry["thread"]] == [
        "Appel reçu",
        f"Rappeler {FAMILY} demain",
        f"Réponse envoyée à {EMAIL}",
    ]
    assert [(n["channel"], n["status"]) for n in d.notices] == [("phone", "recorded")]
    assert [(i["action"], Path(i["source"]).name) for i in d.imports] == [
        ("created", "contacts-presse.vcf"),
        ("updated", "mise-a-jour.vcf"),
    ]
    actions = {a["action"] for a in d.audit}
    assert {"create", "update", "tag", "opt_out", "notice_recorded"} - actions == {"opt_out"}
    # A bulk entry says how many it touched, not who the others were.
    (tag,) = [a for a in d.audit if a["action"] == "tag"]
    assert tag["details"]["contacts"] == 2 and "ids" not in tag["details"]
    assert d.register.collected_via.value == "import"
    assert d.register.informed_how is not None and d.register.informed_how.value == "phone"
    assert d.register.last_interaction_kind is not None


def test_the_french_document_says_everything_in_french(services: Services, tmp_path: Path) -> None:
    person = rich_person(services, tmp_path)
    text = services.gdpr.access.dossier(person.contact_id).document().text()
    for words in (
        "Vos données personnelles",
        "1. Identité et coordonnées",
        f"{GIVEN} {FAMILY}",
        EMAIL,
        "06 71 82 93 04 (portable)",
        "Communiqué 1",
        "courrier postal",
        f"Rappeler {FAMILY} demain",
        "reçue (nouvelle)",
        "import d'un fichier",
        "contacts-presse.vcf",
        "information enregistrée (notice d'information) moyen : téléphone",
        "CNIL",
        "contact_emails vos adresses électroniques 2",
    ):
        assert words in text, words


def test_write_by_suffix_is_audited(services: Services, tmp_path: Path) -> None:
    person = rich_person(services, tmp_path)
    pdf = services.gdpr.access.write(person.contact_id, tmp_path / "dossier.pdf")
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF-") and b"DejaVuSans" in data
    out = services.gdpr.access.write(person.contact_id, tmp_path / "dossier.json")
    loaded = json.loads(out.read_text(encoding="utf-8"))
    assert loaded["contact"]["family_name"] == FAMILY
    with pytest.raises(ValidationError, match=r"\.json ou \.pdf"):
        services.gdpr.access.write(person.contact_id, tmp_path / "dossier.docx")
    assert not (tmp_path / "dossier.docx").exists()
    with services.db.session() as session:
        formats = [
            json.loads(e.details)["format"]
            for e in session.scalars(select(AuditEntry).where(AuditEntry.action == "access"))
        ]
    assert formats == ["pdf", "json"]
