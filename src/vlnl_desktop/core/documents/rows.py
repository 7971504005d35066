"""The one writer of document rows: a document's ``records`` row, its ``documents`` row, its search
item, its pages, its links and its earlier versions. Import, fetch, attach, the build's record
sheets and the build's carry-over of the user's documents all write through here, inside the
caller's transaction.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from vlnl_desktop.core.archive.connections import transaction
from vlnl_desktop.core.pdf.text import PageText
from vlnl_desktop.core.text import fold, normalize
from vlnl_desktop.core.vocabulary import ORIGIN_BUNDLED, ORIGIN_USER

# The columns that describe a document's stored file (set when a file is attached to a document).
FILE_COLUMNS = (
    "sha256",
    "size",
    "page_count",
    "has_text",
    "retrieved",
    "file_name",
    "obtained",
    "published_sha256",
)
# The columns of an earlier version of a document's file (``document_versions``).
VERSION_COLUMNS = ("sha256", "size", "page_count", "retrieved", "obtained", "published_sha256")


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")[:48].strip("-")


def new_document_id(conn: sqlite3.Connection, file_name: str, sha256: str) -> str:
    """A readable id from the file name, unique in the archive."""
    base = "doc-" + (_slug(Path(file_name).stem) or sha256[:12])
    for candidate in (base, f"{base}-{sha256[:8]}", f"{base}-{sha256[:16]}"):
        if conn.execute("SELECT 1 FROM records WHERE id = ?", (candidate,)).fetchone() is None:
            return candidate
    return f"doc-{sha256}"


def find_by_sha(conn: sqlite3.Connection, sha256: str) -> str | None:
    row = conn.execute(
        "SELECT id FROM documents WHERE sha256 = ? ORDER BY id LIMIT 1", (sha256,)
    ).fetchone()
    return row[0] if row else None


def bundled_without_file(conn: sqlite3.Connection, file_name: str) -> str | None:
    """A document of the bundled records named ``file_name`` that has no file yet."""
    row = conn.execute(
        "SELECT id FROM documents WHERE sha256 IS NULL AND origin = ? "
        "AND lower(file_name) = lower(?) ORDER BY id LIMIT 1",
        (ORIGIN_BUNDLED, file_name),
    ).fetchone()
    return row[0] if row else None


def insert_document(conn: sqlite3.Connection, document: dict, *, searchable: bool = True) -> None:
    """A new document: its ``records`` row, its ``documents`` row (``document`` holds documents
    columns; ``id``, ``title`` and ``origin`` at least) and, if ``searchable``, its search item
    (found by its title and file name)."""
    conn.execute(
        "INSERT INTO records (id, kind, title, date, summary, origin) "
        "VALUES (?, 'document', ?, ?, ?, ?)",
        (
            document["id"],
            document["title"],
            document.get("date"),
            document.get("summary"),
            document["origin"],
        ),
    )
    columns = list(document)
    conn.execute(
        f"INSERT INTO documents ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
        [document[c] for c in columns],
    )
    if searchable:
        conn.execute(
            "INSERT INTO search_items (record_id, kind, title, date, body) "
            "VALUES (?, 'document', ?, ?, ?)",
            (
                document["id"],
                normalize(document["title"]),
                document.get("date"),
                normalize(document.get("file_name") or ""),
            ),
        )


def attach_file(conn: sqlite3.Connection, document_id: str, file_columns: dict) -> None:
    """Give a known document its stored file (``FILE_COLUMNS``); a file name it already has stays."""
    columns = {c: v for c, v in file_columns.items() if c in FILE_COLUMNS}
    file_name = columns.pop("file_name", None)
    sets = ", ".join(f"{c} = ?" for c in columns)
    conn.execute(
        f"UPDATE documents SET {sets}, file_name = coalesce(file_name, ?) WHERE id = ?",
        (*columns.values(), file_name, document_id),
    )


def insert_pages(conn: sqlite3.Connection, document_id: str, pages: Sequence[PageText]) -> None:
    """The document's page texts (replacing any it had)."""
    conn.execute("DELETE FROM pages WHERE document_id = ?", (document_id,))
    conn.executemany(
        "INSERT INTO pages (document_id, page_no, text, has_text) VALUES (?, ?, ?, ?)",
        ((document_id, p.page_no, p.text, int(p.has_text)) for p in pages),
    )


def link_document(conn: sqlite3.Connection, document_id: str, record_id: str | None) -> None:
    """Link a document to a record (once), after the record's other documents; a record that is
    not in the archive is skipped."""
    if record_id is None or record_id == document_id:
        return
    position = conn.execute(
        "SELECT coalesce(max(position) + 1, 0) FROM document_links WHERE record_id = ?",
        (record_id,),
    ).fetchone()[0]
    conn.execute(
        "INSERT OR IGNORE INTO document_links (document_id, record_id, position) "
        "SELECT ?, ?, ? WHERE ?2 IN (SELECT id FROM records)",
        (document_id, record_id, position),
    )


