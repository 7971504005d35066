"""Rendering one page (or one tile of it) of an open PyMuPDF document straight into a ``QImage``.

Called only in the render thread that owns the document (``PageRenderer``).
"""

from __future__ import annotations

from PySide6.QtGui import QImage

from vlnl_desktop.workers.image_cache import CacheKey


def render_image(doc, key: CacheKey, page=None) -> QImage:
    """Render ``key`` from ``doc``: the page scaled to ``key.width`` × ``key.height`` device pixels,
    rotated, maybe clipped.

    ``key.clip`` is (x, y, w, h) in device pixels of the whole rotated page; only that part is rendered,
    so a page at 800 % costs the memory of the visible tiles only. ``page``: the page, if already loaded.

    MuPDF draws straight into the image's own pixels, in the format the view paints fastest
    (``Format_RGB32``): no display list, no pixmap to copy, no conversion when painting.
    """
    import pymupdf

    from vlnl_desktop.core.pdf import document as pdf_document

    if page is None:
        page = doc.load_page(key.page)
    rect = page.rect
    turned = key.rotation in (90, 270)
    rotated_width, rotated_height = (
        (rect.height, rect.width) if turned else (rect.width, rect.height)
    )
    # Scaled to exactly ``key.width`` × ``key.height`` pixels, the rectangle the view paints the page
    # in: one zoom for both would make the image a pixel taller or shorter than that now and then, and
    # the view would have to resample it (slower, and blurred).
    zoom_x = key.width / rotated_width if rotated_width else 1.0
    zoom_y = key.height / rotated_height if rotated_height and key.height else zoom_x
    matrix = pymupdf.Matrix(zoom_x, zoom_y).prerotate(key.rotation)
    clip = None
    if key.clip is not None:
        whole = rect * matrix
        x, y, w, h = key.clip
        device = pymupdf.Rect(whole.x0 + x, whole.y0 + y, whole.x0 + x + w, whole.y0 + y + h)
        clip = device * ~matrix
        clip.normalize()
    box = pdf_document.render_box(page, matrix, clip)
    width, height = box[2] - box[0], box[3] - box[1]
    if width <= 0 or height <= 0:
        return QImage()
    image = QImage(width, height, QImage.Format.Format_RGB32)
    if image.isNull():
        raise ValueError(f"No memory for a {width}×{height} image")
    image.fill(0xFFFFFFFF)
    pdf_document.render_into(page, matrix, box, image.bits(), image.bytesPerLine())
    return image
