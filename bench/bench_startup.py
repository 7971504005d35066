"""Launch to first window: vlnl-desktop against a bare PySide6 window with a tree and a text pane.

Both are started as fresh processes, alternately, in the same run; each prints a marker at its
window's first expose event and quits. The time is measured from process start to the marker.
The app is started as its user starts it: the installed ``vlnl-desktop`` command (the console
script beside this Python, through the command line module, as the menu entry and a terminal do),
on an existing working archive (built once before the runs). Goal: ratio <= 1.5.

    .venv/bin/python bench/bench_startup.py [--runs N]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

MARKER = "BENCH_FIRST_EXPOSE"
RUNS = 25  # per side: a launch moves by ±100 ms on a shared machine, the medians of 11 by ±10 %
GOAL = 1.5

BARE = f"""
from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QSplitter, QTextBrowser, QTreeView

app = QApplication([])
window = QMainWindow()
splitter = QSplitter(Qt.Orientation.Horizontal)
splitter.addWidget(QTreeView())
splitter.addWidget(QTextBrowser())
window.setCentralWidget(splitter)
window.resize(1200, 800)


class First(QObject):
    done = False

    def eventFilter(self, watched, event):
        if not self.done and event.type() == QEvent.Type.Expose:
            self.done = True
            print({MARKER!r}, flush=True)
            QTimer.singleShot(0, app.quit)
        return False


window.show()
first = First()
window.windowHandle().installEventFilter(first)
app.exec()
"""


def installed_command() -> list[str]:
    """The ``vlnl-desktop`` console script of this Python's environment (what pip installed)."""
    script = Path(sys.executable).parent / "vlnl-desktop"
    found = str(script) if script.is_file() else shutil.which("vlnl-desktop")
    if found is None:
        raise SystemExit("vlnl-desktop is not installed here: pip install -e . first")
    return [found]


def time_to_marker(code: str | list[str], env: dict[str, str]) -> float:
    """Seconds from starting ``code`` (Python source, or a command line) to its marker."""
    command = [sys.executable, "-c", code] if isinstance(code, str) else code
    start = time.perf_counter()
    proc = subprocess.Popen(
        command,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.strip() == MARKER:
            elapsed = time.perf_counter() - start
            break
    else:
        proc.wait()
        raise RuntimeError(f"no {MARKER} from the process (exit {proc.returncode})")
    proc.wait(timeout=30)
    return elapsed


XCB_PROBE = "from PySide6.QtGui import QGuiApplication; QGuiApplication([])"


def xcb_starts(env: dict[str, str]) -> bool:
    """Whether Qt's xcb platform starts in ``env``: its plugin may not load (a missing
    libxcb-cursor0 beside an installed Xvfb) or the display may not answer."""
    try:
        probe = subprocess.run(
            [sys.executable, "-c", XCB_PROBE],
            env={**env, "QT_QPA_PLATFORM": "xcb"},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            timeout=30,
        )
    except subprocess.TimeoutExpired:
        return False
    return probe.returncode == 0


class _VirtualScreen:
    """An Xvfb display for the runs when Xvfb is installed and no display is set (a real window
    on a virtual X screen); otherwise, or when Qt's xcb platform cannot start there, Qt's
    offscreen platform."""

    def __init__(self, env: dict[str, str]):
        self.env = env
        self.proc: subprocess.Popen | None = None

    def __enter__(self) -> str:
        if self.env.get("DISPLAY") or self.env.get("WAYLAND_DISPLAY"):
            if xcb_starts(self.env):
                self.env["QT_QPA_PLATFORM"] = "xcb"
                return f"display {self.env.get('DISPLAY')}"
            return self._offscreen("offscreen, xcb cannot start on the display")
        if not shutil.which("Xvfb"):
            return self._offscreen("offscreen")
        display = f":{200 + os.getpid() % 100}"
        self.proc = subprocess.Popen(
            ["Xvfb", display, "-screen", "0", "1400x900x24", "-nolisten", "tcp"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        socket = Path(f"/tmp/.X11-unix/X{display[1:]}")
        deadline = time.monotonic() + 10
        while not socket.exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        self.env["DISPLAY"] = display
        if xcb_starts(self.env):
            self.env["QT_QPA_PLATFORM"] = "xcb"
            return f"Xvfb {display}"
        self._stop_xvfb()
        del self.env["DISPLAY"]
        return self._offscreen("offscreen, xcb cannot start on Xvfb")

    def _offscreen(self, platform: str) -> str:
        self.env["QT_QPA_PLATFORM"] = "offscreen"
        return platform

    def _stop_xvfb(self) -> None:
        if self.proc is not None:
            self.proc.terminate()
            self.proc.wait(timeout=10)
            self.proc = None

    def __exit__(self, *exc) -> None:
        self._stop_xvfb()


def measure(runs: int) -> tuple[list[float], list[float], str]:
    """Seconds from process start to the first expose: (bare window, our app, platform)."""
    src = Path(__file__).resolve().parents[1] / "src"
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(src), env.get("PYTHONPATH")]))
        env["VLNL_BENCH_STARTUP"] = "1"
        env["XDG_CONFIG_HOME"] = str(Path(tmp) / "config")
        archive = Path(tmp) / "ws"
        subprocess.run(
            [sys.executable, "-c", f"from vlnl_desktop.core.archive.lifecycle import open_workspace; "
             f"open_workspace({str(archive)!r})"],
            env=env,
            check=True,
        )  # fmt: skip
        app_code = [*installed_command(), "--archive", str(archive), "--lang", "nl"]
        # an installed app has its bytecode compiled (pip does it at install time); here it may
        # not be (PYTHONDONTWRITEBYTECODE), and compiling every module at each start is not what
        # a user waits for
        subprocess.run([sys.executable, "-m", "compileall", "-q", str(src)], check=True)
        with _VirtualScreen(env) as platform:
            time_to_marker(BARE, env)  # warm the file cache for both
            time_to_marker(app_code, env)
            bare: list[float] = []
            app: list[float] = []
            for _ in range(runs):
                bare.append(time_to_marker(BARE, env))
                app.append(time_to_marker(app_code, env))
    return bare, app, platform


def _row(bare: list[float], app: list[float], platform: str):
    from common import Row

    return Row(
        what=f"launch to first window ({platform})",
        unit="ms",
        ours=[t * 1000 for t in app],
        limit=[t * 1000 for t in bare],
        limit_name="bare PySide6 window",
        max_ratio=GOAL,
    )


def rows(quick: bool = False) -> list:
    return [_row(*measure(1 if quick else RUNS))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=RUNS)
    args = parser.parse_args()
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from common import format_table

    row = _row(*measure(args.runs))
    print(format_table([row]))
    return 0 if row.passed else 1


if __name__ == "__main__":
    sys.exit(main())
