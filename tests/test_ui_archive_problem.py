"""A missing or damaged archive.db: a clear message in the window, and a rebuild that fixes it."""

from __future__ import annotations

import os
import subprocess
import sys

from vlnl_desktop.ui.main_window import MainWindow


def _open(qtbot, workspace, settings):
    window = MainWindow(workspace, settings)
    qtbot.addWidget(window)
    window.show()
    return window


def test_damaged_archive_shows_the_message_and_rebuilding_fixes_it(
    qtbot,
    workspace,
    settings,
):
    workspace.db_path.write_bytes(b"this is not a database" * 100)
    window = _open(qtbot, workspace, settings)
    assert window.stack.currentWidget() is window.archive_view.problem
    assert window.archive_view.problem.isVisible()
    assert "kan niet worden geopend" in window.archive_view.problem.title.text()
    assert (
        "damaged" in window.archive_view.problem.message.text()
        or "not" in window.archive_view.problem.message.text()
    )
    assert window.archive_view.problem.rebuild_button.isVisible()

    with qtbot.waitSignal(window.session.rebuilt, timeout=60000):
        window.archive_view.problem.rebuild_button.click()
    assert window.stack.currentWidget() is window.splitter
    assert window.tree_model.rowCount() == 9  # the sections, Personen and Mijn notities among them
    moved = list(workspace.root.glob("archive.db.damaged-*"))
    assert len(moved) == 1 and moved[0].read_bytes().startswith(b"this is not a database")
    assert "opnieuw opgebouwd" in window.statusBar().currentMessage()
    window.select_record("top-2011")
    assert "Hingene" in window.detail.plain_text()


def test_missing_archive_shows_the_message_and_rebuilding_fixes_it(
    qtbot,
    workspace,
    settings,
):
    workspace.db_path.unlink()
    window = _open(qtbot, workspace, settings)
    assert window.stack.currentWidget() is window.archive_view.problem
    assert "missing" in window.archive_view.problem.message.text()
    with qtbot.waitSignal(window.session.rebuilt, timeout=60000):
        window.archive_view.problem.rebuild_button.click()
    assert window.stack.currentWidget() is window.splitter
    assert workspace.db_path.is_file()
    assert not list(workspace.root.glob("archive.db.damaged-*"))


def _run_app(tmp_path, archive, *extra_env):
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        VLNL_BENCH_STARTUP="1",
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        HOME=str(tmp_path / "home"),
    )
    code = f"from vlnl_desktop.ui.app import run; raise SystemExit(run({str(archive)!r}, 'nl'))"
    return subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60
    )


def test_app_starts_on_a_damaged_archive_without_a_traceback(tmp_path, workspace):
    workspace.db_path.write_bytes(b"\x00garbage" * 500)
    result = _run_app(tmp_path, workspace.root)
    assert result.returncode == 0
    assert "BENCH_FIRST_EXPOSE" in result.stdout
    assert "Traceback" not in result.stderr


def test_app_starts_on_a_good_archive(tmp_path, workspace):
    result = _run_app(tmp_path, workspace.root)
    assert result.returncode == 0, result.stderr
    assert "BENCH_FIRST_EXPOSE" in result.stdout


def test_an_error_on_a_stored_value_of_the_wrong_type_offers_the_rebuild(
    qtbot, workspace, settings
):
    """A damaged byte can turn a stored text into bytes; the code that meets it fails with a
    TypeError: the window says the archive is damaged (with the rebuild), not "Er ging iets mis"."""
    import sqlite3

    from vlnl_desktop.ui.app import _excepthook

    window = _open(qtbot, workspace, settings)
    conn = sqlite3.connect(workspace.db_path)
    conn.execute("UPDATE records SET title = CAST(title AS BLOB) WHERE id = 'top-2016'")
    conn.commit()
    conn.close()
    error = TypeError("a bytes-like object is required, not 'str'")
    _excepthook([window])(TypeError, error, None)
    assert window.stack.currentWidget() is window.archive_view.problem
    assert "records.title" in window.archive_view.problem.message.text()
    assert window.archive_view.problem.rebuild_button.isVisible()
