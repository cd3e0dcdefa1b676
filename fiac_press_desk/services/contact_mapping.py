"""Between the ORM rows of a contact and the ContactData value the other layers use."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from fiac_press_desk.domain.contact import (
    ContactData,
    EmailAddress,
    Phone,
    PostalAddress,
    WebLink,
)
from fiac_press_desk.domain.enums import ContactKind, LawfulBasis, SalutationStyle
from fiac_press_desk.domain.normalize import email_key
from fiac_press_desk.services.base import name_key
from fiac_press_desk.storage.models import (
    Contact,
    ContactAddress,
    ContactEmail,
    ContactPhone,
    ContactUrl,
    DistributionList,
    ListMember,
    Organisation,
    Tag,
)

SCALAR_FIELDS = (
    "civility",
    "given_name",
    "family_name",
    "display_name",
    "additional_names",
    "name_prefix",
    "name_suffix",
    "job_title",
    "role",
    "department",
    "language",
    "notes",
    "birthday",
    "photo_mime",
    "data_source",
    "opted_out",
    "opted_out_at",
    "opted_out_reason",
    "archived",
)


def new_uid() -> str:
    return f"urn:uuid:{uuid.uuid4()}"


def to_data(contact: Contact, *, with_photo: bool = True) -> ContactData:
    return ContactData(
        id=contact.id,
        uid=contact.uid,
        kind=ContactKind(contact.kind),
        civility=contact.civility,
        given_name=contact.given_name,
        family_name=contact.family_name,
        display_name=contact.display_name,
        additional_names=contact.additional_names,
        name_prefix=contact.name_prefix,
        name_suffix=contact.name_suffix,
        job_title=contact.job_title,
        role=contact.role,
        organization=contact.organisation.name if contact.organisation else "",
        department=contact.department,
        emails=[EmailAddress(e.value, e.label) for e in contact.emails],
        phones=[Phone(p.value, p.label) for p in contact.phones],
        addresses=[
            PostalAddress(
                a.label, a.street, a.extended, a.postal_code, a.city, a.region, a.country, a.po_box
            )
            for a in contact.addresses
        ],
        urls=[WebLink(u.value, u.label) for u in contact.urls],
        beats=[b for b in contact.beats.split("\n") if b],
        tags=sorted((t.name for t in contact.tags), key=name_key),
        lists=sorted((dl.name for dl in contact.lists), key=name_key),
        language=contact.language,
        notes=contact.notes,
        birthday=contact.birthday,
        photo=contact.photo if with_photo else None,
        photo_mime=contact.photo_mime,
        lawful_basis=LawfulBasis(contact.lawful_basis),
        data_source=contact.data_source,
        opted_out=contact.opted_out,
        opted_out_at=contact.opted_out_at,
        opted_out_reason=contact.opted_out_reason,
        archived=contact.archived,
        salutation=SalutationStyle(contact.salutation),
        extra_vcard=json.loads(contact.extra_vcard) if contact.extra_vcard else [],
        created_at=contact.created_at,
        updated_at=contact.updated_at,
    )


_Named = TypeVar("_Named", Organisation, Tag, DistributionList)


class Resolver:
    """Finds or creates organisations, tags and lists by name within one session, cached."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.created: list[Organisation | Tag | DistributionList] = []  # for import undo
        self._orgs: dict[str, Organisation] = {}
        self._tags: dict[str, Tag] = {}
        self._lists: dict[str, DistributionList] = {}
        self._absent: set[tuple[str, str]] = set()  # (table, name key) known not to exist

    def prefetch(
        self,
        organisations: Iterable[str] = (),
        tags: Iterable[str] = (),
        lists: Iterable[str] = (),
    ) -> None:
        """Look up many names in one query per kind (bulk writes resolve hundreds)."""
        self._prefetch(Organisation, self._orgs, organisations)
        self._prefetch(Tag, self._tags, tags)
        self._prefetch(DistributionList, self._lists, lists)

    def _prefetch(
        self, model: type[_Named], cache: dict[str, _Named], names: Iterable[str]
    ) -> None:
        table = str(model.__tablename__)
        keys = sorted({name_key(n) for n in names if n} - cache.keys())
        for start in range(0, len(keys), 500):
            chunk = keys[start : start + 500]
            for obj in self.session.scalars(select(model).where(model.name_key.in_(chunk))):
                cache[obj.name_key] = obj
            self._absent.update((table, k) for k in chunk if k not in cache)

    def _known_absent(self, model: type[_Named], key: str) -> bool:
        return (str(model.__tablename__), key) in self._absent

    def organisation(self, name: str) -> Organisation | None:
        if not name:
            return None
        key = name_key(name)
        org = self._orgs.get(key)
        if org is None:
            org = (
                None
                if self._known_absent(Organisation, key)
                else self.session.scalar(select(Organisation).where(Organisation.name_key == key))
            )
            if org is None:
                org = Organisation(name=name, name_key=key, kind="other")
                self.session.add(org)
                self.created.append(org)
            self._orgs[key] = org
        return org

    def tag(self, name: str) -> Tag:
        key = name_key(name)
        tag = self._tags.get(key)
        if tag is None:
            tag = (
                None
                if self._known_absent(Tag, key)
                else self.session.scalar(select(Tag).where(Tag.name_key == key))
            )
            if tag is None:
                tag = Tag(name=name, name_key=key)
                self.session.add(tag)
                self.created.append(tag)
            self._tags[key] = tag
        return tag

    def distribution_list(self, name: str) -> DistributionList:
        key = name_key(name)
        dlist = self._lists.get(key)
        if dlist is None:
            dlist = (
                None
                if self._known_absent(DistributionList, key)
                else self.session.scalar(
                    select(DistributionList).where(DistributionList.name_key == key)
                )
            )
            if dlist is None:
                dlist = DistributionList(name=name, name_key=key)
                self.session.add(dlist)
                self.created.append(dlist)
                self.session.flush()
            self._lists[key] = dlist
        return dlist


