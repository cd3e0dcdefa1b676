"""What the vCard import says about a file, French first, English on request.

Kept beside the vCard modules rather than in ``domain/messages.py``: they are about files, not
about the domain, and follow the same language switch (``domain.messages.set_language``).
"""

from __future__ import annotations

from fiac_press_desk.domain.messages import render_in

CATALOGUE: dict[str, dict[str, str]] = {
    "vcard_end_without_begin": {
        "fr": "END:VCARD sans BEGIN:VCARD, ignoré.",
        "en": "END:VCARD without BEGIN:VCARD, ignored.",
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
    "vcard_empty_file": {
        "fr": "Fichier vide : aucune fiche vCard.",
        "en": "Empty file: no vCard in it.",
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
        "fr": "« {text} » n'est pas une propriété vCard, ignorée (ligne {line}).",
        "en": "'{text}' is not a vCard property, ignored (line {line}).",
    },
    "vcard_line_too_long": {
        "fr": "Ligne {line} trop longue : seuls ses {limit} premiers Mo sont lus.",
        "en": "Line {line} is too long: only its first {limit} MB are read.",
    },
    "vcard_refused_charset": {
        "fr": "Jeu de caractères « {charset} » refusé pour {prop} : ce n'est pas un codage de "
        "texte (ligne {line}).",
        "en": "Charset '{charset}' refused for {prop}: it is not a text encoding (line {line}).",
    },
    "vcard_unknown_charset": {
        "fr": "Jeu de caractères inconnu « {charset} » pour {prop} (ligne {line}).",
        "en": "Unknown charset '{charset}' for {prop} (line {line}).",
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
        "fr": "« {value} » n'est pas un numéro de téléphone : gardé tel quel parmi les "
        "propriétés non reconnues (ligne {line}).",
        "en": "'{value}' is not a phone number: kept as written among the unrecognised "
        "properties (line {line}).",
    },
    "vcard_bad_email": {
        "fr": "« {value} » n'est pas une adresse électronique valide : gardée telle quelle "
        "parmi les propriétés non reconnues (ligne {line}).",
        "en": "'{value}' is not a valid email address: kept as written among the "
        "unrecognised properties (line {line}).",
    },
    "vcard_bad_birthday": {
        "fr": "Date de naissance « {value} » illisible, gardée telle quelle (ligne {line}).",
        "en": "Unreadable birthday '{value}', kept as written (line {line}).",
    },
    "vcard_bad_value": {
        "fr": "Valeur « {value} » non reconnue pour {prop}, ignorée (ligne {line}).",
        "en": "Unknown value '{value}' for {prop}, ignored (line {line}).",
    },
    "vcard_photo_broken": {
        "fr": "Photo illisible écartée, le contact est gardé (ligne {line}).",
        "en": "Unreadable photo dropped, the contact is kept (line {line}).",
    },
    "vcard_photo_too_big": {
        "fr": "Photo trop lourde ({size} Ko) écartée (ligne {line}).",
        "en": "Photo too large ({size} KB) dropped (line {line}).",
    },
    "vcard_photo_url": {
        "fr": "La photo est un lien : non téléchargée, le lien est gardé (ligne {line}).",
        "en": "The photo is a link: not downloaded, the link is kept (line {line}).",
    },
}


def render(code: str, **params: object) -> str:
    """The vCard message ``code`` in the current language."""
    return render_in(CATALOGUE, code, **params)
