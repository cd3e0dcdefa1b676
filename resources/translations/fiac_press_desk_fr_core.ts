<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>ContactCommands</name>
    <message>
        <source>%1 contact</source>
        <translation>%1 contact</translation>
    </message>
    <message>
        <source>%1 contacts</source>
        <translation>%1 contacts</translation>
    </message>
    <message>
        <source>Delete %1</source>
        <translation>la suppression de %1</translation>
    </message>
    <message>
        <source>%1 contact deleted</source>
        <translation>%1 contact supprimé</translation>
    </message>
    <message>
        <source>%1 contacts deleted</source>
        <translation>%1 contacts supprimés</translation>
    </message>
    <message>
        <source>Archive %1</source>
        <translation>l’archivage de %1</translation>
    </message>
    <message>
        <source>Unarchive %1</source>
        <translation>le désarchivage de %1</translation>
    </message>
    <message>
        <source>%1 contact archived</source>
        <translation>%1 contact archivé</translation>
    </message>
    <message>
        <source>%1 contacts archived</source>
        <translation>%1 contacts archivés</translation>
    </message>
    <message>
        <source>%1 contact brought back</source>
        <translation>%1 contact désarchivé</translation>
    </message>
    <message>
        <source>%1 contacts brought back</source>
        <translation>%1 contacts désarchivés</translation>
    </message>
    <message>
        <source>Tag %1 with “%2”</source>
        <translation>l’étiquette «&#xa0;%2&#xa0;» sur %1</translation>
    </message>
    <message>
        <source>Remove the tag “%2” from %1</source>
        <translation>le retrait de l’étiquette «&#xa0;%2&#xa0;» de %1</translation>
    </message>
    <message>
        <source>Tag “%2” given to %1</source>
        <translation>Étiquette «&#xa0;%2&#xa0;» donnée à %1</translation>
    </message>
    <message>
        <source>Tag “%2” removed from %1</source>
        <translation>Étiquette «&#xa0;%2&#xa0;» retirée de %1</translation>
    </message>
    <message>
        <source>Add %1 to the list “%2”</source>
        <translation>l’ajout de %1 à la liste «&#xa0;%2&#xa0;»</translation>
    </message>
</context>
<context>
    <name>ContactsFilterBar</name>
    <message>
        <source>Search contacts…</source>
        <translation>Rechercher des contacts…</translation>
    </message>
    <message>
        <source>Name, outlet, job, email, phone, town or tag; accents and capitals do not matter (%1)</source>
        <translation>Nom, média, fonction, courriel, téléphone, ville ou étiquette&#xa0;; les accents et les majuscules sont sans importance (%1)</translation>
    </message>
    <message>
        <source>Type of contact</source>
        <translation>Type de contact</translation>
    </message>
    <message>
        <source>Distribution list</source>
        <translation>Liste de diffusion</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Étiquette</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisme</translation>
    </message>
    <message>
        <source>Opted out and archived</source>
        <translation>Désinscrits et archivés</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Effacer les filtres</translation>
    </message>
    <message>
        <source>Show every active contact again</source>
        <translation>Afficher de nouveau tous les contacts actifs</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>Tous les types</translation>
    </message>
    <message>
        <source>Journalists</source>
        <translation>Journalistes</translation>
    </message>
    <message>
        <source>Partners</source>
        <translation>Partenaires</translation>
    </message>
    <message>
        <source>Others</source>
        <translation>Autres</translation>
    </message>
    <message>
        <source>Active contacts</source>
        <translation>Contacts actifs</translation>
    </message>
    <message>
        <source>Subscribed only</source>
        <translation>Inscrits seulement</translation>
    </message>
    <message>
        <source>Opted out</source>
        <translation>Désinscrits</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>Archivés</translation>
    </message>
    <message>
        <source>All, archived included</source>
        <translation>Tous, archivés compris</translation>
    </message>
    <message>
        <source>All lists</source>
        <translation>Toutes les listes</translation>
    </message>
    <message>
        <source>All tags</source>
        <translation>Toutes les étiquettes</translation>
    </message>
    <message>
        <source>All organisations</source>
        <translation>Tous les organismes</translation>
    </message>
    <message>
        <source>“%1”</source>
        <translation>«&#xa0;%1&#xa0;»</translation>
    </message>
