"""Checking a PDF before it enters the archive, and reading its text page by page for the index.

``open_checked`` opens a file or a byte string and says in one plain English phrase what is wrong
with it (``PdfProblem.reason``): "not a PDF", "damaged PDF: …", "encrypted; give the password with
--password", "wrong password", "has no pages". ``page_texts`` extracts every page's text,
NFKC-normalised (ligatures such as "ﬁ" become "fi"), and fails when MuPDF could not decode a page.

MuPDF's own messages never reach the terminal: they are collected and inspected here.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from vlnl_desktop.core.errors import VlnlError
from vlnl_desktop.core.text import normalize

if TYPE_CHECKING:
    import pymupdf

PDF_MAGIC = b"%PDF-"
MAGIC_WINDOW = 1024  # readers accept junk before the header within the first kilobyte
# MuPDF messages that mean a page's content could not be decoded (its text would be lost silently)
_DECODE_ERRORS = ("zlib error", "library error", "unknown filter", "read error")
EOF_WINDOW = 2048


class PdfProblem(VlnlError):
    """The file is not a usable PDF; ``reason`` is one plain English phrase."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class PageText:
    page_no: int  # 1-based
    text: str  # NFKC-normalised
    has_text: bool


def quiet_mupdf() -> None:
    """Keep MuPDF's errors and warnings off the terminal (they are read with ``_warnings``)."""
    from vlnl_desktop.core.pdf.document import configure_mupdf_messages

    configure_mupdf_messages()


def _warnings() -> str:
    import pymupdf

    return pymupdf.TOOLS.mupdf_warnings(reset=True) or ""


def looks_like_pdf(head: bytes) -> bool:
    return PDF_MAGIC in head[:MAGIC_WINDOW]


def _first_problem(warnings: str) -> str | None:
    for line in warnings.splitlines():
        low = line.lower()
        if any(marker in low for marker in _DECODE_ERRORS):
            return line.strip()
    return None


def open_checked(source: str | Path | bytes, password: str | None = None) -> pymupdf.Document:
    """Open ``source`` (a path or the file's bytes) as a PDF with pages, or raise ``PdfProblem``.

    The caller has checked that the file exists and can be read; ``OSError`` passes through.
    """
    import pymupdf

    quiet_mupdf()
    _warnings()
    if isinstance(source, bytes):
        head, size, tail = source[:MAGIC_WINDOW], len(source), source[-EOF_WINDOW:]
    else:
        with open(source, "rb") as f:
            head = f.read(MAGIC_WINDOW)
            size = f.seek(0, 2)
            f.seek(max(0, size - EOF_WINDOW))
            tail = f.read()
    if size == 0:
        raise PdfProblem("not a PDF (the file is empty)")
    if not looks_like_pdf(head):
        raise PdfProblem("not a PDF")
    try:
        if isinstance(source, bytes):
            doc = pymupdf.open(stream=source, filetype="pdf")
        else:
            doc = pymupdf.open(source, filetype="pdf")
    except (pymupdf.FileDataError, RuntimeError, ValueError) as exc:
        raise PdfProblem(f"damaged PDF: {_short(exc) or 'cannot be opened'}") from None
    if doc.needs_pass:
        if not password:
            doc.close()
            raise PdfProblem("encrypted; give the password with --password")
        if not doc.authenticate(password):
            doc.close()
            raise PdfProblem("wrong password")
    if doc.page_count == 0:
        repaired = doc.is_repaired
        doc.close()
        _warnings()
        if repaired and b"%%EOF" not in tail:
            raise PdfProblem("damaged PDF: incomplete, no readable pages")
        raise PdfProblem("has no pages")
    return doc


def _short(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return text[:120]


def page_texts(doc: pymupdf.Document) -> list[PageText]:
    """The text of every page, in page order; ``PdfProblem`` if a page cannot be decoded."""
    import pymupdf

    out: list[PageText] = []
    _warnings()
    for index in range(doc.page_count):
        try:
            raw = doc.load_page(index).get_text()
        except (RuntimeError, ValueError, pymupdf.FileDataError) as exc:
            raise PdfProblem(f"damaged PDF: page {index + 1}: {_short(exc)}") from None
        warnings = _warnings()
        if warnings:
            problem = _first_problem(warnings)
            if problem:
                raise PdfProblem(f"damaged PDF: page {index + 1}: {problem}")
        text = normalize(raw)
        out.append(PageText(index + 1, text, bool(text.strip())))
    return out
