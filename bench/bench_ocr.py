"""OCR of scans: word recall at 300 and 200 dpi, pages per second on both cores against
``ocrmypdf --skip-text -l nld`` on the same files, and the window's longest stall while OCR runs.

The scans are made here (tests/scans.py): A4 pages of generated Dutch text with its diacritics,
rendered to grey images at 300 and 200 dpi, one page in four as scanned (plain, skewed 2°, 1 %
of the pixels spoiled, turned 90°), wrapped as image-only PDFs. Ours is ``core.ocr.run.run_ocr``
on an archive that has them imported (the import left out), two worker processes; ocrmypdf runs
with ``-j 2 --output-type pdf`` (its PDF/A conversion left out, in its favour). Both sides run
interleaved, the order rotated each round; recall is counted for both, on the text each stored.
The stall is the longest gap between the ticks of a 10 ms timer in the real window (offscreen)
while it reads the scans in the background, beside the longest over as long with it idle.
"""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import BENCH_DIR, Row, interleave

sys.path.insert(0, str(BENCH_DIR.parent / "tests"))

from scans import A4, A6, dutch_text, make_scan, word_recall  # noqa: E402

VARIANTS = [{}, {"skew": 2.0}, {"noise": 0.01}, {"turn": 90}]


def make_scans(folder: Path, pages: int, size=A4, words: int = 220) -> dict[int, list]:
    """Per dpi, a list of (PDF, its pages' texts): one file per variant."""
    out: dict[int, list] = {}
    for dpi in (300, 200):
        files = []
        for v, how in enumerate(VARIANTS):
            texts = [dutch_text(1000 * dpi + 10 * v + i, words) for i in range(pages)]
            scan = make_scan(folder / f"scan-{dpi}-{v}.pdf", texts, dpi, size=size, **how)
            files.append((scan.path, scan.texts))
        out[dpi] = files
    return out


def _archive(base: Path, files: list[Path]) -> Path:
    """A working archive with ``files`` imported (made once; copied for each run)."""
    from vlnl_desktop.core.archive.lifecycle import open_workspace
    from vlnl_desktop.core.documents.importer import import_files

    ws = open_workspace(base / "archive")
    results = import_files(ws, files, workers=0)
    assert all(r.ok for r in results), [r.line() for r in results]
    return ws.root


def ours(template: Path, workers: int = 2, languages: str = "nld+eng") -> tuple[float, Path]:
    """Seconds our OCR of every scan takes, and the archive it wrote."""
    from vlnl_desktop.core.archive.workspace import Workspace
    from vlnl_desktop.core.ocr.run import run_ocr

    root = Path(tempfile.mkdtemp(prefix="ocr-ours-"))
    shutil.copytree(template, root / "ws")
    ws = Workspace(root / "ws")
    start = time.perf_counter()
    report = run_ocr(ws, workers=workers, languages=languages)
    elapsed = time.perf_counter() - start
    assert not report.failed, report.failed
    return elapsed, ws.root


def our_texts(root: Path) -> dict[str, str]:
    """The text stored per (file name, page), from our archive."""
    conn = sqlite3.connect(root / "archive.db")
    try:
        rows = conn.execute(
            "SELECT d.file_name, p.page_no, p.text FROM pages p "
            "JOIN documents d ON d.id = p.document_id WHERE d.file_name LIKE 'scan-%'"
        ).fetchall()
    finally:
        conn.close()
    return {f"{name}:{no}": text for name, no, text in rows}


