"""Two imports of one file at the same moment create nobody twice (issue 18: 15,000
duplicates): the plan is made outside the write transaction, so ``ImportService.apply``
checks it again once it holds the write lock."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from fiac_press_desk.domain.contact import ContactData, EmailAddress
from fiac_press_desk.domain.messages import set_language
from fiac_press_desk.interchange.pipeline import apply_plan, build_plan
from fiac_press_desk.interchange.records import ImportRecord, SourcePlace
from fiac_press_desk.services import Services
from fiac_press_desk.services.contact_queries import ContactFilter
from fiac_press_desk.storage.database import Database


def records(count: int) -> list[ImportRecord]:
    out = []
    for i in range(count):
        data = ContactData(
            given_name=f"Given{i}",
            family_name=f"Family{i}",
            organization="Le Quotidien" if i % 3 == 0 else "",
            emails=[EmailAddress(f"p{i}@example.org")] if i % 3 != 2 else [],
            uid=f"urn:uuid:race-{i}" if i % 3 == 2 else "",
        )
        out.append(ImportRecord(data, SourcePlace("same.vcf", line=1 + 6 * i)))
    return out


def count(services: Services) -> int:
    return services.contact_queries.count(ContactFilter(archived=None))


def test_two_plans_made_before_either_is_written_create_each_person_once(
    services: Services,
) -> None:
    set_language("en")
    first = build_plan(services, records(30), sources=["same.vcf"], format="vcard")
    second = build_plan(services, records(30), sources=["same.vcf"], format="vcard")
    assert first.counts()["new"] == second.counts()["new"] == 30
    assert apply_plan(services, first).created == 30
    result = apply_plan(services, second)
    assert result.created == 0 and result.skipped == 30 and result.batch_id is None
    assert count(services) == 30
    place, warning = result.warnings[0]
    assert str(place) == "same.vcf:1"
    assert warning.startswith("created meanwhile by another import (contact ")


def test_a_create_decided_against_a_known_contact_is_still_written(services: Services) -> None:
    """Only what was created after the plan is checked again: "create them anyway" for a
    duplicate the plan showed stays a decision the user made."""
    apply_plan(services, build_plan(services, records(3), sources=["a.vcf"], format="vcard"))
    again = build_plan(
        services, records(3), sources=["a.vcf"], format="vcard", on_duplicate="create"
    )
    assert apply_plan(services, again).created == 2  # the UID one is an update, the rest new
    assert count(services) == 5


def _vcf(path: Path, count: int) -> None:
    with path.open("w", encoding="utf-8", newline="") as out:
        for i in range(count):
            out.write(
                "BEGIN:VCARD\r\nVERSION:3.0\r\n"
                f"N:Family{i};Given{i};;;\r\nFN:Given{i} Family{i}\r\n"
                f"EMAIL:p{i}@example.org\r\nORG:Le Quotidien\r\nEND:VCARD\r\n"
            )


def test_two_processes_import_the_same_file_at_once(tmp_path: Path, db: Database) -> None:
    source = tmp_path / "same.vcf"
    _vcf(source, 3000)
    env = dict(os.environ, FIAC_PRESS_DESK_DATA_DIR=str(tmp_path / "userdata"))
    argv = [sys.executable, "-m", "fiac_press_desk", "--lang", "en", "--db", db.url]
    procs = [
        subprocess.Popen(
            [*argv, "import", str(source)],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            stdin=subprocess.DEVNULL,
        )
        for _ in range(2)
    ]
    outputs = [p.communicate(timeout=300) for p in procs]
    codes = [p.returncode for p in procs]
    assert codes == [0, 0], outputs
    assert b"Traceback" not in b"".join(err for _, err in outputs)
    services = Services(db, actor="test")
    assert count(services) == 3000
    # one of them wrote them all; the other found them (planned new: skipped with a word,
    # or planned after the first had written: duplicates, skipped and reported)
    summaries = sorted(out.decode().splitlines()[-1] for out, _ in outputs)
    assert any("3000 created" in s for s in summaries), summaries
    assert any(s.startswith("import: 0 created") for s in summaries), summaries
    # and said why for each record it did not write
    loser = next(err for out, err in outputs if b"import: 0 created" in out).decode()
    said = loser.count("created meanwhile by another import") + loser.count("skipped, probable")
    assert said == 3000
