"""Which images the view asks the renderer for: the pages around the view in order of need, each page's
image key (whole, or only the visible tiles when it is large), and the key of the page a document opens
at, worked out in the renderer's thread."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF

from vlnl_desktop.ui.viewer.layout import LOGICAL_DPI, PageLayout, fit_width_zoom
from vlnl_desktop.workers.image_cache import CacheKey

TILE = 1024  # device pixels
TILE_THRESHOLD = 3000 * 3000  # pages with more device pixels than this are rendered in tiles


def page_keys(
    doc_id: int, page: int, rect: QRectF, rotation: int, area: QRectF, dpr: float
) -> list[CacheKey]:
    """The images that paint ``page`` (at content ``rect``) where it meets ``area``: the whole page, or
    for a page of more than ``TILE_THRESHOLD`` device pixels the ``TILE``-sized tiles inside ``area``."""
    width, height = round(rect.width() * dpr), round(rect.height() * dpr)
    base = (doc_id, page, rotation, width, height)
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


def pages_to_render(layout: PageLayout, visible: QRectF) -> tuple[list[int], set[int], QRectF]:
    """The pages worth rendering for the content rectangle ``visible``: those in view and those within
    one screen above or below, in view first, then nearest the centre first. Returns the pages, the
    set of those in view, and the band around the view they were taken from."""
    margin = visible.adjusted(0, -visible.height(), 0, visible.height())
    centre = visible.center().y()
    rects = {i: layout[i] for i in layout.pages_between(margin.top(), margin.bottom())}
    in_view = {i for i, r in rects.items() if r.intersects(visible)}
    wanted = sorted(
        (i for i, r in rects.items() if r.intersects(margin)),
        key=lambda i: (i not in in_view, abs(rects[i].center().y() - centre)),
    )
    return wanted, in_view, margin


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
