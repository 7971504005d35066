"""Reading a PDF's text page by page for the index, within a budget.

``document_text`` extracts every page's text of a document opened through ``gate.open_pdf``,
NFKC-normalised (ligatures such as "ﬁ" become "fi"), and raises ``PdfProblem("damaged", …)`` when
MuPDF could not decode a page (its warnings say so; its text would be lost silently), or
``PdfProblem("over_budget", …)`` when a page needs more memory than its process may have (see
``sandbox``). Text has a budget: a page keeps at most ``MAX_PAGE_CHARS`` characters and a document
``MAX_DOCUMENT_CHARS``; past them the text is cut and ``DocumentText.cut`` says so in one line.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from vlnl_desktop.core.errors import PdfProblem
from vlnl_desktop.core.pdf import sandbox
from vlnl_desktop.core.pdf.gate import mupdf_errors, short, take_warnings
from vlnl_desktop.core.text import normalize

if TYPE_CHECKING:
    import pymupdf

# MuPDF messages that mean a page's content could not be decoded (its text would be lost silently)
_DECODE_ERRORS = ("zlib error", "library error", "unknown filter", "read error")
_ALLOCATION_FAILED = ("calloc", "malloc", "realloc", "out of memory")

MAX_PAGE_CHARS = 200_000  # a dense page of small print holds about 10,000
MAX_DOCUMENT_CHARS = 20_000_000  # 4,000 dense pages


@dataclass(frozen=True)
class PageText:
    page_no: int  # 1-based
    text: str  # NFKC-normalised
    has_text: bool


@dataclass(frozen=True)
class DocumentText:
    pages: list[PageText]
    cut: str = ""  # where the text was cut to its budget, in one line ("" if it was not)


def _first_problem(warnings: str) -> str | None:
    for line in warnings.splitlines():
        low = line.lower()
        if any(marker in low for marker in _DECODE_ERRORS):
            return line.strip()
    return None


def _memory_detail() -> str:
    import resource

    limit = resource.getrlimit(resource.RLIMIT_AS)[0]
    if limit == resource.RLIM_INFINITY:
        return "needs more memory than there is"
    return sandbox.over_budget_detail(limit)


def _page_text(doc: pymupdf.Document, index: int) -> str:
    try:
        raw = doc.load_page(index).get_text()
    except MemoryError:
        raise PdfProblem("over_budget", f"page {index + 1} {_memory_detail()}") from None
    except mupdf_errors() as exc:
        if any(marker in str(exc).lower() for marker in _ALLOCATION_FAILED):
            raise PdfProblem("over_budget", f"page {index + 1} {_memory_detail()}") from None
        raise PdfProblem("damaged", f"page {index + 1}: {short(exc)}") from None
    warnings = take_warnings()
    if warnings:
        problem = _first_problem(warnings)
        if problem:
            raise PdfProblem("damaged", f"page {index + 1}: {problem}")
    return raw


def document_text(
    doc: pymupdf.Document,
    *,
    page_chars: int = MAX_PAGE_CHARS,
    document_chars: int = MAX_DOCUMENT_CHARS,
) -> DocumentText:
    """The text of every page, in page order, cut to its budget; ``PdfProblem`` if a page cannot
    be decoded or read within the process's memory."""
    out: list[PageText] = []
    cut = ""
    total = 0
    take_warnings()
    for index in range(doc.page_count):
        sandbox.alive()
        if total >= document_chars:
            out.append(PageText(index + 1, "", False))
            continue
        raw = _page_text(doc, index)
        if len(raw) > page_chars:
            raw = raw[:page_chars]
            cut = cut or f"page {index + 1} holds more than {page_chars:,} characters"
        text = normalize(raw)
        if total + len(text) > document_chars:
            text = text[: document_chars - total]
            cut = f"more than {document_chars:,} characters in all, cut on page {index + 1}"
        total += len(text)
        out.append(PageText(index + 1, text, bool(text.strip())))
    return DocumentText(out, f"text cut: {cut}" if cut else "")


def page_texts(doc: pymupdf.Document) -> list[PageText]:
    """The text of every page, in page order, within the budget (``document_text``'s pages)."""
    return document_text(doc).pages
