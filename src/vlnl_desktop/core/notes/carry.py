"""Carrying the user's notes and highlights from an earlier (or damaged) archive into a new build.

Rows are copied as they are, ids included (a note on a highlight keeps pointing at it). A
highlight names its file by sha256, so it needs no document row to survive: after a recovery the
file is imported again and the highlight is found on it. From a damaged archive what can be read
is kept: a table that cannot be read is passed over, row by row where the rows can be told apart.
"""

from __future__ import annotations

import sqlite3

from vlnl_desktop.core.archive.connections import READ_ERRORS

HIGHLIGHT_COLUMNS = ("id", "sha256", "page_no", "quads", "text", "colour", "created", "changed")
NOTE_COLUMNS = ("id", "record_id", "highlight_id", "text", "created", "changed")


def _read(
    old: sqlite3.Connection, table: str, columns: tuple[str, ...], tolerant: bool
) -> list[tuple]:
    try:
        return old.execute(f"SELECT {', '.join(columns)} FROM {table} ORDER BY id").fetchall()
    except READ_ERRORS as exc:
        if "no such table" in str(exc):  # an archive of before schema 4
            return []
        if tolerant:  # a damaged archive: its rows one by one, as far as they read
            return _read_rows(old, table, columns)
        raise


def _read_rows(old: sqlite3.Connection, table: str, columns: tuple[str, ...]) -> list[tuple]:
    rows = []
    try:
        ids = [r[0] for r in old.execute(f"SELECT id FROM {table}").fetchall()]
    except READ_ERRORS:
        return []
    for row_id in ids:
        try:
            row = old.execute(
                f"SELECT {', '.join(columns)} FROM {table} WHERE id = ?", (row_id,)
            ).fetchone()
        except READ_ERRORS:
            continue
        if row is not None:
            rows.append(row)
    return rows


def carry_user_layer(
    old: sqlite3.Connection, conn: sqlite3.Connection, *, tolerant: bool = False
) -> int:
    """Copy the notes and highlights from ``old`` into the new archive on ``conn`` (the caller
    commits); the number of rows kept. ``tolerant``: ``old`` is damaged, keep what reads."""
    highlights = [
        r
        for r in _read(old, "highlights", HIGHLIGHT_COLUMNS, tolerant)
        if r[1] and r[2] is not None
    ]
    kept_ids = {r[0] for r in highlights}
    notes = [
        r
        for r in _read(old, "notes", NOTE_COLUMNS, tolerant)
        if r[3] and (r[1] is not None or r[2] in kept_ids)
    ]
    if highlights:
        conn.executemany(
            f"INSERT INTO highlights ({', '.join(HIGHLIGHT_COLUMNS)}) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            highlights,
        )
    if notes:
        conn.executemany(
            f"INSERT INTO notes ({', '.join(NOTE_COLUMNS)}) VALUES (?, ?, ?, ?, ?, ?)", notes
        )
    return len(highlights) + len(notes)
