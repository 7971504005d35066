<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AboutDialog</name>
    <message>
        <source>Licenties</source>
        <translation>Licences</translation>
    </message>
    <message>
        <source>Over vlnl-desktop</source>
        <translation>About vlnl-desktop</translation>
    </message>
    <message>
        <source>Een offline archief van de Vlaams-Nederlandse samenwerking in economie, wetenschap en innovatie: intentieverklaringen, topontmoetingen, gebeurtenissen, thema&apos;s en documenten, doorzoekbaar zonder netwerk.</source>
        <translation>An offline archive of the Flemish-Dutch cooperation on economy, science and innovation: declarations of intent, summits, events, themes and documents, searchable without a network.</translation>
    </message>
    <message>
        <source>Dit programma is vrije software: u mag het verspreiden en wijzigen onder de voorwaarden van de GNU Affero General Public License, versie 3 of (naar keuze) een latere versie. Het gebruikt PyMuPDF, dat onder de AGPL valt. Het wordt verspreid zonder enige garantie.</source>
        <translation>This program is free software: you can redistribute it and/or modify it under the terms of the GNU Affero General Public License, version 3 or (at your option) any later version. It uses PyMuPDF, which is licensed under the AGPL. It comes without any warranty.</translation>
    </message>
    <message>
        <source>Qt-versie: %1</source>
        <translation>Qt version: %1</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Het archief is beschadigd: een waarde van het verkeerde type in %1.</source>
        <translation>The archive is damaged: a value of the wrong type in %1.</translation>
    </message>
    <message>
        <source>Onverwachte fout</source>
        <translation>Unexpected error</translation>
    </message>
    <message>
        <source>Er ging iets mis: %1</source>
        <translation>Something went wrong: %1</translation>
    </message>
</context>
<context>
    <name>ArchiveProblem</name>
    <message>
        <source>Het archief kan niet worden geopend</source>
        <translation>The archive cannot be opened</translation>
    </message>
    <message>
        <source>U kunt het archief opnieuw opbouwen uit het archief dat met het programma is meegeleverd. Documenten die u zelf toevoegde, blijven behouden als het oude archief nog leesbaar is; een beschadigd bestand wordt eerst opzij gezet, zodat er niets verloren gaat.</source>
        <translation>You can rebuild the archive from the archive that comes with the program. Documents you added yourself are kept if the old archive can still be read; a damaged file is first moved aside, so nothing is lost.</translation>
    </message>
    <message>
        <source>Archief opnieuw opbouwen</source>
        <translation>Rebuild the archive</translation>
    </message>
</context>
<context>
    <name>ArchiveStatusBar</name>
    <message>
        <source>Geen archief geopend</source>
        <translation>No archive open</translation>
    </message>
    <message>
        <source>%1 intentieverklaringen · %2 topontmoetingen · %3 gebeurtenissen · %4 verdragen · %5 instellingen · %6 thema&apos;s · %7 personen · %8 documenten (%9 als bestand)</source>
        <translation>%1 declarations of intent · %2 summits · %3 events · %4 treaties · %5 institutions · %6 themes · %7 people · %8 documents (%9 as files)</translation>
    </message>
    <message>
        <source>Archief: %1</source>
        <translation>Archive: %1</translation>
    </message>
</context>
<context>
    <name>ArchiveTreeModel</name>
    <message>
        <source>nog niet in het archief</source>
        <translation>not in the archive yet</translation>
    </message>
    <message>
        <source>Archief</source>
        <translation>Archive</translation>
    </message>
</context>
<context>
    <name>ArchiveView</name>
    <message>
        <source>Archief opnieuw opbouwen</source>
        <translation>Rebuild the archive</translation>
    </message>
    <message>
        <source>Het archief opnieuw opbouwen uit het meegeleverde archief? Documenten die u zelf toevoegde, blijven behouden.</source>
        <translation>Rebuild the archive from the archive that comes with the program? Documents you added yourself are kept.</translation>
    </message>
    <message>
        <source>Het archief wordt opnieuw opgebouwd…</source>
        <translation>Rebuilding the archive…</translation>
    </message>
    <message>
        <source>Opnieuw opbouwen mislukt: %1</source>
        <translation>Rebuilding failed: %1</translation>
    </message>
    <message>
        <source>Het archief is opnieuw opgebouwd.</source>
        <translation>The archive has been rebuilt.</translation>
    </message>
    <message>
        <source>Het beschadigde bestand staat nu in %1.</source>
        <translation>The damaged file is now at %1.</translation>
    </message>
