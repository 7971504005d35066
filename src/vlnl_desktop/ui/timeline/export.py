"""The whole timeline as a picture file: PNG (pixels, at a scale) or SVG (texts stay text).

The scene is unpinned while it is drawn, so the export shows the top band, the names and the legend
at the origin, and every lane over the full span — not only what the window shows. These functions
say only whether the file was written; the view turns a failure into its words.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtSvg import QSvgGenerator

from vlnl_desktop.ui.timeline.scene import TimelineScene


def _render(scene: TimelineScene, painter: QPainter, target: QRectF, visible: QRectF) -> None:
    scene.unpin()
    try:
        scene.render(painter, target, scene.sceneRect())
    finally:
        scene.pin_to(visible)


def write_png(scene: TimelineScene, path: str | Path, visible: QRectF, scale: float = 2.0) -> bool:
    """Draw the scene at ``scale`` into a PNG; ``visible``: where to pin it again afterwards."""
    rect = scene.sceneRect()
    size = QSize(max(1, round(rect.width() * scale)), max(1, round(rect.height() * scale)))
    image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
    image.setDevicePixelRatio(1.0)
    image.fill(scene.colors.background if scene.colors else QColor("white"))
    painter = QPainter(image)
    painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
    try:
        _render(scene, painter, QRectF(0, 0, size.width(), size.height()), visible)
    finally:
        painter.end()
    return image.save(str(path), "PNG")


def write_svg(
    scene: TimelineScene, path: str | Path, visible: QRectF, *, title: str, description: str
) -> bool:
    """Draw the scene into an SVG file with ``title`` and ``description`` in its metadata."""
    path = Path(path)
    rect = scene.sceneRect()
    generator = QSvgGenerator()
    generator.setFileName(str(path))
    generator.setSize(QSize(round(rect.width()), round(rect.height())))
    generator.setViewBox(QRectF(0, 0, rect.width(), rect.height()))
    generator.setTitle(title)
    generator.setDescription(description)
    painter = QPainter()
    if not painter.begin(generator):
        return False
    try:
        whole = QRectF(0, 0, rect.width(), rect.height())
        if scene.colors:
            painter.fillRect(whole, scene.colors.background)
        _render(scene, painter, whole, visible)
    finally:
        painter.end()
    return path.is_file() and path.stat().st_size > 0
