<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>AddressRow</name>
    <message>
        <source>Number and street</source>
        <translation>Numéro et rue</translation>
    </message>
    <message>
        <source>Building, floor, department…</source>
        <translation>Bâtiment, étage, service…</translation>
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
        <source>Remove this address</source>
        <translation>Retirer cette adresse</translation>
    </message>
</context>
<context>
    <name>AddressesEditor</name>
    <message>
        <source>Add a postal address</source>
        <translation>Ajouter une adresse postale</translation>
    </message>
</context>
<context>
    <name>BirthdayEdit</name>
    <message>
        <source>dd/mm/yyyy, or dd/mm if the year is unknown</source>
        <translation>jj/mm/aaaa, ou jj/mm si l&apos;année est inconnue</translation>
    </message>
</context>
<context>
    <name>Chip</name>
    <message>
        <source>Remove “%1”</source>
        <translation>Retirer « %1 »</translation>
    </message>
</context>
<context>
    <name>ContactCard</name>
    <message>
        <source>Opted out on %1: this person receives nothing.</source>
        <translation>Désinscrit le %1 : cette personne ne reçoit plus rien.</translation>
    </message>
    <message>
        <source>Opted out: this person receives nothing.</source>
        <translation>Désinscrit : cette personne ne reçoit plus rien.</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>Motif : %1</translation>
    </message>
    <message>
        <source>Contact details</source>
        <translation>Coordonnées</translation>
    </message>
    <message>
        <source>email</source>
        <translation>courriel</translation>
    </message>
    <message>
        <source>phone</source>
        <translation>téléphone</translation>
    </message>
    <message>
        <source>PO box %1</source>
        <translation>BP %1</translation>
    </message>
    <message>
        <source>address</source>
        <translation>adresse</translation>
    </message>
    <message>
        <source>link</source>
        <translation>lien</translation>
    </message>
    <message>
        <source>No email, phone or address yet. Click Edit to add them.</source>
        <translation>Aucun courriel, téléphone ni adresse pour l&apos;instant. Cliquez sur Modifier pour en ajouter.</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Fonction</translation>
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
        <source>Job title</source>
        <translation>Fonction</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <source>Beats</source>
        <translation>Thématiques</translation>
    </message>
    <message>
        <source>Tags and lists</source>
        <translation>Étiquettes et listes</translation>
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
        <source>Correspondence</source>
        <translation>Correspondance</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>Salutation</source>
        <translation>Formule d&apos;appel</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>Anniversaire</translation>
    </message>
    <message>
        <source>Personal data (GDPR)</source>
        <translation>Données personnelles (RGPD)</translation>
    </message>
    <message>
        <source>Lawful basis</source>
        <translation>Base légale</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>Archivé</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Créé le</translation>
    </message>
    <message>
        <source>Modified</source>
        <translation>Modifié le</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
</context>
<context>
    <name>ContactDetailPanel</name>
    <message>
        <source>Details</source>
        <translation>Fiche</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <source>Personal data</source>
        <translation>Données personnelles</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Save the contact (Ctrl+S)</source>
        <translation>Enregistrer le contact (Ctrl+S)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Forget the changes (Esc)</source>
        <translation>Abandonner les modifications (Échap)</translation>
    </message>
    <message>
        <source>Save the contact being edited</source>
        <translation>Enregistrer le contact en cours de modification</translation>
    </message>
    <message>
        <source>Cancel the edits of the contact</source>
        <translation>Annuler les modifications du contact</translation>
    </message>
    <message>
        <source>Select a contact in the list to see their details and history,
or create a new one (Ctrl+N).</source>
        <translation>Sélectionnez un contact dans la liste pour voir sa fiche et son historique,
ou créez-en un nouveau (Ctrl+N).</translation>
    </message>
    <message>
        <source>New contact</source>
        <translation>Nouveau contact</translation>
    </message>
    <message>
        <source>This contact no longer exists (deleted meanwhile?): %1</source>
        <translation>Ce contact n&apos;existe plus (supprimé entre-temps ?) : %1</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Modifications non enregistrées</translation>
    </message>
    <message>
        <source>The changes to “%1” are not saved.</source>
        <translation>Les modifications de « %1 » ne sont pas enregistrées.</translation>
    </message>
    <message>
        <source>new contact</source>
        <translation>nouveau contact</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Abandonner</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>Continuer la saisie</translation>
    </message>
    <message>
        <source>History (%1)</source>
        <translation>Historique (%1)</translation>
    </message>