</context>
<context>
    <name>ContactsModel</name>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Organisation / outlet</source>
        <translation>Organisme / média</translation>
    </message>
    <message>
        <source>Job title</source>
        <translation>Fonction</translation>
    </message>
    <message>
        <source>Main email</source>
        <translation>Courriel principal</translation>
    </message>
    <message>
        <source>Main phone</source>
        <translation>Téléphone principal</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Étiquettes</translation>
    </message>
    <message>
        <source>Last release received</source>
        <translation>Dernier communiqué reçu</translation>
    </message>
    <message>
        <source>Opted out: receives nothing from the press office</source>
        <translation>Désinscrit&#xa0;: ne reçoit plus rien du service de presse</translation>
    </message>
    <message>
        <source>The last press release sent to this contact</source>
        <translation>Le dernier communiqué de presse envoyé à ce contact</translation>
    </message>
    <message>
        <source>Opted out</source>
        <translation>Désinscrit</translation>
    </message>
    <message>
        <source>%1 (archived)</source>
        <translation>%1 (archivé)</translation>
    </message>
</context>
<context>
    <name>ContactsView</name>
    <message>
        <source>Contacts</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>Add to list</source>
        <translation>Ajouter à une liste</translation>
    </message>
    <message>
        <source>Add the selected contacts to a list</source>
        <translation>Ajouter les contacts sélectionnés à une liste de diffusion</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Étiqueter</translation>
    </message>
    <message>
        <source>Give the selected contacts a tag</source>
        <translation>Donner une étiquette aux contacts sélectionnés</translation>
    </message>
    <message>
        <source>Untag</source>
        <translation>Retirer une étiquette</translation>
    </message>
    <message>
        <source>Remove a tag from the selected contacts</source>
        <translation>Retirer une étiquette des contacts sélectionnés</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>Archiver</translation>
    </message>
    <message>
        <source>Hide the selected contacts from the lists</source>
        <translation>Masquer les contacts sélectionnés des listes</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Delete the selected contacts (undoable)</source>
        <translation>Supprimer les contacts sélectionnés (annulable)</translation>
    </message>
    <message>
        <source>Copy emails</source>
        <translation>Copier les courriels</translation>
    </message>
    <message>
        <source>Copy the addresses for the Bcc field of a message; opted-out people excluded</source>
        <translation>Copier les adresses pour le champ Cci d’un message&#xa0;; les personnes désinscrites sont exclues</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exporter…</translation>
    </message>
    <message>
        <source>Export the selected contacts to a file</source>
        <translation>Exporter les contacts sélectionnés dans un fichier</translation>
    </message>
    <message>
        <source>Find duplicates</source>
        <translation>Rechercher les doublons</translation>
    </message>
    <message>
        <source>Find duplicates: contacts entered twice, to merge or tell apart</source>
        <translation>Rechercher les doublons : les contacts saisis deux fois, à fusionner ou à distinguer</translation>
    </message>
    <message>
        <source>Clear the selection</source>
        <translation>Annuler la sélection</translation>
    </message>
    <message>
        <source>No contacts yet</source>
        <translation>Aucun contact pour l’instant</translation>
    </message>
    <message>
        <source>Import your address book from a vCard or Excel file, create a contact, or load the demonstration data to try the desk out.</source>
        <translation>Importez votre carnet d’adresses depuis un fichier vCard ou Excel, créez un contact, ou chargez les données de démonstration pour découvrir l’application.</translation>
    </message>
    <message>
        <source>Import contacts…</source>
        <translation>Importer des contacts…</translation>
    </message>
    <message>
        <source>New contact</source>
        <translation>Nouveau contact</translation>
    </message>
    <message>
        <source>Load the demonstration data</source>
        <translation>Charger les données de démonstration</translation>
    </message>
    <message>
        <source>No contact matches</source>
        <translation>Aucun contact ne correspond</translation>
    </message>
    <message>
        <source>Clear the search and filters</source>
        <translation>Effacer la recherche et les filtres</translation>
    </message>
    <message>
        <source>This column cannot be sorted</source>
        <translation>Cette colonne ne peut pas être triée</translation>
    </message>
    <message>
        <source>Nothing matches %1.</source>
        <translation>Rien ne correspond à %1.</translation>
    </message>
    <message>
        <source>The contacts could not be read: %1</source>
        <translation>Les contacts n’ont pas pu être lus&#xa0;: %1</translation>
    </message>
    <message>
        <source>%1 selected</source>
        <comment>one</comment>
        <translation>%1 sélectionné</translation>
    </message>
    <message>
        <source>%1 contact added to “%2”</source>
        <translation>%1 contact ajouté à «&#xa0;%2&#xa0;»</translation>
    </message>
    <message>
        <source>%1 contacts added to “%2”</source>
        <translation>%1 contacts ajoutés à «&#xa0;%2&#xa0;»</translation>
    </message>
    <message>
        <source>Delete %1 contact?</source>
        <translation>Supprimer %1 contact&#xa0;?</translation>
    </message>
    <message>
        <source>Delete %1 contacts?</source>
        <translation>Supprimer %1 contacts&#xa0;?</translation>
    </message>
    <message>
        <source>%1 selected</source>
        <comment>many</comment>
        <translation>%1 sélectionnés</translation>
    </message>
    <message>
        <source>No selection</source>
        <translation>Aucune sélection</translation>
    </message>
    <message>
        <source>Unarchive</source>
        <translation>Désarchiver</translation>
    </message>
    <message>
        <source>%1 contact shown</source>
        <translation>%1 contact affiché</translation>
    </message>
    <message>
        <source>%1 contacts shown</source>
        <translation>%1 contacts affichés</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 sur %2</translation>
    </message>
    <message>
        <source>Contact saved</source>
        <translation>Contact enregistré</translation>
    </message>
    <message>
        <source>Nothing was changed: %1</source>
        <translation>Rien n’a été modifié&#xa0;: %1</translation>
    </message>
    <message>
        <source>Nothing was changed</source>
        <translation>Rien n’a été modifié</translation>
    </message>
    <message>
        <source>New list…</source>
        <translation>Nouvelle liste…</translation>
    </message>
    <message>
        <source>New tag…</source>
        <translation>Nouvelle étiquette…</translation>
    </message>
    <message>
        <source>No tag yet</source>
        <translation>Aucune étiquette pour l’instant</translation>
    </message>
    <message>
        <source>New distribution list</source>
        <translation>Nouvelle liste de diffusion</translation>
    </message>
    <message>
        <source>Name of the list:</source>
        <translation>Nom de la liste&#xa0;:</translation>
    </message>
    <message>
        <source>New tag</source>
        <translation>Nouvelle étiquette</translation>
    </message>
    <message>
        <source>Name of the tag:</source>
        <translation>Nom de l’étiquette&#xa0;:</translation>
    </message>
    <message>
        <source>(%1 was already there)</source>
        <translation>(%1 y figurait déjà)</translation>
    </message>
    <message>
        <source>(%1 were already there)</source>
        <translation>(%1 y figuraient déjà)</translation>
    </message>
    <message>
        <source>Delete the contact “%1”?</source>
        <translation>Supprimer le contact «&#xa0;%1&#xa0;»&#xa0;?</translation>
    </message>
    <message>
        <source>Delete contacts</source>
        <translation>Supprimer des contacts</translation>
    </message>
    <message>
        <source>You can undo it with Edit &gt; Undo (%1) while the desk stays open.</source>
        <translation>Vous pourrez revenir en arrière avec Édition &gt; Annuler (%1) tant que l’application reste ouverte.</translation>
    </message>
    <message>
        <source>%1 address copied</source>
        <translation>%1 adresse copiée</translation>
    </message>
    <message>
        <source>%1 addresses copied</source>
        <translation>%1 adresses copiées</translation>
    </message>
    <message>
        <source>%1 opted-out contact left out</source>
        <translation>%1 contact désinscrit exclu</translation>
    </message>
    <message>
        <source>%1 opted-out contacts left out</source>
        <translation>%1 contacts désinscrits exclus</translation>
    </message>
    <message>
        <source>%1 without an address</source>
        <translation>%1 sans adresse</translation>
    </message>
    <message>
        <source>%1 without addresses</source>
        <translation>%1 sans adresse</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Modifier</translation>
    </message>
    <message>
        <source>Merge…</source>
        <translation>Fusionner…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Supprimer…</translation>
    </message>
