"""The search index: a Tantivy index derived from archive.db, kept beside it.

SQLite stays the one source of truth; the index holds, per record item, page and title-only
document, the analyzed text (nothing stored but the row's key) and is rebuilt from SQLite whenever
it cannot be trusted:

- ``archive.db.index/`` beside ``archive.db`` holds Tantivy's files, the compound atoms the text
  was analyzed with (``atoms.txt``) and ``state.json``: the format and the archive's *signature*
  (the records' fingerprint and the highest row ids of items, pages and documents) it matches.
- A writer step (import, fetch, build) removes ``state.json`` before it writes SQLite and writes
  it back after the index committed (``IndexUpdate``): a crash in between leaves an index without
  a state, found on the next open and repaired row by row (``repair``: the keys in SQLite against
  the keys in the index). A missing, damaged or other-format index is built anew (``build``).
- Readers never repair: a stale index still answers (``SearchIndex.open``); ``ensure_index``
  brings it up to date for whoever holds the archive's writer lock.

Each index document has a ``key`` (SQLite row id × ``STRIDE`` + the namespace: item, page,
document, and the user's notes and highlights), the
record or document id it belongs to (``rec``), its kind (``kind``; ``page`` for pages), its year
(both fast fields: a search counts its hits per kind and year),
``src`` (record, page, or a page of a record sheet) and two text fields: ``body``, all its text
with its title (for a page, its document's title), and ``title`` (records only), which a query
uses to rank titles first.

The user's notes and highlights (``core/notes``) are indexed as documents of kind "note" and
"highlight" (``rec`` is ``note:<id>`` / ``highlight:<id>``). A note's text changes in place (its
key does not), so ``repair`` indexes all of them anew; there are few.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Callable, Iterator

import tantivy

from vlnl_desktop.core.notes.markdown import markdown_plain
from vlnl_desktop.core.search.analysis import ANALYZER, analyzer, compound_atoms, without_urls

TYPE_CHECKING = False  # typing itself is not imported on the start-up path of a search
if TYPE_CHECKING:
    from pathlib import Path

FORMAT = 6  # raise when what is indexed changes: older indexes are built anew
INDEX_SUFFIX = ".index"
STATE_FILE = "state.json"
ATOMS_FILE = "atoms.txt"
NS_ITEM, NS_PAGE, NS_DOCUMENT, NS_NOTE, NS_HIGHLIGHT = 0, 1, 2, 3, 4
STRIDE = 8  # key = row id * STRIDE + namespace
USER_NS = (NS_NOTE, NS_HIGHLIGHT)
SRC_RECORD, SRC_PAGE, SRC_SHEET = 0, 1, 2
BUILD_HEAP = 200_000_000
UPDATE_HEAP = 60_000_000

ITEMS_SQL = "SELECT id, record_id, kind, title, date, body FROM search_items"
PAGES_SQL = (
    "SELECT p.id, p.document_id, p.text, d.title, d.date, d.origin FROM pages p "
    "JOIN documents d ON d.id = p.document_id"
)
# documents without a search item of their own (the record sheets): found by their title
DOCUMENTS_SQL = (
    "SELECT d.rowid, d.id, d.title, d.date, d.origin FROM documents d "
    "WHERE NOT EXISTS (SELECT 1 FROM search_items s WHERE s.record_id = d.id)"
)
# the user's layer: a note's text (and its record's title and date), a highlight's text and note
NOTES_SQL = (
    "SELECT n.id, n.record_id, n.text, r.date FROM notes n "
    "LEFT JOIN records r ON r.id = n.record_id WHERE n.record_id IS NOT NULL"
)
HIGHLIGHTS_SQL = (
    "SELECT h.id, h.text, n.text, (SELECT d.date FROM documents d WHERE d.sha256 = h.sha256 "
    "ORDER BY d.id LIMIT 1) FROM highlights h LEFT JOIN notes n ON n.highlight_id = h.id"
)
SIGNATURE_SQL = (
    "SELECT (SELECT value FROM meta WHERE key = 'records'), (SELECT max(id) FROM search_items), "
    "(SELECT max(id) FROM pages), (SELECT max(rowid) FROM documents), "
    "(SELECT count(*) || '/' || coalesce(max(changed), '') FROM notes), "
    "(SELECT count(*) || '/' || coalesce(max(id), '') FROM highlights)"
)
KEYS_SQL = (
    f"SELECT id * {STRIDE} + {NS_ITEM} FROM search_items "
    f"UNION ALL SELECT id * {STRIDE} + {NS_PAGE} FROM pages "
    f"UNION ALL SELECT rowid * {STRIDE} + {NS_DOCUMENT} FROM ({DOCUMENTS_SQL}) "
    f"UNION ALL SELECT id * {STRIDE} + {NS_NOTE} FROM notes WHERE record_id IS NOT NULL "
    f"UNION ALL SELECT id * {STRIDE} + {NS_HIGHLIGHT} FROM highlights"
)


def _warn(message: str, *args) -> None:
    import logging  # not on the start-up path of a search

    logging.getLogger(__name__).warning(message, *args)


def index_path(db_path: str | os.PathLike) -> Path:
    """The index folder of the archive at ``db_path``."""
    from pathlib import Path

    return Path(_folder(db_path))


def _folder(db_path: str | os.PathLike) -> str:
    """The index folder as text: the search path reads it without pathlib (~5 ms to import)."""
    return os.fspath(db_path) + INDEX_SUFFIX


def schema() -> tantivy.Schema:
    builder = tantivy.SchemaBuilder()
    builder.add_unsigned_field("key", indexed=True, fast=True)
    builder.add_text_field("rec", tokenizer_name="raw", index_option="basic")
    builder.add_text_field("kind", tokenizer_name="raw", index_option="basic", fast=True)
    builder.add_unsigned_field("src", indexed=True, fast=True)
    builder.add_integer_field("year", indexed=True, fast=True)
    for field in ("title", "body"):
        builder.add_text_field(field, tokenizer_name=ANALYZER)
    return builder.build()


def signature(conn: sqlite3.Connection) -> str:
    """What the index must have been made from: changes with every row written to search."""
    return "|".join(str(v) for v in conn.execute(SIGNATURE_SQL).fetchone())


def _year(date: str | None) -> int | None:
    return int(date[:4]) if date and date[:4].isdigit() else None


def _document(key: int, rec: str, kind: str, src: int, date: str | None, **text: str):
    doc = tantivy.Document()
    doc.add_unsigned("key", key)
    doc.add_text("rec", rec)
    doc.add_text("kind", kind)
    doc.add_unsigned("src", src)
    year = _year(date)
    if year is not None:
        doc.add_integer("year", year)
    for field, value in text.items():
        if value:
            doc.add_text(field, value)
    return doc


def _rows(conn: sqlite3.Connection, where: str = "", params: tuple = ()) -> Iterator:
    """Index documents for the rows of items, pages and title-only documents (``where`` is a
    condition on a record or document id, written ``{id}``); without ``where``, the user's notes
    and highlights too."""
    cond = (lambda column: " WHERE " + where.format(id=column)) if where else (lambda _c: "")
    for rowid, record_id, kind, title, date, body in conn.execute(
        ITEMS_SQL + cond("record_id"), params
    ):
        yield _document(
            rowid * STRIDE + NS_ITEM, record_id, kind, SRC_RECORD, date,
            title=title, body=f"{title}\n{without_urls(body or '')}",
        )  # fmt: skip
    for rowid, document_id, text, title, date, origin in conn.execute(
        PAGES_SQL + cond("p.document_id"), params
    ):
        src = SRC_SHEET if origin == "sheet" else SRC_PAGE
        yield _document(
            rowid * STRIDE + NS_PAGE, document_id, "page", src, date,
            body=f"{title}\n{without_urls(text or '')}",
        )  # fmt: skip
    for rowid, document_id, title, date, origin in conn.execute(
        f"SELECT * FROM ({DOCUMENTS_SQL})" + cond("id"), params
    ):
        src = SRC_SHEET if origin == "sheet" else SRC_RECORD  # a record sheet: ranked after
        yield _document(rowid * STRIDE + NS_DOCUMENT, document_id, "document", src, date,
                        title=title, body=title)  # fmt: skip
    if not where:
        yield from user_rows(conn)


def user_rows(conn: sqlite3.Connection, keys: set[int] | None = None) -> Iterator:
    """Index documents for the user's notes on records and highlights (only ``keys`` if given)."""
    for note_id, _record_id, text, date in conn.execute(NOTES_SQL):
        key = note_id * STRIDE + NS_NOTE
        if keys is None or key in keys:
            yield _document(
                key, f"note:{note_id}", "note", SRC_RECORD, date, body=markdown_plain(text)
            )
    for highlight_id, text, note, date in conn.execute(HIGHLIGHTS_SQL):
        key = highlight_id * STRIDE + NS_HIGHLIGHT
        if keys is None or key in keys:
            body = f"{text or ''}\n{markdown_plain(note or '')}".strip()
            yield _document(
                key, f"highlight:{highlight_id}", "highlight", SRC_RECORD, date, body=body
            )


