<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>SharedDatabaseDialog</name>
    <message>
        <source>Now working on the shared database %1.</source>
        <translation>Vous travaillez maintenant sur la base partagée %1.</translation>
    </message>
    <message>
        <source>Back on the local database %1.</source>
        <translation>De retour sur la base locale %1.</translation>
    </message>
    <message>
        <source>Connection failed: %1</source>
        <translation>Échec de la connexion : %1</translation>
    </message>
    <message>
        <source>Connected: PostgreSQL %1.</source>
        <translation>Connecté : PostgreSQL %1.</translation>
    </message>
    <message>
        <source>The database is empty: the desk&apos;s tables will be created when you use it.</source>
        <translation>La base est vide : les tables du bureau de presse y seront créées quand vous l&apos;utiliserez.</translation>
    </message>
    <message>
        <source>The desk&apos;s tables are there, up to date (revision %1).</source>
        <translation>Les tables du bureau de presse sont là, à jour (révision %1).</translation>
    </message>
    <message>
        <source>The desk&apos;s tables are there at revision %1; they will be brought up to date (%2) when you use it.</source>
        <translation>Les tables du bureau de presse sont là, en révision %1 ; elles seront mises à jour (%2) quand vous l&apos;utiliserez.</translation>
    </message>
    <message>
        <source>It was made by a newer version of FIAC Press Desk (revision %1): update the application to use it.</source>
        <translation>Elle a été créée par une version plus récente de FIAC Press Desk (révision %1) : mettez l&apos;application à jour pour l&apos;utiliser.</translation>
    </message>
    <message>
        <source>It holds another program&apos;s tables (%1): the desk will not use it. Ask for a database of its own.</source>
        <translation>Elle contient les tables d&apos;un autre programme (%1) : le bureau de presse ne l&apos;utilisera pas. Demandez une base qui lui soit réservée.</translation>
    </message>
    <message>
        <source>no server of that name is known. Check the server&apos;s name.</source>
        <translation>aucun serveur de ce nom n&apos;est connu. Vérifiez le nom du serveur.</translation>
    </message>
    <message>
        <source>the server refused the connection: nothing answers on that port, or the PostgreSQL service is stopped. Check the server and the port.</source>
        <translation>le serveur a refusé la connexion : rien ne répond sur ce port, ou le service PostgreSQL est arrêté. Vérifiez le serveur et le port.</translation>
    </message>
    <message>
        <source>the server did not answer in time (a firewall, or a wrong address). Check the server and your network.</source>
        <translation>le serveur n&apos;a pas répondu à temps (un pare-feu, ou une adresse erronée). Vérifiez le serveur et votre réseau.</translation>
    </message>
    <message>
        <source>the password is wrong for this role.</source>
        <translation>le mot de passe est incorrect pour ce rôle.</translation>
    </message>
    <message>
        <source>the server asks for a password: type it in.</source>
        <translation>le serveur demande un mot de passe : saisissez-le.</translation>
    </message>
    <message>
        <source>the server knows no role (user) of that name.</source>
        <translation>le serveur ne connaît aucun rôle (utilisateur) de ce nom.</translation>
    </message>
    <message>
        <source>the server has no database of that name.</source>
        <translation>le serveur n&apos;a aucune base de ce nom.</translation>
    </message>
    <message>
        <source>the server does not let this computer or this role in (its pg_hba.conf). Ask whoever runs it.</source>
        <translation>le serveur n&apos;accepte pas cet ordinateur ou ce rôle (son pg_hba.conf). Adressez-vous à la personne qui l&apos;administre.</translation>
    </message>
    <message>
        <source>the encrypted connection (TLS) failed: the server does not offer it, or its certificate could not be checked against the CA file.</source>
        <translation>la connexion chiffrée (TLS) a échoué : le serveur ne la propose pas, ou son certificat n&apos;a pas pu être vérifié avec le fichier de l&apos;autorité.</translation>
    </message>
    <message>
        <source>this installation has no PostgreSQL driver (install the application with its “postgresql” extra).</source>
        <translation>cette installation n&apos;a pas de pilote PostgreSQL (installez l&apos;application avec son option « postgresql »).</translation>
    </message>
    <message>
        <source>the server gave an unexpected answer (see the details).</source>
        <translation>le serveur a donné une réponse inattendue (voir le détail).</translation>
    </message>
    <message>
        <source>Shared database</source>
        <translation>Base partagée</translation>
    </message>
    <message>
        <source>Several people of the press office can work on one PostgreSQL database: the same contacts, releases and enquiries, each change seen by all. Ask whoever runs the server for these details. The password is kept in this computer&apos;s keyring, nowhere else.</source>
        <translation>Plusieurs personnes du service de presse peuvent travailler sur une même base PostgreSQL : les mêmes contacts, communiqués et demandes presse, chaque modification vue de tous. Demandez ces informations à la personne qui administre le serveur. Le mot de passe est conservé dans le trousseau de cet ordinateur, nulle part ailleurs.</translation>
    </message>
    <message>
        <source>In use now: %1</source>
        <translation>Base utilisée : %1</translation>
    </message>
    <message>
        <source>No database open.</source>
        <translation>Aucune base ouverte.</translation>
    </message>
    <message>
        <source>e.g. db.example.org</source>
        <translation>ex. db.example.org</translation>
    </message>
    <message>
        <source>e.g. fiac</source>
        <translation>ex. fiac</translation>
    </message>
    <message>
        <source>e.g. fiac_desk</source>
        <translation>ex. fiac_desk</translation>
    </message>
    <message>
        <source>Kept in the system keyring</source>
        <translation>Conservé dans le trousseau du système</translation>
    </message>
    <message>
        <source>Not required (encrypted if the server offers it)</source>
        <translation>Non exigé (chiffré si le serveur le propose)</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>Exigé</translation>
    </message>
    <message>
        <source>Required, server certificate checked</source>
        <translation>Exigé, certificat du serveur vérifié</translation>
    </message>
    <message>
        <source>The certificate of the authority (.pem)</source>
        <translation>Le certificat de l&apos;autorité (.pem)</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Connexion</translation>
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
        <source>local file %1</source>
        <translation>fichier local %1</translation>
    </message>
    <message>
        <source>shared database %1</source>
        <translation>base partagée %1</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Base de données</translation>
    </message>
    <message>
        <source>Role (user)</source>
        <translation>Rôle (utilisateur)</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <source>Encryption (TLS)</source>
        <translation>Chiffrement (TLS)</translation>
    </message>
    <message>
        <source>CA file</source>
        <translation>Fichier de l&apos;autorité</translation>
    </message>
    <message>
        <source>Test the connection</source>
        <translation>Tester la connexion</translation>
    </message>
    <message>
        <source>Use this database</source>
        <translation>Utiliser cette base</translation>
    </message>
    <message>
        <source>Back to the local database</source>
        <translation>Revenir à la base locale</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>The certificate authority&apos;s file</source>
        <translation>Le fichier de l&apos;autorité de certification</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>Certificats (*.pem *.crt *.cer);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>the server</source>
        <translation>le serveur</translation>
    </message>
    <message>
        <source>the database</source>
        <translation>la base de données</translation>
    </message>
    <message>
        <source>the role</source>
        <translation>le rôle</translation>
    </message>
    <message>
        <source>the CA file</source>
        <translation>le fichier de l&apos;autorité</translation>
    </message>
    <message>
        <source>Fill in %1.</source>
        <translation>Indiquez %1.</translation>
    </message>
    <message>
        <source>Kept in the system keyring (leave empty to keep it)</source>
        <translation>Conservé dans le trousseau (laisser vide pour le garder)</translation>
    </message>
    <message>
        <source>Details: %1</source>
        <translation>Détail : %1</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Connexion…</translation>
    </message>
    <message>
        <source>This is the database in use already.</source>
        <translation>C&apos;est déjà la base utilisée.</translation>
    </message>
    <message>
        <source>The database “%1” is empty. Create the desk&apos;s tables in it? Your colleagues can then use it too; the local database stays as it is.</source>
        <translation>La base « %1 » est vide. Y créer les tables du bureau de presse ? Vos collègues pourront ensuite l&apos;utiliser aussi ; la base locale reste telle qu&apos;elle est.</translation>
    </message>
    <message>
        <source>The desk&apos;s tables in “%1” will be brought up to date (revision %2 to %3). Colleagues on an older version of the application will have to update it. Go on?</source>
        <translation>Les tables du bureau de presse dans « %1 » vont être mises à jour (révision %2 vers %3). Les collègues qui ont une version plus ancienne de l&apos;application devront la mettre à jour. Continuer ?</translation>
    </message>
    <message>
        <source>Opening the database…</source>
        <translation>Ouverture de la base…</translation>
    </message>
    <message>
        <source>There is no system keyring on this computer to keep the password in; the desk keeps it nowhere else. Nothing was changed.</source>
        <translation>Cet ordinateur n&apos;a pas de trousseau système pour conserver le mot de passe ; le bureau de presse ne le conserve nulle part ailleurs. Rien n&apos;a été modifié.</translation>
    </message>
</context>
</TS>
