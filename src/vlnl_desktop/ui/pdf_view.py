"""A continuous, vertically scrolling view of a PDF's pages, painted from a cache of rendered images.

Only pages in view (and one screen beyond) are requested from the renderer; when the view moves, the
request is replaced, so pages that scrolled away are not rendered. A page still rendering is painted
from another size of it in the cache, scaled, or blank. At high zoom a page is rendered in tiles and only
the visible tiles are asked for. The view also draws find hits and the selection, copies the selected
text, follows links (internal at once, external after the user confirms, others never) and keeps the
back/forward history of jumps.
"""

from __future__ import annotations

import bisect
import dataclasses
import math
from dataclasses import dataclass
from itertools import accumulate

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, QTimer, QUrl, Signal, Slot
from PySide6.QtGui import (
    QColor,
    QDesktopServices,
    QGuiApplication,
    QImage,
    QPainter,
    QPen,
    QTransform,
)
from PySide6.QtWidgets import QAbstractScrollArea, QMessageBox, QToolTip, QWidget

from vlnl_desktop.core.pdf.links import LinkKind, PdfLink
from vlnl_desktop.workers.image_cache import CacheKey, ImageCache
from vlnl_desktop.workers.render_client import RenderClient
from vlnl_desktop.workers.render_protocol import DocumentInfo, RenderJob

LOGICAL_DPI = 96.0
SPACING = 12
TILE = 1024  # device pixels
TILE_THRESHOLD = 3000 * 3000  # pages with more device pixels than this are rendered in tiles
ZOOM_STEPS = (
    0.25,
    0.33,
    0.5,
    0.67,
    0.75,
    0.9,
    1.0,
    1.1,
    1.25,
    1.5,
    1.75,
    2.0,
    2.5,
    3.0,
    4.0,
    5.0,
    6.0,
    8.0,
)
MIN_ZOOM, MAX_ZOOM = ZOOM_STEPS[0], ZOOM_STEPS[-1]

_BACKGROUND = QColor("#5f6368")
_HIT = QColor(255, 213, 0, 110)
_CURRENT_HIT = QColor(255, 120, 0, 150)
_SELECTION = QColor(40, 110, 230, 70)
_SHADOW = QColor(0, 0, 0, 60)


def rotation_transform(rotation: int, width: float, height: float) -> QTransform:
    """Map a page's points (``width`` × ``height``, unrotated by the user) to the page turned clockwise."""
    if rotation == 90:
        return QTransform(0, 1, -1, 0, height, 0)
    if rotation == 180:
        return QTransform(-1, 0, 0, -1, width, height)
    if rotation == 270:
        return QTransform(0, -1, 1, 0, 0, width)
    return QTransform()


def fit_width_zoom(available: float, width: float) -> float:
    """The zoom at which a page ``width`` points wide fills ``available`` logical pixels."""
    zoom = available / (width * LOGICAL_DPI / 72) if width else 1.0
    return min(max(zoom, 0.05), MAX_ZOOM)


@dataclass(frozen=True)
class FirstPageKey:
    """Works out, in the renderer's thread, the image the view will want of the page a document opens
    at, from that page's size: so the renderer can render it at once instead of waiting for the GUI to
    lay out and ask. Plain arithmetic, the same as ``PdfView``'s fit-width layout (no widget access)."""

    available: float
    dpr: float
    rotation: int

    def __call__(self, doc_id: int, page: int, width: float, height: float) -> CacheKey | None:
        """The key to render (None: the page is so large that the view will ask for tiles)."""
        if self.rotation in (90, 270):
            width, height = height, width
        scale = fit_width_zoom(self.available, width) * LOGICAL_DPI / 72
        w = round(round(width * scale) * self.dpr)
        h = round(round(height * scale) * self.dpr)
        if w * h > TILE_THRESHOLD:
            return None
        return CacheKey(doc_id, page, self.rotation, w, h)


