"""Press releases (communiqués de presse): their text, their status and their attachments.

Attachments live in the database, not beside it, so that a backup or a database shared by the
team carries the PDF and the pictures that went out with each release. Their total is capped by
``config.MAX_ATTACHMENT_BYTES``: a message heavier than that is refused by most mail servers
once encoded, and the limit is said in plain French before anything is written.
"""

from __future__ import annotations

import mimetypes
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import case, delete, func, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from fiac_press_desk import config
from fiac_press_desk.domain.enums import DistributionStatus, ReleaseStatus
from fiac_press_desk.domain.errors import ConflictError, NotFoundError, ValidationError
from fiac_press_desk.domain.text import clean
from fiac_press_desk.services.base import ServiceBase, get_or_404
from fiac_press_desk.services.edit_conflicts import expect_version, lock_for_edit
from fiac_press_desk.storage.models import Distribution, Release, ReleaseAttachment, Setting

TITLE_MAX = 500
REFERENCE_MAX = 64
LANGUAGES = ("fr", "en")
# Image types a mail client shows inline or opens without a plug-in; PDF for the release itself.
ACCEPTED_TYPES = frozenset(
    {
        "application/pdf",
        "image/jpeg",
        "image/png",
        "image/gif",
        "image/webp",
        "image/tiff",
        "image/svg+xml",
    }
)
EDITABLE = (
    "title",
    "reference",
    "release_date",
    "embargo_at",
    "language",
    "status",
    "summary",
    "body",
)
RECEIVED = (DistributionStatus.SENT.value, DistributionStatus.RECORDED.value)


@dataclass(frozen=True)
class AttachmentInfo:
    """An attachment as lists show it (the bytes stay in the database until asked for)."""

    id: int
    filename: str
    mime_type: str
    size: int


@dataclass(frozen=True)
class AttachmentFile:
    """An attachment with its bytes: a file being added, or one read back to be sent."""

    filename: str
    data: bytes
    mime_type: str = ""

    @classmethod
    def from_path(cls, path: Path) -> AttachmentFile:
        """Read a file to attach; a file over the limit is refused before it is read."""
        name = path.name
        try:
            size = path.stat().st_size
            if size > config.MAX_ATTACHMENT_BYTES:
                raise ValidationError(
                    "attachments",
                    "attachment_too_large",
                    name=name,
                    size=megabytes(size),
                    limit=megabytes(config.MAX_ATTACHMENT_BYTES),
                )
            data = path.read_bytes()
        except OSError as exc:
            raise ValidationError(
                "attachments", "attachment_unreadable", name=str(path), reason=exc.strerror or exc
            ) from exc
        return cls(name, data, guess_mime_type(name))


@dataclass
class ReleaseData:
    """A release as the form edits it and the services hand it back."""

    title: str = ""
    reference: str = ""
    release_date: date | None = None
    embargo_at: datetime | None = None  # timezone-aware; None: no embargo
    language: str = "fr"
    status: ReleaseStatus = ReleaseStatus.DRAFT
    summary: str = ""  # the chapô: two or three lines that open the release
    body: str = ""
    # Read-only on output:
    id: int | None = None
    attachments: list[AttachmentInfo] = field(default_factory=list)
    created_at: datetime | None = None
    updated_at: datetime | None = None


@dataclass(frozen=True)
class ReleaseRow:
    """One line of the releases list."""

    id: int
    title: str
    reference: str
    release_date: date | None
    embargo_at: datetime | None
    status: str  # ReleaseStatus value
    language: str
    received: int  # sent by the desk or recorded by hand
    pending: int  # queued, not sent yet (an interrupted sending)
    failed: int  # refused by the server
    uncertain: int  # interrupted between the server's answer and the commit
    attachments: int

    @property
    def recipients(self) -> int:
        """How many received it (sent or recorded)."""
        return self.received


def megabytes(size: int) -> str:
    """French-style size in MB with one decimal ("15,2")."""
    return f"{size / (1024 * 1024):.1f}".replace(".", ",")


def guess_mime_type(filename: str) -> str:
    """The MIME type a mail client expects for the file name (octet-stream if unknown)."""
    guessed, _ = mimetypes.guess_type(filename, strict=False)
    return guessed or "application/octet-stream"


