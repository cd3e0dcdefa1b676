<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>ContactRegisterView</name>
    <message>
        <source>The person&apos;s rights</source>
        <translation>Les droits de la personne</translation>
    </message>
    <message>
        <source>A person may ask for everything the desk holds about them (access, portability) or to be erased. Answer within a month.</source>
        <translation>Une personne peut demander tout ce que le fichier contient sur elle (accès, portabilité) ou son effacement. Répondre dans le mois.</translation>
    </message>
    <message>
        <source>Export their data…</source>
        <translation>Exporter ses données…</translation>
    </message>
    <message>
        <source>Write the access dossier (JSON for portability, PDF to read)</source>
        <translation>Écrire le dossier d&apos;accès (JSON pour la portabilité, PDF à lire)</translation>
    </message>
    <message>
        <source>Erase this person…</source>
        <translation>Effacer cette personne…</translation>
    </message>
    <message>
        <source>Erase the person everywhere (right to erasure); cannot be undone</source>
        <translation>Effacer la personne partout (droit à l&apos;effacement) ; irréversible</translation>
    </message>
    <message>
        <source>Register (GDPR)</source>
        <translation>Registre (RGPD)</translation>
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
        <source>Collected on</source>
        <translation>Collecté le</translation>
    </message>
    <message>
        <source>Informed on %1</source>
        <translation>Informée le %1</translation>
    </message>
    <message>
        <source>Information</source>
        <translation>Information</translation>
    </message>
    <message>
        <source>To inform — was due on %1</source>
        <translation>À informer — c&apos;était dû le %1</translation>
    </message>
    <message>
        <source>To inform before %1</source>
        <translation>À informer avant le %1</translation>
    </message>
    <message>
        <source>Last interaction</source>
        <translation>Dernier échange</translation>
    </message>
    <message>
        <source>None recorded</source>
        <translation>Aucun enregistré</translation>
    </message>
    <message>
        <source>Review due on %1</source>
        <translation>Revue prévue le %1</translation>
    </message>
    <message>
        <source>Retention</source>
        <translation>Conservation</translation>
    </message>
    <message>
        <source>Kept on %1: %2</source>
        <translation>Conservé le %1 : %2</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Décision</translation>
    </message>
    <message>
        <source>Opted out on %1</source>
        <translation>Désinscrit le %1</translation>
    </message>
    <message>
        <source>Opted out</source>
        <translation>Désinscrit</translation>
    </message>
    <message>
        <source>Opt-out</source>
        <translation>Désinscription</translation>
    </message>
    <message>
        <source>Export the person&apos;s data</source>
        <translation>Exporter les données de la personne</translation>
    </message>
    <message>
        <source>PDF document and JSON (*.pdf)</source>
        <translation>Document PDF et JSON (*.pdf)</translation>
    </message>
    <message>
        <source>Dossier written: %1 and %2</source>
        <translation>Dossier écrit : %1 et %2</translation>
    </message>
    <message>
        <source>The dossier could not be written: %1</source>
        <translation>Le dossier n&apos;a pas pu être écrit : %1</translation>
    </message>
