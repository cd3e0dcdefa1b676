<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>DashboardView</name>
    <message>
        <source>Dashboard</source>
        <translation>Tableau de bord</translation>
    </message>
    <message>
        <source>New enquiry</source>
        <translation>Nouvelle demande</translation>
    </message>
    <message>
        <source>Log a press enquiry (Ctrl+Shift+N)</source>
        <translation>Enregistrer une demande presse (Ctrl+Maj+N)</translation>
    </message>
    <message>
        <source>No open enquiry: nothing is waiting.</source>
        <translation>Aucune demande ouverte : rien n&apos;attend.</translation>
    </message>
    <message>
        <source>All open enquiries</source>
        <translation>Toutes les demandes ouvertes</translation>
    </message>
    <message>
        <source>Last releases</source>
        <translation>Derniers communiqués</translation>
    </message>
    <message>
        <source>Release</source>
        <translation>Communiqué</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation>Destinataires</translation>
    </message>
    <message>
        <source>No release yet.</source>
        <translation>Aucun communiqué pour l&apos;instant.</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>en retard</translation>
    </message>
    <message>
        <source>due within %1</source>
        <translation>à rendre dans les %1</translation>
    </message>
    <message>
        <source>due before midnight</source>
        <translation>à rendre avant minuit</translation>
    </message>
    <message>
        <source>open enquiry</source>
        <translation>demande ouverte</translation>
    </message>
    <message>
        <source>open enquiries</source>
        <translation>demandes ouvertes</translation>
    </message>
    <message>
        <source>%1 new</source>
        <comment>one</comment>
        <translation>%1 nouvelle</translation>
    </message>
    <message>
        <source>%1 new</source>
        <comment>many</comment>
        <translation>%1 nouvelles</translation>
    </message>
    <message>
        <source>%1 in progress</source>
        <translation>%1 en cours</translation>
    </message>
    <message>
        <source>answered in 30 days</source>
        <translation>répondues en 30 jours</translation>
    </message>
    <message>
        <source>median time to answer: %1</source>
        <translation>délai médian de réponse : %1</translation>
    </message>
    <message>
        <source>Open enquiries, most pressing first</source>
        <translation>Demandes ouvertes, les plus urgentes d&apos;abord</translation>
    </message>
    <message>
        <source>The %1 most pressing of %2 open enquiries</source>
        <translation>Les %1 plus urgentes des %2 demandes ouvertes</translation>
    </message>
    <message>
        <source>%1 recipient</source>
        <translation>%1 destinataire</translation>
    </message>
    <message>
        <source>%1 recipients</source>
        <translation>%1 destinataires</translation>
    </message>
</context>
<context>
    <name>EnquiriesView</name>
    <message>
        <source>Press enquiries</source>
        <translation>Demandes presse</translation>
    </message>
    <message>
        <source>New enquiry</source>
        <translation>Nouvelle demande</translation>
    </message>
    <message>
        <source>Log a press enquiry (Ctrl+Shift+N)</source>
        <translation>Enregistrer une demande presse (Ctrl+Maj+N)</translation>
    </message>
    <message>
        <source>Import emails…</source>
        <translation>Importer des courriels…</translation>
    </message>
    <message>
        <source>Log enquiries from saved emails (.eml)</source>
        <translation>Créer des demandes à partir de courriels enregistrés (.eml)</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exporter…</translation>
    </message>
    <message>
        <source>Export the enquiries shown…</source>
        <translation>Exporter les demandes affichées…</translation>
    </message>
    <message>
        <source>Export every enquiry…</source>
        <translation>Exporter toutes les demandes…</translation>
    </message>
    <message>
        <source>%1 enquiry</source>
        <translation>%1 demande</translation>
    </message>
    <message>
        <source>%1 enquiries</source>
        <translation>%1 demandes</translation>
    </message>
    <message>
        <source>%1 overdue</source>
        <translation>%1 en retard</translation>
    </message>
    <message>
        <source>%1 due within hours</source>
        <translation>%1 à rendre dans les prochaines heures</translation>
    </message>
    <message>
        <source>Import emails</source>
        <translation>Importer des courriels</translation>
    </message>
    <message>
        <source>Emails (*.eml);;All files (*)</source>
        <translation>Courriels (*.eml);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>%1 enquiry logged</source>
        <translation>%1 demande enregistrée</translation>
    </message>
    <message>
        <source>%1 enquiries logged</source>
        <translation>%1 demandes enregistrées</translation>
    </message>
    <message>
        <source>%1 new contact</source>
        <translation>%1 nouveau contact</translation>
    </message>
    <message>
        <source>%1 new contacts</source>
        <translation>%1 nouveaux contacts</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>Emails imported</source>
        <translation>Courriels importés</translation>
    </message>
    <message>
        <source>Export enquiries</source>
        <translation>Exporter les demandes</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Classeur Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>%1 enquiry exported to %2</source>
        <translation>%1 demande exportée dans %2</translation>
    </message>
    <message>
        <source>%1 enquiries exported to %2</source>
        <translation>%1 demandes exportées dans %2</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Échec</translation>
    </message>
