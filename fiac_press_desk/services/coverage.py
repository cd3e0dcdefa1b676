"""Press coverage (retombées): the articles, broadcasts and posts the desk's releases and
answers led to, with their clipping; what each release produced.

Every write is one transaction with one audit entry. The window and the command line get
plain dataclasses; the clipping's bytes are read only when asked (``attachment``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, cast

from sqlalchemy import Select, delete, func, or_, select
from sqlalchemy.orm import Session, aliased

from fiac_press_desk.config import desk_timezone
from fiac_press_desk.domain.contact import ContactData
from fiac_press_desk.domain.coverage import (
    Attachment,
    CoverageInput,
    Medium,
    Tone,
    validate_attachment,
    validate_coverage,
)
from fiac_press_desk.domain.enquiry import DeskClock
from fiac_press_desk.domain.errors import ValidationError
from fiac_press_desk.domain.gdpr import CollectedVia
from fiac_press_desk.domain.text import fold
from fiac_press_desk.domain.validation import validate_contact
from fiac_press_desk.services.base import ServiceBase, get_or_404
from fiac_press_desk.services.gdpr_register import mark_collected
from fiac_press_desk.services.gdpr_suppression import refuse_suppressed
from fiac_press_desk.services.progress import NullProgress, ProgressSink
from fiac_press_desk.storage.contact_record import Resolver, apply_data
from fiac_press_desk.storage.database import Database
from fiac_press_desk.storage.models import (
    Contact,
    CoverageItem,
    Distribution,
    Enquiry,
    Organisation,
    Release,
)

CHUNK = 500


@dataclass(frozen=True)
class CoverageRow:
    """One item as the lists show it (the coverage page, a release, a contact card)."""

    id: int
    published_on: date
    title: str
    outlet: str
    organisation_id: int | None
    outlet_kind: str  # OrganisationType value of the outlet, "" without one
    contact_id: int | None
    journalist: str  # the linked contact's name, else the byline as printed
    medium: Medium
    tone: Tone
    audience: int | None
    link: str
    release_id: int | None
    release_title: str
    enquiry_id: int | None
    enquiry_subject: str
    attachment_name: str
    attachment_size: int


@dataclass
class CoverageRecord:
    """Everything about one item, for the edit form."""

    id: int
    data: CoverageInput
    outlet_kind: str
    journalist: str
    release_title: str
    enquiry_subject: str
    attachment_name: str
    attachment_type: str
    attachment_size: int
    created_at: datetime
    updated_at: datetime


@dataclass
class CoverageFilter:
    """Which items to list; criteria add up (AND), dates inclusive."""

    published_from: date | None = None
    published_to: date | None = None
    media: list[Medium] = field(default_factory=list)
    tones: list[Tone] = field(default_factory=list)
    release_id: int | None = None
    enquiry_id: int | None = None
    contact_id: int | None = None
    organisation_id: int | None = None
    search: str = ""


@dataclass(frozen=True)
class Recipient:
    """One person a release went to (or is queued for)."""

    contact_id: int | None
    name: str
    outlet: str
    address: str
    status: str  # DistributionStatus value
    sent_at: datetime | None


@dataclass(frozen=True)
class EnquiryCaused:
    """An enquiry linked to a release."""

    id: int
    received_at: datetime
    subject: str
    contact_name: str
    outlet: str
    status: str


@dataclass
class ReleaseOutcome:
    """What one release produced: who received it, what they asked, what they published."""

    release_id: int
    title: str
    recipients: list[Recipient]
    enquiries: list[EnquiryCaused]
    coverage: list[CoverageRow]


@dataclass
class ImportedCoverage:
    """What a monitoring import wrote, and the rows it refused (with where and why)."""

    created: list[int] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # already logged: same link or title/day
    refused: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class CoverageRowInput:
    """One row of a monitoring export, read and mapped: where it was and what it says."""

    place: str  # "file.xlsx, ligne 4"
    data: CoverageInput


@dataclass
class CoverageChoices:
    """What the capture form offers: outlets (with their website, which names the outlet of
    a pasted link), journalists, releases and enquiries, most recent first."""

    outlets: list[tuple[str, str]] = field(default_factory=list)  # name, website
    journalists: list[tuple[int, str, str]] = field(default_factory=list)  # id, name, outlet
    releases: list[tuple[int, str]] = field(default_factory=list)  # id, title
    enquiries: list[tuple[int, str]] = field(default_factory=list)  # id, "dd/mm/yyyy subject"


class CoverageService(ServiceBase):
    """The coverage log: capture, edit, clipping, lists, what a release produced, import."""

    def __init__(
        self, db: Database, actor: str | None = None, clock: DeskClock | None = None
    ) -> None:
        super().__init__(db, actor)
        self.clock = clock or DeskClock(desk_timezone())

    # -- writing ------------------------------------------------------------------------------

    def create(
        self,
        data: CoverageInput,
        *,
        attachment: Attachment | None = None,
        new_contact: ContactData | None = None,
    ) -> int:
        """Log one item; ``new_contact`` (the journalist met for the first time) is created in
        the same transaction and becomes the item's journalist."""
        clean_data = validate_coverage(data, self.clock.today())
        clip = validate_attachment(attachment) if attachment is not None else None
        contact_data = validate_contact(new_contact) if new_contact is not None else None
        with self.transaction() as session:
            resolver = Resolver(session)
            if contact_data is not None:
                refuse_suppressed(session, contact_data)  # an erased person stays erased
                contact = Contact()
                session.add(contact)
                apply_data(session, contact, contact_data, resolver)
                session.flush()
                clean_data.contact_id = contact.id
                mark_collected(session, [contact.id], CollectedVia.MANUAL)
                self.audit(
                    session,
                    "create",
                    "contact",
                    contact.id,
                    name=contact_data.computed_display_name(),
                    source="coverage",
                )
            item = CoverageItem()
            self._apply(session, item, clean_data, resolver)
            if clip is not None:
                _attach(item, clip)
            session.add(item)
            session.flush()
            self.audit(
                session,
                "create",
                "coverage",
                item.id,
                title=clean_data.title,
                contact_id=clean_data.contact_id,
                release_id=clean_data.release_id,
                enquiry_id=clean_data.enquiry_id,
            )
            return item.id

    def update(self, item_id: int, data: CoverageInput) -> None:
        """Change what was logged (the clipping stays: ``set_attachment`` changes it)."""
        clean_data = validate_coverage(data, self.clock.today())
        with self.transaction() as session:
            item = get_or_404(session, CoverageItem, item_id)
            before = _snapshot(item)
            self._apply(session, item, clean_data, Resolver(session))
            session.flush()
            after = _snapshot(item)
            changed = sorted(k for k in before if before[k] != after[k])
            self.audit(session, "update", "coverage", item_id, changed=changed)

    def set_attachment(self, item_id: int, attachment: Attachment | None) -> None:
        """Keep this clipping with the item (None removes it)."""
        clip = validate_attachment(attachment) if attachment is not None else None
        with self.transaction() as session:
            item = get_or_404(session, CoverageItem, item_id)
            if clip is None:
                item.attachment, item.attachment_name = None, ""
                item.attachment_type, item.attachment_size = "", 0
            else:
                _attach(item, clip)
            self.audit(
                session,
                "attach" if clip else "detach",
                "coverage",
                item_id,
                filename=clip.filename if clip else "",
            )

    def delete(self, item_ids: Iterable[int]) -> int:
        """Remove these items; how many there were."""
        ids = sorted(set(item_ids))
        with self.transaction() as session:
            gone = 0
            for start in range(0, len(ids), CHUNK):
                result = session.execute(
                    delete(CoverageItem).where(CoverageItem.id.in_(ids[start : start + CHUNK]))
                )
                gone += int(getattr(result, "rowcount", 0) or 0)
            self.audit(session, "delete", "coverage", None, ids=ids)
            return gone

    def import_rows(
        self, rows: Sequence[CoverageRowInput], progress: ProgressSink | None = None
    ) -> ImportedCoverage:
        """Write the rows of a monitoring export in one transaction: each valid row becomes an
        item (its outlet found or created; its journalist linked when the byline names one
        contact of that outlet); a row already logged (same link, or same title and day) is
        skipped; a bad row is refused with its place and reason, the others go on."""
        progress = progress or NullProgress()
        out = ImportedCoverage()
        today = self.clock.today()
        with self.transaction() as session:
            resolver = Resolver(session)
            resolver.prefetch(organisations=[r.data.outlet for r in rows])
            known_links, known_titles = _known(session)
            names = _contacts_by_name(session)
            for done, row in enumerate(rows, start=1):
                if done % 200 == 0:
                    progress.check()
                    progress.report(done, len(rows), row.place)
                try:
                    data = validate_coverage(row.data, today)
                except ValidationError as exc:
                    out.refused.append(f"{row.place} : {exc}")
                    continue
                assert data.published_on is not None
                title_key = (fold(data.title), data.published_on)
                if (data.link and data.link in known_links) or title_key in known_titles:
                    out.skipped.append(f"{row.place} : {data.title}")
                    continue
                if data.contact_id is None and data.author:
                    found = names.get(fold(data.author), [])
                    if len(found) == 1:
                        data.contact_id = found[0]
                item = CoverageItem()
                self._apply(session, item, data, resolver)
                session.add(item)
                session.flush()
                out.created.append(item.id)
                known_links.add(data.link)
                known_titles.add(title_key)
            progress.report(len(rows), len(rows), "")
            self.audit(
                session,
                "import",
                "coverage",
                None,
                ids=out.created,
                skipped=len(out.skipped),
                refused=len(out.refused),
            )
        return out

    def _apply(
        self, session: Session, item: CoverageItem, data: CoverageInput, resolver: Resolver
    ) -> None:
        if data.contact_id is not None:
            contact = get_or_404(session, Contact, data.contact_id)
        else:
            contact = None
        if data.release_id is not None:
            get_or_404(session, Release, data.release_id)
        if data.enquiry_id is not None:
            enquiry = get_or_404(session, Enquiry, data.enquiry_id)
            if data.release_id is None and enquiry.release_id is not None:
                data.release_id = enquiry.release_id  # what the enquiry was about
        organisation = resolver.organisation(data.outlet) if data.outlet else None
        if organisation is None and contact is not None:
            organisation = contact.organisation
        if organisation is not None and organisation.id is None:
            session.flush()
        assert data.published_on is not None
        item.published_on = data.published_on
        item.organisation_id = organisation.id if organisation is not None else None
        item.contact_id = data.contact_id
        item.author = data.author
        item.title = data.title
        item.link = data.link
        item.medium = data.medium.value
        item.audience = data.audience
        item.tone = data.tone.value
        item.notes = data.notes
        item.release_id = data.release_id
        item.enquiry_id = data.enquiry_id

    # -- reading ------------------------------------------------------------------------------

    def get(self, item_id: int) -> CoverageRecord:
        """One item, for the edit form."""
        with self.db.session() as session:
            item = get_or_404(session, CoverageItem, item_id)
            row = session.execute(_rows().where(CoverageItem.id == item_id)).one()
            shown = _row(row)
            return CoverageRecord(
                id=item.id,
                data=CoverageInput(
                    title=item.title,
                    published_on=item.published_on,
                    outlet=shown.outlet,
                    contact_id=item.contact_id,
                    author=item.author,
                    link=item.link,
                    medium=Medium(item.medium),
                    audience=item.audience,
                    tone=Tone(item.tone),
                    notes=item.notes,
                    release_id=item.release_id,
                    enquiry_id=item.enquiry_id,
                ),
                outlet_kind=shown.outlet_kind,
                journalist=shown.journalist,
                release_title=shown.release_title,
                enquiry_subject=shown.enquiry_subject,
                attachment_name=item.attachment_name,
                attachment_type=item.attachment_type,
                attachment_size=item.attachment_size,
                created_at=item.created_at,
                updated_at=item.updated_at,
            )

    def attachment(self, item_id: int) -> Attachment | None:
        """The clipping's bytes, name and type (None when the item has none)."""
        with self.db.session() as session:
            item = get_or_404(session, CoverageItem, item_id)
            if item.attachment is None:
                return None
            return Attachment(item.attachment_name, item.attachment_type, item.attachment)

    def search(self, flt: CoverageFilter | None = None) -> list[CoverageRow]:
        """The items that match, newest first."""
        flt = flt or CoverageFilter()
        stmt = _filtered(_rows(), flt).order_by(
            CoverageItem.published_on.desc(), CoverageItem.id.desc()
        )
        with self.db.session() as session:
            rows = [_row(r) for r in session.execute(stmt)]
        if flt.search:
            needle = fold(flt.search)
            rows = [
                r
                for r in rows
                if needle in fold(" ".join((r.title, r.outlet, r.journalist, r.link)))
            ]
        return rows

    def for_contacts(self, contact_ids: Iterable[int]) -> dict[int, list[CoverageRow]]:
        """What each of these contacts published, newest first (the JSON export, the access
        dossier); a contact with none is left out."""
        ids = sorted(set(contact_ids))
        out: dict[int, list[CoverageRow]] = {}
        with self.db.session() as session:
            for start in range(0, len(ids), CHUNK):
                stmt = (
                    _rows()
                    .where(CoverageItem.contact_id.in_(ids[start : start + CHUNK]))
                    .order_by(CoverageItem.published_on.desc(), CoverageItem.id.desc())
                )
                for r in session.execute(stmt):
                    row = _row(r)
                    assert row.contact_id is not None
                    out.setdefault(row.contact_id, []).append(row)
        return out

    def release_outcome(self, release_id: int) -> ReleaseOutcome:
        """Who received the release, the enquiries it caused, the coverage it had."""
        with self.db.session() as session:
            release = get_or_404(session, Release, release_id)
            org = aliased(Organisation)
            recipients = [
                Recipient(cid, _name(d, g, f), o or "", addr, status, sent)
                for cid, d, g, f, o, addr, status, sent in session.execute(
                    select(
                        Distribution.contact_id,
                        Contact.display_name,
                        Contact.given_name,
                        Contact.family_name,
                        org.name,
                        Distribution.address,
                        Distribution.status,
                        Distribution.sent_at,
                    )
                    .outerjoin(Contact, Contact.id == Distribution.contact_id)
                    .outerjoin(org, org.id == Contact.organisation_id)
                    .where(Distribution.release_id == release_id)
                    .order_by(Contact.sort_name, Distribution.id)
                )
            ]
            enquiries = [
                EnquiryCaused(i, at, subject, _name(d, g, f), o or "", status)
                for i, at, subject, d, g, f, o, status in session.execute(
                    select(
                        Enquiry.id,
                        Enquiry.received_at,
                        Enquiry.subject,
                        Contact.display_name,
                        Contact.given_name,
                        Contact.family_name,
                        Organisation.name,
                        Enquiry.status,
                    )
                    .outerjoin(Contact, Contact.id == Enquiry.contact_id)
                    .outerjoin(Organisation, Organisation.id == Enquiry.organisation_id)
                    .where(Enquiry.release_id == release_id)
                    .order_by(Enquiry.received_at.desc(), Enquiry.id.desc())
                )
            ]
            coverage = [
                _row(r)
                for r in session.execute(
                    _rows()
                    .where(CoverageItem.release_id == release_id)
                    .order_by(CoverageItem.published_on.desc(), CoverageItem.id.desc())
                )
            ]
            return ReleaseOutcome(release_id, release.title, recipients, enquiries, coverage)

    def choices(self, limit: int = 300) -> CoverageChoices:
        """The capture form's lists, read at once."""
        out = CoverageChoices()
        with self.db.session() as session:
            out.outlets = [
                (name, site or "")
                for name, site in session.execute(
                    select(Organisation.name, Organisation.website).order_by(Organisation.name)
                )
            ]
            org = aliased(Organisation)
            out.journalists = [
                (cid, _name(d, g, f), o or "")
                for cid, d, g, f, o in session.execute(
                    select(
                        Contact.id,
                        Contact.display_name,
                        Contact.given_name,
                        Contact.family_name,
                        org.name,
                    )
                    .outerjoin(org, org.id == Contact.organisation_id)
                    .where(Contact.kind == "journalist", Contact.archived.is_(False))
                    .order_by(Contact.sort_name)
                    .limit(5000)
                )
                if _name(d, g, f)
            ]
            out.releases = [
                (rid, title)
                for rid, title in session.execute(
                    select(Release.id, Release.title)
                    .order_by(Release.release_date.is_(None), Release.release_date.desc())
                    .order_by(Release.id.desc())
                    .limit(limit)
                )
            ]
            local = self.clock.local
            out.enquiries = [
                (eid, f"{local(at):%d/%m/%Y} {subject}")
                for eid, at, subject in session.execute(
                    select(Enquiry.id, Enquiry.received_at, Enquiry.subject)
                    .order_by(Enquiry.received_at.desc())
                    .limit(limit)
                )
            ]
        return out

    def count(self) -> int:
        """How many items the log holds."""
        with self.db.session() as session:
            return int(session.scalar(select(func.count()).select_from(CoverageItem)) or 0)