</context>
<context>
    <name>Counts</name>
    <message numerus="yes">
        <source>%n pagina(&apos;s)</source>
        <translation>
            <numerusform>%n page</numerusform>
            <numerusform>%n pages</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DetailHtml</name>
    <message>
        <source>het bestand is nog niet in het archief</source>
        <translation>the file is not in the archive yet</translation>
    </message>
    <message>
        <source>Bronnen</source>
        <translation>Sources</translation>
    </message>
    <message>
        <source>Onzeker:</source>
        <translation>Uncertain:</translation>
    </message>
    <message>
        <source>Bronnen die elkaar tegenspreken:</source>
        <translation>Sources that disagree:</translation>
    </message>
    <message>
        <source>Bron:</source>
        <translation>Source:</translation>
    </message>
    <message>
        <source>Onzeker</source>
        <translation>Uncertain</translation>
    </message>
    <message>
        <source>Ondertekend door</source>
        <translation>Signed by</translation>
    </message>
    <message>
        <source>Deelnemers</source>
        <translation>Participants</translation>
    </message>
    <message>
        <source>Topontmoeting %1</source>
        <translation>Summit %1</translation>
    </message>
    <message>
        <source>in werking sinds %1</source>
        <translation>in force since %1</translation>
    </message>
    <message>
        <source>Hoort bij:</source>
        <translation>Part of:</translation>
    </message>
    <message>
        <source>Domeinen</source>
        <translation>Domains</translation>
    </message>
    <message>
        <source>Beslissingen</source>
        <translation>Decisions</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Thema&apos;s</source>
        <translation>Themes</translation>
    </message>
    <message>
        <source>Hoort bij de groepen</source>
        <translation>Belongs to the groups</translation>
    </message>
    <message>
        <source>Bovenliggende groep</source>
        <translation>Parent group</translation>
    </message>
    <message>
        <source>Thema&apos;s in deze groep</source>
        <translation>Themes in this group</translation>
    </message>
    <message>
        <source>Documenten</source>
        <translation>Documents</translation>
    </message>
    <message>
        <source>Gebeurtenissen rond deze top</source>
        <translation>Events around this summit</translation>
    </message>
    <message>
        <source>Ook genoemd in</source>
        <translation>Also named in</translation>
    </message>
    <message>
        <source>Genoemd bij</source>
        <translation>Named with</translation>
    </message>
    <message>
        <source>Topontmoetingen</source>
        <translation>Summits</translation>
    </message>
    <message>
        <source>Zie ook</source>
        <translation>See also</translation>
    </message>
    <message>
        <source>van %1 tot %2</source>
        <translation>from %1 to %2</translation>
    </message>
    <message>
        <source>vanaf %1</source>
        <translation>from %1</translation>
    </message>
    <message>
        <source>tot %1</source>
        <translation>until %1</translation>
    </message>
    <message>
        <source>Ambten</source>
        <translation>Offices</translation>
    </message>
    <message>
        <source>Deelname aan topontmoetingen en gebeurtenissen</source>
        <translation>Took part in summits and events</translation>
    </message>
    <message>
        <source>Geen deelname opgenomen.</source>
        <translation>No participation recorded.</translation>
    </message>
    <message>
        <source>Op de topontmoetingen</source>
        <translation>At the summits</translation>
    </message>
    <message>
        <source>Geen topontmoeting noemde dit thema.</source>
        <translation>No summit named this theme.</translation>
    </message>
    <message>
        <source>Bestand</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Openen in de viewer</source>
        <translation>Open in the viewer</translation>
    </message>
    <message>
        <source>Eerdere versies, bewaard:</source>
        <translation>Earlier versions, kept:</translation>
    </message>
    <message>
        <source>Bestandsnaam</source>
        <translation>File name</translation>
    </message>
    <message>
        <source>Adres</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Gepubliceerd op</source>
        <translation>Published on</translation>
    </message>
    <message>
        <source>Niet gevonden</source>
        <translation>Not found</translation>
    </message>
    <message>
        <source>Het archief bevat geen record %1.</source>
        <translation>The archive has no record %1.</translation>
    </message>
    <message>
        <source>Vlaanderen en Nederland: economie, wetenschap en innovatie</source>
        <translation>Flanders and the Netherlands: economy, science and innovation</translation>
    </message>
    <message>
        <source>Een archief van de Vlaams-Nederlandse samenwerking in economie, wetenschap en innovatie: de intentieverklaringen, de topontmoetingen van de minister-presidenten, wat er tussen de toppen gebeurde, de thema&apos;s die erdoorheen lopen en de officiële documenten.</source>
        <translation>An archive of the Flemish-Dutch cooperation on economy, science and innovation: the declarations of intent, the summits of the minister-presidents, what happened between the summits, the themes that run through them and the official documents.</translation>
    </message>
    <message>
        <source>intentieverklaringen</source>
        <translation>declarations of intent</translation>
    </message>
    <message>
        <source>topontmoetingen</source>
        <translation>summits</translation>
    </message>
    <message>
        <source>gebeurtenissen</source>
        <translation>events</translation>
    </message>
    <message>
        <source>verdragen en instellingen</source>
        <translation>treaties and institutions</translation>
    </message>
    <message>
        <source>thema&apos;s</source>
        <translation>themes</translation>
    </message>
    <message>
        <source>personen</source>
        <translation>people</translation>
    </message>
    <message>
        <source>documenten</source>
        <translation>documents</translation>
    </message>
    <message>
        <source>Kies links een record om de feiten, beslissingen, thema&apos;s en bronnen te zien.</source>
        <translation>Choose a record on the left to see its facts, decisions, themes and sources.</translation>
    </message>
    <message>
        <source>Zoek met Ctrl+F of Ctrl+K in de records en in de tekst van de documenten.</source>
        <translation>Search the records and the text of the documents with Ctrl+F or Ctrl+K.</translation>
    </message>
    <message>
        <source>Alt+Links en Alt+Rechts gaan terug en vooruit, zoals in een browser.</source>
        <translation>Alt+Left and Alt+Right go back and forward, as in a browser.</translation>
    </message>
    <message>
        <source>%1 van de %2 documenten staan als bestand in het archief.</source>
        <translation>%1 of the %2 documents are in the archive as a file.</translation>
    </message>
    <message>
        <source>De ontbrekende officiële documenten haalt u op met Bestand › Officiële documenten ophalen…; een eigen kopie koppelt u op het document zelf (Bestand › Bestand koppelen…).</source>
        <translation>Fetch the missing official documents with File › Fetch official documents…; attach your own copy on the document itself (File › Attach a file…).</translation>
    </message>
    <message>
        <source>OVERZICHT</source>
        <translation>OVERVIEW</translation>
    </message>
    <message>
        <source>Intentieverklaringen en topontmoetingen</source>
        <translation>Declarations of intent and summits</translation>
    </message>
    <message>
        <source>Zo begint u</source>
        <translation>Getting started</translation>
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message>
        <source>Webpagina openen</source>
        <translation>Open web page</translation>
    </message>
    <message>
        <source>Deze pagina openen in uw webbrowser?

%1</source>
        <translation>Open this page in your web browser?

%1</translation>
    </message>
    <message>
        <source>Details van het record</source>
        <translation>The record&apos;s details</translation>
    </message>
</context>
<context>
    <name>DetailText</name>
    <message>
        <source>Onzeker: %1</source>
        <translation>Uncertain: %1</translation>
    </message>
    <message>
        <source>Hoort bij: %1</source>
        <translation>Part of: %1</translation>
    </message>
    <message>
        <source>Deelnemers</source>
        <translation>Participants</translation>
    </message>
    <message>
        <source>Ambten</source>
        <translation>Offices</translation>
    </message>
    <message>
        <source>Deelname</source>
        <translation>Took part in</translation>
    </message>
    <message>
        <source>Domeinen</source>
        <translation>Domains</translation>
    </message>
    <message>
        <source>Beslissingen</source>
        <translation>Decisions</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Op de topontmoetingen</source>
        <translation>At the summits</translation>
    </message>
    <message>
        <source>Thema&apos;s</source>
        <translation>Themes</translation>
    </message>
    <message>
        <source>Documenten</source>
        <translation>Documents</translation>
    </message>
    <message>
        <source>Zie ook</source>
        <translation>See also</translation>
    </message>
    <message>
        <source>Bronnen</source>
        <translation>Sources</translation>
    </message>
</context>
<context>
    <name>DocumentFind</name>
    <message>
        <source>Deze pagina heeft geen tekstlaag.</source>
        <translation>This page has no text layer.</translation>
    </message>
    <message>
        <source>Niet gevonden</source>
        <translation>Not found</translation>
    </message>
    <message>
        <source>Zoeken…</source>
        <translation>Searching…</translation>
    </message>
    <message>
        <source>%1 van %2</source>
        <translation>%1 of %2</translation>
    </message>
</context>
<context>
    <name>DocumentOpener</name>
    <message>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>Het archief bevat geen document %1.</source>
        <translation>The archive has no document %1.</translation>
    </message>
    <message>
        <source>Het bestand van „%1” is nog niet in het archief.</source>
        <translation>The file of “%1” is not in the archive yet.</translation>
    </message>
    <message>
        <source>Het bestand van „%1” ontbreekt in de map met documenten (%2). &apos;vlnl-desktop check&apos; zoekt uit wat er mis is.</source>
        <translation>The file of “%1” is missing from the documents folder (%2). &apos;vlnl-desktop check&apos; finds out what is wrong.</translation>
    </message>
    <message>
        <source>De PDF-viewer is niet beschikbaar in deze installatie.</source>
        <translation>The PDF viewer is not available in this installation.</translation>
    </message>
    <message>
        <source>PDF openen</source>
        <translation>Open PDF</translation>
    </message>
    <message>
        <source>PDF-documenten (*.pdf)</source>
        <translation>PDF documents (*.pdf)</translation>
    </message>
