"""The archive's tables, created with sqlite-utils, and the schema version.

Every record has a row in ``records`` (id, kind, title, date), so that links that may point at any
kind of record (sources, document links, search items) have one foreign key target. The kind tables
hold the kind's own fields; lists of sentences are stored as JSON arrays. ``participants`` holds who
took part in a summit, event or treaty with their office at that date; ``person_offices`` every
office a person held, with its dates and sources; an uncertainty may name the field it doubts and
the sources that disagree (a JSON array). A document's file columns say how its file came
(``obtained``: fetched or attached, see ``vocabulary``) and, for a fetched one, the fingerprint of
what was published (``published_sha256``: the PDF's bytes, or a web page's main text), so that a
changed publication is noticed; an earlier file of a document is listed in ``document_versions``
(its file stays in the store).
"""

from __future__ import annotations

import sqlite_utils

from vlnl_desktop.core.archive.schema_version import SCHEMA_VERSION

TOKENIZE = "unicode61 remove_diacritics 2"
# The records' text has an FTS5 index (the search's answer while its Tantivy index is rebuilt);
# the pages have none: the Tantivy index searches them, and FTS5 would cost an import a fifth of
# its time (tokenising every page twice). A snapshot for Datasette makes its own (``core/serve``).
FTS_TABLES = {"search_items": ("title", "body")}

