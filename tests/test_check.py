"""`check` passes on a fresh archive and names what is wrong in a damaged one."""

import sqlite3

import pytest

from vlnl_desktop.core.archive.check import check_archive


def test_a_fresh_archive_is_healthy(readonly_workspace):
    assert check_archive(readonly_workspace) == []


def test_a_missing_archive(tmp_path):
    from vlnl_desktop.core.archive.workspace import Workspace

    assert "missing" in check_archive(Workspace(tmp_path / "nothing"))[0]


def test_garbage_instead_of_a_database(workspace):
    workspace.db_path.write_bytes(b"\x00garbage" * 1000)
    assert check_archive(workspace)


def test_truncated_database(workspace):
    data = workspace.db_path.read_bytes()
    workspace.db_path.write_bytes(data[: len(data) // 3])
    assert check_archive(workspace)


def _damage(workspace, sql):
    conn = sqlite3.connect(workspace.db_path)
    conn.executescript(sql)
    conn.commit()
    conn.close()


@pytest.mark.parametrize(
    ("sql", "expected"),
    [
        (
            "INSERT INTO summit_themes VALUES ('top-2011', 'no-theme', 'discussed', NULL, 9)",
            "links",
        ),
        ("DELETE FROM search_items_fts_docsize WHERE id = 1", "search index"),
        ("DELETE FROM search_items WHERE record_id = 'top-2016'", "search"),
        ("DELETE FROM summits WHERE id = 'top-2016'", "summits"),
        ("PRAGMA user_version = 99", "newer"),
        (
            "UPDATE documents SET sha256 = 'ab', size = 1 WHERE id = 'doc-slotverklaring-2016'",
            "doc",
        ),
    ],
)
def test_damage_is_reported(workspace, sql, expected):
    _damage(workspace, sql)
    problems = check_archive(workspace)
    assert problems and expected in " ".join(problems), problems
