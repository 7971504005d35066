"""The "Tijdlijn" view: twenty years of cooperation on one time axis, one lane per theme below it.

``TimelineView`` is what the main window embeds: a bar (theme group filter, zoom buttons) above a
``TimelineCanvas`` (a QGraphicsView over a ``TimelineScene``). Public API:

- ``TimelineView(parent=None, *, data=None, conn=None, today=None)``; ``set_data(data)``, ``load(conn)``
- signal ``record_activated(str)``: the user clicked a mark (declaration, summit, event; a lane mark
  gives its summit, a theme name its theme, a group header its group) or pressed Enter on a selection
- slot ``select_record(str)``: highlight that record's mark(s) and scroll them into view; emits nothing
- ``set_group_filter(group_id | None)``, ``zoom_in()``, ``zoom_out()``, ``zoom_fit()``
- ``export_png(path)``, ``export_svg(path)``: the whole timeline at the current zoom; raise OSError
- ``retranslate_ui()``

Mouse and keys on the canvas: wheel zooms around the pointer (Shift+wheel or a sideways swipe pans),
drag pans, ``+``/``-`` zoom, arrows pan, Home fits the whole span, Tab/Shift+Tab step through the
marks and Enter opens the highlighted one.

Run ``python -m vlnl_desktop.ui.timeline_view [--archive DIR]`` to look at it on its own.
"""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, QSize, Qt, Signal, Slot
from PySide6.QtGui import QColor, QImage, QKeyEvent, QMouseEvent, QPainter, QWheelEvent
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from vlnl_desktop.core.timeline_data import TimelineData, load_timeline
from vlnl_desktop.ui.labels import kind_labels, relation_labels
from vlnl_desktop.ui.timeline_scene import ROLE_PART, ROLE_RECORD, SceneTexts, TimelineScene

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


