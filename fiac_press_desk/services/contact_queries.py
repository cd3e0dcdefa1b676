"""Reading contacts for lists and exports: filtered, sorted and paged in the database."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import FromClause, Select, func, or_, select
from sqlalchemy.orm import Session

from fiac_press_desk.domain.normalize import display_phone
from fiac_press_desk.services.base import ServiceBase
from fiac_press_desk.storage.dialect import SearchMatch
from fiac_press_desk.storage.models import (
    Contact,
    ContactEmail,
    ContactPhone,
    ContactTag,
    Distribution,
    ListMember,
    Organisation,
    Release,
    Tag,
)

# The tables, not the mapped classes: these reads load no object (every row is plain
# values), and a statement naming no mapped class neither configures the mappers nor goes
# through the ORM's compilation: 25-35 ms that the launch's first query paid before the
# first rows (measured), now paid by a later read.
_CONTACTS = Contact.__table__
_EMAILS = ContactEmail.__table__
_PHONES = ContactPhone.__table__
_CONTACT_TAGS = ContactTag.__table__
_DISTRIBUTIONS = Distribution.__table__
_LIST_MEMBERS = ListMember.__table__
_ORGANISATIONS = Organisation.__table__
_RELEASES = Release.__table__
_TAGS = Tag.__table__


class SortKey(StrEnum):
    """The orders the contacts table offers (its sortable columns)."""

    NAME = "name"
    ORGANISATION = "organisation"
    JOB_TITLE = "job_title"
    KIND = "kind"
    CREATED = "created"
    UPDATED = "updated"


@dataclass
class ContactFilter:
    """What the contacts table shows: every condition is optional, all must hold."""

    search: str = ""
    kind: str | None = None
    list_id: int | None = None
    tag_id: int | None = None
    organisation_id: int | None = None
    organisation_kinds: list[str] = field(default_factory=list)
    opted_out: bool | None = None  # None: both
    archived: bool | None = False  # None: both; default hides archived contacts
    ids: list[int] | None = None
    # The GDPR register (issue 13): lawful basis and source values; informed or not; nothing
    # heard from them (no interaction, no creation, no keep decision) since this moment.
    lawful_basis: str | None = None
    collected_via: str | None = None
    informed: bool | None = None
    quiet_since: datetime | None = None


@dataclass
class ContactRow:
    """One line of the contacts table."""

    id: int
    name: str
    organisation: str
    job_title: str
    email: str
    phone: str
    kind: str
    tags: str
    last_release: str
    last_release_at: datetime | None
    opted_out: bool
    archived: bool


@dataclass
class ContactPage:
    """What one key press in the search box asks for, answered by one call (``search``)."""

    ids: list[int]  # every contact the filter keeps, in the order asked
    rows: list[ContactRow]  # the lines of the first ones, ready to paint
    total: int | None = None  # every contact in the base, archived too (when asked)

    @property
    def count(self) -> int:
        """How many contacts the filter keeps."""
        return len(self.ids)


class ContactQueryService(ServiceBase):
    """Filtered, sorted, paged reads of the contacts table (as the user types, at 100k).

    Each call turns the filter into SQL once and runs the full-text match once
    (``DialectAdapter.match``), whatever it then counts and reads. Every call opens its own
    session: they may run on any thread, one at a time per call."""

    def search(
        self,
        flt: ContactFilter,
        sort: SortKey = SortKey.NAME,
        descending: bool = False,
        *,
        first: int = 100,
        with_total: bool = False,
    ) -> ContactPage:
        """Every id the filter keeps in order, the rows of the ``first`` of them, and (with
        ``with_total``) how many contacts the base holds: the contacts table's one call per
        key press."""
        with self.db.session() as session:
            query = _Query(self, session, flt, sort)
            ids = _all_ids(session, query.sorted(descending))
            total = None
            if with_total:
                total = int(session.scalar(select(func.count()).select_from(_CONTACTS)) or 0)
            return ContactPage(ids, rows_for(session, ids[:first]), total)

    def count(self, flt: ContactFilter) -> int:
        """How many contacts the filter keeps."""
        with self.db.session() as session:
            return _Query(self, session, flt, SortKey.NAME).count()

    def ids(
        self,
        flt: ContactFilter,
        sort: SortKey = SortKey.NAME,
        descending: bool = False,
        offset: int = 0,
        limit: int | None = None,
    ) -> list[int]:
        """The ids the filter keeps, in order; ``offset`` and ``limit`` take a page of them."""
        with self.db.session() as session:
            stmt = _Query(self, session, flt, sort).sorted(descending).offset(offset)
            if limit is not None:
                stmt = stmt.limit(limit)
            return _all_ids(session, stmt)

    def rows(
        self,
        flt: ContactFilter,
        sort: SortKey = SortKey.NAME,
        descending: bool = False,
        offset: int = 0,
        limit: int = 200,
    ) -> list[ContactRow]:
        """One page of table rows, already sorted; extras are fetched for that page only."""
        with self.db.session() as session:
            stmt = _Query(self, session, flt, sort).sorted(descending).offset(offset).limit(limit)
            return rows_for(session, list(session.scalars(stmt)))

    def page(
        self,
        flt: ContactFilter,
        sort: SortKey = SortKey.NAME,
        descending: bool = False,
        offset: int = 0,
        limit: int = 200,
    ) -> tuple[list[ContactRow], int]:
        """One page of rows and how many contacts the filter keeps, from one match."""
        with self.db.session() as session:
            query = _Query(self, session, flt, sort)
            stmt = query.sorted(descending).offset(offset).limit(limit)
            ids = list(session.scalars(stmt))
            return rows_for(session, ids), query.count()

    def rows_by_id(self, ids: list[int]) -> list[ContactRow]:
        """Table rows for ``ids``, in that order (unknown ids are skipped)."""
        with self.db.session() as session:
            return rows_for(session, ids)


class _Query:
    """One filter turned into SQL, its words matched once, for the statements of one call."""

    def __init__(
        self, service: ContactQueryService, session: Session, flt: ContactFilter, sort: SortKey
    ) -> None:
        self.flt, self.sort, self.session = flt, sort, session
        self.adapter = service.db.adapter
        self.match = (
            self.adapter.match(session.connection(), flt.search) if flt.search.strip() else None
        )

    def count(self) -> int:
        """How many contacts the filter keeps (after ``sorted`` when both are wanted: a
        search alone is then counted from the hits it read)."""
        if self.match is not None and _search_only(self.flt):
            found = self.adapter.match_count(
                self.session.connection(), self.match, archived=self.flt.archived
            )
            if found is not None:
                return found
        stmt = select(func.count()).select_from(_filtered(self.flt, self.match).subquery())
        return int(self.session.scalar(stmt) or 0)

    def sorted(self, descending: bool) -> Select[Any]:
        """The kept ids in the call's order."""
        columns: dict[SortKey, Any] = {
            SortKey.NAME: _CONTACTS.c.sort_name,
            SortKey.JOB_TITLE: _CONTACTS.c.job_title,
            SortKey.KIND: _CONTACTS.c.kind,
            SortKey.CREATED: _CONTACTS.c.created_at,
            SortKey.UPDATED: _CONTACTS.c.updated_at,
        }
        # Walk the name order and keep the hits, rather than sort the hits, when they are
        # many: only the name order has an index to walk.
        dense = (
            self.sort == SortKey.NAME
            and self.match is not None
            and self.adapter.search_is_dense(self.session.connection(), self.match)
        )
        stmt = _filtered(self.flt, self.match, dense)
        if self.sort == SortKey.ORGANISATION:
            stmt = stmt.outerjoin(
                _ORGANISATIONS, _ORGANISATIONS.c.id == _CONTACTS.c.organisation_id
            )
            key: Any = func.coalesce(_ORGANISATIONS.c.name_key, "")
        else:
            key = columns[self.sort]
        # Within equal keys, people stay in name order; the id makes every page stable.
        keys = [key] if self.sort == SortKey.NAME else [key, _CONTACTS.c.sort_name]
        keys.append(_CONTACTS.c.id)
        return stmt.order_by(*(k.desc() if descending else k.asc() for k in keys))


