"""Reading a saved email (.eml) into what an enquiry needs: sender, date, subject and body.

The standard library's ``email`` package with ``policy.default`` does the hard parts: RFC 2047
encoded headers ("=?utf-8?q?R=C3=A9daction?="), folded lines, MIME trees, charsets. What is
left here is judgement: which body to keep (plain text before HTML), what to do with a broken
charset (decode leniently rather than refuse), and a stable key so that the same message is
never logged twice (its Message-ID, or a digest of the file when it has none).
"""

from __future__ import annotations

import hashlib
import itertools
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email import policy
from email.headerregistry import Address
from email.message import EmailMessage, Message
from email.parser import BytesParser
from email.utils import getaddresses, parsedate_to_datetime
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

from fiac_press_desk.domain.messages import render
from fiac_press_desk.domain.text import valid_unicode

MAX_BYTES = 50 * 1024 * 1024


class EmlError(Exception):
    """A file that cannot give an enquiry; the message says why, in the user's language."""

    def __init__(self, code: str, **params: object) -> None:
        self.code = code
        self.params = params
        super().__init__(render(code, **params))


@dataclass
class ParsedEmail:
    """What an enquiry needs of an email: who, when, about what, and what it says."""

    sender_name: str
    sender_address: str
    subject: str
    body: str
    received_at: datetime | None  # UTC; None when the message carries no usable date
    message_id: str  # "<...>" from the header, or "sha256:..." of the file without one
    to: list[str] = field(default_factory=list)
    attachments: list[str] = field(default_factory=list)