def delete_key(writer: tantivy.IndexWriter, schema: tantivy.Schema, key: int) -> None:
    """Delete the index document ``key``. (``delete_documents_by_term("key", int)`` makes a
    signed term, which never matches the unsigned field: it deletes nothing.)"""
    writer.delete_documents_by_query(tantivy.Query.term_query(schema, "key", key))


def _write_state(folder: str | os.PathLike, sig: str) -> None:
    final = os.path.join(folder, STATE_FILE)
    with open(final + ".tmp", "w", encoding="utf-8") as tmp:
        tmp.write(json.dumps({"format": FORMAT, "signature": sig}))
    os.replace(final + ".tmp", final)


def _read(folder: str, name: str) -> str:
    with open(os.path.join(folder, name), encoding="utf-8") as file:
        return file.read()


def _drop_state(folder: str | os.PathLike) -> None:
    """Mark the index at ``folder`` stale (its state gone): repaired on the next open."""
    try:
        os.unlink(os.path.join(folder, STATE_FILE))
    except FileNotFoundError:
        pass


class SearchIndex:
    """An open index: its searcher, schema and analyzer. ``open`` gives None when there is none
    fit to read (missing, damaged, another format); a stale one opens (``fresh`` says so)."""

    def __init__(self, folder: str, index: tantivy.Index, atoms: list[str], state: dict | None):
        self.folder = folder
        self.index = index
        self.schema = index.schema
        self.atoms = atoms
        self.analyzer = analyzer(atoms)
        self.state = state
        self._words: dict[str, list[str]] = {}
        index.register_tokenizer(ANALYZER, self.analyzer)

    @property
    def path(self) -> Path:
        """The index folder."""
        from pathlib import Path

        return Path(self.folder)

    def analyze_word(self, word: str) -> list[str]:
        """The terms of one word (remembered: snippets ask for the same words again and again)."""
        terms = self._words.get(word)
        if terms is None:
            if len(self._words) > 200_000:
                self._words.clear()
            terms = self._words[word] = self.analyzer.analyze(word)
        return terms

    @classmethod
    def open(cls, db_path: str | os.PathLike) -> SearchIndex | None:
        folder = _folder(db_path)
        try:
            atoms = _read(folder, ATOMS_FILE).split()
            index = tantivy.Index.open(folder)
        except (OSError, ValueError) as exc:
            if os.path.exists(folder):
                _warn("search index %s cannot be read: %s", folder, exc)
            return None
        try:
            state = json.loads(_read(folder, STATE_FILE))
        except (OSError, ValueError):
            state = None  # a writer was interrupted: stale
        if state is not None and state.get("format") != FORMAT:
            return None
        return cls(folder, index, atoms, state)

    def fresh(self, conn: sqlite3.Connection) -> bool:
        """The index holds exactly what the archive holds (as far as its signature tells)."""
        return self.state is not None and self.state.get("signature") == signature(conn)

    def searcher(self) -> tantivy.Searcher:
        return self.index.searcher()

    def keys(self) -> set[int]:
        """Every key in the index (for ``repair``)."""
        searcher = self.searcher()
        total = searcher.num_docs
        if not total:
            return set()
        hits = searcher.search(tantivy.Query.all_query(), total, count=False).hits
        return set(searcher.fast_field_values("key", [address for _score, address in hits]))

    def writer(self, heap: int = UPDATE_HEAP, threads: int = 1) -> tantivy.IndexWriter:
        return self.index.writer(heap, threads)


