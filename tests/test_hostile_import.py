"""Import under attack: PDFs that lie, loop or explode and files that are not files fail one line
each, the good files of the same batch are imported, and nothing hangs, takes the machine's memory
or ends in an "internal error". The corpus is made by tests/hostile_corpus.py."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from hostile_corpus import hostile_special_files, make_hostile_files
from samples import ALL_PDFS, GEOTOPO, SMALL
from vlnl_desktop.core.archive.check import check_archive
from vlnl_desktop.core.documents.importer import import_files

CONTROL_NAME = b"ctl\x1b[31m\xff.pdf"  # an escape sequence and a byte that is not UTF-8


def run_cli(*args: str | bytes | os.PathLike, timeout: float = 120) -> subprocess.CompletedProcess:
    """The command in a process of its own (the same interpreter and import path as the tests)."""
    return subprocess.run(
        [sys.executable, "-m", "vlnl_desktop", *args], capture_output=True, timeout=timeout
    )


@pytest.fixture(scope="module")
def hostile_batch(built_archive, tmp_path_factory):
    """One `vlnl-desktop import` of lying and looping page trees, non-files, a good file with a
    hostile name and a good file: (the process, its stdout, its stderr, the archive)."""
    from vlnl_desktop.core.archive.workspace import Workspace

    tmp = tmp_path_factory.mktemp("hostile")
    root = tmp / "ws"
    shutil.copytree(built_archive, root)
    bad = make_hostile_files(
        tmp / "pdfs", ["lying-count.pdf", "looping-tree.pdf", "one-page-100000-times.pdf"]
    )
    special = hostile_special_files(tmp / "special")
    named = os.path.join(os.fsencode(tmp), CONTROL_NAME)
    shutil.copyfile(GEOTOPO, named)
    files = [*bad.values(), *special.values(), named, SMALL]
    done = run_cli("--archive", root, "import", *files)
    out, err = done.stdout.decode("utf-8", "replace"), done.stderr.decode("utf-8", "replace")
    return done, out, err, Workspace(root), {**bad, **special}


def test_page_trees_that_lie_or_loop_fail_one_line_each_and_the_rest_is_imported(hostile_batch):
    done, out, err, ws, files = hostile_batch
    assert done.returncode == 1
    assert "internal error" not in err and "Traceback" not in err
    for name in ("lying-count.pdf", "looping-tree.pdf", "one-page-100000-times.pdf"):
        lines = [line for line in err.splitlines() if name in line]
        assert len(lines) == 1 and "damaged PDF" in lines[0], err
    assert f"{SMALL}: imported as" in out
    assert check_archive(ws) == []


def test_files_that_are_not_regular_are_refused_before_they_are_read(hostile_batch):
    """A FIFO or a symlink to /dev/zero would block or never end (and hold the writer lock)."""
    _done, _out, err, _ws, files = hostile_batch
    expected = {
        "fifo.pdf": "not a regular file (a FIFO)",
        "zero.pdf": "not a regular file (a device)",
        "urandom.pdf": "not a regular file (a device)",
        "loop.pdf": "cannot read: too many levels of symbolic links",
    }
    for name, reason in expected.items():
        assert f"{files[name]}: {reason}" in err.splitlines(), err


def test_a_file_name_with_control_characters_and_bad_bytes_is_shown_escaped(hostile_batch):
    done, out, err, ws, _files = hostile_batch
    assert "\x1b" not in out + err  # nothing the terminal would obey
    line = next(line for line in out.splitlines() if "ctl" in line)
    assert "ctl\\x1b[31m\\xff.pdf: imported as" in line and "(117 pages)" in line


def test_a_batch_of_many_files_survives_its_bad_ones(workspace, tmp_path):
    """With 8 files or more, text is read in several processes: a bad file used to break the pool
    ("cannot pickle 'SwigPyObject'") and every file after it was skipped."""
    bad = make_hostile_files(tmp_path, ["lying-count.pdf", "looping-tree.pdf"])
    good = ALL_PDFS[:8]
    results = import_files(workspace, [bad["lying-count.pdf"], *good, bad["looping-tree.pdf"]])
    assert [r.status for r in results][0] == "failed"
    assert results[-1].status == "failed"
    assert "damaged PDF" in results[0].line() and "damaged PDF" in results[-1].line()
    assert sum(r.status == "imported" for r in results) >= 6, [r.line() for r in results]
    assert check_archive(workspace) == []


def test_a_decompression_bomb_is_refused_within_its_memory_and_the_next_file_goes_on(
    workspace, tmp_path, monkeypatch
):
    """A 3 KB page that inflates to 400 MB of drawing: MuPDF runs out of its (here lowered) memory
    in a child process; the importing process never holds it."""
    from vlnl_desktop.core.pdf import sandbox

    monkeypatch.setattr(sandbox, "MEMORY_LIMIT", 400 << 20)
    bomb = make_hostile_files(tmp_path, ["flate-bomb.pdf"])["flate-bomb.pdf"]
    results = import_files(workspace, [bomb, SMALL])
    assert results[0].code == "over_budget"
    assert (
        results[0].line() == f"{bomb}: too costly to read: page 1 needs more than 400 MB of memory"
    )
    assert results[1].status == "imported"


def test_a_page_over_the_text_budget_is_stored_with_its_text_cut(workspace, tmp_path):
    from vlnl_desktop.core.archive.connections import connect_readonly
    from vlnl_desktop.core.pdf.text import MAX_PAGE_CHARS

    dense = make_hostile_files(tmp_path, ["dense-page.pdf"])["dense-page.pdf"]
    [result] = import_files(workspace, [dense])
    assert result.status == "imported"
    assert result.line().endswith("(1 pages; text cut: page 1 holds more than 200,000 characters)")
    conn = connect_readonly(workspace)
    length = conn.execute(
        "SELECT length(text) FROM pages WHERE document_id = ?", (result.document_id,)
    ).fetchone()[0]
    conn.close()
    assert 0 < length <= MAX_PAGE_CHARS


def test_a_document_over_the_text_budget_is_cut_where_the_budget_ends():
    from vlnl_desktop.core.pdf.gate import open_pdf
    from vlnl_desktop.core.pdf.text import document_text

    with open_pdf(GEOTOPO) as doc:
        text = document_text(doc, document_chars=5000)
    assert sum(len(p.text) for p in text.pages) == 5000
    assert len(text.pages) == 117 and not text.pages[-1].text
    assert text.cut.startswith("text cut: more than 5,000 characters in all, cut on page ")


def test_a_file_changed_during_its_import_is_stored_as_it_was_indexed(
    workspace, tmp_path, monkeypatch
):
    """The file is read once: what is hashed, indexed and stored are the same bytes, whatever
    happens to the file meanwhile."""
    from vlnl_desktop.core.documents import importer

    source = tmp_path / "changing.pdf"
    shutil.copyfile(SMALL, source)
    real_open = importer.open_pdf

    def open_after_a_change(path, password=None):
        shutil.copyfile(GEOTOPO, source)  # another program writes the file meanwhile
        return real_open(path, password)

    monkeypatch.setattr(importer, "open_pdf", open_after_a_change)
    [result] = import_files(workspace, [source], workers=0)
    assert result.status == "imported" and result.pages == 4
    assert check_archive(workspace) == []


def test_importing_a_file_again_restores_its_stored_copy_deleted_behind_the_archive(workspace):
    [first] = import_files(workspace, [SMALL])
    stored = next(workspace.documents_dir.glob("*.pdf"), None)
    stored = [
        p for p in workspace.documents_dir.glob("*.pdf") if p.read_bytes() == SMALL.read_bytes()
    ]
    assert len(stored) == 1
    stored[0].unlink()
    assert any("is missing" in p for p in check_archive(workspace))
    [again] = import_files(workspace, [SMALL])
    assert again.status == "duplicate"
    assert again.line().endswith(
        f"already in the archive as {first.document_id}; its missing file restored"
    )
    assert check_archive(workspace) == []


def test_an_unreadable_file_is_one_failure_of_the_batch_not_a_usage_error(
    workspace, tmp_path, monkeypatch
):
    from click.testing import CliRunner

    from vlnl_desktop.cli.main import cli

    secret = tmp_path / "secret.pdf"
    shutil.copyfile(SMALL, secret)
    secret.chmod(0)
    real_access = os.access
    # root reads every file: answer for the file as the system would for another user
    monkeypatch.setattr(
        os, "access", lambda p, mode, **kw: str(p) != str(secret) and real_access(p, mode, **kw)
    )
    result = CliRunner().invoke(
        cli, ["--archive", str(workspace.root), "import", str(secret), str(GEOTOPO)]
    )
    assert "Usage:" not in result.output
    assert f"{GEOTOPO}: imported as" in result.output
    if os.geteuid() != 0:
        assert f"{secret}: cannot read: permission denied" in result.output
        assert result.exit_code == 1


@pytest.mark.stress
def test_the_whole_hostile_corpus_at_full_size_in_one_batch(built_archive, tmp_path):
    """Every hostile PDF at full size (bombs of 400 MB and 10⁹ drawings, 29 million characters),
    the non-files and a good file, with the real limits: one line each, the good file imported.
    (Its memory is measured in bench/bench_hostile.py.)"""
    root = tmp_path / "ws"
    shutil.copytree(built_archive, root)
    files = [*make_hostile_files(tmp_path / "pdfs").values()]
    files += [*hostile_special_files(tmp_path / "special").values(), SMALL]
    done = run_cli("--archive", root, "import", *files, timeout=600)
    out, err = done.stdout.decode(), done.stderr.decode()
    assert done.returncode == 1
    assert "internal error" not in err and "Traceback" not in err
    for path in files:
        assert sum(line.startswith(f"{path}: ") for line in (out + err).splitlines()) == 1
    assert f"{SMALL}: imported as" in out
    assert "needs more than 768 MB of memory" in err
