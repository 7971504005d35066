"""One find in an open document: the pages still to search, in order from where it started, and what it
found so far; searched a slice at a time by the render thread, which owns the document.

With a ``Sandbox`` and the document's path, the pages are searched in a child process
(``core.pdf.find.find_on_pages``), a few at a time: a page that is a decompression bomb costs that
process its memory limit or its deadline, never the window its memory, and the render thread only
waits (without the GIL) for a slice, so the window never freezes. A find is cancelled by
``cancel``: what it still had at work in the child is stopped. Pages past the text budget are
searched up to it.
"""

from __future__ import annotations

import logging
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

log = logging.getLogger(__name__)

_BATCH = 4  # pages per request to the child
_AHEAD = 2  # requests at work or queued


@dataclass
class FindJob:
    """Find ``query`` on ``pages`` in turn; ``total`` hits so far, ``without_text`` the pages searched
    that have no text layer. ``sandbox`` and ``source`` (path, password): search in a child."""

    find_id: int
    query: str
    pages: deque[int]
    total: int = 0
    without_text: list[int] = field(default_factory=list)
    sandbox: Any = None
    source: tuple[str, str | None] | None = None
    _asked: dict[int, list[int]] = field(default_factory=dict)  # job number: its pages

    @classmethod
    def wrapping_round(
        cls,
        find_id: int,
        query: str,
        start_page: int,
        page_count: int,
        *,
        sandbox: Any = None,
        source: tuple[str, str | None] | None = None,
    ) -> FindJob:
        """Every page, from ``start_page`` to the end and then from the first page."""
        start = min(max(start_page, 0), page_count - 1)
        pages = deque(list(range(start, page_count)) + list(range(0, start)))
        return cls(find_id, query, pages, sandbox=sandbox, source=source)

    @property
    def done(self) -> bool:
        """Whether every page has been searched."""
        return not self.pages and not self._asked

    def cancel(self) -> None:
        """Stop: what is still at work for this find in the child is killed."""
        self.pages.clear()
        if self._asked and self.sandbox is not None:
            self.sandbox.close()  # a fresh child for the next find
        self._asked.clear()

    def search_slice(self, doc, seconds: float, on_hits: Callable[[int, list], None]) -> None:
        """Search the next pages of ``doc`` for about ``seconds``; ``on_hits(page, hits)`` for each page
        with hits, as soon as it is searched."""
        if self.sandbox is not None and self.source is not None:
            self._sandboxed_slice(seconds, on_hits)
        else:
            self._local_slice(doc, seconds, on_hits)

    def _sandboxed_slice(self, seconds: float, on_hits: Callable[[int, list], None]) -> None:
        from vlnl_desktop.core.errors import Problem
        from vlnl_desktop.core.pdf.find import find_on_pages

        while self.pages and len(self._asked) < _AHEAD:
            batch = [self.pages.popleft() for _ in range(min(_BATCH, len(self.pages)))]
            path, password = self.source
            number = self.sandbox.submit(find_on_pages, path, password, self.query, batch)
            self._asked[number] = batch
        for number, answer in self.sandbox.poll(seconds).items():
            batch = self._asked.pop(number, None)
            if batch is None:  # an answer for an earlier find
                continue
            if isinstance(answer, Problem):
                log.warning("Cannot search pages %d–%d: %s", batch[0] + 1, batch[-1] + 1, answer)
                continue
            for index, hits, has_text in answer:
                if not has_text:
                    self.without_text.append(index)
                if hits:
                    self.total += len(hits)
                    on_hits(index, hits)

    def _local_slice(self, doc, seconds: float, on_hits: Callable[[int, list], None]) -> None:
        from vlnl_desktop.core.pdf import document as pdf_document
        from vlnl_desktop.core.pdf import find as pdf_find

        deadline = time.monotonic() + seconds
        while self.pages and time.monotonic() < deadline:
            index = self.pages.popleft()
            try:
                page = doc.load_page(index)
                hits = pdf_find.find_on_page(page, self.query)
                if not hits and not pdf_document.has_text_layer(doc, index):
                    self.without_text.append(index)
            except RuntimeError as exc:
                log.warning("Cannot search page %d: %s", index + 1, exc)
                hits = []
            if hits:
                self.total += len(hits)
                on_hits(index, hits)
