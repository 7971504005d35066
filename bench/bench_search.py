"""Search on a large archive: in-process per query kind, the whole command against ``recollq``, a
million pages, and keypress to painted results in the window.

- In-process: the whole search the window and the CLI run (parsing, aliases, the index's steps,
  rows and snippets from SQLite for the best 20) on the generated corpus (10,000 documents /
  100,046 pages, imported once and cached), beside FTS5's bare bm25 ranking of the same query
  (the engine before: a reference, not a limit).
- Whole process: ``vlnl-desktop search --json`` (the installed command, the lean start-up path,
  bytecode compiled as after an install) against ``recollq`` on a Recoll index of the same PDFs
  (built once, cached), three ways interleaved: with the archive's resident search server
  running (what every call but the first meets), the first call (no server: the search
  in-process, then the server started; the server is stopped before and waited for after, both
  untimed), and in-process only (``VLNL_NO_RESIDENT=1``, the command before the server).
- A million pages: page texts generated straight into an archive (no PDFs; words drawn like the
  corpus's) and indexed; the same query kinds in-process.
- Keypress to painted results: the search panel on the 100,000-page archive, offscreen; from the
  key event to the first paint of the list that shows the new results.

Every ratio's two sides run interleaved (A B, B A, …), never in blocks.
"""

from __future__ import annotations

import os
import random
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from bench_startup import installed_command
from common import BENCH_DIR, CACHE_DIR, Row, interleave
from corpus import make_corpus
from peers import RecollIndex, available

QUERIES = {
    "common word": "samenwerking",
    "rare word": "Einstein",
    "phrase": '"high tech samenwerkingsagenda"',
    "prefix": "waterst",
    "two words": "fotonica Gent",
    "question": "welke top ging over waterstof",
    "typo": "fotonika",
}
RECOLL_QUERIES = {  # the same questions in Recoll's language (a typo and a question it cannot)
    "common word": "samenwerking",
    "rare word": "Einstein",
    "phrase": '"high tech samenwerkingsagenda"',
    "prefix": "waterst*",
    "two words": "fotonica Gent",
}
RAW_SQL = (
    "SELECT rowid, bm25(pages_fts) AS s FROM pages_fts WHERE pages_fts MATCH ? ORDER BY s LIMIT 20"
)
FTS_REFERENCE_VERSION = 1  # raise when the reference's table changes
SRC = BENCH_DIR.parent / "src"


def search_archive(documents: int, pages: int):
    """A working archive holding the corpus (built and imported on first use), index up to date."""
    from vlnl_desktop.core.archive.lifecycle import open_workspace
    from vlnl_desktop.core.documents.importer import import_files
    from vlnl_desktop.core.search.upkeep import update_index

    corpus = make_corpus(documents, pages)
    root = CACHE_DIR / f"archive-{corpus.name}"
    done = root / ".imported"
    if not done.exists():
        ws = open_workspace(root)
        results = import_files(ws, sorted(corpus.glob("*.pdf")))
        failed = [r for r in results if not r.ok]
        if failed:
            raise RuntimeError(f"corpus import failed: {failed[0].line()}")
        done.touch()
    ws = open_workspace(root)
    update_index(ws)
    return ws, corpus


def _ms(seconds: list[float]) -> list[float]:
    return [s * 1000 for s in seconds]


