"""Import throughput: our importer vs raw ``page.get_text()`` over the same pages, and (when the
peer is installed) Recoll's ``recollindex`` on the same files.

Ours is the whole import: checks, sha256, copy into the archive, text per page, one transaction per
document, FTS5 indexing. Pages per second; higher is better. Against raw get_text it runs on one
core (no extraction processes); against Recoll, which indexes with several processes, a folder
import uses both cores (text extraction in processes ahead of the one writer).
"""

from __future__ import annotations

import shutil
import tempfile
import time
from pathlib import Path

from common import Row
from corpus import make_corpus
from peers import recoll_index


def raw_get_text(paths: list[Path]) -> float:
    import pymupdf

    start = time.perf_counter()
    pages = 0
    for path in paths:
        with pymupdf.open(path) as doc:
            for page in doc:
                page.get_text()
                pages += 1
    return pages / (time.perf_counter() - start)


def ours(paths: list[Path], pages_per_doc: int, workers: int) -> float:
    from vlnl_desktop.core.archive.lifecycle import open_workspace
    from vlnl_desktop.core.documents.importer import import_files

    with tempfile.TemporaryDirectory() as tmp:
        ws = open_workspace(Path(tmp) / "ws")
        start = time.perf_counter()
        results = import_files(ws, paths, workers=workers)
        elapsed = time.perf_counter() - start
        assert all(r.ok for r in results), [r.line() for r in results if not r.ok][:3]
        return len(paths) * pages_per_doc / elapsed


def rows(quick: bool = False) -> list[Row]:
    documents, pages, times = (6, 2, 1) if quick else (300, 10, 3)
    paths = sorted(make_corpus(documents, pages).glob("*.pdf"))
    raw_get_text(paths[:3])  # warm the file cache and the import of pymupdf
    limit = [raw_get_text(paths) for _ in range(times)]
    one_core = [ours(paths, pages, workers=0) for _ in range(times)]
    both = [ours(paths, pages, workers=2) for _ in range(times)]
    out = [
        Row(
            what=f"import {documents * pages} pages, one core",
            unit="pages/s",
            ours=one_core,
            limit=limit,
            limit_name="raw get_text",
            min_ratio=0.7,
        )
    ]
    if shutil.which("recollindex") and not quick:
        peer = [documents * pages / recoll_index(paths[0].parent) for _ in range(times)]
        out.append(
            Row(
                what=f"import a folder of {documents * pages} pages (both cores) vs Recoll",
                unit="pages/s",
                ours=both,
                limit=peer,
                limit_name="recollindex",
                min_ratio=1.5,
            )
        )
    return out


if __name__ == "__main__":
    import sys

    from common import format_table

    print(format_table(rows(quick="--quick" in sys.argv)))