# table -> (columns, pk, foreign keys, not null)
TABLES: dict[str, tuple[dict, object, list[tuple[str, str, str]], set[str]]] = {
    "meta": ({"key": str, "value": str}, "key", [], {"value"}),
    "records": (
        {"id": str, "kind": str, "title": str, "date": str, "summary": str, "origin": str},
        "id",
        [],
        {"kind", "title", "origin"},
    ),
    "declarations": (
        {"id": str, "title": str, "date": str, "summary": str, "domains": str, "details": str},
        "id",
        [("id", "records", "id")],
        {"title"},
    ),
    "summits": (
        {
            "id": str,
            "number": int,
            "title": str,
            "date": str,
            "place": str,
            "municipality": str,
            "venue": str,
            "format": str,
            "summary": str,
            "decisions": str,
        },
        "id",
        [("id", "records", "id")],
        {"title", "date", "place"},
    ),
    "events": (
        {
            "id": str,
            "title": str,
            "date": str,
            "kind": str,
            "summary": str,
            "details": str,
            "summit_id": str,
        },
        "id",
        [("id", "records", "id"), ("summit_id", "summits", "id")],
        {"title"},
    ),
    "treaties": (
        {
            "id": str,
            "title": str,
            "date": str,
            "place": str,
            "in_force": str,
            "summary": str,
            "details": str,
        },
        "id",
        [("id", "records", "id")],
        {"title", "date"},
    ),
    "institutions": (
        {"id": str, "title": str, "date": str, "summary": str, "details": str},
        "id",
        [("id", "records", "id")],
        {"title"},
    ),
    "theme_groups": (
        {"id": str, "name": str, "summary": str, "parent_id": str, "position": int},
        "id",
        [("id", "records", "id"), ("parent_id", "theme_groups", "id")],
        {"name"},
    ),
    "themes": (
        {"id": str, "name": str, "summary": str, "position": int},
        "id",
        [("id", "records", "id")],
        {"name"},
    ),
    "theme_memberships": (
        {"theme_id": str, "group_id": str, "is_primary": int, "position": int},
        ("theme_id", "group_id"),
        [("theme_id", "themes", "id"), ("group_id", "theme_groups", "id")],
        set(),
    ),
    "people": (
        {"id": str, "name": str, "side": str},
        "id",
        [("id", "records", "id")],
        {"name"},
    ),
    "person_offices": (
        {
            "person_id": str,
            "position": int,
            "office": str,
            "start_date": str,
            "end_date": str,
            "sources": str,
        },
        ("person_id", "position"),
        [("person_id", "people", "id")],
        {"office"},
    ),
    "participants": (
        {"record_id": str, "person_id": str, "role": str, "side": str, "position": int},
        ("record_id", "person_id"),
        [("record_id", "records", "id"), ("person_id", "people", "id")],
        {"role"},
    ),
    "summit_themes": (
        {"summit_id": str, "theme_id": str, "relation": str, "note": str, "position": int},
        ("summit_id", "theme_id"),
        [("summit_id", "summits", "id"), ("theme_id", "themes", "id")],
        {"relation"},
    ),
    "record_themes": (
        {"record_id": str, "theme_id": str, "position": int},
        ("record_id", "theme_id"),
        [("record_id", "records", "id"), ("theme_id", "themes", "id")],
        set(),
    ),
    "documents": (
        {
            "id": str,
            "title": str,
            "file_name": str,
            "date": str,
            "kind": str,
            "summit_id": str,
            "published_on": str,
            "url": str,
            "summary": str,
            "sha256": str,
            "size": int,
            "page_count": int,
            "has_text": int,
            "retrieved": str,
            "origin": str,
            "obtained": str,
            "published_sha256": str,
        },
        "id",
        [("id", "records", "id"), ("summit_id", "summits", "id")],
        {"title", "origin"},
    ),
    "document_versions": (
        {
            "document_id": str,
            "sha256": str,
            "size": int,
            "page_count": int,
            "retrieved": str,
            "obtained": str,
            "published_sha256": str,
            "replaced": str,
        },
        ("document_id", "sha256"),
        [("document_id", "documents", "id")],
        {"replaced"},
    ),
    "document_links": (
        {"document_id": str, "record_id": str, "position": int},
        ("document_id", "record_id"),
        [("document_id", "documents", "id"), ("record_id", "records", "id")],
        set(),
    ),
    "sources": (
        {"record_id": str, "position": int, "url": str},
        ("record_id", "position"),
        [("record_id", "records", "id")],
        {"url"},
    ),
    "uncertainties": (
        {"record_id": str, "position": int, "text": str, "field": str, "sources": str},
        ("record_id", "position"),
        [("record_id", "records", "id")],
        {"text"},
    ),
    "aliases": (
        {"group_id": int, "term": str, "folded": str},
        ("group_id", "term"),
        [],
        {"folded"},
    ),
    "pages": (
        {"id": int, "document_id": str, "page_no": int, "text": str, "has_text": int},
        "id",
        [("document_id", "documents", "id")],
        {"document_id", "page_no"},
    ),
    # the OCR of a page without a (usable) text layer: the page's text in ``pages`` is then this
    # reading's; its words keep their boxes (pixels of the image read, ``transform`` to points)
    "ocr_pages": (
        {
            "document_id": str,
            "page_no": int,
            "engine": str,
            "language": str,
            "dpi": int,
            "rotation": int,
            "transform": str,
            "words": str,
            "confidence": float,
            "problem": str,
            "done": str,
        },
        ("document_id", "page_no"),
        [("document_id", "documents", "id")],
        {"engine", "language", "done"},
    ),
    "search_items": (
        {"id": int, "record_id": str, "kind": str, "title": str, "date": str, "body": str},
        "id",
        [("record_id", "records", "id")],
        {"record_id", "kind", "title"},
    ),
    # The user's own layer (core/notes): carried over by every build, never bundled. A highlight
    # names its document by the file's sha256 (it survives a re-import and a rebuild); a note
    # belongs to a record or to a highlight. No foreign key to records: a note outlives a record
    # that left the bundled archive (``check`` reports it).
    "highlights": (
        {
            "id": int,
            "sha256": str,
            "page_no": int,
            "quads": str,
            "text": str,
            "colour": str,
            "created": str,
            "changed": str,
        },
        "id",
        [],
        {"sha256", "page_no", "quads", "created", "changed"},
    ),
    "notes": (
        {
            "id": int,
            "record_id": str,
            "highlight_id": int,
            "text": str,
            "created": str,
            "changed": str,
        },
        "id",
        [("highlight_id", "highlights", "id")],
        {"text", "created", "changed"},
    ),
}

INDEXES = [
    ("pages", ["document_id", "page_no"], True),
    ("search_items", ["record_id"], True),
    ("summit_themes", ["theme_id"], False),
    ("document_links", ["record_id"], False),
    ("participants", ["person_id"], False),
    ("aliases", ["folded"], False),
    ("highlights", ["sha256", "page_no"], False),
    ("notes", ["record_id"], True),
    ("notes", ["highlight_id"], True),
]


def create_schema(db: sqlite_utils.Database) -> None:
    """Create every table, index and FTS5 index in an empty database."""
    for name, (columns, pk, foreign_keys, not_null) in TABLES.items():
        db[name].create(columns, pk=pk, foreign_keys=foreign_keys, not_null=not_null)
    for table, columns, unique in INDEXES:
        db[table].create_index(columns, unique=unique)
    for table, columns in FTS_TABLES.items():
        db[table].enable_fts(list(columns), tokenize=TOKENIZE, create_triggers=True)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
