"""The one object that owns an open PDF for the viewer, in its own thread: it opens, renders, extracts
text and finds — through a sandbox child that holds the document.

``PageRenderer`` lives in its own ``QThread``; ``RenderClient`` (workers/render_client.py) is its handle
in the GUI thread; what they pass each other is in workers/render_protocol.py. The document itself is
opened and read only in a sandbox child (workers/render_sandbox.py, core/pdf/viewing.py), under a
memory limit and a deadline: a page that is a decompression bomb costs that child, never the window
its memory or the GIL. Such a page is given up (``page_refused``) and shows blank; the other pages
go on. Find runs in a second child of its own (workers/find_job.py), so it never waits for a render.

The worker does one job per turn of its event loop and so sees the newest request of a channel before
the next job.

Opening at page N does the least before that page can be shown: the worker reads page N's size,
renders it and answers with ``opened``, which carries that image and page N's size, the estimate for
every other page; nothing else is read until the GUI has painted page N and is idle. Then, a job at a
time, so that new requests are seen between them, the worker reads the exact size of every page
(``sizes_ready``), the outline (``outline_ready``), then the links asked for, finds and thumbnails.
"""

from __future__ import annotations

import logging
from collections import deque

from PySide6.QtCore import QObject, QTimer, Signal, Slot
from PySide6.QtGui import QImage

from vlnl_desktop.core.errors import Problem
from vlnl_desktop.core.pdf import viewing
from vlnl_desktop.workers.find_job import FindJob
from vlnl_desktop.workers.image_cache import CacheKey
from vlnl_desktop.workers.render_image import render_image
from vlnl_desktop.workers.render_protocol import CHANNELS, DocumentInfo, RenderJob
from vlnl_desktop.workers.render_sandbox import Abandoned, RenderSandbox

log = logging.getLogger(__name__)

_FIND_SLICE_SECONDS = 0.03
_FIND_STALL_SECONDS = 5.0  # a few pages that take longer to search are given up
_SIZES_CHUNK = 512  # pages whose sizes one job reads (about 5 ms)
_OPEN_GRACE_MS = 250
"""After opening, the worker waits this long for the GUI's first "view" request before it starts on the
rest (exact sizes, outline, …), in case nothing is shown."""
_GUI_TURN_MS = 50
"""After a "view" image the worker waits until the GUI says it has painted it and has nothing left to do
(``RenderClient.painted``), at most this long, so that its next jobs (often pages outside the view) do
not compete with the GUI thread for the GIL while it takes in and paints the page it just got."""


