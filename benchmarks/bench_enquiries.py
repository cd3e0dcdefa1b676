"""Enquiry benchmarks: the list the window reloads every minute, the dashboard, .eml parsing.

    python -m benchmarks --only enquiries                # 5 000 enquiries, 400 emails
    python -m benchmarks --only enquiries --size 500     # while developing

* ``enquiries.rows``: ``services.enquiries.rows()`` (every enquiry, urgency judged in Python,
  contacts' first emails fetched) against the floor: the bare ``sqlite3`` query of the same
  columns with the same joins, rows fetched as tuples.
* ``enquiries.rows search``: the same with a two-word search (folded, accents ignored).
* ``enquiries.dashboard``: the dashboard counts against the same floor.
* ``eml.parse``: ``interchange.eml.parse_eml`` of the test messages (encoded headers,
  multipart, Latin-1, HTML) against the standard library alone parsing them and asking for
  the plain body (``BytesParser(policy=default)`` + ``get_body``).

5 000 enquiries is ten years of a busy press desk.
"""

from __future__ import annotations

import random
import sqlite3
import tempfile
from datetime import UTC, datetime, timedelta
from email import policy
from email.parser import BytesParser
from pathlib import Path

from sqlalchemy import insert

from benchmarks.run import Result, best_of
from fiac_press_desk.interchange.eml import parse_eml
from fiac_press_desk.services import Services
from fiac_press_desk.services.demo_data import generate_contacts
from fiac_press_desk.services.enquiries import EnquiryFilter
from fiac_press_desk.storage.database import Database
from fiac_press_desk.storage.models import Enquiry, EnquiryEvent

SIZE = 5_000
EMAILS = 400
GOAL = 10.0
EML_DIR = Path(__file__).resolve().parents[1] / "tests" / "data" / "eml"
FLOOR_SQL = """
SELECT e.id, e.received_at, e.deadline, e.contact_id, c.display_name, c.given_name,
       c.family_name, o.name, e.subject, e.details, e.assignee, e.status, e.priority,
       e.request_type, e.channel, e.answered_at, e.outcome, e.response_notes, r.title
FROM enquiries e
LEFT JOIN contacts c ON c.id = e.contact_id
LEFT JOIN organisations o ON o.id = e.organisation_id
LEFT JOIN releases r ON r.id = e.release_id
ORDER BY CASE WHEN e.status IN ('new', 'in_progress') THEN 0 ELSE 1 END,
         e.deadline IS NULL, e.deadline, e.received_at DESC, e.id
"""


def _fill(services: Services, size: int) -> None:
    contact_ids = services.contacts.create_many(list(generate_contacts(300, seed=7)))
    rng = random.Random(2024)
    now = datetime.now(UTC)
    statuses = ["new", "in_progress", "answered", "declined", "closed"]
    rows = []
    for i in range(size):
        received = now - timedelta(hours=rng.randint(1, 24 * 365 * 10))
        # A desk closes what it answers: only the last fortnight's enquiries are still open.
        recent = now - received < timedelta(days=14)
        status = rng.choice(statuses) if recent else rng.choice(statuses[2:])
        deadline = received + timedelta(hours=rng.randint(1, 72)) if rng.random() < 0.8 else None
        answered = received + timedelta(hours=rng.randint(1, 48)) if status != "new" else None
        rows.append(
            {
                "received_at": received,
                "channel": rng.choice(["phone", "email", "social", "in_person", "web_form"]),
                "contact_id": rng.choice(contact_ids),
                "subject": f"Demande n° {i} sur les données de santé et l'IA en cancérologie",
                "request_type": rng.choice(["interview", "information", "figures"]),
                "details": "Questions sur le dépistage, les délais d'accès et les projets. " * 3,
                "deadline": deadline,
                "priority": rng.choice(["low", "normal", "high", "urgent"]),
                "assignee": rng.choice(["Pr Hélène Marchand", "Dr Karim Benali", ""]),
                "status": status,
                "answered_at": answered if status in ("answered", "closed") else None,
                "response_notes": "Réponse écrite envoyée." if answered else "",
                "created_at": received,
                "updated_at": received,
            }
        )
    with services.db.transaction() as session:
        ids = [
            r[0]
            for r in session.execute(
                insert(Enquiry).returning(Enquiry.id, sort_by_parameter_order=True), rows
            )
        ]
        session.execute(
            insert(EnquiryEvent),
            [
                {"enquiry_id": eid, "at": row["received_at"], "kind": "status", "to_status": "new"}
                for eid, row in zip(ids, rows, strict=True)
            ],
        )


def run(size: int | None) -> list[Result]:
    n = size or SIZE
    results: list[Result] = []
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.sqlite3"
        services = Services(Database(f"sqlite:///{path}"), actor="bench")
        try:
            _fill(services, n)
            raw = sqlite3.connect(path)
            try:
                floor = best_of(lambda: raw.execute(FLOOR_SQL).fetchall(), 5)
            finally:
                raw.close()
            listed = best_of(lambda: services.enquiries.rows(), 5)
            results.append(
                Result(f"enquiries.rows ({n})", listed, floor, goal=GOAL, note="all enquiries")
            )
            search = EnquiryFilter(search="donnees cancerologie")
            searched = best_of(lambda: services.enquiries.rows(search), 5)
            results.append(Result(f"enquiries.rows search ({n})", searched, floor, goal=GOAL))
            dashboard = best_of(lambda: services.enquiries.dashboard(), 5)
            results.append(Result(f"enquiries.dashboard ({n})", dashboard, floor, goal=GOAL))
        finally:
            services.close()
    messages = [p.read_bytes() for p in sorted(EML_DIR.glob("*.eml")) if "not_an" not in p.name]
    messages = [m for m in messages if b"From:" in m]
    count = max(len(messages), (size or EMAILS * 10) // 10)
    batch = (messages * (count // len(messages) + 1))[:count]

    def bare() -> None:
        for data in batch:
            message = BytesParser(policy=policy.default).parsebytes(data)
            body = message.get_body(preferencelist=("plain", "html"))  # type: ignore[attr-defined]
            if body is not None:
                try:
                    body.get_content()
                except LookupError:  # the fixture with an unknown charset
                    body.get_payload(decode=True)

    results.append(
        Result(
            f"eml.parse ({count} messages)",
            best_of(lambda: [parse_eml(d) for d in batch], 3),
            best_of(bare, 3),
            goal=2.0,
        )
    )
    return results
