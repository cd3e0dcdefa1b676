"""What the window calls the values of closed vocabularies, translated, in one place.

The database and the services keep stable English codes ("journalist", "in_progress",
"daily_press"); the press officer reads "Journaliste", "En cours", "Presse quotidienne". Every
enum the window shows has one table here: the English source text of each value, marked with
``QT_TRANSLATE_NOOP`` so that lupdate collects it (context ``Labels``, in the "core" .ts), and
translated when a function below is called, so that a language switch takes effect at the
next call. The colours some statuses are drawn in live here too: they are part of how a
stored value is shown.

One value, one wording: a sentence that names a value (the contact's history, "Demande presse ·
interview · téléphone · en cours") uses the same label as the columns and combo boxes, its first
letter lowered by ``formatting.in_sentence``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QColor

from fiac_press_desk.domain.enquiry import Urgency
from fiac_press_desk.domain.enums import (
    ContactKind,
    Decision,
    DistributionChannel,
    DistributionStatus,
    EnquiryChannel,
    EnquiryStatus,
    ImportBatchStatus,
    LawfulBasis,
    MatchKind,
    OrganisationType,
    Priority,
    ReleaseStatus,
    RequestType,
    SalutationStyle,
    SkipReason,
)

CONTEXT = "Labels"
K = TypeVar("K")


def _shown(source: object) -> str:
    """One source text of a table below, in the window's language."""
    return QCoreApplication.translate(CONTEXT, str(source))


def translated(table: Mapping[K, object]) -> dict[K, str]:
    """A table of source texts, translated into the window's language."""
    return {key: _shown(text) for key, text in table.items()}


def by_value(table: Mapping[Any, object]) -> dict[str, str]:
    """A table keyed by StrEnum members, translated and keyed by the values as stored."""
    return {str(key): text for key, text in translated(table).items()}


def _one(table: Mapping[Any, object], value: str) -> str:
    """The label of one stored value (a StrEnum key equals its string), or the value as stored
    when it is not a known one: an odd row shows its code rather than breaking a view."""
    text = table.get(value)
    return value if text is None else _shown(text)


# -- contacts and organisations -------------------------------------------------------------------

