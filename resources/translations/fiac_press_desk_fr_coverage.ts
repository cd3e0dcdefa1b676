<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>ContactCoveragePanel</name>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Outlet</source>
        <translation>Média</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>Support</translation>
    </message>
    <message>
        <source>Tone</source>
        <translation>Tonalité</translation>
    </message>
    <message>
        <source>No coverage linked to this contact.</source>
        <translation>Aucune retombée liée à ce contact.</translation>
    </message>
    <message>
        <source>Publications</source>
        <translation>Publications</translation>
    </message>
</context>
<context>
    <name>CoverageChartsPanel</name>
    <message>
        <source>Press coverage, last 12 months</source>
        <translation>Retombées presse des 12 derniers mois</translation>
    </message>
    <message>
        <source>Report…</source>
        <translation>Bilan…</translation>
    </message>
    <message>
        <source>Write the press report of a month, a quarter or a year (PDF or Excel)</source>
        <translation>Établir le bilan presse d&apos;un mois, d&apos;un trimestre ou d&apos;une année (PDF ou Excel)</translation>
    </message>
    <message>
        <source>No coverage logged in these months.</source>
        <translation>Aucune retombée enregistrée sur ces mois.</translation>
    </message>
    <message>
        <source>Coverage by month</source>
        <translation>Retombées par mois</translation>
    </message>
    <message>
        <source>By medium</source>
        <translation>Par support</translation>
    </message>
    <message>
        <source>By outlet type</source>
        <translation>Par type de média</translation>
    </message>
    <message>
        <source>%1 items</source>
        <translation>%1 retombées</translation>
    </message>
    <message>
        <source>%1 item</source>
        <translation>%1 retombée</translation>
    </message>
    <message>
        <source>declared audience %1</source>
        <translation>audience déclarée %1</translation>
    </message>
    <message>
        <source>%1 releases sent</source>
        <translation>%1 communiqués envoyés</translation>
    </message>
    <message>
        <source>%1 release sent</source>
        <translation>%1 communiqué envoyé</translation>
    </message>
    <message>
        <source>%1 enquiries</source>
        <translation>%1 demandes presse</translation>
    </message>
    <message>
        <source>%1 enquiry</source>
        <translation>%1 demande presse</translation>
    </message>
</context>
<context>
    <name>CoverageDialog</name>
    <message>
        <source>New coverage item</source>
        <translation>Nouvelle retombée</translation>
    </message>
    <message>
        <source>Coverage item</source>
        <translation>Retombée presse</translation>
    </message>
    <message>
        <source>Paste a link or the article&apos;s text: the form fills what it can</source>
        <translation>Collez un lien ou le texte de l&apos;article : le formulaire se remplit de ce qu&apos;il peut</translation>
    </message>
    <message>
        <source>Fetch the title</source>
        <translation>Chercher le titre</translation>
    </message>
    <message>
        <source>Read this page&apos;s title from the web (nothing else is sent or kept)</source>
        <translation>Lire le titre de cette page sur le web (rien d&apos;autre n&apos;est envoyé ni conservé)</translation>
    </message>
    <message>
        <source>Pick a journalist of the base, or type a new name: a card is made for them</source>
        <translation>Choisissez un journaliste du fichier, ou tapez un nouveau nom : une fiche est créée</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>inconnue</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(aucun)</translation>
    </message>
    <message>
        <source>no clipping</source>
        <translation>aucune coupure</translation>
    </message>
    <message>
        <source>Attach…</source>
        <translation>Joindre…</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Lien</translation>
    </message>
    <message>
        <source>Published on</source>
        <translation>Parution</translation>
    </message>
    <message>
        <source>Outlet</source>
        <translation>Média</translation>
    </message>
    <message>
        <source>Journalist</source>
        <translation>Journaliste</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>Support</translation>
    </message>
    <message>
        <source>Tone</source>
        <translation>Tonalité</translation>
    </message>
    <message>
        <source>Audience</source>
        <translation>Audience</translation>
    </message>
    <message>
        <source>Release</source>
        <translation>Communiqué</translation>
    </message>
    <message>
        <source>Enquiry</source>
        <translation>Demande presse</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Clipping</source>
        <translation>Coupure</translation>
    </message>
    <message>
        <source>Give the link first.</source>
        <translation>Indiquez d&apos;abord le lien.</translation>
    </message>
    <message>
        <source>Reading the page…</source>
        <translation>Lecture de la page…</translation>
    </message>
    <message>
        <source>PDF or image (*.pdf *.png *.jpg *.jpeg *.gif *.webp)</source>
        <translation>PDF ou image (*.pdf *.png *.jpg *.jpeg *.gif *.webp)</translation>
    </message>
    <message>
        <source>%1: not a PDF or an image.</source>
        <translation>%1 : ni un PDF ni une image.</translation>
    </message>