</context>
<context>
    <name>DocumentOpening</name>
    <message>
        <source>Dit document is beveiligd met een wachtwoord.</source>
        <translation>This document is protected by a password.</translation>
    </message>
    <message>
        <source>Dit bestand is leeg: het is geen PDF-document.</source>
        <translation>This file is empty: it is not a PDF document.</translation>
    </message>
    <message>
        <source>Dit bestand is geen PDF-document.</source>
        <translation>This file is not a PDF document.</translation>
    </message>
    <message>
        <source>Dit PDF-document is beschadigd en kan niet worden gelezen.</source>
        <translation>This PDF document is damaged and cannot be read.</translation>
    </message>
    <message>
        <source>Dit PDF-document heeft geen pagina&apos;s.</source>
        <translation>This PDF document has no pages.</translation>
    </message>
    <message>
        <source>Het bestand kan niet worden gelezen.</source>
        <translation>The file cannot be read.</translation>
    </message>
    <message>
        <source>Dit PDF-document vraagt te veel geheugen of tijd om te openen.</source>
        <translation>This PDF document needs too much memory or time to open.</translation>
    </message>
</context>
<context>
    <name>DocumentOrigin</name>
    <message>
        <source>het bestand is nog niet in het archief</source>
        <translation>the file is not in the archive yet</translation>
    </message>
    <message>
        <source>door u gekoppeld op %1</source>
        <translation>attached by you on %1</translation>
    </message>
    <message>
        <source>door u gekoppeld</source>
        <translation>attached by you</translation>
    </message>
    <message>
        <source>opgehaald van %2 op %1</source>
        <translation>fetched from %2 on %1</translation>
    </message>
    <message>
        <source>opgehaald van %2</source>
        <translation>fetched from %2</translation>
    </message>
    <message>
        <source>Ophalen van %1</source>
        <translation>Fetch from %1</translation>
    </message>
    <message>
        <source>Ander bestand koppelen…</source>
        <translation>Attach another file…</translation>
    </message>
    <message>
        <source>Bestand koppelen…</source>
        <translation>Attach a file…</translation>
    </message>
    <message>
        <source>vervangen op %1</source>
        <translation>replaced on %1</translation>
    </message>
    <message>
        <source>Het bestand van dit officiële document is nog niet in het archief: haal het op van %1, of koppel een eigen kopie (ook door een PDF hierheen te slepen).</source>
        <translation>The file of this official document is not in the archive yet: fetch it from %1, or attach your own copy (also by dragging a PDF here).</translation>
    </message>
    <message>
        <source>Het bestand van dit officiële document is nog niet in het archief, en zijn adres is niet bekend: koppel een eigen kopie (ook door een PDF hierheen te slepen).</source>
        <translation>The file of this official document is not in the archive yet, and its address is not known: attach your own copy (also by dragging a PDF here).</translation>
    </message>
</context>
<context>
    <name>DossierExport</name>
    <message>
        <source>Dossier - %1.pdf</source>
        <translation>Dossier - %1.pdf</translation>
    </message>
    <message>
        <source>Dossier exporteren</source>
        <translation>Export dossier</translation>
    </message>
    <message>
        <source>PDF-documenten (*.pdf)</source>
        <translation>PDF documents (*.pdf)</translation>
    </message>
    <message>
        <source>Het dossier kon niet worden opgeslagen als %1: %2</source>
        <translation>The dossier could not be saved as %1: %2</translation>
    </message>
    <message>
        <source>Het dossier van „%1” is opgeslagen als %2.</source>
        <translation>The dossier of “%1” has been saved as %2.</translation>
    </message>
</context>
<context>
    <name>FetchDialog</name>
    <message>
        <source>Officiële documenten ophalen</source>
        <translation>Fetch official documents</translation>
    </message>
    <message>
        <source>De officiële documenten waarvan het adres bekend is. Wat al in het archief staat, blijft zoals het is; een webpagina wordt bewaard als PDF van haar hoofdtekst, met het adres en de datum erop.</source>
        <translation>The official documents whose address is known. What is already in the archive stays as it is; a web page is kept as a PDF of its main text, with its address and the date on it.</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>Van</source>
        <translation>From</translation>
    </message>
    <message>
        <source>Voortgang</source>
        <translation>Progress</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>al aanwezig</source>
        <translation>already present</translation>
    </message>
    <message>
        <source>Ook nagaan of de aanwezige documenten gewijzigd zijn</source>
        <translation>Also check whether the documents already present have changed</translation>
    </message>
    <message>
        <source>&amp;Ophalen</source>
        <translation>&amp;Fetch</translation>
    </message>
    <message>
        <source>&amp;Annuleren</source>
        <translation>&amp;Cancel</translation>
    </message>
    <message>
        <source>&amp;Sluiten</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <source>Controleren of het netwerk bereikbaar is…</source>
        <translation>Checking whether the network can be reached…</translation>
    </message>
    <message>
        <source>Wordt afgebroken…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <source>Bezig: %1 van %2 documenten</source>
        <translation>Working: %1 of %2 documents</translation>
    </message>
    <message>
        <source>bezig…</source>
        <translation>working…</translation>
    </message>
    <message>
        <source>%1 van %2 kB</source>
        <translation>%1 of %2 kB</translation>
    </message>
    <message>
        <source>%1 kB</source>
        <translation>%1 kB</translation>
    </message>
    <message>
        <source>opgehaald</source>
        <translation>fetched</translation>
    </message>
    <message>
        <source>gewijzigd: nieuwe versie bewaard, de vorige ook</source>
        <translation>changed: new version kept, and the earlier one</translation>
    </message>
    <message>
        <source>ongewijzigd</source>
        <translation>unchanged</translation>
    </message>
    <message>
        <source>hetzelfde bestand als %1, al in het archief</source>
        <translation>the same file as %1, already in the archive</translation>
    </message>
    <message>
        <source>Opgehaald: %1</source>
        <translation>Fetched: %1</translation>
    </message>
    <message>
        <source>al aanwezig: %1</source>
        <translation>already present: %1</translation>
    </message>
    <message>
        <source>gewijzigd: %1</source>
        <translation>changed: %1</translation>
    </message>
    <message>
        <source>mislukt: %1</source>
        <translation>failed: %1</translation>
    </message>
    <message>
        <source>afgebroken; de rest is niet opgehaald</source>
        <translation>cancelled; the rest was not fetched</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Zoeken:</source>
        <translation>Find:</translation>
    </message>
    <message>
        <source>Zoeken in document</source>
        <translation>Find in document</translation>
    </message>
    <message>
        <source>Vorige (Shift+F3)</source>
        <translation>Previous (Shift+F3)</translation>
    </message>
    <message>
        <source>Volgende (F3)</source>
        <translation>Next (F3)</translation>
    </message>
    <message>
        <source>Zoekbalk sluiten (Esc)</source>
        <translation>Close the find bar (Esc)</translation>
    </message>
</context>
<context>
    <name>HighlightsPanel</name>
    <message>
        <source>Citeren</source>
        <translation>Cite</translation>
    </message>
    <message>
        <source>De bron van deze markering naar het klembord</source>
        <translation>This highlight&apos;s source to the clipboard</translation>
    </message>
    <message>
        <source>Verwijderen</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Markeringen in dit document</source>
        <translation>Highlights in this document</translation>
    </message>
    <message>
        <source>Alleen documenten uit het archief kunnen gemarkeerd worden.</source>
        <translation>Only documents in the archive can be highlighted.</translation>
    </message>
    <message>
        <source>Nog geen markeringen. Selecteer tekst en kies Markeren (Ctrl+M).</source>
        <translation>No highlights yet. Select text and choose Highlight (Ctrl+M).</translation>
    </message>
    <message>
        <source>%1 markeringen</source>
        <translation>%1 highlights</translation>
    </message>