CONTACT_KINDS = {
    ContactKind.JOURNALIST: QT_TRANSLATE_NOOP("Labels", "Journalist"),
    ContactKind.PARTNER: QT_TRANSLATE_NOOP("Labels", "Partner"),
    ContactKind.OTHER: QT_TRANSLATE_NOOP("Labels", "Other"),
}
ORGANISATION_TYPES = {
    OrganisationType.DAILY_PRESS: QT_TRANSLATE_NOOP("Labels", "Daily press"),
    OrganisationType.WEEKLY: QT_TRANSLATE_NOOP("Labels", "Weekly"),
    OrganisationType.MAGAZINE: QT_TRANSLATE_NOOP("Labels", "Magazine"),
    OrganisationType.TV: QT_TRANSLATE_NOOP("Labels", "Television"),
    OrganisationType.RADIO: QT_TRANSLATE_NOOP("Labels", "Radio"),
    OrganisationType.WEB: QT_TRANSLATE_NOOP("Labels", "Web"),
    OrganisationType.AGENCY: QT_TRANSLATE_NOOP("Labels", "Agency"),
    OrganisationType.HOSPITAL: QT_TRANSLATE_NOOP("Labels", "Hospital"),
    OrganisationType.RESEARCH_INSTITUTE: QT_TRANSLATE_NOOP("Labels", "Research institute"),
    OrganisationType.UNIVERSITY: QT_TRANSLATE_NOOP("Labels", "University"),
    OrganisationType.COMPANY: QT_TRANSLATE_NOOP("Labels", "Company"),
    OrganisationType.PUBLIC_BODY: QT_TRANSLATE_NOOP("Labels", "Public body"),
    OrganisationType.ASSOCIATION: QT_TRANSLATE_NOOP("Labels", "Association"),
    OrganisationType.OTHER: QT_TRANSLATE_NOOP("Labels", "Other"),
}
LAWFUL_BASES = {
    LawfulBasis.LEGITIMATE_INTEREST: QT_TRANSLATE_NOOP("Labels", "Legitimate interest"),
    LawfulBasis.CONSENT: QT_TRANSLATE_NOOP("Labels", "Consent"),
    LawfulBasis.CONTRACT: QT_TRANSLATE_NOOP("Labels", "Contract"),
    LawfulBasis.PUBLIC_TASK: QT_TRANSLATE_NOOP("Labels", "Public task"),
}
SALUTATION_STYLES = {
    SalutationStyle.FORMAL: QT_TRANSLATE_NOOP("Labels", "Formal"),
    SalutationStyle.INFORMAL: QT_TRANSLATE_NOOP("Labels", "Informal"),
}
# Labels of an email, phone, address or link: a few known keys, or free text as typed.
EMAIL_LABELS = {
    "work": QT_TRANSLATE_NOOP("Labels", "work"),
    "home": QT_TRANSLATE_NOOP("Labels", "home"),
    "other": QT_TRANSLATE_NOOP("Labels", "other"),
}
PHONE_LABELS = {
    "work": QT_TRANSLATE_NOOP("Labels", "work"),
    "mobile": QT_TRANSLATE_NOOP("Labels", "mobile"),
    "home": QT_TRANSLATE_NOOP("Labels", "home"),
    "switchboard": QT_TRANSLATE_NOOP("Labels", "switchboard"),
    "fax": QT_TRANSLATE_NOOP("Labels", "fax"),
    "other": QT_TRANSLATE_NOOP("Labels", "other"),
}
ADDRESS_LABELS = EMAIL_LABELS
URL_LABELS = {
    "website": QT_TRANSLATE_NOOP("Labels", "website"),
    "linkedin": "LinkedIn",  # names of services: the same in every language
    "mastodon": "Mastodon",
    "bluesky": "Bluesky",
    "twitter": "X (Twitter)",
    "other": QT_TRANSLATE_NOOP("Labels", "other"),
}
# Languages a contact is written to in; codes as stored (ISO 639-1).
LANGUAGES = {
    "fr": QT_TRANSLATE_NOOP("Labels", "French"),
    "en": QT_TRANSLATE_NOOP("Labels", "English"),
    "de": QT_TRANSLATE_NOOP("Labels", "German"),
    "es": QT_TRANSLATE_NOOP("Labels", "Spanish"),
    "it": QT_TRANSLATE_NOOP("Labels", "Italian"),
    "nl": QT_TRANSLATE_NOOP("Labels", "Dutch"),
    "pt": QT_TRANSLATE_NOOP("Labels", "Portuguese"),
}
RELEASE_LANGUAGES = ("fr", "en")  # a release is written in one of these
CIVILITIES = ("", "Mme", "M.", "Dr", "Pr", "Me")  # French abbreviations, as stored


def contact_kinds() -> dict[ContactKind, str]:
    return translated(CONTACT_KINDS)


def organisation_types() -> dict[OrganisationType, str]:
    return translated(ORGANISATION_TYPES)


def lawful_bases() -> dict[LawfulBasis, str]:
    return translated(LAWFUL_BASES)


def salutation_styles() -> dict[SalutationStyle, str]:
    return translated(SALUTATION_STYLES)


def email_labels() -> dict[str, str]:
    return translated(EMAIL_LABELS)


def phone_labels() -> dict[str, str]:
    return translated(PHONE_LABELS)


def address_labels() -> dict[str, str]:
    return translated(ADDRESS_LABELS)


def url_labels() -> dict[str, str]:
    return translated(URL_LABELS)


def languages() -> dict[str, str]:
    return translated(LANGUAGES)


def release_languages() -> dict[str, str]:
    return {code: _shown(LANGUAGES[code]) for code in RELEASE_LANGUAGES}


# Aliases that vCard and spreadsheet sources use for the same labels.
LABEL_ALIASES = {"cell": "mobile", "voice": "work", "internet": "work", "url": "website"}


