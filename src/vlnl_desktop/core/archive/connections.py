"""The one connection factory: every sqlite3 connection to an archive file is opened here.

- ``connect_readonly(ws)``: for browsing and search (``mode=ro``; rows as ``sqlite3.Row``); the
  window, the CLI's readers and the search worker use it.
- ``connect_writer(ws)``: the one read-write connection of an import or fetch: foreign keys on,
  WAL, explicit transactions (``transaction``). Writers also hold the archive's writer lock.
- ``probe(path)``: a plain read-only look at a file that may not be a (healthy) archive at all.
- ``create(path)``: the build's connection to the new file it fills (sqlite3's own transactions,
  for sqlite-utils).
- ``salvage(path)``: read what can be read from a damaged archive (recovery only).

Any way a file fails to read (``READ_ERRORS``: SQLite's errors, and text that is not UTF-8, even
in the schema) makes the archive "damaged"; writers refuse a damaged archive (``quick_check``) and
a write that fails says why in one line (disk full, read-only), the archive left as it was.

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
# every way reading a damaged file fails: SQLite's errors, and bytes that are not UTF-8
READ_ERRORS = (sqlite3.DatabaseError, UnicodeDecodeError)
REBUILD_HINT = "'vlnl-desktop build' rebuilds it and keeps your additions"


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


def _lenient_text(data: bytes) -> str:
    return data.decode("utf-8", "replace")


def salvage(path: Path) -> sqlite3.Connection:
    """A read-only connection to a damaged archive that reads what it can: schema entries that do
    not parse are passed over, text that is not UTF-8 is read with U+FFFD in place."""
    conn = _open(f"file:{path}?mode=ro", uri=True)
    conn.execute("PRAGMA writable_schema = ON")  # read-only: only lets a damaged schema load
    conn.text_factory = _lenient_text
    return conn


def _missing(ws: Workspace) -> ArchiveError:
    return ArchiveError(f"{ws.db_path}: the archive is missing")


def damaged(path: Path, exc: BaseException) -> ArchiveError:
    """The one message for an archive that cannot be read."""
    detail = " ".join(str(exc).split())[:160]
    return ArchiveError(f"{path}: the archive is damaged ({detail}); {REBUILD_HINT}")


def write_failed(conn: sqlite3.Connection, exc: sqlite3.Error) -> ArchiveError | None:
    """A write that SQLite refused for a cause outside the program (disk full, read-only, I/O),
    said in one line; None for any other error (a bug: not the user's to read)."""
    text = str(exc)
    if "full" in text:
        cause = "the disk is full"
    elif "readonly" in text or "read-only" in text:
        cause = "the archive is read-only"
    elif "I/O" in text:
        cause = f"a disk error ({text})"
    else:
        return None
    try:
        path = conn.execute("PRAGMA database_list").fetchone()[2]
    except sqlite3.Error:
        path = "the archive"
    return ArchiveError(f"{path}: cannot write: {cause}; the archive is left as it was")


def connect_readonly(ws: Workspace) -> sqlite3.Connection:
    """A read-only connection for browsing and search, usable from any one thread at a time."""
    if not ws.exists():
        raise _missing(ws)
    conn = None
    try:
        conn = _open(f"file:{ws.db_path}?mode=ro", uri=True, same_thread=False)
        check_version(conn, ws.db_path)
    except (*READ_ERRORS, ArchiveError) as exc:
        if conn is not None:
            conn.close()
        if isinstance(exc, ArchiveError):
            raise
        raise damaged(ws.db_path, exc) from None
    conn.row_factory = sqlite3.Row
    conn.text_factory = _lenient_text  # a damaged byte in a row reads as U+FFFD, never raises
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
        verdict = conn.execute("PRAGMA quick_check(1)").fetchone()[0]
        if verdict != "ok":  # never write into a damaged archive
            raise sqlite3.DatabaseError(verdict)
    except READ_ERRORS as exc:
        if conn is not None:
            conn.close()
        if "readonly" in str(exc) or "read-only" in str(exc):
            raise ArchiveError(f"{ws.db_path}: the archive is read-only") from None
        raise damaged(ws.db_path, exc) from None
    except ArchiveError:
        conn.close()
        raise
    return conn


@contextlib.contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """``BEGIN IMMEDIATE`` … ``COMMIT``; rolled back on any error. A write SQLite refuses (disk
    full, read-only file) raises ``ArchiveError`` naming the cause."""
    try:
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield conn
        except BaseException:
            if conn.in_transaction:  # SQLite may have rolled back itself (disk full)
                conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
    except sqlite3.OperationalError as exc:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        problem = write_failed(conn, exc)
        if problem is None:
            raise
        raise problem from None
