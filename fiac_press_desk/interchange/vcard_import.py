"""vCard files (2.1, 3.0, 4.0, as Outlook, Apple, Google, Android, Thunderbird... write them) to
import records, one card at a time.

The file is streamed (``vcard_decode`` -> ``vcard_split``); each card is parsed on its own, so a
card that cannot be read becomes an ``ImportProblem`` with its file, line and reason and the
next cards still come. Within a card the importer is forgiving: a broken photo costs the photo,
an address that is not an email costs that address (kept as an unknown property, with a
warning), never the contact. Properties the desk does not model are kept verbatim in
``extra_vcard`` and written back on export; our own fields travel as ``X-FIAC-*`` properties so
that an export read back loses nothing.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from email.utils import parseaddr
from pathlib import Path
from typing import BinaryIO

from fiac_press_desk.domain.contact import ContactData, EmailAddress, Phone, PostalAddress, WebLink
from fiac_press_desk.domain.contact_fields import own_fields
from fiac_press_desk.domain.enums import ContactKind, LawfulBasis, SalutationStyle
from fiac_press_desk.domain.errors import ValidationError
from fiac_press_desk.domain.normalize import normalize_email
from fiac_press_desk.domain.text import valid_unicode
from fiac_press_desk.domain.validation import MAX_PHOTO, normalize_birthday
from fiac_press_desk.interchange import vcard_content as vc
from fiac_press_desk.interchange.records import (
    GroupMember,
    ImportGroup,
    ImportProblem,
    ImportRecord,
    SourceItem,
    SourcePlace,
)
from fiac_press_desk.interchange.vcard_decode import (
    CharsetGuesser,
    byte_chunks,
    codec_name,
    decode_declared,
    decode_qp,
    display_charset,
    refused_codec,
)
from fiac_press_desk.interchange.vcard_messages import render
from fiac_press_desk.interchange.vcard_split import RawCard, StrayBlock, split_cards

VCARD_EXTENSIONS = (".vcf", ".vcard")
# Properties that describe the file, not the person: not kept (an export writes its own).
_DROPPED = {"VERSION", "PRODID", "REV", "BEGIN", "END", "X-ABADR", "X-ABSHOWAS"}
_BASE64 = {"B", "BASE64"}
CIVILITIES = {
    "m",
    "m.",
    "mme",
    "mme.",
    "mlle",
    "mlle.",
    "monsieur",
    "madame",
    "mademoiselle",
    "dr",
    "dr.",
    "pr",
    "pr.",
    "me",
    "mr",
    "mr.",
    "mrs",
    "mrs.",
    "ms",
    "ms.",
    "miss",
}
_APPLE_LABELS = {
    "homepage": "website",
    "home": "home",
    "work": "work",
    "other": "other",
    "mobile": "mobile",
    "iphone": "mobile",
    "main": "main",
    "homefax": "fax",
    "workfax": "fax",
    "otherfax": "fax",
    "pager": "pager",
}
_IMAGE_MAGIC = (
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
    (b"BM", "image/bmp"),
    (b"II*\x00", "image/tiff"),
    (b"MM\x00*", "image/tiff"),
)
_TRUE = {"1", "true", "yes", "oui"}
# The desk's own texts by their property: X-FIAC-DATA-SOURCE -> data_source.
_OWN_TEXTS = {spec.vcard_property: spec.name for spec in own_fields(ContactData)}
# Properties that say nothing about who a card is for.
_TRIVIAL = {"GENDER", "KIND", "CLASS", "SORT-STRING", "TZ", "NAME", "SOURCE", "PROFILE", "FN", "N"}
# Messaging handles a card may hold instead of a name (Android, Outlook, vCard 4.0 IMPP).
_HANDLES = {
    "IMPP",
    "X-ANDROID-CUSTOM",
    "X-GOOGLE-TALK",
    "X-JABBER",
    "X-SKYPE",
    "X-SKYPE-USERNAME",
    "X-AIM",
    "X-MSN",
    "X-YAHOO",
    "X-ICQ",
    "X-SIP",
    "X-TWITTER",
}
# TYPE values that say what a number or address is, not a label of its own.
_STANDARD_TYPES = {
    "PREF",
    "VOICE",
    "INTERNET",
    "X400",
    "MSG",
    "BBS",
    "MODEM",
    "CAR",
    "ISDN",
    "VIDEO",
    "PCS",
    "TEXT",
    "TEXTPHONE",
    "DOM",
    "INTL",
    "POSTAL",
    "PARCEL",
    "ENCODING",
    "BASE64",
    "B",
    "JPEG",
    "PNG",
    "GIF",
}


def parse_vcard_file(
    path: Path, *, name: str | None = None, charset: str | None = None
) -> Iterator[SourceItem]:
    """Records and problems of one file, streamed. ``name`` is how places name the file
    (default: the path as given); ``charset`` forces the charset of undeclared 8-bit text."""
    with path.open("rb") as stream:
        # a name that is not valid UTF-8 is shown with U+FFFD (it goes into messages, the
        # report and the database)
        yield from parse_vcard_stream(stream, valid_unicode(name or str(path)), charset=charset)


def parse_vcard_stream(
    stream: BinaryIO, file: str, *, charset: str | None = None
) -> Iterator[SourceItem]:
    """``parse_vcard_file`` on an open binary stream."""
    guesser = CharsetGuesser(charset)
    for block in split_cards(byte_chunks(stream)):
        if isinstance(block, StrayBlock):
            yield ImportProblem(SourcePlace(file, line=block.first_line), block.message)
            continue
        try:
            yield CardReader(block, file, guesser).record()
        except CardError as exc:
            yield ImportProblem(SourcePlace(file, line=exc.line or block.first_line), exc.message)
        except Exception as exc:  # one card's surprise never stops the file
            message = render("vcard_unreadable_card", reason=f"{type(exc).__name__}: {exc}")
            yield ImportProblem(SourcePlace(file, line=block.first_line), message)


class CardError(Exception):
    """A card that gives no contact at all; the message says why, with its line."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


