"""Fresh PostgreSQL databases for the tests that run on both engines (issue 14).

``FIAC_TEST_POSTGRES_URL`` names a server and a role that may create databases (an SQLAlchemy
URL, ``postgresql+psycopg://role@host:port/postgres``; ``.ci/run`` and
``scripts/postgres_test_cluster.sh`` make one). Each test process migrates one template
database once; each test gets its own copy (``CREATE DATABASE ... TEMPLATE``: about 0.1 s
against 3 s for the migrations), dropped after the test.
"""

from __future__ import annotations

import itertools
import os
import uuid
from pathlib import Path

from sqlalchemy.engine import make_url

ENV = "FIAC_TEST_POSTGRES_URL"

# The test folders whose database tests run twice, on SQLite and on PostgreSQL: the storage,
# the services (contacts, import, sending, enquiries, dashboard, GDPR...) and interchange
# (import pipeline, exports). A test whose own arguments name ``db_path`` works on the SQLite
# file itself and runs on SQLite only, as do those of SQLITE_ONLY.
BOTH_ENGINES = ("tests/unit/storage/", "tests/unit/services/", "tests/unit/interchange/")


# Tests of those modules about SQLite itself (its pragmas, file backups, FTS5 triggers, query
# plans) or about something else than the database (the collector's policy).
SQLITE_ONLY = frozenset(
    {
        "test_pragmas",
        "test_backup_to_is_a_consistent_readable_copy",
        "test_listing_and_broad_searches_walk_the_name_order_index",
        "test_a_failed_bulk_insert_leaves_the_index_as_it_was",
        "test_bulk_created_contacts_are_found_and_later_ones_too",
        "test_a_key_press_is_one_call_that_matches_once",
        "test_a_window_job_keeps_its_own_collector_policy",
    }
)


# Modules wholly about the SQLite file: the automatic backups copy the desk's file (a shared
# server keeps its own backups; what the service does there is tested on PostgreSQL by name).
SQLITE_ONLY_MODULES = ("tests/unit/services/test_backups.py",)


def runs_on_both(path: Path, root: Path) -> bool:
    """Whether the test module at ``path`` is one of ``BOTH_ENGINES``."""
    try:
        relative = path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return False
    return relative.startswith(BOTH_ENGINES) and not relative.startswith(SQLITE_ONLY_MODULES)


def server_url() -> str | None:
    """The server the PostgreSQL tests use, or None when they do not run."""
    return os.environ.get(ENV) or None


class PostgresServer:
    """Databases made and dropped on one server for one test process."""

    def __init__(self, admin_url: str) -> None:
        self.admin_url = make_url(admin_url)
        self._prefix = f"fiac_t{os.getpid()}_{uuid.uuid4().hex[:6]}"
        self._numbers = itertools.count(1)
        self._template: str | None = None

    def url_of(self, name: str) -> str:
        """The SQLAlchemy URL of database ``name`` on this server."""
        return self.admin_url.set(database=name).render_as_string(hide_password=False)

    def _admin(self, sql: str) -> None:
        import psycopg

        url = self.admin_url
        with psycopg.connect(
            host=url.host,
            port=url.port,
            user=url.username,
            password=url.password,
            dbname=url.database or "postgres",
            autocommit=True,
        ) as conn:
            conn.execute(sql)  # type: ignore[arg-type]  (names made here, never user input)

    def template(self) -> str:
        """A database migrated to head, made once (the tests copy it)."""
        if self._template is None:
            from fiac_press_desk.storage.database import Database

            name = f"{self._prefix}_template"
            self._admin(f'CREATE DATABASE "{name}"')
            Database(self.url_of(name)).dispose()
            self._template = name
        return self._template

    def fresh(self) -> str:
        """A new database copied from the template; its name."""
        name = f"{self._prefix}_{next(self._numbers)}"
        self._admin(f'CREATE DATABASE "{name}" TEMPLATE "{self.template()}"')
        return name

    def empty(self) -> str:
        """A new empty database (no schema); its name."""
        name = f"{self._prefix}_{next(self._numbers)}"
        self._admin(f'CREATE DATABASE "{name}"')
        return name

    def drop(self, name: str) -> None:
        """Drop database ``name``, ending whatever of ours is still connected to it. The
        server's own autovacuum worker may hold it for a moment (and cannot be ended by a
        role that is not superuser): tried again, then left to the throwaway cluster."""
        import time

        import psycopg

        for attempt in range(10):
            try:
                self._admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
                return
            except psycopg.errors.InsufficientPrivilege:
                time.sleep(0.1 * (attempt + 1))

    def close(self) -> None:
        """Drop the template."""
        if self._template is not None:
            self.drop(self._template)
            self._template = None
