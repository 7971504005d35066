"""The snapshot a team reads (core/serve): the private layer stays out, codes read in Dutch, every
table and column is described, and the canned queries answer; `publish` writes a folder a team can
serve and never writes over files it did not make."""

import sqlite3

import pytest

from vlnl_desktop.core.archive.connections import connect_writer, transaction
from vlnl_desktop.core.errors import VlnlError
from vlnl_desktop.core.serve.metadata import DATABASE, TABLES, metadata
from vlnl_desktop.core.serve.queries import QUERIES
from vlnl_desktop.core.serve.snapshot import make_snapshot

SECRET = "vertrouwelijk-geheim-7f3a"  # text of a private note: must not reach the snapshot


def add_private_layer(ws) -> None:
    """The notes layer's own tables (notes, highlights) filled with a text that must not be
    published, plus an FTS5 index and a view over them, as a curator might add."""
    conn = connect_writer(ws)
    with transaction(conn):
        conn.execute("CREATE VIRTUAL TABLE notes_fts USING fts5(text, content='notes')")
        conn.execute("CREATE VIEW my_notes AS SELECT text FROM notes")
        for n in range(200):
            conn.execute(
                "INSERT INTO notes (record_id, text, created, changed) VALUES (?, ?, '', '')",
                (f"record-{n}", f"{SECRET} {n}"),
            )
        conn.execute("INSERT INTO notes_fts(notes_fts) VALUES ('rebuild')")
        conn.execute(
            "INSERT INTO highlights (sha256, page_no, quads, text, colour, created, changed) "
            "VALUES ('x', 1, '[]', ?, 'yellow', '', '')",
            (SECRET,),
        )
    conn.close()


def names(db_path) -> set[str]:
    conn = sqlite3.connect(f"file:{db_path}?immutable=1", uri=True)
    try:
        return {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    finally:
        conn.close()


def test_notes_and_highlights_stay_out_of_the_snapshot_to_the_last_byte(workspace, tmp_path):
    add_private_layer(workspace)
    report = make_snapshot(workspace, tmp_path / "archief.db")
    assert sorted(report.left_out) == ["highlights", "notes", "notes_fts"]
    found = names(report.path)
    assert not [n for n in found if n.startswith(("notes", "highlights", "my_notes"))]
    assert {"summits", "pages", "documents", "pages_fts"} <= found  # Datasette searches pages
    assert SECRET.encode() not in report.path.read_bytes()  # not even in free pages


def test_with_notes_the_private_layer_is_published(workspace, tmp_path):
    add_private_layer(workspace)
    report = make_snapshot(workspace, tmp_path / "archief.db", with_notes=True)
    assert report.left_out == []
    conn = sqlite3.connect(f"file:{report.path}?immutable=1", uri=True)
    hits = conn.execute("SELECT count(*) FROM notes_fts WHERE notes_fts MATCH '7f3a'").fetchone()
    assert hits[0] == 200
    conn.close()


def test_the_snapshot_is_one_moment_while_the_app_writes(workspace, tmp_path):
    """A write the app has not committed is not in the snapshot, and the snapshot does not wait
    for it."""
    conn = connect_writer(workspace)
    with transaction(conn):
        conn.execute("UPDATE summits SET place = 'Halverwege' WHERE id = 'top-2011'")
        report = make_snapshot(workspace, tmp_path / "archief.db")
    conn.close()
    snap = sqlite3.connect(f"file:{report.path}?immutable=1", uri=True)
    place = snap.execute("SELECT place FROM summits WHERE id = 'top-2011'").fetchone()[0]
    assert place == "Hingene"
    assert snap.execute("PRAGMA journal_mode").fetchone()[0] == "delete"  # one file
    snap.close()
    assert not report.path.stat().st_mode & 0o222  # read-only


@pytest.fixture(scope="module")
def snapshot(readonly_archive, tmp_path_factory):
    from vlnl_desktop.core.archive.workspace import Workspace

    return make_snapshot(Workspace(readonly_archive), tmp_path_factory.mktemp("snap") / "a.db")


@pytest.fixture
def snap_conn(snapshot):
    from vlnl_desktop.serve.plugin import prepare_connection

    conn = sqlite3.connect(f"file:{snapshot.path}?immutable=1", uri=True)
    conn.row_factory = sqlite3.Row
    prepare_connection(conn)  # the canned search's vlnl_fts()
    yield conn
    conn.close()


def test_every_table_and_column_a_reader_sees_is_described_in_dutch(snap_conn):
    tables = [
        r[0]
        for r in snap_conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '%fts%'"
        )
    ]
    described = metadata("2026-01-01T00:00:00+00:00", documents_dir="d")
    entries = described["databases"][DATABASE]["tables"]
    missing = []
    for table in tables:
        entry = entries.get(table)
        if entry is None or not entry["title"] or not entry["description"]:
            missing.append(table)
            continue
        columns = [r[1] for r in snap_conn.execute(f'PRAGMA table_info("{table}")')]
        missing += [f"{table}.{c}" for c in columns if not entry["columns"].get(c)]
    assert missing == []
    assert entries["summits"]["title"] == "Topontmoetingen"
    assert set(TABLES) <= set(tables)  # no description of a table that is not there


def test_codes_point_at_their_dutch_words(snap_conn):
    """Datasette shows a foreign key by its label: the relation reads 'geprioriteerd'."""
    keys = {
        (r["from"], r["table"]) for r in snap_conn.execute("PRAGMA foreign_key_list(summit_themes)")
    }
    assert ("relation", "relations") in keys
    row = snap_conn.execute(
        "SELECT r.label FROM summit_themes st JOIN relations r ON r.code = st.relation "
        "WHERE st.relation = 'prioritised' LIMIT 1"
    ).fetchone()
    assert row["label"] == "geprioriteerd"
    assert snap_conn.execute("PRAGMA foreign_key_check").fetchall() == []
    years = [r[0] for r in snap_conn.execute("SELECT year FROM summits ORDER BY date")]
    assert years[0] == 2011 and None not in years


def test_the_canned_queries_answer(snap_conn):
    def run(name, **params):
        return [dict(r) for r in snap_conn.execute(QUERIES[name]["sql"], params)]

    themes = run("topontmoetingen_en_themas")
    assert {"geïntroduceerd", "geprioriteerd"} <= {r["relatie"] for r in themes}
    per_summit = run("documenten_per_top")
    assert {r["plaats"] for r in per_summit} >= {"Hingene", "Gent"}
    about = run("alles_over_een_thema", thema="waterstof")
    assert about and all(r["thema"] == "Waterstoftechnologie" for r in about)
    assert any(r["pdf"] and "#page=" in r["pdf"] for r in about)
    hits = run("zoeken", zoek="Hingen")  # the last word is a prefix
    assert any("<mark>Hingene</mark>" in r["fragment"] for r in hits)
    for nonsense in ['"', "(", "", "*", "-", "^"]:  # FTS5 syntax, no words: no hits, no error
        assert run("zoeken", zoek=nonsense) == []
    assert run("zoeken", zoek='("Hingene') != []  # stray syntax around a word is passed over


def test_publish_never_writes_over_files_it_did_not_make(readonly_workspace, tmp_path):
    from vlnl_desktop.serve.publish import publish

    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "thesis.docx").write_text("mine")
    with pytest.raises(VlnlError, match="did not make"):
        publish(readonly_workspace, folder)
    assert [p.name for p in folder.iterdir()] == ["thesis.docx"]
