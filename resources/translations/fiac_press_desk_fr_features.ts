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
</TS>
