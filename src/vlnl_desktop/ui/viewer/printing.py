"""Printing: the print dialog (which pages, on which printer) and the job that prints them, one page
at a time rendered by the worker at print resolution on the "print" channel."""

from __future__ import annotations

from PySide6.QtCore import QObject, QRect, Qt, Signal, Slot
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QWidget

from vlnl_desktop.workers.image_cache import CacheKey
from vlnl_desktop.workers.render_client import RenderClient
from vlnl_desktop.workers.render_protocol import RenderJob

PRINT_DPI = 300


def file_name_for(title: str) -> str:
    """``title`` as a PDF file name, which the print dialog offers when printing to a file: without
    the characters file systems refuse, at most 100 characters, and ".pdf" (Qt's dialog drops
    what follows the last dot, which would otherwise cut a title such as "Rapport 2.0 …")."""
    cleaned = "".join("-" if c in '/\\:*?"<>|' or ord(c) < 32 else c for c in title)
    return (" ".join(cleaned.split())[:100].strip(" .-") or "document") + ".pdf"


def ask_printer(parent: QWidget, doc_name: str, page_count: int):
    """Ask for a printer and the pages to print; returns (printer, 0-based pages), None if cancelled.
    ``doc_name`` names the job, and the file when printing to one."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(doc_name)
    dialog = QPrintDialog(printer, parent)
    dialog.setMinMax(1, page_count)
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return None
    first, last = printer.fromPage(), printer.toPage()
    pages = list(range(first - 1, last)) if first > 0 else list(range(page_count))
    return printer, pages


class PrintJob(QObject):
    """Prints pages on a ``QPrinter``, asking the worker for one page at a time on the "print" channel."""

    finished = Signal(int)
    """Printing ended: 1 if it went well, else 0."""

    def __init__(
        self, client: RenderClient, printer, sizes, pages: list[int], parent: QObject | None = None
    ):
        super().__init__(parent)
        self._client = client
        self._printer = printer
        self._sizes = sizes
        self._pages = list(pages)
        self._painter = QPainter()
        self._first = True
        self._key: CacheKey | None = None

    def start(self) -> None:
        """Begin printing."""
        if not self._pages or not self._painter.begin(self._printer):
            self.finished.emit(0)
            return
        self._client.page_rendered.connect(self._on_page_rendered)
        self._request_next()

    def _request_next(self) -> None:
        page = self._pages[0]
        w, h = self._sizes[page]
        dpi = min(self._printer.resolution(), PRINT_DPI)
        self._key = CacheKey(self._client.doc_id, page, 0, round(w / 72 * dpi), round(h / 72 * dpi))
        self._client.set_jobs("print", [RenderJob(self._key)])

    @Slot(str, object, QImage)
    def _on_page_rendered(self, channel: str, key: CacheKey, image: QImage) -> None:
        if channel != "print" or key != self._key:
            return
        if not self._first:
            self._printer.newPage()
        self._first = False
        if not image.isNull():
            area = self._printer.pageLayout().paintRectPixels(self._printer.resolution())
            size = image.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
            target = QRect(0, 0, size.width(), size.height())
            target.moveCenter(QRect(0, 0, area.width(), area.height()).center())
            self._painter.drawImage(target, image)
        self._pages.pop(0)
        if self._pages:
            self._request_next()
        else:
            self._client.page_rendered.disconnect(self._on_page_rendered)
            self._painter.end()
            self.finished.emit(1)