# -- helpers ------------------------------------------------------------------------------------


def _attach(item: CoverageItem, clip: Attachment) -> None:
    item.attachment = clip.data
    item.attachment_name = clip.filename
    item.attachment_type = clip.mime_type
    item.attachment_size = len(clip.data)


def _snapshot(item: CoverageItem) -> dict[str, Any]:
    names = [
        "published_on",
        "organisation_id",
        "contact_id",
        "author",
        "title",
        "link",
        "medium",
        "audience",
        "tone",
        "notes",
        "release_id",
        "enquiry_id",
    ]
    return {n: getattr(item, n) for n in names}


def _name(display: str | None, given: str | None, family: str | None) -> str:
    return display or f"{given or ''} {family or ''}".strip()


def _rows() -> Select[Any]:
    stmt = (
        select(
            CoverageItem.id,
            CoverageItem.published_on,
            CoverageItem.title,
            Organisation.name,
            CoverageItem.organisation_id,
            Organisation.kind,
            CoverageItem.contact_id,
            Contact.display_name,
            Contact.given_name,
            Contact.family_name,
            CoverageItem.author,
            CoverageItem.medium,
            CoverageItem.tone,
            CoverageItem.audience,
            CoverageItem.link,
            CoverageItem.release_id,
            Release.title,
            CoverageItem.enquiry_id,
            Enquiry.subject,
            CoverageItem.attachment_name,
            CoverageItem.attachment_size,
        )
        .outerjoin(Organisation, Organisation.id == CoverageItem.organisation_id)
        .outerjoin(Contact, Contact.id == CoverageItem.contact_id)
        .outerjoin(Release, Release.id == CoverageItem.release_id)
        .outerjoin(Enquiry, Enquiry.id == CoverageItem.enquiry_id)
    )
    return cast("Select[Any]", stmt)


