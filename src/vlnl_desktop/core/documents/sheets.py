"""Record sheets ("fiches") and briefings ("dossiers"): PDFs typeset from the records, in Dutch.

The build makes a sheet for every summit, declaration and theme, stores it in ``documents/`` like any
other document and indexes it, so it opens in the viewer and prints. ``export_dossier`` writes the
same sheet for any record, extended with the summaries of the records it relates to.

Every page says it was compiled by the archive and is not an official text; the sources are listed.
The same records give the same bytes (fixed metadata, no random file id), so a rebuild gives
identical tables. Data comes from the archive's tables (a ``sqlite3`` connection), so the build
and the export use one code path.
"""

from __future__ import annotations

import html
import io
import json
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from vlnl_desktop.core.dates import format_date_nl
from vlnl_desktop.core.documents.rows import insert_document, insert_pages, link_document
from vlnl_desktop.core.documents.store import sha256_of, store_file
from vlnl_desktop.core.errors import VlnlError
from vlnl_desktop.core.pdf.gate import quiet_mupdf
from vlnl_desktop.core.pdf.text import PageText, page_texts
from vlnl_desktop.core.vocabulary import (
    ORIGIN_SHEET,
    SHEET_DOCUMENT_KIND,
    SHEET_KINDS,
    document_kind_nl,
    kind_nl,
    relation_nl,
    side_nl,
)

LABEL = "Samengesteld door het archief vlnl-desktop — geen officiële tekst"
FOOTER = "vlnl-desktop · samengesteld uit de gegevens van het archief · geen officiële tekst"
FIXED_DATE = "D:20000101000000Z"  # sheets carry no build time: same records, same bytes
MARGIN = 56  # points: 2 cm

CSS = """
body { font-family: sans-serif; font-size: 10pt; line-height: 1.35; color: #222; }
h1 { font-size: 17pt; margin: 0 0 4pt 0; color: #123c69; }
h2 { font-size: 12pt; margin: 12pt 0 3pt 0; color: #123c69; }
p { margin: 0 0 4pt 0; }
ul { margin: 0 0 4pt 0; }
li { margin: 0 0 2pt 0; }
.kind { font-size: 9pt; color: #666; text-transform: uppercase; margin: 0; }
.meta { font-size: 10.5pt; color: #444; margin: 0 0 6pt 0; }
.label { font-size: 8.5pt; color: #8a1c1c; font-style: italic; margin: 0 0 8pt 0; }
.note { color: #555; }
.url { font-size: 8.5pt; color: #335; }
"""


class RecordNotFound(VlnlError):
    pass


@dataclass
class Sheet:
    """A sheet's content: a title, a line of facts, and sections of paragraphs or list items."""

    record_id: str
    kind: str
    title: str
    date: str | None
    meta: str
    sections: list[tuple[str, list[str], bool]] = field(default_factory=list)  # title, items, list?

    def add(self, title: str, items: Iterable[str], *, as_list: bool = True) -> None:
        items = [i for i in items if i]
        if items:
            self.sections.append((title, items, as_list))


# --- reading the records --------------------------------------------------------------------------


def _rows(conn: sqlite3.Connection, sql: str, *params) -> list[tuple]:
    return conn.execute(sql, params).fetchall()


def _one(conn: sqlite3.Connection, sql: str, *params) -> tuple | None:
    return conn.execute(sql, params).fetchone()


def _json_list(value: str | None) -> list[str]:
    return json.loads(value) if value else []


def _documents(conn: sqlite3.Connection, record_id: str) -> list[str]:
    rows = _rows(
        conn,
        "SELECT d.title, d.kind, d.date, d.url, d.published_on FROM document_links l "
        "JOIN documents d ON d.id = l.document_id WHERE l.record_id = ? AND d.origin != ? "
        "ORDER BY l.position, d.id",
        record_id,
        ORIGIN_SHEET,
    )
    out = []
    for title, kind, date, url, published_on in rows:
        facts = ", ".join(x for x in (document_kind_nl(kind), format_date_nl(date)) if x)
        where = url or published_on
        out.append(_item(title, facts, where))
    return out


def _item(title: str, note: str = "", url: str | None = None) -> str:
    text = f"<b>{html.escape(title)}</b>"
    if note:
        text += f" <span class='note'>({html.escape(note)})</span>"
    if url:
        text += f"<br/><span class='url'>{html.escape(url)}</span>"
    return text


def _plain(values: Iterable[str]) -> list[str]:
    return [html.escape(v) for v in values if v]


