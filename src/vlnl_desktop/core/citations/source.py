"""What a citation says about the thing cited, read from the archive: a record, a document or a
highlight (``highlight:<id>``, a document's page and the words marked on it).

The author of an official text is the organisation that publishes it, told by the address it
was published at (``PUBLISHERS``); a file the user imported without an address has no author,
and its title takes the author's place (as APA 7 does).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date
from urllib.parse import urlsplit

from vlnl_desktop.core.errors import ArchiveError
from vlnl_desktop.core.notes import store
from vlnl_desktop.core.notes.store import HIGHLIGHT_PREFIX
from vlnl_desktop.core.vocabulary import DOCUMENT_KIND_NL, KIND_NL

# host (or its parent domain) -> the organisation that publishes there, as Dutch style guides name it
PUBLISHERS = {
    "rijksoverheid.nl": "Rijksoverheid",
    "government.nl": "Rijksoverheid",
    "officielebekendmakingen.nl": "Staatscourant",
    "ewi-vlaanderen.be": "Departement Economie, Wetenschap en Innovatie",
    "aivoorvlaanderen.be": "Departement Economie, Wetenschap en Innovatie",
    "vlaanderen.be": "Vlaamse overheid",
    "fdfa.be": "Departement Kanselarij en Buitenlandse Zaken",
    "fdfa.eu": "Departement Kanselarij en Buitenlandse Zaken",
    "vlaandereninnederland.be": "Vlaamse Vertegenwoordiging in Nederland",
}
REPORT_KINDS = {"rapport", "conclusies", "agenda", "slotverklaring", "gezamenlijke-verklaring"}
WEB_KINDS = {"nieuwsbericht", "communique"}


@dataclass(frozen=True)
class CitedSource:
    """One thing cited, in the terms every citation format needs."""

    key: str  # the record id, or highlight:<id>
    type: str  # "report", "webpage" or "document" (CSL's names)
    title: str
    author: str | None  # an organisation
    date: str | None  # ISO, of day, month or year precision
    publisher: str | None
    url: str | None
    accessed: str  # ISO date the source was consulted
    genre: str | None = None  # the kind of document in Dutch ("Slotverklaring")
    page: int | None = None
    quote: str | None = None
    note: str | None = None


def organisation_of(url: str | None) -> str | None:
    """The organisation that publishes at ``url``, None if it is not a known one."""
    if not url:
        return None
    host = (urlsplit(url).hostname or "").lower()
    parts = host.split(".")
    for i in range(len(parts) - 1):
        found = PUBLISHERS.get(".".join(parts[i:]))
        if found:
            return found
    return None


def site_of(url: str | None) -> str | None:
    """The web site's name for an unknown publisher: its host without "www."."""
    if not url:
        return None
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.") or None


def cite_source(conn: sqlite3.Connection, key: str, today: date | None = None) -> CitedSource:
    """What to cite for ``key`` (a record id, or ``highlight:<id>``); ``ArchiveError`` if the
    archive holds no such thing."""
    today = today or date.today()
    if key.startswith(HIGHLIGHT_PREFIX):
        return _highlight(conn, key, today)
    row = conn.execute("SELECT kind FROM records WHERE id = ?", (key,)).fetchone()
    if row is None:
        raise ArchiveError(f"{key}: no such record or highlight in the archive")
    if row[0] == "document":
        return _document(conn, key, today)
    return _record(conn, key, row[0], today)


def _record(conn: sqlite3.Connection, record_id: str, kind: str, today: date) -> CitedSource:
    title, when = conn.execute(
        "SELECT title, date FROM records WHERE id = ?", (record_id,)
    ).fetchone()
    url = conn.execute(
        "SELECT url FROM sources WHERE record_id = ? ORDER BY position LIMIT 1", (record_id,)
    ).fetchone()
    url = url[0] if url else None
    author = organisation_of(url)
    note = store.note_of(conn, record_id=record_id)
    return CitedSource(
        key=record_id,
        type="webpage",
        title=title,
        author=author,
        date=when,
        publisher=None if author else site_of(url),
        url=url,
        accessed=today.isoformat(),
        genre=KIND_NL.get(kind),
        note=note.text if note else None,
    )


def _document(
    conn: sqlite3.Connection, document_id: str, today: date, page: int | None = None
) -> CitedSource:
    title, when, kind, url, published_on, retrieved = conn.execute(
        "SELECT title, date, kind, url, published_on, retrieved FROM documents WHERE id = ?",
        (document_id,),
    ).fetchone()
    address = url or published_on
    author = organisation_of(address)
    accessed = (retrieved or "")[:10] or today.isoformat()
    kind_type = "report" if kind in REPORT_KINDS else "webpage" if kind in WEB_KINDS else None
    note = store.note_of(conn, record_id=document_id)
    return CitedSource(
        key=document_id,
        type=kind_type or ("document" if not address else "report"),
        title=title,
        author=author,
        date=when,
        publisher=None if author else site_of(address),
        url=address,
        accessed=accessed,
        genre=DOCUMENT_KIND_NL.get(kind or ""),
        page=page,
        note=note.text if note else None,
    )


def _highlight(conn: sqlite3.Connection, key: str, today: date) -> CitedSource:
    number = key[len(HIGHLIGHT_PREFIX) :]
    found = store.highlight(conn, int(number)) if number.isdigit() else None
    document = store.document_of(conn, found.sha256) if found else None
    if found is None or document is None:
        raise ArchiveError(f"{key}: no such highlight on a document in the archive")
    base = _document(conn, document[0], today, page=found.page_no)
    return CitedSource(
        **{
            **base.__dict__,
            "key": key,
            "quote": " ".join(found.text.split()),
            "note": found.note,
        }
    )