def label_text(presets: dict[str, str], value: str) -> str:
    """What to show for a stored label: its translation if it is a known one, else as stored."""
    key = value.strip().lower()
    key = LABEL_ALIASES.get(key, key)
    return presets.get(key, value)


def label_value(presets: dict[str, str], text: str) -> str:
    """What to store for a label the user picked or typed: the stable key when it is one."""
    folded = text.strip().casefold()
    for key, shown in presets.items():
        if shown.casefold() == folded or key == folded:
            return key
    return text.strip()


# -- releases and their distribution --------------------------------------------------------------

RELEASE_STATUSES = {
    ReleaseStatus.DRAFT: QT_TRANSLATE_NOOP("Labels", "Draft"),
    ReleaseStatus.READY: QT_TRANSLATE_NOOP("Labels", "Ready"),
    ReleaseStatus.SENT: QT_TRANSLATE_NOOP("Labels", "Sent"),
}
DISTRIBUTION_STATUSES = {
    DistributionStatus.PENDING: QT_TRANSLATE_NOOP("Labels", "Waiting"),
    DistributionStatus.SENDING: QT_TRANSLATE_NOOP("Labels", "To check"),
    DistributionStatus.SENT: QT_TRANSLATE_NOOP("Labels", "Sent"),
    DistributionStatus.FAILED: QT_TRANSLATE_NOOP("Labels", "Refused"),
    DistributionStatus.RECORDED: QT_TRANSLATE_NOOP("Labels", "Recorded"),
}
DISTRIBUTION_CHANNELS = {
    DistributionChannel.EMAIL: QT_TRANSLATE_NOOP("Labels", "Email"),
    DistributionChannel.POST: QT_TRANSLATE_NOOP("Labels", "Post"),
    DistributionChannel.HAND: QT_TRANSLATE_NOOP("Labels", "By hand"),
    DistributionChannel.PRESS_KIT: QT_TRANSLATE_NOOP("Labels", "Press kit at an event"),
    DistributionChannel.OTHER: QT_TRANSLATE_NOOP("Labels", "Other"),
}
SKIP_REASONS = {
    SkipReason.OPTED_OUT: QT_TRANSLATE_NOOP("Labels", "Skipped: opted out"),
    SkipReason.ARCHIVED: QT_TRANSLATE_NOOP("Labels", "Skipped: archived"),
    SkipReason.ALREADY_RECEIVED: QT_TRANSLATE_NOOP("Labels", "Skipped: already received"),
    SkipReason.UNCERTAIN: QT_TRANSLATE_NOOP("Labels", "Skipped: interrupted sending, to check"),
    SkipReason.NO_ADDRESS: QT_TRANSLATE_NOOP("Labels", "Skipped: no address"),
    SkipReason.DUPLICATE_ADDRESS: QT_TRANSLATE_NOOP(
        "Labels", "Skipped: same address as another recipient"
    ),
}


def release_statuses() -> dict[str, str]:
    return by_value(RELEASE_STATUSES)


def distribution_statuses() -> dict[str, str]:
    return by_value(DISTRIBUTION_STATUSES)


def distribution_channels() -> dict[str, str]:
    return by_value(DISTRIBUTION_CHANNELS)


def skip_reasons() -> dict[str, str]:
    return by_value(SKIP_REASONS)


def skip_reasons_short() -> dict[str, tuple[str, str]]:
    """For summaries, singular and plural: "1 désinscrit", "2 désinscrits"."""
    r = SkipReason
    return {
        r.OPTED_OUT: (
            QCoreApplication.translate("Labels", "%1 opted out", "one"),
            QCoreApplication.translate("Labels", "%1 opted out", "many"),
        ),
        r.ARCHIVED: (
            QCoreApplication.translate("Labels", "%1 archived", "one"),
            QCoreApplication.translate("Labels", "%1 archived", "many"),
        ),
        r.ALREADY_RECEIVED: (
            QCoreApplication.translate("Labels", "%1 already received", "one"),
            QCoreApplication.translate("Labels", "%1 already received", "many"),
        ),
        r.UNCERTAIN: (
            QCoreApplication.translate("Labels", "%1 to check", "one"),
            QCoreApplication.translate("Labels", "%1 to check", "many"),
        ),
        r.NO_ADDRESS: (
            QCoreApplication.translate("Labels", "%1 without address", "one"),
            QCoreApplication.translate("Labels", "%1 without address", "many"),
        ),
        r.DUPLICATE_ADDRESS: (
            QCoreApplication.translate("Labels", "%1 duplicate address", "one"),
            QCoreApplication.translate("Labels", "%1 duplicate address", "many"),
        ),
    }


