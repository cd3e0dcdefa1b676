<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>DuplicateCommands</name>
    <message>
        <source>The merge cannot be undone</source>
        <translation>La fusion ne peut pas être annulée</translation>
    </message>
    <message>
        <source>Merge %1</source>
        <translation>Fusionner %1</translation>
    </message>
    <message>
        <source>%1 merged into “%2”</source>
        <translation>%1 fusionnés en « %2 »</translation>
    </message>
    <message>
        <source>Not a duplicate: %1</source>
        <translation>Pas un doublon : %1</translation>
    </message>
    <message>
        <source>Remembered: these contacts are different people</source>
        <translation>C&apos;est noté : ces contacts sont des personnes différentes</translation>
    </message>
</context>
<context>
    <name>DuplicateMergeDialog</name>
    <message>
        <source>Merge contacts</source>
        <translation>Fusionner des contacts</translation>
    </message>
    <message>
        <source>These contacts become one. Pick the value to keep where they differ; every e-mail address, phone number, address, link, beat, tag and list is kept, and so is the history of each (releases received, enquiries, imports).</source>
        <translation>Ces contacts n&apos;en feront plus qu&apos;un. Choisissez la valeur à garder là où ils diffèrent ; toutes les adresses électroniques, tous les numéros, adresses, liens, rubriques, étiquettes et listes sont gardés, ainsi que l&apos;historique de chacun (communiqués reçus, demandes, imports).</translation>
    </message>
    <message>
        <source>Record kept (its identifier and vCard UID):</source>
        <translation>Fiche conservée (son identifiant et son UID vCard) :</translation>
    </message>
    <message>
        <source>Reading the contacts…</source>
        <translation>Lecture des contacts…</translation>
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
        <source>Unnamed contact</source>
        <translation>Contact sans nom</translation>
    </message>
    <message>
        <source>%1 (no. %2)</source>
        <translation>%1 (n° %2)</translation>
    </message>
    <message>
        <source>%1 opted out: the merged contact is opted out too and will be sent nothing.</source>
        <translation>%1 s&apos;est désinscrit : le contact fusionné est désinscrit lui aussi et ne recevra rien.</translation>
    </message>
    <message>
        <source>Since %1.</source>
        <translation>Depuis le %1.</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>Motif : %1</translation>
    </message>
    <message>
        <source>Merged contact</source>
        <translation>Contact fusionné</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(vide)</translation>
    </message>
    <message>
        <source>Kept from every contact</source>
        <translation>Gardé de chaque contact</translation>
    </message>
    <message>
        <source>Last confirmed %1</source>
        <translation>Confirmé en dernier le %1</translation>
    </message>
    <message>
        <source>%1 release(s) received, %2 enquiry(ies)</source>
        <translation>%1 communiqué(s) reçu(s), %2 demande(s)</translation>
    </message>
    <message>
        <source>Record kept</source>
        <translation>Fiche conservée</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>Archivé</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>Photo</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Non</translation>
    </message>
    <message>
        <source>Opted out</source>
        <translation>Désinscrit</translation>
    </message>
    <message>
        <source>on %1</source>
        <translation>le %1</translation>
    </message>
    <message>
        <source>Nothing was merged: %1</source>
        <translation>Rien n&apos;a été fusionné : %1</translation>
    </message>
</context>
<context>
    <name>DuplicateWarning</name>
    <message>
        <source>…and %1 other contact(s).</source>
        <translation>…et %1 autre(s) contact(s).</translation>
    </message>
    <message>
        <source>Unnamed contact</source>
        <translation>Contact sans nom</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>archived</source>
        <translation>archivé</translation>
    </message>
    <message>
        <source>%1 already has the e-mail address %2.</source>
        <translation>%1 a déjà l&apos;adresse électronique %2.</translation>
    </message>
    <message>
        <source>%1 already has the mobile %2.</source>
        <translation>%1 a déjà le portable %2.</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ouvrir</translation>
    </message>
    <message>
        <source>Show that contact</source>
        <translation>Afficher ce contact</translation>
    </message>
    <message>
        <source>Merge…</source>
        <translation>Fusionner…</translation>
    </message>
    <message>
        <source>Save this contact, then merge the two into one</source>
        <translation>Enregistrer ce contact, puis fusionner les deux en un seul</translation>
    </message>
