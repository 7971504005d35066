"""The hits of one find in a document: kept in page order as pages answer (they are searched from the
page the find started at, wrapping round), and which hit is the current one."""

from __future__ import annotations

import bisect


class FindResults:
    """Hits (``PageHit``s) of the find ``find_id`` (0: no find), the current one, and whether every page
    has been searched."""

    def __init__(self, find_id: int = 0) -> None:
        self.find_id = find_id
        self.hits: list = []
        self._keys: list[tuple[int, int]] = []  # (page, hit on that page), in step with ``hits``
        self.index = -1
        self.done = False

    @property
    def current(self):
        """The current hit, None before the first has come."""
        return self.hits[self.index] if self.index >= 0 else None

    def add_page(self, page: int, hits: list) -> bool:
        """Put the ``hits`` of ``page`` in their place; the first hits to come (those nearest after
        where the find started) become current. Returns whether the current hit changed."""
        at = bisect.bisect_left(self._keys, (page, 0))
        self._keys[at:at] = [(page, i) for i in range(len(hits))]
        self.hits[at:at] = hits
        if self.index >= at:
            self.index += len(hits)
        if self.index < 0:
            self.index = at
            return True
        return False

    def by_page(self) -> dict[int, list]:
        """The hits by page, to highlight."""
        pages: dict[int, list] = {}
        for hit in self.hits:
            pages.setdefault(hit.page, []).append(hit)
        return pages

    def step(self, step: int):
        """Move ``step`` hits on (or back), wrapping round; returns the new current hit."""
        self.index = (self.index + step) % len(self.hits)
        return self.current