</context>
<context>
    <name>CoverageImportDialog</name>
    <message>
        <source>Import a media-monitoring export</source>
        <translation>Importer un export de veille média</translation>
    </message>
    <message>
        <source>Column of the file</source>
        <translation>Colonne du fichier</translation>
    </message>
    <message>
        <source>First values</source>
        <translation>Premières valeurs</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Champ</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importer</translation>
    </message>
    <message>
        <source>(not imported)</source>
        <translation>(non importée)</translation>
    </message>
    <message>
        <source>%1: choose the column that holds the titles.</source>
        <translation>%1 : choisissez la colonne qui contient les titres.</translation>
    </message>
    <message>
        <source>Two columns fill the same field.</source>
        <translation>Deux colonnes remplissent le même champ.</translation>
    </message>
    <message>
        <source>%1 item imported</source>
        <translation>%1 retombée importée</translation>
    </message>
    <message>
        <source>%1 items imported</source>
        <translation>%1 retombées importées</translation>
    </message>
    <message>
        <source>Already logged: %1</source>
        <translation>Déjà enregistrée : %1</translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation>Refusée : %1</translation>
    </message>
</context>
<context>
    <name>CoverageLabels</name>
    <message>
        <source>Print</source>
        <translation>Presse écrite</translation>
    </message>
    <message>
        <source>Web</source>
        <translation>Web</translation>
    </message>
    <message>
        <source>Radio</source>
        <translation>Radio</translation>
    </message>
    <message>
        <source>TV</source>
        <translation>Télévision</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>Agence</translation>
    </message>
    <message>
        <source>Social media</source>
        <translation>Réseaux sociaux</translation>
    </message>
    <message>
        <source>Positive</source>
        <translation>Positif</translation>
    </message>
    <message>
        <source>Neutral</source>
        <translation>Neutre</translation>
    </message>
    <message>
        <source>Negative</source>
        <translation>Négatif</translation>
    </message>
    <message>
        <source>Jan</source>
        <translation>janv.</translation>
    </message>
    <message>
        <source>Feb</source>
        <translation>févr.</translation>
    </message>
    <message>
        <source>Mar</source>
        <translation>mars</translation>
    </message>
    <message>
        <source>Apr</source>
        <translation>avr.</translation>
    </message>
    <message>
        <source>May</source>
        <translation>mai</translation>
    </message>
    <message>
        <source>Jun</source>
        <translation>juin</translation>
    </message>
    <message>
        <source>Jul</source>
        <translation>juil.</translation>
    </message>
    <message>
        <source>Aug</source>
        <translation>août</translation>
    </message>
    <message>
        <source>Sep</source>
        <translation>sept.</translation>
    </message>
    <message>
        <source>Oct</source>
        <translation>oct.</translation>
    </message>
    <message>
        <source>Nov</source>
        <translation>nov.</translation>
    </message>
    <message>
        <source>Dec</source>
        <translation>déc.</translation>
    </message>
    <message>
        <source>Type not given</source>
        <translation>Type non précisé</translation>
    </message>
    <message>
        <source>January</source>
        <translation>janvier</translation>
    </message>
    <message>
        <source>February</source>
        <translation>février</translation>
    </message>
    <message>
        <source>March</source>
        <translation>mars</translation>
    </message>
    <message>
        <source>April</source>
        <translation>avril</translation>
    </message>
    <message>
        <source>May (month)</source>
        <translation>mai</translation>
    </message>
    <message>
        <source>June</source>
        <translation>juin</translation>
    </message>
    <message>
        <source>July</source>
        <translation>juillet</translation>
    </message>
    <message>
        <source>August</source>
        <translation>août</translation>
    </message>
    <message>
        <source>September</source>
        <translation>septembre</translation>
    </message>
    <message>
        <source>October</source>
        <translation>octobre</translation>
    </message>
    <message>
        <source>November</source>
        <translation>novembre</translation>
    </message>
    <message>
        <source>December</source>
        <translation>décembre</translation>
    </message>
