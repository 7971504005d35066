"""The "Tijdlijn" view and the theme × summit table, driven as a user would."""

import csv
import xml.etree.ElementTree as ET
from datetime import date

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QMouseEvent, QPalette, QWheelEvent
from PySide6.QtWidgets import QApplication

from colour_contrast import contrast
from vlnl_desktop.core.timeline_data import decimal_year, load_timeline
from vlnl_desktop.ui.theme_matrix import ThemeMatrix
from vlnl_desktop.ui.timeline.view import TimelineView

TODAY = date(2026, 1, 15)


@pytest.fixture
def conn(readonly_conn):
    return readonly_conn


@pytest.fixture
def view(qtbot, conn):
    widget = TimelineView(data=load_timeline(conn), today=TODAY)
    qtbot.addWidget(widget)
    widget.resize(1400, 900)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


@pytest.fixture
def matrix(qtbot, conn):
    widget = ThemeMatrix(data=load_timeline(conn))
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def dated_records(conn):
    """The dated declarations, summits and events, earliest first."""
    rows = conn.execute(
        "SELECT id, date FROM records WHERE kind IN ('declaration', 'summit', 'event') "
        "AND date IS NOT NULL AND date != ''"
    ).fetchall()
    return [rid for rid, when in sorted(rows, key=lambda row: decimal_year(row[1]))]


def click(qtbot, view, pos):
    qtbot.mouseClick(view.canvas.viewport(), Qt.MouseButton.LeftButton, pos=pos)


def colour_near(image: QImage, pos: QPoint, colour: QColor, radius: int = 14) -> bool:
    """Whether ``colour`` is painted within ``radius`` pixels of ``pos``."""
    ratio = image.devicePixelRatio()
    for dx in range(-radius, radius + 1):
        for dy in range(-radius, radius + 1):
            x, y = round((pos.x() + dx) * ratio), round((pos.y() + dy) * ratio)
            if 0 <= x < image.width() and 0 <= y < image.height():
                pixel = image.pixelColor(x, y)
                if all(
                    abs(a - b) <= 12
                    for a, b in zip(pixel.getRgb()[:3], colour.getRgb()[:3], strict=True)
                ):
                    return True
    return False


# -- what is drawn ------------------------------------------------------------------------------


def test_every_dated_record_has_a_visible_mark_at_the_fitted_zoom(view, conn):
    records = dated_records(conn)
    assert len(records) == 32  # 2 declarations, 7 summits, 23 dated events
    viewport = view.canvas.viewport().rect()
    xs = []
    for record_id in records:
        pos = view.mark_position(record_id)
        assert pos is not None, record_id
        assert viewport.contains(pos), record_id
        xs.append(pos.x())
    assert xs == sorted(xs)  # earlier records to the left
    # The whole span fits: no horizontal scrolling needed at first.
    assert view.canvas.horizontalScrollBar().maximum() == 0


def test_one_lane_per_theme_with_summit_links(view, conn):
    linked = {row[0] for row in conn.execute("SELECT DISTINCT theme_id FROM summit_themes")}
    assert set(view.visible_lane_ids()) == linked
    assert len(view.visible_lane_ids()) == len(linked)
    # The high tech agenda's lanes lie together, under the focus themes of 2013.
    lanes = view.visible_lane_ids()
    assert lanes.index("high-tech-systemen-materialen") < lanes.index("fotonica")
    # Fotonica: introduced in 2016, prioritised in 2020, each at its summit's column.
    for summit in ("top-2016", "top-2020"):
        lane_mark = view.lane_mark_position("fotonica", summit)
        assert lane_mark is not None
        assert abs(lane_mark.x() - view.mark_position(summit).x()) <= 1
    assert view.lane_mark_position("fotonica", "top-2013") is None


def test_the_labels_say_year_and_place_and_do_not_overlap(view):
    labels = [
        item
        for item in view.scene.items()
        if hasattr(item, "text") and item.data(1) == "mark" and item.isVisible()
    ]
    texts = {item.text for item in labels}
    assert {"2013 · Maastricht", "2016 · Gent", "2023 · 's-Hertogenbosch"} <= texts
    rects = [item.sceneBoundingRect() for item in labels]
    for i, a in enumerate(rects):
        for b in rects[i + 1 :]:
            assert not a.intersects(b), (a, b)


# -- interaction -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "record_id", ["top-2016", "intentieverklaring-2004", "wi-dag-2019", "top-2025"]
)
def test_clicking_a_mark_activates_its_record(qtbot, view, record_id):
    with qtbot.waitSignal(view.record_activated) as blocker:
        click(qtbot, view, view.mark_position(record_id))
    assert blocker.args == [record_id]


