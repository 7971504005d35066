"""Helpers for the window's tests (the fixtures themselves are in conftest.py)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from samples import SMALL
from vlnl_desktop.core.archive.workspace import Workspace


def add_document_file(ws: Workspace, document_id: str, pdf: Path = SMALL) -> str:
    """Put ``pdf`` in the archive as the file of ``document_id``, with its pages indexed."""
    import hashlib

    import pymupdf

    data = pdf.read_bytes()
    sha = hashlib.sha256(data).hexdigest()
    ws.documents_dir.mkdir(exist_ok=True)
    ws.document_path(sha).write_bytes(data)
    with pymupdf.open(pdf) as doc:
        texts = [page.get_text() for page in doc]
    conn = sqlite3.connect(ws.db_path)
    with conn:
        conn.execute(
            "UPDATE documents SET sha256 = ?, size = ?, page_count = ?, has_text = 1 WHERE id = ?",
            (sha, len(data), len(texts), document_id),
        )
        conn.executemany(
            "INSERT INTO pages (document_id, page_no, text, has_text) VALUES (?, ?, ?, 1)",
            [(document_id, i + 1, text) for i, text in enumerate(texts)],
        )
    conn.close()
    return sha
