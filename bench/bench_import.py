"""Import throughput: our importer vs raw ``page.get_text()`` over the same pages, and (when the
peer is installed) Recoll's ``recollindex`` on the same files.

Ours is the whole import: checks, sha256, copy into the archive, text per page, one transaction per
document and the search index (one commit at the end). Pages per second; higher is
better. Against raw get_text it runs on one core (no extraction processes); against Recoll, which
indexes with several processes, a folder import uses both cores (text extraction in processes
ahead of the one writer). All sides run interleaved, the order rotated each round.
"""

from __future__ import annotations

import shutil
import tempfile
import time
from pathlib import Path

from common import Row, interleave
from corpus import make_corpus
from peers import recoll_index


def raw_get_text(paths: list[Path]) -> float:
    """Seconds to open every file and get every page's text."""
    import pymupdf

    start = time.perf_counter()
    for path in paths:
        with pymupdf.open(path) as doc:
            for page in doc:
                page.get_text()
    return time.perf_counter() - start


def ours(paths: list[Path], workers: int) -> float:
    """Seconds our import of ``paths`` into a new working archive takes (its build left out)."""
    from vlnl_desktop.core.archive.lifecycle import open_workspace
    from vlnl_desktop.core.documents.importer import import_files

    with tempfile.TemporaryDirectory() as tmp:
        ws = open_workspace(Path(tmp) / "ws")
        start = time.perf_counter()
        results = import_files(ws, paths, workers=workers)
        elapsed = time.perf_counter() - start
        assert all(r.ok for r in results), [r.line() for r in results if not r.ok][:3]
        return elapsed


def rows(quick: bool = False) -> list[Row]:
    documents, pages, times = (6, 2, 1) if quick else (300, 10, 4)
    paths = sorted(make_corpus(documents, pages).glob("*.pdf"))
    total = documents * pages
    raw_get_text(paths[:3])  # warm the file cache and the import of pymupdf
    sides = {
        "raw": lambda: raw_get_text(paths),
        "one core": lambda: ours(paths, workers=0),
        "both cores": lambda: ours(paths, workers=2),
    }
    peer = shutil.which("recollindex") and not quick
    if peer:
        sides["recollindex"] = lambda: recoll_index(paths[0].parent)
    timed = interleave(sides, times)
    rate = {name: [total / s for s in seconds] for name, seconds in timed.items()}
    out = [
        Row(
            what=f"import {total} pages, one core (with the search index)",
            unit="pages/s",
            ours=rate["one core"],
            limit=rate["raw"],
            limit_name="raw get_text",
            min_ratio=0.7,
        )
    ]
    if peer:
        out.append(
            Row(
                what=f"import a folder of {total} pages (both cores) vs Recoll",
                unit="pages/s",
                ours=rate["both cores"],
                limit=rate["recollindex"],
                limit_name="recollindex",
                min_ratio=1.5,
            )
        )
    return out


if __name__ == "__main__":
    import sys

    from common import format_table

    print(format_table(rows(quick="--quick" in sys.argv)))
