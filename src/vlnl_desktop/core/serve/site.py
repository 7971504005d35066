"""The folder Datasette serves: a configuration directory holding everything but the server.

Datasette's "configuration directory mode" (``datasette serve DIR``) reads it as it is:

    archief.db          the snapshot (``snapshot``), opened immutable because of
    inspect-data.json   its hash, size and row counts (counted once here, not per start)
    metadata.json       Dutch titles, descriptions, facets, canned queries (``metadata``)
    settings.json       the limits: SQL time limit, page sizes, no facet suggestions
    documents/          the stored PDFs the snapshot names (``publish`` only; ``serve`` points
                        the plugin at the working archive's own documents/ instead)

``serve`` writes it to a temporary folder; ``publish DIR`` writes it to DIR and adds the plugin
and a README for the team.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from vlnl_desktop.core.archive.workspace import Workspace
from vlnl_desktop.core.serve.metadata import DATABASE, metadata
from vlnl_desktop.core.serve.snapshot import SNAPSHOT_NAME, SnapshotReport, make_snapshot

SQL_TIME_LIMIT_MS = 1000
SETTINGS = {
    "sql_time_limit_ms": SQL_TIME_LIMIT_MS,  # a query past it is stopped, with a message
    "facet_time_limit_ms": 200,
    "suggest_facets": False,  # costly on every table page; the useful facets are configured
    "default_page_size": 50,
    "max_returned_rows": 1000,
    "num_sql_threads": 3,
    "allow_csv_stream": False,  # one export is at most max_returned_rows
}
DOCUMENTS = "documents"
SITE_FILES = (SNAPSHOT_NAME, "inspect-data.json", "metadata.json", "settings.json", DOCUMENTS)


@dataclass
class Site:
    folder: Path
    snapshot: SnapshotReport
    documents_copied: int = 0


def _write_json(path: Path, data: dict) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def inspect_data(db_path: Path) -> dict:
    """What ``datasette inspect`` writes: the file's sha256, size and each table's row count."""
    digest = hashlib.sha256()
    with db_path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    conn = sqlite3.connect(f"file:{db_path}?immutable=1", uri=True)
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        counts = {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}
    finally:
        conn.close()
    return {
        DATABASE: {
            "hash": digest.hexdigest(),
            "size": db_path.stat().st_size,
            "file": db_path.name,  # Datasette matches it by name: the folder may move
            "tables": {t: {"count": n} for t, n in counts.items()},
        }
    }


def _copy_documents(ws: Workspace, db_path: Path, target: Path) -> int:
    """Copy the stored PDFs the snapshot names into ``target``; how many."""
    conn = sqlite3.connect(f"file:{db_path}?immutable=1", uri=True)
    try:
        names = [r[0] for r in conn.execute("SELECT DISTINCT sha256 FROM documents")]
    finally:
        conn.close()
    target.mkdir(exist_ok=True)
    copied = 0
    for sha256 in names:
        source = ws.document_path(sha256) if sha256 else None
        if source is None or not source.is_file():
            continue
        dest = target / source.name
        if not dest.is_file() or dest.stat().st_size != source.stat().st_size:
            shutil.copyfile(source, dest)
        copied += 1
    return copied


def write_site(
    ws: Workspace, folder: Path, *, with_notes: bool = False, copy_documents: bool = False
) -> Site:
    """Write the configuration directory into ``folder``: the snapshot of ``ws``, its
    inspect data, metadata and settings, and with ``copy_documents`` the stored PDFs beside them
    (else the plugin reads them from ``ws``'s own documents folder)."""
    folder.mkdir(parents=True, exist_ok=True)
    db_path = folder / SNAPSHOT_NAME
    report = make_snapshot(ws, db_path, with_notes=with_notes)
    copied = 0
    if copy_documents:
        copied = _copy_documents(ws, db_path, folder / DOCUMENTS)
        documents_dir = DOCUMENTS
    else:
        documents_dir = os.fspath(ws.documents_dir.resolve())
    _write_json(folder / "inspect-data.json", inspect_data(db_path))
    _write_json(folder / "metadata.json", metadata(report.made, documents_dir=documents_dir))
    _write_json(folder / "settings.json", SETTINGS)
    return Site(folder, report, copied)
