"""The mouse on the pages: a left-button drag selects text in reading order (Shift+click extends
the selection, a double-click selects a word, a triple-click a line, Alt+drag a rectangle, for
tables), a click on a link follows it, hovering shows a pointing hand over a link (with its address,
if it leaves the document) and a text cursor elsewhere, and the wheel with Ctrl held zooms around the
pointer. An event filter on the view's viewport: what it does not handle goes on to the view (a plain
wheel scrolls)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QPointF, QRectF, Qt, QTime
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QToolTip

from vlnl_desktop.core.pdf.links import LinkKind, PdfLink
from vlnl_desktop.ui.viewer.layout import PageLayout
from vlnl_desktop.ui.viewer.links import PageLinks
from vlnl_desktop.ui.viewer.selection import TextSelection

DRAG_DISTANCE = 4  # pixels the mouse moves with the button down before a click becomes a drag
WHEEL_ZOOM = 1.15  # the zoom factor of one wheel step (120 eighths of a degree)


class PagePointer(QObject):
    """Handles the mouse over ``view``'s viewport. ``layout`` gives the view's page layout now,
    ``to_content`` maps a viewport point to content pixels, ``follow`` follows a clicked link,
    ``zoom_by`` zooms by a factor keeping the content under a viewport point where it is."""

    def __init__(
        self,
        view: QAbstractScrollArea,
        links: PageLinks,
        selection: TextSelection,
        layout: Callable[[], PageLayout],
        to_content: Callable[[QPointF], QPointF],
        follow: Callable[[PdfLink], None],
        zoom_by: Callable[[float, QPointF], None],
    ) -> None:
        super().__init__(view)
        self._view = view
        self._links = links
        self._selection = selection
        self._layout = layout
        self._to_content = to_content
        self._follow = follow
        self._zoom_by = zoom_by
        self._drag_start: QPointF | None = None
        self._pressed_link: PdfLink | None = None
        self._selecting = False  # the button is down and moving it moves the selection's end
        self._rect_mode = False  # Alt was held as the button went down: a rectangle
        self._last_double_click: tuple[QTime, QPointF] | None = None
        view.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        kind = event.type()
        if kind == QEvent.Type.MouseButtonPress:
            return self._press(event)
        if kind == QEvent.Type.MouseButtonDblClick:
            return self._double_click(event)
        if kind == QEvent.Type.MouseMove:
            self._move(event)
            return True
        if kind == QEvent.Type.MouseButtonRelease:
            return self._release(event)
        if kind == QEvent.Type.Wheel:
            return self._wheel(event)
        return False

    def _place(self, content: QPointF) -> tuple[int, float, float]:
        """The page nearest content point ``content`` and the point there in display points."""
        layout = self._layout()
        page = layout.nearest(content.y())
        inverse, _ok = layout.transform(page).inverted()
        point = inverse.map(content)
        return page, point.x(), point.y()

    def _press(self, event) -> bool:
        if event.button() != Qt.MouseButton.LeftButton or not self._layout():
            return False
        self._view.setFocus()
        content = self._to_content(event.position())
        mods = event.modifiers()
        self._drag_start = content
        self._pressed_link = None
        self._rect_mode = bool(mods & Qt.KeyboardModifier.AltModifier)
        place = self._place(content)
        if self._is_triple_click(event):
            self._selecting = True
            self._selection.begin(place, "line")
        elif mods & Qt.KeyboardModifier.ShiftModifier and self._selection.anchored:
            self._selecting = True
            self._selection.extend(place)
        else:
            self._selecting = False
            self._pressed_link = self._links.at(self._layout(), content)
            self._selection.clear()
            self._selection.prepare(place[0])
        self._view.viewport().update()
        return True

    def _double_click(self, event) -> bool:
        if event.button() != Qt.MouseButton.LeftButton or not self._layout():
            return False
        content = self._to_content(event.position())
        self._drag_start = content
        self._pressed_link = None
        self._rect_mode = False
        self._selecting = True
        self._selection.begin(self._place(content), "word")
        self._last_double_click = (QTime.currentTime(), event.position())
        self._view.viewport().update()
        return True

    def _is_triple_click(self, event) -> bool:
        """Whether this press follows a double-click quickly and close by."""
        if self._last_double_click is None:
            return False
        when, where = self._last_double_click
        self._last_double_click = None
        quick = when.msecsTo(QTime.currentTime()) <= QApplication.doubleClickInterval()
        return quick and (event.position() - where).manhattanLength() <= DRAG_DISTANCE

    def _move(self, event) -> None:
        content = self._to_content(event.position())
        if self._drag_start is not None:
            if self._selecting:
                self._selection.extend(self._place(content))
            elif (content - self._drag_start).manhattanLength() > DRAG_DISTANCE:
                self._pressed_link = None
                if self._rect_mode:
                    self._selection.set_rect(QRectF(self._drag_start, content).normalized())
                else:
                    self._selecting = True
                    self._selection.begin(self._place(self._drag_start))
                    self._selection.extend(self._place(content))
            self._view.viewport().update()
            return
        link = self._links.at(self._layout(), content)
        shape = Qt.CursorShape.PointingHandCursor if link else Qt.CursorShape.IBeamCursor
        self._view.viewport().setCursor(shape)
        if link and link.kind != LinkKind.INTERNAL:
            QToolTip.showText(event.globalPosition().toPoint(), link.uri, self._view)

    def _release(self, event) -> bool:
        if event.button() != Qt.MouseButton.LeftButton or self._drag_start is None:
            return False
        content = self._to_content(event.position())
        self._drag_start = None
        self._selecting = False
        link = self._pressed_link
        self._pressed_link = None
        if link is not None and link is self._links.at(self._layout(), content):
            self._follow(link)
        elif self._selection.rect is not None:
            self._selection.finish_rect(self._layout())
            if self._selection.rect is None:  # it covered no page
                self._view.viewport().update()
        return True

    def _wheel(self, event) -> bool:
        if not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            return False
        delta = event.angleDelta().y()
        if delta:
            self._zoom_by(WHEEL_ZOOM ** (delta / 120), event.position())
        event.accept()
        return True
