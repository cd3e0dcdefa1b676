"""Contacts: create, edit, archive, delete (with undo), tag, list, opt out, merge."""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from datetime import datetime
from typing import Any

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.orm import Session

from fiac_press_desk.domain.contact import ContactData
from fiac_press_desk.domain.enums import ContactKind, LawfulBasis, SalutationStyle
from fiac_press_desk.domain.errors import ConflictError, ValidationError
from fiac_press_desk.domain.gdpr import Interaction
from fiac_press_desk.domain.normalize import email_key
from fiac_press_desk.domain.text import name_key
from fiac_press_desk.domain.validation import validate_contact
from fiac_press_desk.services.base import ServiceBase, get_or_404
from fiac_press_desk.services.contact_mapping import Resolver, apply_data, to_data
from fiac_press_desk.services.gdpr_register import record_interaction
from fiac_press_desk.storage.dialect import adapter_for
from fiac_press_desk.storage.models import (
    Contact,
    ContactAddress,
    ContactEmail,
    ContactPhone,
    ContactTag,
    ContactUrl,
    Distribution,
    Enquiry,
    ListMember,
)
from fiac_press_desk.storage.search import build_search_text, sort_key
from fiac_press_desk.storage.types import utcnow


class ContactService(ServiceBase):
    # -- reading ----------------------------------------------------------------------------

    def get(self, contact_id: int) -> ContactData:
        with self.db.session() as session:
            return to_data(get_or_404(session, Contact, contact_id))

    def get_many(self, contact_ids: Iterable[int], *, with_photo: bool = True) -> list[ContactData]:
        ids = list(contact_ids)
        out: list[ContactData] = []
        with self.db.session() as session:
            for start in range(0, len(ids), 500):
                chunk = ids[start : start + 500]
                rows = {
                    c.id: c for c in session.scalars(select(Contact).where(Contact.id.in_(chunk)))
                }
                out += [to_data(rows[i], with_photo=with_photo) for i in chunk if i in rows]
        return out

    # -- writing one ------------------------------------------------------------------------

    def create(self, data: ContactData) -> int:
        clean = validate_contact(data)
        with self.transaction() as session:
            _check_uid_free(session, clean.uid, None)
            contact = Contact()
            session.add(contact)
            apply_data(session, contact, clean, Resolver(session))
            session.flush()
            self.audit(session, "create", "contact", contact.id, name=clean.computed_display_name())
            return contact.id

    def update(self, contact_id: int, data: ContactData) -> None:
        clean = validate_contact(data)
        with self.transaction() as session:
            contact = get_or_404(session, Contact, contact_id)
            _check_uid_free(session, clean.uid, contact_id)
            before = to_data(contact, with_photo=False)
            apply_data(session, contact, clean, Resolver(session))
            record_interaction(session, [contact_id], Interaction.EDIT)
            self.audit(
                session, "update", "contact", contact_id, changed=changed_fields(before, clean)
            )

    def set_opted_out(
        self, contact_id: int, opted_out: bool, reason: str = "", at: datetime | None = None
    ) -> None:
        with self.transaction() as session:
            contact = get_or_404(session, Contact, contact_id)
            contact.opted_out = opted_out
            contact.opted_out_at = (at or utcnow()) if opted_out else None
            contact.opted_out_reason = reason.strip() if opted_out else ""
            self.audit(
                session, "opt_out" if opted_out else "opt_in", "contact", contact_id, reason=reason
            )

    # -- writing many -----------------------------------------------------------------------

    def create_many(self, records: Sequence[ContactData]) -> list[int]:
        """Bulk creation in one transaction (demo data, benchmarks, large imports)."""
        cleaned = [validate_contact(r) for r in records]
        with self.transaction() as session:
            ids = insert_contacts(session, cleaned, Resolver(session))
            self.audit(session, "create_many", "contact", None, count=len(ids))
            return ids

    def archive(self, contact_ids: Iterable[int], archived: bool = True) -> int:
        ids = list(contact_ids)
        """Archive (or bring back) contacts; returns how many exist and were set."""
        changed = 0
        with self.transaction() as session:
            for chunk in _chunks(ids):
                result = session.execute(
                    update(Contact)
                    .where(Contact.id.in_(chunk))
                    .values(archived=archived, updated_at=utcnow())
                )
                changed += int(getattr(result, "rowcount", 0) or 0)
            self.audit(session, "archive" if archived else "unarchive", "contact", None, ids=ids)
        return changed

    def add_tags(self, contact_ids: Iterable[int], tags: Iterable[str]) -> None:
        ids, names = list(contact_ids), [t.strip() for t in tags if t.strip()]
        with self.transaction() as session:
            resolver = Resolver(session)
            tag_objs = [resolver.tag(n) for n in names]
            session.flush()
            for chunk in _chunks(ids):
                for contact in session.scalars(select(Contact).where(Contact.id.in_(chunk))):
                    have = {t.id for t in contact.tags}
                    contact.tags.extend(t for t in tag_objs if t.id not in have)
            self.audit(session, "tag", "contact", None, ids=ids, tags=names)

    def remove_tags(self, contact_ids: Iterable[int], tags: Iterable[str]) -> None:
        ids = list(contact_ids)
        keys = {name_key(t) for t in tags}
        with self.transaction() as session:
            for chunk in _chunks(ids):
                for contact in session.scalars(select(Contact).where(Contact.id.in_(chunk))):
                    contact.tags = [t for t in contact.tags if t.name_key not in keys]
            self.audit(session, "untag", "contact", None, ids=ids, tags=sorted(keys))

    # -- deleting, with undo ----------------------------------------------------------------

    def delete(self, contact_ids: Iterable[int]) -> list[dict[str, Any]]:
        """Delete contacts; returns snapshots that ``restore`` puts back exactly (undo)."""
        ids = list(contact_ids)
        with self.transaction() as session:
            snapshots = [snapshot(session, c) for c in _load(session, ids)]
            for chunk in _chunks(ids):
                session.execute(delete(Contact).where(Contact.id.in_(chunk)))
            self.audit(session, "delete", "contact", None, ids=ids)
        return snapshots

    def restore(self, snapshots: list[dict[str, Any]]) -> None:
        with self.transaction() as session:
            for snap in snapshots:
                restore_snapshot(session, snap)
            self.audit(session, "restore", "contact", None, ids=[s["id"] for s in snapshots])

    # -- merging ----------------------------------------------------------------------------

    def merge(self, keep_id: int, other_id: int) -> None:
        """Fold ``other`` into ``keep``: fields ``keep`` lacks, every email/phone/address/link,
        tags, lists, distributions and enquiries; then delete ``other``."""
        if keep_id == other_id:
            raise ValidationError("other_id", "merge_same")
        with self.transaction() as session:
            keep = get_or_404(session, Contact, keep_id)
            other = get_or_404(session, Contact, other_id)
            merged = merge_data(to_data(keep), to_data(other))
            apply_data(session, keep, validate_contact(merged), Resolver(session))
            for list_id in session.scalars(
                select(ListMember.list_id).where(ListMember.contact_id == other_id)
            ):
                if session.get(ListMember, (list_id, keep_id)) is None:
                    session.add(ListMember(list_id=list_id, contact_id=keep_id))
            have = {
                (r, a)
                for r, a in session.execute(
                    select(Distribution.release_id, Distribution.address).where(
                        Distribution.contact_id == keep_id
                    )
                )
            }
            for dist in session.scalars(
                select(Distribution).where(Distribution.contact_id == other_id)
            ):
                if (dist.release_id, dist.address) not in have:
                    dist.contact_id = keep_id
            session.execute(
                update(Enquiry).where(Enquiry.contact_id == other_id).values(contact_id=keep_id)
            )
            session.flush()
            session.delete(other)
            self.audit(session, "merge", "contact", keep_id, merged_from=other_id)


