"""Resident memory of the viewer scrolling a 1,000-page PDF top to bottom, twice, then at 800 %.

A ``PdfViewer`` sized like a real window (1000×800, offscreen Qt) opens the generated long PDF; its
vertical scroll bar is moved down one screen at a time and at each step we wait (bounded) until every
page in view is painted from its rendered image, as a reader paging through would. Pass 1 goes from the
top to the bottom, then back to the top and pass 2 goes down again. Then the view zooms to 800 % on a
dense page and goes across it, screen by screen, left to right and top to bottom (tiles).

The figure is the peak resident set size (VmHWM from /proc/self/status, reset at the start of each pass
via /proc/self/clear_refs; where that is not possible, the highest VmRSS sampled after each step). The
viewer's pages are drawn in a sandbox child (forked from a fork server): the highest sum over this
process and all its descendants, sampled after each step, is shown too, as PSS (a page shared by the
fork server and its child counted once). Goal:
under 300 MB, and flat: pass 2 peaks no higher than pass 1 × 1.1 (the cache is bounded, nothing else
grows). The measurement runs in a child process of its own so other benchmarks don't pollute it.

    python bench/bench_viewer_memory.py [--quick]          # the table
    python bench/bench_viewer_memory.py --child PAGES ...  # the measurement itself, JSON on stdout
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

from common import BENCH_DIR, Row
from corpus import make_long_pdf

WINDOW = (1000, 800)
STEP_TIMEOUT = 5.0
MB = 1024 * 1024


def _status(field: str) -> int:
    """A /proc/self/status field in bytes (0 if absent)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) * 1024
    return 0


