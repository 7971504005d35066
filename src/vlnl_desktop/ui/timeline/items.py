"""The timeline's graphics items, placed where a ``TimelineLayout`` says: nothing here measures.

``build_items(scene, layout, …)`` fills a scene and returns ``BuiltItems``: the three pinned layers
(top band, left column, corner) and the items drawn for each record, which the scene highlights.
Items that stand for a record carry its id (``ROLE_RECORD``) and what they are (``ROLE_PART``).
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from datetime import date

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsLineItem,
    QGraphicsPathItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QStyleOptionGraphicsItem,
    QWidget,
)

from vlnl_desktop.core.dates import format_date_nl
from vlnl_desktop.core.timeline_data import Mark, TimelineData
from vlnl_desktop.ui.palette import KIND_MARKERS, Marker, relation_marker
from vlnl_desktop.ui.timeline.layout import SceneTexts
from vlnl_desktop.ui.timeline.places import Box, Label, LanePlace, Line, TimelineLayout
from vlnl_desktop.ui.timeline.style import SceneColors, SceneFonts

ROLE_RECORD = 0
"""``item.data(ROLE_RECORD)``: the id of the record a click on the item activates."""
ROLE_PART = 1
"""``item.data(ROLE_PART)``: "mark", "lane-link", "lane" or "group"."""

Z_CONTENT, Z_LEFT, Z_TOP, Z_CORNER = 0, 10, 20, 30
MARK_Z = {"event": 3, "declaration": 4, "summit": 5}  # summits drawn over events of the same day


def mark_path(shape: str, radius: float) -> QPainterPath:
    """A mark's outline centred on (0, 0): circle, square, diamond or dot."""
    path = QPainterPath()
    if shape == "square":
        path.addRect(QRectF(-radius, -radius, 2 * radius, 2 * radius))
    elif shape == "diamond":
        r = radius * 1.25
        path.moveTo(0, -r)
        path.lineTo(r, 0)
        path.lineTo(0, r)
        path.lineTo(-r, 0)
        path.closeSubpath()
    else:
        path.addEllipse(QPointF(0, 0), radius, radius)
    return path


class LabelItem(QGraphicsItem):
    """A line of text drawn with ``QPainter.drawText`` (so SVG exports keep it as text)."""

    def __init__(
        self, label: Label, font: QFont, color: QColor, parent: QGraphicsItem | None = None
    ) -> None:
        super().__init__(parent)
        self.text = label.text
        self.font = font
        self.color = color
        self.background: QColor | None = None
        self._normal_color = color
        self.padding = label.padding
        self._size = (label.box.width, label.box.height)
        self.setPos(label.box.left, label.box.top)

    @property
    def width(self) -> float:
        return self._size[0]

    @property
    def height(self) -> float:
        return self._size[1]

    @property
    def highlighted(self) -> bool:
        return self.background is not None

    def set_highlight(self, background: QColor | None, color: QColor | None = None) -> None:
        """Draw the text in ``color`` on ``background``; None: back to normal."""
        self.background = background
        self.color = color if background is not None and color is not None else self._normal_color
        self.update()

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt override)
        return QRectF(0, 0, *self._size)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionGraphicsItem,
        widget: QWidget | None = None,
    ) -> None:
        rect = self.boundingRect()
        if self.background is not None:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(self.background)
            painter.drawRoundedRect(rect, 3, 3)
        painter.setFont(self.font)
        painter.setPen(self.color)
        painter.drawText(
            rect.adjusted(self.padding, 0, -self.padding, 0),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            self.text,
        )


def tooltip(title: str, lines: list[str]) -> str:
    body = "".join(f"<br>{html.escape(line)}" for line in lines if line)
    return f"<b>{html.escape(title)}</b>{body}"


def _rect(box: Box) -> QRectF:
    return QRectF(box.left, box.top, box.width, box.height)


def _line(line: Line, pen: QPen) -> QGraphicsLineItem:
    item = QGraphicsLineItem(line.x1, line.y1, line.x2, line.y2)
    item.setPen(pen)
    return item


def _filled_rect(box: Box, colour: QColor, z: float | None = None) -> QGraphicsRectItem:
    item = QGraphicsRectItem(_rect(box))
    item.setBrush(colour)
    item.setPen(Qt.PenStyle.NoPen)
    if z is not None:
        item.setZValue(z)
    return item


def _marker(marker: Marker, colour: QColor, background: QColor) -> QGraphicsPathItem:
    item = QGraphicsPathItem(mark_path(marker.shape, marker.radius))
    if marker.filled:
        item.setBrush(colour)
        item.setPen(QPen(background, 1))
    else:
        item.setBrush(background)
        item.setPen(QPen(colour, 2))
    return item


