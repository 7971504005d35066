"""What the published archive says about itself, in Dutch: Datasette's metadata.

Every table a reader sees has a title and a description, every column a description (Datasette
shows it when the column's name is pointed at) that opens with the column's Dutch name; foreign
keys are shown by their label column; facets for kind, year, theme and relation. The canned
queries are ``queries``'. ``metadata()`` returns the dict Datasette takes (and ``publish`` writes
as ``metadata.json``).
"""

from __future__ import annotations

from vlnl_desktop.core.serve.queries import DOCUMENT_ROUTE, QUERIES
from vlnl_desktop.core.serve.snapshot import SNAPSHOT_NAME

DATABASE = SNAPSHOT_NAME.removesuffix(".db")  # Datasette names a database after its file
PLUGIN = "vlnl-documenten"  # the plugin's name in the metadata

_ID = ("Sleutel", "de vaste sleutel van het record, zoals in de adressen van het archief")
_TITLE = ("Titel", "de titel zoals het archief hem toont")
_DATE = ("Datum", "JJJJ-MM-DD, of minder precies (JJJJ-MM, JJJJ) als de bron niet meer zegt")
_YEAR = ("Jaar", "het jaar uit de datum, om op te filteren")
_SUMMARY = ("Samenvatting", "een korte beschrijving in lopende tekst")
_DETAILS = ("Inhoud", "de feiten op een rij (een JSON-lijst van zinnen)")
_POSITION = ("Volgorde", "de plaats in de lijst zoals de bron ze geeft")
_RECORD = ("Record", "het record waarover het gaat")
_THEME = ("Thema", "het thema")
_SUMMIT = ("Topontmoeting", "de topontmoeting")
_SIDE = ("Kant", "Vlaanderen, Nederland of de Europese Unie")
_CODE = ("Code", "de code zoals het archief hem opslaat")
_LABEL = ("Benaming", "het Nederlandse woord voor de code")
_SOURCES = ("Bronnen", "de adressen van de bronnen (een JSON-lijst)")
CODE_TABLE = {"hidden": True, "label_column": "label"}  # shown through the columns that point here

