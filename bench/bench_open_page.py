"""Open a document at page N and show it, vs raw ``pymupdf.open(path)[N].get_pixmap`` in the same run.

Ours is the whole path a user waits for: a ``PdfViewer`` sized like a real window (1000×800, offscreen
Qt) is asked to ``open_file(path, page=N)``; the clock stops once the view's image cache holds page N at
the size the view shows it (the key the view paints from) and the viewport has been painted with it.
That includes checking and opening the file in the renderer thread, reading every page's size and the
outline, laying out the pages, the thumbnail list, and rendering page N at fit-width zoom.

The limit is the least any viewer can do: open the file and render that one page at the same zoom (and
device pixel ratio) with PyMuPDF. ``mutool draw`` of the same page at the same resolution (a new process,
writing a PNG) is shown as a peer, for information only.

Page turns: with the document shown at page N, the view goes to page N + 1 (its neighbour, rendered
ahead while the viewer was idle) or N + 10 (not rendered yet); the clock stops once that page is
painted from its rendered image. The limit is rendering that page with PyMuPDF in an open document.

The first open in a fresh process (what ``vlnl-desktop open FILE`` waits for once the window is up;
the fork server of the render sandbox is started, as that command does, before the window is built,
and loads PyMuPDF meanwhile) is held against a fresh process that imports PyMuPDF, opens the file
and renders the page.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from common import BENCH_DIR, CACHE_DIR, Row
from corpus import make_long_pdf
from peers import available, mutool_draw_seconds

GEOTOPO = (
    BENCH_DIR.parent
    / "tests"
    / "data"
    / "pdf-samples"
    / "009-pdflatex-geotopo"
    / "GeoTopo-komprimiert.pdf"
)
WINDOW = (1000, 800)
TIMEOUT = 30.0


def application():
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    return QApplication.instance() or QApplication(["bench"])


def _page_shown(view, page: int) -> bool:
    """Whether the cache holds every image the view paints ``page`` from at its current size."""
    if view.page_count <= page:
        return False
    keys = view._keys_for(page, view._visible_rect(), view.devicePixelRatioF())
    return bool(keys) and all(key in view._cache for key in keys)


def wait_until(app, condition, timeout: float = TIMEOUT) -> None:
    """Process events (sleeping until the next one arrives) until ``condition()`` holds."""
    from PySide6.QtCore import QEventLoop, QTimer

    wake = QTimer()  # a bounded wait even if no event comes
    wake.start(20)
    deadline = time.perf_counter() + timeout
    try:
        while not condition():
            if time.perf_counter() > deadline:
                raise TimeoutError("the viewer did not show the page in time")
            app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
    finally:
        wake.stop()


def settle(app, seconds: float) -> None:
    """Let the viewer finish what it does after showing a page (neighbours, links, thumbnails), so
    each run opens from an idle viewer, as a user does."""
    from PySide6.QtCore import QEventLoop

    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        time.sleep(0.005)


def open_and_show(app, viewer, path: Path, page: int) -> float:
    """Seconds from ``open_file(path, page)`` until page ``page`` is painted from its rendered image."""
    view = viewer.view
    start = time.perf_counter()
    viewer.open_file(path, page=page)
    wait_until(app, lambda: viewer.path is not None and _page_shown(view, page))
    view.viewport().repaint()  # the paint the user sees, done now rather than on the next event
    return time.perf_counter() - start


def shown_zoom(viewer, page: int) -> float:
    """Device pixels per point the view renders ``page`` at (zoom × device pixel ratio)."""
    view = viewer.view
    key = view._keys_for(page, view._visible_rect(), view.devicePixelRatioF())[0]
    width, _height = view.page_sizes()[page]
    return key.width / width


def raw_render(path: Path, page: int, zoom: float) -> float:
    import pymupdf

    start = time.perf_counter()
    with pymupdf.open(path) as doc:
        doc[page].get_pixmap(matrix=pymupdf.Matrix(zoom, zoom), alpha=False)
    return time.perf_counter() - start


_FIRST_OPEN = """
import sys, time
sys.path.insert(0, sys.argv[1])
from bench_open_page import application, open_and_show, raw_render

def main():
    path, page, zoom = sys.argv[2], int(sys.argv[3]), float(sys.argv[4])
    if sys.argv[5] == "raw":
        start = time.perf_counter()
        import pymupdf  # noqa: F401 - its import is part of what is measured
        raw_render(path, page, zoom)
        print(time.perf_counter() - start)
        return
    from vlnl_desktop.core.pdf.sandbox import start_fork_server

    start_fork_server()  # as ``vlnl-desktop open`` does, before the window is built
    from vlnl_desktop.ui.viewer.viewer import PdfViewer

    app = application()
    viewer = PdfViewer()
    viewer.resize(1000, 800)
    viewer.show()
    app.processEvents()
    print(open_and_show(app, viewer, path, page))
    viewer.close()

if __name__ == "__main__":
    main()
