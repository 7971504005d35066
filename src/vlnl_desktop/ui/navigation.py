"""Where the user is and where they were: the shown place, and back/forward like a browser.

A place is a record id, or ``OVERVIEW`` (""). The window tells ``Navigation`` where it arrived
(``arrive``); going back or forward asks the window to show a place (``place_requested``) without
making it a new visit. The mouse's back/forward buttons work over the widgets it ``watch``es.
The last place is remembered in the settings for the next start.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from PySide6.QtCore import QEvent, QObject, QSettings, Qt, Signal

from vlnl_desktop.ui.navigation_history import NavigationHistory

OVERVIEW = ""  # the history's name for the overview page
LAST_PLACE_KEY = "navigation/last_record"


class Navigation(QObject):
    """The shown place and the history of places; knows nothing of how a place is shown."""

    place_requested = Signal(str)
    """Back or forward chose a place to show: a record id, or ``OVERVIEW``."""
    history_changed = Signal()
    """Whether there is a place back or forward may have changed."""

    def __init__(self, settings: QSettings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self.history = NavigationHistory()
        self._revisiting = False
        self._current: str | None = None  # None: nothing shown yet

    @property
    def current(self) -> str | None:
        """The place shown: a record id, ``OVERVIEW``, or None before anything was shown."""
        return self._current

    @property
    def current_record(self) -> str | None:
        """The id of the record shown, None for the overview."""
        return self._current or None

    def arrive(self, place: str) -> None:
        """The window now shows ``place``: a new visit, unless it is going back or forward."""
        self._current = place
        if not self._revisiting:
            self.history.visit(place)
        self._settings.setValue(LAST_PLACE_KEY, place)
        self.history_changed.emit()

    @contextmanager
    def revisiting(self) -> Iterator[None]:
        """Places shown inside this block are not new visits (e.g. the same record after an import)."""
        self._revisiting = True
        try:
            yield
        finally:
            self._revisiting = False

    def last_place(self) -> str | None:
        """The place shown when the app was last closed, None if none was remembered."""
        value = self._settings.value(LAST_PLACE_KEY)
        return str(value) if value else None

    def can_go_back(self) -> bool:
        return self.history.can_go_back()

    def can_go_forward(self) -> bool:
        return self.history.can_go_forward()

    def back(self) -> None:
        self._go(self.history.back())

    def forward(self) -> None:
        self._go(self.history.forward())

    def clear(self) -> None:
        """Forget where the user was (e.g. after a rebuild: the old places may be gone)."""
        self.history.clear()
        self.history_changed.emit()

    def _go(self, place: str | None) -> None:
        if place is None:
            return
        with self.revisiting():
            self.place_requested.emit(place)
        self.history_changed.emit()

    # --- the mouse's back and forward buttons ---

    def watch(self, widgets: Iterable[QObject]) -> None:
        """Go back/forward on the mouse's buttons over ``widgets`` (e.g. the views' viewports)."""
        for widget in widgets:
            widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.MouseButtonPress:
            button = event.button()  # type: ignore[attr-defined]
            if button == Qt.MouseButton.BackButton:
                self.back()
                return True
            if button == Qt.MouseButton.ForwardButton:
                self.forward()
                return True
        return super().eventFilter(watched, event)