def in_process_rows(ws, times: int) -> list[Row]:
    from vlnl_desktop.core.archive.connections import connect_readonly
    from vlnl_desktop.core.search.query import compile_match
    from vlnl_desktop.core.search.searcher import Searcher

    searcher = Searcher(connect_readonly(ws))
    assert searcher.index is not None
    raw = sqlite3.connect(f"file:{fts_reference(ws)}?mode=ro", uri=True)
    total = raw.execute("SELECT count(*) FROM pages_fts_docsize").fetchone()[0]
    out = []
    for label, text in QUERIES.items():
        match = compile_match(searcher.parse(text))
        searcher.search(text, 20)  # warm the caches of both
        sides = {"ours": lambda text=text: searcher.search(text, 20)}
        if match is not None:
            raw.execute(RAW_SQL, (match,)).fetchall()
            sides["fts5"] = lambda match=match: raw.execute(RAW_SQL, (match,)).fetchall()
        timed = interleave(sides, times)
        out.append(
            Row(
                what=f"search {total:,} pages in-process: {label}",
                unit="ms",
                ours=_ms(timed["ours"]),
                limit=_ms(timed.get("fts5", [])),
                limit_name="FTS5 bm25, before",
                max_value=20 if label == "phrase" else 10,
            )
        )
    raw.close()
    return out


def fts_reference(ws) -> Path:
    """An FTS5 index of the archive's pages in a file of its own (built once, cached): the engine
    the search ran on before, as a reference. The archive itself has none since schema 7."""
    archive = sqlite3.connect(f"file:{ws.db_path}?mode=ro", uri=True)
    count, last = archive.execute("SELECT count(*), max(id) FROM pages").fetchone()
    archive.close()
    # named by the pages it holds: a rebuilt or re-imported archive gets its own
    path = ws.root / f"fts-reference-{FTS_REFERENCE_VERSION}-{count}-{last}.db"
    if path.exists():
        return path
    for old in ws.root.glob("fts-reference-*.db"):
        old.unlink()
    from vlnl_desktop.core.archive.schema import TOKENIZE

    partial = path.with_suffix(".partial")
    partial.unlink(missing_ok=True)
    conn = sqlite3.connect(partial)
    conn.execute(f"ATTACH DATABASE 'file:{ws.db_path}?mode=ro' AS archive")
    conn.execute(
        f"CREATE VIRTUAL TABLE pages_fts USING fts5(text, content='', tokenize='{TOKENIZE}')"
    )
    with conn:
        conn.execute("INSERT INTO pages_fts(rowid, text) SELECT id, text FROM archive.pages")
    conn.close()
    partial.rename(path)
    return path


def _cli(ws, text: str, resident: bool = True) -> None:
    """The whole command as a user runs it: the installed ``vlnl-desktop`` console script (not
    ``python -m``, whose runpy costs a few ms the user never pays), this checkout's code."""
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.pop("VLNL_NO_RESIDENT", None)
    if not resident:
        env["VLNL_NO_RESIDENT"] = "1"
    subprocess.run(
        [*installed_command(), "--archive", str(ws.root), "search", "--json", text],
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
    )


class ResidentServer:
    """The resident search server of one archive, as the bench steers it (its socket and lock
    found as the command finds them)."""

    def __init__(self, root: Path):
        from vlnl_desktop.cli.search_client import socket_path

        path = socket_path(str(root))
        if path is None:
            raise RuntimeError(f"{root}: no resident search server can serve it here")
        self.path = path

    def _locked(self) -> bool:
        import fcntl

        try:
            fd = os.open(self.path + ".lock", os.O_RDWR)
        except FileNotFoundError:
            return False
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return False
        except OSError:
            return True
        finally:
            os.close(fd)

    def _wait(self, condition, what: str) -> None:
        deadline = time.monotonic() + 120
        while not condition():
            if time.monotonic() > deadline:
                raise RuntimeError(f"the resident search server: still not {what}")
            time.sleep(0.01)

    def stop(self) -> None:
        """End the server (SIGTERM) and wait until it is gone."""
        import signal

        try:
            os.kill(int(Path(self.path + ".lock").read_text()), signal.SIGTERM)
        except (OSError, ValueError):
            pass
        self._wait(lambda: not self._locked(), "gone")

    def answers(self) -> bool:
        import socket

        with socket.socket(socket.AF_UNIX) as probe:
            try:
                probe.connect(self.path)
            except OSError:
                return False
        return True

    def wait_ready(self) -> None:
        self._wait(self.answers, "answering")