</context>
<context>
    <name>EnquiryCaptureDialog</name>
    <message>
        <source>Edit enquiry no. %1</source>
        <translation>Modifier la demande n° %1</translation>
    </message>
    <message>
        <source>New press enquiry</source>
        <translation>Nouvelle demande presse</translation>
    </message>
    <message>
        <source>Who and when</source>
        <translation>Qui et quand</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Maintenant</translation>
    </message>
    <message>
        <source>Newspaper, radio, agency…</source>
        <translation>Journal, radio, agence…</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Reçue le</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Canal</translation>
    </message>
    <message>
        <source>Journalist</source>
        <translation>Journaliste</translation>
    </message>
    <message>
        <source>Outlet</source>
        <translation>Média</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Demande</translation>
    </message>
    <message>
        <source>What is asked, in a few words</source>
        <translation>Ce qui est demandé, en quelques mots</translation>
    </message>
    <message>
        <source>Questions, angle, format, who to call back…</source>
        <translation>Questions, angle, format, qui rappeler…</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <source>+2 h</source>
        <translation>+2 h</translation>
    </message>
    <message>
        <source>Two hours from now</source>
        <translation>Dans deux heures</translation>
    </message>
    <message>
        <source>18:00</source>
        <translation>18 h</translation>
    </message>
    <message>
        <source>Today at 18:00</source>
        <translation>Aujourd&apos;hui à 18 h</translation>
    </message>
    <message>
        <source>Tomorrow 12:00</source>
        <translation>Demain 12 h</translation>
    </message>
    <message>
        <source>Tomorrow at noon</source>
        <translation>Demain à midi</translation>
    </message>
    <message>
        <source>Spokesperson or expert</source>
        <translation>Porte-parole ou expert</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Aucun</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Objet</translation>
    </message>
    <message>
        <source>Request type</source>
        <translation>Type de demande</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorité</translation>
    </message>
    <message>
        <source>Assigned to</source>
        <translation>Attribuée à</translation>
    </message>
    <message>
        <source>Related release</source>
        <translation>Communiqué lié</translation>
    </message>
    <message>
        <source>From the email of %1</source>
        <translation>D&apos;après le courriel de %1</translation>
    </message>
    <message>
        <source>“%1” is not a contact: pick one in the list, create a new journalist, or clear the field.</source>
        <translation>« %1 » n&apos;est pas un contact : choisissez-en un dans la liste, créez un nouveau journaliste ou videz le champ.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>already logged as enquiry no. %1</source>
        <translation>déjà enregistré comme demande n° %1</translation>
    </message>
    <message>
        <source>Emails not logged</source>
        <translation>Courriels non enregistrés</translation>
    </message>
