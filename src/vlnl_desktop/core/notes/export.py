"""The user's notes and highlights written out: grouped by record (a document's highlights under
the document), as Markdown with each record's citation (``notes_markdown``), as JSON objects
(``notes_objects``, for ``vlnl-desktop notes --json``), and as the dossier's section of notes."""

from __future__ import annotations

import sqlite3
from datetime import date

from vlnl_desktop.core.citations.formats import apa_text
from vlnl_desktop.core.citations.source import cite_source
from vlnl_desktop.core.errors import ArchiveError
from vlnl_desktop.core.notes import store
from vlnl_desktop.core.notes.listing import grouped
from vlnl_desktop.core.notes.markdown import markdown_html
from vlnl_desktop.core.notes.store import HIGHLIGHT_PREFIX


def _quote(text: str) -> str:
    return " ".join(text.split())


def notes_markdown(conn: sqlite3.Connection, today: date | None = None) -> str:
    """All notes and highlights as one Markdown text, each record with its citation."""
    out = ["# Mijn notities", ""]
    for group in grouped(conn):
        out += [f"## {group.title}", ""]
        if group.note is not None:
            out += [group.note.text.strip(), ""]
        for mark in group.highlights:
            out.append(f"> {_quote(mark.text)}")
            out.append(f"> — p. {mark.page_no}")
            out.append("")
            if mark.note:
                out += [mark.note.strip(), ""]
        if group.record_id is not None:
            try:
                citation = apa_text(cite_source(conn, group.record_id, today))
            except ArchiveError:
                citation = None
            if citation:
                out += [f"*Bron:* {citation}", ""]
    return "\n".join(out).rstrip() + "\n"


def notes_objects(conn: sqlite3.Connection) -> list[dict]:
    """Every note and highlight as a JSON-ready object (kind "note" or "highlight")."""
    objects: list[dict] = []
    for group in grouped(conn):
        if group.note is not None:
            n = group.note
            objects.append({
                "kind": "note", "id": n.id, "record": n.record_id, "title": group.title,
                "text": n.text, "created": n.created, "changed": n.changed,
            })  # fmt: skip
        for h in group.highlights:
            objects.append({
                "kind": "highlight", "id": h.id, "key": f"{HIGHLIGHT_PREFIX}{h.id}",
                "document": group.record_id, "title": group.title, "sha256": h.sha256,
                "page": h.page_no, "text": h.text, "note": h.note, "colour": h.colour,
                "quads": [list(q) for q in h.quads], "created": h.created, "changed": h.changed,
            })  # fmt: skip
    return objects


def dossier_items(conn: sqlite3.Connection, record_id: str) -> list[str]:
    """The dossier's section of the user's own notes on ``record_id`` (HTML paragraphs)."""
    try:
        note = store.note_of(conn, record_id=record_id)
        sha = conn.execute("SELECT sha256 FROM documents WHERE id = ?", (record_id,)).fetchone()
        marks = store.highlights_of(conn, sha[0]) if sha and sha[0] else []
    except sqlite3.OperationalError:  # an archive of before schema 4
        return []
    import html

    items = [markdown_html(note.text)] if note is not None else []
    for mark in marks:
        item = f"<i>“{html.escape(_quote(mark.text))}”</i> (p. {mark.page_no})"
        if mark.note:
            item += markdown_html(mark.note)
        items.append(item)
    return items
