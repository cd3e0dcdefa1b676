<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>ContactReleasesDialog</name>
    <message>
        <source>Releases received by %1</source>
        <translation>Communiqués reçus par %1</translation>
    </message>
    <message>
        <source>What %1 received from the press office, newest first:</source>
        <translation>Ce que %1 a reçu du service de presse, du plus récent au plus ancien :</translation>
    </message>
    <message>
        <source>%1 line</source>
        <translation>%1 ligne</translation>
    </message>
    <message>
        <source>%1 lines</source>
        <translation>%1 lignes</translation>
    </message>
</context>
<context>
    <name>RecipientLedgerModel</name>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Outlet</source>
        <translation>Média</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Canal</translation>
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
        <source>Server&apos;s answer</source>
        <translation>Réponse du serveur</translation>
    </message>
</context>
<context>
    <name>RecipientPlanModel</name>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Outlet</source>
        <translation>Média</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Salutation</source>
        <translation>Formule d&apos;appel</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Envoi</translation>
    </message>
</context>
<context>
    <name>RecipientsDialog</name>
    <message>
        <source>New recipients of « %1 »</source>
        <translation>Nouveaux destinataires de « %1 »</translation>
    </message>
    <message>
        <source>Recipients of « %1 »</source>
        <translation>Destinataires de « %1 »</translation>
    </message>
    <message>
        <source>Name, outlet, email, city…</source>
        <translation>Nom, média, courriel, ville…</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Rechercher</translation>
    </message>
    <message>
        <source>Add selected</source>
        <translation>Ajouter la sélection</translation>
    </message>
    <message>
        <source>Add all matches</source>
        <translation>Ajouter tous les résultats</translation>
    </message>
    <message>
        <source>Keep the search itself: contacts matching it later are included too</source>
        <translation>Garde la recherche elle-même : les contacts qui y répondront plus tard seront inclus aussi</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Vider</translation>
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
        <source>Organisation types</source>
        <translation>Types d&apos;organisme</translation>
    </message>
    <message>
        <source>Contact types</source>
        <translation>Types de contact</translation>
    </message>
    <message>
        <source>Search and add one by one</source>
        <translation>Rechercher et ajouter un par un</translation>
    </message>
    <message>
        <source>Everyone reached</source>
        <translation>Tous les contacts visés</translation>
    </message>
    <message>
        <source>Will receive</source>
        <translation>Recevra</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Ignorés</translation>
    </message>
    <message>
        <source>Leave out selected</source>
        <translation>Écarter la sélection</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Afficher</translation>
    </message>
    <message>
        <source>Copy for Bcc</source>
        <translation>Copier pour Cci</translation>
    </message>
    <message>
        <source>Copy the addresses that will receive, for the Bcc field of a mail program</source>
        <translation>Copie les adresses des destinataires retenus, pour le champ Cci d&apos;un logiciel de messagerie</translation>
    </message>
    <message>
        <source>Save as .eml…</source>
        <translation>Enregistrer en .eml…</translation>
    </message>
    <message>
        <source>One message file per recipient, for another program</source>
        <translation>Un fichier message par destinataire, pour un autre logiciel</translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation>Exporter vers Excel…</translation>
    </message>
    <message>
        <source>Record a distribution…</source>
        <translation>Enregistrer un envoi…</translation>
    </message>
    <message>
        <source>Mark them as having received it (sent elsewhere, by post, by hand)</source>
        <translation>Les noter comme l&apos;ayant reçu (envoyé ailleurs, par courrier, en main propre)</translation>
    </message>
    <message>
        <source>Send by email…</source>
        <translation>Envoyer par courriel…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>no email address</source>
        <translation>pas d&apos;adresse électronique</translation>
    </message>
    <message>
        <source>No contact found</source>
        <translation>Aucun contact trouvé</translation>
    </message>
    <message>
        <source>%1 contact added one by one</source>
        <translation>%1 contact ajouté un par un</translation>
    </message>
    <message>
        <source>%1 contacts added one by one</source>
        <translation>%1 contacts ajoutés un par un</translation>
    </message>
    <message>
        <source>searches: %1</source>
        <translation>recherches : %1</translation>
    </message>
    <message>
        <source>Nobody added one by one.</source>
        <translation>Aucun contact ajouté un par un.</translation>
    </message>
    <message>
        <source>Working out the recipients…</source>
        <translation>Calcul des destinataires…</translation>
    </message>
    <message>
        <source>Choose lists, tags, organisation or contact types, or contacts on the left.</source>
        <translation>Choisissez à gauche des listes, des étiquettes, des types d&apos;organisme ou de contact, ou des contacts.</translation>
    </message>
    <message>
        <source>%1 recipient will receive the release (one message each)</source>
        <translation>%1 destinataire recevra le communiqué (un message chacun)</translation>
    </message>
    <message>
        <source>%1 recipients will receive the release (one message each)</source>
        <translation>%1 destinataires recevront le communiqué (un message chacun)</translation>
    </message>
    <message>
        <source>Skipped: %1</source>
        <translation>Ignorés : %1</translation>
    </message>
    <message>
        <source>Bring back the left out (%1)</source>
        <translation>Rétablir les écartés (%1)</translation>
    </message>
    <message>
        <source>%1 address copied: paste it in the Bcc field, never in To or Cc.</source>
        <translation>%1 adresse copiée : collez-la dans le champ Cci, jamais dans À ni Cc.</translation>
    </message>
    <message>
        <source>%1 addresses copied: paste them in the Bcc field, never in To or Cc.</source>
        <translation>%1 adresses copiées : collez-les dans le champ Cci, jamais dans À ni Cc.</translation>
    </message>
    <message>
        <source>Folder for the .eml files</source>
        <translation>Dossier des fichiers .eml</translation>
    </message>
    <message>
        <source>%1 message saved in %2</source>
        <translation>%1 message enregistré dans %2</translation>
    </message>
    <message>
        <source>%1 messages saved in %2</source>
        <translation>%1 messages enregistrés dans %2</translation>
    </message>
    <message>
        <source>Export the recipients</source>
        <translation>Exporter les destinataires</translation>
    </message>
    <message>
        <source>recipients.xlsx</source>
        <translation>destinataires.xlsx</translation>
    </message>
    <message>
        <source>%1 line exported to %2</source>
        <translation>%1 ligne exportée dans %2</translation>
    </message>
    <message>
        <source>%1 lines exported to %2</source>
        <translation>%1 lignes exportées dans %2</translation>
    </message>
    <message>
        <source>%1 recipient recorded.</source>
        <translation>%1 destinataire enregistré.</translation>
    </message>
    <message>
        <source>%1 recipients recorded.</source>
        <translation>%1 destinataires enregistrés.</translation>
    </message>
    <message>
        <source>%1 skipped.</source>
        <comment>one</comment>
        <translation>%1 ignoré.</translation>
    </message>
    <message>
        <source>%1 skipped.</source>
        <comment>many</comment>
        <translation>%1 ignorés.</translation>
    </message>