</context>
<context>
    <name>DuplicatesView</name>
    <message>
        <source>Probable duplicates</source>
        <translation>Doublons probables</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Afficher :</translation>
    </message>
    <message>
        <source>every probable duplicate</source>
        <translation>tous les doublons probables</translation>
    </message>
    <message>
        <source>likely ones (score 70 or more)</source>
        <translation>les vraisemblables (score de 70 ou plus)</translation>
    </message>
    <message>
        <source>near certain ones (score 90 or more)</source>
        <translation>les quasi certains (score de 90 ou plus)</translation>
    </message>
    <message>
        <source>Search the whole base</source>
        <translation>Chercher dans toute la base</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Arrêter</translation>
    </message>
    <message>
        <source>Stop the search</source>
        <translation>Arrêter la recherche</translation>
    </message>
    <message>
        <source>Search again</source>
        <translation>Chercher à nouveau</translation>
    </message>
    <message>
        <source>Merge…</source>
        <translation>Fusionner…</translation>
    </message>
    <message>
        <source>Merge the checked contacts of the group into one, field by field</source>
        <translation>Fusionner les contacts cochés du groupe en un seul, champ par champ</translation>
    </message>
    <message>
        <source>Not a duplicate</source>
        <translation>Pas un doublon</translation>
    </message>
    <message>
        <source>Remember that the checked contacts are different people: they are never proposed together again, here or by an import</source>
        <translation>Retenir que les contacts cochés sont des personnes différentes : ils ne seront plus jamais proposés ensemble, ici ou par un import</translation>
    </message>
    <message>
        <source>Open the contact</source>
        <translation>Ouvrir la fiche</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisme</translation>
    </message>
    <message>
        <source>E-mail addresses</source>
        <translation>Adresses électroniques</translation>
    </message>
    <message>
        <source>Phone numbers</source>
        <translation>Téléphones</translation>
    </message>
    <message>
        <source>Looking for duplicates…</source>
        <translation>Recherche des doublons…</translation>
    </message>
    <message>
        <source>%1 group of probable duplicates</source>
        <translation>%1 groupe de doublons probables</translation>
    </message>
    <message>
        <source>%1 groups of probable duplicates</source>
        <translation>%1 groupes de doublons probables</translation>
    </message>
    <message>
        <source>Among the %1 contact just imported</source>
        <translation>Parmi le contact qui vient d&apos;être importé</translation>
    </message>
    <message>
        <source>Among the %1 contacts just imported</source>
        <translation>Parmi les %1 contacts qui viennent d&apos;être importés</translation>
    </message>
    <message>
        <source>Search for duplicates stopped</source>
        <translation>Recherche des doublons arrêtée</translation>
    </message>
    <message>
        <source>The duplicates could not be searched: %1</source>
        <translation>Les doublons n&apos;ont pas pu être recherchés : %1</translation>
    </message>
    <message>
        <source>The %1 surest groups are shown, of %2: merge them or mark them, then search again for the others.</source>
        <translation>Les %1 groupes les plus sûrs sont affichés, sur %2 : fusionnez-les ou marquez-les, puis cherchez à nouveau pour les autres.</translation>
    </message>
    <message>
        <source>No probable duplicate among the contacts just imported.</source>
        <translation>Aucun doublon probable parmi les contacts qui viennent d&apos;être importés.</translation>
    </message>
    <message>
        <source>No probable duplicate: every contact looks like one person.</source>
        <translation>Aucun doublon probable : chaque contact semble être une personne distincte.</translation>
    </message>
    <message>
        <source>Score %1</source>
        <translation>Score %1</translation>
    </message>
    <message>
        <source>%1 contact</source>
        <translation>%1 contact</translation>
    </message>
    <message>
        <source>%1 contacts</source>
        <translation>%1 contacts</translation>
    </message>
    <message>
        <source>Unnamed contact</source>
        <translation>Contact sans nom</translation>
    </message>
    <message>
        <source>kept</source>
        <translation>fiche conservée</translation>
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
        <source>Double-click to open this contact</source>
        <translation>Double-cliquez pour ouvrir ce contact</translation>
    </message>
    <message>
        <source>Check at least two contacts of the group</source>
        <translation>Cochez au moins deux contacts du groupe</translation>
    </message>
    <message>
        <source>%1 contact checked</source>
        <translation>%1 contact coché</translation>
    </message>
    <message>
        <source>%1 contacts checked</source>
        <translation>%1 contacts cochés</translation>
    </message>
    <message>
        <source>Nothing was changed: %1</source>
        <translation>Rien n&apos;a été modifié : %1</translation>
    </message>
    <message>
        <source>Nothing was changed</source>
        <translation>Rien n&apos;a été modifié</translation>
    </message>
</context>
</TS>
