"""The search panel tells what kind of answer it shows: hits on some of the words or on another
spelling are marked, a misspelt query is offered its correction, and a query without hits gets a
short help instead of an empty list."""

from __future__ import annotations

import shutil

from vlnl_desktop.core.search.index import index_path


def _search(qtbot, window, text):
    panel = window.search
    panel.focus_search()
    panel.edit.setText(text)
    qtbot.waitUntil(lambda: panel.last_text == text and panel.answer is not None, timeout=10000)
    return panel


def test_a_typo_is_marked_and_its_correction_offered(qtbot, main_window):
    panel = _search(qtbot, main_window, "fotonika")
    assert panel.hits[0].id == "fotonica"
    assert "andere spelling" in panel.status.text()
    assert panel.help.isVisible() and "Bedoelde u" in panel.help.text()
    assert "fotonica" in panel.help.text()
    panel.help.linkActivated.emit("suggest")  # as a click on the link
    qtbot.waitUntil(lambda: panel.last_text == "fotonica", timeout=10000)
    assert panel.edit.text() == "fotonica"
    assert panel.hits[0].match == "all"
    assert not panel.help.isVisible()


def test_partial_matches_are_marked(qtbot, main_window):
    panel = _search(qtbot, main_window, "welke thema's koos de top van Maastricht")
    assert "top-2013" in [h.id for h in panel.hits[:3]]
    partial = [h for h in panel.hits if h.match == "partial"]
    assert partial
    row = panel.hits.index(partial[0])
    from vlnl_desktop.ui.search_hit_delegate import hit_html

    assert "deel van de woorden" in hit_html(panel.hits[row])


def test_no_hits_shows_a_help_not_an_empty_list(qtbot, main_window):
    panel = _search(qtbot, main_window, "zzqxv wwqpt")
    assert panel.hits == []
    assert "Niets gevonden" in panel.status.text()
    assert not panel.results.isVisible()
    assert panel.help.isVisible()
    assert "soort:top" in panel.help.text() and "Bijvoorbeeld" in panel.help.text()


def test_a_pasted_page_is_searched_by_its_start_with_a_notice(qtbot, main_window):
    text = " OR ".join(f"woord{i}" for i in range(1500)) + " fotonica"
    panel = _search(qtbot, main_window, text)
    assert "te lang" in panel.status.text()


def test_without_its_index_the_window_searches_and_rebuilds_it(qtbot, main_window, workspace):
    shutil.rmtree(index_path(workspace.db_path))
    main_window.search.refresh()
    panel = _search(qtbot, main_window, "Hingene")
    assert panel.hits and panel.hits[0].id == "top-2011"
    qtbot.waitUntil(lambda: (index_path(workspace.db_path) / "state.json").exists(), timeout=20000)
    qtbot.waitUntil(lambda: not panel.index_busy, timeout=20000)


def test_while_its_index_is_missing_records_are_found_and_pages_announced(
    qtbot, main_window, workspace
):
    from vlnl_desktop.core.archive.writer_lock import writer_lock

    shutil.rmtree(index_path(workspace.db_path))
    with writer_lock(workspace.root, wait=0):  # another writer holds the archive: no rebuild
        main_window.search.refresh()
        panel = _search(qtbot, main_window, "Hingene")
        assert panel.answer.engine == "fts"
        assert panel.hits[0].id == "top-2011"
        assert all(h.kind != "page" for h in panel.hits)
        assert "documentpagina's volgen" in panel.status.text()
        qtbot.waitUntil(lambda: not panel.index_busy, timeout=20000)  # its rebuild gave up
    main_window.search.refresh()  # the writer is gone: the window rebuilds the index
    qtbot.waitUntil(lambda: (index_path(workspace.db_path) / "state.json").exists(), timeout=20000)
    panel = _search(qtbot, main_window, "Hingene 2011")
    assert panel.answer.engine == "index"
    assert any(h.kind == "page" for h in panel.hits)
    assert "documentpagina's volgen" not in panel.status.text()


def test_the_viewer_is_asked_for_the_word_as_the_page_spells_it(qtbot, main_window):
    panel = _search(qtbot, main_window, "samenwerkingen")
    panel.results.setCurrentRow(0)
    assert panel.find_text() == "samenwerking"
    panel = _search(qtbot, main_window, "fotonika")
    panel.results.setCurrentRow(0)
    assert panel.find_text().lower() == "fotonica"


def test_a_question_opens_its_page_with_every_marked_word_found(qtbot, main_window):
    import re

    def marked(hit):
        return {w.lower() for w in re.findall(r"\[([^\]]+)\]", hit.snippet_marked("[", "]"))}

    panel = _search(qtbot, main_window, "wie tekende het MoU over gepersonaliseerde geneeskunde")
    rows = [i for i, h in enumerate(panel.hits) if h.kind == "page" and len(marked(h)) >= 2]
    assert rows, [h.snippet for h in panel.hits]
    panel.results.setCurrentRow(rows[0])
    text = panel.find_text()
    words = text.split(" | ")
    assert len(words) >= 2 and "wie" not in words, text  # the page's words, not the question
    assert "ondertekend" in words  # as the page spells "tekende"
    viewer = main_window.documents.ensure_viewer()
    with qtbot.waitSignal(viewer.document_opened, timeout=10000):
        panel.activate_current()
    assert viewer.find_bar.edit.text() == text
    qtbot.waitUntil(lambda: viewer.find_finished, timeout=10000)
    assert viewer.find_hit_count >= len(words)
