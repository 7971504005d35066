"""Back and forward through the records the user looked at, like a browser (no Qt needed)."""

from __future__ import annotations


class NavigationHistory:
    """A list of places with a cursor; visiting a new place drops the forward part."""

    def __init__(self, limit: int = 200) -> None:
        self._items: list[str] = []
        self._index = -1
        self._limit = limit

    @property
    def current(self) -> str | None:
        return self._items[self._index] if self._index >= 0 else None

    def visit(self, place: str) -> None:
        """Record ``place`` as the newest; visiting the current place again changes nothing."""
        if place == self.current:
            return
        del self._items[self._index + 1 :]
        self._items.append(place)
        if len(self._items) > self._limit:
            del self._items[0]
        self._index = len(self._items) - 1

    def can_go_back(self) -> bool:
        return self._index > 0

    def can_go_forward(self) -> bool:
        return self._index < len(self._items) - 1

    def back(self) -> str | None:
        if not self.can_go_back():
            return None
        self._index -= 1
        return self.current

    def forward(self) -> str | None:
        if not self.can_go_forward():
            return None
        self._index += 1
        return self.current

    def clear(self) -> None:
        self._items.clear()
        self._index = -1
