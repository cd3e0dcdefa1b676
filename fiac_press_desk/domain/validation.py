"""Validation of a contact before it is written: names the field, normalises on the way."""

from __future__ import annotations

import re
from datetime import date
from enum import StrEnum
from functools import lru_cache
from typing import TypeVar

from fiac_press_desk.domain.contact import (
    ContactData,
    EmailAddress,
    OrganisationData,
    Phone,
    PostalAddress,
    WebLink,
)
from fiac_press_desk.domain.contact_fields import OwnText, own_fields
from fiac_press_desk.domain.enums import ContactKind, LawfulBasis, OrganisationType, SalutationStyle
from fiac_press_desk.domain.errors import ValidationError
from fiac_press_desk.domain.normalize import email_key, normalize_email, normalize_phone
from fiac_press_desk.domain.text import clean, name_key

_BIRTHDAY = re.compile(r"^(?:(\d{4})|--)-?(\d{2})-?(\d{2})$")
# The French way of typing a date: 31/01/1980, 31.01.1980, 31-01-1980, or 31/01 without a year.
_BIRTHDAY_FR = re.compile(r"^(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{4}))?$")
_E = TypeVar("_E", bound=StrEnum)
MAX_SHORT = 255
MAX_NOTES = 100_000
MAX_PHOTO = 5 * 1024 * 1024
_OWN_TEXTS = own_fields(ContactData)


def _short(value: str, field: str) -> str:
    if not value:  # most optional fields: nothing to clean
        return ""
    text = clean(value)
    if len(text) > MAX_SHORT:
        raise ValidationError(field, "too_long", length=len(text), limit=MAX_SHORT)
    return text


def _own_text(value: str, spec: OwnText) -> str:
    """One of the desk's own texts (``domain.contact_fields``), trimmed, within its limit."""
    if not value:
        return ""
    text = clean(value)
    if len(text) > spec.max_length:
        raise ValidationError(spec.name, "too_long", length=len(text), limit=spec.max_length)
    return text


def _label(value: str, items: str, index: int) -> str:
    """``_short`` for the label of an email, phone, address or link; the field is named
    (``emails[1].label``) only when there is an error to report."""
    if not value:
        return ""
    text = clean(value)
    if len(text) > MAX_SHORT:
        field = f"{items}[{index}].label"
        raise ValidationError(field, "too_long", length=len(text), limit=MAX_SHORT)
    return text


def normalize_birthday(raw: str, field: str = "birthday") -> str:
    """ISO date, or ``--MM-DD`` without a year (Apple writes year 1604 for "unknown").

    Also reads the French ways of typing a date (31/01/1980, 31.01.1980, 31/01).
    """
    if not raw:
        return ""
    text = raw.strip()
    if not text:
        return ""
    text = text.split("T")[0]
    match = _BIRTHDAY.match(text)
    if match:
        year, month, day = match.groups()
    else:
        french = _BIRTHDAY_FR.match(text)
        if not french:
            raise ValidationError(field, "bad_date", value=raw)
        day, month, year = f"{int(french[1]):02d}", f"{int(french[2]):02d}", french[3]
    try:
        date(int(year) if year and year != "1604" else 2000, int(month), int(day))
    except ValueError:
        raise ValidationError(field, "bad_date", value=raw) from None
    if not year or year == "1604":
        return f"--{month}-{day}"
    return f"{year}-{month}-{day}"


def _enum(enum_type: type[_E], value: object, field: str) -> _E:
    if value.__class__ is enum_type:  # already a member (the usual case)
        return value
    try:
        return enum_type(str(value))
    except ValueError:
        raise ValidationError(field, "bad_choice", value=value) from None