</context>
<context>
    <name>ErasureDialog</name>
    <message>
        <source>Erase personal data</source>
        <translation>Effacer des données personnelles</translation>
    </message>
    <message>
        <source>Reading what the erasure would touch…</source>
        <translation>Lecture de ce que l&apos;effacement toucherait…</translation>
    </message>
    <message>
        <source>An erasure cannot be undone: neither Undo nor the import history brings the person back.</source>
        <translation>Un effacement ne peut pas être annulé : ni « Annuler » ni l&apos;historique des imports ne ramènent la personne.</translation>
    </message>
    <message>
        <source>Erase for good</source>
        <translation>Effacer définitivement</translation>
    </message>
    <message>
        <source>Erase « %1 » everywhere?</source>
        <translation>Effacer « %1 » partout ?</translation>
    </message>
    <message>
        <source>Erase %1 person everywhere?</source>
        <translation>Effacer %1 personne partout ?</translation>
    </message>
    <message>
        <source>Erase %1 people everywhere?</source>
        <translation>Effacer %1 personnes partout ?</translation>
    </message>
    <message>
        <source>Erasing, then cleaning the database file…</source>
        <translation>Effacement, puis nettoyage du fichier de la base…</translation>
    </message>
    <message>
        <source>Erased: %1 person. What was done:</source>
        <translation>Effacée : %1 personne. Ce qui a été fait :</translation>
    </message>
    <message>
        <source>Erased: %1 people. What was done:</source>
        <translation>Effacées : %1 personnes. Ce qui a été fait :</translation>
    </message>
    <message>
        <source>Nothing was erased: %1</source>
        <translation>Rien n&apos;a été effacé : %1</translation>
    </message>
    <message>
        <source>No backup the desk knows of holds this person.</source>
        <translation>Aucune sauvegarde connue du logiciel ne contient cette personne.</translation>
    </message>
    <message>
        <source>rotates out by %1</source>
        <translation>supprimée par la rotation d&apos;ici le %1</translation>
    </message>
    <message>
        <source>no rotation deletes it: delete it by hand</source>
        <translation>aucune rotation ne la supprime : à supprimer à la main</translation>
    </message>
    <message>
        <source>Backups that still hold the person (restoring one would bring them back):</source>
        <translation>Sauvegardes qui contiennent encore la personne (en restaurer une la ramènerait) :</translation>
    </message>
    <message>
        <source>Deleted: %1.</source>
        <translation>Supprimé : %1.</translation>
    </message>
    <message>
        <source>the contact card</source>
        <translation>la fiche du contact</translation>
    </message>
    <message>
        <source>Photo, notes and the search index entry go with the card.</source>
        <translation>La photo, les notes et l&apos;entrée de l&apos;index de recherche partent avec la fiche.</translation>
    </message>
    <message>
        <source>Kept for the statistics, anonymised as « personne effacée »: %1 enquiries, %2 distribution lines.</source>
        <translation>Conservé pour les statistiques, anonymisé en « personne effacée » : %1 demande(s) presse, %2 ligne(s) d&apos;envoi.</translation>
    </message>
    <message>
        <source>Their email addresses and phone numbers go on the suppression list (as keyed hashes): a later import or capture of them is refused.</source>
        <translation>Ses adresses électroniques et numéros de téléphone vont sur la liste d&apos;opposition (sous forme d&apos;empreintes) : un import ou une saisie ultérieurs seront refusés.</translation>
    </message>
    <message>
        <source>Shared with another contact, so not put on the list: %1.</source>
        <translation>Partagé avec un autre contact, donc pas mis sur la liste : %1.</translation>
    </message>
    <message>
        <source>Audit entries about them, cleaned of their name: %1.</source>
        <translation>Entrées du journal la concernant, expurgées de son nom : %1.</translation>
    </message>
    <message>
        <source>The audit log will record that an erasure happened, not who.</source>
        <translation>Le journal notera qu&apos;un effacement a eu lieu, pas de qui.</translation>
    </message>
    <message>
        <source>Erased on %1.</source>
        <translation>Effacée le %1.</translation>
    </message>
    <message>
        <source>Anonymised: %1 enquiries, %2 distribution lines.</source>
        <translation>Anonymisé : %1 demande(s) presse, %2 ligne(s) d&apos;envoi.</translation>
    </message>
    <message>
        <source>Audit entries cleaned of the person: %1.</source>
        <translation>Entrées du journal expurgées : %1.</translation>
    </message>
    <message>
        <source>Put on the suppression list: %1 addresses or numbers.</source>
        <translation>Mis sur la liste d&apos;opposition : %1</translation>
    </message>
    <message>
        <source>Messages queued for them and not sent, dropped: %1.</source>
        <translation>Messages en attente pour elle et jamais partis, retirés : %1.</translation>
    </message>
    <message>
        <source>Import file names that named the person, blanked: %1.</source>
        <translation>Noms de fichiers importés qui la nommaient, effacés : %1.</translation>
    </message>
    <message>
        <source>Shared with another contact, kept: %1.</source>
        <translation>Partagé avec un autre contact, conservé : %1.</translation>
    </message>
    <message>
        <source>Other records still write the name (a namesake?), read them: %1.</source>
        <translation>D&apos;autres fiches écrivent encore ce nom (un homonyme ?), à relire : %1.</translation>
    </message>
    <message>
        <source>Database file: %1.</source>
        <translation>Fichier de la base : %1.</translation>
    </message>
