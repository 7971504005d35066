"""The search box: results as you type, off the GUI thread; Enter selects; pages open the viewer."""

from __future__ import annotations

from PySide6.QtCore import Qt

from fixtures_archive import add_document_file
from vlnl_desktop.ui.search_panel import HIT_ROLE
from vlnl_desktop.workers.search_worker import SearchClient


def _hits(window):
    results = window.search.results
    return [results.item(i).data(HIT_ROLE) for i in range(results.count())]


def _type(qtbot, window, text):
    window.search.focus_search()
    qtbot.keyClicks(window.search.edit, text)
    qtbot.waitUntil(lambda: window.search.last_text == text and window.search.results.count() > 0)


def test_typing_shows_the_theme_and_the_summits_that_named_it(qtbot, main_window):
    _type(qtbot, main_window, "fotonica")
    hits = _hits(main_window)
    assert hits[0].kind == "theme" and hits[0].id == "fotonica"
    summits = {h.id for h in hits if h.kind == "summit"}
    assert {"top-2016", "top-2020"} <= summits
    assert main_window.search.results.isVisible()
    assert "resultaten" in main_window.search.status.text()
    first = main_window.search.results.item(0)
    assert "Fotonica" in first.text() and "Thema" in first.text()


def test_enter_selects_the_result_in_the_tree(qtbot, main_window):
    _type(qtbot, main_window, "fotonica")
    qtbot.keyClick(main_window.search.edit, Qt.Key.Key_Return)
    assert main_window.current_record == "fotonica"
    assert main_window.tree_model.record_id(main_window.tree.currentIndex()) == "fotonica"
    assert "Op de topontmoetingen" in main_window.detail.plain_text()


def test_down_then_enter_picks_another_result(qtbot, main_window):
    _type(qtbot, main_window, "fotonica")
    qtbot.keyClick(main_window.search.edit, Qt.Key.Key_Down)
    assert main_window.search.results.hasFocus()
    qtbot.keyClick(main_window.search.results, Qt.Key.Key_Down)
    second = _hits(main_window)[1]
    qtbot.keyClick(main_window.search.results, Qt.Key.Key_Return)
    assert main_window.current_record == second.id


def test_click_selects_the_result(qtbot, main_window):
    _type(qtbot, main_window, "hingene")
    results = main_window.search.results
    rect = results.visualItemRect(results.item(0))
    qtbot.mouseClick(results.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert main_window.current_record == _hits(main_window)[0].id


def test_nothing_found_says_so(qtbot, main_window):
    main_window.search.focus_search()
    qtbot.keyClicks(main_window.search.edit, "zzqxv")
    qtbot.waitUntil(lambda: main_window.search.last_text == "zzqxv")
    assert main_window.search.results.count() == 0
    assert "Niets gevonden" in main_window.search.status.text()


def test_malformed_query_does_not_break(qtbot, main_window):
    main_window.search.focus_search()
    qtbot.keyClicks(main_window.search.edit, '"(( OR -')
    qtbot.waitUntil(lambda: main_window.search.last_text == '"(( OR -')
    assert main_window.search.results.count() == 0


def test_stale_results_are_dropped(qtbot, workspace):
    client = SearchClient(workspace.db_path)
    seen = []
    client.results.connect(lambda text, hits: seen.append(text))
    try:
        with qtbot.waitSignal(client.results, timeout=5000):
            for text in ("f", "fo", "fot", "foto", "fotonica"):
                client.search(text)
        qtbot.wait(300)  # nothing else may arrive
        assert seen == ["fotonica"]
        client.search_now("hingene")
        client.search_now("maastricht")
        qtbot.waitUntil(lambda: seen[-1] == "maastricht")
        assert "hingene" not in seen
    finally:
        client.shutdown()


def test_page_hit_opens_the_viewer_at_the_page(qtbot, main_window, workspace):
    add_document_file(workspace, "doc-slotverklaring-2016")
    main_window.load_archive()
    _type(qtbot, main_window, "gefburn")
    hits = _hits(main_window)
    page_rows = [i for i, h in enumerate(hits) if h.kind == "page"]
    assert page_rows and hits[page_rows[0]].page == 2
    main_window.search.results.setCurrentRow(page_rows[0])
    viewer = main_window.documents.ensure_viewer()
    with qtbot.waitSignal(viewer.document_opened, timeout=10000):
        main_window.search.activate_current()
    assert main_window.tabs.currentWidget() is viewer
    qtbot.waitUntil(lambda: viewer.current_page == 1, timeout=5000)
    assert main_window.current_record == "doc-slotverklaring-2016"


def test_a_page_hit_highlights_the_words_searched_not_the_query_syntax(
    qtbot, main_window, workspace
):
    add_document_file(workspace, "doc-slotverklaring-2016")
    main_window.load_archive()
    _type(qtbot, main_window, '"gefburn" -nergensgenoemd')
    hits = _hits(main_window)
    page_rows = [i for i, h in enumerate(hits) if h.kind == "page"]
    assert page_rows
    main_window.search.results.setCurrentRow(page_rows[0])
    viewer = main_window.documents.ensure_viewer()
    with qtbot.waitSignal(viewer.document_opened, timeout=10000):
        main_window.search.activate_current()
    assert viewer.find_bar.edit.text() == "gefburn"
    qtbot.waitUntil(lambda: viewer.find_count_text != "", timeout=5000)


def test_the_words_to_highlight_come_from_the_query_parser(main_window):
    panel = main_window.search
    for typed, words in (
        ('"Fotonica en AI" -waterstof', "fotonica en ai"),
        ("hingene OR bornem -2011", "hingene bornem"),
        ("(Artificiële* intelligentie)", "artificiele intelligentie"),
        ("-alleen -uitgesloten", ""),
    ):
        panel.last_text = typed
        assert panel.find_text() == words, typed


def test_the_first_hits_are_drawn_as_rich_text_before_the_window_has_finished(qtbot, workspace):
    from vlnl_desktop.ui.search_panel import SearchPanel

    panel = SearchPanel(workspace.db_path)  # no window: nothing finishes its set-up but a search
    qtbot.addWidget(panel)
    panel.resize(400, 600)
    panel.show()
    qtbot.waitExposed(panel)
    panel.edit.setText("fotonica")
    qtbot.waitUntil(lambda: panel.results.count() > 0)
    height = panel.results.visualItemRect(panel.results.item(0)).height()
    assert height > 2 * panel.results.fontMetrics().height()  # title, kind and date, snippet
    assert panel.edit.isClearButtonEnabled()
    panel.shutdown()
