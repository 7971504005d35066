"""A least-recently-used cache of rendered page images, bounded by bytes rather than by count.

Keys are ``CacheKey``: (document id, page, rotation, width and height in device pixels, clip). ``clip`` is
None for a whole page, or a tile's (x, y, w, h) in device pixels of the whole page at that size. While the
right size renders, the view paints ``nearest()`` — another size of the same page — scaled.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import NamedTuple

from PySide6.QtGui import QImage

DEFAULT_BUDGET = 256 * 1024 * 1024


class CacheKey(NamedTuple):
    """Identifies one rendered image."""

    doc: int
    page: int
    rotation: int
    width: int
    height: int
    clip: tuple[int, int, int, int] | None = None


class ImageCache:
    """Rendered images by ``CacheKey``; the least recently used go first once ``budget`` bytes are used."""

    def __init__(self, budget: int = DEFAULT_BUDGET) -> None:
        self.budget = budget
        self._images: OrderedDict[CacheKey, QImage] = OrderedDict()
        self._by_page: dict[tuple[int, int, int], set[CacheKey]] = {}
        self._bytes = 0

    def __len__(self) -> int:
        return len(self._images)

    def __contains__(self, key: object) -> bool:
        return key in self._images

    @property
    def used_bytes(self) -> int:
        """Bytes held by the cached images."""
        return self._bytes

    def get(self, key: CacheKey) -> QImage | None:
        """The image for ``key``, marking it recently used; None if absent."""
        image = self._images.get(key)
        if image is not None:
            self._images.move_to_end(key)
        return image

    def put(self, key: CacheKey, image: QImage) -> None:
        """Store ``image`` under ``key``, evicting least recently used images past the budget."""
        if key in self._images:
            self._remove(key)
        size = image.sizeInBytes()
        if size > self.budget:
            return
        self._images[key] = image
        self._by_page.setdefault((key.doc, key.page, key.rotation), set()).add(key)
        self._bytes += size
        while self._bytes > self.budget and self._images:
            oldest = next(iter(self._images))
            self._remove(oldest)

    def nearest(self, doc: int, page: int, rotation: int, width: int) -> QImage | None:
        """The whole-page image of this page closest in width to ``width``, to paint scaled meanwhile."""
        keys = self._by_page.get((doc, page, rotation))
        if not keys:
            return None
        whole = [k for k in keys if k.clip is None]
        if not whole:
            return None
        best = min(whole, key=lambda k: abs(k.width - width))
        return self._images[best]

    def clear(self, doc: int | None = None) -> None:
        """Forget every image, or only those of document ``doc``."""
        if doc is None:
            self._images.clear()
            self._by_page.clear()
            self._bytes = 0
            return
        for key in [k for k in self._images if k.doc == doc]:
            self._remove(key)

    def _remove(self, key: CacheKey) -> None:
        image = self._images.pop(key)
        self._bytes -= image.sizeInBytes()
        page_key = (key.doc, key.page, key.rotation)
        keys = self._by_page.get(page_key)
        if keys is not None:
            keys.discard(key)
            if not keys:
                del self._by_page[page_key]