def merge_data(keep: ContactData, other: ContactData) -> ContactData:
    out = replace(keep)
    for name in (
        "civility",
        "given_name",
        "family_name",
        "display_name",
        "job_title",
        "role",
        "organization",
        "department",
        "birthday",
        "data_source",
    ):
        if not getattr(out, name) and getattr(other, name):
            setattr(out, name, getattr(other, name))
    keys = {email_key(e.value) for e in out.emails}
    out.emails = out.emails + [e for e in other.emails if email_key(e.value) not in keys]
    out.phones = out.phones + [
        p for p in other.phones if p.value not in {q.value for q in out.phones}
    ]
    out.addresses = out.addresses + [a for a in other.addresses if a not in out.addresses]
    out.urls = out.urls + [u for u in other.urls if u.value not in {v.value for v in out.urls}]
    out.beats = out.beats + [b for b in other.beats if b not in out.beats]
    out.tags = _union_by_name(out.tags, other.tags)
    out.lists = _union_by_name(out.lists, other.lists)
    if other.notes and other.notes not in out.notes:
        out.notes = f"{out.notes}\n\n{other.notes}".strip()
    if out.photo is None and other.photo is not None:
        out.photo, out.photo_mime = other.photo, other.photo_mime
    if other.opted_out and not out.opted_out:  # an opt-out is never lost in a merge
        out.opted_out = True
        out.opted_out_at = other.opted_out_at
        out.opted_out_reason = other.opted_out_reason
    out.extra_vcard = out.extra_vcard + [x for x in other.extra_vcard if x not in out.extra_vcard]
    return out


