"""The working archive's life: opened (initialised from the bundled archive when the folder is
empty), refreshed when the bundled records or the schema changed, rebuilt — a damaged archive
first moved aside, never deleted, and what the user had added recovered from it.

The one module that ties the build (``build``) and the user's documents (``documents.importer``)
together; neither of them imports this one.
"""

from __future__ import annotations

import os
import sqlite3
import time
from pathlib import Path

from vlnl_desktop.core.archive.connections import READ_ERRORS, probe
from vlnl_desktop.core.archive.fingerprint import fingerprint
from vlnl_desktop.core.archive.schema_version import SCHEMA_VERSION
from vlnl_desktop.core.archive.workspace import DB_NAME, Workspace, resolve_root
from vlnl_desktop.core.archive.writer_lock import ArchiveBusy
from vlnl_desktop.core.errors import ArchiveError

TYPE_CHECKING = False  # typing is not imported on the start-up path of a search
if TYPE_CHECKING:
    from vlnl_desktop.core.archive.build import BuildReport
    from vlnl_desktop.core.records import Records


def _build(db_path: Path, records: Records | None = None, **options) -> BuildReport:
    # imported here: the build needs sqlite-utils (~180 ms), which opening an archive does not
    from vlnl_desktop.core.archive.build import build_archive

    return build_archive(db_path, records, **options)


def open_workspace(
    option: str | os.PathLike | None = None, *, initialise: bool = True
) -> Workspace:
    """The working archive, built from the bundled archive when the folder is empty or missing."""
    ws = Workspace(resolve_root(option))
    if ws.root.exists() and not ws.root.is_dir():
        raise ArchiveError(f"{ws.root}: not a folder")
    if initialise and not ws.exists():
        ours = ("documents", ".writer.lock")  # what an interrupted first build may leave
        if ws.root.is_dir() and any(
            p.name not in ours and not p.name.startswith(DB_NAME) for p in ws.root.iterdir()
        ):
            raise ArchiveError(
                f"{ws.root}: has no {DB_NAME} but is not empty; choose an empty folder"
            )
        try:
            ws.root.mkdir(parents=True, exist_ok=True)
            ws.documents_dir.mkdir(exist_ok=True)
        except OSError as exc:
            raise ArchiveError(
                f"{ws.root}: cannot create the archive folder: {exc.strerror}"
            ) from None
        _build(ws.db_path)
    elif initialise:
        refresh(ws)
    return ws


def archive_state(path: Path) -> tuple[int, str | None] | None:
    """(schema version, records fingerprint) of the archive at ``path``; None if unreadable."""
    try:
        conn = probe(path)
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            try:
                row = conn.execute("SELECT value FROM meta WHERE key = 'records'").fetchone()
            except sqlite3.OperationalError:  # no meta table: schema 1
                row = None
            return version, (row[0] if row else None)
        finally:
            conn.close()
    except READ_ERRORS:
        return None


def needs_refresh(ws: Workspace) -> bool:
    """Whether ``refresh`` would rebuild the working archive: of an older schema, or built from
    other bundled records (a newer program). A damaged, newer or foreign archive never is."""
    state = archive_state(ws.db_path)
    if state is None:
        return False
    version, built_from = state
    if version > SCHEMA_VERSION or (version == SCHEMA_VERSION and built_from == fingerprint()):
        return False
    return version != 0  # 0: not an archive of ours: never overwrite it


def refresh(ws: Workspace) -> bool:
    """Rebuild the working archive when ``needs_refresh`` says so, keeping the user's additions.
    True if it was rebuilt. A damaged or newer archive is left as it is: opening it reports the
    problem."""
    if not needs_refresh(ws):
        return False
    try:
        _build(ws.db_path, wait=0)
    except ArchiveBusy:
        return False  # another process writes (or is already refreshing): next start
    return True


def _readable(db_path: Path) -> bool:
    """Whether the file reads as a database in every way we ask: pages, schema text, a table."""
    try:
        conn = probe(db_path)
        try:
            ok = conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
            conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall()
            conn.execute("SELECT count(*) FROM documents").fetchone()
            return ok
        finally:
            conn.close()
    except READ_ERRORS:
        return False


def _foreign(db_path: Path) -> bool:
    """A database with tables that reads well but that this program did not make (user_version
    0). An empty file is no one's."""
    state = archive_state(db_path)
    if state is None or state[0] != 0:
        return False
    try:
        conn = probe(db_path)
        try:
            return conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] > 0
        finally:
            conn.close()
    except READ_ERRORS:
        return False


def move_aside(db_path: Path) -> Path:
    """Rename a damaged ``db_path`` (and its -wal/-shm files) to ``*.damaged-<timestamp>``."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    target = db_path.with_name(f"{db_path.name}.damaged-{stamp}")
    n = 1
    while target.exists():
        target = db_path.with_name(f"{db_path.name}.damaged-{stamp}-{n}")
        n += 1
    os.replace(db_path, target)
    for suffix in ("-wal", "-shm"):
        extra = Path(str(db_path) + suffix)
        if extra.exists():
            os.replace(extra, Path(str(target) + suffix))
    return target


def rebuild(db_path: Path, records: Records | None = None) -> BuildReport:
    """Rebuild the working archive; a damaged one is first moved aside (never deleted), a
    database that is not an archive of ours is left alone (``ArchiveError``)."""
    damaged = None
    if db_path.exists() and _foreign(db_path):
        raise ArchiveError(
            f"{db_path}: not a vlnl-desktop archive; left as it is "
            "(move it away or choose another folder with --archive)"
        )
    if db_path.exists() and not _readable(db_path):
        damaged = move_aside(db_path)
    try:
        report = _build(db_path, records, carry_from=damaged)
    except ArchiveError as exc:  # rows that do not read, past the quick check: damaged after all
        from vlnl_desktop.core.archive.build import EarlierArchiveUnreadable

        if damaged is not None or not isinstance(exc, EarlierArchiveUnreadable):
            raise
        damaged = move_aside(db_path)
        report = _build(db_path, records, carry_from=damaged)
    report.damaged_copy = damaged
    if damaged is not None:  # what the damaged copy could not give back: its stored files
        from vlnl_desktop.core.documents.recovery import recover_files  # PyMuPDF: only here

        recovered = recover_files(Workspace(db_path.parent), damaged)
        report.documents_kept += sum(1 for r in recovered if r.status == "imported")
    return report
