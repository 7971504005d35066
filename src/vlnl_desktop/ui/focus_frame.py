"""A clear frame around the widget that has the keyboard focus, in light and dark palettes alike:
the style's own focus marks (a dotted line, a slightly bluer border) are easy to miss.

``follow_focus(app)`` keeps one ``FocusRing`` on the focused widget; it listens to ``focusChanged``,
a signal, so nothing else pays for it. Menus and popups keep their own highlight. (Qt's own
``QFocusFrame`` draws only outside the widget, where a widget filling its parent leaves no room.)
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, Slot
from PySide6.QtGui import QPainter, QPen
from PySide6.QtWidgets import QApplication, QWidget

from vlnl_desktop.ui.palette import FOCUS_COLOUR, is_dark, pick

WIDTH = 2  # pixels


class FocusRing(QWidget):
    """A frame ``WIDTH`` pixels wide in the focus colour, drawn over the edge of its widget: a
    see-through child laid over it (so a widget that fills its parent, a tab's page, still shows
    it), which follows its size and lets the mouse through."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("focusRing")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._widget: QWidget | None = None

    def widget(self) -> QWidget | None:
        """The widget framed, None if none."""
        return self._widget

    def set_widget(self, widget: QWidget | None) -> None:
        """Frame ``widget`` (None: nothing)."""
        if self._widget is not None and shiboken6.isValid(self._widget):
            self._widget.removeEventFilter(self)
        self._widget = widget
        if widget is None:
            self.hide()
            return
        self.setParent(widget)
        self.setGeometry(widget.rect())
        widget.installEventFilter(self)
        self.show()
        self.raise_()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self._widget and event.type() == QEvent.Type.Resize:
            self.setGeometry(self._widget.rect())
        elif watched is self._widget and event.type() == QEvent.Type.ChildAdded:
            self.raise_()
        return False

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt override
        if self._widget is None:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(pick(FOCUS_COLOUR, is_dark(self._widget.palette())), WIDTH))
        inset = WIDTH / 2
        painter.drawRoundedRect(self.rect().toRectF().adjusted(inset, inset, -inset, -inset), 2, 2)


class FocusFollower(QObject):
    """Moves a ``FocusRing`` to whichever widget gets the keyboard focus."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.ring: FocusRing | None = None
        app.focusChanged.connect(self._on_focus_changed)

    @Slot(QWidget, QWidget)
    def _on_focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        self.frame(new)

    def frame(self, new: QWidget | None) -> None:
        """Frame ``new`` (None or a widget that gets none: no frame)."""
        if self.ring is None or not shiboken6.isValid(self.ring):  # gone with a closed window
            self.ring = FocusRing()
        self.ring.set_widget(new if new is not None and self._framed(new) else None)

    @staticmethod
    def _framed(widget: QWidget) -> bool:
        """Whether ``widget`` gets the frame: not a popup (menus, lists of a combo box), not the
        window itself."""
        window = widget.window()
        popup = window.windowFlags() & Qt.WindowType.Popup == Qt.WindowType.Popup
        return not popup and widget is not window and widget.isVisible()


def follow_focus(app: QApplication) -> FocusFollower:
    """Frame the focused widget of ``app`` from now on (once per application)."""
    existing = app.findChild(FocusFollower)
    return existing if existing is not None else FocusFollower(app)
