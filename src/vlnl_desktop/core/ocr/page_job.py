"""One page through OCR: render it to a grey image, read it with Tesseract, and turn a page that
was scanned sideways or upside down until it reads.

``ocr_pages`` is a ``core.pdf.sandbox`` job: the PDF is opened and rendered in a child process
under the sandbox's memory limit and deadline (a hostile scan costs that process, never the
window), and Tesseract runs as that child's own child. A page whose first reading is weak (few
words, low confidence) is shown to Tesseract's orientation detection; if that says the text is
turned, the page is rendered turned and read again, and the better reading is kept.
"""

from __future__ import annotations

from vlnl_desktop.core.ocr import tesseract
from vlnl_desktop.core.ocr.words import OcrPage

DPI = 300
MAX_PIXELS = 36_000_000  # an A4 page at 300 dpi is 8.7 million; a poster is read at less
_WEAK_CONFIDENCE = 70.0
_WEAK_WORDS = 10

_opened: dict[tuple[str, str | None], object] = {}  # in a sandbox child: the last document


def _document(path: str, password: str | None):
    from vlnl_desktop.core.pdf.gate import open_pdf

    key = (path, password)
    if key not in _opened:
        for doc in _opened.values():
            doc.close()  # type: ignore[attr-defined]
        _opened.clear()
        _opened[key] = open_pdf(path, password)
    return _opened[key]


def _dpi_for(page, dpi: int) -> int:
    width, height = page.rect.width / 72, page.rect.height / 72
    area = max(width * height, 1e-6)
    fitting = int((MAX_PIXELS / area) ** 0.5)
    return max(36, min(dpi, fitting))


def _read(page, dpi: int, turn: int, languages: str, alive, nice: int) -> OcrPage:
    import pymupdf

    zoom = pymupdf.Matrix(dpi / 72, dpi / 72)
    if turn:
        zoom.prerotate(turn)
    pix = page.get_pixmap(matrix=zoom, colorspace=pymupdf.csGRAY, alpha=False)
    image = pix.tobytes("pnm")
    origin = pymupdf.Matrix(1, 0, 0, 1, pix.x, pix.y)
    transform = origin * ~zoom * page.derotation_matrix
    del pix
    words = tesseract.recognise(image, languages, alive, nice)
    read = OcrPage(page.number + 1, tuple(words), tuple(transform), dpi, turn)  # type: ignore[arg-type]
    if turn or not _weak(read):
        return read
    turned = tesseract.orientation(image, alive, nice)
    if not turned:
        return read
    again = _read(page, dpi, turned, languages, alive, nice)
    return again if not _weak(again) or _score(again) >= _score(read) else read


def _weak(read: OcrPage) -> bool:
    """Few words, low confidence, or lines that run down the image (Tesseract reads a page
    scanned sideways, but its boxes then stand upright and its letters cannot be placed)."""
    long_words = [w for w in read.words if len(w.text) >= 3]
    upright = sum(1 for w in long_words if w.bottom - w.top > w.right - w.left)
    return (
        len(read.words) < _WEAK_WORDS
        or (read.confidence or 0.0) < _WEAK_CONFIDENCE
        or upright * 2 > len(long_words)
    )


def _score(read: OcrPage) -> float:
    return sum(w.confidence for w in read.words if w.confidence > 0)


def ocr_page(
    doc, index: int, languages: str, dpi: int = DPI, alive=lambda: None, nice: int = 0
) -> OcrPage:
    """The OCR of page ``index`` (0-based) of an open ``pymupdf.Document``."""
    page = doc.load_page(index)
    return _read(page, _dpi_for(page, dpi), 0, languages, alive, nice)


def ocr_pages(
    path: str,
    password: str | None,
    pages: list[int],
    languages: str,
    dpi: int = DPI,
    nice: int = 0,
) -> list[OcrPage]:
    """The OCR of ``pages`` (0-based) of the PDF at ``path``: a sandbox job (the child keeps the
    document open between jobs); Tesseract runs ``nice`` steps below normal priority."""
    from vlnl_desktop.core.pdf import sandbox

    doc = _document(path, password)
    out = []
    for index in pages:
        sandbox.alive()
        out.append(ocr_page(doc, index, languages, dpi, sandbox.alive, nice))
    return out