def _common_tail(conn: sqlite3.Connection, sheet: Sheet) -> None:
    sheet.add("Documenten", _documents(conn, sheet.record_id))
    sheet.add(
        "Onzeker",
        _plain(
            r[0]
            for r in _rows(
                conn,
                "SELECT text FROM uncertainties WHERE record_id = ? ORDER BY position",
                sheet.record_id,
            )
        ),
    )
    sheet.add(
        "Bronnen",
        [
            f"<span class='url'>{html.escape(r[0])}</span>"
            for r in _rows(
                conn,
                "SELECT url FROM sources WHERE record_id = ? ORDER BY position",
                sheet.record_id,
            )
        ],
    )


def _themes_of(conn: sqlite3.Connection, record_id: str) -> list[str]:
    return _plain(
        r[0]
        for r in _rows(
            conn,
            "SELECT t.name FROM record_themes rt JOIN themes t ON t.id = rt.theme_id "
            "WHERE rt.record_id = ? ORDER BY rt.position",
            record_id,
        )
    )


def _summit_sheet(conn: sqlite3.Connection, rid: str) -> Sheet:
    title, date, place, municipality, venue, fmt, summary, decisions, number = _one(
        conn,
        "SELECT title, date, place, municipality, venue, format, summary, decisions, number "
        "FROM summits WHERE id = ?",
        rid,
    )
    where = place + (f" ({municipality})" if municipality and municipality != place else "")
    meta = " · ".join(
        x for x in (f"{number}e topontmoeting", format_date_nl(date), where, venue, fmt) if x
    )
    sheet = Sheet(rid, "summit", title, date, meta)
    sheet.add("Samenvatting", _plain([summary]), as_list=False)
    sheet.add(
        "Deelnemers",
        [
            _item(name, f"{role}, {side_nl(side)}")
            for name, role, side in _rows(
                conn,
                "SELECT p.name, sp.role, sp.side FROM participants sp "
                "JOIN people p ON p.id = sp.person_id WHERE sp.record_id = ? ORDER BY sp.position",
                rid,
            )
        ],
    )
    sheet.add("Besluiten", _plain(_json_list(decisions)))
    sheet.add(
        "Thema's",
        [
            _item(name, relation_nl(relation)) + (f"<br/>{html.escape(note)}" if note else "")
            for name, relation, note in _rows(
                conn,
                "SELECT t.name, st.relation, st.note FROM summit_themes st "
                "JOIN themes t ON t.id = st.theme_id WHERE st.summit_id = ? ORDER BY st.position",
                rid,
            )
        ],
    )
    sheet.add(
        "Gebeurtenissen",
        [
            _item(t, format_date_nl(d))
            for t, d in _rows(
                conn, "SELECT title, date FROM events WHERE summit_id = ? ORDER BY date, id", rid
            )
        ],
    )
    _common_tail(conn, sheet)
    return sheet


def _declaration_sheet(conn: sqlite3.Connection, rid: str) -> Sheet:
    title, date, summary, domains, details = _one(
        conn, "SELECT title, date, summary, domains, details FROM declarations WHERE id = ?", rid
    )
    sheet = Sheet(rid, "declaration", title, date, format_date_nl(date))
    sheet.add("Samenvatting", _plain([summary]), as_list=False)
    sheet.add("Domeinen", _plain(_json_list(domains)))
    sheet.add("Inhoud", _plain(_json_list(details)))
    sheet.add("Thema's", _themes_of(conn, rid))
    _common_tail(conn, sheet)
    return sheet


def _theme_sheet(conn: sqlite3.Connection, rid: str) -> Sheet:
    name, summary = _one(conn, "SELECT name, summary FROM themes WHERE id = ?", rid)
    groups = [
        r[0]
        for r in _rows(
            conn,
            "SELECT g.name FROM theme_memberships m JOIN theme_groups g ON g.id = m.group_id "
            "WHERE m.theme_id = ? ORDER BY m.position",
            rid,
        )
    ]
    sheet = Sheet(rid, "theme", name, None, " · ".join(groups))
    sheet.add("Samenvatting", _plain([summary]), as_list=False)
    aliases = _rows(
        conn,
        "SELECT term FROM aliases WHERE group_id IN (SELECT group_id FROM aliases WHERE term = ?) "
        "AND term != ? ORDER BY term",
        name,
        name,
    )
    sheet.add("Ook bekend als", _plain(r[0] for r in aliases), as_list=False)
    sheet.add(
        "Topontmoetingen",
        [
            _item(title, f"{format_date_nl(date)}, {relation_nl(relation)}")
            + (f"<br/>{html.escape(note)}" if note else "")
            for title, date, relation, note in _rows(
                conn,
                "SELECT s.title, s.date, st.relation, st.note FROM summit_themes st "
                "JOIN summits s ON s.id = st.summit_id WHERE st.theme_id = ? ORDER BY s.date",
                rid,
            )
        ],
    )
    sheet.add(
        "Verklaringen en gebeurtenissen",
        [
            _item(title, format_date_nl(date))
            for title, date in _rows(
                conn,
                "SELECT r.title, r.date FROM record_themes rt JOIN records r ON r.id = rt.record_id "
                "WHERE rt.theme_id = ? ORDER BY r.date IS NULL, r.date, r.id",
                rid,
            )
        ],
    )
    _common_tail(conn, sheet)
    return sheet


