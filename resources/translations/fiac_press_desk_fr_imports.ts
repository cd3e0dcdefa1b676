<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fr_FR">
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export contacts</source>
        <translation>Exporter des contacts</translation>
    </message>
    <message numerus="yes">
        <source>%n selected contact(s)</source>
        <translation>
            <numerusform>%n contact sélectionné</numerusform><numerusform>%n contacts sélectionnés</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>All contacts (%n)</source>
        <translation>
            <numerusform>Tous les contacts (%n)</numerusform><numerusform>Tous les contacts (%n)</numerusform></translation>
    </message>
    <message>
        <source>Excel workbook (.xlsx) — one row per contact, lists on a second sheet</source>
        <translation>Classeur Excel (.xlsx) — une ligne par contact, les listes sur une deuxième feuille</translation>
    </message>
    <message>
        <source>CSV for French Excel (semicolons, UTF-8 with BOM)</source>
        <translation>CSV pour Excel en français (points-virgules, UTF-8 avec BOM)</translation>
    </message>
    <message>
        <source>Plain CSV (commas, UTF-8)</source>
        <translation>CSV standard (virgules, UTF-8)</translation>
    </message>
    <message>
        <source>vCard 3.0 (.vcf) — address books, Outlook, Gmail</source>
        <translation>vCard 3.0 (.vcf) — carnets d'adresses, Outlook, Gmail</translation>
    </message>
    <message>
        <source>vCard 4.0 (.vcf) — recent address books</source>
        <translation>vCard 4.0 (.vcf) — carnets d'adresses récents</translation>
    </message>
    <message>
        <source>vCard 2.1 (.vcf) — old phones and software</source>
        <translation>vCard 2.1 (.vcf) — anciens téléphones et logiciels</translation>
    </message>
    <message>
        <source>JSON — every field and the history (GDPR access request)</source>
        <translation>JSON — tous les champs et l'historique (demande d'accès RGPD)</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>French</source>
        <translation>Français</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Anglais</translation>
    </message>
    <message>
        <source>Column headers in:</source>
        <translation>En-têtes de colonnes en :</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exporter…</translation>
    </message>
    <message>
        <source>Writing %1…</source>
        <translation>Écriture de %1…</translation>
    </message>
    <message numerus="yes">
        <source>%n contact(s) exported to %1.</source>
        <translation>
            <numerusform>%n contact exporté dans %1.</numerusform><numerusform>%n contacts exportés dans %1.</numerusform></translation>
    </message>
    <message>
        <source>The export failed: %1</source>
        <translation>L'export a échoué : %1</translation>
    </message>
    <message>
        <source>Export cancelled: no file was written.</source>
        <translation>Export annulé : aucun fichier n'a été écrit.</translation>
    </message>
</context>
<context>
    <name>MappingDialog</name>
    <message>
        <source>Columns of %1</source>
        <translation>Colonnes de %1</translation>
    </message>
    <message>
        <source>Sheet:</source>
        <translation>Feuille :</translation>
    </message>
    <message>
        <source>Reading the file…</source>
        <translation>Lecture du fichier…</translation>
    </message>
    <message>
        <source>&lt;b&gt;Columns&lt;/b&gt; — choose what each column becomes</source>
        <translation>&lt;b&gt;Colonnes&lt;/b&gt; — choisissez ce que devient chaque colonne</translation>
    </message>
    <message>
        <source>&lt;b&gt;Preview&lt;/b&gt; — the first rows as they will be imported</source>
        <translation>&lt;b&gt;Aperçu&lt;/b&gt; — les premières lignes telles qu'elles seront importées</translation>
    </message>
    <message>
        <source>Remember this mapping for files with the same headers</source>
        <translation>Retenir cette correspondance pour les fichiers aux mêmes en-têtes</translation>
    </message>
    <message>
        <source>Save as a file…</source>
        <translation>Enregistrer dans un fichier…</translation>
    </message>
    <message>
        <source>A mapping file for unattended imports (import --mapping FILE)</source>
        <translation>Un fichier de correspondance pour les imports automatiques (import --mapping FICHIER)</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Continuer</translation>
    </message>
    <message>
        <source>This file cannot be read: %1</source>
        <translation>Impossible de lire ce fichier : %1</translation>
    </message>
    <message>
        <source>header on row %1</source>
        <translation>en-tête en ligne %1</translation>
    </message>
    <message>
        <source>no header row</source>
        <translation>pas de ligne d'en-tête</translation>
    </message>
    <message>
        <source>%1 of %2 columns imported, %3.</source>
        <translation>%1 colonnes importées sur %2, %3.</translation>
    </message>
    <message>
        <source>Mapping saved for these headers applied.</source>
        <translation>Correspondance enregistrée pour ces en-têtes appliquée.</translation>
    </message>
    <message>
        <source>Choose at least one column to import.</source>
        <translation>Choisissez au moins une colonne à importer.</translation>
    </message>
    <message>
        <source>Columns %1 and %2 both fill “%3”: keep one.</source>
        <translation>Les colonnes %1 et %2 remplissent toutes deux « %3 » : n'en gardez qu'une.</translation>
    </message>
    <message>
        <source>Save the mapping</source>
        <translation>Enregistrer la correspondance</translation>
    </message>
    <message>
        <source>Column mapping (*.json)</source>
        <translation>Correspondance de colonnes (*.json)</translation>
    </message>
