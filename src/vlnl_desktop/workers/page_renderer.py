"""The one object that owns an open PDF, in its own thread: it opens, renders, extracts text and finds.

PyMuPDF is not thread-safe, so ``PageRenderer`` lives in its own ``QThread`` and is the only object that
touches the ``pymupdf.Document``. ``RenderClient`` (workers/render_client.py) is its handle in the GUI
thread; what they pass each other is in workers/render_protocol.py.

The worker does one job per turn of its event loop and so sees the newest request of a channel before
the next job.

Opening at page N does the least before that page can be shown: the worker loads page N once, renders
it and answers with ``opened``, which carries that image and page N's size, the estimate for every other
page; nothing else is read until the GUI has painted page N and is idle. Then, in small slices so that
new requests are seen between them, the worker reads the exact size of every page (``sizes_ready``), the
outline (``outline_ready``), then the links asked for, finds and thumbnails.
"""

from __future__ import annotations

import logging
import time
from collections import deque

from PySide6.QtCore import QObject, QTimer, Signal, Slot
from PySide6.QtGui import QImage

from vlnl_desktop.workers.find_job import FindJob
from vlnl_desktop.workers.image_cache import CacheKey
from vlnl_desktop.workers.render_image import render_image
from vlnl_desktop.workers.render_protocol import CHANNELS, DocumentInfo, RenderJob

log = logging.getLogger(__name__)

_FIND_SLICE_SECONDS = 0.03
_FIND_STALL_SECONDS = 5.0  # a few pages that take longer to search are given up
_SIZES_SLICE_SECONDS = 0.004
_SIZES_CHUNK = 64  # pages read between two looks at the clock
_OPEN_GRACE_MS = 250
"""After opening, the worker waits this long for the GUI's first "view" request before it starts on the
rest (exact sizes, outline, …), in case nothing is shown."""
_GUI_TURN_MS = 50
"""After a "view" image the worker waits until the GUI says it has painted it and has nothing left to do
(``RenderClient.painted``), at most this long. PyMuPDF holds the GIL while it renders, so without this
pause the GUI thread could not take in and paint the page it just got until the next job (often a page
outside the view) is done."""