</context>
<context>
    <name>ContactForm</name>
    <message>
        <source>Identity</source>
        <translation>Identité</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Civility</source>
        <translation>Civilité</translation>
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
        <source>Display name</source>
        <translation>Nom affiché</translation>
    </message>
    <message>
        <source>Leave empty to show first and last name.</source>
        <translation>Laissez vide pour afficher le prénom et le nom.</translation>
    </message>
    <message>
        <source>Other parts of the name…</source>
        <translation>Autres éléments du nom…</translation>
    </message>
    <message>
        <source>Middle names</source>
        <translation>Autres prénoms</translation>
    </message>
    <message>
        <source>Name prefix</source>
        <translation>Préfixe du nom</translation>
    </message>
    <message>
        <source>Name suffix</source>
        <translation>Suffixe du nom</translation>
    </message>
    <message>
        <source>Position and organisation</source>
        <translation>Fonction et organisme</translation>
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
        <source>Desk, section, team</source>
        <translation>Rédaction, rubrique, équipe</translation>
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
        <source>e.g. spokesperson, health desk head</source>
        <translation>ex. : porte-parole, cheffe de rubrique santé</translation>
    </message>
    <message>
        <source>Add a beat…</source>
        <translation>Ajouter une thématique…</translation>
    </message>
    <message>
        <source>Beats</source>
        <translation>Thématiques</translation>
    </message>
    <message>
        <source>Contact details</source>
        <translation>Coordonnées</translation>
    </message>
    <message>
        <source>Email addresses</source>
        <translation>Adresses électroniques</translation>
    </message>
    <message>
        <source>Phone numbers</source>
        <translation>Téléphones</translation>
    </message>
    <message>
        <source>Postal addresses</source>
        <translation>Adresses postales</translation>
    </message>
    <message>
        <source>Web links</source>
        <translation>Liens web</translation>
    </message>
    <message>
        <source>Tags and lists</source>
        <translation>Étiquettes et listes</translation>
    </message>
    <message>
        <source>Add a tag…</source>
        <translation>Ajouter une étiquette…</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Étiquettes</translation>
    </message>
    <message>
        <source>Add to a list…</source>
        <translation>Ajouter à une liste…</translation>
    </message>
    <message>
        <source>Distribution lists</source>
        <translation>Listes de diffusion</translation>
    </message>
    <message>
        <source>Correspondence</source>
        <translation>Correspondance</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>Salutation</source>
        <translation>Formule d&apos;appel</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>Anniversaire</translation>
    </message>
    <message>
        <source>Personal data (GDPR)</source>
        <translation>Données personnelles (RGPD)</translation>
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
        <source>Where these data come from (business card, event…)</source>
        <translation>D&apos;où viennent ces données (carte de visite, salon…)</translation>
    </message>
    <message>
        <source>Opted out: send this person nothing</source>
        <translation>Désinscrit : ne plus rien lui envoyer</translation>
    </message>
    <message>
        <source>Opt-out date</source>
        <translation>Date de désinscription</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>e.g. asked by email on 12 March</source>
        <translation>ex. : demande par courriel du 12 mars</translation>
    </message>
    <message>
        <source>Archived: hidden from the contact list</source>
        <translation>Archivé : masqué de la liste des contacts</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Anything worth remembering about this person</source>
        <translation>Tout ce qu&apos;il faut retenir sur cette personne</translation>
    </message>
    <message>
        <source>Messages open with: %1</source>
        <translation>Les messages commencent par : %1</translation>
    </message>
    <message numerus="yes">
        <source>%n other vCard properties kept as imported.</source>
        <translation>
            <numerusform>%n autre propriété vCard conservée telle qu&apos;importée.</numerusform>
            <numerusform>%n autres propriétés vCard conservées telles qu&apos;importées.</numerusform>
        </translation>
    </message>
    <message>
        <source>Identifier: %1</source>
        <translation>Identifiant : %1</translation>
    </message>
    <message>
        <source>Please correct the fields marked in red.</source>
        <translation>Corrigez les champs signalés en rouge.</translation>
    </message>
    <message>
        <source>The contact was not saved: %1</source>
        <translation>Le contact n&apos;a pas été enregistré : %1</translation>
    </message>
    <message>
        <source>The contact was not saved: please correct the field marked in red.</source>
        <translation>Le contact n&apos;a pas été enregistré : corrigez le champ signalé en rouge.</translation>
    </message>
    <message>
        <source>An email address contains no spaces.</source>
        <translation>Une adresse électronique ne contient pas d&apos;espace.</translation>
    </message>
    <message>
        <source>The “@” is missing (for example: firstname.name@example.fr).</source>
        <translation>Il manque le « @ » (par exemple : prenom.nom@exemple.fr).</translation>
    </message>
    <message>
        <source>An email address has only one “@”.</source>
        <translation>Une adresse électronique ne contient qu&apos;un seul « @ ».</translation>
    </message>
    <message>
        <source>The part before the “@” is missing.</source>
        <translation>Il manque la partie avant le « @ ».</translation>
    </message>
    <message>
        <source>The domain after the “@” is incomplete (for example: example.fr).</source>
        <translation>Le domaine après le « @ » est incomplet (par exemple : exemple.fr).</translation>
    </message>
    <message>
        <source>A phone number is made of digits (for example: 01 23 45 67 89).</source>
        <translation>Un numéro de téléphone se compose de chiffres (par exemple : 01 23 45 67 89).</translation>
    </message>