def will_receive() -> str:
    return QCoreApplication.translate("Labels", "Will receive")


GREEN = QColor("#1b7a3a")
BLUE = QColor("#2f6db5")
ORANGE = QColor("#b26a00")
RED = QColor("#b3261e")
GREY = QColor("#5f6b76")


def release_status_color(status: str) -> QColor:
    return {"draft": GREY, "ready": BLUE, "sent": GREEN}.get(status, GREY)


def distribution_status_color(status: str) -> QColor:
    return {
        "pending": ORANGE,
        "sending": ORANGE,
        "sent": GREEN,
        "failed": RED,
        "recorded": GREEN,
    }.get(status, GREY)


# -- enquiries ------------------------------------------------------------------------------------

ENQUIRY_STATUSES = {
    EnquiryStatus.NEW: QT_TRANSLATE_NOOP("Labels", "New"),
    EnquiryStatus.IN_PROGRESS: QT_TRANSLATE_NOOP("Labels", "In progress"),
    EnquiryStatus.ANSWERED: QT_TRANSLATE_NOOP("Labels", "Answered"),
    EnquiryStatus.DECLINED: QT_TRANSLATE_NOOP("Labels", "Declined"),
    EnquiryStatus.CLOSED: QT_TRANSLATE_NOOP("Labels", "Closed"),
}
ENQUIRY_CHANNELS = {
    EnquiryChannel.PHONE: QT_TRANSLATE_NOOP("Labels", "Phone"),
    EnquiryChannel.EMAIL: QT_TRANSLATE_NOOP("Labels", "Email"),
    EnquiryChannel.SOCIAL: QT_TRANSLATE_NOOP("Labels", "Social network"),
    EnquiryChannel.IN_PERSON: QT_TRANSLATE_NOOP("Labels", "In person"),
    EnquiryChannel.WEB_FORM: QT_TRANSLATE_NOOP("Labels", "Web form"),
}
REQUEST_TYPES = {
    RequestType.INTERVIEW: QT_TRANSLATE_NOOP("Labels", "Interview"),
    RequestType.INFORMATION: QT_TRANSLATE_NOOP("Labels", "Information"),
    RequestType.FIGURES: QT_TRANSLATE_NOOP("Labels", "Figures, data"),
    RequestType.VISUALS: QT_TRANSLATE_NOOP("Labels", "Visuals"),
    RequestType.INVITATION: QT_TRANSLATE_NOOP("Labels", "Invitation"),
    RequestType.FACT_CHECK: QT_TRANSLATE_NOOP("Labels", "Fact-check"),
    RequestType.OTHER: QT_TRANSLATE_NOOP("Labels", "Other"),
}
PRIORITIES = {
    Priority.LOW: QT_TRANSLATE_NOOP("Labels", "Low"),
    Priority.NORMAL: QT_TRANSLATE_NOOP("Labels", "Normal"),
    Priority.HIGH: QT_TRANSLATE_NOOP("Labels", "High"),
    Priority.URGENT: QT_TRANSLATE_NOOP("Labels", "Urgent"),
}
URGENCIES = {
    Urgency.OVERDUE: QT_TRANSLATE_NOOP("Labels", "Overdue"),
    Urgency.DUE_SOON: QT_TRANSLATE_NOOP("Labels", "Due within hours"),
    Urgency.DUE_TODAY: QT_TRANSLATE_NOOP("Labels", "Due today"),
    Urgency.LATER: QT_TRANSLATE_NOOP("Labels", "Later"),
    Urgency.NO_DEADLINE: QT_TRANSLATE_NOOP("Labels", "No deadline"),
    Urgency.DONE: QT_TRANSLATE_NOOP("Labels", "Done"),
}


