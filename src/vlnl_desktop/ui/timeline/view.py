"""The "Tijdlijn" view: twenty years of cooperation on one time axis, one lane per theme below it.

``TimelineView`` is what the main window embeds: a bar (theme group filter, zoom buttons) above a
``TimelineCanvas`` (a QGraphicsView over a ``TimelineScene``). Public API:

- ``TimelineView(parent=None, *, data=None, today=None)``; ``set_data(data)``
- signal ``record_activated(str)``: the user clicked a mark (declaration, summit, event; a lane mark
  gives its summit, a theme name its theme, a group header its group) or pressed Enter on a selection
- slot ``select_record(str)``: highlight that record's mark(s) and scroll them into view; emits nothing
- ``set_group_filter(group_id | None)``, ``zoom_in()``, ``zoom_out()``, ``zoom_fit()``, ``set_zoom()``
- ``export_png(path)``, ``export_svg(path)``: the whole timeline at the current zoom; raise OSError
- ``retranslate_ui()``

The view never reads the archive: its owner loads a ``TimelineData`` (``core.timeline_data``) and
hands it over. Run ``python -m vlnl_desktop.ui.timeline [--archive DIR]`` to look at it on its own.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QEvent, QPoint, QPointF, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from vlnl_desktop.core.timeline_data import TimelineData
from vlnl_desktop.ui.labels import kind_labels, relation_labels
from vlnl_desktop.ui.timeline.canvas import ZOOM_STEP, TimelineCanvas
from vlnl_desktop.ui.timeline.export import write_png, write_svg
from vlnl_desktop.ui.timeline.layout import MAX_PX_PER_YEAR, SceneTexts
from vlnl_desktop.ui.timeline.scene import TimelineScene


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
        # not as wide as the longest group's name (its list shows them whole): room for the hint
        self.group_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.group_combo.setMinimumContentsLength(22)
        self.group_label.setBuddy(self.group_combo)
        self.zoom_out_button = QToolButton(self)
        self.zoom_in_button = QToolButton(self)
        self.zoom_fit_button = QToolButton(self)
        self.hint_label = QLabel(self)
        self.hint_label.setEnabled(False)  # drawn in the palette's muted colour
        # wraps onto a second line rather than being cut off when the tab is narrow
        self.hint_label.setWordWrap(True)
        self.hint_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.hint_label.setMinimumWidth(180)

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

    def set_data(self, data: TimelineData) -> None:
        """Show ``data`` (from ``core.timeline_data.load_timeline``), fitted to the window."""
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
        return self.scene.fit_px_per_year(self.canvas.viewport().width(), self.font())

    def _relayout(self) -> None:
        if self._fit:
            self._px_per_year = self._fit_px_per_year()
        self.scene.rebuild(self._px_per_year, self.palette(), self.font())
        self._laid_out_width = self.canvas.viewport().width()
        self.scene.pin_to(self.canvas.visible_scene_rect())

    @property
    def px_per_year(self) -> float:
        """The current zoom: pixels per year on the time axis."""
        return self._px_per_year

    def set_zoom(self, px_per_year: float, anchor: QPointF | None = None) -> None:
        """Zoom to ``px_per_year``, keeping the date under ``anchor`` (viewport point) in place."""
        lowest = min(self._fit_px_per_year(), 40.0)
        px_per_year = max(lowest, min(px_per_year, MAX_PX_PER_YEAR))
        if anchor is None:
            anchor = QPointF(self.canvas.viewport().rect().center())
        scene_x = self.canvas.mapToScene(anchor.toPoint()).x()
        on_axis = scene_x >= self.scene.axis.x0
        year = self.scene.axis.year(scene_x)
        self._fit = False
        self._px_per_year = px_per_year
        self._relayout()
        if on_axis:
            new_x = self.scene.axis.x(year)
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

    def export_png(self, path: str | Path, scale: float = 2.0) -> None:
        """The whole timeline (every lane, the full span) at the current zoom as a PNG."""
        if not write_png(self.scene, path, self.canvas.visible_scene_rect(), scale):
            raise OSError(self.tr("Kan {path} niet schrijven").format(path=path))

    def export_svg(self, path: str | Path) -> None:
        """The whole timeline at the current zoom as SVG (texts stay text)."""
        written = write_svg(
            self.scene,
            path,
            self.canvas.visible_scene_rect(),
            title=self.tr("Tijdlijn van de Vlaams-Nederlandse samenwerking"),
            description=self.tr("Intentieverklaringen, topontmoetingen, gebeurtenissen en thema's"),
        )
        if not written:
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
