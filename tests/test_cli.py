"""The command line through click's CliRunner: the contract of DESIGN.md."""

import json
import sqlite3

import pytest
from click.testing import CliRunner

from samples import MALFORMED
from vlnl_desktop.cli.main import cli


def run(*args, env=None):
    result = CliRunner().invoke(cli, list(args), env=env, catch_exceptions=False)
    return result


def test_search_prints_readable_lines(readonly_workspace):
    result = run("--archive", str(readonly_workspace.root), "search", "Hingene")
    assert result.exit_code == 0
    assert "Vlaams-Nederlandse topontmoeting 2011 in Hingene" in result.output
    assert "[Hingene]" in result.output


def test_search_json_has_the_contract_fields(readonly_workspace):
    result = run(
        "search", "waterst", "--json", "--limit", "3", "--archive", str(readonly_workspace.root)
    )
    hits = json.loads(result.stdout)
    assert 1 <= len(hits) <= 3
    assert {"kind", "id", "title", "date", "document", "page", "snippet"} <= set(hits[0])
    assert hits[0]["id"] == "waterstoftechnologie"


def test_the_archive_comes_from_the_environment(readonly_workspace):
    result = run(
        "search", "Maastricht", "--json", env={"VLNL_ARCHIVE": str(readonly_workspace.root)}
    )
    assert any(
        h["id"] == "top-2013" and h["date"] == "2013-10-08" for h in json.loads(result.stdout)
    )


@pytest.mark.parametrize("text", MALFORMED)
def test_malformed_queries_exit_0_without_traceback(readonly_workspace, text):
    result = run(
        "--archive", str(readonly_workspace.root), "search", "--json", text.replace("\x00", "")
    )
    assert result.exit_code == 0
    assert isinstance(json.loads(result.stdout), list)


def test_check_passes_and_fails(workspace):
    assert run("--archive", str(workspace.root), "check").exit_code == 0
    conn = sqlite3.connect(workspace.db_path)
    conn.execute("INSERT INTO record_themes VALUES ('top-2011', 'nope', 0)")
    conn.commit()
    conn.close()
    result = run("--archive", str(workspace.root), "check")
    assert result.exit_code == 1
    assert "broken links" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_check_on_a_missing_archive_fails_without_creating_it(tmp_path):
    result = run("--archive", str(tmp_path / "none"), "check")
    assert result.exit_code == 1
    assert not (tmp_path / "none" / "archive.db").exists()


def test_a_corrupt_archive_is_one_line_and_exit_1(workspace):
    workspace.db_path.write_bytes(b"garbage" * 500)
    result = run("--archive", str(workspace.root), "search", "gent")
    assert result.exit_code == 1
    assert "Traceback" not in result.output + result.stderr
    assert "damaged" in result.stderr or "not a vlnl-desktop archive" in result.stderr


def test_build_initialises_and_rebuilds(tmp_path):
    root = tmp_path / "fresh"
    assert run("--archive", str(root), "build").exit_code == 0
    assert run("--archive", str(root), "build").exit_code == 0
    assert run("--archive", str(root), "check").exit_code == 0


def test_a_non_empty_folder_without_archive_is_refused(tmp_path):
    (tmp_path / "mine.txt").write_text("my own file")
    result = run("--archive", str(tmp_path), "search", "gent")
    assert result.exit_code == 1
    assert "not empty" in result.stderr
    assert (tmp_path / "mine.txt").read_text() == "my own file"


def test_every_command_has_help_text():
    for name, command in cli.commands.items():
        assert command.help, f"{name} has no help text"
        assert run(name, "--help").exit_code == 0


def test_excluding_a_word_that_starts_with_h_searches_instead_of_helping(readonly_workspace):
    result = run(
        "--archive", str(readonly_workspace.root), "search", "waterstof", "-hydrogen", "--json"
    )
    assert result.exit_code == 0
    assert isinstance(json.loads(result.stdout), list)


@pytest.mark.parametrize("args", [["--archive", ""], []])
def test_an_empty_archive_path_never_means_the_users_archive(args, tmp_path):
    result = run(*args, "search", "gent", env={"VLNL_ARCHIVE": ""} if not args else None)
    assert result.exit_code == 1
    assert "empty" in result.stderr


def test_build_refuses_a_folder_that_is_not_an_archive(tmp_path):
    (tmp_path / "notes.txt").write_text("mine")
    result = run("--archive", str(tmp_path), "build")
    assert result.exit_code == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]
