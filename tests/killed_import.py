"""An import killed half-way (SIGKILL), for the tests of what it leaves: the archive and the search
index. The helper runs the import in a process of its own that stops when the writer starts on the
pages of the fourth new document (three are committed) and waits there to be killed."""

from __future__ import annotations

import os
import select
import signal
import subprocess
import sys
from pathlib import Path

SCRIPT = r"""
import re, sqlite3, sys
from pathlib import Path

NEW_DOCUMENT = re.compile(r"^\s*INSERT\s+(OR\s+\w+\s+)?INTO\s+\W?documents\b", re.I)
PAGES = re.compile(r"^\s*INSERT\s+(OR\s+\w+\s+)?INTO\s+\W?pages\b", re.I)
started = 0

def watch(statement):
    global started
    if NEW_DOCUMENT.match(statement):
        started += 1
    elif started == 4 and PAGES.match(statement):
        print("half-way", flush=True)
        sys.stdin.read()  # the test kills this process; never answers

def connect(*args, _connect=sqlite3.connect, **kwargs):
    conn = _connect(*args, **kwargs)
    conn.set_trace_callback(watch)
    return conn

sqlite3.connect = connect
from vlnl_desktop.core.documents.importer import import_files
from vlnl_desktop.core.archive.workspace import Workspace
workers = None if sys.argv[2] == "default" else int(sys.argv[2])
import_files(Workspace(Path(sys.argv[1])), sys.argv[3:], workers=workers)
"""


def kill_half_way(root: Path, paths: list[str], workers: int | None = None) -> tuple[str, int]:
    """Import ``paths`` into the archive at ``root`` and kill the import at its fourth new
    document: (what the import said before, its return code)."""
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parents[1] / "src")}
    proc = subprocess.Popen(
        [sys.executable, "-c", SCRIPT, str(root), "default" if workers is None else str(workers)]
        + list(paths),
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        ready, _, _ = select.select([proc.stdout], [], [], 60)
        gate = proc.stdout.readline() if ready else "(no word within 60 s)"
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait()
        proc.stdin.close()
        proc.stdout.close()
    assert proc.returncode is not None
    return gate, proc.returncode