</context>
<context>
    <name>RecipientsPanel</name>
    <message>
        <source>Choose recipients…</source>
        <translation>Choisir les destinataires…</translation>
    </message>
    <message>
        <source>Choose by lists, tags, organisation types, search or one by one</source>
        <translation>Par listes, étiquettes, types d&apos;organisme, recherche ou un par un</translation>
    </message>
    <message>
        <source>New recipients only…</source>
        <translation>Nouveaux destinataires seulement…</translation>
    </message>
    <message>
        <source>The lists and tags of the last distribution again: only the contacts added since, the others already have it</source>
        <translation>Les listes et étiquettes du dernier envoi à nouveau : seulement les contacts ajoutés depuis, les autres l&apos;ont déjà</translation>
    </message>
    <message>
        <source>Copy addresses</source>
        <translation>Copier les adresses</translation>
    </message>
    <message>
        <source>Copy the addresses shown, for a Bcc field</source>
        <translation>Copie les adresses affichées, pour un champ Cci</translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation>Exporter vers Excel…</translation>
    </message>
    <message>
        <source>Filter by name, outlet, address…</source>
        <translation>Filtrer par nom, média, adresse…</translation>
    </message>
    <message>
        <source>Resume sending</source>
        <translation>Reprendre l&apos;envoi</translation>
    </message>
    <message>
        <source>Give up the waiting messages</source>
        <translation>Abandonner les messages en attente</translation>
    </message>
    <message>
        <source>Nobody has received this release yet. Choose its recipients to send it or to record a distribution made elsewhere.</source>
        <translation>Personne n&apos;a encore reçu ce communiqué. Choisissez ses destinataires pour l&apos;envoyer ou pour enregistrer un envoi fait ailleurs.</translation>
    </message>
    <message>
        <source>%1 recipient received it</source>
        <translation>%1 destinataire l&apos;a reçu</translation>
    </message>
    <message>
        <source>%1 recipients received it</source>
        <translation>%1 destinataires l&apos;ont reçu</translation>
    </message>
    <message>
        <source>%1 sent from the desk, %2 recorded</source>
        <translation>%1 envoyés d&apos;ici, %2 enregistrés à la main</translation>
    </message>
    <message>
        <source>%1 refused by the server</source>
        <comment>one</comment>
        <translation>%1 refusé par le serveur</translation>
    </message>
    <message>
        <source>%1 refused by the server</source>
        <comment>many</comment>
        <translation>%1 refusés par le serveur</translation>
    </message>
    <message>
        <source>%1 message is still waiting to be sent (interrupted sending).</source>
        <translation>%1 message attend encore d&apos;être envoyé (envoi interrompu).</translation>
    </message>
    <message>
        <source>%1 messages are still waiting to be sent (interrupted sending).</source>
        <translation>%1 messages attendent encore d&apos;être envoyés (envoi interrompu).</translation>
    </message>
    <message>
        <source>%1 sending was interrupted after it reached the server: check your sent messages, then mark it received or queue it again (right-click).</source>
        <translation>%1 envoi a été interrompu après avoir atteint le serveur : vérifiez vos messages envoyés, puis marquez-le comme reçu ou remettez-le en file d&apos;envoi (clic droit).</translation>
    </message>
    <message>
        <source>%1 sendings were interrupted after they reached the server: check your sent messages, then mark them received or queue them again (right-click).</source>
        <translation>%1 envois ont été interrompus après avoir atteint le serveur : vérifiez vos messages envoyés, puis marquez-les comme reçus ou remettez-les en file d&apos;envoi (clic droit).</translation>
    </message>
    <message>
        <source>The messages not sent yet will not be sent. The ones already sent stay in the ledger. Give them up?</source>
        <translation>Les messages pas encore envoyés ne le seront pas. Ceux déjà envoyés restent dans l&apos;historique. Les abandonner ?</translation>
    </message>
    <message>
        <source>%1 address copied, ready to paste in a Bcc field.</source>
        <translation>%1 adresse copiée, prête à coller dans un champ Cci.</translation>
    </message>
    <message>
        <source>%1 addresses copied, ready to paste in a Bcc field.</source>
        <translation>%1 adresses copiées, prêtes à coller dans un champ Cci.</translation>
    </message>
    <message>
        <source>Export the recipients</source>
        <translation>Exporter les destinataires</translation>
    </message>
    <message>
        <source>recipients.xlsx</source>
        <translation>destinataires.xlsx</translation>
    </message>
    <message>
        <source>%1 recipient exported to %2</source>
        <translation>%1 destinataire exporté dans %2</translation>
    </message>
    <message>
        <source>%1 recipients exported to %2</source>
        <translation>%1 destinataires exportés dans %2</translation>
    </message>
    <message>
        <source>settled by hand</source>
        <translation>réglé à la main</translation>
    </message>
    <message>
        <source>Remove from the ledger</source>
        <translation>Retirer de l&apos;historique</translation>
    </message>
    <message>
        <source>Remove %1 line from this release&apos;s ledger (recorded by mistake)?</source>
        <translation>Retirer %1 ligne de l&apos;historique de ce communiqué (enregistrée par erreur) ?</translation>
    </message>
    <message>
        <source>Remove %1 lines from this release&apos;s ledger (recorded by mistake)?</source>
        <translation>Retirer %1 lignes de l&apos;historique de ce communiqué (enregistrées par erreur) ?</translation>
    </message>
    <message>
        <source>What this contact received…</source>
        <translation>Ce que ce contact a reçu…</translation>
    </message>
    <message>
        <source>Mark as received (checked)</source>
        <translation>Marquer comme reçu (vérifié)</translation>
    </message>
    <message>
        <source>Queue for sending again</source>
        <translation>Remettre en file d&apos;envoi</translation>
    </message>
    <message>
        <source>Remove from the ledger…</source>
        <translation>Retirer de l&apos;historique…</translation>
    </message>
