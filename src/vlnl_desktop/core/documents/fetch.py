"""Downloading the official documents whose address the records know.

Each download has a wall-clock deadline (``_Deadline`` shuts its sockets when the time is up, so a
server that sends its headers, body or chunks a byte at a time cannot hold it) and a size cap,
must really be a PDF, and is stored and indexed like an import (a temporary file, an atomic rename,
one transaction); the retrieval date is recorded. Every protocol error is one line for that
document, and the others go on. The PDF's text is read, and a web page converted, in a sandboxed
process (``core.pdf.sandbox``: a memory limit, and a deadline on the conversion); a web page has a
size cap of its own. An official text published as a web page (the joint declarations on
rijksoverheid.nl and fdfa.be) is stored as a PDF of the page's main text (``web_page``), with its
address and the date retrieved on it. A document that already has a file is never fetched again
or overwritten.

Only ``urllib`` is used: no extra dependency.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import http.client
import io
import re
import socket
import sqlite3
import threading
import urllib.error
import urllib.request
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from vlnl_desktop.core.archive.connections import connect_writer
from vlnl_desktop.core.documents.rows import PreparedDocument, write_document
from vlnl_desktop.core.documents.store import sha256_of, store_file
from vlnl_desktop.core.documents.web_page import decode_page, web_page_pdf
from vlnl_desktop.core.errors import FetchProblem, PdfProblem, Problem
from vlnl_desktop.core.pdf.gate import looks_like_pdf, open_pdf
from vlnl_desktop.core.pdf.sandbox import Sandbox
from vlnl_desktop.core.pdf.text import document_text
from vlnl_desktop.core.search.index import index_update

DEFAULT_TIMEOUT = 30.0
DEFAULT_MAX_BYTES = 50 * 1024 * 1024
MAX_HTML_BYTES = 5 * 1024 * 1024  # a declaration's page is ~100 KB; converting 5 MB takes seconds
CONVERT_SECONDS = 60.0  # a web page made a PDF, or a PDF's text read, within this
USER_AGENT = "vlnl-desktop (offline archive; https://github.com/)"
CHUNK = 64 * 1024


@dataclass(frozen=True)
class FetchResult:
    document_id: str
    url: str
    status: str  # "fetched", "duplicate" or "failed"
    reason: str = ""
    pages: int = 0
    from_web_page: bool = False

    @property
    def ok(self) -> bool:
        return self.status != "failed"

    def line(self) -> str:
        if self.status == "failed":
            return f"{self.document_id}: {self.reason} ({self.url})"
        if self.status == "duplicate":
            return f"{self.document_id}: {self.reason}"
        what = "web page stored as PDF" if self.from_web_page else "PDF"
        return f"{self.document_id}: fetched ({what}, {self.pages} pages)"


def pending_documents(conn: sqlite3.Connection) -> list[tuple[str, str]]:
    """(document id, url) of every document with a known address and no file yet."""
    return conn.execute(
        "SELECT id, url FROM documents WHERE url IS NOT NULL AND sha256 IS NULL ORDER BY id"
    ).fetchall()


# --- downloading ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Download:
    data: bytes
    content_type: str
    final_url: str


class _Deadline:
    """The wall-clock deadline of one download: when it passes, every socket the download opened
    is shut, so a read that waits on a slow server returns at once (``expired`` then says why)."""

    def __init__(self, seconds: float) -> None:
        self.expired = False
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True
        self._timer.start()

    def watch(self, sock: socket.socket) -> None:
        with self._lock:
            self._sockets.append(sock)
            if self.expired:
                self._shut(sock)

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            for sock in self._sockets:
                self._shut(sock)

    @staticmethod
    def _shut(sock: socket.socket) -> None:
        with contextlib.suppress(OSError):
            sock.shutdown(socket.SHUT_RDWR)

    def cancel(self) -> None:
        self._timer.cancel()


def _opener(deadline: _Deadline) -> urllib.request.OpenerDirector:
    """urllib's opener (redirects, proxies) whose connections report their sockets to ``deadline``."""

    class Watched(http.client.HTTPConnection):
        def connect(self):
            super().connect()
            deadline.watch(self.sock)

    class WatchedTLS(http.client.HTTPSConnection):
        def connect(self):
            super().connect()
            deadline.watch(self.sock)

    class Plain(urllib.request.HTTPHandler):
        def http_open(self, req):
            return self.do_open(Watched, req)

    class TLS(urllib.request.HTTPSHandler):
        def https_open(self, req):
            return self.do_open(WatchedTLS, req, context=self._context)

    return urllib.request.build_opener(Plain, TLS)


def download(url: str, *, timeout: float, max_bytes: int) -> Download:
    """GET ``url`` within ``timeout`` seconds in all (headers, body, every chunk) and at most
    ``max_bytes``; ``FetchProblem`` says what went wrong, in one line."""
    if not re.match(r"^https?://", url, re.IGNORECASE):
        raise FetchProblem("bad_url")
    deadline = _Deadline(timeout)
    try:
        return _download(url, timeout, max_bytes, deadline)
    except FetchProblem:
        raise
    except Exception as exc:  # whatever a closed socket made of it, the deadline is the cause
        if deadline.expired:
            raise FetchProblem("timeout", f"{timeout:g}") from None
        raise _problem(exc, timeout) from None
    finally:
        deadline.cancel()


