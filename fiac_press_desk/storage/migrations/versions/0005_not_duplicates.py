"""Pairs of contacts marked "not a duplicate": the duplicate finder never proposes them again.

One row per pair, the lower contact id first; a pair goes with either contact when that one
is deleted.

Revision ID: 0005
Revises: 0003
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "not_duplicates",
        sa.Column("first_id", sa.Integer(), nullable=False),
        sa.Column("second_id", sa.Integer(), nullable=False),
        sa.Column("marked_at", sa.DateTime(), nullable=False),
        sa.Column("actor", sa.String(length=255), nullable=False),
        sa.ForeignKeyConstraint(
            ["first_id"],
            ["contacts.id"],
            name=op.f("fk_not_duplicates_first_id_contacts"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["second_id"],
            ["contacts.id"],
            name=op.f("fk_not_duplicates_second_id_contacts"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("first_id", "second_id", name=op.f("pk_not_duplicates")),
    )
    with op.batch_alter_table("not_duplicates") as batch:
        batch.create_index(batch.f("ix_not_duplicates_second_id"), ["second_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("not_duplicates") as batch:
        batch.drop_index(batch.f("ix_not_duplicates_second_id"))
    op.drop_table("not_duplicates")
