"""Five desks writing at once on PostgreSQL (issue 14): lost updates and double sends (both
must be 0), throughput.

    FIAC_BENCH_POSTGRES_URL=... python -m benchmarks --only postgresql_writers
    FIAC_BENCH_WRITERS_SECONDS=60 (default 20)

Sends: ten releases are queued before the run, each to 300 of 600 recipients (they overlap).
Every two seconds each desk sends the queue of the release of that moment (the same release
for all five, so they race for the same lines: ``FOR UPDATE SKIP LOCKED``), to a local SMTP
server (aiosmtpd, in this process) that counts the messages by their Message-ID (release and
contact). A Message-ID received twice is a double send; every line the ledger says sent must
have arrived.

Each writer process loops for the given time: opens one of 20 contacts for editing
(``get_for_edit``), appends a token of its own to the notes and saves with the version read;
a refusal (``StaleEditError``) is counted and the edit redone on a fresh copy. At the end
every token a writer was told was saved must be in its contact's notes: a missing one is a
lost update. The floor is one desk alone doing the same (edits and sends) for the same time
(saves per second); the ratio is how much five desks' throughput falls short of five times
one (1.0 = perfect scaling).
"""

from __future__ import annotations

import multiprocessing
import os
import random
import re
import socket
import time
from collections import Counter
from dataclasses import replace
from typing import Any

from benchmarks.bench_postgresql import _database, server_url
from benchmarks.run import Result
from fiac_press_desk.domain.contact import ContactData, EmailAddress
from fiac_press_desk.services import Services
from fiac_press_desk.services.edit_conflicts import StaleEditError
from fiac_press_desk.services.releases import ReleaseData
from fiac_press_desk.services.sending import Security, SmtpSettings
from fiac_press_desk.storage.database import Database

CONTACTS = 20
WRITERS = 5
RELEASES = 10
RECIPIENTS = 600
PER_RELEASE = 300
SEND_EVERY = 2.0  # seconds between two sends of one desk


def _writer(
    url: str, ids: list[int], name: str, seconds: float, releases: list[int]
) -> tuple[list[str], int, int]:
    """(tokens saved, refusals, messages sent) of one desk."""
    db = Database(url, migrate=False)
    services = Services(db, actor=name)
    contacts = services.contacts
    rng = random.Random(name)
    saved: list[str] = []
    refused = sent = 0
    start = time.monotonic()
    end = start + seconds
    next_send = start + SEND_EVERY
    n = 0
    while time.monotonic() < end:
        if releases and time.monotonic() >= next_send:
            # the release of this moment, the same for every desk
            which = min(
                int((time.monotonic() - start) / seconds * len(releases)), len(releases) - 1
            )
            sent += services.sending.send_queued(releases[which], pace_seconds=0.0).sent
            next_send = time.monotonic() + SEND_EVERY
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
    return saved, refused, sent


class _Counter:
    """The SMTP server's handler: how many times each (release, contact) arrived."""

    def __init__(self) -> None:
        self.seen: Counter[str] = Counter()

    async def handle_DATA(self, server: object, session: object, envelope: Any) -> str:
        content = envelope.content.decode("utf-8", "replace")
        for line in content.splitlines():
            if line.lower().startswith("message-id:"):
                found = re.search(r"fiac\.r\d+\.c\d+", line)
                self.seen[found.group(0) if found else line] += 1
                break
        return "250 OK"


def _queue_releases(services: Services, host: str, port: int) -> list[int]:
    people = services.contacts.create_many(
        [
            ContactData(
                given_name=f"Prénom{i}",
                family_name=f"Nom{i}",
                emails=[EmailAddress(f"p{i}@example.org", "work")],
            )
            for i in range(RECIPIENTS)
        ]
    )
    services.sending.save_settings(
        SmtpSettings(
            host=host,
            port=port,
            security=Security.NONE,
            sender_name="Presse FIAC",
            sender_address="presse@example.fr",
            pace_seconds=0.0,
            timeout=30.0,
        )
    )
    rng = random.Random(14)
    releases = []
    for r in range(RELEASES):
        rid = services.releases.create(
            ReleaseData(title=f"Communiqué {r}", summary="Une journée d'échanges.", body="Texte.")
        )
        services.sending.queue(rid, rng.sample(people, PER_RELEASE))
        releases.append(rid)
    return releases


def _round(
    url: str, writers: int, seconds: float, smtp: tuple[str, int, _Counter] | None = None
) -> dict[str, int]:
    """Saves, refusals and lost updates of ``writers`` processes for ``seconds``; with
    ``smtp`` they also send, and the messages, double sends and unreceived sends are counted."""
    db = Database(url)
    services = Services(db, actor="bench")
    ids = services.contacts.create_many([ContactData(given_name=f"W{i}") for i in range(CONTACTS)])
    releases = _queue_releases(services, smtp[0], smtp[1]) if smtp else []
    spawn = multiprocessing.get_context("spawn")
    with spawn.Pool(writers) as pool:
        runs = [
            pool.apply_async(_writer, (url, ids, f"w{i}", seconds, releases))
            for i in range(writers)
        ]
        results = [r.get(timeout=seconds + 300) for r in runs]
    notes = {c.id: c.notes.split() for c in services.contacts.get_many(ids)}
    saved = [s for r in results for s in r[0]]
    out = {
        "saves": len(saved),
        "refused": sum(r[1] for r in results),
        "lost": sum(1 for s in saved if s.split(":", 1)[1] not in notes[int(s.split(":")[0])]),
        "sent": sum(r[2] for r in results),
    }
    if smtp is not None:
        seen = smtp[2].seen
        ledger = sum(services.sending.state(rid).sent for rid in releases)
        out |= {
            "received": sum(seen.values()),
            "double": sum(n - 1 for n in seen.values() if n > 1),
            "ledger": ledger,
        }
    db.dispose()
    return out


def run(size: int | None = None) -> list[Result]:
    url = server_url()
    if url is None:
        print("bench_postgresql_writers: FIAC_BENCH_POSTGRES_URL is not set; nothing measured")
        return []
    from aiosmtpd.controller import Controller

    seconds = float(os.environ.get("FIAC_BENCH_WRITERS_SECONDS", "20"))
    rounds = {}
    for writers in (1, WRITERS):  # one desk alone, then five, each editing and sending
        counter = _Counter()
        with socket.socket() as probe:  # a free port (aiosmtpd checks its server by connecting)
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        controller = Controller(counter, hostname="127.0.0.1", port=port)
        controller.start()
        try:
            with _database(url) as (fresh_url, _):
                rounds[writers] = _round(fresh_url, writers, seconds, ("127.0.0.1", port, counter))
        finally:
            controller.stop()
    alone, many = rounds[1], rounds[WRITERS]
    floor = WRITERS * alone["saves"] / seconds
    return [
        Result(
            f"pg {WRITERS} writers {seconds:g}s saves/s vs 5x one writer",
            many["saves"] / seconds,
            floor,
            unit="/s",
            note=(
                f"saves {many['saves']}, refused and redone {many['refused']}, lost updates "
                f"{many['lost'] + alone['lost']}; while sending {RELEASES} releases x "
                f"{PER_RELEASE}: sent {many['sent']}, received {many['received']}, double sends "
                f"{many['double'] + alone['double']}, ledger says sent {many['ledger']} "
                f"(one desk alone: {alone['saves']} saves, {alone['sent']} sent)"
            ),
        )
    ]
