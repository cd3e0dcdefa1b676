<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>EmptyGuidance</name>
    <message>
        <source>No press release yet</source>
        <translation>Aucun communiqué pour l’instant</translation>
    </message>
    <message>
        <source>Write a press release here, choose its recipients among your contacts and lists, then send it by e-mail or record a distribution made elsewhere. The desk keeps who received which release.</source>
        <translation>Rédigez ici un communiqué de presse, choisissez ses destinataires parmi vos contacts et vos listes, puis envoyez-le par courriel ou enregistrez un envoi fait ailleurs. Le bureau garde qui a reçu quel communiqué.</translation>
    </message>
    <message>
        <source>New release</source>
        <translation>Nouveau communiqué</translation>
    </message>
    <message>
        <source>No press enquiry yet</source>
        <translation>Aucune demande presse pour l’instant</translation>
    </message>
    <message>
        <source>When a journalist calls or writes, log the request here with its deadline: the desk shows what is due and keeps the thread until it is answered. An e-mail saved as .eml can be imported as it is.</source>
        <translation>Quand un journaliste appelle ou écrit, notez ici sa demande et son échéance&#xa0;: le bureau montre ce qui est à rendre et garde le fil jusqu’à la réponse. Un courriel enregistré en .eml s’importe tel quel.</translation>
    </message>
    <message>
        <source>New enquiry</source>
        <translation>Nouvelle demande</translation>
    </message>
    <message>
        <source>Import e-mails…</source>
        <translation>Importer des courriels…</translation>
    </message>
    <message>
        <source>No enquiry matches these filters.</source>
        <translation>Aucune demande ne correspond à ces filtres.</translation>
    </message>
</context>
<context>
    <name>UndoFeedback</name>
    <message>
        <source>Undone: %1</source>
        <translation>Annulé&#xa0;: %1</translation>
    </message>
    <message>
        <source>Redone: %1</source>
        <translation>Rétabli&#xa0;: %1</translation>
    </message>
</context>
</TS>
