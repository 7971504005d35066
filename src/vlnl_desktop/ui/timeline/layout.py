"""Where everything of the timeline goes: pure geometry, computed from a ``TimelineData``.

``lay_out(data, texts, metrics, px_per_year=…, today=…)`` returns a ``TimelineLayout``: the time
axis, its ticks and year labels, each mark with its stem and label (staggered so no two labels
overlap), the "today" line, the group sections with their lanes and lane marks, and the legend —
as plain numbers in scene coordinates. No Qt here (like qpageview's ``layout.py``): the text sizes
come from a ``TextMetrics`` passed in, so the geometry is tested without a scene or a font, and the
item builders (``items.py``) only place what this computed.

The picture: a top band (labels of declarations and summits above the axis, events' below, the year
ruler under them), a left column of theme names and group headers, the legend in the corner where
they meet, and one lane per theme to the right of the names.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Protocol

from vlnl_desktop.core.timeline_data import Lane, Mark, TimelineData, date_to_decimal
from vlnl_desktop.core.vocabulary import RELATIONS, TIMELINE_KINDS
from vlnl_desktop.ui.timeline.places import (
    Axis,
    Box,
    Label,
    LanePlace,
    LegendEntry,
    LegendPlace,
    Line,
    LinkPlace,
    MarkPlace,
    SectionPlace,
    Tick,
    TimelineLayout,
    TodayPlace,
)

# The three text styles of the picture.
NORMAL, BOLD, SMALL = "normal", "bold", "small"

MIN_PX_PER_YEAR = 12.0
MAX_PX_PER_YEAR = 1200.0

LABEL_PADDING = 2.0  # left and right of a label's text
LABEL_GAP = 10.0  # between two labels on one level
AXIS_GAP = 28.0  # between the theme names and the start of the axis
RIGHT_MARGIN = 16.0
LEGEND_ROW_GAP = 2.0


class TextMetrics(Protocol):
    """The sizes of texts in the picture's three styles (``NORMAL``, ``BOLD``, ``SMALL``)."""

    def width(self, text: str, style: str) -> float:
        """The horizontal advance of ``text``."""

    def height(self, style: str) -> float:
        """The height of a line."""

    def elide(self, text: str, style: str, width: float) -> str:
        """``text``, cut with an ellipsis to fit ``width``."""


@dataclass
class SceneTexts:
    """Every text the picture draws, translated by the view."""

    kinds: dict[str, str] = field(default_factory=dict)  # declaration/summit/event -> name
    relations: dict[str, str] = field(default_factory=dict)  # introduced/... -> label
    relation_at: str = "{relation} op de top {summit}"
    today: str = "Vandaag"
    legend_title: str = "Legenda"
    no_group: str = "Zonder groep"
    theme_count: str = "{count} thema's"
    theme_count_one: str = "1 thema"

    def count_text(self, count: int) -> str:
        return self.theme_count_one if count == 1 else self.theme_count.format(count=count)


def _label(metrics: TextMetrics, text: str, style: str, padding: float = LABEL_PADDING) -> Label:
    width = metrics.width(text, style) + 2 * padding
    return Label(text, style, Box(0.0, 0.0, width, metrics.height(style)), padding)


def _at(label: Label, left: float, top: float) -> Label:
    return Label(
        label.text, label.style, Box(left, top, label.box.width, label.box.height), label.padding
    )


# -- the computation ------------------------------------------------------------------------------


def start_year(data: TimelineData) -> float:
    return float(data.first_year or 2004)


def end_year(data: TimelineData, today: date) -> float:
    """The last mark or today, whichever is later, and a little room."""
    last = max((m.position for m in data.marks), default=start_year(data))
    return max(last, date_to_decimal(today)) + 0.6


def name_column_width(lanes: Iterable[Lane], metrics: TextMetrics) -> float:
    """The left column: wide enough for the longest theme name, within 220–360 pixels."""
    widest = max((metrics.width(lane.name, NORMAL) for lane in lanes), default=0.0)
    return max(220.0, min(widest + 36.0, 360.0))


def axis_left(data: TimelineData, metrics: TextMetrics) -> float:
    """Where the time axis starts: right of the theme names."""
    return name_column_width(data.lanes, metrics) + AXIS_GAP


def fit_px_per_year(data: TimelineData, metrics: TextMetrics, today: date, width: float) -> float:
    """The zoom at which the whole span fits ``width`` pixels (but no less than the minimum)."""
    usable = width - axis_left(data, metrics) - RIGHT_MARGIN
    span = end_year(data, today) - start_year(data)
    return max(MIN_PX_PER_YEAR, usable / max(span, 1.0))


def stagger(spans: list[tuple[float, float, str]], gap: float) -> dict[str, int]:
    """Give each (left, right, key) span the lowest level where it overlaps no earlier span."""
    level_ends: list[float] = []
    levels: dict[str, int] = {}
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