class PageRenderer(QObject):
    """Owns the ``pymupdf.Document``; every slot runs in the renderer's thread."""

    opened = Signal(object, object, QImage)
    """A document opened: its ``DocumentInfo``, and the first "view" image's ``CacheKey`` and image
    (None and a null image if there is none)."""
    open_failed = Signal(int, str, str, str)
    """Opening failed: doc id, problem code (see ``core.pdf.gate.open_pdf``), English message, path."""
    sizes_ready = Signal(int, object)
    """The exact size of every page: doc id, list of (width, height) in points."""
    outline_ready = Signal(int, object)
    """The outline: doc id, list of ``OutlineEntry`` (empty if the document has none)."""
    page_rendered = Signal(str, object, QImage)
    """A rendered image: channel, its ``CacheKey``, the image."""
    links_ready = Signal(int, int, object)
    """The classified links of a page: doc id, page, list of ``PdfLink``."""
    text_ready = Signal(int, int, int, str, int)
    """Text inside a rectangle: doc id, request id, page, the text, whether the page has a text layer."""
    chars_ready = Signal(int, int, object)
    """The characters of a page with their boxes: doc id, page, ``PageChars`` (for selecting)."""
    find_hits = Signal(int, int, int, object)
    """Hits on one page: doc id, find id, page, list of ``PageHit`` (only sent for pages with hits)."""
    find_finished = Signal(int, int, int, object)
    """A find went through every page: doc id, find id, total hits, list of pages without text layer."""

    def __init__(self) -> None:
        super().__init__()
        self._doc = None
        self._doc_id = 0
        self._pending: dict[str, deque[RenderJob]] = {ch: deque() for ch in CHANNELS}
        self._recent: deque[CacheKey] = deque(maxlen=64)
        self._links_pending: deque[int] = deque()
        self._find: FindJob | None = None
        self._find_box = None  # the sandbox finds run in (core.pdf.sandbox), started on first find
        self._source: tuple[str, str | None] | None = None  # the open document's path, password
        self._shown = False  # the first "view" image has been sent (or nothing asked for one)
        self._sizes: list[tuple[float, float]] | None = (
            None  # exact sizes read so far, None if done
        )
        self._outline_pending = False
        self._retired: list = []  # documents replaced by a newer one, closed once it is shown
        self._timer = QTimer(self)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._on_tick)

    # --- requests (queued from the GUI thread) ---

    @Slot(int, str, object, int, object)
    def open_document(
        self, doc_id: int, path: str, password: object, page: int, first_key: object
    ) -> None:
        """Close the current document and open ``path`` to be shown at ``page``; answer with ``opened``
        (``page``'s size standing in for every page's) or ``open_failed``.

        ``first_key`` (or None) is called here with (doc id, page, width, height in points) for the
        ``CacheKey`` the view will want of ``page``: that image is rendered at once and sent with
        ``opened`` (``RenderClient`` passes it on as a "view" image right after ``opened``).
        """
        from vlnl_desktop.core.pdf import document as pdf_document

        self._close(later=True)
        self._doc_id = doc_id
        doc = self._open(doc_id, path, password if isinstance(password, str) else None)
        if doc is None:
            return
        self._doc = doc
        self._source = (path, password if isinstance(password, str) else None)
        count = doc.page_count
        page = min(max(page, 0), count - 1)
        try:  # loaded once, for its size and to render it
            loaded = doc.load_page(page)
            size = (loaded.rect.width, loaded.rect.height)
        except Exception:  # MuPDF's own errors are not RuntimeErrors; its page object may still do
            loaded = None
            try:
                size = pdf_document.page_size(doc, page)
            except Exception as exc:  # MuPDF can fail on a damaged page tree (FzError*)
                log.warning("Cannot read %s: %s", path, exc)
                self._close()
                self.open_failed.emit(
                    doc_id, "broken", "The PDF is damaged and cannot be read.", path
                )
                return
        info = DocumentInfo(
            doc_id=doc_id,
            path=path,
            page_sizes=[size] * count,
            first_page=page,
            sizes_exact=count == 1,
        )
        self._sizes = None if count == 1 else []
        self._outline_pending = True
        key = first_key(doc_id, page, *size) if callable(first_key) else None
        if key is None:
            self.opened.emit(info, None, QImage())
            self._timer.start(_OPEN_GRACE_MS)
            return
        # Rendered before ``opened`` is sent, not while the GUI takes it in: PyMuPDF needs the GIL, so
        # the two would only take turns, each waiting for the other's switch interval. The image goes
        # with ``opened``, so the GUI lays out and paints in one go.
        image = self._render_image(key, loaded)
        self._recent.append(key)
        self.opened.emit(info, key, image)
        self._shown = True
        self._timer.start(_GUI_TURN_MS)

    def _open(self, doc_id: int, path: str, password: str | None):
        """The document at ``path``, or None after answering ``open_failed`` with why it cannot be
        opened. The one place that knows how opening fails."""
        from vlnl_desktop.core.errors import PdfProblem
        from vlnl_desktop.core.pdf.gate import open_pdf

        try:
            return open_pdf(path, password)
        except PdfProblem as exc:
            self._close()
            self.open_failed.emit(doc_id, exc.code, str(exc), path)
        except OSError as exc:
            self._close()
            self.open_failed.emit(
                doc_id, "unreadable", f"The file cannot be read: {exc.strerror or exc}", path
            )
        return None

    @Slot()
    def close_document(self) -> None:
        """Close the document and forget every pending request."""
        self._close()

    @Slot(int, str, object)
    def set_jobs(self, doc_id: int, channel: str, jobs: object) -> None:
        """Replace the pending jobs of ``channel`` by ``jobs`` (a list of ``RenderJob``), most wanted first."""
        if doc_id != self._doc_id or self._doc is None:
            return
        self._pending[channel] = deque(j for j in jobs if j.key not in self._recent)
        self._wake()

    @Slot(int, object)
    def request_links(self, doc_id: int, pages: object) -> None:
        """Answer ``links_ready`` for each page in ``pages``, once the pages in view are rendered.

        Links wait behind the "view" and "print" renders: the first link lookup in a document can
        resolve every named destination in it (a fifth of a second in a large LaTeX file), which must
        not delay the page the user opened.
        """
        if doc_id != self._doc_id or self._doc is None:
            return
        self._links_pending.extend(p for p in pages if p not in self._links_pending)
        self._wake()

    @Slot(int, int, int, object)
    def request_text(self, doc_id: int, request_id: int, page: int, rect: object) -> None:
        """Answer ``text_ready`` with the text of ``page`` inside ``rect`` (display points), or all of it."""
        if doc_id != self._doc_id or self._doc is None:
            return
        from vlnl_desktop.core.pdf import document as pdf_document

        try:
            if rect is None:
                text = pdf_document.page_text(self._doc, page)
            else:
                text = pdf_document.text_in_rect(self._doc, page, rect)
            has_layer = int(bool(text.strip()) or pdf_document.has_text_layer(self._doc, page))
        except RuntimeError as exc:
            log.warning("Cannot read the text of page %d: %s", page + 1, exc)
            text, has_layer = "", 0
        self.text_ready.emit(doc_id, request_id, page, text, has_layer)

    @Slot(int, int)
    def request_chars(self, doc_id: int, page: int) -> None:
        """Answer ``chars_ready`` with every character of ``page`` and its box, in reading order."""
        if doc_id != self._doc_id or self._doc is None:
            return
        from vlnl_desktop.core.pdf import document as pdf_document

        try:
            chars = pdf_document.page_chars(self._doc, page)
        except Exception as exc:  # MuPDF's own errors included: the page has no text to select
            log.warning("Cannot read the characters of page %d: %s", page + 1, exc)
            chars = pdf_document.PageChars(page, (), False)
        self.chars_ready.emit(doc_id, page, chars)

    @Slot(int, int, str, int)
    def find(self, doc_id: int, find_id: int, query: str, start_page: int) -> None:
        """Find ``query`` on every page, starting at ``start_page`` and wrapping round; an empty query stops."""
        if doc_id != self._doc_id or self._doc is None:
            return
        self._drop_find()
        if not query.strip():
            return
        if self._find_box is None:
            from vlnl_desktop.core.pdf.sandbox import Sandbox

            self._find_box = Sandbox(stall=_FIND_STALL_SECONDS)
        self._find = FindJob.wrapping_round(
            find_id,
            query,
            start_page,
            self._doc.page_count,
            sandbox=self._find_box,
            source=self._source,
        )
        self._wake()

    @Slot()
    def resume(self) -> None:
        """The GUI has painted the last image: go on with the next job now."""
        if self._timer.isActive() and self._timer.interval():
            self._timer.setInterval(0)

    # --- the work loop ---

    def _wake(self) -> None:
        if not self._timer.isActive() or not self._shown:
            self._timer.start(0)

    @Slot()
    def _on_tick(self) -> None:
        if self._doc is None:
            self._timer.stop()
            return
        self._timer.setInterval(0)
        if self._sizes is not None and self._shown:
            self._sizes_slice()  # first, as the layout of every page (and so what is in view) hangs on it
            return
        for channel in CHANNELS[:2]:
            if self._pending[channel]:
                self._render(channel, self._pending[channel].popleft())
                if channel == "view":
                    self._shown = True
                    self._timer.setInterval(_GUI_TURN_MS)
                return
        self._shown = True
        if self._retired:
            self._retired.pop().close()
            return
        if self._sizes is not None:
            self._sizes_slice()
            return
        if self._outline_pending:
            self._answer_outline()
            return
        if self._links_pending:
            self._answer_links(self._links_pending.popleft())
            return
        if self._find is not None:
            self._find_slice()
            return
        if self._pending["thumbs"]:
            self._render("thumbs", self._pending["thumbs"].popleft())
            return
        self._timer.stop()

    def _render(self, channel: str, job: RenderJob) -> None:
        image = self._render_image(job.key)
        self._recent.append(job.key)
        self.page_rendered.emit(channel, job.key, image)

    def _render_image(self, key: CacheKey, page=None) -> QImage:
        try:
            return render_image(self._doc, key, page)
        except Exception as exc:  # MuPDF's own errors included: a page that fails stays blank
            log.warning("Cannot render page %d: %s", key.page + 1, exc)
            return QImage()

    def _sizes_slice(self) -> None:
        """Read the exact sizes of the next pages for a few milliseconds; send them all when done."""
        from vlnl_desktop.core.pdf import document as pdf_document

        sizes = self._sizes
        count = self._doc.page_count
        deadline = time.monotonic() + _SIZES_SLICE_SECONDS
        while len(sizes) < count and time.monotonic() < deadline:
            start = len(sizes)
            stop = min(start + _SIZES_CHUNK, count)
            try:
                sizes += pdf_document.page_sizes(self._doc, start, stop)
            except RuntimeError as exc:  # a damaged page: keep its estimate, go on with the next
                log.warning("Cannot read the size of a page in %d–%d: %s", start + 1, stop, exc)
                for i in range(start, stop):
                    try:
                        sizes.append(pdf_document.page_size(self._doc, i))
                    except RuntimeError:
                        sizes.append(sizes[-1] if sizes else (612.0, 792.0))
        if len(sizes) == count:
            self._sizes = None
            self.sizes_ready.emit(self._doc_id, sizes)

    def _answer_outline(self) -> None:
        from vlnl_desktop.core.pdf import document as pdf_document
        from vlnl_desktop.core.pdf.gate import take_warnings

        self._outline_pending = False
        try:
            entries = pdf_document.outline(self._doc)
        except RuntimeError as exc:
            log.warning("Cannot read the outline: %s", exc)
            entries = []
        take_warnings("outline")
        self.outline_ready.emit(self._doc_id, entries)

    def _answer_links(self, page: int) -> None:
        from vlnl_desktop.core.pdf import links as pdf_links

        try:
            links = pdf_links.page_links(self._doc, page)
        except RuntimeError as exc:
            log.warning("Cannot read the links of page %d: %s", page + 1, exc)
            links = []
        self.links_ready.emit(self._doc_id, page, links)

    def _find_slice(self) -> None:
        job = self._find
        job.search_slice(
            self._doc,
            _FIND_SLICE_SECONDS,
            lambda page, hits: self.find_hits.emit(self._doc_id, job.find_id, page, hits),
        )
        if job.done:
            self._find = None
            self.find_finished.emit(self._doc_id, job.find_id, job.total, sorted(job.without_text))

    def _drop_find(self) -> None:
        """Cancel the find at work (what its sandbox child still does for it is stopped)."""
        if self._find is not None:
            self._find.cancel()
            self._find = None

    def _close(self, later: bool = False) -> None:
        """Forget the document and every request; ``later``: close the document only after the next
        one is shown (closing a long one takes milliseconds)."""
        for queue in self._pending.values():
            queue.clear()
        self._recent.clear()
        self._links_pending.clear()
        self._drop_find()
        if self._find_box is not None:
            self._find_box.close()
            self._find_box = None
        self._shown = False
        self._sizes = None
        self._outline_pending = False
        if self._doc is not None:
            self._retired.append(self._doc)
            self._doc = None
        while self._retired and not later:
            self._retired.pop().close()

    @Slot()
    def _on_thread_finished(self) -> None:
        self._timer.stop()
        self._close()
