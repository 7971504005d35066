"""Downloading the official documents whose address the records know.

Each download has a time-out and a size cap, must really be a PDF, and is stored and indexed like an
import (a temporary file, an atomic rename, one transaction); the retrieval date is recorded. An
official text published as a web page (the joint declarations on rijksoverheid.nl and fdfa.be) is
stored as a PDF of the page's main text, made with PyMuPDF's Story, with its address and the date
retrieved on it. A document that already has a file is never fetched again or overwritten.

Only ``urllib`` is used: no extra dependency.
"""

from __future__ import annotations

import datetime as dt
import html
import io
import re
import socket
import sqlite3
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html.parser import HTMLParser

from vlnl_desktop.core.archive.connections import connect_writer
from vlnl_desktop.core.dates import format_date_nl
from vlnl_desktop.core.documents.rows import PreparedDocument, find_by_sha, write_document
from vlnl_desktop.core.documents.store import sha256_of, store_file
from vlnl_desktop.core.errors import FetchProblem, PdfProblem
from vlnl_desktop.core.pdf.gate import looks_like_pdf, open_pdf, quiet_mupdf
from vlnl_desktop.core.pdf.text import page_texts
from vlnl_desktop.core.search.index import index_update

DEFAULT_TIMEOUT = 30.0
DEFAULT_MAX_BYTES = 50 * 1024 * 1024
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


def download(url: str, *, timeout: float, max_bytes: int) -> Download:
    """GET ``url`` within ``timeout`` seconds in all and at most ``max_bytes``; ``FetchProblem``."""
    if not re.match(r"^https?://", url, re.IGNORECASE):
        raise FetchProblem("bad_url")
    deadline = time.monotonic() + timeout
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "*/*"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            length = response.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > max_bytes:
                raise FetchProblem("too_large", f"{int(length)} bytes; the limit is {max_bytes}")
            buffer = io.BytesIO()
            while True:
                if time.monotonic() > deadline:
                    raise FetchProblem("timeout", f"{timeout:g}")
                chunk = response.read(CHUNK)
                if not chunk:
                    break
                buffer.write(chunk)
                if buffer.tell() > max_bytes:
                    raise FetchProblem("too_large", f"more than {max_bytes} bytes")
            content_type = response.headers.get_content_type() or ""
            return Download(buffer.getvalue(), content_type, response.geturl())
    except FetchProblem:
        raise
    except urllib.error.HTTPError as exc:
        raise FetchProblem("http_status", f"{exc.code} {exc.reason}") from None
    except urllib.error.URLError as exc:
        if isinstance(exc.reason, TimeoutError | socket.timeout):
            raise FetchProblem("timeout", f"{timeout:g}") from None
        raise FetchProblem("connect", str(exc.reason)) from None
    except TimeoutError:
        raise FetchProblem("timeout", f"{timeout:g}") from None
    except (OSError, ValueError) as exc:
        raise FetchProblem("download", str(exc)) from None


# --- web pages ------------------------------------------------------------------------------------

_SKIP = {"script", "style", "nav", "header", "footer", "aside", "form", "noscript", "svg", "button"}
_BLOCKS = {
    "p", "div", "li", "br", "tr", "section", "article", "main", "blockquote", "dd", "dt",
    "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table",
}  # fmt: skip
_HEADINGS = {"h1", "h2", "h3", "h4"}
_VOID = {"br", "img", "meta", "link", "input", "hr", "source", "wbr", "area", "base", "col"}


class _MainText(HTMLParser):
    """Collects the text blocks of a page, noting which lie inside ``<main>`` or ``<article>``."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.title = ""
        self.blocks: list[tuple[str, str, bool]] = []  # (tag, text, inside main)
        self._stack: list[str] = []
        self._skip = 0
        self._main = 0
        self._in_title = False
        self._current: list[str] = []
        self._current_tag = "p"

    def _flush(self) -> None:
        text = " ".join("".join(self._current).split())
        if text:
            self.blocks.append((self._current_tag, text, self._main > 0))
        self._current = []
        self._current_tag = "p"

    def handle_starttag(self, tag, attrs):
        if tag == "title":
            self._in_title = True
        if tag in _VOID:
            if tag == "br":
                self._flush()
            return
        self._stack.append(tag)
        if tag in _SKIP:
            self._skip += 1
        if tag in ("main", "article"):
            self._main += 1
        if tag in _BLOCKS:
            self._flush()
            if tag in _HEADINGS:
                self._current_tag = "h"
            elif tag == "li":
                self._current_tag = "li"

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False
        if tag not in self._stack:
            return
        while self._stack:
            top = self._stack.pop()
            if top in _BLOCKS:
                self._flush()
            if top in _SKIP:
                self._skip -= 1
            if top in ("main", "article"):
                self._main -= 1
            if top == tag:
                break

    def handle_data(self, data):
        if self._in_title:
            self.title += data
        elif not self._skip:
            self._current.append(data)

    def close(self):
        super().close()
        self._flush()


def main_text(page: str) -> tuple[str, list[tuple[str, str]]]:
    """The page's title and its main text as (tag, text) blocks; tag is "h", "li" or "p"."""
    parser = _MainText()
    parser.feed(page)
    parser.close()
    inside = [(t, x) for t, x, m in parser.blocks if m]
    blocks = inside or [(t, x) for t, x, _ in parser.blocks]
    title = " ".join(parser.title.split())
    return title, blocks


