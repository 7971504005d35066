"""Repairing the working archive: check that archive.db can be read, move a damaged one aside.

Nothing is deleted: a damaged file is renamed ``archive.db.damaged-<timestamp>`` before the rebuild.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path


def is_readable_archive(db_path: Path) -> bool:
    """True if ``db_path`` opens as an SQLite database whose documents table can be read."""
    try:
        conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
        try:
            conn.execute("PRAGMA quick_check").fetchone()
            conn.execute("SELECT count(*) FROM documents").fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        return False
    return True


def move_aside(db_path: Path, now: datetime | None = None) -> Path:
    """Rename the damaged ``db_path`` (and its -wal/-shm files) to ``*.damaged-<timestamp>``."""
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    target = db_path.with_name(f"{db_path.name}.damaged-{stamp}")
    n = 1
    while target.exists():
        target = db_path.with_name(f"{db_path.name}.damaged-{stamp}-{n}")
        n += 1
    db_path.rename(target)
    for suffix in ("-wal", "-shm"):
        extra = Path(str(db_path) + suffix)
        if extra.exists():
            extra.rename(Path(str(target) + suffix))
    return target


def rebuild(db_path: Path) -> Path | None:
    """Rebuild the archive from the bundled one; returns where a damaged file was moved, if any.

    Raises the core's VlnlError (or OSError) if the build fails.
    """
    moved = None
    if db_path.exists() and not is_readable_archive(db_path):
        moved = move_aside(db_path)
    from vlnl_desktop.core.build import build_archive  # sqlite-utils: only when rebuilding

    build_archive(db_path)
    return moved