# table -> (title, description, {column: (name, description)}, options)
TABLES: dict[str, tuple[str, str, dict[str, tuple[str, str]], dict]] = {
    "records": (
        "Alle records",
        "Elk record van het archief met zijn soort, titel en datum: intentieverklaringen, "
        "topontmoetingen, gebeurtenissen, verdragen, instellingen, thema's, personen, documenten.",
        {
            "id": _ID,
            "kind": ("Soort", "wat voor record het is"),
            "title": _TITLE,
            "date": _DATE,
            "summary": _SUMMARY,
            "origin": (
                "Herkomst",
                "bundled: uit het meegeleverde archief; sheet: door het archief samengesteld; user: door de gebruiker toegevoegd",
            ),
            "year": _YEAR,
        },
        {"facets": ["kind", "year"], "sort": "date"},
    ),
    "declarations": (
        "Intentieverklaringen",
        "De gezamenlijke intentieverklaringen van Vlaanderen en Nederland (2004, 2008) die de "
        "samenwerking omkaderen.",
        {
            "id": _ID,
            "title": _TITLE,
            "date": ("Datum", "de dag van de ondertekening"),
            "summary": _SUMMARY,
            "domains": ("Domeinen", "de beleidsdomeinen die de verklaring dekt (een JSON-lijst)"),
            "details": _DETAILS,
            "year": _YEAR,
        },
        {"sort": "date"},
    ),
    "summits": (
        "Topontmoetingen",
        "De tweejaarlijkse ministeriële topontmoetingen van de Vlaamse en Nederlandse "
        "minister-presidenten, van Hingene (2011) tot Gent (2025).",
        {
            "id": _ID,
            "number": ("Nummer", "de hoeveelste topontmoeting"),
            "title": _TITLE,
            "date": ("Datum", "de dag van de topontmoeting"),
            "place": ("Plaats", "waar de topontmoeting plaatsvond"),
            "municipality": ("Gemeente", "de gemeente van die plaats, als ze anders heet"),
            "venue": ("Locatie", "het gebouw of de zaal"),
            "format": ("Vorm", "hoe ze plaatsvond, als dat afweek (bijvoorbeeld digitaal)"),
            "summary": _SUMMARY,
            "decisions": ("Besluiten", "wat er werd afgesproken (een JSON-lijst van zinnen)"),
            "year": _YEAR,
        },
        {"facets": ["year"], "sort": "date"},
    ),
    "events": (
        "Gebeurtenissen",
        "Wat er tussen de topontmoetingen gebeurde: overleg, programma's, akkoorden, missies.",
        {
            "id": _ID,
            "title": _TITLE,
            "date": _DATE,
            "kind": ("Soort", "wat voor gebeurtenis (overleg, programma, akkoord, …)"),
            "summary": _SUMMARY,
            "details": _DETAILS,
            "summit_id": ("Topontmoeting", "de topontmoeting waaruit ze voortkwam, als die er is"),
            "year": _YEAR,
        },
        {"facets": ["kind", "year"], "sort": "date"},
    ),
    "treaties": (
        "Verdragen",
        "Verdragen tussen Vlaanderen en Nederland die de samenwerking raken.",
        {
            "id": _ID,
            "title": _TITLE,
            "date": ("Datum", "de dag van de ondertekening"),
            "place": ("Plaats", "waar het verdrag werd ondertekend"),
            "in_force": ("In werking", "sinds wanneer het verdrag geldt"),
            "summary": _SUMMARY,
            "details": _DETAILS,
            "year": _YEAR,
        },
        {"sort": "date"},
    ),
    "institutions": (
        "Instellingen",
        "Gezamenlijke instellingen van Vlaanderen en Nederland.",
        {
            "id": _ID,
            "title": _TITLE,
            "date": ("Datum", "sinds wanneer de instelling bestaat"),
            "summary": _SUMMARY,
            "details": _DETAILS,
        },
        {},
    ),
    "theme_groups": (
        "Themagroepen",
        "Groepen van thema's: de focusthema's van 2013, de thema's van de high tech "
        "samenwerkingsagenda, …",
        {
            "id": _ID,
            "name": ("Naam", "de naam van de groep"),
            "summary": _SUMMARY,
            "parent_id": ("Bovenliggende groep", "de groep waarvan deze deel uitmaakt"),
            "position": _POSITION,
        },
        {"label_column": "name"},
    ),
    "themes": (
        "Thema's",
        "De thema's die door de samenwerking lopen, zoals waterstof, AI of de chemie.",
        {
            "id": _ID,
            "name": ("Naam", "de naam van het thema"),
            "summary": _SUMMARY,
            "position": _POSITION,
        },
        {"label_column": "name", "sort": "position"},
    ),
    "theme_memberships": (
        "Thema's per groep",
        "Welk thema tot welke themagroep behoort.",
        {
            "theme_id": _THEME,
            "group_id": ("Themagroep", "de groep"),
            "is_primary": ("Hoofdgroep", "1 als dit de groep is waaronder het thema valt"),
            "position": _POSITION,
        },
        {"facets": ["group_id"]},
    ),
    "summit_themes": (
        "Thema's per topontmoeting",
        "Hoe elke topontmoeting een thema behandelde: geïntroduceerd, geprioriteerd of besproken.",
        {
            "summit_id": _SUMMIT,
            "theme_id": _THEME,
            "relation": ("Relatie", "geïntroduceerd, geprioriteerd of besproken"),
            "note": ("Toelichting", "wat er over het thema werd gezegd of besloten"),
            "position": _POSITION,
        },
        {"facets": ["relation", "theme_id", "summit_id"]},
    ),
    "record_themes": (
        "Thema's per record",
        "Welke records over welk thema gaan.",
        {"record_id": _RECORD, "theme_id": _THEME, "position": _POSITION},
        {"facets": ["theme_id"]},
    ),
    "people": (
        "Personen",
        "Minister-presidenten, ministers en anderen die aan de samenwerking deelnamen.",
        {"id": _ID, "name": ("Naam", "voornaam en naam"), "side": _SIDE},
        {"facets": ["side"], "label_column": "name"},
    ),
    "person_offices": (
        "Ambten",
        "Elk ambt dat een persoon bekleedde, met de data en bronnen.",
        {
            "person_id": ("Persoon", "wie het ambt bekleedde"),
            "position": _POSITION,
            "office": ("Ambt", "het ambt"),
            "start_date": ("Begin", "sinds wanneer"),
            "end_date": ("Einde", "tot wanneer (leeg: onbekend of nog lopend)"),
            "sources": _SOURCES,
        },
        {},
    ),
    "participants": (
        "Deelnemers",
        "Wie deelnam aan een topontmoeting, gebeurtenis of verdrag, met het ambt op die dag.",
        {
            "record_id": _RECORD,
            "person_id": ("Persoon", "wie deelnam"),
            "role": ("Rol", "het ambt of de rol op die dag"),
            "side": _SIDE,
            "position": _POSITION,
        },
        {"facets": ["side", "person_id"]},
    ),
    "documents": (
        "Documenten",
        "De documenten van het archief: slotverklaringen, conclusies, rapporten, agenda's en "
        "de fiches die het archief samenstelt. De naam van het bestand opent de PDF.",
        {
            "id": _ID,
            "title": _TITLE,
            "file_name": ("Bestand", "de oorspronkelijke bestandsnaam; opent de PDF"),
            "date": _DATE,
            "kind": ("Soort", "slotverklaring, conclusies, rapport, agenda, fiche, …"),
            "summit_id": ("Topontmoeting", "de topontmoeting waarbij het document hoort"),
            "published_on": ("Gepubliceerd op", "de webpagina waar het document staat"),
            "url": ("Adres", "het adres van het bestand zelf"),
            "summary": _SUMMARY,
            "sha256": ("Vingerafdruk", "de SHA-256 van het bestand (leeg: niet opgeslagen)"),
            "size": ("Grootte", "in bytes"),
            "page_count": ("Pagina's", "het aantal pagina's"),
            "has_text": ("Heeft tekst", "1 als de PDF doorzoekbare tekst heeft"),
            "retrieved": ("Opgehaald", "wanneer het bestand werd opgehaald"),
            "origin": (
                "Herkomst",
                "bundled: officieel en meegeleverd; sheet: een fiche van het archief; user: door de gebruiker geïmporteerd",
            ),
            "obtained": (
                "Verkregen",
                "fetched: opgehaald van het adres; attached: door de gebruiker gekoppeld; leeg: nog niet",
            ),
            "published_sha256": (
                "Gepubliceerde vingerafdruk",
                "de SHA-256 van wat gepubliceerd was (bij een webpagina: van haar hoofdtekst)",
            ),
            "year": _YEAR,
        },
        {"facets": ["kind", "year", "summit_id", "origin"], "sort": "date"},
    ),
    "document_versions": (
        "Eerdere versies",
        "Eerdere bestanden van een document: een gewijzigde publicatie of een vervangen bestand. "
        "Het bestand blijft bewaard.",
        {
            "document_id": ("Document", "het document"),
            "sha256": ("Vingerafdruk", "de SHA-256 van het eerdere bestand"),
            "size": ("Grootte", "in bytes"),
            "page_count": ("Pagina's", "het aantal pagina's"),
            "retrieved": ("Opgehaald", "wanneer het eerdere bestand werd opgehaald"),
            "obtained": ("Verkregen", "fetched: opgehaald; attached: door de gebruiker gekoppeld"),
            "published_sha256": (
                "Gepubliceerde vingerafdruk",
                "de SHA-256 van wat toen gepubliceerd was",
            ),
            "replaced": ("Vervangen", "wanneer een nieuwer bestand dit verving"),
        },
        {"facets": ["document_id"], "sort": "replaced"},
    ),
    "document_links": (
        "Documenten per record",
        "Welke documenten bij welk record horen.",
        {"document_id": ("Document", "het document"), "record_id": _RECORD, "position": _POSITION},
        {"facets": ["record_id"]},
    ),
    "pages": (
        "Pagina's",
        "De tekst van elke pagina van elk opgeslagen document, doorzoekbaar. Het paginanummer "
        "opent de PDF op die pagina.",
        {
            "id": ("Nummer", "een volgnummer"),
            "document_id": ("Document", "het document"),
            "page_no": ("Pagina", "het paginanummer (vanaf 1); opent de PDF op die pagina"),
            "text": ("Tekst", "de tekst van de pagina"),
            "has_text": ("Heeft tekst", "1 als de pagina tekst heeft (0: een scan zonder tekst)"),
        },
        {"facets": ["document_id"], "label_column": "document_id"},
    ),
    "ocr_pages": (
        "Tekstherkenning (OCR)",
        "Voor gescande pagina's zonder tekstlaag: de tekst die Tesseract erin las, met de plaats "
        "van elk woord. Die tekst staat ook bij de pagina zelf, zodat hij doorzoekbaar is.",
        {
            "document_id": ("Document", "het document"),
            "page_no": ("Pagina", "het paginanummer (vanaf 1)"),
            "engine": ("Programma", "het OCR-programma en zijn versie"),
            "language": ("Taal", "de taaldata waarmee gelezen werd, bv. nld+eng"),
            "dpi": ("Resolutie", "punten per duim waarop de pagina gelezen werd"),
            "rotation": ("Gedraaid", "hoeveel graden de scan gedraaid werd voor het lezen"),
            "transform": ("Omrekening", "van beeldpunten naar punten op de pagina"),
            "words": ("Woorden", "elk gelezen woord met zijn plaats (JSON)"),
            "confidence": ("Zekerheid", "de gemiddelde zekerheid van Tesseract (0-100)"),
            "problem": ("Probleem", "waarom de pagina niet gelezen kon worden (leeg: gelukt)"),
            "done": ("Gelezen op", "wanneer de pagina gelezen werd"),
        },
        {"facets": ["document_id", "language"]},
    ),
    "search_items": (
        "Zoeken in de records",
        "De tekst van elk record zoals het archief hem doorzoekt: zoek hier op een woord.",
        {
            "id": ("Nummer", "een volgnummer"),
            "record_id": _RECORD,
            "kind": ("Soort", "wat voor record het is"),
            "title": _TITLE,
            "date": _DATE,
            "body": ("Tekst", "alle tekst van het record"),
        },
        {"facets": ["kind"], "label_column": "title"},
    ),
    "sources": (
        "Bronnen",
        "De bronnen van elk record: elk feit van het archief heeft er een.",
        {"record_id": _RECORD, "position": _POSITION, "url": ("Adres", "het adres van de bron")},
        {},
    ),
    "uncertainties": (
        "Onzekerheden",
        "Wat de bronnen niet zeker zeggen of waarin ze elkaar tegenspreken.",
        {
            "record_id": _RECORD,
            "position": _POSITION,
            "text": ("Tekst", "wat onzeker is"),
            "field": ("Veld", "het veld waarover het gaat, als het er een is"),
            "sources": ("Bronnen", "de bronnen die elkaar tegenspreken (een JSON-lijst)"),
        },
        {},
    ),
    # small tables the others point at, and the archive's own bookkeeping: hidden from the list
    "record_kinds": (
        "Soorten records",
        "De soorten records en hun naam.",
        {"code": _CODE, "label": _LABEL},
        CODE_TABLE,
    ),
    "relations": (
        "Relaties",
        "Hoe een topontmoeting een thema behandelde.",
        {"code": _CODE, "label": _LABEL},
        CODE_TABLE,
    ),
    "sides": (
        "Kanten",
        "Vlaanderen, Nederland, de Europese Unie.",
        {"code": _CODE, "label": _LABEL},
        CODE_TABLE,
    ),
    "document_kinds": (
        "Soorten documenten",
        "De soorten documenten en hun naam.",
        {"code": _CODE, "label": _LABEL},
        CODE_TABLE,
    ),
    "aliases": (
        "Andere namen",
        "Namen die hetzelfde betekenen bij het zoeken (Den Bosch en 's-Hertogenbosch, AI en "
        "Artificiële Intelligentie).",
        {
            "group_id": ("Groep", "de namen met hetzelfde nummer betekenen hetzelfde"),
            "term": ("Naam", "de naam"),
            "folded": ("Vereenvoudigd", "de naam in kleine letters zonder accenten"),
        },
        {"hidden": True},
    ),
    "meta": (
        "Over het archief",
        "Gegevens die het archief over zichzelf bijhoudt.",
        {"key": ("Sleutel", "de naam van het gegeven"), "value": ("Waarde", "de waarde")},
        {"hidden": True},
    ),
    "snapshot_info": (
        "Over deze momentopname",
        "Wanneer deze kopie van het archief werd gemaakt.",
        {"key": ("Sleutel", "de naam van het gegeven"), "value": ("Waarde", "de waarde")},
        {"hidden": True},
    ),
}


