"""The launch as the user starts it (the installed command, no subcommand) goes to the window
without loading click or the other commands; everything else still goes through the full command
line."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from vlnl_desktop.cli.launch import plain_launch

SRC = Path(__file__).resolve().parents[1] / "src"

PROBE = """
import sys, types
fake = types.ModuleType("vlnl_desktop.ui.app")
def run(archive, lang, **opening):
    loaded = sorted(m for m in ("click", "sqlite_utils", "vlnl_desktop.cli.main",
                                "vlnl_desktop.cli.document_commands") if m in sys.modules)
    print("RUN", archive, lang, loaded)
    return 0
fake.run = run
sys.modules["vlnl_desktop.ui.app"] = fake
sys.argv = ["vlnl-desktop", *sys.argv[1:]]
from vlnl_desktop.cli import main
main()
"""


def _launch(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(SRC), "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-c", PROBE, *args], env=env, capture_output=True, text=True, timeout=60
    )


def test_a_plain_launch_loads_neither_click_nor_the_other_commands(tmp_path):
    result = _launch("--archive", str(tmp_path), "--lang", "en")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"RUN {tmp_path} en []"


def test_anything_else_goes_to_the_full_command_line(tmp_path):
    result = _launch("--lang", "fr")
    assert result.returncode == 2 and "Invalid value" in result.stderr
    result = _launch("--version")
    assert result.returncode == 0 and "vlnl-desktop" in result.stdout


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ([], (None, None)),
        (["--archive", "ws"], ("ws", None)),
        (["--archive=ws", "--lang=nl"], ("ws", "nl")),
        (["--lang", "de"], None),
        (["--archive"], None),
        (["search", "x"], None),
        (["-h"], None),
    ],
)
def test_what_counts_as_a_plain_launch(args, expected):
    assert plain_launch(args) == expected


def _probe(code: str, tmp_path, workspace, **extra_env) -> subprocess.CompletedProcess:
    """``code`` run in a fresh interpreter that opens the window on ``workspace``, offscreen."""
    env = {
        **os.environ,
        "PYTHONPATH": str(SRC),
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "HOME": str(tmp_path / "home"),
        **extra_env,
    }
    result = subprocess.run(
        [sys.executable, "-c", code, str(workspace.root)],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return result


GC_PROBE = """
import gc, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
app = QApplication([])
looks = []
def look():  # every 100 ms until the collector is on, for 20 s at most
    looks.append(1)
    if gc.isenabled() or len(looks) >= 200:
        print("collector on:", gc.isenabled(), flush=True)
        app.quit()
timer = QTimer()
timer.timeout.connect(look)
timer.start(100)
from vlnl_desktop.cli.window import open_window
sys.exit(open_window(sys.argv[1], "nl"))
"""


def test_the_garbage_collector_paused_for_the_launch_is_on_once_the_window_is_up(
    tmp_path, workspace
):
    result = _probe(GC_PROBE, tmp_path, workspace)
    assert "collector on: True" in result.stdout


FIRST_PAINT_PROBE = """
import builtins, sys
shown = builtins.print
def print(*args, **kwargs):  # the app prints its marker at the window's first expose
    if args and args[0] == "BENCH_FIRST_EXPOSE":
        later = ("dataclasses", "vlnl_desktop.ui.search_hit_delegate",
                 "vlnl_desktop.ui.archive_problem", "vlnl_desktop.ui.focus_frame")
        shown("LOADED", sorted(m for m in later if m in sys.modules), flush=True)
    shown(*args, **kwargs)
builtins.print = print
from vlnl_desktop.cli.window import open_window
sys.exit(open_window(sys.argv[1], "nl"))
"""


def test_what_only_later_work_needs_is_not_loaded_before_the_first_paint(tmp_path, workspace):
    result = _probe(FIRST_PAINT_PROBE, tmp_path, workspace, VLNL_BENCH_STARTUP="1")
    assert "LOADED []" in result.stdout, result.stdout
