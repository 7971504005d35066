"""Opening a PDF with PyMuPDF and reading what the viewer needs from it, without Qt.

Every function here takes a ``pymupdf.Document`` (or a page of one) that the caller owns: PyMuPDF is not
thread-safe, so the viewer calls these only from the one worker thread that opened the document.

Rectangles returned to callers are in *display* coordinates: PDF points in the page's own rotation
(``page.rect`` space, what ``page.get_pixmap()`` renders with the identity matrix). PyMuPDF reports text
and link positions in unrotated space; ``to_display`` / ``from_display`` convert.

Documents are opened through ``gate.open_pdf``, the one check every caller shares. A page of an
archive's stored file without a text layer answers with its OCR reading (``core.ocr.layer``).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING

from vlnl_desktop.core.ocr.layer import ocr_reading

if TYPE_CHECKING:
    import pymupdf

log = logging.getLogger(__name__)

Rect = tuple[float, float, float, float]
"""A rectangle as (x0, y0, x1, y1) in PDF points."""


@dataclass(frozen=True)
class TextLine:
    """One line of a page's text: its characters, one box each (display coordinates), in order."""

    text: str
    boxes: tuple[Rect, ...]
    bbox: Rect


@dataclass(frozen=True)
class PageChars:
    """The characters of one page in reading order, line by line (see ``page_chars``)."""

    page: int
    lines: tuple[TextLine, ...]
    has_text_layer: bool = True


@dataclass(frozen=True)
class OutlineEntry:
    """One entry of a document's outline (table of contents); ``page`` is 0-based, -1 if none."""

    level: int
    title: str
    page: int


def page_sizes(
    doc: pymupdf.Document, start: int = 0, stop: int | None = None
) -> list[tuple[float, float]]:
    """Width and height in points of pages ``start`` up to ``stop`` (default: the last), in each page's
    own rotation: exactly ``doc[i].rect``, without loading the pages.

    Loading a page (what ``doc[i].rect`` does) also reads its annotations and links: for a 1000-page file
    that is 35–90 ms, against about 9 ms for reading each page object's boxes, ``/Rotate`` and
    ``/UserUnit`` (inherited ones too) with MuPDF's own rules, as here. A page whose object cannot be read
    that way is loaded after all; that raises ``RuntimeError`` if the page is damaged.
    """
    import pymupdf.mupdf as mupdf

    count = doc.page_count
    stop = count if stop is None else min(stop, count)
    pdf = mupdf.pdf_specifics(doc.this)
    if not pdf.m_internal:  # not a PDF: no page objects to read
        return [_loaded_page_size(doc, i) for i in range(start, stop)]
    box, ctm = mupdf.FzRect(), mupdf.FzMatrix()
    box_ptr, ctm_ptr, pdf_ptr = box.internal(), ctm.internal(), pdf.m_internal
    sizes = []
    for i in range(start, stop):
        try:
            page_obj = mupdf.ll_pdf_lookup_page_obj(pdf_ptr, i)
            mupdf.ll_pdf_page_obj_transform(page_obj, box_ptr, ctm_ptr)
            r = mupdf.ll_fz_transform_rect(box_ptr, ctm_ptr)
            sizes.append((r.x1 - r.x0, r.y1 - r.y0))
        except mupdf.FzErrorBase:
            sizes.append(_loaded_page_size(doc, i))
    return sizes


def page_size(doc: pymupdf.Document, index: int) -> tuple[float, float]:
    """Width and height in points of page ``index``, in its own rotation (see ``page_sizes``)."""
    return page_sizes(doc, index, index + 1)[0]


def _loaded_page_size(doc: pymupdf.Document, index: int) -> tuple[float, float]:
    rect = doc.load_page(index).rect
    return (rect.width, rect.height)