</context>
<context>
    <name>GdprDialog</name>
    <message>
        <source>Personal data (GDPR)</source>
        <translation>Données personnelles (RGPD)</translation>
    </message>
    <message>
        <source>People to inform (art. 14)</source>
        <translation>Personnes à informer (art. 14)</translation>
    </message>
    <message>
        <source>Retention review</source>
        <translation>Revue de conservation</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Paramètres…</translation>
    </message>
    <message>
        <source>Notice template, DPO, retention period</source>
        <translation>Modèle de notice, DPO, durée de conservation</translation>
    </message>
    <message>
        <source>Record of processing (PDF)…</source>
        <translation>Registre des traitements (PDF)…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Record of processing</source>
        <translation>Registre des traitements</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>Document PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Record written: %1</source>
        <translation>Registre écrit : %1</translation>
    </message>
    <message>
        <source>The record could not be written: %1</source>
        <translation>Le registre n&apos;a pas pu être écrit : %1</translation>
    </message>
</context>
<context>
    <name>GdprFilterCombo</name>
    <message>
        <source>Personal data (GDPR)</source>
        <translation>Données personnelles (RGPD)</translation>
    </message>
    <message>
        <source>GDPR: all</source>
        <translation>RGPD : tous</translation>
    </message>
    <message>
        <source>To be informed</source>
        <translation>À informer</translation>
    </message>
    <message>
        <source>Not informed yet (GDPR art. 14)</source>
        <translation>Pas encore informés (RGPD, art. 14)</translation>
    </message>
    <message>
        <source>Informed</source>
        <translation>Informés</translation>
    </message>
    <message>
        <source>No interaction for %1 year</source>
        <translation>Sans échange depuis %1 an</translation>
    </message>
    <message>
        <source>No interaction for %1 years</source>
        <translation>Sans échange depuis %1 ans</translation>
    </message>
    <message>
        <source>Lawful basis: %1</source>
        <translation>Base légale : %1</translation>
    </message>
</context>
<context>
    <name>GdprMenu</name>
    <message>
        <source>&amp;Personal data (GDPR)</source>
        <translation>Données &amp;personnelles (RGPD)</translation>
    </message>
    <message>
        <source>&amp;Who is to be informed…</source>
        <translation>&amp;Personnes à informer…</translation>
    </message>
    <message>
        <source>&amp;Retention review…</source>
        <translation>&amp;Revue de conservation…</translation>
    </message>
    <message>
        <source>GDPR &amp;settings…</source>
        <translation>Paramètres R&amp;GPD…</translation>
    </message>
</context>
<context>
    <name>GdprSettingsDialog</name>
    <message>
        <source>GDPR settings</source>
        <translation>Paramètres RGPD</translation>
    </message>
    <message>
        <source> years after the last interaction</source>
        <translation> ans après le dernier échange</translation>
    </message>
    <message>
        <source>Controller</source>
        <translation>Responsable du traitement</translation>
    </message>
    <message>
        <source>Controller&apos;s address</source>
        <translation>Adresse du responsable</translation>
    </message>
    <message>
        <source>DPO&apos;s name</source>
        <translation>Nom du DPO</translation>
    </message>
    <message>
        <source>DPO&apos;s email</source>
        <translation>Courriel du DPO</translation>
    </message>
    <message>
        <source>DPO&apos;s address</source>
        <translation>Adresse du DPO</translation>
    </message>
    <message>
        <source>Retention</source>
        <translation>Conservation</translation>
    </message>
    <message>
        <source>Controller and DPO</source>
        <translation>Responsable et DPO</translation>
    </message>
    <message>
        <source>Fields filled for each person: %1</source>
        <translation>Champs remplis pour chaque personne : %1</translation>
    </message>
    <message>
        <source>Subject (French)</source>
        <translation>Objet (français)</translation>
    </message>
    <message>
        <source>Text (French)</source>
        <translation>Texte (français)</translation>
    </message>
    <message>
        <source>Subject (English)</source>
        <translation>Objet (anglais)</translation>
    </message>
    <message>
        <source>Text (English)</source>
        <translation>Texte (anglais)</translation>
    </message>
    <message>
        <source>Information notice</source>
        <translation>Notice d&apos;information</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Finalité</translation>
    </message>
    <message>
        <source>People concerned</source>
        <translation>Personnes concernées</translation>
    </message>
    <message>
        <source>Categories of data</source>
        <translation>Catégories de données</translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation>Destinataires</translation>
    </message>
    <message>
        <source>Transfers outside the EU</source>
        <translation>Transferts hors UE</translation>
    </message>
    <message>
        <source>Security measures</source>
        <translation>Mesures de sécurité</translation>
    </message>
    <message>
        <source>Purpose (English notice)</source>
        <translation>Finalité (notice anglaise)</translation>
    </message>
    <message>
        <source>Recipients (English notice)</source>
        <translation>Destinataires (notice anglaise)</translation>
    </message>
    <message>
        <source>Record of processing</source>
        <translation>Registre des traitements</translation>
    </message>
