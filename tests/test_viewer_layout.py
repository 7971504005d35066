"""The viewer's page geometry alone, without a widget: where pages are at a zoom and a rotation, which
are in view for a scroll position, which page a point is on."""

import pytest
from PySide6.QtCore import QPointF, QRectF

from vlnl_desktop.ui.viewer.layout import SPACING, PageLayout, fit_zoom, widest_size

A4 = (595.0, 842.0)
LANDSCAPE = (842.0, 595.0)


def test_a4_pages_at_100_percent_form_a_centred_column():
    layout = PageLayout([A4] * 10, zoom=1.0)
    first = layout[0]
    assert (first.width(), first.height()) == (793, 1123)  # 595 pt at 96 dpi
    assert first.top() == SPACING
    assert layout[1].top() == SPACING + 1123 + SPACING
    assert layout.height == SPACING + 10 * (1123 + SPACING)
    with pytest.raises(IndexError):
        layout[10]


def test_pages_in_view_and_the_page_at_a_point_for_a_scroll_position():
    layout = PageLayout([A4] * 10, zoom=1.0)
    view = QRectF(0, 3000, 800, 600)  # scrolled to y 3000, a 800 × 600 viewport
    assert list(layout.pages_between(view.top(), view.bottom())) == [2, 3]
    assert layout.most_visible(view) == 2  # 2 shows 405 px of itself, 3 only 183
    assert layout.page_at_y(3300) == 2
    assert layout.page_at(QPointF(400, 3300)) == 2
    gap = layout[2].bottom() + 5  # between pages 2 and 3
    assert layout.page_at(QPointF(400, gap)) == -1
    assert layout.nearest(gap) == 2  # its centre is a little nearer than page 3's
    assert layout.nearest(layout[3].center().y() - 10) == 3


def test_at_200_percent_the_same_scroll_position_is_on_an_earlier_page():
    layout = PageLayout([A4] * 10, zoom=2.0)
    assert layout[0].height() == 2245
    view = QRectF(0, 3000, 800, 600)
    assert list(layout.pages_between(view.top(), view.bottom())) == [1]
    assert layout.most_visible(view) == 1


def test_a_quarter_turn_swaps_width_and_height_and_maps_points():
    sizes = [A4, LANDSCAPE, A4]
    upright = PageLayout(sizes, zoom=1.0)
    turned = PageLayout(sizes, zoom=1.0, rotation=90)
    assert turned[0].width() == upright[0].height()
    assert turned[1].height() == upright[1].width()
    assert turned.width == pytest.approx(842 * 96 / 72 + 2 * SPACING)  # the widest is now 842 pt
    # The top left of the unturned page lands at the top right of the page turned clockwise.
    corner = turned.transform(0).map(QPointF(0, 0))
    assert corner.x() == pytest.approx(turned[0].right(), abs=1)
    assert corner.y() == pytest.approx(turned[0].top(), abs=1)
    inside = turned.transform(2).map(QPointF(100, 100))
    assert turned.page_at(inside) == 2


def test_fit_width_and_fit_page_zoom():
    sizes = [A4, LANDSCAPE]
    widest = widest_size(sizes)
    assert widest == (842.0, 842.0)
    assert fit_zoom("width", widest, A4, 0, 1123, 600) == pytest.approx(1.0, abs=0.01)
    assert fit_zoom("page", widest, A4, 0, 2000, 1123) == pytest.approx(1.0, abs=0.01)
    assert fit_zoom("page", widest, A4, 90, 2000, 793) == pytest.approx(1.0, abs=0.01)
