"""Search off the GUI thread: one worker in its own QThread with its own read-only connection.

``SearchClient`` lives in the GUI thread: ``search(text)`` numbers each request and sends it at once
when no search runs (a search takes milliseconds: no fixed debounce delays the first keypress);
while one runs, only the newest text waits and goes next. Results of an older request are dropped. ``SearchWorker`` runs ``Searcher.results`` and sends
the answer back by signal; then, unless a newer request waits, the counts per kind and year
(``Searcher.facets``), so that counting never delays the results.

The search index is kept fit off both threads: on the first search (and after ``reset``) the client
has a ``BackgroundOp`` build or repair it when it is missing or stale (``core.search.upkeep``);
searches meanwhile answer from the index as it is, or (none fit to read) the records from FTS5,
and the newest one is run again when the index is up to date.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from PySide6.QtCore import QObject, Signal, Slot

from vlnl_desktop.core.errors import VlnlError
from vlnl_desktop.workers.threads import stop_thread, thread_for

LIMIT = 60
STOP_TIMEOUT_MS = 5000  # a search is short; do not hang the close on a stuck one


class SearchWorker(QObject):
    """Runs searches in its thread; opens its connection there, on the first request."""

    results_ready = Signal(int, str, object)
    """Request number, the text searched and the answer (``core.search.hits.Results``)."""
    failed = Signal(int, str)
    """Request number and a message fit to show."""
    facets_ready = Signal(int, str, object)
    """Request number, the text searched and its counts (``core.search.hits.Facets`` or None)."""
    finished = Signal(int)
    """The request is done with (answered, failed or skipped as stale)."""

    def __init__(self, db_path: str, latest: list[int]):
        super().__init__()
        self._db_path = db_path
        self._latest = latest  # shared with the client: [newest request number]
        self._conn: sqlite3.Connection | None = None
        self._searcher = None

    def _ensure_open(self):
        if self._searcher is None:
            from vlnl_desktop.core.archive.connections import connect_readonly
            from vlnl_desktop.core.archive.workspace import Workspace
            from vlnl_desktop.core.search.searcher import Searcher
            from vlnl_desktop.core.search.upkeep import usable_index

            ws = Workspace(Path(self._db_path).parent)
            self._conn = connect_readonly(ws)
            self._searcher = Searcher(self._conn, usable_index(ws, self._conn, update=False))
        return self._searcher

    @Slot(int, str)
    def run_search(self, request: int, text: str) -> None:
        try:
            self._run(request, text)
        finally:
            self.finished.emit(request)

    def _run(self, request: int, text: str) -> None:
        if request < self._latest[0]:
            return  # a newer request is queued: this one is stale
        try:
            results = self._ensure_open().results(text, LIMIT)
        except (VlnlError, sqlite3.Error, ValueError) as exc:
            import logging

            logging.getLogger(__name__).warning("search failed: %s", exc)
            self.failed.emit(request, str(exc))
            return
        self.results_ready.emit(request, text, results)
        if request < self._latest[0]:
            return  # a newer text waits: its counts are the ones wanted
        try:
            facets = self._searcher.facets(text)
        except (sqlite3.Error, ValueError) as exc:
            import logging

            logging.getLogger(__name__).warning("search counts failed: %s", exc)
            facets = None
        self.facets_ready.emit(request, text, facets)

    @Slot()
    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
        self._conn = None
        self._searcher = None


class SearchClient(QObject):
    """The GUI side: debounced requests in, the newest results out."""

    results = Signal(str, list)
    """The text searched and its hits; only for the newest request."""
    answered = Signal(str, object)
    """The text searched and the whole answer (``core.search.hits.Results``), with ``results``."""
    index_busy = Signal(bool)
    """The search index is being built or repaired (True), or that ended (False)."""
    index_progress = Signal(int, int)
    """Index documents written so far and pages in all, while the index is built anew."""
    failed = Signal(str)
    """A search could not run: the message."""
    counted = Signal(str, object)
    """The text searched and its counts per kind and year (``core.search.hits.Facets`` or None),
    after ``answered``; only for the newest request."""
    _request = Signal(int, str)
    _close = Signal()

    def __init__(self, db_path: str | Path, parent: QObject | None = None):
        super().__init__(parent)
        self._latest = [0]
        self._pending_text = ""
        self._db_path = Path(db_path)
        self._index_checked = False
        self._index_op = None  # a BackgroundOp, made on the first search
        self._worker = SearchWorker(str(db_path), self._latest)
        # the thread starts with the first search; it stops with the client, even when the client
        # is deleted without shutdown()
        self._thread = thread_for(self, self._worker, "search", self._close.emit, STOP_TIMEOUT_MS)
        self._request.connect(self._worker.run_search)
        self._close.connect(self._worker.close)
        self._worker.results_ready.connect(self._on_results)
        self._worker.failed.connect(self._on_failed)
        self._worker.facets_ready.connect(self._on_facets)
        self._worker.finished.connect(self._on_finished)
        self._in_flight = False  # a request is with the worker
        self._queued = False  # a newer text waits for it

    def search(self, text: str) -> None:
        """Search for ``text`` now, or as soon as the running search ends; empty text clears."""
        self._pending_text = text
        self._latest[0] += 1
        if not text.strip():
            self._queued = False
            self.results.emit(text, [])
            self.answered.emit(text, None)
            return
        self._check_index()
        self._send()

    def search_now(self, text: str) -> None:
        self.search(text)

    def cancel(self) -> None:
        self._latest[0] += 1
        self._queued = False

    def reset(self) -> None:
        """Drop pending requests and close the worker's connection (reopened on the next search),
        e.g. before the archive file is replaced."""
        self.cancel()
        self._close.emit()
        self._index_checked = False

    def _check_index(self) -> None:
        """Once per opening: have the index built or repaired in the background if need be."""
        if self._index_checked:
            return
        self._index_checked = True
        from vlnl_desktop.workers.background_op import BackgroundOp

        if self._index_op is None:
            self._index_op = BackgroundOp(self, name="search-index")
        db_path, progress = self._db_path, self.index_progress

        def work() -> bool:
            from vlnl_desktop.core.archive.connections import connect_readonly
            from vlnl_desktop.core.archive.workspace import Workspace
            from vlnl_desktop.core.search.upkeep import FRESH, index_state, update_index

            ws = Workspace(db_path.parent)
            conn = connect_readonly(ws)
            try:
                if index_state(ws, conn) == FRESH:
                    return False
            finally:
                conn.close()
            self.index_busy.emit(True)
            return update_index(ws, lambda done, total: progress.emit(done, total)) is not None

        self._index_op.run(work, self._on_index_done, self._on_index_failed)

    def _on_index_done(self, updated: bool) -> None:
        if not updated:
            self.index_busy.emit(False)
            return
        self.index_busy.emit(False)
        self.cancel()
        self._close.emit()  # the worker opens the new index with its next search
        if self._pending_text.strip():
            self.search(self._pending_text)

    def _on_index_failed(self, message: str) -> None:
        import logging

        logging.getLogger(__name__).warning("search index not updated: %s", message)
        self.index_busy.emit(False)

    def _send(self) -> None:
        if self._in_flight:
            self._queued = True
            return
        if not self._thread.isRunning():
            self._thread.start()
        self._in_flight, self._queued = True, False
        self._request.emit(self._latest[0], self._pending_text)

    def _on_finished(self, _request: int) -> None:
        self._in_flight = False
        if self._queued and self._pending_text.strip():
            self._send()

    def _on_results(self, request: int, text: str, results) -> None:
        if request == self._latest[0]:
            self.results.emit(text, results.hits)
            self.answered.emit(text, results)

    def _on_facets(self, request: int, text: str, facets) -> None:
        if request == self._latest[0]:
            self.counted.emit(text, facets)

    def _on_failed(self, request: int, message: str) -> None:
        if request == self._latest[0]:
            self.failed.emit(message)

    def shutdown(self) -> None:
        """Close the worker's connection and stop its thread (call before the app exits)."""
        self._queued = False
        self._latest[0] += 1
        if self._index_op is not None:
            self._index_op.shutdown()
        stop_thread(self._thread, self._close.emit, STOP_TIMEOUT_MS)
