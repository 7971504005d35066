"""The ``ocr_pages`` table: which pages still need OCR, writing a page's reading, reading one back.

A page needs OCR when its text layer is empty or not words (``words.needs_ocr``) and it has no
``ocr_pages`` row yet: a run that was cancelled or killed resumes at the first page without one. A
reading replaces the page's ``pages`` row (a new row id, so the search index sees it changed) with
the OCR text, in the same transaction as its ``ocr_pages`` row; a page that could not be read gets
a row with its ``problem`` (not tried again by ``--all``, tried again when named).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

from vlnl_desktop.core.archive.connections import transaction
from vlnl_desktop.core.ocr.words import OcrPage, needs_ocr
from vlnl_desktop.core.vocabulary import ORIGIN_SHEET

COLUMNS = (
    "document_id", "page_no", "engine", "language", "dpi", "rotation", "transform", "words",
    "confidence", "problem", "done",
)  # fmt: skip


@dataclass(frozen=True)
class Pending:
    """The pages of one document still to OCR (1-based numbers), and its stored file."""

    document_id: str
    title: str
    sha256: str
    pages: tuple[int, ...]


def pending(
    conn: sqlite3.Connection, document_ids: Iterable[str] | None = None, *, retry: bool = False
) -> list[Pending]:
    """The documents with pages still to OCR, in the order asked (all: by id). ``retry``: pages
    whose OCR failed before count as pending too."""
    sql = (
        "SELECT d.id, d.title, d.sha256, p.page_no, p.text, o.problem IS NOT NULL "
        "FROM documents d JOIN pages p ON p.document_id = d.id "
        "LEFT JOIN ocr_pages o ON o.document_id = p.document_id AND o.page_no = p.page_no "
        "WHERE d.sha256 IS NOT NULL AND d.origin IS NOT ? "  # the archive's own sheets: never scans
        "AND (o.page_no IS NULL OR (? AND o.problem IS NOT NULL)) "
    )
    params: list = [ORIGIN_SHEET, int(retry)]
    wanted = list(dict.fromkeys(document_ids)) if document_ids is not None else None
    if wanted is not None:
        sql += f"AND d.id IN ({', '.join('?' * len(wanted))}) "
        params += wanted
    sql += "ORDER BY d.id, p.page_no"
    found: dict[str, Pending] = {}
    for doc_id, title, sha, page_no, text, _failed in conn.execute(sql, params):
        if not needs_ocr(text or ""):
            continue
        known = found.get(doc_id)
        pages = (known.pages if known else ()) + (page_no,)
        found[doc_id] = Pending(doc_id, title, sha, pages)
    if wanted is None:
        return list(found.values())
    return [found[d] for d in wanted if d in found]


def pages_without_text(conn: sqlite3.Connection, document_ids: list[str]) -> dict[str, int]:
    """The documents among ``document_ids`` with pages that have no text at all (not yet read by
    OCR), with how many: one query, cheap after a large import (``pending`` also weighs every
    page's text)."""
    found: dict[str, int] = {}
    for start in range(0, len(document_ids), 500):
        chunk = document_ids[start : start + 500]
        rows = conn.execute(
            "SELECT p.document_id, count(*) FROM pages p WHERE p.has_text = 0 "
            f"AND p.document_id IN ({', '.join('?' * len(chunk))}) "
            "AND NOT EXISTS (SELECT 1 FROM ocr_pages o WHERE o.document_id = p.document_id "
            "AND o.page_no = p.page_no) GROUP BY p.document_id ORDER BY p.document_id",
            chunk,
        )
        found.update({doc_id: count for doc_id, count in rows})
    return found


def counts(conn: sqlite3.Connection, document_id: str) -> tuple[int, int]:
    """(pages read by OCR, pages still to read) of one document."""
    done = conn.execute(
        "SELECT count(*) FROM ocr_pages WHERE document_id = ? AND problem IS NULL", (document_id,)
    ).fetchone()[0]
    left = pending(conn, [document_id])
    return done, len(left[0].pages) if left else 0


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def write_pages(
    conn: sqlite3.Connection,
    document_id: str,
    readings: Iterable[OcrPage],
    engine: str,
    language: str,
) -> int:
    """Store ``readings`` of one document in one transaction; the number of pages stored (a
    document deleted meanwhile takes none)."""
    stored = 0
    with transaction(conn):
        if not conn.execute("SELECT 1 FROM documents WHERE id = ?", (document_id,)).fetchone():
            return 0
        for page in readings:
            text = page.text
            conn.execute(
                "DELETE FROM pages WHERE document_id = ? AND page_no = ?",
                (document_id, page.page_no),
            )
            conn.execute(
                "INSERT INTO pages (document_id, page_no, text, has_text) VALUES (?, ?, ?, ?)",
                (document_id, page.page_no, text, int(bool(text.strip()))),
            )
            _put(conn, document_id, page.page_no, engine, language, page=page)
            stored += 1
    return stored


def write_problem(
    conn: sqlite3.Connection, document_id: str, page_no: int, engine: str, language: str, why: str
) -> None:
    """Note that page ``page_no`` could not be read (``why``, one line)."""
    with transaction(conn):
        if conn.execute("SELECT 1 FROM documents WHERE id = ?", (document_id,)).fetchone():
            _put(conn, document_id, page_no, engine, language, problem=why)


def _put(
    conn: sqlite3.Connection,
    document_id: str,
    page_no: int,
    engine: str,
    language: str,
    *,
    page: OcrPage | None = None,
    problem: str | None = None,
) -> None:
    import json

    values = {
        "document_id": document_id,
        "page_no": page_no,
        "engine": engine,
        "language": language,
        "dpi": page.dpi if page else None,
        "rotation": page.rotation if page else None,
        "transform": json.dumps([round(v, 6) for v in page.transform]) if page else None,
        "words": page.words_json() if page else None,
        "confidence": round(page.confidence, 1) if page and page.confidence is not None else None,
        "problem": problem,
        "done": _now(),
    }
    conn.execute(
        f"INSERT OR REPLACE INTO ocr_pages ({', '.join(COLUMNS)}) "
        f"VALUES ({', '.join('?' * len(COLUMNS))})",
        [values[c] for c in COLUMNS],
    )


def read_page(conn: sqlite3.Connection, sha256: str, page_no: int) -> OcrPage | None:
    """The OCR of page ``page_no`` (1-based) of the stored file ``sha256``, None if it has none."""
    row = conn.execute(
        "SELECT o.words, o.transform, o.dpi, o.rotation FROM ocr_pages o "
        "JOIN documents d ON d.id = o.document_id "
        "WHERE d.sha256 = ? AND o.page_no = ? AND o.problem IS NULL LIMIT 1",
        (sha256, page_no),
    ).fetchone()
    if row is None:
        return None
    return OcrPage.from_json(page_no, row[0], row[1], row[2] or 0, row[3] or 0)


def carried_rows(old: sqlite3.Connection, document_id: str) -> list[tuple]:
    """A document's ``ocr_pages`` rows in an earlier archive (none if it had no such table)."""
    try:
        return old.execute(
            f"SELECT {', '.join(COLUMNS)} FROM ocr_pages WHERE document_id = ?", (document_id,)
        ).fetchall()
    except sqlite3.OperationalError:  # an archive from before OCR
        return []


def keep_rows(conn: sqlite3.Connection, rows: list[tuple]) -> None:
    """Put carried-over ``ocr_pages`` rows into a new build (inside its transaction)."""
    conn.executemany(
        f"INSERT OR REPLACE INTO ocr_pages ({', '.join(COLUMNS)}) "
        f"VALUES ({', '.join('?' * len(COLUMNS))})",
        rows,
    )