</context>
<context>
    <name>MappingFields</name>
    <message>
        <source>ID (contact number)</source>
        <translation>ID (numéro du contact)</translation>
    </message>
    <message>
        <source>Contact type</source>
        <translation>Type de contact</translation>
    </message>
    <message>
        <source>Title (Mr, Ms…)</source>
        <translation>Civilité (M., Mme…)</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Prénom</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Full name (to split)</source>
        <translation>Nom complet (à séparer)</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>Nom affiché</translation>
    </message>
    <message>
        <source>Outlet / organisation</source>
        <translation>Média / organisme</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Job title</source>
        <translation>Fonction</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rôle</translation>
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
        <source>Website / link</source>
        <translation>Site web / lien</translation>
    </message>
    <message>
        <source>Street address</source>
        <translation>Adresse (rue)</translation>
    </message>
    <message>
        <source>Address line 2</source>
        <translation>Complément d'adresse</translation>
    </message>
    <message>
        <source>PO box</source>
        <translation>Boîte postale</translation>
    </message>
    <message>
        <source>Postal code</source>
        <translation>Code postal</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Ville</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Région</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Pays</translation>
    </message>
    <message>
        <source>Address type</source>
        <translation>Type d'adresse</translation>
    </message>
    <message>
        <source>Beats (topics)</source>
        <translation>Thématiques</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Étiquettes</translation>
    </message>
    <message>
        <source>Distribution lists</source>
        <translation>Listes de diffusion</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>Date de naissance</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>Opted out</source>
        <translation>Désinscrit</translation>
    </message>
    <message>
        <source>Lawful basis</source>
        <translation>Base légale</translation>
    </message>
    <message>
        <source>Data source</source>
        <translation>Source des données</translation>
    </message>
    <message>
        <source>vCard UID</source>
        <translation>UID vCard</translation>
    </message>
    <message>
        <source>work</source>
        <translation>pro</translation>
    </message>
    <message>
        <source>personal</source>
        <translation>perso</translation>
    </message>
    <message>
        <source>mobile</source>
        <translation>portable</translation>
    </message>
    <message>
        <source>fax</source>
        <translation>fax</translation>
    </message>
    <message>
        <source>other</source>
        <translation>autre</translation>
    </message>
    <message>
        <source>Do not import</source>
        <translation>Ne pas importer</translation>
    </message>
    <message>
        <source>(address %1)</source>
        <translation>(adresse %1)</translation>
    </message>
    <message>
        <source>(no header)</source>
        <translation>(sans en-tête)</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Colonne</translation>
    </message>
    <message>
        <source>Header in the file</source>
        <translation>En-tête dans le fichier</translation>
    </message>
    <message>
        <source>First values</source>
        <translation>Premières valeurs</translation>
    </message>
    <message>
        <source>Import as</source>
        <translation>Importer comme</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Ligne</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Beats, tags, lists</source>
        <translation>Thématiques, étiquettes, listes</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>Avertissements</translation>
    </message>
</context>
</TS>