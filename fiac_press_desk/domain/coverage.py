"""Press coverage (retombées presse): what was published after a release or an enquiry.

One item per article, broadcast or post. The values stored are the enums' stable English
values; ``LABELS`` gives the French (and English) words the Qt-free outputs print (report,
spreadsheet, command line); the window translates through Qt Linguist.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import TypeVar

from fiac_press_desk.domain.errors import ValidationError
from fiac_press_desk.domain.text import clean

_E = TypeVar("_E", bound=StrEnum)

MAX_TITLE = 500
MAX_LINK = 2000
MAX_TEXT = 100_000
MAX_ATTACHMENT = 20 * 1024 * 1024  # a scanned page or a screenshot, not a video
ATTACHMENT_TYPES = frozenset(
    {"application/pdf", "image/png", "image/jpeg", "image/gif", "image/webp"}
)


class Medium(StrEnum):
    """Where the piece appeared."""

    PRINT = "print"
    WEB = "web"
    RADIO = "radio"
    TV = "tv"
    AGENCY = "agency"
    SOCIAL = "social"


class Tone(StrEnum):
    """How the piece speaks of the organisation."""

    POSITIVE = "positive"
    NEUTRAL = "neutral"
    NEGATIVE = "negative"


# Tone in its own colours, in this order (green, grey, red): the report files and the window.
TONE_COLOURS = {"positive": "#4f8a5b", "neutral": "#8a93a3", "negative": "#b5473a"}


@dataclass
class CoverageInput:
    """What the press officer types (or a monitoring export gives) for one item."""

    title: str
    published_on: date | None = None
    outlet: str = ""  # organisation name, found or created; "" = the journalist's own
    contact_id: int | None = None
    author: str = ""  # the byline as printed, when no contact is linked
    link: str = ""
    medium: Medium = Medium.WEB
    audience: int | None = None  # readers, listeners, viewers, followers
    tone: Tone = Tone.NEUTRAL
    notes: str = ""
    release_id: int | None = None
    enquiry_id: int | None = None


@dataclass(frozen=True)
class Attachment:
    """A clipping kept with the item (PDF or image), bytes in the database."""

    filename: str
    mime_type: str
    data: bytes


def validate_coverage(data: CoverageInput, today: date) -> CoverageInput:
    """A cleaned copy of ``data`` or ValidationError (naming the field)."""
    title = clean(data.title.replace("\n", " "))
    if not title:
        raise ValidationError("title", "required")
    if len(title) > MAX_TITLE:
        raise ValidationError("title", "too_long", length=len(title), limit=MAX_TITLE)
    link = data.link.strip()
    if len(link) > MAX_LINK:
        raise ValidationError("link", "too_long", length=len(link), limit=MAX_LINK)
    if link and not link.lower().startswith(("http://", "https://")):
        raise ValidationError("link", "bad_url", value=link)
    notes = data.notes.strip()
    if len(notes) > MAX_TEXT:
        raise ValidationError("notes", "too_long", length=len(notes), limit=MAX_TEXT)
    audience = data.audience
    if audience is not None and audience < 0:
        raise ValidationError("audience", "bad_choice", value=audience)
    return CoverageInput(
        title=title,
        published_on=data.published_on or today,
        outlet=_short(data.outlet, "outlet"),
        contact_id=data.contact_id,
        author=_short(data.author, "author"),
        link=link,
        medium=_choice(Medium, data.medium, "medium"),
        audience=audience,
        tone=_choice(Tone, data.tone, "tone"),
        notes=notes,
        release_id=data.release_id,
        enquiry_id=data.enquiry_id,
    )


def validate_attachment(attachment: Attachment) -> Attachment:
    """The attachment with a clean name, or ValidationError (type or size)."""
    if attachment.mime_type not in ATTACHMENT_TYPES:
        raise ValidationError("attachment", "bad_choice", value=attachment.mime_type)
    if len(attachment.data) > MAX_ATTACHMENT:
        raise ValidationError(
            "attachment", "too_long", length=len(attachment.data), limit=MAX_ATTACHMENT
        )
    name = clean(attachment.filename)[:255] or "coupure"
    return Attachment(name, attachment.mime_type, attachment.data)


def _short(value: str, field_name: str) -> str:
    text = clean(value)
    if len(text) > 255:
        raise ValidationError(field_name, "too_long", length=len(text), limit=255)
    return text


def _choice(enum_type: type[_E], value: object, field_name: str) -> _E:
    try:
        return enum_type(str(value))
    except ValueError:
        raise ValidationError(field_name, "bad_choice", value=value) from None


LABELS: dict[str, dict[str, str]] = {
    "fr": {
        "print": "Presse écrite",
        "web": "Web",
        "radio": "Radio",
        "tv": "Télévision",
        "agency": "Agence",
        "social": "Réseaux sociaux",
        "positive": "Positif",
        "neutral": "Neutre",
        "negative": "Négatif",
    },
    "en": {
        "print": "Print",
        "web": "Web",
        "radio": "Radio",
        "tv": "TV",
        "agency": "Agency",
        "social": "Social media",
        "positive": "Positive",
        "neutral": "Neutral",
        "negative": "Negative",
    },
}


# Outlet types (OrganisationType values) as the report prints them.
KIND_LABELS: dict[str, dict[str, str]] = {
    "fr": {
        "daily_press": "Presse quotidienne",
        "weekly": "Hebdomadaire",
        "magazine": "Magazine",
        "tv": "Télévision",
        "radio": "Radio",
        "web": "Web",
        "agency": "Agence",
        "hospital": "Hôpital",
        "research_institute": "Institut de recherche",
        "university": "Université",
        "company": "Entreprise",
        "public_body": "Organisme public",
        "association": "Association",
        "other": "Autre",
        "": "Type non précisé",
    },
    "en": {
        "daily_press": "Daily press",
        "weekly": "Weekly",
        "magazine": "Magazine",
        "tv": "Television",
        "radio": "Radio",
        "web": "Web",
        "agency": "Agency",
        "hospital": "Hospital",
        "research_institute": "Research institute",
        "university": "University",
        "company": "Company",
        "public_body": "Public body",
        "association": "Association",
        "other": "Other",
        "": "Type not given",
    },
}


def label(value: str, language: str = "fr") -> str:
    """Readable name of a medium or a tone."""
    table = LABELS["en" if language.startswith("en") else "fr"]
    return table.get(str(value), str(value))


def kind_label(value: str, language: str = "fr") -> str:
    """Readable name of an outlet type ("" when the outlet has none)."""
    table = KIND_LABELS["en" if language.startswith("en") else "fr"]
    return table.get(str(value), str(value))