def _union_by_name(first: list[str], second: list[str]) -> list[str]:
    """Tags or lists of both, each once: "Santé" and "sante" are the same tag in the
    database, so writing both would break its uniqueness."""
    seen = {name_key(n) for n in first}
    out = list(first)
    for name in second:
        key = name_key(name)
        if key not in seen:
            seen.add(key)
            out.append(name)
    return out


def changed_fields(before: ContactData, after: ContactData) -> list[str]:
    skip = {"id", "created_at", "updated_at", "photo"}
    return [
        name
        for name in before.__dataclass_fields__
        if name not in skip and getattr(before, name) != getattr(after, name)
    ]


# -- helpers shared with imports --------------------------------------------------------------


def _check_uid_free(session: Session, uid: str, own_id: int | None) -> None:
    """A UID names one person across address books: two contacts never share one."""
    if not uid:
        return
    found = session.scalar(select(Contact.id).where(Contact.uid == uid))
    if found is not None and found != own_id:
        raise ConflictError("uid", "duplicate_name", value=uid)


def _chunks(ids: list[int], size: int = 500) -> Iterable[list[int]]:
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


def _load(session: Session, ids: list[int]) -> list[Contact]:
    out: list[Contact] = []
    for chunk in _chunks(ids):
        out += list(session.scalars(select(Contact).where(Contact.id.in_(chunk))))
    return out


def snapshot(session: Session, contact: Contact) -> dict[str, Any]:
    """Everything needed to put a deleted or changed contact back as it was (JSON-safe)."""
    data = to_data(contact)
    return {
        "id": contact.id,
        "uid": contact.uid,
        "created_at": contact.created_at.isoformat(),
        "import_batch_id": contact.import_batch_id,
        "data": data_to_json(data),
        "distributions": [
            {c.name: _jsonable(getattr(d, c.name)) for c in Distribution.__table__.columns}
            for d in session.scalars(
                select(Distribution).where(Distribution.contact_id == contact.id)
            )
        ],
        "enquiries": list(
            session.scalars(select(Enquiry.id).where(Enquiry.contact_id == contact.id))
        ),
        "list_added": {
            str(m.list_id): m.added_at.isoformat()
            for m in session.scalars(select(ListMember).where(ListMember.contact_id == contact.id))
        },
    }


def restore_snapshot(session: Session, snap: dict[str, Any]) -> Contact:
    data = data_from_json(snap["data"])
    contact = session.get(Contact, snap["id"])
    if contact is None:
        contact = Contact(
            id=snap["id"], uid=snap["uid"], created_at=datetime.fromisoformat(snap["created_at"])
        )
        session.add(contact)
    contact.import_batch_id = snap.get("import_batch_id")
    apply_data(session, contact, data, Resolver(session))
    if data.updated_at is not None:  # undo puts the contact back as it was, timestamp too
        contact.updated_at = data.updated_at
    session.flush()
    for list_id, added in snap.get("list_added", {}).items():
        member = session.get(ListMember, (int(list_id), contact.id))
        if member is not None:
            member.added_at = datetime.fromisoformat(added)
    for row in snap.get("distributions", []):
        exists = session.scalar(
            select(Distribution.id).where(
                Distribution.release_id == row["release_id"],
                Distribution.contact_id == contact.id,
                Distribution.address == row["address"],
            )
        )
        if exists is None:
            values = {k: _from_jsonable(k, v) for k, v in row.items()}
            session.execute(insert(Distribution).values(**values))
    if snap.get("enquiries"):
        session.execute(
            update(Enquiry).where(Enquiry.id.in_(snap["enquiries"])).values(contact_id=contact.id)
        )
    return contact


def _jsonable(value: Any) -> Any:
    return value.isoformat() if isinstance(value, datetime) else value


def _from_jsonable(key: str, value: Any) -> Any:
    if key in ("sent_at", "created_at") and isinstance(value, str):
        return datetime.fromisoformat(value)
    return value


