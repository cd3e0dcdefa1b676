"""Duplicate finder: 100,000 contacts with 2% planted duplicates (benchmarks/duplicate_data.py).

    python -m benchmarks --only duplicates                 # 100k contacts
    python -m benchmarks --only duplicates --size 20000    # while developing

* ``duplicates.find``: ``services.duplicates.find()`` over the whole base (keys read, blocks,
  comparisons, groups, the members' details) against the floor: one pass reading the keys it
  needs with raw ``sqlite3`` (names and organisation of every contact, every e-mail key,
  every phone), rows fetched as tuples. Best of three each.
* quality, from the generator's truth (it knows which records are one person): *recall* is
  the share of planted pairs the finder reports as a pair (per kind in the note); a reported
  pair is *false* when its two contacts are two different people of the generator, *false
  pairs* is their share of every reported pair. Goals: recall >= 99%, false pairs <= 1%,
  time <= 5 s.

The database is generated once and cached in ``$FIAC_BENCH_CACHE`` (default
``/tmp/fiac-press-desk-bench``) with the truth beside it, keyed by the generator and schema.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
from collections import Counter
from pathlib import Path
from typing import Any

from benchmarks.duplicate_data import generate, iter_chunks
from benchmarks.run import Result, best_of
from fiac_press_desk.services import Services
from fiac_press_desk.services.duplicates import DuplicateGroup
from fiac_press_desk.storage.database import Database, head_revision

SIZE = 100_000
RATE = 0.02
GOAL = 25.0  # ratio to the floor; the absolute goal is 5 s at 100k
FLOOR_SQL = (
    "SELECT id, given_name, family_name, display_name, organisation_id FROM contacts",
    "SELECT contact_id, value_key FROM contact_emails",
    "SELECT contact_id, value, label FROM contact_phones",
)


def run(size: int | None) -> list[Result]:
    n = size or SIZE
    path, truth = planted_database(n)
    raw = sqlite3.connect(path)
    services = Services(Database(f"sqlite:///{path}"), actor="bench")
    groups: list[DuplicateGroup] = []

    def find() -> None:
        groups[:] = services.duplicates.find()

    floor = measured = float("inf")
    try:
        # In turns, best of each: a slow spell of the shared machine touches both.
        for _ in range(3):
            floor = min(floor, best_of(lambda: [raw.execute(q).fetchall() for q in FLOOR_SQL], 1))
            measured = min(measured, best_of(find, 1))
    finally:
        raw.close()
        services.close()
    quality = judge(groups, truth)
    return [
        Result(
            f"duplicates.find ({n}, {len(truth['pairs'])} planted)",
            measured,
            floor,
            goal=GOAL,
            note=f"{measured:.2f} s (goal <= 5 s); {quality['summary']}",
        ),
        Result(
            "duplicates recall by kind",
            quality["recall"],
            1.0,
            unit="",
            note=quality["by_kind"],
        ),
    ]


def judge(groups: list[DuplicateGroup], truth: dict[str, Any]) -> dict[str, Any]:
    """Recall on planted pairs and the share of false pairs, from the generator's truth."""
    person = {int(k): v for k, v in truth["person"].items()}
    reported = {(p.first_id, p.second_id) for g in groups for p in g.pairs}
    in_group = {cid: i for i, g in enumerate(groups) for cid in g.ids}
    found: Counter[str] = Counter()
    grouped = 0
    kinds: Counter[str] = Counter()
    for a, b, kind in truth["pairs"]:
        kinds[kind] += 1
        if (min(a, b), max(a, b)) in reported:
            found[kind] += 1
        if a in in_group and in_group.get(b) == in_group[a]:
            grouped += 1
    false = [pair for pair in reported if person[pair[0]] != person[pair[1]]]
    planted = len(truth["pairs"])
    recall = sum(found.values()) / planted if planted else 1.0
    share = len(false) / len(reported) if reported else 0.0
    by_kind = ", ".join(f"{k} {found[k]}/{kinds[k]}" for k in sorted(kinds))
    return {
        "recall": recall,
        "false_share": share,
        "false": false,
        "summary": (
            f"recall {100 * recall:.2f}% of {planted} planted pairs (grouped {grouped}); "
            f"false pairs {len(false)} of {len(reported)} reported ({100 * share:.2f}%); "
            f"{len(groups)} groups"
        ),
        "by_kind": by_kind,
    }


def planted_database(size: int) -> tuple[Path, dict[str, Any]]:
    """The generated database and its truth (ids of the planted pairs, person of each id),
    built once per shape and reused across runs."""
    cache = Path(os.environ.get("FIAC_BENCH_CACHE", "/tmp/fiac-press-desk-bench"))
    cache.mkdir(parents=True, exist_ok=True, mode=0o700)
    stem = f"duplicates-{size}-{_shape_key()}"
    path, truth_path = cache / f"{stem}.sqlite3", cache / f"{stem}.json"
    if path.exists() and truth_path.exists():
        return path, json.loads(truth_path.read_text())
    for stale in cache.glob(f"duplicates-{size}-*"):
        stale.unlink()
    planted = generate(size, RATE)
    part = path.with_name(path.name + ".part")
    db = Database(f"sqlite:///{part}")
    ids: list[int] = []
    try:
        services = Services(db, actor="bench")
        for chunk in iter_chunks(planted.records):
            ids += services.contacts.create_many(chunk)
        with db.engine.begin() as conn:
            conn.exec_driver_sql("ANALYZE")
    finally:
        db.dispose()
    truth = {
        "pairs": [(ids[a], ids[b], kind) for a, b, kind in planted.pairs],
        "person": {str(ids[i]): p for i, p in enumerate(planted.person)},
    }
    truth_path.write_text(json.dumps(truth))
    shutil.move(part, path)
    return path, truth


def _shape_key() -> str:
    here = Path(__file__).resolve().parent
    root = here.parent / "fiac_press_desk"
    digest = hashlib.sha256(head_revision().encode())
    for file in (here / "duplicate_data.py", root / "services/contacts.py"):
        digest.update(file.read_bytes())
    return digest.hexdigest()[:12]
