"""Back and forward through the places the user looked at, like a browser (no Qt needed).

A place is whatever the owner navigates between: the main window's record ids (``str``), the viewer's
(page, y) positions. Places must compare equal when they are the same place.
"""

from __future__ import annotations

from typing import Generic, TypeVar

T = TypeVar("T")


class NavigationHistory(Generic[T]):
    """A list of places with a cursor; visiting a new place drops the forward part."""

    def __init__(self, limit: int = 200) -> None:
        self._items: list[T] = []
        self._index = -1
        self._limit = limit

    @property
    def current(self) -> T | None:
        return self._items[self._index] if self._index >= 0 else None

    def visit(self, place: T) -> None:
        """Record ``place`` as the newest; visiting the current place again changes nothing."""
        if place == self.current:
            return
        del self._items[self._index + 1 :]
        self._items.append(place)
        if len(self._items) > self._limit:
            del self._items[0]
        self._index = len(self._items) - 1

    def replace_current(self, place: T) -> None:
        """The user moved within the current place (scrolled, say): remember ``place`` instead, so
        going back or forward to it returns where they were; with no current place, visit it."""
        if self._index < 0:
            self.visit(place)
        else:
            self._items[self._index] = place

    def can_go_back(self) -> bool:
        return self._index > 0

    def can_go_forward(self) -> bool:
        return self._index < len(self._items) - 1

    def back(self) -> T | None:
        if not self.can_go_back():
            return None
        self._index -= 1
        return self.current

    def forward(self) -> T | None:
        if not self.can_go_forward():
            return None
        self._index += 1
        return self.current

    def clear(self) -> None:
        self._items.clear()
        self._index = -1
