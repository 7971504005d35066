"""The archive served with Datasette under load, on the loopback address: throughput, p95 latency
and errors for a summit's row page and a search (the canned search over records and pages).

`vlnl-desktop serve --port 0` runs as its own process on the bundled archive, with one server
process and with two (``--workers 2``: one per core of this machine); a Python asyncio client
(HTTP/1.1, keep-alive, one connection per client) runs 50 clients for 20 s in two ways:

- saturated: every client asks again as soon as it has its answer (what the server can do);
- paced: every client waits about a second between its requests (0.5 to 1.5 s, drawn; the clients
  start spread over the first second, so they do not ask in lockstep): 50 readers clicking fast,
  about 50 requests a second. The issue's goal, p95 ≤ 100 ms, is for this.

Half the requests are row pages (the seven summits in turn), half searches (words in turn). Bounded:
every run stops at its deadline, every request has a 10 s time limit, and only 127.0.0.1 is asked.
An error is any answer but 200, a broken connection or a time-out.

    python bench/bench_serve.py [--quick]
"""

from __future__ import annotations

import asyncio
import itertools
import random
import statistics
import sys
import time
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

from common import CACHE_DIR, Row
from serve_process import serving

SUMMITS = ["top-2011", "top-2013", "top-2016", "top-2018", "top-2020", "top-2023", "top-2025"]
WORDS = ["waterstof", "Hingene", "fotonica", "samenwerking", "havens", "artificiële", "Gent"]
REQUEST_TIMEOUT_S = 10.0
P95_GOAL_MS = 100.0


@dataclass
class Tally:
    latencies: dict[str, list[float]] = field(default_factory=dict)  # kind -> seconds
    errors: dict[str, int] = field(default_factory=dict)
    elapsed: float = 0.0

    def add(self, kind: str, seconds: float | None) -> None:
        if seconds is None:
            self.errors[kind] = self.errors.get(kind, 0) + 1
        else:
            self.latencies.setdefault(kind, []).append(seconds)

    def count(self) -> int:
        return sum(len(v) for v in self.latencies.values()) + sum(self.errors.values())


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1] if len(values) >= 20 else max(values)


def paths() -> itertools.cycle:
    rows = [("row page", f"/archief/summits/{s}") for s in SUMMITS]
    searches = [("search", "/archief/zoeken?" + urllib.parse.urlencode({"zoek": w})) for w in WORDS]
    return itertools.cycle([x for pair in zip(rows, searches, strict=True) for x in pair])


async def _get(reader, writer, host: str, path: str) -> bool:
    """One GET on a kept-alive connection; whether the answer was a 200 read to its end."""
    writer.write(f"GET {path} HTTP/1.1\r\nHost: {host}\r\n\r\n".encode())
    await writer.drain()
    status = await reader.readline()
    length, chunked = None, False
    while (line := await reader.readline()) not in (b"\r\n", b""):
        name, _, value = line.decode("latin-1").partition(":")
        if name.lower() == "content-length":
            length = int(value)
        elif name.lower() == "transfer-encoding" and "chunked" in value.lower():
            chunked = True
    if chunked:
        while (size := int((await reader.readline()).split(b";")[0], 16)) > 0:
            await reader.readexactly(size + 2)
        await reader.readline()
    elif length is not None:
        await reader.readexactly(length)
    return status.split()[1:2] == [b"200"]


async def client(
    host: str, port: int, deadline: float, pause: float, todo, tally: Tally, offset: int
):
    for _ in range(offset):
        next(todo)
    draw = random.Random(offset)  # the same pauses every run
    if pause:
        await asyncio.sleep(draw.uniform(0, pause))
    reader = writer = None
    while time.monotonic() < deadline:
        kind, path = next(todo)
        start = time.perf_counter()
        try:
            if writer is None:
                reader, writer = await asyncio.open_connection(host, port)
            ok = await asyncio.wait_for(_get(reader, writer, host, path), REQUEST_TIMEOUT_S)
        except (TimeoutError, OSError, asyncio.IncompleteReadError, ValueError):
            ok = False
        elapsed = time.perf_counter() - start
        tally.add(kind, elapsed if ok else None)
        if not ok and writer is not None:  # start afresh on a new connection
            writer.close()
            reader = writer = None
        if pause:
            wait = draw.uniform(0.5 * pause, 1.5 * pause)
            await asyncio.sleep(max(0.0, min(wait, deadline - time.monotonic())))
    if writer is not None:
        writer.close()


async def load(url: str, clients: int, seconds: float, pause: float) -> Tally:
    parts = urllib.parse.urlsplit(url)
    assert parts.hostname in ("127.0.0.1", "localhost", "::1"), "loopback only"
    tally = Tally()
    start = time.monotonic()
    deadline = start + seconds
    await asyncio.gather(
        *(
            client(parts.hostname, parts.port, deadline, pause, paths(), tally, n)
            for n in range(clients)
        )
    )
    tally.elapsed = time.monotonic() - start
    return tally


def measure(url: str, clients: int, seconds: float, pause: float, warm: bool = True) -> Tally:
    if warm:
        asyncio.run(load(url, 2, 1.0, 0.0))  # the server's caches and threads
    return asyncio.run(load(url, clients, seconds, pause))


def bundled_archive() -> Path:
    """The bundled archive, built once into the bench cache (rebuilt when the records change)."""
    from vlnl_desktop.core.archive.lifecycle import open_workspace

    return open_workspace(CACHE_DIR / "serve-archive").root


def report(tally: Tally, label: str, check_p95: bool) -> list[Row]:
    out = [
        Row(
            what=f"serve, {label}: throughput",
            unit="req/s",
            ours=[tally.count() / tally.elapsed],
            note=f"{tally.count()} requests in {tally.elapsed:.1f} s",
        ),
        Row(
            what=f"serve, {label}: errors (goal 0)",
            unit="errors",
            ours=[float(sum(tally.errors.values()))],
            max_value=0.0,
        ),
    ]
    for kind in ("row page", "search"):
        values = tally.latencies.get(kind, [])
        if values:
            out.append(
                Row(
                    what=f"serve, {label}: {kind} p95 (median {statistics.median(values) * 1000:.0f} ms)",
                    unit="ms",
                    ours=[p95(values) * 1000],
                    max_value=P95_GOAL_MS if check_p95 else None,
                )
            )
    return out


def rows(quick: bool = False) -> list[Row]:
    clients, seconds = (5, 1.0) if quick else (50, 20.0)
    out = []
    archive = bundled_archive()
    for workers in (2,) if quick else (1, 2):  # quick: the forking path, briefly
        with serving(archive, "--workers", str(workers)) as url:
            saturated = measure(url, clients, seconds, pause=0.0, warm=not quick)
            paced = measure(url, clients, seconds, pause=1.0, warm=not quick)
        setup = f"{workers} process{'es' if workers > 1 else ''}, {clients} clients"
        out += report(saturated, f"{setup} saturated", False)
        out += report(paced, f"{setup} ~1 s apart", True)
    return out


if __name__ == "__main__":
    from common import format_table

    print(format_table(rows(quick="--quick" in sys.argv)))
