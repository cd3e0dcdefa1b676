"""A value that does not validate never costs the person (issue 11): the record comes in
without it, with a warning naming the field and the value, and the value is kept as text in
the contact's notes (a phone cell saying "voir standard", a Thunderbird placeholder, a bad
email beside a good one, a birthday nobody can read). Only a record with nothing to identify
anyone (no name, organisation or email) is refused.

``salvaged`` takes the record and the ``ValidationError`` that ``validate_contact`` raised,
and answers the record without the offending value, the warning, and the text to keep; the
pipeline validates again, a bounded number of times.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from fiac_press_desk.domain.contact import ContactData
from fiac_press_desk.domain.errors import ValidationError
from fiac_press_desk.domain.messages import render as _render
from fiac_press_desk.domain.messages import render_in
from fiac_press_desk.domain.validation import MAX_NOTES, MAX_PHOTO, MAX_SHORT

CATALOGUE: dict[str, dict[str, str]] = {
    "salvage_value": {
        "fr": "{field} « {value} » refusé ({reason}) : la fiche est importée sans, la valeur "
        "gardée dans les notes",
        "en": "{field} '{value}' refused ({reason}): the record comes in without it, the value "
        "kept in the notes",
    },
    "salvage_cut": {
        "fr": "{field} trop long ({length} caractères) : coupé à {limit}, le texte entier gardé "
        "dans les notes",
        "en": "{field} too long ({length} characters): cut to {limit}, the whole text kept in "
        "the notes",
    },
    "salvage_notes_cut": {
        "fr": "notes trop longues ({length} caractères) : seuls les {limit} premiers sont gardés",
        "en": "notes too long ({length} characters): only the first {limit} are kept",
    },
    "salvage_photo": {
        "fr": "photo trop grande ({size} Ko, au plus {limit} Ko) : non importée",
        "en": "photo too large ({size} KB, at most {limit} KB): not imported",
    },
    "salvage_choice": {
        "fr": "{field} « {value} » inconnu : valeur par défaut",
        "en": "unknown {field} '{value}': the default is used",
    },
}

_INDEXED = re.compile(r"^(\w+)\[(\d+)\](?:\.(\w+))?$")
_LISTS = {"emails", "phones", "addresses", "urls", "beats", "tags", "lists"}
_CHOICES = {"kind", "lawful_basis", "salutation"}
_SHOWN_VALUE = 80  # characters of a refused value quoted in a warning
ATTEMPTS = 60  # values set aside in one record at most (then it is refused as before)


def render(code: str, **params: object) -> str:
    """A salvage warning in the current language."""
    return render_in(CATALOGUE, code, **params)


@dataclass
class Salvage:
    """A record with a refused value set aside: the warning, and what goes to its notes."""

    data: ContactData
    warning: str
    kept: str  # text for the notes ("" when nothing is kept)


def salvaged(data: ContactData, error: ValidationError) -> Salvage | None:
    """``data`` without the value ``error`` names, or None when nothing can be set aside
    (no name, organisation nor email: nothing identifies anyone)."""
    field = error.field
    match = _INDEXED.match(field)
    if match is not None and match.group(1) in _LISTS:
        return _without_item(data, error, match.group(1), int(match.group(2)), match.group(3))
    if field == "notes":
        return Salvage(
            replace(data, notes=data.notes.strip()[:MAX_NOTES]),
            render("salvage_notes_cut", length=len(data.notes.strip()), limit=MAX_NOTES),
            "",
        )
    if field == "photo":
        size = len(data.photo or b"")
        warning = render("salvage_photo", size=size // 1024, limit=MAX_PHOTO // 1024)
        return Salvage(replace(data, photo=None, photo_mime=""), warning, "")
    if field in _CHOICES:
        value = getattr(data, field)
        default = getattr(ContactData(), field)
        warning = render("salvage_choice", field=field, value=_shown(str(value)))
        return Salvage(_with(data, **{field: default}), warning, "")
    if field == "birthday":
        return _set_aside(data, error, field, data.birthday, birthday="")
    value = getattr(data, field, None)
    if isinstance(value, str) and error.code == "too_long":
        text = " ".join(value.split())
        warning = render("salvage_cut", field=field, length=len(text), limit=MAX_SHORT)
        return Salvage(_with(data, **{field: text[:MAX_SHORT]}), warning, f"{field}: {text}")
    if isinstance(value, str) and value:
        return _set_aside(data, error, field, value, **{field: ""})
    return None


def _without_item(
    data: ContactData, error: ValidationError, name: str, index: int, part: str | None
) -> Salvage | None:
    values = list(getattr(data, name))
    if index >= len(values):
        return None
    item = values[index]
    if part == "label":
        values[index] = replace(item, label=item.label.strip()[:MAX_SHORT])
        warning = render("salvage_cut", field=error.field, length=len(item.label), limit=MAX_SHORT)
        return Salvage(_with(data, **{name: values}), warning, "")
    del values[index]
    text = item if isinstance(item, str) else getattr(item, "value", None)
    if text is None:  # an address: its parts, as written
        text = ", ".join(v for v in (getattr(item, f) for f in item.__slots__) if v)
    return _set_aside(data, error, error.field, str(text), **{name: values})


def _set_aside(
    data: ContactData, error: ValidationError, field: str, value: str, **changes: Any
) -> Salvage:
    warning = render("salvage_value", field=field, value=_shown(value), reason=_reason(error))
    return Salvage(_with(data, **changes), warning, f"{_label(field)}: {value}")


def _shown(value: str) -> str:
    text = " ".join(value.split())
    return text if len(text) <= _SHOWN_VALUE else text[: _SHOWN_VALUE - 1] + "…"


def _reason(error: ValidationError) -> str:
    return _render(error.code, **error.params)


def _label(field: str) -> str:
    """``phones[1]`` -> ``phones``: the kind of value in the notes, not its index."""
    return field.split("[", 1)[0]


def _with(data: ContactData, **changes: Any) -> ContactData:
    """A copy of ``data`` with ``changes`` (field names known only at run time)."""
    out = replace(data)
    for name, value in changes.items():
        setattr(out, name, value)
    return out
