<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>CrashDialog</name>
    <message>
        <source>Unexpected error</source>
        <translation>Erreur inattendue</translation>
    </message>
    <message>
        <source>&lt;b&gt;Something unexpected went wrong.&lt;/b&gt;</source>
        <translation>&lt;b&gt;Une erreur inattendue s&apos;est produite.&lt;/b&gt;</translation>
    </message>
    <message>
        <source>What you were doing stopped before the end. Each change is saved whole or not at all: what does not show was not saved, nothing was half-written.</source>
        <translation>Ce que vous faisiez s&apos;est arrêté avant la fin. Chaque modification est enregistrée entière ou pas du tout : ce qui n&apos;apparaît pas n&apos;a pas été enregistré, rien n&apos;est à moitié écrit.</translation>
    </message>
    <message>
        <source>What to do: check that your last change shows; if not, make it again. If the window behaves strangely, close it and open it again: the forms you were filling in will be offered back. If it happens again, send the report below to whoever looks after the desk; it holds no personal data.</source>
        <translation>Que faire : vérifiez que votre dernière modification apparaît ; sinon, refaites-la. Si la fenêtre se comporte bizarrement, fermez-la et rouvrez-la : les formulaires que vous remplissiez vous seront proposés à nouveau. Si l&apos;erreur se reproduit, envoyez le rapport ci-dessous à la personne qui s&apos;occupe du logiciel ; il ne contient aucune donnée personnelle.</translation>
    </message>
    <message>
        <source>Show the report</source>
        <translation>Afficher le rapport</translation>
    </message>
    <message>
        <source>Open the reports folder</source>
        <translation>Ouvrir le dossier des rapports</translation>
    </message>
    <message>
        <source>Copy the report</source>
        <translation>Copier le rapport</translation>
    </message>
    <message>
        <source>The report could not be written (the data folder is not writable).</source>
        <translation>Le rapport n&apos;a pas pu être écrit (le dossier des données n&apos;est pas accessible en écriture).</translation>
    </message>
    <message>
        <source>Report: %1</source>
        <translation>Rapport : %1</translation>
    </message>
    <message>
        <source>%1 errors in a row.</source>
        <translation>%1 erreurs à la suite.</translation>
    </message>
</context>
</TS>
