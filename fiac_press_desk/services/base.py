"""What every service shares: the database, who is acting, and the audit trail."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any, Protocol, TypeVar

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from fiac_press_desk.domain.errors import ConflictError, NotFoundError
from fiac_press_desk.domain.text import name_key as name_key  # re-exported for the services
from fiac_press_desk.storage.database import Database
from fiac_press_desk.storage.models import AuditEntry, Base

_T = TypeVar("_T", bound=Base)


def current_actor() -> str:
    """Who works at this workstation (``workstation.user_name``: the name in the
    Preferences, else the login's full name, else the login name), recorded as the author
    when no actor is given."""
    from fiac_press_desk import workstation

    return workstation.user_name()


class TakesBackups(Protocol):
    """What a service needs of the backups (``services.backups.BackupService``)."""

    def before(self, reason: str) -> object:
        """Back the database up before a write of this kind."""
        ...

    def backup_folder(self) -> Path:
        """Where the automatic backups are."""
        ...

    def rotates_out_by(self, path: Path) -> datetime | None:
        """By when the rotation deletes this file (None: it does not manage it)."""
        ...


class ServiceBase:
    """What every service holds: the database and the actor its audit entries name."""

    # The hub hands the services whose writes are hard to take back (import, merge,
    # erasure, move) the automatic backups; a service made alone takes none.
    backups: TakesBackups | None = None

    def __init__(self, db: Database, actor: str | None = None) -> None:
        self.db = db
        self._actor = actor

    @property
    def actor(self) -> str:
        """The actor given, else whoever the Preferences name now (read again when the file
        changes: a name changed in the window applies to the next write)."""
        return self._actor or current_actor()

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One transaction; a uniqueness violation surfaces as ConflictError, nothing written."""
        try:
            with self.db.transaction() as session:
                yield session
        except IntegrityError as exc:
            raise conflict_from(exc) from exc

    def backup_before(self, reason: str) -> None:
        """The automatic backup before a write of this kind (issue 15), if wired."""
        if self.backups is not None:
            self.backups.before(reason)

    def audit(
        self,
        session: Session,
        action: str,
        entity: str,
        entity_id: int | None = None,
        **details: Any,
    ) -> None:
        """Record ``action`` on ``entity`` in the audit log, inside the caller's transaction."""
        session.add(
            AuditEntry(
                actor=self.actor,
                action=action,
                entity=entity,
                entity_id=entity_id,
                details=json.dumps(details, ensure_ascii=False, default=str) if details else "",
            )
        )


_UNIQUE_SQLITE = re.compile(r"UNIQUE constraint failed: ([\w., ]+)")
_UNIQUE_POSTGRES = re.compile(r"Key \(([^)]+)\)=\((.*)\) already exists")
# Columns whose name the press officer would not recognise, by the field they stand for.
_FIELD_OF_COLUMN = {"name_key": "name", "value_key": "emails"}


def conflict_from(exc: IntegrityError) -> ConflictError:
    """A ConflictError naming the field behind a constraint the database refused.

    The services check what they can before writing; this turns what slips through (two
    windows writing at once, a rule only the schema knows) into a message, not a traceback.
    """
    text = str(exc.orig)
    if "foreign key" in text.lower():
        return ConflictError("", "missing_reference")
    field = ""
    sqlite = _UNIQUE_SQLITE.search(text)
    postgres = _UNIQUE_POSTGRES.search(text)
    if sqlite:
        field = sqlite.group(1).split(",")[-1].strip().rpartition(".")[2]
    elif postgres:
        field = postgres.group(1).split(",")[-1].strip()
    field = _FIELD_OF_COLUMN.get(field, field)
    return ConflictError(field, "duplicate_value", column=field or "?")


def get_or_404(session: Session, model: type[_T], entity_id: int) -> _T:
    """The row of ``model`` with that id, or NotFoundError (which the window can show)."""
    obj = session.get(model, entity_id)
    if obj is None:
        raise NotFoundError(model.__name__, entity_id)
    return obj


def count(session: Session, stmt: Any) -> int:
    """How many rows ``stmt`` selects."""
    return int(session.scalar(select(func.count()).select_from(stmt.subquery())) or 0)
