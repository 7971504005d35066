"""The viewer's work on a document, as jobs for a sandbox child (``core.pdf.sandbox``).

The viewer never opens a PDF in its own process: a decompression bomb or a billion-laughs page
makes MuPDF allocate gigabytes and hold the GIL for as long as it draws (15 s measured), which
would freeze the window. Its render thread sends these jobs to a child with a memory limit and a
deadline instead; a page over either costs the child, which is replaced, not the window.

The child keeps the document open between jobs (``held``): every job names it by path and
password, so a child that replaced a killed one opens it again on its first job. Pixels come back
through ``SharedPixels``, a buffer both processes map: the child draws straight into it and the
parent copies it once into its image, instead of pickling megabytes through the pipe.
"""

from __future__ import annotations

import contextlib
import ctypes
import mmap
import os
import tempfile
from dataclasses import dataclass
from typing import TYPE_CHECKING

from vlnl_desktop.core.errors import PdfProblem

if TYPE_CHECKING:
    import pymupdf

    from vlnl_desktop.core.pdf.document import OutlineEntry, PageChars, Rect
    from vlnl_desktop.core.pdf.links import PdfLink

Source = tuple[str, str | None]
"""A document as the jobs name it: its path and password (None if it has none)."""

_held: dict[Source, pymupdf.Document] = {}  # in a child: the document open now
_stale: list[pymupdf.Document] = []  # in a child: documents replaced, closed by ``close_stale``


def held(source: Source) -> pymupdf.Document:
    """The document ``source``, opened through ``gate.open_pdf`` on first use and kept open; the one
    open before is closed by the next ``close_stale`` (closing a long one takes milliseconds, which
    must not delay the new one's first page)."""
    from vlnl_desktop.core.pdf.gate import open_pdf

    doc = _held.get(source)
    if doc is None:
        doc = open_pdf(*source)
        _stale.extend(_held.values())
        _held.clear()
        _held[source] = doc
    return doc


def close_stale() -> None:
    """Close the documents ``held`` replaced."""
    while _stale:
        _stale.pop().close()


@dataclass(frozen=True)
class Opened:
    """A document opened for the viewer: its page count, and the page asked for (clamped to the
    document) with its size in points."""

    page_count: int
    page: int
    size: tuple[float, float]


def open_document(source: Source, page: int) -> Opened:
    """Open ``source`` (``PdfProblem`` if it cannot be; ``OSError`` is made ``PdfProblem``
    "unreadable") and read the size of ``page``."""
    from vlnl_desktop.core.pdf import document

    try:
        doc = held(source)
    except OSError as exc:
        raise PdfProblem("unreadable", exc.strerror or str(exc)) from None
    count = doc.page_count
    page = min(max(page, 0), count - 1)
    try:
        size = document.page_size(doc, page)
    except Exception:  # noqa: BLE001 - MuPDF's own errors: a damaged page tree
        raise PdfProblem("damaged", f"page {page + 1} cannot be read") from None
    return Opened(count, page, size)


def page_sizes(source: Source, start: int, stop: int) -> list[tuple[float, float]]:
    """The sizes of pages ``start`` up to ``stop``; a page that cannot be read keeps its
    neighbour's size (it shows blank)."""
    from vlnl_desktop.core.pdf import document

    doc = held(source)
    try:
        return document.page_sizes(doc, start, stop)
    except RuntimeError:
        sizes: list[tuple[float, float]] = []
        for i in range(start, min(stop, doc.page_count)):
            try:
                sizes.append(document.page_size(doc, i))
            except RuntimeError:
                sizes.append(sizes[-1] if sizes else (612.0, 792.0))
        return sizes


def outline(source: Source) -> list[OutlineEntry]:
    from vlnl_desktop.core.pdf import document
    from vlnl_desktop.core.pdf.gate import take_warnings

    try:
        return document.outline(held(source))
    finally:
        take_warnings("outline")


def page_links(source: Source, page: int) -> list[PdfLink]:
    from vlnl_desktop.core.pdf import links

    return links.page_links(held(source), page)


def page_chars(source: Source, page: int) -> PageChars:
    from vlnl_desktop.core.pdf import document

    return document.page_chars(held(source), page)


def page_text(source: Source, page: int, rect: Rect | None) -> tuple[str, bool]:
    """The text of ``page`` inside ``rect`` (display points; None: all of it), and whether the page
    has a text layer."""
    from vlnl_desktop.core.pdf import document

    doc = held(source)
    text = document.page_text(doc, page) if rect is None else document.text_in_rect(doc, page, rect)
    return text, bool(text.strip()) or document.has_text_layer(doc, page)


@dataclass(frozen=True)
class Drawn:
    """What ``render`` drew into the shared buffer: ``width`` × ``height`` pixels, rows of
    ``4 * width`` bytes from its start; or, if ``needs`` is set, nothing: the buffer must first
    grow to that many bytes."""

    width: int
    height: int
    needs: int = 0


