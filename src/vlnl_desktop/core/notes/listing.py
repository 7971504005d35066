"""The user's notes and highlights grouped by record (a document's highlights under the
document), in the order of the records' dates and titles: for the tree's branch "Mijn notities",
the export and ``vlnl-desktop notes``."""

from __future__ import annotations

import sqlite3

from vlnl_desktop.core.catalog import Entry, Section
from vlnl_desktop.core.notes import store
from vlnl_desktop.core.notes.store import HIGHLIGHT_PREFIX

SECTION_KEY = "notes"
HIGHLIGHT_KIND = "highlight"
LABEL_CHARS = 60


class RecordNotes:
    """One record (or document) with the user's note on it and the highlights on its file
    (``record_id`` None: highlights on a file no document holds any more). A plain class: this
    module is read at start-up, where a dataclass costs a millisecond to define."""

    __slots__ = ("record_id", "title", "date", "note", "highlights")

    def __init__(
        self, record_id: str | None, title: str, date: str | None, note: store.Note | None = None
    ):
        self.record_id = record_id
        self.title = title
        self.date = date
        self.note = note
        self.highlights: list[store.Highlight] = []


def grouped(conn: sqlite3.Connection) -> list[RecordNotes]:
    """Every note and highlight, by record, in the order of the records' dates and titles."""
    groups: dict[str | None, RecordNotes] = {}
    for note in store.record_notes(conn):
        row = conn.execute(
            "SELECT title, date FROM records WHERE id = ?", (note.record_id,)
        ).fetchone()
        title, when = (row[0], row[1]) if row else (note.record_id or "", None)
        groups[note.record_id] = RecordNotes(note.record_id, title, when, note=note)
    for mark in store.all_highlights(conn):
        document = store.document_of(conn, mark.sha256)
        key = document[0] if document else f"file:{mark.sha256}"
        if key not in groups:
            title, when = (document[1], document[2]) if document else (f"{mark.sha256}.pdf", None)
            groups[key] = RecordNotes(document[0] if document else None, title, when)
        groups[key].highlights.append(mark)
    for group in groups.values():
        group.highlights.sort(key=lambda h: (h.page_no, h.rects[0][1] if h.rects else 0, h.id))
    return sorted(groups.values(), key=lambda g: (g.date or "9999", g.title.casefold()))


def highlight_label(mark: store.Highlight) -> str:
    """A highlight as one line: its page and the start of its text."""
    text = " ".join(mark.text.split())
    if len(text) > LABEL_CHARS:
        text = text[: LABEL_CHARS - 1].rstrip() + "…"
    return f"p. {mark.page_no} · {text}"


def notes_section(conn: sqlite3.Connection) -> Section:
    """The tree's branch of the user's notes: each record with a note or highlights, the
    highlights under their document (an entry of kind "highlight", id ``highlight:<id>``)."""
    entries = []
    count = 0
    for group in grouped(conn):
        children = tuple(
            Entry(HIGHLIGHT_KIND, f"{HIGHLIGHT_PREFIX}{m.id}", highlight_label(m))
            for m in group.highlights
        )
        count += len(children) + (group.note is not None)
        if group.record_id is None:
            entries.extend(children)
            continue
        kind = conn.execute("SELECT kind FROM records WHERE id = ?", (group.record_id,)).fetchone()
        entries.append(
            Entry(kind[0] if kind else "document", group.record_id, group.title, group.date,
                  children)
        )  # fmt: skip
    return Section(SECTION_KEY, count, tuple(entries))