def apply_data(session: Session, contact: Contact, data: ContactData, resolver: Resolver) -> None:
    """Write validated ``data`` onto ``contact`` (new or existing), replacing what it held."""
    for name in SCALAR_FIELDS:
        value = getattr(data, name)
        if getattr(contact, name) != value:
            setattr(contact, name, value)
    contact.kind = data.kind.value
    contact.lawful_basis = data.lawful_basis.value
    contact.salutation = data.salutation.value
    contact.beats = "\n".join(data.beats)
    contact.extra_vcard = (
        json.dumps(data.extra_vcard, ensure_ascii=False) if data.extra_vcard else ""
    )
    if data.photo is not None or contact.photo is not None:
        contact.photo = data.photo
    if not contact.uid:
        contact.uid = data.uid or new_uid()
    elif data.uid and data.uid != contact.uid:
        contact.uid = data.uid
    contact.organisation = resolver.organisation(data.organization)
    _replace_children(session, contact, data)
    contact.tags = [resolver.tag(name) for name in data.tags]
    _replace_lists(session, contact, data.lists, resolver)


def _replace_children(session: Session, contact: Contact, data: ContactData) -> None:
    old_emails = [(e.value, e.label) for e in contact.emails]
    new_emails = [(e.value, e.label) for e in data.emails]
    if old_emails != new_emails:
        if contact.emails and contact.id is not None:
            # Old rows go first: the new set may hold the same address (unique per contact).
            contact.emails = []
            session.flush()
        contact.emails = [
            ContactEmail(value=e.value, value_key=email_key(e.value), label=e.label, position=i)
            for i, e in enumerate(data.emails)
        ]
    if [(p.value, p.label) for p in contact.phones] != [(p.value, p.label) for p in data.phones]:
        contact.phones = [
            ContactPhone(value=p.value, label=p.label, position=i)
            for i, p in enumerate(data.phones)
        ]
    old_addresses = [_address_tuple(a) for a in contact.addresses]
    if old_addresses != [_address_tuple(a) for a in data.addresses]:
        contact.addresses = [
            ContactAddress(
                label=a.label,
                street=a.street,
                extended=a.extended,
                po_box=a.po_box,
                postal_code=a.postal_code,
                city=a.city,
                region=a.region,
                country=a.country,
                position=i,
            )
            for i, a in enumerate(data.addresses)
        ]
    if [(u.value, u.label) for u in contact.urls] != [(u.value, u.label) for u in data.urls]:
        contact.urls = [
            ContactUrl(value=u.value, label=u.label, position=i) for i, u in enumerate(data.urls)
        ]


def _address_tuple(a: Any) -> tuple[str, ...]:
    return (a.label, a.street, a.extended, a.po_box, a.postal_code, a.city, a.region, a.country)


def _replace_lists(
    session: Session, contact: Contact, names: list[str], resolver: Resolver
) -> None:
    wanted = {resolver.distribution_list(name).id for name in names}
    if contact.id is None:
        session.flush()
    current = set(
        session.scalars(select(ListMember.list_id).where(ListMember.contact_id == contact.id))
    )
    for list_id in current - wanted:
        member = session.get(ListMember, (list_id, contact.id))
        if member is not None:
            session.delete(member)
    for list_id in wanted - current:
        session.add(ListMember(list_id=list_id, contact_id=contact.id))
    if current != wanted:
        session.flush()
        session.expire(contact, ["lists"])
