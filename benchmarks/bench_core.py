"""Foundation benchmarks: bulk creation through the services, as-you-type search.

    python -m benchmarks --only core                 # 50k creation, 100k search
    python -m benchmarks --only core --size 5000     # both at 5k while developing

* ``create_many``: ``services.contacts.create_many`` of generated contacts (validation,
  normalisation, organisations/tags/lists resolved, search text, one transaction, audit)
  against a floor that inserts the very same rows (read back from the measured database:
  contacts, emails, phones, addresses, links, tags, list memberships) with raw
  ``sqlite3.executemany`` into a fresh database of the same schema (same indexes and search
  triggers, same pragmas), in one transaction.
* ``search``: for each realistic query typed in the search box (name prefixes of 1 to 6
  letters typed without accents, outlets, several words, an email, a phone), the latency of
  one page of the contacts table plus its count (``contact_queries.rows(limit=200)`` and
  ``contact_queries.count``; then ``page(limit=200)``, the same in one call, and
  ``search()``, the table's call per key press: every id in order and the first rows)
  against the bare index lookup
  ``SELECT rowid FROM contacts_fts WHERE contacts_fts MATCH ? LIMIT 200``. Each query's time
  is the median of several runs; the line reports the median over the queries. The 100k
  database is generated once and cached in ``$FIAC_BENCH_CACHE`` (default
  ``/tmp/fiac-press-desk-bench``), keyed by everything that shapes it.

Reading the search line: the floor stops at the first 200 index hits, unsorted, and returns
bare row ids; the service returns the exact count, the first 200 *in name order* (every match
must be looked at) and each row's outlet, first email and phone, tags and last release. The
"alone" lines split the cost; the kind-of-query lines show where it is highest.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path

from benchmarks.run import Result
from fiac_press_desk.services import Services
from fiac_press_desk.services.contact_queries import ContactFilter
from fiac_press_desk.services.demo_data import generate_contacts
from fiac_press_desk.storage.database import Database, head_revision
from fiac_press_desk.storage.dialect import SQLiteAdapter, fts_match_expression

CREATE_SIZE = 50_000
SEARCH_SIZE = 100_000
CREATE_GOAL = 3.0
SEARCH_GOAL = 5.0
# Tables the bulk creation fills, in foreign-key order.
CREATED_TABLES = (
    "contacts",
    "contact_emails",
    "contact_phones",
    "contact_addresses",
    "contact_urls",
    "contact_tags",
    "list_members",
)
# What a press officer types, letter by letter: names without their accents, outlets, several
# words at once, the start of an email address, a phone number as read aloud.
QUERIES = [
    "l", "le", "lef", "lefe", "lefev", "lefevr",
    "m", "ma", "mar", "mart", "marti", "martin",
    "d", "du", "dup", "dupr", "dupre",
    "c", "ch", "cha", "chat", "chate", "chatel",
    "e", "el", "elo", "eloi", "elois", "eloise",
    "f", "fr", "fra", "fran", "franc", "franco",
    "h", "he", "hel", "hele", "helen", "helene",
    "n", "ng", "ngu", "nguy", "nguye", "nguyen",
    "quotidien", "gazette sciences", "radio hex", "echo medical", "ouest fictif",
    "eloise lef", "francois mar", "helene roux", "camille lyon", "jerome gazette",
    "lefevre quotidien", "martin radio", "dupre agence sante",
    "eloise.lefevre", "0145", "06 12",
]  # fmt: skip
RUNS_PER_QUERY = 5
# The same job done in raw SQL on a bare connection: how many contacts match, and the first
# page of 200 in name order with what the table shows (names, outlet, title, first email and
# phone). The ratio to it is the cost of our layers (services, SQLAlchemy, row building).
_MATCHING = "SELECT rowid FROM contacts_fts WHERE contacts_fts MATCH ?"
RAW_COUNT = f"SELECT count(*) FROM contacts c WHERE c.archived = 0 AND c.id IN ({_MATCHING})"
RAW_PAGE = (
    "SELECT c.id, c.display_name, c.given_name, c.family_name, c.job_title, c.kind, "
    "c.opted_out, o.name, "
    "(SELECT value FROM contact_emails e WHERE e.contact_id = c.id ORDER BY position LIMIT 1), "
    "(SELECT value FROM contact_phones p WHERE p.contact_id = c.id ORDER BY position LIMIT 1) "
    "FROM contacts c LEFT JOIN organisations o ON o.id = c.organisation_id "
    f"WHERE c.archived = 0 AND c.id IN ({_MATCHING}) ORDER BY c.sort_name, c.id LIMIT 200"
)


def run(size: int | None = None) -> list[Result]:
    return [*bench_create_many(size or CREATE_SIZE), *bench_search(size or SEARCH_SIZE)]


# -- bulk creation ---------------------------------------------------------------------------


def bench_create_many(size: int, repeat: int = 2) -> list[Result]:
    records = list(generate_contacts(size))
    best_service = best_floor = best_one_pass = float("inf")
    with tempfile.TemporaryDirectory(prefix="fiac-bench-") as tmp:
        for attempt in range(repeat):
            path = Path(tmp) / f"service-{attempt}.sqlite3"
            db = Database(f"sqlite:///{path}")
            services = Services(db, actor="bench")
            start = time.perf_counter()
            ids = services.contacts.create_many(records)
            best_service = min(best_service, time.perf_counter() - start)
            db.dispose()
            assert len(ids) == size
            best_floor = min(best_floor, _raw_insert_floor(path, Path(tmp) / f"raw-{attempt}"))
            best_one_pass = min(
                best_one_pass,
                _raw_insert_floor(path, Path(tmp) / f"raw1-{attempt}", one_pass_index=True),
            )
    return [
        Result(
            f"create_many {size // 1000}k contacts vs raw executemany",
            best_service,
            best_floor,
            goal=CREATE_GOAL,
        ),
        Result(
            f"create_many {size // 1000}k vs raw, index in one pass",
            best_service,
            best_one_pass,
            note="(the floor fills the search index as the bulk path does)",
        ),
    ]


def _raw_insert_floor(source: Path, work: Path, *, one_pass_index: bool = False) -> float:
    """Seconds to insert, with raw executemany, the rows ``create_many`` wrote to ``source``."""
    return raw_insert(
        source,
        work.with_suffix(".sqlite3"),
        ("organisations", "tags", "distribution_lists"),
        CREATED_TABLES,
        one_pass_index=one_pass_index,
    )


def raw_insert(
    source: Path,
    target: Path,
    referenced: tuple[str, ...],
    created: tuple[str, ...],
    *,
    one_pass_index: bool = False,
) -> float:
    """Seconds to copy, with raw ``sqlite3.executemany`` in one transaction, the rows of the
    ``created`` tables of ``source`` into a fresh database of the same schema (tables, indexes,
    search index and triggers, pragmas). The ``referenced`` tables' rows (what those rows point
    to) are copied first, untimed.

    ``one_pass_index``: the search index filled as the application's bulk path fills it (row
    trigger dropped, one ``INSERT ... SELECT`` into the index, trigger made again), so the
    floor is the fastest raw way to the same rows; without it the schema's row trigger indexes
    each contact as it is inserted."""
    Database(f"sqlite:///{target}").dispose()
    with _connect(source) as conn:
        before = {name: _rows(conn, name) for name in referenced}
        rows = {name: _rows(conn, name) for name in created}
        trigger = conn.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'contacts_fts_ai'"
        ).fetchone()[0]
    with _connect(target) as conn:
        conn.execute("BEGIN")
        for name, (columns, values) in before.items():
            conn.executemany(_insert_sql(name, columns), values)
        conn.execute("COMMIT")
        start = time.perf_counter()
        conn.execute("BEGIN")
        if one_pass_index:
            conn.execute("DROP TRIGGER contacts_fts_ai")
        for name in created:
            columns, values = rows[name]
            conn.executemany(_insert_sql(name, columns), values)
        if one_pass_index:
            conn.execute(
                "INSERT INTO contacts_fts(rowid, search_text) SELECT id, search_text FROM contacts"
            )
            conn.execute(trigger)
        conn.execute("COMMIT")
        elapsed = time.perf_counter() - start
        assert conn.execute("SELECT count(*) FROM contacts").fetchone()[0] == len(
            rows["contacts"][1]
        )
    return elapsed


@contextmanager
def _connect(path: Path) -> Iterator[sqlite3.Connection]:
    """A bare connection with the application's pragmas (storage.dialect.SQLiteAdapter)."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute(f"PRAGMA cache_size = -{SQLiteAdapter.CACHE_KIB}")
    conn.execute("PRAGMA temp_store = MEMORY")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    try:
        yield conn
    finally:
        conn.close()


