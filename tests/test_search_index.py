"""The search index beside archive.db: kept in step with SQLite by every writer, repaired after an
import killed between SQLite's commit and the index's, rebuilt when its folder is deleted or
damaged; and two-letter aliases never turn formulas on pages into hits."""

from __future__ import annotations

import shutil
import signal
import sqlite3
from pathlib import Path

import pymupdf
import pytest

from killed_import import kill_half_way
from vlnl_desktop.core.archive.connections import connect_readonly
from vlnl_desktop.core.documents.importer import import_files
from vlnl_desktop.core.search.index import STATE_FILE, SearchIndex, index_path
from vlnl_desktop.core.search.searcher import Searcher
from vlnl_desktop.core.search.upkeep import FRESH, MISSING, STALE, index_state, usable_index

WORDS = ["kwartelkoning", "ijsvogeltje", "grutto", "kievitsbloem", "zilverreiger", "roerdomp"]


def make_pdfs(folder: Path, words=WORDS, extra: str = "") -> list[str]:
    """One small PDF per word, the word on each of its three pages (different bytes each)."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for word in words:
        doc = pymupdf.open()
        for page_no in range(3):
            page = doc.new_page()
            page.insert_text((56, 80), f"Verslag over de {word}, pagina {page_no + 1}. {extra}")
        path = folder / f"{word}.pdf"
        doc.save(path)
        doc.close()
        paths.append(str(path))
    return paths


def ids(ws, text):
    conn = connect_readonly(ws)
    try:
        return [h.id for h in Searcher(conn).search(text, 20)]
    finally:
        conn.close()


def state(ws):
    conn = connect_readonly(ws)
    try:
        return index_state(ws, conn)
    finally:
        conn.close()


def bring_up_to_date(ws):
    conn = connect_readonly(ws)
    try:
        return usable_index(ws, conn)
    finally:
        conn.close()


def test_an_import_updates_the_index_in_the_same_step(workspace, tmp_path):
    assert state(workspace) == FRESH
    import_files(workspace, make_pdfs(tmp_path / "pdfs", WORDS[:2]))
    assert state(workspace) == FRESH
    assert ids(workspace, "kwartelkoning")[0] == "doc-kwartelkoning"
    assert "doc-ijsvogeltje" in ids(workspace, "ijsvogeltje")


def test_an_import_killed_before_the_index_commit_is_repaired_on_next_open(workspace, tmp_path):
    paths = make_pdfs(tmp_path / "pdfs")
    gate, returncode = kill_half_way(workspace.root, paths, workers=0)
    assert gate == "half-way\n"
    assert returncode == -signal.SIGKILL

    # SQLite holds three new documents, the index none of them: it knows it is stale
    assert state(workspace) == STALE
    assert "doc-kwartelkoning" not in ids(workspace, "kwartelkoning")  # the stale index answers
    bring_up_to_date(workspace)  # what the window and the CLI do before searching
    assert state(workspace) == FRESH
    for word in WORDS[:3]:
        assert ids(workspace, word)[0] == f"doc-{word}", word
    assert ids(workspace, WORDS[3]) == []  # never committed in SQLite: not in the index either

    # the next import finishes the job
    import_files(workspace, paths, workers=0)
    assert state(workspace) == FRESH
    assert all(ids(workspace, word)[0] == f"doc-{word}" for word in WORDS)


def test_a_deleted_index_folder_is_rebuilt_and_fts_answers_meanwhile(workspace):
    shutil.rmtree(index_path(workspace.db_path))
    assert state(workspace) == MISSING
    conn = connect_readonly(workspace)
    try:
        searcher = Searcher(conn)
        results = searcher.results("Hingene", 5)
        assert results.engine == "fts" and results.hits[0].id == "top-2011"
    finally:
        conn.close()
    bring_up_to_date(workspace)
    assert state(workspace) == FRESH
    assert ids(workspace, "Hingene")[0] == "top-2011"


@pytest.mark.parametrize("damage", ["meta", "segments", "state"])
def test_a_damaged_index_is_rebuilt(workspace, damage):
    folder = index_path(workspace.db_path)
    if damage == "meta":
        (folder / "meta.json").write_text("{not json")
    elif damage == "segments":
        for path in folder.glob("*.idx"):
            path.write_bytes(b"\0" * 64)
    else:
        (folder / STATE_FILE).write_text('{"format": 2, "signature": "from another archive"}')
    bring_up_to_date(workspace)
    assert state(workspace) == FRESH
    assert ids(workspace, "Hingene")[0] == "top-2011"


def test_rows_written_behind_its_back_are_found_after_a_repair(workspace):
    conn = sqlite3.connect(workspace.db_path)
    with conn:
        conn.execute(
            "INSERT INTO pages (document_id, page_no, text, has_text) "
            "VALUES ('doc-slotverklaring-2016', 1, 'een zeldzame pimpelmees', 1)"
        )
    conn.close()
    assert state(workspace) == STALE
    bring_up_to_date(workspace)
    assert ids(workspace, "pimpelmees") == ["doc-slotverklaring-2016"]


def test_a_two_letter_alias_never_matches_formulas_on_pages(workspace, tmp_path):
    paths = make_pdfs(tmp_path / "chemie", ["scheikunde"], extra="H2 + O2 geeft H2O; H2 H2 H2.")
    import_files(workspace, paths)
    for text in ("waterstof", "hydrogen", "waterstoftechnologie"):
        found = ids(workspace, text)
        assert "doc-scheikunde" not in found, text
        assert found[0] == "waterstoftechnologie", text
    assert "doc-scheikunde" in ids(workspace, "H2")  # typed by the user: found


def test_the_index_carries_the_archives_signature(workspace):
    index = SearchIndex.open(workspace.db_path)
    assert index is not None and index.state is not None
    conn = connect_readonly(workspace)
    try:
        assert index.fresh(conn)
    finally:
        conn.close()


def _pdf(path: Path, text: str) -> str:
    doc = pymupdf.open()
    for _ in range(3):
        page = doc.new_page()
        page.insert_textbox(page.rect + (40, 40, -40, -40), text, fontsize=6)
    doc.save(path)
    doc.close()
    return str(path)


def test_pages_found_by_an_alias_come_after_pages_with_the_word_typed(workspace, tmp_path):
    # a long page naming "waterstof" once; short pages full of its alias "hydrogen", which
    # scored higher before: the words typed come first now, the alias's pages after them
    long = "Een lang verslag over havens, energie, netten en opslag. " * 150
    paths = [
        _pdf(tmp_path / "lang.pdf", f"Over waterstof. {long}"),
        _pdf(tmp_path / "kort.pdf", "hydrogen " * 12),
    ]
    import_files(workspace, paths)
    conn = connect_readonly(workspace)
    try:
        searcher = Searcher(conn)
        hits = searcher.search("waterstof", 200)
        facets = searcher.facets("waterstof")
    finally:
        conn.close()
    # the chips count what the list shows, the pages found through the alias included
    assert facets is not None
    assert dict(facets.kinds)["page"] == sum(h.kind == "page" for h in hits)
    pages = [h.id for h in hits if h.kind == "page" and not h.generated]
    assert pages.count("doc-lang") == 3 and pages.count("doc-kort") == 3, pages
    assert pages.index("doc-kort") > max(i for i, p in enumerate(pages) if p == "doc-lang")
