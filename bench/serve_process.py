"""`vlnl-desktop serve` as a process on the loopback address, for the load bench and the tests.

Starts the installed entry point (``python -m vlnl_desktop``) on any free port (``--port 0``),
reads the address it prints, and stops it (SIGTERM, then SIGKILL) however the caller leaves.
"""

from __future__ import annotations

import contextlib
import os
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "src"
START_DEADLINE_S = 60.0
URL = re.compile(r"at (http://\S+?/)archief")


@contextlib.contextmanager
def serving(archive: Path, *args: str) -> Iterator[str]:
    """The base URL (``http://127.0.0.1:PORT/``) of a server on ``archive``, while it runs."""
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(SRC), os.environ.get("PYTHONPATH", "")]),
    }
    # a pipe nobody reads could fill and stall the server: its errors go to a file
    errors = tempfile.TemporaryFile(mode="w+")  # noqa: SIM115 (closed in the finally below)
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "vlnl_desktop",
            "--archive",
            str(archive),
            "serve",
            "--port",
            "0",
            *args,
        ],
        stdout=subprocess.PIPE,
        stderr=errors,
        text=True,
        env=env,
    )
    try:
        deadline = time.monotonic() + START_DEADLINE_S
        url = None
        while url is None and time.monotonic() < deadline:
            line = proc.stdout.readline()
            if not line:  # the process ended before it served
                break
            match = URL.search(line)
            url = match.group(1) if match else None
        if url is None:
            proc.kill()
            proc.wait()
            errors.seek(0)
            raise RuntimeError(f"the server did not start: {errors.read()[-2000:]}")
        yield url
    finally:
        if proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        proc.stdout.close()
        errors.close()
