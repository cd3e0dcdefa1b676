"""The one place that knows which database engine runs underneath.

SQLite gets its pragmas and an FTS5 index; any other dialect (PostgreSQL for a shared team
database) gets a plain LIKE over the folded ``search_text`` column, which is correct there,
just slower.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from operator import itemgetter
from typing import Any

from sqlalchemy import ColumnElement, Engine, Table, column, event, select, table
from sqlalchemy.engine import Connection

from fiac_press_desk.domain.text import tokens


def query_words(query: str) -> list[str]:
    """Folded words of a search; a phone typed in groups ("06 12 34") becomes one word."""
    words = tokens(query)
    if len(words) > 1 and all(w.isdigit() for w in words):
        return ["".join(words)]
    return words


# The one definition of the trigger that indexes a new contact (migration 0002 made it; the
# bulk path drops and makes it again, see SQLiteAdapter.search_index_deferred).
_FTS_INSERT_TRIGGER = (
    "CREATE TRIGGER contacts_fts_ai AFTER INSERT ON contacts BEGIN "
    "INSERT INTO contacts_fts(rowid, search_text) VALUES (new.id, new.search_text); END"
)


class SearchMatch:
    """A search's words, matched at most once for the statements of one call
    (``DialectAdapter.match``). This base is the plain LIKE over ``search_text``, which each
    statement that uses it runs itself."""

    def __init__(self, condition: ColumnElement[bool]) -> None:
        self._like = condition

    def hits(self) -> int | None:
        """How many contacts the words match, archived ones included; None when the adapter
        cannot tell without reading the contacts."""
        return None

    def condition(self, id_column: Any, *, dense: bool = False) -> ColumnElement[bool]:
        """Contacts whose ``id_column`` is a hit; ``dense`` (``search_is_dense``) asks for
        the form that lets the database walk the contacts in name order and stop at the
        first page, rather than sort every hit."""
        return self._like


class DialectAdapter:
    """What differs between databases; this base is the plain SQL any of them runs."""

    name = "generic"

    def configure(self, engine: Engine) -> None:
        """Per-connection settings."""

    @contextmanager
    def search_index_deferred(self, conn: Connection) -> Iterator[None]:
        """Contacts inserted inside are indexed for search in one pass at the end: for bulk
        inserts in one transaction. Here the index is the column itself: nothing to do."""
        yield

    def search_condition(self, query: str, id_column: Any) -> ColumnElement[bool] | None:
        """A condition on contacts (``id_column`` their id) matching every word of ``query``
        as a prefix, or None when it has no words: for a query that searches once."""
        from sqlalchemy import and_, or_

        from fiac_press_desk.storage.models import Contact

        words = query_words(query)
        if not words:
            return None
        return and_(
            *(
                or_(Contact.search_text.like(f"{w}%"), Contact.search_text.like(f"% {w}%"))
                for w in words
            )
        )

    def match(self, conn: Connection, query: str) -> SearchMatch | None:
        """Match the words of ``query`` once, for the queries that follow on ``conn`` (a
        count and a page of the same key press); None when it has no words. Here the match
        is the LIKE condition itself, run by each query that uses it."""
        condition = self.search_condition(query, None)
        return None if condition is None else SearchMatch(condition)

    def search_is_dense(self, conn: Connection, match: SearchMatch) -> bool:
        """Whether ``match`` holds a large share of the contacts (a letter or two typed)."""
        return False

    def match_count(
        self, conn: Connection, match: SearchMatch, *, archived: bool | None
    ) -> int | None:
        """How many contacts ``match`` holds (archived ones too only when ``archived`` is
        None) without reading the contacts; None when the adapter has no such shortcut."""
        return None

    def integrity_check(self, conn: Connection) -> list[str]:
        """Problems the database finds in itself (empty: sound)."""
        return []

    def erase_traces(self, engine: Engine) -> list[str]:
        """After rows of an erased person were deleted: make what they held unreadable in the
        database's files (rebuild the search index, rewrite the file, empty the journal).
        Returns what was done, in words; nothing here (another server keeps its own files)."""
        return []

    def bulk_insert(self, conn: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
        """Insert many rows of ``table`` (same keys in every row) in one executemany."""
        if rows:
            conn.execute(table.insert(), rows)

    def bulk_insert_rows(
        self,
        conn: Connection,
        table: Table,
        columns: Sequence[str],
        rows: list[tuple[Any, ...]],
    ) -> None:
        """``bulk_insert`` of rows given as tuples of ``columns``' values (no dict per row:
        the bulk creation of contacts builds hundreds of thousands of rows)."""
        if rows:
            conn.execute(table.insert(), [dict(zip(columns, row, strict=True)) for row in rows])

    @contextmanager
    def waiting_for_writers(self, conn: Connection) -> Iterator[None]:
        """While a long write (an import) on ``conn`` waits for another writer to finish
        rather than failing after the usual few seconds. PostgreSQL waits by itself."""
        yield


class SQLiteAdapter(DialectAdapter):
    """SQLite, the embedded default: pragmas, an FTS5 index over ``search_text``."""

    name = "sqlite"
    BUSY_TIMEOUT_MS = 5000
    # Page cache per connection, in KiB (SQLite's default is 2 MiB): a search at 100k
    # contacts touches thousands of rows, which then stay in memory between key presses.
    # 16 MiB keeps the search as fast as 64 MiB did (bench_core) and the window's resident
    # memory after scrolling 100k contacts under +150 MB (bench_ui: +120 MB, was +170 MB).
    CACHE_KIB = 16 * 1024

    def configure(self, engine: Engine) -> None:
        """Pragmas on every new connection, the hits table, and transactions begun by
        SQLAlchemy rather than pysqlite."""

        @event.listens_for(engine, "connect")
        def _on_connect(dbapi_conn: Any, _record: Any) -> None:
            # Let SQLAlchemy, not pysqlite, decide where transactions begin.
            dbapi_conn.isolation_level = None
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA foreign_keys = ON")
            cur.execute(f"PRAGMA busy_timeout = {self.BUSY_TIMEOUT_MS}")
            cur.execute(f"PRAGMA cache_size = -{self.CACHE_KIB}")
            cur.execute("PRAGMA temp_store = MEMORY")  # sorts of search results
            cur.execute(_SEARCH_HITS_TABLE)
            # Personal data: deleted rows are zeroed where that costs no extra write (their
            # page is written anyway); an erasure goes further (erase_traces).
            cur.execute("PRAGMA secure_delete = FAST")
            if engine.url.database not in (None, "", ":memory:"):
                cur.execute("PRAGMA journal_mode = WAL")
                cur.execute("PRAGMA synchronous = NORMAL")
            cur.close()

        @event.listens_for(engine, "begin")
        def _on_begin(conn: Connection) -> None:
            conn.exec_driver_sql("BEGIN")

    # How long an import waits for another writer (an import of 50,000 contacts takes about
    # a minute on a slow disk) before saying the database is busy.
    IMPORT_WAIT_MS = 10 * 60 * 1000

    @contextmanager
    def waiting_for_writers(self, conn: Connection) -> Iterator[None]:
        """``conn`` waits ``IMPORT_WAIT_MS`` for the write lock meanwhile: SQLite has one
        writer at a time, and two imports at once take turns instead of the second failing
        with "database is locked" after five seconds."""
        conn.exec_driver_sql(f"PRAGMA busy_timeout = {self.IMPORT_WAIT_MS}")
        try:
            yield
        finally:
            conn.exec_driver_sql(f"PRAGMA busy_timeout = {self.BUSY_TIMEOUT_MS}")

    @contextmanager
    def search_index_deferred(self, conn: Connection) -> Iterator[None]:
        """Without the row trigger while inside, then the new rows indexed by one INSERT ...
        SELECT: 50,000 contacts index in under a second this way against about five through
        the trigger (each trigger run is a statement of its own, and FTS5 writes its pending
        terms out at every statement boundary, so the index is built from one tiny segment per
        contact). The trigger is dropped and made again in the caller's transaction: a
        rollback brings it back as it was, and it is made again even if the insert fails."""
        highest = conn.exec_driver_sql("SELECT coalesce(max(id), 0) FROM contacts").scalar()
        conn.exec_driver_sql("DROP TRIGGER contacts_fts_ai")
        try:
            yield
            conn.exec_driver_sql(
                "INSERT INTO contacts_fts(rowid, search_text) "
                "SELECT id, search_text FROM contacts WHERE id > ?",
                (highest,),
            )
        finally:
            conn.exec_driver_sql(_FTS_INSERT_TRIGGER)

    # A search matching more than 1/DENSE_SHARE of the contacts (and at least DENSE_MIN of
    # them) walks the contacts in name order instead of sorting its matches.
    DENSE_SHARE = 8
    DENSE_MIN = 1000

    def search_condition(self, query: str, id_column: Any) -> ColumnElement[bool] | None:
        """A MATCH subquery on the FTS5 index."""
        match = fts_match_expression(query)
        if match is None:
            return None
        matching = select(_FTS.c.rowid).where(_FTS.c.contacts_fts.op("MATCH")(match))
        return id_column.in_(matching)  # type: ignore[no-any-return]

    def match(self, conn: Connection, query: str) -> SearchMatch | None:
        """The FTS5 match, run when first needed (``_FtsMatch``)."""
        expression = fts_match_expression(query)
        return None if expression is None else _FtsMatch(conn, expression)

    def search_is_dense(self, conn: Connection, match: SearchMatch) -> bool:
        """More than 1/DENSE_SHARE of the contacts, and at least DENSE_MIN of them."""
        found = match.hits()
        if not found or found < self.DENSE_MIN:
            return False
        highest = conn.exec_driver_sql("SELECT max(id) FROM contacts").scalar() or 0
        return found * self.DENSE_SHARE > int(highest)

    def match_count(
        self, conn: Connection, match: SearchMatch, *, archived: bool | None
    ) -> int | None:
        """The hits, less the archived ones among them when they are hidden. A match not run
        yet is counted straight from the index (cheaper than keeping its hits), and stays
        not run: count it last, if the same call reads the hits too."""
        if not isinstance(match, _FtsMatch) or archived is True:
            return None
        # Archived contacts are few: walked by their index, each looked up among the hits
        # ("+id": the hits, which may be most of the base, must not drive).
        if match.is_run():
            found = match.hits() or 0
            if archived is None or not found:
                return found
            archived_hits = conn.exec_driver_sql(
                "SELECT count(*) FROM contacts "
                "WHERE archived = 1 AND +id IN (SELECT id FROM search_hits)"
            ).scalar()
            return found - int(archived_hits or 0)
        sql = "SELECT count(*) FROM contacts_fts WHERE contacts_fts MATCH ?"
        if archived is False:
            sql += " AND rowid NOT IN (SELECT id FROM contacts WHERE archived = 1)"
        return int(conn.exec_driver_sql(sql, (match.expression,)).scalar() or 0)

    def bulk_insert(self, conn: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
        """Straight to the driver's executemany with the column types' own converters:
        SQLAlchemy's per-row parameter handling costs more than SQLite's insert itself."""
        if not rows:
            return
        keys = list(rows[0])
        values_of = itemgetter(*keys) if len(keys) > 1 else (lambda row: (row[keys[0]],))
        self.bulk_insert_rows(conn, table, keys, [values_of(row) for row in rows])

    def bulk_insert_rows(
        self,
        conn: Connection,
        table: Table,
        columns: Sequence[str],
        rows: list[tuple[Any, ...]],
    ) -> None:
        """Rows go to executemany as they are when no column needs converting; otherwise
        each converted value is remembered, so the one timestamp of a batch is formatted
        once, not once a row."""
        if not rows:
            return
        defaults = _scalar_defaults(table, list(columns))
        names = [*columns, *defaults]
        quote = conn.dialect.identifier_preparer.quote
        sql = (
            f"INSERT INTO {quote(table.name)} ({', '.join(quote(c) for c in names)}) "
            f"VALUES ({', '.join('?' * len(names))})"
        )
        dialect = conn.dialect
        processors = [table.c[name].type._cached_bind_processor(dialect) for name in names]
        extra = tuple(
            convert(value) if convert is not None and value is not None else value
            for convert, value in zip(processors[len(columns) :], defaults.values(), strict=True)
        )
        converters = [
            _Converter(i, convert)
            for i, convert in enumerate(processors[: len(columns)])
            if convert is not None
        ]
        if not converters:
            data: list[Any] = [row + extra for row in rows] if extra else rows
        else:
            data = []
            for row in rows:
                values = [*row, *extra]
                for converter in converters:
                    value = values[converter.index]
                    if value is not None:
                        values[converter.index] = converter(value)
                data.append(tuple(values))
        conn.exec_driver_sql(sql, data)

    def erase_traces(self, engine: Engine) -> list[str]:
        """Deleted rows leave their bytes behind in SQLite: in free pages and free blocks of
        pages (even from edits made long before), in FTS5 segments that only mark them
        deleted, and in the WAL file until it is checkpointed. So: the FTS index is rebuilt
        from the contacts table (no old segment left), VACUUM rewrites the file from the live
        rows only (with secure_delete on, freed pages are zeroed too), and the WAL is
        checkpointed and truncated to zero bytes. Needs no other connection to be reading."""
        import sqlite3

        steps: list[str] = []
        raw = engine.raw_connection()
        try:
            dbapi: Any = raw.driver_connection
            for name, sql in (
                ("secure_delete", "PRAGMA secure_delete = ON"),
                (
                    "search index rebuilt",
                    "INSERT INTO contacts_fts(contacts_fts) VALUES ('rebuild')",
                ),
                ("VACUUM", "VACUUM"),
            ):
                try:
                    dbapi.execute(sql)
                    steps.append(name)
                except sqlite3.Error as exc:  # another program holds the file: said, not fatal
                    steps.append(f"{name} not done ({exc})")
            busy, _log, _done = dbapi.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
            steps.append("WAL truncated" if not busy else "WAL not truncated (in use)")
            dbapi.execute("PRAGMA secure_delete = FAST")
        finally:
            raw.close()
        return steps

    def integrity_check(self, conn: Connection) -> list[str]:
        """SQLite's integrity and foreign-key checks, and the FTS5 index's own check."""
        problems = [
            str(row[0])
            for row in conn.exec_driver_sql("PRAGMA integrity_check").fetchall()
            if row[0] != "ok"
        ]
        problems += [
            f"foreign key: {row[0]} row {row[1]} -> {row[2]}"
            for row in conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
        ]
        try:
            conn.exec_driver_sql(
                "INSERT INTO contacts_fts(contacts_fts, rank) VALUES ('integrity-check', 1)"
            )
        except Exception as exc:  # the FTS module reports a damaged index this way
            problems.append(f"search index: {exc}")
        return problems


_FTS = table("contacts_fts", column("rowid"), column("contacts_fts"))
# Where ``SQLiteAdapter.match`` leaves the ids a search matched, one table per connection.
_SEARCH_HITS_TABLE = "CREATE TEMP TABLE IF NOT EXISTS search_hits (id INTEGER PRIMARY KEY)"
_HITS = table("search_hits", column("id"))


class _FtsMatch(SearchMatch):
    """The FTS5 MATCH of one call, run once into the connection's ``search_hits`` table
    (made when the connection opens) the first time its hits or its condition are asked:
    the density check, the page and the count of a key press then read the hits there, and
    the index is searched once instead of once by each. The hits hold until the next match
    on the same connection."""

    def __init__(self, conn: Connection, expression: str) -> None:
        self.conn = conn
        self.expression = expression
        self._hits: int | None = None

    def is_run(self) -> bool:
        """Whether the hits are in ``search_hits``."""
        return self._hits is not None

    def hits(self) -> int | None:
        if self._hits is None:
            self.conn.exec_driver_sql("DELETE FROM search_hits")
            inserted = self.conn.exec_driver_sql(
                "INSERT INTO search_hits(id) "
                "SELECT rowid FROM contacts_fts WHERE contacts_fts MATCH ?",
                (self.expression,),
            )
            self._hits = int(inserted.rowcount)
        return self._hits

    def condition(self, id_column: Any, *, dense: bool = False) -> ColumnElement[bool]:
        self.hits()
        # SQLite cannot tell how many rows the hits are. By default they drive the query
        # (one lookup each, then a sort): right for a name, slow for "l" at 100k. For a
        # dense search, "id + 0" keeps the id from driving, so SQLite walks the name-order
        # index and stops at the first page.
        driver = id_column + 0 if dense else id_column
        return driver.in_(select(_HITS.c.id))  # type: ignore[no-any-return]


class _Converter:
    """A column type's bind processor that remembers its last value: a batch's rows share
    their timestamp (and flags), which is then converted once."""

    __slots__ = ("convert", "index", "last_in", "last_out")

    def __init__(self, index: int, convert: Callable[[Any], Any]) -> None:
        self.index = index
        self.convert = convert
        self.last_in: Any = _Converter  # matches no value
        self.last_out: Any = None

    def __call__(self, value: Any) -> Any:
        if value is not self.last_in:
            self.last_in, self.last_out = value, self.convert(value)
        return self.last_out


def _scalar_defaults(table: Table, given: list[str]) -> dict[str, Any]:
    """Values of the Python-side defaults of the columns ``given`` leaves out (evaluated once)."""
    out: dict[str, Any] = {}
    for col in table.columns:
        default = col.default
        if col.key in given or default is None or col.primary_key:
            continue
        arg = getattr(default, "arg", None)
        if getattr(default, "is_scalar", False):
            out[col.key] = arg
        elif getattr(default, "is_callable", False) and callable(arg):
            out[col.key] = arg(None)  # SQLAlchemy wraps callables to take a context
    return out


def fts_match_expression(query: str) -> str | None:
    """FTS5 query where every folded word of ``query`` must match as a prefix."""
    words = query_words(query)
    if not words:
        return None
    return " AND ".join(f'"{w}"*' for w in words)


def adapter_for(dialect_name: str) -> DialectAdapter:
    """The adapter of an SQLAlchemy dialect name."""
    if dialect_name == "postgresql":
        from fiac_press_desk.storage.dialect_postgresql import PostgreSQLAdapter

        return PostgreSQLAdapter()
    return SQLiteAdapter() if dialect_name == "sqlite" else DialectAdapter()
