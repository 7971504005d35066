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

import os
import re
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from vlnl_desktop.core.archive.connections import connect_writer
from vlnl_desktop.core.archive.workspace import Workspace
from vlnl_desktop.core.archive.writer_lock import writer_lock
from vlnl_desktop.core.documents.rows import PreparedDocument, find_by_sha, write_document
from vlnl_desktop.core.documents.store import clean_leftovers, sha256_of, store_file
from vlnl_desktop.core.errors import ArchiveError, ImportProblem, PdfProblem, problem_text
from vlnl_desktop.core.pdf.gate import open_pdf
from vlnl_desktop.core.pdf.text import page_texts
from vlnl_desktop.core.records import parse_iso_date
from vlnl_desktop.core.search.index import index_update
from vlnl_desktop.core.text import normalize

PDF_SUFFIX = ".pdf"
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


def expand_paths(paths: Iterable[str | os.PathLike]) -> list[Path]:
    """Files as given; folders as every PDF inside them (recursively, sorted, hidden ones skipped).

    A file named twice is imported once."""
    out: list[Path] = []
    seen: set[Path] = set()

    def add(path: Path) -> None:
        key = path.absolute()
        if key not in seen:
            seen.add(key)
            out.append(path)

    for given in paths:
        path = Path(given)
        if path.is_dir():
            found = []
            for folder, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                found += [
                    Path(folder) / f
                    for f in files
                    if not f.startswith(".") and f.lower().endswith(PDF_SUFFIX)
                ]
            for pdf in sorted(found, key=lambda p: [part.lower() for part in p.parts]):
                add(pdf)
        else:
            add(path)
    return out


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
        sha256, size = sha256_of(path)
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
            store_file(ws.documents_dir, Path(shown), prepared.sha256)
        except OSError as exc:
            detail = exc.strerror or str(exc)
            return ImportResult(shown, "failed", code="store_failed", detail=detail)
    document_id, new = write_document(conn, prepared, record_id=record_id)
    return ImportResult(
        shown, "imported" if new else "duplicate", document_id, pages=len(prepared.pages)
    )


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
    """Import ``paths`` one after another, each in its own transaction; a folder stands for the
    PDFs inside it (``expand_paths``).

    ``progress(index, result)`` is called after each file; ``cancelled()`` is asked before each
    file and stops the import between files (what was imported stays). ``workers`` text
    extraction processes run ahead of the writer (None: ``default_workers``; 0: all in this
    process). Raises ArchiveError for a missing or damaged archive and an unknown ``record_id``.
    """
    shown = [str(p) for p in expand_paths(paths)]
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
        clean_leftovers(ws.documents_dir)
        results: list[ImportResult] = []
        if workers is None:
            workers = default_workers(len(shown))
        with index_update(ws.db_path, conn) as search_index:
            for index, (path, prepared) in enumerate(_prepared_in_order(shown, password, workers)):
                if cancelled is not None and cancelled():
                    break
                result = _write_prepared(ws, conn, path, prepared, record_id)
                results.append(result)
                if search_index is not None and result.status == "imported":
                    search_index.add_document(conn, result.document_id)
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
