"""The user's notes and highlights: stored in their own tables, searchable, and kept by every
rebuild, upgrade of the bundled records, damaged-archive recovery, re-import and moved folder."""

from __future__ import annotations

import shutil
import sqlite3

import pytest

from samples import SMALL
from vlnl_desktop.core.archive.build import build_archive
from vlnl_desktop.core.archive.check import check_archive
from vlnl_desktop.core.archive.connections import connect_readonly
from vlnl_desktop.core.archive.lifecycle import open_workspace, rebuild
from vlnl_desktop.core.archive.workspace import Workspace
from vlnl_desktop.core.archive.writer_lock import writer_lock
from vlnl_desktop.core.documents.importer import import_files
from vlnl_desktop.core.notes import store
from vlnl_desktop.core.notes.layer import UserLayer
from vlnl_desktop.core.search.searcher import Searcher
from vlnl_desktop.core.search.upkeep import usable_index

LINES = [(72.0, 100.0, 300.0, 112.0), (72.0, 114.0, 180.0, 126.0)]


@pytest.fixture
def marked(workspace):
    """The test's archive with an imported document, a highlight on its page 2 with a note, and a
    note on a summit."""
    [result] = import_files(workspace, [SMALL], record_id="top-2016")
    sha = (
        connect_readonly(workspace)
        .execute("SELECT sha256 FROM documents WHERE id = ?", (result.document_id,))
        .fetchone()[0]
    )
    layer = UserLayer(workspace)
    mark = layer.add_highlight(sha, 2, LINES, "gefburn over twee regels", "green")
    layer.set_highlight_note(mark, "Vergelijk met de **slotverklaring**.")
    layer.set_record_note("top-2016", "Eerste notitie over Gent: kwantumcomputers.")
    layer.close()
    return workspace, result.document_id, sha, mark


def _layer_rows(ws: Workspace) -> dict:
    conn = sqlite3.connect(ws.db_path)
    try:
        return {
            "highlights": conn.execute("SELECT * FROM highlights ORDER BY id").fetchall(),
            "notes": conn.execute("SELECT * FROM notes ORDER BY id").fetchall(),
        }
    finally:
        conn.close()


def test_a_highlight_holds_file_page_quads_and_text(marked):
    ws, _doc, sha, mark = marked
    conn = connect_readonly(ws)
    [found] = store.highlights_of(conn, sha)
    assert (found.id, found.sha256, found.page_no, found.colour) == (mark, sha, 2, "green")
    assert found.text == "gefburn over twee regels"
    assert found.rects == LINES  # one quad per line, corners as PyMuPDF orders them
    assert found.quads[0] == (72.0, 100.0, 300.0, 100.0, 72.0, 112.0, 300.0, 112.0)
    assert found.note == "Vergelijk met de **slotverklaring**."


def test_a_note_is_changed_in_place_and_deleted_when_emptied(workspace):
    layer = UserLayer(workspace)
    first = layer.set_record_note("top-2016", "een")
    note = store.note_of(layer.conn, record_id="top-2016")
    assert layer.set_record_note("top-2016", "een en twee") == first
    changed = store.note_of(layer.conn, record_id="top-2016")
    assert changed.text == "een en twee"
    assert changed.created == note.created and changed.changed > note.changed
    assert layer.set_record_note("top-2016", "  ") is None
    assert store.note_of(layer.conn, record_id="top-2016") is None
    layer.close()


def test_each_change_is_committed_at_once(workspace):
    """Nothing typed is lost on a crash: another connection reads the change right away."""
    layer = UserLayer(workspace)
    layer.set_record_note("top-2016", "bewaard terwijl ik typ")
    other = connect_readonly(workspace)
    assert store.note_of(other, record_id="top-2016").text == "bewaard terwijl ik typ"
    other.close()
    layer.close()


def test_a_rebuild_keeps_notes_and_highlights(marked):
    ws = marked[0]
    before = _layer_rows(ws)
    report = build_archive(ws.db_path)
    assert report.notes_kept == 3
    assert _layer_rows(ws) == before
    assert check_archive(ws) == []


def test_newer_bundled_records_keep_notes_and_highlights(marked):
    ws = marked[0]
    before = _layer_rows(ws)
    conn = sqlite3.connect(ws.db_path)
    with conn:
        conn.execute("UPDATE meta SET value = 'records of an older program' WHERE key = 'records'")
    conn.close()
    open_workspace(ws.root)  # the start of a newer program: a rebuild
    assert connect_readonly(ws).execute("SELECT value FROM meta").fetchone()[0] != (
        "records of an older program"
    )
    assert _layer_rows(ws) == before


def test_an_archive_of_the_schema_before_notes_carries_over_nothing_and_fails_not():
    """An archive of schema 3 has no notes tables: the carry-over finds none."""
    from vlnl_desktop.core.notes.carry import carry_user_layer

    old, new = sqlite3.connect(":memory:"), sqlite3.connect(":memory:")
    assert carry_user_layer(old, new) == 0


