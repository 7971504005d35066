"""The Tijdlijn tab and the theme × summit table in the window: switching, clicking through to the
record, following the tree's selection, exporting from the menu."""

from __future__ import annotations

import csv

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QFileDialog, QMessageBox

from vlnl_desktop.ui.theme_matrix import ROLE_RECORD


def tab_titles(window) -> list[str]:
    return [window.tabs.tabText(i) for i in range(window.tabs.count())]


def show_timeline(qtbot, window):
    window.tree.setFocus()
    qtbot.keyClick(window.tree, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    tabs = window.view_tabs
    qtbot.waitUntil(lambda: tabs.timeline is not None and tabs.timeline.isVisible())
    timeline = tabs.timeline
    qtbot.waitUntil(lambda: timeline.canvas.viewport().width() > 300)
    return timeline


def select_in_tree(window, record_id):
    index = window.tree_model.index_for(record_id)
    assert index.isValid(), record_id
    window.tree.setCurrentIndex(index)


def test_the_tijdlijn_tab_is_there_and_built_when_first_shown(qtbot, main_window):
    assert "Tijdlijn" in tab_titles(main_window)
    assert main_window.view_tabs.timeline is None  # start-up does not pay for it
    assert main_window.view_tabs.timeline_action in main_window.menus.view_menu.actions()
    timeline = show_timeline(qtbot, main_window)
    assert main_window.tabs.currentWidget() is main_window.view_tabs.timeline_page
    assert "top-2011" in {m.record_id for m in timeline.data.marks}


def test_clicking_a_summit_shows_it_in_the_tree_and_the_details(qtbot, main_window):
    timeline = show_timeline(qtbot, main_window)
    pos = timeline.mark_position("top-2016")
    assert pos is not None
    qtbot.mouseClick(timeline.canvas.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert main_window.current_record == "top-2016"
    assert main_window.tree_model.record_id(main_window.tree.currentIndex()) == "top-2016"
    assert main_window.tabs.currentWidget() is main_window.detail
    assert "topontmoeting 2016" in main_window.detail.plain_text()


def test_selecting_in_the_tree_highlights_in_the_timeline(qtbot, main_window):
    timeline = show_timeline(qtbot, main_window)
    select_in_tree(main_window, "top-2020")
    assert "top-2020" in timeline.highlighted_ids()
    select_in_tree(main_window, "fotonica")
    assert "fotonica" in timeline.highlighted_ids()
    assert "top-2020" not in timeline.highlighted_ids()
    main_window.show_overview()
    assert timeline.highlighted_ids() == set()


def test_the_timeline_built_later_shows_the_record_already_selected(qtbot, main_window):
    select_in_tree(main_window, "top-2013")
    timeline = show_timeline(qtbot, main_window)
    assert "top-2013" in timeline.highlighted_ids()


def test_the_theme_table_opens_from_the_menu_and_follows_the_tree(qtbot, main_window):
    window = main_window
    assert window.view_tabs.matrix_action in window.menus.view_menu.actions()
    window.view_tabs.matrix_action.trigger()
    matrix = window.view_tabs.matrix
    assert matrix is not None and window.tabs.currentWidget() is matrix
    assert "Thema × topontmoeting" in tab_titles(window)
    select_in_tree(window, "fotonica")
    assert matrix.selected_text().startswith("Fotonica")
    # Enter on a summit's cell of that row: the summit, in the tree and the details
    window.view_tabs.show_matrix()
    row = matrix.selectionModel().selectedIndexes()[0].row()
    column = next(
        c
        for c in range(2, matrix.matrix_model.columnCount())
        if matrix.matrix_model.index(row, c).data(ROLE_RECORD) == "top-2016"
    )
    matrix.setCurrentIndex(matrix.matrix_model.index(row, column))
    qtbot.keyClick(matrix, Qt.Key.Key_Return)
    assert window.current_record == "top-2016"
    assert window.tabs.currentWidget() is window.detail


def test_export_png_svg_and_csv_from_the_menu(qtbot, main_window, monkeypatch, tmp_path):
    window = main_window
    chosen = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (chosen.pop(0), ""))
    file_actions = window.menus.file_menu.actions()
    tabs = window.view_tabs
    for act in (tabs.export_png_action, tabs.export_svg_action, tabs.export_csv_action):
        assert act in file_actions

    chosen.append(str(tmp_path / "tijdlijn.png"))
    tabs.export_png_action.trigger()
    image = QImage(str(tmp_path / "tijdlijn.png"))
    assert not image.isNull() and image.width() > 500
    assert window.tabs.currentWidget() is tabs.timeline_page  # the user sees what is exported

    chosen.append(str(tmp_path / "tijdlijn"))  # no extension typed: .svg is added
    tabs.export_svg_action.trigger()
    svg = (tmp_path / "tijdlijn.svg").read_text(encoding="utf-8")
    assert "<svg" in svg and "Hingene" in svg

    chosen.append(str(tmp_path / "tabel.csv"))
    tabs.export_csv_action.trigger()
    with open(tmp_path / "tabel.csv", encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0][:2] == ["Thema", "Groep"]
    assert any("Hingene" in label for label in rows[0])
    assert any(row[0] == "Fotonica" for row in rows[1:])
    assert "tabel.csv" in window.statusBar().currentMessage()


def test_an_export_that_cannot_be_written_is_a_message(qtbot, main_window, monkeypatch, tmp_path):
    target = tmp_path / "bestaat-niet" / "tijdlijn.png"
    warnings = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warnings.append(a[2]))
    main_window.view_tabs.export_png_action.trigger()
    main_window.view_tabs.export_csv_action.trigger()
    assert len(warnings) == 2
    assert all(str(target.parent) in w for w in warnings)
    assert not target.parent.exists()


def test_cancelling_the_file_dialog_writes_nothing(main_window, monkeypatch, tmp_path):
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: ("", ""))
    assert main_window.view_tabs.export_svg() is None
    assert list(tmp_path.glob("*.svg")) == []


def test_tab_and_menu_texts_switch_to_english(qtbot, main_window):
    main_window.view_tabs.show_matrix()
    main_window.set_language("en")
    qtbot.waitUntil(lambda: main_window.menus.view_menu.title() == "&View")
    titles = tab_titles(main_window)
    assert "Timeline" in titles and "Theme × summit" in titles
    assert main_window.menus.import_files_action.text() == "&Import documents…"
