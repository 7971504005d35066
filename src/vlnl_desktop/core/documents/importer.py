"""Importing the user's PDFs into the working archive.

Each file is checked (a regular file, readable, a PDF, opens, password, has pages) and read once:
copied into a temporary file of the store while it is hashed; that copy's text is read, page by
page within the text budget, in a sandboxed process (``core.pdf.sandbox``: a memory limit and a
deadline, so a hostile file fails alone, in one line), and the copy is put in place as
``documents/<sha256>.pdf`` (an atomic rename; a stored copy deleted behind the archive's back is
restored). The rows of one document (record, document, pages, search item, link) are
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
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from vlnl_desktop.core.archive.connections import connect_writer
from vlnl_desktop.core.archive.workspace import Workspace
from vlnl_desktop.core.archive.writer_lock import writer_lock
from vlnl_desktop.core.documents.rows import PreparedDocument, write_document
from vlnl_desktop.core.documents.store import (
    NotRegularFile,
    clean_leftovers,
    copy_hashed,
    has_file,
    new_temp,
    place,
)
from vlnl_desktop.core.errors import ArchiveError, ImportProblem, PdfProblem, Problem, problem_text
from vlnl_desktop.core.pdf.gate import mupdf_errors, open_pdf
from vlnl_desktop.core.pdf.sandbox import Sandbox
from vlnl_desktop.core.pdf.text import document_text
from vlnl_desktop.core.records import parse_iso_date
from vlnl_desktop.core.search.index import index_update
from vlnl_desktop.core.text import displayable, printable

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
    note: str = ""  # what else to say about it ("text cut: …", "its missing file restored")

    @property
    def reason(self) -> str:
        """Why it failed, in one English phrase (the command line's words)."""
        return problem_text(self.code, self.detail) if self.code else ""

    @property
    def ok(self) -> bool:
        return self.status != "failed"

    def line(self) -> str:
        """One line for the user: ``FILE: reason`` for a failure."""
        shown = printable(self.path)
        if self.status == "failed":
            return f"{shown}: {self.reason}"
        note = f"; {self.note}" if self.note else ""
        if self.status == "duplicate":
            return f"{shown}: already in the archive as {self.document_id}{note}"
        return f"{shown}: imported as {self.document_id} ({self.pages} pages{note})"


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
    if isinstance(exc, NotRegularFile):
        return ImportProblem("not_regular", exc.kind)
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
    title = displayable((metadata or {}).get("title") or "")
    if len(title) >= 3 and title.lower() not in _JUNK_TITLES and not title.lower().endswith(".pdf"):
        return title
    stem = displayable(Path(file_name).stem)
    return " ".join(re.sub(r"[_]+", " ", stem).split()) or displayable(file_name) or file_name


def _file_name(path: Path) -> str:
    """The name kept for the file: bytes that are not UTF-8 become U+FFFD, control characters go."""
    name = os.fsencode(path.name).decode("utf-8", "replace")
    return "".join(ch for ch in name if ch.isprintable()) or "document.pdf"


def _metadata(doc) -> dict:
    try:
        return doc.metadata or {}
    except mupdf_errors():
        return {}


def prepare(path: Path, password: str | None, staged: Path) -> PreparedDocument:
    """Check ``path`` and read its text; ``ImportProblem`` says what is wrong with it.

    The file is read once: copied into ``staged`` (a temporary file of the store) while it is
    hashed, and the text is read from that copy, which is what gets stored.
    """
    try:
        sha256, size = copy_hashed(path, staged)  # only a regular file; checked before hashing
        doc = open_pdf(staged, password)
    except OSError as exc:
        raise _os_problem(exc) from None
    except PdfProblem as exc:
        raise ImportProblem(exc.code, exc.detail) from None
    try:
        text = document_text(doc)
        metadata = _metadata(doc)
    except PdfProblem as exc:
        raise ImportProblem(exc.code, exc.detail) from None
    finally:
        doc.close()
    file_name = _file_name(path)
    return PreparedDocument(
        sha256=sha256,
        size=size,
        file_name=file_name,
        title=_title(metadata, file_name),
        date=_pdf_date(metadata.get("creationDate")),
        pages=text.pages,
        text_cut=text.cut,
    )


# --- the whole import -----------------------------------------------------------------------------


def prepare_staged(path: str, password: str | None, staged: str) -> PreparedDocument:
    """``prepare`` as a sandbox job: copy ``path`` into ``staged`` and read the copy's text."""
    return prepare(Path(path), password, Path(staged))


def _write_prepared(
    ws: Workspace,
    conn: sqlite3.Connection,
    shown: str,
    prepared: PreparedDocument | Problem,
    record_id: str | None,
    staged: Path,
) -> ImportResult:
    if not isinstance(prepared, PreparedDocument):
        return ImportResult(shown, "failed", code=prepared.code, detail=prepared.detail)
    restored = not has_file(ws.documents_dir, prepared.sha256)
    try:
        place(ws.documents_dir, staged, prepared.sha256)
    except OSError as exc:
        detail = exc.strerror or str(exc)
        return ImportResult(shown, "failed", code="store_failed", detail=detail)
    document_id, new = write_document(conn, prepared, record_id=record_id)
    note = prepared.text_cut
    if not new and restored:
        note = "its missing file restored"
    return ImportResult(
        shown,
        "imported" if new else "duplicate",
        document_id,
        pages=len(prepared.pages),
        note=note,
    )


def default_workers(count: int) -> int:
    """Text extraction processes worth starting for ``count`` files: one for a few files (a
    process costs ~0.2 s to start), else one per core beside the writer. Never none: a hostile
    file must not take this process's memory (``sandbox``)."""
    cores = os.cpu_count() or 1
    return 1 if count < 8 or cores < 2 else min(cores, 4)


def _prepared_in_order(
    paths: list[str], password: str | None, workers: int, staged: list[Path]
) -> Iterator[tuple[str, PreparedDocument | Problem]]:
    """Yield (path, prepared or problem) in order; with ``workers`` > 0, extraction runs ahead in
    that many sandboxed processes (``core.pdf.sandbox``: limited memory, a deadline, a bad file
    fails alone) while the caller writes (one writer: this process). 0: all in this process."""
    jobs = [(prepare_staged, (p, password, str(t))) for p, t in zip(paths, staged, strict=True)]
    if workers <= 0:
        for path, (func, args) in zip(paths, jobs, strict=True):
            try:
                yield path, func(*args)
            except ImportProblem as exc:
                yield path, exc
        return
    with Sandbox(workers) as box:
        for index, result in box.in_order(jobs):
            yield paths[index], result


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
    process, without the sandbox's limits: for benchmarks and tests). Raises ArchiveError for a missing or damaged archive and an unknown ``record_id``.
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
    staged: list[Path] = []
    try:
        check_record(conn, record_id)
        clean_leftovers(ws.documents_dir)
        results: list[ImportResult] = []
        if workers is None:
            workers = default_workers(len(shown))
        staged = [new_temp(ws.documents_dir) for _ in shown]
        prepared_files = _prepared_in_order(shown, password, workers, staged)
        with index_update(ws.db_path, conn) as search_index:
            for index, (path, prepared) in enumerate(prepared_files):
                if cancelled is not None and cancelled():
                    break
                result = _write_prepared(ws, conn, path, prepared, record_id, staged[index])
                results.append(result)
                if search_index is not None and result.status == "imported":
                    search_index.add_document(conn, result.document_id)
                if progress is not None:
                    progress(index, result)
        return results
    finally:
        conn.close()
        for temp in staged:  # the copies not placed: failed, duplicates, cancelled
            temp.unlink(missing_ok=True)