def _problem(exc: Exception, timeout: float) -> FetchProblem:
    if isinstance(exc, urllib.error.HTTPError):
        return FetchProblem("http_status", f"{exc.code} {exc.reason}")
    if isinstance(exc, urllib.error.URLError):
        if isinstance(exc.reason, TimeoutError | socket.timeout):
            return FetchProblem("timeout", f"{timeout:g}")
        return FetchProblem("connect", str(exc.reason))
    if isinstance(exc, TimeoutError):
        return FetchProblem("timeout", f"{timeout:g}")
    if isinstance(exc, http.client.HTTPException):  # IncompleteRead, BadStatusLine, LineTooLong…
        detail = " ".join(str(exc).split())[:100]
        return FetchProblem("download", f"{type(exc).__name__}: {detail}".rstrip(": "))
    if isinstance(exc, OSError | ValueError):
        return FetchProblem("download", str(exc))
    raise exc


def _download(url: str, timeout: float, max_bytes: int, deadline: _Deadline) -> Download:
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "*/*"})
    with _opener(deadline).open(request, timeout=timeout) as response:
        length = response.headers.get("Content-Length")
        if length and length.isdigit() and int(length) > max_bytes:
            raise FetchProblem("too_large", f"{int(length)} bytes; the limit is {max_bytes}")
        buffer = io.BytesIO()
        while chunk := response.read1(CHUNK):  # what has come: a slow body cannot hold a read
            buffer.write(chunk)
            if buffer.tell() > max_bytes:
                raise FetchProblem("too_large", f"more than {max_bytes} bytes")
        if deadline.expired:  # the body was cut short by the deadline, not complete
            raise FetchProblem("timeout", f"{timeout:g}")
        missing = getattr(response, "length", None)
        if missing:  # read1 ends quietly where the server hung up; read() would have said so
            raise http.client.IncompleteRead(b"", missing)
        content_type = response.headers.get_content_type() or ""
        return Download(buffer.getvalue(), content_type, response.geturl())


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


def _converted(
    got: Download, url: str, retrieved: str, file_name: str
) -> tuple[bytes, PreparedDocument, bool]:
    """The downloaded answer as a PDF, prepared: (bytes, prepared, made from a web page). A sandbox
    job: MuPDF's memory and the conversion's time are limited there."""
    if looks_like_pdf(got.data):
        return got.data, _prepare(got.data, file_name), False
    if _looks_like_html(got):
        if len(got.data) > MAX_HTML_BYTES:
            detail = f"a web page of {len(got.data)} bytes; the limit is {MAX_HTML_BYTES}"
            raise FetchProblem("too_large", detail)
        data = web_page_pdf(decode_page(got.data), got.final_url or url, retrieved)
        return data, _prepare(data, file_name), True
    raise FetchProblem("not_document", got.content_type or "unknown content")


def _convert_in(box: Sandbox, got: Download, url: str, retrieved: str, file_name: str):
    try:
        return box.run(_converted, got, url, retrieved, file_name, deadline=CONVERT_SECONDS)
    except FetchProblem:
        raise
    except Problem as exc:  # the sandbox's own: over its memory or time, or it died
        raise FetchProblem(exc.code, exc.detail) from None


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
) -> FetchResult:
    """Download, check, store and index one document; never raises for a bad answer. The PDF is
    read in ``sandbox`` (one of its own if None)."""
    retrieved = today or dt.date.today().isoformat()
    row = conn.execute(
        "SELECT sha256, file_name FROM documents WHERE id = ?", (document_id,)
    ).fetchone()
    if row is None:
        return FetchResult(document_id, url, "failed", "no such document in the archive")
    if row[0] is not None:
        return FetchResult(document_id, url, "duplicate", "already has its file; kept as it is")
    file_name = row[1] or f"{document_id}.pdf"
    try:
        got = download(url, timeout=timeout, max_bytes=max_bytes)
        if sandbox is None:
            with Sandbox() as own:
                data, prepared, from_page = _convert_in(own, got, url, retrieved, file_name)
        else:
            data, prepared, from_page = _convert_in(sandbox, got, url, retrieved, file_name)
    except FetchProblem as exc:
        return FetchResult(document_id, url, "failed", exc.reason)
    try:  # also when the archive has it: a stored copy deleted behind its back comes back
        store_file(ws.documents_dir, data, prepared.sha256)
    except OSError as exc:
        return FetchResult(document_id, url, "failed", f"cannot store it: {exc.strerror}")
    doc_id, new = write_document(
        conn, prepared, document_id=document_id, retrieved=retrieved, url=url
    )
    if not new:
        return FetchResult(document_id, url, "duplicate", f"already in the archive as {doc_id}")
    return FetchResult(
        document_id, url, "fetched", pages=len(prepared.pages), from_web_page=from_page
    )


def fetch_documents(
    ws,
    targets: Sequence[tuple[str, str]] | None = None,
    *,
    timeout: float = DEFAULT_TIMEOUT,
    max_bytes: int = DEFAULT_MAX_BYTES,
    today: str | None = None,
    progress: Callable[[FetchResult], None] | None = None,
) -> list[FetchResult]:
    """Fetch ``targets`` ((document id, url) pairs), by default every document still without file."""
    from vlnl_desktop.core.archive.writer_lock import writer_lock

    with writer_lock(ws.root):
        return _fetch_locked(ws, targets, timeout, max_bytes, today, progress)


def _fetch_locked(ws, targets, timeout, max_bytes, today, progress) -> list[FetchResult]:
    conn = connect_writer(ws)
    try:
        todo = list(targets) if targets is not None else pending_documents(conn)
        results = []
        with Sandbox() as box, index_update(ws.db_path, conn) as index:
            for document_id, url in todo:
                result = fetch_one(
                    ws, conn, document_id, url, timeout=timeout, max_bytes=max_bytes,
                    today=today, sandbox=box,
                )  # fmt: skip
                results.append(result)
                if index is not None and result.status == "fetched":
                    index.add_document(conn, document_id)
                if progress is not None:
                    progress(result)
        return results
    finally:
        conn.close()
