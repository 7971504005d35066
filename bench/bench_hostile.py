"""Hostile input: peak memory and time of an import, an open (and a find) of each file of the
hostile corpus (tests/hostile_corpus.py), and the overshoot of fetch's deadline against a server
that drips its answer a byte at a time (tests/hostile_server.py, on 127.0.0.1).

Each run is a process of its own (``python -m vlnl_desktop import FILE``, or the viewer's path
without Qt: open and render page 1 in the render sandbox, then find in the find sandbox; or the viewer itself, a
``PdfViewer`` in offscreen Qt opening the file until its first page is shown or refused), in a
session of its own; its peak resident memory is sampled every 20 ms over every process of that session (the
command, its fork server, the sandbox children): the largest of one process's peak (VmHWM) and
of the sum of all at one moment. Goals (DESIGN.md): peak RSS ≤ 1 GB whatever the input; no command past its deadline by
more than 2 s. The import's deadline is the sandbox's stall limit (a page that shows no progress
for ``STALL_SECONDS``); an open that does not finish in ``OPEN_TIMEOUT`` is stopped and reported.

    python bench/bench_hostile.py [--quick]
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import BENCH_DIR, Row

TESTS = BENCH_DIR.parent / "tests"
sys.path.insert(0, str(TESTS))

MB = 1024 * 1024
OPEN_TIMEOUT = 60.0
FETCH_TIMEOUT = 3.0
QUICK_FILES = ["lying-count.pdf"]

_OPEN_CHILD = """
import sys
from vlnl_desktop.core.errors import Problem
from vlnl_desktop.core.pdf import viewing
from vlnl_desktop.core.pdf.sandbox import Sandbox
from vlnl_desktop.workers.find_job import FindJob
from vlnl_desktop.workers.render_sandbox import RENDER_SECONDS

def main():
    path = sys.argv[1]
    source = (path, None)
    pixels = viewing.SharedPixels()
    pixels.ensure(4 * 1000 * 1300)
    with Sandbox(stall=RENDER_SECONDS, deadline=RENDER_SECONDS) as box:
        try:
            opened = box.run(viewing.open_document, source, 0)
        except Problem as exc:
            print("refused:", exc)
            return
        try:
            box.run(viewing.render, source, 0, 0, 980, 0, None, pixels.handle)
        except Problem as exc:
            print("page 1 not rendered:", exc.code)
    with Sandbox(stall=5) as box:
        job = FindJob.wrapping_round(1, "hostile", 0, opened.page_count, sandbox=box, source=source)
        while not job.done:
            job.search_slice(None, 0.5, lambda *a: None)
    print("shown and searched")

if __name__ == "__main__":
    main()
"""
_VIEWER_CHILD = """
import os, sys, time
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication
from vlnl_desktop.ui.viewer.viewer import PdfViewer

def main():
    app = QApplication(["bench"])
    viewer = PdfViewer()
    viewer.resize(1000, 800)
    viewer.show()
    app.processEvents()
    ticks = [time.perf_counter()]
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start(10)
    viewer.open_file(sys.argv[1])

    def done():
        view = viewer.view
        if viewer.message_text or viewer.notice_label.text():
            return True
        if view.page_count == 0:
            return False
        keys = view._keys_for(0, view._visible_rect(), view.devicePixelRatioF())
        return bool(keys) and all(key in view._cache for key in keys)

    while not done():
        app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
    ticks.append(time.perf_counter())
    gap = max(b - a for a, b in zip(ticks, ticks[1:]))
    said = viewer.message_text.splitlines()[0] if viewer.message_text else viewer.notice_label.text()
    print(f"longest frame gap {gap * 1000:.0f} ms; {said or 'page 1 shown'}")
    viewer.close()

if __name__ == "__main__":
    main()
