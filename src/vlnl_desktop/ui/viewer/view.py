"""The scrolling page canvas: a continuous, vertically scrolling view of a PDF's pages, painted from a
cache of rendered images.

The widget holds the state that moves the scroll bars: the document, zoom, fit and rotation, the
current page, the find hits, the selection, and the keys. Its helpers, each passed what it needs:
``requests.PageRequests`` asks the renderer for the pages in view and one screen beyond (replacing the
request when the view moves, so pages that scrolled away are not rendered) and puts the images in the
cache; ``pointer.PagePointer`` is the mouse (drag to select, click a link: internal at once, external
after the user confirms, others never; Ctrl+wheel zooms); ``jumps.JumpHistory`` is back/forward;
``scroll_area.CentredScrollArea``, the base class, maps viewport to content. Where the pages are is
computed by ``layout.PageLayout``, what to render by ``render_keys``, how a page is painted (from
another size of it while it renders, in tiles at high zoom) by ``painting``.
"""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QPointF, QRectF, Qt, Signal, Slot
from PySide6.QtGui import QKeySequence, QPainter
from PySide6.QtWidgets import QWidget

from vlnl_desktop.core.pdf.links import LinkKind, PdfLink
from vlnl_desktop.ui.viewer.jumps import JumpHistory
from vlnl_desktop.ui.viewer.layout import (
    SPACING,
    PageLayout,
    clamp_zoom,
    fit_zoom,
    widest_size,
    zoom_step_down,
    zoom_step_up,
)
from vlnl_desktop.ui.viewer.links import PageLinks, leave_document
from vlnl_desktop.ui.viewer.marks import PageMarks
from vlnl_desktop.ui.viewer.painting import (
    BACKGROUND,
    paint_marks,
    paint_pages,
    paint_selection,
    paint_text_selection,
)
from vlnl_desktop.ui.viewer.pointer import PagePointer
from vlnl_desktop.ui.viewer.render_keys import FirstPageKey
from vlnl_desktop.ui.viewer.requests import PageRequests, Sight
from vlnl_desktop.ui.viewer.scroll_area import CentredScrollArea
from vlnl_desktop.ui.viewer.selection import TextSelection
from vlnl_desktop.workers.image_cache import CacheKey, ImageCache
from vlnl_desktop.workers.render_client import RenderClient
from vlnl_desktop.workers.render_protocol import DocumentInfo


