"""`serve` and `publish` on the command line: what goes wrong is one line and exit 1."""

import sys

from click.testing import CliRunner

from vlnl_desktop.cli.main import cli


def run(*args):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_publish_says_what_it_wrote(readonly_workspace, tmp_path):
    result = run("--archive", str(readonly_workspace.root), "publish", str(tmp_path / "site"))
    assert result.exit_code == 0, result.output
    assert "published" in result.output and "README.md" in result.output
    assert (tmp_path / "site" / "archief.db").is_file()


def test_publish_refuses_a_folder_of_other_files_in_one_line(readonly_workspace, tmp_path):
    (tmp_path / "report.txt").write_text("mine")
    result = run("--archive", str(readonly_workspace.root), "publish", str(tmp_path))
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and "report.txt" in lines[0] and "Traceback" not in result.output
    assert (tmp_path / "report.txt").read_text() == "mine"


def test_serve_without_datasette_says_how_to_install_it(readonly_workspace, monkeypatch):
    monkeypatch.setitem(sys.modules, "datasette.app", None)  # as if not installed
    result = run("--archive", str(readonly_workspace.root), "serve", "--port", "0")
    assert result.exit_code == 1
    assert result.output.strip() == (
        "vlnl-desktop: serving needs Datasette: pip install 'vlnl-desktop[serve]'"
    )


def test_serve_on_an_address_that_is_not_one_is_one_line(readonly_workspace):
    result = run(
        "--archive", str(readonly_workspace.root), "serve", "--host", "no-such-host.invalid"
    )
    assert result.exit_code == 1
    assert result.output.startswith("vlnl-desktop: no-such-host.invalid: not an address")
    assert len(result.output.strip().splitlines()) == 1
