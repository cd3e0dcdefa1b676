"""Distribution benchmark: record one release for 20 000 contacts, then open its recipients.

    python -m benchmarks --only distribution                # 20k contacts
    python -m benchmarks --only distribution --size 2000    # while developing

* ``record + open``: ``services.distributions.record`` of one release to every contact (the
  skip rules re-checked in the transaction: opted out, archived, already received, address,
  duplicate mailbox; one executemany; audit) followed by what opening the release's
  Recipients tab costs: ``distributions.recipients_of`` (the ledger joined to contacts and
  outlets) loaded into ``RecipientLedgerModel``. Floor: the very same distribution rows
  (read back from the measured run) inserted with raw ``sqlite3.executemany`` into the same
  table of the same database (same indexes and unique constraint), in one transaction.
* The two halves are also reported alone against the same floor.

Each repetition records a new release (created beforehand, untimed) so that no run finds the
rows of the previous one.
"""

from __future__ import annotations

import sqlite3
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from benchmarks.run import Result
from fiac_press_desk.domain.enums import DistributionChannel
from fiac_press_desk.services import Services
from fiac_press_desk.services.demo_data import generate_contacts
from fiac_press_desk.services.releases import ReleaseData

SIZE = 20_000
REPEAT = 3
GOAL = 15.0
COLUMNS = (
    "release_id",
    "contact_id",
    "address",
    "channel",
    "status",
    "sent_at",
    "error",
    "message_id",
    "created_at",
)


def run(size: int | None = None) -> list[Result]:
    n = size or SIZE
    from PySide6.QtCore import QCoreApplication

    from fiac_press_desk.ui.qtmodels.recipient_ledger_model import RecipientLedgerModel

    app = QCoreApplication.instance() or QCoreApplication([])  # the model needs one
    with tempfile.TemporaryDirectory(prefix="bench-distribution-") as folder:
        path = Path(folder) / "bench.sqlite3"
        services = Services.open(f"sqlite:///{path}", actor="bench")
        try:
            ids = services.contacts.create_many(list(generate_contacts(n)))
            at = datetime(2024, 1, 31, 8, 30, tzinfo=UTC)
            model = RecipientLedgerModel()
            record_times, open_times, both_times, floor_times = [], [], [], []
            recorded = 0
            for attempt in range(REPEAT):
                release_id = services.releases.create(ReleaseData(title=f"Bench {attempt}"))
                start = time.perf_counter()
                result = services.distributions.record(
                    release_id, ids, at, DistributionChannel.EMAIL
                )
                middle = time.perf_counter()
                model.set_lines(services.distributions.recipients_of(release_id))
                rows = model.rowCount()
                end = time.perf_counter()
                assert rows == result.recorded
                recorded = result.recorded
                record_times.append(middle - start)
                open_times.append(end - middle)
                both_times.append(end - start)
                floor_times.append(_raw_insert(path, services, release_id))
        finally:
            services.close()
    del app
    floor = min(floor_times)
    note = f"{recorded} of {n} contacts recorded (the rest skipped by the rules)"
    return [
        Result(f"distribution: record {n} + open recipients", min(both_times), floor, goal=GOAL,
               note=note),
        Result(f"distribution: record {n} (service)", min(record_times), floor),
        Result(f"distribution: open recipients of {n} (model)", min(open_times), floor),
    ]  # fmt: skip


def _raw_insert(path: Path, services: Services, release_id: int) -> float:
    """Time raw executemany of the rows just recorded, as another release's rows."""
    other = services.releases.create(ReleaseData(title=f"Floor for {release_id}"))
    services.db.dispose()  # let the raw connection write without waiting for a pooled one
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        rows = [
            (other, *row[1:])
            for row in conn.execute(
                f"SELECT {', '.join(COLUMNS)} FROM distributions WHERE release_id = ?",
                (release_id,),
            )
        ]
        placeholders = ", ".join("?" for _ in COLUMNS)
        start = time.perf_counter()
        conn.execute("BEGIN")
        conn.executemany(
            f"INSERT INTO distributions ({', '.join(COLUMNS)}) VALUES ({placeholders})", rows
        )
        conn.execute("COMMIT")
        return time.perf_counter() - start
    finally:
        conn.close()
