"""Reading contacts for lists and exports: filtered, sorted and paged in the database."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from fiac_press_desk.domain.normalize import display_phone
from fiac_press_desk.services.base import ServiceBase
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


class SortKey(StrEnum):
    NAME = "name"
    ORGANISATION = "organisation"
    JOB_TITLE = "job_title"
    KIND = "kind"
    CREATED = "created"
    UPDATED = "updated"


@dataclass
class ContactFilter:
    search: str = ""
    kind: str | None = None
    list_id: int | None = None
    tag_id: int | None = None
    organisation_id: int | None = None
    organisation_kinds: list[str] = field(default_factory=list)
    opted_out: bool | None = None  # None: both
    archived: bool | None = False  # None: both; default hides archived contacts
    ids: list[int] | None = None


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


class ContactQueryService(ServiceBase):
    def _filtered(self, flt: ContactFilter) -> Select[Any]:
        stmt = select(Contact.id)
        if flt.search.strip():
            cond = self.db.adapter.search_condition(flt.search, Contact.id)
            if cond is not None:
                stmt = stmt.where(cond)
        if flt.kind:
            stmt = stmt.where(Contact.kind == flt.kind)
        if flt.list_id is not None:
            stmt = stmt.where(
                Contact.id.in_(
                    select(ListMember.contact_id).where(ListMember.list_id == flt.list_id)
                )
            )
        if flt.tag_id is not None:
            stmt = stmt.where(
                Contact.id.in_(select(ContactTag.contact_id).where(ContactTag.tag_id == flt.tag_id))
            )
        if flt.organisation_id is not None:
            stmt = stmt.where(Contact.organisation_id == flt.organisation_id)
        if flt.organisation_kinds:
            stmt = stmt.where(
                Contact.organisation_id.in_(
                    select(Organisation.id).where(Organisation.kind.in_(flt.organisation_kinds))
                )
            )
        if flt.opted_out is not None:
            stmt = stmt.where(Contact.opted_out == flt.opted_out)
        if flt.archived is not None:
            stmt = stmt.where(Contact.archived == flt.archived)
        if flt.ids is not None:
            stmt = stmt.where(Contact.id.in_(flt.ids))
        return stmt

    def count(self, flt: ContactFilter) -> int:
        stmt = select(func.count()).select_from(self._filtered(flt).subquery())
        with self.db.session() as session:
            return int(session.scalar(stmt) or 0)

    def ids(
        self,
        flt: ContactFilter,
        sort: SortKey = SortKey.NAME,
        descending: bool = False,
        offset: int = 0,
        limit: int | None = None,
    ) -> list[int]:
        stmt = self._sorted(self._filtered(flt), sort, descending).offset(offset)
        if limit is not None:
            stmt = stmt.limit(limit)
        with self.db.session() as session:
            return list(session.scalars(stmt))

    @staticmethod
    def _sorted(stmt: Select[Any], sort: SortKey, descending: bool) -> Select[Any]:
        columns: dict[SortKey, Any] = {
            SortKey.NAME: Contact.sort_name,
            SortKey.JOB_TITLE: Contact.job_title,
            SortKey.KIND: Contact.kind,
            SortKey.CREATED: Contact.created_at,
            SortKey.UPDATED: Contact.updated_at,
        }
        if sort == SortKey.ORGANISATION:
            stmt = stmt.outerjoin(Organisation, Organisation.id == Contact.organisation_id)
            key: Any = func.coalesce(Organisation.name_key, "")
        else:
            key = columns[sort]
        # Within equal keys, people stay in name order; the id makes every page stable.
        keys = [key] if sort == SortKey.NAME else [key, Contact.sort_name]
        keys.append(Contact.id)
        return stmt.order_by(*(k.desc() if descending else k.asc() for k in keys))

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
            ids = list(
                session.scalars(
                    self._sorted(self._filtered(flt), sort, descending).offset(offset).limit(limit)
                )
            )
            return rows_for(session, ids)

    def rows_by_id(self, ids: list[int]) -> list[ContactRow]:
        with self.db.session() as session:
            return rows_for(session, ids)


def rows_for(session: Session, ids: list[int]) -> list[ContactRow]:
    if not ids:
        return []
    base = {
        r.id: r
        for r in session.execute(
            select(
                Contact.id,
                Contact.display_name,
                Contact.given_name,
                Contact.family_name,
                Contact.job_title,
                Contact.kind,
                Contact.opted_out,
                Contact.archived,
                Organisation.name.label("org"),
            )
            .outerjoin(Organisation, Organisation.id == Contact.organisation_id)
            .where(Contact.id.in_(ids))
        )
    }
    emails: dict[int, str] = {}
    for cid, value in session.execute(
        select(ContactEmail.contact_id, ContactEmail.value)
        .where(ContactEmail.contact_id.in_(ids))
        .order_by(ContactEmail.contact_id, ContactEmail.position.desc())
    ):
        emails[cid] = value  # the last written per contact is position 0
    phones: dict[int, str] = {}
    for cid, value in session.execute(
        select(ContactPhone.contact_id, ContactPhone.value)
        .where(ContactPhone.contact_id.in_(ids))
        .order_by(ContactPhone.contact_id, ContactPhone.position.desc())
    ):
        phones[cid] = value
    tags: dict[int, list[str]] = defaultdict(list)
    for cid, name in session.execute(
        select(ContactTag.contact_id, Tag.name)
        .join(Tag, Tag.id == ContactTag.tag_id)
        .where(ContactTag.contact_id.in_(ids))
        .order_by(Tag.name_key)
    ):
        tags[cid].append(name)
    last: dict[int, tuple[datetime, str]] = {}
    latest = (
        select(Distribution.contact_id, func.max(Distribution.sent_at).label("at"))
        .where(Distribution.contact_id.in_(ids), Distribution.status.in_(("sent", "recorded")))
        .group_by(Distribution.contact_id)
        .subquery()
    )
    for cid, at, title in session.execute(
        select(latest.c.contact_id, latest.c.at, Release.title)
        .join(
            Distribution,
            (Distribution.contact_id == latest.c.contact_id)
            & (Distribution.sent_at == latest.c.at),
        )
        .join(Release, Release.id == Distribution.release_id)
    ):
        last[cid] = (at, title)
    out = []
    for cid in ids:
        r = base.get(cid)
        if r is None:
            continue
        name = r.display_name or " ".join(p for p in (r.given_name, r.family_name) if p)
        name = name or r.org or emails.get(cid, "")
        at_title = last.get(cid)
        out.append(
            ContactRow(
                id=cid,
                name=name,
                organisation=r.org or "",
                job_title=r.job_title,
                email=emails.get(cid, ""),
                phone=display_phone(phones.get(cid, "")),
                kind=r.kind,
                tags=", ".join(tags.get(cid, [])),
                last_release=at_title[1] if at_title else "",
                last_release_at=at_title[0].replace(tzinfo=None)
                if at_title and at_title[0]
                else None,
                opted_out=r.opted_out,
                archived=r.archived,
            )
        )
    return out