def whole_process_rows(ws, corpus: Path, times: int) -> list[Row]:
    subprocess.run(
        [sys.executable, "-m", "compileall", "-q", str(SRC)], check=True, stdout=subprocess.DEVNULL
    )
    recoll = RecollIndex(corpus, CACHE_DIR / f"recoll-{corpus.name}")
    server = ResidentServer(ws.root)
    out = []
    for label, peer_text in RECOLL_QUERIES.items():
        text = QUERIES[label]
        _cli(ws, text)
        server.wait_ready()
        _cli(ws, text, resident=False)
        recoll.query_seconds(peer_text)

        def first_call(text=text) -> float:
            server.stop()
            start = time.perf_counter()
            _cli(ws, text)
            elapsed = time.perf_counter() - start
            server.wait_ready()  # its start-up is not left to slow the next side down
            return elapsed

        timed = interleave(
            {
                "ours": lambda text=text: _cli(ws, text),
                "first": first_call,
                "in-process": lambda text=text: _cli(ws, text, resident=False),
                "recollq": lambda peer_text=peer_text: recoll.query_seconds(peer_text),
            },
            times,
        )
        for side, how, goal in (
            ("ours", "server running", 3),
            ("first", "first call, server started", None),
            ("in-process", "VLNL_NO_RESIDENT=1", None),
        ):
            out.append(
                Row(
                    what=f"vlnl-desktop search --json, whole process ({how}): {label}",
                    unit="ms",
                    ours=_ms(timed[side]),
                    limit=_ms(timed["recollq"]),
                    limit_name="recollq",
                    max_ratio=goal,
                )
            )
    server.stop()
    return out


# --- a million pages ----------------------------------------------------------------------------


