"""One page through OCR: render it to a grey image, level and upright, and read it with Tesseract.

``ocr_pages`` is a ``core.pdf.sandbox`` job: the PDF is opened and rendered in a child process
under the sandbox's memory limit and deadline (a hostile scan costs that process, never the
window), and Tesseract runs as that child's own child. Before it is read, a page is levelled
(``deskew``: a page fed in crooked by 2° lost Tesseract nine words in ten) and, if its lines run
down it, turned a quarter, the way Tesseract's orientation detection says. A page whose reading is
still weak (few words, low confidence) is shown to the orientation detection once more and read
again if that says it is upside down or turned; the better reading is kept.

The pages of one job are read by one Tesseract process (``tesseract.recognise_many``): its
language models load once for them. A scan is read at the resolution it was scanned at (its one image's), between 200 and 300 dpi: a
200 dpi scan rendered at 300 gives Tesseract 2.25 times the pixels and no more to read.
"""

from __future__ import annotations

from vlnl_desktop.core.ocr import deskew, tesseract
from vlnl_desktop.core.ocr.words import OcrPage

DPI = 300
MIN_DPI = 200
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
    """``dpi``, or the scan's own resolution if the page is one image (not below ``MIN_DPI``),
    and never so many pixels that a poster takes the process's memory."""
    width, height = page.rect.width / 72, page.rect.height / 72
    area = max(width * height, 1e-6)
    try:
        images = page.get_image_info()
    except Exception:  # MuPDF's own errors: the page is read at the given resolution
        images = []
    for info in images:
        x0, y0, x1, y1 = info["bbox"]
        if (x1 - x0) * (y1 - y0) >= 0.9 * page.rect.width * page.rect.height and x1 > x0:
            scanned = round(info["width"] / ((x1 - x0) / 72))
            dpi = max(MIN_DPI, min(dpi, scanned))
            break
    fitting = int((MAX_PIXELS / area) ** 0.5)
    return max(36, min(dpi, fitting))


def _image(page, dpi: int, turn: float):
    """The page as a grey PNM at ``dpi`` turned by ``turn`` degrees, and the matrix from its
    pixels to the page's unrotated points."""
    import pymupdf

    zoom = pymupdf.Matrix(dpi / 72, dpi / 72)
    if turn:
        zoom.prerotate(turn)
    pix = page.get_pixmap(matrix=zoom, colorspace=pymupdf.csGRAY, alpha=False)
    origin = pymupdf.Matrix(1, 1).pretranslate(pix.x, pix.y)
    return pix.tobytes("pnm"), tuple(origin * ~zoom * page.derotation_matrix)


def _read(page, dpi, quarter: int, skew: float, languages, alive, nice) -> OcrPage:
    pnm, transform = _image(page, dpi, quarter + skew)
    words = tesseract.recognise(pnm, languages, alive, nice)
    return OcrPage(page.number + 1, tuple(words), transform, dpi, quarter)  # type: ignore[arg-type]


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


def _prepare(page, dpi: int, alive, nice: int) -> tuple[int, int, float, tuple | None]:
    """How to read ``page``: (dpi, quarter turn, skew, its image if already made)."""
    dpi = _dpi_for(page, dpi)
    turned, skew = deskew.lie(page)
    if not turned:
        return dpi, 0, skew, None
    # which quarter: Tesseract's orientation detection on the page turned one way
    image = _image(page, dpi, 90 + skew)
    quarter = (90 + tesseract.orientation(image[0], alive, nice)) % 360
    return dpi, quarter, skew, image if quarter == 90 else None


def _second_look(page, read: OcrPage, skew: float, languages, alive, nice) -> OcrPage:
    """A weak reading: read again the way the orientation detection says, if it says turn."""
    if not _weak(read):
        return read
    again_turn = tesseract.orientation(_image(page, read.dpi, read.rotation + skew)[0], alive, nice)
    if not again_turn:
        return read
    quarter = (read.rotation + again_turn) % 360
    again = _read(page, read.dpi, quarter, skew, languages, alive, nice)
    return again if not _weak(again) or _score(again) >= _score(read) else read


def ocr_page(
    doc, index: int, languages: str, dpi: int = DPI, alive=lambda: None, nice: int = 0
) -> OcrPage:
    """The OCR of page ``index`` (0-based) of an open ``pymupdf.Document``."""
    return read_pages(doc, [index], languages, dpi, alive, nice)[0]


def read_pages(
    doc, indexes: list[int], languages: str, dpi: int = DPI, alive=lambda: None, nice: int = 0
) -> list[OcrPage]:
    """The OCR of pages ``indexes`` (0-based) of an open ``pymupdf.Document``, read by one
    Tesseract process (a page that reads weakly gets a second look of its own)."""
    pages, plans, images = [], [], []
    for index in indexes:
        alive()
        page = doc.load_page(index)
        dpi_used, quarter, skew, image = _prepare(page, dpi, alive, nice)
        pages.append(page)
        plans.append((dpi_used, quarter, skew))
        images.append(image or _image(page, dpi_used, quarter + skew))
    found = tesseract.recognise_many([pnm for pnm, _t in images], languages, alive, nice)
    out = []
    for page, (dpi_used, quarter, skew), (_pnm, transform), words in zip(
        pages, plans, images, found, strict=True
    ):
        read = OcrPage(page.number + 1, tuple(words), transform, dpi_used, quarter)
        out.append(_second_look(page, read, skew, languages, alive, nice))
    return out


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

    return read_pages(_document(path, password), pages, languages, dpi, sandbox.alive, nice)