</context>
<context>
    <name>ImportFlow</name>
    <message>
        <source>Documenten importeren</source>
        <translation>Import documents</translation>
    </message>
    <message>
        <source>PDF-documenten (*.pdf);;Alle bestanden (*)</source>
        <translation>PDF documents (*.pdf);;All files (*)</translation>
    </message>
    <message>
        <source>Map importeren</source>
        <translation>Import folder</translation>
    </message>
    <message>
        <source>Bestanden zoeken…</source>
        <translation>Looking for files…</translation>
    </message>
    <message>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Annuleren… het huidige bestand wordt afgemaakt.</source>
        <translation>Cancelling… the current file is being finished.</translation>
    </message>
    <message>
        <source>Importeren… %1 van %2: %3</source>
        <translation>Importing… %1 of %2: %3</translation>
    </message>
    <message>
        <source>Het importeren is mislukt: %1</source>
        <translation>The import failed: %1</translation>
    </message>
    <message>
        <source>1 document geïmporteerd.</source>
        <translation>1 document imported.</translation>
    </message>
    <message>
        <source>%1 documenten geïmporteerd.</source>
        <translation>%1 documents imported.</translation>
    </message>
    <message>
        <source>Geen PDF-bestanden gevonden.</source>
        <translation>No PDF files found.</translation>
    </message>
    <message>
        <source>Geannuleerd: %1 bestanden niet verwerkt.</source>
        <translation>Cancelled: %1 files not processed.</translation>
    </message>
    <message>
        <source>Al in het archief:</source>
        <translation>Already in the archive:</translation>
    </message>
    <message>
        <source>%1: al in het archief als %2</source>
        <translation>%1: already in the archive as %2</translation>
    </message>
    <message>
        <source>Niet geïmporteerd:</source>
        <translation>Not imported:</translation>
    </message>
    <message>
        <source>… en nog %1 (zie de details)</source>
        <translation>… and %1 more (see the details)</translation>
    </message>