def test_clicking_a_lane_mark_opens_the_summit_and_a_theme_name_the_theme(qtbot, view):
    with qtbot.waitSignal(view.record_activated) as blocker:
        click(qtbot, view, view.lane_mark_position("waterstoftechnologie", "top-2020"))
    assert blocker.args == ["top-2020"]
    lane_y = view.lane_mark_position("waterstoftechnologie", "top-2020").y()
    with qtbot.waitSignal(view.record_activated) as blocker:
        click(qtbot, view, QPoint(40, lane_y))
    assert blocker.args == ["waterstoftechnologie"]


def test_clicking_empty_space_activates_nothing(qtbot, view):
    lane = view.lane_mark_position("fotonica", "top-2016")
    with qtbot.assertNotEmitted(view.record_activated):
        click(qtbot, view, QPoint(lane.x() - 60, lane.y()))


def test_select_record_highlights_the_mark_without_activating_it(qtbot, view):
    highlight = view.palette().color(QPalette.ColorRole.Highlight)
    pos = view.mark_position("top-2020")
    before = view.canvas.viewport().grab().toImage()
    assert not colour_near(before, pos, highlight)
    with qtbot.assertNotEmitted(view.record_activated):
        view.select_record("top-2020")
    assert view.highlighted_ids() == {"top-2020"}
    after = view.canvas.viewport().grab().toImage()
    assert colour_near(after, pos, highlight)
    # The summit's marks in the lanes light up too.
    assert colour_near(
        after, view.lane_mark_position("waterstoftechnologie", "top-2020"), highlight
    )
    # Selecting something else moves the highlight.
    view.select_record("intentieverklaring-2008")
    again = view.canvas.viewport().grab().toImage()
    assert view.highlighted_ids() == {"intentieverklaring-2008"}
    assert not colour_near(again, pos, highlight, radius=10)
    assert colour_near(again, view.mark_position("intentieverklaring-2008"), highlight)


def test_selecting_a_theme_highlights_its_lane(view):
    highlight = view.palette().color(QPalette.ColorRole.Highlight)
    view.select_record("fotonica")
    assert view.highlighted_ids() == {"fotonica"}
    image = view.canvas.viewport().grab().toImage()
    assert colour_near(image, view.lane_mark_position("fotonica", "top-2020"), highlight)
    view.select_record("not-a-record")
    assert view.highlighted_ids() == set()


def test_filtering_by_group_shows_only_that_groups_lanes(qtbot, view, conn):
    agenda = [
        row[0]
        for row in conn.execute(
            "SELECT theme_id FROM theme_memberships WHERE group_id = 'high-tech-agenda' "
            "AND is_primary = 1 AND theme_id IN (SELECT theme_id FROM summit_themes)"
        )
    ]
    index = view.group_combo.findData("high-tech-agenda")
    assert index > 0
    view.group_combo.setCurrentIndex(index)
    assert set(view.visible_lane_ids()) == set(agenda)
    assert view.lane_mark_position("deltaregio", "top-2011") is None
    assert view.lane_mark_position("fotonica", "top-2016") is not None
    # The time axis keeps every mark.
    assert view.mark_position("top-2011") is not None
    view.set_group_filter(None)
    assert "deltaregio" in view.visible_lane_ids()
    assert view.group_combo.currentIndex() == 0


def test_keys_zoom_pan_and_home_fits_again(qtbot, view):
    fitted = view.px_per_year
    view.canvas.setFocus()
    qtbot.keyClick(view.canvas, Qt.Key.Key_Plus)
    qtbot.keyClick(view.canvas, Qt.Key.Key_Plus)
    assert view.px_per_year > fitted * 1.5
    hbar = view.canvas.horizontalScrollBar()
    assert hbar.maximum() > 0
    start = hbar.value()
    qtbot.keyClick(view.canvas, Qt.Key.Key_Right)
    assert hbar.value() > start
    qtbot.keyClick(view.canvas, Qt.Key.Key_Minus)
    assert view.px_per_year < fitted * 1.5
    qtbot.keyClick(view.canvas, Qt.Key.Key_Home)
    assert view.px_per_year == pytest.approx(fitted)
    assert hbar.value() == 0


