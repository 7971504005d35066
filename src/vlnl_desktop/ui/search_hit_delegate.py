"""How a search hit is drawn in the results list: its title, kind, date, page and how it matched,
and a snippet with the matched words marked, as rich text wrapped to the list's width.

Not on the start-up path: the search panel sets this delegate once the window is up (or with the
first results); its Qt classes and their enums need not delay the first paint.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QSize
from PySide6.QtGui import QAbstractTextDocumentLayout, QPalette, QTextDocument
from PySide6.QtWidgets import QApplication, QStyledItemDelegate, QStyleOptionViewItem

from vlnl_desktop.ui.labels import format_date, kind_label

MARK_STYLE = '<span style="background-color:#ffe27a; color:#000000">'


def match_label(match: str) -> str:
    """How a hit matched, when not on every word: "" for a full match."""
    if match == "partial":
        return QApplication.translate("SearchPanel", "deel van de woorden")
    if match == "typo":
        return QApplication.translate("SearchPanel", "andere spelling")
    return ""


def hit_html(hit, selected: bool = False) -> str:
    """The result's rich text: title, kind · date (· page) (· how it matched), snippet with the
    matched words marked."""
    meta = [kind_label(hit.kind)]
    if hit.date:
        meta.append(format_date(hit.date))
    if hit.page:
        meta.append(QApplication.translate("SearchPanel", "p. %1").replace("%1", str(hit.page)))
    if match_label(hit.match):
        meta.append(match_label(hit.match))
    snippet = hit.snippet_html(MARK_STYLE, "</span>")
    return (
        f"<b>{escape(hit.title)}</b><br>"
        + (
            f'<span style="font-size:small">{escape(" · ".join(meta))}</span>'
            if selected
            else f'<span style="color:#6b7280; font-size:small">{escape(" · ".join(meta))}</span>'
        )
        + (f'<br><span style="font-size:small">{snippet}</span>' if snippet else "")
    )


class RichTextDelegate(QStyledItemDelegate):
    """Paints a search hit (the item's data in ``role``) as rich text, wrapped to the view's width."""

    MARGIN = 6
    MAX_SIZES = 2000

    def __init__(self, role: int, parent=None) -> None:
        super().__init__(parent)
        self._role = role  # the item data role that holds the hit
        self._sizes: dict[tuple, QSize] = {}  # (hit, width, font) -> size: a layout each is dear

    def _document(self, option: QStyleOptionViewItem, index, selected=False) -> QTextDocument:
        doc = QTextDocument()
        doc.setDefaultFont(option.font)
        doc.setDocumentMargin(self.MARGIN)
        hit = index.data(self._role)
        doc.setHtml(hit_html(hit, selected) if hit is not None else "")
        width = option.rect.width()
        if option.widget is not None:
            width = option.widget.viewport().width()  # type: ignore[attr-defined]
        doc.setTextWidth(max(width, 120))
        return doc

    def paint(self, painter, option, index) -> None:
        from PySide6.QtWidgets import QStyle  # its enums cost start-up time; paint comes later

        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        doc = self._document(option, index, selected)
        ctx = QAbstractTextDocumentLayout.PaintContext()
        if selected:
            ctx.palette.setColor(
                QPalette.ColorRole.Text, opt.palette.color(QPalette.ColorRole.HighlightedText)
            )
        painter.save()
        painter.translate(opt.rect.topLeft())
        painter.setClipRect(opt.rect.translated(-opt.rect.topLeft()))
        doc.documentLayout().draw(painter, ctx)
        painter.restore()

    def sizeHint(self, option, index) -> QSize:  # noqa: N802 - Qt override
        widget = option.widget
        width = widget.viewport().width() if widget is not None else option.rect.width()
        key = (index.data(self._role), width, option.font.key())
        size = self._sizes.get(key)
        if size is None:
            if len(self._sizes) > self.MAX_SIZES:
                self._sizes.clear()
            doc = self._document(option, index)
            size = self._sizes[key] = QSize(int(doc.idealWidth()), int(doc.size().height()) + 2)
        return size
