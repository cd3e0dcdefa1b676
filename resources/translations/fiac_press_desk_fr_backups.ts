<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>BackupModel</name>
    <message>
        <source>Daily</source>
        <translation>Quotidienne</translation>
    </message>
    <message>
        <source>Before an import</source>
        <translation>Avant un import</translation>
    </message>
    <message>
        <source>Before a merge</source>
        <translation>Avant une fusion</translation>
    </message>
    <message>
        <source>Before an erasure</source>
        <translation>Avant un effacement</translation>
    </message>
    <message>
        <source>Before a move</source>
        <translation>Avant un déplacement</translation>
    </message>
    <message>
        <source>Before a restore</source>
        <translation>Avant une restauration</translation>
    </message>
    <message>
        <source>By hand</source>
        <translation>À la main</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>Prise</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>Releases</source>
        <translation>Communiqués</translation>
    </message>
    <message>
        <source>Enquiries</source>
        <translation>Demandes presse</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <source>damaged</source>
        <translation>endommagée</translation>
    </message>
</context>
<context>
    <name>BackupStartup</name>
    <message>
        <source>The database is damaged</source>
        <translation>La base de données est endommagée</translation>
    </message>
    <message>
        <source>The database “%1” is damaged.</source>
        <translation>La base de données « %1 » est endommagée.</translation>
    </message>
    <message>
        <source>The latest sound backup is from %1 (contacts: %2, releases: %3, enquiries: %4). Restoring it puts the database back as it was then: what was changed since is lost. The damaged file is kept beside it, renamed.</source>
        <translation>La dernière sauvegarde en bon état date du %1 (contacts : %2, communiqués : %3, demandes presse : %4). La restaurer remet la base dans l&apos;état où elle était alors : ce qui a changé depuis est perdu. Le fichier endommagé est conservé à côté, renommé.</translation>
    </message>
    <message>
        <source>Restore the backup</source>
        <translation>Restaurer la sauvegarde</translation>
    </message>
    <message>
        <source>No sound backup of it was found. Copy the file somewhere safe before anything else, then export what can still be read, or ask for help.</source>
        <translation>Aucune sauvegarde en bon état n&apos;a été trouvée. Avant toute chose, copiez le fichier en lieu sûr, puis exportez ce qui peut encore être lu, ou demandez de l&apos;aide.</translation>
    </message>
    <message>
        <source>Continue anyway</source>
        <translation>Continuer malgré tout</translation>
    </message>
</context>
<context>
    <name>DatabaseOpening</name>
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
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Backup restored; the database as it was before: %1</source>
        <translation>Sauvegarde restaurée ; la base telle qu&apos;elle était avant : %1</translation>
    </message>
    <message>
        <source>People erased since the backup, erased again: %1.</source>
        <translation>Personnes effacées depuis la sauvegarde, effacées de nouveau : %1.</translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation>Restaurer une sauvegarde</translation>
    </message>
    <message>
        <source>No backup yet. The desk takes one each day at start and before every import, merge or erasure.</source>
        <translation>Aucune sauvegarde pour l&apos;instant. Le bureau de presse en fait une chaque jour au démarrage et avant chaque import, fusion ou effacement.</translation>
    </message>
    <message>
        <source>Restore this backup</source>
        <translation>Restaurer cette sauvegarde</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Backups of this database, newest first. Restoring one replaces the whole database with it; the database as it is now is backed up first, so you can come back to it the same way.</source>
        <translation>Sauvegardes de cette base, la plus récente en premier. En restaurer une remplace toute la base par elle ; la base telle qu&apos;elle est maintenant est d&apos;abord sauvegardée, pour pouvoir y revenir de la même façon.</translation>
    </message>
    <message>
        <source>Reading the backups…</source>
        <translation>Lecture des sauvegardes…</translation>
    </message>
    <message>
        <source>Folder: %1</source>
        <translation>Dossier : %1</translation>
    </message>
    <message>
        <source>Replace the whole database with the backup of %1 (contacts: %2)? The database as it is now is backed up first.</source>
        <translation>Remplacer toute la base par la sauvegarde du %1 (contacts : %2) ? La base telle qu&apos;elle est maintenant est d&apos;abord sauvegardée.</translation>
    </message>
    <message>
        <source>Restoring…</source>
        <translation>Restauration…</translation>
    </message>
</context>
</TS>
