"""Translated labels for the closed vocabularies the contact and organisation forms show.

The database keeps stable English values ("journalist", "work", "daily_press"); the press
officer reads "Journaliste", "travail", "Presse quotidienne". Functions, not constants, so that
a language switch takes effect at the next call.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale

from fiac_press_desk.domain.enums import (
    ContactKind,
    DistributionChannel,
    DistributionStatus,
    EnquiryChannel,
    EnquiryStatus,
    LawfulBasis,
    OrganisationType,
    Priority,
    RequestType,
    SalutationStyle,
)


def contact_kinds() -> dict[ContactKind, str]:
    return {
        ContactKind.JOURNALIST: QCoreApplication.translate("ContactLabels", "Journalist"),
        ContactKind.PARTNER: QCoreApplication.translate("ContactLabels", "Partner"),
        ContactKind.OTHER: QCoreApplication.translate("ContactLabels", "Other"),
    }


def organisation_types() -> dict[OrganisationType, str]:
    t = OrganisationType
    return {
        t.DAILY_PRESS: QCoreApplication.translate("ContactLabels", "Daily press"),
        t.WEEKLY: QCoreApplication.translate("ContactLabels", "Weekly"),
        t.MAGAZINE: QCoreApplication.translate("ContactLabels", "Magazine"),
        t.TV: QCoreApplication.translate("ContactLabels", "Television"),
        t.RADIO: QCoreApplication.translate("ContactLabels", "Radio"),
        t.WEB: QCoreApplication.translate("ContactLabels", "Web"),
        t.AGENCY: QCoreApplication.translate("ContactLabels", "Agency"),
        t.HOSPITAL: QCoreApplication.translate("ContactLabels", "Hospital"),
        t.RESEARCH_INSTITUTE: QCoreApplication.translate("ContactLabels", "Research institute"),
        t.UNIVERSITY: QCoreApplication.translate("ContactLabels", "University"),
        t.COMPANY: QCoreApplication.translate("ContactLabels", "Company"),
        t.PUBLIC_BODY: QCoreApplication.translate("ContactLabels", "Public body"),
        t.ASSOCIATION: QCoreApplication.translate("ContactLabels", "Association"),
        t.OTHER: QCoreApplication.translate("ContactLabels", "Other"),
    }


def lawful_bases() -> dict[LawfulBasis, str]:
    return {
        LawfulBasis.LEGITIMATE_INTEREST: QCoreApplication.translate(
            "ContactLabels", "Legitimate interest"
        ),
        LawfulBasis.CONSENT: QCoreApplication.translate("ContactLabels", "Consent"),
        LawfulBasis.CONTRACT: QCoreApplication.translate("ContactLabels", "Contract"),
        LawfulBasis.PUBLIC_TASK: QCoreApplication.translate("ContactLabels", "Public task"),
    }


def salutation_styles() -> dict[SalutationStyle, str]:
    return {
        SalutationStyle.FORMAL: QCoreApplication.translate("ContactLabels", "Formal"),
        SalutationStyle.INFORMAL: QCoreApplication.translate("ContactLabels", "Informal"),
    }


def email_labels() -> dict[str, str]:
    return {
        "work": QCoreApplication.translate("ContactLabels", "work"),
        "home": QCoreApplication.translate("ContactLabels", "home"),
        "other": QCoreApplication.translate("ContactLabels", "other"),
    }


def phone_labels() -> dict[str, str]:
    return {
        "work": QCoreApplication.translate("ContactLabels", "work"),
        "mobile": QCoreApplication.translate("ContactLabels", "mobile"),
        "home": QCoreApplication.translate("ContactLabels", "home"),
        "switchboard": QCoreApplication.translate("ContactLabels", "switchboard"),
        "fax": QCoreApplication.translate("ContactLabels", "fax"),
        "other": QCoreApplication.translate("ContactLabels", "other"),
    }


def address_labels() -> dict[str, str]:
    return {
        "work": QCoreApplication.translate("ContactLabels", "work"),
        "home": QCoreApplication.translate("ContactLabels", "home"),
        "other": QCoreApplication.translate("ContactLabels", "other"),
    }


def url_labels() -> dict[str, str]:
    return {
        "website": QCoreApplication.translate("ContactLabels", "website"),
        "linkedin": "LinkedIn",
        "mastodon": "Mastodon",
        "bluesky": "Bluesky",
        "twitter": "X (Twitter)",
        "other": QCoreApplication.translate("ContactLabels", "other"),
    }


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


def distribution_channels() -> dict[str, str]:
    c = DistributionChannel
    return {
        c.EMAIL: QCoreApplication.translate("ContactLabels", "email"),
        c.POST: QCoreApplication.translate("ContactLabels", "post"),
        c.HAND: QCoreApplication.translate("ContactLabels", "by hand"),
        c.PRESS_KIT: QCoreApplication.translate("ContactLabels", "press kit"),
        c.OTHER: QCoreApplication.translate("ContactLabels", "other"),
    }


def distribution_statuses() -> dict[str, str]:
    s = DistributionStatus
    return {
        s.PENDING: QCoreApplication.translate("ContactLabels", "pending"),
        s.SENT: QCoreApplication.translate("ContactLabels", "sent"),
        s.FAILED: QCoreApplication.translate("ContactLabels", "failed"),
        s.RECORDED: QCoreApplication.translate("ContactLabels", "recorded"),
        s.SENDING: QCoreApplication.translate("ContactLabels", "to be checked"),
    }


def enquiry_channels() -> dict[str, str]:
    c = EnquiryChannel
    return {
        c.PHONE: QCoreApplication.translate("ContactLabels", "phone"),
        c.EMAIL: QCoreApplication.translate("ContactLabels", "email"),
        c.SOCIAL: QCoreApplication.translate("ContactLabels", "social media"),
        c.IN_PERSON: QCoreApplication.translate("ContactLabels", "in person"),
        c.WEB_FORM: QCoreApplication.translate("ContactLabels", "web form"),
    }


def enquiry_statuses() -> dict[str, str]:
    s = EnquiryStatus
    return {
        s.NEW: QCoreApplication.translate("ContactLabels", "new"),
        s.IN_PROGRESS: QCoreApplication.translate("ContactLabels", "in progress"),
        s.ANSWERED: QCoreApplication.translate("ContactLabels", "answered"),
        s.DECLINED: QCoreApplication.translate("ContactLabels", "declined"),
        s.CLOSED: QCoreApplication.translate("ContactLabels", "closed"),
    }


def request_types() -> dict[str, str]:
    r = RequestType
    return {
        r.INTERVIEW: QCoreApplication.translate("ContactLabels", "interview"),
        r.INFORMATION: QCoreApplication.translate("ContactLabels", "information"),
        r.FIGURES: QCoreApplication.translate("ContactLabels", "figures"),
        r.VISUALS: QCoreApplication.translate("ContactLabels", "visuals"),
        r.INVITATION: QCoreApplication.translate("ContactLabels", "invitation"),
        r.FACT_CHECK: QCoreApplication.translate("ContactLabels", "fact check"),
        r.OTHER: QCoreApplication.translate("ContactLabels", "other"),
    }


def priorities() -> dict[str, str]:
    p = Priority
    return {
        p.LOW: QCoreApplication.translate("ContactLabels", "low"),
        p.NORMAL: QCoreApplication.translate("ContactLabels", "normal"),
        p.HIGH: QCoreApplication.translate("ContactLabels", "high"),
        p.URGENT: QCoreApplication.translate("ContactLabels", "urgent"),
    }


def languages() -> dict[str, str]:
    """Languages a contact is written to in; codes as stored (ISO 639-1)."""
    return {
        "fr": QCoreApplication.translate("ContactLabels", "French"),
        "en": QCoreApplication.translate("ContactLabels", "English"),
        "de": QCoreApplication.translate("ContactLabels", "German"),
        "es": QCoreApplication.translate("ContactLabels", "Spanish"),
        "it": QCoreApplication.translate("ContactLabels", "Italian"),
        "nl": QCoreApplication.translate("ContactLabels", "Dutch"),
        "pt": QCoreApplication.translate("ContactLabels", "Portuguese"),
    }


CIVILITIES = ("", "Mme", "M.", "Dr", "Pr", "Me")
_FORMAL_FR = {"mme": "Madame", "madame": "Madame", "m.": "Monsieur", "m": "Monsieur"}
_FORMAL_FR |= {"monsieur": "Monsieur", "dr": "Docteur", "pr": "Professeur", "me": "Maître"}
_FORMAL_EN = {"mme": "Ms", "madame": "Ms", "m.": "Mr", "m": "Mr", "monsieur": "Mr"}
_FORMAL_EN |= {"dr": "Dr", "pr": "Professor", "me": "Maître"}


def salutation_line(
    style: SalutationStyle, civility: str, given_name: str, family_name: str, language: str
) -> str:
    """How a message to this person opens, in the person's language (French unless English).

    This is text sent to the contact, not interface text, so it follows the contact's language
    rather than the window's: "Madame Dupont," / "Bonjour Camille," / "Dear Ms Dupont,".
    """
    english = language.lower().startswith("en")
    key = civility.strip().lower()
    if style == SalutationStyle.INFORMAL and given_name.strip():
        return f"{'Dear' if english else 'Bonjour'} {given_name.strip()},"
    title = (_FORMAL_EN if english else _FORMAL_FR).get(key, "")
    if title and family_name.strip():
        return f"{'Dear ' if english else ''}{title} {family_name.strip()},"
    if title:
        return f"{'Dear ' if english else ''}{title},"
    return "Dear Sir or Madam," if english else "Madame, Monsieur,"


def format_datetime(value: datetime | None, with_time: bool = True) -> str:
    """A UTC timestamp in local time, written the reader's way ("31 janv. 2024, 09:00")."""
    if value is None:
        return ""
    local = QDateTime.fromSecsSinceEpoch(int(value.timestamp()))
    fmt = "d MMM yyyy, HH:mm" if with_time else "d MMM yyyy"
    return QLocale().toString(local, fmt)


def format_date(year: int, month: int, day: int) -> str:
    from PySide6.QtCore import QDate

    return QLocale().toString(QDate(year, month, day), "d MMMM yyyy")


def format_birthday(value: str) -> str:
    """ "1978-03-14" -> "14 mars 1978"; "--03-14" -> "14 mars" (year unknown)."""
    from PySide6.QtCore import QDate

    if not value:
        return ""
    if value.startswith("--"):
        month, day = int(value[2:4]), int(value[5:7])
        return QLocale().toString(QDate(2000, month, day), "d MMMM")
    try:
        year, month, day = (int(p) for p in value.split("-"))
    except ValueError:
        return value
    return format_date(year, month, day)
