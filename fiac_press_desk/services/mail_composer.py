"""One email per recipient: the release with a personal salutation, never a shared To: line.

A journalist who sees forty colleagues in the header (or in a careless Cc) stops reading; one
message each also lets the server refuse one address without losing the others. The salutation
follows the contact's setting: formal ("Madame Dupont,", "Monsieur Martin,") from the
civility, or informal ("Bonjour Camille,"). When the release is under embargo, the embargo
opens the subject and the first line of the text, in Paris time, where nobody can miss it.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from urllib.parse import quote
from zoneinfo import ZoneInfo

from fiac_press_desk.domain.enums import SalutationStyle
from fiac_press_desk.domain.salutation import salutation_line as domain_salutation
from fiac_press_desk.services.releases import AttachmentFile, ReleaseData

PARIS = ZoneInfo("Europe/Paris")
MONTHS_FR = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)
DAYS_FR = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
MONTHS_EN = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
DAYS_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

_URL = re.compile(r"<?(https?://[^\s<>\"]+[^\s<>\".,;:!?)\]])>?")
_BOLD = re.compile(r"\*\*(.+?)\*\*", re.DOTALL)


@dataclass(frozen=True)
class SenderIdentity:
    """Who the press office is in the From: header and the signature."""

    name: str
    address: str
    reply_to: str = ""
    organisation: str = ""
    phone: str = ""


@dataclass(frozen=True)
class RecipientInfo:
    """What the composer needs of a contact: the address and how to greet them."""

    address: str
    contact_id: int | None = None
    civility: str = ""
    given_name: str = ""
    family_name: str = ""
    display_name: str = ""
    salutation: str = SalutationStyle.FORMAL.value

    @property
    def name(self) -> str:
        """The recipient's name as a greeting uses it."""
        return self.display_name or " ".join(p for p in (self.given_name, self.family_name) if p)


@dataclass(frozen=True)
class ReleaseContent:
    """The release as it goes out (its text, dates and attachment bytes)."""

    title: str
    summary: str = ""
    body: str = ""
    release_date: date | None = None
    embargo_at: datetime | None = None
    language: str = "fr"
    reference: str = ""
    id: int | None = None
    attachments: tuple[AttachmentFile, ...] = field(default_factory=tuple)

    @classmethod
    def from_release(
        cls, data: ReleaseData, attachments: Sequence[AttachmentFile] = ()
    ) -> ReleaseContent:
        """What a message needs of a stored release."""
        return cls(
            title=data.title,
            summary=data.summary,
            body=data.body,
            release_date=data.release_date,
            embargo_at=data.embargo_at,
            language=data.language,
            reference=data.reference,
            id=data.id,
            attachments=tuple(attachments),
        )


# -- the words ----------------------------------------------------------------------------------


def salutation_line(recipient: RecipientInfo, language: str = "fr") -> str:
    """ "Madame Dupont," / "Monsieur Martin," / "Bonjour Camille," (English: "Dear Ms Dupont,"):
    the rule of ``domain.salutation``, the one the card and the recipients table show."""
    return domain_salutation(
        recipient.salutation,
        recipient.civility,
        recipient.given_name,
        recipient.family_name,
        language,
    )


def paris_time(moment: datetime) -> datetime:
    """An aware moment in Paris time (a naive one is taken as UTC, as the database stores)."""
    aware = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    return aware.astimezone(PARIS)


def french_date(day: date, with_weekday: bool = False) -> str:
    """ "1er février 2024", or "jeudi 1er février 2024"."""
    text = f"{'1er' if day.day == 1 else day.day} {MONTHS_FR[day.month - 1]} {day.year}"
    return f"{DAYS_FR[day.weekday()]} {text}" if with_weekday else text


def english_date(day: date, with_weekday: bool = False) -> str:
    """ "1 February 2024", or "Thursday 1 February 2024"."""
    text = f"{day.day} {MONTHS_EN[day.month - 1]} {day.year}"
    return f"{DAYS_EN[day.weekday()]} {text}" if with_weekday else text


