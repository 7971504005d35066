"""Find text on a PDF page, ignoring case, diacritics and ligatures, and return where each hit is.

PyMuPDF's own ``search_for`` matches ligatures and case but not diacritics ("Artificiele" does not find
"Artificiële"). Here the page's characters are read with their boxes (``rawdict``), folded with
``core.text.fold_with_map`` and searched as one string; each hit is mapped back through the fold map to
its characters and so to rectangles (one per line the hit covers), in display coordinates. A query
may name alternatives ("waterstof | top"): every occurrence of any of them is found.

A page's characters have the same budget as its indexed text (``text.MAX_PAGE_CHARS``).
``find_on_pages`` is the viewer's find as a ``sandbox`` job: a page that would take the viewer's
memory or time (a decompression bomb) costs a child process, not the window.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from vlnl_desktop.core.pdf.document import Rect, to_display
from vlnl_desktop.core.pdf.text import MAX_PAGE_CHARS
from vlnl_desktop.core.text import fold, fold_with_map

if TYPE_CHECKING:
    import pymupdf

_SPACES = re.compile(r"\s+")
ALTERNATIVE = " | "  # "waterstof | top": either is found


@dataclass(frozen=True)
class PageHit:
    """One match on a page: its rectangles (display coordinates, one per line it spans)."""

    page: int
    rects: tuple[Rect, ...]


@dataclass
class _PageChars:
    """The page's text as one string (lines joined by a space) and each character's box and line."""

    text: str
    boxes: list[Rect | None]
    lines: list[int]


def fold_query(query: str) -> str:
    """The folded form of a user's query, with runs of whitespace made one space."""
    return _SPACES.sub(" ", fold(query)).strip()


def _page_chars(page: pymupdf.Page) -> _PageChars:
    import pymupdf

    flags = (
        pymupdf.TEXT_PRESERVE_LIGATURES
        | pymupdf.TEXT_PRESERVE_WHITESPACE
        | pymupdf.TEXT_MEDIABOX_CLIP
    )
    data = page.get_text("rawdict", flags=flags)
    chars: list[str] = []
    boxes: list[Rect | None] = []
    lines: list[int] = []
    line_no = 0

    def add(ch: str, box: Rect | None) -> None:
        if ch.isspace():
            if not chars or chars[-1] == " ":
                return
            ch, box = " ", None
        chars.append(ch)
        boxes.append(box)
        lines.append(line_no)

    for block in data.get("blocks", []):
        if len(chars) >= MAX_PAGE_CHARS:  # the page's text budget: the rest is not searched
            break
        for line in block.get("lines", []):
            line_no += 1
            for span in line.get("spans", []):
                for c in span.get("chars", []):
                    add(c["c"], tuple(c["bbox"]))
            # A word hyphenated at the end of a line is found whole: drop the hyphen, no space.
            if chars and chars[-1] in "-\u00ad" and len(chars) > 1 and chars[-2].isalpha():
                chars[-1] = "\u00ad"  # folded to nothing below
            else:
                add(" ", None)
    if not chars:  # a scan: its OCR reading, if the archive has one
        for text, char_boxes in _ocr_lines(page):
            line_no += 1
            for ch, box in zip(text, char_boxes, strict=True):
                add(ch, box)
            add(" ", None)
    return _PageChars("".join(chars), boxes, lines)


def _ocr_lines(page: pymupdf.Page) -> list[tuple[str, list[Rect]]]:
    from vlnl_desktop.core.ocr.layer import ocr_reading

    reading = ocr_reading(page.parent, page.number)
    return reading.lines() if reading is not None else []


def _fold_soft_hyphens(text: str) -> tuple[str, list[int]]:
    folded, index = fold_with_map(text)
    keep = [i for i, ch in enumerate(folded) if ch != "\u00ad"]
    return "".join(folded[i] for i in keep), [index[i] for i in keep]


def needles(query: str) -> list[str]:
    """What ``query`` asks to find: itself folded, or each of its alternatives ("a | b", what
    a search hit hands the viewer: the words its snippet marked), the longest first."""
    found = {fold_query(part) for part in query.split(ALTERNATIVE)}
    return sorted((n for n in found if n), key=lambda n: (-len(n), n))


def find_on_page(page: pymupdf.Page, query: str) -> list[PageHit]:
    """Every occurrence of ``query`` (or of any of its alternatives) on ``page``, in reading
    order; empty for an empty query. Where two alternatives overlap, the first (longest) wins."""
    wanted = needles(query)
    if not wanted:
        return []
    pc = _page_chars(page)
    haystack, index = _fold_soft_hyphens(pc.text)
    spans: list[tuple[int, int]] = []
    for needle in wanted:
        start = haystack.find(needle)
        while start >= 0:
            spans.append((start, start + len(needle)))
            start = haystack.find(needle, start + len(needle))
    hits: list[PageHit] = []
    reached = 0
    for start, end in sorted(spans, key=lambda se: (se[0], -se[1])):
        if start < reached:
            continue  # inside a longer hit
        reached = end
        source = sorted({index[i] for i in range(start, end)})
        rects = _rects_by_line(page, pc, source)
        if rects:
            hits.append(PageHit(page=page.number, rects=tuple(rects)))
    return hits


def _rects_by_line(page: pymupdf.Page, pc: _PageChars, source: list[int]) -> list[Rect]:
    by_line: dict[int, list[float]] = {}
    for i in source:
        box = pc.boxes[i]
        if box is None:
            continue
        r = by_line.get(pc.lines[i])
        if r is None:
            by_line[pc.lines[i]] = list(box)
        else:
            r[0], r[1] = min(r[0], box[0]), min(r[1], box[1])
            r[2], r[3] = max(r[2], box[2]), max(r[3], box[3])
    return [to_display(page, tuple(r)) for _, r in sorted(by_line.items())]


def find_in_document(doc: pymupdf.Document, query: str) -> list[PageHit]:
    """Every occurrence of ``query`` in ``doc``, page by page (for tests and the CLI; the viewer
    searches page by page on its worker so it can stop early)."""
    hits: list[PageHit] = []
    for i in range(doc.page_count):
        hits.extend(find_on_page(doc.load_page(i), query))
    return hits


def find_on_pages(
    path: str, password: str | None, query: str, pages: list[int]
) -> list[tuple[int, list[PageHit], bool]]:
    """(page, hits, whether the page has text) for each of ``pages`` of the PDF at ``path``: the
    viewer's find, run in a sandbox child (which keeps the document open between calls)."""
    from vlnl_desktop.core.pdf import sandbox
    from vlnl_desktop.core.pdf.viewing import close_stale, held

    doc = held((path, password))
    close_stale()
    out = []
    for index in pages:
        sandbox.alive()
        page = doc.load_page(index)
        hits = find_on_page(page, query)
        has_text = bool(hits) or bool(page.get_text("text").strip()) or bool(_ocr_lines(page))
        out.append((index, hits, has_text))
    return out
