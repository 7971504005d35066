"""The peers a user would pick instead, run on the same inputs: Recoll and mutool.

``make bench`` installs them (bench/install_peers.sh, Debian's recoll, poppler-utils and
mupdf-tools); a benchmark skips a peer that is not installed and says so.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
import time
from pathlib import Path


def _recoll_config(folder: Path, confdir: Path) -> None:
    confdir.mkdir(parents=True, exist_ok=True)
    (confdir / "recoll.conf").write_text(
        f"topdirs = {folder}\nindexedmimetypes = application/pdf\nloglevel = 1\n", encoding="utf-8"
    )


def recoll_index(folder: Path) -> float:
    """Seconds ``recollindex`` takes to index ``folder`` from scratch."""
    with tempfile.TemporaryDirectory() as tmp:
        confdir = Path(tmp) / "recoll"
        _recoll_config(folder, confdir)
        start = time.perf_counter()
        subprocess.run(
            ["recollindex", "-c", str(confdir), "-z"],
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        return time.perf_counter() - start


class RecollIndex:
    """A Recoll index of ``folder`` kept for repeated queries."""

    def __init__(self, folder: Path, confdir: Path):
        self.confdir = confdir
        if not (confdir / "xapiandb").exists():
            _recoll_config(folder, confdir)
            subprocess.run(
                ["recollindex", "-c", str(confdir)],
                check=True,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )

    def query_seconds(self, text: str) -> float:
        start = time.perf_counter()
        subprocess.run(
            ["recollq", "-c", str(self.confdir), "-n", "20", "-q", text],
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        return time.perf_counter() - start


def mutool_draw_seconds(pdf: Path, page: int, zoom: float = 1.0) -> float:
    """Seconds ``mutool draw`` takes to render one page (1-based) to PNG."""
    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        subprocess.run(
            ["mutool", "draw", "-q", "-r", str(int(72 * zoom)), "-o", f"{tmp}/p.png", str(pdf),
             str(page)],
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )  # fmt: skip
        return time.perf_counter() - start


def available(*programs: str) -> bool:
    return all(shutil.which(p) for p in programs)
