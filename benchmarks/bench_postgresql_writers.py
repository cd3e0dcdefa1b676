"""Five desks writing at once on PostgreSQL (issue 14): lost updates (must be 0), throughput.

    FIAC_BENCH_POSTGRES_URL=... python -m benchmarks --only postgresql_writers
    FIAC_BENCH_WRITERS_SECONDS=60 (default 20)

Each writer process loops for the given time: opens one of 20 contacts for editing
(``get_for_edit``), appends a token of its own to the notes and saves with the version read;
a refusal (``StaleEditError``) is counted and the edit redone on a fresh copy. At the end
every token a writer was told was saved must be in its contact's notes: a missing one is a
lost update. The floor is one writer alone for the same time (saves per second); the ratio
is how much five writers' throughput falls short of five times one (1.0 = perfect scaling).
"""

from __future__ import annotations

import multiprocessing
import os
import random
import time
from dataclasses import replace

from benchmarks.bench_postgresql import _database, server_url
from benchmarks.run import Result
from fiac_press_desk.domain.contact import ContactData
from fiac_press_desk.services import Services
from fiac_press_desk.services.edit_conflicts import StaleEditError
from fiac_press_desk.storage.database import Database

CONTACTS = 20
WRITERS = 5


def _writer(url: str, ids: list[int], name: str, seconds: float) -> tuple[list[str], int]:
    db = Database(url, migrate=False)
    contacts = Services(db, actor=name).contacts
    rng = random.Random(name)
    saved: list[str] = []
    refused = 0
    end = time.monotonic() + seconds
    n = 0
    while time.monotonic() < end:
        cid = rng.choice(ids)
        n += 1
        token = f"{name}-{n}"
        while True:
            data, version = contacts.get_for_edit(cid)
            try:
                contacts.update(cid, replace(data, notes=f"{data.notes} {token}"), version=version)
                saved.append(f"{cid}:{token}")
                break
            except StaleEditError:
                refused += 1
    db.dispose()
    return saved, refused


def _round(url: str, writers: int, seconds: float) -> tuple[int, int, int]:
    """(saves, refusals, lost updates) of ``writers`` processes for ``seconds``."""
    db = Database(url)
    services = Services(db, actor="bench")
    ids = services.contacts.create_many([ContactData(given_name=f"W{i}") for i in range(CONTACTS)])
    spawn = multiprocessing.get_context("spawn")
    with spawn.Pool(writers) as pool:
        runs = [pool.apply_async(_writer, (url, ids, f"w{i}", seconds)) for i in range(writers)]
        results = [r.get(timeout=seconds + 120) for r in runs]
    notes = {c.id: c.notes.split() for c in services.contacts.get_many(ids)}
    db.dispose()
    saved = [s for r in results for s in r[0]]
    lost = sum(1 for s in saved if s.split(":", 1)[1] not in notes[int(s.split(":")[0])])
    return len(saved), sum(r[1] for r in results), lost


def run(size: int | None = None) -> list[Result]:
    url = server_url()
    if url is None:
        print("bench_postgresql_writers: FIAC_BENCH_POSTGRES_URL is not set; nothing measured")
        return []
    seconds = float(os.environ.get("FIAC_BENCH_WRITERS_SECONDS", "20"))
    with _database(url) as (one_url, _):
        alone, _, lost_alone = _round(one_url, 1, seconds)
    with _database(url) as (many_url, _):
        saves, refused, lost = _round(many_url, WRITERS, seconds)
    per_second = saves / seconds
    floor = WRITERS * alone / seconds
    return [
        Result(
            f"pg {WRITERS} writers {seconds:g}s saves/s vs 5x one writer",
            per_second,
            floor,
            unit="/s",
            note=f"saves {saves}, refused and redone {refused}, lost updates {lost + lost_alone}",
        )
    ]