def test_a_damaged_archive_is_recovered_with_notes_and_highlights(marked):
    """The pages table's schema is damaged: the document comes back by re-import of its file,
    the notes and highlights from the damaged copy; the highlight is found on the file again."""
    ws, _doc, sha, mark = marked
    before = _layer_rows(ws)
    conn = sqlite3.connect(ws.db_path)
    conn.execute("PRAGMA writable_schema = ON")
    conn.execute("UPDATE sqlite_master SET sql = 'CREATE TABLE pages(' WHERE name = 'pages'")
    conn.commit()
    conn.close()
    report = rebuild(ws.db_path)
    assert report.damaged_copy is not None
    assert _layer_rows(ws) == before
    conn = connect_readonly(ws)
    assert store.document_of(conn, sha) is not None
    assert [h.id for h in store.highlights_of(conn, sha)] == [mark]
    assert check_archive(ws) == []


def test_a_moved_archive_folder_keeps_them(marked, tmp_path):
    ws, doc, sha, mark = marked
    moved = Workspace(tmp_path / "elders")
    shutil.move(ws.root, moved.root)
    conn = connect_readonly(moved)
    assert [h.id for h in store.highlights_of(conn, sha)] == [mark]
    hits = Searcher(conn).search("slotverklaring vergelijk", 10)
    found = next(h for h in hits if h.kind == "highlight" and h.highlight == mark)
    assert "[slotverklaring]" in found.snippet_marked() and "**" not in found.snippet


def test_a_highlight_survives_the_removal_and_reimport_of_its_file(marked):
    ws, doc, sha, mark = marked
    conn = sqlite3.connect(ws.db_path)
    with conn:
        conn.execute("DELETE FROM pages WHERE document_id = ?", (doc,))
        conn.execute("DELETE FROM document_links WHERE document_id = ?", (doc,))
        conn.execute("DELETE FROM search_items WHERE record_id = ?", (doc,))
        conn.execute("DELETE FROM documents WHERE id = ?", (doc,))
        conn.execute("DELETE FROM records WHERE id = ?", (doc,))
    conn.close()
    [again] = import_files(ws, [SMALL])
    assert again.status == "imported"
    conn = connect_readonly(ws)
    assert store.document_of(conn, sha)[0] == again.document_id
    assert [h.id for h in store.highlights_of(conn, sha)] == [mark]


def test_check_reports_a_highlight_whose_file_is_not_stored(marked):
    ws, _doc, sha, mark = marked
    ws.document_path(sha).unlink()
    problems = check_archive(ws)
    assert f"highlight {mark}: its file {sha}.pdf is not stored" in problems


def test_search_finds_notes_and_highlighted_text(marked):
    ws, doc, _sha, mark = marked
    conn = connect_readonly(ws)
    hits = Searcher(conn).search("kwantumcomputers", 10)
    note = next(h for h in hits if h.kind == "note")
    assert (note.id, note.title) == ("top-2016", "Vlaams-Nederlandse topontmoeting 2016 in Gent")
    assert "kwantumcomputers" in note.snippet_marked()
    hits = Searcher(conn).search("gefburn regels", 10)
    found = next(h for h in hits if h.kind == "highlight")
    assert (found.id, found.document, found.page, found.highlight) == (doc, doc, 2, mark)
    assert found.as_json()["kind"] == "highlight"


def test_a_note_written_while_another_writer_works_is_found_after_the_index_is_repaired(workspace):
    layer = UserLayer(workspace)
    with writer_lock(workspace.root):  # an import holds the archive: the index is not written
        layer.set_record_note("top-2018", "een notitie over fotonica-chips")
    layer.set_record_note(
        "top-2016", ""
    )  # nothing to do, lock free: the index is brought up to date
    conn = connect_readonly(workspace)
    index = usable_index(workspace, conn)
    hits = Searcher(conn, index).search("fotonica-chips", 10)
    assert [h.id for h in hits if h.kind == "note"] == ["top-2018"]
    layer.set_record_note("top-2018", "nu over waterstofkernen")
    index = usable_index(workspace, conn)
    assert not [h for h in Searcher(conn, index).search("fotonica-chips", 10) if h.kind == "note"]
    layer.close()


def test_an_edited_note_is_found_by_its_new_words_only(workspace):
    layer = UserLayer(workspace)
    layer.set_record_note("top-2016", "over zeepbellen")
    layer.set_record_note("top-2016", "over regenbogen")
    conn = connect_readonly(workspace)
    assert [h.kind for h in Searcher(conn).search("regenbogen", 5)] == ["note"]
    assert not [h for h in Searcher(conn).search("zeepbellen", 5) if h.kind == "note"]
    layer.close()


def test_the_dossier_holds_the_records_notes(marked, tmp_path):
    import pymupdf

    from vlnl_desktop.core.documents.sheets import export_dossier

    ws = marked[0]
    conn = connect_readonly(ws)
    out = export_dossier(conn, "top-2016", tmp_path / "dossier.pdf")
    with pymupdf.open(out) as doc:
        text = " ".join(page.get_text() for page in doc)
    assert "Mijn notities" in text
    assert "Eerste notitie over Gent: kwantumcomputers." in " ".join(text.split())
