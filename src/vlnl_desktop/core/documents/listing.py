"""The archive's documents as a list of plain dicts (``vlnl-desktop documents``)."""

from __future__ import annotations

import json
import sqlite3

DOCUMENTS_SQL = """
SELECT d.id, d.title, d.file_name, d.kind, d.date, d.page_count, d.sha256, d.has_text, d.origin,
       d.url, d.retrieved,
       (SELECT json_group_array(record_id) FROM
           (SELECT record_id FROM document_links l WHERE l.document_id = d.id
            ORDER BY record_id)) AS linked
FROM documents d ORDER BY d.date IS NULL, d.date, d.id
"""


def list_documents(conn: sqlite3.Connection) -> list[dict]:
    """Every document, one dict each: id, title, file_name, kind, date, pages, sha256, records…"""

    out = []
    for row in conn.execute(DOCUMENTS_SQL):
        (doc_id, title, file_name, kind, date, pages, sha, has_text, origin, url, retrieved) = row[
            :11
        ]
        out.append(
            {
                "id": doc_id,
                "title": title,
                "file_name": file_name,
                "kind": kind,
                "date": date,
                "pages": pages,
                "sha256": sha,
                "records": json.loads(row[11]),
                "has_text": None if has_text is None else bool(has_text),
                "origin": origin,
                "url": url,
                "retrieved": retrieved,
            }
        )
    return out
