"""The text selection: the rectangle the user dragged, the page it is on, and its text, which the render
thread reads (the GUI never touches the document); copied to the clipboard once it has arrived."""

from __future__ import annotations

from PySide6.QtCore import QObject, QRectF, Signal, Slot
from PySide6.QtGui import QGuiApplication

from vlnl_desktop.ui.viewer.layout import PageLayout
from vlnl_desktop.workers.render_client import RenderClient


class TextSelection(QObject):
    """One selection at a time; a new drag, a new document or a rotation clears it."""

    changed = Signal(int)
    """Whether there is a selection to copy (1 or 0)."""
    no_text_layer = Signal()
    """The selection's text came back empty from a page without a text layer."""

    def __init__(self, client: RenderClient, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._client = client
        self.rect: QRectF | None = None
        """The selected rectangle in content pixels, None without a selection."""
        self._page = -1
        self._request = 0
        self._text: str | None = None
        self._copy_pending = False
        self._client.text_ready.connect(self._on_text_ready)

    @property
    def text(self) -> str | None:
        """The text of the selection, None while it is being read or without a selection."""
        return self._text

    def clear(self) -> None:
        """Select nothing."""
        self.rect = None
        self._page = -1
        self._text = None
        self._copy_pending = False
        self.changed.emit(0)

    def finish(self, layout: PageLayout) -> None:
        """The drag of ``rect`` ended: ask for the text under it on the page it covers most."""
        sel = self.rect
        best = layout.most_covered(sel)
        if best < 0:
            self.clear()
            return
        inverse, _ok = layout.transform(best).inverted()
        r = inverse.mapRect(sel.intersected(layout[best]))
        self._page = best
        self._text = None
        self._request = self._client.request_text(best, (r.left(), r.top(), r.right(), r.bottom()))
        self.changed.emit(1)

    def copy(self) -> None:
        """Copy the selected text to the clipboard (as soon as it has been read)."""
        if self.rect is None:
            return
        if self._text is None:
            self._copy_pending = True
        else:
            self._copy_now()

    def _copy_now(self) -> None:
        if self._text and self._text.strip():
            QGuiApplication.clipboard().setText(self._text)

    @Slot(int, int, str, int)
    def _on_text_ready(self, request_id: int, page: int, text: str, has_layer: int) -> None:
        if request_id != self._request:
            return
        self._text = text
        if not text.strip() and not has_layer:
            self.no_text_layer.emit()
        if self._copy_pending:
            self._copy_pending = False
            self._copy_now()
