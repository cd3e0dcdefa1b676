"""Contact search: folded ``search_text`` on contacts, and the dialect's index over it.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import context, op

from fiac_press_desk.storage.dialect import DialectAdapter, adapter_for

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def _adapter() -> DialectAdapter:
    given = context.config.attributes.get("adapter")
    return given if given is not None else adapter_for(op.get_bind().dialect.name)


def upgrade() -> None:
    with op.batch_alter_table("contacts") as batch:
        batch.add_column(sa.Column("search_text", sa.Text(), nullable=False, server_default=""))
    _backfill(op.get_bind())
    _adapter().create_search_index(op.get_bind())


def downgrade() -> None:
    _adapter().drop_search_index(op.get_bind())
    with op.batch_alter_table("contacts") as batch:
        batch.drop_column("search_text")


def _backfill(conn: sa.Connection) -> None:
    """Compute the folded words of contacts written before this revision (frozen logic)."""
    from fiac_press_desk.domain.normalize import national_phone, phone_digits
    from fiac_press_desk.domain.text import fold

    words: dict[int, list[str]] = {}
    for row in conn.execute(
        sa.text(
            "SELECT c.id, c.display_name, c.given_name, c.family_name, c.additional_names, "
            "c.job_title, c.department, c.beats, c.notes, o.name FROM contacts c "
            "LEFT JOIN organisations o ON o.id = c.organisation_id"
        )
    ):
        words[row[0]] = [str(v).replace("\n", " ") for v in row[1:] if v]
    for cid, value in conn.execute(sa.text("SELECT contact_id, value FROM contact_emails")):
        words.setdefault(cid, []).append(value)
    for cid, value in conn.execute(sa.text("SELECT contact_id, value FROM contact_phones")):
        words.setdefault(cid, []).extend([phone_digits(value), national_phone(value)])
    for cid, city, code in conn.execute(
        sa.text("SELECT contact_id, city, postal_code FROM contact_addresses")
    ):
        words.setdefault(cid, []).append(f"{city} {code}")
    for cid, name in conn.execute(
        sa.text("SELECT ct.contact_id, t.name FROM contact_tags ct JOIN tags t ON t.id = ct.tag_id")
    ):
        words.setdefault(cid, []).append(name)
    update = sa.text("UPDATE contacts SET search_text = :text WHERE id = :id")
    params = [
        {"id": cid, "text": fold(" ".join(w for w in parts if w))} for cid, parts in words.items()
    ]
    if params:
        conn.execute(update, params)
