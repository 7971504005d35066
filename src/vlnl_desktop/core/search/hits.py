"""What a search answers: hits (one per record, page or document) and the answer around them.

Snippets carry the matched words between ``MARK_OPEN`` and ``MARK_CLOSE`` (private-use characters
that no text holds), turned into marks fit for the place they are shown.

No dataclasses here: this module is on the start-up path of ``vlnl-desktop search``, where
``dataclasses`` (with ``inspect``) would cost more than the search itself. A hit is a named tuple
(immutable, hashable, compared by value); the answer a plain object.
"""

from __future__ import annotations

from collections import namedtuple

MARK_OPEN = "\ue000"
MARK_CLOSE = "\ue001"

MATCH_ALL = "all"  # every word the user typed (or an alias, a stem, a compound part) matched
MATCH_PARTIAL = "partial"  # some of the words matched
MATCH_TYPO = "typo"  # a word matched only within a few letters' difference


_HIT_FIELDS = "kind id title date document page snippet score generated match highlight"


class Hit(namedtuple("Hit", _HIT_FIELDS, defaults=(False, MATCH_ALL, None))):
    """One hit. ``kind``: declaration, summit, event, group, theme, document, page, note,
    highlight; ``id``: the record id (for a page, the document id); ``date``: ISO or None;
    ``document``: the document id for document and page hits; ``page``: the 1-based page number
    for page hits; ``snippet``: with MARK_OPEN / MARK_CLOSE around the matched words; ``score``:
    lower is better; ``generated``: a page of a record sheet the archive made (ranked after the
    rest); ``match``: MATCH_*; ``highlight``: for a highlight hit, the highlight's id (to flash
    it)."""

    __slots__ = ()

    def snippet_marked(self, open_mark: str = "[", close_mark: str = "]") -> str:
        return self.snippet.replace(MARK_OPEN, open_mark).replace(MARK_CLOSE, close_mark)

    def snippet_html(self, open_tag: str = "<b>", close_tag: str = "</b>") -> str:
        import html  # not on the command line's path

        escaped = html.escape(self.snippet.replace("\n", " "))
        return escaped.replace(MARK_OPEN, open_tag).replace(MARK_CLOSE, close_tag)

    def as_json(self) -> dict:
        data = self._asdict()
        del data["generated"]
        data["snippet"] = self.snippet_marked("«", "»").replace("\n", " ")
        return data


class Facets(namedtuple("Facets", "kinds years")):
    """What a query found, counted per kind and per year: ``kinds`` as (kind, count), most first;
    ``years`` as (year, count), latest first. Each is counted with the query's other filter but
    not its own (``soort:top`` still counts every kind), so it says what choosing one would give."""

    __slots__ = ()


class Results:
    """The hits for one query and what to tell the user about them."""

    def __init__(self, *, truncated: bool = False, words: list[str] | None = None):
        self.hits: list[Hit] = []
        self.suggestion: str | None = None  # the query, misspelt words corrected ("Bedoelde u …?")
        self.truncated = truncated  # the query was longer than the language reads: its start used
        self.words: list[str] = words or []  # the words to highlight in a document
        self.engine = "index"  # "index", or "fts" while the index is being built

    @property
    def partial(self) -> bool:
        return any(h.match == MATCH_PARTIAL for h in self.hits)

    @property
    def typo(self) -> bool:
        return any(h.match == MATCH_TYPO for h in self.hits)
