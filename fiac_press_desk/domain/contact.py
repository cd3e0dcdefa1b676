"""The contact as every layer sees it: one plain value object for input, output and import.

The value classes use ``__slots__``: a 50,000-row import makes two ``ContactData`` and a
handful of emails, phones and addresses per row, and slotted instances are built in about
half the time of instances with a ``__dict__`` (their fields are read faster too). Nothing
may add an attribute that is not a field.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from fiac_press_desk.domain.contact_fields import own_text
from fiac_press_desk.domain.enums import (
    ContactKind,
    LawfulBasis,
    OrganisationType,
    SalutationStyle,
)


@dataclass(slots=True)
class EmailAddress:
    """One email address of a contact, with the label the person or the source gave it."""

    value: str
    label: str = ""  # work, home, other, or a free label from the source


@dataclass(slots=True)
class Phone:
    """One phone number of a contact, with its label."""

    value: str  # E.164 when it could be parsed, as typed otherwise
    label: str = ""  # work, mobile, home, fax, other...


@dataclass(slots=True)
class PostalAddress:
    """One postal address, in vCard's parts (what every import and export maps to)."""

    label: str = ""
    street: str = ""
    extended: str = ""
    postal_code: str = ""
    city: str = ""
    region: str = ""
    country: str = ""
    po_box: str = ""

    def is_empty(self) -> bool:
        """Only a label, no part of an address: dropped by validation."""
        return not any(
            (
                self.street,
                self.extended,
                self.postal_code,
                self.city,
                self.region,
                self.country,
                self.po_box,
            )
        )

    def one_line(self) -> str:
        """The address on one line, for tables and mail merges."""
        parts = [
            self.street,
            self.extended,
            " ".join(p for p in (self.postal_code, self.city) if p),
            self.region,
            self.country,
        ]
        return ", ".join(p for p in parts if p)


@dataclass(slots=True)
class WebLink:
    """A website or social profile of a contact."""

    value: str
    label: str = ""  # website, twitter, linkedin, mastodon...


@dataclass(slots=True)
class ContactData:
    """Everything the press officer keeps about one person."""

    kind: ContactKind = ContactKind.JOURNALIST
    civility: str = ""  # "M.", "Mme", "Dr", "Pr"...
    given_name: str = ""
    family_name: str = ""
    display_name: str = ""
    additional_names: str = ""
    name_prefix: str = ""
    name_suffix: str = ""
    job_title: str = ""
    role: str = ""
    organization: str = ""  # outlet or organisation name; resolved to a record by the services
    department: str = ""
    emails: list[EmailAddress] = field(default_factory=list)
    phones: list[Phone] = field(default_factory=list)
    addresses: list[PostalAddress] = field(default_factory=list)
    urls: list[WebLink] = field(default_factory=list)
    beats: list[str] = field(default_factory=list)  # topics the journalist covers
    tags: list[str] = field(default_factory=list)
    lists: list[str] = field(default_factory=list)
    language: str = "fr"
    notes: str = ""
    birthday: str = ""  # "YYYY-MM-DD", or "--MM-DD" when the year is unknown
    photo: bytes | None = None
    photo_mime: str = ""
    lawful_basis: LawfulBasis = LawfulBasis.LEGITIMATE_INTEREST
    # where the data came from (GDPR art. 14)
    data_source: str = own_text(
        255,
        ("Source des données", "Data source"),
        aliases=("Source", "Origine"),
        width=22,
        optional=False,
    )
    opted_out: bool = False
    opted_out_at: datetime | None = None
    opted_out_reason: str = ""
    archived: bool = False
    salutation: SalutationStyle = SalutationStyle.FORMAL
    uid: str = ""
    extra_vcard: list[str] = field(default_factory=list)  # properties we do not model, verbatim
    # Read-only on output:
    id: int | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None

    @property
    def primary_email(self) -> str:
        """The first email: where a release goes unless another is chosen."""
        return self.emails[0].value if self.emails else ""

    @property
    def primary_phone(self) -> str:
        """The first phone number: the one a table shows."""
        return self.phones[0].value if self.phones else ""

    def computed_display_name(self) -> str:
        """The name shown in lists: explicit display name, else names, else outlet or email."""
        if self.display_name:
            return self.display_name
        names = " ".join(p for p in (self.given_name, self.family_name) if p)
        return names or self.organization or self.primary_email


@dataclass
class OrganisationData:
    """An outlet or partner organisation, as the window and the imports see it."""

    name: str
    kind: OrganisationType = OrganisationType.OTHER
    website: str = ""
    email: str = ""
    phone: str = ""
    city: str = ""
    country: str = ""
    notes: str = ""
    id: int | None = None
    contact_count: int = 0
