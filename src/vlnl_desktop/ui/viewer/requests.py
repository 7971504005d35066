"""What the page view asks the render thread for, and when: once per turn of the event loop, however
often the view moved, it replaces the view's job list with the images of the pages in view and one
screen around them that the cache lacks, and asks for the links of pages in view not asked yet. The
images that come back go into the cache. Each side waits for the other: the renderer for the view to
paint an image before it renders the next (``painted``), and while a document opens the view for its
first image before it paints again (``hold_painting``)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QRectF, QTimer, Slot
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QWidget

from vlnl_desktop.core.pdf.links import PdfLink
from vlnl_desktop.ui.viewer.layout import PageLayout
from vlnl_desktop.ui.viewer.links import PageLinks
from vlnl_desktop.ui.viewer.render_keys import page_keys, pages_to_render
from vlnl_desktop.workers.image_cache import CacheKey, ImageCache
from vlnl_desktop.workers.render_client import RenderClient
from vlnl_desktop.workers.render_protocol import RenderJob

Sight = tuple[PageLayout, QRectF, float]
"""What the view shows: its page layout, the content rectangle in view, its device pixel ratio."""


class PageRequests(QObject):
    """The view's render requests on the ``"view"`` channel of ``client``, filling ``cache`` and
    ``links`` and repainting ``viewport``; ``sight`` tells what the view shows now (None: no
    document)."""

    def __init__(
        self,
        client: RenderClient,
        cache: ImageCache,
        links: PageLinks,
        sight: Callable[[], Sight | None],
        viewport: QWidget,
    ) -> None:
        super().__init__(viewport)
        self._viewport = viewport
        self._client = client
        self._cache = cache
        self._links = links
        self._sight = sight
        self._unpainted = False  # an image arrived that has not been painted yet
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._on_timer)
        self._hold_timer = QTimer(self)  # ends ``hold_painting``
        self._hold_timer.setSingleShot(True)
        self._hold_timer.timeout.connect(self._on_hold_timer)
        client.page_rendered.connect(self._on_page_rendered)
        client.links_ready.connect(self._on_links_ready)

    def schedule(self) -> None:
        """Ask for what the view shows on the next turn of the event loop (once, however often called)."""
        if not self._timer.isActive():
            self._timer.start()

    def request_now(self) -> None:
        """Ask at once rather than on the next turn of the event loop (which would paint the pages
        blank first): for a document just opened, where every millisecond shows."""
        self._timer.stop()
        self._on_timer()

    def keys_for(self, layout: PageLayout, page: int, area: QRectF, dpr: float) -> list[CacheKey]:
        """The images that paint ``page`` of ``layout`` where it meets content ``area``."""
        return page_keys(self._client.doc_id, page, layout[page], layout.rotation, area, dpr)

    def painted(self) -> None:
        """The view painted: if that showed an image that arrived, the renderer may go on."""
        if self._unpainted:
            self._unpainted = False
            self._client.painted()  # the renderer waits for this before its next job

    def hold_painting(self, msec: int) -> None:
        """Keep what is on screen until the next page image arrives, ``msec`` at most: while a document
        opens, painting its blank pages would only take the GIL from the renderer and flash grey."""
        self._viewport.setUpdatesEnabled(False)
        self._hold_timer.start(msec)

    @Slot()
    def _on_hold_timer(self) -> None:
        self._viewport.setUpdatesEnabled(True)  # which also repaints it

    @Slot()
    def _on_timer(self) -> None:
        sight = self._sight()
        if sight is None:
            return
        layout, visible, dpr = sight
        wanted, in_view, margin = pages_to_render(layout, visible)
        jobs = []
        for i in wanted:
            for key in self.keys_for(layout, i, visible if i in in_view else margin, dpr):
                if key not in self._cache:
                    jobs.append(RenderJob(key))
        self._client.set_jobs("view", jobs)
        missing_links = self._links.not_asked([i for i in wanted if i in in_view])
        if missing_links:
            self._client.request_links(missing_links)

    @Slot(str, object, QImage)
    def _on_page_rendered(self, channel: str, key: CacheKey, image: QImage) -> None:
        if channel != "view" or image.isNull():
            return
        self._cache.put(key, image)
        self._unpainted = True
        if self._hold_timer.isActive():
            self._hold_timer.stop()
            self._on_hold_timer()
        self._viewport.update()

    @Slot(int, object)
    def _on_links_ready(self, page: int, links: list[PdfLink]) -> None:
        self._links.set_page_links(page, links)