def status_label(value: str) -> str:
    return _one(ENQUIRY_STATUSES, value)


def channel_label(value: str) -> str:
    return _one(ENQUIRY_CHANNELS, value)


def request_type_label(value: str) -> str:
    return _one(REQUEST_TYPES, value)


def priority_label(value: str) -> str:
    return _one(PRIORITIES, value)


def urgency_label(value: Urgency) -> str:
    return _shown(URGENCIES[value])


def request_and_priority(request_type: str, priority: str) -> str:
    """ "Interview · urgent priority" ("Interview · priorité urgente")."""
    return (
        QCoreApplication.translate("Labels", "%1 · %2 priority")
        .replace("%1", request_type_label(request_type))
        .replace("%2", priority_label(priority).lower())
    )


# Colours that stand out on a light palette and keep a 4.5:1 contrast for their text.
URGENCY_BACKGROUND = {
    Urgency.OVERDUE: QColor("#FBE3E1"),
    Urgency.DUE_SOON: QColor("#FFF0CC"),
}
URGENCY_FOREGROUND = {
    Urgency.OVERDUE: QColor("#A4161A"),
    Urgency.DUE_SOON: QColor("#7A4A00"),
    Urgency.DUE_TODAY: QColor("#1F4E8C"),
}

# -- imports --------------------------------------------------------------------------------------

MATCH_KINDS = {
    MatchKind.NEW: QT_TRANSLATE_NOOP("Labels", "New"),
    MatchKind.UPDATE: QT_TRANSLATE_NOOP("Labels", "Update"),
    MatchKind.UNCHANGED: QT_TRANSLATE_NOOP("Labels", "Unchanged"),
    MatchKind.DUPLICATE: QT_TRANSLATE_NOOP("Labels", "Possible duplicate"),
    MatchKind.ERROR: QT_TRANSLATE_NOOP("Labels", "Error"),
}
DECISIONS = {
    Decision.CREATE: QT_TRANSLATE_NOOP("Labels", "Create"),
    Decision.UPDATE: QT_TRANSLATE_NOOP("Labels", "Update"),
    Decision.SKIP: QT_TRANSLATE_NOOP("Labels", "Skip"),
}
BATCH_STATUSES = {
    ImportBatchStatus.APPLIED: QT_TRANSLATE_NOOP("Labels", "Applied"),
    ImportBatchStatus.UNDONE: QT_TRANSLATE_NOOP("Labels", "Undone"),
}
# The contact fields an import may change, by their name in ``ContactData``.
FIELDS = {
    "kind": QT_TRANSLATE_NOOP("Labels", "Kind"),
    "civility": QT_TRANSLATE_NOOP("Labels", "Civility"),
    "given_name": QT_TRANSLATE_NOOP("Labels", "Given name"),
    "family_name": QT_TRANSLATE_NOOP("Labels", "Family name"),
    "display_name": QT_TRANSLATE_NOOP("Labels", "Display name"),
    "additional_names": QT_TRANSLATE_NOOP("Labels", "Middle names"),
    "name_prefix": QT_TRANSLATE_NOOP("Labels", "Name prefix"),
    "name_suffix": QT_TRANSLATE_NOOP("Labels", "Name suffix"),
    "job_title": QT_TRANSLATE_NOOP("Labels", "Job title"),
    "role": QT_TRANSLATE_NOOP("Labels", "Role"),
    "organization": QT_TRANSLATE_NOOP("Labels", "Organisation"),
    "department": QT_TRANSLATE_NOOP("Labels", "Department"),
    "emails": QT_TRANSLATE_NOOP("Labels", "Emails"),
    "phones": QT_TRANSLATE_NOOP("Labels", "Phones"),
    "addresses": QT_TRANSLATE_NOOP("Labels", "Addresses"),
    "urls": QT_TRANSLATE_NOOP("Labels", "Web links"),
    "beats": QT_TRANSLATE_NOOP("Labels", "Beats"),
    "tags": QT_TRANSLATE_NOOP("Labels", "Tags"),
    "lists": QT_TRANSLATE_NOOP("Labels", "Lists"),
    "language": QT_TRANSLATE_NOOP("Labels", "Language"),
    "notes": QT_TRANSLATE_NOOP("Labels", "Notes"),
    "birthday": QT_TRANSLATE_NOOP("Labels", "Birthday"),
    "photo_mime": QT_TRANSLATE_NOOP("Labels", "Photo"),
    "lawful_basis": QT_TRANSLATE_NOOP("Labels", "Lawful basis"),
    "data_source": QT_TRANSLATE_NOOP("Labels", "Data source"),
    "opted_out": QT_TRANSLATE_NOOP("Labels", "Opt-out"),
    "opted_out_at": QT_TRANSLATE_NOOP("Labels", "Opt-out date"),
    "opted_out_reason": QT_TRANSLATE_NOOP("Labels", "Opt-out reason"),
    "archived": QT_TRANSLATE_NOOP("Labels", "Archived"),
    "salutation": QT_TRANSLATE_NOOP("Labels", "Salutation"),
    "uid": QT_TRANSLATE_NOOP("Labels", "vCard UID"),
    "extra_vcard": QT_TRANSLATE_NOOP("Labels", "Other vCard properties"),
}


