"""The timeline's picture: a QGraphicsScene laid out from a ``TimelineData`` at a given zoom.

Zooming lays the scene out again at another width per year (text stays crisp and labels are staggered
anew), so the scene is rebuilt rather than scaled. Three parts stay in view while the user pans: the
top band (marks on the time axis, year ruler), the left column (theme names, group headers) and the
corner where they meet (the legend); ``pin_to`` moves them to the visible area, ``unpin`` puts them
back at the origin for an export of the whole picture.

The scene holds no texts of its own: the view passes them in (``SceneTexts``), already translated.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from datetime import date

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
)
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
from vlnl_desktop.core.timeline_data import TimelineData, date_to_decimal

ROLE_RECORD = 0
"""``item.data(ROLE_RECORD)``: the id of the record a click on the item activates."""
ROLE_PART = 1
"""``item.data(ROLE_PART)``: "mark", "lane-link", "lane" or "group"."""

Z_CONTENT, Z_LEFT, Z_TOP, Z_CORNER = 0, 10, 20, 30


@dataclass
class SceneTexts:
    """Every text the scene draws, translated by the view."""

    kinds: dict[str, str] = field(default_factory=dict)  # declaration/summit/event -> name
    relations: dict[str, str] = field(default_factory=dict)  # introduced/... -> Dutch
    relation_at: str = "{relation} op de top {summit}"
    today: str = "Vandaag"
    legend_title: str = "Legenda"
    no_group: str = "Zonder groep"
    theme_count: str = "{count} thema's"
    theme_count_one: str = "1 thema"


@dataclass
class SceneColors:
    background: QColor
    text: QColor
    muted: QColor
    grid: QColor
    stripe: QColor
    band: QColor
    highlight: QColor
    highlight_text: QColor
    kinds: dict[str, QColor]
    relations: dict[str, QColor]
    today: QColor

    @classmethod
    def from_palette(cls, palette: QPalette) -> SceneColors:
        base = palette.color(QPalette.ColorRole.Base)
        text = palette.color(QPalette.ColorRole.Text)
        dark = base.lightness() < 128

        def mix(amount: float) -> QColor:
            """``amount`` of the text colour over the background."""
            return QColor.fromRgbF(
                base.redF() + (text.redF() - base.redF()) * amount,
                base.greenF() + (text.greenF() - base.greenF()) * amount,
                base.blueF() + (text.blueF() - base.blueF()) * amount,
            )

        def pick(light: str, on_dark: str) -> QColor:
            return QColor(on_dark if dark else light)

        return cls(
            background=base,
            text=text,
            muted=mix(0.62),
            grid=mix(0.16),
            stripe=mix(0.035),
            band=mix(0.09),
            highlight=palette.color(QPalette.ColorRole.Highlight),
            highlight_text=palette.color(QPalette.ColorRole.HighlightedText),
            kinds={
                "declaration": pick("#7b3fa0", "#c99be6"),
                "summit": pick("#1d5fa8", "#6fa8ff"),
                "event": pick("#5f6f7f", "#a4b4c4"),
            },
            relations={
                "introduced": pick("#23845a", "#5fd08f"),
                "prioritised": pick("#d0650a", "#ffaa55"),
                "discussed": pick("#4f5f70", "#b5c3d1"),
            },
            today=pick("#c62828", "#ff7070"),
        )


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


KIND_SHAPES = {"declaration": ("square", 6.0), "summit": ("circle", 7.5), "event": ("circle", 4.0)}
RELATION_SHAPES = {"introduced": ("circle", 6.5), "prioritised": ("diamond", 6.5)}
RELATION_SHAPES["discussed"] = ("circle", 5.0)  # drawn hollow


class LabelItem(QGraphicsItem):
    """A line of text drawn with ``QPainter.drawText`` (so SVG exports keep it as text)."""

    def __init__(
        self,
        text: str,
        font: QFont,
        color: QColor,
        parent: QGraphicsItem | None = None,
        *,
        padding: float = 2.0,
    ) -> None:
        super().__init__(parent)
        self.text = text
        self.font = font
        self.color = color
        self.background: QColor | None = None
        self._normal_color = color
        self.padding = padding
        metrics = QFontMetricsF(font)
        self._size = (metrics.horizontalAdvance(text) + 2 * padding, metrics.height())

    @property
    def width(self) -> float:
        return self._size[0]

    @property
    def highlighted(self) -> bool:
        return self.background is not None

    def set_highlight(self, background: QColor | None, color: QColor | None = None) -> None:
        """Draw the text in ``color`` on ``background``; None: back to normal."""
        self.background = background
        self.color = color if background is not None and color is not None else self._normal_color
        self.update()

    @property
    def height(self) -> float:
        return self._size[1]

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


def _tooltip(title: str, lines: list[str]) -> str:
    body = "".join(f"<br>{html.escape(line)}" for line in lines if line)
    return f"<b>{html.escape(title)}</b>{body}"


def _stagger(spans: list[tuple[float, float, object]], gap: float) -> dict[object, int]:
    """Give each (left, right, key) span the lowest level where it overlaps no earlier span."""
    level_ends: list[float] = []
    levels: dict[object, int] = {}
    for left, right, key in sorted(spans, key=lambda s: s[0]):
        for level, end in enumerate(level_ends):
            if left >= end + gap:
                level_ends[level] = right
                levels[key] = level
                break
        else:
            levels[key] = len(level_ends)
            level_ends.append(right)
    return levels


@dataclass
class _Geometry:
    x0: float
    start: float
    px_per_year: float

    def x(self, year: float) -> float:
        return self.x0 + (year - self.start) * self.px_per_year

    def year(self, x: float) -> float:
        return self.start + (x - self.x0) / self.px_per_year


class TimelineScene(QGraphicsScene):
    """The timeline laid out at one zoom; ``layout`` rebuilds it."""

    MIN_PX_PER_YEAR = 12.0
    MAX_PX_PER_YEAR = 1200.0

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.data = TimelineData()
        self.texts = SceneTexts()
        self.today = date.today()
        self.group_filter: str | None = None
        self.geometry = _Geometry(0.0, 2004.0, 50.0)
        self.top_height = 0.0
        self.name_width = 0.0
        self.colors: SceneColors | None = None
        self._selected: str | None = None
        self._mark_items: dict[str, list[QGraphicsItem]] = {}
        self._label_items: dict[str, list[LabelItem]] = {}
        self._halo_items: list[QGraphicsItem] = []
        self._highlighted: set[str] = set()
        self._lane_rows: dict[str, QRectF] = {}
        self._group_rows: dict[str, QRectF] = {}
        self._summit_x: dict[str, float] = {}
        self.top_band: QGraphicsRectItem | None = None
        self.left_column: QGraphicsRectItem | None = None
        self.corner: QGraphicsRectItem | None = None

    # -- the time span -------------------------------------------------------------------------

    @property
    def start_year(self) -> float:
        return float(self.data.first_year or 2004)

    @property
    def end_year(self) -> float:
        last = max((m.position for m in self.data.marks), default=self.start_year)
        return max(last, date_to_decimal(self.today)) + 0.6

    @property
    def span_years(self) -> float:
        return self.end_year - self.start_year

    def axis_left(self, font: QFont) -> float:
        """Where the time axis starts: right of the theme names."""
        return self._name_column_width(font) + 28.0

    def visible_lanes(self):
        return [
            lane
            for lane in self.data.lanes
            if self.group_filter is None or lane.group_id == self.group_filter
        ]

    def _name_column_width(self, font: QFont) -> float:
        metrics = QFontMetricsF(font)
        widest = max((metrics.horizontalAdvance(lane.name) for lane in self.data.lanes), default=0)
        return max(220.0, min(widest + 36.0, 360.0))

    # -- building ------------------------------------------------------------------------------

    def layout(self, px_per_year: float, palette: QPalette, font: QFont) -> None:
        """Build the whole picture at ``px_per_year``."""
        self.clear()
        self._mark_items.clear()
        self._label_items.clear()
        self._halo_items.clear()
        self._lane_rows.clear()
        self._group_rows.clear()
        self._summit_x.clear()
        colors = self.colors = SceneColors.from_palette(palette)
        self.setBackgroundBrush(colors.background)

        fm = QFontMetricsF(font)
        line = fm.height()
        bold = QFont(font)
        bold.setBold(True)
        small = QFont(font)
        small.setPointSizeF(max(font.pointSizeF() * 0.88, 7.0))
        self.name_width = self._name_column_width(font)
        x0 = self.name_width + 28.0
        geo = self.geometry = _Geometry(x0, self.start_year, px_per_year)
        x_end = geo.x(self.end_year)
        width = x_end + 16.0

        top_items: list[QGraphicsItem] = []  # built relative to the top band (y from 0)

        # Labels of the declarations and summits above the axis, the events' below; a label that
        # would run past the end of the axis hangs to the left of its stem.
        label_gap = 10.0
        upper, lower = [], []
        for mark in self.data.marks:
            x = geo.x(mark.position)
            if mark.kind == "event":
                text = QFontMetricsF(small).elidedText(
                    mark.label,
                    Qt.TextElideMode.ElideRight,
                    max(175.0, min(360.0, 4.0 * px_per_year)),
                )
                item = LabelItem(text, small, colors.text)
                lower.append((mark, x, item))
            else:
                item = LabelItem(mark.label, bold, colors.kinds[mark.kind])
                upper.append((mark, x, item))

        def spans(entries):
            result = []
            for mark, x, item in entries:
                left = x + 2 if x + 2 + item.width <= x_end else x - 2 - item.width
                result.append((left, left + item.width, mark.record_id))
            return result

        upper_spans, lower_spans = spans(upper), spans(lower)
        upper_levels = _stagger(upper_spans, label_gap)
        lower_levels = _stagger(lower_spans, label_gap)
        n_up = max(upper_levels.values(), default=-1) + 1
        n_low = max(lower_levels.values(), default=-1) + 1
        up_step = line + 6
        low_step = QFontMetricsF(small).height() + 4

        legend_rows = 7
        legend_height = 10 + (legend_rows + 1) * (line + 2)
        top_pad = line + 10  # room for "Vandaag"
        y_axis = top_pad + n_up * up_step + 10
        ruler_top = y_axis + 12 + n_low * low_step + 8
        self.top_height = top_height = max(ruler_top + line + 8, legend_height)
        if top_height > ruler_top + line + 8:  # the legend is taller: give the extra to the top
            shift = top_height - (ruler_top + line + 8)
            y_axis += shift
            ruler_top += shift
            top_pad += shift

        # Axis line.
        axis = QGraphicsLineItem(geo.x(self.start_year), y_axis, x_end, y_axis)
        axis.setPen(QPen(colors.muted, 2))
        top_items.append(axis)

        # Stems and labels.
        left_of = {key: left for left, _right, key in upper_spans + lower_spans}
        for entries, levels, above in ((upper, upper_levels, True), (lower, lower_levels, False)):
            for mark, x, item in entries:
                level = levels[mark.record_id]
                if above:
                    label_y = y_axis - 10 - (level + 1) * up_step + 3
                    stem = QGraphicsLineItem(x, label_y + item.height / 2, x, y_axis)
                else:
                    label_y = y_axis + 12 + level * low_step
                    stem = QGraphicsLineItem(x, y_axis, x, label_y + item.height / 2)
                pen = QPen(colors.kinds[mark.kind] if above else colors.grid, 1)
                stem.setPen(pen)
                item.setPos(left_of[mark.record_id], label_y)
                tip = self._mark_tooltip(mark)
                for part in (stem, item):
                    part.setData(ROLE_RECORD, mark.record_id)
                    part.setData(ROLE_PART, "mark")
                    part.setToolTip(tip)
                    part.setCursor(Qt.CursorShape.PointingHandCursor)
                item.setZValue(2)
                top_items += [stem, item]
                self._label_items.setdefault(mark.record_id, []).append(item)

        # Year ruler at the bottom of the top band, ticks on the axis.
        step = next(
            (s for s in (1, 2, 5, 10, 20) if s * px_per_year >= fm.horizontalAdvance("2000") + 12),
            20,
        )
        first, last = int(self.start_year), int(self.end_year)
        for year in range(first, last + 1):
            x = geo.x(year)
            if x > x_end:
                break
            tick = QGraphicsLineItem(x, y_axis - 3, x, y_axis + 3)
            tick.setPen(QPen(colors.muted, 1))
            top_items.append(tick)
            if year % step == 0 or step == 1:
                label = LabelItem(
                    str(year),
                    small if step == 1 and px_per_year < 45 else font,
                    colors.muted,
                    padding=0,
                )
                label.setPos(x - label.width / 2, ruler_top)
                top_items.append(label)
                ruler_tick = QGraphicsLineItem(x, ruler_top + label.height, x, top_height)
                ruler_tick.setPen(QPen(colors.muted, 1))
                top_items.append(ruler_tick)

        # The marks themselves, on the axis (summits above events at the same date).
        for mark in self.data.marks:
            x = geo.x(mark.position)
            shape, radius = KIND_SHAPES[mark.kind]
            item = QGraphicsPathItem(mark_path(shape, radius))
            item.setPos(x, y_axis)
            item.setBrush(colors.kinds[mark.kind])
            item.setPen(QPen(colors.background, 1.5))
            item.setZValue({"event": 3, "declaration": 4, "summit": 5}[mark.kind])
            item.setData(ROLE_RECORD, mark.record_id)
            item.setData(ROLE_PART, "mark")
            item.setToolTip(self._mark_tooltip(mark))
            item.setCursor(Qt.CursorShape.PointingHandCursor)
            top_items.append(item)
            self._mark_items.setdefault(mark.record_id, []).append(item)
            if mark.kind == "summit":
                self._summit_x[mark.record_id] = x

        # Today.
        x_today = geo.x(date_to_decimal(self.today))
        today_pen = QPen(colors.today, 1.5, Qt.PenStyle.DashLine)
        today_line = QGraphicsLineItem(x_today, top_pad - 2, x_today, top_height)
        today_line.setPen(today_pen)
        today_label = LabelItem(self.texts.today, bold, colors.today)
        today_label.setPos(x_today - today_label.width - 3, top_pad - today_label.height - 4)
        today_label.setToolTip(format_date_nl(self.today.isoformat()))
        top_items += [today_line, today_label]

        # -- the lanes (content layer, scrolls both ways) --------------------------------------
        lane_height = max(line + 3, 18.0)
        header_height = line + 10
        y = top_height + 6
        lanes = self.visible_lanes()
        groups = [
            g
            for g in self.data.groups_with_lanes()
            if any(la.group_id == g.group_id for la in lanes)
        ]
        known = {g.group_id for g in self.data.groups}
        orphans = [la for la in lanes if la.group_id not in known]
        sections = [
            (g.group_id, g.name, g.summary, [la for la in lanes if la.group_id == g.group_id])
            for g in groups
        ]
        if orphans:
            sections.append(("", self.texts.no_group, "", orphans))

        left_items: list[QGraphicsItem] = []
        for group_id, name, summary, group_lanes in sections:
            band = QGraphicsRectItem(0, y, width, header_height)
            band.setBrush(colors.band)
            band.setPen(Qt.PenStyle.NoPen)
            band.setZValue(-2)
            self.addItem(band)
            left_band = QGraphicsRectItem(0, y, self.name_width, header_height)
            left_band.setBrush(colors.band)
            left_band.setPen(Qt.PenStyle.NoPen)
            left_items.append(left_band)
            header = LabelItem(name, bold, colors.text)
            count = LabelItem(
                self.texts.theme_count_one
                if len(group_lanes) == 1
                else self.texts.theme_count.format(count=len(group_lanes)),
                small,
                colors.muted,
            )
            header.setPos(10, y + (header_height - header.height) / 2)
            count.setPos(14 + header.width, y + (header_height - count.height) / 2)
            for part in (header, count):
                part.setToolTip(_tooltip(name, [summary]))
                if group_id:
                    part.setData(ROLE_RECORD, group_id)
                    part.setData(ROLE_PART, "group")
                    part.setCursor(Qt.CursorShape.PointingHandCursor)
            left_items += [header, count]
            if group_id:
                self._group_rows[group_id] = QRectF(0, y, width, header_height)
                self._label_items.setdefault(group_id, []).append(header)
            y += header_height
            for index, lane in enumerate(group_lanes):
                self._add_lane(lane, y, lane_height, width, index, font, colors, left_items)
                y += lane_height
            y += 6

        height = y + 10
        # Summit guide lines and year grid through the lanes.
        for summit_id, x in self._summit_x.items():
            guide = QGraphicsLineItem(x, top_height, x, height)
            colour = QColor(colors.kinds["summit"])
            colour.setAlphaF(0.35)
            guide.setPen(QPen(colour, 1))
            guide.setZValue(-1)
            guide.setData(ROLE_RECORD, summit_id)
            self.addItem(guide)
        for year in range(first, last + 1):
            if year % step == 0 or step == 1:
                grid = QGraphicsLineItem(geo.x(year), top_height, geo.x(year), height)
                grid.setPen(QPen(colors.grid, 1, Qt.PenStyle.DotLine))
                grid.setZValue(-1.5)
                self.addItem(grid)
        today_lanes = QGraphicsLineItem(x_today, top_height, x_today, height)
        today_lanes.setPen(today_pen)
        today_lanes.setZValue(-0.5)
        self.addItem(today_lanes)

        # -- the pinned layers -----------------------------------------------------------------
        self.top_band = QGraphicsRectItem(0, 0, width, top_height)
        self._pinned(self.top_band, Z_TOP, top_items)
        separator = QGraphicsLineItem(0, top_height - 0.5, width, top_height - 0.5)
        separator.setPen(QPen(colors.grid, 1))
        separator.setParentItem(self.top_band)

        self.left_column = QGraphicsRectItem(0, 0, self.name_width, height)
        self._pinned(self.left_column, Z_LEFT, left_items)
        edge = QGraphicsLineItem(self.name_width - 0.5, 0, self.name_width - 0.5, height)
        edge.setPen(QPen(colors.grid, 1))
        edge.setParentItem(self.left_column)

        self.corner = QGraphicsRectItem(0, 0, self.name_width, top_height)
        self._pinned(self.corner, Z_CORNER, self._legend(font, bold, colors, line))

        self.setSceneRect(QRectF(0, 0, width, height))
        if self._selected:
            self.set_selected(self._selected)

    def _pinned(self, container: QGraphicsRectItem, z: float, items: list[QGraphicsItem]) -> None:
        container.setBrush(QBrush(self.colors.background))
        container.setPen(Qt.PenStyle.NoPen)
        container.setZValue(z)
        self.addItem(container)
        for item in items:
            item.setParentItem(container)

    def _add_lane(self, lane, y, lane_height, width, index, font, colors, left_items) -> None:
        rect = QRectF(0, y, width, lane_height)
        self._lane_rows[lane.theme_id] = rect
        if index % 2:
            stripe = QGraphicsRectItem(rect)
            stripe.setBrush(colors.stripe)
            stripe.setPen(Qt.PenStyle.NoPen)
            stripe.setZValue(-2)
            self.addItem(stripe)
            left_stripe = QGraphicsRectItem(0, y, self.name_width, lane_height)
            left_stripe.setBrush(colors.stripe)
            left_stripe.setPen(Qt.PenStyle.NoPen)
            left_items.append(left_stripe)
        mid = y + lane_height / 2
        metrics = QFontMetricsF(font)
        name = metrics.elidedText(lane.name, Qt.TextElideMode.ElideRight, self.name_width - 30)
        label = LabelItem(name, font, colors.text)
        label.setPos(20, mid - label.height / 2)
        label.setData(ROLE_RECORD, lane.theme_id)
        label.setData(ROLE_PART, "lane")
        label.setToolTip(_tooltip(lane.name, [lane.summary]))
        label.setCursor(Qt.CursorShape.PointingHandCursor)
        left_items.append(label)
        self._label_items.setdefault(lane.theme_id, []).append(label)

        xs = [self.geometry.x(link.position) for link in lane.links]
        if len(xs) > 1:
            span = QGraphicsLineItem(min(xs), mid, max(xs), mid)
            span.setPen(QPen(colors.muted, 2))
            span.setZValue(0)
            self.addItem(span)
        for link, x in zip(lane.links, xs, strict=True):
            shape, radius = RELATION_SHAPES.get(link.relation, ("circle", 5.0))
            item = QGraphicsPathItem(mark_path(shape, radius))
            item.setPos(x, mid)
            colour = colors.relations.get(link.relation, colors.muted)
            if link.relation == "discussed":
                item.setBrush(colors.background)
                item.setPen(QPen(colour, 2))
            else:
                item.setBrush(colour)
                item.setPen(QPen(colors.background, 1))
            item.setZValue(1)
            summit = self.data.mark(link.summit_id)
            summit_label = summit.label if summit else link.summit_id
            relation = self.texts.relations.get(link.relation, link.relation)
            heading = self.texts.relation_at.format(relation=relation, summit=summit_label)
            item.setToolTip(_tooltip(lane.name, [heading, link.note]))
            item.setData(ROLE_RECORD, link.summit_id)
            item.setData(ROLE_PART, "lane-link")
            item.setCursor(Qt.CursorShape.PointingHandCursor)
            self.addItem(item)
            self._mark_items.setdefault(f"{lane.theme_id}@{link.summit_id}", []).append(item)

    def _legend(self, font, bold, colors, line) -> list[QGraphicsItem]:
        items: list[QGraphicsItem] = []
        title = LabelItem(self.texts.legend_title, bold, colors.text)
        title.setPos(12, 8)
        items.append(title)
        entries = []
        for kind in ("declaration", "summit", "event"):
            shape, radius = KIND_SHAPES[kind]
            entries.append(
                (shape, radius, colors.kinds[kind], True, self.texts.kinds.get(kind, kind))
            )
        for relation in ("introduced", "prioritised", "discussed"):
            shape, radius = RELATION_SHAPES[relation]
            filled = relation != "discussed"
            label = self.texts.relations.get(relation, relation)
            entries.append((shape, radius, colors.relations[relation], filled, label))
        y = 8 + line + 4
        for shape, radius, colour, filled, text in entries:
            mid = y + line / 2
            icon = QGraphicsPathItem(mark_path(shape, radius))
            icon.setPos(24, mid)
            if filled:
                icon.setBrush(colour)
                icon.setPen(QPen(colors.background, 1))
            else:
                icon.setBrush(colors.background)
                icon.setPen(QPen(colour, 2))
            label = LabelItem(text, font, colors.text)
            label.setPos(40, mid - label.height / 2)
            items += [icon, label]
            y += line + 2
        mid = y + line / 2
        dash = QGraphicsLineItem(24, mid - line / 2 + 1, 24, mid + line / 2 - 1)
        dash_pen = QPen(colors.today, 1.5, Qt.PenStyle.CustomDashLine)
        dash_pen.setDashPattern([3.0, 2.0])
        dash.setPen(dash_pen)
        today = LabelItem(self.texts.today, font, colors.text)
        today.setPos(40, mid - today.height / 2)
        items += [dash, today]
        return items

    def _mark_tooltip(self, mark) -> str:
        kind = self.texts.kinds.get(mark.kind, mark.kind)
        when = format_date_nl(mark.date)
        return _tooltip(mark.title, [f"{kind} · {when}", mark.summary])

    # -- pinning -------------------------------------------------------------------------------

    def pin_to(self, visible: QRectF) -> None:
        """Keep the top band, left column and legend in view of ``visible`` (scene coordinates)."""
        if self.top_band is None:
            return
        left = max(0.0, visible.left())
        top = max(0.0, visible.top())
        self.top_band.setPos(0, top)
        self.left_column.setPos(left, 0)
        self.corner.setPos(left, top)

    def unpin(self) -> None:
        self.pin_to(QRectF(0, 0, 1, 1))

    # -- selection -----------------------------------------------------------------------------

    def set_selected(self, record_id: str | None) -> set[str]:
        """Highlight a record's mark(s); returns the ids of the records now highlighted."""
        for item in self._halo_items:
            self.removeItem(item)
        self._halo_items.clear()
        for labels in self._label_items.values():
            for label in labels:
                if label.highlighted:
                    label.set_highlight(None)
        self._selected = record_id
        self._highlighted = set()
        if not record_id or self.colors is None:
            return set()
        colors = self.colors
        found = False
        for item in self._mark_items.get(record_id, []):
            self._halo(item)
            found = True
        if record_id in self._summit_x:
            for key, items in self._mark_items.items():
                if key.endswith(f"@{record_id}"):
                    for item in items:
                        self._halo(item, 4.0)
        if record_id in self._lane_rows:
            row = QGraphicsRectItem(self._lane_rows[record_id])
            fill = QColor(colors.highlight)
            fill.setAlphaF(0.22)
            row.setBrush(fill)
            row.setPen(Qt.PenStyle.NoPen)
            row.setZValue(-1.8)
            self.addItem(row)
            self._halo_items.append(row)
            for key, items in self._mark_items.items():
                if key.startswith(f"{record_id}@"):
                    for item in items:
                        self._halo(item, 4.0)
            found = True
        if record_id in self._group_rows:
            found = True
        for label in self._label_items.get(record_id, []):
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
        return list(self._mark_items.get(record_id, []))

    def lane_rect(self, theme_id: str) -> QRectF | None:
        return self._lane_rows.get(theme_id)

    def lane_ids(self) -> list[str]:
        return list(self._lane_rows)

    def summit_x(self, summit_id: str) -> float | None:
        return self._summit_x.get(summit_id)
