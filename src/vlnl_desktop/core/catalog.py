"""Read-only queries the window needs: the tree's contents and one record's details.

Plain ``sqlite3`` on a connection from ``workspace.connect_readonly`` (no sqlite-utils: this is on the
start-up path). Everything is returned as plain named tuples and dataclasses, so the UI and the tests
need no SQL. (Named tuples where they are immutable: a frozen dataclass costs ~1 ms to define, on the
start-up path.)
"""

import sqlite3
from typing import NamedTuple

from vlnl_desktop.core.record_detail import (  # noqa: F401 - the catalog's answers, re-exported
    Detail,
    DocumentRef,
    DocumentVersion,
    Office,
    Participant,
    Participation,
    RecordRef,
    SummitMention,
    ThemeRef,
    Uncertainty,
)
from vlnl_desktop.core.vocabulary import RECORD_KINDS, SIDES, document_role

# The columns of documents a DocumentRef is made of, in its order.
_DOC_COLUMNS = "id, title, date, kind, sha256, page_count, origin, url, retrieved, obtained"

SECTIONS = (
    "declarations",
    "summits",
    "events",
    "treaties",
    "institutions",
    "themes",
    "people",
    "documents",
)
# words a Dutch surname may start with that the alphabet ignores ("Martijn van Dam" under D)
_NAME_PARTICLES = {"van", "de", "der", "den", "het", "'t", "te", "ter", "ten"}


class Entry(NamedTuple):
    """One node of the tree: a record (``kind`` is its kind) or a grouping (``kind`` "doc-kind":
    documents of one kind; "side": people of one side). A document's ``mark`` says what it is
    (vocabulary.DOCUMENT_ROLE_*), with "-missing" when its file is not in the archive yet."""

    kind: str
    id: str
    label: str
    date: str | None = None
    children: "tuple[Entry, ...]" = ()
    mark: str | None = None


class Section(NamedTuple):
    """A top node of the tree: ``key`` is one of SECTIONS; ``count`` the records it holds."""

    key: str
    count: int
    entries: tuple[Entry, ...]


class Counts(NamedTuple):
    declarations: int
    summits: int
    events: int
    themes: int
    groups: int
    documents: int
    documents_in_archive: int
    pages: int
    treaties: int = 0
    institutions: int = 0
    people: int = 0


def _list(value: str | None) -> list[str]:
    if not value:
        return []
    try:
        import json  # only for a record's details, not for the start-up overview

        data = json.loads(value)
    except ValueError:
        return [value]
    return [str(v) for v in data] if isinstance(data, list) else [str(data)]


def _date_key(value: str | None) -> str:
    return value or "9999"


def _kind_rank(kind: str) -> int:
    return RECORD_KINDS.index(kind) if kind in RECORD_KINDS else len(RECORD_KINDS)


def name_key(name: str) -> str:
    """How a person's name is alphabetised: by surname, particles aside ("van Dam" under D)."""
    words = name.split()[1:] or name.split()
    while len(words) > 1 and words[0].lower() in _NAME_PARTICLES:
        words = words[1:]
    return " ".join(words).casefold()


