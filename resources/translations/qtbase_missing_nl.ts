<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- Dutch for the strings of Qt's own dialogs that Qt's qtbase_nl.qm lacks (Qt 6.11 gave them
     mnemonics, the Dutch translation still has the old texts). Kept by hand; compiled by
     scripts/update_translations.sh; loaded after qtbase_nl.qm, so it is asked first. -->
<TS version="2.1" language="nl_NL">
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>&amp;Zoeken in:</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>Bestands&amp;type:</translation>
    </message>
</context>
</TS>