</context>
<context>
    <name>ImportStarter</name>
    <message>
        <source>Er loopt al een import; wacht tot die klaar is.</source>
        <translation>An import is already running; wait until it has finished.</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>januari</source>
        <translation>January</translation>
    </message>
    <message>
        <source>februari</source>
        <translation>February</translation>
    </message>
    <message>
        <source>maart</source>
        <translation>March</translation>
    </message>
    <message>
        <source>april</source>
        <translation>April</translation>
    </message>
    <message>
        <source>mei</source>
        <translation>May</translation>
    </message>
    <message>
        <source>juni</source>
        <translation>June</translation>
    </message>
    <message>
        <source>juli</source>
        <translation>July</translation>
    </message>
    <message>
        <source>augustus</source>
        <translation>August</translation>
    </message>
    <message>
        <source>september</source>
        <translation>September</translation>
    </message>
    <message>
        <source>oktober</source>
        <translation>October</translation>
    </message>
    <message>
        <source>november</source>
        <translation>November</translation>
    </message>
    <message>
        <source>december</source>
        <translation>December</translation>
    </message>
    <message>
        <source>Intentieverklaring</source>
        <translation>Declaration of intent</translation>
    </message>
    <message>
        <source>Topontmoeting</source>
        <translation>Summit</translation>
    </message>
    <message>
        <source>Gebeurtenis</source>
        <translation>Event</translation>
    </message>
    <message>
        <source>Verdrag</source>
        <translation>Treaty</translation>
    </message>
    <message>
        <source>Instelling</source>
        <translation>Institution</translation>
    </message>
    <message>
        <source>Themagroep</source>
        <translation>Theme group</translation>
    </message>
    <message>
        <source>Thema</source>
        <translation>Theme</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>Persoon</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Documentpagina</source>
        <translation>Document page</translation>
    </message>
    <message>
        <source>Notitie</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Markering</source>
        <translation>Highlight</translation>
    </message>
    <message>
        <source>Intentieverklaringen</source>
        <translation>Declarations of intent</translation>
    </message>
    <message>
        <source>Topontmoetingen</source>
        <translation>Summits</translation>
    </message>
    <message>
        <source>Gebeurtenissen</source>
        <translation>Events</translation>
    </message>
    <message>
        <source>Verdragen</source>
        <translation>Treaties</translation>
    </message>
    <message>
        <source>Instellingen</source>
        <translation>Institutions</translation>
    </message>
    <message>
        <source>Thema&apos;s</source>
        <translation>Themes</translation>
    </message>
    <message>
        <source>Personen</source>
        <translation>People</translation>
    </message>
    <message>
        <source>Documenten</source>
        <translation>Documents</translation>
    </message>
    <message>
        <source>Themagroepen</source>
        <translation>Theme groups</translation>
    </message>
    <message>
        <source>Documentpagina&apos;s</source>
        <translation>Document pages</translation>
    </message>
    <message>
        <source>Notities</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Markeringen</source>
        <translation>Highlights</translation>
    </message>
    <message>
        <source>Mijn notities</source>
        <translation>My notes</translation>
    </message>
    <message>
        <source>geïntroduceerd</source>
        <translation>introduced</translation>
    </message>
    <message>
        <source>geprioriteerd</source>
        <translation>prioritised</translation>
    </message>
    <message>
        <source>besproken</source>
        <translation>discussed</translation>
    </message>
    <message>
        <source>nieuw</source>
        <translation>new</translation>
    </message>
    <message>
        <source>prioriteit</source>
        <translation>priority</translation>
    </message>
    <message>
        <source>Geel</source>
        <translation>Yellow</translation>
    </message>
    <message>
        <source>Groen</source>
        <translation>Green</translation>
    </message>
    <message>
        <source>Blauw</source>
        <translation>Blue</translation>
    </message>
    <message>
        <source>Roze</source>
        <translation>Pink</translation>
    </message>
    <message>
        <source>Vlaanderen</source>
        <translation>Flanders</translation>
    </message>
    <message>
        <source>Nederland</source>
        <translation>Netherlands</translation>
    </message>
    <message>
        <source>Europese Unie</source>
        <translation>European Union</translation>
    </message>
    <message>
        <source>slotverklaring</source>
        <translation>final declaration</translation>
    </message>
    <message>
        <source>gezamenlijke verklaring</source>
        <translation>joint declaration</translation>
    </message>
    <message>
        <source>communiqué</source>
        <translation>press release</translation>
    </message>
    <message>
        <source>nieuwsbericht</source>
        <translation>news item</translation>
    </message>
    <message>
        <source>conclusies</source>
        <translation>conclusions</translation>
    </message>
    <message>
        <source>rapport</source>
        <translation>report</translation>
    </message>
    <message>
        <source>agenda</source>
        <translation>agenda</translation>
    </message>
    <message>
        <source>memorandum of understanding</source>
        <translation>memorandum of understanding</translation>
    </message>
    <message>
        <source>fiche</source>
        <translation>record sheet</translation>
    </message>
    <message>
        <source>Slotverklaringen</source>
        <translation>Final declarations</translation>
    </message>
    <message>
        <source>Gezamenlijke verklaringen</source>
        <translation>Joint declarations</translation>
    </message>
    <message>
        <source>Communiqués</source>
        <translation>Press releases</translation>
    </message>
    <message>
        <source>Nieuwsberichten</source>
        <translation>News items</translation>
    </message>
    <message>
        <source>Conclusies</source>
        <translation>Conclusions</translation>
    </message>
    <message>
        <source>Rapporten</source>
        <translation>Reports</translation>
    </message>
    <message>
        <source>Agenda&apos;s</source>
        <translation>Agendas</translation>
    </message>
    <message>
        <source>Memoranda of understanding</source>
        <translation>Memoranda of understanding</translation>
    </message>
    <message>
        <source>Fiches (samengesteld)</source>
        <translation>Record sheets (compiled)</translation>
    </message>
    <message>
        <source>Overige documenten</source>
        <translation>Other documents</translation>
    </message>
    <message>
        <source>Officieel document</source>
        <translation>Official document</translation>
    </message>
    <message>
        <source>Fiche, samengesteld door het archief</source>
        <translation>Record sheet, compiled by the archive</translation>
    </message>
    <message>
        <source>Door u toegevoegd</source>
        <translation>Added by you</translation>
    </message>
    <message>
        <source>geen PDF (het bestand is leeg)</source>
        <translation>not a PDF (the file is empty)</translation>
    </message>
    <message>
        <source>geen PDF</source>
        <translation>not a PDF</translation>
    </message>
    <message>
        <source>beschadigde PDF: %1</source>
        <translation>damaged PDF: %1</translation>
    </message>
    <message>
        <source>beveiligd met een wachtwoord</source>
        <translation>protected by a password</translation>
    </message>
    <message>
        <source>verkeerd wachtwoord</source>
        <translation>wrong password</translation>
    </message>
    <message>
        <source>bevat geen pagina&apos;s</source>
        <translation>has no pages</translation>
    </message>
    <message>
        <source>te zwaar om te lezen: %1</source>
        <translation>too costly to read: %1</translation>
    </message>
    <message>
        <source>bestand bestaat niet</source>
        <translation>no such file</translation>
    </message>
    <message>
        <source>is een map, geen bestand</source>
        <translation>is a folder, not a file</translation>
    </message>
    <message>
        <source>kan niet gelezen worden: geen toegang</source>
        <translation>cannot be read: permission denied</translation>
    </message>
    <message>
        <source>kan niet gelezen worden: %1</source>
        <translation>cannot be read: %1</translation>
    </message>
    <message>
        <source>geen gewoon bestand (%1)</source>
        <translation>not a regular file (%1)</translation>
    </message>
    <message>
        <source>kan niet in het archief bewaard worden: %1</source>
        <translation>cannot be stored in the archive: %1</translation>
    </message>
    <message>
        <source>geen webadres</source>
        <translation>not a web address</translation>
    </message>
    <message>
        <source>te groot (%1)</source>
        <translation>too large (%1)</translation>
    </message>
    <message>
        <source>geen antwoord binnen %1 s</source>
        <translation>no answer within %1 s</translation>
    </message>
    <message>
        <source>de server antwoordde %1</source>
        <translation>the server answered %1</translation>
    </message>
    <message>
        <source>geen verbinding: %1</source>
        <translation>cannot connect: %1</translation>
    </message>
    <message>
        <source>downloaden mislukt: %1</source>
        <translation>download failed: %1</translation>
    </message>
    <message>
        <source>de webpagina bevat geen tekst</source>
        <translation>the web page has no text</translation>
    </message>
    <message>
        <source>geen PDF en geen webpagina (%1)</source>
        <translation>not a PDF or a web page (%1)</translation>
    </message>
    <message>
        <source>de webpagina noemt titel noch datum van het document (een cookiemelding of foutpagina?); niet bewaard</source>
        <translation>the web page names neither the document&apos;s title nor its date (a cookie notice or an error page?); not kept</translation>
    </message>
    <message>
        <source>geen netwerk: %1 is niet bereikbaar; er is niets opgehaald</source>
        <translation>no network: %1 cannot be reached; nothing was fetched</translation>
    </message>
    <message>
        <source>afgebroken</source>
        <translation>cancelled</translation>
    </message>
    <message>
        <source>dit bestand staat al in het archief als %1</source>
        <translation>this file is already in the archive as %1</translation>
    </message>
    <message>
        <source>het document heeft al een ander bestand; bevestig om het te vervangen</source>
        <translation>the document already has a different file; confirm to replace it</translation>
    </message>
    <message>
        <source>het archief bevat geen document %1</source>
        <translation>the archive has no document %1</translation>
    </message>
    <message>
        <source>%1 is geen officieel document van de records; importeer het bestand</source>
        <translation>%1 is not an official document of the records; import the file instead</translation>
    </message>
    <message>
        <source>Tesseract is niet geïnstalleerd: gescande pagina&apos;s blijven onvindbaar. Installeer Tesseract met de Nederlandse taaldata (zie de README, &apos;OCR van scans&apos;) en start vlnl-desktop opnieuw</source>
        <translation>Tesseract is not installed: scanned pages stay unsearchable. Install Tesseract with the Dutch language data (see the README, &apos;OCR of scans&apos;) and start vlnl-desktop again</translation>
    </message>
    <message>
        <source>Tesseract heeft geen taaldata voor %1 (zie de README, &apos;OCR van scans&apos;)</source>
        <translation>Tesseract has no language data for %1 (see the README, &apos;OCR of scans&apos;)</translation>
    </message>
    <message>
        <source>tekstherkenning mislukt: %1</source>
        <translation>text recognition failed: %1</translation>
    </message>
</context>
<context>
    <name>MainActions</name>
    <message>
        <source>&amp;Bestand</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>Be&amp;werken</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>Beel&amp;d</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;Taal</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>PDF &amp;openen…</source>
        <translation>&amp;Open PDF…</translation>
    </message>
    <message>
        <source>Documenten &amp;importeren…</source>
        <translation>&amp;Import documents…</translation>
    </message>
    <message>
        <source>&amp;Map importeren…</source>
        <translation>Import &amp;folder…</translation>
    </message>
    <message>
        <source>Officiële documenten op&amp;halen…</source>
        <translation>F&amp;etch official documents…</translation>
    </message>
    <message>
        <source>Bestand &amp;koppelen…</source>
        <translation>&amp;Attach a file…</translation>
    </message>
    <message>
        <source>Een eigen kopie van het getoonde officiële document koppelen</source>
        <translation>Attach your own copy of the official document shown</translation>
    </message>
    <message>
        <source>&amp;Tekst herkennen in scans (OCR)</source>
        <translation>Recognise &amp;text in scans (OCR)</translation>
    </message>
    <message>
        <source>&amp;Dossier exporteren…</source>
        <translation>Export &amp;dossier…</translation>
    </message>
    <message>
        <source>Archief opnieuw &amp;opbouwen…</source>
        <translation>&amp;Rebuild the archive…</translation>
    </message>
    <message>
        <source>&amp;Afsluiten</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>Record &amp;kopiëren als tekst</source>
        <translation>&amp;Copy record as text</translation>
    </message>
    <message>
        <source>&amp;Zoeken</source>
        <translation>&amp;Find</translation>
    </message>
    <message>
        <source>&amp;Terug</source>
        <translation>&amp;Back</translation>
    </message>
    <message>
        <source>Terug (Alt+Links)</source>
        <translation>Back (Alt+Left)</translation>
    </message>
    <message>
        <source>&amp;Vooruit</source>
        <translation>&amp;Forward</translation>
    </message>
    <message>
        <source>Vooruit (Alt+Rechts)</source>
        <translation>Forward (Alt+Right)</translation>
    </message>
    <message>
        <source>&amp;Overzicht</source>
        <translation>&amp;Overview</translation>
    </message>
    <message>
        <source>Overzicht (Alt+Home)</source>
        <translation>Overview (Alt+Home)</translation>
    </message>
    <message>
        <source>&amp;Over vlnl-desktop</source>
        <translation>&amp;About vlnl-desktop</translation>
    </message>
    <message>
        <source>&amp;Licenties</source>
        <translation>&amp;Licences</translation>
    </message>
    <message>
        <source>&amp;Systeemtaal</source>
        <translation>&amp;System language</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>vlnl-desktop — Vlaams-Nederlandse samenwerking</source>
        <translation>vlnl-desktop — Flemish-Dutch cooperation</translation>
    </message>
    <message>
        <source>Archief</source>
        <translation>Archive</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Gekopieerd naar het klembord.</source>
        <translation>Copied to the clipboard.</translation>
    </message>