def _rows(conn: sqlite3.Connection, table: str) -> tuple[list[str], list[tuple[object, ...]]]:
    cur = conn.execute(f"SELECT * FROM {table}")
    return [d[0] for d in cur.description], cur.fetchall()


def _insert_sql(table: str, columns: list[str]) -> str:
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"


# -- search ----------------------------------------------------------------------------------


def bench_search(size: int) -> list[Result]:
    path = search_database(size)
    db = Database(f"sqlite:///{path}")
    services = Services(db, actor="bench")
    queries = services.contact_queries
    raw = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        ours: dict[str, float] = {}
        floor: dict[str, float] = {}
        same: dict[str, float] = {}
        parts: dict[str, list[float]] = {"ids(200)": [], "count": []}
        one_call: list[float] = []
        window: list[float] = []
        for text in QUERIES:
            match = fts_match_expression(text)
            assert match is not None
            flt = ContactFilter(search=text)

            def page(flt: ContactFilter = flt) -> None:
                queries.rows(flt, limit=200)
                queries.count(flt)

            def bare(match: str = match) -> None:
                raw.execute(
                    "SELECT rowid FROM contacts_fts WHERE contacts_fts MATCH ? LIMIT 200", (match,)
                ).fetchall()

            def same_job(match: str = match) -> None:
                raw.execute(RAW_COUNT, (match,)).fetchone()
                raw.execute(RAW_PAGE, (match,)).fetchall()

            ours[text] = _median_time(page)
            floor[text] = _median_time(bare)
            same[text] = _median_time(same_job)
            one_call.append(_median_time(partial(queries.page, flt, limit=200)))
            window.append(_median_time(partial(queries.search, flt)))
            parts["ids(200)"].append(_median_time(partial(queries.ids, flt, limit=200)))
            parts["count"].append(_median_time(partial(queries.count, flt)))
    finally:
        raw.close()
        db.dispose()
    label = f"{size // 1000}k" if size >= 1000 else str(size)
    results = [
        Result(
            f"search {label}: rows(200)+count vs raw SQL, same job",
            _ms(statistics.median(ours.values())),
            _ms(statistics.median(same.values())),
            unit="ms",
            goal=SEARCH_GOAL,
            note=f"median of {len(QUERIES)} queries",
        ),
        Result(
            f"search {label}: page(200), one call vs raw SQL, same job",
            _ms(statistics.median(one_call)),
            _ms(statistics.median(same.values())),
            unit="ms",
            goal=SEARCH_GOAL,
            note="rows and count from one match",
        ),
        Result(
            f"search {label}: search(), every id + 100 rows vs raw",
            _ms(statistics.median(window)),
            _ms(statistics.median(same.values())),
            unit="ms",
            note="the contacts table's call per key press (the raw job reads 200 rows, no ids)",
        ),
        Result(
            f"search {label}: rows(200)+count vs bare MATCH LIMIT 200",
            _ms(statistics.median(ours.values())),
            _ms(statistics.median(floor.values())),
            unit="ms",
            note="for reference: the bare lookup neither counts, sorts nor reads rows",
        ),
    ]
    # Where the time goes: the sorted page of ids alone, the count alone...
    for name, times in parts.items():
        results.append(
            Result(
                f"search {label}: {name} alone (median)",
                _ms(statistics.median(times)),
                _ms(statistics.median(floor.values())),
                unit="ms",
                note="for reference",
            )
        )
    # ... and by kind of query (one or two letters match most of the table).
    for name, subset in (
        ("1-2 letters", [q for q in QUERIES if len(q) <= 2]),
        ("3-6 letters", [q for q in QUERIES if 3 <= len(q) <= 6 and " " not in q]),
        ("several words", [q for q in QUERIES if " " in q.strip()]),
    ):
        results.append(
            Result(
                f"search {label}: {name} (median)",
                _ms(statistics.median(ours[q] for q in subset)),
                _ms(statistics.median(floor[q] for q in subset)),
                unit="ms",
                note="for reference",
            )
        )
    return results