def data_to_json(data: ContactData) -> dict[str, Any]:
    import base64
    from dataclasses import asdict

    out = asdict(data)
    out["photo"] = base64.b64encode(data.photo).decode() if data.photo else None
    for key in ("opted_out_at", "created_at", "updated_at"):
        out[key] = out[key].isoformat() if out[key] else None
    return out


def data_from_json(raw: dict[str, Any]) -> ContactData:
    import base64

    from fiac_press_desk.domain.contact import EmailAddress, Phone, PostalAddress, WebLink

    values = dict(raw)
    values["emails"] = [EmailAddress(**e) for e in raw["emails"]]
    values["phones"] = [Phone(**p) for p in raw["phones"]]
    values["addresses"] = [PostalAddress(**a) for a in raw["addresses"]]
    values["urls"] = [WebLink(**u) for u in raw["urls"]]
    values["photo"] = base64.b64decode(raw["photo"]) if raw.get("photo") else None
    values["kind"] = ContactKind(raw["kind"])
    values["lawful_basis"] = LawfulBasis(raw["lawful_basis"])
    values["salutation"] = SalutationStyle(raw["salutation"])
    for key in ("opted_out_at", "created_at", "updated_at"):
        values[key] = datetime.fromisoformat(raw[key]) if raw.get(key) else None
    return ContactData(**values)


def fresh_uids(count: int) -> Iterator[str]:
    """``count`` values of ``new_uid()`` (``urn:uuid:`` and a random version 4 UUID) from
    one read of the system's random source, built as ``uuid.uuid4`` builds them (the
    version and variant bits set over 16 random bytes) without a UUID object each: a bulk
    creation names thousands of contacts."""
    raw = os.urandom(16 * count)
    for start in range(0, 16 * count, 16):
        value = int.from_bytes(raw[start : start + 16], "big")
        value = (value & _UUID_KEEP) | _UUID_V4
        text = f"{value:032x}"
        yield f"urn:uuid:{text[:8]}-{text[8:12]}-{text[12:16]}-{text[16:20]}-{text[20:]}"


# uuid.UUID(version=4): the variant bits (10) and the version nibble (4).
_UUID_KEEP = ~((0xC000 << 48) | (0xF000 << 64))
_UUID_V4 = (0x8000 << 48) | (4 << 76)


# Columns of the contacts table that ``insert_contacts`` fills, in the order of its rows.
_CONTACT_COLUMNS = (
    "uid",
    "kind",
    "civility",
    "given_name",
    "family_name",
    "display_name",
    "additional_names",
    "name_prefix",
    "name_suffix",
    "job_title",
    "role",
    "organisation_id",
    "department",
    "beats",
    "language",
    "notes",
    "birthday",
    "photo",
    "photo_mime",
    "lawful_basis",
    "data_source",
    "opted_out",
    "opted_out_at",
    "opted_out_reason",
    "archived",
    "salutation",
    "extra_vcard",
    "import_batch_id",
    "created_at",
    "updated_at",
    "sort_name",
    "search_text",
)
_EMAIL_COLUMNS = ("contact_id", "value", "value_key", "label", "position")
_PHONE_COLUMNS = ("contact_id", "value", "label", "position")
_ADDRESS_COLUMNS = (
    "contact_id",
    "label",
    "street",
    "extended",
    "po_box",
    "postal_code",
    "city",
    "region",
    "country",
    "position",
)
_URL_COLUMNS = ("contact_id", "value", "label", "position")
_TAG_COLUMNS = ("contact_id", "tag_id")
_MEMBER_COLUMNS = ("list_id", "contact_id", "added_at")


