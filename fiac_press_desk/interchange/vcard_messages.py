"""What the vCard import says about a file, French first, English on request.

Kept beside the vCard modules rather than in ``domain/messages.py``: they are about files, not
about the domain, and follow the same language switch (``domain.messages.set_language``).
"""

from __future__ import annotations

from fiac_press_desk.domain.messages import current_language

CATALOGUE: dict[str, dict[str, str]] = {
    "vcard_end_without_begin": {
        "fr": "Ligne {line} : END:VCARD sans BEGIN:VCARD, ignoré.",
        "en": "Line {line}: END:VCARD without BEGIN:VCARD, ignored.",
    },
    "vcard_missing_end": {
        "fr": "Fiche sans END:VCARD (elle s'arrête ligne {line}).",
        "en": "Card without END:VCARD (it stops at line {line}).",
    },
    "vcard_missing_begin": {
        "fr": "Fiche sans BEGIN:VCARD (elle commence ligne {line}).",
        "en": "Card without BEGIN:VCARD (it starts at line {line}).",
    },
    "vcard_stray_lines": {
        "fr": "Lignes {first} à {last} hors de toute fiche, ignorées.",
        "en": "Lines {first} to {last} are outside any card, ignored.",
    },
    "vcard_no_card": {
        "fr": "Aucune fiche vCard dans ce fichier (pas de ligne BEGIN:VCARD).",
        "en": "No vCard in this file (no BEGIN:VCARD line).",
    },
    "vcard_empty_card": {
        "fr": "Fiche vide : aucune propriété lisible.",
        "en": "Empty card: no readable property.",
    },
    "vcard_nothing": {
        "fr": "Fiche vide : ni nom, ni organisme, ni adresse électronique, ni aucune autre donnée.",
        "en": "Empty card: no name, organisation, email address or any other detail.",
    },
    "vcard_unreadable_card": {
        "fr": "Fiche illisible ({reason}).",
        "en": "Unreadable card ({reason}).",
    },
    "vcard_bad_line": {
        "fr": "Ligne {line} : « {text} » n'est pas une propriété vCard, ignorée.",
        "en": "Line {line}: '{text}' is not a vCard property, ignored.",
    },
    "vcard_unknown_charset": {
        "fr": "Ligne {line} : jeu de caractères inconnu « {charset} » pour {prop}.",
        "en": "Line {line}: unknown charset '{charset}' for {prop}.",
    },
    "vcard_charset_guessed": {
        "fr": "Texte 8 bits au jeu de caractères absent ou faux ({props}) : lu en {charset}, "
        "vérifiez les accents.",
        "en": "8-bit text with a missing or wrong charset ({props}): read as {charset}, check "
        "the accented letters.",
    },
    "vcard_no_name": {
        "fr": "Fiche sans nom, organisme ni adresse électronique : enregistrée sous « {name} ».",
        "en": "Card without a name, organisation or email address: recorded as '{name}'.",
    },
    "vcard_unnamed": {
        "fr": "Sans nom ({file}, ligne {line})",
        "en": "No name ({file}, line {line})",
    },
    "vcard_bad_phone": {
        "fr": "Ligne {line} : « {value} » n'est pas un numéro de téléphone, gardé tel quel "
        "parmi les propriétés non reconnues.",
        "en": "Line {line}: '{value}' is not a phone number, kept as written among the "
        "unrecognised properties.",
    },
    "vcard_bad_email": {
        "fr": "Ligne {line} : « {value} » n'est pas une adresse électronique valide, gardée "
        "telle quelle parmi les propriétés non reconnues.",
        "en": "Line {line}: '{value}' is not a valid email address, kept as written among the "
        "unrecognised properties.",
    },
    "vcard_bad_birthday": {
        "fr": "Ligne {line} : date de naissance « {value} » illisible, gardée telle quelle.",
        "en": "Line {line}: unreadable birthday '{value}', kept as written.",
    },
    "vcard_bad_value": {
        "fr": "Ligne {line} : valeur « {value} » non reconnue pour {prop}, ignorée.",
        "en": "Line {line}: unknown value '{value}' for {prop}, ignored.",
    },
    "vcard_photo_broken": {
        "fr": "Ligne {line} : photo illisible, écartée (le contact est gardé).",
        "en": "Line {line}: unreadable photo dropped (the contact is kept).",
    },
    "vcard_photo_too_big": {
        "fr": "Ligne {line} : photo trop lourde ({size} Ko), écartée.",
        "en": "Line {line}: photo too large ({size} KB), dropped.",
    },
    "vcard_photo_url": {
        "fr": "Ligne {line} : la photo est un lien, non téléchargé (le lien est gardé).",
        "en": "Line {line}: the photo is a link, not downloaded (the link is kept).",
    },
}


def render(code: str, **params: object) -> str:
    entry = CATALOGUE.get(code)
    if entry is None:
        return code
    return entry[current_language()].format(**params)