def validate_contact(data: ContactData) -> ContactData:
    """Return a normalised copy of ``data`` or raise ValidationError naming the field."""
    emails: list[EmailAddress] = []
    seen_emails: set[str] = set()
    for i, email in enumerate(data.emails):
        if not email.value.strip():
            continue
        value = normalize_email(email.value, f"emails[{i}]")
        key = email_key(value)
        if key in seen_emails:
            continue
        seen_emails.add(key)
        emails.append(EmailAddress(value, _label(email.label, "emails", i)))
    phones: list[Phone] = []
    seen_phones: set[str] = set()
    for i, phone in enumerate(data.phones):
        if not phone.value.strip():
            continue
        value = normalize_phone(phone.value, f"phones[{i}]")
        if value in seen_phones:
            continue
        seen_phones.add(value)
        phones.append(Phone(value, _label(phone.label, "phones", i)))
    addresses = [
        PostalAddress(
            label=_label(a.label, "addresses", i),
            street=a.street.strip(),
            extended=clean(a.extended),
            postal_code=clean(a.postal_code),
            city=clean(a.city),
            region=clean(a.region),
            country=clean(a.country),
            po_box=clean(a.po_box),
        )
        for i, a in enumerate(data.addresses)
        if not a.is_empty()
    ]
    urls = [
        WebLink(u.value.strip(), _label(u.label, "urls", i))
        for i, u in enumerate(data.urls)
        if u.value.strip()
    ]
    result = ContactData(
        kind=_enum(ContactKind, data.kind, "kind"),
        civility=_short(data.civility, "civility"),
        given_name=_short(data.given_name, "given_name"),
        family_name=_short(data.family_name, "family_name"),
        display_name=_short(data.display_name, "display_name"),
        additional_names=_short(data.additional_names, "additional_names"),
        name_prefix=_short(data.name_prefix, "name_prefix"),
        name_suffix=_short(data.name_suffix, "name_suffix"),
        job_title=_short(data.job_title, "job_title"),
        role=_short(data.role, "role"),
        organization=_short(data.organization, "organization"),
        department=_short(data.department, "department"),
        emails=emails,
        phones=phones,
        addresses=addresses,
        urls=urls,
        beats=_unique_words(data.beats, "beats"),
        tags=_unique_words(data.tags, "tags"),
        lists=_unique_words(data.lists, "lists"),
        language=clean(data.language).lower()[:16] or "fr",
        notes=data.notes.strip(),
        birthday=normalize_birthday(data.birthday),
        photo=data.photo or None,
        photo_mime=clean(data.photo_mime) if data.photo else "",
        lawful_basis=_enum(LawfulBasis, data.lawful_basis, "lawful_basis"),
        opted_out=bool(data.opted_out),
        opted_out_at=data.opted_out_at if data.opted_out else None,
        opted_out_reason=data.opted_out_reason.strip() if data.opted_out else "",
        archived=bool(data.archived),
        salutation=_enum(SalutationStyle, data.salutation, "salutation"),
        uid=clean(data.uid),
        extra_vcard=list(data.extra_vcard),
        id=data.id,
    )
    for spec in _OWN_TEXTS:
        setattr(result, spec.name, _own_text(getattr(data, spec.name), spec))
    if len(result.notes) > MAX_NOTES:
        raise ValidationError("notes", "too_long", length=len(result.notes), limit=MAX_NOTES)
    if result.photo is not None and len(result.photo) > MAX_PHOTO:
        raise ValidationError("photo", "too_long", length=len(result.photo), limit=MAX_PHOTO)
    if not (
        result.given_name
        or result.family_name
        or result.display_name
        or result.organization
        or result.emails
    ):
        raise ValidationError("family_name", "name_or_org_or_email")
    return result


def _unique_words(values: list[str], field: str) -> list[str]:
    if not values:
        return []
    return list(_unique_words_of(tuple(values), field))


@lru_cache(maxsize=4096)
def _unique_words_of(values: tuple[str, ...], field: str) -> tuple[str, ...]:
    """``_unique_words``, cached: the rows of an import repeat the same few combinations of
    beats, tags and lists (a refusal, raised, is not cached)."""
    seen: set[str] = set()
    out: list[str] = []
    for i, value in enumerate(values):
        text, key = _word_and_key(value)
        if len(text) > MAX_SHORT:
            raise ValidationError(f"{field}[{i}]", "too_long", length=len(text), limit=MAX_SHORT)
        if key and key not in seen:
            seen.add(key)
            out.append(text)
    return tuple(out)


@lru_cache(maxsize=16384)
def _word_and_key(value: str) -> tuple[str, str]:
    """A beat, tag or list name cleaned, and its ``name_key`` (the key the database holds
    unique, so no clash on write). Cached: an import names the same few dozen beats, tags
    and lists on every row."""
    text = clean(value)
    return text, name_key(text)


def validate_organisation(data: OrganisationData) -> OrganisationData:
    """Return a normalised copy of ``data`` or raise ValidationError naming the field."""
    name = _short(data.name, "name")
    if not name:
        raise ValidationError("name", "required")
    email = normalize_email(data.email, "email") if data.email.strip() else ""
    phone = normalize_phone(data.phone, "phone") if data.phone.strip() else ""
    return OrganisationData(
        name=name,
        kind=_enum(OrganisationType, data.kind, "kind"),
        website=_short(data.website, "website"),
        email=email,
        phone=phone,
        city=_short(data.city, "city"),
        country=_short(data.country, "country"),
        notes=data.notes.strip(),
        id=data.id,
    )
