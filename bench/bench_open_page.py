"""Open a document at page N and show it, vs raw ``pymupdf.open(path)[N].get_pixmap`` in the same run.

Ours is the whole path a user waits for: a ``PdfViewer`` sized like a real window (1000×800, offscreen
Qt) is asked to ``open_file(path, page=N)``; the clock stops once the view's image cache holds page N at
the size the view shows it (the key the view paints from) and the viewport has been painted with it.
That includes checking and opening the file in the renderer thread, reading every page's size and the
outline, laying out the pages, the thumbnail list, and rendering page N at fit-width zoom.

The limit is the least any viewer can do: open the file and render that one page at the same zoom (and
device pixel ratio) with PyMuPDF. ``mutool draw`` of the same page at the same resolution (a new process,
writing a PNG) is shown as a peer, for information only.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from common import BENCH_DIR, Row
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
            out.append(
                Row(
                    what=label,
                    unit="ms",
                    ours=[t * 1000 for t in ours],
                    limit=[t * 1000 for t in raw],
                    limit_name="raw open + get_pixmap",
                    max_ratio=1.5,
                    note=f"zoom {zoom:.3f} px/pt",
                )
            )
            if available("mutool") and not quick:
                peer = [mutool_draw_seconds(path, page_number, zoom) * 1000 for _ in range(times)]
                out.append(
                    Row(
                        what=f"{label}: vs mutool draw",
                        unit="ms",
                        ours=out[-1].ours,
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
