"""Contacts: create, edit, archive, delete (with undo), tag, list, opt out, merge."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import fields as dataclass_fields
from datetime import datetime
from typing import Any

from sqlalchemy import delete, insert, select, update
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from fiac_press_desk.domain.contact import ContactData
from fiac_press_desk.domain.contact_changes import changed_fields
from fiac_press_desk.domain.enums import ContactKind, LawfulBasis, SalutationStyle
from fiac_press_desk.domain.errors import ConflictError, ValidationError
from fiac_press_desk.domain.gdpr import Interaction
from fiac_press_desk.domain.text import name_key
from fiac_press_desk.domain.validation import validate_contact
from fiac_press_desk.services.base import ServiceBase, get_or_404
from fiac_press_desk.services.edit_conflicts import expect_version, lock_for_edit
from fiac_press_desk.services.gdpr_register import record_interaction
from fiac_press_desk.services.not_duplicates import not_duplicates_of, restore_not_duplicates
from fiac_press_desk.storage.contact_record import (
    Resolver,
    apply_data,
    insert_contacts,
    read_contacts,
    read_values,
    to_data,
)
from fiac_press_desk.storage.models import Contact, Distribution, Enquiry, ListMember
from fiac_press_desk.storage.types import utcnow


def _fields(data: ContactData) -> dict[str, Any]:
    """A contact's fields by name, for the differences of a refused save (no photo bytes)."""
    skip = ("photo", "created_at", "updated_at")
    return {f.name: getattr(data, f.name) for f in dataclass_fields(data) if f.name not in skip}


class ContactService(ServiceBase):
    """Every change to a contact, one transaction and one audit entry each; and the reads
    of whole contacts (the table's lines are ``contact_queries``)."""

    # -- reading ----------------------------------------------------------------------------

    def get(self, contact_id: int) -> ContactData:
        """One contact, photo included; NotFoundError if there is none."""
        with self.db.session() as session:
            return to_data(get_or_404(session, Contact, contact_id))

    def get_many(self, contact_ids: Iterable[int], *, with_photo: bool = True) -> list[ContactData]:
        """The contacts that exist among ``contact_ids``, in that order, with their timestamps."""
        return list(self.read_many(list(contact_ids), photo=with_photo, timestamps=True))

    def read_many(
        self, contact_ids: Sequence[int], *, photo: bool = False, timestamps: bool = False
    ) -> Iterator[ContactData]:
        """``get_many`` as it goes, for exports and import plans of thousands: a chunk read at
        a time, all from one read transaction (one consistent state of the base). Without
        ``photo`` or ``timestamps``, those fields stay empty."""
        with self.db.engine.connect() as conn:
            yield from read_contacts(conn, contact_ids, photo=photo, timestamps=timestamps)

    def read_values(
        self, contact_ids: Sequence[int], names: Sequence[str], *, in_order: bool = True
    ) -> Iterator[tuple[Any, ...]]:
        """The fields ``names`` of the contacts that exist among ``contact_ids``, in that
        order, one tuple each of plain values (``contact_record.read_values`` says which): for
        exports that write rows and keep thousands of them, without an object per email.
        ``in_order=False``: a chunk at a time as read (in id order), nothing held back."""
        with self.db.engine.connect() as conn:
            yield from read_values(conn, contact_ids, names, in_order=in_order)

    # -- writing one ------------------------------------------------------------------------

    def create(self, data: ContactData) -> int:
        """Validate and store a new contact; its id."""
        clean = validate_contact(data)
        with self.transaction() as session:
            _check_uid_free(session, clean.uid, None)
            contact = Contact()
            session.add(contact)
            apply_data(session, contact, clean, Resolver(session))
            session.flush()
            self.audit(session, "create", "contact", contact.id, name=clean.computed_display_name())
            return contact.id

    def get_for_edit(self, contact_id: int) -> tuple[ContactData, int]:
        """One contact and its version, read together: hand the version back to ``update``
        so that a colleague's save in between is not overwritten."""
        with self.db.session() as session:
            contact = get_or_404(session, Contact, contact_id)
            return to_data(contact), contact.version

    def update(self, contact_id: int, data: ContactData, *, version: int | None = None) -> None:
        """Replace what a contact holds with ``data``; the audit lists the fields that changed.
        With the ``version`` the form read, a save over a newer one is refused
        (``edit_conflicts.StaleEditError``: who, when, which fields)."""
        self._update(contact_id, data, version=version, keep_before=False)

    def edit(
        self, contact_id: int, data: ContactData, *, version: int | None = None
    ) -> dict[str, Any]:
        """``update``, returning the contact as it was before, read in the same transaction:
        the snapshot that ``restore`` puts back (the window's undo of an edit)."""
        before = self._update(contact_id, data, version=version, keep_before=True)
        assert before is not None
        return before

    def _update(
        self, contact_id: int, data: ContactData, *, version: int | None, keep_before: bool
    ) -> dict[str, Any] | None:
        clean = validate_contact(data)
        try:
            with self.transaction() as session:
                if version is not None:
                    lock_for_edit(session, Contact.__table__, contact_id)
                contact = get_or_404(session, Contact, contact_id)
                _check_uid_free(session, clean.uid, contact_id)
                kept = snapshot(session, contact) if keep_before else None
                before = to_data(contact, with_photo=False)
                expect_version(
                    session, "contact", contact_id, contact.version, version,
                    _fields(before), _fields(clean),
                )  # fmt: skip
                apply_data(session, contact, clean, Resolver(session))
                record_interaction(session, [contact_id], Interaction.EDIT)
                self.audit(
                    session, "update", "contact", contact_id, changed=changed_fields(before, clean)
                )
        except StaleDataError:  # a colleague committed between our read and our write
            current, stored_version = self.get_for_edit(contact_id)
            with self.db.session() as session:
                expect_version(
                    session, "contact", contact_id, stored_version, -1,
                    _fields(current), _fields(clean),
                )  # fmt: skip
            raise
        return kept

    def set_opted_out(
        self, contact_id: int, opted_out: bool, reason: str = "", at: datetime | None = None
    ) -> None:
        """Record that the person asked to receive nothing (or no longer does), with why
        and when: the sending never passes an opted-out contact."""
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
        """Archive (or bring back) contacts; returns how many exist and were set."""
        ids = list(contact_ids)
        changed = 0
        with self.transaction() as session:
            for chunk in _chunks(ids):
                result = session.execute(
                    update(Contact)
                    .where(Contact.id.in_(chunk))
                    # A new version: a card opened before saves its "archived" over
                    # this one only after being told (services/edit_conflicts.py).
                    .values(archived=archived, updated_at=utcnow(), version=Contact.version + 1)
                )
                changed += int(getattr(result, "rowcount", 0) or 0)
            self.audit(session, "archive" if archived else "unarchive", "contact", None, ids=ids)
        return changed

    def add_tags(self, contact_ids: Iterable[int], tags: Iterable[str]) -> None:
        """Tag contacts (tags made when new); a tag already there stays once."""
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
        """Take tags off contacts, by name (case and accents aside)."""
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
        """Put deleted contacts back from ``delete``'s snapshots (undo)."""
        with self.transaction() as session:
            for snap in snapshots:
                restore_snapshot(session, snap)
            restore_not_duplicates(session, snapshots)  # once every contact is back
            session.flush()
            _put_back_timestamps(session, snapshots)
            self.audit(session, "restore", "contact", None, ids=[s["id"] for s in snapshots])

    # -- merging ----------------------------------------------------------------------------

    def merge(self, keep_id: int, other_id: int) -> None:
        """Fold ``other`` into ``keep``: ``keep``'s values, the fields it lacks from ``other``,
        everything both had (services/contact_merge.py, which merges any number with undo)."""
        if keep_id == other_id:
            raise ValidationError("other_id", "merge_same")
        from fiac_press_desk.services.contact_merge import ContactMergeService

        ContactMergeService(self.db, self.actor).merge(
            [keep_id, other_id], survivor_id=keep_id, prefer_survivor=True
        )


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
        "not_duplicates": not_duplicates_of(session, contact.id),
    }