</context>
<context>
    <name>DatabaseOpening</name>
    <message>
        <source>The database cannot be opened</source>
        <translation>Impossible d’ouvrir la base de données</translation>
    </message>
    <message>
        <source>The database “%1” was made by a newer version of FIAC Press Desk.</source>
        <translation>La base «&#xa0;%1&#xa0;» a été créée par une version plus récente de FIAC Press Desk.</translation>
    </message>
    <message>
        <source>Install the latest version of the application to open it; it was not changed.</source>
        <translation>Installez la dernière version de l’application pour l’ouvrir&#xa0;; la base n’a pas été modifiée.</translation>
    </message>
    <message>
        <source>The database “%1” is read-only.</source>
        <translation>La base «&#xa0;%1&#xa0;» est en lecture seule.</translation>
    </message>
    <message>
        <source>The desk needs to write to its database. Check the rights on the file and its folder, or copy it to a folder of yours.</source>
        <translation>L’application doit pouvoir écrire dans sa base. Vérifiez les droits sur le fichier et sur son dossier, ou copiez-le dans un de vos dossiers.</translation>
    </message>
    <message>
        <source>The database “%1” is in use by another program.</source>
        <translation>La base «&#xa0;%1&#xa0;» est utilisée par un autre programme.</translation>
    </message>
    <message>
        <source>Close the other FIAC Press Desk window or the program using the file, then try again.</source>
        <translation>Fermez l’autre fenêtre de FIAC Press Desk ou le programme qui utilise le fichier, puis réessayez.</translation>
    </message>
    <message>
        <source>“%1” is a database, but not a FIAC Press Desk one.</source>
        <translation>«&#xa0;%1&#xa0;» est une base de données, mais pas une base FIAC Press Desk.</translation>
    </message>
    <message>
        <source>Choose the desk&apos;s own database file, or create a new one.</source>
        <translation>Choisissez le fichier de base de l’application, ou créez-en un nouveau.</translation>
    </message>
    <message>
        <source>You are not allowed to read “%1”.</source>
        <translation>Vous n’avez pas le droit de lire «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>Check the rights on the file, or ask whoever manages this workstation.</source>
        <translation>Vérifiez les droits sur le fichier, ou demandez à la personne qui gère ce poste.</translation>
    </message>
    <message>
        <source>“%1” is damaged or is not a database file.</source>
        <translation>«&#xa0;%1&#xa0;» est endommagé ou n’est pas un fichier de base de données.</translation>
    </message>
    <message>
        <source>Restore a backup copy (the desk keeps one before each update, in its backups folder), or create a new database.</source>
        <translation>Restaurez une copie de sauvegarde (l’application en garde une avant chaque mise à jour, dans son dossier de sauvegardes), ou créez une nouvelle base.</translation>
    </message>
    <message>
        <source>The database “%1” could not be opened.</source>
        <translation>La base «&#xa0;%1&#xa0;» n’a pas pu être ouverte.</translation>
    </message>
    <message>
        <source>Check that the file or server is reachable, then try again.</source>
        <translation>Vérifiez que le fichier ou le serveur est accessible, puis réessayez.</translation>
    </message>
    <message>
        <source>Open another database…</source>
        <translation>Ouvrir une autre base…</translation>
    </message>
    <message>
        <source>Create a new database…</source>
        <translation>Créer une nouvelle base…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
    <message>
        <source>Press desk databases (%1);;All files (*)</source>
        <translation>Bases FIAC Press Desk (%1);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Create a new database</source>
        <translation>Créer une nouvelle base</translation>
    </message>
    <message>
        <source>Open a database</source>
        <translation>Ouvrir une base</translation>
    </message>
