"""The snapshot a team reads: one immutable copy of the working archive, shaped for Datasette.

Copied with SQLite's backup API in a single step, inside one read transaction, so the copy is
consistent while the app goes on writing (and the app never waits for it). Then, in the copy only:

- the user's private layer (every table, view and trigger named ``notes*`` or ``highlights*``, and
  their FTS5 indexes) is dropped unless ``with_notes``; ``VACUUM`` then leaves none of its bytes;
- each code column (kind, relation, side) gets a foreign key to a small table of its Dutch words
  (``core/vocabulary``), so Datasette shows and facets "geprioriteerd" rather than "prioritised";
- dated tables get a ``year`` column to facet on;
- every table Datasette should search has an FTS5 index (records, pages, documents).

The file is written beside ``dest`` and renamed into place, read-only; Datasette opens it immutable.
"""

from __future__ import annotations

import os
import re
import sqlite3
import stat
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from vlnl_desktop.core import vocabulary
from vlnl_desktop.core.archive.connections import connect_readonly
from vlnl_desktop.core.archive.schema import FTS_TABLES, TOKENIZE
from vlnl_desktop.core.archive.workspace import Workspace

SNAPSHOT_NAME = "archief.db"  # Datasette calls the database "archief"
PRIVATE_PREFIXES = ("notes", "highlights")
INFO_TABLE = "snapshot_info"

# code table -> (its words, and the (table, column) pairs that hold its codes)
CODE_TABLES: dict[str, tuple[dict[str, str], tuple[tuple[str, str], ...]]] = {
    "record_kinds": (
        vocabulary.KIND_NL,
        (("records", "kind"), ("search_items", "kind")),
    ),
    "relations": (vocabulary.RELATION_NL, (("summit_themes", "relation"),)),
    "sides": (vocabulary.SIDE_NL, (("people", "side"), ("participants", "side"))),
    "document_kinds": (vocabulary.DOCUMENT_KIND_NL, (("documents", "kind"),)),
}
YEAR_TABLES = ("records", "declarations", "summits", "events", "treaties", "documents")
# FTS5 indexes the snapshot searches: the archive's own, the pages' (the working archive searches
# them with its Tantivy index) and one over the documents' titles
SNAPSHOT_FTS = {**FTS_TABLES, "pages": ("text",), "documents": ("title", "summary")}


@dataclass
class SnapshotReport:
    path: Path
    made: str  # when, ISO 8601 UTC
    with_notes: bool
    left_out: list[str] = field(default_factory=list)  # the private tables not copied


def is_private(name: str) -> bool:
    """Whether a table (or view, or trigger) belongs to the user's private layer."""
    return name.lower().startswith(PRIVATE_PREFIXES)


def make_snapshot(ws: Workspace, dest: Path, *, with_notes: bool = False) -> SnapshotReport:
    """Copy the working archive ``ws`` to ``dest`` (a file) as the immutable snapshot a team
    reads. Raises ``ArchiveError`` for a missing or damaged archive; ``dest`` is replaced."""
    dest = Path(dest)
    dest.parent.mkdir(parents=True, exist_ok=True)
    partial = dest.with_name(f".{dest.name}.partial")
    partial.unlink(missing_ok=True)
    made = datetime.now(UTC).replace(microsecond=0).isoformat()
    source = connect_readonly(ws)
    try:
        copy = sqlite3.connect(partial, isolation_level=None)
        try:
            source.backup(copy)  # all pages in one step: one read transaction, one moment
            report = SnapshotReport(dest, made, with_notes)
            _shape(copy, report)
        finally:
            copy.close()
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    finally:
        source.close()
    if dest.exists():
        dest.chmod(stat.S_IRUSR | stat.S_IWUSR)
    partial.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
    os.replace(partial, dest)
    return report


def _shape(conn: sqlite3.Connection, report: SnapshotReport) -> None:
    conn.execute("PRAGMA journal_mode = DELETE")  # one file, whatever the archive's mode
    conn.execute("PRAGMA foreign_keys = OFF")
    if not report.with_notes:
        report.left_out = _drop_private(conn)
    import sqlite_utils  # ~180 ms: only here, on the publishing path

    db = sqlite_utils.Database(conn)
    _add_code_tables(db)
    _add_years(db)
    _add_fts(db)
    db[INFO_TABLE].insert_all(
        [
            {"key": "made", "value": report.made},
            {"key": "with_notes", "value": "1" if report.with_notes else "0"},
        ],
        pk="key",
    )
    conn.execute("VACUUM")  # the dropped rows' bytes go with the free pages


def _schema(conn: sqlite3.Connection) -> list[tuple[str, str, str, str]]:
    return conn.execute(
        "SELECT type, name, tbl_name, coalesce(sql, '') FROM sqlite_master"
    ).fetchall()


def _names_private(sql: str) -> bool:
    return any(is_private(word) for word in re.findall(r"[A-Za-z_][A-Za-z0-9_]*", sql))


def _drop_private(conn: sqlite3.Connection) -> list[str]:
    """Drop the private layer; the names of the private tables dropped."""
    dropped = []
    # views and triggers first (also public ones that read a private table), then virtual
    # tables (their shadow tables go with them), then the rest
    for kinds in (("view", "trigger"), ("vtable",), ("table",)):
        for kind, name, table, sql in _schema(conn):
            virtual = kind == "table" and sql.upper().startswith("CREATE VIRTUAL TABLE")
            kind = "vtable" if virtual else kind
            if kind not in kinds:
                continue
            if kind in ("view", "trigger"):
                if is_private(name) or is_private(table) or _names_private(sql):
                    conn.execute(f'DROP {kind.upper()} IF EXISTS "{name}"')
            elif is_private(name) and _exists(conn, name):
                conn.execute(f'DROP TABLE "{name}"')
                dropped.append(name)
    return dropped


def _exists(conn: sqlite3.Connection, name: str) -> bool:
    return (
        conn.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (name,)).fetchone() is not None
    )


def _add_code_tables(db) -> None:
    """A table of Dutch words for each code column, and the column's foreign key to it."""
    foreign_keys = []
    for code_table, (words, columns) in CODE_TABLES.items():
        rows = {code: {"code": code, "label": word} for code, word in words.items()}
        present = [(t, c) for t, c in columns if t in db.table_names() and c in db[t].columns_dict]
        for table, column in present:
            for (code,) in db.execute(
                f'SELECT DISTINCT "{column}" FROM "{table}" WHERE "{column}" IS NOT NULL'
            ):
                rows.setdefault(code, {"code": code, "label": code})  # a code of a newer app
        db[code_table].insert_all(rows.values(), pk="code", not_null={"label"})
        foreign_keys += [(table, column, code_table, "code") for table, column in present]
    db.add_foreign_keys(foreign_keys)


def _add_years(db) -> None:
    for table in YEAR_TABLES:
        if table not in db.table_names() or "date" not in db[table].columns_dict:
            continue
        db[table].add_column("year", int)
        db.execute(
            f'UPDATE "{table}" SET year = CAST(substr(date, 1, 4) AS INTEGER) '
            "WHERE date GLOB '[0-9][0-9][0-9][0-9]*'"
        )
        db[table].create_index(["year"])


def _add_fts(db) -> None:
    """An FTS5 index for each searched table that lacks one (filled from the table as it is)."""
    for table, columns in SNAPSHOT_FTS.items():
        if table not in db.table_names():
            continue
        if db[table].detect_fts() is None:
            db[table].enable_fts(list(columns), tokenize=TOKENIZE, create_triggers=False)
        else:
            db[table].rebuild_fts()  # the table was rebuilt for its foreign keys
