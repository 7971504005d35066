"""OCR off the GUI thread: one worker in its own QThread, driven by ``OcrClient``.

``OcrWorker.run_job`` calls ``core.ocr.run.run_ocr``: the pages are read in worker processes
(Tesseract below normal priority, so the window keeps its share of the cores) and written by this
thread, a few pages at a time. Progress comes back by signal; ``cancel()`` (from the GUI thread)
stops the run after the page at hand; what was read is kept and the next run resumes there.
"""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QObject, Signal, Slot

from vlnl_desktop.workers.threads import stop_thread, thread_for


class OcrWorker(QObject):
    """Runs OCR jobs in its thread, one after another."""

    progress = Signal(int, object)
    """Job number and a ``core.ocr.run.OcrProgress``."""
    finished = Signal(int, object)
    """Job number and the ``core.ocr.run.OcrReport``."""
    failed = Signal(int, str, str)
    """Job number, a problem code (``core.errors``; "" for any other failure) and its detail."""

    def __init__(self, archive_root: str):
        super().__init__()
        self._root = archive_root
        self._cancel = threading.Event()

    def cancel(self) -> None:
        """Stop after the page at hand; thread-safe."""
        self._cancel.set()

    @Slot(int, object)
    def run_job(self, job: int, document_ids: list[str] | None) -> None:
        from vlnl_desktop.core.archive.workspace import Workspace
        from vlnl_desktop.core.errors import Problem, VlnlError
        from vlnl_desktop.core.ocr.run import BACKGROUND_NICE, run_ocr

        self._cancel.clear()
        try:
            report = run_ocr(
                Workspace(Path(self._root)),
                document_ids,
                nice=BACKGROUND_NICE,
                progress=lambda step: self.progress.emit(job, step),
                cancelled=self._cancel.is_set,
            )
        except Problem as exc:
            self.failed.emit(job, exc.code, exc.detail)
            return
        except (VlnlError, OSError) as exc:
            self.failed.emit(job, "", str(exc))
            return
        except Exception as exc:  # sqlite3 and anything unforeseen: a message, never a crash
            import logging

            logging.getLogger(__name__).exception("OCR failed")
            self.failed.emit(job, "", f"{type(exc).__name__}: {exc}")
            return
        self.finished.emit(job, report)


class OcrClient(QObject):
    """The GUI side: start a run, follow it, cancel it; the thread starts on first use."""

    progress = Signal(object)
    """A page was handled: ``OcrProgress``."""
    finished = Signal(object)
    """The run ended (done or cancelled): ``OcrReport``."""
    failed = Signal(str, str)
    """The run could not go on: a problem code ("" for others) and its detail."""
    _run = Signal(int, object)

    def __init__(self, archive_root: str | Path, parent: QObject | None = None):
        super().__init__(parent)
        self._job = 0
        self._busy = False
        self._worker = OcrWorker(str(archive_root))
        self._thread = thread_for(self, self._worker, "ocr", self._worker.cancel)
        self._run.connect(self._worker.run_job)
        self._worker.progress.connect(self._on_progress)
        self._worker.finished.connect(self._on_finished)
        self._worker.failed.connect(self._on_failed)

    @property
    def busy(self) -> bool:
        return self._busy

    def run(self, document_ids: list[str] | None = None) -> bool:
        """Read the pages still to read of ``document_ids`` (None: all); False if busy."""
        if self._busy:
            return False
        if not self._thread.isRunning():
            self._thread.start()
        self._busy = True
        self._job += 1
        self._run.emit(self._job, list(document_ids) if document_ids is not None else None)
        return True

    def cancel(self) -> None:
        if self._busy:
            self._worker.cancel()

    def shutdown(self) -> None:
        """Cancel, let the page at hand be written, stop the thread."""
        stop_thread(self._thread, self._worker.cancel)

    def _on_progress(self, job: int, step) -> None:
        if job == self._job:
            self.progress.emit(step)

    def _on_finished(self, job: int, report) -> None:
        if job == self._job:
            self._busy = False
            self.finished.emit(report)

    def _on_failed(self, job: int, code: str, detail: str) -> None:
        if job == self._job:
            self._busy = False
            self.failed.emit(code, detail)