def _put_back_timestamps(session: Session, snapshots: list[dict[str, Any]]) -> None:
    """Each restored contact's ``updated_at`` as it was, written last: any flush that bumps a
    contact's version counter (a change of its lists or tags) stamps the row anew."""
    for snap in snapshots:
        stamp = data_from_json(snap["data"]).updated_at
        if stamp is not None:
            session.execute(
                update(Contact).where(Contact.id == snap["id"]).values(updated_at=stamp)
            )


def restore_snapshot(session: Session, snap: dict[str, Any]) -> Contact:
    """Write a snapshot back: the contact as it was, its lists, distributions and enquiries."""
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
    if data.updated_at is not None:
        # Once more, written directly: a flush that changed its lists or tags bumps the
        # version counter (issue 14) with an UPDATE of the row, which stamped updated_at anew.
        session.flush()
        session.execute(
            update(Contact).where(Contact.id == contact.id).values(updated_at=data.updated_at)
        )
        session.expire(contact, ["updated_at"])
    return contact


def _jsonable(value: Any) -> Any:
    return value.isoformat() if isinstance(value, datetime) else value


def _from_jsonable(key: str, value: Any) -> Any:
    if key in ("sent_at", "created_at") and isinstance(value, str):
        return datetime.fromisoformat(value)
    return value


def data_to_json(data: ContactData) -> dict[str, Any]:
    """``data`` as JSON-safe values (photo in base64, datetimes in ISO form)."""
    import base64
    from dataclasses import asdict

    out = asdict(data)
    out["photo"] = base64.b64encode(data.photo).decode() if data.photo else None
    for key in ("opted_out_at", "created_at", "updated_at"):
        out[key] = out[key].isoformat() if out[key] else None
    return out


def data_from_json(raw: dict[str, Any]) -> ContactData:
    """The inverse of ``data_to_json``."""
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
