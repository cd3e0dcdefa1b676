"""Contact search: accents, case, prefixes as you type, several words, emails, phones, tags,
notes; kept in step with every write. Every test runs twice: through SQLite's FTS5 index and
through the generic LIKE path that PostgreSQL would use."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest

from fiac_press_desk.domain.contact import ContactData, EmailAddress, OrganisationData, Phone
from fiac_press_desk.services import Services
from fiac_press_desk.services.contact_queries import ContactFilter
from fiac_press_desk.storage.database import Database
from fiac_press_desk.storage.dialect import DialectAdapter, fts_match_expression, query_words


@pytest.fixture(params=["fts5", "generic"])
def desk(request: pytest.FixtureRequest, services: Services) -> Iterator[Services]:
    """A fresh database per test, for the tests that write."""
    _use_adapter(services, request.param)
    yield services


@pytest.fixture
def people(desk: Services) -> dict[str, int]:
    return _create_people(desk)


@pytest.fixture(scope="module", params=["fts5", "generic"])
def _shared(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[Services, dict[str, int]]]:
    """One database per module for the read-only query tests (they are many)."""
    path = tmp_path_factory.mktemp("search") / "desk.sqlite3"
    db = Database(f"sqlite:///{path}")
    services = Services(db, actor="test")
    _use_adapter(services, request.param)
    yield services, _create_people(services)
    db.dispose()


@pytest.fixture
def reader(_shared: tuple[Services, dict[str, int]]) -> Services:
    return _shared[0]


@pytest.fixture
def who_is(_shared: tuple[Services, dict[str, int]]) -> dict[str, int]:
    return _shared[1]


def _use_adapter(services: Services, name: str) -> None:
    if name == "generic":
        services.db.adapter = DialectAdapter()
    else:
        assert services.db.adapter.name in ("sqlite", "postgresql")  # the engine's own index


def _create_people(desk: Services) -> dict[str, int]:
    ids = {
        "eloise": desk.contacts.create(
            ContactData(
                given_name="Éloïse",
                family_name="Lefèvre",
                job_title="Chef de rubrique santé",
                organization="Le Monde",
                emails=[EmailAddress("eloise.lefevre@example.fr", "work")],
                phones=[Phone("06 12 34 56 78", "mobile"), Phone("+1 212 555 0100", "work")],
                tags=["Presse nationale"],
                notes="Rencontrée au congrès d'oncologie (Lyon).",
            )
        ),
        "francois": desk.contacts.create(
            ContactData(
                given_name="François",
                family_name="Lefebvre",
                organization="Ouest-France",
                emails=[EmailAddress("f.lefebvre@example.org")],
                phones=[Phone("01 40 00 00 00")],
                tags=["Presse régionale"],
            )
        ),
        "zoe": desk.contacts.create(
            ContactData(
                given_name="Zoé",
                family_name="Martin",
                organization="Le Monde diplomatique",
                emails=[EmailAddress("zoe@example.com")],
                tags=["IA"],
            )
        ),
    }
    return ids


def find(desk: Services, query: str, **filters: object) -> set[int]:
    return set(desk.contact_queries.ids(ContactFilter(search=query, **filters)))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "query", ["eloise", "Eloise", "ELOISE", "éloïse", "ÉLOÏSE", "Éloise", "lefèvre", "LEFEVRE"]
)
def test_accents_and_case_are_ignored(reader: Services, who_is: dict[str, int], query: str) -> None:
    assert find(reader, query) == {who_is["eloise"]}


@pytest.mark.parametrize(
    ("query", "who"),
    [
        ("l", {"eloise", "francois", "zoe"}),  # Lefèvre, Lefebvre, Le Monde
        ("le", {"eloise", "francois", "zoe"}),
        ("lef", {"eloise", "francois"}),
        ("lefe", {"eloise", "francois"}),
        ("lefev", {"eloise"}),
        ("lefevr", {"eloise"}),
        ("lefevre", {"eloise"}),
        ("lefevres", set()),
        ("fr", {"eloise", "francois"}),  # example.fr, François, Ouest-France
        ("fra", {"francois"}),
        ("z", {"zoe"}),
    ],
)
def test_prefixes_as_you_type(
    reader: Services, who_is: dict[str, int], query: str, who: set[str]
) -> None:
    assert find(reader, query) == {who_is[w] for w in who}


@pytest.mark.parametrize(
    ("query", "who"),
    [
        ("eloise lefevre", {"eloise"}),
        ("lefevre eloise", {"eloise"}),  # order does not matter
        ("elo lef", {"eloise"}),
        ("lefevre monde", {"eloise"}),  # name and outlet
        ("le monde", {"eloise", "zoe"}),
        ("monde diplo", {"zoe"}),
        ("martin monde", {"zoe"}),
        ("eloise martin", set()),  # every word must match
        ("  eloise   lefevre  ", {"eloise"}),
        ("ouest france", {"francois"}),
        ("ouest-france", {"francois"}),
    ],
)
def test_several_words(reader: Services, who_is: dict[str, int], query: str, who: set[str]) -> None:
    assert find(reader, query) == {who_is[w] for w in who}


@pytest.mark.parametrize(
    ("query", "who"),
    [
        ("eloise.lefevre@example.fr", {"eloise"}),
        ("eloise.lefevre@", {"eloise"}),
        ("f.lefebvre@example.org", {"francois"}),
        ("example.com", {"zoe"}),
        ("zoe@", {"zoe"}),
        ("example", {"eloise", "francois", "zoe"}),
    ],
)
def test_emails(reader: Services, who_is: dict[str, int], query: str, who: set[str]) -> None:
    assert find(reader, query) == {who_is[w] for w in who}


@pytest.mark.parametrize(
    ("query", "who"),
    [
        ("0612", {"eloise"}),
        ("06 12 34", {"eloise"}),
        ("06.12.34.56.78", {"eloise"}),
        ("0612345678", {"eloise"}),
        ("+33 6 12", {"eloise"}),
        ("33612345678", {"eloise"}),
        ("0140", {"francois"}),
        ("01 40 00", {"francois"}),
        ("2125550100", {"eloise"}),
        ("1212555", {"eloise"}),
        ("0699", set()),
    ],
)
def test_phones(reader: Services, who_is: dict[str, int], query: str, who: set[str]) -> None:
    assert find(reader, query) == {who_is[w] for w in who}


@pytest.mark.parametrize(
    ("query", "who"),
    [
        ("presse", {"eloise", "francois"}),  # tags
        ("presse regionale", {"francois"}),
        ("ia", {"zoe"}),
        ("oncologie", {"eloise"}),  # notes
        ("congres", {"eloise"}),
        ("lyon", {"eloise"}),
        ("rubrique sante", {"eloise"}),  # job title
    ],
)
def test_tags_notes_and_titles(
    reader: Services, who_is: dict[str, int], query: str, who: set[str]
) -> None:
    assert find(reader, query) == {who_is[w] for w in who}


@pytest.mark.parametrize(
    "query", ['"', "*", "AND", "OR NOT", "(", "lef*", 'le"f', "NEAR(a b)", "-"]
)
def test_query_syntax_is_never_an_error(
    reader: Services, who_is: dict[str, int], query: str
) -> None:
    reader.contact_queries.ids(ContactFilter(search=query))
    reader.contact_queries.count(ContactFilter(search=query))


def test_blank_or_punctuation_only_search_finds_everyone(
    reader: Services, who_is: dict[str, int]
) -> None:
    assert find(reader, "   ") == set(who_is.values())
    assert find(reader, "--") == set(who_is.values())


def test_search_combines_with_filters(desk: Services, people: dict[str, int]) -> None:
    desk.contacts.archive([people["francois"]])
    assert find(desk, "lef") == {people["eloise"]}
    assert find(desk, "lef", archived=None) == {people["eloise"], people["francois"]}
    assert desk.contact_queries.count(ContactFilter(search="lef", archived=True)) == 1


# -- kept in step ----------------------------------------------------------------------------


def test_update_replaces_old_words(desk: Services, people: dict[str, int]) -> None:
    data = desk.contacts.get(people["eloise"])
    data.family_name = "Durand"
    data.emails = [EmailAddress("e.durand@example.net")]
    data.phones = [Phone("07 00 00 00 01")]
    data.notes = ""
    desk.contacts.update(people["eloise"], data)
    assert find(desk, "lefevre") == set()
    assert find(desk, "oncologie") == set()
    assert find(desk, "0612") == set()
    assert find(desk, "durand") == {people["eloise"]}
    assert find(desk, "example.net") == {people["eloise"]}
    assert find(desk, "0700") == {people["eloise"]}


def test_organisation_rename_follows(desk: Services, people: dict[str, int]) -> None:
    org = next(o for o in desk.organisations.all() if o.name == "Le Monde")
    desk.organisations.update(org.id, OrganisationData(name="Le Quotidien du Soir"))
    assert find(desk, "quotidien") == {people["eloise"]}
    assert find(desk, "monde") == {people["zoe"]}


def test_organisation_delete_and_merge_follow(desk: Services, people: dict[str, int]) -> None:
    orgs = {o.name: o.id for o in desk.organisations.all()}
    desk.organisations.merge(orgs["Ouest-France"], orgs["Le Monde diplomatique"])
    assert find(desk, "ouest") == {people["francois"], people["zoe"]}
    assert find(desk, "diplomatique") == set()
    desk.organisations.delete(orgs["Ouest-France"])
    assert find(desk, "ouest") == set()
    assert find(desk, "zoe") == {people["zoe"]}


def test_tag_rename_delete_and_bulk_follow(desk: Services, people: dict[str, int]) -> None:
    tag = next(t for t in desk.tags.all() if t.name == "IA")
    desk.tags.rename(tag.id, "Intelligence artificielle")
    assert find(desk, "intelligence") == {people["zoe"]}
    assert find(desk, "ia") == set()
    desk.contacts.add_tags([people["eloise"], people["francois"]], ["Oncologie"])
    assert find(desk, "oncol") == {people["eloise"], people["francois"]}
    desk.contacts.remove_tags([people["eloise"]], ["oncologie"])
    assert find(desk, "oncologie") == {people["francois"], people["eloise"]}  # notes still say it
    assert find(desk, "oncologie lefebvre") == {people["francois"]}
    desk.tags.delete(tag.id)
    assert find(desk, "intelligence") == set()


def test_delete_restore_and_merge_follow(desk: Services, people: dict[str, int]) -> None:
    snapshots = desk.contacts.delete([people["eloise"]])
    assert find(desk, "eloise") == set()
    assert find(desk, "lef") == {people["francois"]}
    desk.contacts.restore(snapshots)
    assert find(desk, "eloise") == {people["eloise"]}
    assert find(desk, "0612") == {people["eloise"]}
    desk.contacts.merge(people["francois"], people["zoe"])
    assert find(desk, "zoe@example") == {people["francois"]}
    assert find(desk, "martin") == set()  # the merged contact's name is not carried over
    assert find(desk, "ia") == {people["francois"]}


def test_bulk_creation_is_searchable(desk: Services) -> None:
    ids = desk.contacts.create_many(
        [
            ContactData(given_name="Hélène", family_name="Dûbois", organization="Radio Nova"),
            ContactData(emails=[EmailAddress("redaction@example.fr")], tags=["Santé"]),
        ]
    )
    assert find(desk, "helene dub") == {ids[0]}
    assert find(desk, "nova") == {ids[0]}
    assert find(desk, "redaction sante") == {ids[1]}


def test_match_expression_quotes_every_word() -> None:
    assert fts_match_expression("Éloïse Lef") == '"eloise"* AND "lef"*'
    assert fts_match_expression(' "x" OR ') == '"x"* AND "or"*'
    assert fts_match_expression("  ") is None
    assert query_words("06 12 34") == ["061234"]
    assert query_words("06 12 lefevre") == ["06", "12", "lefevre"]


# -- query plans -----------------------------------------------------------------------------


@pytest.fixture
def crowd(services: Services) -> Services:
    """Enough people for the plans to differ, some archived, some sharing a name."""
    from fiac_press_desk.services.demo_data import generate_contacts

    ids = services.contacts.create_many(list(generate_contacts(300)))
    services.contacts.archive(ids[::7])
    return services


@pytest.mark.parametrize("query", ["l", "le", "ma", "martin", "le quotidien", "quotidien", "06"])
def test_dense_and_sparse_plans_give_the_same_pages(
    crowd: Services, monkeypatch: pytest.MonkeyPatch, query: str
) -> None:
    from fiac_press_desk.services.contact_queries import SortKey
    from fiac_press_desk.storage.dialect import SQLiteAdapter

    queries = crowd.contact_queries
    pages = []
    for dense_min in (10**9, 0):  # never dense, then dense whenever the share allows
        monkeypatch.setattr(SQLiteAdapter, "DENSE_MIN", dense_min)
        monkeypatch.setattr(SQLiteAdapter, "DENSE_SHARE", 10**6)
        pages.append(
            [
                queries.ids(ContactFilter(search=query, archived=archived), sort, descending)
                + queries.ids(ContactFilter(search=query), sort, descending, offset=5, limit=7)
                for archived in (False, None, True)
                for sort in (SortKey.NAME, SortKey.ORGANISATION)
                for descending in (False, True)
            ]
        )
        assert [r.id for r in queries.rows(ContactFilter(search=query), limit=20)] == (
            queries.ids(ContactFilter(search=query), limit=20)
        )
    assert pages[0] == pages[1]
    assert any(pages[0])


@pytest.mark.parametrize("query", ["l", "martin", "eloise lef", "zzz"])
def test_search_count_shortcut_agrees_with_the_general_count(crowd: Services, query: str) -> None:
    queries = crowd.contact_queries
    for archived in (False, None, True):
        flt = ContactFilter(search=query, archived=archived)
        assert queries.count(flt) == len(queries.ids(flt))
        # a second condition takes the general path
        general = ContactFilter(search=query, archived=archived, opted_out=False)
        assert queries.count(general) == len(queries.ids(general))


def _plans(services: Services, call: Callable[[], object]) -> list[str]:
    """The query plan of every SELECT on contacts that ``call`` runs."""
    from sqlalchemy import event

    seen: list[tuple[str, Any]] = []

    def record(_c: object, _cur: object, sql: str, params: Any, _ctx: object, _m: bool) -> None:
        if sql.lstrip().upper().startswith("SELECT") and "FROM contacts" in sql:
            seen.append((sql, params))

    event.listen(services.db.engine, "before_cursor_execute", record)
    try:
        call()
    finally:
        event.remove(services.db.engine, "before_cursor_execute", record)
    plans = []
    with services.db.engine.connect() as conn:
        for sql, params in seen:
            rows = conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}", params).fetchall()
            plans.append(" | ".join(str(r[-1]) for r in rows))
    return plans


def test_listing_and_broad_searches_walk_the_name_order_index(
    crowd: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    from fiac_press_desk.storage.dialect import SQLiteAdapter

    queries = crowd.contact_queries
    (plan,) = _plans(crowd, lambda: queries.ids(ContactFilter()))
    assert "COVERING INDEX ix_contacts_name_order" in plan and "TEMP B-TREE" not in plan
    monkeypatch.setattr(SQLiteAdapter, "DENSE_MIN", 0)
    plans = _plans(crowd, lambda: queries.ids(ContactFilter(search="l"), limit=50))
    assert "COVERING INDEX ix_contacts_name_order" in plans[-1]
    assert "TEMP B-TREE" not in plans[-1]
    monkeypatch.setattr(SQLiteAdapter, "DENSE_MIN", 10**9)
    plans = _plans(crowd, lambda: queries.ids(ContactFilter(search="l"), limit=50))
    assert "INTEGER PRIMARY KEY" in plans[-1]  # a narrow search: its matches drive


def _insert_trigger_sql(desk: Services) -> str | None:
    with desk.db.engine.connect() as conn:
        return conn.exec_driver_sql(
            "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'contacts_fts_ai'"
        ).scalar()


def test_bulk_created_contacts_are_found_and_later_ones_too(desk: Services) -> None:
    """The bulk path indexes its rows in one pass (SQLite: without the row trigger, which it
    makes again): what it wrote is found, and what is written after it is found too."""
    people = _create_people(desk)
    trigger = _insert_trigger_sql(desk)
    bulk = desk.contacts.create_many(
        [
            ContactData(given_name="Anaïs", family_name="Nguyễn", organization="Radio Fictive"),
            ContactData(given_name="Bruno", family_name="Lefèvre-Soler", tags=["Cancérologie"]),
        ]
    )
    assert _insert_trigger_sql(desk) == trigger
    later = desk.contacts.create(ContactData(given_name="Céline", family_name="Lefeuvre"))
    assert find(desk, "anais nguyen") == {bulk[0]}
    assert find(desk, "cancero") == {bulk[1]}
    assert find(desk, "lefe") == {people["eloise"], people["francois"], bulk[1], later}
    with desk.db.engine.begin() as conn:
        assert desk.db.adapter.integrity_check(conn) == []


def test_a_failed_bulk_insert_leaves_the_index_as_it_was(
    services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    """SQLite: the row trigger dropped for the bulk insert is there again after a failure."""
    desk = services
    people = _create_people(desk)
    trigger = _insert_trigger_sql(desk)
    adapter = type(desk.db.adapter)
    real = adapter.bulk_insert_rows

    def fail_after_contacts(self: Any, conn: Any, table: Any, columns: Any, rows: Any) -> None:
        real(self, conn, table, columns, rows)
        if table.name == "contacts":
            raise RuntimeError("disk gone")

    monkeypatch.setattr(adapter, "bulk_insert_rows", fail_after_contacts)
    with pytest.raises(RuntimeError):
        desk.contacts.create_many([ContactData(given_name="Perdu", family_name="Lefèvre")])
    monkeypatch.undo()
    assert _insert_trigger_sql(desk) == trigger
    assert find(desk, "lefe") == {people["eloise"], people["francois"]}
    later = desk.contacts.create(ContactData(given_name="Céline", family_name="Lefeuvre"))
    assert find(desk, "lefe") == {people["eloise"], people["francois"], later}
    with desk.db.engine.begin() as conn:
        assert desk.db.adapter.integrity_check(conn) == []


# -- the words and sort key computed in Python, against their plain definitions ------------------

_TRICKY_NAMES = [
    "",
    " ",
    "Lefèvre",
    "LEFÈVRE",
    "Œuvray",
    "Straße",
    "ΟΔΥΣΣΕΑΣ",
    "İnce",
    "De\u00a0La Tour",
    "Dupont\u00a0",
    "\u00a0Marie",
    "¨",
    "x¨",
    "\u0301Éloïse",
    "Zoë\u0301",
    "\u1100\u1161",  # Hangul jamo: compose only when adjacent
    "\u1161",
    "קֹהֵן",  # Hebrew points: combining marks outside the accents taken off
    "O’Brien",
    "ﬁnance",
    "x" * 300,
]


def _plain_sort_key(family: str, display: str, given: str, fallback: str) -> str:
    from fiac_press_desk.domain.text import fold

    name = family or display or given or fallback
    return fold(f"{name} {given}".strip())[:255]


def test_sort_key_folds_as_the_whole_name_would_be_folded() -> None:
    from fiac_press_desk.storage.contact_record import sort_key

    for family in _TRICKY_NAMES:
        for given in _TRICKY_NAMES:
            for args in ((family, "", given, ""), ("", family, given, ""), ("", "", given, family)):
                assert sort_key(*args) == _plain_sort_key(*args), args


def _chained_search_text(
    names: list[str],
    organisation: str,
    emails: list[str],
    phones: list[str],
    places: list[str],
    tags: list[str],
) -> str:
    """The search words by their first definition: every value's words in one chain."""
    from itertools import chain

    from fiac_press_desk.domain.normalize import national_phone, phone_digits
    from fiac_press_desk.domain.text import tokens

    numbers = [n for p in phones for n in (phone_digits(p), national_phone(p))]
    words = chain(
        chain.from_iterable(tokens(v) for v in [*names, organisation] if v),
        chain.from_iterable(tokens(v) for v in emails if v),
        chain.from_iterable(tokens(v) for v in [*places, *tags] if v),
        chain.from_iterable(tokens(v) for v in numbers if v),
    )
    return " ".join(dict.fromkeys(words))


@pytest.mark.parametrize(
    "phones",
    [
        [],
        ["+33612345678", "+33612345678"],
        ["+33140000000;ext=12", "+12125550100", "0612 standard", "+44 20 7946 0958"],
        ["+33612345678", "+3361234567"],
        ["", "+٣٣٦١٢٣٤٥٦٧٨"],
    ],
)
def test_search_text_is_every_word_once_in_order(phones: list[str]) -> None:
    from fiac_press_desk.storage.contact_record import build_search_text

    for i, name in enumerate(_TRICKY_NAMES):
        args: dict[str, Any] = {
            "names": [name, _TRICKY_NAMES[-i], "", "Chef de rubrique santé", "santé\nIA", ""],
            "organisation": "Le Monde (Paris)" if i % 2 else "",
            "emails": ["Éloïse.Lefèvre@example.fr", "", "12345@example.fr", "x_y@ex-ample.org"],
            "phones": phones,
            "places": ["Paris 75011", "Saint-Étienne 42000", " "],
            "tags": ["VIP", "santé", name],
        }
        assert build_search_text(**args) == _chained_search_text(**args)