def _filtered(flt: ContactFilter, match: SearchMatch | None, dense: bool = False) -> Select[Any]:
    """The ids of the contacts ``flt`` keeps (``match``: its words, matched once)."""
    stmt = select(_CONTACTS.c.id)
    if match is not None:
        stmt = stmt.where(match.condition(_CONTACTS.c.id, dense=dense))
    if flt.kind:
        stmt = stmt.where(_CONTACTS.c.kind == flt.kind)
    if flt.list_id is not None:
        stmt = stmt.where(
            _CONTACTS.c.id.in_(
                select(_LIST_MEMBERS.c.contact_id).where(_LIST_MEMBERS.c.list_id == flt.list_id)
            )
        )
    if flt.tag_id is not None:
        stmt = stmt.where(
            _CONTACTS.c.id.in_(
                select(_CONTACT_TAGS.c.contact_id).where(_CONTACT_TAGS.c.tag_id == flt.tag_id)
            )
        )
    if flt.organisation_id is not None:
        stmt = stmt.where(_CONTACTS.c.organisation_id == flt.organisation_id)
    if flt.organisation_kinds:
        stmt = stmt.where(
            _CONTACTS.c.organisation_id.in_(
                select(_ORGANISATIONS.c.id).where(_ORGANISATIONS.c.kind.in_(flt.organisation_kinds))
            )
        )
    # "Not archived" (the default) holds for nearly every contact: written "IS NOT true"
    # so that SQLite does not take the flag's index for a selective one and sort the
    # whole table; the name-order index carries the flag instead.
    if flt.opted_out is not None:
        stmt = stmt.where(
            _CONTACTS.c.opted_out.is_(True) if flt.opted_out else _CONTACTS.c.opted_out.is_not(True)
        )
    if flt.archived is not None:
        stmt = stmt.where(
            _CONTACTS.c.archived.is_(True) if flt.archived else _CONTACTS.c.archived.is_not(True)
        )
    if flt.ids is not None:
        stmt = stmt.where(_CONTACTS.c.id.in_(flt.ids))
    return register_conditions(stmt, flt)


