"""The user's highlights drawn over the pages (never written into the PDF): which marks are on which
page, and the one that flashes a few times when a highlight is opened from a search hit or the
side panel. The view paints them (``painting.paint_marks``); what they are is the user layer's."""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from PySide6.QtCore import QObject, QTimer

from vlnl_desktop.core.pdf.document import Rect

FLASHES = 3  # times the flashing mark lights up
FLASH_MS = 260  # half a flash


class Mark(NamedTuple):
    """One highlight on ``page`` (0-based): its line boxes in display points and its colour."""

    id: int
    page: int
    rects: list[Rect]
    colour: str


class PageMarks(QObject):
    """The marks of the document shown; ``update`` repaints the view."""

    def __init__(self, update: Callable[[], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._update = update
        self._by_page: dict[int, list[Mark]] = {}
        self.flashing: int | None = None  # the id of the mark that flashes
        self.lit = False  # whether it is lit up now
        self._ticks = 0
        self._timer = QTimer(self)
        self._timer.setInterval(FLASH_MS)
        self._timer.timeout.connect(self._on_tick)

    def set(self, marks: list[Mark]) -> None:
        """Show ``marks`` (all of the document's) instead of those shown."""
        self._by_page = {}
        for mark in marks:
            self._by_page.setdefault(mark.page, []).append(mark)
        if self.flashing is not None and self.find(self.flashing) is None:
            self._stop()
        self._update()

    def on_page(self, page: int) -> list[Mark]:
        return self._by_page.get(page, [])

    def find(self, mark_id: int) -> Mark | None:
        return next((m for ms in self._by_page.values() for m in ms if m.id == mark_id), None)

    def flash(self, mark_id: int) -> None:
        """Make the mark ``mark_id`` light up ``FLASHES`` times."""
        self.flashing, self.lit, self._ticks = mark_id, True, 0
        self._timer.start()
        self._update()

    def _on_tick(self) -> None:
        self._ticks += 1
        self.lit = not self.lit
        if self._ticks >= 2 * FLASHES:
            self._stop()
        self._update()

    def _stop(self) -> None:
        self._timer.stop()
        self.flashing, self.lit = None, False
