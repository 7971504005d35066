"""Ctrl+F, F3 and the viewer's toolbar in the main window: inside the viewer Ctrl+F finds in the
document, elsewhere it goes to the archive search; find, page and zoom stay visible at any width."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from fixtures_archive import add_document_file
from samples import SMALL


@pytest.fixture
def window_with_document(qtbot, main_window, workspace):
    add_document_file(workspace, "doc-slotverklaring-2016", SMALL)
    main_window.load_archive()
    viewer = main_window.documents.ensure_viewer()
    with qtbot.waitSignal(viewer.document_opened, timeout=10000):
        main_window.documents.open_document("doc-slotverklaring-2016")
    return main_window


def test_ctrl_f_in_the_viewer_opens_its_find_bar_and_typing_finds(qtbot, window_with_document):
    window = window_with_document
    viewer = window.documents.viewer
    viewer.view.setFocus()
    qtbot.waitUntil(viewer.view.hasFocus)
    qtbot.keyClick(viewer.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(viewer.find_bar.edit.hasFocus)
    qtbot.keyClicks(viewer.find_bar.edit, "gefburn")
    assert viewer.find_bar.edit.text() == "gefburn"
    qtbot.waitUntil(lambda: viewer.find_finished and viewer.find_hit_count > 0, timeout=10000)
    assert window.search.edit.text() == ""


def test_ctrl_f_outside_the_viewer_goes_to_the_archive_search(qtbot, window_with_document):
    window = window_with_document
    window.tree.setFocus()
    qtbot.waitUntil(window.tree.hasFocus)
    qtbot.keyClick(window.tree, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(window.search.edit.hasFocus)
    assert not window.documents.viewer.find_bar.isVisible()


def test_f3_and_shift_f3_step_through_the_hits(qtbot, window_with_document):
    viewer = window_with_document.documents.viewer
    viewer.find("the")
    qtbot.waitUntil(lambda: viewer.find_finished and viewer.find_hit_count > 2, timeout=10000)
    viewer.view.setFocus()
    qtbot.waitUntil(viewer.view.hasFocus)
    first = viewer.find_count_text
    qtbot.keyClick(viewer.view, Qt.Key.Key_F3)
    assert viewer.find_count_text.startswith("2 van")
    qtbot.keyClick(viewer.view, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert viewer.find_count_text == first


@pytest.mark.parametrize("tree_width", [400, 700])
def test_find_page_and_zoom_stay_on_the_toolbar_at_1024_px(qtbot, window_with_document, tree_width):
    window = window_with_document
    window.resize(1024, 700)
    window.splitter.setSizes([tree_width, 1024 - tree_width])
    qtbot.wait(50)
    toolbar = window.documents.viewer.toolbar
    for action in (toolbar.find_action, toolbar.zoom_in_action, toolbar.zoom_out_action):
        button = toolbar.widgetForAction(action)
        assert button is not None and button.isVisible(), action.text()
        assert toolbar.rect().contains(button.geometry()), action.text()
    assert toolbar.page_edit.isVisible()
    assert toolbar.rect().contains(toolbar.page_edit.geometry())
