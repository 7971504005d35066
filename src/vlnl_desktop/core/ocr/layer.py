"""The OCR text of a stored file, for the viewer and find: what a page without a text layer shows.

The viewer opens an archive's document from its store, ``<archive>/documents/<sha256>.pdf``; a
page of such a file that has no text of its own may have an OCR reading in that archive
(``ocr_pages``). ``ocr_reading(doc, index)`` finds it from the open document's file name, so the
selection, copy and find of the viewer (``core.pdf.document``, ``core.pdf.find``) work on scanned
pages as on any other. A file outside an archive has none. The reading is looked up with a
read-only connection each time (a page asks once; a lookup takes well under a millisecond).
"""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from vlnl_desktop.core.ocr.words import OcrPage

_STORED = re.compile(r"^[0-9a-f]{64}$")
_DB_NAME = "archive.db"


def ocr_reading(doc, index: int) -> OcrPage | None:
    """The OCR of page ``index`` (0-based) of ``doc`` (a ``pymupdf.Document``) if it is a file
    of an archive's store that has one; None otherwise (and whenever the archive cannot tell)."""
    name = getattr(doc, "name", "") or ""
    return reading_of_file(name, index) if name else None


def reading_of_file(path: str, index: int) -> OcrPage | None:
    """The OCR of page ``index`` (0-based) of the stored file at ``path``, if any."""
    file = Path(path)
    if file.suffix != ".pdf" or not _STORED.match(file.stem) or file.parent.name != "documents":
        return None
    db = file.parent.parent / _DB_NAME
    if not db.is_file():
        return None
    from vlnl_desktop.core.ocr.store import read_page

    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        try:
            return read_page(conn, file.stem, index + 1)
        finally:
            conn.close()
    except (sqlite3.Error, ValueError, TypeError, IndexError):
        return None  # an archive from before OCR, damaged, or busy: no OCR text shown