def validate_release(data: ReleaseData) -> ReleaseData:
    """A cleaned copy of ``data``, or ValidationError naming the field."""
    title = clean(data.title)
    if not title:
        raise ValidationError("title", "required")
    if len(title) > TITLE_MAX:
        raise ValidationError("title", "too_long", length=len(title), limit=TITLE_MAX)
    reference = clean(data.reference)
    if len(reference) > REFERENCE_MAX:
        raise ValidationError("reference", "too_long", length=len(reference), limit=REFERENCE_MAX)
    if data.embargo_at is not None and data.embargo_at.tzinfo is None:
        raise ValidationError("embargo_at", "bad_date", value=data.embargo_at.isoformat())
    language = (data.language or "fr").strip().lower()
    if language not in LANGUAGES:
        raise ValidationError("language", "bad_choice", value=data.language)
    try:
        status = ReleaseStatus(data.status)
    except ValueError:
        raise ValidationError("status", "bad_choice", value=data.status) from None
    return ReleaseData(
        title=title,
        reference=reference,
        release_date=data.release_date,
        embargo_at=data.embargo_at,
        language=language,
        status=status,
        summary=data.summary.strip(),
        body=data.body.strip("\n").rstrip(),
        id=data.id,
    )


def check_attachment(item: AttachmentFile, already: int) -> AttachmentFile:
    """The attachment with its MIME type settled, or ValidationError with the reason."""
    name = clean(Path(item.filename).name) or "piece-jointe"
    mime = (item.mime_type or guess_mime_type(name)).lower()
    if mime not in ACCEPTED_TYPES:
        guessed = guess_mime_type(name)
        if guessed not in ACCEPTED_TYPES:
            raise ValidationError("attachments", "attachment_type", name=name)
        mime = guessed
    size = len(item.data)
    if size == 0:
        raise ValidationError("attachments", "attachment_empty", name=name)
    limit = config.MAX_ATTACHMENT_BYTES
    if size > limit:
        raise ValidationError(
            "attachments",
            "attachment_too_large",
            name=name,
            size=megabytes(size),
            limit=megabytes(limit),
        )
    if already + size > limit:
        raise ValidationError(
            "attachments",
            "attachments_too_large",
            name=name,
            size=megabytes(already + size),
            limit=megabytes(limit),
        )
    return AttachmentFile(name[:255], item.data, mime)


