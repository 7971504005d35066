"""Opening documents in the viewer tab: the archive's documents by id, and PDF files by path.

``DocumentOpener`` makes the PDF viewer (``ui.viewer.viewer``, which brings PyMuPDF) on the first
document opened and adds it as a tab, named by the document's title (the window's title names it
too while its tab is shown). An official document whose file is not in the archive yet gets a
page of its own in that place (``ui.missing_document``: what is missing, fetch, attach); any other
document that cannot be shown (unknown, its stored file gone) is a plain notice, never an error
dialog.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QTabWidget, QWidget

from vlnl_desktop.core.vocabulary import DOCUMENT_ROLE_OFFICIAL

log = logging.getLogger(__name__)


class DocumentOpener(QObject):
    """Owns the viewer tab; the window shows its notices and messages."""

    notice = Signal(str)
    """A document cannot be shown: why, in a sentence ("" when a document was opened)."""
    message = Signal(str)
    """The viewer reports a problem with the document shown (for the status bar)."""
    title_changed = Signal()
    """Another document is shown (its title names the tab and the window)."""
    fetch_requested = Signal(str)
    """The missing page's "Ophalen van …": the document id."""
    attach_requested = Signal(str)
    """The missing page's "Bestand koppelen…": the document id."""
    file_dropped = Signal(str, str)
    """A PDF dropped on the missing page: the document id and the file."""
    viewer_created = Signal(object)
    """The viewer was made (on the first document opened): the ``PdfViewer``."""

    def __init__(
        self,
        session,
        tabs: QTabWidget,
        add_tab: Callable[[QWidget, Callable[[], str]], int],
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self._session = session  # ui.archive_session.ArchiveSession
        self._tabs = tabs
        self._add_tab = add_tab
        self._parent = parent
        self.viewer = None  # ui.viewer.viewer.PdfViewer, created on first use
        self.missing = None  # ui.missing_document.MissingDocumentPage, created on first use
        self.title = ""  # the title of the document in the viewer
        tabs.currentChanged.connect(self.title_changed)

    def ensure_viewer(self):
        """The PDF viewer tab, created on first use; None if the viewer is not available."""
        if self.viewer is None:
            try:
                from vlnl_desktop.ui.viewer.viewer import PdfViewer
            except ImportError as exc:
                log.warning("the PDF viewer is not available: %s", exc)
                return None
            self.viewer = PdfViewer(self._parent)
            self.viewer.error.connect(self.message)
            self._add_tab(self.viewer, lambda: self.title or self.tr("Document"))
            self.viewer_created.emit(self.viewer)
        return self.viewer

    def show_viewer(self) -> None:
        """Bring the viewer's tab to the front (if there is a viewer)."""
        if self.viewer is not None:
            self._tabs.setCurrentWidget(self.viewer)

    def ensure_missing_page(self):
        """The page shown for a missing document, created on first use (its requests come out
        as this opener's ``fetch_requested``, ``attach_requested`` and ``file_dropped``)."""
        if self.missing is None:
            from vlnl_desktop.ui.missing_document import MissingDocumentPage

            self.missing = MissingDocumentPage(self._parent)
            self.missing.fetch_requested.connect(self.fetch_requested)
            self.missing.attach_requested.connect(self.attach_requested)
            self.missing.file_dropped.connect(self.file_dropped)
        return self.missing

    def shown_title(self) -> str | None:
        """The title of the document whose tab is shown (viewer or missing page), else None."""
        current = self._tabs.currentWidget()
        if current is not None and current is self.viewer and self.title:
            return self.title
        if current is not None and current is self.missing and self.missing.document:
            return self.missing.document.title
        return None

    def _show_missing(self, ref) -> None:
        page = self.ensure_missing_page()
        page.show_document(ref)
        index = self._tabs.indexOf(page)
        if index < 0:
            index = self._tabs.addTab(page, ref.title)
        self._tabs.setTabText(index, ref.title)
        self._tabs.setCurrentWidget(page)
        self.title_changed.emit()

    def _hide_missing(self) -> None:
        if self.missing is not None and self._tabs.indexOf(self.missing) >= 0:
            self._tabs.removeTab(self._tabs.indexOf(self.missing))

    def open_document(self, document_id: str, page: int = 0, find: str | None = None) -> bool:
        """Open the archive's document in the viewer; say so plainly if its file is missing."""
        catalog = self._session.catalog
        if catalog is None:
            return False
        ref = catalog.document(document_id)
        if ref is None:
            self.notice.emit(
                self.tr("Het archief bevat geen document %1.").replace("%1", document_id)
            )
            return False
        if not ref.in_archive:
            if ref.role == DOCUMENT_ROLE_OFFICIAL:
                self.notice.emit("")
                self._show_missing(ref)
            else:
                self.notice.emit(
                    self.tr("Het bestand van „%1” is nog niet in het archief.").replace(
                        "%1", ref.title
                    )
                )
            return False
        path = self._session.workspace.document_path(ref.sha256 or "")
        if not path.is_file():
            self.notice.emit(
                self.tr(
                    "Het bestand van „%1” ontbreekt in de map met documenten (%2). "
                    "'vlnl-desktop check' zoekt uit wat er mis is."
                )
                .replace("%1", ref.title)
                .replace("%2", str(path.parent))
            )
            return False
        return self.open_file(path, page, find, ref.title)

    def open_file(
        self, path: str | Path, page: int = 0, find: str | None = None, title: str | None = None
    ) -> bool:
        """Show a PDF file (in the archive or not) in the viewer, at ``page`` (0-based);
        ``title``: the document's title (default: its file name)."""
        viewer = self.ensure_viewer()
        if viewer is None:
            self.notice.emit(self.tr("De PDF-viewer is niet beschikbaar in deze installatie."))
            return False
        self.notice.emit("")
        self._hide_missing()
        self.title = title or Path(path).name
        viewer.open_file(str(path), page=page, find=find or None, title=title)
        self._tabs.setTabText(self._tabs.indexOf(viewer), self.title)
        self._tabs.setCurrentWidget(viewer)
        self.title_changed.emit()
        return True

    def choose_file(self) -> None:
        """Bestand › PDF openen…: any PDF file, shown without importing it."""
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getOpenFileName(
            self._parent, self.tr("PDF openen"), str(Path.home()), self.tr("PDF-documenten (*.pdf)")
        )
        if path:
            self.open_file(path)

    def close(self) -> None:
        if self.viewer is not None:
            self.viewer.close()