def _clock(moment: datetime, language: str) -> str:
    return f"{moment:%H:%M}" if language == "en" else f"{moment.hour} h {moment.minute:02d}"


def embargo_subject(embargo_at: datetime, language: str = "fr") -> str:
    """The bracketed embargo notice that starts the subject line."""
    local = paris_time(embargo_at)
    if language == "en":
        return f"[EMBARGO until {english_date(local.date())}, {_clock(local, 'en')} Paris time]"
    return f"[EMBARGO jusqu'au {french_date(local.date())}, {_clock(local, 'fr')}]"


def embargo_line(embargo_at: datetime, language: str = "fr") -> str:
    """The embargo notice at the top of the message body."""
    local = paris_time(embargo_at)
    if language == "en":
        return (
            f"EMBARGO: not for publication before {english_date(local.date(), True)}, "
            f"{_clock(local, 'en')} (Paris time)."
        )
    return (
        f"EMBARGO : à ne pas publier avant le {french_date(local.date(), True)} "
        f"à {_clock(local, 'fr')} (heure de Paris)."
    )


def subject_line(content: ReleaseContent) -> str:
    """The message's subject: the title, after the embargo notice if any."""
    if content.embargo_at is None:
        return content.title
    return f"{embargo_subject(content.embargo_at, content.language)} {content.title}"


def new_message_id(release_id: int | None, contact_id: int | None, sender_address: str) -> str:
    """A globally unique Message-ID that also says which release and contact it carried."""
    domain = sender_address.rpartition("@")[2] or "localhost"
    return make_msgid(idstring=f"fiac.r{release_id or 0}.c{contact_id or 0}", domain=domain)


# -- the message --------------------------------------------------------------------------------


def plain_text(content: ReleaseContent, recipient: RecipientInfo, sender: SenderIdentity) -> str:
    """The message as plain text (the part every mail client shows)."""
    return blocks_plain(_blocks(content, recipient, sender))


def html_text(content: ReleaseContent, recipient: RecipientInfo, sender: SenderIdentity) -> str:
    """The message as HTML, inline styles only (mail clients drop style sheets)."""
    return blocks_html(_blocks(content, recipient, sender), content.title, content.language)


def blocks_plain(blocks: Sequence[tuple[str, str]]) -> str:
    """(kind, paragraph) blocks as the plain-text part: paragraphs apart, **bold** unmarked."""
    return "\n\n".join(_BOLD.sub(r"\1", text) for _, text in blocks) + "\n"


def blocks_html(blocks: Sequence[tuple[str, str]], title: str, language: str) -> str:
    """The same blocks as the HTML part (the kinds give the styles)."""
    styles = {
        "embargo": "color:#b00020;font-weight:bold;",
        "title": "font-size:1.25em;font-weight:bold;",
        "summary": "font-weight:bold;",
        "footer": "color:#666666;font-size:0.85em;",
    }
    parts = []
    for kind, text in blocks:
        style = styles.get(kind, "")
        attr = f' style="{style}"' if style else ""
        parts.append(f"<p{attr}>{_inline_html(text)}</p>")
    lang = "en" if language == "en" else "fr"
    escaped = html.escape(title)
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8">'
        f"<title>{escaped}</title></head>\n"
        '<body style="font-family:Arial,Helvetica,sans-serif;line-height:1.45;max-width:42em;">\n'
        + "\n".join(parts)
        + "\n</body></html>\n"
    )


def compose(
    content: ReleaseContent,
    recipient: RecipientInfo,
    sender: SenderIdentity,
    *,
    message_id: str | None = None,
    when: datetime | None = None,
) -> EmailMessage:
    """The message for one recipient: plain text and HTML alternatives, then the attachments."""
    return letter(
        subject_line(content),
        _blocks(content, recipient, sender),
        recipient,
        sender,
        language=content.language,
        title=content.title,
        message_id=message_id or new_message_id(content.id, recipient.contact_id, sender.address),
        when=when,
        attachments=content.attachments,
    )


