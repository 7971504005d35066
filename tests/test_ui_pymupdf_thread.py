"""PyMuPDF never runs on the GUI thread: not while the window rebuilds the archive, nor while it
exports a dossier (DESIGN.md: exactly one thread owns each Document, never the GUI thread).

Two watchers: a profile hook on the GUI thread notes every Python call into the pymupdf package
made there, and wrapped constructors (``Document``, ``Story``, ``DocumentWriter``) note the thread of
every document made anywhere, so the test also sees that PyMuPDF did run (elsewhere).
"""

from __future__ import annotations

import shutil
import sys
import threading
from contextlib import contextmanager
from pathlib import Path

import pymupdf
import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QFileDialog, QMessageBox

from samples import SMALL as SAMPLE_PDF

PYMUPDF_DIR = str(Path(pymupdf.__file__).parent)


class PymupdfCalls:
    """What the watchers saw: pymupdf functions called on the GUI thread, and the threads that
    made PyMuPDF objects."""

    def __init__(self) -> None:
        self.on_gui_thread: list[str] = []
        self.made_in: list[tuple[str, threading.Thread]] = []


@contextmanager
def watch_pymupdf(monkeypatch):
    calls = PymupdfCalls()

    def profile(frame, event, _arg):
        if event == "call" and frame.f_code.co_filename.startswith(PYMUPDF_DIR):
            calls.on_gui_thread.append(f"{frame.f_code.co_name} ({frame.f_code.co_filename})")

    for cls in (pymupdf.Document, pymupdf.Story, pymupdf.DocumentWriter):
        original = cls.__init__

        def init(self, *args, _original=original, _name=cls.__name__, **kwargs):
            calls.made_in.append((_name, threading.current_thread()))
            return _original(self, *args, **kwargs)

        monkeypatch.setattr(cls, "__init__", init)
    assert threading.current_thread() is threading.main_thread()
    previous = sys.getprofile()
    sys.setprofile(profile)  # this (the GUI) thread only
    try:
        yield calls
    finally:
        sys.setprofile(previous)


def assert_only_off_the_gui_thread(calls: PymupdfCalls) -> None:
    assert calls.made_in, "PyMuPDF was not used at all: the test proves nothing"
    on_main = [name for name, thread in calls.made_in if thread is threading.main_thread()]
    assert on_main == [], f"PyMuPDF objects made on the GUI thread: {on_main[:5]}"
    assert calls.on_gui_thread == [], f"pymupdf called on the GUI thread: {calls.on_gui_thread[:5]}"


def test_the_watchers_see_a_call_on_the_gui_thread(monkeypatch):
    """The check can fail: PyMuPDF used right here is caught by both watchers."""
    with watch_pymupdf(monkeypatch) as calls:
        pymupdf.open(SAMPLE_PDF).close()
    assert calls.made_in and calls.made_in[0][1] is threading.main_thread()
    assert calls.on_gui_thread
    with pytest.raises(AssertionError):
        assert_only_off_the_gui_thread(calls)


def test_rebuilding_a_damaged_archive_keeps_pymupdf_off_the_gui_thread(
    qtbot, main_window, workspace, monkeypatch
):
    # a damaged archive whose documents folder holds a file of the user's: the rebuild renders the
    # record sheets and imports that file again, both with PyMuPDF
    import hashlib

    data = SAMPLE_PDF.read_bytes()
    workspace.documents_dir.mkdir(exist_ok=True)
    shutil.copy(SAMPLE_PDF, workspace.document_path(hashlib.sha256(data).hexdigest()))
    workspace.db_path.write_bytes(b"this is not a database" * 100)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    ticks_while_busy = []

    def tick() -> None:  # the GUI thread keeps handling events while the rebuild runs
        if main_window.session.rebuilding:
            ticks_while_busy.append(main_window.statusBar().busy_bar.isVisible())

    timer = QTimer()
    timer.timeout.connect(tick)
    timer.start(5)
    with (
        watch_pymupdf(monkeypatch) as calls,
        qtbot.waitSignal(main_window.session.rebuilt, timeout=120000) as rebuilt,
    ):
        main_window.menus.rebuild_action.trigger()
        returned_at_once = main_window.session.rebuilding  # before the work ended
    timer.stop()
    assert_only_off_the_gui_thread(calls)
    assert returned_at_once
    assert ticks_while_busy and all(ticks_while_busy)  # responsive, and showing it is busy
    assert rebuilt.args[0] is not None  # the damaged file was moved aside
    assert main_window.stack.currentWidget() is main_window.splitter
    assert "opnieuw opgebouwd" in main_window.statusBar().currentMessage()
    assert not main_window.statusBar().busy_bar.isVisible()


def test_exporting_a_dossier_keeps_pymupdf_off_the_gui_thread(
    qtbot, main_window, monkeypatch, tmp_path
):
    target = tmp_path / "dossier.pdf"
    messages = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: messages.append(a[2]))
    main_window.select_record("top-2016")
    with watch_pymupdf(monkeypatch) as calls:
        assert main_window.export_dossier() == target
        returned_at_once = (
            main_window.statusBar().busy_bar.isVisible() and not messages
        )  # being written
        qtbot.waitUntil(lambda: bool(messages), timeout=60000)
    assert_only_off_the_gui_thread(calls)
    assert returned_at_once
    assert target.read_bytes().startswith(b"%PDF")
    assert str(target) in messages[0]
    assert not main_window.statusBar().busy_bar.isVisible()
