"""The build: the same records give the same tables; a rebuild keeps a damaged archive aside."""

import sqlite3

from vlnl_desktop.core.archive import schema, schema_version
from vlnl_desktop.core.archive.build import build_archive
from vlnl_desktop.core.archive.lifecycle import open_workspace, rebuild
from vlnl_desktop.core.archive.workspace import Workspace

# documents generated at build time carry their own file columns; compared apart from the bytes
VOLATILE = {"retrieved"}


def dump(path):
    conn = sqlite3.connect(path)
    tables = [
        r[0]
        for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '%_fts%' "
            "ORDER BY name"
        )
    ]
    out = {}
    for table in tables:
        columns = [d[0] for d in conn.execute(f"SELECT * FROM {table} LIMIT 0").description]
        keep = [c for c in columns if c not in VOLATILE]
        out[table] = conn.execute(
            f"SELECT {', '.join(keep)} FROM {table} ORDER BY {', '.join(keep)}"
        ).fetchall()
    schema_sql = conn.execute("SELECT sql FROM sqlite_master ORDER BY name").fetchall()
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    conn.close()
    return out, schema_sql, version


def test_building_twice_gives_identical_tables(tmp_path):
    a, b = tmp_path / "a" / "archive.db", tmp_path / "b" / "archive.db"
    build_archive(a)
    build_archive(b)
    assert dump(a) == dump(b)
    tables, _, version = dump(a)
    assert version == schema.SCHEMA_VERSION == schema_version.SCHEMA_VERSION
    assert len(tables["summits"]) == 7


def test_foreign_keys_are_declared(built_archive):
    conn = sqlite3.connect(built_archive / "archive.db")
    links = conn.execute("SELECT * FROM pragma_foreign_key_list('summit_themes')").fetchall()
    assert {row[2] for row in links} == {"summits", "themes"}
    relations = conn.execute(
        "SELECT relation FROM summit_themes WHERE summit_id = 'top-2020' "
        "AND theme_id = 'waterstoftechnologie'"
    ).fetchone()
    assert relations == ("introduced",)


def test_an_empty_folder_is_initialised_from_the_bundled_archive(tmp_path):
    ws = open_workspace(tmp_path / "new")
    assert ws.db_path.is_file()
    assert ws.documents_dir.is_dir()


def test_the_environment_variable_chooses_the_archive(tmp_path, monkeypatch):
    monkeypatch.setenv("VLNL_ARCHIVE", str(tmp_path / "env"))
    assert open_workspace().root == tmp_path / "env"


def test_a_damaged_archive_is_moved_aside_not_deleted(workspace: Workspace):
    workspace.db_path.write_bytes(b"this is not a database" * 100)
    report = rebuild(workspace.db_path)
    assert report.damaged_copy is not None
    assert report.damaged_copy.read_bytes().startswith(b"this is not a database")
    assert sqlite3.connect(workspace.db_path).execute("SELECT count(*) FROM summits").fetchone()[0]


def _set(ws, *sql):
    conn = sqlite3.connect(ws.db_path)
    for statement in sql:
        conn.execute(statement)
    conn.commit()
    conn.close()


def _import_geotopo(ws):
    from pathlib import Path

    from vlnl_desktop.core.documents.importer import import_files

    pdf = next((Path(__file__).parent / "data/pdf-samples/009-pdflatex-geotopo").glob("*.pdf"))
    [result] = import_files(ws, [pdf], record_id="top-2016")
    assert result.status == "imported"
    return result.document_id


def test_newer_bundled_records_are_merged_in_on_start_keeping_imports(workspace):
    doc_id = _import_geotopo(workspace)
    _set(workspace, "UPDATE meta SET value = 'records of an older program' WHERE key = 'records'")
    _set(workspace, "UPDATE summits SET place = 'stale' WHERE id = 'top-2016'")
    open_workspace(workspace.root)
    conn = sqlite3.connect(workspace.db_path)
    assert conn.execute("SELECT place FROM summits WHERE id = 'top-2016'").fetchone() == ("Gent",)
    assert conn.execute(
        "SELECT count(*) FROM pages WHERE document_id = ?", (doc_id,)
    ).fetchone() == (117,)
    assert conn.execute(
        "SELECT 1 FROM document_links WHERE document_id = ? AND record_id = 'top-2016'", (doc_id,)
    ).fetchone()


def test_an_archive_of_the_first_schema_is_migrated_on_start(workspace):
    doc_id = _import_geotopo(workspace)
    _set(workspace, "DROP TABLE meta", "PRAGMA user_version = 1")
    open_workspace(workspace.root)
    conn = sqlite3.connect(workspace.db_path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
    assert conn.execute("SELECT count(*) FROM pages WHERE document_id = ?", (doc_id,)).fetchone()


def test_an_archive_of_a_newer_program_is_left_alone(workspace):
    _set(workspace, "PRAGMA user_version = 99")
    before = workspace.db_path.read_bytes()
    open_workspace(workspace.root)
    assert workspace.db_path.read_bytes() == before


def test_a_rebuild_waits_for_the_writer_and_never_replaces_the_file_under_it(workspace):
    from vlnl_desktop.core.archive.writer_lock import ArchiveBusy, writer_lock

    before = workspace.db_path.stat().st_ino
    with writer_lock(workspace.root):  # an import is writing
        try:
            build_archive(workspace.db_path, wait=0.3)
        except ArchiveBusy as exc:
            assert "another vlnl-desktop" in str(exc)
        else:
            raise AssertionError("the build did not wait for the writer")
    assert workspace.db_path.stat().st_ino == before
    _set(workspace, "UPDATE meta SET value = 'older' WHERE key = 'records'")
    with writer_lock(workspace.root):
        open_workspace(workspace.root)  # a start while another process writes: no rebuild now
    assert workspace.db_path.stat().st_ino == before


def test_a_damaged_archive_gives_back_the_users_documents_on_rebuild(workspace):
    doc_id = _import_geotopo(workspace)
    data = bytearray(workspace.db_path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)  # the header's tail and the schema page
    workspace.db_path.write_bytes(bytes(data))
    report = rebuild(workspace.db_path)
    assert report.damaged_copy is not None
    conn = sqlite3.connect(workspace.db_path)
    pages = conn.execute(
        "SELECT count(*) FROM pages p JOIN documents d ON d.id = p.document_id "
        "WHERE d.origin = 'user'"
    ).fetchone()[0]
    assert pages == 117, doc_id  # the file was imported again (its original name is lost)
    from vlnl_desktop.core.archive.check import check_archive

    assert check_archive(workspace) == []
