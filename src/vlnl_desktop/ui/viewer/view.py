"""The scrolling page canvas: a continuous, vertically scrolling view of a PDF's pages, painted from a
cache of rendered images.

Only pages in view (and one screen beyond) are requested from the renderer; when the view moves, the
request is replaced, so pages that scrolled away are not rendered. A page still rendering is painted
from another size of it in the cache, scaled, or blank. At high zoom a page is rendered in tiles and only
the visible tiles are asked for. The view also draws find hits and the selection, copies the selected
text, follows links (internal at once, external after the user confirms, others never) and keeps the
back/forward history of jumps. Where the pages are is computed by ``layout.PageLayout``; what to render
by ``render_keys``; how a page is painted by ``painting``.

Over 500 lines because what is left is one widget's state machine (zoom, fit, rotation, scrolling,
jumps and the Qt event overrides), which all move the same scroll bars; the next cut would be the
request scheduling (timer, cache, links asked) into a helper of its own.
"""

from __future__ import annotations

import dataclasses
import math

from PySide6.QtCore import QPointF, QRectF, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QAbstractScrollArea, QToolTip, QWidget

from vlnl_desktop.core.pdf.links import LinkKind, PdfLink
from vlnl_desktop.ui.navigation_history import NavigationHistory
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
from vlnl_desktop.ui.viewer.painting import BACKGROUND, paint_page, paint_selection
from vlnl_desktop.ui.viewer.render_keys import FirstPageKey, page_keys, pages_to_render
from vlnl_desktop.ui.viewer.selection import TextSelection
from vlnl_desktop.workers.image_cache import CacheKey, ImageCache
from vlnl_desktop.workers.render_client import RenderClient
from vlnl_desktop.workers.render_protocol import DocumentInfo, RenderJob