def table_metadata(title: str, description: str, columns: dict, options: dict) -> dict:
    entry = {
        "title": title,
        "description": description,
        "columns": {name: f"{label} — {text}" for name, (label, text) in columns.items()},
    }
    entry.update(options)
    return entry


def metadata(made: str, *, documents_dir: str) -> dict:
    """Datasette's metadata for a snapshot made at ``made`` (ISO 8601), whose stored PDFs the
    plugin reads from ``documents_dir`` (absolute, or relative to the snapshot's folder)."""
    return {
        "title": "Archief Vlaams-Nederlandse samenwerking",
        "description": (
            "De samenwerking van Vlaanderen en Nederland op het vlak van economie, wetenschap en "
            f"innovatie: intentieverklaringen, topontmoetingen, thema's en documenten. Alleen-lezen "
            f"kopie van {made[:10]}."
        ),
        "license": "Gegevens met hun bronnen; zie elk record",
        "source": "vlnl-desktop",
        "databases": {
            DATABASE: {
                "title": "Archief",
                "description": "Alle records, documenten en pagina's van het archief.",
                "tables": {name: table_metadata(*entry) for name, entry in TABLES.items()},
                "queries": {name: {**query, "hide_sql": True} for name, query in QUERIES.items()},
            }
        },
        "plugins": {
            PLUGIN: {"documents_dir": documents_dir, "database": DATABASE, "route": DOCUMENT_ROUTE}
        },
    }
