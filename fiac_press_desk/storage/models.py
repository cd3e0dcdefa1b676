"""ORM tables. Enum-valued columns hold the enum's stable English value as text."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from fiac_press_desk.domain.contact import ContactData
from fiac_press_desk.domain.contact_fields import own_fields
from fiac_press_desk.storage.types import UTCDateTime, utcnow

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


# Column ``info`` key for a column that holds a contact's id without a foreign key: the value
# (other column, values) says on which rows it does (see services/gdpr_references.py).
CONTACT_REFERENCE_WHEN = "contact_reference_when"


class Base(DeclarativeBase):
    """The declarative base; constraint names follow ``NAMING`` so migrations can name them."""

    metadata = MetaData(naming_convention=NAMING)


class Timestamped:
    """When a row was made and last changed, set by the ORM (UTC)."""

    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)


class Organisation(Timestamped, Base):
    """An outlet or partner body; contacts point to it by id."""

    __tablename__ = "organisations"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(255))
    name_key: Mapped[str] = mapped_column(String(255), unique=True)  # folded, for matching
    kind: Mapped[str] = mapped_column(String(32), default="other")
    website: Mapped[str] = mapped_column(String(255), default="")
    email: Mapped[str] = mapped_column(String(255), default="")
    phone: Mapped[str] = mapped_column(String(64), default="")
    city: Mapped[str] = mapped_column(String(255), default="")
    country: Mapped[str] = mapped_column(String(255), default="")
    notes: Mapped[str] = mapped_column(Text, default="")

    contacts: Mapped[list[Contact]] = relationship(back_populates="organisation")


contact_tags_table_name = "contact_tags"


class ContactTag(Base):
    """A tag on a contact."""

    __tablename__ = "contact_tags"

    contact_id: Mapped[int] = mapped_column(
        ForeignKey("contacts.id", ondelete="CASCADE"), primary_key=True
    )
    tag_id: Mapped[int] = mapped_column(
        ForeignKey("tags.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class Tag(Base):
    """A free label on contacts, unique by its folded name."""

    __tablename__ = "tags"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(255))
    name_key: Mapped[str] = mapped_column(String(255), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class ListMember(Base):
    """A contact on a distribution list, and since when."""

    __tablename__ = "list_members"

    list_id: Mapped[int] = mapped_column(
        ForeignKey("distribution_lists.id", ondelete="CASCADE"), primary_key=True
    )
    contact_id: Mapped[int] = mapped_column(
        ForeignKey("contacts.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    added_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class DistributionList(Base):
    """A named list of recipients, unique by its folded name."""

    __tablename__ = "distribution_lists"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(255))
    name_key: Mapped[str] = mapped_column(String(255), unique=True)
    description: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    # The ORM's version counter (migration 0008): an UPDATE names the version it read and
    # bumps it; a row changed meanwhile by someone else is refused (services: ConflictError).
    version: Mapped[int] = mapped_column(default=1, server_default="1")
    __mapper_args__ = {"version_id_col": version}


class Contact(Timestamped, Base):
    """A person the press office keeps (what the gateway, ``contact_record``, maps to
    ``ContactData``)."""

    __tablename__ = "contacts"
    # The contacts table in name order: walked from this index alone (id and archived flag
    # are in it), so listing or searching 100k contacts never reads the wide rows to sort.
    __table_args__ = (Index("ix_contacts_name_order", "sort_name", "id", "archived"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    # The ORM's version counter (migration 0008): see DistributionList.
    version: Mapped[int] = mapped_column(default=1, server_default="1")
    __mapper_args__ = {"version_id_col": version}
    uid: Mapped[str] = mapped_column(String(255), unique=True)  # stable vCard UID
    kind: Mapped[str] = mapped_column(String(16), default="journalist", index=True)
    civility: Mapped[str] = mapped_column(String(32), default="")
    given_name: Mapped[str] = mapped_column(String(255), default="")
    family_name: Mapped[str] = mapped_column(String(255), default="")
    display_name: Mapped[str] = mapped_column(String(255), default="")
    sort_name: Mapped[str] = mapped_column(String(255), default="")  # folded
    additional_names: Mapped[str] = mapped_column(String(255), default="")
    name_prefix: Mapped[str] = mapped_column(String(64), default="")
    name_suffix: Mapped[str] = mapped_column(String(64), default="")
    job_title: Mapped[str] = mapped_column(String(255), default="")
    role: Mapped[str] = mapped_column(String(255), default="")
    organisation_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisations.id", ondelete="SET NULL"), index=True
    )
    department: Mapped[str] = mapped_column(String(255), default="")
    beats: Mapped[str] = mapped_column(Text, default="")  # newline-separated topics
    language: Mapped[str] = mapped_column(String(16), default="fr")
    notes: Mapped[str] = mapped_column(Text, default="")
    birthday: Mapped[str] = mapped_column(String(10), default="")
    photo: Mapped[bytes | None] = mapped_column(LargeBinary, deferred=True)
    photo_mime: Mapped[str] = mapped_column(String(64), default="")
    lawful_basis: Mapped[str] = mapped_column(String(32), default="legitimate_interest")
    opted_out: Mapped[bool] = mapped_column(Boolean, default=False, index=True)
    opted_out_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    opted_out_reason: Mapped[str] = mapped_column(Text, default="")
    archived: Mapped[bool] = mapped_column(Boolean, default=False, index=True)
    salutation: Mapped[str] = mapped_column(String(16), default="formal")
    extra_vcard: Mapped[str] = mapped_column(Text, default="")  # unknown vCard lines, verbatim
    import_batch_id: Mapped[int | None] = mapped_column(
        ForeignKey("import_batches.id", ondelete="SET NULL"), index=True
    )
    search_text: Mapped[str] = mapped_column(Text, default="")  # folded words, fed to the index
    # The GDPR register of the person (issue 13, services/gdpr_register.py keeps it).
    collected_via: Mapped[str] = mapped_column(String(16), default="manual")  # CollectedVia
    informed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())  # art. 14 notice
    informed_how: Mapped[str] = mapped_column(String(16), default="")  # NoticeChannel value
    last_interaction_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), index=True)
    last_interaction_kind: Mapped[str] = mapped_column(String(16), default="")  # Interaction
    retention_kept_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    retention_kept_reason: Mapped[str] = mapped_column(Text, default="")

    organisation: Mapped[Organisation | None] = relationship(back_populates="contacts")
    emails: Mapped[list[ContactEmail]] = relationship(
        cascade="all, delete-orphan", order_by="ContactEmail.position", lazy="selectin"
    )
    phones: Mapped[list[ContactPhone]] = relationship(
        cascade="all, delete-orphan", order_by="ContactPhone.position", lazy="selectin"
    )
    addresses: Mapped[list[ContactAddress]] = relationship(
        cascade="all, delete-orphan", order_by="ContactAddress.position", lazy="selectin"
    )
    urls: Mapped[list[ContactUrl]] = relationship(
        cascade="all, delete-orphan", order_by="ContactUrl.position", lazy="selectin"
    )
    tags: Mapped[list[Tag]] = relationship(secondary="contact_tags", lazy="selectin")
    lists: Mapped[list[DistributionList]] = relationship(
        secondary="list_members", lazy="selectin", viewonly=True
    )


def _own_text_columns() -> None:
    """A column for each of the desk's own texts declared on ``ContactData`` and not written
    above (``domain.contact_fields``): a new field of that kind is declared once, there."""
    for spec in own_fields(ContactData):
        if spec.name not in Contact.__table__.c:
            column = mapped_column(String(spec.max_length), nullable=False, default="")
            setattr(Contact, spec.name, column)


_own_text_columns()


class ContactEmail(Base):
    """One email address of a contact, unique per contact by its lower-cased key."""

    __tablename__ = "contact_emails"
    __table_args__ = (UniqueConstraint("contact_id", "value_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    contact_id: Mapped[int] = mapped_column(ForeignKey("contacts.id", ondelete="CASCADE"))
    value: Mapped[str] = mapped_column(String(320))
    value_key: Mapped[str] = mapped_column(String(320), index=True)  # lower-cased, for matching
    label: Mapped[str] = mapped_column(String(64), default="")
    position: Mapped[int] = mapped_column(Integer, default=0)


class ContactPhone(Base):
    """One phone number of a contact (E.164 when it could be read)."""

    __tablename__ = "contact_phones"

    id: Mapped[int] = mapped_column(primary_key=True)
    contact_id: Mapped[int] = mapped_column(
        ForeignKey("contacts.id", ondelete="CASCADE"), index=True
    )
    value: Mapped[str] = mapped_column(String(64), index=True)
    label: Mapped[str] = mapped_column(String(64), default="")
    position: Mapped[int] = mapped_column(Integer, default=0)


class ContactAddress(Base):
    """One postal address of a contact."""

    __tablename__ = "contact_addresses"

    id: Mapped[int] = mapped_column(primary_key=True)
    contact_id: Mapped[int] = mapped_column(
        ForeignKey("contacts.id", ondelete="CASCADE"), index=True
    )
    label: Mapped[str] = mapped_column(String(64), default="")
    street: Mapped[str] = mapped_column(Text, default="")
    extended: Mapped[str] = mapped_column(String(255), default="")
    po_box: Mapped[str] = mapped_column(String(64), default="")
    postal_code: Mapped[str] = mapped_column(String(32), default="")
    city: Mapped[str] = mapped_column(String(255), default="")
    region: Mapped[str] = mapped_column(String(255), default="")
    country: Mapped[str] = mapped_column(String(255), default="")
    position: Mapped[int] = mapped_column(Integer, default=0)


class ContactUrl(Base):
    """One web link of a contact."""

    __tablename__ = "contact_urls"

    id: Mapped[int] = mapped_column(primary_key=True)
    contact_id: Mapped[int] = mapped_column(
        ForeignKey("contacts.id", ondelete="CASCADE"), index=True
    )
    value: Mapped[str] = mapped_column(Text)
    label: Mapped[str] = mapped_column(String(64), default="")
    position: Mapped[int] = mapped_column(Integer, default=0)


class Release(Timestamped, Base):
    """A press release and its text."""

    __tablename__ = "releases"

    id: Mapped[int] = mapped_column(primary_key=True)
    # The ORM's version counter (migration 0008): see DistributionList.
    version: Mapped[int] = mapped_column(default=1, server_default="1")
    __mapper_args__ = {"version_id_col": version}
    title: Mapped[str] = mapped_column(String(500))
    reference: Mapped[str | None] = mapped_column(String(64), unique=True)
    release_date: Mapped[date | None] = mapped_column(Date, index=True)
    embargo_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    language: Mapped[str] = mapped_column(String(16), default="fr")
    status: Mapped[str] = mapped_column(String(16), default="draft", index=True)
    summary: Mapped[str] = mapped_column(Text, default="")
    body: Mapped[str] = mapped_column(Text, default="")

    attachments: Mapped[list[ReleaseAttachment]] = relationship(
        cascade="all, delete-orphan", order_by="ReleaseAttachment.id"
    )


class ReleaseAttachment(Base):
    """A file sent with a release (its bytes loaded only when asked)."""

    __tablename__ = "release_attachments"

    id: Mapped[int] = mapped_column(primary_key=True)
    release_id: Mapped[int] = mapped_column(
        ForeignKey("releases.id", ondelete="CASCADE"), index=True
    )
    filename: Mapped[str] = mapped_column(String(255))
    mime_type: Mapped[str] = mapped_column(String(128), default="application/octet-stream")
    size: Mapped[int] = mapped_column(Integer, default=0)
    data: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class Distribution(Base):
    """One release to one contact at one address: the ledger line "who received what, when"."""

    __tablename__ = "distributions"
    __table_args__ = (
        UniqueConstraint("release_id", "contact_id", "address"),
        Index("ix_distributions_contact_sent", "contact_id", "sent_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    release_id: Mapped[int] = mapped_column(ForeignKey("releases.id", ondelete="CASCADE"))
    # None once the person was erased (GDPR): the erasure detaches and anonymises the line,
    # kept for the counts; deleting a contact (with undo) still takes its lines with it.
    contact_id: Mapped[int | None] = mapped_column(ForeignKey("contacts.id", ondelete="CASCADE"))
    address: Mapped[str] = mapped_column(String(500))  # email, or postal address for post
    channel: Mapped[str] = mapped_column(String(16), default="email")
    status: Mapped[str] = mapped_column(String(16), default="pending", index=True)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    error: Mapped[str] = mapped_column(Text, default="")
    message_id: Mapped[str] = mapped_column(String(255), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class Enquiry(Timestamped, Base):
    """A press enquiry, from its arrival to its answer."""

    __tablename__ = "enquiries"

    id: Mapped[int] = mapped_column(primary_key=True)
    # The ORM's version counter (migration 0008): see DistributionList.
    version: Mapped[int] = mapped_column(default=1, server_default="1")
    __mapper_args__ = {"version_id_col": version}
    received_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    channel: Mapped[str] = mapped_column(String(16), default="phone")
    contact_id: Mapped[int | None] = mapped_column(
        ForeignKey("contacts.id", ondelete="SET NULL"), index=True
    )
    organisation_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisations.id", ondelete="SET NULL"), index=True
    )
    subject: Mapped[str] = mapped_column(String(500))
    request_type: Mapped[str] = mapped_column(String(16), default="information")
    details: Mapped[str] = mapped_column(Text, default="")
    deadline: Mapped[datetime | None] = mapped_column(UTCDateTime(), index=True)
    priority: Mapped[str] = mapped_column(String(16), default="normal")
    assignee: Mapped[str] = mapped_column(String(255), default="")
    release_id: Mapped[int | None] = mapped_column(
        ForeignKey("releases.id", ondelete="SET NULL"), index=True
    )
    status: Mapped[str] = mapped_column(String(16), default="new", index=True)
    response_notes: Mapped[str] = mapped_column(Text, default="")
    answered_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    outcome: Mapped[str] = mapped_column(Text, default="")
    source_message_id: Mapped[str] = mapped_column(String(255), default="")

    events: Mapped[list[EnquiryEvent]] = relationship(
        cascade="all, delete-orphan", order_by="EnquiryEvent.at"
    )


class EnquiryEvent(Base):
    """A dated line of an enquiry's thread: a status change or a note."""

    __tablename__ = "enquiry_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    enquiry_id: Mapped[int] = mapped_column(
        ForeignKey("enquiries.id", ondelete="CASCADE"), index=True
    )
    at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    kind: Mapped[str] = mapped_column(String(16))  # "status" or "note"
    from_status: Mapped[str] = mapped_column(String(16), default="")
    to_status: Mapped[str] = mapped_column(String(16), default="")
    author: Mapped[str] = mapped_column(String(255), default="")
    text: Mapped[str] = mapped_column(Text, default="")