def insert_contacts(
    session: Session,
    cleaned: Sequence[ContactData],
    resolver: Resolver,
    *,
    import_batch_id: int | None = None,
) -> list[int]:
    """Insert validated contacts with executemany: the fast path for thousands of rows.

    Rows are built as tuples straight from the values (no dict per row), and the ids are
    read back in one query over the new rows rather than by UID lists. The contacts' own
    ``id`` is not used (an import may carry the id of another base) and nothing in
    ``cleaned`` is changed."""
    if not cleaned:
        return []
    # In order of first appearance: of "Le Monde" and "le monde", the first spelling names it.
    org_names = dict.fromkeys(c.organization for c in cleaned if c.organization)
    tag_names = dict.fromkeys(t for c in cleaned for t in c.tags)
    list_names = dict.fromkeys(x for c in cleaned for x in c.lists)
    resolver.prefetch(org_names, tag_names, list_names)
    orgs = {name: resolver.organisation(name) for name in org_names}
    tags = {n: resolver.tag(n) for n in tag_names}
    lists = {n: resolver.distribution_list(n) for n in list_names}
    session.flush()
    org_id = {name: org.id if org is not None else None for name, org in orgs.items()}
    tag_id = {name: tag.id for name, tag in tags.items()}
    list_id = {name: dl.id for name, dl in lists.items()}
    now = utcnow()
    fresh = fresh_uids(sum(1 for c in cleaned if not c.uid))
    rows: list[tuple[Any, ...]] = []
    for c in cleaned:
        rows.append(
            (
                c.uid or next(fresh),
                c.kind.value,
                c.civility,
                c.given_name,
                c.family_name,
                c.display_name,
                c.additional_names,
                c.name_prefix,
                c.name_suffix,
                c.job_title,
                c.role,
                org_id.get(c.organization),
                c.department,
                "\n".join(c.beats),
                c.language,
                c.notes,
                c.birthday,
                c.photo,
                c.photo_mime,
                c.lawful_basis.value,
                c.data_source,
                c.opted_out,
                c.opted_out_at,
                c.opted_out_reason,
                c.archived,
                c.salutation.value,
                json.dumps(c.extra_vcard, ensure_ascii=False) if c.extra_vcard else "",
                import_batch_id,
                now,
                now,
                sort_key(
                    c.family_name, c.display_name, c.given_name, c.organization or c.primary_email
                ),
                build_search_text(
                    names=[
                        c.display_name,
                        c.given_name,
                        c.family_name,
                        c.additional_names,
                        c.job_title,
                        c.department,
                        " ".join(c.beats),
                        c.notes,
                    ],
                    organisation=c.organization,
                    emails=[e.value for e in c.emails],
                    phones=[p.value for p in c.phones],
                    places=[f"{a.city} {a.postal_code}" for a in c.addresses],
                    tags=c.tags,
                ),
            )
        )
    conn = session.connection()
    adapter = adapter_for(conn.dialect.name)
    # The new rows get ids above the highest one now (this transaction holds the write
    # lock); they are read back by UID from there in one query. RETURNING with a guaranteed
    # order makes SQLAlchemy fall back to one statement per row on SQLite, ten times slower.
    highest = conn.execute(select(func.max(Contact.id))).scalar() or 0
    with adapter.search_index_deferred(conn):
        adapter.bulk_insert_rows(conn, Contact.__table__, _CONTACT_COLUMNS, rows)  # type: ignore[arg-type]
    by_uid = dict(conn.execute(select(Contact.uid, Contact.id).where(Contact.id > highest)).all())
    ids = [by_uid[row[0]] for row in rows]
    del rows
    emails: list[tuple[Any, ...]] = []
    phones: list[tuple[Any, ...]] = []
    addresses: list[tuple[Any, ...]] = []
    urls: list[tuple[Any, ...]] = []
    tag_rows: list[tuple[Any, ...]] = []
    members: list[tuple[Any, ...]] = []
    for cid, c in zip(ids, cleaned, strict=True):
        if c.emails:
            emails += [
                (cid, e.value, email_key(e.value), e.label, i) for i, e in enumerate(c.emails)
            ]
        if c.phones:
            phones += [(cid, p.value, p.label, i) for i, p in enumerate(c.phones)]
        if c.addresses:
            addresses += [
                (
                    cid,
                    a.label,
                    a.street,
                    a.extended,
                    a.po_box,
                    a.postal_code,
                    a.city,
                    a.region,
                    a.country,
                    i,
                )
                for i, a in enumerate(c.addresses)
            ]
        if c.urls:
            urls += [(cid, u.value, u.label, i) for i, u in enumerate(c.urls)]
        if c.tags:
            tag_rows += [(cid, tag_id[t]) for t in c.tags]
        if c.lists:
            members += [(list_id[n], cid, now) for n in c.lists]
    for model, columns, values in (
        (ContactEmail, _EMAIL_COLUMNS, emails),
        (ContactPhone, _PHONE_COLUMNS, phones),
        (ContactAddress, _ADDRESS_COLUMNS, addresses),
        (ContactUrl, _URL_COLUMNS, urls),
        (ContactTag, _TAG_COLUMNS, tag_rows),
        (ListMember, _MEMBER_COLUMNS, members),
    ):
        if values:
            adapter.bulk_insert_rows(conn, model.__table__, columns, values)  # type: ignore[arg-type]
    return ids
