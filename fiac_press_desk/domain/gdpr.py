"""The GDPR register's vocabulary: how a person's data came in, what counts as an interaction
with them, how they were informed. Stored by value (stable English words), like domain/enums.
"""

from __future__ import annotations

from enum import StrEnum


class CollectedVia(StrEnum):
    """How the contact came into the file (the "source" column of the register)."""

    MANUAL = "manual"  # typed in by the press officer
    IMPORT = "import"  # from a vCard or spreadsheet file (the import batch says which)
    EMAIL_CAPTURE = "email_capture"  # the sender of an email captured as an enquiry
    ENQUIRY = "enquiry"  # met at an enquiry captured by hand (phone, in person...)

    @property
    def from_elsewhere(self) -> bool:
        """Collected from someone other than the person (GDPR art. 14 applies: a notice is
        owed within a month). A person who wrote to us gave their data themselves (art. 13)."""
        return self in (CollectedVia.MANUAL, CollectedVia.IMPORT)


class Interaction(StrEnum):
    """What resets the retention clock: the last time the desk and the person dealt together."""

    RELEASE = "release"  # a release sent to them or recorded as given
    ENQUIRY = "enquiry"  # they asked the press office something
    REPLY = "reply"  # the press office answered their enquiry, or they replied to a message
    EDIT = "edit"  # their card was edited (the officer checked their details)


class NoticeChannel(StrEnum):
    """How the information notice reached the person."""

    EMAIL = "email"  # sent from the desk
    POST = "post"
    PHONE = "phone"
    IN_PERSON = "in_person"
    OTHER = "other"  # e.g. sent from another mail program


class NoticeStatus(StrEnum):
    """A notice line's state: the same life as a distribution line (services/sending.py)."""

    PENDING = "pending"
    SENDING = "sending"  # handed to the server, outcome not recorded (a crash): to check
    SENT = "sent"
    FAILED = "failed"
    RECORDED = "recorded"  # given another way, recorded by hand
