"""The links on the pages: which are known (each page's are read once, when it first comes into view),
which is under a point, and the confirmation before one leaves the document.

Internal links jump at once (the view does that); a web address opens only after the user agrees; any
other target (file:, javascript:, launch actions, …) is refused with a message.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPointF, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget

from vlnl_desktop.core.pdf.links import LinkKind, PdfLink
from vlnl_desktop.ui.viewer.layout import PageLayout


class PageLinks:
    """The links of the open document's pages, by page, as far as they have been read."""

    def __init__(self) -> None:
        self._links: dict[int, list[PdfLink]] = {}
        self._asked: set[int] = set()

    def clear(self) -> None:
        """Forget every link (another document)."""
        self._links.clear()
        self._asked.clear()

    def not_asked(self, pages: list[int]) -> list[int]:
        """Those of ``pages`` whose links have not been asked for yet, now marked as asked."""
        missing = [p for p in pages if p not in self._asked]
        self._asked.update(missing)
        return missing

    def set_page_links(self, page: int, links: list[PdfLink]) -> None:
        """The links of ``page`` have been read."""
        self._links[page] = links

    def on_page(self, page: int) -> list[PdfLink]:
        """The links of ``page`` known so far."""
        return list(self._links.get(page, ()))

    def at(self, layout: PageLayout, content: QPointF) -> PdfLink | None:
        """The link under content point ``content``, None if there is none."""
        page = layout.page_at(content)
        if page < 0:
            return None
        inverse, _ok = layout.transform(page).inverted()
        p = inverse.map(content)
        for link in self._links.get(page, ()):
            x0, y0, x1, y1 = link.rect
            if x0 <= p.x() <= x1 and y0 <= p.y() <= y1:
                return link
        return None


def leave_document(parent: QWidget, link: PdfLink) -> str:
    """Follow a link that leaves the document: a web address once the user agrees, anything else
    never. Returns the notice to show ("" if none). Its words are the view's: translated in the
    ``PdfView`` context."""
    if link.kind == LinkKind.EXTERNAL:
        answer = QMessageBox.question(
            parent,
            QCoreApplication.translate("PdfView", "Link openen"),
            QCoreApplication.translate(
                "PdfView",
                "Deze link opent een webpagina in uw browser:\n\n%1\n\nWilt u de link openen?",
            ).replace("%1", link.uri),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer == QMessageBox.StandardButton.Yes:
            QDesktopServices.openUrl(QUrl(link.uri))
        return ""
    text = QCoreApplication.translate(
        "PdfView", "Deze link wordt om veiligheidsredenen niet geopend:\n\n%1"
    ).replace("%1", link.uri)
    QMessageBox.warning(parent, QCoreApplication.translate("PdfView", "Link geweigerd"), text)
    return QCoreApplication.translate("PdfView", "Link geweigerd: %1").replace("%1", link.uri)