</context>
<context>
    <name>GdprWords</name>
    <message>
        <source>Typed in by the press office</source>
        <translation>Saisi par le service de presse</translation>
    </message>
    <message>
        <source>Imported from a file</source>
        <translation>Importé d&apos;un fichier</translation>
    </message>
    <message>
        <source>Wrote to the press office</source>
        <translation>A écrit au service de presse</translation>
    </message>
    <message>
        <source>Met through an enquiry</source>
        <translation>Connu par une demande presse</translation>
    </message>
    <message>
        <source>press release</source>
        <translation>communiqué</translation>
    </message>
    <message>
        <source>enquiry</source>
        <translation>demande presse</translation>
    </message>
    <message>
        <source>reply</source>
        <translation>réponse</translation>
    </message>
    <message>
        <source>card edited</source>
        <translation>fiche modifiée</translation>
    </message>
    <message>
        <source>by email</source>
        <translation>par courriel</translation>
    </message>
    <message>
        <source>by post</source>
        <translation>par courrier</translation>
    </message>
    <message>
        <source>by phone</source>
        <translation>par téléphone</translation>
    </message>
    <message>
        <source>in person</source>
        <translation>en personne</translation>
    </message>
    <message>
        <source>another way</source>
        <translation>autrement</translation>
    </message>
    <message>
        <source>the contact card</source>
        <translation>la fiche du contact</translation>
    </message>
    <message>
        <source>email addresses</source>
        <translation>adresses électroniques</translation>
    </message>
    <message>
        <source>phone numbers</source>
        <translation>numéros de téléphone</translation>
    </message>
    <message>
        <source>postal addresses</source>
        <translation>adresses postales</translation>
    </message>
    <message>
        <source>web addresses</source>
        <translation>adresses web</translation>
    </message>
    <message>
        <source>tags</source>
        <translation>étiquettes</translation>
    </message>
    <message>
        <source>list memberships</source>
        <translation>appartenances aux listes</translation>
    </message>
    <message>
        <source>information notices</source>
        <translation>notices d&apos;information</translation>
    </message>
    <message>
        <source>audit entries</source>
        <translation>entrées du journal</translation>
    </message>
    <message>
        <source>lines of past imports</source>
        <translation>lignes d&apos;imports passés</translation>
    </message>
    <message>
        <source>« not a duplicate » marks</source>
        <translation>marques « pas un doublon »</translation>
    </message>
    <message>
        <source>deleted bytes overwritten (secure_delete)</source>
        <translation>octets supprimés écrasés (secure_delete)</translation>
    </message>
    <message>
        <source>search index rebuilt</source>
        <translation>index de recherche reconstruit</translation>
    </message>
    <message>
        <source>file rebuilt (VACUUM)</source>
        <translation>fichier reconstruit (VACUUM)</translation>
    </message>
    <message>
        <source>write-ahead log emptied</source>
        <translation>journal WAL vidé</translation>
    </message>
