"""A whole OCR run over an archive: the pages still to read, read in worker processes, written as
they come, resumable and cancellable.

The pages are read by ``page_job.ocr_pages`` in ``core.pdf.sandbox`` children (one per core by
default), a few pages of one document a job (``_jobs``), in order; the results are written here, a few pages at a time (every
``FLUSH_PAGES`` pages, ``FLUSH_SECONDS`` seconds or at a document's end), each batch in one
transaction under the archive's writer lock, held only for the write: an import or a fetch goes
on beside a long OCR run. The search index is updated with each batch. A run killed or cancelled
loses at most the batch it had not written; the next run starts at the first page without a
reading (``store.pending``). One OCR run per archive at a time (``<archive>/.ocr.lock``).
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from vlnl_desktop.core.archive.connections import connect_readonly, connect_writer
from vlnl_desktop.core.archive.workspace import Workspace
from vlnl_desktop.core.archive.writer_lock import ArchiveBusy, writer_lock
from vlnl_desktop.core.errors import ArchiveError, Problem
from vlnl_desktop.core.ocr import store, tesseract
from vlnl_desktop.core.ocr.page_job import DPI, ocr_pages
from vlnl_desktop.core.ocr.words import OcrPage

OCR_LOCK = ".ocr.lock"
FLUSH_PAGES = 8
MAX_JOB_PAGES = 4  # pages a Tesseract process reads (its models loaded once for them)
FLUSH_SECONDS = 10.0
BACKGROUND_NICE = 10  # the window's OCR runs below it, so it stays responsive


@dataclass(frozen=True)
class OcrProgress:
    """Where a run is: pages handled of all, the document at hand, seconds left (None: unknown)."""

    done: int
    total: int
    document_id: str
    title: str
    seconds_left: float | None


@dataclass
class OcrReport:
    """What a run did: pages read, pages that failed (one line each), whether it was cancelled."""

    pages: int = 0
    documents: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    cancelled: bool = False
    total: int = 0


def default_workers() -> int:
    """Processes for a run: one per core (Tesseract runs single-threaded in each)."""
    return max(1, os.cpu_count() or 1)


class _Writer:
    """The pages read so far and not yet written, flushed in batches."""

    def __init__(self, ws: Workspace, engine: str, languages: str, report: OcrReport):
        self.ws, self.engine, self.languages, self.report = ws, engine, languages, report
        self.document_id: str | None = None
        self.pages: list[OcrPage] = []
        self.since = time.monotonic()

    def add(self, document_id: str, page: OcrPage) -> None:
        if document_id != self.document_id:
            self.flush()
            self.document_id = document_id
        self.pages.append(page)
        if len(self.pages) >= FLUSH_PAGES or time.monotonic() - self.since >= FLUSH_SECONDS:
            self.flush()

    def problem(self, document_id: str, page_no: int, why: str) -> None:
        self.flush()
        with writer_lock(self.ws.root):
            conn = connect_writer(self.ws)
            try:
                store.write_problem(conn, document_id, page_no, self.engine, self.languages, why)
            finally:
                conn.close()

    def flush(self) -> None:
        from vlnl_desktop.core.search.index import index_update

        self.since = time.monotonic()
        if not self.pages or self.document_id is None:
            return
        pages, self.pages = self.pages, []
        with writer_lock(self.ws.root):
            conn = connect_writer(self.ws)
            try:
                with index_update(self.ws.db_path, conn) as search_index:
                    stored = store.write_pages(
                        conn, self.document_id, pages, self.engine, self.languages
                    )
                    if stored and search_index is not None:
                        search_index.add_document(conn, self.document_id)
            finally:
                conn.close()
        self.report.pages += stored
        if stored and self.document_id not in self.report.documents:
            self.report.documents.append(self.document_id)


def planned(
    ws: Workspace, document_ids: Iterable[str] | None = None, *, retry: bool = False
) -> list[store.Pending]:
    """The documents and pages a run would read (``document_ids`` unknown to the archive: an
    ``ArchiveError`` naming the first)."""
    conn = connect_readonly(ws)
    try:
        if document_ids is not None:
            document_ids = list(document_ids)
            for doc_id in document_ids:
                row = conn.execute(
                    "SELECT sha256 FROM documents WHERE id = ?", (doc_id,)
                ).fetchone()
                if row is None:
                    raise ArchiveError(f"no document with id '{doc_id}'")
        return store.pending(conn, document_ids, retry=retry)
    finally:
        conn.close()


def run_ocr(
    ws: Workspace,
    document_ids: Iterable[str] | None = None,
    *,
    languages: str = tesseract.DEFAULT_LANGUAGES,
    retry: bool = False,
    workers: int | None = None,
    dpi: int = DPI,
    nice: int = 0,
    progress: Callable[[OcrProgress], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> OcrReport:
    """OCR the pages still to read of ``document_ids`` (None: of every document); raises
    ``tesseract.TesseractMissing`` without Tesseract or a language (only if there is something
    to read), ``ArchiveError`` for an unknown document or an archive that cannot be read,
    ``ArchiveBusy`` if OCR already runs."""
    if document_ids is not None:
        document_ids = list(document_ids)
    if not planned(ws, document_ids, retry=retry):
        return OcrReport()  # nothing to read: no need of Tesseract either
    tesseract.check_languages(languages)
    engine = tesseract.engine()
    try:
        with writer_lock(ws.root, wait=0, name=OCR_LOCK):
            return _run_locked(
                ws, document_ids, languages, retry, workers, dpi, nice, engine, progress,
                cancelled,
            )  # fmt: skip
    except ArchiveBusy:
        raise ArchiveBusy(f"{ws.root}: OCR already runs for this archive") from None


def _run_locked(
    ws: Workspace,
    document_ids: Iterable[str] | None,
    languages: str,
    retry: bool,
    workers: int | None,
    dpi: int,
    nice: int,
    engine: str,
    progress: Callable[[OcrProgress], None] | None,
    cancelled: Callable[[], bool] | None,
) -> OcrReport:
    from vlnl_desktop.core.pdf.sandbox import Sandbox

    todo = planned(ws, document_ids, retry=retry)
    total = sum(len(p.pages) for p in todo)
    report = OcrReport(total=total)
    if not total:
        return report
    writer = _Writer(ws, engine, languages, report)
    workers = workers or default_workers()
    jobs = _jobs(todo, total, workers)
    started = time.monotonic()
    calls = [
        (ocr_pages, (str(ws.document_path(p.sha256)), None, [n - 1 for n in numbers], languages,
                     dpi, nice))
        for p, numbers in jobs
    ]  # fmt: skip
    done = 0

    def handle(index: int, result) -> None:
        nonlocal done
        pending, numbers = jobs[index]
        if isinstance(result, Problem):
            for page_no in numbers:
                writer.problem(pending.document_id, page_no, result.reason)
                report.failed.append(f"{pending.document_id} page {page_no}: {result.reason}")
        else:
            for page in result:
                writer.add(pending.document_id, page)
        done += len(numbers)
        if progress is not None:
            rate = done / max(time.monotonic() - started, 1e-6)
            left = (total - done) / rate if index + 1 >= workers else None
            progress(OcrProgress(done, total, pending.document_id, pending.title, left))

    try:
        with Sandbox(workers, stall=tesseract.PAGE_SECONDS) as box:
            _in_order(box, calls, workers + 1, handle, cancelled or (lambda: False), report)
    finally:  # interrupted too (Ctrl+C): what was read is kept
        writer.flush()
    return report


def _jobs(todo: list[store.Pending], total: int, workers: int) -> list[tuple[store.Pending, list]]:
    """The pages cut into jobs of a few pages of one document each (``MAX_JOB_PAGES``; one
    Tesseract process reads a job), small enough that every worker has some."""
    size = max(1, min(MAX_JOB_PAGES, total // (workers * 2)))
    return [
        (pending, list(pending.pages[start : start + size]))
        for pending in todo
        for start in range(0, len(pending.pages), size)
    ]


def _in_order(box, calls: list, ahead: int, handle, cancelled, report: OcrReport) -> None:
    """Run ``calls`` on the sandbox, ``ahead`` at work or queued, and ``handle`` each result in
    order; asks ``cancelled()`` a few times a second, so a cancel does not wait for a page."""
    numbers: dict[int, int] = {}  # the sandbox's job number: the call's index
    results: dict[int, object] = {}
    given = handled = 0
    while handled < len(calls):
        while given < len(calls) and box.pending() < ahead:
            func, args = calls[given]
            numbers[box.submit(func, *args)] = given
            given += 1
        for number, result in box.poll(0.25).items():
            results[numbers.pop(number)] = result
        while handled in results:
            handle(handled, results.pop(handled))
            handled += 1
        if handled < len(calls) and cancelled():
            report.cancelled = True
            return  # the sandbox's close stops what is at work