def synthetic_archive(pages: int, per_document: int = 10, seed: int = 1):
    """A working archive of the bundled records plus ``pages`` generated page texts (no PDFs;
    sentences drawn from a pool made like the corpus's) and its search index; cached. Its FTS5
    tables do not hold the generated pages (the app does not search them)."""
    from corpus import sentences, word_chain
    from vlnl_desktop.core.archive.connections import probe
    from vlnl_desktop.core.archive.lifecycle import open_workspace
    from vlnl_desktop.core.archive.schema_version import SCHEMA_VERSION
    from vlnl_desktop.core.search import index as search_index

    # by schema: opening an archive of an older one rebuilds it from the records, and the
    # generated documents, which have no file, would not survive that
    root = CACHE_DIR / f"archive-synthetic-{pages}-s{seed}-v{SCHEMA_VERSION}"
    if (root / ".generated").exists():
        return open_workspace(root)
    shutil.rmtree(root, ignore_errors=True)
    ws = open_workspace(root)
    rng = random.Random(seed)
    chain = word_chain()
    pool = [sentences(rng, chain, 1) for _ in range(min(50_000, pages * 5))]
    conn = sqlite3.connect(ws.db_path)
    for (name,) in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'pages'"
    ).fetchall():
        conn.execute(f"DROP TRIGGER {name}")
    conn.execute("PRAGMA synchronous = OFF")
    with conn:
        for number in range(pages // per_document):
            doc_id = f"doc-synthetic-{number:07d}"
            title = f"Gegenereerd document {number}"
            conn.execute(
                "INSERT INTO records (id, kind, title, origin) VALUES (?, 'document', ?, 'user')",
                (doc_id, title),
            )
            conn.execute(
                "INSERT INTO documents (id, title, origin, page_count, has_text) "
                "VALUES (?, ?, 'user', ?, 1)",
                (doc_id, title, per_document),
            )
            conn.executemany(
                "INSERT INTO pages (document_id, page_no, text, has_text) VALUES (?, ?, ?, 1)",
                (
                    (doc_id, page_no, " ".join(rng.choice(pool) for _ in range(18)))
                    for page_no in range(1, per_document + 1)
                ),
            )
    conn.close()
    conn = probe(ws.db_path)
    start = time.perf_counter()
    search_index.build(ws.db_path, conn)
    (root / ".index-seconds").write_text(f"{time.perf_counter() - start:.1f}")
    conn.close()
    (root / ".generated").touch()
    return ws


def million_rows(pages: int, times: int) -> list[Row]:
    from vlnl_desktop.core.archive.connections import connect_readonly
    from vlnl_desktop.core.search.searcher import Searcher
    from vlnl_desktop.core.search.upkeep import update_index

    ws = synthetic_archive(pages)
    update_index(ws)  # an index of an older format is built anew
    searcher = Searcher(connect_readonly(ws))
    assert searcher.index is not None
    for text in QUERIES.values():
        searcher.search(text, 20)
    timed = interleave(
        {label: (lambda text=text: searcher.search(text, 20)) for label, text in QUERIES.items()},
        times,
    )
    total = searcher.index.searcher().num_docs
    return [
        Row(
            what=f"search {total:,} index documents (generated pages) in-process: {label}",
            unit="ms",
            ours=_ms(seconds),
            max_value=50,
        )
        for label, seconds in timed.items()
    ]


# --- keypress to painted results ------------------------------------------------------------------


def keypress_rows(ws, times: int) -> list[Row]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from vlnl_desktop.ui.search_panel import SearchPanel

    app = QApplication.instance() or QApplication([])
    panel = SearchPanel(ws.db_path)
    panel.resize(420, 800)
    panel.show()

    class PaintWatch(QObject):
        painted_at = 0.0

        def eventFilter(self, watched, event):  # noqa: N802 - Qt override
            if event.type() == QEvent.Type.Paint:
                self.painted_at = time.perf_counter()
            return False

    watch = PaintWatch()
    panel.results.viewport().installEventFilter(watch)

    def wait(condition, timeout: float = 10.0) -> None:
        end = time.perf_counter() + timeout
        while not condition():
            app.processEvents()
            if time.perf_counter() > end:
                raise TimeoutError("no results painted")

    answered: list[str] = []

    def on_answered(text: str, _results) -> None:  # after the panel filled its list
        answered.append(text)
        watch.painted_at = 0.0

    panel.client.answered.connect(on_answered)

    def type_last_letter(word: str) -> float:
        panel.edit.setText(word[:-1])  # the search before the keypress, answered and painted
        wait(lambda: answered and answered[-1] == word[:-1] and watch.painted_at > 0)
        start = time.perf_counter()
        QTest.keyClick(panel.edit, word[-1])
        wait(lambda: answered[-1] == word and watch.painted_at > 0)
        return watch.painted_at - start

    words = {"a rare word": "Einstein", "a common word": "samenwerking", "a prefix": "waterst"}
    for word in words.values():
        type_last_letter(word)
    timed = interleave(
        {label: (lambda word=word: type_last_letter(word)) for label, word in words.items()},
        times,
    )
    panel.edit.clear()
    panel.shutdown()
    panel.deleteLater()
    app.processEvents()
    return [
        Row(
            what=f"keypress to painted results, {label} (search panel, offscreen)",
            unit="ms",
            ours=_ms(seconds),
            max_value=50,
        )
        for label, seconds in timed.items()
    ]


def rows(quick: bool = False) -> list[Row]:
    documents, pages, times = (20, 2, 2) if quick else (10_000, 10, 15)
    ws, corpus = search_archive(documents, pages)
    out = in_process_rows(ws, times)
    if not quick and available("recollq", "recollindex"):
        out += whole_process_rows(ws, corpus, times)
    out += keypress_rows(ws, 3 if quick else 9)
    if os.environ.get("VLNL_BENCH_MILLION", "1") == "1":
        out += million_rows(500 if quick else 1_000_000, 2 if quick else 9)
    return out


if __name__ == "__main__":
    from common import format_table

    print(format_table(rows(quick="--quick" in sys.argv)))
