"""Attaching the user's copy of an official document: the file becomes that document's file.

The record keeps its title, date, links and address; the file is read once and checked like an
import (``importer.prepare_staged``, in the sandbox), stored as ``documents/<sha256>.pdf`` and its
pages indexed, in one transaction, with the date attached. A document that already has a file
takes a different one only when the caller says ``replace`` (the window asks the user first): the
file it had is then kept as an earlier version (``rows.replace_file``; it stays in the store).
Only the documents of the records take a file this way: a fiche is made by the archive, an import
is its own file.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path

from vlnl_desktop.core.archive.connections import connect_writer
from vlnl_desktop.core.archive.workspace import Workspace
from vlnl_desktop.core.archive.writer_lock import writer_lock
from vlnl_desktop.core.documents.importer import prepare_staged
from vlnl_desktop.core.documents.rows import find_by_sha, replace_file, write_document
from vlnl_desktop.core.documents.store import clean_leftovers, new_temp, place
from vlnl_desktop.core.errors import Problem, problem_text
from vlnl_desktop.core.pdf.sandbox import Sandbox
from vlnl_desktop.core.search.index import index_update
from vlnl_desktop.core.vocabulary import OBTAINED_ATTACHED, ORIGIN_BUNDLED


@dataclass(frozen=True)
class AttachResult:
    document_id: str
    status: str  # "attached", "replaced", "same" (that file already) or "failed"
    pages: int = 0
    code: str = ""  # why it failed (core.errors.PROBLEM_TEXTS): "has_file" asks for a confirmation
    detail: str = ""

    @property
    def ok(self) -> bool:
        return self.status != "failed"

    @property
    def reason(self) -> str:
        return problem_text(self.code, self.detail) if self.code else ""


def attach_copy(
    ws: Workspace,
    document_id: str,
    path: str | os.PathLike,
    *,
    replace: bool = False,
    today: str | None = None,
    password: str | None = None,
) -> AttachResult:
    """Make the PDF at ``path`` the file of the official document ``document_id`` (see the
    module); never raises for a bad file or a refusal: the result says what happened. An
    encrypted file is read with ``password`` (stored as it is: the viewer asks for it)."""
    with writer_lock(ws.root):
        return _attach_locked(ws, document_id, Path(path), replace, today, password)


def _attach_locked(
    ws: Workspace,
    document_id: str,
    path: Path,
    replace: bool,
    today: str | None,
    password: str | None,
) -> AttachResult:
    attached_on = today or dt.date.today().isoformat()
    conn = connect_writer(ws)
    staged = None
    try:
        row = conn.execute(
            "SELECT sha256, origin FROM documents WHERE id = ?", (document_id,)
        ).fetchone()
        if row is None or row[1] != ORIGIN_BUNDLED:
            code = "no_document" if row is None else "not_official"
            return AttachResult(document_id, "failed", code=code, detail=document_id)
        current = row[0]
        clean_leftovers(ws.documents_dir)
        staged = new_temp(ws.documents_dir)
        try:
            with Sandbox() as box:
                prepared = box.run(prepare_staged, str(path), password, str(staged))
        except Problem as exc:
            return AttachResult(document_id, "failed", code=exc.code, detail=exc.detail)
        pages = len(prepared.pages)
        if prepared.sha256 == current:
            return AttachResult(document_id, "same", pages=pages)
        other = find_by_sha(conn, prepared.sha256)
        if other is not None and other != document_id:
            return AttachResult(document_id, "failed", code="in_use", detail=other)
        if current is not None and not replace:
            return AttachResult(document_id, "failed", code="has_file")
        try:
            place(ws.documents_dir, staged, prepared.sha256)
        except OSError as exc:
            detail = exc.strerror or str(exc)
            return AttachResult(document_id, "failed", code="store_failed", detail=detail)
        with index_update(ws.db_path, conn) as index:
            if current is not None:
                replace_file(
                    conn, document_id, prepared, replaced_on=attached_on, obtained=OBTAINED_ATTACHED
                )
            else:
                write_document(
                    conn,
                    prepared,
                    document_id=document_id,
                    retrieved=attached_on,
                    obtained=OBTAINED_ATTACHED,
                )
            if index is not None:
                index.add_document(conn, document_id)
        return AttachResult(document_id, "replaced" if current else "attached", pages=pages)
    finally:
        conn.close()
        if staged is not None:
            staged.unlink(missing_ok=True)
