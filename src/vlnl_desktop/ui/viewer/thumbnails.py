"""The side panel's page thumbnails, rendered only for the rows in view, on the renderer's "thumbs" channel."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QSize, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QIcon, QImage, QPixmap
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from vlnl_desktop.workers.image_cache import CacheKey
from vlnl_desktop.workers.render_client import RenderClient
from vlnl_desktop.workers.render_protocol import DocumentInfo, RenderJob

THUMB_WIDTH = 96
FILL_DELAY_MS = 300


class ThumbnailList(QListWidget):
    """Page thumbnails, rendered only for the rows in view, on the renderer's "thumbs" channel.

    The rows are filled shortly after the first page in view has been rendered (or after ``FILL_DELAY_MS``
    at the latest), not when the document opens: for a long document filling them takes tens of
    milliseconds, which would otherwise delay the page the user asked for.
    """

    page_activated = Signal(int)
    """The user picked a page (0-based)."""

    def __init__(self, client: RenderClient, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._client = client
        self._info: DocumentInfo | None = None
        self._done: set[int] = set()
        self._filled = True
        self._current = -1
        self.setViewMode(QListWidget.ViewMode.IconMode)
        self.setFlow(QListWidget.Flow.TopToBottom)
        self.setWrapping(False)
        self.setMovement(QListWidget.Movement.Static)
        self.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.setUniformItemSizes(True)
        self.setSpacing(6)
        self.setIconSize(QSize(THUMB_WIDTH, round(THUMB_WIDTH * 1.42)))
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(50)
        self._fill_timer = QTimer(self)
        self._fill_timer.setSingleShot(True)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self._timer.timeout.connect(self._on_timer)
        self._fill_timer.timeout.connect(self._fill)
        self.verticalScrollBar().valueChanged.connect(self._on_scrolled)
        self.itemClicked.connect(self._on_item_activated)
        self.itemActivated.connect(self._on_item_activated)
        self._client.page_rendered.connect(self._on_page_rendered)

    def set_document(self, info: DocumentInfo | None, keep_rows: bool = False) -> None:
        """List the pages of ``info`` with blank icons (soon); thumbnails come as rows scroll into view.

        With ``keep_rows`` (and no ``info``) the old rows stay, hidden, until the next document fills
        the list: removing a thousand rows takes milliseconds the page being opened should not wait for.
        """
        self._done.clear()
        self._info = info
        if info is None:
            self._fill_timer.stop()
            self._filled = not keep_rows
            if keep_rows:
                self.setUpdatesEnabled(False)
            else:
                self._clear_rows()
            return
        self._filled = False
        self._fill_timer.start(FILL_DELAY_MS)

    def _clear_rows(self) -> None:
        self.clear()
        self.setUpdatesEnabled(True)

    def set_page_sizes(self, sizes: list[tuple[float, float]]) -> None:
        """Use the exact page sizes (for the thumbnails' heights) instead of the estimate."""
        if self._info is not None and len(sizes) == len(self._info.page_sizes):
            self._info = dataclasses.replace(self._info, page_sizes=list(sizes), sizes_exact=True)

    @property
    def filled(self) -> bool:
        """Whether the rows of the document's pages are there."""
        return self._filled

    @Slot()
    def _fill(self) -> None:
        if self._filled or self._info is None:
            return
        self._filled = True
        self._clear_rows()
        blank = QPixmap(self.iconSize())
        blank.fill(Qt.GlobalColor.white)
        icon = QIcon(blank)
        for i in range(len(self._info.page_sizes)):
            item = QListWidgetItem(icon, str(i + 1))
            item.setTextAlignment(Qt.AlignmentFlag.AlignHCenter)
            self.addItem(item)
        if self._current >= 0:
            self.set_current_page(self._current)
        self._timer.start()

    def set_current_page(self, page: int) -> None:
        """Mark ``page`` as the current one and scroll it into view."""
        self._current = page
        item = self.item(page) if self._filled else None  # (old rows may still be there)
        if item is not None:
            self.blockSignals(True)
            self.setCurrentItem(item)
            self.blockSignals(False)
            self.scrollToItem(item)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self._timer.start()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._timer.start()

    @Slot()
    def _on_scrolled(self) -> None:
        self._timer.start()

    @Slot()
    def _on_timer(self) -> None:
        if self._info is None or not self._filled or not self.isVisible():
            return
        dpr = self.devicePixelRatioF()
        area = self.viewport().rect()
        jobs = []
        for row in range(self.count()):
            if row in self._done:
                continue
            if not self.visualItemRect(self.item(row)).intersects(area):
                continue
            w, h = self._info.page_sizes[row]
            width = round(THUMB_WIDTH * dpr)
            height = round(THUMB_WIDTH * h / w * dpr) if w else width
            jobs.append(RenderJob(CacheKey(self._client.doc_id, row, 0, width, height)))
        self._client.set_jobs("thumbs", jobs)

    @Slot(str, object, QImage)
    def _on_page_rendered(self, channel: str, key: CacheKey, image: QImage) -> None:
        if channel == "view" and not self._filled and self._fill_timer.remainingTime() > 30:
            self._fill_timer.start(30)  # after the view has painted it
            return
        if channel != "thumbs" or image.isNull() or self.item(key.page) is None:
            return
        pixmap = QPixmap.fromImage(image)
        pixmap.setDevicePixelRatio(self.devicePixelRatioF())
        self.item(key.page).setIcon(QIcon(pixmap))
        self._done.add(key.page)

    @Slot(QListWidgetItem)
    def _on_item_activated(self, item: QListWidgetItem) -> None:
        if self._filled:
            self.page_activated.emit(self.row(item))
