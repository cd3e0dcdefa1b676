"""PostgreSQL, for a press office sharing one database (issue 14).

Search: ``search_text`` already holds the contact's words folded in Python (accents and case
removed by ``domain.text.fold``, the same on both engines), so the index needs no
``unaccent`` of its own. Every word typed must match a word of the contact as a prefix: a
full-text GIN index over ``to_tsvector('simple', search_text)`` answers ``'word':*`` prefix
queries of any length. A trigram index (pg_trgm, with the generic adapter's LIKE) was
measured against it (benchmarks/bench_postgresql.py, 50k contacts, best of one run on a
machine at load 16): per key press 0.37 s full text, 0.26 s trigram (median of 17 queries),
1-2 letters 0.66 s and 0.69 s; the cost of a key press is ordering and counting the hits, not
the index lookup (0.06 s). Full text was kept: it needs no extension (pg_trgm is contrib,
absent from some servers, and CREATE EXTENSION is a right the desk's role may not have)
and its index serves prefixes of one or two letters, which trigrams cannot.

Bulk insert: ``COPY ... FROM STDIN`` (psycopg's ``cursor.copy``): create_many of 20k
contacts 49 s against 101 s with psycopg's executemany (raw COPY of the same rows: 25 s; same
loaded run), so COPY from 50 rows up.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from sqlalchemy import ColumnElement, Engine, Table, select, table, text
from sqlalchemy import column as sql_column
from sqlalchemy.engine import Connection

from fiac_press_desk.storage.dialect import (
    DialectAdapter,
    SearchMatch,
    _scalar_defaults,
    query_words,
)

# The index of migration 0008 is over exactly this expression; a query must repeat it to use it.
SEARCH_VECTOR = "to_tsvector('simple'::regconfig, search_text)"
_CONTACTS = table("contacts", sql_column("id"), sql_column("search_text"))


def tsquery_of(query: str) -> str | None:
    """A tsquery where every folded word of ``query`` must match as a prefix. Folded words
    are letters and digits only (``domain.text.tokens``): nothing to escape."""
    words = query_words(query)
    if not words:
        return None
    return " & ".join(f"'{w}':*" for w in words)


class PostgreSQLAdapter(DialectAdapter):
    """PostgreSQL 15 and later: full-text prefix search, COPY for bulk inserts, checks."""

    name = "postgresql"

    def configure(self, engine: Engine) -> None:
        """Nothing per connection: PostgreSQL's defaults (READ COMMITTED, UTF8) suit."""

    def search_condition(self, query: str, id_column: Any) -> ColumnElement[bool] | None:
        """Contacts whose words hold every word of ``query`` as a prefix, from the index."""
        tsquery = tsquery_of(query)
        if tsquery is None:
            return None
        matching = select(_CONTACTS.c.id).where(
            text(f"{SEARCH_VECTOR} @@ to_tsquery('simple'::regconfig, :tsq)").bindparams(
                tsq=tsquery
            )
        )
        if id_column is None:
            from fiac_press_desk.storage.models import Contact

            id_column = Contact.id
        return id_column.in_(matching)  # type: ignore[no-any-return]

    def match(self, conn: Connection, query: str) -> SearchMatch | None:
        """The condition, run by each statement that uses it: PostgreSQL's planner chooses
        between the index's hits and the name-order index by itself."""
        condition = self.search_condition(query, None)
        return None if condition is None else SearchMatch(condition)

    def bulk_insert(self, conn: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
        """COPY, from dicts of the same keys."""
        if rows:
            keys = list(rows[0])
            self.bulk_insert_rows(conn, table, keys, [tuple(r[k] for k in keys) for r in rows])

    # Below this many rows a plain executemany is as quick and simpler to debug.
    COPY_FROM = 50

    def bulk_insert_rows(
        self,
        conn: Connection,
        table: Table,
        columns: Sequence[str],
        rows: list[tuple[Any, ...]],
    ) -> None:
        """``COPY table (columns) FROM STDIN`` through psycopg, values converted by the column
        types' own bind processors (aware UTC datetimes stored naive, as everywhere)."""
        if not rows:
            return
        defaults = _scalar_defaults(table, list(columns))
        names = [*columns, *defaults]
        dialect = conn.dialect
        processors = [table.c[name].type._cached_bind_processor(dialect) for name in names]
        extra = tuple(defaults.values())
        converting = [(i, p) for i, p in enumerate(processors) if p is not None]

        def converted(row: tuple[Any, ...]) -> tuple[Any, ...]:
            values = [*row, *extra]
            for i, convert in converting:
                if values[i] is not None:
                    values[i] = convert(values[i])
            return tuple(values)

        if len(rows) < self.COPY_FROM:  # SQLAlchemy converts the values itself here
            conn.execute(
                table.insert(), [dict(zip(names, (*r, *extra), strict=True)) for r in rows]
            )
            return
        data = [converted(r) for r in rows] if converting or extra else rows
        quote = dialect.identifier_preparer.quote
        sql = f"COPY {quote(table.name)} ({', '.join(quote(n) for n in names)}) FROM STDIN"
        raw: Any = conn.connection.dbapi_connection  # psycopg's own connection
        with raw.cursor() as cursor, cursor.copy(sql) as copy:
            for row in data:
                copy.write_row(row)

    # The advisory lock that makes imports take turns (any number, the same for every desk).
    IMPORT_LOCK = 0x46494143  # "FIAC"

    @contextmanager
    def waiting_for_writers(self, conn: Connection) -> Iterator[None]:
        """Imports take turns, as on SQLite: the transaction waits for a transaction-level
        advisory lock, held until it ends. Without it, two imports of the same file at once
        both planned the same new outlet and the second failed on its unique name; with it,
        the second reads what the first committed and skips it."""
        conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({self.IMPORT_LOCK})")
        yield

    def integrity_check(self, conn: Connection) -> list[str]:
        """What PostgreSQL can say about itself without a superuser: the extensions and the
        search index the schema needs are there and valid, and every foreign key holds
        (a constraint made NOT VALID, or a row that slipped past one, is named)."""
        problems: list[str] = []
        indexes = {
            str(name): bool(valid)
            for name, valid in conn.exec_driver_sql(
                "SELECT c.relname, i.indisvalid FROM pg_index i "
                "JOIN pg_class c ON c.oid = i.indexrelid "
                "JOIN pg_class t ON t.oid = i.indrelid "
                "WHERE t.relname = 'contacts' AND t.relnamespace = current_schema()::regnamespace"
            )
        }
        if "ix_contacts_search" not in indexes:
            problems.append("search index: ix_contacts_search is missing")
        problems += [f"index {name}: not valid" for name, ok in indexes.items() if not ok]
        for name, relation, definition in conn.exec_driver_sql(
            "SELECT con.conname, con.conrelid::regclass::text, pg_get_constraintdef(con.oid) "
            "FROM pg_constraint con WHERE con.contype = 'f' "
            "AND con.connamespace = current_schema()::regnamespace"
        ):
            if not definition.startswith("FOREIGN KEY"):
                continue
            problems += _foreign_key_orphans(conn, str(name), str(relation), str(definition))
        return problems


def _foreign_key_orphans(conn: Connection, name: str, relation: str, definition: str) -> list[str]:
    """Rows of ``relation`` whose single-column foreign key ``name`` points nowhere."""
    import re

    found = re.match(r"FOREIGN KEY \((\w+)\) REFERENCES (\w+)\((\w+)\)", definition)
    if found is None:
        return []
    col, target, target_col = found.groups()
    orphans = conn.exec_driver_sql(
        f'SELECT count(*) FROM "{relation}" r WHERE r."{col}" IS NOT NULL AND NOT EXISTS '
        f'(SELECT 1 FROM "{target}" t WHERE t."{target_col}" = r."{col}")'
    ).scalar()
    return [f"foreign key: {relation}.{col} -> {target}: {orphans} rows"] if orphans else []