class PdfView(CentredScrollArea):
    """Shows the pages of the document open in ``client``; all document access goes through it."""

    current_page_changed = Signal(int)
    """The page mostly in view changed (0-based)."""
    zoom_changed = Signal(float)
    """The zoom factor changed (1.0 is 100 %)."""
    history_changed = Signal(int, int)
    """Whether going back and going forward are possible (1 or 0)."""
    notice = Signal(str)
    """A short message for the user (no text layer, link refused, …)."""
    selection_changed = Signal(int)
    """Whether there is a selection to copy (1 or 0)."""

    def __init__(
        self, client: RenderClient, cache: ImageCache, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._client = client
        self._cache = cache
        self._info: DocumentInfo | None = None
        self._zoom = 1.0
        self._fit: str | None = "width"
        self._rotation = 0
        self._page_rects = PageLayout([])
        self._widest = (0.0, 0.0)  # the largest page width and height in points
        self._current_page = -1
        self._links = PageLinks()
        self._hits: dict[int, list] = {}
        self._current_hit = None
        self._jumps = JumpHistory(self._position, self._go_to_place, self)
        self._selection = TextSelection(client, self)
        self.marks = PageMarks(self.viewport().update, self)  # the user's highlights
        self._requests = PageRequests(client, cache, self._links, self._sight, self.viewport())
        self._pointer = PagePointer(
            self,
            self._links,
            self._selection,
            lambda: self._page_rects,
            self._to_content,
            self.activate_link,
            self._zoom_by,
        )
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.viewport().setMouseTracking(True)
        self.viewport().setAutoFillBackground(False)
        # ``paintEvent`` covers every pixel: Qt need not paint the widgets behind the viewport first.
        self.viewport().setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self._connect_signals()
        self.retranslate_ui()

    def _connect_signals(self) -> None:
        self._jumps.changed.connect(self.history_changed)
        self._selection.changed.connect(self.selection_changed)
        self._selection.changed.connect(self.viewport().update)
        self._selection.no_text_layer.connect(self._on_no_text_layer)
        self.verticalScrollBar().valueChanged.connect(self._on_scrolled)
        self.horizontalScrollBar().valueChanged.connect(self._on_scrolled)

    def retranslate_ui(self) -> None:
        """Set every user-visible text."""
        self.setAccessibleName(self.tr("Documentweergave"))

    # --- document ---

    def set_document(self, info: DocumentInfo | None, page: int = 0) -> None:
        """Show ``info``'s document (None: nothing) at ``page`` fitted to the width, with no hits,
        selection or history."""
        self._info = info
        self._set_widest()
        self._links.clear()
        self._hits.clear()
        self._current_hit = None
        self._jumps.clear()
        self._selection.forget_document()
        self.marks.set([])
        self._current_page = -1
        if info is not None:
            self._fit = "width"
            self._zoom = self._fit_zoom()
        self._relayout()
        if info is None:
            self.verticalScrollBar().setValue(0)
        else:  # (straight there: the scroll bar changes, and repaints, only if it has to)
            self.go_to_page(page, record=False)
            self.zoom_changed.emit(self._zoom)
        self._update_current_page()
        self.viewport().update()

    def set_page_sizes(self, sizes: list[tuple[float, float]]) -> None:
        """Replace the estimated page sizes the document was laid out with by the exact ``sizes``;
        if they differ, lay out again with the same point of the current page at the top."""
        if self._info is None or len(sizes) != self.page_count:
            return
        changed = sizes != self._info.page_sizes
        self._info = dataclasses.replace(self._info, page_sizes=list(sizes), sizes_exact=True)
        if not changed:
            return
        self._set_widest()
        page = max(self._current_page, 0)
        rect = self._page_rects[page]
        offset = self.verticalScrollBar().value() - rect.top()
        fraction = offset / rect.height() if offset > 0 and rect.height() else None
        if self._fit:
            self._zoom = self._fit_zoom()
        self._relayout()
        rect = self._page_rects[page]
        top = rect.top() + (fraction * rect.height() if fraction is not None else offset)
        self.verticalScrollBar().setValue(round(top))
        self._update_current_page()
        self.zoom_changed.emit(self._zoom)
        self._requests.schedule()
        self.viewport().update()

    def _set_widest(self) -> None:
        info = self._info
        self._widest = widest_size(info.page_sizes, info.sizes_exact) if info else (0.0, 0.0)

    def hold_painting(self, msec: int) -> None:
        """Keep what is on screen until the next page image arrives, ``msec`` at most: while a document
        opens, painting its blank pages would only take the GIL from the renderer and flash grey."""
        self._requests.hold_painting(msec)

    @property
    def page_count(self) -> int:
        """Pages in the document shown, 0 if none."""
        return len(self._info.page_sizes) if self._info else 0

    def page_sizes(self) -> list[tuple[float, float]]:
        """Each page's size in points, in the page's own rotation."""
        return list(self._info.page_sizes) if self._info else []

    @property
    def current_page(self) -> int:
        """The page mostly in view (0-based), -1 without a document."""
        return self._current_page

    # --- zoom and rotation ---

    @property
    def zoom(self) -> float:
        """The zoom factor (1.0 is 100 %)."""
        return self._zoom

    @property
    def rotation(self) -> int:
        """The user's rotation in degrees clockwise: 0, 90, 180 or 270."""
        return self._rotation

    def set_zoom(self, zoom: float, anchor: QPointF | None = None) -> None:
        """Zoom to ``zoom``, keeping the content under ``anchor`` (viewport point; default its centre)."""
        self._fit = None
        self._apply_zoom(zoom, anchor)

    def zoom_in(self) -> None:
        """Zoom to the next step up."""
        self.set_zoom(zoom_step_up(self._zoom))

    def zoom_out(self) -> None:
        """Zoom to the next step down."""
        self.set_zoom(zoom_step_down(self._zoom))

    def fit_width(self) -> None:
        """Zoom so the widest page fills the width; kept on resize until the user zooms."""
        self._fit = "width"
        self._apply_zoom(self._fit_zoom())

    def fit_page(self) -> None:
        """Zoom so the current page fits whole; kept on resize until the user zooms."""
        self._fit = "page"
        page = max(self._current_page, 0)
        self._apply_zoom(self._fit_zoom())
        self.go_to_page(page, record=False)

    def rotate(self, degrees: int = 90) -> None:
        """Turn every page by ``degrees`` clockwise, staying on the current page."""
        page = max(self._current_page, 0)
        self._rotation = (self._rotation + degrees) % 360
        self._clear_selection()
        self._relayout()
        if self._fit:
            self._zoom = self._fit_zoom()
            self._relayout()
        self.go_to_page(page, record=False)

    def _zoom_by(self, factor: float, anchor: QPointF) -> None:
        self.set_zoom(self._zoom * factor, anchor)

    def _fit_zoom(self) -> float:
        if not self._info:
            return self._zoom
        page_size = self._info.page_sizes[max(self._current_page, 0)]
        avail_h = self.viewport().height() - 2 * SPACING
        args = (self._widest, page_size, self._rotation, self._available_width(), avail_h)
        return fit_zoom(self._fit or "width", *args)

    def _available_width(self) -> float:
        return self.viewport().width() - 2 * SPACING - 1

    def first_page_key(self) -> FirstPageKey:
        """For ``RenderClient.open``: how a document about to be opened will show its first page."""
        return FirstPageKey(self._available_width(), self.devicePixelRatioF(), self._rotation)

    def _apply_zoom(self, zoom: float, anchor: QPointF | None = None) -> None:
        zoom = clamp_zoom(zoom)
        if anchor is None:
            anchor = QPointF(self.viewport().width() / 2, self.viewport().height() / 2)
        page, point = self._page_point_at(anchor)
        self._zoom = zoom
        self._relayout()
        if page >= 0:
            content = self._page_rects.transform(page).map(point)
            self.horizontalScrollBar().setValue(round(content.x() + self._x_offset() - anchor.x()))
            self.verticalScrollBar().setValue(round(content.y() - anchor.y()))
        self.zoom_changed.emit(self._zoom)
        self._requests.schedule()
        self.viewport().update()

    # --- layout ---

    def _relayout(self) -> None:
        sizes = self._info.page_sizes if self._info else []
        self._page_rects = PageLayout(sizes, self._zoom, self._rotation)
        self.set_content_size(self._page_rects.width, self._page_rects.height)

    def _page_point_at(self, viewport_pos: QPointF) -> tuple[int, QPointF]:
        """The page and page point under ``viewport_pos``, or the nearest page's point in line with it."""
        if not self._page_rects:
            return -1, QPointF()
        content = self._to_content(viewport_pos)
        page = self._page_rects.nearest(content.y())
        point, _ok = self._page_rects.transform(page).inverted()
        return page, point.map(content)

    # --- navigation ---

    def go_to_page(self, page: int, y: float | None = None, record: bool = True) -> None:
        """Scroll so ``page`` (0-based) is at the top, or its point ``y`` (points from its top) is."""
        if not self._page_rects:
            return
        page = min(max(page, 0), self.page_count - 1)
        if record:
            self._jumps.before_jump()
        top = self._page_rects[page].top() - SPACING
        if y is not None and self._rotation == 0:
            top = self._page_rects.transform(page).map(QPointF(0, y)).y() - SPACING
        self.verticalScrollBar().setValue(round(top))
        self._update_current_page()
        if record:
            self._jumps.after_jump()

    def next_page(self) -> None:
        """Go to the next page."""
        self.go_to_page(self._current_page + 1, record=False)

    def previous_page(self) -> None:
        """Go to the previous page."""
        self.go_to_page(self._current_page - 1, record=False)

    def _go_to_place(self, page: int, y: float) -> None:
        self.go_to_page(page, y, record=False)

    def _position(self) -> tuple[int, float] | None:
        """Where the view is: its current page and the y (points) at the top, None without pages."""
        if not self._page_rects:
            return None
        page = max(self._current_page, 0)
        inverse, _ok = self._page_rects.transform(page).inverted()
        top = QPointF(self._page_rects[page].left(), self.verticalScrollBar().value() + SPACING)
        return page, max(0.0, inverse.map(top).y()) if self._rotation == 0 else 0.0

    def go_back(self) -> None:
        """Return to where the last jump came from."""
        self._jumps.back()

    def go_forward(self) -> None:
        """Redo a jump undone with ``go_back``."""
        self._jumps.forward()

    def _update_current_page(self) -> None:
        best = self._page_rects.most_visible(self._visible_rect())
        if best != self._current_page:
            self._current_page = best
            self.current_page_changed.emit(best)

    # --- find hits ---

    def set_hits(self, hits: dict[int, list]) -> None:
        """Highlight ``hits`` (page → list of ``PageHit``)."""
        self._hits = hits
        self.viewport().update()

    def set_current_hit(self, hit) -> None:
        """Mark ``hit`` (a ``PageHit`` or None) as the current one and scroll it into view."""
        self._current_hit = hit
        if hit is not None and self._page_rects:
            self._reveal(self._page_rects.map_rects(hit.page, hit.rects))
            self._update_current_page()
        self.viewport().update()

    # --- rendering requests ---

    def _sight(self) -> Sight | None:
        """For the requests: what the view shows now."""
        if not self._info:
            return None
        return self._page_rects, self._visible_rect(), self.devicePixelRatioF()

    def request_pages_now(self) -> None:
        """Ask for the pages in view at once rather than on the next turn of the event loop (which
        would paint them blank first): for a document just opened, where every millisecond shows."""
        self._requests.request_now()

    def _keys_for(self, page: int, area: QRectF, dpr: float) -> list[CacheKey]:
        """The images that paint ``page`` where it meets content ``area``."""
        return self._requests.keys_for(self._page_rects, page, area, dpr)

    # --- painting ---

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self.viewport())
        painter.fillRect(self.viewport().rect(), BACKGROUND)
        if not self._info:
            return
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        visible = self._visible_rect()
        painter.translate(-visible.left(), -visible.top())
        dpr = self.devicePixelRatioF()
        args = (self._cache, self._keys_for, self._hits, self._current_hit)
        paint_pages(painter, self._page_rects, visible, dpr, *args)
        paint_marks(painter, self._page_rects, visible, self.marks)
        if self._selection.rect is not None:
            paint_selection(painter, self._selection.rect)
        elif self._selection.has_selection:
            layout = self._page_rects
            for i in layout.pages_between(visible.top(), visible.bottom()):
                boxes = self._selection.highlights(i)
                if boxes:
                    paint_text_selection(painter, layout.transform(i), boxes)
        self._requests.painted()

    # --- events ---

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        if self._info is None:
            return
        page = max(self._current_page, 0)
        if self._fit:
            self._zoom = self._fit_zoom()
            self._relayout()
            self.go_to_page(page, record=False)
            self.zoom_changed.emit(self._zoom)
        else:
            self._relayout()
        self._requests.schedule()

    @Slot()
    def _on_scrolled(self) -> None:
        self._update_current_page()
        self._requests.schedule()
        self.viewport().update()

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt override
        key, mods = event.key(), event.modifiers()
        plain = not (mods & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier))
        if key == Qt.Key.Key_PageDown and plain:
            self.next_page()
        elif key == Qt.Key.Key_PageUp and plain:
            self.previous_page()
        elif event.matches(QKeySequence.StandardKey.SelectAll):
            self.select_page_text()
        elif key == Qt.Key.Key_Home:
            self.go_to_page(0)
        elif key == Qt.Key.Key_End:
            self.go_to_page(self.page_count - 1)
            self.verticalScrollBar().setValue(self.verticalScrollBar().maximum())
            self._update_current_page()
        else:
            super().keyPressEvent(event)

    # --- links ---

    def activate_link(self, link: PdfLink) -> None:
        """Follow ``link``: jump inside the document, or open a web address once the user agrees."""
        if link.kind == LinkKind.INTERNAL:
            self.go_to_page(link.target_page, link.target_y)
            return
        notice = leave_document(self, link)
        if notice:
            self.notice.emit(notice)

    def links_on_page(self, page: int) -> list[PdfLink]:
        """The links of ``page`` known so far (they are read when the page first comes into view)."""
        return self._links.on_page(page)

    def link_position(self, page: int, link: PdfLink) -> QPointF:
        """The viewport point at the centre of ``link`` on ``page`` (for keyboard focus and tests)."""
        return self._to_viewport(self._page_rects.map_rects(page, [link.rect])).center()

    def page_viewport_rect(self, page: int) -> QRectF:
        """Where ``page`` is in the viewport."""
        return self._to_viewport(self._page_rects[page])

    # --- selection and copy ---

    def _clear_selection(self) -> None:
        self._selection.clear()
        self.viewport().update()

    @Slot()
    def _on_no_text_layer(self) -> None:
        self.notice.emit(self.tr("Deze pagina heeft geen tekstlaag."))

    def copy_selection(self) -> None:
        """Copy the selected text to the clipboard (as soon as it has been read)."""
        self._selection.copy()

    def select_page_text(self, page: int | None = None) -> None:
        """Select all the text of ``page`` (default: the current page), as Ctrl+A does."""
        page = self._current_page if page is None else page
        if 0 <= page < self.page_count:
            self._selection.select_page(page)

    def selection_pieces(self):
        """The selection page by page (``TextSelection.pieces``), None while it is being read."""
        return self._selection.pieces()

    def clear_selection(self) -> None:
        self._clear_selection()

    def flash_mark(self, mark_id: int) -> None:
        """Scroll the highlight ``mark_id`` into view and make it flash."""
        mark = self.marks.find(mark_id)
        if mark is not None and self._page_rects:
            self._reveal(self._page_rects.map_rects(mark.page, mark.rects))
            self._update_current_page()
            self.marks.flash(mark_id)

    @property
    def selection_text(self) -> str | None:
        """The text of the selection, None while it is being read or without a selection."""
        return self._selection.text