class PageLayout:
    """Where each page is in the content: a column of pages ``SPACING`` apart, each centred in the width
    of the widest. ``layout[i]`` is page i's ``QRectF`` in content pixels.

    Built without a Python loop when every page has the same size (the estimate while a document opens,
    and most documents); lookups by y bisect the page tops, so nothing on the way to showing page 500 of
    a 1000-page document walks all the pages.
    """

    def __init__(self, sizes: list[tuple[float, float]], scale: float, turned: bool) -> None:
        """``sizes``: each page's (width, height) in points; ``turned``: swap them (a quarter turn)."""
        count = len(sizes)
        self._count = count
        if not count:
            self._widths: list[int] = []
            self._heights: list[int] = []
            self._tops: list[int] = [SPACING]
            self.width = self.height = 0.0
            return
        if sizes.count(sizes[0]) == count:
            w, h = sizes[0][::-1] if turned else sizes[0]
            pw, ph = round(w * scale), round(h * scale)
            self._widths, self._heights = [pw] * count, [ph] * count
            widest = w
            self._tops = list(range(SPACING, SPACING + (count + 1) * (ph + SPACING), ph + SPACING))
        else:
            if turned:
                sizes = [(h, w) for w, h in sizes]
            self._widths = [round(w * scale) for w, _ in sizes]
            self._heights = [round(h * scale) for _, h in sizes]
            widest = max(w for w, _ in sizes)
            self._tops = list(
                accumulate(self._heights, lambda y, h: y + h + SPACING, initial=SPACING)
            )
        self.width = widest * scale + 2 * SPACING
        self.height = float(self._tops[-1])

    def __len__(self) -> int:
        return self._count

    def __getitem__(self, page: int) -> QRectF:
        if not 0 <= page < self._count:
            raise IndexError(page)
        pw = self._widths[page]
        return QRectF(round((self.width - pw) / 2), self._tops[page], pw, self._heights[page])

    def pages_between(self, top: float, bottom: float) -> range:
        """The pages that reach into the band of content from ``top`` to ``bottom``, in order."""
        first = max(bisect.bisect_right(self._tops, top) - 1, 0)
        if first < self._count and self._tops[first] + self._heights[first] <= top:
            first += 1  # ``top`` is in the gap below that page
        last = bisect.bisect_left(self._tops, bottom)
        return range(first, min(last, self._count))

    def page_at_y(self, y: float) -> int:
        """The page whose band (the page and the gap below it) holds content ``y``, clamped."""
        return min(max(bisect.bisect_right(self._tops, y) - 1, 0), self._count - 1)

    def nearest(self, y: float) -> int:
        """The page whose centre is nearest to content ``y`` (-1 without pages)."""
        if not self._count:
            return -1
        i = self.page_at_y(y)
        candidates = [j for j in (i - 1, i, i + 1) if 0 <= j < self._count]
        return min(candidates, key=lambda j: abs(self._tops[j] + self._heights[j] / 2 - y))


