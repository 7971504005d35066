"""Search on the records' FTS5 index: the answer while the search index is being built.

The archive keeps an FTS5 index of its records' text (``search_items_fts``), so a search finds
records at once even while the Tantivy index is missing or rebuilt; document pages are found again
when it is back (they have no FTS5 index: see ``archive.schema``). ``*_sql`` functions build
statements, ``FtsSearch`` runs them (STYLE: build SQL apart from running it). Ranking is FTS5's
bm25 with record titles weighted above body text.
"""

from __future__ import annotations

import sqlite3

from vlnl_desktop.core.search.hits import MARK_CLOSE, MARK_OPEN, Hit
from vlnl_desktop.core.search.query import Query, compile_match

TITLE_WEIGHT = 10.0
BODY_WEIGHT = 1.0
SNIPPET_TOKENS = 16


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


class FtsSearch:
    """Runs a parsed query on one connection's FTS5 index of the records."""

    def __init__(self, conn: sqlite3.Connection):
        self._conn = conn

    def search(self, query: Query, limit: int = 50) -> list[Hit]:
        """The best ``limit`` records; an empty list for a query of nothing."""
        match = compile_match(query)
        if match is None or limit <= 0:
            return []
        return self._record_hits(match, limit)

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