"""


def first_open(path: Path, page: int, zoom: float, side: str) -> float:
    """Seconds of a first open in a fresh process: ours ("viewer") or raw ("raw")."""
    script = CACHE_DIR / "first_open.py"
    CACHE_DIR.mkdir(exist_ok=True)
    script.write_text(_FIRST_OPEN)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    args = [sys.executable, str(script), str(BENCH_DIR), str(path), str(page), str(zoom), side]
    done = subprocess.run(args, capture_output=True, text=True, env=env, check=True)
    return float(done.stdout.strip().splitlines()[-1])


def turn_and_show(app, viewer, page: int) -> float:
    """Seconds from ``go_to_page(page)`` until ``page`` is painted from its rendered image."""
    view = viewer.view
    start = time.perf_counter()
    view.go_to_page(page, record=False)
    wait_until(app, lambda: _page_shown(view, page))
    view.viewport().repaint()
    return time.perf_counter() - start


def raw_page_render(doc, page: int, zoom: float) -> float:
    import pymupdf

    start = time.perf_counter()
    doc[page].get_pixmap(matrix=pymupdf.Matrix(zoom, zoom), alpha=False)
    return time.perf_counter() - start


def measure_turns(
    app, viewer, path: Path, page: int, step: int, times: int, pause: float
) -> tuple[list[float], list[float]]:
    """(ours, raw): ``times`` turns from page ``page`` by ``step`` pages, alternating with the raw
    render of the same page, each from a freshly opened document settled at ``page``."""
    import pymupdf

    zoom = shown_zoom(viewer, page)
    ours, raw = [], []
    with pymupdf.open(path) as doc:
        for _ in range(times):
            open_and_show(app, viewer, path, page)
            settle(app, pause)
            ours.append(turn_and_show(app, viewer, page + step))
            settle(app, pause)
            raw.append(raw_page_render(doc, page + step, zoom))
    return ours, raw


def measure(
    app, viewer, path: Path, page: int, times: int, pause: float
) -> tuple[list[float], list[float], float]:
    """(ours, raw, zoom): ``times`` runs of each, alternating, after one warm-up of each."""
    open_and_show(app, viewer, path, page)  # warm: imports, fonts, the file in the page cache
    zoom = shown_zoom(viewer, page)
    raw_render(path, page, zoom)
    ours, raw = [], []
    for _ in range(times):
        settle(app, pause)
        ours.append(open_and_show(app, viewer, path, page))
        settle(app, pause)  # the viewer's background work must not slow the raw render down
        raw.append(raw_render(path, page, zoom))
    return ours, raw, zoom


def rows(quick: bool = False) -> list[Row]:
    from vlnl_desktop.ui.viewer.viewer import PdfViewer

    app = application()
    if quick:
        cases = [(make_long_pdf(20), 10)]
        times, pause = 1, 0.05
    else:
        cases = [(make_long_pdf(1000), 500), (GEOTOPO, 60)]
        times, pause = 7, 0.5
    viewer = PdfViewer()
    viewer.resize(*WINDOW)
    viewer.show()
    out = []
    try:
        for path, page_number in cases:
            page = page_number - 1
            import pymupdf

            with pymupdf.open(path) as doc:
                count = doc.page_count
            ours, raw, zoom = measure(app, viewer, path, page, times, pause)
            label = f"open {path.name} ({count} p.) at page {page_number}, show it"
            opening = Row(
                what=label,
                unit="ms",
                ours=[t * 1000 for t in ours],
                limit=[t * 1000 for t in raw],
                limit_name="raw open + get_pixmap",
                max_ratio=1.5,
                note=f"zoom {zoom:.3f} px/pt",
            )
            out.append(opening)
            firsts: dict[str, list[float]] = {"viewer": [], "raw": []}
            for _ in range(max(1, times // 2)):
                for side in firsts:
                    firsts[side].append(first_open(path, page, zoom, side) * 1000)
            out.append(
                Row(
                    what=f"{label}: the first open in a fresh process",
                    unit="ms",
                    ours=firsts["viewer"],
                    limit=firsts["raw"],
                    limit_name="fresh process: import pymupdf, open, get_pixmap",
                )
            )
            for step in (1, 10):
                ours_turn, raw_turn = measure_turns(app, viewer, path, page, step, times, pause)
                out.append(
                    Row(
                        what=f"{path.name}: from page {page_number} to {page_number + step}, show it",
                        unit="ms",
                        ours=[t * 1000 for t in ours_turn],
                        limit=[t * 1000 for t in raw_turn],
                        limit_name="raw get_pixmap, document open",
                        note="page turn",
                    )
                )
            if available("mutool") and not quick:
                peer = [mutool_draw_seconds(path, page_number, zoom) * 1000 for _ in range(times)]
                out.append(
                    Row(
                        what=f"{label}: vs mutool draw",
                        unit="ms",
                        ours=opening.ours,
                        limit=peer,
                        limit_name="mutool draw",
                    )
                )
    finally:
        viewer.close()
        viewer.deleteLater()
        app.processEvents()
    return out


if __name__ == "__main__":
    import sys

    from common import format_table

    print(format_table(rows(quick="--quick" in sys.argv)))