</context>
<context>
    <name>CoverageTableModel</name>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Outlet</source>
        <translation>Média</translation>
    </message>
    <message>
        <source>Journalist</source>
        <translation>Journaliste</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>Support</translation>
    </message>
    <message>
        <source>Tone</source>
        <translation>Tonalité</translation>
    </message>
    <message>
        <source>Audience</source>
        <translation>Audience</translation>
    </message>
    <message>
        <source>Release</source>
        <translation>Communiqué</translation>
    </message>
    <message>
        <source>Clipping</source>
        <translation>Coupure</translation>
    </message>
</context>
<context>
    <name>CoverageView</name>
    <message>
        <source>Press coverage</source>
        <translation>Retombées presse</translation>
    </message>
    <message>
        <source>New item</source>
        <translation>Nouvelle retombée</translation>
    </message>
    <message>
        <source>Log an article, a broadcast or a post (paste its link)</source>
        <translation>Enregistrer un article, une émission ou une publication (collez son lien)</translation>
    </message>
    <message>
        <source>Import monitoring…</source>
        <translation>Importer une veille…</translation>
    </message>
    <message>
        <source>Import a media-monitoring export (Excel or CSV), columns mapped</source>
        <translation>Importer un export de veille média (Excel ou CSV), colonnes associées</translation>
    </message>
    <message>
        <source>Search title, outlet, journalist, link</source>
        <translation>Rechercher titre, média, journaliste, lien</translation>
    </message>
    <message>
        <source>All dates</source>
        <translation>Toutes les dates</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>Le dernier mois</translation>
    </message>
    <message>
        <source>Last 3 months</source>
        <translation>Les 3 derniers mois</translation>
    </message>
    <message>
        <source>Last 12 months</source>
        <translation>Les 12 derniers mois</translation>
    </message>
    <message>
        <source>Every medium</source>
        <translation>Tous les supports</translation>
    </message>
    <message>
        <source>Every tone</source>
        <translation>Toutes les tonalités</translation>
    </message>
    <message>
        <source>No coverage yet. Paste the link of an article with “New item”, or import a media-monitoring export.</source>
        <translation>Aucune retombée pour l&apos;instant. Collez le lien d&apos;un article avec « Nouvelle retombée », ou importez un export de veille média.</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Modifier…</translation>
    </message>
    <message>
        <source>Open the link</source>
        <translation>Ouvrir le lien</translation>
    </message>
    <message>
        <source>Open the clipping</source>
        <translation>Ouvrir la coupure</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>%1 item</source>
        <translation>%1 retombée</translation>
    </message>
    <message>
        <source>%1 items</source>
        <translation>%1 retombées</translation>
    </message>
    <message>
        <source>declared audience %1</source>
        <translation>audience déclarée %1</translation>
    </message>
    <message>
        <source>Delete coverage</source>
        <translation>Supprimer des retombées</translation>
    </message>
    <message>
        <source>Delete %1 item?</source>
        <translation>Supprimer %1 retombée ?</translation>
    </message>
    <message>
        <source>Delete %1 items?</source>
        <translation>Supprimer %1 retombées ?</translation>
    </message>
    <message>
        <source>Import a media-monitoring export</source>
        <translation>Importer un export de veille média</translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx *.xls *.ods *.csv *.txt)</source>
        <translation>Tableurs (*.xlsx *.xls *.ods *.csv *.txt)</translation>
    </message>
