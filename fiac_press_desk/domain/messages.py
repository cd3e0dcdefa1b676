"""User-facing messages of the Qt-free layers, French first, English on request.

The window translates its own strings with Qt Linguist; these are the messages that come
from below it (validation, command line), so they live in a plain catalogue.
"""

from __future__ import annotations

from collections.abc import Mapping

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
    "import_created_meanwhile": {
        "fr": "créé entre-temps par une autre importation (contact {id}) : pas créé deux fois",
        "en": "created meanwhile by another import (contact {id}): not created twice",
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
    "answer_before_receipt": {
        "fr": "La réponse ne peut pas précéder la réception de la demande.",
        "en": "The answer cannot be before the enquiry was received.",
    },
    "already_imported": {
        "fr": "Ce courriel a déjà été enregistré (demande n° {id}).",
        "en": "This email was already recorded (enquiry #{id}).",
    },
    "eml_not_email": {
        "fr": "ce fichier n'est pas un courriel (aucun en-tête From, Date ni Subject).",
        "en": "this file is not an email message (no From, Date or Subject header).",
    },
    "eml_no_sender": {
        "fr": "adresse de l'expéditeur absente ou illisible (en-tête From).",
        "en": "the sender's address is missing or unreadable (From header).",
    },
    "eml_unreadable": {
        "fr": "fichier illisible : {reason}.",
        "en": "cannot read the file: {reason}.",
    },
    "eml_same_message": {
        "fr": "le même message que {other} (même Message-ID) : consigné une fois.",
        "en": "the same message as {other} (same Message-ID): logged once.",
    },
    "eml_opt_out_request": {
        "fr": "{address} demande à ne plus rien recevoir : ce n'est pas une demande presse "
        "(la désinscription se fait depuis sa fiche).",
        "en": "{address} asks to receive nothing more: not a press enquiry (opt them out "
        "from their card).",
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
    # -- releases, distribution and sending (issue 6) --
    "attachments_too_large": {
        "fr": "Avec « {name} », les pièces jointes dépasseraient {limit} Mo au total ({size} Mo) : "
        "un message aussi lourd serait refusé par la plupart des serveurs.",
        "en": "With '{name}' the attachments would exceed {limit} MB in all ({size} MB): most "
        "servers would refuse such a message.",
    },
    "attachment_type": {
        "fr": "« {name} » n'est pas accepté en pièce jointe : seuls les PDF et les images "
        "(JPEG, PNG, GIF, WebP, TIFF) le sont.",
        "en": "'{name}' cannot be attached: only PDF files and images (JPEG, PNG, GIF, WebP, "
        "TIFF) can.",
    },
    "attachment_empty": {
        "fr": "« {name} » est vide (0 octet).",
        "en": "'{name}' is empty (0 bytes).",
    },
    "attachment_unreadable": {
        "fr": "Impossible de lire « {name} » : {reason}.",
        "en": "Cannot read '{name}': {reason}.",
    },
    "release_has_distributions": {
        "fr": "Ce communiqué a déjà été diffusé à {count} destinataire(s) : il ne peut pas être "
        "supprimé, l'historique des envois serait perdu.",
        "en": "This release already went to {count} recipient(s): it cannot be deleted, the "
        "distribution history would be lost.",
    },
    "distribution_in_future": {
        "fr": "La date d'un envoi enregistré ne peut pas être dans le futur ({value}).",
        "en": "A recorded distribution cannot be dated in the future ({value}).",
    },
    "smtp_incomplete": {
        "fr": "Paramètres d'envoi incomplets : {what}.",
        "en": "Sending settings incomplete: {what}.",
    },
    "smtp_connect": {
        "fr": "Connexion impossible au serveur d'envoi {host}:{port} : {reason}.",
        "en": "Cannot connect to the mail server {host}:{port}: {reason}.",
    },
    "smtp_auth": {
        "fr": "Le serveur {host} a refusé l'identifiant ou le mot de passe ({reason}).",
        "en": "The server {host} refused the user name or password ({reason}).",
    },
    "smtp_sender_refused": {
        "fr": "Le serveur a refusé l'adresse d'expéditeur « {address} » : {reason}.",
        "en": "The server refused the sender address '{address}': {reason}.",
    },
    "smtp_password_missing": {
        "fr": "Le mot de passe du compte d'envoi {user} est requis.",
        "en": "The password of the sending account {user} is required.",
    },
    "stale_edit": {
        "fr": "Enregistrement modifié entre-temps par {who} ({when}) : votre version n'a pas "
        "été enregistrée. Champs différents : {fields}.",
        "en": "Changed meanwhile by {who} ({when}): your version was not saved. "
        "Fields that differ: {fields}.",
    },
    "duplicate_value": {
        "fr": "Un autre enregistrement porte déjà cette valeur ({column}).",
        "en": "Another record already has this value ({column}).",
    },
    "missing_reference": {
        "fr": "Un élément lié n'existe pas ou plus.",
        "en": "A linked item does not exist (any more).",
    },
    "not_found": {
        "fr": "{entity} n° {id} introuvable.",
        "en": "{entity} #{id} not found.",
    },
    "merge_same": {
        "fr": "Impossible de fusionner un élément avec lui-même.",
        "en": "Cannot merge an item with itself.",
    },
    # -- duplicates and contact merges (issue 12) --
    "merge_too_few": {
        "fr": "Choisissez au moins deux contacts différents à fusionner.",
        "en": "Choose at least two different contacts to merge.",
    },
    "merge_outside": {
        "fr": "Le contact n° {id} ne fait pas partie des contacts à fusionner.",
        "en": "Contact #{id} is not one of the contacts being merged.",
    },
    "merge_changed_since": {
        "fr": "Le contact fusionné a changé depuis la fusion : elle ne peut plus être annulée.",
        "en": "The merged contact changed after the merge: the merge can no longer be undone.",
    },
    "merge_undo_unknown": {
        "fr": "Ces données d'annulation ne viennent pas d'une fusion de cette version.",
        "en": "This undo data does not come from a merge of this version.",
    },
    "pair_needs_two": {
        "fr": "Choisissez au moins deux contacts différents.",
        "en": "Choose at least two different contacts.",
    },
    "opted_out": {
        "fr": "Ce contact est désinscrit : aucun envoi.",
        "en": "This contact opted out: nothing is sent.",
    },
    "batch_undone": {
        "fr": "Cet import a déjà été annulé.",
        "en": "This import was already undone.",
    },
    # Press coverage (retombées)
    "bad_url": {
        "fr": "Lien invalide : « {value} » (http:// ou https:// attendu).",
        "en": "Invalid link: '{value}' (http:// or https:// expected).",
    },
}


class LocalizedText:
    """A message parameter that has its own wording per language (e.g. a library's reason)."""

    def __init__(self, fr: str, en: str) -> None:
        self.fr, self.en = fr, en

    def __str__(self) -> str:
        return self.en if _language == "en" else self.fr

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)

    def __repr__(self) -> str:
        return f"LocalizedText(fr={self.fr!r}, en={self.en!r})"


def set_language(language: str) -> None:
    """Choose the language of messages raised from now on ("fr" or "en")."""
    global _language
    _language = "en" if language.startswith("en") else "fr"


def current_language() -> str:
    """The language messages are rendered in now."""
    return _language


def render_in(catalogue: Mapping[str, Mapping[str, str]], code: str, **params: object) -> str:
    """``code``'s message from ``catalogue`` in the current language (the code itself when the
    catalogue lacks it: a missing message must not hide the error it describes)."""
    entry = catalogue.get(code)
    if entry is None:
        return code
    return entry[_language].format(**params)


def render(code: str, **params: object) -> str:
    """The domain message ``code`` in the current language, with ``params`` filled in."""
    return render_in(CATALOGUE, code, **params)