def _clickable(item: QGraphicsItem, record_id: str, part: str, tip: str) -> None:
    item.setData(ROLE_RECORD, record_id)
    item.setData(ROLE_PART, part)
    item.setToolTip(tip)
    item.setCursor(Qt.CursorShape.PointingHandCursor)


@dataclass
class BuiltItems:
    """What the scene needs to pin and to highlight."""

    top_band: QGraphicsRectItem
    left_column: QGraphicsRectItem
    corner: QGraphicsRectItem
    marks: dict[str, list[QGraphicsItem]] = field(default_factory=dict)
    """Shapes per record id on the axis, and per ``theme@summit`` in the lanes."""
    labels: dict[str, list[LabelItem]] = field(default_factory=dict)
    """Texts per record id: mark labels, theme names, group headers."""


class _Builder:
    def __init__(self, scene, layout, data, texts, colors, fonts, today) -> None:
        self.scene: QGraphicsScene = scene
        self.layout: TimelineLayout = layout
        self.data: TimelineData = data
        self.texts: SceneTexts = texts
        self.colors: SceneColors = colors
        self.fonts: SceneFonts = fonts
        self.today: date = today
        self.marks: dict[str, list[QGraphicsItem]] = {}
        self.labels: dict[str, list[LabelItem]] = {}

    def label(self, label: Label, colour: QColor) -> LabelItem:
        return LabelItem(label, self.fonts.font(label.style), colour)

    def mark_tooltip(self, mark: Mark) -> str:
        kind = self.texts.kinds.get(mark.kind, mark.kind)
        return tooltip(mark.title, [f"{kind} · {format_date_nl(mark.date)}", mark.summary])

    # -- the top band: axis, mark labels, ruler, today ----------------------------------------

    def top_items(self) -> list[QGraphicsItem]:
        layout, colors = self.layout, self.colors
        items: list[QGraphicsItem] = [_line(layout.axis_line, QPen(colors.muted, 2))]
        for place in layout.marks:
            mark = place.mark
            label = self.label(place.label, colors.kinds[mark.kind] if place.above else colors.text)
            stem = _line(
                place.stem, QPen(colors.kinds[mark.kind] if place.above else colors.grid, 1)
            )
            tip = self.mark_tooltip(mark)
            for part in (stem, label):
                _clickable(part, mark.record_id, "mark", tip)
            label.setZValue(2)
            items += [stem, label]
            self.labels.setdefault(mark.record_id, []).append(label)
        for tick in layout.ticks:
            items.append(_line(tick.tick, QPen(colors.muted, 1)))
            if tick.label is not None and tick.ruler is not None:
                items.append(self.label(tick.label, colors.muted))
                items.append(_line(tick.ruler, QPen(colors.muted, 1)))
        for place in layout.marks:
            mark = place.mark
            marker = KIND_MARKERS[mark.kind]
            item = QGraphicsPathItem(mark_path(marker.shape, marker.radius))
            item.setPos(place.x, place.y)
            item.setBrush(colors.kinds[mark.kind])
            item.setPen(QPen(colors.background, 1.5))
            item.setZValue(MARK_Z[mark.kind])
            _clickable(item, mark.record_id, "mark", self.mark_tooltip(mark))
            items.append(item)
            self.marks.setdefault(mark.record_id, []).append(item)
        today = layout.today
        today_label = self.label(today.label, colors.today)
        today_label.setToolTip(format_date_nl(self.today.isoformat()))
        items += [_line(today.line, self.today_pen()), today_label]
        return items

    def today_pen(self) -> QPen:
        return QPen(self.colors.today, 1.5, Qt.PenStyle.DashLine)

    # -- the lanes: group headers, theme names (left column) and lane marks (content) -----------

    def lanes(self) -> list[QGraphicsItem]:
        """Adds the content layer; returns the items of the left column."""
        colors = self.colors
        left: list[QGraphicsItem] = []
        for section in self.layout.sections:
            self.scene.addItem(_filled_rect(section.header_box, colors.band, -2))
            header_box = section.header_box
            left.append(
                _filled_rect(
                    Box(0, header_box.top, self.layout.name_width, header_box.height), colors.band
                )
            )
            header = self.label(section.header, colors.text)
            count = self.label(section.count, colors.muted)
            for part in (header, count):
                part.setToolTip(tooltip(section.name, [section.summary]))
                if section.group_id:
                    part.setData(ROLE_RECORD, section.group_id)
                    part.setData(ROLE_PART, "group")
                    part.setCursor(Qt.CursorShape.PointingHandCursor)
            left += [header, count]
            if section.group_id:
                self.labels.setdefault(section.group_id, []).append(header)
            for lane in section.lanes:
                left += self.lane(lane)
        layout = self.layout
        for summit_id, guide in layout.guides:
            colour = QColor(colors.kinds["summit"])
            colour.setAlphaF(0.35)
            item = _line(guide, QPen(colour, 1))
            item.setZValue(-1)
            item.setData(ROLE_RECORD, summit_id)
            self.scene.addItem(item)
        for grid in layout.grid:
            item = _line(grid, QPen(colors.grid, 1, Qt.PenStyle.DotLine))
            item.setZValue(-1.5)
            self.scene.addItem(item)
        today = _line(layout.today.lanes_line, self.today_pen())
        today.setZValue(-0.5)
        self.scene.addItem(today)
        return left

    def lane(self, place: LanePlace) -> list[QGraphicsItem]:
        """Adds a lane's stripe and marks; returns its items of the left column."""
        colors, lane = self.colors, place.lane
        left: list[QGraphicsItem] = []
        if place.striped:
            self.scene.addItem(_filled_rect(place.box, colors.stripe, -2))
            box = place.box
            left.append(
                _filled_rect(Box(0, box.top, self.layout.name_width, box.height), colors.stripe)
            )
        label = self.label(place.label, colors.text)
        _clickable(label, lane.theme_id, "lane", tooltip(lane.name, [lane.summary]))
        left.append(label)
        self.labels.setdefault(lane.theme_id, []).append(label)
        if place.span is not None:
            span = _line(place.span, QPen(colors.muted, 2))
            span.setZValue(0)
            self.scene.addItem(span)
        for link_place in place.links:
            link = link_place.link
            colour = colors.relations.get(link.relation, colors.muted)
            item = _marker(relation_marker(link.relation), colour, colors.background)
            item.setPos(link_place.x, link_place.y)
            item.setZValue(1)
            summit = self.data.mark(link.summit_id)
            summit_label = summit.label if summit else link.summit_id
            relation = self.texts.relations.get(link.relation, link.relation)
            heading = self.texts.relation_at.format(relation=relation, summit=summit_label)
            _clickable(item, link.summit_id, "lane-link", tooltip(lane.name, [heading, link.note]))
            self.scene.addItem(item)
            self.marks.setdefault(f"{lane.theme_id}@{link.summit_id}", []).append(item)
        return left

    # -- the corner -----------------------------------------------------------------------------

    def legend(self) -> list[QGraphicsItem]:
        colors, legend = self.colors, self.layout.legend
        items: list[QGraphicsItem] = [self.label(legend.title, colors.text)]
        for entry in legend.entries:
            if entry.family == "kind":
                marker, colour = KIND_MARKERS[entry.code], colors.kinds[entry.code]
            else:
                marker, colour = relation_marker(entry.code), colors.relations[entry.code]
            icon = _marker(marker, colour, colors.background)
            icon.setPos(*entry.centre)
            items += [icon, self.label(entry.label, colors.text)]
        dash_pen = QPen(colors.today, 1.5, Qt.PenStyle.CustomDashLine)
        dash_pen.setDashPattern([3.0, 2.0])
        items += [_line(legend.today_dash, dash_pen), self.label(legend.today_label, colors.text)]
        return items

    def pinned(self, box: Box, z: float, items: list[QGraphicsItem]) -> QGraphicsRectItem:
        container = QGraphicsRectItem(_rect(box))
        container.setBrush(QBrush(self.colors.background))
        container.setPen(Qt.PenStyle.NoPen)
        container.setZValue(z)
        self.scene.addItem(container)
        for item in items:
            item.setParentItem(container)
        return container


def build_items(
    scene: QGraphicsScene,
    layout: TimelineLayout,
    data: TimelineData,
    texts: SceneTexts,
    colors: SceneColors,
    fonts: SceneFonts,
    today: date,
) -> BuiltItems:
    """Fill ``scene`` (cleared by the caller) with the picture ``layout`` describes."""
    builder = _Builder(scene, layout, data, texts, colors, fonts, today)
    top_items = builder.top_items()  # relative to the top band (y from 0)
    left_items = builder.lanes()
    grid = QPen(colors.grid, 1)

    top_band = builder.pinned(Box(0, 0, layout.width, layout.top_height), Z_TOP, top_items)
    y = layout.top_height - 0.5
    _line(Line(0, y, layout.width, y), grid).setParentItem(top_band)

    left_column = builder.pinned(Box(0, 0, layout.name_width, layout.height), Z_LEFT, left_items)
    x = layout.name_width - 0.5
    _line(Line(x, 0, x, layout.height), grid).setParentItem(left_column)

    corner = builder.pinned(layout.corner_box, Z_CORNER, builder.legend())
    return BuiltItems(top_band, left_column, corner, builder.marks, builder.labels)
