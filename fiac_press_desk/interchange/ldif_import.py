"""LDIF address books (Thunderbird's "Export > LDIF", RFC 2849) to import records.

An LDIF file is a list of entries separated by blank lines, each a ``dn:`` line then
``attribute: value`` lines; a value that is not plain ASCII is written ``attribute:: base64``;
a line that starts with one space continues the line before; ``#`` lines are comments.
Thunderbird writes a person as ``objectclass: mozillaAbPersonAlpha`` with ``givenName``,
``sn``, ``mail``, ``mozillaSecondEmail``, ``telephoneNumber``, ``mobile``, ``o``, ``title``,
``description``... and a mailing list as ``objectclass: groupOfNames`` whose ``member`` lines
name each person's entry (``cn=Léa Martin,mail=lea@example.org``): a list becomes an
``ImportGroup`` (a distribution list with its members), never a contact.

Read here rather than with an LDIF library: the ones on PyPI stop the whole file at the first
line without a colon or bad base64 and give no line numbers, where the import must report a
bad entry at its line and read on. Attributes the desk has no field for are kept in the notes
("attribute : value"), never dropped without a word.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from fiac_press_desk.domain.contact import ContactData, EmailAddress, Phone, PostalAddress, WebLink
from fiac_press_desk.domain.messages import render_in
from fiac_press_desk.interchange.import_messages import render as render_notice
from fiac_press_desk.interchange.records import (
    GroupMember,
    ImportGroup,
    ImportProblem,
    ImportRecord,
    SourceItem,
    SourcePlace,
)

CATALOGUE: dict[str, dict[str, str]] = {
    "ldif_no_colon": {
        "fr": "ligne {line} : pas de la forme « attribut: valeur », ignorée",
        "en": "line {line}: not an 'attribute: value' line, skipped",
    },
    "ldif_bad_base64": {
        "fr": "ligne {line} : valeur base64 illisible de {attr}, ignorée",
        "en": "line {line}: unreadable base64 value of {attr}, skipped",
    },
    "ldif_url_value": {
        "fr": "ligne {line} : {attr} renvoie à un fichier ou une adresse, jamais lus : ignoré",
        "en": "line {line}: {attr} points to a file or address, never read: skipped",
    },
    "ldif_charset": {
        "fr": "ligne {line} : {attr} n'est pas en UTF-8, lu en Windows-1252",
        "en": "line {line}: {attr} is not UTF-8, read as Windows-1252",
    },
    "ldif_bad_birthday": {
        "fr": "date de naissance {value} illisible, ignorée",
        "en": "birthday {value} unreadable, skipped",
    },
    "ldif_nothing": {
        "fr": "entrée sans nom, adresse ni numéro : rien à importer",
        "en": "entry with no name, address or number: nothing to import",
    },
    "ldif_no_dn": {
        "fr": "entrée sans ligne dn: (lue quand même)",
        "en": "entry without a dn: line (read all the same)",
    },
}


def _render(code: str, **params: object) -> str:
    return render_in(CATALOGUE, code, **params)


@dataclass
class _Entry:
    line: int  # where the entry starts
    attributes: list[tuple[str, str, int]] = field(default_factory=list)  # (name, value, line)
    warnings: list[str] = field(default_factory=list)


def parse_ldif_file(path: Path, *, name: str | None = None) -> Iterator[SourceItem]:
    """Records, groups and problems of one LDIF file, entry after entry."""
    file = name or str(path)
    with path.open("rb") as stream:
        for entry in _entries(stream):
            try:
                yield _item(entry, file)
            except Exception as exc:  # one entry's surprise never stops the file
                yield ImportProblem(
                    SourcePlace(file, line=entry.line), f"{type(exc).__name__}: {exc}"
                )


def _entries(stream: Iterable[bytes]) -> Iterator[_Entry]:
    """Entries with their attributes decoded, lines unfolded and comments left out."""
    entry: _Entry | None = None
    logical: list[tuple[bytes, int]] = []  # (unfolded line, first line number)
    number = 0
    for raw in stream:
        number += 1
        if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]
        line = raw.rstrip(b"\r\n")
        if line.startswith(b" ") and logical:
            text, first = logical[-1]
            logical[-1] = (text + line[1:], first)
            continue
        if not line.strip():
            if logical:
                entry = _entry(logical)
                if entry is not None:
                    yield entry
                logical = []
            continue
        logical.append((line, number))
    if logical:
        entry = _entry(logical)
        if entry is not None:
            yield entry


def _entry(lines: list[tuple[bytes, int]]) -> _Entry | None:
    lines = [(text, n) for text, n in lines if not text.startswith(b"#")]
    if not lines:
        return None
    entry = _Entry(lines[0][1])
    for text, number in lines:
        colon = text.find(b":")
        if colon <= 0:
            entry.warnings.append(_render("ldif_no_colon", line=number))
            continue
        attr = text[:colon].decode("ascii", "replace").strip().split(";")[0]
        rest = text[colon + 1 :]
        if rest.startswith(b":"):
            try:
                value = base64.b64decode(rest[1:].strip(), validate=True)
            except (binascii.Error, ValueError):
                entry.warnings.append(_render("ldif_bad_base64", line=number, attr=attr))
                continue
        elif rest.startswith(b"<"):
            entry.warnings.append(_render("ldif_url_value", line=number, attr=attr))
            continue
        else:
            value = rest.strip()
        try:
            decoded = value.decode("utf-8")
        except UnicodeDecodeError:
            decoded = value.decode("cp1252", "replace")
            entry.warnings.append(_render("ldif_charset", line=number, attr=attr))
        if attr.lower() == "version" and not entry.attributes:
            continue
        entry.attributes.append((attr, decoded, number))
    return entry


# Thunderbird's attributes (and the standard inetOrgPerson ones it reads), lower-cased.
_PHONES = {
    "telephonenumber": "work",
    "homephone": "home",
    "mobile": "mobile",
    "cellphone": "mobile",
    "facsimiletelephonenumber": "fax",
    "fax": "fax",
    "pager": "pager",
    "pagerphone": "pager",
}
_EMAILS = {"mail": "", "mozillasecondemail": "", "xmozillasecondemail": ""}
_WORK_ADDRESS = {
    "street": "street",
    "streetaddress": "street",
    "postaladdress": "street",
    "mozillaworkstreet2": "extended",
    "l": "city",
    "locality": "city",
    "st": "region",
    "postalcode": "postal_code",
    "zip": "postal_code",
    "c": "country",
    "countryname": "country",
    "postofficebox": "po_box",
}
_HOME_ADDRESS = {
    "mozillahomestreet": "street",
    "homepostaladdress": "street",
    "mozillahomestreet2": "extended",
    "mozillahomelocalityname": "city",
    "mozillahomestate": "region",
    "mozillahomepostalcode": "postal_code",
    "mozillahomecountryname": "country",
}
_URLS = {"mozillaworkurl": "work", "workurl": "work", "mozillahomeurl": "home", "homeurl": "home"}
_TEXT = {
    "givenname": "given_name",
    "sn": "family_name",
    "surname": "family_name",
    "cn": "display_name",
    "commonname": "display_name",
    "title": "job_title",
    "o": "organization",
    "company": "organization",
    "ou": "department",
    "department": "department",
    "orgunit": "department",
}
# What describes the entry rather than the person.
_IGNORED = {"dn", "objectclass", "modifytimestamp", "mozillausehtmlmail", "xmozillausehtmlmail"}
_GROUP_CLASSES = {"groupofnames", "groupofuniquenames"}


def _item(entry: _Entry, file: str) -> SourceItem:
    place = SourcePlace(file, line=entry.line)
    names = {a.lower() for a, _, _ in entry.attributes}
    if "dn" not in names:
        entry.warnings.append(_render("ldif_no_dn"))
    classes = {v.strip().lower() for a, v, _ in entry.attributes if a.lower() == "objectclass"}
    if classes & _GROUP_CLASSES:
        return _group(entry, place)
    data = ContactData()
    fields: set[str] = set()
    notes: list[str] = []
    work: dict[str, str] = {}
    home: dict[str, str] = {}
    birth: dict[str, str] = {}
    for attr, value, _number in entry.attributes:
        key = attr.lower()
        value = value.strip()
        if not value or key in _IGNORED:
            continue
        if key in _TEXT:
            name = _TEXT[key]
            if not getattr(data, name):
                setattr(data, name, value)
                fields.add(name)
                continue
            notes.append(render_notice("column_note", header=attr, value=value))
        elif key in _EMAILS:
            data.emails.append(EmailAddress(value, _EMAILS[key]))
            fields.add("emails")
        elif key in _PHONES:
            data.phones.append(Phone(value, _PHONES[key]))
            fields.add("phones")
        elif key in _WORK_ADDRESS:
            work[_WORK_ADDRESS[key]] = value
        elif key in _HOME_ADDRESS:
            home[_HOME_ADDRESS[key]] = value
        elif key in _URLS:
            data.urls.append(WebLink(value, _URLS[key]))
            fields.add("urls")
        elif key in ("birthyear", "birthmonth", "birthday"):
            birth[key] = value
        elif key == "description":
            notes.insert(0, value)
        else:  # a nickname, custom fields, another program's attributes: in the notes
            notes.append(render_notice("column_note", header=attr, value=value))
    for label, parts in (("work", work), ("home", home)):
        if parts:
            data.addresses.append(PostalAddress(label=label, **parts))
            fields.add("addresses")
    if birth:
        _birthday(data, birth, entry.warnings)
        fields.add("birthday")
    if notes:
        data.notes = "\n".join(notes)
        fields.add("notes")
    full = " ".join(p for p in (data.given_name, data.family_name) if p)
    if data.display_name and " ".join(data.display_name.split()) == full:
        data.display_name = ""  # cn that repeats the names: the names are shown
    named = data.given_name or data.family_name or data.display_name or data.organization
    if not (named or data.emails or data.phones):
        return ImportProblem(place, _render("ldif_nothing"))
    return ImportRecord(data, place, entry.warnings, frozenset(fields))


def _birthday(data: ContactData, birth: dict[str, str], warnings: list[str]) -> None:
    year, month, day = (birth.get(k, "") for k in ("birthyear", "birthmonth", "birthday"))
    try:
        text = (f"{int(year):04d}-" if year else "--") + f"{int(month):02d}-{int(day):02d}"
    except ValueError:
        warnings.append(_render("ldif_bad_birthday", value="/".join((day, month, year))))
        return
    data.birthday = text  # validation checks it is a real date


def _group(entry: _Entry, place: SourcePlace) -> ImportGroup:
    name = ""
    members: list[GroupMember] = []
    notes: list[str] = []
    for attr, value, _ in entry.attributes:
        key = attr.lower()
        if key == "cn" and not name:
            name = value.strip()
        elif key in ("member", "uniquemember"):
            member = _member(value)
            if member is not None:
                members.append(member)
        elif key == "description":
            notes.append(value)
    return ImportGroup(place, name or "LDIF", members, entry.warnings)


def _member(dn: str) -> GroupMember | None:
    """The member a list's ``member: cn=Léa Martin,mail=lea@example.org`` names, by address."""
    for part in dn.split(","):
        key, _, value = part.partition("=")
        if key.strip().lower() == "mail" and value.strip():
            return GroupMember(email=value.strip())
    return None
