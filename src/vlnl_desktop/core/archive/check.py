"""Integrity of a working archive: SQLite itself, the foreign keys, the FTS indexes, the records,
the document files (each stored file, and each earlier version kept aside, read and compared with
its sha256) and the user's highlights (each on a stored file) and notes (each on a record).
``check_archive`` returns every finding, one line each; none means healthy."""

from __future__ import annotations

import sqlite3

from vlnl_desktop.core.archive.connections import READ_ERRORS, REBUILD_HINT, probe
from vlnl_desktop.core.archive.schema import FTS_TABLES
from vlnl_desktop.core.archive.schema_version import check_version
from vlnl_desktop.core.archive.value_types import wrong_type
from vlnl_desktop.core.archive.workspace import Workspace
from vlnl_desktop.core.documents.store import sha256_of
from vlnl_desktop.core.errors import ArchiveError
from vlnl_desktop.core.vocabulary import SEARCHED_KINDS

KIND_TABLES = {
    "declaration": "declarations",
    "summit": "summits",
    "event": "events",
    "treaty": "treaties",
    "institution": "institutions",
    "group": "theme_groups",
    "theme": "themes",
    "person": "people",
    "document": "documents",
}


def _fts_problems(conn: sqlite3.Connection) -> list[str]:
    problems = []
    for table in FTS_TABLES:
        try:
            conn.execute(f"INSERT INTO {table}_fts({table}_fts) VALUES('integrity-check')")
        except sqlite3.OperationalError as exc:
            if "readonly" not in str(exc):  # a read-only archive: the counts below still tell
                problems.append(f"the search index of {table} is damaged ({exc})")
                continue
        except READ_ERRORS as exc:
            problems.append(f"the search index of {table} is damaged ({exc})")
            continue
        rows = conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        indexed = conn.execute(f"SELECT count(*) FROM {table}_fts_docsize").fetchone()[0]
        if rows != indexed:
            problems.append(f"the search index of {table} holds {indexed} rows for {rows}")
    return problems


def _record_problems(conn: sqlite3.Connection) -> list[str]:
    problems = []
    for kind, table in KIND_TABLES.items():
        missing = conn.execute(
            f"SELECT count(*) FROM records r WHERE r.kind = ? "
            f"AND NOT EXISTS (SELECT 1 FROM {table} t WHERE t.id = r.id)",
            (kind,),
        ).fetchone()[0]
        orphans = conn.execute(
            f"SELECT count(*) FROM {table} t WHERE NOT EXISTS "
            f"(SELECT 1 FROM records r WHERE r.id = t.id AND r.kind = ?)",
            (kind,),
        ).fetchone()[0]
        if missing or orphans:
            problems.append(
                f"{table}: {missing} records without a row, {orphans} rows unregistered"
            )
    placeholders = ", ".join("?" * len(SEARCHED_KINDS))
    unsearchable = conn.execute(
        f"SELECT id FROM records WHERE kind IN ({placeholders}) AND origin != 'sheet' AND id NOT IN "
        f"(SELECT record_id FROM search_items) ORDER BY id",
        SEARCHED_KINDS,
    ).fetchall()
    if unsearchable:
        problems.append(
            f"{len(unsearchable)} records missing from search, e.g. {unsearchable[0][0]}"
        )
    if not conn.execute("SELECT count(*) FROM summits").fetchone()[0]:
        problems.append("the archive holds no summits")
    return problems


def _document_problems(conn: sqlite3.Connection, ws: Workspace) -> list[str]:
    problems = []
    rows = conn.execute(
        "SELECT d.id, d.sha256, d.size, d.page_count, "
        "(SELECT count(*) FROM pages p WHERE p.document_id = d.id) "
        "FROM documents d WHERE d.sha256 IS NOT NULL ORDER BY d.id"
    ).fetchall()
    for doc_id, sha256, size, page_count, pages in rows:
        problem = _file_problem(ws, sha256, size)
        if problem:
            problems.append(f"document {doc_id}: {problem}")
        if page_count is not None and pages != page_count:
            problems.append(f"document {doc_id}: {pages} of {page_count} pages indexed")
    problems += _version_problems(conn, ws)
    stray = conn.execute(
        "SELECT count(*) FROM pages WHERE document_id NOT IN "
        "(SELECT id FROM documents WHERE sha256 IS NOT NULL)"
    ).fetchone()[0]
    if stray:
        problems.append(f"{stray} indexed pages belong to no stored document")
    return problems


