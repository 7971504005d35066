"""One find in an open document: the pages still to search, in order from where it started, and what it
found so far; searched a slice at a time by the render thread, which owns the document."""

from __future__ import annotations

import logging
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field

log = logging.getLogger(__name__)


@dataclass
class FindJob:
    """Find ``query`` on ``pages`` in turn; ``total`` hits so far, ``without_text`` the pages searched
    that have no text layer."""

    find_id: int
    query: str
    pages: deque[int]
    total: int = 0
    without_text: list[int] = field(default_factory=list)

    @classmethod
    def wrapping_round(cls, find_id: int, query: str, start_page: int, page_count: int) -> FindJob:
        """Every page, from ``start_page`` to the end and then from the first page."""
        start = min(max(start_page, 0), page_count - 1)
        return cls(find_id, query, deque(list(range(start, page_count)) + list(range(0, start))))

    @property
    def done(self) -> bool:
        """Whether every page has been searched."""
        return not self.pages

    def search_slice(self, doc, seconds: float, on_hits: Callable[[int, list], None]) -> None:
        """Search the next pages of ``doc`` for about ``seconds``; ``on_hits(page, hits)`` for each page
        with hits, as soon as it is searched."""
        from vlnl_desktop.core.pdf import find as pdf_find

        deadline = time.monotonic() + seconds
        while self.pages and time.monotonic() < deadline:
            index = self.pages.popleft()
            try:
                page = doc.load_page(index)
                hits = pdf_find.find_on_page(page, self.query)
                if not hits and not page.get_text("text").strip():
                    self.without_text.append(index)
            except RuntimeError as exc:
                log.warning("Cannot search page %d: %s", index + 1, exc)
                hits = []
            if hits:
                self.total += len(hits)
                on_hits(index, hits)