class ImportBatch(Base):
    """One import as the history and its undo know it."""

    __tablename__ = "import_batches"

    id: Mapped[int] = mapped_column(primary_key=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    source: Mapped[str] = mapped_column(Text, default="")  # file names
    format: Mapped[str] = mapped_column(String(16), default="")
    status: Mapped[str] = mapped_column(String(16), default="applied")
    created_count: Mapped[int] = mapped_column(Integer, default=0)
    updated_count: Mapped[int] = mapped_column(Integer, default=0)
    skipped_count: Mapped[int] = mapped_column(Integer, default=0)
    refused_count: Mapped[int] = mapped_column(Integer, default=0)
    undone_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class ImportBatchItem(Base):
    """What one batch did to one contact, with the state before, so the batch can be undone."""

    __tablename__ = "import_batch_items"

    id: Mapped[int] = mapped_column(primary_key=True)
    batch_id: Mapped[int] = mapped_column(
        ForeignKey("import_batches.id", ondelete="CASCADE"), index=True
    )
    # The contact's id; for "organisation" / "tag" / "list" items, the id of that record,
    # created by the batch and removed with it on undo if nothing else uses it by then.
    # (``info`` tells the GDPR access and erasure which rows are a person's: gdpr_references.)
    contact_id: Mapped[int] = mapped_column(
        Integer, index=True, info={CONTACT_REFERENCE_WHEN: ("action", ("created", "updated"))}
    )
    action: Mapped[str] = mapped_column(String(16))  # created / updated / organisation / tag / list
    before: Mapped[str] = mapped_column(Text, default="")  # JSON snapshot for updates


class AuditEntry(Base):
    """Who did what to which record, when: one line per service call that wrote."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, index=True)
    actor: Mapped[str] = mapped_column(String(255), default="")
    action: Mapped[str] = mapped_column(String(64))
    entity: Mapped[str] = mapped_column(String(64), default="")
    entity_id: Mapped[int | None] = mapped_column(
        Integer, info={CONTACT_REFERENCE_WHEN: ("entity", ("contact",))}
    )
    details: Mapped[str] = mapped_column(Text, default="")  # JSON


class Setting(Base):
    """Small key/value store: saved column mappings, SMTP settings (never the password)."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(255), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")