class PageRenderer(QObject):
    """Owns the viewer's document (held in its sandbox child); every slot runs in the renderer's
    thread."""

    opened = Signal(object, object, QImage)
    """A document opened: its ``DocumentInfo``, and the first "view" image's ``CacheKey`` and image
    (None and a null image if there is none)."""
    open_failed = Signal(int, str, str, str)
    """Opening failed: doc id, problem code (see ``core.pdf.gate.open_pdf``; "over_budget" if opening
    took more memory or time than the sandbox allows; "unreadable"), English message, path."""
    sizes_ready = Signal(int, object)
    """The exact size of every page: doc id, list of (width, height) in points."""
    outline_ready = Signal(int, object)
    """The outline: doc id, list of ``OutlineEntry`` (empty if the document has none)."""
    page_rendered = Signal(str, object, QImage)
    """A rendered image: channel, its ``CacheKey``, the image (null if the page cannot be drawn)."""
    page_refused = Signal(int, int, str, str)
    """A page cannot be drawn (sent once per page): doc id, page, problem code ("over_budget": more
    memory or time than the sandbox allows; "damaged"), English message."""
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
        self.wanted = 0
        """The document the GUI wants now (set from the GUI thread): a job for another is stopped."""
        self._doc_id = 0
        self._source: viewing.Source | None = None  # the open document's path, password
        self._page_count = 0
        self._sandbox = RenderSandbox(lambda: self.wanted == self._doc_id)
        self._pixels = viewing.SharedPixels()
        self._refused: set[int] = set()  # pages given up as over budget or unreadable
        self._pending: dict[str, deque[RenderJob]] = {ch: deque() for ch in CHANNELS}
        self._recent: deque[CacheKey] = deque(maxlen=64)
        self._links_pending: deque[int] = deque()
        self._find: FindJob | None = None
        self._find_box = None  # the sandbox finds run in (core.pdf.sandbox), started on first find
        self._shown = False  # the first "view" image has been sent (or nothing asked for one)
        self._sizes: list[tuple[float, float]] | None = (
            None  # exact sizes read so far, None if done
        )
        self._outline_pending = False
        self._stale = False  # the child still holds the document before, closed once this is shown
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
        self._close()
        self._doc_id = doc_id
        source = (path, password if isinstance(password, str) else None)
        try:
            opened = self._sandbox.call(viewing.open_document, source, page)
        except Abandoned:
            return
        except Problem as exc:
            log.warning("Cannot open %s: %s", path, exc)
            self.open_failed.emit(doc_id, exc.code, str(exc), path)
            return
        self._source = source
        self._page_count = count = opened.page_count
        self._stale = True
        page, size = opened.page, opened.size
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
        # Rendered before ``opened`` is sent, not while the GUI takes it in, so the GUI lays out and
        # paints in one go.
        try:
            image = self._render_image(key)
        except Abandoned:
            return
        self._recent.append(key)
        self.opened.emit(info, key, image)
        self._shown = True
        self._timer.start(_GUI_TURN_MS)

    @Slot()
    def close_document(self) -> None:
        """Close the document and forget every pending request."""
        self._close()
        self._sandbox.close()

    @Slot(int, str, object)
    def set_jobs(self, doc_id: int, channel: str, jobs: object) -> None:
        """Replace the pending jobs of ``channel`` by ``jobs`` (a list of ``RenderJob``), most wanted first."""
        if doc_id != self._doc_id or self._source is None:
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
        if doc_id != self._doc_id or self._source is None:
            return
        self._links_pending.extend(p for p in pages if p not in self._links_pending)
        self._wake()

    @Slot(int, int, int, object)
    def request_text(self, doc_id: int, request_id: int, page: int, rect: object) -> None:
        """Answer ``text_ready`` with the text of ``page`` inside ``rect`` (display points), or all of it."""
        if doc_id != self._doc_id or self._source is None:
            return
        text, has_layer = "", False
        try:
            text, has_layer = self._sandbox.call(viewing.page_text, self._source, page, rect)
        except Abandoned:
            return
        except Problem as exc:
            log.warning("Cannot read the text of page %d: %s", page + 1, exc)
        self.text_ready.emit(doc_id, request_id, page, text, int(has_layer))

    @Slot(int, int)
    def request_chars(self, doc_id: int, page: int) -> None:
        """Answer ``chars_ready`` with every character of ``page`` and its box, in reading order."""
        if doc_id != self._doc_id or self._source is None:
            return
        from vlnl_desktop.core.pdf.document import PageChars

        try:
            chars = self._sandbox.call(viewing.page_chars, self._source, page)
        except Abandoned:
            return
        except Problem as exc:  # the page has no text to select
            log.warning("Cannot read the characters of page %d: %s", page + 1, exc)
            chars = PageChars(page, (), False)
        self.chars_ready.emit(doc_id, page, chars)

    @Slot(int, int, str, int)
    def find(self, doc_id: int, find_id: int, query: str, start_page: int) -> None:
        """Find ``query`` on every page, starting at ``start_page`` and wrapping round; an empty query stops."""
        if doc_id != self._doc_id or self._source is None:
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
            self._page_count,
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
        if self._source is None or self.wanted != self._doc_id:
            self._timer.stop()
            return
        self._timer.setInterval(0)
        try:
            self._next_job()
        except Abandoned:  # another document is wanted: its request is next in the queue
            self._timer.stop()

    def _next_job(self) -> None:
        if self._sizes is not None and self._shown:
            self._read_sizes()  # first, as the layout of every page (and so what is in view) hangs on it
            return
        for channel in CHANNELS[:2]:
            if self._pending[channel]:
                self._render(channel, self._pending[channel].popleft())
                if channel == "view":
                    self._shown = True
                    self._timer.setInterval(_GUI_TURN_MS)
                return
        self._shown = True
        if self._stale:
            self._stale = False
            self._sandbox.call(viewing.close_stale)
            return
        if self._sizes is not None:
            self._read_sizes()
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

    def _render_image(self, key: CacheKey) -> QImage:
        """The image of ``key``; a null image if its page is refused (said once, ``page_refused``)."""
        if key.page in self._refused:
            return QImage()
        try:
            return render_image(self._sandbox, self._source, key, self._pixels)
        except Problem as exc:
            log.warning("Cannot render page %d: %s", key.page + 1, exc)
            self._refused.add(key.page)
            self.page_refused.emit(self._doc_id, key.page, exc.code, str(exc))
        except MemoryError as exc:  # no memory here for the image: blank, and tried again later
            log.warning("Cannot render page %d: %s", key.page + 1, exc)
        return QImage()

    def _read_sizes(self) -> None:
        """Read the exact sizes of the next pages; send them all when done."""
        sizes = self._sizes
        count = self._page_count
        start = len(sizes)
        stop = min(start + _SIZES_CHUNK, count)
        try:
            sizes += self._sandbox.call(viewing.page_sizes, self._source, start, stop)
        except Problem as exc:  # keep the estimates of these pages
            log.warning("Cannot read the size of a page in %d–%d: %s", start + 1, stop, exc)
            sizes += [sizes[-1] if sizes else (612.0, 792.0)] * (stop - start)
        if len(sizes) >= count:
            self._sizes = None
            self.sizes_ready.emit(self._doc_id, sizes[:count])

    def _answer_outline(self) -> None:
        self._outline_pending = False
        try:
            entries = self._sandbox.call(viewing.outline, self._source)
        except Problem as exc:
            log.warning("Cannot read the outline: %s", exc)
            entries = []
        self.outline_ready.emit(self._doc_id, entries)

    def _answer_links(self, page: int) -> None:
        try:
            links = self._sandbox.call(viewing.page_links, self._source, page)
        except Problem as exc:
            log.warning("Cannot read the links of page %d: %s", page + 1, exc)
            links = []
        self.links_ready.emit(self._doc_id, page, links)

    def _find_slice(self) -> None:
        job = self._find
        job.search_slice(
            None,
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

    def _close(self) -> None:
        """Forget the document and every request (the child keeps it open until the next one is
        shown, or its sandbox is closed)."""
        for queue in self._pending.values():
            queue.clear()
        self._recent.clear()
        self._links_pending.clear()
        self._refused.clear()
        self._drop_find()
        if self._find_box is not None:
            self._find_box.close()
            self._find_box = None
        self._shown = False
        self._sizes = None
        self._outline_pending = False
        self._source = None
        self._page_count = 0

    @Slot()
    def _on_thread_finished(self) -> None:
        self._timer.stop()
        self._close()
        self._sandbox.close()
        self._pixels.close()