</context>
<context>
    <name>NoticeSendingDialog</name>
    <message>
        <source>Sending the information notice</source>
        <translation>Envoi de la notice d&apos;information</translation>
    </message>
    <message>
        <source>Information notice (GDPR, article 14)</source>
        <translation>Notice d&apos;information (RGPD, article 14)</translation>
    </message>
    <message>
        <source>One message per person; opted-out addresses never get one.</source>
        <translation>Un message par personne ; les adresses désinscrites n&apos;en reçoivent jamais.</translation>
    </message>
    <message>
        <source>%v of %m</source>
        <translation>%v sur %m</translation>
    </message>
    <message>
        <source>Connecting to the mail server…</source>
        <translation>Connexion au serveur de messagerie…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Nobody to send it to: the people chosen are opted out, have no email address, are informed already or have a notice waiting.</source>
        <translation>Personne à qui l&apos;envoyer : les personnes choisies sont désinscrites, sans adresse électronique, déjà informées ou ont une notice en attente.</translation>
    </message>
    <message>
        <source>Send the information notice</source>
        <translation>Envoyer la notice d&apos;information</translation>
    </message>
    <message>
        <source>Send the information notice to %1 person now, one message each?</source>
        <translation>Envoyer maintenant la notice d&apos;information à %1 personne, un message chacune ?</translation>
    </message>
    <message>
        <source>Send the information notice to %1 people now, one message each?</source>
        <translation>Envoyer maintenant la notice d&apos;information à %1 personnes, un message chacune ?</translation>
    </message>
    <message>
        <source>%1 person chosen is left out (opted out, no address, already informed or waiting).</source>
        <translation>%1 personne choisie est écartée (désinscrite, sans adresse, déjà informée ou en attente).</translation>
    </message>
    <message>
        <source>%1 people chosen are left out (opted out, no address, already informed or waiting).</source>
        <translation>%1 personnes choisies sont écartées (désinscrites, sans adresse, déjà informées ou en attente).</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Envoyer</translation>
    </message>
    <message>
        <source>Stopping after the message being sent…</source>
        <translation>Arrêt après le message en cours…</translation>
    </message>
    <message>
        <source>%1 of %2: %3</source>
        <translation>%1 sur %2 : %3</translation>
    </message>
    <message>
        <source>Sent to %1 &lt;%2&gt;</source>
        <translation>Envoyé à %1 &lt;%2&gt;</translation>
    </message>
    <message>
        <source>Skipped %1 &lt;%2&gt;: no longer to be sent to</source>
        <translation>Ignoré %1 &lt;%2&gt; : plus destinataire</translation>
    </message>
    <message>
        <source>Refused for %1 &lt;%2&gt;: %3</source>
        <translation>Refusé pour %1 &lt;%2&gt; : %3</translation>
    </message>
    <message>
        <source>%1 sent</source>
        <comment>one</comment>
        <translation>%1 envoyé</translation>
    </message>
    <message>
        <source>%1 sent</source>
        <comment>many</comment>
        <translation>%1 envoyés</translation>
    </message>
    <message>
        <source>%1 refused</source>
        <comment>one</comment>
        <translation>%1 refusé</translation>
    </message>
    <message>
        <source>%1 refused</source>
        <comment>many</comment>
        <translation>%1 refusés</translation>
    </message>
    <message>
        <source>%1 skipped</source>
        <comment>one</comment>
        <translation>%1 ignoré</translation>
    </message>
    <message>
        <source>%1 skipped</source>
        <comment>many</comment>
        <translation>%1 ignorés</translation>
    </message>
    <message>
        <source>Stopped: %1 The notices not sent yet stay queued; resume later.</source>
        <translation>Arrêté : %1 Les notices pas encore envoyées restent en attente ; reprenez plus tard.</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>Terminé.</translation>
    </message>
    <message>
        <source>Cancelled. %1 notice waits; resume it from « Personal data ».</source>
        <translation>Annulé. %1 notice attend ; reprenez-la depuis « Données personnelles ».</translation>
    </message>
    <message>
        <source>Cancelled. %1 notices wait; resume them from « Personal data ».</source>
        <translation>Annulé. %1 notices attendent ; reprenez-les depuis « Données personnelles ».</translation>
    </message>
</context>
<context>
    <name>NoticesTab</name>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisme</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Courriel</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Collected on</source>
        <translation>Collecté le</translation>
    </message>
    <message>
        <source>To inform before</source>
        <translation>À informer avant le</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Send the notice by email…</source>
        <translation>Envoyer la notice par e-mail…</translation>
    </message>
    <message>
        <source>To the selected people, or to everyone listed who has an address</source>
        <translation>Aux personnes sélectionnées, ou à toutes celles de la liste qui ont une adresse</translation>
    </message>
    <message>
        <source>Record information given otherwise…</source>
        <translation>Noter l&apos;information faite autrement…</translation>
    </message>
    <message>
        <source>Post, phone, in person… for the selected people</source>
        <translation>Courrier, téléphone, en personne… pour les personnes sélectionnées</translation>
    </message>
    <message>
        <source>Preview…</source>
        <translation>Aperçu…</translation>
    </message>
    <message>
        <source>The notice as the selected person will read it (nothing is sent)</source>
        <translation>La notice telle que la personne sélectionnée la lira (rien n&apos;est envoyé)</translation>
    </message>
    <message>
        <source>Resume sending</source>
        <translation>Reprendre l&apos;envoi</translation>
    </message>
    <message>
        <source>%1 person still to be informed</source>
        <translation>%1 personne encore à informer</translation>
    </message>
    <message>
        <source>%1 people still to be informed</source>
        <translation>%1 personnes encore à informer</translation>
    </message>
    <message>
        <source>%1 past the month allowed</source>
        <translation>%1 au-delà du mois permis</translation>
    </message>
    <message>
        <source>%1 can get the notice by email.</source>
        <translation>%1 peuvent recevoir la notice par courriel.</translation>
    </message>
    <message>
        <source>Opted out: never emailed</source>
        <translation>Désinscrit : jamais écrit</translation>
    </message>
    <message>
        <source>No email address</source>
        <translation>Sans adresse électronique</translation>
    </message>
    <message>
        <source>Queued for sending</source>
        <translation>En attente d&apos;envoi</translation>
    </message>
    <message>
        <source>Resume sending (%1 waiting)</source>
        <translation>Reprendre l&apos;envoi (%1 en attente)</translation>
    </message>
    <message>
        <source>Information notice — preview</source>
        <translation>Notice d&apos;information — aperçu</translation>
    </message>
    <message>
        <source>To: %1
