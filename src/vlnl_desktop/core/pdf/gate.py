"""The one way into a PDF: ``open_pdf`` checks a file (or its bytes) and opens it, or says what is
wrong with it as a ``PdfProblem`` code. Import, fetch, record sheets and the viewer all come
through here, so a file the viewer refuses is refused by import for the same reason.

MuPDF's own messages never reach the terminal: ``take_warnings`` drains its process-wide warning
buffer (the one place that does), returns the text and logs it.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import TYPE_CHECKING

from vlnl_desktop.core.errors import PdfProblem

if TYPE_CHECKING:
    import pymupdf

log = logging.getLogger(__name__)

PDF_MAGIC = b"%PDF-"
MAGIC_WINDOW = (
    1024  # the PDF spec allows junk before the header; readers accept it in the first 1 KB
)
EOF_WINDOW = 1024  # where a complete file's last %%EOF stands (trailing junk happens)

_configured = False


def quiet_mupdf() -> None:
    """Keep MuPDF's errors and warnings off the terminal (``take_warnings`` reads them)."""
    global _configured
    if _configured:
        return
    import pymupdf

    pymupdf.TOOLS.mupdf_display_errors(False)
    pymupdf.TOOLS.mupdf_display_warnings(False)
    _configured = True


def take_warnings(context: str = "") -> str:
    """The warnings MuPDF stored since the last call (emptied now), also sent to the log."""
    import pymupdf

    text = pymupdf.TOOLS.mupdf_warnings(reset=True) or ""
    for line in text.splitlines():
        log.debug("MuPDF%s: %s", f" ({context})" if context else "", line)
    return text


def looks_like_pdf(head: bytes) -> bool:
    return PDF_MAGIC in head[:MAGIC_WINDOW]


def _looks_truncated(head: bytes, size: int, tail: bytes) -> bool:
    """Cut short: a linearized PDF shorter than it says, or no %%EOF near the end."""
    declared = re.search(rb"/Linearized\b.*?/L\s+(\d+)", head, re.DOTALL)
    if declared and int(declared.group(1)) != size:
        return True
    return b"%%EOF" not in tail


def mupdf_errors() -> tuple[type[BaseException], ...]:
    """Every exception type MuPDF raises for a file it cannot read (its ``FzError*`` classes are
    not RuntimeErrors)."""
    import pymupdf

    return (RuntimeError, ValueError, MemoryError, pymupdf.FileDataError, pymupdf.mupdf.FzErrorBase)


def short(exc: BaseException) -> str:
    """An exception's message on one line, at most 120 characters."""
    return " ".join(str(exc).split())[:120]


def open_pdf(source: str | Path | bytes, password: str | None = None) -> pymupdf.Document:
    """Open ``source`` (a path or the file's bytes) as a PDF with at least one page, authenticated
    with ``password`` if it is encrypted; else raise ``PdfProblem`` with one of the codes "empty",
    "not_pdf", "damaged", "password_required", "wrong_password", "no_pages".

    A path that is missing or cannot be read raises ``OSError`` (the caller words it).
    """
    import pymupdf

    quiet_mupdf()
    take_warnings()
    if isinstance(source, bytes):
        head, size, tail = source[:MAGIC_WINDOW], len(source), source[-EOF_WINDOW:]
        name = "<bytes>"
    else:
        path = Path(source)
        name = path.name
        if path.is_dir():
            raise IsADirectoryError(21, "Is a directory", str(path))
        with path.open("rb") as f:
            head = f.read(MAGIC_WINDOW)
            size = f.seek(0, 2)
            f.seek(max(0, size - EOF_WINDOW))
            tail = f.read()
    if size == 0:
        raise PdfProblem("empty")
    if not looks_like_pdf(head):
        raise PdfProblem("not_pdf")
    try:
        if isinstance(source, bytes):
            doc = pymupdf.open(stream=source, filetype="pdf")
        else:
            doc = pymupdf.open(source, filetype="pdf")
    except mupdf_errors() as exc:
        take_warnings(name)
        raise PdfProblem("damaged", _open_failure(exc)) from None
    take_warnings(name)
    try:
        return _checked(doc, password, head, size, tail, name)
    except mupdf_errors() as exc:  # a page tree that lies or loops fails here, not on open
        if not doc.is_closed:
            doc.close()
        take_warnings(name)
        raise PdfProblem("damaged", short(exc) or "cannot be opened") from None


def _open_failure(exc: BaseException) -> str:
    """Why MuPDF could not open a file, without the file's path: PyMuPDF's "Failed to open file
    '<path>' as type pdf." names the copy being read (an import's staging file), not the user's."""
    detail = short(exc)
    if not detail or detail.startswith("Failed to open file"):
        return "cannot be opened"
    return detail


def _checked(
    doc: pymupdf.Document, password: str | None, head: bytes, size: int, tail: bytes, name: str
) -> pymupdf.Document:
    if doc.needs_pass:
        if not password:
            doc.close()
            raise PdfProblem("password_required")
        if not doc.authenticate(password):
            doc.close()
            raise PdfProblem("wrong_password")
    if doc.page_count == 0:
        repaired = doc.is_repaired
        doc.close()
        take_warnings(name)
        if repaired and _looks_truncated(head, size, tail):
            raise PdfProblem("damaged", "incomplete, no readable pages")
        raise PdfProblem("no_pages")
    _walk_page_tree(doc)
    return doc


def _walk_page_tree(doc: pymupdf.Document) -> None:
    """Look the first and the last page up in the page tree: a tree that loops on the way to
    them raises here, at open, not on the page the viewer reaches later. (Every page would cost
    about 10 µs each: 10 ms more to open a 1,000-page PDF; a loop elsewhere makes those pages
    blank in the viewer and the import say "damaged".)"""
    import pymupdf

    pdf = pymupdf._as_pdf_document(doc)
    for index in {0, doc.page_count - 1}:
        pymupdf.mupdf.pdf_lookup_page_obj(pdf, index)
