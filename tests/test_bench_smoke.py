"""Each benchmark still runs, on a tiny input (the real runs are `make bench`, not tests)."""

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
