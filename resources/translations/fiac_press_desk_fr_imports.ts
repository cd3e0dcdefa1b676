<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
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
            <numerusform>%n contact sélectionné</numerusform>
            <numerusform>%n contacts sélectionnés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>All contacts (%n)</source>
        <translation>
            <numerusform>Tous les contacts (%n)</numerusform>
            <numerusform>Tous les contacts (%n)</numerusform>
        </translation>
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
        <translation>vCard 3.0 (.vcf) — carnets d&apos;adresses, Outlook, Gmail</translation>
    </message>
    <message>
        <source>vCard 4.0 (.vcf) — recent address books</source>
        <translation>vCard 4.0 (.vcf) — carnets d&apos;adresses récents</translation>
    </message>
    <message>
        <source>vCard 2.1 (.vcf) — old phones and software</source>
        <translation>vCard 2.1 (.vcf) — anciens téléphones et logiciels</translation>
    </message>
    <message>
        <source>JSON — every field and the history (GDPR access request)</source>
        <translation>JSON — tous les champs et l&apos;historique (demande d&apos;accès RGPD)</translation>
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
            <numerusform>%n contact exporté dans %1.</numerusform>
            <numerusform>%n contacts exportés dans %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>The export failed: %1</source>
        <translation>L&apos;export a échoué : %1</translation>
    </message>
    <message>
        <source>Export cancelled: no file was written.</source>
        <translation>Export annulé : aucun fichier n&apos;a été écrit.</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import contacts — %1</source>
        <translation>Importer des contacts — %1</translation>
    </message>
    <message>
        <source>Reading the files…</source>
        <translation>Lecture des fichiers…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Skip them</source>
        <translation>Les ignorer</translation>
    </message>
    <message>
        <source>Complete the existing contact</source>
        <translation>Compléter le contact existant</translation>
    </message>
    <message>
        <source>Create them anyway</source>
        <translation>Les créer quand même</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importer</translation>
    </message>
    <message>
        <source>Save the report…</source>
        <translation>Enregistrer le rapport…</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Afficher :</translation>
    </message>
    <message>
        <source>Possible duplicates:</source>
        <translation>Doublons probables :</translation>
    </message>
    <message>
        <source>Writing the contacts…</source>
        <translation>Enregistrement des contacts…</translation>
    </message>
    <message>
        <source>Undo this import</source>
        <translation>Annuler cet import</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Comparing with the contacts already here…</source>
        <translation>Comparaison avec les contacts déjà enregistrés…</translation>
    </message>
    <message numerus="yes">
        <source>Reading the files: %n record(s)…</source>
        <translation>
            <numerusform>Lecture des fichiers : %n fiche…</numerusform>
            <numerusform>Lecture des fichiers : %n fiches…</numerusform>
        </translation>
    </message>
    <message>
        <source>Import contacts</source>
        <translation>Importer des contacts</translation>
    </message>
    <message>
        <source>These files are not contacts files and were left aside:
%1</source>
        <translation>Ces fichiers ne sont pas des fichiers de contacts et ont été laissés de côté :
