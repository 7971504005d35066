"""Bestand › Dossier exporteren…: the selected record's dossier (``core.record_sheets``) as a PDF.

Asks where to save it, writes it, and says how it went; an error is a message, never a traceback.
"""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget


def suggested_name(title: str) -> str:
    """A file name from the record's title: "Dossier - <title>.pdf", without awkward characters."""
    clean = re.sub(r'[\\/:*?"<>|\n\r\t]+', " ", title)
    clean = " ".join(clean.split())[:80].strip(" .") or "record"
    return QCoreApplication.translate("DossierExport", "Dossier - %1.pdf").replace("%1", clean)


def export_dossier_as(
    parent: QWidget,
    conn: sqlite3.Connection,
    record_id: str,
    title: str,
    folder: str | None = None,
) -> Path | None:
    """Ask for a file, write the dossier of ``record_id`` there; the path, or None if not written."""
    from vlnl_desktop.core.errors import VlnlError

    start = folder or QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.DocumentsLocation
    )
    chosen, _ = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("DossierExport", "Dossier exporteren"),
        str(Path(start or Path.home()) / suggested_name(title)),
        QCoreApplication.translate("DossierExport", "PDF-documenten (*.pdf)"),
    )
    if not chosen:
        return None
    path = Path(chosen)
    if path.suffix.lower() != ".pdf":
        path = path.with_name(path.name + ".pdf")
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        from vlnl_desktop.core.documents.sheets import export_dossier

        export_dossier(conn, record_id, path)
    except OSError as exc:
        problem = exc.strerror or str(exc)
    except VlnlError as exc:
        problem = str(exc)
    except Exception as exc:  # sqlite3, MuPDF, …: a message, and the details in the log
        import logging

        logging.getLogger(__name__).exception("dossier export failed")
        problem = f"{type(exc).__name__}: {exc}"
    else:
        problem = None
    finally:
        QGuiApplication.restoreOverrideCursor()
    if problem is not None:
        QMessageBox.warning(
            parent,
            QCoreApplication.translate("DossierExport", "Dossier exporteren"),
            QCoreApplication.translate(
                "DossierExport", "Het dossier kon niet worden opgeslagen als %1: %2"
            )
            .replace("%1", str(path))
            .replace("%2", problem),
        )
        return None
    QMessageBox.information(
        parent,
        QCoreApplication.translate("DossierExport", "Dossier exporteren"),
        QCoreApplication.translate("DossierExport", "Het dossier van „%1” is opgeslagen als %2.")
        .replace("%1", title)
        .replace("%2", str(path)),
    )
    return path
