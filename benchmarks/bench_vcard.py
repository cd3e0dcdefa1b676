"""vCard import and export of generated contacts (with a few bad cards), against floors measured
in the same run.

- import: our parser + match + plan + one-batch write into an empty database, against a bare
  ``vobject.readComponents`` over the same file plus a raw ``sqlite3`` insert of the same rows
  (contacts, emails, phones). Goal: at most 1.3x.
- export: our exporter (fetch, 3.0 cards with every field, folded, written atomically) against a
  raw ``sqlite3`` select of the same rows written as minimal cards.
- memory: tracemalloc peak while the parser streams the whole file, against the file's size
  (the file is never held whole, nor its cards twice); RSS of the process at the end.
- responsiveness: the longest gap of a 10 ms QTimer heartbeat while the import window reads,
  previews and writes the same file (``ImportDialog``), against the 100 ms budget.

    python -m benchmarks --only vcard --size 5000
"""

from __future__ import annotations

import os
import resource
import sqlite3
import tempfile
import time
import tracemalloc
from pathlib import Path

import vobject

from benchmarks.run import Result, best_of
from fiac_press_desk.domain.contact import ContactData
from fiac_press_desk.interchange.exporters import ExportOptions, export_contacts
from fiac_press_desk.interchange.pipeline import apply_plan, build_plan
from fiac_press_desk.interchange.vcard_export import CardWriter
from fiac_press_desk.interchange.vcard_import import parse_vcard_file
from fiac_press_desk.services.contact_queries import ContactFilter
from fiac_press_desk.services.demo_data import generate_contacts
from fiac_press_desk.services.hub import Services
from fiac_press_desk.storage.database import Database

DEFAULT_SIZE = 50_000
BAD_EVERY = 5_000
BAD_CARDS = (
    b"BEGIN:VCARD\r\nVERSION:3.0\r\nEND:VCARD\r\n",  # nothing in it: refused
    b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Sans Adresse\r\nEMAIL:pas une adresse\r\n"
    b"BDAY:circa 1900\r\nEND:VCARD\r\n",  # read, with warnings
)


