"""Importing PDFs off the GUI thread: one worker in its own QThread, driven by ``ImportClient``.

``ImportWorker.run_job`` expands folders (every ``*.pdf`` inside, recursively), then calls
``core.importer.import_files``, which opens its own writer connection in this thread; PyMuPDF
documents are opened and closed in this thread only. Progress comes back by signal; ``cancel()``
is called from the GUI thread and stops the import between files (what was imported stays).

``local_paths(mime)`` reads the files and folders of a drag and drop (used by the window and the
tree model).
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

from PySide6.QtCore import QMimeData, QObject, Signal, Slot

from vlnl_desktop.workers.threads import stop_thread, thread_for


def local_paths(mime: QMimeData | None) -> list[Path]:
    """The local files and folders in dragged data (web addresses and other data are ignored)."""
    if mime is None or not mime.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]


class ImportWorker(QObject):
    """Runs import jobs in its thread, one after another."""

    started = Signal(int, list)
    """Job number and the files it will import, in order (folders expanded)."""
    file_done = Signal(int, int, object)
    """Job number, the file's index and its ``core.importer.ImportResult``."""
    finished = Signal(int, list, bool)
    """Job number, the results (one per file handled) and whether the job was cancelled."""
    failed = Signal(int, str)
    """Job number and a message fit to show: the archive could not be written at all."""

    def __init__(self, archive_root: str):
        super().__init__()
        self._root = archive_root
        self._cancel = threading.Event()

    def cancel(self) -> None:
        """Stop after the current file; thread-safe (called from the GUI thread)."""
        self._cancel.set()

    @Slot(int, list, object, object)
    def run_job(self, job: int, paths: list, record_id: str | None, password: str | None) -> None:
        from vlnl_desktop.core.archive.workspace import Workspace
        from vlnl_desktop.core.documents.importer import (
            default_workers,
            expand_paths,
            import_files,
        )
        from vlnl_desktop.core.errors import VlnlError

        self._cancel.clear()
        try:
            files = expand_paths(paths)
        except OSError as exc:
            self.failed.emit(job, str(exc))
            return
        self.started.emit(job, [str(f) for f in files])

        def cancelled() -> bool:
            return self._cancel.is_set()

        def progress(index: int, result) -> None:
            self.file_done.emit(job, index, result)

        try:
            results = import_files(
                Workspace(Path(self._root)),
                files,
                record_id=record_id,
                password=password,
                progress=progress,
                cancelled=cancelled,
                # text extraction in a process even for one file: the viewer's thread uses
                # PyMuPDF in this process, and PyMuPDF is not made for two threads at once
                workers=max(1, default_workers(len(files))),
            )
        except (VlnlError, OSError) as exc:
            self.failed.emit(job, str(exc))
            return
        except Exception as exc:  # sqlite3 and anything unforeseen: a message, never a crash
            import logging

            logging.getLogger(__name__).exception("import failed")
            self.failed.emit(job, f"{type(exc).__name__}: {exc}")
            return
        self.finished.emit(job, results, self._cancel.is_set() and len(results) < len(files))


class ImportClient(QObject):
    """The GUI side: start a job, follow it by signal, cancel it; the thread starts on first use."""

    started = Signal(list)
    """The files the job imports, in order (folders expanded)."""
    file_done = Signal(int, object)
    """A file was handled: its index and its ``ImportResult``."""
    finished = Signal(list, bool)
    """The results and whether the job was cancelled."""
    failed = Signal(str)
    _run = Signal(int, list, object, object)

    def __init__(self, archive_root: str | Path, parent: QObject | None = None):
        super().__init__(parent)
        self._job = 0
        self._busy = False
        self._worker = ImportWorker(str(archive_root))
        self._thread = thread_for(self, self._worker, "import", self._worker.cancel)
        self._run.connect(self._worker.run_job)
        self._worker.started.connect(self._on_started)
        self._worker.file_done.connect(self._on_file_done)
        self._worker.finished.connect(self._on_finished)
        self._worker.failed.connect(self._on_failed)

    @property
    def busy(self) -> bool:
        return self._busy

    def run(
        self,
        paths: list[str | os.PathLike],
        record_id: str | None = None,
        password: str | None = None,
    ) -> bool:
        """Import ``paths`` (files and folders); False if a job is still running."""
        if self._busy:
            return False
        if not self._thread.isRunning():
            self._thread.start()
        self._busy = True
        self._job += 1
        self._run.emit(self._job, [str(p) for p in paths], record_id, password)
        return True

    def cancel(self) -> None:
        if self._busy:
            self._worker.cancel()

    def shutdown(self) -> None:
        """Cancel, let the current file finish (its transaction completes) and stop the thread."""
        stop_thread(self._thread, self._worker.cancel)

    def _on_started(self, job: int, files: list) -> None:
        if job == self._job:
            self.started.emit(files)

    def _on_file_done(self, job: int, index: int, result) -> None:
        if job == self._job:
            self.file_done.emit(index, result)

    def _on_finished(self, job: int, results: list, cancelled: bool) -> None:
        if job == self._job:
            self._busy = False
            self.finished.emit(results, cancelled)

    def _on_failed(self, job: int, message: str) -> None:
        if job == self._job:
            self._busy = False
            self.failed.emit(message)
