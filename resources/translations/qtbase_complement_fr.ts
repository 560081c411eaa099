<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- Qt's own strings that Qt's qtbase_fr.qm (Qt 6.11) leaves in English: the source
     strings changed (an accelerator was added) and the French catalogue was not updated.
     Loaded after qtbase_fr by desktop/i18n.py; compiled by `make translations`. -->
<TS version="2.1" language="fr" sourcelanguage="en">
    <context>
        <name>QFileDialog</name>
        <message>
            <source>&amp;Look in:</source>
            <translation>&amp;Voir dans :</translation>
        </message>
        <message>
            <source>Files of &amp;type:</source>
            <translation>Fichiers de &amp;type :</translation>
        </message>
        <message>
            <source>Computer</source>
            <translation>Ordinateur</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>Enregistrer</translation>
        </message>
    </context>
    <context>
        <name>QPrintSettingsOutput</name>
        <message>
            <source>Page &amp;Set:</source>
            <translation>&amp;Jeu de pages :</translation>
        </message>
    </context>
    <context>
        <name>QPrintDialog</name>
        <message>
            <source>Page &amp;Set:</source>
            <translation>&amp;Jeu de pages :</translation>
        </message>
    </context>
</TS>
