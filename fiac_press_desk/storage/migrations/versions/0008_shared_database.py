"""A shared database (issue 14): a version on the rows people edit, and PostgreSQL's search index.

- contacts, enquiries, releases, distribution_lists: ``version`` (1 for every existing row),
  the ORM's version counter: a save made from a stale copy is refused instead of silently
  overwriting a colleague's change.
- PostgreSQL only: a statement-level trigger on the tables people edit that notifies
  channel ``fiac_press_desk_changes`` with the table's name at each commit (LISTEN/NOTIFY:
  a colleague's change reaches the other windows, services/live_changes.py).
- PostgreSQL only: a GIN full-text index over the folded words of each contact
  (``to_tsvector('simple', search_text)``), which the PostgreSQL adapter's prefix search uses
  (SQLite has its FTS5 table since 0002).

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

_VERSIONED = ("contacts", "enquiries", "releases", "distribution_lists")
# Frozen: the expression the adapter's queries repeat (storage/dialect_postgresql.py).
_SEARCH_INDEX = (
    "CREATE INDEX ix_contacts_search ON contacts "
    "USING gin (to_tsvector('simple'::regconfig, search_text))"
)


# Frozen: the channel and tables of services/live_changes.py as of this revision.
_CHANNEL = "fiac_press_desk_changes"
_WATCHED = (
    "contacts", "contact_emails", "contact_phones", "contact_addresses", "contact_urls",
    "contact_tags", "tags", "organisations", "distribution_lists", "list_members", "releases",
    "release_attachments", "distributions", "enquiries", "enquiry_events", "import_batches",
)  # fmt: skip
_NOTIFY_FUNCTION = (
    "CREATE FUNCTION fiac_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$ "
    f"BEGIN PERFORM pg_notify('{_CHANNEL}', TG_TABLE_NAME); RETURN NULL; END $$"
)


def upgrade() -> None:
    # Plain ALTER TABLE ADD COLUMN on both engines: no table is rebuilt (a rebuilt contacts
    # table would cascade deletes through its foreign keys on SQLite).
    for name in _VERSIONED:
        op.add_column(name, sa.Column("version", sa.Integer(), nullable=False, server_default="1"))
    if op.get_bind().dialect.name == "postgresql":
        op.execute(_SEARCH_INDEX)
        op.execute(_NOTIFY_FUNCTION)
        for name in _WATCHED:
            op.execute(
                f"CREATE TRIGGER {name}_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE "
                f"ON {name} FOR EACH STATEMENT EXECUTE FUNCTION fiac_notify_change()"
            )


def downgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name == "postgresql":
        for name in _WATCHED:
            op.execute(f"DROP TRIGGER IF EXISTS {name}_notify ON {name}")
        op.execute("DROP FUNCTION IF EXISTS fiac_notify_change()")
        op.execute("DROP INDEX IF EXISTS ix_contacts_search")
    for name in _VERSIONED:
        conn.exec_driver_sql(f"ALTER TABLE {name} DROP COLUMN version")