def build(
    db_path: Path,
    conn: sqlite3.Connection,
    progress: Callable[[int, int], None] | None = None,
) -> SearchIndex:
    """Build the index of the archive anew (in a new folder, swapped in when complete)."""
    import shutil
    import tempfile
    from pathlib import Path

    final = index_path(db_path)
    folder = Path(tempfile.mkdtemp(prefix=final.name + ".building-", dir=final.parent))
    try:
        texts = (f"{title}\n{body}" for title, body in conn.execute(
            "SELECT title, body FROM search_items"))  # fmt: skip
        atoms = compound_atoms(texts)
        (folder / ATOMS_FILE).write_text("\n".join(atoms), encoding="utf-8")
        index = tantivy.Index(schema(), path=str(folder))
        index.register_tokenizer(ANALYZER, analyzer(atoms))
        total = conn.execute("SELECT count(*) FROM pages").fetchone()[0]
        sig = signature(conn)
        writer = index.writer(BUILD_HEAP, 0)
        for count, doc in enumerate(_rows(conn), 1):
            writer.add_document(doc)
            if progress is not None and count % 5000 == 0:
                progress(count, total)
        writer.commit()
        writer.wait_merging_threads()
        _write_state(folder, sig)
        del writer, index
        _swap_in(folder, final)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    opened = SearchIndex.open(db_path)
    assert opened is not None
    return opened


