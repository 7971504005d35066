"""The build: the same records give the same tables; a rebuild keeps a damaged archive aside."""

import sqlite3

from vlnl_desktop.core import schema, schema_version
from vlnl_desktop.core.build import build_archive, rebuild
from vlnl_desktop.core.workspace import Workspace, open_workspace

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
