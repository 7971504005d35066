"""The one thread that owns an open PDF: it opens, renders, extracts text and finds; the GUI asks by signal.

PyMuPDF is not thread-safe, so ``PageRenderer`` lives in its own ``QThread`` and is the only object that
touches the ``pymupdf.Document``. ``RenderClient`` is its handle in the GUI thread: it starts the thread,
forwards requests as queued signals, and re-emits the answers.

Render requests come in *channels* ("view", "thumbs", "print"). A new request for a channel replaces what
was still pending there, so pages that scrolled away are never rendered: the worker does one job per turn
of its event loop and so sees the newest request before the next job. Every document gets a new id; an
answer for an older id is dropped by the receiver.

Opening at page N does the least before that page can be shown: the worker loads page N once, renders
it and answers with ``opened``, which carries that image and page N's size, the estimate for every other
page; nothing else is read until the GUI has painted page N and is idle. Then, in small slices so that new requests are seen between them, the worker reads the exact size
of every page (``sizes_ready``), the outline (``outline_ready``), then the links asked for, finds and
thumbnails.
"""

from __future__ import annotations

import logging
import time
from collections import deque
from dataclasses import dataclass, field

from PySide6.QtCore import QAbstractEventDispatcher, QObject, Qt, QThread, QTimer, Signal, Slot
from PySide6.QtGui import QImage

from vlnl_desktop.workers.image_cache import CacheKey

log = logging.getLogger(__name__)

CHANNELS = ("view", "print", "thumbs")  # in order of priority
_FIND_SLICE_SECONDS = 0.03
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


@dataclass(frozen=True)
class RenderJob:
    """Render ``key`` (its page at its rotation, ``key.width`` device pixels wide, maybe a clip)."""

    key: CacheKey


@dataclass(frozen=True)
class DocumentInfo:
    """What the GUI knows about an open document; sizes are in points, in each page's own rotation.

    Unless ``sizes_exact``, only page ``first_page``'s size is exact and every other page has the same
    size as an estimate; the exact sizes follow with ``sizes_ready``, the outline with ``outline_ready``.
    """

    doc_id: int
    path: str
    page_sizes: list[tuple[float, float]]
    first_page: int = 0
    sizes_exact: bool = True


@dataclass
class _FindState:
    find_id: int
    query: str
    pages: deque[int]
    total: int = 0
    without_text: list[int] = field(default_factory=list)


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
        self._find: _FindState | None = None
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
        from vlnl_desktop.core.errors import PdfProblem
        from vlnl_desktop.core.pdf import document as pdf_document
        from vlnl_desktop.core.pdf.gate import open_pdf

        self._close(later=True)
        self._doc_id = doc_id
        try:
            doc = open_pdf(path, password if isinstance(password, str) else None)
        except PdfProblem as exc:
            self._close()
            self.open_failed.emit(doc_id, exc.code, str(exc), path)
            return
        except OSError as exc:
            self._close()
            self.open_failed.emit(
                doc_id, "unreadable", f"The file cannot be read: {exc.strerror or exc}", path
            )
            return
        self._doc = doc
        count = doc.page_count
        page = min(max(page, 0), count - 1)
        try:  # loaded once, for its size and to render it
            loaded = doc.load_page(page)
            size = (loaded.rect.width, loaded.rect.height)
        except Exception:  # MuPDF's own errors are not RuntimeErrors; its page object may still do
            loaded = None
            try:
                size = pdf_document.page_size(doc, page)
            except RuntimeError as exc:  # MuPDF can fail on a damaged page tree
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

    @Slot(int, int, str, int)
    def find(self, doc_id: int, find_id: int, query: str, start_page: int) -> None:
        """Find ``query`` on every page, starting at ``start_page`` and wrapping round; an empty query stops."""
        if doc_id != self._doc_id or self._doc is None:
            return
        if not query.strip():
            self._find = None
            return
        n = self._doc.page_count
        start = min(max(start_page, 0), n - 1)
        order = deque(list(range(start, n)) + list(range(0, start)))
        self._find = _FindState(find_id, query, order)
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
        from vlnl_desktop.core.pdf import find as pdf_find

        state = self._find
        deadline = time.monotonic() + _FIND_SLICE_SECONDS
        while state.pages and time.monotonic() < deadline:
            index = state.pages.popleft()
            try:
                page = self._doc.load_page(index)
                hits = pdf_find.find_on_page(page, state.query)
                if not hits and not page.get_text("text").strip():
                    state.without_text.append(index)
            except RuntimeError as exc:
                log.warning("Cannot search page %d: %s", index + 1, exc)
                hits = []
            if hits:
                state.total += len(hits)
                self.find_hits.emit(self._doc_id, state.find_id, index, hits)
        if not state.pages:
            self._find = None
            self.find_finished.emit(
                self._doc_id, state.find_id, state.total, sorted(state.without_text)
            )

    def _close(self, later: bool = False) -> None:
        """Forget the document and every request; ``later``: close the document only after the next
        one is shown (closing a long one takes milliseconds)."""
        for queue in self._pending.values():
            queue.clear()
        self._recent.clear()
        self._links_pending.clear()
        self._find = None
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