"""
VIEWER_FILES = ["flate-bomb.pdf", "xobject-laughs.pdf"]


def _session_rss(session: int) -> tuple[float, float]:
    """(largest peak RSS of one process, sum of the current RSS) over the processes of
    ``session``, in MB (the command, and the sandbox children forked from its fork server)."""
    largest = total = 0
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            if int(stat.rsplit(")", 1)[1].split()[3]) != session:  # field 6: the session id
                continue
            fields = dict(
                line.split(":", 1) for line in (entry / "status").read_text().splitlines()
            )
        except (OSError, ValueError, IndexError):
            continue
        largest = max(largest, int(fields.get("VmHWM", "0 kB").split()[0]))
        total += int(fields.get("VmRSS", "0 kB").split()[0])
    return largest / 1024, total / 1024


def _measured(
    args: list[str], timeout: float, env: dict | None = None
) -> tuple[float, float, float, str]:
    """(seconds, the largest peak RSS of one of the command's processes, the largest sum of
    their RSS at one moment (both in MB, sampled every 20 ms), the last line of its output)."""
    with tempfile.TemporaryFile() as out:
        start = time.perf_counter()
        process = subprocess.Popen(
            args, stdout=out, stderr=subprocess.STDOUT, env=env, start_new_session=True
        )
        stopped = False
        largest = together = 0.0
        while process.poll() is None:
            one, summed = _session_rss(process.pid)
            largest, together = max(largest, one), max(together, summed)
            if time.perf_counter() - start > timeout and not stopped:
                os.killpg(process.pid, 9)
                stopped = True
            time.sleep(0.02)
        elapsed = time.perf_counter() - start
        with contextlib.suppress(ProcessLookupError):  # what is left of the session: its children
            os.killpg(process.pid, 9)
        out.seek(0)
        lines = out.read().decode("utf-8", "replace").strip().splitlines()
    last = "stopped at the time limit" if stopped else (lines[-1] if lines else "")
    return elapsed, largest, together, last


def _import_rows(folder: Path, archive: Path, names: list[str]) -> list[Row]:
    from hostile_corpus import make_hostile_files
    from vlnl_desktop.core.pdf.sandbox import STALL_SECONDS

    files = make_hostile_files(folder, names)
    env = {**os.environ, "PYTHONPATH": str(BENCH_DIR.parent / "src")}
    rows = []
    for name, path in files.items():
        ws = archive.parent / f"ws-{name}"
        shutil.copytree(archive, ws)
        cmd = [sys.executable, "-m", "vlnl_desktop", "--archive", str(ws), "import", str(path)]
        seconds, peak, together, last = _measured(cmd, 300, env)
        note = last.split(": ", 1)[-1][:70]
        rows.append(Row(f"import {name}: peak RSS ({note})", "MB", [peak], max_value=1024))
        rows.append(Row(f"import {name}: all its processes", "MB", [together], max_value=1024))
        rows.append(
            Row(
                f"import {name}: time",
                "s",
                [seconds],
                max_value=STALL_SECONDS + 2,
                note="deadline: the sandbox's stall limit",
            )
        )
        shutil.rmtree(ws)
    return rows


def _open_rows(folder: Path, names: list[str]) -> list[Row]:
    from hostile_corpus import make_hostile_files

    env = {**os.environ, "PYTHONPATH": str(BENCH_DIR.parent / "src")}
    folder.mkdir(parents=True, exist_ok=True)
    script = folder / "open_child.py"
    script.write_text(_OPEN_CHILD)  # a file: the sandbox's children import the main module
    rows = []
    for name, path in make_hostile_files(folder, names).items():
        cmd = [sys.executable, str(script), str(path)]
        seconds, peak, together, last = _measured(cmd, OPEN_TIMEOUT, env)
        what = f"open + find {name}"
        rows.append(Row(f"{what}: peak RSS ({last[:60]})", "MB", [peak], max_value=1024))
        rows.append(Row(f"{what}: all its processes", "MB", [together], max_value=1024))
        rows.append(Row(f"{what}: time", "s", [seconds], max_value=OPEN_TIMEOUT))
    return rows


def _viewer_rows(folder: Path, names: list[str]) -> list[Row]:
    """The viewer opening each file: peak RSS over all its processes, and the longest the GUI
    thread's event loop went without turning (a 10 ms timer) until page 1 was shown or refused."""
    from hostile_corpus import make_hostile_files

    env = {**os.environ, "PYTHONPATH": str(BENCH_DIR.parent / "src")}
    script = folder / "viewer_child.py"
    folder.mkdir(parents=True, exist_ok=True)
    script.write_text(_VIEWER_CHILD)  # a file: the sandbox's children import the main module
    rows = []
    for name, path in make_hostile_files(folder, names).items():
        cmd = [sys.executable, str(script), str(path)]
        seconds, peak, together, last = _measured(cmd, OPEN_TIMEOUT, env)
        gap = (
            float(last.split()[3]) if last.startswith("longest frame gap") else OPEN_TIMEOUT * 1000
        )
        said = last.split("; ", 1)[-1][:70]
        what = f"viewer opens {name}"
        rows.append(Row(f"{what}: all its processes ({said})", "MB", [together], max_value=1024))
        rows.append(Row(f"{what}: largest process", "MB", [peak], max_value=1024))
        rows.append(Row(f"{what}: longest frame gap", "ms", [gap], max_value=100))
        rows.append(Row(f"{what}: time to page 1 or its refusal", "s", [seconds]))
    return rows


def _fetch_rows(archive: Path, paths: list[str], timeout: float) -> list[Row]:
    from hostile_server import hostile_serving
    from vlnl_desktop.core.archive.workspace import Workspace
    from vlnl_desktop.core.documents.fetch import fetch_documents

    rows = []
    with hostile_serving() as server:
        for path in paths:
            start = time.perf_counter()
            [result] = fetch_documents(
                Workspace(archive),
                [("doc-slotverklaring-2020", f"{server}/{path}")],
                timeout=timeout,
            )
            over = time.perf_counter() - start - timeout
            rows.append(
                Row(
                    f"fetch {path} with --timeout {timeout:g}: past the deadline ({result.reason})",
                    "s",
                    [max(over, 0.0)],
                    max_value=2,
                )
            )
    return rows


def rows(quick: bool = False) -> list[Row]:
    from hostile_corpus import hostile_pdfs
    from vlnl_desktop.core.archive.lifecycle import open_workspace

    names = QUICK_FILES if quick else sorted(hostile_pdfs())
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        archive = open_workspace(folder / "ws").root
        out = _import_rows(folder / "pdfs", archive, names)
        out += _open_rows(folder / "open", names)
        out += _viewer_rows(folder / "viewer", [] if quick else VIEWER_FILES)
        slow = ["slow-headers"] if quick else ["slow-headers", "slow-body", "slow-chunks"]
        out += _fetch_rows(archive, slow, 1.0 if quick else FETCH_TIMEOUT)
    return out


if __name__ == "__main__":
    from common import format_table

    print(format_table(rows(quick="--quick" in sys.argv)))
