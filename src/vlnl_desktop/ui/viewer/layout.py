"""Where the pages are: the pure geometry of a column of pages at a zoom and a rotation.

Page rectangles in content pixels, which pages reach into a band of the content, the page at a point,
the page mostly in view, and the transform from a page's points to content pixels. No widget, no
painting: the view asks this object and a test can check it alone (qpageview's layout.py is the model).
"""

from __future__ import annotations

import bisect
from itertools import accumulate

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QTransform

LOGICAL_DPI = 96.0
SPACING = 12
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


def rotation_transform(rotation: int, width: float, height: float) -> QTransform:
    """Map a page's points (``width`` × ``height``, unrotated by the user) to the page turned clockwise."""
    if rotation == 90:
        return QTransform(0, 1, -1, 0, height, 0)
    if rotation == 180:
        return QTransform(-1, 0, 0, -1, width, height)
    if rotation == 270:
        return QTransform(0, -1, 1, 0, 0, width)
    return QTransform()


def clamp_zoom(zoom: float) -> float:
    """``zoom`` within what the view shows (a fit may go below the smallest step, to 5 %)."""
    return min(max(zoom, 0.05), MAX_ZOOM)


def fit_width_zoom(available: float, width: float) -> float:
    """The zoom at which a page ``width`` points wide fills ``available`` logical pixels."""
    zoom = available / (width * LOGICAL_DPI / 72) if width else 1.0
    return clamp_zoom(zoom)


def fit_page_zoom(available_width: float, available_height: float, width: float, height: float):
    """The zoom at which a page of ``width`` × ``height`` points fits whole in the available pixels."""
    scale = LOGICAL_DPI / 72
    return clamp_zoom(min(available_width / (width * scale), available_height / (height * scale)))


def widest_size(sizes: list[tuple[float, float]], exact: bool = True) -> tuple[float, float]:
    """The largest page width and height in points (of the first page while the sizes are estimates
    or all the same: no walk over a thousand pages for nothing)."""
    if not sizes:
        return (0.0, 0.0)
    if not exact or sizes.count(sizes[0]) == len(sizes):
        return sizes[0]
    return (max(w for w, _ in sizes), max(h for _, h in sizes))


def fit_zoom(
    fit: str,
    widest: tuple[float, float],
    page_size: tuple[float, float],
    rotation: int,
    available_width: float,
    available_height: float,
) -> float:
    """The zoom for ``fit``: "page" fits a page of ``page_size`` whole, "width" makes the ``widest``
    page fill the width; both sizes in points, unrotated, and turned here by ``rotation``."""
    turned = rotation in (90, 270)
    if fit == "page":
        w, h = page_size[::-1] if turned else page_size
        return fit_page_zoom(available_width, available_height, w, h)
    return fit_width_zoom(available_width, widest[1 if turned else 0])


def zoom_step_up(zoom: float) -> float:
    """The next zoom step above ``zoom``."""
    return next((z for z in ZOOM_STEPS if z > zoom + 1e-3), MAX_ZOOM)


def zoom_step_down(zoom: float) -> float:
    """The next zoom step below ``zoom``."""
    return next((z for z in reversed(ZOOM_STEPS) if z < zoom - 1e-3), MIN_ZOOM)


class PageLayout:
    """Where each page is in the content: a column of pages ``SPACING`` apart, each centred in the width
    of the widest, at ``zoom`` (1.0: 100 % at ``LOGICAL_DPI``) and turned ``rotation`` degrees clockwise.
    ``layout[i]`` is page i's ``QRectF`` in content pixels.

    Built without a Python loop when every page has the same size (the estimate while a document opens,
    and most documents); lookups by y bisect the page tops, so nothing on the way to showing page 500 of
    a 1000-page document walks all the pages.
    """

    def __init__(self, sizes: list[tuple[float, float]], zoom: float = 1.0, rotation: int = 0):
        """``sizes``: each page's (width, height) in points, in the page's own rotation (kept, not
        copied: the layout is rebuilt whenever they change)."""
        self.zoom = zoom
        self.rotation = rotation
        self.scale = scale = zoom * LOGICAL_DPI / 72
        self._sizes = sizes
        turned = rotation in (90, 270)
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

    def page_at(self, point: QPointF) -> int:
        """The page under content ``point``, -1 if it is between or beside the pages."""
        if not self._count:
            return -1
        page = self.page_at_y(point.y())
        return page if self[page].contains(point) else -1

    def nearest(self, y: float) -> int:
        """The page whose centre is nearest to content ``y`` (-1 without pages)."""
        if not self._count:
            return -1
        i = self.page_at_y(y)
        candidates = [j for j in (i - 1, i, i + 1) if 0 <= j < self._count]
        return min(candidates, key=lambda j: abs(self._tops[j] + self._heights[j] / 2 - y))

    def most_visible(self, visible: QRectF) -> int:
        """The page that fills most of the height of ``visible`` (the current page), -1 if none; a page
        must show more than half a pixel more than the one above it to win."""
        best, best_height = -1, 0.0
        for i in self.pages_between(visible.top(), visible.bottom()):
            height = self[i].intersected(visible).height()
            if height > best_height + 0.5:
                best, best_height = i, height
        return best

    def most_covered(self, area: QRectF) -> int:
        """The page with the largest part inside ``area`` (where a selection is), -1 if none."""
        best, best_area = -1, 0.0
        for i in self.pages_between(area.top(), area.bottom()):
            part = self[i].intersected(area)
            size = part.width() * part.height()
            if size > best_area:
                best, best_area = i, size
        return best

    def transform(self, page: int) -> QTransform:
        """Page points (the page's own orientation) to content pixels."""
        w, h = self._sizes[page]
        rect = self[page]
        s = self.scale
        t = rotation_transform(self.rotation, w, h)
        return t * QTransform.fromScale(s, s) * QTransform.fromTranslate(rect.left(), rect.top())

    def map_rects(self, page: int, rects) -> QRectF:
        """The content rectangle around ``rects`` (each x0, y0, x1, y1 in points of ``page``)."""
        t = self.transform(page)
        result = QRectF()
        for r in rects:
            result = result.united(t.mapRect(QRectF(QPointF(r[0], r[1]), QPointF(r[2], r[3]))))
        return result
