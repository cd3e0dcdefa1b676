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
<context>
    <name>Drafts</name>
    <message>
        <source>Contact %1</source>
        <translation>Contact %1</translation>
    </message>
    <message>
        <source>New contact</source>
        <translation>Nouveau contact</translation>
    </message>
    <message>
        <source>Enquiry no. %1</source>
        <translation>Demande n° %1</translation>
    </message>
    <message>
        <source>New press enquiry</source>
        <translation>Nouvelle demande presse</translation>
    </message>
    <message>
        <source>Press release no. %1</source>
        <translation>Communiqué n° %1</translation>
    </message>
    <message>
        <source>New press release</source>
        <translation>Nouveau communiqué</translation>
    </message>
    <message>
        <source>Resume the draft?</source>
        <translation>Reprendre le brouillon ?</translation>
    </message>
    <message>
        <source>&lt;b&gt;Resume the draft?&lt;/b&gt;</source>
        <translation>&lt;b&gt;Reprendre le brouillon ?&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Resume the drafts?&lt;/b&gt;</source>
        <translation>&lt;b&gt;Reprendre les brouillons ?&lt;/b&gt;</translation>
    </message>
    <message>
        <source>The window closed before this form was saved:
%1

Resume opens it again as you left it; Discard throws the draft away.</source>
        <translation>La fenêtre s&apos;est fermée avant que ce formulaire soit enregistré :
%1

« Reprendre » le rouvre tel que vous l&apos;avez laissé ; « Abandonner » le supprime.</translation>
    </message>
    <message>
        <source>The window closed before these forms were saved:
%1

Resume opens them again as you left them; Discard throws the drafts away.</source>
        <translation>La fenêtre s&apos;est fermée avant que ces formulaires soient enregistrés :
%1

« Reprendre » les rouvre tels que vous les avez laissés ; « Abandonner » les supprime.</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Reprendre</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Abandonner</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Préférences</translation>
    </message>
    <message>
        <source>%1 (from the system)</source>
        <translation>%1 (nom du système)</translation>
    </message>
    <message>
        <source>First name and surname</source>
        <translation>Prénom et nom</translation>
    </message>
    <message>
        <source>Signs your notes, and names you in the history of every change and send</source>
        <translation>Signe vos notes et vous nomme dans l&apos;historique de chaque modification et de chaque envoi</translation>
    </message>
    <message>
        <source>Proposed for a contact you create, and for an import&apos;s new contacts</source>
        <translation>Proposée pour un contact que vous créez et pour les nouveaux contacts d&apos;une importation</translation>
    </message>
    <message>
        <source>Mail server and sender…</source>
        <translation>Serveur d&apos;envoi et expéditeur…</translation>
    </message>
    <message>
        <source>You and this workstation</source>
        <translation>Vous et ce poste</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Votre nom</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Fuseau horaire</translation>
    </message>
    <message>
        <source>Lawful basis of new contacts</source>
        <translation>Base légale des nouveaux contacts</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Envoi</translation>
    </message>
    <message>
        <source>Default folder</source>
        <translation>Dossier par défaut</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Sauvegardes</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <source>Daily copies kept</source>
        <translation>Copies quotidiennes gardées</translation>
    </message>
    <message>
        <source>Weekly copies kept</source>
        <translation>Copies hebdomadaires gardées</translation>
    </message>
    <message>
        <source>Monthly copies kept</source>
        <translation>Copies mensuelles gardées</translation>
    </message>
    <message>
        <source>e.g. dpo@example.fr</source>
        <translation>ex. : dpo@example.fr</translation>
    </message>
    <message>
        <source>Data protection officer</source>
        <translation>Délégué à la protection des données</translation>
    </message>
    <message>
        <source>Named in the information notices and the record of processing of this database.</source>
        <translation>Nommé dans les notices d&apos;information et le registre des traitements de cette base.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Courriel</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>&lt;b&gt;Who works at this workstation?&lt;/b&gt; Your name signs your notes and names you in the history of every change and send; the system gives none.</source>
        <translation>&lt;b&gt;Qui travaille à ce poste ?&lt;/b&gt; Votre nom signe vos notes et vous nomme dans l&apos;historique de chaque modification et de chaque envoi ; le système n&apos;en donne aucun.</translation>
    </message>
    <message>
        <source>Backups folder</source>
        <translation>Dossier des sauvegardes</translation>
    </message>
    <message>
        <source>Unknown time zone: %1 (choose one from the list).</source>
        <translation>Fuseau horaire inconnu : %1 (choisissez-en un dans la liste).</translation>
    </message>
    <message>
        <source>The backups folder %1 does not exist.</source>
        <translation>Le dossier des sauvegardes %1 n&apos;existe pas.</translation>
    </message>
</context>
</TS>
