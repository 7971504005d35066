"""Rendering one page (or one tile of it) into a ``QImage``: drawn by the sandbox child
(``core.pdf.viewing.render``) into the buffer it shares with this process, then copied once.

Called only in the render thread (``PageRenderer``).
"""

from __future__ import annotations

from PySide6.QtGui import QImage

from vlnl_desktop.core.pdf import viewing
from vlnl_desktop.workers.image_cache import CacheKey
from vlnl_desktop.workers.render_sandbox import RenderSandbox


def render_image(
    sandbox: RenderSandbox, source: viewing.Source, key: CacheKey, pixels: viewing.SharedPixels
) -> QImage:
    """Render ``key`` of the document ``source``: the page scaled to ``key.width`` × ``key.height``
    device pixels, rotated, maybe clipped (``key.clip``: x, y, w, h in device pixels of the whole
    rotated page, so a page at 800 % costs the memory of the visible tiles only), in the format the
    view paints fastest (``Format_RGB32``: no conversion when painting).

    Raises the sandbox's ``Problem`` if the page is over its budget, ``Abandoned`` if the document
    is no longer wanted."""
    width, height = (key.clip[2], key.clip[3]) if key.clip else (key.width, key.height)
    pixels.ensure(4 * (width + 2) * (height + 2))  # the drawn box may round a pixel wider
    args = (source, key.page, key.rotation, key.width, key.height, key.clip)
    drawn = sandbox.call(viewing.render, *args, pixels.handle)
    if drawn.needs:
        pixels.ensure(drawn.needs)
        drawn = sandbox.call(viewing.render, *args, pixels.handle)
    if drawn.width <= 0 or drawn.height <= 0 or drawn.needs:
        return QImage()
    image = QImage(drawn.width, drawn.height, QImage.Format.Format_RGB32)
    if image.isNull():
        raise MemoryError(f"No memory for a {drawn.width}×{drawn.height} image")
    pixels.read_into(image.bits(), 4 * drawn.width * drawn.height)
    return image
