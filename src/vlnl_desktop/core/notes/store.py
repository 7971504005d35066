"""Reading and writing notes and highlights: the SQL of the user's layer, on a given connection.

A highlight is keyed by its document's file (sha256) and page (1-based), so it survives a rebuild,
a re-import of the same file and a moved archive folder; it holds the selection's quads (display
points of the page: x, y of the upper-left, upper-right, lower-left and lower-right corners) and
the text. A note belongs to one record or one highlight (at most one note each) and is deleted
when its text is emptied. Writers call these inside a transaction (``layer.UserLayer``).
"""

from __future__ import annotations

import sqlite3
from typing import NamedTuple

from vlnl_desktop.core.vocabulary import HIGHLIGHT_COLOURS

HIGHLIGHT_PREFIX = "highlight:"  # how a highlight is named where a record id could stand
DEFAULT_COLOUR = HIGHLIGHT_COLOURS[0]

Rect = tuple[float, float, float, float]


def now() -> str:
    """The time stamp of a change: UTC, ISO 8601 to the microsecond (orders every edit)."""
    from datetime import UTC, datetime  # not on the start-up path

    return datetime.now(UTC).isoformat(timespec="microseconds")


# Named tuples, not dataclasses: this module is read at start-up (the tree's branch of notes)
class Highlight(NamedTuple):
    id: int
    sha256: str
    page_no: int  # 1-based
    quads: tuple[tuple[float, ...], ...]
    text: str
    colour: str
    created: str
    changed: str
    note: str | None = None

    @property
    def rects(self) -> list[Rect]:
        """The quads' bounding rectangles (x0, y0, x1, y1), one per line."""
        out = []
        for q in self.quads:
            xs, ys = q[0::2], q[1::2]
            out.append((min(xs), min(ys), max(xs), max(ys)))
        return out


class Note(NamedTuple):
    id: int
    record_id: str | None
    highlight_id: int | None
    text: str
    created: str
    changed: str


def quads_from_rects(rects: list[Rect]) -> list[list[float]]:
    """Quads (as PyMuPDF orders a quad's corners) of upright rectangles."""
    return [[round(v, 2) for v in (x0, y0, x1, y0, x0, y1, x1, y1)] for x0, y0, x1, y1 in rects]


def _quads(value: str) -> tuple[tuple[float, ...], ...]:
    import json

    try:
        data = json.loads(value)
        return tuple(tuple(float(v) for v in q) for q in data if len(q) == 8)
    except (ValueError, TypeError):
        return ()


HIGHLIGHT_SQL = (
    "SELECT h.id, h.sha256, h.page_no, h.quads, h.text, h.colour, h.created, h.changed, n.text "
    "FROM highlights h LEFT JOIN notes n ON n.highlight_id = h.id"
)
NOTE_SQL = "SELECT id, record_id, highlight_id, text, created, changed FROM notes"


def _highlight(row) -> Highlight:
    return Highlight(
        row[0], row[1], row[2], _quads(row[3]), row[4] or "", row[5] or DEFAULT_COLOUR,
        row[6], row[7], row[8],
    )  # fmt: skip


# --- reading (any connection) ---


def highlights_of(conn: sqlite3.Connection, sha256: str) -> list[Highlight]:
    """The highlights on the file ``sha256``, in page order and top to bottom."""
    rows = conn.execute(HIGHLIGHT_SQL + " WHERE h.sha256 = ? ORDER BY h.page_no, h.id", (sha256,))
    return sorted(
        (_highlight(r) for r in rows),
        key=lambda h: (h.page_no, h.rects[0][1] if h.rects else 0, h.id),
    )


def highlight(conn: sqlite3.Connection, highlight_id: int) -> Highlight | None:
    row = conn.execute(HIGHLIGHT_SQL + " WHERE h.id = ?", (highlight_id,)).fetchone()
    return _highlight(row) if row else None


def all_highlights(conn: sqlite3.Connection) -> list[Highlight]:
    rows = conn.execute(HIGHLIGHT_SQL + " ORDER BY h.sha256, h.page_no, h.id")
    return [_highlight(r) for r in rows]


def note_of(
    conn: sqlite3.Connection, *, record_id: str | None = None, highlight_id: int | None = None
) -> Note | None:
    """The note on the record or on the highlight, None if there is none."""
    if record_id is not None:
        row = conn.execute(NOTE_SQL + " WHERE record_id = ?", (record_id,)).fetchone()
    else:
        row = conn.execute(NOTE_SQL + " WHERE highlight_id = ?", (highlight_id,)).fetchone()
    return Note(*row) if row else None


def record_notes(conn: sqlite3.Connection) -> list[Note]:
    """Every note on a record (not those on highlights), oldest first."""
    rows = conn.execute(NOTE_SQL + " WHERE record_id IS NOT NULL ORDER BY created, id")
    return [Note(*r) for r in rows]


def document_of(conn: sqlite3.Connection, sha256: str) -> tuple[str, str, str | None] | None:
    """(id, title, date) of the document stored as ``sha256``, None if no document has it."""
    row = conn.execute(
        "SELECT id, title, date FROM documents WHERE sha256 = ? ORDER BY origin = 'user', id",
        (sha256,),
    ).fetchone()
    return (row[0], row[1], row[2]) if row else None


# --- writing (inside the caller's transaction) ---


def add_highlight(
    conn: sqlite3.Connection,
    sha256: str,
    page_no: int,
    rects: list[Rect],
    text: str,
    colour: str = DEFAULT_COLOUR,
) -> int:
    """Store a highlight; its id."""
    import json

    stamp = now()
    cursor = conn.execute(
        "INSERT INTO highlights (sha256, page_no, quads, text, colour, created, changed) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        (sha256, page_no, json.dumps(quads_from_rects(rects)), text, colour, stamp, stamp),
    )
    return int(cursor.lastrowid)


def delete_highlight(conn: sqlite3.Connection, highlight_id: int) -> None:
    """Delete a highlight and its note."""
    conn.execute("DELETE FROM notes WHERE highlight_id = ?", (highlight_id,))
    conn.execute("DELETE FROM highlights WHERE id = ?", (highlight_id,))


def set_note(
    conn: sqlite3.Connection,
    text: str,
    *,
    record_id: str | None = None,
    highlight_id: int | None = None,
) -> int | None:
    """Write the note on the record or highlight (created, or changed); an empty text deletes
    it. The note's id, None when it was deleted (or there was none)."""
    if (record_id is None) == (highlight_id is None):
        raise ValueError("a note belongs to one record or one highlight")
    column, key = (
        ("record_id", record_id) if record_id is not None else ("highlight_id", highlight_id)
    )
    row = conn.execute(f"SELECT id, text FROM notes WHERE {column} = ?", (key,)).fetchone()
    if not text.strip():
        if row is not None:
            conn.execute("DELETE FROM notes WHERE id = ?", (row[0],))
        return None
    if row is not None:
        if row[1] != text:
            conn.execute(
                "UPDATE notes SET text = ?, changed = ? WHERE id = ?", (text, now(), row[0])
            )
        return int(row[0])
    stamp = now()
    cursor = conn.execute(
        f"INSERT INTO notes ({column}, text, created, changed) VALUES (?, ?, ?, ?)",
        (key, text, stamp, stamp),
    )
    return int(cursor.lastrowid)
