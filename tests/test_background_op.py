"""The background-operation worker: jobs run off the GUI thread, in order, and report by job id."""

from __future__ import annotations

import logging
import threading

from vlnl_desktop.core.errors import VlnlError
from vlnl_desktop.workers.background_op import BackgroundOp


def test_jobs_run_off_the_gui_thread_in_order_and_report_their_ids(qtbot):
    op = BackgroundOp()
    ran: list[tuple[str, threading.Thread]] = []
    done: list[tuple[int, object]] = []
    op.done.connect(lambda job, result: done.append((job, result)))

    def job(name):
        def work():
            ran.append((name, threading.current_thread()))
            return name.upper()

        return work

    with qtbot.waitSignal(op.busy_changed) as went_busy:
        first = op.run(job("een"))
    assert went_busy.args == [True]
    second = op.run(job("twee"))
    assert first != second
    with qtbot.waitSignal(op.busy_changed, timeout=10000) as went_idle:
        pass
    assert went_idle.args == [False]
    assert done == [(first, "EEN"), (second, "TWEE")]
    assert [name for name, _ in ran] == ["een", "twee"]
    assert all(thread is not threading.main_thread() for _, thread in ran)
    assert not op.busy
    op.shutdown()


def test_a_vlnl_error_fails_with_its_own_line(qtbot):
    op = BackgroundOp()
    answers = []

    def work():
        raise VlnlError("het archief is bezig")

    with qtbot.waitSignal(op.failed, timeout=10000) as failed:
        job = op.run(work, on_failed=answers.append)
    assert failed.args == [job, "het archief is bezig"]
    assert answers == ["het archief is bezig"]
    op.shutdown()


def test_anything_else_fails_with_a_short_message_and_is_logged(qtbot, caplog):
    op = BackgroundOp()

    def work():
        return {}["sleutel"]

    with (
        caplog.at_level(logging.ERROR, logger="vlnl_desktop.workers.background_op"),
        qtbot.waitSignal(op.failed, timeout=10000) as failed,
    ):
        job = op.run(work)
    assert failed.args[0] == job
    assert failed.args[1] == "KeyError: 'sleutel'"
    assert "Traceback" not in failed.args[1]
    assert any(record.exc_info for record in caplog.records)  # the details are in the log
    op.shutdown()


def test_the_callbacks_of_each_job_get_its_own_result(qtbot):
    op = BackgroundOp()
    got = []
    op.run(lambda: 1, on_done=lambda r: got.append(("a", r)))
    with qtbot.waitSignal(op.done, timeout=10000):
        op.run(lambda: 2, on_done=lambda r: got.append(("b", r)))
    qtbot.waitUntil(lambda: len(got) == 2)
    assert got == [("a", 1), ("b", 2)]
    op.shutdown()
