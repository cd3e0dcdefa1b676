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
</TS>
