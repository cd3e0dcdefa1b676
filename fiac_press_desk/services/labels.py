"""Tags (étiquettes) and distribution lists (listes de diffusion): named groups of contacts."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from fiac_press_desk.domain.errors import ConflictError, NotFoundError, ValidationError
from fiac_press_desk.domain.text import clean
from fiac_press_desk.services.base import ServiceBase, get_or_404, name_key
from fiac_press_desk.services.edit_conflicts import bump_versions, expect_version, lock_for_edit
from fiac_press_desk.storage.models import (
    Contact,
    ContactTag,
    DistributionList,
    ListMember,
    Tag,
)
from fiac_press_desk.storage.types import utcnow


@dataclass(frozen=True)
class NamedGroup:
    """A tag or list with its member count, as the sidebar shows it."""

    id: int
    name: str
    count: int
    description: str = ""


def _valid_name(name: str) -> str:
    text = clean(name)
    if not text:
        raise ValidationError("name", "required")
    return text


class TagService(ServiceBase):
    """Tags: free labels on contacts, unique by folded name."""

    def all(self) -> list[NamedGroup]:
        """Every tag with how many contacts carry it, by name."""
        stmt = (
            select(Tag.id, Tag.name, func.count(ContactTag.contact_id))
            .outerjoin(ContactTag, ContactTag.tag_id == Tag.id)
            .group_by(Tag.id)
            .order_by(Tag.name_key)
        )
        with self.db.session() as session:
            return [NamedGroup(i, n, c) for i, n, c in session.execute(stmt)]

    def create(self, name: str) -> int:
        """A new tag; ConflictError if the name (case and accents aside) is taken."""
        text = _valid_name(name)
        with self.transaction() as session:
            _unique(session, Tag, text, None)
            tag = Tag(name=text, name_key=name_key(text))
            session.add(tag)
            session.flush()
            self.audit(session, "create", "tag", tag.id, name=text)
            return tag.id

    def rename(self, tag_id: int, name: str) -> None:
        """Rename a tag; the contacts that carry it are found by the new name."""
        text = _valid_name(name)
        with self.transaction() as session:
            tag = get_or_404(session, Tag, tag_id)
            _unique(session, Tag, text, tag_id)
            old, tag.name, tag.name_key = tag.name, text, name_key(text)
            holders = _new_versions(
                session, ContactTag.contact_id, ContactTag.tag_id == tag_id, old != text
            )
            self.audit(session, "rename", "tag", tag_id, old=old, new=text, **holders)

    def delete(self, tag_id: int) -> None:
        """Delete a tag and take it off every contact."""
        with self.transaction() as session:
            tag = get_or_404(session, Tag, tag_id)
            holders = list(
                session.scalars(
                    select(Contact)
                    .join(ContactTag, ContactTag.contact_id == Contact.id)
                    .where(ContactTag.tag_id == tag_id)
                )
            )
            for contact in holders:  # through the ORM so their search text drops the tag
                contact.tags = [t for t in contact.tags if t.id != tag_id]
            session.flush()
            session.delete(tag)
            self.audit(session, "delete", "tag", tag_id, name=tag.name)

    def id_for(self, name: str) -> int | None:
        """The tag called ``name``, whatever the case and accents, or None."""
        with self.db.session() as session:
            return session.scalar(select(Tag.id).where(Tag.name_key == name_key(name)))


class ListService(ServiceBase):
    """Distribution lists: who a release may be sent to, unique by folded name."""

    def all(self) -> list[NamedGroup]:
        """Every list with its member count, by name."""
        stmt = (
            select(
                DistributionList.id,
                DistributionList.name,
                func.count(ListMember.contact_id),
                DistributionList.description,
            )
            .outerjoin(ListMember, ListMember.list_id == DistributionList.id)
            .group_by(DistributionList.id)
            .order_by(DistributionList.name_key)
        )
        with self.db.session() as session:
            return [NamedGroup(i, n, c, d) for i, n, c, d in session.execute(stmt)]

    def create(self, name: str, description: str = "") -> int:
        """A new list; ConflictError if the name (case and accents aside) is taken."""
        text = _valid_name(name)
        with self.transaction() as session:
            _unique(session, DistributionList, text, None)
            dlist = DistributionList(
                name=text, name_key=name_key(text), description=description.strip()
            )
            session.add(dlist)
            session.flush()
            self.audit(session, "create", "list", dlist.id, name=text)
            return dlist.id

    def rename(
        self,
        list_id: int,
        name: str,
        description: str | None = None,
        *,
        version: int | None = None,
    ) -> None:
        """Rename a list (and change its description when one is given). With the
        ``version`` read (``version_of``), a save over a colleague's newer one is refused
        (``edit_conflicts.StaleEditError``)."""
        text = _valid_name(name)
        proposed: dict[str, str] = {"name": text}
        if description is not None:
            proposed["description"] = description.strip()
        try:
            with self.transaction() as session:
                if version is not None:
                    lock_for_edit(session, DistributionList.__table__, list_id)
                dlist = get_or_404(session, DistributionList, list_id)
                stored = {"name": dlist.name, "description": dlist.description}
                expect_version(session, "list", list_id, dlist.version, version, stored, proposed)
                _unique(session, DistributionList, text, list_id)
                old, dlist.name, dlist.name_key = dlist.name, text, name_key(text)
                if description is not None:
                    dlist.description = description.strip()
                members = _new_versions(
                    session, ListMember.contact_id, ListMember.list_id == list_id, old != text
                )
                self.audit(session, "rename", "list", list_id, old=old, new=text, **members)
        except StaleDataError:  # a colleague committed between our read and our write
            with self.db.session() as session:
                dlist = get_or_404(session, DistributionList, list_id)
                stored = {"name": dlist.name, "description": dlist.description}
                expect_version(session, "list", list_id, dlist.version, -1, stored, proposed)
            raise

    def version_of(self, list_id: int) -> int:
        """The list's version, to hand back to ``rename``."""
        with self.db.session() as session:
            return get_or_404(session, DistributionList, list_id).version

    def delete(self, list_id: int) -> None:
        """Delete a list; its members stay, off the list."""
        with self.transaction() as session:
            dlist = get_or_404(session, DistributionList, list_id)
            # The members' cards: a save from one opened before would make the list again.
            members = _new_versions(
                session, ListMember.contact_id, ListMember.list_id == list_id, True
            )
            session.delete(dlist)
            self.audit(session, "delete", "list", list_id, name=dlist.name, **members)

    def add_members(self, list_id: int, contact_ids: Iterable[int]) -> int:
        """Add contacts to a list; returns how many were not members yet."""
        ids = list(dict.fromkeys(contact_ids))
        with self.transaction() as session:
            get_or_404(session, DistributionList, list_id)
            present: set[int] = set()
            existing: set[int] = set()
            for start in range(0, len(ids), 500):
                chunk = ids[start : start + 500]
                present |= set(
                    session.scalars(
                        select(ListMember.contact_id).where(
                            ListMember.list_id == list_id, ListMember.contact_id.in_(chunk)
                        )
                    )
                )
                existing |= set(session.scalars(select(Contact.id).where(Contact.id.in_(chunk))))
            missing = next((i for i in ids if i not in existing), None)
            if missing is not None:
                raise NotFoundError("Contact", missing)
            now = utcnow()
            new = [i for i in ids if i not in present]
            session.add_all(ListMember(list_id=list_id, contact_id=i, added_at=now) for i in new)
            # A contact's lists are a field of its card: a card opened before would save its
            # old lists back over these (services/edit_conflicts.py).
            bump_versions(session, Contact, new)
            self.audit(session, "add_members", "list", list_id, ids=new)
            return len(new)

    def remove_members(self, list_id: int, contact_ids: Iterable[int]) -> None:
        """Take contacts off a list (the contacts stay)."""
        ids = list(contact_ids)
        with self.transaction() as session:
            get_or_404(session, DistributionList, list_id)
            removed: list[int] = []
            for start in range(0, len(ids), 500):
                where = (
                    ListMember.list_id == list_id,
                    ListMember.contact_id.in_(ids[start : start + 500]),
                )
                removed += session.scalars(select(ListMember.contact_id).where(*where))
                session.execute(delete(ListMember).where(*where))
            bump_versions(session, Contact, removed)  # as add_members
            self.audit(session, "remove_members", "list", list_id, ids=ids)

    def id_for(self, name: str) -> int | None:
        """The list of that name (case and accents aside), or None."""
        with self.db.session() as session:
            return session.scalar(
                select(DistributionList.id).where(DistributionList.name_key == name_key(name))
            )


def _unique(
    session: Session, model: type[Tag] | type[DistributionList], name: str, own_id: int | None
) -> None:
    found = session.scalar(select(model.id).where(model.name_key == name_key(name)))
    if found is not None and found != own_id:
        raise ConflictError("name", "duplicate_name", value=name)


def _new_versions(session: Session, column: Any, where: Any, changed: bool) -> dict[str, Any]:
    """A tag or list renamed or deleted: the cards of the contacts that carry it show the old
    name, and a save from one would bring a tag or list of that name back; a new version of
    each refuses it. Returns the audit's detail naming them (``edit_conflicts.last_change``
    finds who changed a card there); nothing when nothing changed."""
    if not changed:
        return {}
    ids = list(session.scalars(select(column).where(where)))
    bump_versions(session, Contact, ids)
    return {"contacts": sorted(ids)} if ids else {}
