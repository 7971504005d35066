"""Fetching the official documents whose address the records know.

Each download (``download``: a wall-clock deadline, a size cap, progress, cancel) must really be a
PDF or a web page, and is stored and indexed like an import (a temporary file, an atomic rename,
one transaction); the retrieval date is recorded. Every protocol error is one line for that
document, and the others go on; a batch first probes whether the network can be reached at all
and, offline, says so at once. The PDF's text is read, and a web page converted, in a sandboxed
process (``core.pdf.sandbox``: a memory limit, and a deadline on the conversion); a web page has a
size cap of its own. An official text published as a web page (the joint declarations on
rijksoverheid.nl and fdfa.be) is stored as a PDF of the page's main text (``web_page``), with its
address and the date retrieved on it, and only if that text names the document (its title or its
date): a cookie wall or an error page is refused.

A document that already has a file is kept as it is; fetched ``again``, it is compared with what
is published now (the PDF's bytes, or a web page's main text): unchanged, nothing happens; changed,
the new version becomes the document's file and the earlier one is kept as a version of it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from vlnl_desktop.core.archive.connections import connect_writer
from vlnl_desktop.core.documents.download import Download, download, unreachable
from vlnl_desktop.core.documents.rows import PreparedDocument, replace_file, write_document
from vlnl_desktop.core.documents.store import sha256_of, store_file
from vlnl_desktop.core.documents.web_page import (
    decode_page,
    main_text,
    names_document,
    web_page_pdf,
)
from vlnl_desktop.core.errors import FetchProblem, PdfProblem, Problem
from vlnl_desktop.core.pdf.gate import looks_like_pdf, open_pdf
from vlnl_desktop.core.pdf.sandbox import Sandbox
from vlnl_desktop.core.pdf.text import document_text
from vlnl_desktop.core.search.index import index_update
from vlnl_desktop.core.vocabulary import OBTAINED_FETCHED

DEFAULT_TIMEOUT = 30.0
DEFAULT_MAX_BYTES = 50 * 1024 * 1024
MAX_HTML_BYTES = 5 * 1024 * 1024  # a declaration's page is ~100 KB; converting 5 MB takes seconds
CONVERT_SECONDS = 60.0  # a web page made a PDF, or a PDF's text read, within this


@dataclass(frozen=True)
class FetchResult:
    document_id: str
    url: str
    status: str  # "fetched", "changed", "unchanged", "duplicate" (already present), "failed",
    # or "cancelled"
    reason: str = ""
    pages: int = 0
    from_web_page: bool = False
    code: str = ""  # why it failed (core.errors.PROBLEM_TEXTS), for the window to word
    detail: str = ""
    same_as: str = ""  # a duplicate: the document of the archive that has these bytes already

    @property
    def ok(self) -> bool:
        return self.status not in ("failed", "cancelled")

    def line(self) -> str:
        if self.status in ("failed", "cancelled"):
            return f"{self.document_id}: {self.reason} ({self.url})"
        if self.status in ("duplicate", "unchanged"):
            return f"{self.document_id}: {self.reason}"
        what = "web page stored as PDF" if self.from_web_page else "PDF"
        if self.status == "changed":
            return f"{self.document_id}: {self.reason} ({what}, {self.pages} pages)"
        return f"{self.document_id}: fetched ({what}, {self.pages} pages)"


def _failed(document_id: str, url: str, problem: Problem) -> FetchResult:
    status = "cancelled" if problem.code == "cancelled" else "failed"
    return FetchResult(
        document_id, url, status, problem.reason, code=problem.code, detail=problem.detail
    )


def pending_documents(
    conn: sqlite3.Connection, *, with_file: bool = False
) -> list[tuple[str, str]]:
    """(document id, url) of every document with a known address and no file yet (``with_file``:
    and those that have one)."""
    have = "" if with_file else " AND sha256 IS NULL"
    return conn.execute(
        f"SELECT id, url FROM documents WHERE url IS NOT NULL{have} ORDER BY id"
    ).fetchall()


# --- the whole fetch ------------------------------------------------------------------------------


def _looks_like_html(download: Download) -> bool:
    if download.content_type in ("text/html", "application/xhtml+xml"):
        return True
    head = download.data[:1024].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html"))


def _prepare(data: bytes, file_name: str) -> PreparedDocument:
    """The PDF ``data`` checked and its text read (a sandbox job)."""
    try:
        doc = open_pdf(data)
    except PdfProblem as exc:
        raise FetchProblem(exc.code, exc.detail) from None
    try:
        text = document_text(doc)
    except PdfProblem as exc:
        raise FetchProblem(exc.code, exc.detail) from None
    finally:
        doc.close()
    sha256, size = sha256_of(data)
    return PreparedDocument(
        sha256=sha256,
        size=size,
        file_name=file_name,
        title=file_name,
        date=None,
        pages=text.pages,
        text_cut=text.cut,
    )


@dataclass(frozen=True)
class Converted:
    """A download made a stored PDF: its bytes, what goes into the tables, whether it was a web
    page, and the fingerprint of what was published (the PDF's bytes, or the page's main text)."""

    data: bytes
    prepared: PreparedDocument
    from_web_page: bool
    published_sha256: str


def _converted(
    got: Download, url: str, retrieved: str, file_name: str, title: str, date: str | None
) -> Converted:
    """The downloaded answer as a PDF, prepared. A web page must name the document (``title`` or
    ``date``). A sandbox job: MuPDF's memory and the conversion's time are limited there."""
    if looks_like_pdf(got.data):
        prepared = _prepare(got.data, file_name)
        return Converted(got.data, prepared, False, prepared.sha256)
    if _looks_like_html(got):
        if len(got.data) > MAX_HTML_BYTES:
            detail = f"a web page of {len(got.data)} bytes; the limit is {MAX_HTML_BYTES}"
            raise FetchProblem("too_large", detail)
        page = decode_page(got.data)
        page_title, blocks = main_text(page)
        if blocks and not names_document(blocks, title, date):
            raise FetchProblem("not_the_document")
        published = "\n".join([page_title] + [text for _, text in blocks])
        data = web_page_pdf(page, got.final_url or url, retrieved)
        digest = hashlib.sha256(published.encode("utf-8")).hexdigest()
        return Converted(data, _prepare(data, file_name), True, digest)
    raise FetchProblem("not_document", got.content_type or "unknown content")


def _convert_in(box: Sandbox, got: Download, url: str, retrieved: str, *names) -> Converted:
    try:
        return box.run(_converted, got, url, retrieved, *names, deadline=CONVERT_SECONDS)
    except FetchProblem:
        raise
    except Problem as exc:  # the sandbox's own: over its memory or time, or it died
        raise FetchProblem(exc.code, exc.detail) from None


@dataclass(frozen=True)
class _Known:
    """What the archive holds on a document before it is fetched."""

    sha256: str | None
    file_name: str
    title: str
    date: str | None
    published_sha256: str | None
    retrieved: str | None


def _known(conn: sqlite3.Connection, document_id: str) -> _Known | None:
    row = conn.execute(
        "SELECT sha256, file_name, title, date, published_sha256, retrieved FROM documents "
        "WHERE id = ?",
        (document_id,),
    ).fetchone()
    if row is None:
        return None
    return _Known(row[0], row[1] or f"{document_id}.pdf", row[2], row[3], row[4], row[5])


def fetch_one(
    ws,
    conn: sqlite3.Connection,
    document_id: str,
    url: str,
    *,
    timeout: float = DEFAULT_TIMEOUT,
    max_bytes: int = DEFAULT_MAX_BYTES,
    today: str | None = None,
    sandbox: Sandbox | None = None,
    again: bool = False,
    cancelled: Callable[[], bool] | None = None,
    on_bytes: Callable[[int, int | None], None] | None = None,
) -> FetchResult:
    """Download, check, store and index one document; never raises for a bad answer. The PDF is
    read in ``sandbox`` (one of its own if None). A document that has a file is kept as it is,
    unless ``again``: then what is published now is compared with it (see the module)."""
    retrieved = today or dt.date.today().isoformat()
    known = _known(conn, document_id)
    if known is None:
        return FetchResult(document_id, url, "failed", "no such document in the archive")
    if known.sha256 is not None and not again:
        return FetchResult(document_id, url, "duplicate", "already has its file; kept as it is")
    names = (known.file_name, known.title, known.date)
    try:
        got = download(
            url, timeout=timeout, max_bytes=max_bytes, progress=on_bytes, cancelled=cancelled
        )
        if sandbox is None:
            with Sandbox() as own:
                new = _convert_in(own, got, url, retrieved, *names)
        else:
            new = _convert_in(sandbox, got, url, retrieved, *names)
    except FetchProblem as exc:
        return _failed(document_id, url, exc)
    if known.sha256 is not None and new.published_sha256 in (
        known.published_sha256,
        known.sha256,
    ):
        since = f" since {known.retrieved}" if known.retrieved else ""
        return FetchResult(document_id, url, "unchanged", f"unchanged{since}; kept as it is")
    try:  # also when the archive has it: a stored copy deleted behind its back comes back
        store_file(ws.documents_dir, new.data, new.prepared.sha256)
    except OSError as exc:
        return FetchResult(document_id, url, "failed", f"cannot store it: {exc.strerror}")
    pages = len(new.prepared.pages)
    if known.sha256 is not None:
        replace_file(
            conn,
            document_id,
            new.prepared,
            replaced_on=retrieved,
            obtained=OBTAINED_FETCHED,
            published_sha256=new.published_sha256,
        )
        since = f" since {known.retrieved}" if known.retrieved else ""
        reason = f"the published document changed{since}; both versions kept"
        return FetchResult(
            document_id, url, "changed", reason, pages=pages, from_web_page=new.from_web_page
        )
    doc_id, added = write_document(
        conn,
        new.prepared,
        document_id=document_id,
        retrieved=retrieved,
        url=url,
        obtained=OBTAINED_FETCHED,
        published_sha256=new.published_sha256,
    )
    if not added:
        reason = f"already in the archive as {doc_id}"
        return FetchResult(document_id, url, "duplicate", reason, same_as=doc_id)
    return FetchResult(document_id, url, "fetched", pages=pages, from_web_page=new.from_web_page)


@dataclass
class FetchWatch:
    """What a caller follows and controls of a batch (each may be None): ``started(document_id)``
    before a document, ``received(document_id, bytes, expected)`` while it downloads, ``done``
    (result) after it, and ``cancelled()``, asked while downloading and between documents."""

    started: Callable[[str], None] | None = None
    received: Callable[[str, int, int | None], None] | None = None
    done: Callable[[FetchResult], None] | None = None
    cancelled: Callable[[], bool] | None = None


def fetch_documents(
    ws,
    targets: Sequence[tuple[str, str]] | None = None,
    *,
    timeout: float = DEFAULT_TIMEOUT,
    max_bytes: int = DEFAULT_MAX_BYTES,
    today: str | None = None,
    progress: Callable[[FetchResult], None] | None = None,
    again: bool = False,
    watch: FetchWatch | None = None,
    probe: bool = False,
) -> list[FetchResult]:
    """Fetch ``targets`` ((document id, url) pairs), by default every document still without file
    (``again``: every document with an address, those with a file compared with what is published
    now). ``probe``: first make sure the network can be reached (``FetchProblem`` "offline" at
    once otherwise). A cancelled batch ends after the document it was fetching."""
    from vlnl_desktop.core.archive.writer_lock import writer_lock

    watch = watch or FetchWatch()
    if progress is not None:
        watch.done = progress
    with writer_lock(ws.root):
        return _fetch_locked(ws, targets, timeout, max_bytes, today, again, watch, probe)


def _fetch_locked(ws, targets, timeout, max_bytes, today, again, watch, probe) -> list[FetchResult]:
    conn = connect_writer(ws)
    try:
        todo = list(targets) if targets is not None else pending_documents(conn, with_file=again)
        if probe and todo:
            hosts = unreachable(url for _, url in todo)
            if hosts:
                raise FetchProblem("offline", ", ".join(hosts))
        results: list[FetchResult] = []
        with Sandbox() as box, index_update(ws.db_path, conn) as index:
            for document_id, url in todo:
                if watch.cancelled is not None and watch.cancelled():
                    break
                if watch.started is not None:
                    watch.started(document_id)
                on_bytes = None
                if watch.received is not None:
                    on_bytes = _received_for(watch.received, document_id)
                result = fetch_one(
                    ws, conn, document_id, url, timeout=timeout, max_bytes=max_bytes,
                    today=today, sandbox=box, again=again, cancelled=watch.cancelled,
                    on_bytes=on_bytes,
                )  # fmt: skip
                results.append(result)
                if index is not None and result.status in ("fetched", "changed"):
                    index.add_document(conn, document_id)
                if watch.done is not None:
                    watch.done(result)
                if result.status == "cancelled":
                    break
        return results
    finally:
        conn.close()


def _received_for(received, document_id: str) -> Callable[[int, int | None], None]:
    def report(count: int, expected: int | None) -> None:
        received(document_id, count, expected)

    return report