def render(
    source: Source,
    page: int,
    rotation: int,
    width: int,
    height: int,
    clip: tuple[int, int, int, int] | None,
    pixels: tuple[str, int],
) -> Drawn:
    """Draw ``page`` scaled to ``width`` × ``height`` device pixels (``height`` 0: keep its
    proportions), rotated by ``rotation``, only the ``clip`` (x, y, w, h in device pixels of the
    whole rotated page) if given, into the shared buffer ``pixels`` (``SharedPixels.handle``) as
    opaque white 0xAARRGGBB words (what Qt calls ``Format_RGB32``)."""
    import pymupdf

    from vlnl_desktop.core.pdf import document

    loaded = held(source).load_page(page)
    rect = loaded.rect
    turned = rotation in (90, 270)
    rotated_width, rotated_height = (
        (rect.height, rect.width) if turned else (rect.width, rect.height)
    )
    # Scaled to exactly ``width`` × ``height`` pixels, the rectangle the view paints the page in:
    # one zoom for both would make the image a pixel taller or shorter than that now and then, and
    # the view would have to resample it (slower, and blurred).
    zoom_x = width / rotated_width if rotated_width else 1.0
    zoom_y = height / rotated_height if rotated_height and height else zoom_x
    matrix = pymupdf.Matrix(zoom_x, zoom_y).prerotate(rotation)
    area = None
    if clip is not None:
        whole = rect * matrix
        x, y, w, h = clip
        device = pymupdf.Rect(whole.x0 + x, whole.y0 + y, whole.x0 + x + w, whole.y0 + y + h)
        area = device * ~matrix
        area.normalize()
    box = document.render_box(loaded, matrix, area)
    drawn_width, drawn_height = box[2] - box[0], box[3] - box[1]
    size = 4 * drawn_width * drawn_height
    if size <= 0:
        return Drawn(0, 0)
    buffer = _mapped(pixels)
    if size > len(buffer):
        return Drawn(drawn_width, drawn_height, needs=size)
    view = memoryview(buffer)[:size]
    ctypes.memset(ctypes.addressof(ctypes.c_char.from_buffer(view)), 0xFF, size)
    document.render_into(loaded, matrix, box, view, 4 * drawn_width)
    view.release()
    return Drawn(drawn_width, drawn_height)


_mapping: tuple[tuple[str, int], mmap.mmap] | None = None  # in a child: the buffer it draws into


def _mapped(handle: tuple[str, int]) -> mmap.mmap:
    """The shared buffer ``handle`` (its path and size), mapped once per size."""
    global _mapping
    if _mapping is not None and _mapping[0] == handle:
        return _mapping[1]
    if _mapping is not None:
        with contextlib.suppress(BufferError):
            _mapping[1].close()
        _mapping = None
    path, size = handle
    fd = os.open(path, os.O_RDWR)
    try:
        _mapping = (handle, mmap.mmap(fd, size))
    finally:
        os.close(fd)
    return _mapping[1]


class SharedPixels:
    """A buffer the viewer's process and its sandbox child both map, for one image at a time.

    On Linux it is a memory file that no folder lists (``memfd_create``; the child opens it through
    ``/proc``): nothing is left behind if the app is killed. Elsewhere it is a temporary file,
    removed by ``close``."""

    def __init__(self) -> None:
        self._path = ""
        self._fd = -1
        self._map: mmap.mmap | None = None
        self.size = 0

    @property
    def handle(self) -> tuple[str, int]:
        """What ``render`` takes: the path the child opens, and the size it maps."""
        return self._path, self.size

    def ensure(self, size: int) -> None:
        """Grow the buffer to hold at least ``size`` bytes."""
        if size <= self.size:
            return
        if self._fd < 0:
            if hasattr(os, "memfd_create") and os.path.isdir(f"/proc/{os.getpid()}/fd"):
                self._fd = os.memfd_create("vlnl-pixels")
                self._path = f"/proc/{os.getpid()}/fd/{self._fd}"
            else:
                self._fd, self._path = tempfile.mkstemp(prefix="vlnl-pixels-")
        size = max(size, 4 << 20, self.size * 2)
        if self._map is not None:
            self._map.close()
        os.ftruncate(self._fd, size)
        self._map = mmap.mmap(self._fd, size)
        self.size = size

    def read_into(self, target: memoryview, size: int) -> None:
        """Copy the first ``size`` bytes of the buffer into ``target``."""
        target[:size] = memoryview(self._map)[:size]

    def close(self) -> None:
        if self._map is not None:
            self._map.close()
            self._map = None
        if self._fd >= 0:
            os.close(self._fd)
            if not self._path.startswith("/proc/"):
                with contextlib.suppress(OSError):
                    os.unlink(self._path)
            self._fd = -1
        self.size = 0
