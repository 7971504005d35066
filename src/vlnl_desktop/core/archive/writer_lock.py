"""One writer at a time per working archive, across processes.

Imports, fetches and builds hold an exclusive lock on ``<archive>/.writer.lock`` while they write: a
rebuild must not replace ``archive.db`` under an import that is still committing to it, and two
processes must not build at once. The lock is an OS file lock (``fcntl.flock``, ``msvcrt.locking``
on Windows): it is released when its process ends, however it ends.
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Iterator
from pathlib import Path

from vlnl_desktop.core.errors import ArchiveError

LOCK_NAME = ".writer.lock"


class ArchiveBusy(ArchiveError):
    """Another process is writing to the archive."""


def _try_lock(handle) -> bool:
    try:
        if os.name == "nt":
            import msvcrt

            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except OSError:
        return False


@contextlib.contextmanager
def writer_lock(root: Path, wait: float = 30.0, name: str = LOCK_NAME) -> Iterator[None]:
    """Hold the archive's writer lock; wait up to ``wait`` seconds, then raise ``ArchiveBusy``.

    ``name``: another lock file of the archive, held the same way (an OCR run holds its own)."""
    root.mkdir(parents=True, exist_ok=True)
    handle = open(root / name, "a+b")  # noqa: SIM115 - held for the whole block
    try:
        deadline = time.monotonic() + wait
        while not _try_lock(handle):
            if time.monotonic() >= deadline:
                raise ArchiveBusy(
                    f"{root}: another vlnl-desktop is writing to this archive; try again when "
                    "it is done"
                )
            time.sleep(0.1)
        yield
    finally:
        handle.close()  # closing releases the lock