</context>
<context>
    <name>NoteEditor</name>
    <message>
        <source>Mijn notitie</source>
        <translation>My note</translation>
    </message>
    <message>
        <source>Notitie (klik of Tab om te bewerken)</source>
        <translation>Note (click or Tab to edit)</translation>
    </message>
    <message>
        <source>Notitie bewerken</source>
        <translation>Edit the note</translation>
    </message>
    <message>
        <source>Schrijf hier uw notitie (eenvoudige Markdown: **vet**, *schuin*, - lijst)</source>
        <translation>Write your note here (simple Markdown: **bold**, *italic*, - list)</translation>
    </message>
    <message>
        <source>Nog geen notitie. Klik hier (of Tab) om er een te schrijven.</source>
        <translation>No note yet. Click here (or Tab) to write one.</translation>
    </message>
    <message>
        <source>Wordt opgeslagen…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>Opgeslagen om %1</source>
        <translation>Saved at %1</translation>
    </message>
    <message>
        <source>Niet opgeslagen: %1</source>
        <translation>Not saved: %1</translation>
    </message>
</context>
<context>
    <name>NotesController</name>
    <message>
        <source>&amp;Citeren</source>
        <translation>&amp;Cite</translation>
    </message>
    <message>
        <source>De bron van wat getoond wordt naar het klembord</source>
        <translation>The source of what is shown to the clipboard</translation>
    </message>
    <message>
        <source>&amp;Notities exporteren…</source>
        <translation>Export &amp;notes…</translation>
    </message>
    <message>
        <source>Markeringen</source>
        <translation>Highlights</translation>
    </message>
    <message>
        <source>Notitie niet opgeslagen: %1</source>
        <translation>Note not saved: %1</translation>
    </message>
    <message>
        <source>Alleen documenten uit het archief kunnen gemarkeerd worden.</source>
        <translation>Only documents in the archive can be highlighted.</translation>
    </message>
    <message>
        <source>Selecteer eerst tekst om te markeren.</source>
        <translation>Select text to highlight first.</translation>
    </message>
    <message>
        <source>Markering niet opgeslagen: %1</source>
        <translation>Highlight not saved: %1</translation>
    </message>
    <message>
        <source>Gemarkeerd.</source>
        <translation>Highlighted.</translation>
    </message>
    <message>
        <source>Deze markering hoort bij geen document in het archief.</source>
        <translation>This highlight belongs to no document in the archive.</translation>
    </message>
    <message>
        <source>Kies eerst een record, document of markering om te citeren.</source>
        <translation>Choose a record, document or highlight to cite first.</translation>
    </message>
    <message>
        <source>Bronvermelding gekopieerd naar het klembord.</source>
        <translation>Citation copied to the clipboard.</translation>
    </message>
    <message>
        <source>Notities exporteren</source>
        <translation>Export notes</translation>
    </message>
    <message>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <source>Exporteren mislukt: %1</source>
        <translation>Export failed: %1</translation>
    </message>
    <message>
        <source>Notities geëxporteerd naar %1.</source>
        <translation>Notes exported to %1.</translation>
    </message>
</context>
<context>
    <name>OcrStarter</name>
    <message>
        <source>Tekstherkenning loopt al; dit komt daarna aan de beurt.</source>
        <translation>Text recognition is already running; this comes next.</translation>
    </message>
    <message>
        <source>OCR: %1 van %2 pagina&apos;s</source>
        <translation>OCR: %1 of %2 pages</translation>
    </message>
    <message>
        <source>tijd nog onbekend</source>
        <translation>time left unknown</translation>
    </message>
    <message>
        <source>nog ongeveer %1 s</source>
        <translation>about %1 s left</translation>
    </message>
    <message>
        <source>nog ongeveer %1 min</source>
        <translation>about %1 min left</translation>
    </message>
    <message>
        <source>Tekstherkenning: %1 gelezen.</source>
        <translation>Text recognition: %1 read.</translation>
    </message>
    <message>
        <source>Tekstherkenning gestopt: %1 gelezen; de rest volgt later.</source>
        <translation>Text recognition stopped: %1 read; the rest follows later.</translation>
    </message>
    <message>
        <source>%1 niet leesbaar.</source>
        <translation>%1 could not be read.</translation>
    </message>
    <message>
        <source>Tekstherkenning mislukt: %1</source>
        <translation>Text recognition failed: %1</translation>
    </message>
    <message>
        <source>Tekstherkenning loopt: %1 gelezen, nog %2 te gaan.</source>
        <translation>Text recognition running: %1 read, %2 to go.</translation>
    </message>
    <message>
        <source>%2 zonder tekstlaag: nog niet doorzoekbaar.</source>
        <translation>%2 without a text layer: not searchable yet.</translation>
    </message>
    <message>
        <source>%1 gelezen met tekstherkenning (OCR): doorzoekbaar.</source>
        <translation>%1 read with text recognition (OCR): searchable.</translation>
    </message>
    <message>
        <source>Stoppen</source>
        <translation>Stop</translation>
    </message>
    <message>
        <source>Tekst herkennen</source>
        <translation>Recognise text</translation>
    </message>
    <message>
        <source>Tekstherkenning stoppen (de rest volgt later)</source>
        <translation>Stop text recognition (the rest follows later)</translation>
    </message>
    <message>
        <source>De pagina&apos;s zonder tekst lezen met tekstherkenning (OCR), zodat ze doorzoekbaar worden</source>
        <translation>Read the pages without text with text recognition (OCR), so that they become searchable</translation>
    </message>
