"""Releases: text, status, references, and attachments kept in the database under a limit."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from release_helpers import PDF, PNG, newsroom, release
from sqlalchemy import select

from fiac_press_desk import config
from fiac_press_desk.domain.enums import ReleaseStatus, SkipReason
from fiac_press_desk.domain.errors import ConflictError, NotFoundError, ValidationError
from fiac_press_desk.services import Services
from fiac_press_desk.services.contact_queries import ContactFilter
from fiac_press_desk.services.demo import fill as fill_demo
from fiac_press_desk.services.distribution import RecipientCriteria
from fiac_press_desk.services.releases import AttachmentFile, ReleaseData
from fiac_press_desk.storage.models import AuditEntry, ReleaseAttachment


def audit(services: Services, action: str) -> list[AuditEntry]:
    with services.db.session() as session:
        return list(
            session.scalars(
                select(AuditEntry).where(
                    AuditEntry.action == action, AuditEntry.entity == "release"
                )
            )
        )


def test_create_read_update_round_trip(services: Services) -> None:
    embargo = datetime(2024, 3, 12, 9, 0, tzinfo=UTC)
    rid = services.releases.create(
        ReleaseData(
            title="  Rapport   annuel ",
            reference="CP-2024-02",
            release_date=date(2024, 3, 12),
            embargo_at=embargo,
            summary=" Chapô. ",
            body="Texte.\n",
        )
    )
    data = services.releases.get(rid)
    assert (data.title, data.reference, data.summary, data.body) == (
        "Rapport annuel",
        "CP-2024-02",
        "Chapô.",
        "Texte.",
    )
    assert data.embargo_at == embargo and data.status is ReleaseStatus.DRAFT
    data.status = ReleaseStatus.READY
    data.embargo_at = None
    services.releases.update(rid, data)
    again = services.releases.get(rid)
    assert again.status is ReleaseStatus.READY and again.embargo_at is None
    (entry,) = audit(services, "update")
    assert sorted(json.loads(entry.details)["changed"]) == ["embargo_at", "status"]
    assert entry.actor == "test"


def test_validation_messages_are_french_and_name_the_field(services: Services) -> None:
    with pytest.raises(ValidationError) as caught:
        services.releases.create(ReleaseData(title="   "))
    assert caught.value.field == "title" and caught.value.message == "Ce champ est obligatoire."
    with pytest.raises(ValidationError) as caught:
        services.releases.create(ReleaseData(title="x" * 501))
    assert "Texte trop long (501 caractères, 500 au plus)" in caught.value.message
    with pytest.raises(ValidationError) as caught:
        services.releases.create(ReleaseData(title="x", embargo_at=datetime(2024, 1, 1, 10)))
    assert caught.value.field == "embargo_at"
    with pytest.raises(ValidationError) as caught:
        services.releases.create(ReleaseData(title="x", language="de"))
    assert caught.value.field == "language"
    assert services.releases.rows() == []


def test_reference_is_unique_and_suggested(services: Services) -> None:
    assert services.releases.suggest_reference(date(2024, 5, 2)) == "CP-2024-01"
    services.releases.create(ReleaseData(title="A", reference="CP-2024-01"))
    services.releases.create(ReleaseData(title="B", reference="CP-2024-07"))
    services.releases.create(ReleaseData(title="C"))  # no reference: several may have none
    services.releases.create(ReleaseData(title="D"))
    assert services.releases.suggest_reference(date(2024, 5, 2)) == "CP-2024-08"
    assert services.releases.suggest_reference(date(2025, 1, 2)) == "CP-2025-01"
    with pytest.raises(ConflictError) as caught:
        services.releases.create(ReleaseData(title="E", reference="CP-2024-07"))
    assert "« CP-2024-07 » existe déjà." in str(caught.value)


def test_attachments_are_stored_in_the_database(services: Services, tmp_path: Path) -> None:
    pdf_path = tmp_path / "Communiqué.pdf"
    pdf_path.write_bytes(PDF)
    rid = services.releases.create(
        ReleaseData(title="Avec pièces jointes"), [AttachmentFile.from_path(pdf_path)]
    )
    pdf_path.unlink()  # the database carries it, not the file system
    att_id = services.releases.add_attachment(rid, AttachmentFile("visuel.png", PNG))
    data = services.releases.get(rid)
    assert [(a.filename, a.mime_type, a.size) for a in data.attachments] == [
        ("Communiqué.pdf", "application/pdf", len(PDF)),
        ("visuel.png", "image/png", len(PNG)),
    ]
    assert services.releases.attachment(att_id).data == PNG
    assert [f.data for f in services.releases.attachment_files(rid)] == [PDF, PNG]
    assert services.releases.row(rid).attachments == 2

    services.releases.update(rid, data, remove=[data.attachments[0].id])
    assert [a.filename for a in services.releases.get(rid).attachments] == ["visuel.png"]
    services.releases.remove_attachment(att_id)
    assert services.releases.get(rid).attachments == []


def test_attachment_type_and_size_limits_with_clear_messages(
    services: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(config, "MAX_ATTACHMENT_BYTES", 1024 * 1024)  # 1 MB for the test
    rid = release(services)
    with pytest.raises(ValidationError) as caught:
        services.releases.add_attachment(rid, AttachmentFile("notes.docx", b"PK\x03\x04"))
    assert "« notes.docx » n'est pas accepté en pièce jointe" in caught.value.message
    with pytest.raises(ValidationError) as caught:
        services.releases.add_attachment(rid, AttachmentFile("vide.pdf", b""))
    assert caught.value.message == "« vide.pdf » est vide (0 octet)."

    big = tmp_path / "dossier-de-presse.pdf"
    with big.open("wb") as f:
        f.truncate(1024 * 1024 + 200 * 1024)  # 1.2 MB, sparse: never read
    with pytest.raises(ValidationError) as caught:
        AttachmentFile.from_path(big)
    assert caught.value.message == (
        "Pièce jointe « dossier-de-presse.pdf » trop volumineuse (1,2 Mo, 1,0 Mo au plus)."
    )
    with pytest.raises(ValidationError) as caught:
        AttachmentFile.from_path(tmp_path / "absent.pdf")
    assert "Impossible de lire" in caught.value.message and "absent.pdf" in caught.value.message

    services.releases.add_attachment(rid, AttachmentFile("a.pdf", b"%PDF" + b"a" * 600_000))
    with pytest.raises(ValidationError) as caught:
        services.releases.add_attachment(rid, AttachmentFile("b.pdf", b"%PDF" + b"b" * 600_000))
    assert caught.value.message.startswith(
        "Avec « b.pdf », les pièces jointes dépasseraient 1,0 Mo au total (1,1 Mo)"
    )
    # A refused save changes nothing, text included.
    data = services.releases.get(rid)
    data.title = "Titre modifié"
    with pytest.raises(ValidationError):
        services.releases.update(
            rid, data, add=[AttachmentFile("c.png", PNG), AttachmentFile("d.exe", b"MZ")]
        )
    after = services.releases.get(rid)
    assert after.title != "Titre modifié"
    assert [a.filename for a in after.attachments] == ["a.pdf"]


def test_mime_type_follows_the_name_when_not_given(services: Services) -> None:
    rid = release(services)
    services.releases.add_attachment(rid, AttachmentFile("photo.JPG", b"\xff\xd8\xff"))
    services.releases.add_attachment(
        rid, AttachmentFile("scan.pdf", b"%PDF-1.7", "application/octet-stream")
    )
    assert [a.mime_type for a in services.releases.get(rid).attachments] == [
        "image/jpeg",
        "application/pdf",
    ]


def test_rows_count_the_ledger(services: Services) -> None:
    room = newsroom(services)
    rid = release(services)
    other = release(services, "Un autre communiqué")
    services.distributions.record(
        rid, [room.dupont, room.martin], datetime(2024, 1, 31, 9, tzinfo=UTC), "email"
    )
    rows = {r.id: r for r in services.releases.rows()}
    assert rows[rid].received == 2 and rows[rid].status == "sent"
    assert rows[other].received == 0 and rows[other].status == "draft"
    with pytest.raises(NotFoundError):
        services.releases.row(999)


def test_delete_keeps_the_history(services: Services) -> None:
    room = newsroom(services)
    rid = release(services, attachments=[AttachmentFile("cp.pdf", PDF)])
    draft = release(services, "Brouillon abandonné", attachments=[AttachmentFile("x.pdf", PDF)])
    services.distributions.record(rid, [room.dupont], datetime(2024, 1, 31, tzinfo=UTC), "email")
    with pytest.raises(ValidationError) as caught:
        services.releases.delete(rid)
    assert "déjà été diffusé à 1 destinataire(s)" in caught.value.message
    services.releases.delete(draft)
    assert [r.id for r in services.releases.rows()] == [rid]
    with services.db.session() as session:
        owners = set(session.scalars(select(ReleaseAttachment.release_id)))
    assert owners == {rid}
    assert audit(services, "delete")[0].entity_id == draft


def test_demo_january_release_and_its_distribution(services: Services) -> None:
    summary = fill_demo(services, contacts=40, now=datetime(2024, 6, 1, 8, tzinfo=UTC))
    rows = {r.reference: r for r in services.releases.rows()}
    january = rows["CP-2024-01"]
    assert january.release_date == date(2024, 1, 31) and january.status == "sent"
    assert "Filière Intelligence Artificielle et Cancers" in january.title
    assert {r.status for r in rows.values()} == {"sent", "draft", "ready"}
    draft = next(r for r in rows.values() if r.status == "draft")
    assert draft.embargo_at is not None
    ledger = services.distributions.recipients_of(january.id)
    assert len(ledger) == summary.distributions > 10
    assert {line.status for line in ledger} >= {"sent", "recorded"}
    people = services.contacts.get_many([line.contact_id for line in ledger])
    assert {p.kind.value for p in people} == {"journalist"}
    assert all(p.primary_email.endswith((".org", ".fr", ".com")) for p in people)
    # Planning the same journalists again keeps only the bounced ones; opted out got nothing.
    journalists = services.contact_queries.ids(ContactFilter(kind="journalist", archived=None))
    plan = services.distributions.plan(january.id, RecipientCriteria(contact_ids=journalists))
    failed = {line.contact_id for line in ledger if line.status == "failed"}
    assert {r.contact_id for r in plan.to_send} == failed
    opted_out = {r.contact_id for r in plan.recipients if r.skip is SkipReason.OPTED_OUT}
    assert opted_out and not opted_out & {line.contact_id for line in ledger}
    # Its criteria were kept: "new recipients only" proposes the bounced ones, nobody new.
    again = services.distributions.plan_new_recipients(january.id)
    assert {r.contact_id for r in again.to_send} == failed
    body = services.releases.get(january.id).body
    assert "Parisanté Campus" in services.releases.get(january.id).summary
    assert "400" in body and len(body) > 1000
    # Fictional people only: the real names of the seed are not in the demo text.
    for name in ("Collet", "Fiorini", "Breton", "Arnaud"):
        assert name not in body