def read_eml(path: Path) -> ParsedEmail:
    """The email in an ``.eml`` file; EmlError saying why when it cannot be read."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise EmlError("eml_unreadable", reason=f"{size // (1024 * 1024)} MB")
        data = path.read_bytes()
    except OSError as exc:
        raise EmlError("eml_unreadable", reason=exc.strerror or str(exc)) from exc
    return parse_eml(data)


def parse_eml(data: bytes) -> ParsedEmail:
    """The email in ``data``; EmlError when the bytes are not an email at all."""
    message = BytesParser(policy=policy.default).parsebytes(_bounded_headers(data))
    assert isinstance(message, EmailMessage)
    if not any(message.get(h) for h in ("from", "date", "subject", "message-id")):
        raise EmlError("eml_not_email")
    name, address = _sender(message)
    if not address:
        raise EmlError("eml_no_sender")
    message_id = _header(message, "message-id").strip()
    if not message_id:
        message_id = "sha256:" + hashlib.sha256(data).hexdigest()[:40]
    return ParsedEmail(
        sender_name=text_of(name),
        sender_address=text_of(address),
        subject=text_of(_one_line(_header(message, "subject"))),
        body=text_of(_body(message)),
        received_at=_date(message),
        message_id=text_of(message_id[:255]),
        to=[text_of(addr) for _, addr in _addresses(message, "to") if addr],
        attachments=[
            text_of(part.get_filename() or "")
            for part in message.iter_attachments()
            if part.get_filename()
        ],
    )


def text_of(value: str) -> str:
    """Valid Unicode from what the ``email`` package gives: raw 8-bit bytes in a header
    (a sender name in Latin-1, an encoded word whose bytes are not its declared charset) come
    back as surrogate escapes, which are read again as UTF-8, else Windows-1252."""
    if value.isascii():
        return value
    try:
        raw = value.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a surrogate that is no escaped byte
        return valid_unicode(value)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return valid_unicode(raw.decode("cp1252", "replace"))


# Headers are parsed in time and memory that grow faster than their length (a Subject of
# a million encoded words: MemoryError at 4 MB). No header a person writes is this long;
# one that is, is cut (at a space, between encoded words) before the parser sees it.
MAX_HEADER = 16 * 1024
_HEADER_END = re.compile(rb"\r?\n\r?\n")
_HEADER_START = re.compile(rb"(?m)^(?![ \t])")


def _bounded_headers(data: bytes) -> bytes:
    end = _HEADER_END.search(data)
    head = data[: end.start()] if end else data
    if len(head) <= MAX_HEADER:
        return data
    starts = [m.start() for m in _HEADER_START.finditer(head)] + [len(head)]
    fields = []
    for begin, stop in itertools.pairwise(starts):
        field = head[begin:stop]
        if len(field) > MAX_HEADER:
            cut = field.rfind(b" ", 0, MAX_HEADER)
            field = field[: cut if cut > 0 else MAX_HEADER].rstrip() + b"\r\n"
        fields.append(field)
    return b"".join(fields) + (data[end.start() :] if end else b"")


# -- headers ----------------------------------------------------------------------------------


def _header(message: Message, name: str) -> str:
    try:
        value = message.get(name)
    except Exception:  # a header too broken for the policy: read it raw
        value = message.get_all(name, [""])[0] if message.get_all(name) else ""
    return str(value) if value is not None else ""


def _one_line(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _addresses(message: Message, name: str) -> list[tuple[str, str]]:
    try:
        header = message.get(name)
    except Exception:
        header = None
    if header is None:
        return []
    found: list[tuple[str, str]] = []
    addresses = getattr(header, "addresses", None)
    if addresses:
        for item in addresses:
            if isinstance(item, Address) and item.addr_spec and "@" in item.addr_spec:
                found.append((item.display_name, item.addr_spec))
    if not found:  # legacy parser: more forgiving with odd headers
        for display, addr in getaddresses([str(header)]):
            if "@" in addr:
                found.append((display, addr))
    return found


def _sender(message: Message) -> tuple[str, str]:
    for name in ("from", "sender", "reply-to"):
        found = _addresses(message, name)
        if found:
            display, addr = found[0]
            display = _one_line(display).strip("'\" ")
            if display.casefold() == addr.casefold():
                display = ""
            return display, addr.strip()
    return "", ""


def _date(message: Message) -> datetime | None:
    when: datetime | None = None
    try:
        header = message.get("date")
        when = getattr(header, "datetime", None) if header is not None else None
    except Exception:
        when = None
    if when is None:
        # No usable Date: the last relay's Received stamp says when it reached us.
        for received in message.get_all("received", []) or []:
            stamp = str(received).rpartition(";")[2].strip()
            try:
                when = parsedate_to_datetime(stamp)
            except (TypeError, ValueError, IndexError, OverflowError):
                continue
            break
    if when is None:
        return None
    if when.tzinfo is None:  # "-0000": UTC, origin time zone unknown (RFC 5322 3.3)
        when = when.replace(tzinfo=UTC)
    try:
        return when.astimezone(UTC)
    except (OverflowError, ValueError):  # "31 Dec 9999 -2359": past the last date there is
        return None


# -- body -------------------------------------------------------------------------------------


def _body(message: EmailMessage) -> str:
    plain = message.get_body(preferencelist=("plain",))
    text = _clean_text(_content(plain)) if plain is not None else ""
    if not text:
        html = message.get_body(preferencelist=("html",))
        if html is not None:
            text = _clean_text(html_to_text(_content(html)))
    return text


def _content(part: Message) -> str:
    """A text part decoded by its charset; unknown or lying charsets decode leniently."""
    try:
        content = part.get_content()  # type: ignore[attr-defined]
        if isinstance(content, str):
            return content
    except (LookupError, UnicodeDecodeError, KeyError, AssertionError):
        pass
    raw = part.get_payload(decode=True)
    if not isinstance(raw, bytes):
        return ""
    for charset in (part.get_content_charset() or "", "utf-8"):
        if not charset:
            continue
        try:
            return raw.decode(charset)
        except (LookupError, UnicodeDecodeError):
            continue
    return raw.decode("cp1252", errors="replace")


def _clean_text(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    lines = [line.rstrip() for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


_BLOCKS = {
    "p",
    "div",
    "br",
    "tr",
    "li",
    "ul",
    "ol",
    "table",
    "blockquote",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "pre",
    "section",
    "article",
    "header",
    "footer",
}
_SKIP = {"script", "style", "head", "title", "noscript", "template"}


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0
        self.pre = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self.skipping += 1
        elif tag == "li":
            self.parts.append("\n- ")
        elif tag in ("td", "th"):
            self.parts.append("\t")
        elif tag in _BLOCKS:
            self.parts.append("\n\n" if tag in ("p", "h1", "h2", "h3", "table") else "\n")
        if tag == "pre":
            self.pre += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("br", "hr"):
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif tag in _BLOCKS and tag != "li":
            self.parts.append("\n\n" if tag in ("p", "h1", "h2", "h3", "table") else "\n")
        if tag == "pre":
            self.pre = max(0, self.pre - 1)

    def handle_data(self, data: str) -> None:
        if self.skipping:
            return
        self.parts.append(data if self.pre else re.sub(r"\s+", " ", data))


def html_to_text(html: str) -> str:
    """Readable text of an HTML mail body: paragraphs and line breaks kept, markup dropped."""
    parser = _TextExtractor()
    try:
        parser.feed(html)
        parser.close()
    except Exception:  # hopeless markup: strip the tags crudely
        return unescape(re.sub(r"<[^>]+>", " ", html))
    text = "".join(parser.parts)
    lines = [re.sub(r"[ \t]+", " ", line).strip() for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
