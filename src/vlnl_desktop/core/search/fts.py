"""Search over the records and the document pages: one ranked list of hits.

``*_sql`` functions build statements, ``Searcher`` runs them (STYLE: build SQL apart from running
it). Ranking is FTS5's bm25 with record titles weighted above body text; on equal scores records
come before pages. Snippets carry the matched words between ``MARK_OPEN`` and ``MARK_CLOSE``.
"""

from __future__ import annotations

import html
import sqlite3
from dataclasses import asdict, dataclass

from vlnl_desktop.core.search.query import Phrase, Query, alias_table, compile_match, parse
from vlnl_desktop.core.search.snippets import make_snippet

MARK_OPEN = "\ue000"
MARK_CLOSE = "\ue001"
TITLE_WEIGHT = 10.0
BODY_WEIGHT = 1.0
SNIPPET_TOKENS = 16


@dataclass(frozen=True)
class Hit:
    kind: str  # declaration, summit, event, group, theme, document, page
    id: str  # the record id; for a page, the document id
    title: str
    date: str | None
    document: str | None  # the document id for document and page hits
    page: int | None  # 1-based page number for page hits
    snippet: str  # with MARK_OPEN / MARK_CLOSE around matched words
    score: float
    generated: bool = False  # a page of a record sheet the archive made: ranked after the rest

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


def rank_sql(table: str, weights: tuple[float, ...]) -> str:
    """Rowids and scores of the best matches, best first."""
    args = ", ".join(str(w) for w in weights)
    return (
        f"SELECT rowid, bm25({table}_fts, {args}) AS score FROM {table}_fts "
        f"WHERE {table}_fts MATCH ? ORDER BY score LIMIT ?"
    )


def snippet_sql(table: str, column: int, count: int) -> str:
    """Snippets for the given rowids only (snippets are costly; rank first, then cut these)."""
    marks = f"'{MARK_OPEN}', '{MARK_CLOSE}', '…', {SNIPPET_TOKENS}"
    placeholders = ", ".join("?" * count)
    return (
        f"SELECT rowid, snippet({table}_fts, {column}, {marks}) FROM {table}_fts "
        f"WHERE {table}_fts MATCH ? AND rowid IN ({placeholders})"
    )


RECORD_ROWS_SQL = "SELECT id, record_id, kind, title, date FROM search_items WHERE id IN ({})"
PAGE_ROWS_SQL = (
    "SELECT p.id, p.document_id, p.page_no, d.title, d.date, d.origin, p.text FROM pages p "
    "JOIN documents d ON d.id = p.document_id WHERE p.id IN ({})"
)


class Searcher:
    """Runs searches on one connection; reads the alias table once."""

    def __init__(self, conn: sqlite3.Connection):
        self._conn = conn
        self._aliases: dict[Phrase, list[Phrase]] | None = None

    @property
    def aliases(self) -> dict[Phrase, list[Phrase]]:
        if self._aliases is None:
            rows = self._conn.execute("SELECT group_id, term FROM aliases ORDER BY group_id, term")
            self._aliases = alias_table((r[0], r[1]) for r in rows)
        return self._aliases

    def parse(self, text: str) -> Query:
        return parse(text, self.aliases)

    def search(self, text: str, limit: int = 50, *, pages: bool = True) -> list[Hit]:
        """The best ``limit`` hits for the user's text; an empty list for a query of nothing."""
        query = self.parse(text)
        match = compile_match(query)
        if match is None or limit <= 0:
            return []
        hits = self._record_hits(match, limit)
        if pages:
            hits += self._page_hits(query, match, limit)
        hits.sort(key=lambda h: (h.generated, h.score, h.kind == "page"))
        return hits[:limit]

    def _record_hits(self, match: str, limit: int) -> list[Hit]:
        weights = (TITLE_WEIGHT, BODY_WEIGHT)
        ranked = self._conn.execute(rank_sql("search_items", weights), (match, limit)).fetchall()
        if not ranked:
            return []
        ids = [r[0] for r in ranked]
        snippets = dict(
            self._conn.execute(snippet_sql("search_items", -1, len(ids)), (match, *ids)).fetchall()
        )
        rows = {
            r[0]: r
            for r in self._conn.execute(RECORD_ROWS_SQL.format(", ".join("?" * len(ids))), ids)
        }
        hits = []
        for rowid, score in ranked:
            _, record_id, kind, title, date = rows[rowid]
            hits.append(
                Hit(
                    kind=kind,
                    id=record_id,
                    title=title,
                    date=date,
                    document=record_id if kind == "document" else None,
                    page=None,
                    snippet=snippets.get(rowid, ""),
                    score=score,
                )
            )
        return hits

    def _page_hits(self, query: Query, match: str, limit: int) -> list[Hit]:
        # FTS5's snippet() would reload every term's whole index entry per row (slow for common
        # prefixes on many pages): the few best pages' text is cut into snippets in Python instead
        ranked = self._conn.execute(rank_sql("pages", (1.0,)), (match, limit)).fetchall()
        if not ranked:
            return []
        ids = [r[0] for r in ranked]
        whole, prefixes = query.highlight_terms()
        rows = {
            r[0]: r
            for r in self._conn.execute(PAGE_ROWS_SQL.format(", ".join("?" * len(ids))), ids)
        }
        return [
            Hit(
                kind="page",
                id=rows[rowid][1],
                title=rows[rowid][3],
                date=rows[rowid][4],
                document=rows[rowid][1],
                page=rows[rowid][2],
                snippet=make_snippet(
                    rows[rowid][6] or "",
                    whole,
                    prefixes,
                    size=SNIPPET_TOKENS,
                    mark_open=MARK_OPEN,
                    mark_close=MARK_CLOSE,
                    wanted=len(query.positive),
                ),
                score=score,
                generated=rows[rowid][5] == "sheet",
            )
            for rowid, score in ranked
        ]