</context>
<context>
    <name>ContactHeader</name>
    <message>
        <source>Edit</source>
        <translation>Modifier</translation>
    </message>
    <message>
        <source>Edit this contact (F2)</source>
        <translation>Modifier ce contact (F2)</translation>
    </message>
    <message>
        <source>New contact</source>
        <translation>Nouveau contact</translation>
    </message>
    <message>
        <source>Unnamed contact</source>
        <translation>Contact sans nom</translation>
    </message>
    <message>
        <source>Opted out</source>
        <translation>Désinscrit</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>Archivé</translation>
    </message>
</context>
<context>
    <name>ContactHistoryView</name>
    <message>
        <source>Everything</source>
        <translation>Tout</translation>
    </message>
    <message>
        <source>Releases received</source>
        <translation>Communiqués reçus</translation>
    </message>
    <message>
        <source>Enquiries made</source>
        <translation>Demandes faites</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Afficher</translation>
    </message>
    <message numerus="yes">
        <source>%n release(s) received</source>
        <translation>
            <numerusform>%n communiqué reçu</numerusform>
            <numerusform>%n communiqués reçus</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n enquiry(ies) made</source>
        <translation>
            <numerusform>%n demande presse</numerusform>
            <numerusform>%n demandes presse</numerusform>
        </translation>
    </message>
    <message>
        <source>The history appears once the contact is saved.</source>
        <translation>L&apos;historique apparaît une fois le contact enregistré.</translation>
    </message>
    <message>
        <source>Nothing yet with this contact.

The releases sent to them and the press enquiries they make will be listed here, newest first.</source>
        <translation>Rien pour l&apos;instant avec ce contact.

Les communiqués qui lui sont envoyés et les demandes presse qu&apos;il fait s&apos;afficheront ici, les plus récents en premier.</translation>
    </message>
    <message>
        <source>No release sent to this contact yet.</source>
        <translation>Aucun communiqué envoyé à ce contact pour l&apos;instant.</translation>
    </message>
    <message>
        <source>No press enquiry from this contact yet.</source>
        <translation>Aucune demande presse de ce contact pour l&apos;instant.</translation>
    </message>
</context>
<context>
    <name>EmailsEditor</name>
    <message>
        <source>Add an email address</source>
        <translation>Ajouter une adresse électronique</translation>
    </message>
    <message>
        <source>firstname.name@example.fr</source>
        <translation>prenom.nom@exemple.fr</translation>
    </message>
    <message>
        <source>Remove this email address</source>
        <translation>Retirer cette adresse électronique</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <source>Release received</source>
        <translation>Communiqué reçu</translation>
    </message>
    <message>
        <source>Press enquiry</source>
        <translation>Demande presse</translation>
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
        <source>due %1</source>
        <translation>échéance le %1</translation>
    </message>
    <message>
        <source>about “%1”</source>
        <translation>au sujet de « %1 »</translation>
    </message>