def render_image(doc, key: CacheKey, page=None) -> QImage:
    """Render ``key`` from ``doc``: the page scaled to ``key.width`` × ``key.height`` device pixels,
    rotated, maybe clipped.

    ``key.clip`` is (x, y, w, h) in device pixels of the whole rotated page; only that part is rendered,
    so a page at 800 % costs the memory of the visible tiles only. ``page``: the page, if already loaded.

    MuPDF draws straight into the image's own pixels, in the format the view paints fastest
    (``Format_RGB32``): no display list, no pixmap to copy, no conversion when painting.
    """
    import pymupdf

    from vlnl_desktop.core.pdf import document as pdf_document

    if page is None:
        page = doc.load_page(key.page)
    rect = page.rect
    turned = key.rotation in (90, 270)
    rotated_width, rotated_height = (
        (rect.height, rect.width) if turned else (rect.width, rect.height)
    )
    # Scaled to exactly ``key.width`` × ``key.height`` pixels, the rectangle the view paints the page
    # in: one zoom for both would make the image a pixel taller or shorter than that now and then, and
    # the view would have to resample it (slower, and blurred).
    zoom_x = key.width / rotated_width if rotated_width else 1.0
    zoom_y = key.height / rotated_height if rotated_height and key.height else zoom_x
    matrix = pymupdf.Matrix(zoom_x, zoom_y).prerotate(key.rotation)
    clip = None
    if key.clip is not None:
        whole = rect * matrix
        x, y, w, h = key.clip
        device = pymupdf.Rect(whole.x0 + x, whole.y0 + y, whole.x0 + x + w, whole.y0 + y + h)
        clip = device * ~matrix
        clip.normalize()
    box = pdf_document.render_box(page, matrix, clip)
    width, height = box[2] - box[0], box[3] - box[1]
    if width <= 0 or height <= 0:
        return QImage()
    image = QImage(width, height, QImage.Format.Format_RGB32)
    if image.isNull():
        raise ValueError(f"No memory for a {width}×{height} image")
    image.fill(0xFFFFFFFF)
    pdf_document.render_into(page, matrix, box, image.bits(), image.bytesPerLine())
    return image


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
    links_ready = Signal(int, object)
    """The links of a page of the current document: page, list of ``PdfLink``."""
    text_ready = Signal(int, int, str, int)
    """Text of the current document: request id, page, text, 1 if the page has a text layer else 0."""
    find_hits = Signal(int, int, object)
    """Hits of the current find: find id, page, list of ``PageHit``."""
    find_finished = Signal(int, int, object)
    """The current find is done: find id, total hits, pages without a text layer."""

    _open_requested = Signal(int, str, object, int, object)
    _close_requested = Signal()
    _jobs_requested = Signal(int, str, object)
    _links_requested = Signal(int, object)
    _text_requested = Signal(int, int, int, object)
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
        w.links_ready.connect(self._on_links_ready)
        w.text_ready.connect(self._on_text_ready)
        w.find_hits.connect(self._on_find_hits)
        w.find_finished.connect(self._on_find_finished)

    # --- requests ---

    def open(self, path: str, password: str | None = None, page: int = 0, first_key=None) -> int:
        """Open ``path`` (closing the current document) to be shown at ``page`` (0-based); returns the
        new document's id. ``first_key``: see ``PageRenderer.open_document``."""
        self.doc_id += 1
        self._cancel_resume()
        self._open_requested.emit(self.doc_id, path, password, page, first_key)
        return self.doc_id

    def close(self) -> None:
        """Close the current document; answers still on their way are dropped."""
        self.doc_id += 1
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
        """Stop the thread (closing the document in it) and wait for it."""
        if self._thread.isRunning():
            self._thread.quit()
            self._thread.wait()

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
