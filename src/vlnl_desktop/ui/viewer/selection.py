"""The text selection, as readers select: by character in reading order from where the mouse went
down to where it is (across lines and pages), by word (double-click), by line (triple-click), the
whole page (Ctrl+A); or, for tables, the rectangle dragged with Alt held.

The characters and their boxes come from the render thread (``RenderClient.request_chars``; the GUI
never touches the document) and are kept per page; where they are in reading order is
``reading_order.PageText``'s. The text is copied to the clipboard once every page of it has arrived.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QRectF, Signal, Slot
from PySide6.QtGui import QGuiApplication

from vlnl_desktop.core.pdf.document import PageChars, Rect
from vlnl_desktop.ui.viewer.layout import PageLayout
from vlnl_desktop.ui.viewer.reading_order import PageText
from vlnl_desktop.workers.render_client import RenderClient

_KEPT_PAGES = 32  # pages of characters kept besides those of the selection

Place = tuple[int, float, float]
"""A point on a page: page (0-based), x and y in display points."""


class TextSelection(QObject):
    """One selection at a time; a new one, a new document or a rotation clears it."""

    changed = Signal(int)
    """The selection changed (or its characters arrived): whether there is one to copy (1 or 0)."""
    no_text_layer = Signal()
    """The page where a selection started has no text layer."""

    def __init__(self, client: RenderClient, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._client = client
        self._pages: dict[int, PageText] = {}
        self._asked: set[int] = set()
        self._anchor: Place | None = None
        self._focus: Place | None = None
        self._unit = "char"
        self._range: tuple[tuple[int, int], tuple[int, int]] | None = None
        self.rect: QRectF | None = None
        """The rectangle dragged with Alt held, in content pixels; None in the other modes."""
        self._rect_request = 0
        self._rect_text: str | None = None
        self._copy_pending = False
        self._client.chars_ready.connect(self._on_chars_ready)
        self._client.text_ready.connect(self._on_text_ready)

    # --- what is selected ---

    @property
    def has_selection(self) -> bool:
        """Whether something is selected (its text may still be on its way)."""
        if self.rect is not None:
            return True
        return self._range is not None and self._range[0] < self._range[1]

    @property
    def text(self) -> str | None:
        """The selected text, None without a selection or while it is being read."""
        if self.rect is not None:
            return self._rect_text
        if not self.has_selection:
            return None
        (first, start), (last, end) = self._range
        if any(page not in self._pages for page in range(first, last + 1)):
            return None
        pieces = []
        for page in range(first, last + 1):
            text = self._pages[page]
            a = start if page == first else 0
            b = end if page == last else text.length
            pieces.append(text.text_between(a, b))
        return "\n".join(piece for piece in pieces if piece)

    def pieces(self) -> list[tuple[int, list[Rect], str]] | None:
        """The reading-order selection page by page: (page, its line boxes in display points,
        its text); None without one or while its characters are on their way."""
        if self.rect is not None or not self.has_selection or self.text is None:
            return None
        (first, start), (last, end) = self._range
        out = []
        for page in range(first, last + 1):
            text = self._pages[page]
            a, b = (start if page == first else 0), (end if page == last else text.length)
            boxes, words = text.boxes_between(a, b), text.text_between(a, b)
            if boxes and words.strip():
                out.append((page, boxes, words))
        return out

    def highlights(self, page: int) -> list[Rect]:
        """The boxes to paint as selected on ``page`` (display points), one per line."""
        if self._range is None or page not in self._pages:
            return []
        (first, start), (last, end) = self._range
        if not first <= page <= last:
            return []
        text = self._pages[page]
        return text.boxes_between(
            start if page == first else 0, end if page == last else text.length
        )

    # --- changing it ---

    def clear(self) -> None:
        """Select nothing."""
        self._anchor = self._focus = None
        self._range = None
        self.rect = None
        self._rect_text = None
        self._copy_pending = False
        self.changed.emit(0)

    def forget_document(self) -> None:
        """Select nothing and forget the characters read (another document is shown)."""
        self._pages.clear()
        self._asked.clear()
        self.clear()

    def prepare(self, page: int) -> None:
        """Ask for ``page``'s characters now (the mouse went down there: a drag may follow)."""
        self._ask(page)

    def begin(self, place: Place, unit: str = "char") -> None:
        """Start a selection at ``place``: of nothing yet (``unit`` "char"), or of the "word",
        "line" or "page" there; ``extend`` moves its other end."""
        self.rect = None
        self._copy_pending = False
        self._anchor = self._focus = place
        self._unit = unit
        self._ask(place[0])
        if place[0] in self._pages and not self._pages[place[0]].chars.has_text_layer:
            self.no_text_layer.emit()
        self._update()

    def extend(self, place: Place) -> None:
        """Move the selection's moving end to ``place`` (a new selection there if there is none)."""
        if self._anchor is None:
            self.begin(place)
            return
        self._focus = place
        low, high = sorted((self._anchor[0], place[0]))
        for page in range(low, high + 1):
            self._ask(page)
        self._update()

    def select_page(self, page: int) -> None:
        """Select all the text of ``page``."""
        self.begin((page, 0.0, 0.0), "page")

    @property
    def anchored(self) -> bool:
        """Whether there is a reading-order selection whose moving end ``extend`` can move."""
        return self._anchor is not None

    # --- the rectangle (Alt+drag) ---

    def set_rect(self, rect: QRectF) -> None:
        """Select the rectangle ``rect`` (content pixels) while it is dragged."""
        self._anchor = self._focus = None
        self._range = None
        self.rect = rect
        self.changed.emit(1)

    def finish_rect(self, layout: PageLayout) -> None:
        """The drag of the rectangle ended: ask for the text under it on the page it covers most."""
        sel = self.rect
        best = layout.most_covered(sel)
        if best < 0:
            self.clear()
            return
        inverse, _ok = layout.transform(best).inverted()
        r = inverse.mapRect(sel.intersected(layout[best]))
        self._rect_text = None
        box = (r.left(), r.top(), r.right(), r.bottom())
        self._rect_request = self._client.request_text(best, box)
        self.changed.emit(1)

    # --- copying ---

    def copy(self) -> None:
        """Copy the selected text to the clipboard (as soon as it has been read)."""
        waiting = self._anchor is not None and self._range is None  # its page is on its way
        if not (self.has_selection or waiting):
            return
        if self.text is None:
            self._copy_pending = True
        else:
            self._copy_now()

    def _copy_now(self) -> None:
        self._copy_pending = False
        text = self.text
        if text and text.strip():
            QGuiApplication.clipboard().setText(text)

    # --- the characters ---

    def _ask(self, page: int) -> None:
        if page >= 0 and page not in self._pages and page not in self._asked:
            self._asked.add(page)
            self._client.request_chars(page)

    def _ends(self, place: Place) -> tuple[int, int] | None:
        """The positions a selection end at ``place`` covers, None until its page has arrived."""
        page, x, y = place
        text = self._pages.get(page)
        if text is None:
            return None
        if self._unit == "word":
            return text.word_at(x, y)
        if self._unit == "line":
            return text.line_at(x, y)
        if self._unit == "page":
            return 0, text.length
        position = text.position_at(x, y)
        return position, position

    def _update(self) -> None:
        self._range = None
        if self._anchor is not None and self._focus is not None:
            anchor, focus = self._ends(self._anchor), self._ends(self._focus)
            if anchor is not None and focus is not None:
                a = (self._anchor[0], anchor[0]), (self._anchor[0], anchor[1])
                f = (self._focus[0], focus[0]), (self._focus[0], focus[1])
                self._range = (min(a[0], f[0]), max(a[1], f[1]))
        self.changed.emit(int(self.has_selection))
        if self._copy_pending and self.text is not None:
            self._copy_now()

    @Slot(int, object)
    def _on_chars_ready(self, page: int, chars: PageChars) -> None:
        if page not in self._asked:
            return
        self._asked.discard(page)
        self._pages[page] = PageText(chars)
        self._drop_old_pages()
        if self._anchor is not None and page == self._anchor[0] and not chars.has_text_layer:
            self.no_text_layer.emit()
        if self._anchor is not None:
            self._update()

    def _drop_old_pages(self) -> None:
        keep = set()
        if self._anchor is not None and self._focus is not None:
            low, high = sorted((self._anchor[0], self._focus[0]))
            keep = set(range(low, high + 1))
        for page in list(self._pages):
            if len(self._pages) <= _KEPT_PAGES + len(keep):
                break
            if page not in keep:
                del self._pages[page]

    @Slot(int, int, str, int)
    def _on_text_ready(self, request_id: int, page: int, text: str, has_layer: int) -> None:
        if request_id != self._rect_request or self.rect is None:
            return
        self._rect_text = text
        if not text.strip() and not has_layer:
            self.no_text_layer.emit()
        if self._copy_pending:
            self._copy_now()