def ocrmypdf(files: list[Path], out: Path) -> float:
    """Seconds ``ocrmypdf --skip-text -l nld`` takes for ``files``, one after another."""
    start = time.perf_counter()
    for path in files:
        subprocess.run(
            [sys.executable, "-m", "ocrmypdf", "--skip-text", "-l", "nld", "-j", "2",
             "--output-type", "pdf", "-q", str(path), str(out / path.name)],
            check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
    return time.perf_counter() - start


def ocrmypdf_texts(out: Path, files: list[Path]) -> dict[str, str]:
    import pymupdf

    texts = {}
    for path in files:
        with pymupdf.open(out / path.name) as doc:
            for page in doc:
                texts[f"{path.name}:{page.number + 1}"] = page.get_text()
    return texts


def recall(files: list, texts: dict[str, str]) -> float:
    """Word recall in % over every page of ``files`` ((path, known texts) pairs)."""
    want = " ".join(t for _p, known in files for t in known)
    got = " ".join(
        texts.get(f"{p.name}:{i + 1}", "") for p, known in files for i in range(len(known))
    )
    return 100 * word_recall(want, got)


def has_ocrmypdf() -> bool:
    probe = subprocess.run(
        [sys.executable, "-m", "ocrmypdf", "--version"], capture_output=True, text=True
    )
    return probe.returncode == 0 and shutil.which("tesseract") is not None


def window_stall(template: Path) -> tuple[float, float]:
    """The longest gap (ms) between ticks of a 10 ms timer in the window while it reads the scans
    in the background, and the longest over as long a time with the window idle, before (after a
    settling time: the window's own deferred start-up work is not OCR's)."""
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QElapsedTimer, QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    from vlnl_desktop.core.archive.workspace import Workspace
    from vlnl_desktop.ui.main_window import MainWindow

    root = Path(tempfile.mkdtemp(prefix="ocr-window-"))
    shutil.copytree(template, root / "ws")
    app = QApplication.instance() or QApplication([])
    settings = QSettings(str(root / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(Workspace(root / "ws"), settings)
    window.show()
    gaps: list[float] = []
    clock = QElapsedTimer()
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: gaps.append(clock.restart()))

    def pump(until) -> None:
        while not until():
            app.processEvents()
            time.sleep(0.001)

    settle = time.monotonic() + 3.0
    pump(lambda: time.monotonic() > settle)
    clock.start()
    timer.start()
    window.ocr.start_all()
    started = time.monotonic()
    pump(lambda: not window.ocr.busy)
    busy = max(gaps[1:] or [0.0])
    seconds = min(time.monotonic() - started, 20.0)
    gaps.clear()
    clock.restart()
    idle_until = time.monotonic() + seconds
    pump(lambda: time.monotonic() > idle_until)
    idle = max(gaps[1:] or [0.0])
    timer.stop()
    window.close()
    window.deleteLater()
    app.processEvents()
    shutil.rmtree(root, ignore_errors=True)
    return busy, idle


def rows(quick: bool = False) -> list[Row]:
    from vlnl_desktop.core.ocr import tesseract

    if tesseract.program() is None:
        return [Row("OCR of scans", "pages/s", [0.0], note="skipped: Tesseract is not installed")]
    tmp = Path(tempfile.mkdtemp(prefix="bench-ocr-"))
    try:
        return _rows(tmp, quick)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _rows(tmp: Path, quick: bool) -> list[Row]:
    if quick:  # one small page read in this process: that it runs, not what it measures
        import pymupdf

        from vlnl_desktop.core.ocr.page_job import ocr_page

        path, texts = _quick_scan(tmp)
        with pymupdf.open(path) as doc:
            start = time.perf_counter()
            page = ocr_page(doc, 0, "nld+eng")
            seconds = time.perf_counter() - start
        return [Row("OCR of one small scanned page (quick)", "pages/s", [1 / seconds],
                    note=f"recall {100 * word_recall(texts[0], page.text):.0f} %")]  # fmt: skip
    pages = 2
    scans = make_scans(tmp, pages)
    files = [p for dpi in scans for p, _t in scans[dpi]]
    total = len(files) * pages
    template = _archive(tmp, files)
    peer = has_ocrmypdf()
    out = tmp / "ocrmypdf"
    out.mkdir()
    roots: list[Path] = []

    def run_ours() -> float:
        seconds, root = ours(template)
        roots.append(root)
        return seconds

    def run_ours_nld() -> float:
        seconds, root = ours(template, languages="nld")
        shutil.rmtree(root.parent, ignore_errors=True)
        return seconds

    sides = {"ours": run_ours, "ours, nld only": run_ours_nld}
    if peer:
        sides["ocrmypdf"] = lambda: ocrmypdf(files, out)
    times = interleave(sides, 3)
    texts = our_texts(roots[-1])
    result = [
        Row(
            f"OCR {total} scanned A4 pages, both cores (Tesseract, nld+eng)",
            "pages/s",
            [total / s for s in times["ours"]],
            [total / s for s in times.get("ocrmypdf", [])],
            "ocrmypdf --skip-text -l nld" if peer else "",
            min_ratio=1.0 if peer else None,
            note="" if peer else "ocrmypdf is not installed (bench/install_peers.sh)",
        ),
        Row(
            f"OCR {total} scanned A4 pages, both cores, the peer's languages (nld)",
            "pages/s",
            [total / s for s in times["ours, nld only"]],
            [total / s for s in times.get("ocrmypdf", [])],
            "ocrmypdf --skip-text -l nld" if peer else "",
            min_ratio=1.0 if peer else None,
        ),
    ]
    theirs = ocrmypdf_texts(out, files) if peer else {}
    for dpi, goal in ((300, 97.0), (200, 93.0)):
        result.append(
            Row(
                f"word recall, Dutch scans at {dpi} dpi (plain, skewed, noisy, turned)",
                "%",
                [recall(scans[dpi], texts)],
                [recall(scans[dpi], theirs)] if peer else [],
                "ocrmypdf's text" if peer else "",
                min_value=goal,
            )
        )
    busy, idle = window_stall(template)
    result.append(
        Row("longest stall of the window while OCR runs", "ms", [busy], [idle],
            "the window idle, after", max_value=100.0)
    )  # fmt: skip
    for root in roots:
        shutil.rmtree(root.parent, ignore_errors=True)
    return result


def _quick_scan(tmp: Path):
    scan = make_scan(tmp / "scan-quick.pdf", [dutch_text(7, 30)], 150, size=A6)
    return scan.path, scan.texts


if __name__ == "__main__":
    from common import format_table

    print(format_table(rows(quick="--quick" in sys.argv)))