def write_file(path: Path, contacts: list[ContactData]) -> int:
    """The contacts as vCard 3.0, a bad card every BAD_EVERY; returns the number of cards."""
    writer = CardWriter("3.0")
    cards = 0
    with path.open("wb") as out:
        for i, data in enumerate(contacts):
            out.write(writer.card(data))
            cards += 1
            if i % BAD_EVERY == BAD_EVERY - 1:
                out.write(BAD_CARDS[(i // BAD_EVERY) % 2])
                cards += 1
    return cards


def vobject_floor(path: Path) -> float:
    def parse() -> None:
        with path.open(encoding="utf-8") as handle:
            for _ in vobject.readComponents(handle):
                pass

    return best_of(parse, repeat=1)


def raw_insert_floor(folder: Path, contacts: list[ContactData]) -> float:
    def insert() -> None:
        db = folder / "raw.sqlite3"
        db.unlink(missing_ok=True)
        con = sqlite3.connect(db)
        con.executescript(
            "CREATE TABLE contacts (id INTEGER PRIMARY KEY, uid TEXT, given TEXT, family TEXT,"
            " org TEXT, title TEXT, notes TEXT);"
            "CREATE TABLE emails (contact_id INTEGER, value TEXT, label TEXT);"
            "CREATE TABLE phones (contact_id INTEGER, value TEXT, label TEXT);"
        )
        with con:
            con.executemany(
                "INSERT INTO contacts VALUES (?, ?, ?, ?, ?, ?, ?)",
                [
                    (i, c.uid, c.given_name, c.family_name, c.organization, c.job_title, c.notes)
                    for i, c in enumerate(contacts, 1)
                ],
            )
            con.executemany(
                "INSERT INTO emails VALUES (?, ?, ?)",
                [(i, e.value, e.label) for i, c in enumerate(contacts, 1) for e in c.emails],
            )
            con.executemany(
                "INSERT INTO phones VALUES (?, ?, ?)",
                [(i, p.value, p.label) for i, c in enumerate(contacts, 1) for p in c.phones],
            )
        con.close()

    return best_of(insert, repeat=1)


def raw_export_floor(folder: Path) -> float:
    def export() -> None:
        con = sqlite3.connect(folder / "raw.sqlite3")
        with (folder / "raw.vcf").open("w", encoding="utf-8") as out:
            for uid, given, family, org in con.execute(
                "SELECT uid, given, family, org FROM contacts"
            ):
                out.write(
                    f"BEGIN:VCARD\r\nVERSION:3.0\r\nUID:{uid}\r\nFN:{given} {family}\r\n"
                    f"N:{family};{given};;;\r\nORG:{org}\r\nEND:VCARD\r\n"
                )
            for _row in con.execute("SELECT contact_id, value, label FROM emails"):
                pass
            for _row in con.execute("SELECT contact_id, value, label FROM phones"):
                pass
        con.close()

    return best_of(export, repeat=1)


def our_import(path: Path, db: Path) -> tuple[float, Services, int]:
    services = Services(Database(f"sqlite:///{db}"), actor="bench")
    start = time.perf_counter()
    plan = build_plan(services, parse_vcard_file(path), sources=[str(path)], format="vcard")
    result = apply_plan(services, plan)
    return time.perf_counter() - start, services, result.created


def parse_peak(path: Path) -> float:
    """Peak Python memory (MB) while the parser streams every card of the file."""
    tracemalloc.start()
    try:
        for _ in parse_vcard_file(path):
            pass
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return peak / 1e6


def window_stall(path: Path, db: Path) -> float:
    """Longest gap (s) of a 10 ms heartbeat while the import window reads, shows the plan
    and writes ``path``."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from fiac_press_desk.ui.dialogs.import_dialog import FileSource, ImportDialog

    app = QApplication.instance() or QApplication([])
    services = Services(Database(f"sqlite:///{db}"), actor="bench")
    dialog = ImportDialog(services, [FileSource(path)])
    dialog.show()
    gaps = [0.0]
    last = [time.perf_counter()]

    def beat() -> None:
        now = time.perf_counter()
        gaps[0] = max(gaps[0], now - last[0])
        last[0] = now

    heartbeat = QTimer()
    heartbeat.setInterval(10)
    heartbeat.timeout.connect(beat)
    loop = QEventLoop()

    def wait_for(page: int) -> None:
        check = QTimer()
        check.setInterval(20)
        check.timeout.connect(lambda: loop.quit() if dialog.pages.currentIndex() == page else None)
        check.start()
        loop.exec()
        check.stop()

    heartbeat.start()
    last[0] = time.perf_counter()
    dialog.start()
    wait_for(dialog.PAGE_PREVIEW)
    dialog.table.scrollToBottom()
    dialog.apply()
    wait_for(dialog.PAGE_SUMMARY)
    heartbeat.stop()
    dialog.close()
    services.close()
    app.processEvents()
    return gaps[0]


def run(size: int | None = None) -> list[Result]:
    count = size or DEFAULT_SIZE
    folder = Path(tempfile.mkdtemp(prefix="bench-vcard-"))
    contacts = list(generate_contacts(count))
    for i, data in enumerate(contacts):
        data.uid = f"urn:uuid:00000000-0000-4000-8000-{i:012d}"
    path = folder / "contacts.vcf"
    cards = write_file(path, contacts)
    megabytes = path.stat().st_size / 1e6

    floor = vobject_floor(path) + raw_insert_floor(folder, contacts)
    measured, services, created = our_import(path, folder / "import.sqlite3")
    results = [
        Result(
            f"vcard import {cards} cards ({megabytes:.0f} MB)",
            measured,
            floor,
            goal=1.3,
            note=f"{created} created; floor: vobject.readComponents + raw sqlite3 insert",
        )
    ]

    ids = services.contact_queries.ids(ContactFilter(archived=None))
    start = time.perf_counter()
    exported = export_contacts(services, ids, "vcard", folder / "export.vcf", ExportOptions())
    export_time = time.perf_counter() - start
    services.close()
    results.append(
        Result(
            f"vcard export {exported} contacts (3.0)",
            export_time,
            raw_export_floor(folder),
            note="floor: raw sqlite3 select + minimal cards",
        )
    )

    results.append(
        Result(
            "vcard parse peak memory (tracemalloc)",
            parse_peak(path),
            megabytes,
            unit="MB",
            note="floor: the file's size; streamed, never held whole",
        )
    )
    stall = window_stall(path, folder / "window.sqlite3")
    results.append(
        Result(
            "import window: longest event-loop stall",
            stall,
            0.1,
            goal=1.0,
            note="10 ms heartbeat during read, preview and write; floor: the 100 ms budget",
        )
    )
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    results.append(
        Result("process peak RSS after all of the above", rss, megabytes, unit="MB", note="")
    )
    return results
