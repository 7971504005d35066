"""Keeping the search index fit to answer, for whoever is about to search.

``usable_index`` is what the command line and the window call before searching: the index as it
is when it is fresh; otherwise brought up to date (built when missing or damaged, repaired when
stale) if the archive's writer lock is free at once — else the index as it is (a writer is at work
and updates it itself), or None when there is none fit to read (FTS5 answers meanwhile).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from vlnl_desktop.core.archive.connections import probe
from vlnl_desktop.core.archive.workspace import Workspace
from vlnl_desktop.core.archive.writer_lock import ArchiveBusy, writer_lock
from vlnl_desktop.core.search.index import SearchIndex, ensure_index

FRESH, STALE, MISSING = "fresh", "stale", "missing"


def index_state(ws: Workspace, conn: sqlite3.Connection) -> str:
    """FRESH, STALE (it answers, but misses or holds rows) or MISSING (none fit to read)."""
    index = SearchIndex.open(ws.db_path)
    if index is None:
        return MISSING
    return FRESH if index.fresh(conn) else STALE


def update_index(
    ws: Workspace, progress: Callable[[int, int], None] | None = None
) -> SearchIndex | None:
    """Build or repair the index under the writer lock (not waiting for it); None if another
    process writes or the index cannot be written here (a read-only folder)."""
    try:
        with writer_lock(ws.root, wait=0):
            conn = probe(ws.db_path)
            try:
                return ensure_index(ws.db_path, conn, progress)
            finally:
                conn.close()
    except ArchiveBusy:
        return None
    except (OSError, ValueError, RuntimeError, sqlite3.Error) as exc:
        import logging

        logging.getLogger(__name__).warning("search index not updated: %s", exc)
        return None


def usable_index(
    ws: Workspace,
    conn: sqlite3.Connection,
    *,
    update: bool = True,
    progress: Callable[[int, int], None] | None = None,
    building: Callable[[], None] | None = None,
) -> SearchIndex | None:
    """The index to search now (see the module's docstring); ``building()`` is called before an
    index is built from scratch (it takes a while on a large archive)."""
    index = SearchIndex.open(ws.db_path)
    if index is not None and index.fresh(conn):
        return index
    if update:
        if index is None and building is not None:
            building()
        updated = update_index(ws, progress)
        if updated is not None:
            return updated
    return index
