"""What the command line says, French first, English on request: its own catalogue, rendered
by ``domain.messages.render_in`` in the language ``cli.run`` chose (``--lang``, else the
system's: ``config.system_language``), like the service, import and GDPR messages it prints
beside them. A system error is a sentence, never Python's text ("[Errno 2] No such file or
directory: ...", "File is not a zip file"): ``os_error`` and ``file_error`` say what happened
to which file.
"""

from __future__ import annotations

import errno
import re
import zipfile
from pathlib import Path

from fiac_press_desk.domain.messages import render_in

CLI_MESSAGES: dict[str, dict[str, str]] = {
    # -- refusals: nothing done --
    "no_such_file": {"fr": "{file} : fichier introuvable", "en": "{file}: no such file"},
    "is_folder": {
        "fr": "{file} : c'est un dossier, pas un fichier",
        "en": "{file}: is a folder, not a file",
    },
    "is_pipe": {
        "fr": "{file} : c'est un tube nommé, pas un fichier",
        "en": "{file}: is a named pipe, not a file",
    },
    "not_regular": {
        "fr": "{file} : ce n'est pas un fichier ordinaire (périphérique ou socket)",
        "en": "{file}: is not a regular file (device or socket)",
    },
    "permission_denied": {"fr": "{file} : accès refusé", "en": "{file}: permission denied"},
    "not_importable": {
        "fr": "{file} : ce n'est pas un fichier que le bureau importe ({suffixes})",
        "en": "{file}: not a file this desk imports ({suffixes})",
    },
    "unknown_charset": {
        "fr": "--charset {name} : jeu de caractères inconnu, ou qui n'est pas un codage de texte",
        "en": "--charset {name}: unknown charset, or not a text encoding",
    },
    "no_such_folder": {"fr": "{folder} : dossier introuvable", "en": "{folder}: no such directory"},
    "no_such_database": {
        "fr": "{file} : base introuvable",
        "en": "{file}: no such database",
    },
    "contacts_negative": {
        "fr": "--contacts doit être un nombre positif ou nul",
        "en": "--contacts must be zero or more",
    },
    "no_list": {
        "fr": "aucune liste de diffusion ne s'appelle « {name} »",
        "en": "no distribution list named '{name}'",
    },
    "no_tag": {"fr": "aucune étiquette ne s'appelle « {name} »", "en": "no tag named '{name}'"},
    "min_score_range": {
        "fr": "--min-score doit être compris entre 0 et 100",
        "en": "--min-score must be between 0 and 100",
    },
    "access_format": {
        "fr": "{file} : choisissez un fichier .json ou .pdf",
        "en": "{file}: choose a .json or .pdf file",
    },
    "memory": {
        "fr": "mémoire insuffisante pour finir ; rien n'a été écrit",
        "en": "not enough memory to finish; nothing was written",
    },
    "unexpected": {
        "fr": "erreur inattendue ({kind}) : l'étape en cours n'a rien écrit. Relancez la "
        "commande ; si l'erreur revient, signalez-la avec la commande employée.",
        "en": "unexpected error ({kind}): the step under way wrote nothing. Run the command "
        "again; if the error comes back, report it with the command used.",
    },
    "file_problem": {"fr": "{file} : {reason}", "en": "{file}: {reason}"},
    "not_a_workbook": {
        "fr": "ce n'est pas un classeur lisible (fichier abîmé, tronqué ou d'un autre format)",
        "en": "not a readable workbook (damaged, cut short, or another format)",
    },
    # -- argparse's refusals --
    "usage_unrecognized": {
        "fr": "arguments non reconnus : {words}",
        "en": "unrecognized arguments: {words}",
    },
    "usage_choice": {
        "fr": "{argument} : « {value} » n'est pas un choix possible ({choices})",
        "en": "{argument}: '{value}' is not a choice ({choices})",
    },
    "usage_required": {
        "fr": "arguments manquants : {names}",
        "en": "the following arguments are required: {names}",
    },
    "usage_one_value": {
        "fr": "{argument} attend une valeur",
        "en": "{argument} expects a value",
    },
    "usage_bad_number": {
        "fr": "{argument} : « {value} » n'est pas un nombre entier",
        "en": "{argument}: '{value}' is not a whole number",
    },
    "usage_dash_hint": {
        "fr": " ; mettez -- avant un nom de fichier qui commence par « - » (import -- -x.vcf)",
        "en": "; put -- before a file name that starts with '-' (import -- -x.vcf)",
    },
    # -- what a command did --
    "demo_present": {
        "fr": "demo : les données de démonstration sont déjà dans cette base ; rien d'ajouté",
        "en": "demo: the demonstration data are already in this database; nothing added",
    },
    "demo_done": {
        "fr": "demo : {contacts} contacts, {organisations} organismes, {lists} listes, "
        "{releases} communiqués, {distributions} envois, {enquiries} demandes",
        "en": "demo: {contacts} contacts, {organisations} organisations, {lists} lists, "
        "{releases} releases, {distributions} distributions, {enquiries} enquiries",
    },
    "demo_extra_coverage": {"fr": "{n} retombées", "en": "{n} coverage items"},
    "import_dry_summary": {
        "fr": "import (essai, rien d'écrit) : {new} nouveaux, {update} mises à jour, "
        "{unchanged} inchangés, {duplicate} doublons possibles, {error} refusés",
        "en": "import (dry run, nothing written): {new} new, {update} updates, {unchanged} "
        "unchanged, {duplicate} possible duplicates, {error} refused",
    },
    "import_summary": {
        "fr": "import : {created} créés, {updated} mis à jour, {unchanged} inchangés, "
        "{skipped} ignorés, {refused} refusés {batch}",
        "en": "import: {created} created, {updated} updated, {unchanged} unchanged, "
        "{skipped} skipped, {refused} refused {batch}",
    },
    "import_batch": {"fr": "(lot {batch})", "en": "(batch {batch})"},
    "import_nothing": {"fr": "(rien n'a été écrit)", "en": "(nothing written)"},
    "import_warning": {"fr": "{place} : avertissement : {text}", "en": "{place}: warning: {text}"},
    "import_note": {"fr": "{place} : remarque : {text}", "en": "{place}: note: {text}"},
    "import_skipped": {
        "fr": "{place} : {name} : ignoré, doublon probable de {match} (--on-duplicate update "
        "ou create pour le prendre)",
        "en": "{place}: {name}: skipped, probable duplicate of {match} (--on-duplicate update "
        "or create to take it)",
    },
    "kind_new": {"fr": "nouveau", "en": "new"},
    "kind_update": {"fr": "mise à jour", "en": "update"},
    "kind_unchanged": {"fr": "inchangé", "en": "unchanged"},
    "kind_duplicate": {"fr": "doublon possible", "en": "possible duplicate"},
    "kind_error": {"fr": "refusé", "en": "refused"},
    "duplicate_of": {"fr": "{what} de {match}", "en": "{what} of {match}"},
    "decision_skip": {"fr": "ignorer", "en": "skip"},
    "decision_update": {"fr": "mettre à jour", "en": "update"},
    "decision_create": {"fr": "créer", "en": "create"},
    "report_written": {
        "fr": "rapport écrit dans {file}",
        "en": "report written to {file}",
    },
    "eml_would_record": {
        "fr": "{file} : enregistrerait la demande « {subject} » de {sender}",
        "en": "{file}: would record enquiry '{subject}' from {sender}",
    },
    "eml_new_contact": {"fr": "{sender} (nouveau contact)", "en": "{sender} (new contact)"},
    "eml_dry_summary": {
        "fr": "import eml (essai) : {count} demande(s) seraient enregistrées, rien d'écrit",
        "en": "import eml (dry run): {count} enquiries would be recorded, nothing written",
    },
    "eml_summary": {
        "fr": "import eml : {enquiries} demande(s) enregistrée(s), {contacts} contact(s) créé(s)",
        "en": "import eml: {enquiries} enquiries recorded, {contacts} contacts created",
    },
    "export_done": {
        "fr": "export {format} : {count} contacts écrits dans {file}",
        "en": "export {format}: {count} contacts written to {file}",
    },
    "backup_done": {"fr": "sauvegarde écrite dans {file}", "en": "backup written to {file}"},
    "check_schema": {
        "fr": "schéma : {current} (application : {head})",
        "en": "schema: {current} (application: {head})",
    },
    "check_empty": {"fr": "vide", "en": "empty"},
    "check_differs": {
        "fr": "le schéma {current} diffère de celui de l'application, {head} (ouvrir la base "
        "la met à jour)",
        "en": "schema {current} differs from the application's {head} (opening the database "
        "migrates it)",
    },
    "check_problem": {"fr": "problème : {text}", "en": "problem: {text}"},
    "check_ok": {"fr": "intégrité : bonne", "en": "integrity: ok"},
    "check_problems": {
        "fr": "intégrité : {count} problème(s)",
        "en": "integrity: {count} problem(s)",
    },
    "duplicates_written": {
        "fr": "doublons : {groups} groupe(s) écrits dans {file}",
        "en": "duplicates: {groups} groups written to {file}",
    },
    "duplicates_group": {
        "fr": "Groupe {n} : score {score}, {count} contacts",
        "en": "Group {n}: score {score}, {count} contacts",
    },
    "duplicates_summary": {
        "fr": "doublons : {groups} groupe(s), {people} contacts (score minimal {score})",
        "en": "duplicates: {groups} groups, {people} contacts (min score {score})",
    },
    "flag_keep": {"fr": "gardé", "en": "keep"},
    "flag_archived": {"fr": "archivé", "en": "archived"},
    "flag_opted_out": {"fr": "désinscrit", "en": "opted out"},
    "gdpr_register": {
        "fr": "gdpr register : registre des traitements écrit dans {file}",
        "en": "gdpr register: record of processing written to {file}",
    },
    "gdpr_access": {
        "fr": "gdpr access : dossier de {name} (n° {id}) écrit dans {file} ({rows} lignes de "
        "{tables} tables)",
        "en": "gdpr access: dossier of {name} (#{id}) written to {file} ({rows} rows from "
        "{tables} tables)",
    },
    "gdpr_erased": {
        "fr": "gdpr erase : {name} (n° {id}) effacé(e)",
        "en": "gdpr erase: {name} (#{id}) erased",
    },
    "gdpr_review": {
        "fr": "gdpr review : {count} contact(s) sans échange depuis {years} an(s) ; gardez-les "
        "(avec une raison), archivez-les ou effacez-les dans la fenêtre, ou `gdpr erase ID`",
        "en": "gdpr review: {count} contact(s) with no interaction for {years} year(s); keep "
        "(with a reason), archive or erase them in the window, or `gdpr erase ID`",
    },
    "optout_done": {
        "fr": "{source} : demande de désinscription : {who} désinscrit(e), en date du {date}",
        "en": "{source}: unsubscribe request: {who} opted out, dated {date}",
    },
    "optout_already": {
        "fr": "{source} : demande de désinscription : {who} était déjà désinscrit(e)",
        "en": "{source}: unsubscribe request: {who} had already opted out",
    },
    "optout_would": {
        "fr": "{source} : demande de désinscription : {who} serait désinscrit(e) ({date})",
        "en": "{source}: unsubscribe request: {who} would be opted out ({date})",
    },
    # -- the reasons of system errors --
    "os_" + errno.errorcode[errno.ENOENT]: {
        "fr": "fichier ou dossier introuvable",
        "en": "no such file or folder",
    },
    "os_" + errno.errorcode[errno.EACCES]: {"fr": "accès refusé", "en": "permission denied"},
    "os_" + errno.errorcode[errno.EPERM]: {
        "fr": "opération non permise",
        "en": "operation not permitted",
    },
    "os_" + errno.errorcode[errno.ENOSPC]: {
        "fr": "plus de place sur le disque",
        "en": "no space left on the disk",
    },
    "os_" + errno.errorcode[errno.EISDIR]: {
        "fr": "c'est un dossier, pas un fichier",
        "en": "is a folder, not a file",
    },
    "os_" + errno.errorcode[errno.ENOTDIR]: {
        "fr": "une partie du chemin n'est pas un dossier",
        "en": "part of the path is not a folder",
    },
    "os_" + errno.errorcode[errno.EROFS]: {
        "fr": "le disque est en lecture seule",
        "en": "the disk is read-only",
    },
    "os_" + errno.errorcode[errno.EEXIST]: {"fr": "existe déjà", "en": "already exists"},
    "os_" + errno.errorcode[errno.EIO]: {
        "fr": "erreur de lecture ou d'écriture sur le disque",
        "en": "the disk failed to read or write",
    },
    "os_" + errno.errorcode[errno.ENAMETOOLONG]: {
        "fr": "nom de fichier trop long",
        "en": "file name too long",
    },
    "os_" + errno.errorcode[errno.EMFILE]: {
        "fr": "trop de fichiers ouverts",
        "en": "too many open files",
    },
    "os_other": {
        "fr": "le système a refusé l'opération ({error})",
        "en": "the system refused the operation ({error})",
    },
}