class PdfView(QAbstractScrollArea):
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
        # (page, y in points from its top) before and after each jump
        self._history: NavigationHistory[tuple[int, float]] = NavigationHistory()
        self._drag_start: QPointF | None = None
        self._selection = TextSelection(client, self)
        self._pressed_link: PdfLink | None = None
        self._unpainted = False  # an image arrived that has not been painted yet
        self._request_timer = QTimer(self)
        self._request_timer.setSingleShot(True)
        self._request_timer.setInterval(0)
        self._hold_timer = QTimer(self)  # ends ``hold_painting``
        self._hold_timer.setSingleShot(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.viewport().setMouseTracking(True)
        self.viewport().setAutoFillBackground(False)
        # ``paintEvent`` covers every pixel: Qt need not paint the widgets behind the viewport first.
        self.viewport().setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self._connect_signals()
        self.retranslate_ui()

    def _connect_signals(self) -> None:
        self._request_timer.timeout.connect(self._on_request_timer)
        self._hold_timer.timeout.connect(self._on_hold_timer)
        self._client.page_rendered.connect(self._on_page_rendered)
        self._client.links_ready.connect(self._on_links_ready)
        self._selection.changed.connect(self.selection_changed)
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
        self._history.clear()
        self._clear_selection()
        self._current_page = -1
        self.history_changed.emit(0, 0)
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
        self._schedule_requests()
        self.viewport().update()

    def _set_widest(self) -> None:
        info = self._info
        self._widest = widest_size(info.page_sizes, info.sizes_exact) if info else (0.0, 0.0)

    def hold_painting(self, msec: int) -> None:
        """Keep what is on screen until the next page image arrives, ``msec`` at most: while a document
        opens, painting its blank pages would only take the GIL from the renderer and flash grey."""
        self.viewport().setUpdatesEnabled(False)
        self._hold_timer.start(msec)

    @Slot()
    def _on_hold_timer(self) -> None:
        self.viewport().setUpdatesEnabled(True)  # which also repaints it

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
        self._schedule_requests()
        self.viewport().update()

    # --- layout ---

    def _relayout(self) -> None:
        sizes = self._info.page_sizes if self._info else []
        self._page_rects = PageLayout(sizes, self._zoom, self._rotation)
        self._update_scrollbars()

    def _update_scrollbars(self) -> None:
        vw, vh = self.viewport().width(), self.viewport().height()
        layout = self._page_rects
        self.horizontalScrollBar().setRange(0, max(0, math.floor(layout.width - vw)))
        self.horizontalScrollBar().setPageStep(vw)
        self.verticalScrollBar().setRange(0, max(0, math.floor(layout.height - vh)))
        self.verticalScrollBar().setPageStep(vh)
        self.verticalScrollBar().setSingleStep(40)
        self.horizontalScrollBar().setSingleStep(40)

    def _x_offset(self) -> float:
        """Content x where the viewport's left edge is, centring narrow content."""
        vw = self.viewport().width()
        if self._page_rects.width < vw:
            return -float((vw - round(self._page_rects.width)) // 2)  # whole pixels: no resampling
        return self.horizontalScrollBar().value()

    def _visible_rect(self) -> QRectF:
        vp = self.viewport()
        return QRectF(self._x_offset(), self.verticalScrollBar().value(), vp.width(), vp.height())

    def _to_content(self, pos: QPointF) -> QPointF:
        return QPointF(pos.x() + self._x_offset(), pos.y() + self.verticalScrollBar().value())

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
            self._push_history()
        top = self._page_rects[page].top() - SPACING
        if y is not None and self._rotation == 0:
            top = self._page_rects.transform(page).map(QPointF(0, y)).y() - SPACING
        self.verticalScrollBar().setValue(round(top))
        self._update_current_page()
        if record:
            self._record_jump()

    def next_page(self) -> None:
        """Go to the next page."""
        self.go_to_page(self._current_page + 1, record=False)

    def previous_page(self) -> None:
        """Go to the previous page."""
        self.go_to_page(self._current_page - 1, record=False)

    def _position(self) -> tuple[int, float]:
        page = max(self._current_page, 0)
        inverse, _ok = self._page_rects.transform(page).inverted()
        top = QPointF(self._page_rects[page].left(), self.verticalScrollBar().value() + SPACING)
        return page, max(0.0, inverse.map(top).y()) if self._rotation == 0 else 0.0

    def _push_history(self) -> None:
        """Before a jump: remember where the user is now (they may have scrolled since the last one)."""
        if self._page_rects:
            self._history.replace_current(self._position())

    def _record_jump(self) -> None:
        """After a jump: remember where it landed, and say what back and forward can do now."""
        if self._page_rects:
            self._history.visit(self._position())
            self._emit_history_changed()

    def _emit_history_changed(self) -> None:
        h = self._history
        self.history_changed.emit(int(h.can_go_back()), int(h.can_go_forward()))

    def go_back(self) -> None:
        """Return to where the last jump came from."""
        if self._history.can_go_back():
            self._history.replace_current(self._position())
            self.go_to_page(*self._history.back(), record=False)
            self._emit_history_changed()

    def go_forward(self) -> None:
        """Redo a jump undone with ``go_back``."""
        if self._history.can_go_forward():
            self._history.replace_current(self._position())
            self.go_to_page(*self._history.forward(), record=False)
            self._emit_history_changed()

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
            rect = self._hit_content_rect(hit)
            visible = self._visible_rect()
            if not visible.contains(rect):
                self.verticalScrollBar().setValue(round(rect.top() - visible.height() / 3))
                if rect.left() < visible.left() or rect.right() > visible.right():
                    self.horizontalScrollBar().setValue(
                        round(rect.center().x() - visible.width() / 2)
                    )
            self._update_current_page()
        self.viewport().update()

    def _hit_content_rect(self, hit) -> QRectF:
        t = self._page_rects.transform(hit.page)
        result = QRectF()
        for r in hit.rects:
            result = result.united(t.mapRect(QRectF(QPointF(r[0], r[1]), QPointF(r[2], r[3]))))
        return result

    # --- rendering requests ---

    def _schedule_requests(self) -> None:
        if not self._request_timer.isActive():
            self._request_timer.start()

    def request_pages_now(self) -> None:
        """Ask for the pages in view at once rather than on the next turn of the event loop (which
        would paint them blank first): for a document just opened, where every millisecond shows."""
        self._request_timer.stop()
        self._on_request_timer()

    @Slot()
    def _on_request_timer(self) -> None:
        if not self._info:
            return
        visible = self._visible_rect()
        dpr = self.devicePixelRatioF()
        wanted, in_view, margin = pages_to_render(self._page_rects, visible)
        jobs = []
        for i in wanted:
            for key in self._keys_for(i, visible if i in in_view else margin, dpr):
                if key not in self._cache:
                    jobs.append(RenderJob(key))
        self._client.set_jobs("view", jobs)
        missing_links = self._links.not_asked([i for i in wanted if i in in_view])
        if missing_links:
            self._client.request_links(missing_links)

    def _keys_for(self, page: int, area: QRectF, dpr: float) -> list[CacheKey]:
        """The images that paint ``page`` where it meets content ``area``."""
        rect = self._page_rects[page]
        return page_keys(self._client.doc_id, page, rect, self._rotation, area, dpr)

    @Slot(str, object, QImage)
    def _on_page_rendered(self, channel: str, key: CacheKey, image: QImage) -> None:
        if channel != "view" or image.isNull():
            return
        self._cache.put(key, image)
        self._unpainted = True
        if self._hold_timer.isActive():
            self._hold_timer.stop()
            self._on_hold_timer()
        self.viewport().update()

    @Slot(int, object)
    def _on_links_ready(self, page: int, links: list[PdfLink]) -> None:
        self._links.set_page_links(page, links)

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
        layout = self._page_rects
        for i in layout.pages_between(visible.top(), visible.bottom()):
            rect = layout[i]
            if rect.intersects(visible):
                keys = self._keys_for(i, visible, dpr)
                hits = self._hits.get(i, ())
                transform = layout.transform(i)
                paint_page(
                    painter, self._cache, rect, keys, dpr, transform, hits, self._current_hit
                )
        if self._selection.rect is not None:
            paint_selection(painter, self._selection.rect)
        if self._unpainted:
            self._unpainted = False
            self._client.painted()  # the renderer waits for this before its next job

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
        self._schedule_requests()

    @Slot()
    def _on_scrolled(self) -> None:
        self._update_current_page()
        self._schedule_requests()
        self.viewport().update()

    def wheelEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            delta = event.angleDelta().y()
            if delta:
                factor = 1.15 ** (delta / 120)
                self.set_zoom(self._zoom * factor, event.position())
            event.accept()
            return
        super().wheelEvent(event)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt override
        key, mods = event.key(), event.modifiers()
        plain = not (mods & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier))
        if key == Qt.Key.Key_PageDown and plain:
            self.next_page()
        elif key == Qt.Key.Key_PageUp and plain:
            self.previous_page()
        elif key == Qt.Key.Key_Home:
            self.go_to_page(0)
        elif key == Qt.Key.Key_End:
            self.go_to_page(self.page_count - 1)
            self.verticalScrollBar().setValue(self.verticalScrollBar().maximum())
            self._update_current_page()
        else:
            super().keyPressEvent(event)

    def mousePressEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.button() != Qt.MouseButton.LeftButton or not self._info:
            super().mousePressEvent(event)
            return
        self.setFocus()
        content = self._to_content(event.position())
        self._pressed_link = self._links.at(self._page_rects, content)
        self._drag_start = content
        self._clear_selection()

    def mouseMoveEvent(self, event) -> None:  # noqa: N802 - Qt override
        content = self._to_content(event.position())
        if self._drag_start is not None:
            if (content - self._drag_start).manhattanLength() > 4:
                self._pressed_link = None
                self._selection.rect = QRectF(self._drag_start, content).normalized()
                self.viewport().update()
            return
        link = self._links.at(self._page_rects, content)
        shape = Qt.CursorShape.PointingHandCursor if link else Qt.CursorShape.IBeamCursor
        self.viewport().setCursor(shape)
        if link and link.kind != LinkKind.INTERNAL:
            QToolTip.showText(event.globalPosition().toPoint(), link.uri, self)

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.button() != Qt.MouseButton.LeftButton or self._drag_start is None:
            super().mouseReleaseEvent(event)
            return
        content = self._to_content(event.position())
        self._drag_start = None
        link = self._pressed_link
        self._pressed_link = None
        if link is not None and link is self._links.at(self._page_rects, content):
            self.activate_link(link)
        elif self._selection.rect is not None:
            self._selection.finish(self._page_rects)
            if self._selection.rect is None:  # it covered no page
                self.viewport().update()

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
        x0, y0, x1, y1 = link.rect
        content = self._page_rects.transform(page).map(QPointF((x0 + x1) / 2, (y0 + y1) / 2))
        visible = self._visible_rect()
        return QPointF(content.x() - visible.left(), content.y() - visible.top())

    def page_viewport_rect(self, page: int) -> QRectF:
        """Where ``page`` is in the viewport."""
        visible = self._visible_rect()
        return self._page_rects[page].translated(-visible.left(), -visible.top())

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

    @property
    def selection_text(self) -> str | None:
        """The text of the selection, None while it is being read or without a selection."""
        return self._selection.text
