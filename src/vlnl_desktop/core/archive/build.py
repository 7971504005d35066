"""Build ``archive.db`` from the records, keeping what the user added to an earlier build.

The build writes a new file beside the old one and renames it into place only when it is complete, so
a build that fails or is killed leaves the old archive as it was. The same records give the same
tables, row for row.
"""

from __future__ import annotations

import json
import os
import sqlite3
import tempfile
from dataclasses import dataclass
from pathlib import Path

import sqlite_utils

from vlnl_desktop.core.archive import schema
from vlnl_desktop.core.archive.connections import READ_ERRORS, create, probe, salvage
from vlnl_desktop.core.archive.fingerprint import fingerprint
from vlnl_desktop.core.archive.writer_lock import writer_lock
from vlnl_desktop.core.documents.rows import (
    FILE_COLUMNS,
    VERSION_COLUMNS,
    attach_file,
    insert_document,
    insert_pages,
    keep_versions,
    link_all,
)
from vlnl_desktop.core.documents.sheets import insert_sheets
from vlnl_desktop.core.errors import ArchiveError
from vlnl_desktop.core.notes.carry import carry_user_layer
from vlnl_desktop.core.ocr import store as ocr_store
from vlnl_desktop.core.pdf.text import PageText
from vlnl_desktop.core.records import Records, load_records
from vlnl_desktop.core.search import index as search_index
from vlnl_desktop.core.search.index_text import search_items
from vlnl_desktop.core.text import fold
from vlnl_desktop.core.vocabulary import ORIGIN_BUNDLED, ORIGIN_SHEET, ORIGIN_USER


class EarlierArchiveUnreadable(ArchiveError):
    """The archive being replaced passed the quick check but its rows do not all read: it is
    damaged after all (``lifecycle.rebuild`` then moves it aside and keeps what reads)."""


@dataclass
class BuildReport:
    records: int
    documents_kept: int
    path: Path
    damaged_copy: Path | None = None  # where an unreadable earlier archive was moved
    notes_kept: int = 0  # the user's notes and highlights carried over


def _json(values: list) -> str:
    return json.dumps(values, ensure_ascii=False)


def _insert_records(db: sqlite_utils.Database, records: Records) -> int:
    rows: list[dict] = []
    for kind, recs in records.by_kind().items():
        for rec in recs:
            rows.append(
                {
                    "id": rec["id"],
                    "kind": kind,
                    "title": rec.get("title") or rec.get("name"),
                    "date": rec.get("date"),
                    "summary": rec.get("summary"),
                    "origin": ORIGIN_BUNDLED,
                }
            )
    db["records"].insert_all(rows)

    db["declarations"].insert_all(
        {
            "id": r["id"],
            "title": r["title"],
            "date": r["date"],
            "summary": r["summary"],
            "domains": _json(r["domains"]),
            "details": _json(r["details"]),
        }
        for r in records.declarations
    )
    db["summits"].insert_all(
        {
            "id": r["id"],
            "number": r["number"],
            "title": r["title"],
            "date": r["date"],
            "place": r["place"],
            "municipality": r["municipality"],
            "venue": r["venue"],
            "format": r["format"],
            "summary": r["summary"],
            "decisions": _json(r["decisions"]),
        }
        for r in records.summits
    )
    db["events"].insert_all(
        {
            "id": r["id"],
            "title": r["title"],
            "date": r["date"],
            "kind": r["kind"],
            "summary": r["summary"],
            "details": _json(r["details"]),
            "summit_id": r["summit"],
        }
        for r in records.events
    )
    db["treaties"].insert_all(
        {
            "id": r["id"],
            "title": r["title"],
            "date": r["date"],
            "place": r["place"],
            "in_force": r["in_force"],
            "summary": r["summary"],
            "details": _json(r["details"]),
        }
        for r in records.treaties
    )
    db["institutions"].insert_all(
        {
            "id": r["id"],
            "title": r["title"],
            "date": r["date"],
            "summary": r["summary"],
            "details": _json(r["details"]),
        }
        for r in records.institutions
    )
    db["theme_groups"].insert_all(
        {"id": r["id"], "name": r["name"], "summary": r["summary"], "position": i}
        for i, r in enumerate(records.groups)
    )
    for r in records.groups:  # parents may come after their children in the file
        if r["parent"]:
            db["theme_groups"].update(r["id"], {"parent_id": r["parent"]})
    db["themes"].insert_all(
        {"id": r["id"], "name": r["name"], "summary": r["summary"], "position": i}
        for i, r in enumerate(records.themes)
    )
    db["theme_memberships"].insert_all(
        {"theme_id": r["id"], "group_id": g, "is_primary": int(j == 0), "position": j}
        for r in records.themes
        for j, g in enumerate(r["groups"])
    )
    db["people"].insert_all(
        {"id": r["id"], "name": r["name"], "side": r["side"]} for r in records.people
    )
    db["person_offices"].insert_all(
        {
            "person_id": r["id"],
            "position": i,
            "office": o["office"],
            "start_date": o["from"],
            "end_date": o["until"],
            "sources": _json(o["sources"]),
        }
        for r in records.people
        for i, o in enumerate(r["offices"])
    )
    positions: dict[str, int] = {}
    participants = []
    for _kind, rec, part in records.participations():
        position = positions[rec["id"]] = positions.get(rec["id"], -1) + 1
        participants.append(
            {
                "record_id": rec["id"],
                "person_id": part["person"],
                "role": part["role"],
                "side": part["side"],
                "position": position,
            }
        )
    db["participants"].insert_all(participants)
    db["summit_themes"].insert_all(
        {
            "summit_id": r["id"],
            "theme_id": t["theme"],
            "relation": t["relation"],
            "note": t.get("note"),
            "position": i,
        }
        for r in records.summits
        for i, t in enumerate(r["themes"])
    )
    db["record_themes"].insert_all(
        {"record_id": r["id"], "theme_id": t, "position": i}
        for r in records.declarations + records.events + records.treaties + records.institutions
        for i, t in enumerate(r["themes"])
    )
    db["documents"].insert_all(
        {
            "id": r["id"],
            "title": r["title"],
            "file_name": r["file_name"],
            "date": r["date"],
            "kind": r["kind"],
            "summit_id": r["summit"],
            "published_on": r["published_on"],
            "url": r["url"],
            "summary": r["summary"],
            "origin": ORIGIN_BUNDLED,
        }
        for r in records.documents
    )
    links: dict[tuple[str, str], int] = {}
    for r in records.declarations + records.summits + records.events + records.treaties:
        for i, d in enumerate(r["documents"]):
            links.setdefault((d, r["id"]), i)
    for r in records.documents:
        if r["summit"]:
            links.setdefault((r["id"], r["summit"]), 0)
    db["document_links"].insert_all(
        {"document_id": d, "record_id": rid, "position": pos}
        for (d, rid), pos in sorted(links.items())
    )
    for recs in records.by_kind().values():
        db["sources"].insert_all(
            {"record_id": r["id"], "position": i, "url": url}
            for r in recs
            for i, url in enumerate(r["sources"])
        )
        db["uncertainties"].insert_all(
            {
                "record_id": r["id"],
                "position": i,
                "text": u["text"],
                "field": u["field"],
                "sources": _json(u["sources"]),
            }
            for r in recs
            for i, u in enumerate(r.get("uncertain", []))
        )
    _insert_aliases(db, records)
    db["search_items"].insert_all(search_items(records))
    return len(rows)


