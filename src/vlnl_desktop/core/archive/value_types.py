"""Values of the wrong type: a damaged byte in a row's header can turn a stored text into a blob
(or a number into text) that SQLite still reads without complaint, and then code that expects text
fails. ``wrong_type`` finds the first such value, so a reader can call it damage, not a bug.

Only the record header is read (``typeof`` needs no content), so this is cheap even for pages.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

# declared type -> what typeof() may answer
_ALLOWED = {
    "TEXT": ("text", "null"),
    "INTEGER": ("integer", "null"),
    "FLOAT": ("real", "integer", "null"),
    "REAL": ("real", "integer", "null"),
}


def wrong_type(conn: sqlite3.Connection) -> str | None:
    """``table.column (row N)`` of the first stored value whose type its column does not allow,
    None if there is none. FTS tables and their shadow tables (blobs by design) are passed over."""
    tables = conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' "
        "AND name NOT LIKE 'sqlite_%' ORDER BY name"
    ).fetchall()
    for (table,) in tables:
        columns = [
            (name, _ALLOWED[kind.upper()])
            for _cid, name, kind, *_rest in conn.execute(f'PRAGMA table_info("{table}")')
            if kind.upper() in _ALLOWED
        ]
        for column, allowed in columns:
            marks = ", ".join(f"'{t}'" for t in allowed)
            row = conn.execute(
                f'SELECT rowid FROM "{table}" WHERE typeof("{column}") NOT IN ({marks}) LIMIT 1'
            ).fetchone()
            if row is not None:
                return f"{table}.{column} (row {row[0]})"
    return None


def wrong_type_in(db_path: Path) -> str | None:
    """``wrong_type`` of the archive file at ``db_path``; None also when it cannot be read at all
    (then whoever reads it says so in its own way)."""
    from vlnl_desktop.core.archive.connections import READ_ERRORS, probe

    try:
        conn = probe(db_path)
        try:
            return wrong_type(conn)
        finally:
            conn.close()
    except (*READ_ERRORS, OSError):
        return None