def _swap_in(folder: Path, final: Path) -> None:
    import shutil
    import tempfile
    from pathlib import Path

    old = None
    if final.exists():
        old = Path(tempfile.mkdtemp(prefix=final.name + ".old-", dir=final.parent))
        os.replace(final, old / "index")
    os.replace(folder, final)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def discard(db_path: Path) -> None:
    """Mark the index stale before archive.db is replaced (a build): rebuilt on the next open."""
    _drop_state(_folder(db_path))


def repair(index: SearchIndex, conn: sqlite3.Connection) -> int:
    """Bring a stale index up to date row by row (the user's notes and highlights all anew: their
    text changes in place); the number of index documents changed."""
    wanted = {row[0] for row in conn.execute(KEYS_SQL)}
    present = index.keys()
    extra, missing = present - wanted, wanted - present
    user = {key for key in wanted | present if key % STRIDE in USER_NS}
    sig = signature(conn)
    writer = index.writer()
    for key in extra | (user & present):
        delete_key(writer, index.schema, key)
    for doc in _missing_rows(conn, missing - user):
        writer.add_document(doc)
    for doc in user_rows(conn, user & wanted):
        writer.add_document(doc)
    writer.commit()
    writer.wait_merging_threads()
    _write_state(index.folder, sig)
    index.state = {"format": FORMAT, "signature": sig}
    index.index.reload()
    return len(extra) + len(missing)


