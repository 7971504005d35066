"""Giving the user's documents back after a damaged archive was rebuilt.

The build carries over what it can read of the damaged copy (``build._carry_over``). What it could
not read is still in the store: every stored file no document points at is imported again, and
what the damaged copy still tells about it (title, kind, date, summary, the records it was linked
to) is read back where it can be (``connections.salvage``). Record sheets of earlier builds are
the only stored files that are not given back: every build makes them anew. A dossier the user
exported and imported is the user's document, and is given back.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from vlnl_desktop.core.archive.connections import (
    READ_ERRORS,
    connect_writer,
    salvage,
    transaction,
)
from vlnl_desktop.core.archive.workspace import Workspace
from vlnl_desktop.core.documents.importer import ImportResult, import_files
from vlnl_desktop.core.documents.rows import link_all
from vlnl_desktop.core.errors import PdfProblem
from vlnl_desktop.core.pdf.gate import open_pdf

SHEET_TITLE_PREFIX = "Fiche: "  # the title every record sheet of a build carries (sheets.render)
_DETAILS = ("title", "kind", "date", "summary")


def _a_build_sheet(path: Path) -> bool:
    """A record sheet of an earlier build (made anew by every build, never a user's file)."""
    try:
        doc = open_pdf(path)
    except (PdfProblem, OSError):
        return False
    try:
        metadata = doc.metadata or {}
    except Exception:  # MuPDF's own errors: not a sheet of ours
        return False
    finally:
        doc.close()
    creator, title = metadata.get("creator"), metadata.get("title") or ""
    return creator == "vlnl-desktop" and title.startswith(SHEET_TITLE_PREFIX)


def _old_details(damaged: Path, sha256: str) -> tuple[dict, list] | None:
    """What the damaged copy says of the document stored as ``sha256``: its details and links."""
    try:
        old = salvage(damaged)
    except READ_ERRORS:
        return None
    try:
        cursor = old.execute(
            f"SELECT id, origin, {', '.join(_DETAILS)} FROM documents WHERE sha256 = ?",
            (sha256,),
        )
        row = cursor.fetchone()
        if row is None:
            return None
        old_id, origin, *values = row
        if origin == "sheet":
            return None
        links = old.execute(
            "SELECT record_id, position FROM document_links WHERE document_id = ?", (old_id,)
        ).fetchall()
        return dict(zip(_DETAILS, values, strict=True)), links
    except READ_ERRORS:
        return None
    finally:
        old.close()


def _give_back_details(ws: Workspace, damaged: Path, results: list[ImportResult]) -> None:
    conn = connect_writer(ws)
    try:
        for result in results:
            if result.status != "imported":
                continue
            sha256 = conn.execute(
                "SELECT sha256 FROM documents WHERE id = ?", (result.document_id,)
            ).fetchone()[0]
            found = _old_details(damaged, sha256)
            if found is None:
                continue
            details, links = found
            details = {k: v for k, v in details.items() if v is not None}
            try:
                with transaction(conn):
                    if details:
                        sets = ", ".join(f"{k} = ?" for k in details)
                        conn.execute(
                            f"UPDATE documents SET {sets} WHERE id = ?",
                            (*details.values(), result.document_id),
                        )
                    link_all(conn, [(result.document_id, rid, pos) for rid, pos in links])
            except sqlite3.IntegrityError:  # details the new archive refuses: the import's stay
                continue
    finally:
        conn.close()


def recover_files(ws: Workspace, damaged: Path | None = None) -> list[ImportResult]:
    """Import again every stored file no document points at (record sheets of earlier builds
    aside), with its title and links from ``damaged`` (the damaged copy) where they can be read."""
    conn = connect_writer(ws)
    try:
        known = {
            row[0] for row in conn.execute("SELECT sha256 FROM documents WHERE sha256 IS NOT NULL")
        }
    finally:
        conn.close()
    orphans = [
        path
        for path in sorted(ws.documents_dir.glob("*.pdf"))
        if path.stem not in known and not _a_build_sheet(path)
    ]
    results = import_files(ws, orphans) if orphans else []
    if damaged is not None and results:
        _give_back_details(ws, damaged, results)
    return results
