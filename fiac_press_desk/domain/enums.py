"""Closed vocabularies of the press desk, stored by their value (stable English words)."""

from __future__ import annotations

from enum import StrEnum


class ContactKind(StrEnum):
    """What a contact is to the press office."""

    JOURNALIST = "journalist"
    PARTNER = "partner"
    OTHER = "other"


class OrganisationType(StrEnum):
    """What kind of outlet or body an organisation is."""

    DAILY_PRESS = "daily_press"
    WEEKLY = "weekly"
    MAGAZINE = "magazine"
    TV = "tv"
    RADIO = "radio"
    WEB = "web"
    AGENCY = "agency"
    HOSPITAL = "hospital"
    RESEARCH_INSTITUTE = "research_institute"
    UNIVERSITY = "university"
    COMPANY = "company"
    PUBLIC_BODY = "public_body"
    ASSOCIATION = "association"
    OTHER = "other"

    @property
    def is_media(self) -> bool:
        """An outlet (press, radio, TV, web, agency) rather than a partner body."""
        return self in _MEDIA_TYPES


_MEDIA_TYPES = frozenset(
    {
        OrganisationType.DAILY_PRESS,
        OrganisationType.WEEKLY,
        OrganisationType.MAGAZINE,
        OrganisationType.TV,
        OrganisationType.RADIO,
        OrganisationType.WEB,
        OrganisationType.AGENCY,
    }
)


class LawfulBasis(StrEnum):
    """GDPR article 6 basis under which the contact's data are kept."""

    LEGITIMATE_INTEREST = "legitimate_interest"
    CONSENT = "consent"
    CONTRACT = "contract"
    PUBLIC_TASK = "public_task"


class SalutationStyle(StrEnum):
    """How a message opens: "Madame Dupont," (formal) or "Bonjour Camille," (informal)."""

    FORMAL = "formal"
    INFORMAL = "informal"


class ReleaseStatus(StrEnum):
    """Where a press release is in its life."""

    DRAFT = "draft"
    READY = "ready"
    SENT = "sent"


class DistributionChannel(StrEnum):
    """How a release reached a recipient."""

    EMAIL = "email"
    POST = "post"
    HAND = "hand"
    PRESS_KIT = "press_kit"
    OTHER = "other"


class DistributionStatus(StrEnum):
    """Where one release to one address stands."""

    PENDING = "pending"  # queued for sending, not yet handed to the server
    SENT = "sent"  # accepted by the SMTP server
    FAILED = "failed"  # refused by the server (reason kept)
    RECORDED = "recorded"  # sent through another program, recorded by hand
    # Handed to the SMTP server, outcome not yet recorded. Left so only by a crash between the
    # server's answer and the commit: never resent automatically (see services/sending.py).
    SENDING = "sending"


class EnquiryChannel(StrEnum):
    """How a press enquiry came in."""

    PHONE = "phone"
    EMAIL = "email"
    SOCIAL = "social"
    IN_PERSON = "in_person"
    WEB_FORM = "web_form"


class RequestType(StrEnum):
    """What a journalist asks for."""

    INTERVIEW = "interview"
    INFORMATION = "information"
    FIGURES = "figures"
    VISUALS = "visuals"
    INVITATION = "invitation"
    FACT_CHECK = "fact_check"
    OTHER = "other"


class Priority(StrEnum):
    """How much an enquiry matters, as the press officer judges it."""

    LOW = "low"
    NORMAL = "normal"
    HIGH = "high"
    URGENT = "urgent"


class EnquiryStatus(StrEnum):
    """Where an enquiry stands (moves are checked by ``domain.enquiry``)."""

    NEW = "new"
    IN_PROGRESS = "in_progress"
    ANSWERED = "answered"
    DECLINED = "declined"
    CLOSED = "closed"


class ImportBatchStatus(StrEnum):
    """Whether an import batch is in the base or was undone."""

    APPLIED = "applied"
    UNDONE = "undone"


# -- the import pipeline's and the distribution's vocabularies: here rather than beside their
# code, so that the window's labels name them without importing the pipeline and the
# sending (some 60 ms of the launch) --


class MatchKind(StrEnum):
    """What an imported record is to the base."""

    NEW = "new"
    UPDATE = "update"  # same id or UID: certainly this contact
    UNCHANGED = "unchanged"  # same contact, nothing would change
    # Same email (the same person: identity), or same name and organisation (probably them).
    # A shared phone number is never a match: a newsroom's switchboard is many people's.
    DUPLICATE = "duplicate"
    ERROR = "error"


class Decision(StrEnum):
    """What the import will do with a record."""

    CREATE = "create"
    UPDATE = "update"
    SKIP = "skip"


class SkipReason(StrEnum):
    """Why a contact reached by the criteria gets nothing (stable values, labels in the UI)."""

    OPTED_OUT = "opted_out"
    ARCHIVED = "archived"
    ALREADY_RECEIVED = "already_received"
    # An earlier sending stopped between the server's answer and the commit at this contact:
    # they may have it. Never resent automatically; the officer checks and settles the line.
    UNCERTAIN = "uncertain"
    NO_ADDRESS = "no_address"  # no email address (or no postal address, for the post)
    DUPLICATE_ADDRESS = "duplicate_address"  # another recipient of the plan has this address
