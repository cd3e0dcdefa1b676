"""GDPR register on every contact, information notices, suppression list; a distribution line
can outlive its contact (an erasure detaches and anonymises it instead of deleting it).

- contacts: collected_via, informed_at, informed_how, last_interaction_at (indexed),
  last_interaction_kind, retention_kept_at, retention_kept_reason; existing contacts get
  their source from their import batch or the enquiry that created them, and their last
  interaction from the releases they received and the enquiries they made.
- information_notices: one line per notice (email, or recorded as given another way).
- suppressions: keyed hashes of erased people's emails and phones.
- distributions.contact_id: nullable (an erased person's lines); deleting a contact still
  takes its lines with it (ON DELETE CASCADE, as before).

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("contacts") as batch:
        batch.add_column(
            sa.Column("collected_via", sa.String(16), nullable=False, server_default="manual")
        )
        batch.add_column(sa.Column("informed_at", sa.DateTime(), nullable=True))
        batch.add_column(
            sa.Column("informed_how", sa.String(16), nullable=False, server_default="")
        )
        batch.add_column(sa.Column("last_interaction_at", sa.DateTime(), nullable=True))
        batch.add_column(
            sa.Column("last_interaction_kind", sa.String(16), nullable=False, server_default="")
        )
        batch.add_column(sa.Column("retention_kept_at", sa.DateTime(), nullable=True))
        batch.add_column(
            sa.Column("retention_kept_reason", sa.Text(), nullable=False, server_default="")
        )
        batch.create_index("ix_contacts_last_interaction_at", ["last_interaction_at"])

    op.create_table(
        "information_notices",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.Column("channel", sa.String(16), nullable=False),
        sa.Column("address", sa.String(500), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("language", sa.String(16), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("error", sa.Text(), nullable=False),
        sa.Column("message_id", sa.String(255), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("sent_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["contacts.id"],
            name="fk_information_notices_contact_id_contacts",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_information_notices"),
    )
    op.create_index(
        "ix_information_notices_contact_id", "information_notices", ["contact_id"], unique=False
    )
    op.create_index(
        "ix_information_notices_status", "information_notices", ["status"], unique=False
    )

    op.create_table(
        "suppressions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("digest", sa.String(64), nullable=False),
        sa.Column("erased_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_suppressions"),
        sa.UniqueConstraint("digest", name="uq_suppressions_digest"),
    )

    with op.batch_alter_table("distributions") as batch:
        batch.alter_column("contact_id", existing_type=sa.Integer(), nullable=True)

    _backfill(op.get_bind())


def downgrade() -> None:
    conn = op.get_bind()
    # Lines of erased people cannot go back under a NOT NULL contact: they go.
    conn.execute(sa.text("DELETE FROM distributions WHERE contact_id IS NULL"))
    with op.batch_alter_table("distributions") as batch:
        batch.alter_column("contact_id", existing_type=sa.Integer(), nullable=False)
    op.drop_table("suppressions")
    op.drop_index("ix_information_notices_status", table_name="information_notices")
    op.drop_index("ix_information_notices_contact_id", table_name="information_notices")
    op.drop_table("information_notices")
    # Not through a batch: rebuilding contacts would drop the table, and with foreign keys on
    # that cascades to every email, phone and distribution line of every contact.
    op.drop_index("ix_contacts_last_interaction_at", table_name="contacts")
    for name in (
        "retention_kept_reason",
        "retention_kept_at",
        "last_interaction_kind",
        "last_interaction_at",
        "informed_how",
        "informed_at",
        "collected_via",
    ):
        conn.exec_driver_sql(f"ALTER TABLE contacts DROP COLUMN {name}")


def _backfill(conn: sa.Connection) -> None:
    """Source and last interaction of the contacts written before this revision (frozen
    logic: plain SQL, no application code)."""
    conn.execute(
        sa.text(
            "UPDATE contacts SET collected_via = 'import' WHERE import_batch_id IS NOT NULL "
            "OR id IN (SELECT contact_id FROM import_batch_items WHERE action = 'created')"
        )
    )
    # Contacts created with an enquiry: the audit entry of their creation says so.
    conn.execute(
        sa.text(
            "UPDATE contacts SET collected_via = 'enquiry' WHERE collected_via = 'manual' "
            "AND id IN (SELECT entity_id FROM audit_log WHERE action = 'create' "
            "AND entity = 'contact' AND details LIKE '%\"source\": \"enquiry\"%')"
        )
    )
    conn.execute(
        sa.text(
            "UPDATE contacts SET collected_via = 'email_capture' WHERE collected_via = 'enquiry' "
            "AND id IN (SELECT contact_id FROM enquiries WHERE channel = 'email' "
            "AND source_message_id != '')"
        )
    )
    # The latest release received or enquiry made (or answered), whichever came last.
    events = (
        "SELECT contact_id AS cid, sent_at AS at, 'release' AS kind FROM distributions "
        "WHERE status IN ('sent', 'recorded') AND sent_at IS NOT NULL "
        "UNION ALL SELECT contact_id, received_at, 'enquiry' FROM enquiries "
        "WHERE contact_id IS NOT NULL "
        "UNION ALL SELECT contact_id, answered_at, 'reply' FROM enquiries "
        "WHERE contact_id IS NOT NULL AND answered_at IS NOT NULL"
    )
    rows = conn.execute(
        sa.text(f"SELECT cid, at, kind FROM ({events}) AS events ORDER BY cid, at")
    ).all()
    latest: dict[int, tuple[object, str]] = {}
    for cid, at, kind in rows:
        latest[cid] = (at, kind)  # ordered by time: the last one wins
    if latest:
        conn.execute(
            sa.text(
                "UPDATE contacts SET last_interaction_at = :at, last_interaction_kind = :kind "
                "WHERE id = :id"
            ),
            [{"id": cid, "at": at, "kind": kind} for cid, (at, kind) in latest.items()],
        )
