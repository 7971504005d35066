"""Checking an archive's schema version without importing sqlite-utils (the start-up path).

The archive is derived from the bundled records plus what the user added, so migrating an older
schema is a rebuild that keeps the user's additions (``build.rebuild``); ``workspace`` does that on
start, as it does when the bundled records changed.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from vlnl_desktop.core.errors import ArchiveError

# 1: first release; 2: a meta table with the fingerprint of the records the archive was built from;
# 3: treaties, institutions, people's offices, participants of any record, uncertainties' sources;
# 4: how a document's file came (obtained, published_sha256) and its earlier versions;
# 5: the user's own layer: notes and highlights; 6: ocr_pages (the OCR of scanned pages, with the
# words' boxes); 7: pages without an FTS5 index (the search index holds them)
SCHEMA_VERSION = 7
REQUIRED_TABLES = ("records", "summits", "themes", "documents", "search_items", "pages")


def check_version(conn: sqlite3.Connection, path: Path) -> None:
    """Raise ArchiveError unless ``conn`` is an archive of the schema this program reads."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    missing = [t for t in REQUIRED_TABLES if t not in tables]
    if version == 0 or missing:
        raise ArchiveError(f"{path}: not a vlnl-desktop archive")
    if version > SCHEMA_VERSION:
        raise ArchiveError(f"{path}: made by a newer vlnl-desktop (schema {version})")
    if version < SCHEMA_VERSION:
        raise ArchiveError(f"{path}: an older schema ({version}); run 'vlnl-desktop build'")
