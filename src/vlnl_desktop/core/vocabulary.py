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
SEARCHED_KINDS = (
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


def kind_nl(kind: str) -> str:
    return KIND_NL.get(kind, kind)


def relation_nl(relation: str | None) -> str:
    return RELATION_NL.get(relation or "", relation or "")


def side_nl(side: str | None) -> str:
    return SIDE_NL.get(side or "", side or "")


def document_kind_nl(kind: str | None) -> str:
    return DOCUMENT_KIND_NL.get(kind or "", (kind or "").replace("-", " "))
