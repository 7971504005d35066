"""Importing PDFs: the sample corpus, encrypted and broken files, duplicates, ligatures, rebuilds and
an import killed half-way."""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
from pathlib import Path

import pytest

from killed_import import kill_half_way
from samples import (
    ALL_PDFS,
    ENCRYPTED,
    GEOTOPO,
    IMAGE_ONLY,
    SAMPLES,
    SMALL,
    make_broken_files,
)
from vlnl_desktop.core.archive.build import build_archive
from vlnl_desktop.core.archive.check import check_archive
from vlnl_desktop.core.archive.connections import connect_readonly
from vlnl_desktop.core.documents.importer import import_files
from vlnl_desktop.core.errors import ArchiveError
from vlnl_desktop.core.search.searcher import Searcher


def counts(ws) -> dict[str, int]:
    conn = sqlite3.connect(ws.db_path)
    try:
        return {
            t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("records", "documents", "pages", "document_links", "search_items")
        }
    finally:
        conn.close()


def stored_files(ws) -> set[str]:
    return {p.name for p in ws.documents_dir.iterdir()}


def by_path(results):
    return {Path(r.path).name: r for r in results}


def test_every_sample_pdf_is_imported_except_the_encrypted_and_the_empty_one(workspace):
    expected_pages = {
        e["path"]: e["pages"] for e in json.loads((SAMPLES / "files.json").read_text())["data"]
    }
    results = import_files(workspace, ALL_PDFS)
    failed = {Path(r.path).relative_to(SAMPLES).as_posix(): r.reason for r in results if not r.ok}
    assert failed == {
        "005-libreoffice-writer-password/libreoffice-writer-password.pdf": (
            "encrypted; give the password with --password"
        ),
        "017-unreadable-meta-data/unreadablemetadata.pdf": "has no pages",
    }
    conn = connect_readonly(workspace)
    for result in results:
        if not result.ok:
            continue
        relative = Path(result.path).relative_to(SAMPLES).as_posix()
        row = conn.execute(
            "SELECT page_count, (SELECT count(*) FROM pages WHERE document_id = d.id), origin "
            "FROM documents d WHERE id = ?",
            (result.document_id,),
        ).fetchone()
        assert row[0] == row[1] == result.pages
        if relative in expected_pages:
            assert row[0] == expected_pages[relative], relative
    assert check_archive(workspace) == []


def test_the_encrypted_sample_needs_its_password(workspace):
    [wrong] = import_files(workspace, [ENCRYPTED], password="not-it")
    assert (wrong.status, wrong.reason) == ("failed", "wrong password")
    [right] = import_files(workspace, [ENCRYPTED], password="openpassword")
    assert right.status == "imported" and right.pages == 1
    text = (
        connect_readonly(workspace)
        .execute("SELECT text FROM pages WHERE document_id = ?", (right.document_id,))
        .fetchone()[0]
    )
    assert text.strip()
    # the file is stored as it came (still encrypted), under its sha256
    sha256 = (
        connect_readonly(workspace)
        .execute("SELECT sha256 FROM documents WHERE id = ?", (right.document_id,))
        .fetchone()[0]
    )
    assert workspace.document_path(sha256).read_bytes() == ENCRYPTED.read_bytes()