def _all_ids(session: Session, stmt: Select[Any]) -> list[int]:
    """The ids ``stmt`` selects, through the connection rather than the session: a plain
    column needs no ORM loading, which cost as much as the query itself over 100 000 ids."""
    return list(session.connection().execute(stmt).scalars().all())


def _search_only(flt: ContactFilter) -> bool:
    """A search with no other condition than the archived flag."""
    return bool(flt.search.strip()) and flt == ContactFilter(
        search=flt.search, archived=flt.archived
    )


def rows_for(session: Session, ids: list[int]) -> list[ContactRow]:
    """Table rows for ``ids``, in that order (unknown ids are skipped).

    Two statements per 500 ids: the contact with its outlet, first email, first phone and
    latest release received (correlated subqueries, each served by an index), then the tags.
    The contacts table asks for a page at a time while the user scrolls or types.
    """
    found: dict[int, ContactRow] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        tags: dict[int, list[str]] = defaultdict(list)
        for cid, name in session.execute(_TAGS_OF.where(_CONTACT_TAGS.c.contact_id.in_(chunk))):
            tags[cid].append(name)
        for (
            cid,
            display_name,
            given_name,
            family_name,
            job_title,
            kind,
            opted_out,
            archived,
            org,
            email,
            phone,
            release_at,
            release_title,
        ) in session.execute(_ROW.where(_CONTACTS.c.id.in_(chunk))):
            name = display_name or (
                f"{given_name} {family_name}" if given_name and family_name else given_name
            )
            found[cid] = ContactRow(
                id=cid,
                name=name or family_name or org or email or "",
                organisation=org or "",
                job_title=job_title,
                email=email or "",
                phone=display_phone(phone) if phone else "",
                kind=kind,
                tags=", ".join(tags[cid]) if cid in tags else "",
                last_release=release_title or "",
                last_release_at=release_at.replace(tzinfo=None) if release_at else None,
                opted_out=opted_out,
                archived=archived,
            )
    return [found[i] for i in ids if i in found]


