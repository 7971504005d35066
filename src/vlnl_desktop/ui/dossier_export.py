"""Bestand › Dossier exporteren…: the selected record's dossier (``core.documents.sheets``) as a PDF.

``DossierExport`` asks where to save it, has the archive session write it in the background (the
sheets are rendered with PyMuPDF, which never runs on the GUI thread) and says how it went; an error
is a message, never a traceback.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QStandardPaths, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget


def suggested_name(title: str) -> str:
    """A file name from the record's title: "Dossier - <title>.pdf", without awkward characters."""
    clean = re.sub(r'[\\/:*?"<>|\n\r\t]+', " ", title)
    clean = " ".join(clean.split())[:80].strip(" .") or "record"
    return QCoreApplication.translate("DossierExport", "Dossier - %1.pdf").replace("%1", clean)


class DossierExport(QObject):
    """One dossier export at a time; remembers the folder last saved to."""

    finished = Signal(object)
    """The export ended: the path written, or None if it could not be written."""

    def __init__(self, session, parent: QWidget) -> None:
        super().__init__(parent)
        self._session = session  # ui.archive_session.ArchiveSession
        self._parent = parent
        self._folder: str | None = None
        self.busy = False

    def start(self, record_id: str, title: str) -> Path | None:
        """Ask for a file and start writing the dossier of ``record_id`` there; the path chosen,
        or None if the user cancelled (or an export still runs)."""
        if self.busy:
            return None
        start = self._folder or QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        )
        chosen, _ = QFileDialog.getSaveFileName(
            self._parent,
            self.tr("Dossier exporteren"),
            str(Path(start or Path.home()) / suggested_name(title)),
            self.tr("PDF-documenten (*.pdf)"),
        )
        if not chosen:
            return None
        path = Path(chosen)
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        self.busy = True
        self._session.export_dossier(
            record_id,
            path,
            lambda written: self._on_done(title, written),
            lambda message: self._on_failed(path, message),
        )
        return path

    def _on_done(self, title: str, path: Path) -> None:
        self.busy = False
        self._folder = str(path.parent)
        QMessageBox.information(
            self._parent,
            self.tr("Dossier exporteren"),
            self.tr("Het dossier van „%1” is opgeslagen als %2.")
            .replace("%1", title)
            .replace("%2", str(path)),
        )
        self.finished.emit(path)

    def _on_failed(self, path: Path, message: str) -> None:
        self.busy = False
        QMessageBox.warning(
            self._parent,
            self.tr("Dossier exporteren"),
            self.tr("Het dossier kon niet worden opgeslagen als %1: %2")
            .replace("%1", str(path))
            .replace("%2", message),
        )
        self.finished.emit(None)
