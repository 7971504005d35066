"""The viewer under attack: page trees that lie or loop show the "damaged" page; a decompression
bomb page is drawn in the render sandbox's child, so the window keeps turning while it is given up
(one line says so) and another document does not wait for it; find on a bomb runs in a sandboxed
child (its memory and time bounded there), can be cancelled, and still finds what the other pages
hold."""

from __future__ import annotations

import pytest

from hostile_corpus import make_hostile_files
from samples import GEOTOPO
from vlnl_desktop.core.pdf import sandbox
from vlnl_desktop.core.pdf.sandbox import Sandbox
from vlnl_desktop.workers.find_job import FindJob

TIMEOUT = 15000
DAMAGED = "Dit PDF-document is beschadigd en kan niet worden gelezen."


@pytest.fixture
def viewer(qtbot):
    from vlnl_desktop.ui.viewer.viewer import PdfViewer

    widget = PdfViewer()
    qtbot.addWidget(widget)
    widget.resize(800, 600)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


@pytest.mark.parametrize(
    "name", ["lying-count.pdf", "looping-tree.pdf", "one-page-100000-times.pdf"]
)
def test_a_page_tree_that_lies_or_loops_shows_the_damaged_page(qtbot, viewer, tmp_path, name):
    path = make_hostile_files(tmp_path, [name])[name]
    with qtbot.waitSignal(viewer.error, timeout=TIMEOUT) as blocker:
        viewer.open_file(path)
    assert blocker.args == [DAMAGED]
    assert viewer.page_count == 0


def run_find(job: FindJob) -> dict[int, int]:
    hits: dict[int, int] = {}
    while not job.done:
        job.search_slice(None, 0.5, lambda page, found: hits.__setitem__(page, len(found)))
    return hits


@pytest.mark.stress
def test_find_on_a_bomb_page_costs_a_child_its_memory_not_the_window(tmp_path, monkeypatch):
    monkeypatch.setattr(sandbox, "MEMORY_LIMIT", 400 << 20)
    bomb = make_hostile_files(tmp_path, ["flate-bomb.pdf"])["flate-bomb.pdf"]
    with Sandbox() as box:
        job = FindJob.wrapping_round(1, "AAAA", 0, 1, sandbox=box, source=(str(bomb), None))
        assert run_find(job) == {}  # the page was given up, the find finished
        good = FindJob.wrapping_round(
            2, "Topologie", 0, 117, sandbox=box, source=(str(GEOTOPO), None)
        )
        assert run_find(good)  # the next find in the same sandbox works


def test_a_find_is_cancelled_at_once_even_inside_a_page(tmp_path):
    laughs = make_hostile_files(tmp_path, ["xobject-laughs.pdf"])["xobject-laughs.pdf"]
    with Sandbox() as box:
        job = FindJob.wrapping_round(1, "Hostile", 0, 1, sandbox=box, source=(str(laughs), None))
        job.search_slice(None, 0.5, lambda *_: None)  # the child is now deep in the page
        assert not job.done and box.pending() == 1
        job.cancel()
        assert job.done and box.pending() == 0


class Ticks:
    """Counts the turns of the GUI thread's event loop: a timer that fires every 10 ms."""

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.count = 0
        self._timer = QTimer()
        self._timer.timeout.connect(self._tick)
        self._timer.start(10)

    def _tick(self) -> None:
        self.count += 1

    def stop(self) -> None:
        self._timer.stop()


def test_a_bomb_page_is_refused_while_the_window_keeps_turning(
    qtbot, viewer, tmp_path, monkeypatch
):
    from vlnl_desktop.workers import render_sandbox

    monkeypatch.setattr(render_sandbox, "RENDER_SECONDS", 1.5)
    laughs = make_hostile_files(tmp_path, ["xobject-laughs.pdf"])["xobject-laughs.pdf"]
    ticks = Ticks()
    viewer.open_file(laughs)
    qtbot.waitUntil(lambda: viewer.notice_label.text() != "", timeout=TIMEOUT)
    ticks.stop()
    # drawn in this process, the page held the GIL for 15 s and more: the loop did not turn
    assert ticks.count >= 20
    assert viewer.notice_label.text() == (
        "Pagina 1 vraagt te veel geheugen of tijd en wordt niet getoond."
    )
    assert viewer.page_count == 1 and viewer.message_text == ""  # the document stays open
    # the next document, in a fresh child with the usual budget (a real page may take more than
    # 1.5 s to draw on a loaded machine)
    monkeypatch.setattr(render_sandbox, "RENDER_SECONDS", 10.0)
    with qtbot.waitSignal(viewer.document_opened, timeout=TIMEOUT):
        viewer.open_file(GEOTOPO)
    qtbot.waitUntil(lambda: len(viewer._cache) > 0, timeout=TIMEOUT)
    assert viewer.notice_label.text() == ""


def test_another_document_does_not_wait_for_a_bomb_page(qtbot, viewer, tmp_path, monkeypatch):
    from vlnl_desktop.workers import render_sandbox

    monkeypatch.setattr(render_sandbox, "RENDER_SECONDS", 120.0)
    laughs = make_hostile_files(tmp_path, ["xobject-laughs.pdf"])["xobject-laughs.pdf"]
    viewer.open_file(laughs)
    qtbot.wait(300)  # the child is deep in the page by now
    with qtbot.waitSignal(viewer.document_opened, timeout=TIMEOUT) as blocker:
        viewer.open_file(GEOTOPO)
    assert blocker.args == [str(GEOTOPO), 117]


@pytest.mark.stress
def test_a_flate_bomb_page_costs_the_child_its_memory_not_the_window(qtbot, viewer, tmp_path):
    bomb = make_hostile_files(tmp_path, ["flate-bomb.pdf"])["flate-bomb.pdf"]
    ticks = Ticks()
    viewer.open_file(bomb)
    qtbot.waitUntil(lambda: viewer.notice_label.text() != "", timeout=60000)
    ticks.stop()
    assert ticks.count >= 20
    assert viewer.notice_label.text().startswith("Pagina 1 vraagt te veel geheugen")
