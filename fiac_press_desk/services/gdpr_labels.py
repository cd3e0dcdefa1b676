"""French words for the stored values the GDPR documents print (the dossier a person
receives, the record of processing). The window has its own translated labels (ui/labels.py);
these documents are written below it, in French, for a reader outside the press office.
"""

from __future__ import annotations

from datetime import datetime

from fiac_press_desk.services.mail_composer import french_date, paris_time

LAWFUL_BASIS = {
    "legitimate_interest": "intérêt légitime",
    "consent": "consentement",
    "contract": "contrat",
    "public_task": "mission d'intérêt public",
}
COLLECTED_VIA = {
    "manual": "saisie par le service de presse",
    "import": "import d'un fichier",
    "email_capture": "courriel reçu de la personne",
    "enquiry": "demande presse de la personne",
}
INTERACTION = {
    "release": "communiqué reçu",
    "enquiry": "demande presse",
    "reply": "réponse",
    "edit": "mise à jour de la fiche",
}
NOTICE_CHANNEL = {
    "email": "courriel",
    "post": "courrier postal",
    "phone": "téléphone",
    "in_person": "en personne",
    "other": "autre moyen",
}
DELIVERY_STATUS = {
    "pending": "en attente",
    "sending": "envoi interrompu, à vérifier",
    "sent": "envoyé",
    "failed": "refusé par le serveur",
    "recorded": "enregistré",
}
DISTRIBUTION_CHANNEL = {
    "email": "courriel",
    "post": "courrier postal",
    "hand": "en main propre",
    "press_kit": "dossier de presse",
    "other": "autre",
}
ENQUIRY_CHANNEL = {
    "phone": "téléphone",
    "email": "courriel",
    "social": "réseaux sociaux",
    "in_person": "en personne",
    "web_form": "formulaire web",
}
REQUEST_TYPE = {
    "interview": "interview",
    "information": "information",
    "figures": "chiffres",
    "visuals": "visuels",
    "invitation": "invitation",
    "fact_check": "vérification",
    "other": "autre",
}
ENQUIRY_STATUS = {
    "new": "nouvelle",
    "in_progress": "en cours",
    "answered": "répondue",
    "declined": "déclinée",
    "closed": "close",
}
PRIORITY = {"low": "basse", "normal": "normale", "high": "haute", "urgent": "urgente"}
CONTACT_KIND = {"journalist": "journaliste", "partner": "partenaire", "other": "autre"}
EMAIL_LABEL = {"work": "travail", "home": "personnel", "other": "autre", "mobile": "portable"}
AUDIT_ACTION = {
    "create": "création",
    "update": "modification",
    "delete": "suppression",
    "restore": "restauration",
    "merge": "fusion",
    "archive": "archivage",
    "unarchive": "désarchivage",
    "tag": "étiquette ajoutée",
    "untag": "étiquette retirée",
    "opt_out": "désinscription",
    "opt_in": "réinscription",
    "send": "communiqué envoyé",
    "send_failed": "envoi refusé",
    "skip": "envoi écarté",
    "import": "import",
    "undo_import": "import annulé",
    "note": "note",
    "status": "changement de statut",
    "reopen": "réouverture",
    "notice_queue": "notice d'information préparée",
    "notice_sent": "notice d'information envoyée",
    "notice_failed": "notice d'information refusée",
    "notice_recorded": "information enregistrée",
    "retention_keep": "conservation décidée",
    "access": "dossier d'accès remis",
    "notice_skip": "notice d'information écartée",
    "notice_settle": "notice d'information vérifiée",
    "delete_distribution_lines": "lignes d'envoi supprimées",
    "settle_distribution_lines": "lignes d'envoi réglées",
}
LANGUAGE = {"fr": "français", "en": "anglais", "de": "allemand", "es": "espagnol", "it": "italien"}
# What each table holds, for the dossier's list of tables searched.
TABLE = {
    "contacts": "votre fiche",
    "contact_emails": "vos adresses électroniques",
    "contact_phones": "vos numéros de téléphone",
    "contact_addresses": "vos adresses postales",
    "contact_urls": "vos liens (site, réseaux)",
    "contact_tags": "les étiquettes de votre fiche",
    "list_members": "vos listes de diffusion",
    "distributions": "les communiqués qui vous ont été adressés",
    "enquiries": "vos demandes presse",
    "enquiry_events": "le fil de vos demandes",
    "import_batch_items": "les imports qui vous ont créé ou modifié",
    "information_notices": "les notices d'information",
    "audit_log": "le journal des opérations",
}
# Fields of a contact (ContactData), as an audit entry lists the ones changed.
FIELD = {
    "kind": "catégorie",
    "civility": "civilité",
    "given_name": "prénom",
    "family_name": "nom",
    "display_name": "nom affiché",
    "additional_names": "autres prénoms",
    "name_prefix": "titre",
    "name_suffix": "suffixe",
    "job_title": "fonction",
    "role": "rôle",
    "organization": "média ou organisme",
    "department": "service",
    "emails": "courriels",
    "phones": "téléphones",
    "addresses": "adresses",
    "urls": "liens",
    "beats": "thématiques",
    "tags": "étiquettes",
    "lists": "listes",
    "language": "langue",
    "notes": "notes",
    "birthday": "date de naissance",
    "photo_mime": "photo",
    "lawful_basis": "base légale",
    "data_source": "source",
    "opted_out": "désinscription",
    "opted_out_at": "date de désinscription",
    "opted_out_reason": "motif de désinscription",
    "archived": "archivage",
    "salutation": "formule d'appel",
    "uid": "identifiant",
    "extra_vcard": "autres champs vCard",
}
# Keys of audit entries' details, in French.
DETAIL_KEY = {
    "name": "nom",
    "subject": "objet",
    "changed": "champs modifiés",
    "reason": "motif",
    "old": "avant",
    "new": "après",
    "status": "état",
    "tags": "étiquettes",
    "format": "format",
    "address": "adresse",
    "error": "erreur",
    "release_id": "communiqué n°",
    "channel": "moyen",
    "contacts": "contacts concernés",
    "source": "origine",
    "new_contact": "nouveau contact",
    "sources": "fichiers",
    "created": "créés",
    "updated": "mis à jour",
    "refused": "refusés",
    "at": "date",
    "note": "note",
}
ENTITY = {
    "contact": "contact",
    "enquiry": "demande presse",
    "distribution": "envoi",
    "information_notice": "notice d'information",
    "release": "communiqué",
    "import_batch": "import",
}


def word(table: dict[str, str], value: str | None) -> str:
    """The French word of a stored value (the value itself when unknown, "—" when empty)."""
    if not value:
        return "—"
    return table.get(value, value)


def day(moment: datetime | None) -> str:
    """ "3 mars 2024" in Paris time, "—" for none."""
    return french_date(paris_time(moment).date()) if moment is not None else "—"


def moment(value: datetime | None) -> str:
    """ "03/03/2024 14:05" in Paris time, "—" for none."""
    return f"{paris_time(value):%d/%m/%Y %H:%M}" if value is not None else "—"


def short_day(value: datetime | None) -> str:
    """A day as dd/mm/yyyy in Paris time, or a dash when there is none (tables of the documents)."""
    return f"{paris_time(value):%d/%m/%Y}" if value is not None else "—"


def count(n: int, one: str, many: str) -> str:
    """ "0 personne informée", "1 personne informée", "3 personnes informées" (French: 0 and 1
    take the singular)."""
    return f"{n} {one if n < 2 else many}"
