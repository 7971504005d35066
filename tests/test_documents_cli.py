"""The document commands through click's CliRunner: import, documents, fetch, dossier."""

from __future__ import annotations

import json
import sqlite3

import pytest
from click.testing import CliRunner

from local_server import GOOD
from samples import ENCRYPTED, SMALL
from vlnl_desktop.cli.main import cli


def run(workspace, *args):
    return CliRunner().invoke(cli, ["--archive", str(workspace.root), *map(str, args)])


def test_import_exits_0_when_everything_was_imported_or_known(workspace):
    first = run(workspace, "import", SMALL, "--record", "top-2016")
    assert first.exit_code == 0, first.output
    assert "imported as doc-pdflatex-4-pages (4 pages)" in first.output
    again = run(workspace, "import", SMALL)
    assert again.exit_code == 0
    assert "already in the archive as doc-pdflatex-4-pages" in again.output


def test_import_reports_each_failure_on_one_line_and_exits_1(workspace, tmp_path):
    html = tmp_path / "page.pdf"
    html.write_text("<html><body>hello</body></html>")
    result = run(workspace, "import", ENCRYPTED, html, tmp_path / "gone.pdf", SMALL)
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"{ENCRYPTED}: encrypted; give the password with --password",
        f"{html}: not a PDF",
        f"{tmp_path / 'gone.pdf'}: no such file",
    ]
    assert "Traceback" not in result.output
    assert "doc-pdflatex-4-pages" in result.stdout
    with_password = run(workspace, "import", ENCRYPTED, "--password", "openpassword")
    assert with_password.exit_code == 0


def test_import_takes_a_folder_as_the_pdfs_inside_it(workspace, tmp_path):
    folder = tmp_path / "stukken"
    (folder / "2016").mkdir(parents=True)
    (folder / ".cache").mkdir()
    (folder / "2016" / "verslag.PDF").write_bytes(SMALL.read_bytes())
    (folder / "agenda.pdf").write_bytes(ENCRYPTED.read_bytes())
    (folder / "notities.txt").write_text("geen pdf")
    (folder / ".cache" / "kopie.pdf").write_bytes(SMALL.read_bytes())
    result = run(workspace, "import", folder, "--password", "openpassword")
    assert result.exit_code == 0, result.output
    assert "is a folder" not in result.output
    lines = result.stdout.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith(f"{folder / '2016' / 'verslag.PDF'}: imported as")
    assert lines[1].startswith(f"{folder / 'agenda.pdf'}: imported as")


def test_import_of_a_folder_without_pdfs_says_so(workspace, tmp_path):
    (tmp_path / "leeg").mkdir()
    result = run(workspace, "import", tmp_path / "leeg")
    assert result.exit_code == 1
    assert result.stderr.strip() == f"{tmp_path / 'leeg'}: no PDF files in this folder"


def test_import_refuses_an_unknown_record(workspace):
    result = run(workspace, "import", SMALL, "--record", "top-1999")
    assert result.exit_code == 1
    assert "no record with id 'top-1999'" in result.stderr


def test_documents_json_lists_every_document_with_its_links(workspace):
    run(workspace, "import", SMALL, "--record", "top-2016")
    result = run(workspace, "documents", "--json")
    assert result.exit_code == 0
    rows = {row["id"]: row for row in json.loads(result.stdout)}
    mine = rows["doc-pdflatex-4-pages"]
    assert {"id", "title", "file_name", "kind", "date", "pages", "sha256", "records",
            "has_text"} <= set(mine)  # fmt: skip
    assert (mine["pages"], mine["records"], mine["has_text"]) == (4, ["top-2016"], True)
    assert mine["file_name"] == SMALL.name and len(mine["sha256"]) == 64
    assert rows["doc-slotverklaring-2016"]["sha256"] is None
    assert rows["fiche-top-2016"]["kind"] == "fiche"
    text = run(workspace, "documents")
    assert text.exit_code == 0 and "doc-pdflatex-4-pages" in text.stdout


def test_dossier_writes_a_pdf(workspace, tmp_path):
    out = tmp_path / "dossier.pdf"
    result = run(workspace, "dossier", "top-2016", out)
    assert result.exit_code == 0, result.output
    assert out.read_bytes().startswith(b"%PDF-")
    unknown = run(workspace, "dossier", "nope", tmp_path / "n.pdf")
    assert unknown.exit_code == 1 and "no record with id 'nope'" in unknown.stderr


def test_fetch_downloads_what_the_records_point_at(workspace, server):
    conn = sqlite3.connect(workspace.db_path)
    with conn:
        conn.execute("UPDATE documents SET url = NULL")  # nothing leaves this machine
        conn.execute(
            "UPDATE documents SET url = ? WHERE id = 'doc-communique-2016'", (f"{server}/good.pdf",)
        )
        conn.execute(
            "UPDATE documents SET url = ? WHERE id = 'doc-verklaring-2018'", (f"{server}/slow.pdf",)
        )
    conn.close()
    result = run(workspace, "fetch", "--timeout", "0.5")
    assert result.exit_code == 1
    assert "doc-communique-2016: fetched (PDF, 4 pages)" in result.stdout
    assert result.stderr.startswith("doc-verklaring-2018: timed out after 0.5 s")
    again = run(workspace, "fetch", "--timeout", "0.5")
    assert "doc-communique-2016" not in again.output  # fetched once, kept
    assert run(workspace, "check").exit_code == 0
    rows = {r["id"]: r for r in json.loads(run(workspace, "documents", "--json").stdout)}
    assert rows["doc-communique-2016"]["pages"] == 4 and rows["doc-communique-2016"]["retrieved"]
    assert rows["doc-verklaring-2018"]["sha256"] is None
    assert GOOD.startswith(b"%PDF-")


@pytest.mark.parametrize("out", ["", "-", "/dev/null"])
def test_dossier_refuses_what_is_not_a_file_name(workspace, out):
    from click.testing import CliRunner

    from vlnl_desktop.cli.main import cli

    result = CliRunner().invoke(cli, ["--archive", str(workspace.root), "dossier", "top-2011", out])
    assert result.exit_code == 1
    assert "give a file name" in result.stderr


def test_fetch_offline_is_one_line_at_once(workspace):
    conn = sqlite3.connect(workspace.db_path)
    with conn:  # a port nobody listens on: as unreachable as a machine without a network
        conn.execute("UPDATE documents SET url = 'http://127.0.0.1:9/x.pdf' WHERE url IS NOT NULL")
    conn.close()
    result = run(workspace, "fetch")
    assert result.exit_code == 1
    assert (
        result.stderr == "vlnl-desktop: no network: cannot reach 127.0.0.1; nothing was fetched\n"
    )
    assert "Traceback" not in result.output


def test_fetch_again_says_a_document_is_unchanged(workspace, server):
    conn = sqlite3.connect(workspace.db_path)
    with conn:
        conn.execute("UPDATE documents SET url = NULL")
        conn.execute(
            "UPDATE documents SET url = ? WHERE id = 'doc-communique-2016'", (f"{server}/good.pdf",)
        )
    conn.close()
    assert run(workspace, "fetch").exit_code == 0
    again = run(workspace, "fetch", "--again")
    assert again.exit_code == 0
    assert again.stdout.startswith("doc-communique-2016: unchanged since ")
