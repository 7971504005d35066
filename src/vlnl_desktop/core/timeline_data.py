"""What the timeline and the theme × summit table show, read from the archive with plain sqlite3.

``load_timeline(conn)`` returns a ``TimelineData``: the dated records as ``Mark``s (declarations,
summits, events), one ``Lane`` per theme that a summit introduced, prioritised or discussed, and the
theme ``Group``s the lanes live in (a theme lives in its primary group). Qt-free, like all of ``core``.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from datetime import date

from vlnl_desktop.core.vocabulary import TIMELINE_KINDS

_DAYS_BEFORE_MONTH = (0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334)


def decimal_year(value: str) -> float:
    """An ISO date of day, month or year precision as a fractional year, at the middle of its span.

    ``"2016-11-07"`` -> 2016.85; ``"2016-11"`` -> the middle of November; ``"2016"`` -> 2016.5.
    """
    parts = value.split("-")
    year = int(parts[0])
    if len(parts) == 1:
        return year + 0.5
    month = int(parts[1])
    day = int(parts[2]) - 0.5 if len(parts) > 2 else 15.0
    return year + (_DAYS_BEFORE_MONTH[month - 1] + day) / 365.0


def date_to_decimal(day: date) -> float:
    """A calendar day as a fractional year (the same scale as ``decimal_year``)."""
    return decimal_year(day.isoformat())


@dataclass(frozen=True)
class Mark:
    """A dated record on the time axis."""

    record_id: str
    kind: str  # "declaration", "summit" or "event"
    title: str
    date: str  # ISO, day, month or year precision
    label: str  # what the axis shows: "2013 · Maastricht"
    summary: str = ""
    event_kind: str = ""  # events only: rapport, overleg, akkoord, …

    @property
    def year(self) -> int:
        return int(self.date[:4])

    @property
    def position(self) -> float:
        """Where the mark sits on the axis, in fractional years."""
        return decimal_year(self.date)


@dataclass(frozen=True)
class LaneLink:
    """A summit's relation to a theme: one mark in the theme's lane."""

    summit_id: str
    date: str
    relation: str  # one of RELATIONS
    note: str = ""

    @property
    def position(self) -> float:
        return decimal_year(self.date)


@dataclass(frozen=True)
class Lane:
    """One theme: its summit links in date order."""

    theme_id: str
    name: str
    group_id: str
    summary: str = ""
    links: tuple[LaneLink, ...] = ()

    def relation_at(self, summit_id: str) -> str | None:
        for link in self.links:
            if link.summit_id == summit_id:
                return link.relation
        return None


@dataclass(frozen=True)
class Group:
    """A theme group (a node of the theme tree), a header above its lanes."""

    group_id: str
    name: str
    summary: str = ""
    position: int = 0


@dataclass
class TimelineData:
    marks: list[Mark] = field(default_factory=list)
    lanes: list[Lane] = field(default_factory=list)
    groups: list[Group] = field(default_factory=list)

    @property
    def summits(self) -> list[Mark]:
        """The summits in date order: the columns of the theme × summit table."""
        return [m for m in self.marks if m.kind == "summit"]

    def mark(self, record_id: str) -> Mark | None:
        return next((m for m in self.marks if m.record_id == record_id), None)

    def lanes_in(self, group_id: str) -> list[Lane]:
        return [lane for lane in self.lanes if lane.group_id == group_id]

    def group(self, group_id: str) -> Group | None:
        return next((g for g in self.groups if g.group_id == group_id), None)

    def groups_with_lanes(self) -> list[Group]:
        used = {lane.group_id for lane in self.lanes}
        return [g for g in self.groups if g.group_id in used]

    @property
    def first_year(self) -> int | None:
        return min((m.year for m in self.marks), default=None)


def summit_label(date_value: str, place: str) -> str:
    return f"{date_value[:4]} · {place}"


MARKS_SQL = """
SELECT r.id, r.kind, r.title, r.date, COALESCE(r.summary, '') AS summary,
       s.place, COALESCE(e.kind, '') AS event_kind
FROM records r
LEFT JOIN summits s ON s.id = r.id
LEFT JOIN events e ON e.id = r.id
WHERE r.kind IN ('declaration', 'summit', 'event') AND r.date IS NOT NULL AND r.date != ''
ORDER BY r.date, CASE r.kind WHEN 'declaration' THEN 0 WHEN 'summit' THEN 1 ELSE 2 END, r.id
"""

GROUPS_SQL = """
SELECT id, name, COALESCE(summary, '') AS summary, COALESCE(position, 0) AS position
FROM theme_groups ORDER BY position, name
"""

# A theme's primary group; a theme without one falls back to its first membership.
THEMES_SQL = """
SELECT t.id, t.name, COALESCE(t.summary, '') AS summary,
       (SELECT m.group_id FROM theme_memberships m WHERE m.theme_id = t.id
        ORDER BY m.is_primary DESC, m.position, m.group_id LIMIT 1) AS group_id
FROM themes t ORDER BY COALESCE(t.position, 0), t.name
"""

LINKS_SQL = """
SELECT st.theme_id, st.summit_id, s.date, st.relation, COALESCE(st.note, '') AS note
FROM summit_themes st JOIN summits s ON s.id = st.summit_id
ORDER BY st.theme_id, s.date
"""


def _declaration_label(date_value: str) -> str:
    return f"{date_value[:4]} · Intentieverklaring"


def load_timeline(conn: sqlite3.Connection, *, include_unlinked: bool = False) -> TimelineData:
    """The timeline's marks, lanes and groups.

    One mark per declaration, summit and dated event (undated events have no place on an axis).
    One lane per theme with at least one summit link, or per theme when ``include_unlinked``.
    """
    marks = []
    for rid, kind, title, date_value, summary, place, event_kind in conn.execute(MARKS_SQL):
        if kind == "summit":
            label = summit_label(date_value, place or title)
        elif kind == "declaration":
            label = _declaration_label(date_value)
        else:
            label = title
        marks.append(Mark(rid, kind, title, date_value, label, summary, event_kind))
    # By position, not by the date's text: "2018" (mid-year) comes after "2018-04".
    marks.sort(key=lambda m: (m.position, TIMELINE_KINDS.index(m.kind), m.record_id))

    groups = [
        Group(gid, name, summary, pos) for gid, name, summary, pos in conn.execute(GROUPS_SQL)
    ]

    links: dict[str, list[LaneLink]] = {}
    for theme_id, summit_id, date_value, relation, note in conn.execute(LINKS_SQL):
        if date_value:
            links.setdefault(theme_id, []).append(LaneLink(summit_id, date_value, relation, note))

    lanes = []
    for theme_id, name, summary, group_id in conn.execute(THEMES_SQL):
        theme_links = links.get(theme_id, [])
        if theme_links or include_unlinked:
            lanes.append(Lane(theme_id, name, group_id or "", summary, tuple(theme_links)))
    # Lanes follow their groups' order; within a group, the themes' own order.
    group_rank = {g.group_id: i for i, g in enumerate(groups)}
    lanes.sort(key=lambda lane: group_rank.get(lane.group_id, len(groups)))
    return TimelineData(marks, lanes, groups)
