"""Reading many contacts at once for exports: a few Core queries per thousands of contacts.

``services.contacts.get_many`` builds ORM objects with their relationships (about 0.4 ms a
contact): right for a form, too slow for exporting 50,000 contacts. This reads the same
values as plain rows, chunk by chunk, and yields the same ``ContactData`` (without the photo),
in the order asked, with tags and lists ordered as ``to_data`` orders them.
"""

from __future__ import annotations

import gc
import json
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from itertools import groupby
from operator import itemgetter
from typing import Any

from sqlalchemy import select

from fiac_press_desk.domain.contact import (
    ContactData,
    EmailAddress,
    Phone,
    PostalAddress,
    WebLink,
)
from fiac_press_desk.domain.enums import ContactKind, LawfulBasis, SalutationStyle
from fiac_press_desk.services.progress import NullProgress
from fiac_press_desk.storage.database import Database
from fiac_press_desk.storage.models import (
    Contact,
    ContactAddress,
    ContactEmail,
    ContactPhone,
    ContactTag,
    ContactUrl,
    DistributionList,
    ListMember,
    Organisation,
    Tag,
)

CHUNK = 2000  # ids per query: few round trips, well under SQLite's parameter limit

_COLUMNS = (
    Contact.id,
    Contact.uid,
    Contact.kind,
    Contact.civility,
    Contact.given_name,
    Contact.family_name,
    Contact.display_name,
    Contact.additional_names,
    Contact.name_prefix,
    Contact.name_suffix,
    Contact.job_title,
    Contact.role,
    Organisation.name,
    Contact.department,
    Contact.beats,
    Contact.language,
    Contact.notes,
    Contact.birthday,
    Contact.photo_mime,
    Contact.lawful_basis,
    Contact.data_source,
    Contact.opted_out,
    Contact.opted_out_at,
    Contact.opted_out_reason,
    Contact.archived,
    Contact.salutation,
    Contact.extra_vcard,
)
# What ``services.contacts.get_many`` gives besides: the photo and the timestamps.
_COMPLETE = (*_COLUMNS, Contact.photo, Contact.created_at, Contact.updated_at)


Parts = dict[str, dict[int, tuple[tuple[Any, ...], ...]]]


def _grouped(rows: Any) -> dict[int, tuple[tuple[Any, ...], ...]]:
    """Rows ordered by contact id (their first column), by contact id, each without that
    id: plain tuples, which the garbage collector stops watching at its first look."""
    return {cid: tuple(row[1:] for row in group) for cid, group in groupby(rows.all(), _FIRST)}


_FIRST = itemgetter(0)


def _ordered_parts(
    conn: Any, model: Any, chunk: list[int], *columns: Any
) -> dict[int, tuple[tuple[Any, ...], ...]]:
    """A contact's emails, phones, addresses or links (``columns`` of ``model``) in the order
    the person gave them, grouped by contact."""
    return _grouped(
        conn.execute(
            select(model.contact_id, *columns)
            .where(_where(model.contact_id, chunk))
            .order_by(model.contact_id, model.position, model.id)
        )
    )


def _where(column: Any, chunk: list[int]) -> Any:
    """Ids of a sorted chunk: a range when they are dense (2 parameters, the index does the
    rest, extra rows are dropped by the caller), an IN list otherwise."""
    low, high = chunk[0], chunk[-1]
    if high - low < 2 * len(chunk):
        return column.between(low, high)
    return column.in_(chunk)


def read_contacts(
    db: Database, contact_ids: Sequence[int], *, complete: bool = False
) -> Iterator[ContactData]:
    """``ContactData`` (no photo, no timestamps) for each id that exists, in the order of
    ``contact_ids``. ``complete``: with the photo and the timestamps, the same values as
    ``services.contacts.get_many`` (which loads ORM objects: ten times slower)."""
    found: dict[int, ContactData] = {}
    for base, parts in read_chunks(db, contact_ids, _COMPLETE if complete else _COLUMNS):
        found.update(_contact_data(base, parts))
        if complete:
            for row in base:
                contact = found[row[0]]
                contact.photo, contact.created_at, contact.updated_at = row[27], row[28], row[29]
    for cid in contact_ids:
        data = found.get(cid)
        if data is not None:
            yield data


def read_chunks(
    db: Database, contact_ids: Sequence[int], columns: Sequence[Any] = _COLUMNS
) -> Iterator[tuple[list[Any], Parts]]:
    """The stored rows of the contacts, a chunk of ids at a time (in id order): the
    ``columns`` of each contact (``Contact.id`` first; ``Organisation.name`` may be among
    them), and its ``PARTS`` as plain tuples by contact id: emails and phones (value,
    label), addresses (``PostalAddress`` fields in order), urls (value, label), tags and
    lists (name,) in the order ``to_data`` gives them.

    For exports that need rows rather than ``ContactData``: no object per value."""
    wanted = sorted(set(contact_ids))
    with db.engine.connect() as conn:
        for start in range(0, len(wanted), CHUNK):
            chunk = wanted[start : start + CHUNK]
            yield _read_chunk(conn, chunk, columns)


PARTS = ("emails", "phones", "addresses", "urls", "tags", "lists")


