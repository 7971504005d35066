"""Sorting the theme × summit table: a summit's column by the strength of the relation, ties and
the group column in the archive's order, the theme column by name."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt

from vlnl_desktop.core.timeline_data import Group, Lane, LaneLink, Mark, TimelineData
from vlnl_desktop.ui.theme_matrix import ThemeMatrix

SUMMIT = "2020 · Brasschaat"
# The archive's order of themes, and how the summit treated each ("" for not at all).
THEMES = [
    ("zon", "g1", "discussed"),
    ("appel", "g1", ""),
    ("water", "g1", "introduced"),
    ("mest", "g2", "prioritised"),
    ("beton", "g2", "discussed"),
    ("klei", "g2", "introduced"),
    ("vis", "g2", ""),
    ("data", "g2", "prioritised"),
]
WORDS = {"introduced": "geïntroduceerd", "prioritised": "geprioriteerd", "discussed": "besproken"}


def data() -> TimelineData:
    summits = [
        Mark("top-2018", "summit", "Top 2018", "2018-11-05", "2018 · Middelburg"),
        Mark("top-2020", "summit", "Top 2020", "2020-11-30", SUMMIT),
    ]
    lanes = [
        Lane(
            theme,
            theme.capitalize(),
            group,
            links=(
                (LaneLink("top-2018", "2018-11-05", "discussed"),)
                + ((LaneLink("top-2020", "2020-11-30", relation),) if relation else ())
            ),
        )
        for theme, group, relation in THEMES
    ]
    return TimelineData(summits, lanes, [Group("g1", "Eerste"), Group("g2", "Tweede")])


@pytest.fixture
def matrix(qtbot):
    widget = ThemeMatrix(data=data())
    qtbot.addWidget(widget)
    return widget


def column(matrix: ThemeMatrix, label: str) -> list[str]:
    index = matrix.header_labels().index(label)
    return [row[index] for row in matrix.rows()]


def test_sorting_a_summit_column_puts_introduced_prioritised_discussed_then_empty(matrix):
    index = matrix.header_labels().index(SUMMIT)
    matrix.sortByColumn(index, Qt.SortOrder.AscendingOrder)
    assert column(matrix, SUMMIT) == [
        WORDS["introduced"],
        WORDS["introduced"],
        WORDS["prioritised"],
        WORDS["prioritised"],
        WORDS["discussed"],
        WORDS["discussed"],
        "",
        "",
    ]
    # Equal relations keep the archive's order of themes.
    assert column(matrix, "Thema") == [
        "Water",
        "Klei",
        "Mest",
        "Data",
        "Zon",
        "Beton",
        "Appel",
        "Vis",
    ]

    matrix.sortByColumn(index, Qt.SortOrder.DescendingOrder)
    assert column(matrix, SUMMIT)[:2] == ["", ""]
    assert column(matrix, SUMMIT)[-2:] == [WORDS["introduced"]] * 2


def test_the_group_column_restores_the_archives_order_and_the_theme_column_sorts_by_name(matrix):
    original = [theme.capitalize() for theme, _group, _relation in THEMES]
    assert column(matrix, "Thema") == original  # as the table starts
    matrix.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    assert column(matrix, "Thema") == sorted(original)
    matrix.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    assert column(matrix, "Thema") == original


def test_a_new_set_of_data_keeps_the_users_sort(qtbot, matrix):
    header = matrix.horizontalHeader()
    index = matrix.header_labels().index(SUMMIT)
    matrix.show()
    qtbot.waitExposed(matrix)
    at = QPoint(header.sectionViewportPosition(index) + 5, header.height() // 2)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=at)
    first = column(matrix, SUMMIT)
    assert first[0] in (WORDS["introduced"], "") and first != column(matrix, "Thema")
    matrix.set_data(data())
    assert column(matrix, SUMMIT) == first