def letter(
    subject: str,
    blocks: Sequence[tuple[str, str]],
    recipient: RecipientInfo,
    sender: SenderIdentity,
    *,
    language: str,
    message_id: str,
    title: str = "",
    when: datetime | None = None,
    attachments: Sequence[AttachmentFile] = (),
) -> EmailMessage:
    """A message to one person from the press office: the headers every message of the desk
    carries (From, To, Reply-To, Date, Message-ID, List-Unsubscribe, Content-Language) and
    ``blocks`` as plain text and HTML. Releases and the GDPR notices are both written so."""
    msg = EmailMessage()
    msg["Subject"] = subject
    msg["From"] = Address(sender.name, addr_spec=sender.address)
    msg["To"] = Address(recipient.name, addr_spec=recipient.address)
    if sender.reply_to and sender.reply_to != sender.address:
        msg["Reply-To"] = sender.reply_to
    msg["Date"] = format_datetime(when or datetime.now(UTC))
    msg["Message-ID"] = message_id
    unsubscribe = sender.reply_to or sender.address
    keyword = quote("unsubscribe" if language == "en" else "désinscription")
    msg["List-Unsubscribe"] = f"<mailto:{unsubscribe}?subject={keyword}>"
    msg.set_content(blocks_plain(blocks))
    msg.add_alternative(blocks_html(blocks, title or subject, language), subtype="html")
    for item in attachments:
        maintype, _, subtype = (item.mime_type or "application/octet-stream").partition("/")
        msg.add_attachment(
            item.data, maintype=maintype, subtype=subtype or "octet-stream", filename=item.filename
        )
    # Last: making the message multipart moves the Content-* headers set before into a part.
    msg["Content-Language"] = "en" if language == "en" else "fr"
    return msg


def _blocks(
    content: ReleaseContent, recipient: RecipientInfo, sender: SenderIdentity
) -> list[tuple[str, str]]:
    """The message as (kind, paragraph) pairs, shared by the plain-text and HTML parts."""
    english = content.language == "en"
    out: list[tuple[str, str]] = []
    if content.embargo_at is not None:
        out.append(("embargo", embargo_line(content.embargo_at, content.language)))
    out.append(("salutation", salutation_line(recipient, content.language)))
    if content.release_date is not None:
        intro = (
            f"Please find below our press release of {english_date(content.release_date)}."
            if english
            else f"Veuillez trouver ci-dessous notre communiqué de presse du "
            f"{french_date(content.release_date)}."
        )
    else:
        intro = (
            "Please find below our press release."
            if english
            else "Veuillez trouver ci-dessous notre communiqué de presse."
        )
    out.append(("intro", intro))
    out.append(("title", content.title))
    if content.summary:
        out.append(("summary", content.summary))
    out += [("body", p) for p in _paragraphs(content.body)]
    if content.attachments:
        names = ", ".join(a.filename for a in content.attachments)
        out.append(("body", f"Attached: {names}." if english else f"En pièce jointe : {names}."))
    signature = [sender.name, sender.organisation, sender.address, sender.phone]
    out.append(("signature", "\n".join(p for p in signature if p)))
    out.append(
        (
            "footer",
            "You receive our press releases as a member of the press. To receive no more, "
            "just reply to this message and say so."
            if english
            else "Vous recevez nos communiqués en tant que professionnel·le des médias. Pour ne "
            "plus en recevoir, il suffit de répondre à ce message en l'indiquant.",
        )
    )
    return out


def _paragraphs(text: str) -> list[str]:
    return [p.strip() for p in re.split(r"\n\s*\n", text.replace("\r\n", "\n")) if p.strip()]


def _inline_html(text: str) -> str:
    """Escape a paragraph, keep its line breaks, **bold** and links."""
    out = []
    pos = 0
    for match in _URL.finditer(text):
        out.append(_escape_bold(text[pos : match.start()]))
        url = match.group(1)
        out.append(f'<a href="{html.escape(url, quote=True)}">{html.escape(url)}</a>')
        pos = match.end()
    out.append(_escape_bold(text[pos:]))
    return "".join(out).replace("\n", "<br>\n")


def _escape_bold(text: str) -> str:
    return _BOLD.sub(r"<strong>\1</strong>", html.escape(text, quote=False))
