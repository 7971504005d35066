"""The user's layer on the command line: ``notes --json``, the Markdown export, ``cite``."""

from __future__ import annotations

import json

import pytest
import rispy
from click.testing import CliRunner

from samples import SMALL
from vlnl_desktop.cli.main import cli
from vlnl_desktop.core.archive.connections import connect_readonly
from vlnl_desktop.core.documents.importer import import_files
from vlnl_desktop.core.notes.layer import UserLayer


def run(ws, *args: str):
    return CliRunner().invoke(cli, ["--archive", str(ws.root), *args])


@pytest.fixture
def marked(workspace):
    [result] = import_files(workspace, [SMALL], record_id="top-2016")
    sha = (
        connect_readonly(workspace)
        .execute("SELECT sha256 FROM documents WHERE id = ?", (result.document_id,))
        .fetchone()[0]
    )
    layer = UserLayer(workspace)
    mark = layer.add_highlight(sha, 2, [(72, 100, 300, 112)], "een gemarkeerde zin")
    layer.set_highlight_note(mark, "waarom dit telt")
    layer.set_record_note("top-2016", "# Gent\n\nDe top van **2016**.")
    layer.close()
    return workspace, result.document_id, mark


def test_notes_json_lists_notes_and_highlights(marked):
    ws, doc, mark = marked
    result = run(ws, "notes", "--json")
    assert result.exit_code == 0, result.output
    objects = json.loads(result.output)
    kinds = {(o["kind"], o.get("record") or o.get("document")) for o in objects}
    assert kinds == {("note", "top-2016"), ("highlight", doc)}
    highlight = next(o for o in objects if o["kind"] == "highlight")
    assert highlight["page"] == 2 and highlight["note"] == "waarom dit telt"
    assert highlight["key"] == f"highlight:{mark}" and len(highlight["quads"][0]) == 8


def test_the_markdown_export_groups_by_record_with_citations(marked, tmp_path):
    ws, _doc, _mark = marked
    out = tmp_path / "notities.md"
    result = run(ws, "notes", "--export", str(out))
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# Mijn notities\n")
    summit = text.index("## Vlaams-Nederlandse topontmoeting 2016 in Gent")
    assert text.index("De top van **2016**.") > summit
    assert "> een gemarkeerde zin\n> — p. 2" in text
    assert "*Bron:* Departement Economie, Wetenschap en Innovatie. (2016, 7 november)." in text


def test_cite_prints_each_format(marked):
    ws, doc, mark = marked
    text = run(ws, "cite", "top-2016")
    assert text.exit_code == 0 and "(2016, 7 november)" in text.output
    csl = json.loads(run(ws, "cite", f"highlight:{mark}", "--format", "csl").output)
    assert csl[0]["page"] == "2" and "een gemarkeerde zin" in csl[0]["note"]
    entries = rispy.loads(run(ws, "cite", "doc-slotverklaring-2016", doc, "--format", "ris").output)
    assert len(entries) == 2
    assert run(ws, "cite", doc, "--format", "bibtex").output.startswith("@")


def test_cite_of_an_unknown_id_is_one_line(workspace):
    result = run(workspace, "cite", "geen-record")
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [
        "vlnl-desktop: geen-record: no such record or highlight in the archive"
    ]
