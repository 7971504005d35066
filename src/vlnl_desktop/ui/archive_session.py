"""The window's hold on one working archive: its read-only connection, catalog and state.

``ArchiveSession`` opens the archive (``load``), says when what it holds changed (``changed``) or the
archive cannot be read (``problem_found``), and runs the work that needs PyMuPDF or a writer off the
GUI thread through one ``BackgroundOp``: the rebuild and the dossier export. The window, the tree,
the timeline, the theme table and the export get what they need from here (the catalog, the counts,
``timeline_data()``, ``export_dossier``); none of them is handed the sqlite3 connection, and the SQL
stays in core (``core.catalog``, ``core.timeline_data``).
"""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from vlnl_desktop.core.archive.connections import connect_readonly
from vlnl_desktop.core.archive.workspace import Workspace
from vlnl_desktop.core.catalog import Catalog, Counts, Detail, RecordRef, Section
from vlnl_desktop.core.errors import ArchiveError
from vlnl_desktop.core.notes.listing import notes_section
from vlnl_desktop.workers.background_op import BackgroundOp

log = logging.getLogger(__name__)


class ArchiveSession(QObject):
    """One working archive as the window sees it; None/empty while it cannot be read."""

    changed = Signal()
    """The archive was (re)read: catalog, counts, sections and timeline data are new."""
    problem_found = Signal(str)
    """The archive cannot be read: the one-line reason."""
    rebuild_started = Signal()
    """A rebuild was queued; the connection is closed until it ends."""
    rebuilt = Signal(object)
    """The rebuild ended and the new archive was read (after ``changed``): where a damaged file
    was moved, or None. If the new archive cannot be read, ``problem_found`` comes instead."""
    rebuild_failed = Signal(str)
    """The rebuild failed: the one-line reason."""

    def __init__(self, workspace: Workspace, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.op = BackgroundOp(self, name="archive-op")
        self.catalog: Catalog | None = None
        self.counts: Counts | None = None
        self.sections: list[Section] = []
        self.problem: str | None = None
        self.rebuilding = False
        self._conn: sqlite3.Connection | None = None
        self._timeline = None  # core.timeline_data.TimelineData, read on first use

    @property
    def is_open(self) -> bool:
        return self.catalog is not None

    # --- reading ---

    def load(self) -> bool:
        """(Re)read the archive; False (and ``problem_found``) if it cannot be read."""
        self.close()
        try:
            conn = connect_readonly(self.workspace)
            catalog = Catalog(conn)
            sections = catalog.sections()
            sections.append(notes_section(conn))  # the user's own: "Mijn notities"
            counts = catalog.counts()
        except (ArchiveError, sqlite3.Error) as exc:
            log.warning("cannot open the archive: %s", exc)
            self.report_problem(str(exc))
            return False
        self._conn, self.catalog = conn, catalog
        self.counts, self.sections = counts, sections
        self.problem = None
        self.changed.emit()
        return True

    def report_problem(self, message: str) -> None:
        """The archive cannot be read (found here, or by whoever opened the workspace)."""
        self.close()
        self.problem = message
        self.problem_found.emit(message)

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
        self._conn, self.catalog, self.counts, self._timeline = None, None, None, None
        self.sections = []

    def detail(self, record_id: str) -> Detail | None:
        """The record's detail; a read error counts as a damaged archive (``problem_found``)."""
        if self.catalog is None:
            return None
        try:
            return self.catalog.detail(record_id)
        except sqlite3.Error as exc:
            self.report_problem(str(exc))
            raise ArchiveError(str(exc)) from None

    def ocr_state(self, document_id: str) -> tuple[int, int] | None:
        """(pages read by OCR, pages still to read) of a document; None while unreadable."""
        if self._conn is None:
            return None
        from vlnl_desktop.core.ocr.store import counts

        try:
            return counts(self._conn, document_id)
        except sqlite3.Error as exc:  # an archive from before OCR is rebuilt on open
            log.warning("cannot read the OCR state of %s: %s", document_id, exc)
            return None

    def section_refs(self, key: str, kind: str) -> list[RecordRef]:
        """The records of one tree section (e.g. the summits) as references, in tree order."""
        for section in self.sections:
            if section.key == key:
                return [RecordRef(e.id, kind, e.label, e.date) for e in section.entries]
        return []

    def timeline_data(self):
        """What the timeline and the theme table show (``core.timeline_data.TimelineData``), read
        once per load; raises ``ArchiveError`` if the archive is closed or cannot be read."""
        if self._conn is None:
            raise ArchiveError(f"{self.workspace.db_path}: the archive is not open")
        if self._timeline is None:
            from vlnl_desktop.core.timeline_data import load_timeline

            try:
                self._timeline = load_timeline(self._conn)
            except sqlite3.Error as exc:
                raise ArchiveError(f"{self.workspace.db_path}: {exc}") from None
        return self._timeline

    # --- work off the GUI thread ---

    def rebuild(self) -> bool:
        """Rebuild archive.db from the bundled archive in the background (a damaged file is moved
        aside first); ``rebuilt`` or ``rebuild_failed`` says how it went. False if one is running."""
        if self.rebuilding:
            return False
        self.rebuilding = True
        self.close()  # the file may be moved aside or replaced
        workspace = self.workspace

        def work() -> Path | None:
            from vlnl_desktop.core.archive.lifecycle import rebuild

            workspace.documents_dir.mkdir(parents=True, exist_ok=True)
            return rebuild(workspace.db_path).damaged_copy

        self.rebuild_started.emit()
        self.op.run(work, self._on_rebuilt, self._on_rebuild_failed)
        return True

    def _on_rebuilt(self, moved: Path | None) -> None:
        self.rebuilding = False
        if self.load():
            self.rebuilt.emit(moved)

    def _on_rebuild_failed(self, message: str) -> None:
        self.rebuilding = False
        self.rebuild_failed.emit(message)

    def export_dossier(self, record_id: str, path: Path, on_done=None, on_failed=None) -> int:
        """Write the dossier of ``record_id`` to ``path`` in the background, on a connection of its
        own; ``on_done(path)`` or ``on_failed(message)`` follows in the GUI thread. The job id."""
        workspace = self.workspace

        def work() -> Path:
            from vlnl_desktop.core.documents.sheets import export_dossier  # PyMuPDF

            conn = connect_readonly(workspace)
            try:
                return export_dossier(conn, record_id, path)
            finally:
                conn.close()

        return self.op.run(work, on_done, on_failed)

    def update_search_index(self, on_done=None) -> int:
        """Bring the search index up to date with what SQLite holds (after the user's notes
        changed) in the background, if the archive's writer lock is free; ``on_done(index)``
        follows in the GUI thread. The job id."""
        workspace = self.workspace

        def work():
            from vlnl_desktop.core.search.upkeep import update_index

            return update_index(workspace)

        return self.op.run(work, on_done, lambda message: log.warning("%s", message))

    def shutdown(self) -> None:
        """Let a running job finish, stop the op's thread, close the connection."""
        self.op.shutdown()
        self.close()