@dataclass
class _Labels:
    """Apple's ``itemN.X-ABLabel`` values by group, and which groups a modelled property used."""

    by_group: dict[str, str] = field(default_factory=dict)
    used: set[str] = field(default_factory=set)


class CardReader:
    """One card: its properties decoded, then mapped onto a ContactData."""

    def __init__(self, raw: RawCard, file: str, guesser: CharsetGuesser) -> None:
        self.raw = raw
        self.file = file
        self.guesser = guesser
        self.warnings: list[str] = list(raw.warnings)
        self.fields: set[str] = set()
        self.extra: list[vc.Prop] = []
        self.data = ContactData()
        self.version = "2.1"
        self.labels = _Labels()
        self.pref_ids: set[int] = set()
        self.fn: str | None = None
        self.nickname = ""
        self.handle = ""
        self.civility_from_x = False
        self.seen: set[str] = set()
        self.handlers: dict[str, Callable[[vc.Prop], bool]] = {
            "FN": self.on_fn,
            "N": self.on_n,
            "ORG": self.on_org,
            "TITLE": self.on_title,
            "ROLE": self.on_role,
            "TEL": self.on_tel,
            "EMAIL": self.on_email,
            "ADR": self.on_adr,
            "URL": self.on_url,
            "CATEGORIES": self.on_categories,
            "NOTE": self.on_note,
            "BDAY": self.on_bday,
            "PHOTO": self.on_photo,
            "UID": self.on_uid,
            "LANG": self.on_lang,
            "KIND": self.on_kind,
        }

    # -- reading the properties ---------------------------------------------------------------

    def props(self) -> list[vc.Prop]:
        """The card's properties, decoded; CardError when it has none."""
        out: list[vc.Prop] = []
        for number, line in self.raw.lines:
            prop = vc.parse_content_line(line, number)
            if prop is None:
                preview = line[:40].decode("utf-8", "replace")
                self.warnings.append(render("vcard_bad_line", line=number, text=preview))
                continue
            if prop.name == "VERSION":
                self.version = prop.raw.strip().decode("ascii", "replace") or self.version
            out.append(prop)
        if not out:
            raise CardError(render("vcard_empty_card"), self.raw.first_line)
        self.decode(out)
        return out

    def decode(self, props: list[vc.Prop]) -> None:
        """Each value's text: declared charsets first, one guess for the undeclared rest."""
        declared: list[str] = []
        pending: list[tuple[vc.Prop, bytes]] = []
        for prop in props:
            raw = prop.raw
            encoding = prop.encoding
            if encoding in _BASE64:
                prop.text = raw.decode("ascii", "replace")
                continue
            if encoding == "QUOTED-PRINTABLE":
                raw = decode_qp(raw)
            charset = None
            if "CHARSET" in prop.params:
                charset = codec_name(prop.param("CHARSET"))
                if charset is None:
                    declared_name = prop.param("CHARSET")
                    self.warnings.append(
                        render(
                            "vcard_refused_charset"
                            if refused_codec(declared_name)
                            else "vcard_unknown_charset",
                            line=prop.line,
                            prop=prop.name,
                            charset=declared_name,
                        )
                    )
                elif charset not in ("utf-8", "ascii"):
                    declared.append(charset)
            text = decode_declared(raw, charset)
            if text is None:
                pending.append((prop, raw))
            else:
                prop.text = text
        if pending:
            sample = b"\n".join(raw for _, raw in pending)
            chosen = self.guesser.choose(sample, declared)
            for prop, raw in pending:
                prop.text = raw.decode(chosen, "replace")
                prop.charset_guessed = True
            names = ", ".join(dict.fromkeys(p.name for p, _ in pending))
            if not self.guesser.forced:  # a charset the user chose is no guess
                self.warnings.append(
                    render("vcard_charset_guessed", props=names, charset=display_charset(chosen))
                )
        for charset in declared:
            self.guesser.note_declared(charset)
        for prop in props:
            if "\r" in prop.text:
                prop.text = prop.text.replace("\r\n", "\n").replace("\r", "\n")
            prop.text = valid_unicode(prop.text)  # what reaches the database is valid Unicode

    # -- mapping ------------------------------------------------------------------------------

    def record(self) -> ImportRecord | ImportGroup:
        """The contact the card holds, with what the card carried and its warnings; for a
        group card, the group it stands for."""
        props = self.props()
        group = self.group(props)
        if group is not None:
            return group
        label_props = [p for p in props if p.name == vc.X_LABEL and p.group]
        for prop in label_props:
            self.labels.by_group[prop.group.lower()] = _apple_label(vc.unescape(prop.text))
        has_adr = any(p.name == "ADR" for p in props)
        for prop in props:
            name = prop.name
            if name in _DROPPED or (name == vc.X_LABEL and prop.group):
                continue
            if name == "LABEL" and has_adr:
                continue  # the formatted form of an address read from ADR
            handler = self.handlers.get(name)
            if handler is not None:
                if not handler(prop):
                    self.extra.append(prop)
            elif name.startswith("X-FIAC-"):
                self.on_fiac(prop)
            else:
                if name == "NICKNAME" and not self.nickname:
                    self.nickname = ", ".join(vc.text_list(prop.text))
                elif name in _HANDLES and not self.handle:
                    self.handle = _handle(prop)
                self.extra.append(prop)
        self.finish_names()
        self.finish_extra(label_props)
        data = self.data
        prefs = self.pref_ids
        data.emails.sort(key=lambda item: id(item) not in prefs)
        data.phones.sort(key=lambda item: id(item) not in prefs)
        data.addresses.sort(key=lambda item: id(item) not in prefs)
        data.urls.sort(key=lambda item: id(item) not in prefs)
        return ImportRecord(
            data,
            SourcePlace(self.file, line=self.raw.first_line),
            self.warnings,
            fields=frozenset(self.fields),
        )

    def group(self, props: list[vc.Prop]) -> ImportGroup | None:
        """A group card (Apple's ``X-ADDRESSBOOKSERVER-KIND:group``, vCard 4.0's
        ``KIND:group``) as the distribution list it stands for, None for a person."""
        kinds = [
            vc.unescape(p.text).strip().lower()
            for p in props
            if p.name in ("KIND", "X-ADDRESSBOOKSERVER-KIND")
        ]
        if not kinds or kinds[0] != "group":  # the first says (a test card lists them all)
            return None
        name = ""
        members: list[GroupMember] = []
        for prop in props:
            value = vc.unescape(prop.text).strip()
            if prop.name == "FN" and not name:
                name = value
            elif prop.name == "N" and not name:
                name = " ".join(p for part in vc.structured(prop.text) for p in part if p)
            elif prop.name in ("MEMBER", "X-ADDRESSBOOKSERVER-MEMBER") and value:
                if value.lower().startswith("mailto:"):
                    members.append(GroupMember(email=value[7:]))
                else:
                    members.append(GroupMember(uid=value))
        place = SourcePlace(self.file, line=self.raw.first_line)
        return ImportGroup(
            place,
            name or render("vcard_unnamed", file=self.file, line=place.line),
            members,
            self.warnings,
        )

    def mark_pref(self, item: object, prop: vc.Prop) -> None:
        """Note a preferred value: it goes first."""
        if "PREF" in prop.types or "PREF" in prop.params:
            self.pref_ids.add(id(item))

    def first_time(self, name: str) -> bool:
        """Whether this property is met for the first time (a second one is kept as is)."""
        if name in self.seen:
            return False
        self.seen.add(name)
        return True

    def label_of(self, prop: vc.Prop) -> str:
        """The label Apple's ``itemN.X-ABLabel`` gives the property, if any."""
        if prop.group:
            label = self.labels.by_group.get(prop.group.lower())
            if label is not None:
                self.labels.used.add(prop.group.lower())
                return label
        return ""

    def on_fn(self, prop: vc.Prop) -> bool:
        """FN, the name as shown. Each ``on_*`` returns False to keep the line verbatim."""
        if not self.first_time("FN"):
            return False
        self.fn = vc.unescape(prop.text).strip()
        return True

    def on_n(self, prop: vc.Prop) -> bool:
        """N, the structured name."""
        if not self.first_time("N"):
            return False
        parts = vc.structured(prop.text, lists=self.version != "2.1") + [[]] * 5
        family, given, additional, prefix, suffix = (
            " ".join(v.strip() for v in part if v.strip()) for part in parts[:5]
        )
        suffix = ", ".join(v.strip() for v in parts[4] if v.strip())
        data = self.data
        data.family_name, data.given_name, data.additional_names = family, given, additional
        data.name_prefix, data.name_suffix = prefix, suffix
        self.fields |= {"family_name", "given_name", "additional_names", "name_prefix"}
        self.fields.add("name_suffix")
        return True

    def on_org(self, prop: vc.Prop) -> bool:
        """ORG, the outlet and its department."""
        if not self.first_time("ORG"):
            return False
        parts = [
            " ".join(v.strip() for v in part if v.strip())
            for part in vc.structured(prop.text, lists=False)
        ]
        self.data.organization = parts[0] if parts else ""
        self.data.department = ", ".join(p for p in parts[1:] if p)
        self.fields |= {"organization", "department"}
        return True

    def on_title(self, prop: vc.Prop) -> bool:
        """TITLE, the job title."""
        if not self.first_time("TITLE"):
            return False
        self.data.job_title = vc.unescape(prop.text).strip()
        self.fields.add("job_title")
        return True

    def on_role(self, prop: vc.Prop) -> bool:
        """ROLE."""
        if not self.first_time("ROLE"):
            return False
        self.data.role = vc.unescape(prop.text).strip()
        self.fields.add("role")
        return True

    def on_tel(self, prop: vc.Prop) -> bool:
        """TEL; a value without a digit is kept aside with a warning."""
        value = vc.unescape(prop.text).strip()
        if value.lower().startswith("tel:"):
            value = value[4:]
        if not any(ch.isdigit() for ch in value):
            if value:
                self.warnings.append(render("vcard_bad_phone", line=prop.line, value=value))
            return False
        phone = Phone(value, self.label_of(prop) or _phone_label(prop.types))
        self.mark_pref(phone, prop)
        self.data.phones.append(phone)
        self.fields.add("phones")
        return True

    def on_email(self, prop: vc.Prop) -> bool:
        """EMAIL; an address that does not read is kept aside with a warning."""
        text = vc.unescape(prop.text).strip().rstrip(";").strip()
        value = parseaddr(text)[1] if "<" in text else text
        if value.lower().startswith("mailto:"):
            value = value[7:]
        if not value:
            return True
        try:
            normalize_email(value)
        except ValidationError:
            self.warnings.append(render("vcard_bad_email", line=prop.line, value=text))
            return False
        email = EmailAddress(value, self.label_of(prop) or _place_label(prop.types))
        self.mark_pref(email, prop)
        self.data.emails.append(email)
        self.fields.add("emails")
        return True

    def on_adr(self, prop: vc.Prop) -> bool:
        """ADR, a postal address."""
        parts = [
            ", ".join(v.strip() for v in part if v.strip())
            for part in vc.structured(prop.text, lists=self.version != "2.1")
        ] + [""] * 7
        box, extended, street, city, region, code, country = parts[:7]
        address = PostalAddress(
            label=self.label_of(prop) or _place_label(prop.types),
            street=street,
            extended=extended,
            postal_code=code,
            city=city,
            region=region,
            country=country,
            po_box=box,
        )
        if address.is_empty():
            return True
        self.mark_pref(address, prop)
        self.data.addresses.append(address)
        self.fields.add("addresses")
        return True

    def on_url(self, prop: vc.Prop) -> bool:
        """URL, a web link."""
        value = vc.unescape(prop.text).strip()
        if not value:
            return True
        link = WebLink(value, self.label_of(prop) or _place_label(prop.types))
        self.mark_pref(link, prop)
        self.data.urls.append(link)
        self.fields.add("urls")
        return True

    def on_categories(self, prop: vc.Prop) -> bool:
        """CATEGORIES, the tags."""
        values = vc.text_list(prop.text)
        if self.version == "2.1":
            values = [v.strip() for value in values for v in value.split(";") if v.strip()]
        self.data.tags += [v for v in values if v not in self.data.tags]
        self.fields.add("tags")
        return True

    def on_note(self, prop: vc.Prop) -> bool:
        """NOTE; several are joined."""
        text = vc.unescape(prop.text).strip()
        if text:
            self.data.notes = f"{self.data.notes}\n\n{text}" if self.data.notes else text
        self.fields.add("notes")
        return True

    def on_bday(self, prop: vc.Prop) -> bool:
        """BDAY; a date that does not read is kept aside with a warning."""
        if not self.first_time("BDAY"):
            return False
        value = vc.unescape(prop.text).strip()
        try:
            self.data.birthday = normalize_birthday(value)
        except ValidationError:
            self.warnings.append(render("vcard_bad_birthday", line=prop.line, value=value))
            return False
        self.fields.add("birthday")
        return True

    def on_photo(self, prop: vc.Prop) -> bool:
        """PHOTO inline; a link is kept as written and never fetched."""
        if "photo" in self.fields:
            return False
        text = "".join(prop.text.split())
        mime = ""
        if prop.encoding in _BASE64:
            payload = text
        elif text.lower().startswith("data:"):
            header, _, payload = text.partition(",")
            if ";base64" not in header.lower():
                self.warnings.append(render("vcard_photo_broken", line=prop.line))
                return True
            mime = header[5:].split(";")[0].lower()
        elif "://" in text[:12] or prop.param("VALUE").upper() in ("URI", "URL"):
            self.warnings.append(render("vcard_photo_url", line=prop.line))
            return False  # kept as written; never fetched
        else:
            payload = text
        if len(payload) * 3 // 4 > MAX_PHOTO + 3:
            # too large to keep whatever it holds: said without decoding tens of MB
            self.warnings.append(
                render("vcard_photo_too_big", line=prop.line, size=len(payload) * 3 // 4 // 1024)
            )
            return True
        try:
            photo = base64.b64decode(payload, validate=True)
        except (binascii.Error, ValueError):
            self.warnings.append(render("vcard_photo_broken", line=prop.line))
            return True
        sniffed = _image_type(photo)
        if sniffed is None:
            self.warnings.append(render("vcard_photo_broken", line=prop.line))
            return True
        if len(photo) > MAX_PHOTO:
            self.warnings.append(
                render("vcard_photo_too_big", line=prop.line, size=len(photo) // 1024)
            )
            return True
        self.data.photo, self.data.photo_mime = photo, sniffed or mime
        self.fields |= {"photo", "photo_mime"}
        return True

    def on_uid(self, prop: vc.Prop) -> bool:
        """UID, which makes a second import update rather than duplicate."""
        if not self.first_time("UID"):
            return False
        value = vc.unescape(prop.text).strip()
        if len(value) > 255:
            return False
        self.data.uid = value
        self.fields.add("uid")
        return True

    def on_lang(self, prop: vc.Prop) -> bool:
        """LANG (4.0); X-FIAC-LANGUAGE wins when both are there."""
        if not self.first_time("LANG"):
            return False
        value = vc.unescape(prop.text).strip().lower()
        if "language" not in self.fields and value:
            self.data.language = value.split("-")[0]
            self.fields.add("language")
        return True

    def on_kind(self, prop: vc.Prop) -> bool:
        # vCard 4.0's KIND: "individual" is what every contact of the desk is.
        """KIND (4.0): "individual" is what every contact is; another is kept."""
        return vc.unescape(prop.text).strip().lower() in ("individual", "")

    def on_fiac(self, prop: vc.Prop) -> None:
        """The desk's own ``X-FIAC-*`` lines; an unknown one is kept."""
        name, value = prop.name, vc.unescape(prop.text).strip()
        data = self.data
        try:
            if name == vc.X_KIND:
                data.kind = ContactKind(value)
                self.fields.add("kind")
            elif name == vc.X_CIVILITY:
                data.civility = value
                self.civility_from_x = True
                self.fields.add("civility")
            elif name == vc.X_BEAT:
                data.beats.append(value)
                self.fields.add("beats")
            elif name == vc.X_LIST:
                data.lists.append(value)
                self.fields.add("lists")
            elif name == vc.X_LANGUAGE:
                data.language = value
                self.fields.add("language")
            elif name == vc.X_LAWFUL_BASIS:
                data.lawful_basis = LawfulBasis(value)
                self.fields.add("lawful_basis")
            elif name in _OWN_TEXTS:  # the desk's own texts (domain.contact_fields)
                own = _OWN_TEXTS[name]
                setattr(data, own, value)
                self.fields.add(own)
            elif name == vc.X_OPTED_OUT:
                data.opted_out = value.lower() in _TRUE
                self.fields.add("opted_out")
            elif name == vc.X_OPTED_OUT_AT:
                data.opted_out_at = datetime.fromisoformat(value)
                self.fields.add("opted_out_at")
            elif name == vc.X_OPTED_OUT_REASON:
                data.opted_out_reason = value
                self.fields.add("opted_out_reason")
            elif name == vc.X_ARCHIVED:
                data.archived = value.lower() in _TRUE
                self.fields.add("archived")
            elif name == vc.X_SALUTATION:
                data.salutation = SalutationStyle(value)
                self.fields.add("salutation")
            else:
                self.extra.append(prop)
        except ValueError:
            self.warnings.append(
                render("vcard_bad_value", line=prop.line, prop=prop.name, value=value)
            )

    # -- finishing ----------------------------------------------------------------------------

    def finish_names(self) -> None:
        """The name fields settled once every property is read."""
        data = self.data
        prefix = data.name_prefix
        if self.civility_from_x:
            civility = data.civility
            if civility and (prefix == civility or prefix.startswith(civility + " ")):
                data.name_prefix = prefix[len(civility) :].strip()
        elif prefix:
            first, _, rest = prefix.partition(" ")
            if first.lower() in CIVILITIES:
                data.civility, data.name_prefix = first, rest.strip()
                self.fields.add("civility")
        if self.fn:
            # FN that merely repeats the names is not kept: the list shows them computed, and
            # a later change of name then changes what is shown.
            if " ".join(self.fn.split()) != data.computed_display_name():
                data.display_name = self.fn
            self.fields.add("display_name")
        elif not (data.given_name or data.family_name or data.organization or data.emails):
            if not self.substantive():
                raise CardError(render("vcard_nothing"), self.raw.first_line)
            # Every card comes in, even one that names nobody: it is listed under what it
            # does hold (a nickname, a messaging handle, a number, a link) or its place.
            name = self.nickname or self.handle
            if not name and data.phones:
                name = data.phones[0].value
            if not name and data.urls:
                name = data.urls[0].value
            if not name:
                base = self.file.replace("\\", "/").rsplit("/", 1)[-1]
                name = render("vcard_unnamed", file=base, line=self.raw.first_line)
            data.display_name = name[:255]
            self.fields.add("display_name")
            self.warnings.append(render("vcard_no_name", name=data.display_name))

    def substantive(self) -> bool:
        """Whether a card without a name holds anything worth a contact (an Android custom
        field, a photo, a number...) rather than only a VERSION, a KIND or a GENDER."""
        data = self.data
        if data.phones or data.addresses or data.urls or data.photo or data.notes:
            return True
        if data.birthday or data.tags or data.job_title or self.nickname or self.handle:
            return True
        return any(p.name not in _TRIVIAL and p.text.strip() for p in self.extra)

    def finish_extra(self, label_props: list[vc.Prop]) -> None:
        """Unknown properties kept as text lines, with the Apple labels of their groups."""
        kept = [p for p in label_props if p.group.lower() not in self.labels.used]
        lines = [_extra_line(p) for p in sorted(self.extra + kept, key=lambda p: p.line)]
        if lines:
            self.data.extra_vcard = lines
            self.fields.add("extra_vcard")


def _apple_label(text: str) -> str:
    """``_$!<HomePage>!$_`` -> "website"; a label typed by the user is kept as typed."""
    value = text.strip()
    for start, end in (("_$!<", ">!$_"), ("$!<", ">!$")):
        if value.startswith(start) and value.endswith(end):
            inner = value[len(start) : -len(end)]
            return _APPLE_LABELS.get(inner.lower(), inner.lower())
    return _APPLE_LABELS.get(value.lower(), value)


def _handle(prop: vc.Prop) -> str:
    """The readable part of a messaging property (``sip:ann@example.org`` -> ann@example.org;
    Android's ``vnd.android.cursor.item/nickname;Nick;...`` -> Nick)."""
    parts = [p for p in vc.structured(prop.text, lists=False)]
    if prop.name == "X-ANDROID-CUSTOM":
        values = [v[0].strip() if v else "" for v in parts]
        if values and values[0].endswith("/nickname") and len(values) > 1:
            return values[1]
        return ""
    value = vc.unescape(prop.text).strip()
    return value.split(":", 1)[1] if ":" in value[:8] else value


def _phone_label(types: set[str]) -> str:
    if "CELL" in types or "MOBILE" in types or "IPHONE" in types:
        return "mobile"
    if "FAX" in types:
        return "fax"
    if "PAGER" in types:
        return "pager"
    return _place_label(types)


def _place_label(types: set[str]) -> str:
    if "WORK" in types:
        return "work"
    if "HOME" in types:
        return "home"
    if "OTHER" in types:
        return "other"
    # A type no standard knows is the user's own label ("TEL;TYPE=WhatsApp").
    own = [t for t in types if t not in _STANDARD_TYPES and not t.startswith("X-")]
    return own[0].lower() if len(own) == 1 else ""


def _image_type(data: bytes) -> str | None:
    for magic, mime in _IMAGE_MAGIC:
        if data.startswith(magic):
            return mime
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    if data[4:8] == b"ftyp" and data[8:12] in (b"heic", b"heix", b"mif1", b"avif"):
        return "image/avif" if data[8:12] == b"avif" else "image/heic"
    return None


def _extra_line(prop: vc.Prop) -> str:
    """A property we do not model, as a vCard 3.0/4.0 text line: its characters decoded
    (quoted-printable and charset gone), newlines escaped, everything else as written."""
    head = f"{prop.group}.{prop.name}" if prop.group else prop.name
    params = []
    for key, values in prop.params.items():
        if key == "CHARSET" or (key == "ENCODING" and values[0].upper() == "QUOTED-PRINTABLE"):
            continue
        params.append(f";{key}={','.join(vc.quote_param(v) for v in values)}")
    return head + "".join(params) + ":" + prop.text.replace("\n", "\\n")