%1</translation>
    </message>
    <message>
        <source>As proposed (complete same email, create same name)</source>
        <translation>Comme proposé (compléter si même adresse, créer si même nom)</translation>
    </message>
    <message>
        <source>GDPR basis recorded on the new contacts whose file gives none; legitimate interest suits journalists&apos; professional contacts</source>
        <translation>Base légale RGPD enregistrée pour les nouveaux contacts dont le fichier n&apos;en indique pas ; l&apos;intérêt légitime convient aux coordonnées professionnelles des journalistes</translation>
    </message>
    <message>
        <source>Lawful basis of new contacts:</source>
        <translation>Base légale des nouveaux contacts :</translation>
    </message>
    <message>
        <source>Refused records, warnings and notes:</source>
        <translation>Fiches refusées, avertissements et remarques :</translation>
    </message>
    <message>
        <source>Check for duplicates</source>
        <translation>Vérifier les doublons</translation>
    </message>
    <message>
        <source>Look for contacts this import created that were already in the base</source>
        <translation>Chercher parmi les contacts créés par cet import ceux qui étaient déjà dans la base</translation>
    </message>
    <message>
        <source>All records (%1)</source>
        <translation>Toutes les fiches (%1)</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Nouvelles</translation>
    </message>
    <message>
        <source>Updates</source>
        <translation>Mises à jour</translation>
    </message>
    <message>
        <source>Possible duplicates</source>
        <translation>Doublons probables</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>Inchangées</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Erreurs</translation>
    </message>
    <message>
        <source>With warnings (%1)</source>
        <translation>Avec avertissements (%1)</translation>
    </message>
    <message numerus="yes">
        <source>%n new</source>
        <translation>
            <numerusform>%n nouvelle</numerusform>
            <numerusform>%n nouvelles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n update(s)</source>
        <translation>
            <numerusform>%n mise à jour</numerusform>
            <numerusform>%n mises à jour</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unchanged</source>
        <translation>
            <numerusform>%n inchangée</numerusform>
            <numerusform>%n inchangées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n possible duplicate(s)</source>
        <translation>
            <numerusform>%n doublon probable</numerusform>
            <numerusform>%n doublons probables</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n erreur</numerusform>
            <numerusform>%n erreurs</numerusform>
        </translation>
    </message>
    <message>
        <source>Found in the files: %1.</source>
        <translation>Dans les fichiers : %1.</translation>
    </message>
    <message numerus="yes">
        <source>Import %n record(s)</source>
        <translation>
            <numerusform>Importer %n fiche</numerusform>
            <numerusform>Importer %n fiches</numerusform>
        </translation>
    </message>
    <message>
        <source>Writing the contacts: %1 of %2…</source>
        <translation>Enregistrement des contacts : %1 sur %2…</translation>
    </message>
    <message>
        <source>Nothing was written: %1</source>
        <translation>Rien n&apos;a été enregistré : %1</translation>
    </message>
    <message>
        <source>Import cancelled: nothing was written.</source>
        <translation>Import annulé : rien n&apos;a été enregistré.</translation>
    </message>
    <message>
        <source>Import done</source>
        <translation>Import terminé</translation>
    </message>
    <message numerus="yes">
        <source>contact(s) created</source>
        <translation>
            <numerusform>contact créé</numerusform>
            <numerusform>contacts créés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>contact(s) updated</source>
        <translation>
            <numerusform>contact mis à jour</numerusform>
            <numerusform>contacts mis à jour</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>already up to date</source>
        <translation>
            <numerusform>déjà à jour</numerusform>
            <numerusform>déjà à jour</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>skipped</source>
        <translation>
            <numerusform>fiche ignorée</numerusform>
            <numerusform>fiches ignorées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>refused</source>
        <translation>
            <numerusform>fiche refusée</numerusform>
            <numerusform>fiches refusées</numerusform>
        </translation>
    </message>
    <message>
        <source>Refused — %1: %2</source>
        <translation>Refusée — %1 : %2</translation>
    </message>
    <message>
        <source>Warning — %1: %2</source>
        <translation>Avertissement — %1 : %2</translation>
    </message>
    <message>
        <source>Note — %1: %2</source>
        <translation>Remarque — %1 — %2</translation>
    </message>
    <message>
        <source>Save the import report</source>
        <translation>Enregistrer le rapport d&apos;import</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <source>Delete the %1 contact(s) this import created and put back the %2 it updated as they were?</source>
        <translation>Supprimer les %1 contact(s) créés par cet import et remettre les %2 qu&apos;il a modifiés dans leur état d&apos;avant ?</translation>
    </message>
    <message>
        <source>Import undone: the contacts are as they were before.</source>
        <translation>Import annulé : les contacts sont revenus à leur état d&apos;avant.</translation>
    </message>
</context>
<context>
    <name>ImportHistoryDialog</name>
    <message>
        <source>Import history</source>
        <translation>Historique des imports</translation>
    </message>
    <message>
        <source>No import yet.</source>
        <translation>Aucun import pour l&apos;instant.</translation>
    </message>
    <message>
        <source>Undo this import</source>
        <translation>Annuler cet import</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Imports, newest first. Undoing one deletes the contacts it created and restores those it updated.</source>
        <translation>Les imports, du plus récent au plus ancien. En annuler un supprime les contacts qu&apos;il a créés et rétablit ceux qu&apos;il a modifiés.</translation>
    </message>
    <message>
        <source>Undo the import of %1? Its %2 created contact(s) are deleted and its %3 updated contact(s) put back as they were.</source>
        <translation>Annuler l&apos;import de %1 ? Ses %2 contact(s) créé(s) seront supprimés et ses %3 contact(s) modifié(s) remis dans leur état d&apos;avant.</translation>
    </message>
    <message>
        <source>Undoing…</source>
        <translation>Annulation en cours…</translation>
    </message>
    <message>
        <source>Import undone.</source>
        <translation>Import annulé.</translation>
    </message>