def _insert_aliases(db: sqlite_utils.Database, records: Records) -> None:
    groups = [a["terms"] for a in records.aliases]
    groups += [[t["name"], *t["aliases"]] for t in records.themes if t["aliases"]]
    rows: dict[tuple[int, str], dict] = {}
    for group_id, terms in enumerate(groups):
        for term in terms:
            rows[(group_id, term)] = {"group_id": group_id, "term": term, "folded": fold(term)}
    db["aliases"].insert_all(rows.values())


def _carry_over(
    db: sqlite_utils.Database, old_path: Path, *, tolerant: bool = False
) -> tuple[int, int]:
    """Copy the documents the user imported or fetched, with their pages, links and OCR, and the
    user's notes and highlights from old_path: (documents kept, notes and highlights kept).

    ``tolerant`` (old_path is a damaged archive): keep what can be read (``salvage``); a
    document whose rows cannot be read is left out here, and its stored file is imported again
    afterwards (``documents.recovery``).
    """
    try:
        old = salvage(old_path) if tolerant else probe(old_path)
    except READ_ERRORS as exc:
        if tolerant:
            return 0, 0
        raise EarlierArchiveUnreadable(
            f"{old_path}: cannot read the earlier archive to keep its additions: {exc}"
        ) from None
    try:
        try:
            if old.execute("PRAGMA user_version").fetchone()[0] == 0:
                return 0, 0
            documents = _carry_from(db, old, tolerant)
        except READ_ERRORS as exc:
            if not tolerant:
                raise EarlierArchiveUnreadable(
                    f"{old_path}: cannot read the earlier archive to keep its additions: {exc}"
                ) from None
            documents = 0
        try:
            notes = carry_user_layer(old, db.conn, tolerant=tolerant)
        except READ_ERRORS as exc:
            raise EarlierArchiveUnreadable(
                f"{old_path}: cannot read the earlier archive's notes to keep them: {exc}"
            ) from None
        db.conn.commit()
        return documents, notes
    finally:
        old.close()


