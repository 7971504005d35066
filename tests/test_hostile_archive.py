"""Archive faults: a damaged byte in the schema, a page damaged in the middle, random flips, a
foreign database named archive.db, a full disk, a read-only file. Every one ends in one line
naming the cause (exit 1, never an "internal error"), changes nothing it should not, and a damaged
archive is moved aside and rebuilt with the user's documents, titles and links."""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from samples import GEOTOPO, SMALL
from vlnl_desktop.cli.main import cli
from vlnl_desktop.core.archive.check import check_archive
from vlnl_desktop.core.documents.importer import import_files


def run(ws, *args: str):
    return CliRunner().invoke(cli, ["--archive", str(ws.root), *map(str, args)])


def assert_one_clean_line(result, *words: str) -> None:
    assert result.exit_code == 1, result.output
    assert "internal error" not in result.output and "Traceback" not in result.output
    for word in words:
        assert word in result.output, result.output


def flip_schema_byte(db: Path) -> None:
    """Replace one letter of the schema's text with a byte that is not UTF-8, where SQLite still
    parses the schema but Python cannot decode it (the first such place, so the test is fixed)."""
    data = db.read_bytes()
    start = data.find(b"CREATE TABLE")
    for pos in range(start + 13, len(data)):
        if not chr(data[pos]).isalpha():
            continue
        damaged = data[:pos] + b"\xff" + data[pos + 1 :]
        db.write_bytes(damaged)
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        try:
            conn.execute("SELECT name FROM sqlite_master").fetchall()
            conn.execute("SELECT count(*) FROM pages").fetchone()
        except UnicodeDecodeError:
            return
        except sqlite3.DatabaseError:
            pass
        finally:
            conn.close()
    raise AssertionError("no place found")


def damage_a_table(db: Path, table: str) -> None:
    """Overwrite the first page of ``table``'s b-tree with garbage (a page in the middle)."""
    conn = sqlite3.connect(db)
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0]
    size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    with db.open("r+b") as f:
        f.seek((root - 1) * size)
        f.write(bytes([0x0D, 0xFF, 0xFF]) + b"\xee" * 64)


@pytest.fixture
def with_user_document(workspace):
    """The test's archive with one document the user imported, linked to a record."""
    [result] = import_files(workspace, [SMALL], record_id="top-2016")
    assert result.status == "imported"
    return workspace, result.document_id


def test_a_damaged_byte_in_the_schema_is_a_damaged_archive_everywhere_and_build_repairs_it(
    with_user_document,
):
    ws, doc_id = with_user_document
    flip_schema_byte(ws.db_path)
    assert_one_clean_line(run(ws, "check"), "damaged", "vlnl-desktop build")
    assert_one_clean_line(run(ws, "search", "waterstof"), "damaged", "vlnl-desktop build")
    assert_one_clean_line(run(ws, "import", GEOTOPO), "damaged", "vlnl-desktop build")
    built = run(ws, "build")
    assert built.exit_code == 0, built.output
    assert "the damaged archive was moved to" in built.output
    assert list(ws.root.glob("archive.db.damaged-*"))
    assert check_archive(ws) == []
    assert run(ws, "documents", "--json").output.count(doc_id) == 1


def test_writers_refuse_an_archive_damaged_in_the_middle(with_user_document):
    ws, _doc_id = with_user_document
    damage_a_table(ws.db_path, "pages")
    before = ws.db_path.read_bytes()
    assert_one_clean_line(run(ws, "import", GEOTOPO), "damaged", "vlnl-desktop build")
    assert ws.db_path.read_bytes() == before
    out = ws.root / "dossier.pdf"
    result = run(ws, "dossier", "top-2016", out)
    assert "internal error" not in result.output and result.exit_code in (0, 1)


def test_build_never_writes_over_a_foreign_database_named_archive_db(tmp_path):
    root = tmp_path / "ws"
    root.mkdir()
    db = root / "archive.db"
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE accounts (name TEXT)")
    conn.execute("INSERT INTO accounts VALUES ('mine')")
    conn.commit()
    conn.close()
    before = db.read_bytes()
    result = CliRunner().invoke(cli, ["--archive", str(root), "build"])
    assert_one_clean_line(result, "not a vlnl-desktop archive")
    assert db.read_bytes() == before
    assert sorted(p.name for p in root.iterdir()) == ["archive.db"]