def _generic_sheet(conn: sqlite3.Connection, rid: str, kind: str, title: str, date) -> Sheet:
    sheet = Sheet(rid, kind, title, date, format_date_nl(date))
    summary = _one(conn, "SELECT summary FROM records WHERE id = ?", rid)[0]
    sheet.add("Samenvatting", _plain([summary]), as_list=False)
    if kind == "event":
        details = _one(conn, "SELECT details FROM events WHERE id = ?", rid)[0]
        sheet.add("Inhoud", _plain(_json_list(details)))
        sheet.add("Thema's", _themes_of(conn, rid))
    if kind == "document":
        row = _one(conn, "SELECT file_name, url, page_count FROM documents WHERE id = ?", rid)
        facts = [f"Bestand: {row[0]}" if row[0] else "", f"Adres: {row[1]}" if row[1] else ""]
        pages = f"{row[2]} pagina" if row[2] == 1 else f"{row[2]} pagina's"
        facts.append(f"{pages} in het archief" if row[2] else "")
        sheet.add("Gegevens", _plain(facts))
        sheet.add(
            "Hoort bij",
            [
                _item(t, format_date_nl(d))
                for t, d in _rows(
                    conn,
                    "SELECT r.title, r.date FROM document_links l JOIN records r "
                    "ON r.id = l.record_id WHERE l.document_id = ? ORDER BY r.date, r.id",
                    rid,
                )
            ],
        )
    _common_tail(conn, sheet)
    return sheet


def sheet_for(conn: sqlite3.Connection, record_id: str) -> Sheet:
    """The sheet of any record; ``RecordNotFound`` for an unknown id."""
    row = _one(conn, "SELECT kind, title, date FROM records WHERE id = ?", record_id)
    if row is None:
        raise RecordNotFound(f"no record with id '{record_id}'")
    kind, title, date = row
    if kind == "summit":
        return _summit_sheet(conn, record_id)
    if kind == "declaration":
        return _declaration_sheet(conn, record_id)
    if kind == "theme":
        return _theme_sheet(conn, record_id)
    return _generic_sheet(conn, record_id, kind, title, date)


def _related_summaries(conn: sqlite3.Connection, sheet: Sheet) -> list[str]:
    """For a dossier: the related records with their summaries, in date order."""
    rid = sheet.record_id
    rows = _rows(
        conn,
        """
        SELECT r.title, r.date, r.summary FROM records r WHERE r.id IN (
            SELECT id FROM events WHERE summit_id = :id
            UNION SELECT summit_id FROM summit_themes WHERE theme_id = :id
            UNION SELECT record_id FROM record_themes WHERE theme_id = :id
            UNION SELECT theme_id FROM summit_themes WHERE summit_id = :id
            UNION SELECT theme_id FROM record_themes WHERE record_id = :id
            UNION SELECT summit_id FROM events WHERE id = :id
        ) AND r.id != :id ORDER BY r.date IS NULL, r.date, r.title
        """.replace(":id", "?"),
        *([rid] * 7),
    )
    return [
        _item(title, format_date_nl(date)) + (f"<br/>{html.escape(summary)}" if summary else "")
        for title, date, summary in rows
    ]


# --- typesetting ----------------------------------------------------------------------------------


def sheet_html(sheet: Sheet) -> str:
    parts = [
        f"<p class='kind'>{html.escape(kind_nl(sheet.kind))}</p>",
        f"<h1>{html.escape(sheet.title)}</h1>",
    ]
    if sheet.meta:
        parts.append(f"<p class='meta'>{html.escape(sheet.meta)}</p>")
    parts.append(f"<p class='label'>{html.escape(LABEL)}</p>")
    for title, items, as_list in sheet.sections:
        parts.append(f"<h2>{html.escape(title)}</h2>")
        if as_list:
            parts.append("<ul>" + "".join(f"<li>{i}</li>" for i in items) + "</ul>")
        else:
            parts.extend(f"<p>{i}</p>" for i in items)
    return "<body>" + "".join(parts) + "</body>"


