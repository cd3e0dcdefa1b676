"""What an import says about a whole file (the export it recognised, the columns it left out,
the groups it made lists of) and the source it records on each contact, French first, English
on request: these reach the command line, the window and the contacts themselves, and follow
``domain.messages.set_language`` like the vCard and spreadsheet messages."""

from __future__ import annotations

from datetime import date

from fiac_press_desk.domain.messages import current_language, render_in

CATALOGUE: dict[str, dict[str, str]] = {
    "export_recognised": {
        "fr": "reconnu : {name} — colonnes associées sans réglage",
        "en": "recognised: {name} — columns mapped with no setting",
    },
    "unmapped_columns": {
        "fr": "colonnes non importées (aucun champ) : {columns}",
        "en": "columns not imported (no field): {columns}",
    },
    "unmapped_column": {
        "fr": "« {header} » ({letter}, {count} valeur(s))",
        "en": "'{header}' ({letter}, {count} value(s))",
    },
    "bookkeeping_columns": {
        "fr": "laissées de côté, données internes de l'outil : {columns}",
        "en": "left out, the tool's own data: {columns}",
    },
    "column_note": {"fr": "{header} : {value}", "en": "{header}: {value}"},
    "source": {"fr": "Import de {file}, {date}", "en": "Import of {file}, {date}"},
    "group_list": {
        "fr": "groupe « {name} » : liste de diffusion, {count} membre(s) ({stored} déjà "
        "dans le carnet)",
        "en": "group '{name}': distribution list, {count} member(s) ({stored} already in the desk)",
    },
    "group_member_missing": {
        "fr": "groupe « {name} » : membre {member} introuvable (ni dans le fichier ni dans le "
        "carnet)",
        "en": "group '{name}': member {member} not found (neither in the file nor in the desk)",
    },
    "group_empty": {
        "fr": "groupe « {name} » : aucun membre, aucune liste créée",
        "en": "group '{name}': no member, no list made",
    },
    "group_added": {
        "fr": "ajouté à la liste « {name} » (groupe du fichier)",
        "en": "added to the list '{name}' (group of the file)",
    },
}

_MONTHS = {
    "fr": (
        "janv.",
        "févr.",
        "mars",
        "avr.",
        "mai",
        "juin",
        "juil.",
        "août",
        "sept.",
        "oct.",
        "nov.",
        "déc.",
    ),
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
}


def render(code: str, **params: object) -> str:
    """An import message in the current language."""
    return render_in(CATALOGUE, code, **params)


def short_date(day: date) -> str:
    """ "2 déc. 2026" / "2 Dec 2026" in the current language."""
    month = _MONTHS[current_language()][day.month - 1]
    return f"{day.day} {month} {day.year}"