Subject: %2</source>
        <translation>À : %1
Objet : %2</translation>
    </message>
    <message>
        <source>(no address)</source>
        <translation>(sans adresse)</translation>
    </message>
</context>
<context>
    <name>RecordGivenDialog</name>
    <message>
        <source>Information given another way</source>
        <translation>Information faite autrement</translation>
    </message>
    <message>
        <source>Record that %1 person was informed without the desk sending the notice.</source>
        <translation>Noter que %1 personne a été informée sans que le logiciel envoie la notice.</translation>
    </message>
    <message>
        <source>Record that %1 people were informed without the desk sending the notice.</source>
        <translation>Noter que %1 personnes ont été informées sans que le logiciel envoie la notice.</translation>
    </message>
    <message>
        <source>by email, from another mail program</source>
        <translation>par courriel, depuis une autre messagerie</translation>
    </message>
    <message>
        <source>e.g. letter of 3 March, program used…</source>
        <translation>ex. : courrier du 3 mars, messagerie utilisée…</translation>
    </message>
    <message>
        <source>How</source>
        <translation>Comment</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Noter</translation>
    </message>
</context>
<context>
    <name>RetentionTab</name>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisme</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Courriel</translation>
    </message>
    <message>
        <source>Last interaction</source>
        <translation>Dernier échange</translation>
    </message>
    <message>
        <source>Collected on</source>
        <translation>Collecté le</translation>
    </message>
    <message>
        <source>Review due since</source>
        <translation>Revue due depuis le</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Keep…</source>
        <translation>Conserver…</translation>
    </message>
    <message>
        <source>Keep for another period; the reason is recorded</source>
        <translation>Conserver pour une nouvelle période ; le motif est enregistré</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>Archiver</translation>
    </message>
    <message>
        <source>Erase…</source>
        <translation>Effacer…</translation>
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
        <source>%1 contact with no interaction for %2: keep, archive or erase it.</source>
        <translation>%1 contact sans échange depuis %2 : le conserver, l&apos;archiver ou l&apos;effacer.</translation>
    </message>
    <message>
        <source>%1 contacts with no interaction for %2: keep, archive or erase them.</source>
        <translation>%1 contacts sans échange depuis %2 : les conserver, les archiver ou les effacer.</translation>
    </message>
    <message>
        <source>No contact has gone %2 without an interaction: nothing to review.</source>
        <translation>Aucun contact n&apos;est resté %2 sans échange : rien à revoir.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>kept on %1: %2</source>
        <translation>conservé le %1 : %2</translation>
    </message>
    <message>
        <source>archived</source>
        <translation>archivé</translation>
    </message>
    <message>
        <source>opted out</source>
        <translation>désinscrit</translation>
    </message>
    <message>
        <source>Keep for another period</source>
        <translation>Conserver pour une nouvelle période</translation>
    </message>
    <message>
        <source>Why keep them? (recorded and dated, the DPO may ask)</source>
        <translation>Pourquoi les conserver ? (motif enregistré et daté, le DPO peut le demander)</translation>
    </message>
    <message>
        <source>%1 contact kept.</source>
        <translation>%1 contact conservé.</translation>
    </message>
    <message>
        <source>%1 contacts kept.</source>
        <translation>%1 contacts conservés.</translation>
    </message>
    <message>
        <source>%1 contact archived.</source>
        <translation>%1 contact archivé.</translation>
    </message>
    <message>
        <source>%1 contacts archived.</source>
        <translation>%1 contacts archivés.</translation>
    </message>
</context>
</TS>
