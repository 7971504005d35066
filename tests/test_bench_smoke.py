"""Each benchmark still runs, on a tiny input (the real runs are `make bench`, not tests)."""

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent.parent / "bench"


def test_every_bench_script_runs_on_a_tiny_input():
    scripts = sorted(p.stem for p in BENCH.glob("bench_*.py"))
    assert scripts
    result = subprocess.run(
        [sys.executable, str(BENCH / "run_all.py"), "--quick"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-4000:]
    table = [line for line in result.stdout.splitlines() if line.startswith("| ")]
    assert len(table) > len(scripts), result.stdout
    assert "crashed" not in result.stdout


def test_the_start_up_bench_falls_back_to_offscreen_where_xcb_cannot_start():
    """As where Xvfb is installed but Qt's xcb plugin cannot load: the bench still measures."""
    spec = importlib.util.spec_from_file_location("bench_startup", BENCH / "bench_startup.py")
    bench_startup = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench_startup)
    env = {**os.environ, "DISPLAY": ":65432"}  # no X server answers there
    assert not bench_startup.xcb_starts(env)
    with bench_startup._VirtualScreen(env) as platform:
        assert platform.startswith("offscreen")
        assert env["QT_QPA_PLATFORM"] == "offscreen"
