"""The working archive: a folder with ``archive.db`` and ``documents/``.

Chosen with ``--archive DIR``, else ``VLNL_ARCHIVE``, else the user's data folder. An empty or
missing folder is initialised from the bundled archive on first use.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from vlnl_desktop.core.errors import ArchiveError

ENV_VAR = "VLNL_ARCHIVE"
DB_NAME = "archive.db"
APP_NAME = "vlnl-desktop"


def default_root() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))


def resolve_root(option: str | os.PathLike | None = None) -> Path:
    """The working archive's folder: the option, else $VLNL_ARCHIVE, else the user data folder."""
    chosen = option if option is not None else os.environ.get(ENV_VAR)
    if chosen is None:
        return default_root()
    if not str(chosen).strip():
        # an empty $DIR must never fall back to the user's real archive
        raise ArchiveError("the archive folder is empty text; give a folder (--archive DIR)")
    try:
        return Path(chosen).expanduser()
    except RuntimeError:  # ~nosuchuser/...
        raise ArchiveError(f"{chosen}: no such user's home folder") from None


@dataclass(frozen=True)
class Workspace:
    root: Path

    @property
    def db_path(self) -> Path:
        return self.root / DB_NAME

    @property
    def documents_dir(self) -> Path:
        return self.root / "documents"

    def document_path(self, sha256: str) -> Path:
        return self.documents_dir / f"{sha256}.pdf"

    def exists(self) -> bool:
        return self.db_path.is_file()


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
        from vlnl_desktop.core.archive.build import build_archive

        try:
            ws.root.mkdir(parents=True, exist_ok=True)
            ws.documents_dir.mkdir(exist_ok=True)
        except OSError as exc:
            raise ArchiveError(
                f"{ws.root}: cannot create the archive folder: {exc.strerror}"
            ) from None
        build_archive(ws.db_path)
    elif initialise:
        refresh(ws)
    return ws


def refresh(ws: Workspace) -> bool:
    """Rebuild the working archive when it is of an older schema or the bundled records changed
    (a newer program), keeping the user's additions. True if it was rebuilt. A damaged or newer
    archive is left as it is: opening it reports the problem."""
    from vlnl_desktop.core.archive.fingerprint import fingerprint
    from vlnl_desktop.core.archive.schema_version import SCHEMA_VERSION, archive_state

    state = archive_state(ws.db_path)
    if state is None:
        return False
    version, built_from = state
    if version > SCHEMA_VERSION or (version == SCHEMA_VERSION and built_from == fingerprint()):
        return False
    if version == 0:
        return False  # not an archive of ours: never overwrite it
    from vlnl_desktop.core.archive.build import build_archive
    from vlnl_desktop.core.archive.writer_lock import ArchiveBusy

    try:
        build_archive(ws.db_path, wait=0)
    except ArchiveBusy:
        return False  # another process writes (or is already refreshing): next start
    return True


def connect_readonly(ws: Workspace) -> sqlite3.Connection:
    """A read-only connection for browsing and search (plain sqlite3: cheap to import)."""
    from vlnl_desktop.core.archive.schema_version import check_version

    if not ws.exists():
        raise ArchiveError(f"{ws.db_path}: the archive is missing")
    conn = None
    try:
        conn = sqlite3.connect(f"file:{ws.db_path}?mode=ro", uri=True, check_same_thread=False)
        conn.execute("PRAGMA busy_timeout = 5000")
        check_version(conn, ws.db_path)
    except (sqlite3.DatabaseError, ArchiveError) as exc:
        if conn is not None:
            conn.close()
        if isinstance(exc, ArchiveError):
            raise
        raise ArchiveError(f"{ws.db_path}: the archive is damaged ({exc})") from None
    conn.row_factory = sqlite3.Row
    return conn
