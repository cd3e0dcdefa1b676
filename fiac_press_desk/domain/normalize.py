"""Normalisation of emails and phone numbers, the keys that duplicates are matched on.

email-validator and phonenumbers do the real work; a strict fast path handles the common
shapes (plain ASCII address, French national or E.164 number) because bulk imports of
50k contacts call these hundreds of thousands of times.

Both libraries are imported when first needed (``load_libraries`` imports them ahead):
they cost the window's start some 60 ms, before any address or number is checked.
"""

from __future__ import annotations

import re
from functools import lru_cache

from fiac_press_desk.domain.errors import ValidationError
from fiac_press_desk.domain.messages import LocalizedText

_SIMPLE_EMAIL = re.compile(
    r"^(?P<local>[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*)"
    r"@(?P<domain>(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63})$"
)
_PHONE_NOISE = re.compile(r"[\s.\-/()\u00a0\u202f]")
_FR_NATIONAL = re.compile(r"^0[1-9]\d{8}$")
_FR_E164 = re.compile(r"^(?:\+|00)33\(?0?\)?([1-9]\d{8})$")
# French extensions ("poste 12", "p. 12") that phonenumbers does not know; it knows "ext.".
_FR_EXTENSION = re.compile(r"^(?P<main>.*?\d)[\s,]*(?:poste|p\.)\s*(?P<ext>\d{1,7})\s*$", re.I)
_STORED_E164 = re.compile(r"^\+\d{4,15}(?:;ext=\d{1,7})?$")
DEFAULT_REGION = "FR"


def normalize_email(raw: str, field: str = "email") -> str:
    """Trimmed address with its domain lower-cased; raises ValidationError if invalid."""
    value = raw.strip().strip("<>").strip()
    if value.lower().startswith("mailto:"):
        value = value[7:]
    match = _SIMPLE_EMAIL.match(value)
    if match and len(value) <= 254 and len(match["local"]) <= 64:
        return f"{match['local']}@{match['domain'].lower()}"
    if not value:
        raise ValidationError(field, "required")
    from email_validator import EmailNotValidError, validate_email

    try:
        result = validate_email(value, check_deliverability=False, allow_smtputf8=True)
    except EmailNotValidError as exc:
        raise ValidationError(
            field,
            "bad_email",
            value=value,
            reason=LocalizedText(fr=french_email_reason(str(exc)), en=str(exc)),
        ) from None
    local, _, domain = result.normalized.rpartition("@")
    return f"{local}@{domain.lower()}"


# email-validator explains in English; the press officer reads French. Its messages are
# stable sentences, so a few key phrases say which French explanation fits.
_EMAIL_REASONS_FR = (
    ("exactly one @-sign", "il faut exactement un « @ »"),
    ("something before the @-sign", "il manque le nom avant le « @ »"),
    ("something after the @-sign", "il manque le domaine après le « @ »"),
    ("after the @-sign contains invalid characters", "caractère interdit après le « @ »"),
    ("before the @-sign contains invalid characters", "caractère interdit avant le « @ »"),
    ("invalid character", "caractère interdit"),
    ("should have a period", "le domaine doit contenir un point"),
    ("period", "point mal placé"),
    ("too long", "adresse trop longue"),
    ("space", "espace interdite"),
)


def french_email_reason(english: str) -> str:
    """email-validator's English reason in French (its messages are English only)."""
    for phrase, french in _EMAIL_REASONS_FR:
        if phrase in english:
            return french
    return "forme non reconnue"


def email_key(value: str) -> str:
    """Matching key: two spellings of one mailbox differ at most in case."""
    return value.strip().lower()


def normalize_phone(raw: str, field: str = "phone", region: str = DEFAULT_REGION) -> str:
    """E.164 form when the number can be understood, the trimmed text as typed otherwise."""
    typed = " ".join(raw.split())
    if not typed:
        raise ValidationError(field, "required")
    compact = typed.replace(" ", "")
    if not compact.isdecimal():  # digits and spaces only, as most numbers come: no noise
        compact = _PHONE_NOISE.sub("", typed)
    elif region == "FR" and len(compact) == 10 and compact[0] == "0" and compact[1] in "123456789":
        return "+33" + compact[1:]  # _FR_NATIONAL, without the regular expression
    if region == "FR":
        if _FR_NATIONAL.match(compact):
            return "+33" + compact[1:]
        french = _FR_E164.match(compact)
        if french:
            return "+33" + french.group(1)
    if not any(ch.isdigit() for ch in typed):
        raise ValidationError(field, "bad_phone", value=typed)
    extension = _FR_EXTENSION.match(typed)
    if extension:
        main = normalize_phone(extension["main"], field, region)
        if _STORED_E164.match(main) and ";" not in main:
            return f"{main};ext={extension['ext']}"
        return typed
    return _parse_phone(typed, region)


@lru_cache(maxsize=4096)
def _parse_phone(typed: str, region: str) -> str:
    import phonenumbers

    try:
        number = phonenumbers.parse(typed, region)
    except phonenumbers.NumberParseException:
        return typed
    if not phonenumbers.is_possible_number(number):
        return typed
    e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    if number.extension:
        return f"{e164};ext={number.extension}"
    return str(e164)


def phone_digits(value: str) -> str:
    """Digits only, what the search index holds so that "0612" and "+33612" both find."""
    if value.startswith("+") and value[1:].isdigit():  # E.164, as stored
        return value[1:]
    return "".join(ch for ch in value if ch.isdigit())


def display_phone(value: str) -> str:
    """Readable form: French numbers as "06 12 34 56 78", others internationally."""
    if not _STORED_E164.match(value):
        return value  # kept as typed: phonenumbers would read its letters as keypad digits
    if len(value) == 12 and value.startswith("+33"):
        # Fast path (tables of thousands of rows, and no phonenumbers to import for them):
        # geographic, mobile and 09 numbers are written in pairs, the 08 ranges as
        # "0 800 12 34 56" (phonenumbers' French groupings, compared in the tests).
        if value[3] == "8":
            return f"0 {value[3:6]} {value[6:8]} {value[8:10]} {value[10:12]}"
        return f"0{value[3]} {value[4:6]} {value[6:8]} {value[8:10]} {value[10:12]}"
    return _display_phone(value)


@lru_cache(maxsize=4096)
def _display_phone(value: str) -> str:
    import phonenumbers

    main, _, ext = value.partition(";ext=")
    try:
        number = phonenumbers.parse(main, None)
    except phonenumbers.NumberParseException:
        return value
    fmt = (
        phonenumbers.PhoneNumberFormat.NATIONAL
        if number.country_code == 33
        else phonenumbers.PhoneNumberFormat.INTERNATIONAL
    )
    text = str(phonenumbers.format_number(number, fmt))
    return f"{text} poste {ext}" if ext else text


def national_phone(value: str) -> str:
    """The number as dialled at home, digits only ("0612345678", "2125550100"), for search.

    Values kept as typed give their digits unchanged.
    """
    if value.startswith("+33") and len(value) >= 12:
        return "0" + phone_digits(value)[2:]
    if _STORED_E164.match(value):
        return _national_digits(value.partition(";")[0])
    return phone_digits(value)


@lru_cache(maxsize=4096)
def _national_digits(e164: str) -> str:
    import phonenumbers

    try:
        number = phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException:
        return phone_digits(e164)
    return phone_digits(
        str(phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL))
    )


def load_libraries() -> None:
    """Import email-validator and phonenumbers now (off the GUI thread, once the window
    shows its rows): the first card or import then does not wait for them."""
    import email_validator  # noqa: F401
    import phonenumbers  # noqa: F401