def _widen_into_free_room(unplaced, spans, levels, metrics, x_end: float) -> None:
    """An event label cut short to fit the staggering gets back as much of its text as the room
    on its row allows: up to the next label there (or the end of the axis)."""
    rows: dict[int, list[tuple[float, float, str]]] = {}
    for span in spans:
        rows.setdefault(levels[span[2]], []).append(span)
    for row in rows.values():
        row.sort()
        for (left, _right, key), after in zip(row, row[1:] + [None], strict=True):
            mark, x, label = unplaced[key]
            if left < x:  # hangs to the left of its stem: it has the room it needs
                continue
            room = (after[0] - LABEL_GAP if after else x_end) - left - 2 * LABEL_PADDING
            text = metrics.elide(mark.label, SMALL, room)
            if metrics.width(text, SMALL) > metrics.width(label.text, SMALL):
                unplaced[key] = (mark, x, _at(_label(metrics, text, SMALL), left, 0.0))


def year_step(px_per_year: float, metrics: TextMetrics) -> int:
    """Label every year, or every 2nd, 5th, … so that year labels keep apart."""
    needed = metrics.width("2000", NORMAL) + 12
    return next((s for s in (1, 2, 5, 10, 20) if s * px_per_year >= needed), 20)


def lay_out(
    data: TimelineData,
    texts: SceneTexts,
    metrics: TextMetrics,
    *,
    px_per_year: float,
    today: date,
    group_filter: str | None = None,
) -> TimelineLayout:
    """The whole picture at ``px_per_year``; with ``group_filter`` only that group's lanes."""
    line = metrics.height(NORMAL)
    name_width = name_column_width(data.lanes, metrics)
    axis = Axis(name_width + AXIS_GAP, start_year(data), px_per_year)
    x_end = axis.x(end_year(data, today))
    width = x_end + RIGHT_MARGIN

    # Labels of declarations and summits above the axis, events' below; a label that would run
    # past the end of the axis hangs to the left of its stem.
    event_width = max(175.0, min(360.0, 4.0 * px_per_year))
    unplaced: dict[str, tuple[Mark, float, Label]] = {}
    upper_spans, lower_spans = [], []
    for mark in data.marks:
        x = axis.x(mark.position)
        if mark.kind == "event":
            label = _label(metrics, metrics.elide(mark.label, SMALL, event_width), SMALL)
        else:
            label = _label(metrics, mark.label, BOLD)
        w = label.box.width
        left = x + 2 if x + 2 + w <= x_end else x - 2 - w
        unplaced[mark.record_id] = (mark, x, _at(label, left, 0.0))
        spans = lower_spans if mark.kind == "event" else upper_spans
        spans.append((left, left + w, mark.record_id))
    upper_levels = stagger(upper_spans, LABEL_GAP)
    lower_levels = stagger(lower_spans, LABEL_GAP)
    _widen_into_free_room(unplaced, lower_spans, lower_levels, metrics, x_end)
    n_up = max(upper_levels.values(), default=-1) + 1
    n_low = max(lower_levels.values(), default=-1) + 1
    up_step = line + 6
    low_step = metrics.height(SMALL) + 4

    # The top band: room for "today", the upper labels, the axis, the lower labels, the ruler —
    # or the legend, when that is taller (the extra room goes above the labels).
    legend_rows = len(TIMELINE_KINDS) + len(RELATIONS) + 1
    legend_height = 10 + (legend_rows + 1) * (line + LEGEND_ROW_GAP)
    top_pad = line + 10
    y_axis = top_pad + n_up * up_step + 10
    ruler_top = y_axis + 12 + n_low * low_step + 8
    top_height = max(ruler_top + line + 8, legend_height)
    shift = top_height - (ruler_top + line + 8)
    y_axis, ruler_top, top_pad = y_axis + shift, ruler_top + shift, top_pad + shift

    marks = []
    for record_id, (mark, x, label) in unplaced.items():
        above = mark.kind != "event"
        height = label.box.height
        if above:
            level = upper_levels[record_id]
            label_y = y_axis - 10 - (level + 1) * up_step + 3
            stem = Line(x, label_y + height / 2, x, y_axis)
        else:
            level = lower_levels[record_id]
            label_y = y_axis + 12 + level * low_step
            stem = Line(x, y_axis, x, label_y + height / 2)
        marks.append(
            MarkPlace(mark, x, y_axis, _at(label, label.box.left, label_y), stem, above, level)
        )

    step = year_step(px_per_year, metrics)
    first, last = int(axis.start), int(end_year(data, today))
    labelled = [y for y in range(first, last + 1) if step == 1 or y % step == 0]
    ticks = []
    for year in range(first, last + 1):
        x = axis.x(year)
        if x > x_end:
            break
        label = ruler = None
        if year in labelled:
            style = SMALL if step == 1 and px_per_year < 45 else NORMAL
            label = _label(metrics, str(year), style, padding=0.0)
            label = _at(label, x - label.box.width / 2, ruler_top)
            ruler = Line(x, ruler_top + label.box.height, x, top_height)
        ticks.append(Tick(year, x, Line(x, y_axis - 3, x, y_axis + 3), label, ruler))

    sections, height = _lay_out_lanes(
        data, texts, metrics, axis, width, name_width, top_height + 6, group_filter
    )
    x_today = axis.x(date_to_decimal(today))
    today_label = _label(metrics, texts.today, BOLD)
    today_place = TodayPlace(
        x_today,
        Line(x_today, top_pad - 2, x_today, top_height),
        _at(
            today_label,
            x_today - today_label.box.width - 3,
            top_pad - today_label.box.height - 4,
        ),
        Line(x_today, top_height, x_today, height),
    )
    guides = tuple(
        (m.mark.record_id, Line(m.x, top_height, m.x, height))
        for m in marks
        if m.mark.kind == "summit"
    )
    grid = tuple(Line(axis.x(y), top_height, axis.x(y), height) for y in labelled)
    return TimelineLayout(
        axis=axis,
        width=width,
        height=height,
        top_height=top_height,
        name_width=name_width,
        axis_line=Line(axis.x(axis.start), y_axis, x_end, y_axis),
        marks=tuple(marks),
        ticks=tuple(ticks),
        grid=grid,
        guides=guides,
        today=today_place,
        sections=tuple(sections),
        legend=_lay_out_legend(texts, metrics, line),
    )


