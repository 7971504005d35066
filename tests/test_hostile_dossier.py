"""Dossier targets under attack: a planted link at the temporary file's name, a user who does not
exist, a FIFO, a folder. One line each, and no file but the target is written."""

from __future__ import annotations

import os

from click.testing import CliRunner

from vlnl_desktop.cli.main import cli


def run(ws, *args):
    return CliRunner().invoke(cli, ["--archive", str(ws.root), "dossier", "top-2016", *args])


def test_a_link_planted_at_the_old_temporary_name_is_not_followed(readonly_workspace, tmp_path):
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me")
    (tmp_path / ".dossier.pdf.tmp").symlink_to(victim)
    result = run(readonly_workspace, str(tmp_path / "dossier.pdf"))
    assert result.exit_code == 0, result.output
    assert victim.read_text() == "keep me"
    assert (tmp_path / "dossier.pdf").read_bytes().startswith(b"%PDF-")
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        ".dossier.pdf.tmp",
        "dossier.pdf",
        "victim.txt",
    ]


def test_a_home_folder_of_no_one_is_one_line(readonly_workspace):
    result = run(readonly_workspace, "~nosuchuser-vlnl/x.pdf")
    assert result.exit_code == 1
    assert result.output == "vlnl-desktop: ~nosuchuser-vlnl/x.pdf: no such user's home folder\n"


def test_targets_that_are_not_files_are_refused_in_one_line(readonly_workspace, tmp_path):
    fifo = tmp_path / "fifo.pdf"
    os.mkfifo(fifo)
    for target in (fifo, tmp_path):
        result = run(readonly_workspace, str(target))
        assert result.exit_code == 1
        assert len(result.output.splitlines()) == 1 and "internal error" not in result.output
