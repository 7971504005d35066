"""Search on a large archive vs the same FTS5 query run raw in sqlite3.

The archive holds the generated corpus (10,000 documents / 100,000 pages by default), imported once
with our importer and cached. "Ours" is the whole search the window and the CLI run: parsing, aliases,
records and pages, ranking and snippets for the best 20. "Raw" is the bare FTS5 ranking of the same
compiled expression over the pages: the least any search over this index can cost.
"""

from __future__ import annotations

import sqlite3

from common import CACHE_DIR, Row, repeat
from corpus import make_corpus

QUERIES = {
    "common word": "samenwerking",
    "rare word": "Einstein",
    "phrase": '"high tech samenwerkingsagenda"',
    "prefix": "waterst",
    "two words": "fotonica Gent",
}
RAW_SQL = (
    "SELECT rowid, bm25(pages_fts) AS s FROM pages_fts WHERE pages_fts MATCH ? ORDER BY s LIMIT 20"
)


def search_archive(documents: int, pages: int):
    """A working archive holding the corpus (built and imported on first use)."""
    from vlnl_desktop.core.archive.lifecycle import open_workspace
    from vlnl_desktop.core.documents.importer import import_files

    corpus = make_corpus(documents, pages)
    root = CACHE_DIR / f"archive-{corpus.name}"
    done = root / ".imported"
    if not done.exists():
        ws = open_workspace(root)
        results = import_files(ws, sorted(corpus.glob("*.pdf")))
        failed = [r for r in results if not r.ok]
        if failed:
            raise RuntimeError(f"corpus import failed: {failed[0].line()}")
        done.touch()
    return open_workspace(root)


def rows(quick: bool = False) -> list[Row]:
    from vlnl_desktop.core.archive.connections import connect_readonly
    from vlnl_desktop.core.search.query import compile_match
    from vlnl_desktop.core.search.searcher import Searcher

    documents, pages, times = (20, 2, 2) if quick else (10_000, 10, 15)
    ws = search_archive(documents, pages)
    searcher = Searcher(connect_readonly(ws))
    raw = sqlite3.connect(f"file:{ws.db_path}?mode=ro", uri=True)
    total = raw.execute("SELECT count(*) FROM pages").fetchone()[0]
    out = []
    for label, text in QUERIES.items():
        match = compile_match(searcher.parse(text))
        searcher.search(text, 20)  # warm the page cache for both
        raw.execute(RAW_SQL, (match,)).fetchall()
        ours = repeat(lambda text=text: searcher.search(text, 20), times)
        limit = repeat(lambda match=match: raw.execute(RAW_SQL, (match,)).fetchall(), times)
        out.append(
            Row(
                what=f"search {total:,} pages: {label}",
                unit="ms",
                ours=[t * 1000 for t in ours],
                limit=[t * 1000 for t in limit],
                limit_name="raw FTS5",
                max_ratio=1.3,
                max_value=50,
            )
        )
    return out


if __name__ == "__main__":
    import sys

    from common import format_table

    print(format_table(rows(quick="--quick" in sys.argv)))
