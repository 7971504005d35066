"""OCR of scans the tests make themselves: imported, read by Tesseract, found by search, found and
selected in the viewer at the right words; resumable; one clear line without Tesseract."""

from __future__ import annotations

import shutil
import sqlite3

import pymupdf
import pytest
from click.testing import CliRunner

from samples import SMALL
from scans import A6, dutch_text, make_scan, text_page, word_recall
from vlnl_desktop.cli.main import cli
from vlnl_desktop.core.archive.connections import connect_readonly
from vlnl_desktop.core.archive.workspace import Workspace
from vlnl_desktop.core.documents.importer import import_files
from vlnl_desktop.core.ocr import store, tesseract
from vlnl_desktop.core.ocr.run import run_ocr
from vlnl_desktop.core.ocr.words import needs_ocr
from vlnl_desktop.core.pdf import document as pdf_document
from vlnl_desktop.core.pdf.find import find_on_page
from vlnl_desktop.core.pdf.gate import open_pdf
from vlnl_desktop.core.search.searcher import Searcher

pytestmark = pytest.mark.skipif(
    tesseract.program() is None, reason="Tesseract is not installed (make installs it)"
)

# (name, dpi, how it was scanned): small pages, few words, to keep the suite fast
SCANS = {
    "verklaring": (300, {}),
    "conclusies": (200, {"turn": 90}),
    "agenda": (150, {"skew": 2.0, "noise": 0.01}),
}


@pytest.fixture(scope="module")
def scanned(built_archive, tmp_path_factory):
    """An archive with three one-page scans imported and read by OCR; do not change it."""
    root = tmp_path_factory.mktemp("ocr") / "ws"
    shutil.copytree(built_archive, root)
    ws = Workspace(root)
    scans = {}
    for i, (name, (dpi, how)) in enumerate(SCANS.items()):
        path = root.parent / f"{name}.pdf"
        scans[name] = make_scan(path, [dutch_text(10 + i, 45)], dpi, size=A6, **how)
    results = import_files(ws, [s.path for s in scans.values()], workers=0)
    assert [r.status for r in results] == ["imported"] * 3
    report = run_ocr(ws)
    assert report.pages == 3 and not report.failed
    return ws, scans


def _text(ws, document_id, page_no=1):
    conn = connect_readonly(ws)
    try:
        return conn.execute(
            "SELECT text FROM pages WHERE document_id = ? AND page_no = ?", (document_id, page_no)
        ).fetchone()[0]
    finally:
        conn.close()


@pytest.mark.parametrize("name", SCANS)
def test_the_words_of_a_scan_are_read(scanned, name):
    ws, scans = scanned
    recall = word_recall(scans[name].texts[0], _text(ws, f"doc-{name}"))
    assert recall >= 0.9, name


def test_ocr_text_is_marked_with_engine_and_language_and_the_file_is_unchanged(scanned):
    ws, scans = scanned
    conn = connect_readonly(ws)
    rows = conn.execute(
        "SELECT o.document_id, o.engine, o.language, o.words, d.sha256, o.rotation "
        "FROM ocr_pages o JOIN documents d ON d.id = o.document_id ORDER BY o.document_id"
    ).fetchall()
    conn.close()
    assert [r[0] for r in rows] == ["doc-agenda", "doc-conclusies", "doc-verklaring"]
    for doc_id, engine, language, words, sha, rotation in rows:
        assert engine.startswith("tesseract ")
        assert language == "nld+eng"
        assert words.startswith("[[")  # the words with their boxes
        stored = ws.document_path(sha)
        name = doc_id.removeprefix("doc-")
        assert stored.read_bytes() == scans[name].path.read_bytes()  # the original, untouched
        assert rotation == (270 if name == "conclusies" else 0)


def test_search_finds_a_scanned_page_by_a_word_with_diacritics(scanned):
    ws, scans = scanned
    word = next(w for w in scans["verklaring"].texts[0].split() if "ë" in w or "ï" in w)
    word = word.strip(".")
    conn = connect_readonly(ws)
    try:
        hits = Searcher(conn).search(word, 20)
    finally:
        conn.close()
    assert any(h.kind == "page" and h.document == "doc-verklaring" and h.page == 1 for h in hits)


def _expected_rect(name, word):
    """Where ``word`` is on the scan: its place on the page that was scanned, carried through
    the scan's turn (the scan's page is the image in points)."""
    dpi, how = SCANS[name]
    text = dutch_text(10 + list(SCANS).index(name), 45)
    with text_page(text, A6) as doc:
        source = doc[0]
        rect = source.search_for(word)[0]
        turn = pymupdf.Matrix(1, 1).prerotate(how.get("turn", 0))
        whole = source.rect * turn
        moved = rect * turn
        return moved - (whole.x0, whole.y0, whole.x0, whole.y0)


@pytest.mark.parametrize("name", ["verklaring", "conclusies"])
def test_find_in_the_viewer_marks_the_word_where_it_is_on_the_scan(scanned, name):
    ws, _scans = scanned
    word = "samenwerking" if "samenwerking" in _text(ws, f"doc-{name}") else None
    word = word or max(_text(ws, f"doc-{name}").split(), key=len).strip(".")
    conn = connect_readonly(ws)
    sha = conn.execute("SELECT sha256 FROM documents WHERE id = ?", (f"doc-{name}",)).fetchone()
    conn.close()
    doc = open_pdf(ws.document_path(sha[0]))
    try:
        hits = find_on_page(doc[0], word)
        assert hits, word
        got = pymupdf.Rect(hits[0].rects[0])
        want = _expected_rect(name, word)  # the line's full height; OCR's box is the ink's
        assert all(abs(a - b) < 6 for a, b in zip(got, want, strict=True)), (got, want)
        assert (got & want).get_area() > 0.6 * got.get_area(), (got, want)
    finally:
        doc.close()


