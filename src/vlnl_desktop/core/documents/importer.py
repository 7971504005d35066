"""Importing the user's PDFs into the working archive.

Each file is checked (exists, readable, a PDF, opens, password, has pages), hashed, stored once
under ``documents/<sha256>.pdf`` (a temporary file in that folder, then an atomic rename), and
indexed page by page. The rows of one document (record, document, pages, search item, link) are
written in one transaction, after the file is in place: an import killed half-way leaves at most a
file without a row, which is harmless and cleaned up by the next import.

A file already in the archive (same sha256) is not stored twice; with ``record_id`` it is linked to
that record. A file whose name is that of a document the records know but have no file for (the
bundled records list the official PDFs by file name) becomes that document's file.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import shutil
import sqlite3
import tempfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from vlnl_desktop.core.archive.workspace import Workspace
from vlnl_desktop.core.archive.writer_lock import writer_lock
from vlnl_desktop.core.errors import ArchiveError, ImportProblem, PdfProblem, problem_text
from vlnl_desktop.core.pdf.gate import open_pdf
from vlnl_desktop.core.pdf.text import PageText, page_texts
from vlnl_desktop.core.records import parse_iso_date
from vlnl_desktop.core.text import fold, normalize

TEMP_PREFIX = ".incoming-"
BUSY_TIMEOUT_MS = 15000
_JUNK_TITLES = {"untitled", "document", "document1", "microsoft word", "title", "titel"}


@dataclass(frozen=True)
class ImportResult:
    path: str
    status: str  # "imported", "duplicate" or "failed"
    document_id: str | None = None
    pages: int = 0
    code: str = ""  # why it failed (core.errors.PROBLEM_TEXTS), for the window to word
    detail: str = ""

    @property
    def reason(self) -> str:
        """Why it failed, in one English phrase (the command line's words)."""
        return problem_text(self.code, self.detail) if self.code else ""

    @property
    def ok(self) -> bool:
        return self.status != "failed"

    def line(self) -> str:
        """One line for the user: ``FILE: reason`` for a failure."""
        if self.status == "failed":
            return f"{self.path}: {self.reason}"
        if self.status == "duplicate":
            return f"{self.path}: already in the archive as {self.document_id}"
        return f"{self.path}: imported as {self.document_id} ({self.pages} pages)"


@dataclass(frozen=True)
class PreparedDocument:
    """What goes into the tables for one checked PDF (built before any write)."""

    sha256: str
    size: int
    file_name: str
    title: str
    date: str | None
    pages: list[PageText]

    @property
    def has_text(self) -> bool:
        return any(p.has_text for p in self.pages)


# --- the writer connection ------------------------------------------------------------------------


def connect_writer(ws: Workspace) -> sqlite3.Connection:
    """The one read-write connection: foreign keys on, WAL, a busy timeout, explicit transactions."""
    from vlnl_desktop.core.archive.schema_version import check_version

    if not ws.exists():
        raise ArchiveError(f"{ws.db_path}: the archive is missing")
    conn = None
    try:
        conn = sqlite3.connect(ws.db_path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        check_version(conn, ws.db_path)  # before anything that writes: not ours, not touched
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")  # WAL: consistent after a crash, fewer fsyncs
    except sqlite3.DatabaseError as exc:
        if conn is not None:
            conn.close()
        if "readonly" in str(exc) or "read-only" in str(exc):
            raise ArchiveError(f"{ws.db_path}: the archive is read-only") from None
        raise ArchiveError(f"{ws.db_path}: the archive is damaged ({exc})") from None
    except ArchiveError:
        conn.close()
        raise
    return conn


@contextlib.contextmanager
def transaction(conn: sqlite3.Connection):
    """``BEGIN IMMEDIATE`` … ``COMMIT``; rolled back on any error."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def check_record(conn: sqlite3.Connection, record_id: str | None) -> None:
    """Raise ArchiveError unless ``record_id`` is None or a record of the archive."""
    if record_id is None:
        return
    row = conn.execute("SELECT kind FROM records WHERE id = ?", (record_id,)).fetchone()
    if row is None:
        raise ArchiveError(
            f"no record with id '{record_id}' (search shows the ids: 'vlnl-desktop search WORDS')"
        )


# --- reading and checking a file ------------------------------------------------------------------


def _hash_file(path: Path) -> tuple[str, int]:
    digest = hashlib.sha256()
    size = 0
    with path.open("rb") as f:
        while chunk := f.read(1 << 20):
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size


def _os_problem(exc: OSError) -> ImportProblem:
    if isinstance(exc, FileNotFoundError):
        return ImportProblem("missing")
    if isinstance(exc, IsADirectoryError):
        return ImportProblem("folder")
    if isinstance(exc, PermissionError):
        return ImportProblem("forbidden")
    return ImportProblem("unreadable", (exc.strerror or str(exc)).lower())


def _pdf_date(value: str | None) -> str | None:
    """``D:20161231184323+01'00'`` -> ``2016-12-31`` (None if absent or not a real date)."""
    match = re.match(r"(?:D:)?(\d{4})(\d{2})?(\d{2})?", value or "")
    if not match:
        return None
    date = "-".join(part for part in match.groups() if part)
    return date if parse_iso_date(date) else None


def _title(metadata: dict | None, file_name: str) -> str:
    title = " ".join(normalize((metadata or {}).get("title") or "").split())
    if len(title) >= 3 and title.lower() not in _JUNK_TITLES and not title.lower().endswith(".pdf"):
        return title
    stem = Path(file_name).stem
    return " ".join(re.sub(r"[_]+", " ", stem).split()) or file_name


def prepare(path: Path, password: str | None = None) -> PreparedDocument:
    """Check ``path`` and read its text; ``ImportProblem`` says what is wrong with it."""
    try:
        if not path.exists():
            raise FileNotFoundError(path)
        if path.is_dir():
            raise IsADirectoryError(path)
        sha256, size = _hash_file(path)
        doc = open_pdf(path, password)
    except OSError as exc:
        raise _os_problem(exc) from None
    except PdfProblem as exc:
        raise ImportProblem(exc.code, exc.detail) from None
    try:
        pages = page_texts(doc)
        metadata = doc.metadata
    except PdfProblem as exc:
        raise ImportProblem(exc.code, exc.detail) from None
    finally:
        doc.close()
    return PreparedDocument(
        sha256=sha256,
        size=size,
        file_name=path.name,
        title=_title(metadata, path.name),
        date=_pdf_date((metadata or {}).get("creationDate")),
        pages=pages,
    )


# --- storing the file -----------------------------------------------------------------------------


def store_file(ws: Workspace, source: Path | bytes, sha256: str) -> Path:
    """Put the file at ``documents/<sha256>.pdf`` atomically; keep an identical file already there."""
    target = ws.document_path(sha256)
    if target.is_file() and target.stat().st_size > 0:
        with contextlib.suppress(OSError):
            if _hash_file(target)[0] == sha256:
                return target
    ws.documents_dir.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(
        prefix=f"{TEMP_PREFIX}{os.getpid()}-", suffix=".tmp", dir=ws.documents_dir
    )
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as out:
            if isinstance(source, bytes):
                out.write(source)
            else:
                with source.open("rb") as src:
                    shutil.copyfileobj(src, out, 1 << 20)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return target


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def clean_leftovers(ws: Workspace) -> int:
    """Remove temporary files that imports killed half-way left in ``documents/``."""
    removed = 0
    if not ws.documents_dir.is_dir():
        return 0
    for tmp in ws.documents_dir.glob(f"{TEMP_PREFIX}*.tmp"):
        pid = tmp.name[len(TEMP_PREFIX) :].split("-", 1)[0]
        if pid.isdigit() and _pid_alive(int(pid)) and int(pid) != os.getpid():
            continue
        with contextlib.suppress(OSError):
            tmp.unlink()
            removed += 1
    return removed


# --- writing the rows -----------------------------------------------------------------------------


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")[:48].strip("-")


def new_document_id(conn: sqlite3.Connection, file_name: str, sha256: str) -> str:
    base = "doc-" + (_slug(Path(file_name).stem) or sha256[:12])
    for candidate in (base, f"{base}-{sha256[:8]}", f"{base}-{sha256[:16]}"):
        if conn.execute("SELECT 1 FROM records WHERE id = ?", (candidate,)).fetchone() is None:
            return candidate
    return f"doc-{sha256}"


def link_document(conn: sqlite3.Connection, document_id: str, record_id: str | None) -> None:
    """Link a document to a record (once), after the record's other documents."""
    if record_id is None or record_id == document_id:
        return
    position = conn.execute(
        "SELECT coalesce(max(position) + 1, 0) FROM document_links WHERE record_id = ?",
        (record_id,),
    ).fetchone()[0]
    conn.execute(
        "INSERT OR IGNORE INTO document_links (document_id, record_id, position) VALUES (?, ?, ?)",
        (document_id, record_id, position),
    )


def insert_pages(conn: sqlite3.Connection, document_id: str, pages: Sequence[PageText]) -> None:
    conn.execute("DELETE FROM pages WHERE document_id = ?", (document_id,))
    conn.executemany(
        "INSERT INTO pages (document_id, page_no, text, has_text) VALUES (?, ?, ?, ?)",
        ((document_id, p.page_no, p.text, int(p.has_text)) for p in pages),
    )


def find_by_sha(conn: sqlite3.Connection, sha256: str) -> str | None:
    row = conn.execute(
        "SELECT id FROM documents WHERE sha256 = ? ORDER BY id LIMIT 1", (sha256,)
    ).fetchone()
    return row[0] if row else None


def _bundled_without_file(conn: sqlite3.Connection, file_name: str) -> str | None:
    row = conn.execute(
        "SELECT id FROM documents WHERE sha256 IS NULL AND origin = 'bundled' "
        "AND lower(file_name) = lower(?) ORDER BY id LIMIT 1",
        (file_name,),
    ).fetchone()
    return row[0] if row else None


def write_document(
    conn: sqlite3.Connection,
    prepared: PreparedDocument,
    *,
    record_id: str | None = None,
    origin: str = "user",
    url: str | None = None,
    retrieved: str | None = None,
    document_id: str | None = None,
) -> tuple[str, bool]:
    """Write one document's rows in one transaction: (document id, True if new, False if known).

    ``document_id`` names a known document (fetch): the file and its pages are attached to it.
    """
    file_columns = {
        "sha256": prepared.sha256,
        "size": prepared.size,
        "page_count": len(prepared.pages),
        "has_text": int(prepared.has_text),
        "retrieved": retrieved,
    }
    with transaction(conn):
        existing = find_by_sha(conn, prepared.sha256)
        if existing is not None:
            link_document(conn, existing, record_id)
            return existing, False
        if document_id is not None:  # fetch: never overwrite a file the document already has
            row = conn.execute(
                "SELECT sha256 FROM documents WHERE id = ?", (document_id,)
            ).fetchone()
            if row is None or row[0] is not None:
                return document_id, False
        target = document_id or _bundled_without_file(conn, prepared.file_name)
        if target is not None:
            sets = ", ".join(f"{c} = ?" for c in file_columns)
            conn.execute(
                f"UPDATE documents SET {sets}, file_name = coalesce(file_name, ?) WHERE id = ?",
                (*file_columns.values(), prepared.file_name, target),
            )
        else:
            target = new_document_id(conn, prepared.file_name, prepared.sha256)
            conn.execute(
                "INSERT INTO records (id, kind, title, date, summary, origin) "
                "VALUES (?, 'document', ?, ?, NULL, ?)",
                (target, prepared.title, prepared.date, origin),
            )
            columns = {
                "id": target,
                "title": prepared.title,
                "file_name": prepared.file_name,
                "date": prepared.date,
                "url": url,
                "origin": origin,
                **file_columns,
            }
            conn.execute(
                f"INSERT INTO documents ({', '.join(columns)}) "
                f"VALUES ({', '.join('?' * len(columns))})",
                tuple(columns.values()),
            )
            conn.execute(
                "INSERT INTO search_items (record_id, kind, title, date, body) "
                "VALUES (?, 'document', ?, ?, ?)",
                (target, normalize(prepared.title), prepared.date, normalize(prepared.file_name)),
            )
        insert_pages(conn, target, prepared.pages)
        link_document(conn, target, record_id)
        return target, True


# --- the whole import -----------------------------------------------------------------------------


def _prepare_or_problem(path: str, password: str | None) -> PreparedDocument | ImportProblem:
    """``prepare`` for a worker process: a problem is returned, not raised (it crosses processes)."""
    try:
        return prepare(Path(path), password)
    except ImportProblem as exc:
        return exc


def _write_prepared(
    ws: Workspace,
    conn: sqlite3.Connection,
    shown: str,
    prepared: PreparedDocument | ImportProblem,
    record_id: str | None,
) -> ImportResult:
    if isinstance(prepared, ImportProblem):
        return ImportResult(shown, "failed", code=prepared.code, detail=prepared.detail)
    known = find_by_sha(conn, prepared.sha256)
    if known is None:
        try:
            store_file(ws, Path(shown), prepared.sha256)
        except OSError as exc:
            detail = exc.strerror or str(exc)
            return ImportResult(shown, "failed", code="store_failed", detail=detail)
    document_id, new = write_document(conn, prepared, record_id=record_id)
    return ImportResult(
        shown, "imported" if new else "duplicate", document_id, pages=len(prepared.pages)
    )


def import_file(
    ws: Workspace,
    conn: sqlite3.Connection,
    path: str | os.PathLike,
    *,
    record_id: str | None = None,
    password: str | None = None,
) -> ImportResult:
    """Import one file on the writer connection ``conn``; never raises for a bad file."""
    shown = str(path)
    return _write_prepared(ws, conn, shown, _prepare_or_problem(shown, password), record_id)


def default_workers(count: int) -> int:
    """Text extraction processes worth starting for ``count`` files: none for a few files (a
    process costs ~0.2 s to start), else one per core beside the writer."""
    cores = os.cpu_count() or 1
    return 0 if count < 8 or cores < 2 else min(cores, 4)


def _exit_with_parent(parent: int) -> None:
    """Worker process initializer: end this process when the importing process is gone (killed
    half-way, it cannot shut its pool down)."""
    import threading
    import time

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.25)
        os._exit(1)

    threading.Thread(target=watch, name="watch-parent", daemon=True).start()


def _prepared_in_order(paths: list[str], password: str | None, workers: int):
    """Yield (path, prepared) in order; with ``workers`` > 0, extraction runs ahead in that many
    processes while the caller writes (one writer: this process)."""
    if workers <= 0:
        for path in paths:
            yield path, _prepare_or_problem(path, password)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # spawn, not fork: the caller may be a Qt app with threads
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(
        workers, mp_context=context, initializer=_exit_with_parent, initargs=(os.getpid(),)
    ) as pool:
        ahead = workers * 2
        futures = [pool.submit(_prepare_or_problem, p, password) for p in paths[:ahead]]
        try:
            for index, path in enumerate(paths):
                if index + ahead < len(paths):
                    futures.append(pool.submit(_prepare_or_problem, paths[index + ahead], password))
                yield path, futures[index].result()
        finally:
            for future in futures:
                future.cancel()


def import_files(
    ws: Workspace,
    paths: Iterable[str | os.PathLike],
    *,
    record_id: str | None = None,
    password: str | None = None,
    progress: Callable[[int, ImportResult], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    workers: int | None = None,
) -> list[ImportResult]:
    """Import ``paths`` one after another, each in its own transaction.

    ``progress(index, result)`` is called after each file; ``cancelled()`` is asked before each
    file and stops the import between files (what was imported stays). ``workers`` text
    extraction processes run ahead of the writer (None: ``default_workers``; 0: all in this
    process). Raises ArchiveError for a missing or damaged archive and an unknown ``record_id``.
    """
    shown = [str(p) for p in paths]
    with writer_lock(ws.root):
        return _import_locked(ws, shown, record_id, password, progress, cancelled, workers)


def _import_locked(
    ws: Workspace,
    shown: list[str],
    record_id: str | None,
    password: str | None,
    progress: Callable[[int, ImportResult], None] | None,
    cancelled: Callable[[], bool] | None,
    workers: int | None,
) -> list[ImportResult]:
    conn = connect_writer(ws)
    try:
        check_record(conn, record_id)
        clean_leftovers(ws)
        results: list[ImportResult] = []
        if workers is None:
            workers = default_workers(len(shown))
        for index, (path, prepared) in enumerate(_prepared_in_order(shown, password, workers)):
            if cancelled is not None and cancelled():
                break
            result = _write_prepared(ws, conn, path, prepared, record_id)
            results.append(result)
            if progress is not None:
                progress(index, result)
        return results
    finally:
        conn.close()


def _made_by_the_archive(path: Path) -> bool:
    """A record sheet of an earlier build (regenerated, never a user's file)."""
    try:
        doc = open_pdf(path)
    except (PdfProblem, OSError):
        return False
    try:
        return (doc.metadata or {}).get("creator") == "vlnl-desktop"
    finally:
        doc.close()


def recover_files(ws: Workspace) -> list[ImportResult]:
    """Import again every stored file no document points at: after a damaged archive was rebuilt,
    the files are what is left of the user's documents (their links may be lost, their text is
    not)."""
    conn = connect_writer(ws)
    try:
        known = {
            row[0] for row in conn.execute("SELECT sha256 FROM documents WHERE sha256 IS NOT NULL")
        }
    finally:
        conn.close()
    orphans = [
        path
        for path in sorted(ws.documents_dir.glob("*.pdf"))
        if path.stem not in known and not _made_by_the_archive(path)
    ]
    return import_files(ws, orphans, workers=0) if orphans else []


# --- listing --------------------------------------------------------------------------------------

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
    import json

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