def _missing_rows(conn: sqlite3.Connection, keys: set[int]) -> Iterator:
    """The index documents of the rows behind ``keys``: whole records and documents are read."""
    if not keys:
        return
    by_ns: dict[int, list[int]] = {}
    for key in keys:
        by_ns.setdefault(key % STRIDE, []).append(key // STRIDE)
    owners: set[str] = set()
    sources = {
        NS_ITEM: "SELECT record_id FROM search_items WHERE id IN ({})",
        NS_PAGE: "SELECT document_id FROM pages WHERE id IN ({})",
        NS_DOCUMENT: "SELECT id FROM documents WHERE rowid IN ({})",
    }
    for ns, ids in by_ns.items():
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            sql = sources[ns].format(", ".join("?" * len(chunk)))
            owners.update(row[0] for row in conn.execute(sql, chunk))
    for owner in sorted(owners):
        for doc in _rows(conn, "{id} = ?", (owner,)):
            if doc.get_first("key") in keys:
                yield doc


def ensure_index(
    db_path: Path,
    conn: sqlite3.Connection,
    progress: Callable[[int, int], None] | None = None,
) -> SearchIndex:
    """The index, brought up to date: built when missing or unreadable, repaired when stale. The
    caller holds the archive's writer lock."""
    index = SearchIndex.open(db_path)
    if index is None:
        return build(db_path, conn, progress)
    if not index.fresh(conn):
        try:
            repair(index, conn)
        except ValueError as exc:  # tantivy's errors: the index is damaged after all
            _warn("search index repair failed (%s): building it anew", exc)
            return build(db_path, conn, progress)
    return index


class IndexUpdate:
    """The index's half of one writer step: ``add_document`` after each document SQLite has
    committed, ``close`` once at the end (one index commit, then the state)."""

    def __init__(self, db_path: Path, conn: sqlite3.Connection):
        self.db_path = db_path
        self.index = ensure_index(db_path, conn)
        _drop_state(self.index.folder)  # dirty until close()
        self.writer = self.index.writer()

    def add_document(self, conn: sqlite3.Connection, document_id: str) -> None:
        """(Re)index the document ``document_id`` as SQLite now holds it: its item and pages."""
        self.writer.delete_documents_by_term("rec", document_id)
        for doc in _rows(conn, "{id} = ?", (document_id,)):
            self.writer.add_document(doc)

    def add_user_item(self, conn: sqlite3.Connection, namespace: int, row_id: int) -> None:
        """(Re)index the note or highlight (``namespace`` NS_NOTE or NS_HIGHLIGHT) as SQLite now
        holds it; a deleted one is taken out."""
        key = row_id * STRIDE + namespace
        delete_key(self.writer, self.index.schema, key)
        for doc in user_rows(conn, {key}):
            self.writer.add_document(doc)

    def close(self, conn: sqlite3.Connection) -> None:
        sig = signature(conn)
        self.writer.commit()
        self.writer.wait_merging_threads()
        _write_state(self.index.folder, sig)


class index_update:  # noqa: N801 - used as a function: ``with index_update(...) as update``
    """An ``IndexUpdate`` for the writer step in the ``with`` block; None (and the index left for
    the next open to repair) if the index cannot be written. (A class, not a generator with
    ``contextlib``: this module is on the start-up path of a search.)"""

    def __init__(self, db_path: Path, conn: sqlite3.Connection):
        self._db_path, self._conn = db_path, conn
        self._update: IndexUpdate | None = None

    def __enter__(self) -> IndexUpdate | None:
        try:
            self._update = IndexUpdate(self._db_path, self._conn)
        except (OSError, ValueError) as exc:
            _warn("search index not updated: %s", exc)
        return self._update

    def __exit__(self, *_exc) -> None:
        if self._update is not None:
            try:
                self._update.close(self._conn)
            except (OSError, ValueError, sqlite3.Error) as exc:
                _warn("search index left to repair on the next open: %s", exc)


def build_beside(db_path: Path) -> None:
    """Build the index of the archive just written at ``db_path`` (the build's last step); if it
    fails, the next open builds it."""
    from vlnl_desktop.core.archive.connections import probe

    try:
        conn = probe(db_path)
        try:
            build(db_path, conn)
        finally:
            conn.close()
    except (OSError, ValueError, sqlite3.Error) as exc:
        _warn("search index not built (the next open builds it): %s", exc)
