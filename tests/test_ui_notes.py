"""The user's layer in the window: highlight a selection across two lines, write a note in the detail
pane (saved as typed), find both with the search box, open a highlight from its hit (flashing),
cite, export; the tree's branch "Mijn notities" follows."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication

from samples import SMALL
from vlnl_desktop.core.archive.connections import connect_readonly
from vlnl_desktop.core.documents.importer import import_files
from vlnl_desktop.core.notes import store
from vlnl_desktop.ui.search_panel import HIT_ROLE

TIMEOUT = 15000


@pytest.fixture
def window_with_document(qtbot, workspace, settings):
    """The window on an archive with SMALL imported, SMALL open in the viewer."""
    from vlnl_desktop.ui.main_window import MainWindow

    [result] = import_files(workspace, [SMALL], record_id="top-2016")
    window = MainWindow(workspace, settings)
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
    window.documents.ensure_viewer()
    with qtbot.waitSignal(window.documents.viewer.document_opened, timeout=TIMEOUT):
        window.documents.open_document(result.document_id)
    window.documents.viewer.view.fit_width()
    yield window, result.document_id
    window.translations.install("nl")


def at(view, x, y, page=0) -> QPoint:
    rect = view.page_viewport_rect(page)
    width, height = view.page_sizes()[page]
    return QPoint(
        round(rect.left() + x * rect.width() / width),
        round(rect.top() + y * rect.height() / height),
    )


def _select_two_lines(qtbot, view) -> None:
    viewport = view.viewport()
    start, end = at(view, 95, 92), at(view, 200, 106)
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(viewport, QPoint((start.x() + end.x()) // 2, (start.y() + end.y()) // 2))
    qtbot.mouseMove(viewport, end)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=end)
    qtbot.waitUntil(lambda: view.selection_pieces() is not None, timeout=TIMEOUT)


def _search(qtbot, window, text):
    window.search.focus_search()
    window.search.edit.clear()
    qtbot.keyClicks(window.search.edit, text)
    qtbot.waitUntil(
        lambda: window.search.last_text == text and window.search.results.count() > 0,
        timeout=TIMEOUT,
    )
    results = window.search.results
    return [results.item(i).data(HIT_ROLE) for i in range(results.count())]


def test_highlight_two_lines_write_a_note_search_and_export(qtbot, window_with_document, tmp_path):
    window, doc = window_with_document
    viewer = window.documents.viewer
    view = viewer.view
    # 1. select across two lines and press Ctrl+M ("Markeren")
    _select_two_lines(qtbot, view)
    assert viewer.toolbar.highlight_action.isEnabled()
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    conn = connect_readonly(window.workspace)
    sha = conn.execute("SELECT sha256 FROM documents WHERE id = ?", (doc,)).fetchone()[0]
    [mark] = store.highlights_of(conn, sha)
    assert mark.page_no == 1 and len(mark.quads) == 2  # one quad per line
    assert mark.text.startswith("Hello, here is some text") and "will look like" in mark.text
    assert [m.id for m in view.marks.on_page(0)] == [mark.id]  # drawn over the page
    assert window.notes.panel.list.count() == 1  # listed in the side panel
    notes_branch = window.tree_model.section_index("notes")
    assert window.tree_model.rowCount(notes_branch) == 1

    # 2. a note on the summit, typed in place in the detail pane, saved as typed
    window.select_record("top-2016")
    editor = window.detail.note_editor
    assert editor.isVisible()
    qtbot.mouseClick(editor.view.viewport(), Qt.MouseButton.LeftButton)
    assert editor.edit.hasFocus()
    qtbot.keyClicks(editor.edit, "Besproken: **kwantumsensoren** in Gent")
    qtbot.waitUntil(
        lambda: (
            (n := store.note_of(conn, record_id="top-2016")) is not None
            and n.text.endswith("in Gent")
        ),
        timeout=TIMEOUT,
    )
    assert "Opgeslagen" in editor.state.text()
    assert window.tree_model.rowCount(window.tree_model.section_index("notes")) == 2

    # 3. the search box finds the note and the highlighted text
    hits = _search(qtbot, window, "kwantumsensoren")
    assert any(h.kind == "note" and h.id == "top-2016" for h in hits)
    hits = _search(qtbot, window, "printed text")
    highlight_hit = next(h for h in hits if h.kind == "highlight")
    assert highlight_hit.highlight == mark.id and highlight_hit.page == 1

    # 4. the highlight's hit opens the page with it flashing
    window.tabs.setCurrentWidget(window.detail)
    window._on_hit_activated(highlight_hit)
    qtbot.waitUntil(lambda: view.marks.flashing == mark.id, timeout=TIMEOUT)
    assert window.tabs.currentWidget() is viewer

    # 5. cite it, and export everything
    text = window.notes.cite(f"highlight:{mark.id}")
    assert QGuiApplication.clipboard().text() == text
    assert text.startswith("“Hello, here is some text") and "p. 1)" in text
    out = window.notes.export_notes(str(tmp_path / "notities.md"))
    exported = out.read_text(encoding="utf-8")
    assert "Besproken: **kwantumsensoren** in Gent" in exported
    assert "> Hello, here is some text" in exported
    conn.close()


def test_a_note_waiting_to_be_saved_is_saved_when_the_window_closes(qtbot, main_window):
    main_window.select_record("top-2018")
    editor = main_window.detail.note_editor
    editor.start_editing()
    qtbot.keyClicks(editor.edit, "nog niet bewaard")
    assert editor.pending
    main_window.close()
    conn = connect_readonly(main_window.workspace)
    assert store.note_of(conn, record_id="top-2018").text == "nog niet bewaard"
    conn.close()


def test_the_overview_has_no_note(main_window):
    main_window.show_overview()
    assert not main_window.detail.note_editor.isVisible()


def test_the_notes_branch_is_replaced_in_place(qtbot, qtmodeltester):
    from vlnl_desktop.core.catalog import Entry, Section
    from vlnl_desktop.ui.tree_model import ArchiveTreeModel

    model = ArchiveTreeModel()
    summits = Section("summits", 1, (Entry("summit", "top-2016", "2016 · Gent"),))
    model.set_sections([summits, Section("notes", 0, ())])
    kept = model.index_for("top-2016")
    note = Entry("summit", "top-2016", "Gent", None, ())
    mark = Entry("highlight", "highlight:4", "p. 2 · tekst")
    doc = Entry("document", "doc-x", "Rapport", None, (mark,))
    model.set_section(Section("notes", 2, (note, doc)))
    notes = model.section_index("notes")
    assert model.rowCount(notes) == 2 and "(2)" in model.data(notes)
    assert model.record_id(model.index(0, 0, model.index(1, 0, notes))) == "highlight:4"
    assert model.index_for("top-2016") == kept  # the record's own node still comes first
    assert model.link_target(model.index(0, 0, model.index(1, 0, notes))) is None
    qtmodeltester.check(model)


def test_a_colour_chosen_from_the_menu_marks_in_that_colour(qtbot, window_with_document):
    window, doc = window_with_document
    view = window.documents.viewer.view
    _select_two_lines(qtbot, view)
    menu = window.documents.viewer.toolbar.highlight_action.menu()
    green = next(a for a in menu.actions() if a.data() == "green")
    assert green.text() == "Groen"
    green.trigger()
    conn = connect_readonly(window.workspace)
    sha = conn.execute("SELECT sha256 FROM documents WHERE id = ?", (doc,)).fetchone()[0]
    assert [m.colour for m in store.highlights_of(conn, sha)] == ["green"]
    assert window.notes.colour == "green"  # the next ones too
    conn.close()


def test_every_side_panel_tab_shows_its_title_in_both_languages(qtbot, window_with_document):
    """Miniaturen, Inhoud and Markeringen side by side: no scroll arrows hiding the highlights."""
    window, _doc = window_with_document
    tabs = window.documents.viewer.side_tabs
    for language in ("nl", "en"):
        window.translations.install(language)
        qtbot.waitUntil(lambda: tabs.width() >= tabs.tabBar().sizeHint().width(), timeout=TIMEOUT)
        titles = [tabs.tabText(i) for i in range(tabs.count())]
        assert len(titles) == 3 and all(titles)