</context>
<context>
    <name>ReleaseOutcomePanel</name>
    <message>
        <source>New coverage item…</source>
        <translation>Nouvelle retombée…</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Reçue le</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Objet</translation>
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
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>Support</translation>
    </message>
    <message>
        <source>Tone</source>
        <translation>Tonalité</translation>
    </message>
    <message>
        <source>Audience</source>
        <translation>Audience</translation>
    </message>
    <message>
        <source>Enquiries and coverage</source>
        <translation>Demandes et retombées</translation>
    </message>
    <message>
        <source>%1 recipient</source>
        <translation>%1 destinataire</translation>
    </message>
    <message>
        <source>%1 recipients</source>
        <translation>%1 destinataires</translation>
    </message>
    <message>
        <source>%1 enquiry</source>
        <translation>%1 demande presse</translation>
    </message>
    <message>
        <source>%1 enquiries</source>
        <translation>%1 demandes presse</translation>
    </message>
    <message>
        <source>%1 coverage item</source>
        <translation>%1 retombée</translation>
    </message>
    <message>
        <source>%1 coverage items</source>
        <translation>%1 retombées</translation>
    </message>
    <message>
        <source>declared audience %1</source>
        <translation>audience déclarée %1</translation>
    </message>
    <message>
        <source>Save the release first.</source>
        <translation>Enregistrez d&apos;abord le communiqué.</translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation>Retombées</translation>
    </message>
    <message>
        <source>Enquiries about this release</source>
        <translation>Demandes presse liées à ce communiqué</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <source>Press report</source>
        <translation>Bilan presse</translation>
    </message>
    <message>
        <source>A month</source>
        <translation>Un mois</translation>
    </message>
    <message>
        <source>A quarter</source>
        <translation>Un trimestre</translation>
    </message>
    <message>
        <source>A year</source>
        <translation>Une année</translation>
    </message>
    <message>
        <source>Chosen days</source>
        <translation>Des dates choisies</translation>
    </message>
    <message>
        <source>1st quarter</source>
        <translation>1er trimestre</translation>
    </message>
    <message>
        <source>2nd quarter</source>
        <translation>2e trimestre</translation>
    </message>
    <message>
        <source>3rd quarter</source>
        <translation>3e trimestre</translation>
    </message>
    <message>
        <source>4th quarter</source>
        <translation>4e trimestre</translation>
    </message>
    <message>
        <source>PDF with charts</source>
        <translation>PDF avec graphiques</translation>
    </message>
    <message>
        <source>Excel workbook (.xlsx)</source>
        <translation>Classeur Excel (.xlsx)</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Période</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Année</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Mois</translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation>Trimestre</translation>
    </message>
    <message>
        <source>to</source>
        <translation>au</translation>
    </message>
    <message>
        <source>Days from</source>
        <translation>Du</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Write…</source>
        <translation>Établir…</translation>
    </message>
    <message>
        <source>The days end before they start.</source>
        <translation>La fin précède le début.</translation>
    </message>
    <message>
        <source>Write the press report</source>
        <translation>Enregistrer le bilan presse</translation>
    </message>
    <message>
        <source>Writing…</source>
        <translation>Rédaction en cours…</translation>
    </message>
    <message>
        <source>Written: %1</source>
        <translation>Enregistré : %1</translation>
    </message>
    <message>
        <source>Not written: %1</source>
        <translation>Non enregistré : %1</translation>
    </message>
</context>
</TS>