</context>
<context>
    <name>Formatting</name>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <source>%1 h %2</source>
        <translation>%1 h %2</translation>
    </message>
    <message>
        <source>%1 d</source>
        <translation>%1 j</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 j %2 h</translation>
    </message>
    <message>
        <source>%1 month</source>
        <translation>%1 mois</translation>
    </message>
    <message>
        <source>%1 months</source>
        <translation>%1 mois</translation>
    </message>
    <message>
        <source>%1 year</source>
        <translation>%1 an</translation>
    </message>
    <message>
        <source>%1 years</source>
        <translation>%1 ans</translation>
    </message>
    <message>
        <source>No deadline</source>
        <translation>Sans échéance</translation>
    </message>
    <message>
        <source>Overdue by %1</source>
        <translation>En retard de %1</translation>
    </message>
    <message>
        <source>Due in %1</source>
        <translation>À rendre dans %1</translation>
    </message>
    <message>
        <source>Due today at %1</source>
        <translation>À rendre aujourd&apos;hui à %1</translation>
    </message>
    <message>
        <source>Due tomorrow at %1</source>
        <translation>À rendre demain à %1</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 octets</translation>
    </message>
    <message>
        <source>%1 KB</source>
        <translation>%1 Ko</translation>
    </message>
    <message>
        <source>%1 MB</source>
        <translation>%1 Mo</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Journalist</source>
        <translation>Journaliste</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>Partenaire</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Autre</translation>
    </message>
    <message>
        <source>Daily press</source>
        <translation>Presse quotidienne</translation>
    </message>
    <message>
        <source>Weekly</source>
        <translation>Hebdomadaire</translation>
    </message>
    <message>
        <source>Magazine</source>
        <translation>Magazine</translation>
    </message>
    <message>
        <source>Television</source>
        <translation>Télévision</translation>
    </message>
    <message>
        <source>Radio</source>
        <translation>Radio</translation>
    </message>
    <message>
        <source>Web</source>
        <translation>Web</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>Agence</translation>
    </message>
    <message>
        <source>Hospital</source>
        <translation>Hôpital</translation>
    </message>
    <message>
        <source>Research institute</source>
        <translation>Institut de recherche</translation>
    </message>
    <message>
        <source>University</source>
        <translation>Université</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Entreprise</translation>
    </message>
    <message>
        <source>Public body</source>
        <translation>Organisme public</translation>
    </message>
    <message>
        <source>Association</source>
        <translation>Association</translation>
    </message>
    <message>
        <source>Legitimate interest</source>
        <translation>Intérêt légitime</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Consentement</translation>
    </message>
    <message>
        <source>Contract</source>
        <translation>Contrat</translation>
    </message>
    <message>
        <source>Public task</source>
        <translation>Mission d&apos;intérêt public</translation>
    </message>
    <message>
        <source>Formal</source>
        <translation>Formelle</translation>
    </message>
    <message>
        <source>Informal</source>
        <translation>Informelle</translation>
    </message>
    <message>
        <source>work</source>
        <translation>travail</translation>
    </message>
    <message>
        <source>home</source>
        <translation>domicile</translation>
    </message>
    <message>
        <source>other</source>
        <translation>autre</translation>
    </message>
    <message>
        <source>mobile</source>
        <translation>mobile</translation>
    </message>
    <message>
        <source>switchboard</source>
        <translation>standard</translation>
    </message>
    <message>
        <source>fax</source>
        <translation>fax</translation>
    </message>
    <message>
        <source>website</source>
        <translation>site web</translation>
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
        <source>German</source>
        <translation>Allemand</translation>
    </message>
    <message>
        <source>Spanish</source>
        <translation>Espagnol</translation>
    </message>
    <message>
        <source>Italian</source>
        <translation>Italien</translation>
    </message>
    <message>
        <source>Dutch</source>
        <translation>Néerlandais</translation>
    </message>
    <message>
        <source>Portuguese</source>
        <translation>Portugais</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Brouillon</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Prêt</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Envoyé</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>En attente</translation>
    </message>
    <message>
        <source>To check</source>
        <translation>À vérifier</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Refusé</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>Enregistré</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Courriel</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>Courrier postal</translation>
    </message>
    <message>
        <source>By hand</source>
        <translation>En main propre</translation>
    </message>
    <message>
        <source>Press kit at an event</source>
        <translation>Dossier de presse</translation>
    </message>
    <message>
        <source>Skipped: opted out</source>
        <translation>Ignoré : désinscrit</translation>
    </message>
    <message>
        <source>Skipped: archived</source>
        <translation>Ignoré : archivé</translation>
    </message>
    <message>
        <source>Skipped: already received</source>
        <translation>Ignoré : déjà reçu</translation>
    </message>
    <message>
        <source>Skipped: interrupted sending, to check</source>
        <translation>Ignoré : envoi interrompu, à vérifier</translation>
    </message>
    <message>
        <source>Skipped: no address</source>
        <translation>Ignoré : pas d&apos;adresse</translation>
    </message>
    <message>
        <source>Skipped: same address as another recipient</source>
        <translation>Ignoré : même adresse qu&apos;un autre destinataire</translation>
    </message>
    <message>
        <source>%1 opted out</source>
        <comment>one</comment>
        <translation>%1 désinscrit</translation>
    </message>
    <message>
        <source>%1 opted out</source>
        <comment>many</comment>
        <translation>%1 désinscrits</translation>
    </message>
    <message>
        <source>%1 archived</source>
        <comment>one</comment>
        <translation>%1 archivé</translation>
    </message>
    <message>
        <source>%1 archived</source>
        <comment>many</comment>
        <translation>%1 archivés</translation>
    </message>
    <message>
        <source>%1 already received</source>
        <comment>one</comment>
        <translation>%1 l&apos;a déjà reçu</translation>
    </message>
    <message>
        <source>%1 already received</source>
        <comment>many</comment>
        <translation>%1 l&apos;ont déjà reçu</translation>
    </message>
    <message>
        <source>%1 to check</source>
        <comment>one</comment>
        <translation>%1 à vérifier</translation>
    </message>
    <message>
        <source>%1 to check</source>
        <comment>many</comment>
        <translation>%1 à vérifier</translation>
    </message>
    <message>
        <source>%1 without address</source>
        <comment>one</comment>
        <translation>%1 sans adresse</translation>
    </message>
    <message>
        <source>%1 without address</source>
        <comment>many</comment>
        <translation>%1 sans adresse</translation>
    </message>
    <message>
        <source>%1 duplicate address</source>
        <comment>one</comment>
        <translation>%1 adresse en double</translation>
    </message>
    <message>
        <source>%1 duplicate address</source>
        <comment>many</comment>
        <translation>%1 adresses en double</translation>
    </message>
    <message>
        <source>Will receive</source>
        <translation>Recevra</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Nouvelle</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>En cours</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Répondue</translation>
    </message>
    <message>
        <source>Declined</source>
        <translation>Déclinée</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>Social network</source>
        <translation>Réseau social</translation>
    </message>
    <message>
        <source>In person</source>
        <translation>En personne</translation>
    </message>
    <message>
        <source>Web form</source>
        <translation>Formulaire web</translation>
    </message>
    <message>
        <source>Interview</source>
        <translation>Interview</translation>
    </message>
    <message>
        <source>Information</source>
        <translation>Information</translation>
    </message>
    <message>
        <source>Figures, data</source>
        <translation>Chiffres, données</translation>
    </message>
    <message>
        <source>Visuals</source>
        <translation>Visuels</translation>
    </message>
    <message>
        <source>Invitation</source>
        <translation>Invitation</translation>
    </message>
    <message>
        <source>Fact-check</source>
        <translation>Vérification</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Basse</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>Normale</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Haute</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>Urgente</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>En retard</translation>
    </message>
    <message>
        <source>Due within hours</source>
        <translation>À rendre dans les prochaines heures</translation>
    </message>
    <message>
        <source>Due today</source>
        <translation>Échéance aujourd&apos;hui</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Plus tard</translation>
    </message>
    <message>
        <source>No deadline</source>
        <translation>Sans échéance</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Terminée</translation>
    </message>
    <message>
        <source>%1 · %2 priority</source>
        <translation>%1 · priorité %2</translation>
    </message>
    <message>
        <source>Update</source>
        <translation>Mise à jour</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>Inchangée</translation>
    </message>
    <message>
        <source>Possible duplicate</source>
        <translation>Doublon probable</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Créer</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>Ignorer</translation>
    </message>
    <message>
        <source>Applied</source>
        <translation>Appliqué</translation>
    </message>
    <message>
        <source>Undone</source>
        <translation>Annulé</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Civility</source>
        <translation>Civilité</translation>
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
        <source>Display name</source>
        <translation>Nom affiché</translation>
    </message>
    <message>
        <source>Middle names</source>
        <translation>Autres prénoms</translation>
    </message>
    <message>
        <source>Name prefix</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Name suffix</source>
        <translation>Suffixe</translation>
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
        <source>Organisation</source>
        <translation>Organisme</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Emails</source>
        <translation>Adresses électroniques</translation>
    </message>
    <message>
        <source>Phones</source>
        <translation>Téléphones</translation>
    </message>
    <message>
        <source>Addresses</source>
        <translation>Adresses</translation>
    </message>
    <message>
        <source>Web links</source>
        <translation>Liens web</translation>
    </message>
    <message>
        <source>Beats</source>
        <translation>Thématiques</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Étiquettes</translation>
    </message>
    <message>
        <source>Lists</source>
        <translation>Listes</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
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
        <source>Photo</source>
        <translation>Photo</translation>
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
        <source>Opt-out</source>
        <translation>Désinscription</translation>
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
        <source>Archived</source>
        <translation>Archivé</translation>
    </message>
    <message>
        <source>Salutation</source>
        <translation>Formule d&apos;appel</translation>
    </message>
    <message>
        <source>vCard UID</source>
        <translation>UID vCard</translation>
    </message>
    <message>
        <source>Other vCard properties</source>
        <translation>Autres propriétés vCard</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Référence</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Embargo</source>
        <translation>Embargo</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Standfirst</source>
        <translation>Chapô</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texte</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Pièces jointes</translation>
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
        <source>Outlet</source>
        <translation>Média</translation>
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
        <source>Deadline</source>
        <translation>Échéance</translation>
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
        <source>Linked release</source>
        <translation>Communiqué lié</translation>
    </message>
    <message>
        <source>Answer notes</source>
        <translation>Notes de réponse</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Issue</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Opening the database…</source>
        <translation>Ouverture de la base de données…</translation>
    </message>
    <message>
        <source>&amp;New contact</source>
        <translation>&amp;Nouveau contact</translation>
    </message>
    <message>
        <source>Create a contact</source>
        <translation>Créer un contact</translation>
    </message>
    <message>
        <source>&amp;Quick enquiry capture…</source>
        <translation>&amp;Saisie rapide d’une demande…</translation>
    </message>
    <message>
        <source>Log an incoming press enquiry</source>
        <translation>Noter une demande presse reçue</translation>
    </message>
    <message>
        <source>&amp;Import contacts…</source>
        <translation>&amp;Importer des contacts…</translation>
    </message>
    <message>
        <source>Import contacts from vCard, Excel, OpenDocument or CSV files</source>
        <translation>Importer des contacts depuis des fichiers vCard, Excel, OpenDocument ou CSV</translation>
    </message>
    <message>
        <source>Import &amp;history…</source>
        <translation>&amp;Historique des imports…</translation>
    </message>
    <message>
        <source>See past imports and undo one</source>
        <translation>Voir les imports passés et en annuler un</translation>
    </message>
    <message>
        <source>&amp;Export contacts…</source>
        <translation>&amp;Exporter les contacts…</translation>
    </message>
    <message>
        <source>Export contacts to vCard, Excel, CSV or JSON</source>
        <translation>Exporter les contacts en vCard, Excel, CSV ou JSON</translation>
    </message>
    <message>
        <source>Load the &amp;demonstration data</source>
        <translation>Charger les &amp;données de démonstration</translation>
    </message>
    <message>
        <source>Fill the database with fictional contacts, releases and enquiries</source>
        <translation>Remplir la base avec des contacts, communiqués et demandes fictifs</translation>
    </message>
    <message>
        <source>&amp;Restore a backup…</source>
        <translation>&amp;Restaurer une sauvegarde…</translation>
    </message>
    <message>
        <source>Put the database back as it was in one of its automatic backups</source>
        <translation>Remettre la base dans l&apos;état d&apos;une de ses sauvegardes automatiques</translation>
    </message>
    <message>
        <source>&amp;Shared database…</source>
        <translation>&amp;Base partagée…</translation>
    </message>
    <message>
        <source>Work with colleagues on one PostgreSQL database, or back on the local file</source>
        <translation>Travailler avec vos collègues sur une même base PostgreSQL, ou revenir au fichier local</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Rétablir</translation>
    </message>
    <message>
        <source>&amp;Edit contact</source>
        <translation>&amp;Modifier le contact</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Supprimer…</translation>
    </message>
    <message>
        <source>Delete the selected contacts</source>
        <translation>Supprimer les contacts sélectionnés</translation>
    </message>
    <message>
        <source>&amp;Archive</source>
        <translation>&amp;Archiver</translation>
    </message>
    <message>
        <source>&amp;Copy emails</source>
        <translation>&amp;Copier les courriels</translation>
    </message>
    <message>
        <source>Copy the selected contacts&apos; addresses, ready for a Bcc field</source>
        <translation>Copier les adresses des contacts sélectionnés, prêtes pour le champ Cci</translation>
    </message>
    <message>
        <source>&amp;Find contacts</source>
        <translation>&amp;Rechercher</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Préférences…</translation>
    </message>
    <message>
        <source>Your name, time zone, language, sending, backups, data protection officer</source>
        <translation>Votre nom, fuseau horaire, langue, envoi, sauvegardes, délégué à la protection des données</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualiser</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Raccourcis clavier</translation>
    </message>
    <message>
        <source>&amp;About FIAC Press Desk</source>
        <translation>À &amp;propos de FIAC Press Desk</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>À propos de &amp;Qt</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Tableau de bord</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>Organisations</source>
        <translation>Organisations</translation>
    </message>
    <message>
        <source>Press releases</source>
        <translation>Communiqués</translation>
    </message>
    <message>
        <source>Press enquiries</source>
        <translation>Demandes presse</translation>
    </message>
    <message>
        <source>Press coverage</source>
        <translation>Retombées presse</translation>
    </message>
    <message>
        <source>Duplicates</source>
        <translation>Doublons</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Édition</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Aid&amp;e</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Barre d’outils principale</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>Base de données&#xa0;: %1</translation>
    </message>
    <message>
        <source>This page could not be opened: %1</source>
        <translation>Cette page n’a pas pu s’ouvrir&#xa0;: %1</translation>
    </message>
    <message>
        <source>Database updated; a copy of the previous version: %1</source>
        <translation>Base mise à jour&#xa0;; copie de la version précédente&#xa0;: %1</translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <translation>Un problème est survenu</translation>
    </message>
    <message>
        <source>Import contacts</source>
        <translation>Importer des contacts</translation>
    </message>
    <message>
        <source>Contact files (%1);;All files (*)</source>
        <translation>Fichiers de contacts (%1);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Load the demonstration data</source>
        <translation>Charger les données de démonstration</translation>
    </message>
    <message>
        <source>The database already holds contacts. Add the fictional demonstration contacts, releases and enquiries to them?</source>
        <translation>La base contient déjà des contacts. Y ajouter les contacts, communiqués et demandes fictifs de démonstration&#xa0;?</translation>
    </message>
    <message>
        <source>Loading the demonstration data…</source>
        <translation>Chargement des données de démonstration…</translation>
    </message>
    <message>
        <source>Demonstration data loaded: %1 contacts, %2 organisations, %3 lists, %4 releases, %5 enquiries</source>
        <translation>Données de démonstration chargées&#xa0;: %1 contacts, %2 organismes, %3 listes, %4 communiqués, %5 demandes</translation>
    </message>
    <message>
        <source>About FIAC Press Desk</source>
        <translation>À propos de FIAC Press Desk</translation>
    </message>
    <message>
        <source>Press relations desk of the FIAC press office: contacts, distribution lists, press releases and press enquiries. Personal data stay on this workstation.</source>
        <translation>Le bureau des relations presse du service de presse de la FIAC&#xa0;: contacts, listes de diffusion, communiqués et demandes presse. Les données personnelles restent sur ce poste.</translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <source>Navigation</source>
        <translation>Navigation</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Tableau de bord</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>Organisations</source>
        <translation>Organisations</translation>
    </message>
    <message>
        <source>Press releases</source>
        <translation>Communiqués</translation>
    </message>
    <message>
        <source>Press enquiries</source>
        <translation>Demandes presse</translation>
    </message>
    <message>
        <source>Press coverage</source>
        <translation>Retombées presse</translation>
    </message>
    <message>
        <source>Duplicates</source>
        <translation>Doublons</translation>
    </message>
    <message>
        <source>Distribution lists</source>
        <translation>Listes de diffusion</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Étiquettes</translation>
    </message>
    <message>
        <source>No list yet</source>
        <translation>Aucune liste pour l’instant</translation>
    </message>
    <message>
        <source>New list…</source>
        <translation>Nouvelle liste…</translation>
    </message>
    <message>
        <source>Create a distribution list</source>
        <translation>Créer une liste de diffusion</translation>
    </message>
    <message>
        <source>No tag yet</source>
        <translation>Aucune étiquette pour l’instant</translation>
    </message>
    <message>
        <source>%1 — drop contacts here to add them</source>
        <translation>%1 — déposez des contacts ici pour les ajouter</translation>
    </message>
    <message>
        <source>New tag…</source>
        <translation>Nouvelle étiquette…</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Renommer…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Supprimer…</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Non enregistré</translation>
    </message>
    <message>
        <source>New distribution list</source>
        <translation>Nouvelle liste de diffusion</translation>
    </message>
    <message>
        <source>Name of the list:</source>
        <translation>Nom de la liste&#xa0;:</translation>
    </message>
    <message>
        <source>New tag</source>
        <translation>Nouvelle étiquette</translation>
    </message>
    <message>
        <source>Name of the tag:</source>
        <translation>Nom de l’étiquette&#xa0;:</translation>
    </message>
    <message>
        <source>Rename the list</source>
        <translation>Renommer la liste</translation>
    </message>
    <message>
        <source>Rename the tag</source>
        <translation>Renommer l’étiquette</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>Nouveau nom&#xa0;:</translation>
    </message>
    <message>
        <source>Delete the distribution list “%1”? The contacts stay, only the list goes.</source>
        <translation>Supprimer la liste de diffusion «&#xa0;%1&#xa0;»&#xa0;? Les contacts restent, seule la liste disparaît.</translation>
    </message>
    <message>
        <source>Delete the tag “%1”? It is removed from every contact.</source>
        <translation>Supprimer l’étiquette «&#xa0;%1&#xa0;»&#xa0;? Elle est retirée de tous les contacts.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
</context>
</TS>
