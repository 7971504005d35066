"""How the view paints: the background, each page in view (its shadow, its image from the cache or a
scaled other size of it while the right one renders, or its tiles), the find hits on it, and the
selection."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPen, QTransform

from vlnl_desktop.ui.viewer.layout import PageLayout
from vlnl_desktop.workers.image_cache import CacheKey, ImageCache

BACKGROUND = QColor("#5f6368")
_HIT = QColor(255, 213, 0, 110)
_CURRENT_HIT = QColor(255, 120, 0, 150)
_SELECTION = QColor(40, 110, 230, 70)
_SHADOW = QColor(0, 0, 0, 60)
MARK_COLOURS = {
    "yellow": QColor(255, 221, 0, 105),
    "green": QColor(110, 215, 80, 105),
    "blue": QColor(80, 165, 255, 95),
    "pink": QColor(255, 110, 190, 100),
}
_FLASH = QColor(255, 90, 0, 170)


def paint_pages(
    painter: QPainter,
    layout: PageLayout,
    visible: QRectF,
    dpr: float,
    cache: ImageCache,
    keys_for: Callable[[int, QRectF, float], list[CacheKey]],
    hits: dict[int, list],
    current_hit=None,
) -> None:
    """Paint the pages of ``layout`` that meet content rectangle ``visible`` (``painter`` translated
    to content pixels), each from the images ``keys_for(page, visible, dpr)`` and with its ``hits``."""
    for i in layout.pages_between(visible.top(), visible.bottom()):
        rect = layout[i]
        if rect.intersects(visible):
            keys = keys_for(i, visible, dpr)
            transform = layout.transform(i)
            paint_page(painter, cache, rect, keys, dpr, transform, hits.get(i, ()), current_hit)


def paint_page(
    painter: QPainter,
    cache: ImageCache,
    rect: QRectF,
    keys: list[CacheKey],
    dpr: float,
    transform: QTransform,
    hits=(),
    current_hit=None,
) -> None:
    """Paint the page at content ``rect`` from the images ``keys`` (one whole page, or tiles) in
    ``cache``; then its ``hits`` (``PageHit``s, in page points mapped by ``transform``)."""
    # The shadow: only the strips right of and below the page (blending all of it costs more).
    painter.fillRect(QRectF(rect.right(), rect.top() + 2, 2, rect.height()), _SHADOW)
    painter.fillRect(QRectF(rect.left() + 2, rect.bottom(), rect.width() - 2, 2), _SHADOW)
    whole = len(keys) == 1 and keys[0].clip is None
    image = cache.get(keys[0]) if whole else None
    if image is None or image.hasAlphaChannel() or image.size() != QSize(*keys[0][3:5]):
        painter.fillRect(rect, Qt.GlobalColor.white)  # the image will not cover the page
    if image is None and keys:
        key = keys[0]
        nearest = cache.nearest(key.doc, key.page, key.rotation, round(rect.width() * dpr))
        if nearest is not None:
            painter.drawImage(rect, nearest)
    if whole and image is not None:
        painter.drawImage(rect, image)
    elif not whole:
        for key in keys:
            tile = cache.get(key)
            if tile is not None:
                x, y, w, h = key.clip
                target = QRectF(rect.left() + x / dpr, rect.top() + y / dpr, w / dpr, h / dpr)
                painter.drawImage(target, tile)
    for hit in hits:
        colour = _CURRENT_HIT if hit is current_hit else _HIT
        for r in hit.rects:
            painter.fillRect(
                transform.mapRect(QRectF(QPointF(r[0], r[1]), QPointF(r[2], r[3]))), colour
            )


def paint_marks(painter: QPainter, layout: PageLayout, visible: QRectF, marks) -> None:
    """Paint the user's highlights (``marks.PageMarks``) on the pages in ``visible``; the one
    flashing, while lit, in a strong colour with an outline."""
    for i in layout.pages_between(visible.top(), visible.bottom()):
        transform = layout.transform(i)
        for mark in marks.on_page(i):
            lit = mark.id == marks.flashing and marks.lit
            colour = _FLASH if lit else MARK_COLOURS.get(mark.colour, MARK_COLOURS["yellow"])
            painter.setPen(QPen(_FLASH.darker(130), 2) if lit else Qt.PenStyle.NoPen)
            for r in mark.rects:
                box = transform.mapRect(QRectF(QPointF(r[0], r[1]), QPointF(r[2], r[3])))
                painter.fillRect(box, colour)
                if lit:
                    painter.drawRect(box)
    painter.setPen(Qt.PenStyle.NoPen)


def paint_selection(painter: QPainter, selection: QRectF) -> None:
    """Paint the rectangle dragged with Alt held (content pixels)."""
    painter.fillRect(selection, _SELECTION)
    painter.setPen(QPen(_SELECTION.darker(150), 1))
    painter.drawRect(selection)


def paint_text_selection(painter: QPainter, transform: QTransform, boxes) -> None:
    """Paint the selected text's ``boxes`` (display points of a page mapped by ``transform``)."""
    for box in boxes:
        painter.fillRect(
            transform.mapRect(QRectF(QPointF(box[0], box[1]), QPointF(box[2], box[3]))), _SELECTION
        )