def t(message: str, **params: object) -> str:
    """The command line's message ``message`` (its code) in the current language."""
    return render_in(CLI_MESSAGES, message, **params)


def os_reason(exc: OSError) -> str:
    """What a system error means, as a sentence (no "[Errno N]")."""
    name = errno.errorcode.get(exc.errno or 0, "")
    if f"os_{name}" in CLI_MESSAGES:
        return t(f"os_{name}")
    return t("os_other", error=name or type(exc).__name__)


def os_error(exc: OSError, fallback: str = "") -> str:
    """``file: reason`` for a system error; the file as the user named it."""
    where = exc.filename if exc.filename is not None else fallback
    reason = os_reason(exc)
    return t("file_problem", file=str(where), reason=reason) if where else reason


def file_error(exc: BaseException, file: Path | str) -> str | None:
    """A sentence for a file that could not be read for what it holds (None: not a file
    error the command line knows)."""
    if isinstance(exc, zipfile.BadZipFile) or "zip" in type(exc).__name__.lower():
        return t("file_problem", file=str(file), reason=t("not_a_workbook"))
    if isinstance(exc, OSError):
        return os_error(exc, str(file))
    return None


_UNRECOGNIZED = re.compile(r"^unrecognized arguments: (?P<words>.*)$")
_CHOICE = re.compile(
    r"^argument (?P<argument>\S+?): invalid choice: '(?P<value>.*)' "
    r"\(choose from (?P<choices>.*)\)$"
)
_REQUIRED = re.compile(r"^the following arguments are required: (?P<names>.*)$")
_ONE_VALUE = re.compile(r"^argument (?P<argument>\S+?): expected one argument$")
_INT = re.compile(r"^argument (?P<argument>\S+?): invalid int value: '(?P<value>.*)'$")


def usage_error(message: str) -> str:
    """argparse's refusal in the current language (as argparse said it when unknown)."""
    for pattern, code in (
        (_UNRECOGNIZED, "usage_unrecognized"),
        (_CHOICE, "usage_choice"),
        (_REQUIRED, "usage_required"),
        (_ONE_VALUE, "usage_one_value"),
        (_INT, "usage_bad_number"),
    ):
        found = pattern.match(message)
        if found:
            return t(code, **found.groupdict())
    return message