</context>
<context>
    <name>RecordDialog</name>
    <message>
        <source>Record a distribution</source>
        <translation>Enregistrer un envoi</translation>
    </message>
    <message>
        <source>The release went out without the desk (another mail program, the post, by hand). Record it for %1 contact chosen:</source>
        <translation>Le communiqué est parti sans le bureau de presse (autre messagerie, courrier, en main propre). L&apos;enregistrer pour le contact choisi (%1) :</translation>
    </message>
    <message>
        <source>The release went out without the desk (another mail program, the post, by hand). Record it for the %1 contacts chosen:</source>
        <translation>Le communiqué est parti sans le bureau de presse (autre messagerie, courrier, en main propre). L&apos;enregistrer pour les %1 contacts choisis :</translation>
    </message>
    <message>
        <source>Opted-out and archived contacts, and those who already have this release, are not recorded. By post, only contacts with a postal address are.</source>
        <translation>Les contacts désinscrits ou archivés, et ceux qui ont déjà ce communiqué, ne sont pas enregistrés. Par courrier, seuls les contacts ayant une adresse postale le sont.</translation>
    </message>
    <message>
        <source>Sent on</source>
        <translation>Envoyé le</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Canal</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Enregistrer</translation>
    </message>
</context>
<context>
    <name>ReleaseForm</name>
    <message>
        <source>Title of the press release</source>
        <translation>Titre du communiqué de presse</translation>
    </message>
    <message>
        <source>e.g. CP-2024-01</source>
        <translation>p. ex. CP-2024-01</translation>
    </message>
    <message>
        <source>Under embargo until</source>
        <translation>Sous embargo jusqu&apos;au</translation>
    </message>
    <message>
        <source>(local time; shown in Paris time in the email)</source>
        <translation>(heure locale ; en heure de Paris dans le courriel)</translation>
    </message>
    <message>
        <source>Two or three sentences that open the release (chapô)</source>
        <translation>Deux ou trois phrases qui ouvrent le communiqué (chapô)</translation>
    </message>
    <message>
        <source>Text of the release. Leave a blank line between paragraphs; **bold**.</source>
        <translation>Texte du communiqué. Une ligne vide entre les paragraphes ; **gras**.</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Ajouter…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>Enregistrer sous…</translation>
    </message>
    <message>
        <source>Undo changes</source>
        <translation>Annuler les modifications</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
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
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Summary (chapô)</source>
        <translation>Chapô</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texte</translation>
    </message>
    <message>
        <source>Attachments (PDF, images)</source>
        <translation>Pièces jointes (PDF, images)</translation>
    </message>
    <message>
        <source>not saved yet</source>
        <translation>pas encore enregistrée</translation>
    </message>
    <message>
        <source>%1 of %2 at most</source>
        <translation>%1 sur %2 au plus</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>Joindre des fichiers</translation>
    </message>
    <message>
        <source>PDF and images (*.pdf *.png *.jpg *.jpeg *.gif *.webp *.tif *.tiff *.svg)</source>
        <translation>PDF et images (*.pdf *.png *.jpg *.jpeg *.gif *.webp *.tif *.tiff *.svg)</translation>
    </message>
    <message>
        <source>Save the attachment</source>
        <translation>Enregistrer la pièce jointe</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Modifications non enregistrées</translation>
    </message>
    <message>
        <source>This release has unsaved changes. Leave without saving?</source>
        <translation>Ce communiqué a des modifications non enregistrées. Quitter sans enregistrer ?</translation>
    </message>