def _lay_out_lanes(
    data: TimelineData,
    texts: SceneTexts,
    metrics: TextMetrics,
    axis: Axis,
    width: float,
    name_width: float,
    y: float,
    group_filter: str | None,
) -> tuple[list[SectionPlace], float]:
    """The group sections from ``y`` down; returns them and the picture's height."""
    line = metrics.height(NORMAL)
    lane_height = max(line + 3, 18.0)
    header_height = line + 10
    lanes = [la for la in data.lanes if group_filter is None or la.group_id == group_filter]
    shown = {la.group_id for la in lanes}
    groups = [g for g in data.groups_with_lanes() if g.group_id in shown]
    known = {g.group_id for g in data.groups}
    parts = [
        (g.group_id, g.name, g.summary, [la for la in lanes if la.group_id == g.group_id])
        for g in groups
    ]
    orphans = [la for la in lanes if la.group_id not in known]
    if orphans:
        parts.append(("", texts.no_group, "", orphans))

    sections = []
    for group_id, name, summary, group_lanes in parts:
        header = _label(metrics, name, BOLD)
        count = _label(metrics, texts.count_text(len(group_lanes)), SMALL)
        header = _at(header, 10, y + (header_height - header.box.height) / 2)
        count = _at(count, 14 + header.box.width, y + (header_height - count.box.height) / 2)
        header_box = Box(0, y, width, header_height)
        y += header_height
        places = []
        for index, lane in enumerate(group_lanes):
            places.append(
                _lay_out_lane(lane, index, metrics, axis, width, name_width, y, lane_height)
            )
            y += lane_height
        y += 6
        sections.append(
            SectionPlace(group_id, name, summary, header_box, header, count, tuple(places))
        )
    return sections, y + 10


def _lay_out_lane(
    lane: Lane,
    index: int,
    metrics: TextMetrics,
    axis: Axis,
    width: float,
    name_width: float,
    y: float,
    lane_height: float,
) -> LanePlace:
    mid = y + lane_height / 2
    label = _label(metrics, metrics.elide(lane.name, NORMAL, name_width - 30), NORMAL)
    label = _at(label, 20, mid - label.box.height / 2)
    links = tuple(LinkPlace(link, axis.x(link.position), mid) for link in lane.links)
    xs = [p.x for p in links]
    span = Line(min(xs), mid, max(xs), mid) if len(xs) > 1 else None
    return LanePlace(lane, Box(0, y, width, lane_height), index % 2 == 1, label, links, span)


def _lay_out_legend(texts: SceneTexts, metrics: TextMetrics, line: float) -> LegendPlace:
    """The legend in the corner: a marker and a word for each kind and relation, then "today"."""
    title = _at(_label(metrics, texts.legend_title, BOLD), 12, 8)
    rows = [("kind", kind, texts.kinds.get(kind, kind)) for kind in TIMELINE_KINDS]
    rows += [("relation", rel, texts.relations.get(rel, rel)) for rel in RELATIONS]
    entries = []
    y = 8 + line + 4
    for family, code, text in rows:
        mid = y + line / 2
        label = _label(metrics, text, NORMAL)
        entries.append(
            LegendEntry(family, code, (24.0, mid), _at(label, 40, mid - label.box.height / 2))
        )
        y += line + LEGEND_ROW_GAP
    mid = y + line / 2
    today = _label(metrics, texts.today, NORMAL)
    return LegendPlace(
        title,
        tuple(entries),
        Line(24, mid - line / 2 + 1, 24, mid + line / 2 - 1),
        _at(today, 40, mid - today.box.height / 2),
    )