def _reset_peak() -> bool:
    """Reset VmHWM to the current RSS; False if the kernel does not allow it."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        return False
    return True


def _pss(pid: int) -> int:
    """The proportional set size of ``pid`` in bytes: its resident pages, each shared one divided
    among the processes that share it (0 if it is gone)."""
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1]) * 1024
    except (OSError, ValueError):
        pass
    return 0


def _tree_pss() -> int:
    """The memory of this process and all its descendants together (the fork server and the
    render child share most of PyMuPDF's pages: PSS counts them once, RSS would count them twice)."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            children.setdefault(int(fields[1]), []).append(int(entry.name))
        except (OSError, ValueError, IndexError):
            continue
    total, todo = 0, [os.getpid()]
    while todo:
        pid = todo.pop()
        total += _pss(pid)
        todo += children.get(pid, [])
    return total


class Peak:
    """The peak RSS over a stretch of work: VmHWM if it can be reset, else the highest sample; and
    the highest sum over this process and its descendants (the render sandbox)."""

    def __init__(self) -> None:
        self.hwm = _reset_peak()
        self.sampled = _status("VmRSS")
        self.tree = _tree_pss()

    def sample(self) -> None:
        self.sampled = max(self.sampled, _status("VmRSS"))
        self.tree = max(self.tree, _tree_pss())

    @property
    def bytes(self) -> int:
        self.sample()
        return max(self.sampled, _status("VmHWM")) if self.hwm else self.sampled


def _visible_shown(view) -> bool:
    """Whether every page in view is painted from a rendered image of its current size."""
    visible = view._visible_rect()
    dpr = view.devicePixelRatioF()
    for page, rect in enumerate(view._page_rects):
        if rect.top() > visible.bottom():
            break
        keys = view._keys_for(page, visible, dpr) if rect.intersects(visible) else []
        if not all(key in view._cache for key in keys):
            return False
    return True


def _wait(app, condition, timeout: float = STEP_TIMEOUT) -> bool:
    from PySide6.QtCore import QEventLoop, QTimer

    wake = QTimer()
    wake.start(20)
    deadline = time.perf_counter() + timeout
    try:
        while not condition():
            if time.perf_counter() > deadline:
                return False
            app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
    finally:
        wake.stop()
    return True


def _step(app, view, peak: Peak, late: list[int]) -> None:
    if not _wait(app, lambda: _visible_shown(view)):
        late.append(view.current_page)
    view.viewport().repaint()
    peak.sample()


def _scroll_down(app, view, bar, peak: Peak, late: list[int], max_steps: int) -> int:
    steps = 0
    bar.setValue(0)
    while True:
        _step(app, view, peak, late)
        steps += 1
        if bar.value() >= bar.maximum() or steps >= max_steps:
            return steps
        bar.setValue(bar.value() + bar.pageStep())


def child(pages: int, zoom_steps: int, max_steps: int) -> dict:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from vlnl_desktop.ui.viewer.viewer import PdfViewer

    path = make_long_pdf(pages)
    app = QApplication.instance() or QApplication(["bench"])
    start_rss = _status("VmRSS")
    viewer = PdfViewer()
    viewer.resize(*WINDOW)
    viewer.show()
    view = viewer.view
    opened = []
    viewer.document_opened.connect(lambda *args: opened.append(args))
    viewer.open_file(path)
    if not _wait(app, lambda: bool(opened), 30):
        raise RuntimeError(f"the viewer did not open {path}")
    bar = view.verticalScrollBar()
    result: dict = {"pages": view.page_count, "start_mb": start_rss / MB}
    for n in (1, 2):
        peak = Peak()
        late: list[int] = []
        begin = time.perf_counter()
        steps = _scroll_down(app, view, bar, peak, late, max_steps)
        result[f"pass{n}_mb"] = peak.bytes / MB
        result[f"pass{n}_all_mb"] = peak.tree / MB
        result[f"pass{n}_steps"] = steps
        result[f"pass{n}_seconds"] = time.perf_counter() - begin
        result[f"pass{n}_late"] = len(late)
        result[f"pass{n}_end_mb"] = _status("VmRSS") / MB
    result["cache_mb"] = view._cache.used_bytes / MB
    result["cache_budget_mb"] = view._cache.budget / MB

    # 800 % on a dense page in the middle, then across it screen by screen.
    page = view.page_count // 2
    view.go_to_page(page, record=False)
    _step(app, view, Peak(), [])
    peak = Peak()
    late = []
    view.set_zoom(8.0)
    view.go_to_page(page, record=False)
    hbar = view.horizontalScrollBar()
    rect = view._page_rects[page]
    top, bottom = rect.top(), rect.bottom()
    y = top
    steps = 0
    while y < bottom and steps < zoom_steps:
        bar.setValue(round(y))
        x = hbar.minimum()
        while steps < zoom_steps:
            hbar.setValue(x)
            _step(app, view, peak, late)
            steps += 1
            if x >= hbar.maximum():
                break
            x = min(x + hbar.pageStep(), hbar.maximum())
        y += bar.pageStep()
    result["zoom_mb"] = peak.bytes / MB
    result["zoom_all_mb"] = peak.tree / MB
    result["zoom_steps"] = steps
    result["zoom_late"] = len(late)
    viewer.close()
    app.processEvents()
    return result


def measure(quick: bool) -> dict:
    pages, zoom_steps, max_steps = (20, 6, 8) if quick else (1000, 400, 100_000)
    make_long_pdf(pages)  # made here, not timed in the child
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", str(pages), str(zoom_steps)]
    cmd.append(str(max_steps))
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    done = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=BENCH_DIR, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"the memory child failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def rows(quick: bool = False) -> list[Row]:
    r = measure(quick)
    print(f"viewer memory: {json.dumps(r)}", file=sys.stderr)
    n = r["pages"]
    note = f"cache {r['cache_mb']:.0f}/{r['cache_budget_mb']:.0f} MB after pass 2"
    out = [
        Row(
            what=f"RSS peak scrolling {n} pages, pass {k} ({r[f'pass{k}_steps']} screens, "
            f"{r[f'pass{k}_seconds']:.0f} s)",
            unit="MB",
            ours=[r[f"pass{k}_mb"]],
            max_value=300,
            note=note,
        )
        for k in (1, 2)
    ]
    out += [
        Row(
            what=f"memory peak scrolling {n} pages, pass {k}: all its processes (PSS)",
            unit="MB",
            ours=[r[f"pass{k}_all_mb"]],
            max_value=300,
            note="the viewer, the fork server, the render child",
        )
        for k in (1, 2)
    ]
    out.append(
        Row(
            what="RSS growth: pass 2 peak / pass 1 peak",
            unit="MB",
            ours=[r["pass2_mb"]],
            limit=[r["pass1_mb"]],
            limit_name="pass 1 peak",
            max_ratio=1.1,
        )
    )
    out.append(
        Row(
            what=f"RSS peak at 800 % across a dense page ({r['zoom_steps']} screens)",
            unit="MB",
            ours=[r["zoom_mb"]],
            max_value=300,
        )
    )
    out.append(
        Row(
            what="memory peak at 800 % across a dense page: all its processes (PSS)",
            unit="MB",
            ours=[r["zoom_all_mb"]],
            max_value=300,
        )
    )
    return out


if __name__ == "__main__":
    if "--child" in sys.argv:
        at = sys.argv.index("--child")
        args = [int(a) for a in sys.argv[at + 1 : at + 4]]
        print(json.dumps(child(*args)))
    else:
        from common import format_table

        print(format_table(rows(quick="--quick" in sys.argv)))