def _first(table: FromClause) -> Any:
    return (
        select(table.c.value)
        .where(table.c.contact_id == _CONTACTS.c.id)
        .order_by(table.c.position, table.c.id)
        .limit(1)
        .correlate(_CONTACTS)
        .scalar_subquery()
    )


_LATEST_DISTRIBUTION = (
    select(_DISTRIBUTIONS.c.id)
    .where(
        _DISTRIBUTIONS.c.contact_id == _CONTACTS.c.id,
        _DISTRIBUTIONS.c.status.in_(("sent", "recorded")),
        _DISTRIBUTIONS.c.sent_at.is_not(None),
    )
    .order_by(_DISTRIBUTIONS.c.sent_at.desc(), _DISTRIBUTIONS.c.id.desc())
    .limit(1)
    .correlate(_CONTACTS)
    .scalar_subquery()
)
_ROW = (
    select(
        _CONTACTS.c.id,
        _CONTACTS.c.display_name,
        _CONTACTS.c.given_name,
        _CONTACTS.c.family_name,
        _CONTACTS.c.job_title,
        _CONTACTS.c.kind,
        _CONTACTS.c.opted_out,
        _CONTACTS.c.archived,
        _ORGANISATIONS.c.name.label("org"),
        _first(_EMAILS).label("email"),
        _first(_PHONES).label("phone"),
        _DISTRIBUTIONS.c.sent_at.label("release_at"),
        _RELEASES.c.title.label("release_title"),
    )
    .outerjoin(_ORGANISATIONS, _ORGANISATIONS.c.id == _CONTACTS.c.organisation_id)
    .outerjoin(_DISTRIBUTIONS, _DISTRIBUTIONS.c.id == _LATEST_DISTRIBUTION)
    .outerjoin(_RELEASES, _RELEASES.c.id == _DISTRIBUTIONS.c.release_id)
)
_TAGS_OF = (
    select(_CONTACT_TAGS.c.contact_id, _TAGS.c.name)
    .join(_TAGS, _TAGS.c.id == _CONTACT_TAGS.c.tag_id)
    .order_by(_CONTACT_TAGS.c.contact_id, _TAGS.c.name_key)
)


def register_conditions(stmt: Select[Any], flt: ContactFilter) -> Select[Any]:
    """The GDPR register's filters (see services/gdpr_register.py)."""
    if flt.lawful_basis:
        stmt = stmt.where(_CONTACTS.c.lawful_basis == flt.lawful_basis)
    if flt.collected_via:
        stmt = stmt.where(_CONTACTS.c.collected_via == flt.collected_via)
    if flt.informed is not None:
        stmt = stmt.where(
            _CONTACTS.c.informed_at.is_not(None)
            if flt.informed
            else _CONTACTS.c.informed_at.is_(None)
        )
    if flt.quiet_since is not None:
        limit = flt.quiet_since
        stmt = stmt.where(
            _CONTACTS.c.created_at <= limit,
            or_(
                _CONTACTS.c.last_interaction_at.is_(None), _CONTACTS.c.last_interaction_at <= limit
            ),
            or_(_CONTACTS.c.retention_kept_at.is_(None), _CONTACTS.c.retention_kept_at <= limit),
        )
    return stmt
