"""Hostile input: peak memory and time of an import, an open (and a find) of each file of the
hostile corpus (tests/hostile_corpus.py), and the overshoot of fetch's deadline against a server
that drips its answer a byte at a time (tests/hostile_server.py, on 127.0.0.1).

Each run is a process of its own (``python -m vlnl_desktop import FILE``, or the viewer's path in
a child: ``gate.open_pdf`` + render of page 1 + find through the sandbox), in a session of its
own; its peak resident memory is sampled every 20 ms over every process of that session (the
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
from vlnl_desktop.core.errors import PdfProblem
from vlnl_desktop.core.pdf.gate import open_pdf
from vlnl_desktop.core.pdf.sandbox import Sandbox
from vlnl_desktop.workers.find_job import FindJob
path = sys.argv[1]
try:
    doc = open_pdf(path)
except PdfProblem as exc:
    print("refused:", exc)
    raise SystemExit(0)
try:
    doc.load_page(0).get_pixmap()
except Exception as exc:
    print("page 1 not rendered:", type(exc).__name__)
with Sandbox(stall=5) as box:
    job = FindJob.wrapping_round(1, "hostile", 0, doc.page_count, sandbox=box, source=(path, None))
    while not job.done:
        job.search_slice(None, 0.5, lambda *a: None)
print("shown and searched")
"""


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
    rows = []
    for name, path in make_hostile_files(folder, names).items():
        cmd = [sys.executable, "-c", _OPEN_CHILD, str(path)]
        seconds, peak, together, last = _measured(cmd, OPEN_TIMEOUT, env)
        what = f"open + find {name}"
        rows.append(Row(f"{what}: peak RSS ({last[:60]})", "MB", [peak], max_value=1024))
        rows.append(Row(f"{what}: all its processes", "MB", [together], max_value=1024))
        rows.append(Row(f"{what}: time", "s", [seconds], max_value=OPEN_TIMEOUT))
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
        slow = ["slow-headers"] if quick else ["slow-headers", "slow-body", "slow-chunks"]
        out += _fetch_rows(archive, slow, 1.0 if quick else FETCH_TIMEOUT)
    return out


if __name__ == "__main__":
    from common import format_table

    print(format_table(rows(quick="--quick" in sys.argv)))
