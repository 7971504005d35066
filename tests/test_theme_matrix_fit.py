"""The theme × summit table on a laptop: at 1400 px every summit fits as a compact column with its
year, the theme names stay put while the table scrolls sideways, and the groups are section rows."""

from __future__ import annotations

from PySide6.QtCore import Qt

from vlnl_desktop.ui.theme_matrix import ROLE_SECTION


def _matrix_at(qtbot, window, width):
    window.resize(width, 900)
    window.view_tabs.matrix_action.trigger()
    matrix = window.view_tabs.matrix
    qtbot.waitUntil(lambda: matrix.isVisible() and matrix.model().rowCount() > 0)
    qtbot.wait(20)
    return matrix


def test_every_summit_fits_at_1400_px(qtbot, main_window):
    matrix = _matrix_at(qtbot, main_window, 1400)
    header = matrix.horizontalHeader()
    summits = matrix.header_labels()[2:]
    assert len(summits) == 7
    right = header.viewport().width()
    for column in range(2, 2 + len(summits)):
        assert header.sectionViewportPosition(column) + header.sectionSize(column) <= right
        year = matrix.model().headerData(column, Qt.Orientation.Horizontal)
        assert year == matrix.header_labels()[column][:4]  # "2011", the place in the tooltip
    assert matrix.isColumnHidden(1)  # no group column taking width


def test_the_theme_names_stay_put_while_the_summits_scroll(qtbot, main_window):
    matrix = _matrix_at(qtbot, main_window, 1024)
    bar = matrix.horizontalScrollBar()
    assert bar.maximum() > 0  # at 1024 px the table scrolls sideways
    bar.setValue(bar.maximum())
    qtbot.wait(20)
    frozen = matrix.frozen
    assert frozen.isVisible()
    assert frozen.geometry().left() <= matrix.frameWidth()
    assert frozen.columnWidth(0) == matrix.columnWidth(0)
    first = frozen.model().index(1, 0).data()
    assert frozen.visualRect(frozen.model().index(1, 0)).width() > 100 and first


def test_groups_are_section_rows_in_the_archives_order(qtbot, main_window):
    matrix = _matrix_at(qtbot, main_window, 1400)
    model = matrix.model()
    sections = [r for r in range(model.rowCount()) if model.index(r, 0).data(ROLE_SECTION)]
    assert sections and sections[0] == 0
    assert model.index(0, 0).data() == "Focusthema's 2013"
    name = model.index(0, 0).data()
    assert matrix.fontMetrics().horizontalAdvance(name) < matrix.frozen.columnWidth(0)
    summit = matrix.header_labels().index("2016 · Gent")
    matrix.sortByColumn(summit, Qt.SortOrder.AscendingOrder)
    assert not any(model.index(r, 0).data(ROLE_SECTION) for r in range(model.rowCount()))
