"""A scroll area over content the subclass paints itself (qpageview's ``scrollarea.py`` is the model):
the scroll bars over content of a given size, content narrower than the viewport centred in whole
pixels, and the mapping between viewport and content points. Nothing here knows about pages."""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtWidgets import QAbstractScrollArea, QWidget

SCROLL_STEP = 40  # pixels per arrow click or wheel step


class CentredScrollArea(QAbstractScrollArea):
    """Scroll bars over content of ``set_content_size``; points in "content pixels" are relative to
    the content's top left, wherever it is scrolled to."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._content_width = 0.0

    def set_content_size(self, width: float, height: float) -> None:
        """The content is now ``width`` by ``height`` pixels: set the scroll bars' ranges and steps."""
        self._content_width = width
        vw, vh = self.viewport().width(), self.viewport().height()
        self.horizontalScrollBar().setRange(0, max(0, math.floor(width - vw)))
        self.horizontalScrollBar().setPageStep(vw)
        self.verticalScrollBar().setRange(0, max(0, math.floor(height - vh)))
        self.verticalScrollBar().setPageStep(vh)
        self.verticalScrollBar().setSingleStep(SCROLL_STEP)
        self.horizontalScrollBar().setSingleStep(SCROLL_STEP)

    def _x_offset(self) -> float:
        """Content x where the viewport's left edge is, centring narrow content."""
        vw = self.viewport().width()
        if self._content_width < vw:
            return -float((vw - round(self._content_width)) // 2)  # whole pixels: no resampling
        return self.horizontalScrollBar().value()

    def _visible_rect(self) -> QRectF:
        """The content rectangle in view."""
        vp = self.viewport()
        return QRectF(self._x_offset(), self.verticalScrollBar().value(), vp.width(), vp.height())

    def _to_content(self, pos: QPointF) -> QPointF:
        """The content point at viewport point ``pos``."""
        return QPointF(pos.x() + self._x_offset(), pos.y() + self.verticalScrollBar().value())

    def _to_viewport(self, rect: QRectF) -> QRectF:
        """Where content rectangle ``rect`` is in the viewport."""
        visible = self._visible_rect()
        return rect.translated(-visible.left(), -visible.top())

    def _reveal(self, rect: QRectF) -> None:
        """If content rectangle ``rect`` is not wholly in view, scroll it a third of the way down the
        viewport, and centre it across if it sticks out at a side."""
        visible = self._visible_rect()
        if visible.contains(rect):
            return
        self.verticalScrollBar().setValue(round(rect.top() - visible.height() / 3))
        if rect.left() < visible.left() or rect.right() > visible.right():
            self.horizontalScrollBar().setValue(round(rect.center().x() - visible.width() / 2))