def _row(r: Any) -> CoverageRow:
    (
        item_id,
        published_on,
        title,
        outlet,
        org_id,
        kind,
        contact_id,
        display,
        given,
        family,
        author,
        medium,
        tone,
        audience,
        link,
        release_id,
        release_title,
        enquiry_id,
        subject,
        att_name,
        att_size,
    ) = r
    journalist = _name(display, given, family) if contact_id is not None else ""
    return CoverageRow(
        id=item_id,
        published_on=published_on,
        title=title,
        outlet=outlet or "",
        organisation_id=org_id,
        outlet_kind=kind or "",
        contact_id=contact_id,
        journalist=journalist or author,
        medium=Medium(medium),
        tone=Tone(tone),
        audience=audience,
        link=link,
        release_id=release_id,
        release_title=release_title or "",
        enquiry_id=enquiry_id,
        enquiry_subject=subject or "",
        attachment_name=att_name,
        attachment_size=att_size,
    )


def _filtered(stmt: Select[Any], flt: CoverageFilter) -> Select[Any]:
    if flt.published_from is not None:
        stmt = stmt.where(CoverageItem.published_on >= flt.published_from)
    if flt.published_to is not None:
        stmt = stmt.where(CoverageItem.published_on <= flt.published_to)
    if flt.media:
        stmt = stmt.where(CoverageItem.medium.in_([m.value for m in flt.media]))
    if flt.tones:
        stmt = stmt.where(CoverageItem.tone.in_([t.value for t in flt.tones]))
    for column, value in (
        (CoverageItem.release_id, flt.release_id),
        (CoverageItem.enquiry_id, flt.enquiry_id),
        (CoverageItem.contact_id, flt.contact_id),
        (CoverageItem.organisation_id, flt.organisation_id),
    ):
        if value is not None:
            stmt = stmt.where(column == value)
    return stmt


def _known(session: Session) -> tuple[set[str], set[tuple[str, date]]]:
    links: set[str] = set()
    titles: set[tuple[str, date]] = set()
    for link, title, day in session.execute(
        select(CoverageItem.link, CoverageItem.title, CoverageItem.published_on)
    ):
        if link:
            links.add(link)
        titles.add((fold(title), day))
    return links, titles


def _contacts_by_name(session: Session) -> dict[str, list[int]]:
    """Contacts by their folded full name (both orders) and display name: a byline is linked
    only when it names exactly one contact."""
    out: dict[str, list[int]] = {}
    stmt = select(Contact.id, Contact.given_name, Contact.family_name, Contact.display_name).where(
        or_(Contact.family_name != "", Contact.display_name != "")
    )
    for cid, given, family, display in session.execute(stmt):
        keys = {fold(f"{given} {family}".strip()), fold(f"{family} {given}".strip())}
        if display:
            keys.add(fold(display))
        for key in keys - {""}:
            out.setdefault(key, []).append(cid)
    return out
