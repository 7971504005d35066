"""Search off the GUI thread: one worker in its own QThread with its own read-only connection.

``SearchClient`` lives in the GUI thread: ``search(text)`` debounces (150 ms), numbers each request and
drops results that arrive for an older request. ``SearchWorker`` runs ``Searcher.search`` and sends the
hits back by signal.
"""

from __future__ import annotations

import functools
import sqlite3
from pathlib import Path

from PySide6.QtCore import QObject, QThread, QTimer, Signal, Slot

from vlnl_desktop.core.errors import VlnlError
from vlnl_desktop.workers.threads import stop_thread

DEBOUNCE_MS = 150
LIMIT = 60
STOP_TIMEOUT_MS = 5000  # a search is short; do not hang the close on a stuck one


class SearchWorker(QObject):
    """Runs searches in its thread; opens its connection there, on the first request."""

    results_ready = Signal(int, str, list)
    """Request number, the text searched and the hits (``core.search.Hit``)."""
    failed = Signal(int, str)
    """Request number and a message fit to show."""

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

            ws = Workspace(Path(self._db_path).parent)
            self._conn = connect_readonly(ws)
            self._searcher = Searcher(self._conn)
        return self._searcher

    @Slot(int, str)
    def run_search(self, request: int, text: str) -> None:
        if request < self._latest[0]:
            return  # a newer request is queued: this one is stale
        try:
            hits = self._ensure_open().search(text, LIMIT)
        except (VlnlError, sqlite3.Error) as exc:
            import logging

            logging.getLogger(__name__).warning("search failed: %s", exc)
            self.failed.emit(request, str(exc))
            return
        self.results_ready.emit(request, text, hits)

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
    failed = Signal(str)
    """A search could not run: the message."""
    _request = Signal(int, str)
    _close = Signal()

    def __init__(self, db_path: str | Path, parent: QObject | None = None):
        super().__init__(parent)
        self._latest = [0]
        self._pending_text = ""
        self._thread = QThread()
        self._thread.setObjectName("search")
        self._worker = SearchWorker(str(db_path), self._latest)
        self._worker.moveToThread(self._thread)
        self._request.connect(self._worker.run_search)
        self._close.connect(self._worker.close)
        self._worker.results_ready.connect(self._on_results)
        self._worker.failed.connect(self._on_failed)
        self._thread.finished.connect(self._worker.deleteLater)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._on_timer)
        # the thread starts with the first search; it stops with the client, even when the client
        # is deleted without shutdown() (a QThread destroyed while running aborts the process)
        self.destroyed.connect(
            functools.partial(stop_thread, self._thread, self._close.emit, STOP_TIMEOUT_MS)
        )

    def search(self, text: str) -> None:
        """Search for ``text`` once the user pauses typing; empty text clears at once."""
        self._pending_text = text
        self._latest[0] += 1
        if not text.strip():
            self._timer.stop()
            self.results.emit(text, [])
            return
        self._timer.start()

    def search_now(self, text: str) -> None:
        self._pending_text = text
        self._latest[0] += 1
        self._timer.stop()
        self._on_timer()

    def cancel(self) -> None:
        self._latest[0] += 1
        self._timer.stop()

    def reset(self) -> None:
        """Drop pending requests and close the worker's connection (reopened on the next search),
        e.g. before the archive file is replaced."""
        self.cancel()
        self._close.emit()

    def _on_timer(self) -> None:
        if not self._thread.isRunning():
            self._thread.start()
        self._request.emit(self._latest[0], self._pending_text)

    def _on_results(self, request: int, text: str, hits: list) -> None:
        if request == self._latest[0]:
            self.results.emit(text, hits)

    def _on_failed(self, request: int, message: str) -> None:
        if request == self._latest[0]:
            self.failed.emit(message)

    def shutdown(self) -> None:
        """Close the worker's connection and stop its thread (call before the app exits)."""
        self._timer.stop()
        self._latest[0] += 1
        stop_thread(self._thread, self._close.emit, STOP_TIMEOUT_MS)
