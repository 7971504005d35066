"""The archive session as the window uses it: one read of the timeline for both views, fresh data
after a change, and a failed rebuild that says why on the problem page."""

from __future__ import annotations

from vlnl_desktop.core.errors import VlnlError


def test_the_timeline_and_the_table_show_the_sessions_data(main_window):
    session = main_window.session
    timeline = main_window.view_tabs.ensure_timeline()
    matrix = main_window.view_tabs.ensure_matrix()
    data = session.timeline_data()
    assert timeline.data is data
    assert any(mark.record_id == "top-2011" for mark in data.marks)
    assert matrix.data is data  # read once for both
    main_window.load_archive()  # the archive changed: read again, shown again
    assert session.timeline_data() is not data
    assert timeline.data is session.timeline_data()
    assert matrix.data is session.timeline_data()


def test_a_failed_rebuild_says_why_on_the_problem_page(qtbot, main_window, monkeypatch):
    def refuse(*_args, **_kwargs):
        raise VlnlError("de gebundelde records zijn ongeldig")

    monkeypatch.setattr("vlnl_desktop.core.archive.lifecycle.rebuild", refuse)
    with qtbot.waitSignal(main_window.session.rebuild_failed, timeout=30000):
        assert main_window.rebuild_archive()
        assert not main_window.rebuild_archive()  # one rebuild at a time
    problem = main_window.archive_view.problem
    assert main_window.stack.currentWidget() is problem
    assert main_window.stack.isEnabled()
    assert problem.message.text() == (
        "Opnieuw opbouwen mislukt: de gebundelde records zijn ongeldig"
    )
    assert not main_window.menus.copy_action.isEnabled()
    assert main_window.menus.rebuild_action.isEnabled()
