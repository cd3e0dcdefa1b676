"""Messages of the GDPR services (register, notices, access, erasure, retention), French first.

A catalogue of its own, like the vCard and spreadsheet ones, rendered by
``domain.messages.render_in`` in the language the window or the command line chose.
"""

from __future__ import annotations

from fiac_press_desk.domain.errors import PressDeskError, ValidationError
from fiac_press_desk.domain.messages import render_in

GDPR_MESSAGES: dict[str, dict[str, str]] = {
    "suppressed": {
        "fr": "{value} : effacé à sa demande le {date} ; non réimporté.",
        "en": "{value}: erased at their request on {date}; not imported again.",
    },
    "keep_needs_reason": {
        "fr": "Indiquez pourquoi ces contacts sont conservés (la raison est datée et gardée).",
        "en": "Say why these contacts are kept (the reason is dated and kept).",
    },
    "bad_retention": {
        "fr": "Durée de conservation invalide : {value} (de 1 à 10 ans).",
        "en": "Invalid retention period: {value} (1 to 10 years).",
    },
    "template_field": {
        "fr": "Le modèle contient un champ inconnu : {{{name}}} (champs possibles : {known}).",
        "en": "The template holds an unknown field: {{{name}}} (known fields: {known}).",
    },
    "template_broken": {
        "fr": "Le modèle ne peut pas être lu : {reason}. Doublez une accolade pour l'écrire "
        "telle quelle ({{{{ ou }}}}).",
        "en": "The template cannot be read: {reason}. Double a brace to write it as is "
        "({{{{ or }}}}).",
    },
    "notice_no_email": {
        "fr": "Pas d'adresse électronique",
        "en": "No email address",
    },
    "notice_opted_out": {
        "fr": "Désinscrit : aucun envoi",
        "en": "Opted out: nothing is sent",
    },
    "notice_already": {
        "fr": "Déjà informé le {date}",
        "en": "Already informed on {date}",
    },
    "notice_suppressed": {
        "fr": "Adresse sur la liste d'effacement",
        "en": "Address on the erasure list",
    },
    "notice_how_required": {
        "fr": "Indiquez comment la personne a été informée.",
        "en": "Say how the person was informed.",
    },
    "unknown_sender_opt_out": {
        "fr": "demande de désinscription de {address}, mais aucun contact ne porte cette "
        "adresse : rien à désinscrire.",
        "en": "unsubscribe request from {address}, but no contact holds this address: "
        "nothing to opt out.",
    },
    "document_suffix": {
        "fr": "{path} : choisissez un fichier .json ou .pdf.",
        "en": "{path}: choose a .json or .pdf file.",
    },
    "register_suffix": {
        "fr": "{path} : choisissez un fichier .pdf.",
        "en": "{path}: choose a .pdf file.",
    },
}


def gdpr_text(code: str, **params: object) -> str:
    """A GDPR message in the current language, so services and CLI word refusals alike."""
    return render_in(GDPR_MESSAGES, code, **params)


class GdprValidationError(ValidationError):
    """A ValidationError whose message is in the GDPR catalogue."""

    @property
    def message(self) -> str:
        """The text shown to the user, taken from the GDPR catalogue rather than the general one."""
        return gdpr_text(self.code, **self.params)


class SuppressedError(PressDeskError):
    """An erased person's address or number brought back: refused, with the erasure date."""

    def __init__(self, value: str, erased_on: str) -> None:
        self.value = value
        self.erased_on = erased_on
        super().__init__(gdpr_text("suppressed", value=value, date=erased_on))
