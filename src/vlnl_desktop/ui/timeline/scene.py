"""The timeline's picture: a QGraphicsScene built from a ``TimelineData`` at a given zoom.

Zooming lays the picture out again at another width per year (text stays crisp and labels are
staggered anew), so the scene is rebuilt rather than scaled: ``rebuild`` computes a
``TimelineLayout`` (``layout.py``) and lets ``items.py`` place the items. Three parts stay in view
while the user pans: the top band (marks on the time axis, year ruler), the left column (theme
names, group headers) and the corner where they meet (the legend); ``pin_to`` moves them to the
visible area, ``unpin`` puts them back at the origin for an export of the whole picture. The scene
also highlights the selected record.

The scene holds no texts of its own: the view passes them in (``SceneTexts``), already translated.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainterPath, QPalette, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPathItem, QGraphicsRectItem, QGraphicsScene

from vlnl_desktop.core.timeline_data import TimelineData
from vlnl_desktop.ui.timeline import layout as geometry
from vlnl_desktop.ui.timeline.items import BuiltItems, build_items
from vlnl_desktop.ui.timeline.layout import SceneTexts
from vlnl_desktop.ui.timeline.places import Axis, TimelineLayout
from vlnl_desktop.ui.timeline.style import SceneColors, SceneFonts


class TimelineScene(QGraphicsScene):
    """The timeline laid out at one zoom; ``rebuild`` lays it out again."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.data = TimelineData()
        self.texts = SceneTexts()
        self.today = date.today()
        self.group_filter: str | None = None
        self.laid_out: TimelineLayout | None = None
        self.colors: SceneColors | None = None
        self._built: BuiltItems | None = None
        self._selected: str | None = None
        self._halo_items: list[QGraphicsItem] = []
        self._highlighted: set[str] = set()

    # -- the time span -------------------------------------------------------------------------

    def fit_px_per_year(self, width: float, font: QFont) -> float:
        """The zoom at which the whole span fits ``width`` pixels beside the theme names."""
        return geometry.fit_px_per_year(self.data, SceneFonts(font), self.today, width)

    @property
    def axis(self) -> Axis:
        """Years to scene x and back, at the current zoom."""
        if self.laid_out is None:
            return Axis(0.0, geometry.start_year(self.data), 50.0)
        return self.laid_out.axis

    @property
    def top_height(self) -> float:
        return self.laid_out.top_height if self.laid_out else 0.0

    @property
    def name_width(self) -> float:
        return self.laid_out.name_width if self.laid_out else 0.0

    # -- building ------------------------------------------------------------------------------

    def rebuild(self, px_per_year: float, palette: QPalette, font: QFont) -> None:
        """Lay the whole picture out at ``px_per_year`` and build its items."""
        self.clear()
        self._halo_items.clear()
        fonts = SceneFonts(font)
        self.laid_out = geometry.lay_out(
            self.data,
            self.texts,
            fonts,
            px_per_year=px_per_year,
            today=self.today,
            group_filter=self.group_filter,
        )
        colors = self.colors = SceneColors.from_palette(palette)
        self.setBackgroundBrush(colors.background)
        self._built = build_items(
            self, self.laid_out, self.data, self.texts, colors, fonts, self.today
        )
        self.setSceneRect(QRectF(0, 0, self.laid_out.width, self.laid_out.height))
        if self._selected:
            self.set_selected(self._selected)

    # -- pinning -------------------------------------------------------------------------------

    def pin_to(self, visible: QRectF) -> None:
        """Keep the top band, left column and legend in view of ``visible`` (scene coordinates)."""
        if self._built is None:
            return
        left = max(0.0, visible.left())
        top = max(0.0, visible.top())
        self._built.top_band.setPos(0, top)
        self._built.left_column.setPos(left, 0)
        self._built.corner.setPos(left, top)

    def unpin(self) -> None:
        self.pin_to(QRectF(0, 0, 1, 1))

    # -- selection -----------------------------------------------------------------------------

    def set_selected(self, record_id: str | None) -> set[str]:
        """Highlight a record's mark(s); returns the ids of the records now highlighted."""
        for item in self._halo_items:
            self.removeItem(item)
        self._halo_items.clear()
        built = self._built
        for labels in built.labels.values() if built else ():
            for label in labels:
                if label.highlighted:
                    label.set_highlight(None)
        self._selected = record_id
        self._highlighted = set()
        if not record_id or self.colors is None or built is None or self.laid_out is None:
            return set()
        colors = self.colors
        found = False
        for item in built.marks.get(record_id, []):
            self._halo(item)
            found = True
        if record_id in self.laid_out.summit_x():  # the summit's marks in every lane
            for key, items in built.marks.items():
                if key.endswith(f"@{record_id}"):
                    for item in items:
                        self._halo(item, 4.0)
        lane = self.lane_rect(record_id)
        if lane is not None:  # a theme: its whole lane
            row = QGraphicsRectItem(lane)
            fill = QColor(colors.highlight)
            fill.setAlphaF(0.22)
            row.setBrush(fill)
            row.setPen(Qt.PenStyle.NoPen)
            row.setZValue(-1.8)
            self.addItem(row)
            self._halo_items.append(row)
            for key, items in built.marks.items():
                if key.startswith(f"{record_id}@"):
                    for item in items:
                        self._halo(item, 4.0)
            found = True
        if any(s.group_id == record_id for s in self.laid_out.sections):
            found = True
        for label in built.labels.get(record_id, []):
            label.set_highlight(QColor(colors.highlight), colors.highlight_text)
            found = True
        if found:
            self._highlighted = {record_id}
        return set(self._highlighted)

    def _halo(self, item: QGraphicsItem, extra: float = 5.0) -> None:
        rect = item.boundingRect().adjusted(-extra, -extra, extra, extra)
        ring = QGraphicsPathItem()
        path = QPainterPath()
        path.addEllipse(rect)
        ring.setPath(path)
        ring.setPen(QPen(self.colors.highlight, 3))
        ring.setBrush(Qt.BrushStyle.NoBrush)
        ring.setParentItem(item.parentItem())
        if item.parentItem() is None:
            self.addItem(ring)
        ring.setPos(item.pos())
        ring.setZValue(item.zValue() + 0.5)
        self._halo_items.append(ring)

    @property
    def highlighted(self) -> set[str]:
        return set(self._highlighted)

    # -- lookups for the view and the tests ----------------------------------------------------

    def mark_items(self, record_id: str) -> list[QGraphicsItem]:
        """The shapes drawn for a record on the axis (or, for ``theme@summit``, in a lane)."""
        return list(self._built.marks.get(record_id, [])) if self._built else []

    def lane_rect(self, theme_id: str) -> QRectF | None:
        place = self.laid_out.lane(theme_id) if self.laid_out else None
        if place is None:
            return None
        box = place.box
        return QRectF(box.left, box.top, box.width, box.height)

    def lane_ids(self) -> list[str]:
        return [place.lane.theme_id for place in self.laid_out.lanes] if self.laid_out else []

    def summit_x(self, summit_id: str) -> float | None:
        return self.laid_out.summit_x().get(summit_id) if self.laid_out else None