def match_kinds() -> dict[MatchKind, str]:
    return translated(MATCH_KINDS)


def decisions() -> dict[Decision, str]:
    return translated(DECISIONS)


def batch_statuses() -> dict[ImportBatchStatus, str]:
    return translated(BATCH_STATUSES)


# The fields of a release and of an enquiry, named in a colleague's-change refusal.
RECORD_FIELDS = {
    "title": QT_TRANSLATE_NOOP("Labels", "Title"),
    "reference": QT_TRANSLATE_NOOP("Labels", "Reference"),
    "release_date": QT_TRANSLATE_NOOP("Labels", "Date"),
    "embargo_at": QT_TRANSLATE_NOOP("Labels", "Embargo"),
    "status": QT_TRANSLATE_NOOP("Labels", "Status"),
    "summary": QT_TRANSLATE_NOOP("Labels", "Standfirst"),
    "body": QT_TRANSLATE_NOOP("Labels", "Text"),
    "attachments": QT_TRANSLATE_NOOP("Labels", "Attachments"),
    "received_at": QT_TRANSLATE_NOOP("Labels", "Received"),
    "channel": QT_TRANSLATE_NOOP("Labels", "Channel"),
    "contact_id": QT_TRANSLATE_NOOP("Labels", "Journalist"),
    "organisation_id": QT_TRANSLATE_NOOP("Labels", "Outlet"),
    "subject": QT_TRANSLATE_NOOP("Labels", "Subject"),
    "request_type": QT_TRANSLATE_NOOP("Labels", "Request type"),
    "details": QT_TRANSLATE_NOOP("Labels", "Details"),
    "deadline": QT_TRANSLATE_NOOP("Labels", "Deadline"),
    "priority": QT_TRANSLATE_NOOP("Labels", "Priority"),
    "assignee": QT_TRANSLATE_NOOP("Labels", "Assigned to"),
    "release_id": QT_TRANSLATE_NOOP("Labels", "Linked release"),
    "response_notes": QT_TRANSLATE_NOOP("Labels", "Answer notes"),
    "answered_at": QT_TRANSLATE_NOOP("Labels", "Answered"),
    "outcome": QT_TRANSLATE_NOOP("Labels", "Outcome"),
}


def field_labels() -> dict[str, str]:
    return translated({**RECORD_FIELDS, **FIELDS})


def fields_text(names: list[str]) -> str:
    labels = field_labels()
    return ", ".join(labels.get(name, name) for name in names)
