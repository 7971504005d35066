"""The GUI thread's handle on the render thread: it starts the thread, forwards requests as queued
signals, and re-emits the answers that are about the current document.

``PageRenderer`` (in workers/page_renderer.py) is the object in that thread that owns the document.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractEventDispatcher, QObject, Qt, QThread, Signal, Slot
from PySide6.QtGui import QImage

from vlnl_desktop.workers.image_cache import CacheKey
from vlnl_desktop.workers.page_renderer import PageRenderer
from vlnl_desktop.workers.render_protocol import DocumentInfo, RenderJob
from vlnl_desktop.workers.threads import stop_thread


class RenderClient(QObject):
    """The GUI thread's handle on a ``PageRenderer`` in its own thread: requests out, answers back."""

    opened = Signal(object)
    """A document opened: its ``DocumentInfo``."""
    open_failed = Signal(str, str, str)
    """Opening failed: reason code, English message, path."""
    sizes_ready = Signal(object)
    """The exact size of every page of the current document: list of (width, height) in points."""
    outline_ready = Signal(object)
    """The outline of the current document: list of ``OutlineEntry``."""
    page_rendered = Signal(str, object, QImage)
    """An image of the current document: channel, ``CacheKey``, image (null if rendering failed)."""
    page_refused = Signal(int, str, str)
    """A page of the current document cannot be drawn: page, problem code ("over_budget",
    "damaged"), English message. Its images come as null images."""
    links_ready = Signal(int, object)
    """The links of a page of the current document: page, list of ``PdfLink``."""
    text_ready = Signal(int, int, str, int)
    """Text of the current document: request id, page, text, 1 if the page has a text layer else 0."""
    chars_ready = Signal(int, object)
    """The characters of a page of the current document: page, ``PageChars``."""
    find_hits = Signal(int, int, object)
    """Hits of the current find: find id, page, list of ``PageHit``."""
    find_finished = Signal(int, int, object)
    """The current find is done: find id, total hits, pages without a text layer."""

    _open_requested = Signal(int, str, object, int, object)
    _close_requested = Signal()
    _jobs_requested = Signal(int, str, object)
    _links_requested = Signal(int, object)
    _text_requested = Signal(int, int, int, object)
    _chars_requested = Signal(int, int)
    _find_requested = Signal(int, int, str, int)
    _resume_requested = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.doc_id = 0
        self._next_request = 0
        self._resume = None  # the pending connection that passes ``painted`` on
        self._thread = QThread()
        self._thread.setObjectName("PageRenderer")
        self._worker = PageRenderer()
        self._worker.moveToThread(self._thread)
        self._connect_signals()
        self._thread.start()

    def _connect_signals(self) -> None:
        w = self._worker
        self._open_requested.connect(w.open_document)
        self._close_requested.connect(w.close_document)
        self._jobs_requested.connect(w.set_jobs)
        self._links_requested.connect(w.request_links)
        self._text_requested.connect(w.request_text)
        self._chars_requested.connect(w.request_chars)
        self._find_requested.connect(w.find)
        self._resume_requested.connect(w.resume)
        # Both run in the renderer's thread as it ends: close the document, then free the worker there.
        self._thread.finished.connect(w._on_thread_finished, Qt.ConnectionType.DirectConnection)
        self._thread.finished.connect(w.deleteLater)
        w.opened.connect(self._on_opened)
        w.open_failed.connect(self._on_open_failed)
        w.sizes_ready.connect(self._on_sizes_ready)
        w.outline_ready.connect(self._on_outline_ready)
        w.page_rendered.connect(self._on_page_rendered)
        w.page_refused.connect(self._on_page_refused)
        w.links_ready.connect(self._on_links_ready)
        w.text_ready.connect(self._on_text_ready)
        w.chars_ready.connect(self._on_chars_ready)
        w.find_hits.connect(self._on_find_hits)
        w.find_finished.connect(self._on_find_finished)

    # --- requests ---

    def open(self, path: str, password: str | None = None, page: int = 0, first_key=None) -> int:
        """Open ``path`` (closing the current document) to be shown at ``page`` (0-based); returns the
        new document's id. ``first_key``: see ``PageRenderer.open_document``."""
        self.doc_id += 1
        self._worker.wanted = self.doc_id  # a job still at work for the document before stops
        self._cancel_resume()
        self._open_requested.emit(self.doc_id, path, password, page, first_key)
        return self.doc_id

    def close(self) -> None:
        """Close the current document; answers still on their way are dropped."""
        self.doc_id += 1
        self._worker.wanted = self.doc_id
        self._close_requested.emit()

    def set_jobs(self, channel: str, jobs: list[RenderJob]) -> None:
        """Replace what ``channel`` still has to render by ``jobs``, most wanted first."""
        self._jobs_requested.emit(self.doc_id, channel, list(jobs))

    def request_links(self, pages: list[int]) -> None:
        """Ask for the links of ``pages``; each answers with ``links_ready``."""
        self._links_requested.emit(self.doc_id, list(pages))

    def request_text(self, page: int, rect: tuple[float, float, float, float] | None) -> int:
        """Ask for the text of ``page`` inside ``rect`` (display points; None: all); returns a request id."""
        self._next_request += 1
        self._text_requested.emit(self.doc_id, self._next_request, page, rect)
        return self._next_request

    def request_chars(self, page: int) -> None:
        """Ask for the characters of ``page`` and their boxes; answered with ``chars_ready``."""
        self._chars_requested.emit(self.doc_id, page)

    def find(self, query: str, start_page: int = 0) -> int:
        """Start finding ``query`` (an empty one stops); returns the find id the answers carry."""
        self._next_request += 1
        self._find_requested.emit(self.doc_id, self._next_request, query, start_page)
        return self._next_request

    def painted(self) -> None:
        """Say the GUI has painted the "view" images it got: the worker waits for this (briefly).

        It is told once this thread has done what it has to do now and waits for events: its next
        jobs take the GIL, which the GUI would otherwise have to wait for (a switch interval, 5 ms,
        each time) to put the painted page on screen and to take in whatever else came with it.
        The signal goes from the event dispatcher straight to the worker, without Python.
        """
        dispatcher = QAbstractEventDispatcher.instance(QThread.currentThread())
        if dispatcher is None:
            self._resume_requested.emit()
            return
        self._cancel_resume()
        self._resume = dispatcher.aboutToBlock.connect(
            self._resume_requested, Qt.ConnectionType.SingleShotConnection
        )

    def _cancel_resume(self) -> None:
        """Forget a ``painted`` not yet passed on (it was about the document before)."""
        if self._resume is not None:
            QObject.disconnect(self._resume)  # False if it has fired: nothing to undo
            self._resume = None

    def shutdown(self) -> None:
        """Stop the thread (closing the document in it, stopping a job at work) and wait for it."""
        stop_thread(self._thread, self._stop_jobs)

    def _stop_jobs(self) -> None:
        self._worker.wanted = -1

    # --- answers ---

    @Slot(object, object, QImage)
    def _on_opened(self, info: DocumentInfo, key: CacheKey | None, image: QImage) -> None:
        if info.doc_id == self.doc_id:
            self.opened.emit(info)
            if key is not None and info.doc_id == self.doc_id:  # (not opened again meanwhile)
                self.page_rendered.emit("view", key, image)

    @Slot(int, str, str, str)
    def _on_open_failed(self, doc_id: int, reason: str, message: str, path: str) -> None:
        if doc_id == self.doc_id:
            self.open_failed.emit(reason, message, path)

    @Slot(int, object)
    def _on_sizes_ready(self, doc_id: int, sizes: object) -> None:
        if doc_id == self.doc_id:
            self.sizes_ready.emit(sizes)

    @Slot(int, object)
    def _on_outline_ready(self, doc_id: int, entries: object) -> None:
        if doc_id == self.doc_id:
            self.outline_ready.emit(entries)

    @Slot(str, object, QImage)
    def _on_page_rendered(self, channel: str, key: CacheKey, image: QImage) -> None:
        if key.doc == self.doc_id:
            self.page_rendered.emit(channel, key, image)

    @Slot(int, int, str, str)
    def _on_page_refused(self, doc_id: int, page: int, code: str, message: str) -> None:
        if doc_id == self.doc_id:
            self.page_refused.emit(page, code, message)

    @Slot(int, int, object)
    def _on_links_ready(self, doc_id: int, page: int, links: object) -> None:
        if doc_id == self.doc_id:
            self.links_ready.emit(page, links)

    @Slot(int, int, int, str, int)
    def _on_text_ready(
        self, doc_id: int, request_id: int, page: int, text: str, has_layer: bool
    ) -> None:
        if doc_id == self.doc_id:
            self.text_ready.emit(request_id, page, text, has_layer)

    @Slot(int, int, object)
    def _on_chars_ready(self, doc_id: int, page: int, chars: object) -> None:
        if doc_id == self.doc_id:
            self.chars_ready.emit(page, chars)

    @Slot(int, int, int, object)
    def _on_find_hits(self, doc_id: int, find_id: int, page: int, hits: object) -> None:
        if doc_id == self.doc_id:
            self.find_hits.emit(find_id, page, hits)

    @Slot(int, int, int, object)
    def _on_find_finished(
        self, doc_id: int, find_id: int, total: int, without_text: object
    ) -> None:
        if doc_id == self.doc_id:
            self.find_finished.emit(find_id, total, without_text)