class PdfView(QAbstractScrollArea):
    """Shows the pages of the document open in ``client``; all document access goes through it."""

    current_page_changed = Signal(int)
    """The page mostly in view changed (0-based)."""
    zoom_changed = Signal(float)
    """The zoom factor changed (1.0 is 100 %)."""
    history_changed = Signal(int, int)
    """Whether going back and going forward are possible (1 or 0)."""
    notice = Signal(str)
    """A short message for the user (no text layer, link refused, …)."""
    selection_changed = Signal(int)
    """Whether there is a selection to copy (1 or 0)."""

    def __init__(
        self, client: RenderClient, cache: ImageCache, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._client = client
        self._cache = cache
        self._info: DocumentInfo | None = None
        self._zoom = 1.0
        self._fit: str | None = "width"
        self._rotation = 0
        self._page_rects = PageLayout([], 1.0, False)
        self._widest = (0.0, 0.0)  # the largest page width and height in points
        self._current_page = -1
        self._links: dict[int, list[PdfLink]] = {}
        self._links_asked: set[int] = set()
        self._hits: dict[int, list] = {}
        self._current_hit = None
        self._back: list[tuple[int, float]] = []
        self._forward: list[tuple[int, float]] = []
        self._drag_start: QPointF | None = None
        self._selection: QRectF | None = None
        self._selection_page = -1
        self._selection_request = 0
        self._selection_text: str | None = None
        self._copy_pending = False
        self._pressed_link: PdfLink | None = None
        self._unpainted = False  # an image arrived that has not been painted yet
        self._request_timer = QTimer(self)
        self._request_timer.setSingleShot(True)
        self._request_timer.setInterval(0)
        self._hold_timer = QTimer(self)  # ends ``hold_painting``
        self._hold_timer.setSingleShot(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.viewport().setMouseTracking(True)
        self.viewport().setAutoFillBackground(False)
        # ``paintEvent`` covers every pixel: Qt need not paint the widgets behind the viewport first.
        self.viewport().setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self._connect_signals()
        self.retranslate_ui()

    def _connect_signals(self) -> None:
        self._request_timer.timeout.connect(self._on_request_timer)
        self._hold_timer.timeout.connect(self._on_hold_timer)
        self._client.page_rendered.connect(self._on_page_rendered)
        self._client.links_ready.connect(self._on_links_ready)
        self._client.text_ready.connect(self._on_text_ready)
        self.verticalScrollBar().valueChanged.connect(self._on_scrolled)
        self.horizontalScrollBar().valueChanged.connect(self._on_scrolled)

    def retranslate_ui(self) -> None:
        """Set every user-visible text."""
        self.setAccessibleName(self.tr("Documentweergave"))

    # --- document ---

    def set_document(self, info: DocumentInfo | None, page: int = 0) -> None:
        """Show ``info``'s document (None: nothing) at ``page`` fitted to the width, with no hits,
        selection or history."""
        self._info = info
        self._set_widest()
        self._links.clear()
        self._links_asked.clear()
        self._hits.clear()
        self._current_hit = None
        self._back.clear()
        self._forward.clear()
        self._clear_selection()
        self._current_page = -1
        self.history_changed.emit(0, 0)
        if info is not None:
            self._fit = "width"
            self._zoom = self._fit_zoom()
        self._relayout()
        if info is None:
            self.verticalScrollBar().setValue(0)
        else:  # (straight there: the scroll bar changes, and repaints, only if it has to)
            self.go_to_page(page, record=False)
            self.zoom_changed.emit(self._zoom)
        self._update_current_page()
        self.viewport().update()

    def set_page_sizes(self, sizes: list[tuple[float, float]]) -> None:
        """Replace the estimated page sizes the document was laid out with by the exact ``sizes``;
        if they differ, lay out again with the same point of the current page at the top."""
        if self._info is None or len(sizes) != self.page_count:
            return
        changed = sizes != self._info.page_sizes
        self._info = dataclasses.replace(self._info, page_sizes=list(sizes), sizes_exact=True)
        if not changed:
            return
        self._set_widest()
        page = max(self._current_page, 0)
        rect = self._page_rects[page]
        offset = self.verticalScrollBar().value() - rect.top()
        fraction = offset / rect.height() if offset > 0 and rect.height() else None
        if self._fit:
            self._zoom = self._fit_zoom()
        self._relayout()
        rect = self._page_rects[page]
        top = rect.top() + (fraction * rect.height() if fraction is not None else offset)
        self.verticalScrollBar().setValue(round(top))
        self._update_current_page()
        self.zoom_changed.emit(self._zoom)
        self._schedule_requests()
        self.viewport().update()

    def _set_widest(self) -> None:
        sizes = self._info.page_sizes if self._info else []
        if not sizes:
            self._widest = (0.0, 0.0)
        elif self._info.sizes_exact is False or sizes.count(sizes[0]) == len(sizes):
            self._widest = sizes[0]
        else:
            self._widest = (max(w for w, _ in sizes), max(h for _, h in sizes))

    def hold_painting(self, msec: int) -> None:
        """Keep what is on screen until the next page image arrives, ``msec`` at most: while a document
        opens, painting its blank pages would only take the GIL from the renderer and flash grey."""
        self.viewport().setUpdatesEnabled(False)
        self._hold_timer.start(msec)

    @Slot()
    def _on_hold_timer(self) -> None:
        self.viewport().setUpdatesEnabled(True)  # which also repaints it

    @property
    def page_count(self) -> int:
        """Pages in the document shown, 0 if none."""
        return len(self._info.page_sizes) if self._info else 0

    def page_sizes(self) -> list[tuple[float, float]]:
        """Each page's size in points, in the page's own rotation."""
        return list(self._info.page_sizes) if self._info else []

    @property
    def current_page(self) -> int:
        """The page mostly in view (0-based), -1 without a document."""
        return self._current_page

    # --- zoom and rotation ---

    @property
    def zoom(self) -> float:
        """The zoom factor (1.0 is 100 %)."""
        return self._zoom

    @property
    def rotation(self) -> int:
        """The user's rotation in degrees clockwise: 0, 90, 180 or 270."""
        return self._rotation

    def set_zoom(self, zoom: float, anchor: QPointF | None = None) -> None:
        """Zoom to ``zoom``, keeping the content under ``anchor`` (viewport point; default its centre)."""
        self._fit = None
        self._apply_zoom(zoom, anchor)

    def zoom_in(self) -> None:
        """Zoom to the next step up."""
        self.set_zoom(next((z for z in ZOOM_STEPS if z > self._zoom + 1e-3), MAX_ZOOM))

    def zoom_out(self) -> None:
        """Zoom to the next step down."""
        self.set_zoom(next((z for z in reversed(ZOOM_STEPS) if z < self._zoom - 1e-3), MIN_ZOOM))

    def fit_width(self) -> None:
        """Zoom so the widest page fills the width; kept on resize until the user zooms."""
        self._fit = "width"
        self._apply_zoom(self._fit_zoom())

    def fit_page(self) -> None:
        """Zoom so the current page fits whole; kept on resize until the user zooms."""
        self._fit = "page"
        page = max(self._current_page, 0)
        self._apply_zoom(self._fit_zoom())
        self.go_to_page(page, record=False)

    def rotate(self, degrees: int = 90) -> None:
        """Turn every page by ``degrees`` clockwise, staying on the current page."""
        page = max(self._current_page, 0)
        self._rotation = (self._rotation + degrees) % 360
        self._clear_selection()
        self._relayout()
        if self._fit:
            self._zoom = self._fit_zoom()
            self._relayout()
        self.go_to_page(page, record=False)

    def _fit_zoom(self) -> float:
        if not self._info:
            return self._zoom
        avail_w = self._available_width()
        avail_h = self.viewport().height() - 2 * SPACING
        if self._fit == "page":
            w, h = self._rotated_size(max(self._current_page, 0))
            zoom = min(avail_w / (w * LOGICAL_DPI / 72), avail_h / (h * LOGICAL_DPI / 72))
            return min(max(zoom, 0.05), MAX_ZOOM)
        return fit_width_zoom(avail_w, self._widest[1 if self._rotation in (90, 270) else 0])

    def _available_width(self) -> float:
        return self.viewport().width() - 2 * SPACING - 1

    def first_page_key(self) -> FirstPageKey:
        """For ``RenderClient.open``: how a document about to be opened will show its first page."""
        return FirstPageKey(self._available_width(), self.devicePixelRatioF(), self._rotation)

    def _apply_zoom(self, zoom: float, anchor: QPointF | None = None) -> None:
        zoom = min(max(zoom, 0.05), MAX_ZOOM)
        if anchor is None:
            anchor = QPointF(self.viewport().width() / 2, self.viewport().height() / 2)
        page, point = self._page_point_at(anchor)
        self._zoom = zoom
        self._relayout()
        if page >= 0:
            content = self._page_transform(page).map(point)
            self.horizontalScrollBar().setValue(round(content.x() + self._x_offset() - anchor.x()))
            self.verticalScrollBar().setValue(round(content.y() - anchor.y()))
        self.zoom_changed.emit(self._zoom)
        self._schedule_requests()
        self.viewport().update()

    # --- layout ---

    def _rotated_size(self, page: int) -> tuple[float, float]:
        w, h = self._info.page_sizes[page]
        return (h, w) if self._rotation in (90, 270) else (w, h)

    def _scale(self) -> float:
        return self._zoom * LOGICAL_DPI / 72

    def _relayout(self) -> None:
        sizes = self._info.page_sizes if self._info else []
        self._page_rects = PageLayout(sizes, self._scale(), self._rotation in (90, 270))
        self._update_scrollbars()

    def _update_scrollbars(self) -> None:
        vw, vh = self.viewport().width(), self.viewport().height()
        layout = self._page_rects
        self.horizontalScrollBar().setRange(0, max(0, math.floor(layout.width - vw)))
        self.horizontalScrollBar().setPageStep(vw)
        self.verticalScrollBar().setRange(0, max(0, math.floor(layout.height - vh)))
        self.verticalScrollBar().setPageStep(vh)
        self.verticalScrollBar().setSingleStep(40)
        self.horizontalScrollBar().setSingleStep(40)

    def _x_offset(self) -> float:
        """Content x where the viewport's left edge is, centring narrow content."""
        vw = self.viewport().width()
        if self._page_rects.width < vw:
            return -float((vw - round(self._page_rects.width)) // 2)  # whole pixels: no resampling
        return self.horizontalScrollBar().value()

    def _visible_rect(self) -> QRectF:
        vp = self.viewport()
        return QRectF(self._x_offset(), self.verticalScrollBar().value(), vp.width(), vp.height())

    def _to_content(self, pos: QPointF) -> QPointF:
        return QPointF(pos.x() + self._x_offset(), pos.y() + self.verticalScrollBar().value())

    def _page_transform(self, page: int) -> QTransform:
        """Page points (display orientation) to content pixels."""
        w, h = self._info.page_sizes[page]
        rect = self._page_rects[page]
        s = self._scale()
        t = rotation_transform(self._rotation, w, h)
        return t * QTransform.fromScale(s, s) * QTransform.fromTranslate(rect.left(), rect.top())

    def _page_at(self, content: QPointF) -> int:
        if not self._page_rects:
            return -1
        page = self._page_rects.page_at_y(content.y())
        return page if self._page_rects[page].contains(content) else -1

    def _page_point_at(self, viewport_pos: QPointF) -> tuple[int, QPointF]:
        """The page and page point under ``viewport_pos``, or the nearest page's point in line with it."""
        if not self._page_rects:
            return -1, QPointF()
        content = self._to_content(viewport_pos)
        page = self._page_rects.nearest(content.y())
        point, _ok = self._page_transform(page).inverted()
        return page, point.map(content)

    # --- navigation ---

    def go_to_page(self, page: int, y: float | None = None, record: bool = True) -> None:
        """Scroll so ``page`` (0-based) is at the top, or its point ``y`` (points from its top) is."""
        if not self._page_rects:
            return
        page = min(max(page, 0), self.page_count - 1)
        if record:
            self._push_history()
        top = self._page_rects[page].top() - SPACING
        if y is not None and self._rotation == 0:
            top = self._page_transform(page).map(QPointF(0, y)).y() - SPACING
        self.verticalScrollBar().setValue(round(top))
        self._update_current_page()

    def next_page(self) -> None:
        """Go to the next page."""
        self.go_to_page(self._current_page + 1, record=False)

    def previous_page(self) -> None:
        """Go to the previous page."""
        self.go_to_page(self._current_page - 1, record=False)

    def _position(self) -> tuple[int, float]:
        page = max(self._current_page, 0)
        inverse, _ok = self._page_transform(page).inverted()
        top = QPointF(self._page_rects[page].left(), self.verticalScrollBar().value() + SPACING)
        return page, max(0.0, inverse.map(top).y()) if self._rotation == 0 else 0.0

    def _push_history(self) -> None:
        if not self._page_rects:
            return
        self._back.append(self._position())
        self._forward.clear()
        self.history_changed.emit(1, 0)

    def go_back(self) -> None:
        """Return to where the last jump came from."""
        if self._back:
            self._forward.append(self._position())
            page, y = self._back.pop()
            self.go_to_page(page, y, record=False)
            self.history_changed.emit(int(bool(self._back)), 1)

    def go_forward(self) -> None:
        """Redo a jump undone with ``go_back``."""
        if self._forward:
            self._back.append(self._position())
            page, y = self._forward.pop()
            self.go_to_page(page, y, record=False)
            self.history_changed.emit(1, int(bool(self._forward)))

    def _update_current_page(self) -> None:
        visible = self._visible_rect()
        best, best_height = -1, 0.0
        for i in self._page_rects.pages_between(visible.top(), visible.bottom()):
            rect = self._page_rects[i]
            height = rect.intersected(visible).height()
            if height > best_height + 0.5:
                best, best_height = i, height
        if best != self._current_page:
            self._current_page = best
            self.current_page_changed.emit(best)

    # --- find hits ---

    def set_hits(self, hits: dict[int, list]) -> None:
        """Highlight ``hits`` (page → list of ``PageHit``)."""
        self._hits = hits
        self.viewport().update()

    def set_current_hit(self, hit) -> None:
        """Mark ``hit`` (a ``PageHit`` or None) as the current one and scroll it into view."""
        self._current_hit = hit
        if hit is not None and self._page_rects:
            rect = self._hit_content_rect(hit)
            visible = self._visible_rect()
            if not visible.contains(rect):
                self.verticalScrollBar().setValue(round(rect.top() - visible.height() / 3))
                if rect.left() < visible.left() or rect.right() > visible.right():
                    self.horizontalScrollBar().setValue(
                        round(rect.center().x() - visible.width() / 2)
                    )
            self._update_current_page()
        self.viewport().update()

    def _hit_content_rect(self, hit) -> QRectF:
        t = self._page_transform(hit.page)
        result = QRectF()
        for r in hit.rects:
            result = result.united(t.mapRect(QRectF(QPointF(r[0], r[1]), QPointF(r[2], r[3]))))
        return result

    # --- rendering requests ---

    def _schedule_requests(self) -> None:
        if not self._request_timer.isActive():
            self._request_timer.start()

    def request_pages_now(self) -> None:
        """Ask for the pages in view at once rather than on the next turn of the event loop (which
        would paint them blank first): for a document just opened, where every millisecond shows."""
        self._request_timer.stop()
        self._on_request_timer()

    @Slot()
    def _on_request_timer(self) -> None:
        if not self._info:
            return
        visible = self._visible_rect()
        margin = visible.adjusted(0, -visible.height(), 0, visible.height())
        dpr = self.devicePixelRatioF()
        centre = visible.center().y()
        rects = {
            i: self._page_rects[i]
            for i in self._page_rects.pages_between(margin.top(), margin.bottom())
        }
        in_view = {i for i, r in rects.items() if r.intersects(visible)}
        wanted = sorted(
            (i for i, r in rects.items() if r.intersects(margin)),
            key=lambda i: (i not in in_view, abs(rects[i].center().y() - centre)),
        )
        jobs = []
        for i in wanted:
            for key in self._keys_for(i, visible if i in in_view else margin, dpr):
                if key not in self._cache:
                    jobs.append(RenderJob(key))
        self._client.set_jobs("view", jobs)
        missing_links = [i for i in wanted if i not in self._links_asked and i in in_view]
        if missing_links:
            self._links_asked.update(missing_links)
            self._client.request_links(missing_links)

    def _keys_for(self, page: int, area: QRectF, dpr: float) -> list[CacheKey]:
        rect = self._page_rects[page]
        width, height = round(rect.width() * dpr), round(rect.height() * dpr)
        base = (self._client.doc_id, page, self._rotation, width, height)
        if width * height <= TILE_THRESHOLD:
            return [CacheKey(*base)]
        part = rect.intersected(area).translated(-rect.left(), -rect.top())
        if part.isEmpty():
            return []
        keys = []
        x0, x1 = int(part.left() * dpr) // TILE, int(part.right() * dpr) // TILE
        y0, y1 = int(part.top() * dpr) // TILE, int(part.bottom() * dpr) // TILE
        for ty in range(y0, y1 + 1):
            for tx in range(x0, x1 + 1):
                x, y = tx * TILE, ty * TILE
                w, h = min(TILE, width - x), min(TILE, height - y)
                if w > 0 and h > 0:
                    keys.append(CacheKey(*base, clip=(x, y, w, h)))
        return keys

    @Slot(str, object, QImage)
    def _on_page_rendered(self, channel: str, key: CacheKey, image: QImage) -> None:
        if channel != "view" or image.isNull():
            return
        self._cache.put(key, image)
        self._unpainted = True
        if self._hold_timer.isActive():
            self._hold_timer.stop()
            self._on_hold_timer()
        self.viewport().update()

    @Slot(int, object)
    def _on_links_ready(self, page: int, links: list[PdfLink]) -> None:
        self._links[page] = links

    # --- painting ---

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self.viewport())
        painter.fillRect(self.viewport().rect(), _BACKGROUND)
        if not self._info:
            return
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        visible = self._visible_rect()
        painter.translate(-visible.left(), -visible.top())
        dpr = self.devicePixelRatioF()
        for i in self._page_rects.pages_between(visible.top(), visible.bottom()):
            rect = self._page_rects[i]
            if rect.intersects(visible):
                self._paint_page(painter, i, rect, visible, dpr)
        if self._selection is not None:
            painter.fillRect(self._selection, _SELECTION)
            painter.setPen(QPen(_SELECTION.darker(150), 1))
            painter.drawRect(self._selection)
        if self._unpainted:
            self._unpainted = False
            self._client.painted()  # the renderer waits for this before its next job

    def _paint_page(
        self, painter: QPainter, page: int, rect: QRectF, visible: QRectF, dpr: float
    ) -> None:
        # The shadow: only the strips right of and below the page (blending all of it costs more).
        painter.fillRect(QRectF(rect.right(), rect.top() + 2, 2, rect.height()), _SHADOW)
        painter.fillRect(QRectF(rect.left() + 2, rect.bottom(), rect.width() - 2, 2), _SHADOW)
        keys = self._keys_for(page, visible, dpr)
        whole = len(keys) == 1 and keys[0].clip is None
        image = self._cache.get(keys[0]) if whole else None
        if image is None or image.hasAlphaChannel() or image.size() != QSize(*keys[0][3:5]):
            painter.fillRect(rect, Qt.GlobalColor.white)  # the image will not cover the page
        if image is None:
            nearest = self._cache.nearest(
                self._client.doc_id, page, self._rotation, round(rect.width() * dpr)
            )
            if nearest is not None:
                painter.drawImage(rect, nearest)
        if whole and image is not None:
            painter.drawImage(rect, image)
        elif not whole:
            for key in keys:
                tile = self._cache.get(key)
                if tile is not None:
                    x, y, w, h = key.clip
                    target = QRectF(rect.left() + x / dpr, rect.top() + y / dpr, w / dpr, h / dpr)
                    painter.drawImage(target, tile)
        t = self._page_transform(page)
        for hit in self._hits.get(page, ()):
            colour = _CURRENT_HIT if hit is self._current_hit else _HIT
            for r in hit.rects:
                painter.fillRect(
                    t.mapRect(QRectF(QPointF(r[0], r[1]), QPointF(r[2], r[3]))), colour
                )

    # --- events ---

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        if self._info is None:
            return
        page = max(self._current_page, 0)
        if self._fit:
            self._zoom = self._fit_zoom()
            self._relayout()
            self.go_to_page(page, record=False)
            self.zoom_changed.emit(self._zoom)
        else:
            self._relayout()
        self._schedule_requests()

    @Slot()
    def _on_scrolled(self) -> None:
        self._update_current_page()
        self._schedule_requests()
        self.viewport().update()

    def wheelEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            delta = event.angleDelta().y()
            if delta:
                factor = 1.15 ** (delta / 120)
                self.set_zoom(self._zoom * factor, event.position())
            event.accept()
            return
        super().wheelEvent(event)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt override
        key, mods = event.key(), event.modifiers()
        plain = not (mods & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier))
        if key == Qt.Key.Key_PageDown and plain:
            self.next_page()
        elif key == Qt.Key.Key_PageUp and plain:
            self.previous_page()
        elif key == Qt.Key.Key_Home:
            self.go_to_page(0)
        elif key == Qt.Key.Key_End:
            self.go_to_page(self.page_count - 1)
            self.verticalScrollBar().setValue(self.verticalScrollBar().maximum())
            self._update_current_page()
        else:
            super().keyPressEvent(event)

    def mousePressEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.button() != Qt.MouseButton.LeftButton or not self._info:
            super().mousePressEvent(event)
            return
        self.setFocus()
        content = self._to_content(event.position())
        self._pressed_link = self._link_at(content)
        self._drag_start = content
        self._clear_selection()

    def mouseMoveEvent(self, event) -> None:  # noqa: N802 - Qt override
        content = self._to_content(event.position())
        if self._drag_start is not None:
            if (content - self._drag_start).manhattanLength() > 4:
                self._pressed_link = None
                self._selection = QRectF(self._drag_start, content).normalized()
                self.viewport().update()
            return
        link = self._link_at(content)
        shape = Qt.CursorShape.PointingHandCursor if link else Qt.CursorShape.IBeamCursor
        self.viewport().setCursor(shape)
        if link and link.kind != LinkKind.INTERNAL:
            QToolTip.showText(event.globalPosition().toPoint(), link.uri, self)

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.button() != Qt.MouseButton.LeftButton or self._drag_start is None:
            super().mouseReleaseEvent(event)
            return
        content = self._to_content(event.position())
        self._drag_start = None
        link = self._pressed_link
        self._pressed_link = None
        if link is not None and link is self._link_at(content):
            self.activate_link(link)
        elif self._selection is not None:
            self._request_selection_text()

    # --- links ---

    def _link_at(self, content: QPointF) -> PdfLink | None:
        page = self._page_at(content)
        if page < 0:
            return None
        inverse, _ok = self._page_transform(page).inverted()
        p = inverse.map(content)
        for link in self._links.get(page, ()):
            x0, y0, x1, y1 = link.rect
            if x0 <= p.x() <= x1 and y0 <= p.y() <= y1:
                return link
        return None

    def activate_link(self, link: PdfLink) -> None:
        """Follow ``link``: jump inside the document, or open a web address once the user agrees."""
        if link.kind == LinkKind.INTERNAL:
            self.go_to_page(link.target_page, link.target_y)
        elif link.kind == LinkKind.EXTERNAL:
            answer = QMessageBox.question(
                self,
                self.tr("Link openen"),
                self.tr(
                    "Deze link opent een webpagina in uw browser:\n\n%1\n\nWilt u de link openen?"
                ).replace("%1", link.uri),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer == QMessageBox.StandardButton.Yes:
                QDesktopServices.openUrl(QUrl(link.uri))
        else:
            text = self.tr("Deze link wordt om veiligheidsredenen niet geopend:\n\n%1").replace(
                "%1", link.uri
            )
            QMessageBox.warning(self, self.tr("Link geweigerd"), text)
            self.notice.emit(self.tr("Link geweigerd: %1").replace("%1", link.uri))

    def links_on_page(self, page: int) -> list[PdfLink]:
        """The links of ``page`` known so far (they are read when the page first comes into view)."""
        return list(self._links.get(page, ()))

    def link_position(self, page: int, link: PdfLink) -> QPointF:
        """The viewport point at the centre of ``link`` on ``page`` (for keyboard focus and tests)."""
        x0, y0, x1, y1 = link.rect
        content = self._page_transform(page).map(QPointF((x0 + x1) / 2, (y0 + y1) / 2))
        visible = self._visible_rect()
        return QPointF(content.x() - visible.left(), content.y() - visible.top())

    def page_viewport_rect(self, page: int) -> QRectF:
        """Where ``page`` is in the viewport."""
        visible = self._visible_rect()
        return self._page_rects[page].translated(-visible.left(), -visible.top())

    # --- selection and copy ---

    def _clear_selection(self) -> None:
        self._selection = None
        self._selection_page = -1
        self._selection_text = None
        self._copy_pending = False
        self.selection_changed.emit(0)
        self.viewport().update()

    def _request_selection_text(self) -> None:
        sel = self._selection
        best, best_area = -1, 0.0
        for i in self._page_rects.pages_between(sel.top(), sel.bottom()):
            part = self._page_rects[i].intersected(sel)
            area = part.width() * part.height()
            if area > best_area:
                best, best_area = i, area
        if best < 0:
            self._clear_selection()
            return
        inverse, _ok = self._page_transform(best).inverted()
        r = inverse.mapRect(sel.intersected(self._page_rects[best]))
        self._selection_page = best
        self._selection_text = None
        self._selection_request = self._client.request_text(
            best, (r.left(), r.top(), r.right(), r.bottom())
        )
        self.selection_changed.emit(1)

    @Slot(int, int, str, int)
    def _on_text_ready(self, request_id: int, page: int, text: str, has_layer: int) -> None:
        if request_id != self._selection_request:
            return
        self._selection_text = text
        if not text.strip() and not has_layer:
            self.notice.emit(self.tr("Deze pagina heeft geen tekstlaag."))
        if self._copy_pending:
            self._copy_pending = False
            self._copy_now()

    def copy_selection(self) -> None:
        """Copy the selected text to the clipboard (as soon as it has been read)."""
        if self._selection is None:
            return
        if self._selection_text is None:
            self._copy_pending = True
        else:
            self._copy_now()

    def _copy_now(self) -> None:
        if self._selection_text and self._selection_text.strip():
            QGuiApplication.clipboard().setText(self._selection_text)

    @property
    def selection_text(self) -> str | None:
        """The text of the selection, None while it is being read or without a selection."""
        return self._selection_text