def test_wheel_zooms_around_the_pointer(qtbot, view):
    pos = view.mark_position("top-2016")
    fitted = view.px_per_year
    event = QWheelEvent(
        QPointF(pos),
        QPointF(view.canvas.viewport().mapToGlobal(pos)),
        QPoint(0, 0),
        QPoint(0, 360),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(view.canvas.viewport(), event)
    assert view.px_per_year > fitted * 1.5
    # The summit under the pointer stays under it.
    assert abs(view.mark_position("top-2016").x() - pos.x()) <= 3


def test_dragging_pans_and_does_not_activate(qtbot, view):
    view.set_zoom(view.px_per_year * 3)
    hbar = view.canvas.horizontalScrollBar()
    hbar.setValue(hbar.maximum() // 2)
    start = hbar.value()
    viewport = view.canvas.viewport()
    pos = view.mark_position("top-2016")

    def send(kind, at, buttons):
        event = QMouseEvent(
            kind,
            QPointF(at),
            QPointF(viewport.mapToGlobal(at)),
            Qt.MouseButton.LeftButton if kind != QEvent.Type.MouseMove else Qt.MouseButton.NoButton,
            buttons,
            Qt.KeyboardModifier.NoModifier,
        )
        QApplication.sendEvent(viewport, event)

    with qtbot.assertNotEmitted(view.record_activated):
        send(QEvent.Type.MouseButtonPress, pos, Qt.MouseButton.LeftButton)
        send(QEvent.Type.MouseMove, pos - QPoint(100, 0), Qt.MouseButton.LeftButton)
        send(QEvent.Type.MouseMove, pos - QPoint(200, 0), Qt.MouseButton.LeftButton)
        send(QEvent.Type.MouseButtonRelease, pos - QPoint(200, 0), Qt.MouseButton.NoButton)
    assert hbar.value() == start + 200


def test_theme_names_stay_in_view_when_panned_to_the_end(qtbot, view):
    view.set_zoom(view.px_per_year * 6)
    view.canvas.setFocus()
    qtbot.keyClick(view.canvas, Qt.Key.Key_End)
    assert view.canvas.horizontalScrollBar().value() > 0
    lane_y = view.lane_mark_position("oekraine", "top-2025").y()
    with qtbot.waitSignal(view.record_activated) as blocker:
        click(qtbot, view, QPoint(40, lane_y))
    assert blocker.args == ["oekraine"]


def test_tab_steps_through_marks_and_enter_opens(qtbot, view):
    view.canvas.setFocus()
    qtbot.keyClick(view.canvas, Qt.Key.Key_Tab)
    assert view.highlighted_ids() == {"intentieverklaring-2004"}
    qtbot.keyClick(view.canvas, Qt.Key.Key_Tab)
    assert view.highlighted_ids() == {"ambtelijke-taskforce-2004"}
    with qtbot.waitSignal(view.record_activated) as blocker:
        qtbot.keyClick(view.canvas, Qt.Key.Key_Return)
    assert blocker.args == ["ambtelijke-taskforce-2004"]


def test_marks_have_tooltips_with_the_summary(view, conn):
    summary = conn.execute("SELECT summary FROM records WHERE id = 'top-2016'").fetchone()[0]
    item = view.canvas.itemAt(view.mark_position("top-2016"))
    assert item is not None
    assert "Gent" in item.toolTip()
    assert summary[:40] in item.toolTip()


# -- palettes ----------------------------------------------------------------------------------


@pytest.mark.parametrize("base, text", [("#ffffff", "#000000"), ("#1e1f22", "#e6e6e6")])
def test_marks_are_readable_on_light_and_dark_palettes(view, base, text):
    palette = QPalette(view.palette())
    palette.setColor(QPalette.ColorRole.Base, QColor(base))
    palette.setColor(QPalette.ColorRole.Text, QColor(text))
    view.setPalette(palette)
    colors = view.scene.colors
    assert colors.background == QColor(base)
    for colour in [colors.text, colors.today, *colors.kinds.values(), *colors.relations.values()]:
        assert contrast(colour, colors.background) >= 3.0, colour.name()


# -- exports -----------------------------------------------------------------------------------


def test_export_png(view, tmp_path):
    path = tmp_path / "tijdlijn.png"
    view.export_png(path)
    image = QImage(str(path))
    assert not image.isNull()
    assert image.width() >= 1400 and image.height() >= 700
    colours = {
        image.pixelColor(x, y).name()
        for x in range(0, image.width(), 37)
        for y in range(0, image.height(), 37)
    }
    assert len(colours) > 5  # a picture, not a blank page


def test_export_svg_keeps_the_labels_as_text(view, tmp_path):
    path = tmp_path / "tijdlijn.svg"
    view.set_group_filter("high-tech-agenda")
    view.export_svg(path)
    root = ET.parse(path).getroot()
    assert root.tag.endswith("svg")
    texts = {"".join(el.itertext()).strip() for el in root.iter() if el.tag.endswith("text")}
    assert {"2016 · Gent", "2020 · Brasschaat", "Fotonica", "Waterstoftechnologie"} <= texts
    assert "Deltaregio" not in texts  # filtered out


def test_export_to_an_unwritable_place_raises_oserror(view, tmp_path):
    with pytest.raises(OSError):
        view.export_png(tmp_path / "missing" / "tijdlijn.png")


# -- the theme × summit table ------------------------------------------------------------------


def test_matrix_csv_has_the_summits_and_the_relations(matrix, tmp_path):
    path = tmp_path / "themas.csv"
    matrix.export_csv(path)
    with open(path, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    header = rows[0]
    assert header[:2] == ["Thema", "Groep"]
    assert header[2:] == [
        "2011 · Hingene",
        "2013 · Maastricht",
        "2016 · Gent",
        "2018 · Middelburg",
        "2020 · Brasschaat",
        "2023 · 's-Hertogenbosch",
        "2025 · Gent",
    ]
    by_theme = {row[0]: dict(zip(header, row, strict=True)) for row in rows[1:]}
    fotonica = by_theme["Fotonica"]
    assert fotonica["2016 · Gent"] == "geïntroduceerd"
    assert fotonica["2020 · Brasschaat"] == "geprioriteerd"
    assert fotonica["2013 · Maastricht"] == ""
    assert by_theme["Havens en North Sea Port"]["2016 · Gent"] == "besproken"
    assert len(rows) - 1 == len(matrix.data.lanes)


def test_matrix_sorts_by_a_summit_column(qtbot, matrix):
    column = matrix.header_labels().index("2016 · Gent")
    matrix.sortByColumn(column, Qt.SortOrder.AscendingOrder)
    values = [row[column] for row in matrix.rows()]
    introduced = values.count("geïntroduceerd")
    assert introduced == 6
    assert values[:introduced] == ["geïntroduceerd"] * introduced
    assert values[introduced] == "besproken"
    assert values[-1] == ""


def test_matrix_copies_the_selection_as_tab_separated_text(qtbot, matrix):
    model = matrix.model()
    fotonica_row = next(
        r for r in range(model.rowCount()) if model.index(r, 0).data() == "Fotonica"
    )
    gent = matrix.header_labels().index("2016 · Gent")
    brasschaat = matrix.header_labels().index("2020 · Brasschaat")
    matrix.setFocus()
    matrix.setCurrentIndex(model.index(fotonica_row, 0))
    matrix.selectionModel().select(
        model.index(fotonica_row, gent), matrix.selectionModel().SelectionFlag.Select
    )
    matrix.selectionModel().select(
        model.index(fotonica_row, brasschaat), matrix.selectionModel().SelectionFlag.Select
    )
    QGuiApplication.clipboard().clear()
    qtbot.keyClick(matrix, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    cells = QGuiApplication.clipboard().text().rstrip("\n").split("\t")
    assert cells[0] == "Fotonica"
    assert "geïntroduceerd" in cells and cells[-1] == "geprioriteerd"


def test_matrix_selects_and_activates_records(qtbot, matrix):
    matrix.select_record("fotonica")
    rows = {i.row() for i in matrix.selectionModel().selectedIndexes()}
    assert len(rows) == 1
    assert matrix.model().index(rows.pop(), 0).data() == "Fotonica"
    gent = matrix.header_labels().index("2016 · Gent")
    fotonica = next(i.row() for i in matrix.selectionModel().selectedIndexes())
    index = matrix.model().index(fotonica, gent)
    with qtbot.waitSignal(matrix.record_activated) as blocker:
        matrix.activated.emit(index)
    assert blocker.args == ["top-2016"]


def test_widgets_retranslate_without_losing_their_content(view, matrix):
    view.retranslate_ui()
    matrix.retranslate_ui()
    assert view.group_combo.count() == 1 + len(view.data.groups_with_lanes())
    assert len(matrix.rows()) == len(matrix.data.lanes)


def test_matrix_starts_in_the_archives_order_grouped(matrix):
    names = [row[0] for row in matrix.rows()]
    assert names[0] == "High tech systemen en materialen"  # the first focus theme of 2013
    assert names.index("Energie-innovatie") < names.index("Artificiële Intelligentie")
    assert names.index("Artificiële Intelligentie") < names.index("Deltaregio")