class ReleaseService(ServiceBase):
    # -- reading ----------------------------------------------------------------------------

    """Press releases and their attachments, each change audited."""

    def rows(self, release_id: int | None = None) -> list[ReleaseRow]:
        """Every release (or one), newest first, with its distribution counts (one query)."""
        counts = (
            select(
                Distribution.release_id.label("rid"),
                func.sum(case((Distribution.status.in_(RECEIVED), 1), else_=0)).label("received"),
                func.sum(case((Distribution.status == "pending", 1), else_=0)).label("pending"),
                func.sum(case((Distribution.status == "failed", 1), else_=0)).label("failed"),
                func.sum(case((Distribution.status == "sending", 1), else_=0)).label("uncertain"),
            )
            .where(
                Distribution.release_id == release_id
                if release_id is not None
                else Distribution.release_id.is_not(None)
            )
            .group_by(Distribution.release_id)
            .subquery()
        )
        files = (
            select(ReleaseAttachment.release_id.label("rid"), func.count().label("n"))
            .group_by(ReleaseAttachment.release_id)
            .subquery()
        )
        stmt = (
            select(
                Release.id,
                Release.title,
                Release.reference,
                Release.release_date,
                Release.embargo_at,
                Release.status,
                Release.language,
                counts.c.received,
                counts.c.pending,
                counts.c.failed,
                counts.c.uncertain,
                files.c.n,
            )
            .outerjoin(counts, counts.c.rid == Release.id)
            .outerjoin(files, files.c.rid == Release.id)
            .order_by(Release.release_date.desc().nulls_first(), Release.id.desc())
        )
        if release_id is not None:
            stmt = stmt.where(Release.id == release_id)
        with self.db.session() as session:
            return [
                ReleaseRow(
                    id=r.id,
                    title=r.title,
                    reference=r.reference or "",
                    release_date=r.release_date,
                    embargo_at=r.embargo_at,
                    status=r.status,
                    language=r.language,
                    received=int(r.received or 0),
                    pending=int(r.pending or 0),
                    failed=int(r.failed or 0),
                    uncertain=int(r.uncertain or 0),
                    attachments=int(r.n or 0),
                )
                for r in session.execute(stmt)
            ]

    def row(self, release_id: int) -> ReleaseRow:
        """One release as the releases table shows it."""
        found = self.rows(release_id)
        if not found:
            raise NotFoundError("Release", release_id)
        return found[0]

    def get(self, release_id: int) -> ReleaseData:
        """One release with its attachments listed (their bytes are not read)."""
        with self.db.session() as session:
            return _to_data(get_or_404(session, Release, release_id))

    def attachment(self, attachment_id: int) -> AttachmentFile:
        """One attachment with its bytes."""
        with self.db.session() as session:
            att = get_or_404(session, ReleaseAttachment, attachment_id)
            return AttachmentFile(att.filename, att.data, att.mime_type)

    def attachment_files(self, release_id: int) -> list[AttachmentFile]:
        """The attachments with their bytes, in the order they were added (for sending)."""
        with self.db.session() as session:
            get_or_404(session, Release, release_id)
            rows = session.execute(
                select(
                    ReleaseAttachment.filename, ReleaseAttachment.data, ReleaseAttachment.mime_type
                )
                .where(ReleaseAttachment.release_id == release_id)
                .order_by(ReleaseAttachment.id)
            )
            return [AttachmentFile(f, d, m) for f, d, m in rows]

    def suggest_reference(self, on: date) -> str:
        """The next free "CP-YYYY-NN" reference for a release dated ``on``."""
        prefix = f"CP-{on.year}-"
        with self.db.session() as session:
            taken = session.scalars(
                select(Release.reference).where(Release.reference.like(f"{prefix}%"))
            ).all()
        pattern = re.compile(r"CP-\d{4}-(\d+)")
        numbers = [int(m.group(1)) for t in taken if t and (m := pattern.fullmatch(t))]
        return f"{prefix}{max(numbers, default=0) + 1:02d}"

    # -- writing ----------------------------------------------------------------------------

    def create(self, data: ReleaseData, attachments: list[AttachmentFile] | None = None) -> int:
        """A new release with its attachments; its id."""
        clean_data = validate_release(data)
        with self.transaction() as session:
            _unique_reference(session, clean_data.reference, None)
            release = Release()
            _apply(release, clean_data)
            session.add(release)
            session.flush()
            names = _add_attachments(session, release.id, attachments or [])
            self.audit(
                session,
                "create",
                "release",
                release.id,
                title=clean_data.title,
                attachments=names,
            )
            return release.id

    def update(
        self,
        release_id: int,
        data: ReleaseData,
        add: list[AttachmentFile] | None = None,
        remove: list[int] | None = None,
        *,
        version: int | None = None,
    ) -> None:
        """Save the form: text, status and the attachments added or removed, all or nothing.
        With the ``version`` the form read (``get_version``), a save over a colleague's newer
        one is refused (``edit_conflicts.StaleEditError``)."""
        clean_data = validate_release(data)
        proposed = {n: getattr(clean_data, n) for n in EDITABLE}
        try:
            with self.transaction() as session:
                if version is not None:
                    lock_for_edit(session, Release.__table__, release_id)
                release = get_or_404(session, Release, release_id)
                _unique_reference(session, clean_data.reference, release_id)
                before = _to_data(release)
                stored = {n: getattr(before, n) for n in EDITABLE}
                expect_version(
                    session, "release", release_id, release.version, version, stored, proposed
                )
                changed = [n for n in EDITABLE if getattr(before, n) != getattr(clean_data, n)]
                _apply(release, clean_data)
                removed = _remove_attachments(session, release_id, remove or [])
                added = _add_attachments(session, release_id, add or [])
                self.audit(
                    session,
                    "update",
                    "release",
                    release_id,
                    changed=changed,
                    attachments_added=added,
                    attachments_removed=removed,
                )
        except StaleDataError:  # a colleague committed between our read and our write
            with self.db.session() as session:
                release = get_or_404(session, Release, release_id)
                stored = {n: getattr(_to_data(release), n) for n in EDITABLE}
                expect_version(
                    session, "release", release_id, release.version, -1, stored, proposed
                )
            raise

    def get_version(self, release_id: int) -> int:
        """The release's version (read it with ``get``, hand it back to ``update``)."""
        with self.db.session() as session:
            return get_or_404(session, Release, release_id).version

    def add_attachment(self, release_id: int, item: AttachmentFile) -> int:
        """Attach a file to a release, within the size a mail server takes; its id."""
        with self.transaction() as session:
            get_or_404(session, Release, release_id)
            _add_attachments(session, release_id, [item])
            session.flush()
            att_id = session.scalar(
                select(func.max(ReleaseAttachment.id)).where(
                    ReleaseAttachment.release_id == release_id
                )
            )
            assert att_id is not None
            self.audit(session, "attach", "release", release_id, file=item.filename)
            return int(att_id)

    def remove_attachment(self, attachment_id: int) -> None:
        """Take a file off its release."""
        with self.transaction() as session:
            att = get_or_404(session, ReleaseAttachment, attachment_id)
            release_id, name = att.release_id, att.filename
            session.delete(att)
            self.audit(session, "detach", "release", release_id, file=name)

    def delete(self, release_id: int) -> None:
        """Delete a release that never went out; one with a ledger is kept (its history)."""
        with self.transaction() as session:
            release = get_or_404(session, Release, release_id)
            served = int(
                session.scalar(
                    select(func.count()).where(
                        Distribution.release_id == release_id, Distribution.status.in_(RECEIVED)
                    )
                )
                or 0
            )
            if served:
                raise ValidationError("release", "release_has_distributions", count=served)
            session.execute(delete(Distribution).where(Distribution.release_id == release_id))
            session.execute(delete(Setting).where(Setting.key == f"release.{release_id}.criteria"))
            session.delete(release)
            self.audit(session, "delete", "release", release_id, title=release.title)