</context>
<context>
    <name>ReleaseHistoryModel</name>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Release</source>
        <translation>Communiqué</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Canal</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
</context>
<context>
    <name>ReleasePage</name>
    <message>
        <source>All releases</source>
        <translation>Tous les communiqués</translation>
    </message>
    <message>
        <source>Send or record…</source>
        <translation>Envoyer ou enregistrer…</translation>
    </message>
    <message>
        <source>Choose the recipients, then send or record</source>
        <translation>Choisir les destinataires, puis envoyer ou enregistrer</translation>
    </message>
    <message>
        <source>Release</source>
        <translation>Communiqué</translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation>Destinataires</translation>
    </message>
    <message>
        <source>New press release</source>
        <translation>Nouveau communiqué de presse</translation>
    </message>
    <message>
        <source>Recipients (%1)</source>
        <translation>Destinataires (%1)</translation>
    </message>
</context>
<context>
    <name>ReleaseTableModel</name>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Référence</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Embargo</source>
        <translation>Embargo</translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation>Destinataires</translation>
    </message>
    <message>
        <source>(+%1 waiting)</source>
        <translation>(+%1 en attente)</translation>
    </message>
    <message>
        <source>%1 received it</source>
        <comment>one</comment>
        <translation>%1 l&apos;a reçu</translation>
    </message>
    <message>
        <source>%1 received it</source>
        <comment>many</comment>
        <translation>%1 l&apos;ont reçu</translation>
    </message>
    <message>
        <source>%1 refused by the server</source>
        <comment>one</comment>
        <translation>%1 refusé par le serveur</translation>
    </message>
    <message>
        <source>%1 refused by the server</source>
        <comment>many</comment>
        <translation>%1 refusés par le serveur</translation>
    </message>
    <message>
        <source>%1 waiting to be sent</source>
        <comment>one</comment>
        <translation>%1 en attente d&apos;envoi</translation>
    </message>
    <message>
        <source>%1 waiting to be sent</source>
        <comment>many</comment>
        <translation>%1 en attente d&apos;envoi</translation>
    </message>
    <message>
        <source>%1 interrupted, to check</source>
        <comment>one</comment>
        <translation>%1 interrompu, à vérifier</translation>
    </message>
    <message>
        <source>%1 interrupted, to check</source>
        <comment>many</comment>
        <translation>%1 interrompus, à vérifier</translation>
    </message>
