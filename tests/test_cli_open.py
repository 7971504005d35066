"""`vlnl-desktop open`: checks its target before any window, then starts the app in the viewer."""

import pytest
from click.testing import CliRunner

from samples import GEOTOPO
from vlnl_desktop.cli.main import cli


@pytest.fixture
def launched(monkeypatch):
    calls = []

    def fake_run(**kwargs):
        calls.append(kwargs)
        return 0

    monkeypatch.setattr("vlnl_desktop.ui.app.run", fake_run)
    return calls


def test_a_pdf_outside_the_archive_is_shown_at_the_page(readonly_workspace, launched):
    args = ["--archive", str(readonly_workspace.root), "open", str(GEOTOPO), "--page", "60"]
    result = CliRunner().invoke(cli, [*args, "--find", "Simplizialkomplex"])
    assert result.exit_code == 0, result.output
    assert launched == [
        {
            "archive": str(readonly_workspace.root),
            "lang": None,
            "open_path": str(GEOTOPO),
            "page": 60,
            "find": "Simplizialkomplex",
        }
    ]


def test_a_document_id_of_the_archive(readonly_workspace, launched):
    result = CliRunner().invoke(
        cli, ["--archive", str(readonly_workspace.root), "open", "fiche-top-2016"]
    )
    assert result.exit_code == 0, result.output
    assert launched[0]["open_path"] == "fiche-top-2016"


@pytest.mark.parametrize("target", ["no-such-document", "/no/such/file.pdf"])
def test_an_unknown_target_is_one_line_and_no_window(readonly_workspace, launched, target):
    result = CliRunner().invoke(cli, ["--archive", str(readonly_workspace.root), "open", target])
    assert result.exit_code == 1
    assert "no such file" in result.stderr
    assert launched == []


def test_page_zero_is_refused(readonly_workspace, launched):
    args = ["--archive", str(readonly_workspace.root), "open", str(GEOTOPO), "--page", "0"]
    assert CliRunner().invoke(cli, args).exit_code == 2
    assert launched == []