</context>
<context>
    <name>OfficialDocuments</name>
    <message>
        <source>Bestand koppelen</source>
        <translation>Attach a file</translation>
    </message>
    <message>
        <source>PDF-documenten (*.pdf)</source>
        <translation>PDF documents (*.pdf)</translation>
    </message>
    <message>
        <source>Het bestand wordt gekoppeld…</source>
        <translation>Attaching the file…</translation>
    </message>
    <message>
        <source>Niets gekoppeld: het document houdt zijn bestand.</source>
        <translation>Nothing attached: the document keeps its file.</translation>
    </message>
    <message>
        <source>Niets gekoppeld: geen wachtwoord gegeven.</source>
        <translation>Nothing attached: no password given.</translation>
    </message>
    <message>
        <source>Dit bestand is al het bestand van het document.</source>
        <translation>This file already is the document’s file.</translation>
    </message>
    <message>
        <source>Het bestand is gekoppeld.</source>
        <translation>The file has been attached.</translation>
    </message>
    <message>
        <source>Koppelen mislukt: %1</source>
        <translation>Attaching failed: %1</translation>
    </message>
    <message>
        <source>Bestand vervangen</source>
        <translation>Replace the file</translation>
    </message>
    <message>
        <source>Dit document heeft al een ander bestand. Vervangen door het gekozen bestand? Het huidige bestand blijft bewaard als eerdere versie.</source>
        <translation>This document already has a different file. Replace it with the chosen file? The current file is kept as an earlier version.</translation>
    </message>
</context>
<context>
    <name>OutlineTree</name>
    <message>
        <source>Pagina %1</source>
        <translation>Page %1</translation>
    </message>
</context>
<context>
    <name>PasswordPrompt</name>
    <message>
        <source>Het wachtwoord voor „%1” klopt niet. Probeer het opnieuw:</source>
        <translation>The password for “%1” is not right. Try again:</translation>
    </message>
    <message>
        <source>„%1” is beveiligd met een wachtwoord. Wachtwoord:</source>
        <translation>“%1” is protected by a password. Password:</translation>
    </message>
    <message>
        <source>Wachtwoord nodig</source>
        <translation>Password needed</translation>
    </message>
</context>
<context>
    <name>PdfView</name>
    <message>
        <source>Documentweergave</source>
        <translation>Document view</translation>
    </message>
    <message>
        <source>Link openen</source>
        <translation>Open link</translation>
    </message>
    <message>
        <source>Deze link opent een webpagina in uw browser:

%1

Wilt u de link openen?</source>
        <translation>This link opens a web page in your browser:

%1

Do you want to open the link?</translation>
    </message>
    <message>
        <source>Deze link wordt om veiligheidsredenen niet geopend:

%1</source>
        <translation>For safety, this link is not opened:

%1</translation>
    </message>
    <message>
        <source>Link geweigerd</source>
        <translation>Link refused</translation>
    </message>
    <message>
        <source>Link geweigerd: %1</source>
        <translation>Link refused: %1</translation>
    </message>
    <message>
        <source>Deze pagina heeft geen tekstlaag.</source>
        <translation>This page has no text layer.</translation>
    </message>
</context>
<context>
    <name>PdfViewer</name>
    <message>
        <source>Miniaturen</source>
        <translation>Thumbnails</translation>
    </message>
    <message>
        <source>Inhoud</source>
        <translation>Contents</translation>
    </message>
    <message>
        <source>Het systeem heeft geen programma om PDF-documenten te openen. Installeer een PDF-viewer of open het bestand zelf: %1</source>
        <translation>The system has no program to open PDF documents. Install a PDF viewer or open the file yourself: %1</translation>
    </message>
    <message>
        <source>Pagina %1 vraagt te veel geheugen of tijd en wordt niet getoond.</source>
        <translation>Page %1 needs too much memory or time and is not shown.</translation>
    </message>
    <message>
        <source>Pagina %1 is beschadigd en wordt niet getoond.</source>
        <translation>Page %1 is damaged and is not shown.</translation>
    </message>
    <message>
        <source>Afdrukken is mislukt.</source>
        <translation>Printing failed.</translation>
    </message>
</context>
<context>
    <name>SearchChips</name>
    <message>
        <source>Filter %1: %2 resultaten</source>
        <translation>Filter %1: %2 results</translation>
    </message>
    <message>
        <source>Alleen %1 tonen</source>
        <translation>Show only %1</translation>
    </message>
    <message>
        <source>Alleen resultaten uit %1 tonen</source>
        <translation>Show only results from %1</translation>
    </message>
    <message>
        <source>Toon alles weer</source>
        <translation>Show everything again</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>deel van de woorden</source>
        <translation>some of the words</translation>
    </message>
    <message>
        <source>andere spelling</source>
        <translation>other spelling</translation>
    </message>
    <message>
        <source>p. %1</source>
        <translation>p. %1</translation>
    </message>
    <message>
        <source>Zoeken in het archief en de documenten (Ctrl+F)</source>
        <translation>Search the archive and its documents (Ctrl+F)</translation>
    </message>
    <message>
        <source>Zoeken</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>Zoekresultaten</source>
        <translation>Search results</translation>
    </message>
    <message>
        <source>1 resultaat</source>
        <translation>1 result</translation>
    </message>
    <message>
        <source>%1 resultaten</source>
        <translation>%1 results</translation>
    </message>
    <message>
        <source>treffers op een deel van de woorden</source>
        <translation>hits on some of the words</translation>
    </message>
    <message>
        <source>treffers met een andere spelling</source>
        <translation>hits with another spelling</translation>
    </message>
    <message>
        <source>Niets gevonden voor „%1”.</source>
        <translation>Nothing found for “%1”.</translation>
    </message>
    <message>
        <source>De zoekvraag was te lang: alleen de eerste woorden zijn gezocht.</source>
        <translation>The query was too long: only its first words were searched.</translation>
    </message>
    <message>
        <source>De zoekindex wordt opgebouwd: documentpagina&apos;s volgen zodra hij klaar is.</source>
        <translation>The search index is being built: document pages follow once it is ready.</translation>
    </message>
    <message>
        <source>De zoekindex wordt bijgewerkt…</source>
        <translation>The search index is being updated…</translation>
    </message>
    <message>
        <source>Bedoelde u: %1?</source>
        <translation>Did you mean: %1?</translation>
    </message>
    <message>
        <source>Zoek op woorden (alle woorden moeten voorkomen), een &quot;vaste zin&quot;, a OR b voor het een of het ander, -woord om uit te sluiten, soort:top of jaar:2018 om te filteren.</source>
        <translation>Search for words (all must occur), a &quot;fixed phrase&quot;, a OR b for either, -word to exclude, kind:summit or year:2018 to filter.</translation>
    </message>
    <message>
        <source>Bijvoorbeeld: waterstof soort:top jaar:2020</source>
        <translation>For example: hydrogen kind:summit year:2020</translation>
    </message>
    <message>
        <source>Zoeken mislukt: %1</source>
        <translation>Search failed: %1</translation>
    </message>
</context>
<context>
    <name>ThemeMatrix</name>
    <message>
        <source>&amp;Kopiëren</source>
        <translation>&amp;Copy</translation>
    </message>
    <message>
        <source>Thema&apos;s per topontmoeting</source>
        <translation>Themes per summit</translation>
    </message>
    <message>
        <source>Thema</source>
        <translation>Theme</translation>
    </message>
    <message>
        <source>Groep</source>
        <translation>Group</translation>
    </message>
