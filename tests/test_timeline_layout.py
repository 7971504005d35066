"""The timeline's geometry, computed without a scene, a widget or a font: marks in date order,
labels that keep apart, lanes that do not overlap, a legend that fits its corner."""

from __future__ import annotations

from datetime import date

import pytest

from vlnl_desktop.core.archive.connections import connect_readonly
from vlnl_desktop.core.archive.workspace import Workspace
from vlnl_desktop.core.timeline_data import Group, Lane, LaneLink, Mark, TimelineData, load_timeline
from vlnl_desktop.ui.timeline.layout import (
    BOLD,
    MIN_PX_PER_YEAR,
    SMALL,
    SceneTexts,
    fit_px_per_year,
    lay_out,
    stagger,
)
from vlnl_desktop.ui.timeline.places import Box, TimelineLayout

TODAY = date(2026, 1, 15)
TEXTS = SceneTexts(
    kinds={"declaration": "Intentieverklaring", "summit": "Topontmoeting", "event": "Gebeurtenis"},
    relations={
        "introduced": "geïntroduceerd",
        "prioritised": "geprioriteerd",
        "discussed": "besproken",
    },
)


class FixedMetrics:
    """Every character the same width: enough to check geometry, no font needed."""

    ADVANCE = {"normal": 7.0, "bold": 7.5, "small": 6.0}
    HEIGHT = {"normal": 16.0, "bold": 16.0, "small": 13.0}

    def width(self, text: str, style: str) -> float:
        return len(text) * self.ADVANCE[style]

    def height(self, style: str) -> float:
        return self.HEIGHT[style]

    def elide(self, text: str, style: str, width: float) -> str:
        if self.width(text, style) <= width:
            return text
        keep = max(int(width // self.ADVANCE[style]) - 1, 0)
        return text[:keep] + "…"


METRICS = FixedMetrics()


@pytest.fixture(scope="module")
def archive_data(built_archive) -> TimelineData:
    conn = connect_readonly(Workspace(built_archive))
    try:
        return load_timeline(conn)
    finally:
        conn.close()


def crowded() -> TimelineData:
    """Two summits and a dozen events within weeks of each other, one lane without a group."""
    marks = [Mark("top-a", "summit", "Top A", "2020-03-02", "2020 · Antwerpen")]
    marks += [
        Mark(f"ev-{i}", "event", f"Gebeurtenis {i}", f"2020-03-{i + 1:02d}", f"Overleg nummer {i}")
        for i in range(12)
    ]
    marks.append(Mark("top-b", "summit", "Top B", "2020-03-20", "2020 · Brugge"))
    marks.append(Mark("decl", "declaration", "Verklaring", "2004-05-01", "2004 · Intentie"))
    marks.sort(key=lambda m: m.position)
    group = Group("g", "Groep")
    lanes = [
        Lane("t1", "Thema één", "g", links=(LaneLink("top-a", "2020-03-02", "introduced"),)),
        Lane(
            "t2",
            "Thema twee met een heel lange naam die in de kolom niet past, zeker niet",
            "g",
            links=(
                LaneLink("top-a", "2020-03-02", "discussed"),
                LaneLink("top-b", "2020-03-20", "prioritised"),
            ),
        ),
        Lane("t3", "Wees", "", links=(LaneLink("top-b", "2020-03-20", "discussed"),)),
    ]
    return TimelineData(marks, lanes, [group])


def layout_of(data: TimelineData, px_per_year: float = 60.0, **kwargs) -> TimelineLayout:
    return lay_out(data, TEXTS, METRICS, px_per_year=px_per_year, today=TODAY, **kwargs)


def assert_apart(boxes: list[Box]) -> None:
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            assert not a.intersects(b), (a, b)


ZOOMS = [MIN_PX_PER_YEAR, 45.0, 60.0, 300.0]


@pytest.mark.parametrize("px_per_year", ZOOMS)
def test_marks_lie_on_the_axis_in_date_order(archive_data, px_per_year):
    layout = layout_of(archive_data, px_per_year)
    assert [p.mark.record_id for p in layout.marks] == [m.record_id for m in archive_data.marks]
    xs = [p.x for p in layout.marks]
    assert xs == sorted(xs)
    axis = layout.axis_line
    assert all(axis.x1 <= x <= axis.x2 for x in xs)
    assert all(p.y == axis.y1 for p in layout.marks)
    # A year further on is px_per_year further right.
    assert layout.axis.x(2021) - layout.axis.x(2020) == pytest.approx(px_per_year)


@pytest.mark.parametrize("data", ["archive", "crowded"])
@pytest.mark.parametrize("px_per_year", ZOOMS)
def test_labels_of_nearby_marks_do_not_overlap(archive_data, data, px_per_year):
    data = archive_data if data == "archive" else crowded()
    layout = layout_of(data, px_per_year)
    assert_apart([p.label.box for p in layout.marks])
    y_axis = layout.axis_line.y1
    x_end = layout.axis_line.x2
    for place in layout.marks:
        box = place.label.box
        # Declarations and summits above the axis, events below, all inside the top band.
        assert (box.bottom < y_axis) if place.above else (box.top > y_axis)
        assert place.above == (place.mark.kind != "event")
        assert box.top >= 0 and box.bottom <= layout.top_height
        # The stem runs from the mark to its label; the label starts or ends at the stem.
        assert place.stem.x1 == place.stem.x2 == place.x
        assert box.left == place.x + 2 or box.right == place.x - 2
        assert box.right <= x_end  # a label near the end hangs to the left of its stem


def test_crowded_labels_are_staggered_in_levels():
    layout = layout_of(crowded(), 60.0)
    below = [p for p in layout.marks if not p.above]
    assert max(p.level for p in below) >= 3
    # Deeper levels lie further from the axis.
    by_level = sorted(below, key=lambda p: p.level)
    tops = [p.label.box.top for p in by_level]
    assert tops == sorted(tops)


@pytest.mark.parametrize("group_filter", [None, "high-tech-agenda"])
def test_lanes_do_not_overlap_and_lie_below_the_top_band(archive_data, group_filter):
    layout = layout_of(archive_data, group_filter=group_filter)
    rows = []
    for section in layout.sections:
        rows.append(section.header_box)
        rows += [lane.box for lane in section.lanes]
    assert rows[0].top >= layout.top_height
    for upper, lower in zip(rows, rows[1:], strict=False):
        assert upper.bottom <= lower.top
    assert rows[-1].bottom <= layout.height
    for lane in layout.lanes:
        # The name in the left column, the marks right of it, on the lane's middle line.
        assert lane.label.box.right <= layout.name_width
        assert lane.box.top <= lane.label.box.top and lane.label.box.bottom <= lane.box.bottom
        for link in lane.links:
            assert link.y == lane.box.middle
            assert link.x >= layout.axis.x0
    # Stripes alternate within a group.
    for section in layout.sections:
        assert [lane.striped for lane in section.lanes] == [
            i % 2 == 1 for i in range(len(section.lanes))
        ]


def test_a_lane_mark_lies_under_its_summit(archive_data):
    layout = layout_of(archive_data)
    summit_x = layout.summit_x()
    fotonica = layout.lane("fotonica")
    assert fotonica is not None
    assert {link.link.summit_id for link in fotonica.links} >= {"top-2016", "top-2020"}
    for link in fotonica.links:
        assert link.x == pytest.approx(summit_x[link.link.summit_id])


def test_the_group_filter_keeps_one_groups_lanes_and_every_mark(archive_data):
    everything = layout_of(archive_data)
    agenda = layout_of(archive_data, group_filter="high-tech-agenda")
    assert [s.group_id for s in agenda.sections] == ["high-tech-agenda"]
    assert {p.lane.group_id for p in agenda.lanes} == {"high-tech-agenda"}
    assert len(agenda.lanes) < len(everything.lanes)
    assert agenda.marks == everything.marks
    assert agenda.height < everything.height


def test_themes_without_a_group_get_a_section_of_their_own():
    layout = layout_of(crowded())
    assert [(s.group_id, s.name) for s in layout.sections] == [("g", "Groep"), ("", "Zonder groep")]
    assert [s.count.text for s in layout.sections] == ["2 thema's", "1 thema"]
    long_name = layout.lane("t2").label
    assert long_name.text.endswith("…")
    assert long_name.box.right <= layout.name_width


@pytest.mark.parametrize("data", ["archive", "crowded"])
def test_the_legend_fits_the_corner_inside_the_scene(archive_data, data):
    layout = layout_of(archive_data if data == "archive" else crowded())
    legend = layout.legend
    assert layout.scene_box.contains(layout.corner_box)
    assert layout.corner_box.contains(legend.box)
    assert_apart([legend.title.box, *(e.label.box for e in legend.entries), legend.today_label.box])
    assert [(e.family, e.code) for e in legend.entries] == [
        ("kind", "declaration"),
        ("kind", "summit"),
        ("kind", "event"),
        ("relation", "introduced"),
        ("relation", "prioritised"),
        ("relation", "discussed"),
    ]
    assert [e.label.text for e in legend.entries][3:] == [
        "geïntroduceerd",
        "geprioriteerd",
        "besproken",
    ]


@pytest.mark.parametrize("px_per_year", ZOOMS)
def test_year_labels_keep_apart_and_follow_the_axis(archive_data, px_per_year):
    layout = layout_of(archive_data, px_per_year)
    ticks = layout.ticks
    assert [t.year for t in ticks] == list(range(ticks[0].year, ticks[-1].year + 1))
    assert ticks[0].year == 2004 and ticks[-1].year == 2026
    labels = [t.label for t in ticks if t.label is not None]
    assert len(labels) >= 3
    assert_apart([label.box for label in labels])
    assert all(label.box.top >= layout.axis_line.y1 for label in labels)
    assert len(layout.grid) == len(labels)


def test_today_is_drawn_at_its_date():
    layout = layout_of(crowded())
    assert layout.today.x == pytest.approx(layout.axis.x(2026 + 14.5 / 365))
    assert layout.today.label.text == "Vandaag"
    assert layout.today.label.box.right < layout.today.x
    assert layout.today.lanes_line.y2 == layout.height


@pytest.mark.parametrize("width", [700, 1400, 2600])
def test_the_fitted_zoom_shows_the_whole_span_in_the_width(archive_data, width):
    zoom = fit_px_per_year(archive_data, METRICS, TODAY, width)
    layout = layout_of(archive_data, zoom)
    assert layout.width == pytest.approx(width)
    narrow = fit_px_per_year(archive_data, METRICS, TODAY, 100)
    assert narrow == MIN_PX_PER_YEAR


def test_bold_and_small_texts_are_measured_in_their_own_style():
    layout = layout_of(crowded())
    summit = layout.mark("top-a").label
    event = layout.mark("ev-0").label
    assert summit.style == BOLD and event.style == SMALL
    assert summit.box.width == METRICS.width("2020 · Antwerpen", BOLD) + 4


def test_stagger_puts_overlapping_spans_on_new_levels():
    levels = stagger([(0, 50, "a"), (30, 80, "b"), (65, 100, "c"), (200, 210, "d")], gap=10)
    assert levels == {"a": 0, "b": 1, "c": 0, "d": 0}