def render(sheet: Sheet, title_prefix: str = "Fiche") -> bytes:
    """The sheet as PDF bytes: A4, the label on top and in every page's footer, fixed metadata."""
    import pymupdf

    quiet_mupdf()
    buffer = io.BytesIO()
    story = pymupdf.Story(html=sheet_html(sheet), user_css=CSS)
    writer = pymupdf.DocumentWriter(buffer)
    mediabox = pymupdf.paper_rect("a4")
    where = mediabox + (MARGIN, MARGIN, -MARGIN, -MARGIN - 14)
    more = 1
    while more:
        device = writer.begin_page(mediabox)
        more, _ = story.place(where)
        story.draw(device)
        writer.end_page()
    writer.close()
    doc = pymupdf.open("pdf", buffer.getvalue())
    try:
        total = doc.page_count
        for page in doc:
            footer = f"{FOOTER} · pagina {page.number + 1} van {total}"
            page.insert_text(
                (MARGIN, mediabox.height - MARGIN + 20),
                footer,
                fontname="helv",
                fontsize=7.5,
                color=(0.4, 0.4, 0.4),
            )
        doc.set_metadata(
            {
                "title": f"{title_prefix}: {sheet.title}",
                "author": "vlnl-desktop",
                "subject": LABEL,
                "creator": "vlnl-desktop",
                "producer": "vlnl-desktop (PyMuPDF)",
                "creationDate": FIXED_DATE,
                "modDate": FIXED_DATE,
            }
        )
        doc.subset_fonts()
        return doc.tobytes(garbage=3, deflate=True, no_new_id=True)
    finally:
        doc.close()


def _text_of(data: bytes) -> list[PageText]:
    import pymupdf

    doc = pymupdf.open("pdf", data)
    try:
        return page_texts(doc)
    finally:
        doc.close()


# --- the build's sheets ---------------------------------------------------------------------------


def sheet_id(record_id: str) -> str:
    return f"fiche-{record_id}"


def insert_sheets(conn: sqlite3.Connection, documents_dir: Path) -> int:
    """Make, store and index a sheet per summit, declaration and theme (inside the caller's
    transaction). Returns the number of sheets."""
    documents_dir.mkdir(parents=True, exist_ok=True)
    records = _rows(
        conn,
        f"SELECT id, kind, title, date FROM records WHERE kind IN "
        f"({', '.join('?' * len(SHEET_KINDS))}) ORDER BY kind, date, id",
        *SHEET_KINDS,
    )
    for record_id, kind, _title, date in records:
        sheet = sheet_for(conn, record_id)
        data = render(sheet)
        sha256, size = sha256_of(data)
        store_file(documents_dir, data, sha256, durable=False)  # made anew by every build
        pages = _text_of(data)
        doc_id = sheet_id(record_id)
        insert_document(
            conn,
            {
                "id": doc_id,
                "title": f"Fiche: {sheet.title}",
                "file_name": f"{doc_id}.pdf",
                "date": date,
                "kind": SHEET_DOCUMENT_KIND,
                "summit_id": record_id if kind == "summit" else None,
                "summary": LABEL,
                "sha256": sha256,
                "size": size,
                "page_count": len(pages),
                "has_text": 1,
                "origin": ORIGIN_SHEET,
            },
            searchable=False,
        )
        insert_pages(conn, doc_id, pages)
        link_document(conn, doc_id, record_id)
        # no search row of its own: its pages are searched, and rank after the records
    return len(records)


# --- dossiers -------------------------------------------------------------------------------------


def dossier_bytes(conn: sqlite3.Connection, record_id: str) -> bytes:
    sheet = sheet_for(conn, record_id)
    from vlnl_desktop.core.notes.export import dossier_items

    related = _related_summaries(conn, sheet)
    notes = dossier_items(conn, record_id)  # the user's own notes on the record
    if related or notes:
        # before the sources, so the sources stay last
        tail = [s for s in sheet.sections if s[0] == "Bronnen"]
        sheet.sections = [s for s in sheet.sections if s[0] != "Bronnen"]
        sheet.add("Samenhang: wat erbij hoort", related)
        sheet.add("Mijn notities", notes)
        sheet.sections += tail
    return render(sheet, "Dossier")


def export_dossier(conn: sqlite3.Connection, record_id: str, out_path: str | Path) -> Path:
    """Write the dossier of ``record_id`` to ``out_path`` (atomically); returns the path.

    (``atomic_write``: never through a link planted there, never over another file)."""
    from vlnl_desktop.core.atomic_write import write_atomically

    out = Path(out_path)
    return write_atomically(
        out, dossier_bytes(conn, record_id), prefix=f".{out.name}.", durable=False
    )
