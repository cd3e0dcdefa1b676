"""User-facing messages of the Qt-free layers, French first, English on request.

The window translates its own strings with Qt Linguist; these are the messages that come
from below it (validation, command line), so they live in a plain catalogue.
"""

from __future__ import annotations

_language = "fr"

CATALOGUE: dict[str, dict[str, str]] = {
    "required": {"fr": "Ce champ est obligatoire.", "en": "This field is required."},
    "name_or_org_or_email": {
        "fr": "Indiquez au moins un nom, un organisme ou une adresse électronique.",
        "en": "Give at least a name, an organisation or an email address.",
    },
    "bad_email": {
        "fr": "Adresse électronique invalide : « {value} » ({reason}).",
        "en": "Invalid email address: '{value}' ({reason}).",
    },
    "bad_phone": {
        "fr": "Numéro de téléphone invalide : « {value} ».",
        "en": "Invalid phone number: '{value}'.",
    },
    "bad_date": {"fr": "Date invalide : « {value} ».", "en": "Invalid date: '{value}'."},
    "bad_choice": {
        "fr": "Valeur non reconnue : « {value} ».",
        "en": "Unknown value: '{value}'.",
    },
    "too_long": {
        "fr": "Texte trop long ({length} caractères, {limit} au plus).",
        "en": "Text too long ({length} characters, at most {limit}).",
    },
    "deadline_before_receipt": {
        "fr": "L'échéance ne peut pas précéder la réception de la demande.",
        "en": "The deadline cannot be before the enquiry was received.",
    },
    "answer_needs_note": {
        "fr": "Une demande ne peut être marquée « répondue » sans note de réponse.",
        "en": "An enquiry cannot be marked answered without a response note.",
    },
    "bad_transition": {
        "fr": "Passage impossible de « {old} » à « {new} ».",
        "en": "Cannot move from '{old}' to '{new}'.",
    },
    "duplicate_name": {
        "fr": "« {value} » existe déjà.",
        "en": "'{value}' already exists.",
    },
    "attachment_too_large": {
        "fr": "Pièce jointe « {name} » trop volumineuse ({size} Mo, {limit} Mo au plus).",
        "en": "Attachment '{name}' is too large ({size} MB, at most {limit} MB).",
    },
    "not_found": {
        "fr": "{entity} n° {id} introuvable.",
        "en": "{entity} #{id} not found.",
    },
    "merge_same": {
        "fr": "Impossible de fusionner un élément avec lui-même.",
        "en": "Cannot merge an item with itself.",
    },
    "opted_out": {
        "fr": "Ce contact est désinscrit : aucun envoi.",
        "en": "This contact opted out: nothing is sent.",
    },
    "batch_undone": {
        "fr": "Cet import a déjà été annulé.",
        "en": "This import was already undone.",
    },
}


def set_language(language: str) -> None:
    """Choose the language of messages raised from now on ("fr" or "en")."""
    global _language
    _language = "en" if language.startswith("en") else "fr"


def current_language() -> str:
    return _language


def render(code: str, **params: object) -> str:
    entry = CATALOGUE.get(code)
    if entry is None:
        return code
    return entry[_language].format(**params)
