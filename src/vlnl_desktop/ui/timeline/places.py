"""What the timeline's layout computes: plain shapes in scene coordinates, no Qt.

``Box``, ``Line`` and ``Label`` are the shapes; ``Axis`` maps years to x; the ``*Place`` classes say
where each part of the picture goes, and ``TimelineLayout`` holds them all (``layout.lay_out``
computes it, ``items.build_items`` draws it).
"""

from __future__ import annotations

from dataclasses import dataclass

from vlnl_desktop.core.timeline_data import Lane, LaneLink, Mark

# -- shapes ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Box:
    """A rectangle: left, top, width, height."""

    left: float
    top: float
    width: float
    height: float

    @property
    def right(self) -> float:
        return self.left + self.width

    @property
    def bottom(self) -> float:
        return self.top + self.height

    @property
    def middle(self) -> float:
        return self.top + self.height / 2

    def intersects(self, other: Box) -> bool:
        return (
            self.left < other.right
            and other.left < self.right
            and self.top < other.bottom
            and other.top < self.bottom
        )

    def contains(self, other: Box) -> bool:
        return (
            self.left <= other.left
            and other.right <= self.right
            and self.top <= other.top
            and other.bottom <= self.bottom
        )


@dataclass(frozen=True)
class Line:
    x1: float
    y1: float
    x2: float
    y2: float


@dataclass(frozen=True)
class Label:
    """A line of text: its box includes ``padding`` left and right of the text."""

    text: str
    style: str
    box: Box
    padding: float


# -- the parts ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Axis:
    """Years to x and back: ``x0`` is where ``start`` (a fractional year) is drawn."""

    x0: float
    start: float
    px_per_year: float

    def x(self, year: float) -> float:
        return self.x0 + (year - self.start) * self.px_per_year

    def year(self, x: float) -> float:
        return self.start + (x - self.x0) / self.px_per_year


@dataclass(frozen=True)
class MarkPlace:
    """A record on the axis: its mark at (x, y), its label above or below, a stem between."""

    mark: Mark
    x: float
    y: float
    label: Label
    stem: Line
    above: bool
    level: int  # 0: nearest the axis


@dataclass(frozen=True)
class Tick:
    """A year on the axis; every ``step``-th year also has a label on the ruler and a grid line."""

    year: int
    x: float
    tick: Line
    label: Label | None = None
    ruler: Line | None = None


@dataclass(frozen=True)
class TodayPlace:
    x: float
    line: Line  # in the top band
    label: Label
    lanes_line: Line  # through the lanes


@dataclass(frozen=True)
class LinkPlace:
    """A summit's relation to a theme, drawn in the theme's lane under the summit."""

    link: LaneLink
    x: float
    y: float


@dataclass(frozen=True)
class LanePlace:
    lane: Lane
    box: Box  # the whole row, across the names and the axis
    striped: bool
    label: Label  # the theme's name, elided to the name column
    links: tuple[LinkPlace, ...]
    span: Line | None  # from the first link to the last, when there are two or more


@dataclass(frozen=True)
class SectionPlace:
    """A theme group: its header row and its lanes ("" as group id: themes without a group)."""

    group_id: str
    name: str
    summary: str
    header_box: Box
    header: Label
    count: Label
    lanes: tuple[LanePlace, ...]


@dataclass(frozen=True)
class LegendEntry:
    family: str  # "kind" or "relation"
    code: str
    centre: tuple[float, float]  # of the marker
    label: Label


@dataclass(frozen=True)
class LegendPlace:
    title: Label
    entries: tuple[LegendEntry, ...]
    today_dash: Line
    today_label: Label

    @property
    def box(self) -> Box:
        """Everything the legend draws."""
        boxes = [self.title.box, self.today_label.box] + [e.label.box for e in self.entries]
        left = min(min(b.left for b in boxes), self.today_dash.x1 - 8)
        top = min(b.top for b in boxes)
        return Box(
            left, top, max(b.right for b in boxes) - left, max(b.bottom for b in boxes) - top
        )


@dataclass(frozen=True)
class TimelineLayout:
    axis: Axis
    width: float
    height: float
    top_height: float  # the top band: labels, axis, ruler
    name_width: float  # the left column: group headers and theme names
    axis_line: Line
    marks: tuple[MarkPlace, ...]
    ticks: tuple[Tick, ...]
    grid: tuple[Line, ...]  # year lines through the lanes
    guides: tuple[tuple[str, Line], ...]  # (summit id, line through the lanes)
    today: TodayPlace
    sections: tuple[SectionPlace, ...]
    legend: LegendPlace

    @property
    def scene_box(self) -> Box:
        return Box(0.0, 0.0, self.width, self.height)

    @property
    def corner_box(self) -> Box:
        """Where the top band and the left column meet: the legend's place."""
        return Box(0.0, 0.0, self.name_width, self.top_height)

    @property
    def lanes(self) -> list[LanePlace]:
        return [lane for section in self.sections for lane in section.lanes]

    def mark(self, record_id: str) -> MarkPlace | None:
        return next((m for m in self.marks if m.mark.record_id == record_id), None)

    def lane(self, theme_id: str) -> LanePlace | None:
        return next((p for p in self.lanes if p.lane.theme_id == theme_id), None)

    def summit_x(self) -> dict[str, float]:
        return {m.mark.record_id: m.x for m in self.marks if m.mark.kind == "summit"}
