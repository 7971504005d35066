"""Every code the archive stores, in its order, with the Dutch word the archive itself writes.

The archive's tables hold codes ("summit", "prioritised", "VL", "slotverklaring"); the words here
are what the core writes with them where no translation is at hand: the search index (so that a
user who types "geprioriteerd" finds what the window calls "geprioriteerd") and the record sheets.
The window shows the same codes through ``ui/labels.py``, translated; a test checks that every
code here has a word in both places.
"""

from __future__ import annotations

# -- records -------------------------------------------------------------------------------------

# The kinds of record, in the order the tree and the search results list them.
RECORD_KINDS = (
    "declaration",
    "summit",
    "event",
    "treaty",
    "institution",
    "group",
    "theme",
    "person",
    "document",
)
KIND_NL = {
    "declaration": "Intentieverklaring",
    "summit": "Topontmoeting",
    "event": "Gebeurtenis",
    "treaty": "Verdrag",
    "institution": "Instelling",
    "group": "Themagroep",
    "theme": "Thema",
    "person": "Persoon",
    "document": "Document",
}
PAGE_KIND = "page"  # a search hit on a document's page (not a record)
# The user's own layer (core/notes): search hits on a note, on a highlighted passage.
USER_KINDS = ("note", "highlight")
USER_KIND_NL = {"note": "Notitie", "highlight": "Markering"}
# The colours of a highlight, the first the default.
HIGHLIGHT_COLOURS = ("yellow", "green", "blue", "pink")
COLOUR_NL = {"yellow": "geel", "green": "groen", "blue": "blauw", "pink": "roze"}
# Kinds with a row of their own in the search index (every kind of record).
SEARCHED_KINDS = RECORD_KINDS
# Kinds drawn as marks on the timeline's axis, in the order marks of one day are drawn.
TIMELINE_KINDS = ("declaration", "summit", "event")
# Kinds the archive compiles a record sheet for.
SHEET_KINDS = ("summit", "declaration", "theme")

# -- how a summit treated a theme ------------------------------------------------------------------

RELATIONS = ("introduced", "prioritised", "discussed")  # strongest first
RELATION_NL = {
    "introduced": "geïntroduceerd",
    "prioritised": "geprioriteerd",
    "discussed": "besproken",
}

# -- the sides of the cooperation --------------------------------------------------------------------

SIDES = ("VL", "NL", "EU")
SIDE_NL = {"VL": "Vlaanderen", "NL": "Nederland", "EU": "Europese Unie"}

# -- documents ---------------------------------------------------------------------------------------

DOCUMENT_KINDS = (
    "slotverklaring",
    "gezamenlijke-verklaring",
    "communique",
    "nieuwsbericht",
    "conclusies",
    "rapport",
    "agenda",
    "mou",
    "fiche",
)
DOCUMENT_KIND_NL = {
    "slotverklaring": "slotverklaring",
    "gezamenlijke-verklaring": "gezamenlijke verklaring",
    "communique": "communiqué",
    "nieuwsbericht": "nieuwsbericht",
    "conclusies": "conclusies",
    "rapport": "rapport",
    "agenda": "agenda",
    "mou": "memorandum of understanding",
    "fiche": "fiche",
}
SHEET_DOCUMENT_KIND = "fiche"

# Where a document row came from: the bundled records, the user (import), or the build (a sheet).
ORIGIN_BUNDLED = "bundled"
ORIGIN_USER = "user"
ORIGIN_SHEET = "sheet"
ORIGINS = (ORIGIN_BUNDLED, ORIGIN_USER, ORIGIN_SHEET)
# How a document of the records got its file: fetched from its address, or attached by the user.
OBTAINED_FETCHED = "fetched"
OBTAINED_ATTACHED = "attached"
OBTAINED = (OBTAINED_FETCHED, OBTAINED_ATTACHED)
# What a document is, as the window marks it: an official document (of the records), a fiche (a
# sheet the archive compiles), or the user's own import.
DOCUMENT_ROLE_OFFICIAL = "official"
DOCUMENT_ROLE_SHEET = "sheet"
DOCUMENT_ROLE_USER = "user"
DOCUMENT_ROLES = (DOCUMENT_ROLE_OFFICIAL, DOCUMENT_ROLE_SHEET, DOCUMENT_ROLE_USER)


def document_role(origin: str | None) -> str:
    """The mark of a document by its ``origin``."""
    if origin == ORIGIN_SHEET:
        return DOCUMENT_ROLE_SHEET
    if origin == ORIGIN_BUNDLED:
        return DOCUMENT_ROLE_OFFICIAL
    return DOCUMENT_ROLE_USER


def kind_nl(kind: str) -> str:
    return KIND_NL.get(kind, kind)


def relation_nl(relation: str | None) -> str:
    return RELATION_NL.get(relation or "", relation or "")


def side_nl(side: str | None) -> str:
    return SIDE_NL.get(side or "", side or "")


def document_kind_nl(kind: str | None) -> str:
    return DOCUMENT_KIND_NL.get(kind or "", (kind or "").replace("-", " "))
