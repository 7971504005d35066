"""Shared pieces of the benchmarks: repeated timing, results as rows, the table."""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
CACHE_DIR = BENCH_DIR / ".cache"
sys.path.insert(0, str(BENCH_DIR.parent / "src"))


@dataclass
class Row:
    """One measured path: our figures and the limit's, measured in the same run.

    ``higher_is_better`` is for throughputs (pages/s); for times and memory lower is better. The
    goal is a ratio ours/limit (``max_ratio``) or ``min_ratio`` for throughputs, and optionally an
    absolute bound on ours (``max_value``, or ``min_value`` for a floor).
    """

    what: str
    unit: str
    ours: list[float]
    limit: list[float] = field(default_factory=list)
    limit_name: str = ""
    max_ratio: float | None = None
    min_ratio: float | None = None
    max_value: float | None = None
    min_value: float | None = None  # an absolute floor on ours (a recall, a share)
    note: str = ""

    @property
    def ours_median(self) -> float:
        return statistics.median(self.ours)

    @property
    def limit_median(self) -> float | None:
        return statistics.median(self.limit) if self.limit else None

    @property
    def ratio(self) -> float | None:
        lim = self.limit_median
        return self.ours_median / lim if lim else None

    @property
    def passed(self) -> bool:
        ok = True
        if self.max_ratio is not None and self.ratio is not None:
            ok &= self.ratio <= self.max_ratio
        if self.min_ratio is not None and self.ratio is not None:
            ok &= self.ratio >= self.min_ratio
        if self.max_value is not None:
            ok &= self.ours_median <= self.max_value
        if self.min_value is not None:
            ok &= self.ours_median >= self.min_value
        return ok

    @property
    def goal(self) -> str:
        parts = []
        if self.max_ratio is not None:
            parts.append(f"≤ {self.max_ratio:g}×")
        if self.min_ratio is not None:
            parts.append(f"≥ {self.min_ratio:g}×")
        if self.max_value is not None:
            parts.append(f"≤ {self.max_value:g} {self.unit}")
        if self.min_value is not None:
            parts.append(f"≥ {self.min_value:g} {self.unit}")
        return ", ".join(parts) or "—"


def spread(values: list[float]) -> str:
    if len(values) < 2:
        return ""
    return f"±{(max(values) - min(values)) / 2:.3g}"


def repeat(func: Callable[[], object], times: int) -> list[float]:
    """Wall-clock seconds of ``times`` calls of ``func``."""
    out = []
    for _ in range(times):
        start = time.perf_counter()
        func()
        out.append(time.perf_counter() - start)
    return out


def format_table(rows: list[Row]) -> str:
    header = ("what", "ours (median)", "limit (median)", "ratio", "goal", "result")
    lines = [header]
    for row in rows:
        lim = row.limit_median
        lines.append(
            (
                row.what,
                f"{row.ours_median:.4g} {row.unit} {spread(row.ours)}".strip(),
                f"{lim:.4g} {row.unit} {spread(row.limit)} ({row.limit_name})" if lim else "—",
                f"{row.ratio:.2f}×" if row.ratio is not None else "—",
                row.goal,
                "—" if row.goal == "—" else "pass" if row.passed else "FAIL",
            )
        )
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    text = []
    for n, line in enumerate(lines):
        text.append("| " + " | ".join(c.ljust(w) for c, w in zip(line, widths, strict=True)) + " |")
        if n == 0:
            text.append("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    return "\n".join(text)


def interleave(sides: dict[str, Callable[[], float | None]], times: int) -> dict[str, list[float]]:
    """Seconds of ``times`` calls of each side, interleaved: A B C, B C A, C A B, … (the order
    rotated each round), so a change in the machine's load falls on every side alike. A side that
    returns a number has timed itself (its set-up left out); else its whole call is timed."""
    names = list(sides)
    out: dict[str, list[float]] = {name: [] for name in names}
    for round_no in range(times):
        shift = round_no % len(names)
        for name in names[shift:] + names[:shift]:
            start = time.perf_counter()
            measured = sides[name]()
            elapsed = time.perf_counter() - start
            out[name].append(measured if isinstance(measured, float) else elapsed)
    return out
