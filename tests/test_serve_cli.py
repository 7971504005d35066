"""`serve` and `publish` on the command line: what goes wrong is one line and exit 1."""

import json
import socket
import sys

from click.testing import CliRunner

from vlnl_desktop.cli.main import cli


def run(*args):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_publish_writes_a_folder_a_team_can_serve(readonly_workspace, tmp_path):
    folder = tmp_path / "site"
    result = run("--archive", str(readonly_workspace.root), "publish", str(folder))
    assert result.exit_code == 0, result.output
    assert "published" in result.output and "README.md" in result.output
    assert {p.name for p in folder.iterdir()} == {
        "archief.db",
        "inspect-data.json",
        "metadata.json",
        "settings.json",
        "documents",
        "plugins",
        "README.md",
    }
    plugin = (folder / "plugins" / "vlnl_documenten.py").read_text()
    assert plugin.startswith('"""vlnl-documenten')
    assert "vlnl_desktop" not in plugin.split('"""')[2]  # runs where vlnl-desktop is not installed
    stored = {p.name for p in (folder / "documents").glob("*.pdf")}
    assert stored and stored <= {p.name for p in (readonly_workspace.documents_dir).iterdir()}
    inspect = json.loads((folder / "inspect-data.json").read_text())
    assert inspect["archief"]["file"] == "archief.db"  # so Datasette opens it immutable
    readme = (folder / "README.md").read_text()
    assert "load balancer" in readme and "{" not in readme.split("```nginx")[0]
    again = run("--archive", str(readonly_workspace.root), "publish", str(folder))
    assert again.exit_code == 0, again.output  # into its own earlier publication: fine


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


def test_a_port_in_use_is_one_line(readonly_workspace):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = run("--archive", str(readonly_workspace.root), "serve", "--port", str(port))
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [
        f"vlnl-desktop: cannot listen on 127.0.0.1:{port}: Address already in use"
    ]
