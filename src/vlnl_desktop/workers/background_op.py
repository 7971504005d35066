"""Background operations: plain Python callables run off the GUI thread, one after another.

Like Anki's ``CollectionOp`` / taskman: the GUI hands ``BackgroundOp.run`` a callable that does the
work (rebuild the archive, write a dossier) and gets a job id back; the callable runs in the op's one
``QThread`` and its result comes back by signal, with that id. The callable must not touch widgets:
it gets nothing from the GUI but what it closes over, and opens its own connections. PyMuPDF work
done this way never runs on the GUI thread (DESIGN.md: exactly one thread owns each Document).

A ``VlnlError`` fails with its one-line message; anything else is logged with its traceback and
fails with a short generic message.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal, Slot

from vlnl_desktop.core.errors import VlnlError
from vlnl_desktop.workers.threads import stop_thread, thread_for

log = logging.getLogger(__name__)


def failure_message(exc: BaseException) -> str:
    """What a user reads about ``exc``: a VlnlError's or OSError's own line, else the type and text."""
    if isinstance(exc, VlnlError):
        return str(exc)
    if isinstance(exc, OSError):
        if exc.filename is not None and exc.strerror:
            return f"{exc.filename}: {exc.strerror}"
        return exc.strerror or str(exc)
    return f"{type(exc).__name__}: {exc}"


class _OpWorker(QObject):
    """Lives in the op's thread and runs each job it is sent, in the order sent."""

    done = Signal(int, object)
    failed = Signal(int, str)

    @Slot(int, object)
    def run_job(self, job: int, work: Callable[[], object]) -> None:
        try:
            result = work()
        except (VlnlError, OSError) as exc:
            log.warning("background job %d failed: %s", job, exc)
            self.failed.emit(job, failure_message(exc))
            return
        except Exception as exc:  # sqlite3, MuPDF, anything unforeseen: a message, never a crash
            log.exception("background job %d failed", job)
            self.failed.emit(job, failure_message(exc))
            return
        self.done.emit(job, result)


class BackgroundOp(QObject):
    """The GUI side: ``run(work)`` queues a job; ``done``/``failed`` say how each one ended."""

    done = Signal(int, object)
    """Job id and what the callable returned."""
    failed = Signal(int, str)
    """Job id and a one-line message fit to show."""
    busy_changed = Signal(bool)
    """True when the first job is queued, False when the last one has ended."""
    _submit = Signal(int, object)

    def __init__(self, parent: QObject | None = None, name: str = "background-op") -> None:
        super().__init__(parent)
        self._last_job = 0
        self._pending: dict[int, tuple[Callable | None, Callable | None]] = {}
        self._worker = _OpWorker()
        # the thread starts with the first job and stops with the op, even when the op is deleted
        # without shutdown()
        self._thread = thread_for(self, self._worker, name)
        self._submit.connect(self._worker.run_job)
        self._worker.done.connect(self._on_done)
        self._worker.failed.connect(self._on_failed)

    @property
    def busy(self) -> bool:
        """A job is queued or running."""
        return bool(self._pending)

    def run(
        self,
        work: Callable[[], object],
        on_done: Callable[[object], None] | None = None,
        on_failed: Callable[[str], None] | None = None,
    ) -> int:
        """Queue ``work`` to run in the op's thread; returns its job id.

        ``on_done(result)`` or ``on_failed(message)`` is called in the GUI thread when it ends,
        before ``done``/``failed`` are emitted."""
        if not self._thread.isRunning():
            self._thread.start()
        self._last_job += 1
        job = self._last_job
        was_busy = self.busy
        self._pending[job] = (on_done, on_failed)
        if not was_busy:
            self.busy_changed.emit(True)
        self._submit.emit(job, work)
        return job

    def shutdown(self) -> None:
        """Let the running job finish and stop the thread (queued jobs are dropped)."""
        self._pending.clear()
        stop_thread(self._thread)

    def _finish(self, job: int) -> tuple[Callable | None, Callable | None]:
        if job not in self._pending:  # dropped by shutdown()
            return None, None
        callbacks = self._pending.pop(job)
        if not self._pending:
            self.busy_changed.emit(False)
        return callbacks

    def _on_done(self, job: int, result: object) -> None:
        on_done, _ = self._finish(job)
        if on_done is not None:
            on_done(result)
        self.done.emit(job, result)

    def _on_failed(self, job: int, message: str) -> None:
        _, on_failed = self._finish(job)
        if on_failed is not None:
            on_failed(message)
        self.failed.emit(job, message)
