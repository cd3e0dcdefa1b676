"""Contacts in name order from one covering index (sort_name, id, archived).

Replaces the single-column index on ``sort_name``: listing 100k contacts by name, or walking
them to find the first page of a broad search, no longer reads every wide contact row.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-28
"""

from __future__ import annotations

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index("ix_contacts_sort_name", table_name="contacts")
    op.create_index("ix_contacts_name_order", "contacts", ["sort_name", "id", "archived"])


def downgrade() -> None:
    op.drop_index("ix_contacts_name_order", table_name="contacts")
    op.create_index("ix_contacts_sort_name", "contacts", ["sort_name"])