</context>
<context>
    <name>ImportHistoryModel</name>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Fichiers</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Créés</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Mis à jour</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Ignorés</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Refusés</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1 le %2</translation>
    </message>
</context>
<context>
    <name>ImportPlanModel</name>
    <message>
        <source>Place in the file</source>
        <translation>Emplacement dans le fichier</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>Constat</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Décision</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Refusée</translation>
    </message>
    <message>
        <source>%1%2, row %3</source>
        <translation>%1%2, ligne %3</translation>
    </message>
    <message>
        <source>%1, line %2</source>
        <translation>%1, ligne %2</translation>
    </message>
    <message>
        <source>Would change: %1</source>
        <translation>Changerait : %1</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>Remarque : %1</translation>
    </message>
    <message>
        <source>%1 (contact %2)</source>
        <translation>%1 (contact n° %2)</translation>
    </message>
    <message>
        <source>%1 (earlier in the file: %2)</source>
        <translation>%1 (plus haut dans le fichier : %2)</translation>
    </message>
    <message>
        <source>Same ID as %1</source>
        <translation>Même identifiant que %1</translation>
    </message>
    <message>
        <source>Same vCard UID as %1</source>
        <translation>Même UID vCard que %1</translation>
    </message>
    <message>
        <source>Same email as %1</source>
        <translation>Même adresse électronique que %1</translation>
    </message>
    <message>
        <source>Same phone as %1</source>
        <translation>Même téléphone que %1</translation>
    </message>
    <message>
        <source>Same name and organisation as %1</source>
        <translation>Même nom et même organisme que %1</translation>
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
        <translation>&lt;b&gt;Aperçu&lt;/b&gt; — les premières lignes telles qu&apos;elles seront importées</translation>
    </message>
    <message>
        <source>Remember this mapping for files with the same headers</source>
        <translation>Retenir cette correspondance pour les fichiers aux mêmes en-têtes</translation>
    </message>
    <message>
        <source>Keep the columns not imported in the notes</source>
        <translation>Garder les colonnes non importées dans les notes</translation>
    </message>
    <message>
        <source>Each column that goes to no field is written in the contact&apos;s notes as “Column : value” instead of being left out</source>
        <translation>Chaque colonne qui ne correspond à aucun champ est écrite dans les notes du contact, « Colonne : valeur », au lieu d&apos;être laissée de côté</translation>
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
        <source>&lt;b&gt;%1&lt;/b&gt; recognised: its columns are mapped below, change any of them.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; reconnu : ses colonnes sont associées ci-dessous, vous pouvez modifier chacune.</translation>
    </message>
    <message>
        <source>header on row %1</source>
        <translation>en-tête en ligne %1</translation>
    </message>
    <message>
        <source>no header row</source>
        <translation>pas de ligne d&apos;en-tête</translation>
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
        <translation>Les colonnes %1 et %2 remplissent toutes deux « %3 » : n&apos;en gardez qu&apos;une.</translation>
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
        <source>Middle name</source>
        <translation>Deuxième prénom</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Name suffix</source>
        <translation>Suffixe du nom</translation>
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
        <translation>Complément d&apos;adresse</translation>
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
        <translation>Type d&apos;adresse</translation>
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
        <source>Notes, with the column&apos;s name</source>
        <translation>Notes, avec le nom de la colonne</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>Date de naissance</translation>
    </message>
    <message>
        <source>Year of birth</source>
        <translation>Année de naissance</translation>
    </message>
    <message>
        <source>Month of birth</source>
        <translation>Mois de naissance</translation>
    </message>
    <message>
        <source>Day of birth</source>
        <translation>Jour de naissance</translation>
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
        <source>Opt-out date</source>
        <translation>Date de désinscription</translation>
    </message>
    <message>
        <source>Opt-out reason</source>
        <translation>Motif de désinscription</translation>
    </message>
    <message>
        <source>Type of email</source>
        <translation>Type d&apos;adresse électronique</translation>
    </message>
    <message>
        <source>Type of phone</source>
        <translation>Type de téléphone</translation>
    </message>
    <message>
        <source>Type of link</source>
        <translation>Type de lien</translation>
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
        <source>month first</source>
        <translation>mois en premier</translation>
    </message>
    <message>
        <source>pager</source>
        <translation>bipeur</translation>
    </message>
    <message>
        <source>assistant</source>
        <translation>assistant(e)</translation>
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
        <source>(no. %1)</source>
        <translation>(n° %1)</translation>
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
