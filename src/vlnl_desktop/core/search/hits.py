"""What a search answers: hits (one per record, page or document) and the answer around them.

Snippets carry the matched words between ``MARK_OPEN`` and ``MARK_CLOSE`` (private-use characters
that no text holds), turned into marks fit for the place they are shown.
"""

from __future__ import annotations

import html
from dataclasses import asdict, dataclass, field

MARK_OPEN = "\ue000"
MARK_CLOSE = "\ue001"

MATCH_ALL = "all"  # every word the user typed (or an alias, a stem, a compound part) matched
MATCH_PARTIAL = "partial"  # some of the words matched
MATCH_TYPO = "typo"  # a word matched only within a few letters' difference


@dataclass(frozen=True)
class Hit:
    kind: str  # declaration, summit, event, group, theme, document, page, note, highlight
    id: str  # the record id; for a page, the document id
    title: str
    date: str | None
    document: str | None  # the document id for document and page hits
    page: int | None  # 1-based page number for page hits
    snippet: str  # with MARK_OPEN / MARK_CLOSE around matched words
    score: float  # lower is better
    generated: bool = False  # a page of a record sheet the archive made: ranked after the rest
    match: str = MATCH_ALL
    highlight: int | None = None  # a highlight hit: the highlight's id (to flash it)

    def snippet_marked(self, open_mark: str = "[", close_mark: str = "]") -> str:
        return self.snippet.replace(MARK_OPEN, open_mark).replace(MARK_CLOSE, close_mark)

    def snippet_html(self, open_tag: str = "<b>", close_tag: str = "</b>") -> str:
        escaped = html.escape(self.snippet.replace("\n", " "))
        return escaped.replace(MARK_OPEN, open_tag).replace(MARK_CLOSE, close_tag)

    def as_json(self) -> dict:
        data = asdict(self)
        del data["generated"]
        data["snippet"] = self.snippet_marked("«", "»").replace("\n", " ")
        return data


@dataclass
class Results:
    """The hits for one query and what to tell the user about them."""

    hits: list[Hit] = field(default_factory=list)
    suggestion: str | None = None  # the query with misspelt words corrected ("Bedoelde u …?")
    truncated: bool = False  # the query was longer than the language reads: its start was used
    words: list[str] = field(default_factory=list)  # the words to highlight in a document
    engine: str = "index"  # "index", or "fts" while the index is being built

    @property
    def partial(self) -> bool:
        return any(h.match == MATCH_PARTIAL for h in self.hits)

    @property
    def typo(self) -> bool:
        return any(h.match == MATCH_TYPO for h in self.hits)