</context>
<context>
    <name>ReleasesView</name>
    <message>
        <source>Press releases</source>
        <translation>Communiqués de presse</translation>
    </message>
    <message>
        <source>New release</source>
        <translation>Nouveau communiqué</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ouvrir</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Sending settings…</source>
        <translation>Paramètres d&apos;envoi…</translation>
    </message>
    <message>
        <source>Mail server and sender identity of the press office</source>
        <translation>Serveur de messagerie et identité d&apos;expéditeur du service de presse</translation>
    </message>
    <message>
        <source>Search a title or a reference</source>
        <translation>Rechercher un titre ou une référence</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Tous les statuts</translation>
    </message>
    <message>
        <source>%1 press release</source>
        <translation>%1 communiqué de presse</translation>
    </message>
    <message>
        <source>%1 press releases</source>
        <translation>%1 communiqués de presse</translation>
    </message>
    <message>
        <source>Delete the release</source>
        <translation>Supprimer le communiqué</translation>
    </message>
    <message>
        <source>Delete « %1 »? Its text and attachments will be lost.</source>
        <translation>Supprimer « %1 » ? Son texte et ses pièces jointes seront perdus.</translation>
    </message>
</context>
<context>
    <name>SendingDialog</name>
    <message>
        <source>Sending the release</source>
        <translation>Envoi du communiqué</translation>
    </message>
    <message>
        <source>Sending « %1 »</source>
        <translation>Envoi de « %1 »</translation>
    </message>
    <message>
        <source>One message per recipient; nobody sees the others.</source>
        <translation>Un message par destinataire ; personne ne voit les autres.</translation>
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
        <source>Stopping after the message being sent…</source>
        <translation>Arrêt après le message en cours…</translation>
    </message>
    <message>
        <source>Nothing waits to be sent.</source>
        <translation>Aucun message n&apos;attend d&apos;être envoyé.</translation>
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
        <translation>Ignoré %1 &lt;%2&gt; : ne doit plus rien recevoir</translation>
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
        <source>Stopped: %1 The messages not sent yet stay queued; resume later.</source>
        <translation>Envoi arrêté : %1. Les messages pas encore envoyés restent en file ; reprenez plus tard.</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>Terminé.</translation>
    </message>
    <message>
        <source>Cancelled. %1 message waits; resume it from the release&apos;s page.</source>
        <translation>Envoi annulé. %1 message attend ; reprenez-le depuis la page du communiqué.</translation>
    </message>
    <message>
        <source>Cancelled. %1 messages wait; resume them from the release&apos;s page.</source>
        <translation>Envoi annulé. %1 messages attendent ; reprenez-les depuis la page du communiqué.</translation>
    </message>
    <message>
        <source>Nobody to send to.</source>
        <translation>Personne à qui envoyer.</translation>
    </message>
    <message>
        <source>Send « %2 » to %1 recipient now, one message each?</source>
        <translation>Envoyer maintenant « %2 » à %1 destinataire, un message chacun ?</translation>
    </message>
    <message>
        <source>Send « %2 » to %1 recipients now, one message each?</source>
        <translation>Envoyer maintenant « %2 » à %1 destinataires, un message chacun ?</translation>
    </message>
    <message>
        <source>The embargo (%1) opens the subject and the text.</source>
        <translation>L&apos;embargo (%1) figure en tête de l&apos;objet et du texte.</translation>
    </message>
    <message>
        <source>The embargo date (%1) is past: the message still announces it.</source>
        <translation>La date d&apos;embargo (%1) est passée : le message l&apos;annonce pourtant.</translation>
    </message>
    <message>
        <source>Attachments: %1</source>
        <translation>Pièces jointes : %1</translation>
    </message>
    <message>
        <source>Send the release</source>
        <translation>Envoyer le communiqué</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Envoyer</translation>
    </message>