def render_box(
    page: pymupdf.Page, matrix: pymupdf.Matrix, clip: pymupdf.Rect | None = None
) -> tuple[int, int, int, int]:
    """The device pixels (x0, y0, x1, y1) that ``render_into`` fills for ``page`` (or its ``clip``,
    in display points) transformed by ``matrix``: the same box as ``page.get_pixmap``'s."""
    import pymupdf.mupdf as mupdf

    area = page.rect if clip is None else page.rect & clip
    box = mupdf.fz_round_rect(mupdf.fz_transform_rect(mupdf.FzRect(*area), mupdf.FzMatrix(*matrix)))
    return (box.x0, box.y0, max(box.x0, box.x1), max(box.y0, box.y1))


def render_into(
    page: pymupdf.Page,
    matrix: pymupdf.Matrix,
    box: tuple[int, int, int, int],
    buffer: memoryview,
    stride: int,
) -> None:
    """Draw ``page`` transformed by ``matrix`` into ``buffer``, which holds the device pixels ``box``
    (from ``render_box``) as rows of ``stride`` bytes, 4 bytes a pixel in the order blue, green, red,
    alpha: a little-endian 0xAARRGGBB word, what Qt calls ``Format_RGB32``.

    The buffer's contents are the background (fill it with opaque white first): the page is drawn
    over it in one pass, with no display list and no pixmap copied afterwards, pixel for pixel what
    ``page.get_pixmap(matrix=matrix, alpha=False)`` gives. Raises ``RuntimeError`` if MuPDF fails.
    """
    import pymupdf.mupdf as mupdf

    x0, y0, x1, y1 = box
    width, height = x1 - x0, y1 - y0
    if width <= 0 or height <= 0:
        return
    if stride < 4 * width or len(buffer) < stride * height:
        raise ValueError("The buffer is too small for the box.")
    try:
        pix = mupdf.fz_new_pixmap_with_data(
            mupdf.fz_device_bgr(),
            width,
            height,
            mupdf.FzSeparations(),
            1,
            stride,
            mupdf.python_mutable_buffer_data(buffer),
        )
        pix.m_internal.x, pix.m_internal.y = x0, y0
        dev = mupdf.fz_new_draw_device(mupdf.FzMatrix(*matrix), pix)
        try:
            mupdf.fz_run_page(page.this, dev, mupdf.FzMatrix(), mupdf.FzCookie())
            mupdf.fz_close_device(dev)
        finally:
            del dev, pix  # the pixmap only borrows ``buffer``: gone before the caller frees it
    except mupdf.FzErrorBase as exc:
        raise RuntimeError(str(exc)) from exc


def to_display(page: pymupdf.Page, rect: pymupdf.Rect | Rect) -> Rect:
    """Convert an unrotated-page rectangle (text, links) to display coordinates."""
    import pymupdf

    r = pymupdf.Rect(rect) * page.rotation_matrix
    r.normalize()
    return (r.x0, r.y0, r.x1, r.y1)


def from_display(page: pymupdf.Page, rect: Rect) -> pymupdf.Rect:
    """Convert a display rectangle to unrotated-page coordinates (for ``clip=`` in text extraction)."""
    import pymupdf

    r = pymupdf.Rect(rect) * page.derotation_matrix
    r.normalize()
    return r


def page_text(doc: pymupdf.Document, index: int) -> str:
    """The text of page ``index`` (0-based) in reading order."""
    text = doc.load_page(index).get_text("text", sort=True)
    if not text.strip():
        reading = ocr_reading(doc, index)
        if reading is not None:
            return reading.text
    return text


def text_in_rect(doc: pymupdf.Document, index: int, rect: Rect) -> str:
    """The text of page ``index`` inside ``rect`` (display coordinates), in reading order.

    A character counts when its box lies mostly inside ``rect``, so a column selected in a multi-column
    page gives that column only.
    """
    page = doc.load_page(index)
    clip = from_display(page, rect)
    lines: list[str] = []
    data = page.get_text("rawdict", clip=clip, sort=True)
    for block in data.get("blocks", []):
        for line in block.get("lines", []):
            chars = []
            for span in line.get("spans", []):
                for ch in span.get("chars", []):
                    if _mostly_inside(ch["bbox"], clip):
                        chars.append(ch["c"])
            text = "".join(chars).strip()
            if text:
                lines.append(text)
    if not lines:
        lines = _ocr_text_in(doc, index, clip)
    return "\n".join(lines)