</context>
<context>
    <name>ItemRow</name>
    <message>
        <source>Remove this line</source>
        <translation>Retirer cette ligne</translation>
    </message>
</context>
<context>
    <name>MergeOrganisationsDialog</name>
    <message>
        <source>Merge organisations</source>
        <translation>Fusionner des organismes</translation>
    </message>
    <message>
        <source>Merge two records of the same organisation. The contacts and press enquiries of the one that goes are moved to the one that stays.</source>
        <translation>Fusionnez deux fiches d&apos;un même organisme. Les contacts et les demandes presse de celui qui disparaît sont rattachés à celui qui reste.</translation>
    </message>
    <message>
        <source>Organisation kept</source>
        <translation>Organisme conservé</translation>
    </message>
    <message>
        <source>Merged into it</source>
        <translation>Absorbé par celui-ci</translation>
    </message>
    <message>
        <source>Keep the other one instead</source>
        <translation>Conserver plutôt l&apos;autre</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Fusionner</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Type or choose the organisation to merge</source>
        <translation>Tapez ou choisissez l’organisme à fusionner</translation>
    </message>
    <message numerus="yes">
        <source>%n contact(s)</source>
        <translation>
            <numerusform>%n contact</numerusform>
            <numerusform>%n contacts</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose the organisation to merge into “%1”.</source>
        <translation>Choisissez l’organisme à fusionner dans «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>There is no other organisation to merge.</source>
        <translation>Il n&apos;y a pas d&apos;autre organisme à fusionner.</translation>
    </message>
    <message>
        <source>“%1” will be deleted. Its %2 will be attached to “%3”; the fields “%3” lacks (website, email, phone, city, country) are taken from “%1”, and its notes are added.</source>
        <translation>« %1 » sera supprimé. Ses %2 seront rattachés à « %3 » ; les champs que « %3 » n&apos;a pas (site web, courriel, téléphone, ville, pays) sont repris de « %1 », et ses notes sont ajoutées.</translation>
    </message>
</context>
<context>
    <name>OrganisationCombo</name>
    <message>
        <source>Outlet or organisation</source>
        <translation>Média ou organisme</translation>
    </message>
    <message>
        <source>New organisation: “%1” will be created when you save.</source>
        <translation>Nouvel organisme : « %1 » sera créé à l&apos;enregistrement.</translation>
    </message>
    <message>
        <source>Will be attached to the existing “%1”.</source>
        <translation>Sera rattaché à l&apos;organisme existant « %1 ».</translation>
    </message>
</context>
<context>
    <name>OrganisationContactsModel</name>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Job title</source>
        <translation>Fonction</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Courriel</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>opted out</source>
        <translation>désinscrit</translation>
    </message>
    <message>
        <source>archived</source>
        <translation>archivé</translation>
    </message>
</context>
<context>
    <name>OrganisationDialog</name>
    <message>
        <source>New organisation</source>
        <translation>Nouvel organisme</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Créer</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>OrganisationForm</name>
    <message>
        <source>e.g. Le Quotidien de la Santé</source>
        <translation>ex. : Le Quotidien de la Santé</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>Site web</translation>
    </message>
    <message>
        <source>newsroom@example.fr</source>
        <translation>redaction@exemple.fr</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Courriel</translation>
    </message>
    <message>
        <source>01 23 45 67 89</source>
        <translation>01 23 45 67 89</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Ville</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Pays</translation>
    </message>
    <message>
        <source>Editorial line, who to call for what…</source>
        <translation>Ligne éditoriale, qui appeler pour quoi…</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
</context>
<context>
    <name>OrganisationTableModel</name>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Ville</translation>
    </message>