class NotDuplicate(Base):
    """Two contacts the press officer said are two people: the duplicate finder (and an
    import, through services/duplicates.py) never proposes the pair again. Stored once per
    pair, the lower id first; it goes with either contact when that one is deleted."""

    __tablename__ = "not_duplicates"

    first_id: Mapped[int] = mapped_column(
        ForeignKey("contacts.id", ondelete="CASCADE"), primary_key=True
    )
    second_id: Mapped[int] = mapped_column(
        ForeignKey("contacts.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    marked_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    actor: Mapped[str] = mapped_column(String(255), default="")


class InformationNotice(Base):
    """One GDPR information notice (art. 14) to one contact: sent by email through the
    release sending path (same states as a distribution line) or recorded as given another
    way (post, phone, in person)."""

    __tablename__ = "information_notices"

    id: Mapped[int] = mapped_column(primary_key=True)
    contact_id: Mapped[int] = mapped_column(
        ForeignKey("contacts.id", ondelete="CASCADE"), index=True
    )
    channel: Mapped[str] = mapped_column(String(16), default="email")  # NoticeChannel
    address: Mapped[str] = mapped_column(String(500), default="")
    status: Mapped[str] = mapped_column(String(16), default="pending", index=True)
    language: Mapped[str] = mapped_column(String(16), default="fr")
    note: Mapped[str] = mapped_column(Text, default="")
    error: Mapped[str] = mapped_column(Text, default="")
    message_id: Mapped[str] = mapped_column(String(255), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class Suppression(Base):
    """An erased person's email or phone, as a keyed hash (HMAC-SHA256 with the database's
    own secret): enough to refuse bringing them back, not enough to read who they were."""

    __tablename__ = "suppressions"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))  # "email" or "phone"
    digest: Mapped[str] = mapped_column(String(64), unique=True)
    erased_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class CoverageItem(Timestamped, Base):
    """One piece published (article, broadcast, post): the press coverage a release or an
    enquiry led to. The journalist is a contact when known (the erasure keeps the piece and
    drops the person, a merge moves it to the kept card); the clipping is kept in the row."""

    __tablename__ = "coverage_items"

    id: Mapped[int] = mapped_column(primary_key=True)
    published_on: Mapped[date] = mapped_column(Date, index=True)
    organisation_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisations.id", ondelete="SET NULL"), index=True
    )
    contact_id: Mapped[int | None] = mapped_column(
        ForeignKey("contacts.id", ondelete="SET NULL"), index=True
    )
    author: Mapped[str] = mapped_column(String(255), default="")  # byline as printed
    title: Mapped[str] = mapped_column(String(500))
    link: Mapped[str] = mapped_column(Text, default="")
    medium: Mapped[str] = mapped_column(String(16), default="web")
    audience: Mapped[int | None] = mapped_column(Integer)
    tone: Mapped[str] = mapped_column(String(16), default="neutral")
    notes: Mapped[str] = mapped_column(Text, default="")
    release_id: Mapped[int | None] = mapped_column(
        ForeignKey("releases.id", ondelete="SET NULL"), index=True
    )
    enquiry_id: Mapped[int | None] = mapped_column(
        ForeignKey("enquiries.id", ondelete="SET NULL"), index=True
    )
    attachment_name: Mapped[str] = mapped_column(String(255), default="")
    attachment_type: Mapped[str] = mapped_column(String(128), default="")
    attachment_size: Mapped[int] = mapped_column(Integer, default=0)
    attachment: Mapped[bytes | None] = mapped_column(LargeBinary, deferred=True)