def test_recovery_gives_back_an_imported_dossier_with_its_title_and_links(workspace, tmp_path):
    """The pages table's schema is damaged: the build cannot carry any document over, so every
    stored file is imported again, with what the damaged copy still says about it."""
    from vlnl_desktop.core.archive.connections import connect_readonly, connect_writer
    from vlnl_desktop.core.archive.lifecycle import rebuild
    from vlnl_desktop.core.documents.sheets import export_dossier

    conn = connect_readonly(workspace)
    dossier = export_dossier(conn, "top-2016", tmp_path / "dossier.pdf")
    conn.close()
    [result] = import_files(workspace, [dossier], record_id="top-2018")
    conn = connect_writer(workspace)
    conn.execute("UPDATE documents SET title = 'Mijn dossier' WHERE id = ?", (result.document_id,))
    conn.close()
    conn = sqlite3.connect(workspace.db_path)
    conn.execute("PRAGMA writable_schema = ON")
    conn.execute("UPDATE sqlite_master SET sql = 'CREATE TABLE pages(' WHERE name = 'pages'")
    conn.commit()
    conn.close()

    report = rebuild(workspace.db_path)
    assert report.damaged_copy is not None
    conn = connect_readonly(workspace)
    row = conn.execute(
        "SELECT d.title, group_concat(l.record_id) FROM documents d "
        "JOIN document_links l ON l.document_id = d.id WHERE d.origin = 'user' GROUP BY d.id"
    ).fetchall()
    conn.close()
    assert [tuple(r) for r in row] == [("Mijn dossier", "top-2018")]
    assert check_archive(workspace) == []


@pytest.mark.parametrize(
    ("pragma", "cause"),
    [("max_page_count", "the disk is full"), ("query_only", "the archive is read-only")],
)
def test_a_write_the_disk_refuses_says_why_and_leaves_the_archive_as_it_was(
    workspace, monkeypatch, pragma, cause
):
    from vlnl_desktop.core.documents import importer

    real = importer.connect_writer

    def refusing(ws):
        conn = real(ws)
        if pragma == "max_page_count":
            pages = conn.execute("PRAGMA page_count").fetchone()[0]
            conn.execute(f"PRAGMA max_page_count = {pages}")
        else:
            conn.execute("PRAGMA query_only = ON")
        return conn

    monkeypatch.setattr(importer, "connect_writer", refusing)
    result = run(workspace, "import", GEOTOPO)
    assert_one_clean_line(result, f"cannot write: {cause}")
    assert len(result.output.strip().splitlines()) == 1
    assert check_archive(workspace) == []


def flip_random_bytes(db: Path, seed: int, count: int = 40) -> None:
    data = bytearray(db.read_bytes())
    rnd = random.Random(seed)
    for _ in range(count):
        data[rnd.randrange(100, len(data))] ^= 1 << rnd.randrange(8)
    db.write_bytes(bytes(data))


def every_command_survives(ws, tmp_path) -> None:
    """Each command over the damaged archive: exit 0 or one line and exit 1, never exit 2."""
    for args in (
        ["check"],
        ["search", "waterstof"],
        ["search", '"top"', "OR", "-gent"],
        ["documents"],
        ["import", SMALL],
        ["dossier", "top-2016", tmp_path / "d.pdf"],
        ["notes", "--json"],
        ["cite", "top-2016", "--format", "ris"],
        ["build"],
        ["check"],
    ):
        result = run(ws, *args)
        assert result.exit_code in (0, 1), (args, result.output)
        assert "internal error" not in result.output, (args, result.output)
    assert check_archive(ws) == []


def test_forty_random_flips_end_in_clean_lines_and_a_rebuild(with_user_document, tmp_path):
    ws, _ = with_user_document
    flip_random_bytes(ws.db_path, seed=15)
    every_command_survives(ws, tmp_path)


@pytest.mark.stress
@pytest.mark.parametrize("seed", range(12))
def test_random_flips_many_seeds(with_user_document, tmp_path, seed):
    ws, _ = with_user_document
    flip_random_bytes(ws.db_path, seed=seed)
    every_command_survives(ws, tmp_path)


def test_a_stored_text_turned_into_bytes_is_damage_not_an_internal_error(workspace, tmp_path):
    """One damaged byte in a row's header can make a summary a blob that SQLite reads without
    complaint (stress seed 3 found it in the dossier): every reader calls it damage."""
    conn = sqlite3.connect(workspace.db_path)
    conn.execute("UPDATE summits SET summary = CAST(summary AS BLOB) WHERE id = 'top-2016'")
    conn.execute("UPDATE records SET summary = CAST(summary AS BLOB) WHERE id = 'top-2016'")
    conn.commit()
    conn.close()
    result = run(workspace, "dossier", "top-2016", str(tmp_path / "d.pdf"))
    assert_one_clean_line(result, "damaged", "records.summary", "build")
    assert not (tmp_path / "d.pdf").exists()
    [problem] = check_archive(workspace)
    assert "value of the wrong type" in problem and "records.summary" in problem
    assert run(workspace, "build").exit_code == 0
    assert check_archive(workspace) == []
