"""Fetching the official documents, against a local HTTP server on 127.0.0.1 only."""

from __future__ import annotations

import sqlite3
import time

import pymupdf

from local_server import DECLARATION_PAGE, GOOD, SLOW_SECONDS
from vlnl_desktop.core.archive.build import build_archive
from vlnl_desktop.core.archive.check import check_archive
from vlnl_desktop.core.archive.connections import connect_readonly
from vlnl_desktop.core.documents.fetch import fetch_documents, pending_documents
from vlnl_desktop.core.documents.web_page import main_text
from vlnl_desktop.core.search.searcher import Searcher


def doc_row(ws, doc_id):
    conn = sqlite3.connect(ws.db_path)
    try:
        return conn.execute(
            "SELECT sha256, page_count, retrieved, has_text, size FROM documents WHERE id = ?",
            (doc_id,),
        ).fetchone()
    finally:
        conn.close()


def test_the_records_know_the_addresses_to_fetch(readonly_workspace):
    conn = connect_readonly(readonly_workspace)
    ids = [row[0] for row in pending_documents(conn)]
    assert "doc-communique-2016" in ids and len(ids) >= 3


def test_a_pdf_is_fetched_stored_and_indexed(workspace, server):
    [result] = fetch_documents(
        workspace, [("doc-communique-2016", f"{server}/good.pdf")], today="2025-01-31"
    )
    assert result.status == "fetched" and result.pages == 4
    sha256, pages, retrieved, has_text, size = doc_row(workspace, "doc-communique-2016")
    assert (pages, retrieved, has_text, size) == (4, "2025-01-31", 1, len(GOOD))
    assert workspace.document_path(sha256).read_bytes() == GOOD
    assert check_archive(workspace) == []
    # a second fetch keeps what is there
    [again] = fetch_documents(workspace, [("doc-communique-2016", f"{server}/broken.pdf")])
    assert again.status == "duplicate"
    assert doc_row(workspace, "doc-communique-2016")[0] == sha256
    # and a rebuild keeps the fetched file, its date and its pages
    build_archive(workspace.db_path)
    assert doc_row(workspace, "doc-communique-2016")[:3] == (sha256, 4, "2025-01-31")
    assert check_archive(workspace) == []


def test_a_web_page_is_stored_as_a_pdf_of_its_main_text(workspace, server):
    [result] = fetch_documents(
        workspace, [("doc-slotverklaring-2018", f"{server}/declaration")], today="2025-02-03"
    )
    assert result.status == "fetched" and result.from_web_page
    sha256 = doc_row(workspace, "doc-slotverklaring-2018")[0]
    doc = pymupdf.open(workspace.document_path(sha256))
    text = " ".join("".join(page.get_text() for page in doc).split())
    doc.close()
    assert "De minister-presidenten van Vlaanderen en Nederland" in text
    assert "Tweede afspraak" in text
    assert f"{server}/declaration" in text and "3 februari 2025" in text
    assert "Cookies" not in text and "Menu" not in text and "tracking" not in text
    hits = Searcher(connect_readonly(workspace)).search("Noordzeehavens", 5)
    assert any(h.kind == "page" and h.document == "doc-slotverklaring-2018" for h in hits)
    assert check_archive(workspace) == []


def test_bad_answers_are_reported_and_change_nothing(workspace, server):
    targets = [
        ("doc-communique-2016", f"{server}/broken.pdf"),
        ("doc-slotverklaring-2018", f"{server}/slow.pdf"),
        ("doc-slotverklaring-2020", f"{server}/missing.pdf"),
        ("doc-slotverklaring-2020", f"{server}/plain.txt"),
        ("doc-slotverklaring-2020", f"{server}/big.pdf"),
        ("doc-slotverklaring-2020", "ftp://127.0.0.1/x.pdf"),
    ]
    files_before = set(workspace.documents_dir.iterdir())
    started = time.monotonic()
    results = fetch_documents(workspace, targets, timeout=0.5, max_bytes=200_000)
    assert time.monotonic() - started < SLOW_SECONDS
    reasons = [r.reason for r in results]
    assert all(r.status == "failed" for r in results)
    assert reasons[0] == "damaged PDF: incomplete, no readable pages"
    assert reasons[1] == "timed out after 0.5 s"
    assert reasons[2] == "the server answered 404 Not Found"
    assert reasons[3] == "not a PDF or a web page (text/plain)"
    assert reasons[4].startswith("too large")
    assert reasons[5] == "not a web address"
    for doc_id in ("doc-communique-2016", "doc-slotverklaring-2018", "doc-slotverklaring-2020"):
        assert doc_row(workspace, doc_id)[0] is None
    assert set(workspace.documents_dir.iterdir()) == files_before
    assert check_archive(workspace) == []


def test_main_text_prefers_the_main_element():
    title, blocks = main_text(DECLARATION_PAGE)
    assert title == "Gezamenlijke verklaring Vlaams-Nederlandse top"
    assert blocks[0] == ("h", "Gezamenlijke verklaring")
    assert ("li", "Eerste afspraak over de Noordzeehavens.") in blocks
    assert all("Cookies" not in text for _, text in blocks)
