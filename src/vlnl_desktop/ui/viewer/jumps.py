"""Back and forward through the jumps within one document (a link followed, a page number typed, an
outline entry, a thumbnail), like a browser. A place is (page, y in points from its top); before each
jump the place left is updated to where the user had scrolled, so going back returns there."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from vlnl_desktop.ui.navigation_history import NavigationHistory

Place = tuple[int, float]


class JumpHistory(QObject):
    """The view's jumps. ``position`` tells where the view is now (None without pages); ``go_to``
    scrolls there without recording a jump."""

    changed = Signal(int, int)
    """Whether going back and going forward are possible (1 or 0)."""

    def __init__(
        self,
        position: Callable[[], Place | None],
        go_to: Callable[[int, float], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._position = position
        self._go_to = go_to
        self._history: NavigationHistory[Place] = NavigationHistory()

    def clear(self) -> None:
        """Forget every jump (another document)."""
        self._history.clear()
        self.changed.emit(0, 0)

    def before_jump(self) -> None:
        """Remember where the user is now (they may have scrolled since the last jump)."""
        place = self._position()
        if place is not None:
            self._history.replace_current(place)

    def after_jump(self) -> None:
        """Remember where the jump landed, and say what back and forward can do now."""
        place = self._position()
        if place is not None:
            self._history.visit(place)
            self._emit_changed()

    def back(self) -> None:
        """Return to where the last jump came from."""
        if self._history.can_go_back():
            self._step(self._history.back)

    def forward(self) -> None:
        """Redo a jump undone with ``back``."""
        if self._history.can_go_forward():
            self._step(self._history.forward)

    def _step(self, move: Callable[[], Place | None]) -> None:
        self.before_jump()
        place = move()
        if place is not None:
            self._go_to(*place)
        self._emit_changed()

    def _emit_changed(self) -> None:
        h = self._history
        self.changed.emit(int(h.can_go_back()), int(h.can_go_forward()))