class TimelineView(QWidget):
    """The "Tijdlijn" view: group filter and zoom bar above the timeline canvas."""

    record_activated = Signal(str)
    """The user clicked (or pressed Enter on) the mark of this record: show it in the tree and detail
    pane. Lane marks give their summit's id, theme names the theme's, group headers the group's."""

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        data: TimelineData | None = None,
        conn: sqlite3.Connection | None = None,
        today: date | None = None,
    ) -> None:
        super().__init__(parent)
        self._data = TimelineData()
        self._px_per_year = 50.0
        self._fit = True  # follow the window's width until the user zooms
        self._selected: str | None = None
        self._laid_out_width = -1

        self.scene = TimelineScene(self)
        if today is not None:
            self.scene.today = today
        self.canvas = TimelineCanvas(self.scene, self)
        self.group_label = QLabel(self)
        self.group_combo = QComboBox(self)
        self.group_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.group_label.setBuddy(self.group_combo)
        self.zoom_out_button = QToolButton(self)
        self.zoom_in_button = QToolButton(self)
        self.zoom_fit_button = QToolButton(self)
        self.hint_label = QLabel(self)
        self.hint_label.setEnabled(False)  # drawn in the palette's muted colour

        bar = QHBoxLayout()
        bar.setContentsMargins(6, 4, 6, 4)
        bar.addWidget(self.group_label)
        bar.addWidget(self.group_combo)
        bar.addSpacing(12)
        bar.addWidget(self.zoom_out_button)
        bar.addWidget(self.zoom_in_button)
        bar.addWidget(self.zoom_fit_button)
        bar.addSpacing(12)
        bar.addWidget(self.hint_label, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(bar)
        layout.addWidget(self.canvas, 1)
        self.setFocusProxy(self.canvas)

        self.retranslate_ui()
        self._connect_signals()
        if data is not None:
            self.set_data(data)
        elif conn is not None:
            self.load(conn)

    def _connect_signals(self) -> None:
        self.canvas.mark_clicked.connect(self._on_mark_clicked)
        self.canvas.zoom_requested.connect(self._on_zoom_requested)
        self.canvas.fit_requested.connect(self.zoom_fit)
        self.canvas.step_requested.connect(self._on_step_requested)
        self.canvas.activate_requested.connect(self._on_activate_requested)
        self.canvas.resized.connect(self._on_canvas_resized)
        self.group_combo.currentIndexChanged.connect(self._on_group_chosen)
        self.zoom_in_button.clicked.connect(self.zoom_in)
        self.zoom_out_button.clicked.connect(self.zoom_out)
        self.zoom_fit_button.clicked.connect(self.zoom_fit)

    # -- texts ---------------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        self.group_label.setText(self.tr("&Themagroep:"))
        self.zoom_out_button.setText(self.tr("−"))
        self.zoom_out_button.setToolTip(self.tr("Uitzoomen (-)"))
        self.zoom_in_button.setText(self.tr("+"))
        self.zoom_in_button.setToolTip(self.tr("Inzoomen (+)"))
        self.zoom_fit_button.setText(self.tr("Alles tonen"))
        self.zoom_fit_button.setToolTip(self.tr("De hele tijdlijn in het venster (Home)"))
        self.hint_label.setText(
            self.tr("Scrollwiel: zoomen · slepen of pijltjestoetsen: verschuiven · klik: openen")
        )
        self.canvas.setToolTip("")
        self.canvas.setAccessibleName(self.tr("Tijdlijn"))
        self.scene.texts = SceneTexts(
            kinds=kind_labels(),
            relations=relation_labels(),
            relation_at=self.tr("{relation} op de top {summit}"),
            today=self.tr("Vandaag"),
            legend_title=self.tr("Legenda"),
            no_group=self.tr("Zonder groep"),
            theme_count=self.tr("{count} thema's"),
            theme_count_one=self.tr("1 thema"),
        )
        self._fill_group_combo()
        self._relayout()

    def _fill_group_combo(self) -> None:
        current = self.scene.group_filter
        self.group_combo.blockSignals(True)
        self.group_combo.clear()
        self.group_combo.addItem(self.tr("Alle themagroepen"), None)
        for group in self._data.groups_with_lanes():
            self.group_combo.addItem(group.name, group.group_id)
        index = self.group_combo.findData(current) if current else 0
        self.group_combo.setCurrentIndex(max(index, 0))
        self.group_combo.blockSignals(False)

    # -- data ----------------------------------------------------------------------------------

    def load(self, conn: sqlite3.Connection) -> None:
        """Read the timeline from an archive connection (plain sqlite3, read-only is enough)."""
        self.set_data(load_timeline(conn))

    def set_data(self, data: TimelineData) -> None:
        self._data = data
        self.scene.data = data
        if self.scene.group_filter and not data.lanes_in(self.scene.group_filter):
            self.scene.group_filter = None
        self._fill_group_combo()
        self._fit = True
        self._relayout()

    @property
    def data(self) -> TimelineData:
        return self._data

    # -- zoom ----------------------------------------------------------------------------------

    def _fit_px_per_year(self) -> float:
        width = self.canvas.viewport().width()
        usable = width - self.scene.axis_left(self.font()) - 16.0
        return max(TimelineScene.MIN_PX_PER_YEAR, usable / max(self.scene.span_years, 1.0))

    def _relayout(self) -> None:
        if self._fit:
            self._px_per_year = self._fit_px_per_year()
        self.scene.layout(self._px_per_year, self.palette(), self.font())
        self._laid_out_width = self.canvas.viewport().width()
        self.scene.pin_to(self.canvas.visible_scene_rect())

    @property
    def px_per_year(self) -> float:
        """The current zoom: pixels per year on the time axis."""
        return self._px_per_year

    def set_zoom(self, px_per_year: float, anchor: QPointF | None = None) -> None:
        """Zoom to ``px_per_year``, keeping the date under ``anchor`` (viewport point) in place."""
        lowest = min(self._fit_px_per_year(), 40.0)
        px_per_year = max(lowest, min(px_per_year, TimelineScene.MAX_PX_PER_YEAR))
        if anchor is None:
            anchor = QPointF(self.canvas.viewport().rect().center())
        scene_x = self.canvas.mapToScene(anchor.toPoint()).x()
        on_axis = scene_x >= self.scene.geometry.x0
        year = self.scene.geometry.year(scene_x)
        self._fit = False
        self._px_per_year = px_per_year
        self._relayout()
        if on_axis:
            new_x = self.scene.geometry.x(year)
            bar = self.canvas.horizontalScrollBar()
            bar.setValue(bar.value() + round(new_x - self.canvas.mapToScene(anchor.toPoint()).x()))
        self.scene.pin_to(self.canvas.visible_scene_rect())

    @Slot()
    def zoom_in(self) -> None:
        self.set_zoom(self._px_per_year * ZOOM_STEP)

    @Slot()
    def zoom_out(self) -> None:
        self.set_zoom(self._px_per_year / ZOOM_STEP)

    @Slot()
    def zoom_fit(self) -> None:
        """The whole span in the window's width, scrolled to the start."""
        self._fit = True
        self._relayout()
        self.canvas.horizontalScrollBar().setValue(0)
        self.canvas.verticalScrollBar().setValue(0)

    @Slot(float, QPointF)
    def _on_zoom_requested(self, factor: float, anchor: QPointF) -> None:
        self.set_zoom(self._px_per_year * factor, anchor)

    # -- filter --------------------------------------------------------------------------------

    def set_group_filter(self, group_id: str | None) -> None:
        """Show only the lanes of one theme group (None: all groups)."""
        index = self.group_combo.findData(group_id) if group_id else 0
        if index < 0:
            index = 0
        if index != self.group_combo.currentIndex():
            self.group_combo.setCurrentIndex(index)  # -> _on_group_chosen
        else:
            self._on_group_chosen(index)

    @Slot(int)
    def _on_group_chosen(self, index: int) -> None:
        self.scene.group_filter = self.group_combo.itemData(index) if index >= 0 else None
        self._relayout()

    def visible_lane_ids(self) -> list[str]:
        """The themes whose lanes are drawn, top to bottom."""
        return self.scene.lane_ids()

    # -- selection -----------------------------------------------------------------------------

    @Slot(str)
    def select_record(self, record_id: str) -> None:
        """Highlight the record's mark(s) — a summit also in every lane, a theme its whole lane —
        and scroll them into view. Emits nothing (the main window calls this on tree selection)."""
        self._selected = record_id or None
        self.scene.set_selected(self._selected)
        if self._selected:
            self._scroll_to(self._selected)

    def highlighted_ids(self) -> set[str]:
        return self.scene.highlighted

    def _scroll_to(self, record_id: str) -> None:
        visible = self.canvas.visible_scene_rect()
        content_left = visible.left() + self.scene.name_width
        items = self.scene.mark_items(record_id)
        if items:
            x = items[0].scenePos().x()
            if not content_left + 20 <= x <= visible.right() - 20:
                bar = self.canvas.horizontalScrollBar()
                middle = (content_left + visible.right()) / 2
                bar.setValue(bar.value() + round(x - middle))
        lane = self.scene.lane_rect(record_id)
        if lane is not None:
            top = visible.top() + self.scene.top_height
            if not (top <= lane.top() and lane.bottom() <= visible.bottom()):
                bar = self.canvas.verticalScrollBar()
                bar.setValue(bar.value() + round(lane.center().y() - (top + visible.bottom()) / 2))

    def mark_position(self, record_id: str) -> QPoint | None:
        """Where the record's mark on the axis is drawn, in the canvas viewport's coordinates."""
        items = self.scene.mark_items(record_id)
        if not items:
            return None
        return self.canvas.mapFromScene(items[0].sceneBoundingRect().center())

    def lane_mark_position(self, theme_id: str, summit_id: str) -> QPoint | None:
        """Where a theme's mark at a summit is drawn, in the canvas viewport's coordinates."""
        items = self.scene.mark_items(f"{theme_id}@{summit_id}")
        if not items:
            return None
        return self.canvas.mapFromScene(items[0].sceneBoundingRect().center())

    @Slot(str)
    def _on_mark_clicked(self, record_id: str) -> None:
        self.scene.set_selected(record_id)
        self._selected = record_id
        self.record_activated.emit(record_id)

    @Slot(int)
    def _on_step_requested(self, step: int) -> None:
        order = [m.record_id for m in self._data.marks]
        if not order:
            return
        if self._selected in order:
            index = (order.index(self._selected) + step) % len(order)
        else:
            index = 0 if step > 0 else len(order) - 1
        self.select_record(order[index])

    @Slot()
    def _on_activate_requested(self) -> None:
        if self._selected:
            self.record_activated.emit(self._selected)

    # -- export --------------------------------------------------------------------------------

    def _render(self, painter: QPainter, target: QRectF) -> None:
        self.scene.unpin()
        try:
            self.scene.render(painter, target, self.scene.sceneRect())
        finally:
            self.scene.pin_to(self.canvas.visible_scene_rect())

    def export_png(self, path: str | Path, scale: float = 2.0) -> None:
        """The whole timeline (every lane, the full span) at the current zoom as a PNG."""
        rect = self.scene.sceneRect()
        size = QSize(max(1, round(rect.width() * scale)), max(1, round(rect.height() * scale)))
        image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
        image.setDevicePixelRatio(1.0)
        image.fill(self.scene.colors.background if self.scene.colors else QColor("white"))
        painter = QPainter(image)
        painter.setRenderHints(
            QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing
        )
        try:
            self._render(painter, QRectF(0, 0, size.width(), size.height()))
        finally:
            painter.end()
        if not image.save(str(path), "PNG"):
            raise OSError(self.tr("Kan {path} niet schrijven").format(path=path))

    def export_svg(self, path: str | Path) -> None:
        """The whole timeline at the current zoom as SVG (texts stay text)."""
        path = Path(path)
        rect = self.scene.sceneRect()
        generator = QSvgGenerator()
        generator.setFileName(str(path))
        generator.setSize(QSize(round(rect.width()), round(rect.height())))
        generator.setViewBox(QRectF(0, 0, rect.width(), rect.height()))
        generator.setTitle(self.tr("Tijdlijn van de Vlaams-Nederlandse samenwerking"))
        generator.setDescription(
            self.tr("Intentieverklaringen, topontmoetingen, gebeurtenissen en thema's")
        )
        painter = QPainter()
        if not painter.begin(generator):
            raise OSError(self.tr("Kan {path} niet schrijven").format(path=path))
        try:
            if self.scene.colors:
                painter.fillRect(
                    QRectF(0, 0, rect.width(), rect.height()), self.scene.colors.background
                )
            self._render(painter, QRectF(0, 0, rect.width(), rect.height()))
        finally:
            painter.end()
        if not path.is_file() or path.stat().st_size == 0:
            raise OSError(self.tr("Kan {path} niet schrijven").format(path=path))

    # -- Qt events -----------------------------------------------------------------------------

    @Slot()
    def _on_canvas_resized(self) -> None:
        if self._fit and self.canvas.viewport().width() != self._laid_out_width:
            self._relayout()
        else:
            self.scene.pin_to(self.canvas.visible_scene_rect())

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        kind = event.type()
        if kind == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        elif kind in (QEvent.Type.PaletteChange, QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._relayout()
        super().changeEvent(event)


# -- demo ---------------------------------------------------------------------------------------


def _dark_palette():
    from PySide6.QtGui import QPalette

    palette = QPalette()
    role = QPalette.ColorRole
    for r, colour in (
        (role.Window, "#2b2b2e"),
        (role.WindowText, "#e6e6e6"),
        (role.Base, "#1e1f22"),
        (role.AlternateBase, "#26272b"),
        (role.Text, "#e6e6e6"),
        (role.Button, "#35363a"),
        (role.ButtonText, "#e6e6e6"),
        (role.Highlight, "#3d7bd9"),
        (role.HighlightedText, "#ffffff"),
        (role.ToolTipBase, "#35363a"),
        (role.ToolTipText, "#e6e6e6"),
        (role.PlaceholderText, "#8a8a8a"),
    ):
        palette.setColor(r, QColor(colour))
    return palette


def main(argv: list[str] | None = None) -> int:
    import argparse
    import sys
    import tempfile

    from vlnl_desktop.core.archive.connections import connect_readonly
    from vlnl_desktop.core.archive.lifecycle import open_workspace

    parser = argparse.ArgumentParser(description="De tijdlijn op zichzelf bekijken.")
    parser.add_argument(
        "--archive", help="werkarchief (standaard: een nieuw in een tijdelijke map)"
    )
    parser.add_argument("--dark", action="store_true", help="donker palet")
    parser.add_argument("--group", help="alleen deze themagroep")
    parser.add_argument("--select", help="dit record markeren")
    parser.add_argument("--zoom", type=float, help="pixels per jaar")
    parser.add_argument("--matrix", action="store_true", help="de tabel thema × topontmoeting")
    parser.add_argument("--maximized", action="store_true")
    args = parser.parse_args(argv)

    app = QApplication(sys.argv[:1])
    if args.dark:
        app.setStyle("Fusion")
        app.setPalette(_dark_palette())
    with tempfile.TemporaryDirectory(prefix="vlnl-timeline-") as tmp:
        ws = open_workspace(args.archive or Path(tmp) / "ws")
        conn = connect_readonly(ws)
        data = load_timeline(conn)
        if args.matrix:
            from vlnl_desktop.ui.theme_matrix import ThemeMatrix

            widget: QWidget = ThemeMatrix(data=data)
            widget.record_activated.connect(lambda rid: print("record_activated", rid))
        else:
            widget = TimelineView(data=data)
            widget.record_activated.connect(lambda rid: print("record_activated", rid))
        widget.setWindowTitle("Tijdlijn — vlnl-desktop")
        widget.resize(1400, 900)
        if args.maximized:
            widget.showMaximized()
        else:
            widget.show()
        widget.setFocus()
        if isinstance(widget, TimelineView):
            if args.group:
                widget.set_group_filter(args.group)
            if args.zoom:
                widget.set_zoom(args.zoom)
            if args.select:
                widget.select_record(args.select)
        code = app.exec()
        conn.close()
    return code


if __name__ == "__main__":
    raise SystemExit(main())