def _file_problem(ws: Workspace, sha256: str, size: int | None) -> str | None:
    """What is wrong with the stored file of this sha256, None if it is there and matches."""
    path = ws.document_path(sha256)
    if not path.is_file():
        return f"file {path.name} is missing"
    if size is not None and path.stat().st_size != size:
        return f"file {path.name} has the wrong size"
    if sha256_of(path)[0] != sha256:
        return f"file {path.name} does not match its sha256"
    return None


def _version_problems(conn: sqlite3.Connection, ws: Workspace) -> list[str]:
    """The earlier versions of documents' files, kept aside: each must still be in the store."""
    rows = conn.execute(
        "SELECT document_id, sha256, size, replaced FROM document_versions "
        "ORDER BY document_id, replaced"
    ).fetchall()
    problems = []
    for doc_id, sha256, size, replaced in rows:
        problem = _file_problem(ws, sha256, size)
        if problem:
            problems.append(f"document {doc_id}, version replaced on {replaced}: {problem}")
    return problems


def _user_layer_problems(conn: sqlite3.Connection, ws: Workspace) -> list[str]:
    """The user's highlights, each on a stored file and an existing page; notes on existing records."""
    problems = []
    rows = conn.execute(
        "SELECT h.id, h.sha256, h.page_no, "
        "(SELECT max(d.page_count) FROM documents d WHERE d.sha256 = h.sha256) "
        "FROM highlights h ORDER BY h.id"
    ).fetchall()
    for highlight_id, sha256, page_no, page_count in rows:
        if not ws.document_path(sha256).is_file():
            problems.append(f"highlight {highlight_id}: its file {sha256}.pdf is not stored")
        elif page_count is not None and not 1 <= page_no <= page_count:
            problems.append(f"highlight {highlight_id}: page {page_no} of {page_count}")
    lost = conn.execute(
        "SELECT count(*), min(record_id) FROM notes WHERE record_id IS NOT NULL "
        "AND record_id NOT IN (SELECT id FROM records)"
    ).fetchone()
    if lost[0]:
        problems.append(f"{lost[0]} notes on records the archive no longer holds, e.g. {lost[1]}")
    return problems


def check_archive(ws: Workspace) -> list[str]:
    """Every problem found in the working archive (an empty list when it is healthy)."""
    if not ws.exists():
        return [f"{ws.db_path}: the archive is missing"]
    try:
        # read-write only because FTS5's integrity-check is spelled as an INSERT; nothing is committed
        conn = probe(ws.db_path, writable=True)
    except READ_ERRORS as exc:
        return [f"{ws.db_path}: cannot open: {exc}"]
    try:
        result = conn.execute("PRAGMA integrity_check").fetchall()
        if result != [("ok",)]:
            return [f"{ws.db_path}: damaged: {result[0][0]}; {REBUILD_HINT}"]
        check_version(conn, ws.db_path)
        stray = wrong_type(conn)
        if stray:
            return [f"{ws.db_path}: damaged: a value of the wrong type in {stray}; {REBUILD_HINT}"]
        problems = []
        fk = conn.execute("PRAGMA foreign_key_check").fetchall()
        if fk:
            table, rowid, parent, _ = fk[0]
            problems.append(f"{len(fk)} broken links, e.g. {table} row {rowid} -> {parent}")
        problems += _fts_problems(conn)
        problems += _record_problems(conn)
        problems += _document_problems(conn, ws)
        problems += _user_layer_problems(conn, ws)
        return problems
    except ArchiveError as exc:
        return [str(exc)]
    except READ_ERRORS as exc:
        return [f"{ws.db_path}: damaged: {' '.join(str(exc).split())[:160]}; {REBUILD_HINT}"]
    finally:
        if conn.in_transaction:
            conn.rollback()
        conn.close()
