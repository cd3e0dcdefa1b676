"""French of the "enquiries" area: fills resources/translations/fiac_press_desk_fr_enquiries.ts.

Run after lupdate (scripts/update_translations.py), then compile again. Keyed by source
text; a (context, source) key overrides where one English word needs two French ones.
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from pathlib import Path

TS = (
    Path(__file__).resolve().parents[1]
    / "resources"
    / "translations"
    / "fiac_press_desk_fr_enquiries.ts"
)

FR: dict[str, str] = {
    # Dashboard
    "Dashboard": "Tableau de bord",
    "New enquiry": "Nouvelle demande",
    "Log a press enquiry (Ctrl+Shift+N)": "Enregistrer une demande presse (Ctrl+Maj+N)",
    "No open enquiry: nothing is waiting.": "Aucune demande ouverte : rien n'attend.",
    "All open enquiries": "Toutes les demandes ouvertes",
    "Last releases": "Derniers communiqués",
    "Release": "Communiqué",
    "Date": "Date",
    "Recipients": "Destinataires",
    "No release yet.": "Aucun communiqué pour l'instant.",
    "overdue": "en retard",
    "due within %1": "à rendre dans les %1",
    "due before midnight": "à rendre avant minuit",
    "open enquiry": "demande ouverte",
    "open enquiries": "demandes ouvertes",
    "%1 in progress": "%1 en cours",
    "answered in 30 days": "répondues en 30 jours",
    "median time to answer: %1": "délai médian de réponse : %1",
    "Open enquiries, most pressing first": "Demandes ouvertes, les plus urgentes d'abord",
    "The %1 most pressing of %2 open enquiries": "Les %1 plus urgentes des %2 demandes ouvertes",
    "%1 recipient": "%1 destinataire",
    "%1 recipients": "%1 destinataires",
    # Enquiries page
    "Press enquiries": "Demandes presse",
    "Import emails…": "Importer des courriels…",
    "Log enquiries from saved emails (.eml)": (
        "Créer des demandes à partir de courriels enregistrés (.eml)"
    ),
    "Export…": "Exporter…",
    "Export the enquiries shown…": "Exporter les demandes affichées…",
    "Export every enquiry…": "Exporter toutes les demandes…",
    "%1 enquiry": "%1 demande",
    "%1 enquiries": "%1 demandes",
    "%1 overdue": "%1 en retard",
    "%1 due within hours": "%1 à rendre dans les prochaines heures",
    "Import emails": "Importer des courriels",
    "Emails (*.eml);;All files (*)": "Courriels (*.eml);;Tous les fichiers (*)",
    "%1 enquiry logged": "%1 demande enregistrée",
    "%1 enquiries logged": "%1 demandes enregistrées",
    "%1 new contact": "%1 nouveau contact",
    "%1 new contacts": "%1 nouveaux contacts",
    "%1: %2": "%1 : %2",
    "Emails imported": "Courriels importés",
    "Export enquiries": "Exporter les demandes",
    "Excel workbook (*.xlsx)": "Classeur Excel (*.xlsx)",
    "%1 enquiry exported to %2": "%1 demande exportée dans %2",
    "%1 enquiries exported to %2": "%1 demandes exportées dans %2",
    "Failed": "Échec",
    # Capture dialog
    "Edit enquiry no. %1": "Modifier la demande n° %1",
    "New press enquiry": "Nouvelle demande presse",
    "Who and when": "Qui et quand",
    "Now": "Maintenant",
    "Newspaper, radio, agency…": "Journal, radio, agence…",
    "Received": "Reçue le",
    "Channel": "Canal",
    "Journalist": "Journaliste",
    "Outlet": "Média",
    "Request": "Demande",
    "What is asked, in a few words": "Ce qui est demandé, en quelques mots",
    "Questions, angle, format, who to call back…": "Questions, angle, format, qui rappeler…",
    "Deadline": "Échéance",
    "+2 h": "+2 h",
    "Two hours from now": "Dans deux heures",
    "18:00": "18 h",
    "Today at 18:00": "Aujourd'hui à 18 h",
    "Tomorrow 12:00": "Demain 12 h",
    "Tomorrow at noon": "Demain à midi",
    "Spokesperson or expert": "Porte-parole ou expert",
    "None": "Aucun",
    "Subject": "Objet",
    "Request type": "Type de demande",
    "Details": "Détails",
    "Priority": "Priorité",
    "Assigned to": "Attribuée à",
    "Related release": "Communiqué lié",
    "From the email of %1": "D'après le courriel de %1",
    "“%1” is not a contact: pick one in the list, create a new journalist, or clear the field.": (
        "« %1 » n'est pas un contact : choisissez-en un dans la liste, créez un nouveau "
        "journaliste ou videz le champ."
    ),
    "already logged as enquiry no. %1": "déjà enregistré comme demande n° %1",
    "Emails not logged": "Courriels non enregistrés",
    # Detail panel
    "Select an enquiry to see its thread.": "Choisissez une demande pour voir son fil.",
    "Answered": "Répondue",
    "Outcome": "Issue",
    "Thread": "Fil de la demande",
    "Note: what was said, or the response given (needed to mark it answered)": (
        "Note : ce qui a été dit, ou la réponse donnée (nécessaire pour la marquer répondue)"
    ),
    "By": "Par",
    "Outcome (e.g. quoted in the article)": "Issue (ex. : cité dans l'article)",
    "Add note": "Ajouter la note",
    "Reopen": "Rouvrir",
    "Take on": "Prendre en charge",
    "Mark answered": "Marquer répondue",
    "Decline": "Décliner",
    "Declined": "Déclinée",
    "Close": "Clore",
    "Marks the enquiry answered; the note above is the response.": (
        "Marque la demande répondue ; la note ci-dessus est la réponse."
    ),
    "Edit…": "Modifier…",
    "Delete": "Supprimer",
    "(no contact)": "(aucun contact)",
    "Not assigned": "Non attribuée",
    "%1, after %2": "%1, au bout de %2",
    "(no details)": "(pas de détails)",
    "Write the note first.": "Écrivez d'abord la note.",
    "Write the response given in the note, then mark it answered.": (
        "Écrivez la réponse donnée dans la note, puis marquez la demande répondue."
    ),
    "Delete enquiry": "Supprimer la demande",
    "Delete the enquiry “%1” and its thread? This cannot be undone.": (
        "Supprimer la demande « %1 » et son fil ? Impossible de revenir en arrière."
    ),
    # Filter bar
    "Open enquiries": "Demandes ouvertes",
    "Overdue": "En retard",
    "Due today": "Échéance aujourd'hui",
    "Due within %1": "Échéance dans les %1",
    "All enquiries": "Toutes les demandes",
    "Any status": "Tous les statuts",
    "Any time": "Toute période",
    "Received today": "Reçues aujourd'hui",
    "Last 7 days": "7 derniers jours",
    "Last 30 days": "30 derniers jours",
    "This year": "Cette année",
    "Last year": "L'an dernier",
    "Between…": "Entre le…",
    "and": "et le",
    "Search subject, journalist, outlet…": "Rechercher objet, journaliste, média…",
    "Anyone": "Tout le monde",
    # Labels
    "New": "Nouvelle",
    "In progress": "En cours",
    "Closed": "Close",
    "Phone": "Téléphone",
    "Email": "Courriel",
    "Social network": "Réseau social",
    "In person": "En personne",
    "Web form": "Formulaire web",
    "Interview": "Interview",
    "Information": "Information",
    "Figures, data": "Chiffres, données",
    "Visuals": "Visuels",
    "Invitation": "Invitation",
    "Fact-check": "Vérification",
    "Other": "Autre",
    "Low": "Basse",
    "Normal": "Normale",
    "High": "Haute",
    "Urgent": "Urgente",
    "%1 · %2 priority": "%1 · priorité %2",
    "Due within hours": "À rendre dans les prochaines heures",
    "Later": "Plus tard",
    "No deadline": "Sans échéance",
    "Done": "Terminée",
    "%1 min": "%1 min",
    "%1 h": "%1 h",
    "%1 h %2": "%1 h %2",
    "%1 d": "%1 j",
    "%1 d %2 h": "%1 j %2 h",
    "Overdue by %1": "En retard de %1",
    "Due in %1": "À rendre dans %1",
    "Due today at %1": "À rendre aujourd'hui à %1",
    "Due tomorrow at %1": "À rendre demain à %1",
    "Status": "Statut",
    "%1 → %2": "%1 → %2",
    "Note": "Note",
    # Journalist picker
    "Type a name, an outlet or an address…": "Tapez un nom, un média ou une adresse…",
    "New journalist": "Nouveau journaliste",
    "Create the journalist without leaving this form": (
        "Créer le journaliste sans quitter ce formulaire"
    ),
    "Given name": "Prénom",
    "Family name": "Nom",
    "The outlet is the one given below.": "Son média est celui indiqué plus bas.",
    "Press enquiry": "Demande presse",
    "A new contact will be created with the enquiry.": (
        "Un nouveau contact sera créé avec la demande."
    ),
    "No contact chosen: pick one in the list or create a new journalist.": (
        "Aucun contact choisi : choisissez-en un dans la liste ou créez un nouveau journaliste."
    ),
}

# (source, disambiguation) for words whose French form depends on the number.
BY_COMMENT: dict[tuple[str, str], str] = {
    ("%1 new", "one"): "%1 nouvelle",
    ("%1 new", "many"): "%1 nouvelles",
}

BY_CONTEXT: dict[tuple[str, str], str] = {
    ("EnquiryThreadModel", "Received"): "Reçue",
    ("JournalistPicker", "Email"): "Courriel",
    ("EnquiryDetailPanel", "Request"): "Demande",
}


def main() -> int:
    tree = ET.parse(TS)
    missing = []
    for context in tree.iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            source = message.findtext("source", "")
            comment = message.findtext("comment", "")
            text = BY_COMMENT.get((source, comment)) or BY_CONTEXT.get((name, source))
            text = text or FR.get(source)
            translation = message.find("translation")
            if translation is None:
                continue
            if text is None:
                missing.append(f"{name}: {source}")
                continue
            translation.text = text
            translation.attrib.pop("type", None)
    tree.write(TS, encoding="utf-8", xml_declaration=True)
    for line in missing:
        print(f"untranslated: {line}", file=sys.stderr)
    return 1 if missing else 0


if __name__ == "__main__":
    raise SystemExit(main())
