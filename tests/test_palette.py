"""One palette: every kind on the time axis and every relation has a marker and a readable colour
on a light and on a dark background."""

import pytest
from PySide6.QtGui import QColor, QPalette

from colour_contrast import contrast
from vlnl_desktop.core.vocabulary import RELATIONS, TIMELINE_KINDS
from vlnl_desktop.ui import palette


def test_every_timeline_kind_and_relation_has_a_colour_and_a_marker():
    assert set(palette.KIND_COLOURS) == set(palette.KIND_MARKERS) == set(TIMELINE_KINDS)
    assert set(palette.RELATION_COLOURS) == set(palette.RELATION_MARKERS) == set(RELATIONS)
    # The weakest relation is the one drawn hollow.
    assert [palette.relation_marker(r).filled for r in RELATIONS] == [True, True, False]


@pytest.mark.parametrize(("background", "dark"), [("#ffffff", False), ("#1e1f22", True)])
def test_colours_are_readable_on_the_background_they_are_for(background, dark):
    base = QColor(background)
    colours = [palette.kind_colour(k, dark) for k in TIMELINE_KINDS]
    colours += [palette.relation_colour(r, dark) for r in RELATIONS]
    colours.append(palette.pick(palette.TODAY_COLOUR, dark))
    for colour in colours:
        assert contrast(colour, base) >= 3.0, colour.name()


def test_dark_is_told_from_the_palettes_background(qapp):
    dark = palette.dark_palette()
    assert palette.is_dark(dark)
    light = QPalette(dark)
    light.setColor(QPalette.ColorRole.Base, QColor("#ffffff"))
    assert not palette.is_dark(light)
    # An unknown relation still gets a colour and a marker.
    assert palette.relation_colour("unknown", False).isValid()
    assert palette.relation_marker("unknown").radius > 0
