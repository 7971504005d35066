"""The colours and marker shapes the window gives the archive's codes: one palette for the timeline
and the theme × summit table.

Every colour comes as a (light, dark) pair: the first for a light background, the second for a dark
one, both readable (contrast >= 3) on the background they are meant for. The codes are those of
``core/vocabulary.py`` (``TIMELINE_KINDS``, ``RELATIONS``); the words for them live in
``ui/labels.py``, not here.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QPalette

ColourPair = tuple[str, str]  # (on a light background, on a dark background)

KIND_COLOURS: dict[str, ColourPair] = {
    "declaration": ("#7b3fa0", "#c99be6"),
    "summit": ("#1d5fa8", "#6fa8ff"),
    "event": ("#5f6f7f", "#a4b4c4"),
}
RELATION_COLOURS: dict[str, ColourPair] = {
    "introduced": ("#23845a", "#5fd08f"),
    "prioritised": ("#d0650a", "#ffaa55"),
    "discussed": ("#4f5f70", "#b5c3d1"),
}
UNKNOWN_RELATION_COLOUR: ColourPair = ("#808080", "#a0a0a0")
TODAY_COLOUR: ColourPair = ("#c62828", "#ff7070")
FOCUS_COLOUR: ColourPair = ("#1a5fb4", "#78aeff")  # the keyboard focus frame (ui/focus_frame.py)


@dataclass(frozen=True)
class Marker:
    """How a mark is drawn: its outline, its radius in pixels, and whether it is filled."""

    shape: str  # "circle", "square" or "diamond"
    radius: float
    filled: bool = True


KIND_MARKERS: dict[str, Marker] = {
    "declaration": Marker("square", 6.0),
    "summit": Marker("circle", 7.5),
    "event": Marker("circle", 4.0),
}
RELATION_MARKERS: dict[str, Marker] = {
    "introduced": Marker("circle", 6.5),
    "prioritised": Marker("diamond", 6.5),
    "discussed": Marker("circle", 5.0, filled=False),  # the weakest relation: hollow
}
UNKNOWN_RELATION_MARKER = Marker("circle", 5.0)

# The window's colours for ``--dark`` in the stand-alone timeline (``python -m
# vlnl_desktop.ui.timeline``): a dark Fusion palette to check the pairs above against.
DARK_WINDOW_COLOURS: dict[str, str] = {
    "Window": "#2b2b2e",
    "WindowText": "#e6e6e6",
    "Base": "#1e1f22",
    "AlternateBase": "#26272b",
    "Text": "#e6e6e6",
    "Button": "#35363a",
    "ButtonText": "#e6e6e6",
    "Highlight": "#3d7bd9",
    "HighlightedText": "#ffffff",
    "ToolTipBase": "#35363a",
    "ToolTipText": "#e6e6e6",
    "PlaceholderText": "#8a8a8a",
}


def is_dark(palette: QPalette) -> bool:
    """Whether the palette's background for content (Base) is dark."""
    return palette.color(QPalette.ColorRole.Base).lightness() < 128


def pick(pair: ColourPair, dark: bool) -> QColor:
    light, on_dark = pair
    return QColor(on_dark if dark else light)


def kind_colour(kind: str, dark: bool) -> QColor:
    return pick(KIND_COLOURS[kind], dark)


def relation_colour(relation: str, dark: bool) -> QColor:
    return pick(RELATION_COLOURS.get(relation, UNKNOWN_RELATION_COLOUR), dark)


def relation_marker(relation: str) -> Marker:
    return RELATION_MARKERS.get(relation, UNKNOWN_RELATION_MARKER)


def dark_palette() -> QPalette:
    palette = QPalette()
    for role, colour in DARK_WINDOW_COLOURS.items():
        palette.setColor(getattr(QPalette.ColorRole, role), QColor(colour))
    return palette