class Catalog:
    """Read-only queries over one archive connection."""

    def __init__(self, conn: sqlite3.Connection):
        self._conn = conn

    def _rows(self, sql: str, params: tuple = ()) -> list[sqlite3.Row]:
        return self._conn.execute(sql, params).fetchall()

    # --- the tree ---

    def sections(self) -> list[Section]:
        """The tree's top nodes, in the order the window shows them."""
        return [
            self._declarations(),
            self._summits(),
            self._events(),
            self._titled("treaties", "treaty"),
            self._titled("institutions", "institution"),
            self._themes(),
            self._people(),
            self._documents(),
        ]

    def _declarations(self) -> Section:
        rows = self._rows("SELECT id, title, date FROM declarations ORDER BY date, id")
        entries = tuple(Entry("declaration", r[0], r[1], r[2]) for r in rows)
        return Section("declarations", len(entries), entries)

    def _summits(self) -> Section:
        rows = self._rows("SELECT id, date, place FROM summits ORDER BY date, id")
        entries = tuple(Entry("summit", r[0], f"{(r[1] or '')[:4]} · {r[2]}", r[1]) for r in rows)
        return Section("summits", len(entries), entries)

    def _events(self) -> Section:
        rows = self._rows("SELECT id, title, date FROM events")
        rows = sorted(rows, key=lambda r: (_date_key(r[2]), r[0]))
        entries = tuple(
            Entry("event", r[0], f"{r[2][:4]} · {r[1]}" if r[2] else r[1], r[2]) for r in rows
        )
        return Section("events", len(entries), entries)

    def _titled(self, table: str, kind: str) -> Section:
        """Treaties or institutions, in time order, labelled by year and title."""
        rows = sorted(
            self._rows(f"SELECT id, title, date FROM {table}"),
            key=lambda r: (_date_key(r[2]), r[0]),
        )
        entries = tuple(
            Entry(kind, r[0], f"{r[2][:4]} · {r[1]}" if r[2] else r[1], r[2]) for r in rows
        )
        return Section(table, len(entries), entries)

    def _people(self) -> Section:
        """The people, by side (Vlaanderen, Nederland, …), each side by surname."""
        rows = self._rows("SELECT id, name, side FROM people")
        by_side: dict[str, list[sqlite3.Row]] = {}
        for r in rows:
            by_side.setdefault(r[2] or "", []).append(r)
        order = {side: i for i, side in enumerate(SIDES)}
        entries = tuple(
            Entry(
                "side",
                side,
                side,
                None,
                tuple(
                    Entry("person", r[0], r[1])
                    for r in sorted(by_side[side], key=lambda r: (name_key(r[1]), r[0]))
                ),
            )
            for side in sorted(by_side, key=lambda s: (order.get(s, len(order)), s))
        )
        return Section("people", len(rows), entries)

    def _themes(self) -> Section:
        groups = self._rows("SELECT id, name, parent_id FROM theme_groups ORDER BY position, id")
        members = self._rows(
            "SELECT m.group_id, t.id, t.name FROM theme_memberships m "
            "JOIN themes t ON t.id = m.theme_id ORDER BY t.position, t.id"
        )
        themes_of: dict[str, list[Entry]] = {}
        for group_id, theme_id, name in members:
            themes_of.setdefault(group_id, []).append(Entry("theme", theme_id, name))
        children_of: dict[str | None, list[sqlite3.Row]] = {}
        known = {g[0] for g in groups}
        for g in groups:
            parent = g[2] if g[2] in known else None
            children_of.setdefault(parent, []).append(g)

        def build(group: sqlite3.Row, seen: frozenset[str]) -> Entry:
            seen = seen | {group[0]}
            subgroups = [build(c, seen) for c in children_of.get(group[0], []) if c[0] not in seen]
            return Entry(
                "group", group[0], group[1], None, tuple(subgroups + themes_of.get(group[0], []))
            )

        entries = tuple(build(g, frozenset()) for g in children_of.get(None, []))
        ungrouped = self._rows(
            "SELECT id, name FROM themes WHERE id NOT IN (SELECT theme_id FROM theme_memberships) "
            "ORDER BY position, id"
        )
        entries += tuple(Entry("theme", r[0], r[1]) for r in ungrouped)
        count = self._conn.execute("SELECT count(*) FROM themes").fetchone()[0]
        return Section("themes", count, entries)

    def _documents(self) -> Section:
        rows = self._rows("SELECT id, title, date, kind, origin, sha256 IS NULL FROM documents")
        by_kind: dict[str, list[sqlite3.Row]] = {}
        for r in rows:
            by_kind.setdefault(r[3] or "", []).append(r)
        entries = []
        for kind in sorted(by_kind, key=lambda k: (k == "", k)):
            docs = sorted(by_kind[kind], key=lambda r: (_date_key(r[2]), r[1]))
            children = tuple(
                Entry("document", r[0], r[1], r[2], mark=document_role(r[4]) + "-missing" * r[5])
                for r in docs
            )
            entries.append(Entry("doc-kind", kind, kind, None, children))
        return Section("documents", len(rows), tuple(entries))

    def counts(self) -> Counts:
        def count(sql: str) -> int:
            return self._conn.execute(sql).fetchone()[0]

        return Counts(
            declarations=count("SELECT count(*) FROM declarations"),
            summits=count("SELECT count(*) FROM summits"),
            events=count("SELECT count(*) FROM events"),
            themes=count("SELECT count(*) FROM themes"),
            groups=count("SELECT count(*) FROM theme_groups"),
            documents=count("SELECT count(*) FROM documents"),
            documents_in_archive=count("SELECT count(*) FROM documents WHERE sha256 IS NOT NULL"),
            pages=count("SELECT count(*) FROM pages"),
            treaties=count("SELECT count(*) FROM treaties"),
            institutions=count("SELECT count(*) FROM institutions"),
            people=count("SELECT count(*) FROM people"),
        )

    # --- one record ---

    def kind_of(self, record_id: str) -> str | None:
        row = self._conn.execute("SELECT kind FROM records WHERE id = ?", (record_id,)).fetchone()
        return row[0] if row else None

    def detail(self, record_id: str) -> Detail | None:
        """The record's details, None if there is no such record."""
        row = self._conn.execute(
            "SELECT id, kind, title, date, summary FROM records WHERE id = ?", (record_id,)
        ).fetchone()
        if row is None:
            return None
        detail = Detail(id=row[0], kind=row[1], title=row[2], date=row[3], summary=row[4])
        filler = getattr(self, f"_fill_{detail.kind}", None)
        if filler is not None:
            filler(detail)
        detail.sources = [
            r[0]
            for r in self._rows(
                "SELECT url FROM sources WHERE record_id = ? ORDER BY position", (record_id,)
            )
        ]
        detail.uncertain = [
            Uncertainty(r[0], r[1], tuple(_list(r[2])))
            for r in self._rows(
                "SELECT text, field, sources FROM uncertainties WHERE record_id = ? "
                "ORDER BY position",
                (record_id,),
            )
        ]
        return detail

    def _participants(self, record_id: str) -> list[Participant]:
        return [
            Participant(*r)
            for r in self._rows(
                "SELECT p.id, p.name, pa.role, pa.side FROM participants pa "
                "JOIN people p ON p.id = pa.person_id WHERE pa.record_id = ? ORDER BY pa.position",
                (record_id,),
            )
        ]

    def _documents_of(self, record_id: str) -> list[DocumentRef]:
        columns = ", ".join(f"d.{c.strip()}" for c in _DOC_COLUMNS.split(","))
        rows = self._rows(
            f"SELECT {columns} FROM document_links l "
            "JOIN documents d ON d.id = l.document_id WHERE l.record_id = ? "
            "ORDER BY l.position, d.date, d.id",
            (record_id,),
        )
        return [DocumentRef(*r) for r in rows]

    def _record_themes(self, record_id: str) -> list[ThemeRef]:
        rows = self._rows(
            "SELECT t.id, t.name FROM record_themes r JOIN themes t ON t.id = r.theme_id "
            "WHERE r.record_id = ? ORDER BY r.position",
            (record_id,),
        )
        return [ThemeRef(r[0], r[1]) for r in rows]

    def _summit_ref(self, summit_id: str | None) -> RecordRef | None:
        if not summit_id:
            return None
        row = self._conn.execute(
            "SELECT id, title, date FROM summits WHERE id = ?", (summit_id,)
        ).fetchone()
        return RecordRef(row[0], "summit", row[1], row[2]) if row else None

    def _fill_declaration(self, d: Detail) -> None:
        row = self._conn.execute(
            "SELECT domains, details FROM declarations WHERE id = ?", (d.id,)
        ).fetchone()
        if row:
            d.domains, d.decisions = _list(row[0]), _list(row[1])
        d.themes = self._record_themes(d.id)
        d.documents = self._documents_of(d.id)

    def _fill_summit(self, d: Detail) -> None:
        row = self._conn.execute(
            "SELECT number, place, municipality, venue, format, decisions FROM summits "
            "WHERE id = ?",
            (d.id,),
        ).fetchone()
        if row:
            d.number, d.place, d.municipality, d.venue, d.format = row[:5]
            d.decisions = _list(row[5])
        d.participants = self._participants(d.id)
        d.themes = [
            ThemeRef(*r)
            for r in self._rows(
                "SELECT t.id, t.name, st.relation, st.note FROM summit_themes st "
                "JOIN themes t ON t.id = st.theme_id WHERE st.summit_id = ? ORDER BY st.position",
                (d.id,),
            )
        ]
        d.documents = self._documents_of(d.id)
        events = self._rows("SELECT id, title, date FROM events WHERE summit_id = ?", (d.id,))
        d.related = [
            RecordRef(r[0], "event", r[1], r[2])
            for r in sorted(events, key=lambda r: (_date_key(r[2]), r[0]))
        ]

    def _fill_event(self, d: Detail) -> None:
        row = self._conn.execute(
            "SELECT kind, details, summit_id FROM events WHERE id = ?", (d.id,)
        ).fetchone()
        if row:
            d.event_kind, d.decisions = row[0], _list(row[1])
            d.summit = self._summit_ref(row[2])
        d.participants = self._participants(d.id)
        d.themes = self._record_themes(d.id)
        d.documents = self._documents_of(d.id)

    def _fill_treaty(self, d: Detail) -> None:
        row = self._conn.execute(
            "SELECT place, in_force, details FROM treaties WHERE id = ?", (d.id,)
        ).fetchone()
        if row:
            d.place, d.in_force, d.decisions = row[0], row[1], _list(row[2])
        d.participants = self._participants(d.id)
        d.themes = self._record_themes(d.id)
        d.documents = self._documents_of(d.id)

    def _fill_institution(self, d: Detail) -> None:
        row = self._conn.execute(
            "SELECT details FROM institutions WHERE id = ?", (d.id,)
        ).fetchone()
        if row:
            d.decisions = _list(row[0])
        d.themes = self._record_themes(d.id)

    def _fill_group(self, d: Detail) -> None:
        row = self._conn.execute(
            "SELECT g.parent_id, p.name FROM theme_groups g "
            "LEFT JOIN theme_groups p ON p.id = g.parent_id WHERE g.id = ?",
            (d.id,),
        ).fetchone()
        if row and row[0]:
            d.groups = [RecordRef(row[0], "group", row[1], None)]
        subgroups = self._rows(
            "SELECT id, name FROM theme_groups WHERE parent_id = ? ORDER BY position", (d.id,)
        )
        themes = self._rows(
            "SELECT t.id, t.name FROM theme_memberships m JOIN themes t ON t.id = m.theme_id "
            "WHERE m.group_id = ? ORDER BY t.position, t.id",
            (d.id,),
        )
        d.members = [RecordRef(r[0], "group", r[1], None) for r in subgroups]
        d.members += [RecordRef(r[0], "theme", r[1], None) for r in themes]

    def _fill_theme(self, d: Detail) -> None:
        d.groups = [
            RecordRef(r[0], "group", r[1], None)
            for r in self._rows(
                "SELECT g.id, g.name FROM theme_memberships m "
                "JOIN theme_groups g ON g.id = m.group_id WHERE m.theme_id = ? ORDER BY m.position",
                (d.id,),
            )
        ]
        d.history = self.theme_history(d.id)
        rows = self._rows(
            "SELECT r.id, r.kind, r.title, r.date FROM record_themes rt "
            "JOIN records r ON r.id = rt.record_id WHERE rt.theme_id = ?",
            (d.id,),
        )
        d.related = [RecordRef(*r) for r in sorted(rows, key=lambda r: (_date_key(r[3]), r[0]))]

    def theme_history(self, theme_id: str) -> list[SummitMention]:
        """Every summit that introduced, prioritised or discussed the theme, in time order."""
        rows = self._rows(
            "SELECT s.id, s.title, s.date, s.place, st.relation, st.note FROM summit_themes st "
            "JOIN summits s ON s.id = st.summit_id WHERE st.theme_id = ? ORDER BY s.date, s.id",
            (theme_id,),
        )
        return [SummitMention(*r) for r in rows]

    def _fill_document(self, d: Detail) -> None:
        row = self._conn.execute(
            f"SELECT {_DOC_COLUMNS}, file_name, published_on, summit_id FROM documents "
            "WHERE id = ?",
            (d.id,),
        ).fetchone()
        if row is None:
            return
        d.document = DocumentRef(*row[:10])
        d.file_name, d.url, d.published_on = row[10], d.document.url, row[11]
        d.summit = self._summit_ref(row[12])
        d.versions = [
            DocumentVersion(*r)
            for r in self._rows(
                "SELECT sha256, page_count, retrieved, obtained, replaced FROM document_versions "
                "WHERE document_id = ? ORDER BY replaced DESC, sha256",
                (d.id,),
            )
        ]
        rows = self._rows(
            "SELECT r.id, r.kind, r.title, r.date FROM document_links l "
            "JOIN records r ON r.id = l.record_id WHERE l.document_id = ? AND r.id IS NOT ?",
            (d.id, row[12]),
        )
        d.related = [RecordRef(*r) for r in sorted(rows, key=lambda r: (_date_key(r[3]), r[0]))]

    def _fill_person(self, d: Detail) -> None:
        row = self._conn.execute("SELECT side FROM people WHERE id = ?", (d.id,)).fetchone()
        d.side = row[0] if row else None
        d.offices = [
            Office(r[0], r[1], r[2], tuple(_list(r[3])))
            for r in self._rows(
                "SELECT office, start_date, end_date, sources FROM person_offices "
                "WHERE person_id = ? ORDER BY position",
                (d.id,),
            )
        ]
        rows = self._rows(
            "SELECT r.id, r.kind, r.title, r.date, pa.role, pa.side FROM participants pa "
            "JOIN records r ON r.id = pa.record_id WHERE pa.person_id = ?",
            (d.id,),
        )
        d.participations = [  # in time order; on one day the summit before its events
            Participation(*r)
            for r in sorted(rows, key=lambda r: (_date_key(r[3]), _kind_rank(r[1]), r[0]))
        ]

    def fetchable(self) -> list[DocumentRef]:
        """The documents whose address is known, by date and title (what "fetch" fetches)."""
        rows = self._rows(f"SELECT {_DOC_COLUMNS} FROM documents WHERE url IS NOT NULL")
        return sorted((DocumentRef(*r) for r in rows), key=lambda d: (_date_key(d.date), d.title))

    def document(self, document_id: str) -> DocumentRef | None:
        row = self._conn.execute(
            f"SELECT {_DOC_COLUMNS} FROM documents WHERE id = ?", (document_id,)
        ).fetchone()
        return DocumentRef(*row) if row else None
