<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>ContactEditCommands</name>
    <message>
        <source>a contact</source>
        <translation>un contact</translation>
    </message>
    <message>
        <source>Edit of %1</source>
        <translation>la modification de %1</translation>
    </message>
    <message>
        <source>Contact saved</source>
        <translation>Contact enregistré</translation>
    </message>
    <message>
        <source>Creation of %1</source>
        <translation>la création de %1</translation>
    </message>
    <message>
        <source>Contact created</source>
        <translation>Contact créé</translation>
    </message>
</context>
<context>
    <name>EmlReviewDialog</name>
    <message>
        <source>Review the emails</source>
        <translation>Relire les courriels</translation>
    </message>
    <message>
        <source>Each email below becomes a press enquiry. Untick those to leave aside, and change the proposed outlet, request type or priority where needed.</source>
        <translation>Chaque courriel ci-dessous devient une demande presse. Décochez ceux à laisser de côté et, si besoin, changez le média, le type de demande ou la priorité proposés.</translation>
    </message>
    <message>
        <source>Emails to log</source>
        <translation>Courriels à consigner</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Consigner</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Expéditeur</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Objet</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>Outlet</source>
        <translation>Média</translation>
    </message>
    <message>
        <source>Request type</source>
        <translation>Type de demande</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorité</translation>
    </message>
    <message>
        <source>New: %1</source>
        <translation>Nouveau&#xa0;: %1</translation>
    </message>
    <message>
        <source>A new journalist will be created</source>
        <translation>Un nouveau journaliste sera créé</translation>
    </message>
    <message>
        <source>Known contact</source>
        <translation>Contact connu</translation>
    </message>
    <message>
        <source>Newspaper, radio, agency…</source>
        <translation>Journal, radio, agence…</translation>
    </message>
    <message>
        <source>Outlet of the email from %1</source>
        <translation>Média du courriel de %1</translation>
    </message>
    <message>
        <source>Request type of the email from %1</source>
        <translation>Type de demande du courriel de %1</translation>
    </message>
    <message>
        <source>Priority of the email from %1</source>
        <translation>Priorité du courriel de %1</translation>
    </message>
    <message>
        <source>%1 file left out:</source>
        <translation>%1 fichier laissé de côté&#xa0;:</translation>
    </message>
    <message>
        <source>%1 files left out:</source>
        <translation>%1 fichiers laissés de côté&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Log %1 enquiry</source>
        <translation>&amp;Consigner %1 demande</translation>
    </message>
    <message>
        <source>&amp;Log %1 enquiries</source>
        <translation>&amp;Consigner %1 demandes</translation>
    </message>
    <message>
        <source>Email “%1”: %2</source>
        <translation>Courriel «&#xa0;%1&#xa0;»&#xa0;: %2</translation>
    </message>
    <message>
        <source>Emails not logged</source>
        <translation>Courriels non consignés</translation>
    </message>
</context>
<context>
    <name>MessagePreviewDialog</name>
    <message>
        <source>Pre&amp;view…</source>
        <translation>&amp;Aperçu…</translation>
    </message>
    <message>
        <source>The message as one recipient will get it; send yourself a test</source>
        <translation>Le message tel qu’un destinataire le recevra ; envoyez-vous un test</translation>
    </message>
    <message>
        <source>Preview of the message</source>
        <translation>Aperçu du message</translation>
    </message>
    <message>
        <source>&amp;As received by</source>
        <translation>&amp;Tel que reçu par</translation>
    </message>
    <message>
        <source>From</source>
        <translation>De</translation>
    </message>
    <message>
        <source>To</source>
        <translation>À</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Objet</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Pièces jointes</translation>
    </message>
    <message>
        <source>Formatted message</source>
        <translation>Message mis en forme</translation>
    </message>
    <message>
        <source>Plain text of the message</source>
        <translation>Texte brut du message</translation>
    </message>
    <message>
        <source>Formatted</source>
        <translation>Mis en forme</translation>
    </message>
    <message>
        <source>Plain text</source>
        <translation>Texte brut</translation>
    </message>
    <message>
        <source>Send &amp;me a test</source>
        <translation>M’envoyer un &amp;test</translation>
    </message>
    <message>
        <source>Nobody will receive this release: no message to preview.</source>
        <translation>Personne ne recevra ce communiqué&#xa0;: aucun message à prévisualiser.</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Aucune</translation>
    </message>
    <message>
        <source>Send this message, as this recipient will get it, to %1</source>
        <translation>Envoyer ce message, tel que ce destinataire le recevra, à %1</translation>
    </message>
    <message>
        <source>The sending is not set up yet (server and sender address): the test cannot go out.</source>
        <translation>L’envoi n’est pas encore configuré (serveur et adresse d’expéditeur)&#xa0;: le test ne peut pas partir.</translation>
    </message>
    <message>
        <source>Sending the test…</source>
        <translation>Envoi du test…</translation>
    </message>
    <message>
        <source>Test sent to %1, as %2 will get it. Nothing is recorded as distributed.</source>
        <translation>Test envoyé à %1, tel que %2 le recevra. Rien n’est enregistré comme diffusé.</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>Alt and the underlined letter opens a menu; in a menu, the underlined letter runs its entry. Tab and Shift+Tab move from field to field.</source>
        <translation>Alt et la lettre soulignée ouvrent un menu&#xa0;; dans un menu, la lettre soulignée choisit l’entrée. Tab et Maj+Tab passent d’un champ à l’autre.</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Touches</translation>
    </message>
    <message>
        <source>Elsewhere</source>
        <translation>Ailleurs</translation>
    </message>
</context>
</TS>
