"""The one connection factory: every sqlite3 connection to an archive file is opened here.

- ``connect_readonly(ws)``: for browsing and search (``mode=ro``; rows as ``sqlite3.Row``); the
  window, the CLI's readers and the search worker use it.
- ``connect_writer(ws)``: the one read-write connection of an import or fetch: foreign keys on,
  WAL, explicit transactions (``transaction``). Writers also hold the archive's writer lock.
- ``probe(path)``: a plain read-only look at a file that may not be a (healthy) archive at all.
- ``create(path)``: the build's connection to the new file it fills (sqlite3's own transactions,
  for sqlite-utils).

All wait for a lock held by another connection for the same ``BUSY_TIMEOUT_MS``. Plain sqlite3:
this is on the start-up path, where sqlite-utils (~180 ms to import) is not wanted.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from vlnl_desktop.core.archive.schema_version import check_version
from vlnl_desktop.core.archive.workspace import Workspace
from vlnl_desktop.core.errors import ArchiveError

BUSY_TIMEOUT_MS = 10_000


def _open(target: str | Path, *, uri: bool, same_thread: bool = True) -> sqlite3.Connection:
    conn = sqlite3.connect(
        target,
        uri=uri,
        timeout=BUSY_TIMEOUT_MS / 1000,
        isolation_level=None,
        check_same_thread=same_thread,
    )
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    return conn


def probe(path: Path, *, writable: bool = False) -> sqlite3.Connection:
    """A connection to ``path`` without any check (``writable``: read-write if the file allows,
    else read-only). Raises ``sqlite3.DatabaseError`` for what cannot be opened."""
    if writable:
        try:
            return _open(f"file:{path}?mode=rw", uri=True)
        except sqlite3.OperationalError:  # a read-only file
            pass
    return _open(f"file:{path}?mode=ro", uri=True)


def create(path: Path) -> sqlite3.Connection:
    """A connection that makes and fills a new archive file (the build's; foreign keys on)."""
    conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000)
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


def _missing(ws: Workspace) -> ArchiveError:
    return ArchiveError(f"{ws.db_path}: the archive is missing")


def connect_readonly(ws: Workspace) -> sqlite3.Connection:
    """A read-only connection for browsing and search, usable from any one thread at a time."""
    if not ws.exists():
        raise _missing(ws)
    conn = None
    try:
        conn = _open(f"file:{ws.db_path}?mode=ro", uri=True, same_thread=False)
        check_version(conn, ws.db_path)
    except (sqlite3.DatabaseError, ArchiveError) as exc:
        if conn is not None:
            conn.close()
        if isinstance(exc, ArchiveError):
            raise
        raise ArchiveError(f"{ws.db_path}: the archive is damaged ({exc})") from None
    conn.row_factory = sqlite3.Row
    return conn


def connect_writer(ws: Workspace) -> sqlite3.Connection:
    """The one read-write connection: foreign keys on, WAL, explicit transactions."""
    if not ws.exists():
        raise _missing(ws)
    conn = None
    try:
        conn = _open(ws.db_path, uri=False)
        check_version(conn, ws.db_path)  # before anything that writes: not ours, not touched
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")  # WAL: consistent after a crash, fewer fsyncs
    except sqlite3.DatabaseError as exc:
        if conn is not None:
            conn.close()
        if "readonly" in str(exc) or "read-only" in str(exc):
            raise ArchiveError(f"{ws.db_path}: the archive is read-only") from None
        raise ArchiveError(f"{ws.db_path}: the archive is damaged ({exc})") from None
    except ArchiveError:
        conn.close()
        raise
    return conn


@contextlib.contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """``BEGIN IMMEDIATE`` … ``COMMIT``; rolled back on any error."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