def _ms(seconds: float) -> float:
    return seconds * 1000


def _median_time(fn: Callable[[], object]) -> float:
    fn()  # warm the page cache and the statement cache
    times = []
    for _ in range(RUNS_PER_QUERY):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def search_database(size: int) -> Path:
    """The generated database of ``size`` contacts, built once and reused across runs."""
    cache = Path(os.environ.get("FIAC_BENCH_CACHE", "/tmp/fiac-press-desk-bench"))
    cache.mkdir(parents=True, exist_ok=True, mode=0o700)
    path = cache / f"search-{size}-{_shape_key()}.sqlite3"
    if path.exists():
        return path
    for stale in cache.glob(f"search-{size}-*.sqlite3*"):
        stale.unlink()
    part = path.with_name(path.name + ".part")
    part.unlink(missing_ok=True)
    db = Database(f"sqlite:///{part}")
    try:
        services = Services(db, actor="bench")
        records = generate_contacts(size)
        while chunk := [r for _, r in zip(range(10_000), records, strict=False)]:
            services.contacts.create_many(chunk)
        with db.engine.begin() as conn:
            conn.exec_driver_sql("ANALYZE")
            conn.exec_driver_sql("INSERT INTO contacts_fts(contacts_fts) VALUES ('optimize')")
    finally:
        db.dispose()
    shutil.move(part, path)
    return path


def _shape_key() -> str:
    """Changes whenever the schema, the generator or the search text would change."""
    root = Path(__file__).resolve().parents[1] / "fiac_press_desk"
    digest = hashlib.sha256(head_revision().encode())
    for name in ("services/demo_data.py", "storage/contact_record.py", "domain/text.py"):
        digest.update((root / name).read_bytes())
    return digest.hexdigest()[:12]