def _apply(release: Release, data: ReleaseData) -> None:
    release.title = data.title
    release.reference = data.reference or None  # NULLs do not collide under the unique index
    release.release_date = data.release_date
    release.embargo_at = data.embargo_at
    release.language = data.language
    release.status = ReleaseStatus(data.status).value
    release.summary = data.summary
    release.body = data.body


def _unique_reference(session: Session, reference: str, own_id: int | None) -> None:
    if not reference:
        return
    found = session.scalar(select(Release.id).where(Release.reference == reference))
    if found is not None and found != own_id:
        raise ConflictError("reference", "duplicate_name", value=reference)


def _attachments_total(session: Session, release_id: int) -> int:
    return int(
        session.scalar(
            select(func.coalesce(func.sum(ReleaseAttachment.size), 0)).where(
                ReleaseAttachment.release_id == release_id
            )
        )
        or 0
    )


def _add_attachments(session: Session, release_id: int, items: list[AttachmentFile]) -> list[str]:
    total = _attachments_total(session, release_id)
    names = []
    for item in items:
        ok = check_attachment(item, total)
        total += len(ok.data)
        session.add(
            ReleaseAttachment(
                release_id=release_id,
                filename=ok.filename,
                mime_type=ok.mime_type,
                size=len(ok.data),
                data=ok.data,
            )
        )
        names.append(ok.filename)
    return names


def _remove_attachments(session: Session, release_id: int, ids: list[int]) -> list[str]:
    if not ids:
        return []
    names = list(
        session.scalars(
            select(ReleaseAttachment.filename).where(
                ReleaseAttachment.release_id == release_id, ReleaseAttachment.id.in_(ids)
            )
        )
    )
    session.execute(
        delete(ReleaseAttachment).where(
            ReleaseAttachment.release_id == release_id, ReleaseAttachment.id.in_(ids)
        )
    )
    session.flush()
    return names


def _to_data(release: Release) -> ReleaseData:
    return ReleaseData(
        id=release.id,
        title=release.title,
        reference=release.reference or "",
        release_date=release.release_date,
        embargo_at=release.embargo_at,
        language=release.language,
        status=ReleaseStatus(release.status),
        summary=release.summary,
        body=release.body,
        attachments=[
            AttachmentInfo(a.id, a.filename, a.mime_type, a.size) for a in release.attachments
        ],
        created_at=release.created_at,
        updated_at=release.updated_at,
    )
