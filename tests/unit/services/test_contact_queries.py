"""The contacts table: filters, sort in both directions, pages, and the row contents."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest

from fiac_press_desk.domain.contact import ContactData, EmailAddress, OrganisationData, Phone
from fiac_press_desk.domain.enums import ContactKind, OrganisationType
from fiac_press_desk.services import Services
from fiac_press_desk.services.contact_queries import ContactFilter, SortKey
from fiac_press_desk.storage.models import Distribution, Release


@dataclass
class Desk:
    services: Services
    ids: dict[str, int]
    lists: dict[str, int]
    tags: dict[str, int]
    orgs: dict[str, int]


@pytest.fixture
def desk(services: Services) -> Desk:
    for name, kind in [
        ("Le Monde", OrganisationType.DAILY_PRESS),
        ("France Inter", OrganisationType.RADIO),
        ("Institut Curie", OrganisationType.RESEARCH_INSTITUTE),
    ]:
        services.organisations.create(OrganisationData(name=name, kind=kind))
    people = [
        (
            "eloise",
            ContactData(
                given_name="Éloïse",
                family_name="Lefèvre",
                organization="Le Monde",
                job_title="Reporter",
                tags=["VIP", "Santé"],
                lists=["Presse"],
                emails=[EmailAddress("eloise@example.fr"), EmailAddress("e2@example.fr")],
                phones=[Phone("0612345678"), Phone("0140000000")],
            ),
        ),
        (
            "bruno",
            ContactData(
                given_name="Bruno",
                family_name="Abadie",
                organization="France Inter",
                job_title="Chroniqueur",
                tags=["Santé"],
                lists=["Presse", "Radio"],
            ),
        ),
        (
            "claire",
            ContactData(
                kind=ContactKind.PARTNER,
                given_name="Claire",
                family_name="Zeller",
                organization="Institut Curie",
                job_title="Chercheuse",
            ),
        ),
        (
            "dora",
            ContactData(
                kind=ContactKind.OTHER,
                given_name="Dora",
                family_name="Émery",
                opted_out=True,
                opted_out_reason="stop",
            ),
        ),
        (
            "ernest",
            ContactData(
                given_name="Ernest",
                family_name="Martin",
                organization="Le Monde",
                archived=True,
                job_title="Archiviste",
            ),
        ),
        ("rédaction", ContactData(emails=[EmailAddress("redaction@example.org")])),
    ]
    ids = {}
    for key, data in people:
        ids[key] = services.contacts.create(data)
    return Desk(
        services,
        ids,
        {g.name: g.id for g in services.lists.all()},
        {t.name: t.id for t in services.tags.all()},
        {o.name: o.id for o in services.organisations.all()},
    )


def names(desk: Desk, flt: ContactFilter, **kwargs: object) -> list[str]:
    by_id = {v: k for k, v in desk.ids.items()}
    return [by_id[i] for i in desk.services.contact_queries.ids(flt, **kwargs)]  # type: ignore[arg-type]


def test_default_hides_archived_and_sorts_by_folded_name(desk: Desk) -> None:
    # Abadie, Émery (É sorts as E), Lefèvre, redaction@ (no name: its email), Zeller.
    assert names(desk, ContactFilter()) == ["bruno", "dora", "eloise", "rédaction", "claire"]
    assert desk.services.contact_queries.count(ContactFilter()) == 5
    assert desk.services.contact_queries.count(ContactFilter(archived=None)) == 6


@pytest.mark.parametrize(
    ("flt", "expected"),
    [
        (ContactFilter(kind="journalist"), ["bruno", "eloise", "rédaction"]),
        (ContactFilter(kind="partner"), ["claire"]),
        (ContactFilter(kind="other"), ["dora"]),
        (ContactFilter(opted_out=True), ["dora"]),
        (ContactFilter(opted_out=False), ["bruno", "eloise", "rédaction", "claire"]),
        (ContactFilter(archived=True), ["ernest"]),
        (
            ContactFilter(archived=None, kind="journalist"),
            ["bruno", "eloise", "ernest", "rédaction"],
        ),
        (ContactFilter(organisation_kinds=["daily_press", "radio"]), ["bruno", "eloise"]),
        (ContactFilter(organisation_kinds=["research_institute"]), ["claire"]),
        (ContactFilter(organisation_kinds=["tv"]), []),
        (ContactFilter(search="lefevre", kind="partner"), []),
    ],
)
def test_filters(desk: Desk, flt: ContactFilter, expected: list[str]) -> None:
    assert names(desk, flt) == expected
    assert desk.services.contact_queries.count(flt) == len(expected)


def test_filters_by_list_tag_organisation_and_ids(desk: Desk) -> None:
    assert names(desk, ContactFilter(list_id=desk.lists["Presse"])) == ["bruno", "eloise"]
    assert names(desk, ContactFilter(list_id=desk.lists["Radio"])) == ["bruno"]
    assert names(desk, ContactFilter(tag_id=desk.tags["VIP"])) == ["eloise"]
    assert names(desk, ContactFilter(tag_id=desk.tags["Santé"])) == ["bruno", "eloise"]
    monde = desk.orgs["Le Monde"]
    assert names(desk, ContactFilter(organisation_id=monde)) == ["eloise"]
    assert names(desk, ContactFilter(organisation_id=monde, archived=None)) == ["eloise", "ernest"]
    assert names(desk, ContactFilter(ids=[desk.ids["claire"], desk.ids["dora"], 999])) == [
        "dora",
        "claire",
    ]
    assert names(desk, ContactFilter(ids=[])) == []
    combined = ContactFilter(list_id=desk.lists["Presse"], tag_id=desk.tags["VIP"], search="elo")
    assert names(desk, combined) == ["eloise"]
    assert names(desk, ContactFilter(list_id=999)) == []


@pytest.mark.parametrize(
    ("sort", "ascending"),
    [
        (SortKey.NAME, ["bruno", "dora", "eloise", "rédaction", "claire"]),
        # No organisation first (empty key), then France Inter, Institut Curie, Le Monde.
        (SortKey.ORGANISATION, ["dora", "rédaction", "bruno", "claire", "eloise"]),
        (SortKey.JOB_TITLE, ["dora", "rédaction", "claire", "bruno", "eloise"]),
        (SortKey.KIND, ["bruno", "eloise", "rédaction", "dora", "claire"]),  # then by name
        (SortKey.CREATED, ["eloise", "bruno", "claire", "dora", "rédaction"]),
    ],
)
def test_sort_both_directions(desk: Desk, sort: SortKey, ascending: list[str]) -> None:
    assert names(desk, ContactFilter(), sort=sort) == ascending
    descending = names(desk, ContactFilter(), sort=sort, descending=True)
    assert sorted(descending) == sorted(ascending)
    assert descending == list(reversed(ascending))  # ties broken by id, reversed too


def test_sort_by_updated(desk: Desk) -> None:
    data = desk.services.contacts.get(desk.ids["bruno"])
    data.notes = "touched last"
    desk.services.contacts.update(desk.ids["bruno"], data)
    assert names(desk, ContactFilter(), sort=SortKey.UPDATED, descending=True)[0] == "bruno"


def test_paging_walks_every_row_once(services: Services) -> None:
    ids = services.contacts.create_many(
        [ContactData(given_name=f"P{i:03d}", family_name="Durand") for i in range(45)]
    )
    queries = services.contact_queries
    for descending in (False, True):
        seen: list[int] = []
        for offset in range(0, 50, 10):
            page = queries.ids(ContactFilter(), descending=descending, offset=offset, limit=10)
            rows = queries.rows(ContactFilter(), descending=descending, offset=offset, limit=10)
            assert [r.id for r in rows] == page
            seen += page
        assert sorted(seen) == ids
        assert len(seen) == 45
        assert seen == (list(reversed(ids)) if descending else ids)
    assert queries.ids(ContactFilter(), offset=40) == ids[40:]
    assert queries.rows(ContactFilter(), offset=100) == []


def test_rows_content(desk: Desk) -> None:
    with desk.services.db.transaction() as session:
        for title, day in (("Premier communiqué", 10), ("Dernier communiqué", 31)):
            release = Release(title=title, status="sent")
            session.add(release)
            session.flush()
            session.add(
                Distribution(
                    release_id=release.id,
                    contact_id=desk.ids["eloise"],
                    address="eloise@example.fr",
                    status="sent",
                    sent_at=datetime(2024, 1, day, 9, 0, tzinfo=UTC),
                )
            )
        failed = Release(title="Jamais reçu", status="sent")
        session.add(failed)
        session.flush()
        session.add(
            Distribution(
                release_id=failed.id,
                contact_id=desk.ids["eloise"],
                address="eloise@example.fr",
                status="failed",
                sent_at=datetime(2024, 2, 1, tzinfo=UTC),
            )
        )
    rows = {r.id: r for r in desk.services.contact_queries.rows(ContactFilter(archived=None))}
    eloise = rows[desk.ids["eloise"]]
    assert (eloise.name, eloise.organisation, eloise.job_title) == (
        "Éloïse Lefèvre",
        "Le Monde",
        "Reporter",
    )
    assert (eloise.email, eloise.phone) == ("eloise@example.fr", "06 12 34 56 78")
    assert (eloise.kind, eloise.tags) == ("journalist", "Santé, VIP")
    assert eloise.last_release == "Dernier communiqué"
    assert eloise.last_release_at == datetime(2024, 1, 31, 9, 0)
    assert not eloise.opted_out and not eloise.archived
    assert rows[desk.ids["dora"]].opted_out
    assert rows[desk.ids["ernest"]].archived
    redaction = rows[desk.ids["rédaction"]]
    assert (redaction.name, redaction.organisation, redaction.phone) == (
        "redaction@example.org",
        "",
        "",
    )
    assert redaction.last_release == "" and redaction.last_release_at is None


def test_rows_by_id_keeps_order_and_skips_unknown(desk: Desk) -> None:
    wanted = [desk.ids["claire"], 999, desk.ids["bruno"]]
    rows = desk.services.contact_queries.rows_by_id(wanted)
    assert [r.id for r in rows] == [desk.ids["claire"], desk.ids["bruno"]]
    assert desk.services.contact_queries.rows_by_id([]) == []


# -- one call per key press --------------------------------------------------------------------


def _statements(services: Services, call: Callable[[], object]) -> list[str]:
    """The SQL ``call`` sends to the database."""
    from sqlalchemy import event

    seen: list[str] = []

    def record(_c: object, _cur: object, sql: str, *_rest: object) -> None:
        seen.append(sql)

    event.listen(services.db.engine, "before_cursor_execute", record)
    try:
        call()
    finally:
        event.remove(services.db.engine, "before_cursor_execute", record)
    return seen


@pytest.mark.parametrize(
    "flt",
    [
        ContactFilter(search="le"),
        ContactFilter(search="le", archived=None),
        ContactFilter(search="sante", kind=ContactKind.JOURNALIST.value),
        ContactFilter(),
    ],
)
def test_a_key_press_is_one_call_that_matches_once(desk: Desk, flt: ContactFilter) -> None:
    """``search`` answers what the table needs (every id, the first rows, the count) as the
    separate calls do, with the full-text index searched at most once; ``page`` and
    ``count`` search it at most once too."""
    queries = desk.services.contact_queries
    for sort in (SortKey.NAME, SortKey.ORGANISATION):
        page = queries.search(flt, sort, first=2, with_total=True)
        assert page.ids == queries.ids(flt, sort)
        assert page.count == queries.count(flt) == len(page.ids)
        assert [r.id for r in page.rows] == page.ids[:2]
        assert page.rows == queries.rows_by_id(page.ids[:2])
        assert page.total == queries.count(ContactFilter(archived=None))
        assert queries.page(flt, sort, limit=2) == (page.rows, page.count)
    for call in (
        lambda: queries.search(flt, with_total=True),
        lambda: queries.page(flt),
        lambda: queries.count(flt),
    ):
        matches = [sql for sql in _statements(desk.services, call) if " MATCH " in sql]
        assert len(matches) == (1 if flt.search else 0), matches


def test_the_tables_reads_configure_no_mapper_and_answer_the_same(
    desk: Desk, db_path: Path
) -> None:
    """The contacts table's reads name the tables, not the mapped classes: a statement that
    names a mapped class first configures every mapper (25-35 ms, which the launch's first
    query paid before the first rows). A fresh interpreter runs each of them (every sort,
    the filters, a search) and finds the mappers still unconfigured, and the same answers
    as this process."""
    services = desk.services
    queries = services.contact_queries
    filters = [
        ContactFilter(),
        ContactFilter(archived=None),
        ContactFilter(search="lef"),
        ContactFilter(tag_id=desk.tags["Santé"], list_id=desk.lists["Presse"]),
        ContactFilter(organisation_id=desk.orgs["Le Monde"], opted_out=False),
        ContactFilter(organisation_kinds=["radio"], kind="journalist"),
    ]
    expected = [queries.ids(flt, sort) for flt in filters for sort in SortKey]
    code = (
        "import json, sys\n"
        "from fiac_press_desk.services.hub import Services\n"
        "from fiac_press_desk.services.contact_queries import ContactFilter, SortKey\n"
        "from fiac_press_desk.storage.models import Contact\n"
        f"services = Services.open({f'sqlite:///{db_path}'!r})\n"
        "queries = services.contact_queries\n"
        f"filters = [ContactFilter(**kw) for kw in {[_asked(flt) for flt in filters]!r}]\n"
        "ids = [queries.ids(flt, sort) for flt in filters for sort in SortKey]\n"
        "rows = queries.rows_by_id(ids[0])\n"
        "page = queries.search(ContactFilter(search='lef'), with_total=True)\n"
        "counted = queries.count(ContactFilter(archived=None))\n"
        "print(json.dumps({'ids': ids, 'names': [r.name for r in rows], 'page': page.ids,\n"
        "    'total': page.total, 'counted': counted,\n"
        "    'configured': Contact.__mapper__.configured}))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr[-2000:]
    answer = json.loads(result.stdout.splitlines()[-1])
    assert answer["configured"] is False
    assert answer["ids"] == expected
    assert answer["names"] == [row.name for row in queries.rows_by_id(expected[0])]
    assert answer["page"] == queries.search(ContactFilter(search="lef")).ids
    assert answer["total"] == answer["counted"] == queries.count(ContactFilter(archived=None))


def _asked(flt: ContactFilter) -> dict[str, object]:
    """The conditions of ``flt`` that differ from the default filter (for a child process)."""
    default = ContactFilter()
    return {name: value for name, value in vars(flt).items() if value != getattr(default, name)}