</context>
<context>
    <name>OrganisationsView</name>
    <message>
        <source>Search an organisation or a city…</source>
        <translation>Rechercher un organisme ou une ville…</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>Tous les types</translation>
    </message>
    <message>
        <source>New organisation…</source>
        <translation>Nouvel organisme…</translation>
    </message>
    <message>
        <source>Create an organisation</source>
        <translation>Créer un organisme</translation>
    </message>
    <message>
        <source>Select an organisation to see and edit it, and to list its contacts.</source>
        <translation>Sélectionnez un organisme pour voir et modifier sa fiche, et lister ses contacts.</translation>
    </message>
    <message>
        <source>Merge…</source>
        <translation>Fusionner…</translation>
    </message>
    <message>
        <source>Merge another organisation into this one</source>
        <translation>Fusionner un autre organisme dans celui-ci</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Supprimer…</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Fiche</translation>
    </message>
    <message>
        <source>No contact belongs to this organisation yet. Choose it in a contact&apos;s “Organisation” field to attach them.</source>
        <translation>Aucun contact n&apos;est rattaché à cet organisme. Choisissez-le dans le champ « Organisme » d&apos;un contact pour l&apos;y rattacher.</translation>
    </message>
    <message>
        <source>Show in the Contacts page</source>
        <translation>Afficher dans la page Contacts</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Non enregistré</translation>
    </message>
    <message>
        <source>Delete the organisation “%1”?</source>
        <translation>Supprimer l&apos;organisme « %1 » ?</translation>
    </message>
    <message numerus="yes">
        <source>Its %n contact(s) are kept, without organisation.</source>
        <translation>
            <numerusform>Son contact est conservé, sans organisme.</numerusform>
            <numerusform>Ses %n contacts sont conservés, sans organisme.</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete an organisation</source>
        <translation>Supprimer un organisme</translation>
    </message>
    <message numerus="yes">
        <source>%n contact(s)</source>
        <translation>
            <numerusform>%n contact</numerusform>
            <numerusform>%n contacts</numerusform>
        </translation>
    </message>
    <message>
        <source>Contacts (%1)</source>
        <translation>Contacts (%1)</translation>
    </message>
    <message>
        <source>Organisations</source>
        <translation>Organisations</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Modifications non enregistrées</translation>
    </message>
    <message>
        <source>The changes to this organisation are not saved. Discard them?</source>
        <translation>Les modifications de cet organisme ne sont pas enregistrées. Les abandonner ?</translation>
    </message>
    <message>
        <source>No organisation yet.

Create one with “New organisation…”, or import contacts: their organisations are created along the way.</source>
        <translation>Aucun organisme pour l&apos;instant.

Créez-en un avec « Nouvel organisme… », ou importez des contacts : leurs organismes sont créés au passage.</translation>
    </message>
    <message>
        <source>No organisation matches this search. Clear it to see them all.</source>
        <translation>Aucun organisme ne correspond à cette recherche. Effacez-la pour tous les voir.</translation>
    </message>
    <message numerus="yes">
        <source>%n organisation(s)</source>
        <translation>
            <numerusform>%n organisme</numerusform>
            <numerusform>%n organismes</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 organisations</source>
        <translation>%1 organismes sur %2</translation>
    </message>
</context>
<context>
    <name>PhonesEditor</name>
    <message>
        <source>Add a phone number</source>
        <translation>Ajouter un numéro de téléphone</translation>
    </message>
    <message>
        <source>01 23 45 67 89</source>
        <translation>01 23 45 67 89</translation>
    </message>
    <message>
        <source>Remove this phone number</source>
        <translation>Retirer ce numéro</translation>
    </message>
</context>
<context>
    <name>PhotoEdit</name>
    <message>
        <source>Choose a photo…</source>
        <translation>Choisir une photo…</translation>
    </message>
    <message>
        <source>Remove the photo</source>
        <translation>Retirer la photo</translation>
    </message>
    <message>
        <source>Choose a photo</source>
        <translation>Choisir une photo</translation>
    </message>
    <message>
        <source>Images (%1)</source>
        <translation>Images (%1)</translation>
    </message>
    <message>
        <source>Cannot read the image “%1”.</source>
        <translation>Impossible de lire l&apos;image « %1 ».</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>Photo</translation>
    </message>
    <message>
        <source>No photo: initials shown</source>
        <translation>Pas de photo : initiales affichées</translation>
    </message>
</context>
<context>
    <name>UrlsEditor</name>
    <message>
        <source>Add a web link</source>
        <translation>Ajouter un lien web</translation>
    </message>
    <message>
        <source>Remove this link</source>
        <translation>Retirer ce lien</translation>
    </message>
</context>
</TS>