def test_select_and_copy_work_on_a_scanned_page(scanned):
    ws, scans = scanned
    conn = connect_readonly(ws)
    sha = conn.execute("SELECT sha256 FROM documents WHERE id = 'doc-verklaring'").fetchone()[0]
    conn.close()
    doc = open_pdf(ws.document_path(sha))
    try:
        chars = pdf_document.page_chars(doc, 0)
        assert chars.has_text_layer
        assert all(len(line.text) == len(line.boxes) for line in chars.lines)
        first = chars.lines[0]
        assert first.text.split()[0] == scans["verklaring"].texts[0].split()[0]
        # the top half of the page, as a rectangle selection copies it
        width, height = pdf_document.page_size(doc, 0)
        copied = pdf_document.text_in_rect(doc, 0, (0, 0, width, height / 2))
        assert copied.startswith(first.text.strip())
        assert len(copied) < len(pdf_document.page_text(doc, 0))
        assert pdf_document.has_text_layer(doc, 0)
    finally:
        doc.close()


def test_a_rebuild_keeps_the_ocr(scanned, tmp_path):
    from vlnl_desktop.core.archive.build import build_archive

    ws, _scans = scanned
    root = tmp_path / "ws"
    shutil.copytree(ws.root, root)
    copy = Workspace(root)
    build_archive(copy.db_path)
    conn = connect_readonly(copy)
    try:
        assert conn.execute("SELECT count(*) FROM ocr_pages").fetchone()[0] == 3
        assert store.pending(conn) == []
        assert Searcher(conn).search(_text(ws, "doc-verklaring").split()[1], 50)
    finally:
        conn.close()


def test_text_pdfs_are_not_read_again(scanned):
    ws, _scans = scanned
    conn = connect_readonly(ws)
    try:
        assert store.pending(conn) == []  # the bundled documents and sheets have text
    finally:
        conn.close()


def test_a_broken_text_layer_counts_as_no_text():
    assert needs_ocr("")
    assert needs_ocr(" \n ")
    assert needs_ocr("ÿ þ # 1 ) ( % & * ¤ @ 7 ~ ^ = + } ] ! ?")
    assert not needs_ocr("De topontmoeting in Gent sloot af met een gezamenlijke verklaring.")
    assert not needs_ocr("Bijlage 3")


def run(ws, *args, **env):
    return CliRunner().invoke(cli, ["--archive", str(ws.root), *map(str, args)], env=env)


def test_a_cancelled_run_resumes_where_it_stopped_from_the_command_line(workspace, tmp_path):
    scan = make_scan(tmp_path / "brief.pdf", [dutch_text(1, 25), dutch_text(2, 25)], 150, size=A6)
    import_files(workspace, [scan.path, SMALL], workers=0)
    read: list = []  # cancelled as soon as the first page is read
    first = run_ocr(
        workspace, ["doc-brief"], workers=1, progress=read.append, cancelled=lambda: bool(read)
    )
    assert first.cancelled and first.pages == 1 and first.total == 2
    again = run(workspace, "ocr", "--all")
    assert again.exit_code == 0, again.output
    assert again.stdout.strip() == "1 of 1 pages read by OCR in doc-brief"
    conn = sqlite3.connect(workspace.db_path)
    pages = conn.execute("SELECT page_no FROM ocr_pages ORDER BY page_no").fetchall()
    conn.close()
    assert pages == [(1,), (2,)]
    nothing = run(workspace, "ocr", "doc-brief")
    assert nothing.exit_code == 0
    assert nothing.stdout.startswith("nothing to read")


def test_importing_a_scan_on_the_command_line_says_how_to_make_it_searchable(workspace, tmp_path):
    scan = make_scan(tmp_path / "fax.pdf", ["Conclusies van de top."], 72, size=A6)
    result = run(workspace, "import", scan.path, SMALL)
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[-1] == (
        "1 page without text: 'vlnl-desktop ocr doc-fax' makes them searchable"
    )


def test_the_command_line_says_in_one_line_what_is_wrong(workspace, tmp_path):
    scan = make_scan(tmp_path / "fax.pdf", ["Conclusies van de top."], 72, size=A6)
    import_files(workspace, [scan.path], workers=0)
    missing = run(workspace, "ocr", "--all", VLNL_TESSERACT="")
    assert missing.exit_code == 1
    assert missing.stderr.count("\n") == 1
    assert "Tesseract is not installed" in missing.stderr and "README" in missing.stderr
    language = run(workspace, "ocr", "--all", "--lang", "qqq")
    assert language.exit_code == 1
    assert language.stderr.strip().endswith(
        "Tesseract has no language data for qqq (install it: see the README)"
    )
    unknown = run(workspace, "ocr", "doc-nope")
    assert unknown.exit_code == 1 and "no document with id 'doc-nope'" in unknown.stderr
    neither = run(workspace, "ocr")
    assert neither.exit_code == 1 and "--all" in neither.stderr
    for result in (missing, language, unknown, neither):
        assert "Traceback" not in result.output