def link_all(conn: sqlite3.Connection, links: Iterable[tuple[str, str, int]]) -> None:
    """Links as they were (document id, record id, position); those to unknown records skipped."""
    conn.executemany(
        "INSERT OR IGNORE INTO document_links (document_id, record_id, position) "
        "SELECT ?, ?, ? WHERE ?2 IN (SELECT id FROM records)",
        links,
    )


@dataclass(frozen=True)
class PreparedDocument:
    """What goes into the tables for one checked PDF (built before any write)."""

    sha256: str
    size: int
    file_name: str
    title: str
    date: str | None
    pages: list[PageText]
    text_cut: str = ""  # where the text was cut to its budget (``pdf.text.DocumentText.cut``)

    @property
    def has_text(self) -> bool:
        return any(p.has_text for p in self.pages)


def write_document(
    conn: sqlite3.Connection,
    prepared: PreparedDocument,
    *,
    record_id: str | None = None,
    origin: str = ORIGIN_USER,
    url: str | None = None,
    retrieved: str | None = None,
    document_id: str | None = None,
    obtained: str | None = None,
    published_sha256: str | None = None,
) -> tuple[str, bool]:
    """Write one document's rows in one transaction: (document id, True if new, False if known).

    A file already in the archive (same sha256) is only linked to ``record_id``. ``document_id``
    names a known document (fetch): the file and its pages are attached to it, never over a file
    it already has. A file named as a bundled document without a file becomes that document's.
    ``obtained`` says how a known document got it (fetched or attached); ``published_sha256`` is
    the fingerprint of what was published (fetch).
    """
    file_columns = _file_columns(prepared, retrieved, obtained, published_sha256)
    with transaction(conn):
        existing = find_by_sha(conn, prepared.sha256)
        if existing is not None:
            link_document(conn, existing, record_id)
            return existing, False
        if document_id is not None:
            row = conn.execute(
                "SELECT sha256 FROM documents WHERE id = ?", (document_id,)
            ).fetchone()
            if row is None or row[0] is not None:
                return document_id, False
        target = document_id or bundled_without_file(conn, prepared.file_name)
        if target is not None:
            attach_file(conn, target, {**file_columns, "file_name": prepared.file_name})
        else:
            target = new_document_id(conn, prepared.file_name, prepared.sha256)
            insert_document(
                conn,
                {
                    "id": target,
                    "title": prepared.title,
                    "file_name": prepared.file_name,
                    "date": prepared.date,
                    "url": url,
                    "origin": origin,
                    **file_columns,
                },
            )
        insert_pages(conn, target, prepared.pages)
        link_document(conn, target, record_id)
        return target, True


def _file_columns(
    prepared: PreparedDocument,
    retrieved: str | None,
    obtained: str | None,
    published_sha256: str | None,
) -> dict:
    return {
        "sha256": prepared.sha256,
        "size": prepared.size,
        "page_count": len(prepared.pages),
        "has_text": int(prepared.has_text),
        "retrieved": retrieved,
        "obtained": obtained,
        "published_sha256": published_sha256,
    }


def replace_file(
    conn: sqlite3.Connection,
    document_id: str,
    prepared: PreparedDocument,
    *,
    replaced_on: str,
    obtained: str,
    published_sha256: str | None = None,
) -> None:
    """Give a document that has a file a new one in one transaction: the file it had is listed
    as an earlier version (its stored file stays), the new one's columns and pages replace it."""
    columns = ", ".join(VERSION_COLUMNS)
    with transaction(conn):
        conn.execute(
            f"INSERT OR REPLACE INTO document_versions (document_id, {columns}, replaced) "
            f"SELECT id, {columns}, ? FROM documents WHERE id = ? AND sha256 IS NOT NULL",
            (replaced_on, document_id),
        )
        conn.execute(
            "DELETE FROM document_versions WHERE document_id = ? AND sha256 = ?",
            (document_id, prepared.sha256),
        )  # a file that comes back is the current one, not an earlier version
        columns_now = _file_columns(prepared, replaced_on, obtained, published_sha256)
        sets = ", ".join(f"{c} = ?" for c in columns_now)
        conn.execute(
            f"UPDATE documents SET {sets} WHERE id = ?", (*columns_now.values(), document_id)
        )
        insert_pages(conn, document_id, prepared.pages)


def keep_versions(conn: sqlite3.Connection, versions: Iterable[Sequence]) -> None:
    """Earlier versions as they were (document id, ``VERSION_COLUMNS``…, replaced), for the
    build's carry-over; those of documents not in the archive are skipped."""
    columns = ", ".join(VERSION_COLUMNS)
    marks = ", ".join("?" * (len(VERSION_COLUMNS) + 2))
    conn.executemany(
        f"INSERT OR IGNORE INTO document_versions (document_id, {columns}, replaced) "
        f"SELECT {marks} WHERE ?1 IN (SELECT id FROM documents)",
        versions,
    )
