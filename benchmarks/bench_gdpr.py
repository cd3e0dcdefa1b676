"""GDPR benchmarks: an erasure in a large base, the suppression check of an import, a dossier.

    python -m benchmarks --only gdpr                 # 50 000 contacts
    python -m benchmarks --only gdpr --size 5000     # while developing

* ``gdpr.erase``: ``services.gdpr.erasure.erase(id)`` of one person (audit scrubbed, other
  records searched, suppression list, then the file cleaned) against the floor: the bare
  ``sqlite3`` cleaning of the same file after deleting the row (FTS5 'rebuild', VACUUM, WAL
  checkpoint TRUNCATE): what any erasure that leaves nothing readable has to pay.
* ``gdpr.import with a suppression list``: ``build_plan`` of 10 000 records (one in ten on
  the list of 2 000 erased addresses) against the same plan with an empty list.
* ``gdpr.dossier``: ``services.gdpr.access.dossier(id)`` against the bare ``sqlite3`` reads
  of the person's rows in every table that references a contact.
"""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
from pathlib import Path

from benchmarks.run import Result, best_of
from fiac_press_desk.domain.contact import ContactData, EmailAddress
from fiac_press_desk.interchange.pipeline import build_plan
from fiac_press_desk.interchange.records import ImportRecord, SourcePlace
from fiac_press_desk.services import Services
from fiac_press_desk.services.demo_data import generate_contacts
from fiac_press_desk.services.gdpr_references import contact_references
from fiac_press_desk.services.gdpr_suppression import add_to_list
from fiac_press_desk.storage.database import Database

SIZE = 50_000
RECORDS = 10_000


def run(size: int | None) -> list[Result]:
    n = size or SIZE
    results: list[Result] = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        template = folder / "template.sqlite3"
        services = Services(Database(f"sqlite:///{template}"), actor="bench")
        ids = services.contacts.create_many(list(generate_contacts(n, seed=11)))
        victim = ids[len(ids) // 2]
        services.contacts.add_tags(ids[: n // 10], ["Santé"])  # a bulk audit entry naming many
        dossier = best_of(lambda: services.gdpr.access.dossier(victim), 3)
        services.close()
        raw = sqlite3.connect(template)
        reads = [
            (str(ref.rows_of(victim).compile(compile_kwargs={"literal_binds": True})))
            for ref in contact_references()
        ]
        # The floor reads the audit log the way the dossier must (its details name people).
        reads.append(f"SELECT * FROM audit_log WHERE details LIKE '%{victim}%'")
        floor = best_of(lambda: [raw.execute(sql).fetchall() for sql in reads], 3)
        raw.close()
        results.append(
            Result(
                f"gdpr.dossier ({n} contacts)",
                dossier,
                floor,
                note="one person: the absolute time is what counts (floor: bare reads)",
            )
        )
        results.append(_erase(folder, template, victim, n))
        results.append(_import(folder))
    return results


def _erase(folder: Path, template: Path, victim: int, n: int) -> Result:
    """Each measure on a fresh copy of the same base (an erasure cannot be run twice)."""

    def copy() -> Path:
        target = folder / "work.sqlite3"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{target}{suffix}").unlink(missing_ok=True)
        shutil.copyfile(template, target)
        return target

    measured = float("inf")
    floor = float("inf")
    for _ in range(2):
        path = copy()
        services = Services(Database(f"sqlite:///{path}"), actor="bench")
        measured = min(measured, best_of(lambda s=services: s.gdpr.erasure.erase(victim), 1))
        services.close()
        path = copy()
        conn = sqlite3.connect(path, isolation_level=None)
        conn.execute("PRAGMA journal_mode = WAL")

        def bare(c: sqlite3.Connection = conn) -> None:
            c.execute("PRAGMA foreign_keys = ON")
            c.execute("DELETE FROM contacts WHERE id = ?", (victim,))
            c.execute("INSERT INTO contacts_fts(contacts_fts) VALUES ('rebuild')")
            c.execute("VACUUM")
            c.execute("PRAGMA wal_checkpoint(TRUNCATE)")

        floor = min(floor, best_of(bare, 1))
        conn.close()
    return Result(f"gdpr.erase ({n} contacts)", measured, floor, goal=2.0)


def _import(folder: Path) -> Result:
    path = folder / "import.sqlite3"
    services = Services(Database(f"sqlite:///{path}"), actor="bench")
    records = [
        ImportRecord(
            ContactData(family_name=f"Nom{i}", emails=[EmailAddress(f"p{i}@example.org")]),
            SourcePlace("in.vcf", line=i),
        )
        for i in range(RECORDS)
    ]

    def plan() -> None:
        build_plan(services, iter(records), sources=["in.vcf"], format="vcard")

    empty = best_of(plan, 3)
    with services.db.transaction() as session:
        add_to_list(session, [f"p{i}@example.org" for i in range(0, 20_000, 10)], [])
    listed = best_of(plan, 3)
    services.close()
    return Result(
        f"gdpr.import with a suppression list ({RECORDS} records)",
        listed,
        empty,
        goal=1.2,
        note="floor: the same plan, empty list",
    )