def test_broken_files_are_refused_with_a_reason_and_change_nothing(workspace, tmp_path, capfd):
    broken = make_broken_files(tmp_path / "broken")
    stub = tmp_path / "broken" / "stub.pdf"
    stub.write_bytes(b"%PDF-1.4\n1 0 obj<<")  # a header and nothing MuPDF can open
    broken["stub.pdf"] = stub
    before, files_before = counts(workspace), stored_files(workspace)
    results = by_path(import_files(workspace, [*broken.values(), tmp_path / "missing.pdf", SMALL]))
    # not the path of the copy being read (a staging file the user never saw)
    assert results["stub.pdf"].reason == "damaged PDF: cannot be opened"
    assert results["truncated.pdf"].reason == "damaged PDF: incomplete, no readable pages"
    assert results["flipped.pdf"].reason.startswith("damaged PDF: page 1:")
    assert results["empty.pdf"].reason == "not a PDF (the file is empty)"
    assert results["page.pdf"].reason == "not a PDF"
    assert results["missing.pdf"].reason == "no such file"
    assert results[SMALL.name].status == "imported"
    after = counts(workspace)
    assert after["documents"] == before["documents"] + 1
    assert after["pages"] == before["pages"] + 4
    assert len(stored_files(workspace) - files_before) == 1
    assert check_archive(workspace) == []
    # MuPDF's own complaints never reach the terminal
    out, err = capfd.readouterr()
    assert out == "" and err == ""


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every file")
def test_an_unreadable_file_says_permission_denied(workspace, tmp_path):
    locked = tmp_path / "locked.pdf"
    shutil.copy(SMALL, locked)
    locked.chmod(0)
    [result] = import_files(workspace, [locked])
    assert result.reason == "cannot read: permission denied"


def test_a_duplicate_is_stored_once_and_linked_when_asked(workspace, tmp_path):
    copy = tmp_path / "same-content-other-name.pdf"
    shutil.copy(SMALL, copy)
    [first] = import_files(workspace, [SMALL])
    before, files_before = counts(workspace), stored_files(workspace)
    [again, renamed] = import_files(workspace, [SMALL, copy], record_id="top-2016")
    assert again.status == renamed.status == "duplicate"
    assert again.line().endswith(f"already in the archive as {first.document_id}")
    after = counts(workspace)
    assert {k: after[k] - before[k] for k in after} == {
        "records": 0,
        "documents": 0,
        "pages": 0,
        "document_links": 1,
        "search_items": 0,
    }
    assert stored_files(workspace) == files_before
    linked = (
        connect_readonly(workspace)
        .execute("SELECT record_id FROM document_links WHERE document_id = ?", (first.document_id,))
        .fetchall()
    )
    assert [tuple(r) for r in linked] == [("top-2016",)]


def test_an_unknown_record_is_refused_before_anything_is_imported(workspace):
    before = counts(workspace)
    with pytest.raises(ArchiveError, match="no record with id 'top-1999'"):
        import_files(workspace, [SMALL], record_id="top-1999")
    assert counts(workspace) == before


def test_a_word_with_a_ligature_is_found(workspace):
    import pymupdf

    raw = pymupdf.open(GEOTOPO)
    raw_text = "".join(page.get_text() for page in raw)
    raw.close()
    assert "de\ufb01niert" in raw_text  # the PDF really draws "fi" as one ligature glyph
    [result] = import_files(workspace, [GEOTOPO])
    hits = Searcher(connect_readonly(workspace)).search("definiert", 20)
    pages = [h for h in hits if h.kind == "page" and h.document == result.document_id]
    assert pages and all(1 <= h.page <= 117 for h in pages)
    assert "definiert" in pages[0].snippet.replace("\ue000", "").replace("\ue001", "")


def test_a_scan_without_text_is_kept_and_marked(workspace):
    [result] = import_files(workspace, [IMAGE_ONLY])
    conn = connect_readonly(workspace)
    doc = conn.execute("SELECT has_text FROM documents WHERE id = ?", (result.document_id,))
    assert doc.fetchone()[0] == 0
    pages = conn.execute("SELECT has_text FROM pages WHERE document_id = ?", (result.document_id,))
    assert [r[0] for r in pages] == [0]


def test_a_file_the_records_name_becomes_that_document(workspace, tmp_path):
    named = tmp_path / "slotverklaring_vl-nl_topontmoeting_7november2016.pdf"
    shutil.copy(SMALL, named)
    [result] = import_files(workspace, [named])
    assert result.document_id == "doc-slotverklaring-2016"
    row = (
        connect_readonly(workspace)
        .execute(
            "SELECT origin, page_count, title FROM documents WHERE id = 'doc-slotverklaring-2016'"
        )
        .fetchone()
    )
    assert row[0] == "bundled" and row[1] == 4 and row[2].startswith("Slotverklaring")
    assert check_archive(workspace) == []


