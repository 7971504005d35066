"""Opening documents in the viewer tab: the archive's documents by id, and PDF files by path.

``DocumentOpener`` makes the PDF viewer (``ui.viewer.viewer``, which brings PyMuPDF) on the first
document opened and adds it as a tab; a document that cannot be shown (unknown, not yet in the
archive, its file missing) is a plain notice, never an error dialog.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QTabWidget, QWidget

log = logging.getLogger(__name__)


class DocumentOpener(QObject):
    """Owns the viewer tab; the window shows its notices and messages."""

    notice = Signal(str)
    """A document cannot be shown: why, in a sentence ("" when a document was opened)."""
    message = Signal(str)
    """The viewer reports a problem with the document shown (for the status bar)."""
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
            self._add_tab(self.viewer, lambda: self.tr("Document"))
            self.viewer_created.emit(self.viewer)
        return self.viewer

    def show_viewer(self) -> None:
        """Bring the viewer's tab to the front (if there is a viewer)."""
        if self.viewer is not None:
            self._tabs.setCurrentWidget(self.viewer)

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
            self.notice.emit(
                self.tr(
                    "Het bestand van „%1” is nog niet in het archief. Voeg het toe met "
                    "'vlnl-desktop import' of haal het op met 'vlnl-desktop fetch'."
                ).replace("%1", ref.title)
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
        viewer.open_file(str(path), page=page, find=find or None, title=title)
        self._tabs.setCurrentWidget(viewer)
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