</context>
<context>
    <name>TimelineView</name>
    <message>
        <source>&amp;Themagroep:</source>
        <translation>&amp;Theme group:</translation>
    </message>
    <message>
        <source>−</source>
        <translation>−</translation>
    </message>
    <message>
        <source>Uitzoomen (-)</source>
        <translation>Zoom out (-)</translation>
    </message>
    <message>
        <source>+</source>
        <translation>+</translation>
    </message>
    <message>
        <source>Inzoomen (+)</source>
        <translation>Zoom in (+)</translation>
    </message>
    <message>
        <source>Alles tonen</source>
        <translation>Show all</translation>
    </message>
    <message>
        <source>De hele tijdlijn in het venster (Home)</source>
        <translation>The whole timeline in the window (Home)</translation>
    </message>
    <message>
        <source>Scrollwiel: zoomen · slepen of pijltjestoetsen: verschuiven · klik: openen</source>
        <translation>Scroll wheel: zoom · drag or arrow keys: move · click: open</translation>
    </message>
    <message>
        <source>Tijdlijn</source>
        <translation>Timeline</translation>
    </message>
    <message>
        <source>{relation} op de top {summit}</source>
        <translation>{relation} at the summit {summit}</translation>
    </message>
    <message>
        <source>Vandaag</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>Legenda</source>
        <translation>Legend</translation>
    </message>
    <message>
        <source>Zonder groep</source>
        <translation>Without a group</translation>
    </message>
    <message>
        <source>{count} thema&apos;s</source>
        <translation>{count} themes</translation>
    </message>
    <message>
        <source>1 thema</source>
        <translation>1 theme</translation>
    </message>
    <message>
        <source>Alle themagroepen</source>
        <translation>All theme groups</translation>
    </message>
    <message>
        <source>Kan {path} niet schrijven</source>
        <translation>Cannot write {path}</translation>
    </message>
    <message>
        <source>Tijdlijn van de Vlaams-Nederlandse samenwerking</source>
        <translation>Timeline of the Flemish-Dutch cooperation</translation>
    </message>
    <message>
        <source>Intentieverklaringen, topontmoetingen, gebeurtenissen en thema&apos;s</source>
        <translation>Declarations of intent, summits, events and themes</translation>
    </message>
</context>
<context>
    <name>ViewTabs</name>
    <message>
        <source>Tijdlijn</source>
        <translation>Timeline</translation>
    </message>
    <message>
        <source>T&amp;ijdlijn</source>
        <translation>T&amp;imeline</translation>
    </message>
    <message>
        <source>The&amp;ma × topontmoeting</source>
        <translation>Theme × &amp;summit</translation>
    </message>
    <message>
        <source>Tijdlijn exporteren als &amp;PNG…</source>
        <translation>Export timeline as &amp;PNG…</translation>
    </message>
    <message>
        <source>Tijdlijn exporteren als &amp;SVG…</source>
        <translation>Export timeline as &amp;SVG…</translation>
    </message>
    <message>
        <source>Tabel exporteren als &amp;CSV…</source>
        <translation>Export table as &amp;CSV…</translation>
    </message>
    <message>
        <source>Thema × topontmoeting</source>
        <translation>Theme × summit</translation>
    </message>
    <message>
        <source>Tijdlijn exporteren als PNG</source>
        <translation>Export timeline as PNG</translation>
    </message>
    <message>
        <source>tijdlijn.png</source>
        <translation>timeline.png</translation>
    </message>
    <message>
        <source>PNG-afbeeldingen (*.png)</source>
        <translation>PNG images (*.png)</translation>
    </message>
    <message>
        <source>Tijdlijn exporteren als SVG</source>
        <translation>Export timeline as SVG</translation>
    </message>
    <message>
        <source>tijdlijn.svg</source>
        <translation>timeline.svg</translation>
    </message>
    <message>
        <source>SVG-afbeeldingen (*.svg)</source>
        <translation>SVG images (*.svg)</translation>
    </message>
    <message>
        <source>Tabel exporteren als CSV</source>
        <translation>Export table as CSV</translation>
    </message>
    <message>
        <source>thema-per-topontmoeting.csv</source>
        <translation>themes-by-summit.csv</translation>
    </message>
    <message>
        <source>CSV-bestanden (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <source>Kon %1 niet opslaan: %2</source>
        <translation>Could not save %1: %2</translation>
    </message>
    <message>
        <source>Opgeslagen als %1</source>
        <translation>Saved as %1</translation>
    </message>
</context>
<context>
    <name>ViewerToolbar</name>
    <message>
        <source>Zijpaneel</source>
        <translation>Side panel</translation>
    </message>
    <message>
        <source>Miniaturen en inhoud tonen of verbergen (F9)</source>
        <translation>Show or hide thumbnails and contents (F9)</translation>
    </message>
    <message>
        <source>Terug</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Terug (Alt+Links)</source>
        <translation>Back (Alt+Left)</translation>
    </message>
    <message>
        <source>Vooruit</source>
        <translation>Forward</translation>
    </message>
    <message>
        <source>Vooruit (Alt+Rechts)</source>
        <translation>Forward (Alt+Right)</translation>
    </message>
    <message>
        <source>Uitzoomen (Ctrl+-)</source>
        <translation>Zoom out (Ctrl+-)</translation>
    </message>
    <message>
        <source>Inzoomen (Ctrl++)</source>
        <translation>Zoom in (Ctrl++)</translation>
    </message>
    <message>
        <source>Paginabreedte</source>
        <translation>Fit width</translation>
    </message>
    <message>
        <source>Passend in de breedte (Ctrl+2)</source>
        <translation>Fit the width (Ctrl+2)</translation>
    </message>
    <message>
        <source>Hele pagina</source>
        <translation>Fit page</translation>
    </message>
    <message>
        <source>Hele pagina tonen (Ctrl+1)</source>
        <translation>Show the whole page (Ctrl+1)</translation>
    </message>
    <message>
        <source>Draaien</source>
        <translation>Rotate</translation>
    </message>
    <message>
        <source>Pagina&apos;s een kwartslag rechtsom draaien (Ctrl+R)</source>
        <translation>Rotate the pages a quarter turn clockwise (Ctrl+R)</translation>
    </message>
    <message>
        <source>Zoeken</source>
        <translation>Find</translation>
    </message>
    <message>
        <source>Zoeken in document (Ctrl+F)</source>
        <translation>Find in document (Ctrl+F)</translation>
    </message>
    <message>
        <source>Volgende treffer</source>
        <translation>Next match</translation>
    </message>
    <message>
        <source>Vorige treffer</source>
        <translation>Previous match</translation>
    </message>
    <message>
        <source>Kopiëren</source>
        <translation>Copy</translation>
    </message>
    <message>
        <source>Markeren</source>
        <translation>Highlight</translation>
    </message>
    <message>
        <source>De geselecteerde tekst markeren (Ctrl+M)</source>
        <translation>Highlight the selected text (Ctrl+M)</translation>
    </message>
    <message>
        <source>Afdrukken</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>Document afdrukken (Ctrl+P)</source>
        <translation>Print the document (Ctrl+P)</translation>
    </message>
    <message>
        <source>Systeemviewer</source>
        <translation>System viewer</translation>
    </message>
    <message>
        <source>Openen in de standaard PDF-viewer van het systeem</source>
        <translation>Open in the system&apos;s default PDF viewer</translation>
    </message>
    <message>
        <source>Pagina</source>
        <translation>Page</translation>
    </message>
    <message>
        <source>Ga naar pagina</source>
        <translation>Go to page</translation>
    </message>
    <message>
        <source>van %1</source>
        <translation>of %1</translation>
    </message>
</context>
</TS>