</context>
<context>
    <name>EnquiryDetailPanel</name>
    <message>
        <source>Select an enquiry to see its thread.</source>
        <translation>Choisissez une demande pour voir son fil.</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Reçue le</translation>
    </message>
    <message>
        <source>Journalist</source>
        <translation>Journaliste</translation>
    </message>
    <message>
        <source>Outlet</source>
        <translation>Média</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Demande</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <source>Assigned to</source>
        <translation>Attribuée à</translation>
    </message>
    <message>
        <source>Related release</source>
        <translation>Communiqué lié</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Répondue</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Issue</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
    <message>
        <source>By %1</source>
        <translation>Par %1</translation>
    </message>
    <message>
        <source>Mark answered</source>
        <translation>Marquer répondue</translation>
    </message>
    <message>
        <source>Decline</source>
        <translation>Décliner</translation>
    </message>
    <message>
        <source>Thread</source>
        <translation>Fil de la demande</translation>
    </message>
    <message>
        <source>Note: what was said, or the response given (needed to mark it answered)</source>
        <translation>Note : ce qui a été dit, ou la réponse donnée (nécessaire pour la marquer répondue)</translation>
    </message>
    <message>
        <source>Outcome (e.g. quoted in the article)</source>
        <translation>Issue (ex. : cité dans l&apos;article)</translation>
    </message>
    <message>
        <source>Add note</source>
        <translation>Ajouter la note</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>Rouvrir</translation>
    </message>
    <message>
        <source>Take on</source>
        <translation>Prendre en charge</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Clore</translation>
    </message>
    <message>
        <source>Marks the enquiry answered; the note above is the response.</source>
        <translation>Marque la demande répondue ; la note ci-dessus est la réponse.</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Modifier…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>(no contact)</source>
        <translation>(aucun contact)</translation>
    </message>
    <message>
        <source>Not assigned</source>
        <translation>Non attribuée</translation>
    </message>
    <message>
        <source>%1, after %2</source>
        <translation>%1, au bout de %2</translation>
    </message>
    <message>
        <source>(no details)</source>
        <translation>(pas de détails)</translation>
    </message>
    <message>
        <source>Write the note first.</source>
        <translation>Écrivez d&apos;abord la note.</translation>
    </message>
    <message>
        <source>Write the response given in the note, then mark it answered.</source>
        <translation>Écrivez la réponse donnée dans la note, puis marquez la demande répondue.</translation>
    </message>
    <message>
        <source>Delete enquiry</source>
        <translation>Supprimer la demande</translation>
    </message>
    <message>
        <source>Delete the enquiry “%1” and its thread? This cannot be undone.</source>
        <translation>Supprimer la demande « %1 » et son fil ? Impossible de revenir en arrière.</translation>
    </message>
</context>
<context>
    <name>EnquiryFilterBar</name>
    <message>
        <source>Open enquiries</source>
        <translation>Demandes ouvertes</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>En retard</translation>
    </message>
    <message>
        <source>Due today</source>
        <translation>Échéance aujourd&apos;hui</translation>
    </message>
    <message>
        <source>Due within %1</source>
        <translation>Échéance dans les %1</translation>
    </message>
    <message>
        <source>All enquiries</source>
        <translation>Toutes les demandes</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Tous les statuts</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>Toute période</translation>
    </message>
    <message>
        <source>Received today</source>
        <translation>Reçues aujourd&apos;hui</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>7 derniers jours</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>30 derniers jours</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>Cette année</translation>
    </message>
    <message>
        <source>Last year</source>
        <translation>L&apos;an dernier</translation>
    </message>
    <message>
        <source>Between…</source>
        <translation>Entre le…</translation>
    </message>
    <message>
        <source>and</source>
        <translation>et le</translation>
    </message>
    <message>
        <source>Search subject, journalist, outlet…</source>
        <translation>Rechercher objet, journaliste, média…</translation>
    </message>
    <message>
        <source>Anyone</source>
        <translation>Tout le monde</translation>
    </message>
    <message>
        <source>Not assigned</source>
        <translation>Non attribuée</translation>
    </message>
</context>
<context>
    <name>EnquiryTableModel</name>
    <message>
        <source>Received</source>
        <translation>Reçue le</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <source>Journalist</source>
        <translation>Journaliste</translation>
    </message>
    <message>
        <source>Outlet</source>
        <translation>Média</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Objet</translation>
    </message>
    <message>
        <source>Assigned to</source>
        <translation>Attribuée à</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
</context>
<context>
    <name>EnquiryThreadModel</name>
    <message>
        <source>Received</source>
        <translation>Reçue</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>JournalistPicker</name>
    <message>
        <source>Type a name, an outlet or an address…</source>
        <translation>Tapez un nom, un média ou une adresse…</translation>
    </message>
    <message>
        <source>New journalist</source>
        <translation>Nouveau journaliste</translation>
    </message>
    <message>
        <source>Create the journalist without leaving this form</source>
        <translation>Créer le journaliste sans quitter ce formulaire</translation>
    </message>
    <message>
        <source>Given name</source>
        <translation>Prénom</translation>
    </message>
    <message>
        <source>Family name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Courriel</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>The outlet is the one given below.</source>
        <translation>Son média est celui indiqué plus bas.</translation>
    </message>
    <message>
        <source>Press enquiry</source>
        <translation>Demande presse</translation>
    </message>
    <message>
        <source>A new contact will be created with the enquiry.</source>
        <translation>Un nouveau contact sera créé avec la demande.</translation>
    </message>
    <message>
        <source>No contact chosen: pick one in the list or create a new journalist.</source>
        <translation>Aucun contact choisi : choisissez-en un dans la liste ou créez un nouveau journaliste.</translation>
    </message>
</context>
</TS>
