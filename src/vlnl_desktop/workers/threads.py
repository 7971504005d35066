"""A worker's QThread: made, and stopped at close, the same way for every client.

A ``QThread`` destroyed while it runs aborts the process, so each client stops its thread when it
shuts down or is deleted. ``before`` runs first (cancel the job, close the worker's connection);
the thread then finishes the job it is in (every write is whole) and quits.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

from PySide6.QtCore import QObject, QThread


def stop_thread(
    thread: QThread, before: Callable[[], object] | None = None, timeout_ms: int | None = None
) -> None:
    """Run ``before``, quit ``thread`` and wait for it (``timeout_ms``: at most that long).

    Safe to call twice and during interpreter shutdown, when the Qt objects may be gone."""
    try:
        running = thread.isRunning()
    except RuntimeError:  # already deleted (interpreter shutdown)
        return
    if not running:
        return
    if before is not None:
        try:
            before()
        except RuntimeError:  # the worker or client is already gone
            pass
    thread.quit()
    if timeout_ms is None:
        thread.wait()
    else:
        thread.wait(timeout_ms)


def thread_for(
    owner: QObject,
    worker: QObject,
    name: str,
    before: Callable[[], object] | None = None,
    timeout_ms: int | None = None,
) -> QThread:
    """A thread of its own for ``worker`` (not started: it starts with the first job), named
    ``name``; the worker is deleted when the thread ends, and the thread is stopped (``before``
    first) when ``owner`` is destroyed, even without a shutdown: a QThread destroyed while running
    aborts the process."""
    thread = QThread()
    thread.setObjectName(name)
    worker.moveToThread(thread)
    thread.finished.connect(worker.deleteLater)
    owner.destroyed.connect(functools.partial(stop_thread, thread, before, timeout_ms))
    return thread