def _read_chunk(conn: Any, chunk: list[int], columns: Sequence[Any]) -> tuple[list[Any], Parts]:
    keep = set(chunk)
    base = [
        row
        for row in conn.execute(
            select(*columns)
            .outerjoin(Organisation, Organisation.id == Contact.organisation_id)
            .where(_where(Contact.id, chunk))
        ).all()
        if row[0] in keep
    ]
    parts: Parts = {
        "emails": _ordered_parts(conn, ContactEmail, chunk, ContactEmail.value, ContactEmail.label),
        "phones": _ordered_parts(conn, ContactPhone, chunk, ContactPhone.value, ContactPhone.label),
        "addresses": _ordered_parts(
            conn,
            ContactAddress,
            chunk,
            ContactAddress.label,
            ContactAddress.street,
            ContactAddress.extended,
            ContactAddress.postal_code,
            ContactAddress.city,
            ContactAddress.region,
            ContactAddress.country,
            ContactAddress.po_box,
        ),
        "urls": _ordered_parts(conn, ContactUrl, chunk, ContactUrl.value, ContactUrl.label),
        "tags": _grouped(
            conn.execute(
                select(ContactTag.contact_id, Tag.name)
                .join(Tag, Tag.id == ContactTag.tag_id)
                .where(_where(ContactTag.contact_id, chunk))
                .order_by(ContactTag.contact_id, Tag.name_key)
            )
        ),
        "lists": _grouped(
            conn.execute(
                select(ListMember.contact_id, DistributionList.name)
                .join(DistributionList, DistributionList.id == ListMember.list_id)
                .where(_where(ListMember.contact_id, chunk))
                .order_by(ListMember.contact_id, DistributionList.name_key)
            )
        ),
    }
    return base, parts


def _contact_data(base: list[Any], parts: Parts) -> dict[int, ContactData]:
    none: tuple[Any, ...] = ()
    emails, phones, addresses = parts["emails"], parts["phones"], parts["addresses"]
    urls, tags, lists = parts["urls"], parts["tags"], parts["lists"]
    out: dict[int, ContactData] = {}
    for row in base:
        cid = row[0]
        out[cid] = ContactData(
            id=cid,
            uid=row[1],
            kind=ContactKind(row[2]),
            civility=row[3],
            given_name=row[4],
            family_name=row[5],
            display_name=row[6],
            additional_names=row[7],
            name_prefix=row[8],
            name_suffix=row[9],
            job_title=row[10],
            role=row[11],
            organization=row[12] or "",
            department=row[13],
            beats=[b for b in row[14].split("\n") if b],
            language=row[15],
            notes=row[16],
            birthday=row[17],
            photo_mime=row[18],
            lawful_basis=LawfulBasis(row[19]),
            data_source=row[20],
            opted_out=row[21],
            opted_out_at=row[22],
            opted_out_reason=row[23],
            archived=row[24],
            salutation=SalutationStyle(row[25]),
            extra_vcard=json.loads(row[26]) if row[26] else [],
            emails=[EmailAddress(*r) for r in emails.get(cid, none)],
            phones=[Phone(*r) for r in phones.get(cid, none)],
            addresses=[PostalAddress(*r) for r in addresses.get(cid, none)],
            urls=[WebLink(*r) for r in urls.get(cid, none)],
            tags=[r[0] for r in tags.get(cid, none)],
            lists=[r[0] for r in lists.get(cid, none)],
        )
    return out


# -- keeping many contacts out of the collector's full passes -------------------------------------

# While a plan or an export grows, what it already holds is set aside from the collector every
# this many contacts (``collector_steps``).
ASIDE_EVERY = 2000


@contextmanager
def collector_steps(progress: object = None) -> Iterator[Callable[[], None]]:
    """Keeps the contacts of a large import or export out of the cyclic garbage collector's
    full passes when the caller runs it bare (``progress`` None or ``NullProgress``: the
    command line, scripts), as the import window does for its jobs
    (``ui.dialogs.import_dialog.CollectedProgress``); a caller that reports progress runs a
    window job, whose collector policy is its own, and the collector is left alone.

    An import plan holds some twenty objects per record, an export a row per contact, none
    of them garbage; every full pass walks them all, and Python runs one each time the
    survivors grow by a quarter: at 50,000 records, a sixth of an import went there. The
    function yielded (call it every ``ASIDE_EVERY`` contacts) collects the young generations
    (where short-lived cycles die) and freezes the survivors (``gc.freeze``); on leaving,
    they go back under the collector's watch (``gc.unfreeze``). What reference counting
    frees, nearly everything here, is freed as usual meanwhile. (Whether something is frozen
    already is not asked: ``gc.get_freeze_count`` walks every frozen object, a fifth of a
    second with a 50,000-record plan frozen, holding the interpreter lock.)"""
    if not (progress is None or isinstance(progress, NullProgress)) or not gc.isenabled():
        yield _managed_elsewhere
        return
    gc.freeze()
    try:
        yield _aside
    finally:
        gc.unfreeze()


def _aside() -> None:
    gc.collect(1)
    gc.freeze()


def _managed_elsewhere() -> None:
    pass
