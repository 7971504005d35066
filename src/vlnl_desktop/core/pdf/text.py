"""Reading a PDF's text page by page for the index.

``page_texts`` extracts every page's text of a document opened through ``gate.open_pdf``,
NFKC-normalised (ligatures such as "ﬁ" become "fi"), and raises ``PdfProblem("damaged", …)`` when
MuPDF could not decode a page (its warnings say so; its text would be lost silently).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from vlnl_desktop.core.errors import PdfProblem
from vlnl_desktop.core.pdf.gate import short, take_warnings
from vlnl_desktop.core.text import normalize

if TYPE_CHECKING:
    import pymupdf

# MuPDF messages that mean a page's content could not be decoded (its text would be lost silently)
_DECODE_ERRORS = ("zlib error", "library error", "unknown filter", "read error")


@dataclass(frozen=True)
class PageText:
    page_no: int  # 1-based
    text: str  # NFKC-normalised
    has_text: bool


def _first_problem(warnings: str) -> str | None:
    for line in warnings.splitlines():
        low = line.lower()
        if any(marker in low for marker in _DECODE_ERRORS):
            return line.strip()
    return None


def page_texts(doc: pymupdf.Document) -> list[PageText]:
    """The text of every page, in page order; ``PdfProblem`` if a page cannot be decoded."""
    import pymupdf

    out: list[PageText] = []
    take_warnings()
    for index in range(doc.page_count):
        try:
            raw = doc.load_page(index).get_text()
        except (RuntimeError, ValueError, pymupdf.FileDataError) as exc:
            raise PdfProblem("damaged", f"page {index + 1}: {short(exc)}") from None
        warnings = take_warnings()
        if warnings:
            problem = _first_problem(warnings)
            if problem:
                raise PdfProblem("damaged", f"page {index + 1}: {problem}")
        text = normalize(raw)
        out.append(PageText(index + 1, text, bool(text.strip())))
    return out