def _carry_from(db: sqlite_utils.Database, old: sqlite3.Connection, tolerant: bool) -> int:
    kept = old.execute(
        "SELECT * FROM documents WHERE sha256 IS NOT NULL "
        "AND origin IS NOT ? ORDER BY id",  # sheets are made anew by every build
        (ORIGIN_SHEET,),
    )
    columns = [d[0] for d in kept.description]
    kept = kept.fetchall()
    new_columns = set(db["documents"].columns_dict)
    conn = db.conn
    count = 0
    for row in kept:
        doc = {c: v for c, v in zip(columns, row, strict=True) if c in new_columns}
        try:  # read all of a document's rows before writing any
            links = old.execute(
                "SELECT document_id, record_id, position FROM document_links WHERE document_id = ?",
                (doc["id"],),
            ).fetchall()
            pages = old.execute(
                "SELECT document_id, page_no, text, has_text FROM pages "
                "WHERE document_id = ? ORDER BY page_no",
                (doc["id"],),
            ).fetchall()
            ocr = ocr_store.carried_rows(old, doc["id"])
        except READ_ERRORS:
            if not tolerant:
                raise
            continue  # its file is imported again by documents.recovery
        _keep_document(conn, doc, links, pages)
        ocr_store.keep_rows(conn, ocr)
        count += 1
    _keep_versions(conn, old, tolerant)
    conn.commit()
    return count


def _keep_versions(conn: sqlite3.Connection, old: sqlite3.Connection, tolerant: bool) -> None:
    """The earlier versions of documents' files (an archive older than them has none)."""
    tables = {r[0] for r in old.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if "document_versions" not in tables:
        return
    try:
        rows = old.execute(
            f"SELECT document_id, {', '.join(VERSION_COLUMNS)}, replaced FROM document_versions"
        ).fetchall()
    except READ_ERRORS:
        if not tolerant:
            raise
        return
    keep_versions(conn, rows)


def _keep_document(conn: sqlite3.Connection, doc: dict, links: list, pages: list) -> None:
    """One carried-over document: its row (or its file columns on a bundled one), links, pages."""
    if conn.execute("SELECT 1 FROM main.documents WHERE id = ?", (doc["id"],)).fetchone():
        attach_file(conn, doc["id"], {c: doc[c] for c in FILE_COLUMNS if c in doc})
    else:
        doc["origin"] = ORIGIN_USER
        summit = doc.get("summit_id")
        if (
            summit
            and not conn.execute("SELECT 1 FROM main.summits WHERE id = ?", (summit,)).fetchone()
        ):
            doc["summit_id"] = None
        insert_document(conn, doc)
    link_all(conn, links)
    insert_pages(conn, doc["id"], [PageText(no, text, bool(has)) for _d, no, text, has in pages])


def build_archive(
    db_path: Path,
    records: Records | None = None,
    *,
    carry_from: Path | None = None,
    wait: float = 30.0,
) -> BuildReport:
    """(Re)build the archive at ``db_path`` from the records, keeping the user's documents (from
    ``carry_from`` if given, e.g. a damaged archive moved aside, else from the archive it replaces).

    Holds the archive's writer lock: it waits for an import to finish rather than replace the file
    under it (``wait`` seconds at most, then ``ArchiveBusy``).
    """
    with writer_lock(db_path.parent, wait):
        return _build(db_path, records, carry_from)


def _build(db_path: Path, records: Records | None, carry_from: Path | None) -> BuildReport:
    from_bundle = records is None
    records = records or load_records()
    db_path.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(prefix=db_path.name + ".building-", dir=db_path.parent)
    os.close(handle)
    tmp_path = Path(name)
    try:
        report = _build_into(tmp_path, db_path, records, from_bundle, carry_from)
    except BaseException:
        for leftover in (tmp_path, Path(f"{tmp_path}-journal")):
            leftover.unlink(missing_ok=True)
        raise
    search_index.discard(db_path)  # stale from here until it is built for the new file
    for suffix in ("-wal", "-shm"):
        Path(str(db_path) + suffix).unlink(missing_ok=True)
    os.replace(tmp_path, db_path)
    search_index.build_beside(db_path)
    return report


def _build_into(
    tmp_path: Path, db_path: Path, records: Records, from_bundle: bool, carry_from: Path | None
) -> BuildReport:
    source = carry_from or db_path
    conn = create(tmp_path)
    try:
        db = sqlite_utils.Database(conn)
        with conn:
            schema.create_schema(db)
            count = _insert_records(db, records)
            db["meta"].insert({"key": "records", "value": fingerprint() if from_bundle else ""})
            insert_sheets(conn, db_path.parent / "documents")
        kept, notes = (
            _carry_over(db, source, tolerant=carry_from is not None) if source.exists() else (0, 0)
        )
        problems = conn.execute("PRAGMA foreign_key_check").fetchall()
        if problems:
            raise ArchiveError(f"the build broke a foreign key: {problems[0]}")
        conn.execute("PRAGMA journal_mode = DELETE")
    finally:
        conn.close()
    return BuildReport(records=count, documents_kept=kept, path=db_path, notes_kept=notes)
