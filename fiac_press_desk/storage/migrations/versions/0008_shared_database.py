"""A shared database (issue 14): a version on the rows people edit, and PostgreSQL's search index.

- contacts, enquiries, releases, distribution_lists: ``version`` (1 for every existing row),
  the ORM's version counter: a save made from a stale copy is refused instead of silently
  overwriting a colleague's change.
- PostgreSQL only: a GIN full-text index over the folded words of each contact
  (``to_tsvector('simple', search_text)``), which the PostgreSQL adapter's prefix search uses
  (SQLite has its FTS5 table since 0002).

Revision ID: 0008
Revises: 0006
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0006"
branch_labels = None
depends_on = None

_VERSIONED = ("contacts", "enquiries", "releases", "distribution_lists")
# Frozen: the expression the adapter's queries repeat (storage/dialect_postgresql.py).
_SEARCH_INDEX = (
    "CREATE INDEX ix_contacts_search ON contacts "
    "USING gin (to_tsvector('simple'::regconfig, search_text))"
)


def upgrade() -> None:
    # Plain ALTER TABLE ADD COLUMN on both engines: no table is rebuilt (a rebuilt contacts
    # table would cascade deletes through its foreign keys on SQLite).
    for name in _VERSIONED:
        op.add_column(name, sa.Column("version", sa.Integer(), nullable=False, server_default="1"))
    if op.get_bind().dialect.name == "postgresql":
        op.execute(_SEARCH_INDEX)


def downgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_contacts_search")
    for name in _VERSIONED:
        conn.exec_driver_sql(f"ALTER TABLE {name} DROP COLUMN version")
