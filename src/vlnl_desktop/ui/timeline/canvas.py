"""The canvas of the timeline: a QGraphicsView that turns mouse and keys into requests.

Wheel zooms around the pointer (Shift+wheel or a sideways swipe pans), drag pans, ``+``/``-`` zoom,
arrows pan, Home fits the whole span, Tab/Shift+Tab step through the marks and Enter opens the
highlighted one. The canvas only asks (signals); ``TimelineView`` zooms, by laying the scene out
again, and selects.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent, QMouseEvent, QPainter, QWheelEvent
from PySide6.QtWidgets import QApplication, QGraphicsView, QWidget

from vlnl_desktop.ui.timeline.items import ROLE_PART, ROLE_RECORD
from vlnl_desktop.ui.timeline.scene import TimelineScene

ZOOM_STEP = 1.25
PAN_FRACTION = 0.12


class TimelineCanvas(QGraphicsView):
    """The scene in a view that zooms by laying the scene out again, and pans by scrolling."""

    mark_clicked = Signal(str)
    """A click (not a drag) on an item that stands for a record: the record's id."""
    zoom_requested = Signal(float, QPointF)
    """Zoom by a factor around a point of the viewport."""
    fit_requested = Signal()
    step_requested = Signal(int)
    """Tab (+1) or Shift+Tab (-1): highlight the next or previous mark."""
    activate_requested = Signal()
    """Enter on the highlighted mark."""
    resized = Signal()
    """The viewport changed size."""

    def __init__(self, scene: TimelineScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.FullViewportUpdate)
        self.setDragMode(QGraphicsView.DragMode.NoDrag)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
        self._press: QPoint | None = None
        self._last: QPoint | None = None
        self._dragging = False
        self.horizontalScrollBar().valueChanged.connect(self._on_scrolled)
        self.verticalScrollBar().valueChanged.connect(self._on_scrolled)

    def timeline_scene(self) -> TimelineScene:
        return self.scene()

    def visible_scene_rect(self) -> QRectF:
        return self.mapToScene(self.viewport().rect()).boundingRect()

    @Slot()
    def _on_scrolled(self) -> None:
        scene = self.timeline_scene()
        if scene is not None:  # None while the widgets are torn down
            scene.pin_to(self.visible_scene_rect())

    def record_at(self, pos: QPoint) -> str | None:
        for item in self.items(pos):
            record_id = item.data(ROLE_RECORD)
            if record_id and item.data(ROLE_PART):
                return str(record_id)
        return None

    # -- mouse ---------------------------------------------------------------------------------

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self.resized.emit()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt override)
        if event.button() == Qt.MouseButton.LeftButton:
            self._press = self._last = event.position().toPoint()
            self._dragging = False
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt override)
        pos = event.position().toPoint()
        if self._press is not None and event.buttons() & Qt.MouseButton.LeftButton:
            if not self._dragging:
                moved = (pos - self._press).manhattanLength()
                self._dragging = moved >= QApplication.startDragDistance()
                if self._dragging:
                    self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            if self._dragging:
                delta = pos - self._last
                self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() - delta.x())
                self.verticalScrollBar().setValue(self.verticalScrollBar().value() - delta.y())
                self._last = pos
            event.accept()
            return
        super().mouseMoveEvent(event)  # hover: item cursors and tooltips

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt override)
        if event.button() == Qt.MouseButton.LeftButton and self._press is not None:
            was_drag = self._dragging
            self._press = self._last = None
            self._dragging = False
            self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
            if not was_drag:
                record_id = self.record_at(event.position().toPoint())
                if record_id:
                    self.mark_clicked.emit(record_id)
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt override)
        event.accept()  # a double click is two clicks; nothing more

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 (Qt override)
        delta = event.angleDelta()
        if event.modifiers() & Qt.KeyboardModifier.ShiftModifier or abs(delta.x()) > abs(delta.y()):
            step = delta.x() or delta.y()
            bar = self.horizontalScrollBar()
            bar.setValue(bar.value() - step)
        elif delta.y():
            factor = ZOOM_STEP ** (delta.y() / 120.0)
            self.zoom_requested.emit(factor, event.position())
        event.accept()

    # -- keys ----------------------------------------------------------------------------------

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and event.key() in (
            Qt.Key.Key_Tab,
            Qt.Key.Key_Backtab,
        ):
            if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                return super().event(event)  # Ctrl+Tab leaves the canvas
            backwards = event.key() == Qt.Key.Key_Backtab
            self.step_requested.emit(-1 if backwards else 1)
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        key = event.key()
        centre = QPointF(self.viewport().rect().center())
        hbar, vbar = self.horizontalScrollBar(), self.verticalScrollBar()
        big = event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        dx = int(self.viewport().width() * (0.5 if big else PAN_FRACTION))
        dy = int(self.viewport().height() * (0.5 if big else PAN_FRACTION))
        if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom_requested.emit(ZOOM_STEP, centre)
        elif key in (Qt.Key.Key_Minus, Qt.Key.Key_Underscore):
            self.zoom_requested.emit(1 / ZOOM_STEP, centre)
        elif key == Qt.Key.Key_Left:
            hbar.setValue(hbar.value() - dx)
        elif key == Qt.Key.Key_Right:
            hbar.setValue(hbar.value() + dx)
        elif key == Qt.Key.Key_Up:
            vbar.setValue(vbar.value() - dy)
        elif key == Qt.Key.Key_Down:
            vbar.setValue(vbar.value() + dy)
        elif key == Qt.Key.Key_Home or (
            key == Qt.Key.Key_0 and event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self.fit_requested.emit()
        elif key == Qt.Key.Key_End:
            hbar.setValue(hbar.maximum())
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.activate_requested.emit()
        else:
            super().keyPressEvent(event)
            return
        event.accept()
