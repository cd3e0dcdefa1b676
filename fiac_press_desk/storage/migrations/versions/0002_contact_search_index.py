"""Contact search: folded ``search_text`` on contacts, and the dialect's index over it.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28

Everything it runs is frozen here, as it was when it was written (the index's statements,
the folding and the words of a contact): the application's own code may change later, this
revision must do tomorrow what it did the day it was written. The words are those the
application wrote from then on (``storage.contact_record.build_search_text``), so a base
migrated from 0001 holds what a new base holds.
"""

from __future__ import annotations

import re
import unicodedata

import phonenumbers
import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

_FTS_STATEMENTS = (
    "CREATE VIRTUAL TABLE contacts_fts USING fts5("
    "search_text, content='contacts', content_rowid='id', "
    "tokenize=\"unicode61 remove_diacritics 2 tokenchars ''\", prefix='1 2 3')",
    "CREATE TRIGGER contacts_fts_ai AFTER INSERT ON contacts BEGIN "
    "INSERT INTO contacts_fts(rowid, search_text) VALUES (new.id, new.search_text); END",
    "CREATE TRIGGER contacts_fts_ad AFTER DELETE ON contacts BEGIN "
    "INSERT INTO contacts_fts(contacts_fts, rowid, search_text) "
    "VALUES ('delete', old.id, old.search_text); END",
    "CREATE TRIGGER contacts_fts_au AFTER UPDATE OF search_text ON contacts BEGIN "
    "INSERT INTO contacts_fts(contacts_fts, rowid, search_text) "
    "VALUES ('delete', old.id, old.search_text); "
    "INSERT INTO contacts_fts(rowid, search_text) VALUES (new.id, new.search_text); END",
    "INSERT INTO contacts_fts(contacts_fts) VALUES ('rebuild')",
)


def upgrade() -> None:
    conn = op.get_bind()
    with op.batch_alter_table("contacts") as batch:
        batch.add_column(sa.Column("search_text", sa.Text(), nullable=False, server_default=""))
    _backfill(conn)
    if conn.dialect.name == "sqlite":  # elsewhere the search reads the column itself
        for statement in _FTS_STATEMENTS:
            conn.exec_driver_sql(statement)


def downgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name == "sqlite":
        for trigger in ("contacts_fts_ai", "contacts_fts_ad", "contacts_fts_au"):
            conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {trigger}")
        conn.exec_driver_sql("DROP TABLE IF EXISTS contacts_fts")
    with op.batch_alter_table("contacts") as batch:
        batch.drop_column("search_text")


def _backfill(conn: sa.Connection) -> None:
    """The folded words of the contacts written before this revision."""
    names: dict[int, list[str]] = {}
    organisation: dict[int, str] = {}
    for row in conn.execute(
        sa.text(
            "SELECT c.id, c.display_name, c.given_name, c.family_name, c.additional_names, "
            "c.job_title, c.department, c.beats, c.notes, o.name FROM contacts c "
            "LEFT JOIN organisations o ON o.id = c.organisation_id"
        )
    ):
        names[row[0]] = [str(v or "").replace("\n", " ") for v in row[1:9]]
        organisation[row[0]] = row[9] or ""
    emails = _grouped(conn, "SELECT contact_id, value FROM contact_emails ORDER BY position, id")
    phones = _grouped(conn, "SELECT contact_id, value FROM contact_phones ORDER BY position, id")
    places = _grouped(
        conn,
        "SELECT contact_id, city || ' ' || postal_code FROM contact_addresses "
        "ORDER BY position, id",
    )
    tags = _grouped(
        conn,
        "SELECT ct.contact_id, t.name FROM contact_tags ct JOIN tags t ON t.id = ct.tag_id "
        "ORDER BY t.name_key",
    )
    params = [
        {
            "id": cid,
            "text": _search_text(
                parts,
                organisation[cid],
                emails.get(cid, []),
                phones.get(cid, []),
                places.get(cid, []),
                tags.get(cid, []),
            ),
        }
        for cid, parts in names.items()
    ]
    if params:
        conn.execute(sa.text("UPDATE contacts SET search_text = :text WHERE id = :id"), params)


def _grouped(conn: sa.Connection, sql: str) -> dict[int, list[str]]:
    out: dict[int, list[str]] = {}
    for cid, value in conn.execute(sa.text(sql)):
        out.setdefault(cid, []).append(value or "")
    return out


# -- frozen copies of the helpers of the day ------------------------------------------------------

_SPECIAL = str.maketrans(
    {
        "œ": "oe",
        "Œ": "oe",
        "æ": "ae",
        "Æ": "ae",
        "ø": "o",
        "Ø": "o",
        "ł": "l",
        "Ł": "l",
        "đ": "d",
        "Đ": "d",
        "ı": "i",
        "ß": "ss",
        "’": "'",
    }
)
_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)
_ACCENTS = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
_STORED_E164 = re.compile(r"^\+\d{4,15}(?:;ext=\d{1,7})?$")


def _fold(text: str) -> str:
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.translate(_SPECIAL))
    return unicodedata.normalize("NFC", _ACCENTS.sub("", decomposed)).casefold()


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(_fold(text))


def _phone_digits(value: str) -> str:
    if value.startswith("+") and value[1:].isdigit():
        return value[1:]
    return "".join(ch for ch in value if ch.isdigit())


def _national_phone(value: str) -> str:
    if value.startswith("+33") and len(value) >= 12:
        return "0" + _phone_digits(value)[2:]
    if not _STORED_E164.match(value):
        return _phone_digits(value)
    try:
        number = phonenumbers.parse(value.partition(";")[0], None)
    except phonenumbers.NumberParseException:
        return _phone_digits(value)
    national = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    return _phone_digits(str(national))


def _search_text(
    names: list[str],
    organisation: str,
    emails: list[str],
    phones: list[str],
    places: list[str],
    tags: list[str],
) -> str:
    """Every word of the values, folded, each once, in order, separated by single spaces."""
    numbers = [n for p in phones for n in (_phone_digits(p), _national_phone(p))]
    words: list[str] = []
    for value in [*names, organisation, *emails, *places, *tags, *numbers]:
        if value:
            words += _tokens(value)
    return " ".join(dict.fromkeys(words))
