"""The keyboard focus is easy to see: the focused widget has a clear frame, in light and dark."""

from __future__ import annotations

from PySide6.QtCore import QPoint

from colour_contrast import contrast
from vlnl_desktop.ui.palette import dark_palette


def _edge_colours(window, widget):
    """The colours drawn across the left edge of ``widget`` (3 pixels out to 2 in), halfway down."""
    image = window.grab().toImage()
    ratio = window.devicePixelRatioF()
    colours = []
    for x in range(-3, 3):
        point = widget.mapTo(window, QPoint(x, widget.height() // 2))
        colours.append(image.pixelColor(round(point.x() * ratio), round(point.y() * ratio)))
    return colours


def _check_frame(qtbot, window, widget, background):
    from PySide6.QtWidgets import QApplication

    from vlnl_desktop.ui.focus_frame import FocusFollower

    # installed after the first paint
    qtbot.waitUntil(lambda: QApplication.instance().findChild(FocusFollower) is not None)
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)
    from vlnl_desktop.ui.focus_frame import FocusRing

    rings = [r for r in window.findChildren(FocusRing) if r.isVisible()]
    assert len(rings) == 1 and rings[0].widget() is widget
    qtbot.wait(20)
    colours = _edge_colours(window, widget)
    best = max(colours, key=lambda c: contrast(c, background))
    assert contrast(best, background) >= 3, [c.name() for c in colours]


def test_the_focused_widget_has_a_clear_frame(qtbot, main_window):
    background = main_window.palette().color(main_window.backgroundRole())
    _check_frame(qtbot, main_window, main_window.tree, background)
    _check_frame(qtbot, main_window, main_window.detail.browser, background)


def test_the_frame_is_clear_on_a_dark_palette(qtbot, main_window):
    main_window.setPalette(dark_palette())
    background = main_window.palette().color(main_window.backgroundRole())
    _check_frame(qtbot, main_window, main_window.tree, background)
