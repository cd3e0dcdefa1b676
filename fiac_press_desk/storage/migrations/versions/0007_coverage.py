"""Press coverage (retombées): one row per article, broadcast or post, with its outlet,
journalist, release and enquiry (each SET NULL when that record goes) and its clipping.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

_LINKS = (
    ("organisation_id", "organisations"),
    ("contact_id", "contacts"),
    ("release_id", "releases"),
    ("enquiry_id", "enquiries"),
)


def upgrade() -> None:
    op.create_table(
        "coverage_items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("published_on", sa.Date(), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=True),
        sa.Column("contact_id", sa.Integer(), nullable=True),
        sa.Column("author", sa.String(255), nullable=False),
        sa.Column("title", sa.String(500), nullable=False),
        sa.Column("link", sa.Text(), nullable=False),
        sa.Column("medium", sa.String(16), nullable=False),
        sa.Column("audience", sa.Integer(), nullable=True),
        sa.Column("tone", sa.String(16), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("release_id", sa.Integer(), nullable=True),
        sa.Column("enquiry_id", sa.Integer(), nullable=True),
        sa.Column("attachment_name", sa.String(255), nullable=False),
        sa.Column("attachment_type", sa.String(128), nullable=False),
        sa.Column("attachment_size", sa.Integer(), nullable=False),
        sa.Column("attachment", sa.LargeBinary(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        *(
            sa.ForeignKeyConstraint(
                [column],
                [f"{table}.id"],
                name=f"fk_coverage_items_{column}_{table}",
                ondelete="SET NULL",
            )
            for column, table in _LINKS
        ),
        sa.PrimaryKeyConstraint("id", name="pk_coverage_items"),
    )
    for column in ("published_on", *(c for c, _ in _LINKS)):
        op.create_index(f"ix_coverage_items_{column}", "coverage_items", [column], unique=False)


def downgrade() -> None:
    for column in ("published_on", *(c for c, _ in _LINKS)):
        op.drop_index(f"ix_coverage_items_{column}", table_name="coverage_items")
    op.drop_table("coverage_items")
