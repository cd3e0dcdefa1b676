"""PostgreSQL beside SQLite (issue 14): bulk import and as-you-type search.

    FIAC_BENCH_POSTGRES_URL=postgresql+psycopg://role@127.0.0.1:54329/postgres \\
        python -m benchmarks --only postgresql [--size 100000]

The URL names a server and a role that may create databases (scripts/postgres_test_cluster.sh
makes one; ``FIAC_TEST_POSTGRES_URL`` is used when the BENCH variable is not set). Without
either, the benchmark says so and measures nothing.

* ``create_many`` of 20k generated contacts through the services on PostgreSQL, with the
  adapter's COPY and with executemany (psycopg's pipelined executemany), against a floor that
  COPYs the very same rows (read back from the measured database) raw with psycopg into an
  empty database of the same schema; and the same ``create_many`` on SQLite.
* ``search``: the contacts table's call per key press (``contact_queries.search``: every id
  in name order, the first 200 rows, the count) at 100k contacts for the queries of
  bench_core, median over the queries, against the bare index lookup of the first 200 hits;
  with the full-text index (what the adapter uses) and with a pg_trgm index over the same
  column (LIKE 'w%' OR LIKE '% w%', the generic adapter's condition), to choose between them.
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import Any

from benchmarks.bench_core import CREATED_TABLES
from benchmarks.run import Result
from fiac_press_desk.services import Services
from fiac_press_desk.services.contact_queries import ContactFilter
from fiac_press_desk.services.demo_data import generate_contacts
from fiac_press_desk.storage.database import Database
from fiac_press_desk.storage.dialect import DialectAdapter
from fiac_press_desk.storage.dialect_postgresql import SEARCH_VECTOR, PostgreSQLAdapter, tsquery_of

IMPORT_SIZE = 20_000
SEARCH_SIZE = 100_000
RUNS_PER_QUERY = 3
# A name typed letter by letter, then outlets, several words, an email, a phone (bench_core's
# kinds of query, fewer of each: PostgreSQL runs on a machine shared with the tests).
QUERIES = [
    "l", "le", "lef", "lefe", "lefev", "lefevr",
    "m", "ma", "mar", "mart",
    "quotidien", "gazette sciences", "eloise lef", "lefevre quotidien",
    "eloise.lefevre", "0145", "06 12",
]  # fmt: skip


def server_url() -> str | None:
    return os.environ.get("FIAC_BENCH_POSTGRES_URL") or os.environ.get("FIAC_TEST_POSTGRES_URL")


def run(size: int | None = None) -> list[Result]:
    url = server_url()
    if url is None:
        print("bench_postgresql: FIAC_BENCH_POSTGRES_URL is not set; nothing measured")
        return []
    imported = bench_import(url, min(size or IMPORT_SIZE, IMPORT_SIZE))
    for result in imported:  # seen before the longer search part
        print(result.line(), flush=True)
    return bench_search(url, size or SEARCH_SIZE)


@contextmanager
def _database(admin_url: str) -> Iterator[tuple[str, Any]]:
    """A fresh database on the server (its SQLAlchemy URL and a psycopg admin connection)."""
    import psycopg
    from sqlalchemy.engine import make_url

    admin = make_url(admin_url)
    name = f"fiac_bench_{uuid.uuid4().hex[:8]}"
    conninfo = dict(host=admin.host, port=admin.port, user=admin.username, password=admin.password)
    with psycopg.connect(dbname=admin.database or "postgres", autocommit=True, **conninfo) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')  # type: ignore[arg-type]
        try:
            yield admin.set(database=name).render_as_string(hide_password=False), conninfo
        finally:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')  # type: ignore[arg-type]


def _timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def bench_import(admin_url: str, size: int) -> list[Result]:
    records = list(generate_contacts(size))
    times: dict[str, float] = {}
    floor = float("inf")
    for strategy in ("copy", "executemany"):
        with _database(admin_url) as (url, _conninfo):
            db = Database(url)
            contacts = Services(db, actor="bench").contacts
            original = PostgreSQLAdapter.COPY_FROM
            PostgreSQLAdapter.COPY_FROM = 10**12 if strategy == "executemany" else original
            try:
                times[strategy] = _timed(partial(contacts.create_many, records))
            finally:
                PostgreSQLAdapter.COPY_FROM = original
            if strategy == "copy":
                floor = _raw_copy_floor(db, admin_url)
            db.dispose()
    with tempfile.TemporaryDirectory() as tmp:
        db = Database(f"sqlite:///{Path(tmp) / 'desk.sqlite3'}")
        sqlite_time = _timed(lambda: Services(db, actor="bench").contacts.create_many(records))
        db.dispose()
    k = size // 1000
    return [
        Result(f"pg create_many {k}k (COPY) vs raw COPY", times["copy"], floor),
        Result(f"pg create_many {k}k (executemany) vs raw COPY", times["executemany"], floor),
        Result(f"sqlite create_many {k}k vs pg raw COPY", sqlite_time, floor),
    ]


def _raw_copy_floor(source: Database, admin_url: str) -> float:
    """Seconds to COPY, raw, the rows ``create_many`` wrote, into an empty database."""
    import psycopg

    tables: dict[str, tuple[list[str], list[tuple[Any, ...]]]] = {}
    with source.engine.connect() as conn:
        for name in ("organisations", "tags", "distribution_lists", *CREATED_TABLES):
            result = conn.exec_driver_sql(f'SELECT * FROM "{name}"')
            tables[name] = (list(result.keys()), [tuple(r) for r in result])
    with _database(admin_url) as (url, conninfo):
        Database(url).dispose()
        dbname = url.rsplit("/", 1)[1]
        with psycopg.connect(dbname=dbname, **conninfo) as conn:
            for name in ("organisations", "tags", "distribution_lists"):
                cols, rows = tables[name]
                with (
                    conn.cursor() as cur,
                    cur.copy(f'COPY "{name}" ({", ".join(cols)}) FROM STDIN') as copy,
                ):  # type: ignore[arg-type]
                    for row in rows:
                        copy.write_row(row)
            start = time.perf_counter()
            for name in CREATED_TABLES:
                cols, rows = tables[name]
                quoted = ", ".join(f'"{c}"' for c in cols)
                with conn.cursor() as cur, cur.copy(f'COPY "{name}" ({quoted}) FROM STDIN') as copy:  # type: ignore[arg-type]
                    for row in rows:
                        copy.write_row(row)
            conn.commit()
            return time.perf_counter() - start


def bench_search(admin_url: str, size: int) -> list[Result]:
    with _database(admin_url) as (url, _conninfo):
        db = Database(url)
        services = Services(db, actor="bench")
        records = generate_contacts(size)
        batch: list[Any] = []
        for record in records:
            batch.append(record)
            if len(batch) == 20_000:
                services.contacts.create_many(batch)
                batch = []
        if batch:
            services.contacts.create_many(batch)
        with db.engine.begin() as conn:
            conn.exec_driver_sql("ANALYZE")
        queries = services.contact_queries

        def per_key(q: str) -> None:
            queries.search(ContactFilter(search=q), first=200, with_total=True)

        def bare(q: str) -> None:
            tsq = tsquery_of(q)
            with db.engine.connect() as conn:
                conn.exec_driver_sql(
                    f"SELECT id FROM contacts WHERE {SEARCH_VECTOR} @@ "
                    "to_tsquery('simple'::regconfig, %(q)s) LIMIT 200",
                    {"q": tsq},
                ).all()

        fts = _median_over(QUERIES, per_key)
        floor = _median_over(QUERIES, bare)
        # The same key presses on a trigram index (the generic adapter's LIKE condition).
        with db.engine.begin() as conn:
            conn.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS pg_trgm")
            conn.exec_driver_sql(
                "CREATE INDEX ix_bench_trgm ON contacts USING gin (search_text gin_trgm_ops)"
            )
            conn.exec_driver_sql("DROP INDEX ix_contacts_search")
            conn.exec_driver_sql("ANALYZE contacts")
        db.adapter = DialectAdapter()
        trigram = _median_over(QUERIES, per_key)
        short = [q for q in QUERIES if len(q) <= 2]
        trigram_short = _median_over(short, per_key)
        db.adapter = PostgreSQLAdapter()
        with db.engine.begin() as conn:
            conn.exec_driver_sql(
                "CREATE INDEX ix_contacts_search ON contacts "
                "USING gin (to_tsvector('simple'::regconfig, search_text))"
            )
            conn.exec_driver_sql("ANALYZE contacts")
        fts_short = _median_over(short, per_key)
        db.dispose()
    k = size // 1000
    return [
        Result(
            f"pg search {k}k per key press (full text)", fts, floor, note=f"{len(QUERIES)} queries"
        ),
        Result(f"pg search {k}k per key press (pg_trgm)", trigram, floor),
        Result(f"pg search {k}k 1-2 letters (full text)", fts_short, floor),
        Result(f"pg search {k}k 1-2 letters (pg_trgm)", trigram_short, floor),
    ]


def _median(values: list[float]) -> float:
    return statistics.median(values)


def _median_over(queries: list[str], fn: Callable[[str], None]) -> float:
    per_query = []
    for q in queries:
        fn(q)  # warm
        per_query.append(_median([_timed(partial(fn, q)) for _ in range(RUNS_PER_QUERY)]))
    return statistics.median(per_query)