def _decode(data: bytes) -> str:
    head = data[:2048].decode("ascii", "ignore")
    match = re.search(r"charset=[\"']?([\w-]+)", head, re.IGNORECASE)
    for encoding in (match.group(1) if match else None, "utf-8", "cp1252"):
        if not encoding:
            continue
        try:
            return data.decode(encoding)
        except (LookupError, UnicodeDecodeError):
            continue
    return data.decode("utf-8", "replace")


def web_page_pdf(page: str, url: str, retrieved: str) -> bytes:
    """A PDF of the page's main text, with the address and the date retrieved on it."""
    import pymupdf

    quiet_mupdf()
    title, blocks = main_text(page)
    if not blocks:
        raise FetchProblem("no_text")
    parts = [f"<h1>{html.escape(title or url)}</h1>"]
    parts.append(
        f"<p class='src'>Webpagina: {html.escape(url)}<br/>"
        f"Opgehaald op {html.escape(format_date_nl(retrieved))} door vlnl-desktop; "
        f"de hoofdtekst van de pagina, zonder opmaak.</p>"
    )
    in_list = False
    for tag, text in blocks:
        if tag == "li" and not in_list:
            parts.append("<ul>")
            in_list = True
        if tag != "li" and in_list:
            parts.append("</ul>")
            in_list = False
        escaped = html.escape(text)
        parts.append(
            f"<h2>{escaped}</h2>" if tag == "h" else f"<li>{escaped}</li>" if tag == "li" else
            f"<p>{escaped}</p>"
        )  # fmt: skip
    if in_list:
        parts.append("</ul>")
    css = (
        "body {font-family: sans-serif; font-size: 10.5pt; line-height: 1.4;} "
        "h1 {font-size: 16pt;} h2 {font-size: 12pt; margin-top: 10pt;} "
        ".src {font-size: 8.5pt; color: #555; margin-bottom: 10pt;} p {margin: 0 0 5pt 0;}"
    )
    buffer = io.BytesIO()
    story = pymupdf.Story(html="<body>" + "".join(parts) + "</body>", user_css=css)
    writer = pymupdf.DocumentWriter(buffer)
    mediabox = pymupdf.paper_rect("a4")
    more = 1
    while more:
        device = writer.begin_page(mediabox)
        more, _ = story.place(mediabox + (56, 56, -56, -56))
        story.draw(device)
        writer.end_page()
    writer.close()
    doc = pymupdf.open("pdf", buffer.getvalue())
    try:
        stamp = "D:" + retrieved.replace("-", "") + "000000Z"
        doc.set_metadata(
            {
                "title": title or url,
                "subject": f"Webpagina {url}, opgehaald op {retrieved}",
                "creator": "vlnl-desktop fetch",
                "producer": "vlnl-desktop (PyMuPDF)",
                "creationDate": stamp,
                "modDate": stamp,
            }
        )
        doc.subset_fonts()
        return doc.tobytes(garbage=3, deflate=True, no_new_id=True)
    finally:
        doc.close()


# --- the whole fetch ------------------------------------------------------------------------------


def _looks_like_html(download: Download) -> bool:
    if download.content_type in ("text/html", "application/xhtml+xml"):
        return True
    head = download.data[:1024].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html"))


def _prepare(data: bytes, file_name: str) -> PreparedDocument:
    try:
        doc = open_pdf(data)
    except PdfProblem as exc:
        raise FetchProblem(exc.code, exc.detail) from None
    try:
        pages = page_texts(doc)
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
        pages=pages,
    )


def fetch_one(
    ws,
    conn: sqlite3.Connection,
    document_id: str,
    url: str,
    *,
    timeout: float = DEFAULT_TIMEOUT,
    max_bytes: int = DEFAULT_MAX_BYTES,
    today: str | None = None,
) -> FetchResult:
    """Download, check, store and index one document; never raises for a bad answer."""
    retrieved = today or dt.date.today().isoformat()
    row = conn.execute(
        "SELECT sha256, file_name FROM documents WHERE id = ?", (document_id,)
    ).fetchone()
    if row is None:
        return FetchResult(document_id, url, "failed", "no such document in the archive")
    if row[0] is not None:
        return FetchResult(document_id, url, "duplicate", "already has its file; kept as it is")
    file_name = row[1] or f"{document_id}.pdf"
    from_page = False
    try:
        got = download(url, timeout=timeout, max_bytes=max_bytes)
        if looks_like_pdf(got.data):
            data = got.data
        elif _looks_like_html(got):
            data = web_page_pdf(_decode(got.data), got.final_url or url, retrieved)
            from_page = True
        else:
            kind = got.content_type or "unknown content"
            raise FetchProblem("not_document", kind)
        prepared = _prepare(data, file_name)
    except FetchProblem as exc:
        return FetchResult(document_id, url, "failed", exc.reason)
    known = find_by_sha(conn, prepared.sha256)
    if known is None:
        try:
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
        with index_update(ws.db_path, conn) as index:
            for document_id, url in todo:
                result = fetch_one(
                    ws, conn, document_id, url, timeout=timeout, max_bytes=max_bytes, today=today
                )
                results.append(result)
                if index is not None and result.status == "fetched":
                    index.add_document(conn, document_id)
                if progress is not None:
                    progress(result)
        return results
    finally:
        conn.close()