def test_a_rebuild_keeps_every_imported_document_its_links_and_its_text(workspace, tmp_path):
    named = tmp_path / "slotverklaring_vl-nl_topontmoeting_7november2016.pdf"
    shutil.copy(SMALL, named)
    import_files(workspace, [GEOTOPO, IMAGE_ONLY], record_id="top-2020")
    import_files(workspace, [named])
    import_files(workspace, [ENCRYPTED], password="openpassword", record_id="waterstoftechnologie")

    def snapshot():
        conn = sqlite3.connect(workspace.db_path)
        try:
            return {
                "documents": conn.execute(
                    "SELECT * FROM documents WHERE sha256 IS NOT NULL ORDER BY id"
                ).fetchall(),
                "pages": conn.execute(
                    "SELECT document_id, page_no, text, has_text FROM pages ORDER BY 1, 2"
                ).fetchall(),
                "links": conn.execute("SELECT * FROM document_links ORDER BY 1, 2").fetchall(),
                "items": conn.execute(
                    "SELECT record_id, kind, title, date, body FROM search_items ORDER BY 1"
                ).fetchall(),
            }
        finally:
            conn.close()

    before = snapshot()
    report = build_archive(workspace.db_path)
    assert snapshot() == before
    assert report.documents_kept == 4
    build_archive(workspace.db_path)  # and again: nothing doubles
    assert snapshot() == before
    hits = Searcher(connect_readonly(workspace)).search("definiert", 5)
    assert any(h.kind == "page" for h in hits)
    assert check_archive(workspace) == []


def test_an_import_killed_half_way_leaves_a_consistent_archive(workspace, tmp_path):
    folder = tmp_path / "many"
    folder.mkdir()
    data = GEOTOPO.read_bytes()
    paths = []
    for i in range(12):  # different bytes, same 117 pages: each a new document
        path = folder / f"geotopo-{i:02d}.pdf"
        path.write_bytes(data + f"\n% copy {i}\n".encode())
        paths.append(str(path))
    before = counts(workspace)["documents"]
    gate, returncode = kill_half_way(workspace.root, paths)
    assert gate == "half-way\n", f"the import never reached its fourth document: {gate!r}"
    assert returncode == -signal.SIGKILL, "the import finished before it could be killed"

    conn = sqlite3.connect(workspace.db_path)
    assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    imported = conn.execute(
        "SELECT d.id, d.page_count, (SELECT count(*) FROM pages p WHERE p.document_id = d.id) "
        "FROM documents d WHERE d.origin = 'user'"
    ).fetchall()
    conn.close()
    assert 3 <= len(imported) < 12
    assert all(page_count == pages == 117 for _, page_count, pages in imported)
    assert check_archive(workspace) == []

    # the next import finishes the job and clears what the killed one left behind
    results = import_files(workspace, paths)
    assert all(r.ok for r in results)
    assert not list(workspace.documents_dir.glob(".incoming-*"))
    assert counts(workspace)["documents"] == before + 12
    assert check_archive(workspace) == []


def test_extraction_in_worker_processes_gives_the_same_archive(workspace, tmp_path):
    """A folder import runs text extraction in processes ahead of the one writer: same results,
    same order, same pages as an import in one process."""
    import shutil as _shutil

    from vlnl_desktop.core.archive.workspace import Workspace

    files = sorted(SAMPLES.rglob("*.pdf")) + list(make_broken_files(tmp_path / "broken").values())
    serial_root = tmp_path / "serial"
    _shutil.copytree(workspace.root, serial_root)
    serial = import_files(Workspace(serial_root), files, workers=0)
    parallel = import_files(workspace, files, workers=2)
    assert [(r.path, r.status, r.reason, r.pages) for r in parallel] == [
        (r.path, r.status, r.reason, r.pages) for r in serial
    ]
    assert counts(workspace) == counts(Workspace(serial_root))
    assert check_archive(workspace) == []
