"""Selecting text in the viewer as readers do: by character in reading order across lines, a word by
double-click, a line by triple-click, the page by Ctrl+A, Shift+click to extend; Alt+drag keeps the
rectangle for tables. Copying gives whole lines and words in reading order."""

from __future__ import annotations

import pymupdf
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication

from samples import MULTICOLUMN, SMALL
from vlnl_desktop.core.pdf.document import PageChars, TextLine
from vlnl_desktop.ui.viewer.reading_order import PageText
from vlnl_desktop.ui.viewer.viewer import PdfViewer

TIMEOUT = 15000
LINE_1 = "Hello, here is some text without a meaning. This text should show what a printed text"
LINE_2 = "will look like at this place. If you read this text, you will get no information. Really?"
LINE_3 = "Is there no information? Is there a difference between this text and some nonsense like"


def _viewer_on(qtbot, path):
    """A shown viewer with ``path`` open, the clipboard empty."""
    widget = PdfViewer()
    qtbot.addWidget(widget)
    widget.resize(1000, 800)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    with qtbot.waitSignal(widget.document_opened, timeout=TIMEOUT):
        widget.open_file(path)
    QGuiApplication.clipboard().clear()
    return widget


@pytest.fixture
def viewer(qtbot):
    widget = _viewer_on(qtbot, SMALL)
    widget.view.fit_width()
    return widget


def at(viewer, x, y, page=0) -> QPoint:
    """The viewport position of point (x, y) of ``page``, in PDF points from its top left."""
    rect = viewer.view.page_viewport_rect(page)
    width, height = viewer.view.page_sizes()[page]
    return QPoint(
        round(rect.left() + x * rect.width() / width),
        round(rect.top() + y * rect.height() / height),
    )


def word_centre(word: str, page: int = 0) -> tuple[float, float]:
    with pymupdf.open(SMALL) as doc:
        r = doc[page].search_for(word)[0]
    return (r.x0 + r.x1) / 2, (r.y0 + r.y1) / 2


def copied(qtbot, viewer) -> str:
    viewer.view.setFocus()
    qtbot.keyClick(viewer.view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: QGuiApplication.clipboard().text() != "", timeout=TIMEOUT)
    return QGuiApplication.clipboard().text()


def drag(qtbot, viewer, start: QPoint, end: QPoint, modifier=Qt.KeyboardModifier.NoModifier):
    viewport = viewer.view.viewport()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, modifier, start)
    qtbot.mouseMove(viewport, QPoint((start.x() + end.x()) // 2, (start.y() + end.y()) // 2))
    qtbot.mouseMove(viewport, end)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, modifier, end)


def test_a_drag_across_three_lines_copies_whole_lines_in_reading_order(qtbot, viewer):
    drag(qtbot, viewer, at(viewer, 95, 92), at(viewer, 200, 119))
    text = copied(qtbot, viewer)
    lines = text.split("\n")
    assert lines[:2] == [LINE_1, LINE_2]
    assert len(lines) == 3 and LINE_3.startswith(lines[2]) and lines[2].startswith("Is there no")


def test_dragging_backwards_selects_the_same_text(qtbot, viewer):
    drag(qtbot, viewer, at(viewer, 200, 119), at(viewer, 95, 92))
    assert copied(qtbot, viewer).split("\n")[:2] == [LINE_1, LINE_2]


def test_double_click_selects_a_word_and_triple_click_a_line(qtbot, viewer):
    viewport = viewer.view.viewport()
    point = at(viewer, *word_centre("meaning"))
    qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=point)
    assert copied(qtbot, viewer) == "meaning."
    QGuiApplication.clipboard().clear()
    point = at(viewer, *word_centre("Really"))
    qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=point)
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=point)
    assert copied(qtbot, viewer) == LINE_2


def test_shift_click_extends_the_selection(qtbot, viewer):
    drag(qtbot, viewer, at(viewer, 95, 92), at(viewer, 300, 92))
    x, y = word_centre("Huardest")
    qtbot.mouseClick(
        viewer.view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ShiftModifier,
        at(viewer, x + 60, y),
    )  # fmt: skip
    lines = copied(qtbot, viewer).split("\n")
    assert lines[:3] == [LINE_1, LINE_2, LINE_3]
    assert lines[3].startswith("“Huardest gef")


def test_ctrl_a_selects_the_page(qtbot, viewer):
    viewer.view.setFocus()
    qtbot.keyClick(viewer.view, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    text = copied(qtbot, viewer)
    assert text.startswith(LINE_1 + "\n" + LINE_2)
    with pymupdf.open(SMALL) as doc:
        last_words = doc[0].get_text().split()[-3:]
    assert text.split()[-3:] == last_words


def test_the_selection_is_painted_over_the_lines(qtbot, viewer):
    drag(qtbot, viewer, at(viewer, 95, 92), at(viewer, 200, 119))
    qtbot.waitUntil(lambda: viewer.view.selection_text is not None, timeout=TIMEOUT)
    image = viewer.view.viewport().grab().toImage()
    right_of_line_2 = at(viewer, 480, 106)  # selected: the whole second line
    right_of_line_3 = at(viewer, 480, 119)  # not selected: the third line ends at x = 200
    blue = image.pixelColor(right_of_line_2)
    white = image.pixelColor(right_of_line_3)
    assert blue.blue() > blue.red() + 20
    assert white.blue() - white.red() < 10


def test_alt_drag_selects_a_rectangle_for_tables(qtbot, viewer):
    drag(qtbot, viewer, at(viewer, 95, 88), at(viewer, 200, 120), Qt.KeyboardModifier.AltModifier)
    lines = copied(qtbot, viewer).split("\n")
    assert len(lines) == 3
    assert lines[0].startswith("Hello, here") and lines[0] != LINE_1  # cut at the right edge


def test_a_column_read_in_reading_order(qtbot):
    widget = _viewer_on(qtbot, MULTICOLUMN)
    widget.view.fit_page()
    drag(qtbot, widget, at(widget, 80, 298), at(widget, 300, 680))
    text = copied(qtbot, widget)
    assert text.startswith("Lorem ipsum dolor sit amet, consectetuer adip-\niscing elit. Ut purus")
    assert text.endswith("Donec nonummy")  # below the column is the column's end
    assert "Quisque ullamcorper" not in text  # the right column is not in it


# --- the geometry on its own ---


def _line(text, x, y, width=6.0, height=10.0):
    boxes = tuple((x + i * width, y, x + (i + 1) * width, y + height) for i in range(len(text)))
    return TextLine(text, boxes, (x, y, x + len(text) * width, y + height))


def test_positions_words_and_lines_in_reading_order():
    text = PageText(PageChars(0, (_line("een twee", 10, 10), _line("drie", 10, 30))))
    assert text.position_at(0, 15) == 0  # left of the first line: its start
    assert text.position_at(200, 15) == 8  # right of it: its end
    assert text.position_at(12, 22) in (0, 8)  # between the lines: the nearer one
    assert text.word_at(60, 15) == (4, 8)
    assert text.line_at(20, 35) == (8, 12)
    assert text.text_between(4, 10) == "twee\ndr"
    assert len(text.boxes_between(0, 12)) == 2


def test_two_pieces_on_one_row_are_joined_by_a_space():
    text = PageText(PageChars(0, (_line("elit.", 10, 10), _line("Ut purus", 60, 10))))
    assert text.text_between(0, text.length) == "elit. Ut purus"
