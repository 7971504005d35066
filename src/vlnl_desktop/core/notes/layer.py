"""Writing the user's layer: each change one committed transaction, the search index updated.

``UserLayer`` keeps one writer connection to the working archive for a session (the window's, or
one command's). Every change is committed at once (nothing typed is lost on a crash). The search
index is updated in the same step when the archive's writer lock is free at once; when another
writer holds it (an import), the change is in SQLite all the same, the index's signature no
longer matches, and the next search repairs it (``search.index.repair`` indexes notes anew).
``index=False`` leaves the index to the caller (the window repairs it in the background, so
that typing never waits for the index's commit: ~0.1 ms against 8-160 ms).
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Callable, Iterator

from vlnl_desktop.core.archive.connections import connect_writer, transaction
from vlnl_desktop.core.archive.workspace import Workspace
from vlnl_desktop.core.archive.writer_lock import ArchiveBusy, writer_lock
from vlnl_desktop.core.notes import store
from vlnl_desktop.core.notes.store import Rect


class UserLayer:
    """Notes and highlights of one working archive, written through one connection."""

    def __init__(self, workspace: Workspace, *, index: bool = True):
        self.workspace = workspace
        self.index = index
        self._conn: sqlite3.Connection | None = None

    @property
    def conn(self) -> sqlite3.Connection:
        """The writer connection (opened on first use; raises ``ArchiveError``)."""
        if self._conn is None:
            self._conn = connect_writer(self.workspace)
        return self._conn

    def close(self) -> None:
        """Close the connection (before a rebuild replaces the file; reopened on the next use)."""
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    @contextlib.contextmanager
    def _indexed(self) -> Iterator[Callable[[int, int], None]]:
        """The block writes SQLite and calls the function it is given with (namespace, row id)
        of each note or highlight it changed: those are indexed when the block ends."""
        changed: list[tuple[int, int]] = []
        with contextlib.ExitStack() as stack:
            try:
                if self.index:
                    stack.enter_context(writer_lock(self.workspace.root, wait=0))
                locked = self.index
            except ArchiveBusy:
                locked = False
            update = None
            if locked:
                from vlnl_desktop.core.search.index import index_update  # tantivy: writers only

                update = stack.enter_context(index_update(self.workspace.db_path, self.conn))
            with transaction(self.conn):
                yield lambda namespace, row_id: changed.append((namespace, row_id))
            if update is not None:
                for namespace, row_id in changed:
                    update.add_user_item(self.conn, namespace, row_id)

    # --- highlights ---

    def add_highlight(
        self,
        sha256: str,
        page_no: int,
        rects: list[Rect],
        text: str,
        colour: str = store.DEFAULT_COLOUR,
    ) -> int:
        """Store a highlight on page ``page_no`` (1-based) of the file ``sha256``; its id."""
        from vlnl_desktop.core.search.index import NS_HIGHLIGHT

        with self._indexed() as changed:
            highlight_id = store.add_highlight(self.conn, sha256, page_no, rects, text, colour)
            changed(NS_HIGHLIGHT, highlight_id)
        return highlight_id

    def delete_highlight(self, highlight_id: int) -> None:
        from vlnl_desktop.core.search.index import NS_HIGHLIGHT

        with self._indexed() as changed:
            store.delete_highlight(self.conn, highlight_id)
            changed(NS_HIGHLIGHT, highlight_id)

    # --- notes ---

    def set_record_note(self, record_id: str, text: str) -> int | None:
        """Write the note on a record (an empty text deletes it); its id or None."""
        from vlnl_desktop.core.search.index import NS_NOTE

        with self._indexed() as changed:
            before = store.note_of(self.conn, record_id=record_id)
            note_id = store.set_note(self.conn, text, record_id=record_id)
            for row_id in {n for n in (note_id, before.id if before else None) if n is not None}:
                changed(NS_NOTE, row_id)
        return note_id

    def set_highlight_note(self, highlight_id: int, text: str) -> int | None:
        """Write the note on a highlight (indexed with the highlight's text)."""
        from vlnl_desktop.core.search.index import NS_HIGHLIGHT

        with self._indexed() as changed:
            note_id = store.set_note(self.conn, text, highlight_id=highlight_id)
            changed(NS_HIGHLIGHT, highlight_id)
        return note_id