def _ocr_text_in(doc: pymupdf.Document, index: int, clip: pymupdf.Rect) -> list[str]:
    """The lines of the page's OCR reading whose letters lie mostly inside ``clip``."""
    reading = ocr_reading(doc, index)
    if reading is None:
        return []
    out = []
    for text, boxes in reading.lines():
        inside = "".join(
            ch for ch, box in zip(text, boxes, strict=True) if _mostly_inside(box, clip)
        )
        if inside.strip():
            out.append(inside.strip())
    return out


def page_chars(doc: pymupdf.Document, index: int) -> PageChars:
    """Every character of page ``index`` with its box in display coordinates, line by line in
    reading order: the order of the text in the file, which for columns is column after column
    (sorting by position would interleave them). Ligatures come apart ("fi", not "\ufb01"), each
    letter with its part of the box, so a selection can end inside one and copying gives letters.
    """
    import pymupdf

    page = doc.load_page(index)
    flags = pymupdf.TEXTFLAGS_RAWDICT & ~pymupdf.TEXT_PRESERVE_LIGATURES
    data = page.get_text("rawdict", flags=flags)
    rotated = page.rotation != 0
    lines: list[TextLine] = []
    for block in data.get("blocks", []):
        for line in block.get("lines", []):
            text: list[str] = []
            boxes: list[Rect] = []
            for span in line.get("spans", []):
                for ch in span.get("chars", []):
                    text.append(ch["c"])
                    boxes.append(to_display(page, ch["bbox"]) if rotated else tuple(ch["bbox"]))
            if "".join(text).strip():
                bbox = to_display(page, line["bbox"]) if rotated else tuple(line["bbox"])
                lines.append(TextLine("".join(text), tuple(boxes), bbox))
    has_layer = bool(lines) or bool(page.get_text("text").strip())
    if not has_layer:  # a scan: its OCR reading, if the archive has one
        lines = _ocr_lines(page)
        has_layer = bool(lines)
    return PageChars(index, tuple(lines), has_layer)


def _ocr_lines(page: pymupdf.Page) -> list[TextLine]:
    reading = ocr_reading(page.parent, page.number)
    if reading is None:
        return []
    out = []
    for text, boxes in reading.lines():
        shown = tuple(to_display(page, box) for box in boxes)
        x0, y0 = min(b[0] for b in shown), min(b[1] for b in shown)
        x1, y1 = max(b[2] for b in shown), max(b[3] for b in shown)
        out.append(TextLine(text, shown, (x0, y0, x1, y1)))
    return out


def _mostly_inside(bbox: Rect, clip: pymupdf.Rect) -> bool:
    cx = (bbox[0] + bbox[2]) / 2
    cy = (bbox[1] + bbox[3]) / 2
    return clip.x0 <= cx <= clip.x1 and clip.y0 <= cy <= clip.y1


def has_text_layer(doc: pymupdf.Document, index: int) -> bool:
    """Whether page ``index`` has text: its own, or an OCR reading of it in the archive."""
    if doc.load_page(index).get_text("text").strip():
        return True
    reading = ocr_reading(doc, index)
    return reading is not None and bool(reading.words)


def outline(doc: pymupdf.Document) -> list[OutlineEntry]:
    """The document's outline as a flat list in order; ``level`` starts at 1."""
    entries = []
    for item in doc.get_toc(simple=True):
        level, title, page = item[0], item[1], item[2]
        entries.append(
            OutlineEntry(level=level, title=title.strip(), page=page - 1 if page > 0 else -1)
        )
    return entries