</context>
<context>
    <name>SmtpPasswordDialog</name>
    <message>
        <source>Mail server password</source>
        <translation>Mot de passe du serveur de messagerie</translation>
    </message>
    <message>
        <source>Password of %1 on %2:</source>
        <translation>Mot de passe de %1 sur %2 :</translation>
    </message>
    <message>
        <source>Remember in the system keyring</source>
        <translation>Mémoriser dans le trousseau du système</translation>
    </message>
    <message>
        <source>No system keyring: kept in memory until you quit</source>
        <translation>Pas de trousseau système : gardé en mémoire jusqu&apos;à la fermeture</translation>
    </message>
</context>
<context>
    <name>SmtpSettingsDialog</name>
    <message>
        <source>Sending settings</source>
        <translation>Paramètres d&apos;envoi</translation>
    </message>
    <message>
        <source>e.g. smtp.example.fr</source>
        <translation>p. ex. smtp.example.fr</translation>
    </message>
    <message>
        <source>STARTTLS (port 587)</source>
        <translation>STARTTLS (port 587)</translation>
    </message>
    <message>
        <source>SSL/TLS (port 465)</source>
        <translation>SSL/TLS (port 465)</translation>
    </message>
    <message>
        <source>None (local relay only)</source>
        <translation>Aucune (relais local uniquement)</translation>
    </message>
    <message>
        <source>Leave empty if the server needs no login</source>
        <translation>Laisser vide si le serveur ne demande pas d&apos;identification</translation>
    </message>
    <message>
        <source>Remember in the system keyring</source>
        <translation>Mémoriser dans le trousseau du système</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>Inchangé</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <source>No system keyring: the password is asked once per session</source>
        <translation>Pas de trousseau système : le mot de passe est demandé une fois par session</translation>
    </message>
    <message>
        <source>Kept in memory until you quit</source>
        <translation>Gardé en mémoire jusqu&apos;à la fermeture</translation>
    </message>
    <message>
        <source>e.g. Press office of the FIAC</source>
        <translation>p. ex. Service de presse de la FIAC</translation>
    </message>
    <message>
        <source>e.g. presse@example.fr</source>
        <translation>p. ex. presse@example.fr</translation>
    </message>
    <message>
        <source>Signature line under the name</source>
        <translation>Ligne de signature sous le nom</translation>
    </message>
    <message>
        <source>Time between two messages, to stay within the server&apos;s sending quota</source>
        <translation>Délai entre deux messages, pour rester dans le quota d&apos;envoi du serveur</translation>
    </message>
    <message>
        <source>Mail server</source>
        <translation>Serveur de messagerie</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Serveur</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>Sécurité</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Identifiant</translation>
    </message>
    <message>
        <source>Pace</source>
        <translation>Cadence</translation>
    </message>
    <message>
        <source>Sender (the press office)</source>
        <translation>Expéditeur (le service de presse)</translation>
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
        <source>Reply to</source>
        <translation>Répondre à</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisme</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>Test the connection</source>
        <translation>Tester la connexion</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Connexion…</translation>
    </message>
    <message>
        <source>Connection and login succeeded.</source>
        <translation>Connexion et identification réussies.</translation>
    </message>
    <message>
        <source>The keyring refused the password: kept for this session.</source>
        <translation>Le trousseau a refusé le mot de passe : gardé pour cette session.</translation>
    </message>
</context>
</TS>
