"""Attaching the user's copy of an official document (core/documents/attach.py)."""

from __future__ import annotations

import sqlite3

from samples import ENCRYPTED, MULTICOLUMN, SMALL
from vlnl_desktop.core.archive.check import check_archive
from vlnl_desktop.core.archive.connections import connect_readonly
from vlnl_desktop.core.catalog import Catalog
from vlnl_desktop.core.documents.attach import attach_copy
from vlnl_desktop.core.documents.importer import import_files
from vlnl_desktop.core.search.searcher import Searcher

DOC = "doc-slotverklaring-2018"


def row(ws, doc_id=DOC):
    conn = sqlite3.connect(ws.db_path)
    try:
        return conn.execute(
            "SELECT sha256, title, date, obtained, retrieved, page_count FROM documents "
            "WHERE id = ?",
            (doc_id,),
        ).fetchone()
    finally:
        conn.close()


def test_an_attached_copy_becomes_the_documents_file_and_the_record_stays(workspace):
    before = row(workspace)
    result = attach_copy(workspace, DOC, SMALL, today="2025-04-01")
    assert (result.status, result.pages) == ("attached", 4)
    sha256, title, date, obtained, retrieved, pages = row(workspace)
    assert (title, date) == before[1:3]  # the record's title and date stay
    assert (obtained, retrieved, pages) == ("attached", "2025-04-01", 4)
    assert workspace.document_path(sha256).read_bytes() == SMALL.read_bytes()
    conn = connect_readonly(workspace)
    detail = Catalog(conn).detail("top-2018")
    assert any(d.id == DOC and d.in_archive for d in detail.documents)  # its links stay
    hits = Searcher(conn).search("gefburn", 5)
    assert any(h.kind == "page" and h.document == DOC for h in hits)
    conn.close()
    assert check_archive(workspace) == []
    assert attach_copy(workspace, DOC, SMALL).status == "same"


def test_a_different_file_needs_a_confirmation_and_the_old_one_is_kept(workspace):
    attach_copy(workspace, DOC, SMALL, today="2025-04-01")
    old = row(workspace)[0]
    refused = attach_copy(workspace, DOC, MULTICOLUMN)
    assert (refused.status, refused.code) == ("failed", "has_file")
    assert row(workspace)[0] == old
    replaced = attach_copy(workspace, DOC, MULTICOLUMN, replace=True, today="2025-05-01")
    assert replaced.status == "replaced"
    new = row(workspace)[0]
    assert new != old and workspace.document_path(old).is_file()
    conn = connect_readonly(workspace)
    versions = Catalog(conn).detail(DOC).versions
    conn.close()
    assert [(v.sha256, v.replaced, v.obtained) for v in versions] == [
        (old, "2025-05-01", "attached")
    ]
    assert check_archive(workspace) == []


def test_refusals_change_nothing(workspace, tmp_path):
    [imported] = import_files(workspace, [SMALL], workers=0)
    assert attach_copy(workspace, DOC, SMALL).code == "in_use"
    assert attach_copy(workspace, DOC, SMALL).reason == (
        f"this file is already in the archive as {imported.document_id}"
    )
    assert attach_copy(workspace, "fiche-top-2018", MULTICOLUMN).code == "not_official"
    assert attach_copy(workspace, "doc-nope", MULTICOLUMN).code == "no_document"
    text = tmp_path / "note.pdf"
    text.write_text("not a pdf")
    assert attach_copy(workspace, DOC, text).code == "not_pdf"
    assert row(workspace)[0] is None
    assert [p.name for p in workspace.documents_dir.glob(".incoming-*")] == []


def test_an_encrypted_copy_is_attached_with_its_password(workspace):
    assert attach_copy(workspace, DOC, ENCRYPTED).code == "password_required"
    assert attach_copy(workspace, DOC, ENCRYPTED, password="nope").code == "wrong_password"
    assert row(workspace)[0] is None  # nothing changed meanwhile
    result = attach_copy(workspace, DOC, ENCRYPTED, password="openpassword")
    assert result.status == "attached" and result.pages > 0
    assert row(workspace)[0] is not None
