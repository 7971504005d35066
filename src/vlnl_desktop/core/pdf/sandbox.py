"""PDF work in child processes, each under an address-space limit and a deadline.

MuPDF has no allocator limit reachable from Python, and a hostile file (a decompression bomb, form
XObjects that draw each other a billion times) makes it allocate gigabytes and run for minutes,
holding the GIL all the while. Such work runs here, in a child process: its address space is
limited (``RLIMIT_AS``), so MuPDF's allocations fail there, not on the user's machine; a job that
gives no sign of life for ``stall`` seconds, or runs past its own ``deadline``, is killed; a child
that dies is replaced. The job fails alone, as a ``Problem``, and the next one goes on.

A job is a module-level function with picklable arguments; it calls ``alive()`` now and then
(between pages) to say it is making progress. Its result, or the ``Problem`` it raised, crosses
back; any other exception is made one line first (MuPDF's exceptions hold objects that cannot be
pickled: "cannot pickle 'SwigPyObject'").
"""

from __future__ import annotations

import contextlib
import os
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from vlnl_desktop.core.errors import Problem

# address space of a child: its resident memory stays below it, and with the caller's (~80 MB)
# and the fork server's (~60 MB) an import stays under 1 GB in all
MEMORY_LIMIT = 768 << 20
STALL_SECONDS = 20.0  # a page that takes longer to read is hostile (a real one takes milliseconds)
_ALIVE_EVERY = 0.2

_to_parent = None  # in a child: the connection its parent reads
_last_sign = 0.0


def alive() -> None:
    """Tell the parent this job is making progress (a no-op outside a sandbox child)."""
    global _last_sign
    if _to_parent is None:
        return
    now = time.monotonic()
    if now - _last_sign >= _ALIVE_EVERY:
        _last_sign = now
        _to_parent.send(("alive", None))


def over_budget_detail(memory: int) -> str:
    return f"needs more than {memory >> 20} MB of memory"


def _answer(func: Callable, args: tuple, memory: int) -> tuple[str, Any]:
    try:
        return "ok", func(*args)
    except Problem as exc:
        return "problem", exc
    except MemoryError:
        return "problem", Problem("over_budget", over_budget_detail(memory))
    except Exception as exc:  # never let an unpicklable exception cross
        from vlnl_desktop.core.pdf.gate import short

        text = short(exc)
        if "calloc" in text or "malloc" in text or "realloc" in text:
            return "problem", Problem("over_budget", over_budget_detail(memory))
        return "problem", Problem("damaged", f"{type(exc).__name__}: {text}")


def _child_main(conn, memory: int) -> None:
    """A child's life: limit its memory, then answer jobs until told to stop or orphaned."""
    global _to_parent
    import resource

    if memory:
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    _to_parent = conn
    parent = os.getppid()  # the caller, or the fork server, which ends with the caller

    def watch() -> None:  # killed half-way, the caller cannot stop its children
        while os.getppid() == parent:
            time.sleep(0.25)
        os._exit(1)

    threading.Thread(target=watch, name="watch-parent", daemon=True).start()
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        if job is None:
            return
        func, args = job
        kind, value = _answer(func, args, memory)
        try:
            conn.send((kind, value))
        except Exception as exc:  # a result that cannot be pickled: a bug, said in one line
            conn.send(("problem", Problem("damaged", f"{type(exc).__name__}: {exc}")))


_PRELOAD = [
    "pymupdf",
    "vlnl_desktop.core.documents.importer",
    "vlnl_desktop.core.pdf.find",
    "vlnl_desktop.core.pdf.links",
    "vlnl_desktop.core.pdf.viewing",
]


def _context():
    """Children are forked from a fork server that has PyMuPDF loaded (a few ms each, not the
    ~0.3 s of a fresh interpreter); never forked from the caller, which may be a Qt app with
    threads. Where there is no fork server (Windows), each child is a fresh interpreter."""
    import multiprocessing

    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(_PRELOAD)
    _same_package_for_the_fork_server()
    return context


def _same_package_for_the_fork_server() -> None:
    """Make the fork server load this copy of the package. It is a fresh interpreter that finds
    packages by its environment only (Python 3.11 ignores the caller's ``sys.path`` there), so a
    caller that found the package through a path of its own (a source tree put on ``sys.path``
    by a benchmark, a relative ``PYTHONPATH`` in another folder) would have its children run
    another copy. An installed package is found the same way by both: nothing is changed."""
    import site
    from pathlib import Path

    import vlnl_desktop

    root = str(Path(vlnl_desktop.__file__).resolve().parent.parent)
    found_anyway = {
        str(Path(p).resolve()) for p in site.getsitepackages() + [site.getusersitepackages()]
    }
    paths = [
        str(Path(p).resolve()) for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p
    ]
    if root in found_anyway or root in paths:
        return
    os.environ["PYTHONPATH"] = os.pathsep.join([root, *paths])


def start_fork_server() -> None:
    """Start the fork server now, so it loads PyMuPDF in parallel with what the caller does next
    (``vlnl-desktop open`` builds the window meanwhile): the first job then waits a few
    milliseconds for its child, not the ~0.5 s of a fresh interpreter loading PyMuPDF. The server
    is a fresh interpreter (fork and exec at once, like ``subprocess``), safe to start from a
    process with threads; it ends with the caller."""
    import multiprocessing.forkserver

    if _context().get_start_method() == "forkserver":
        multiprocessing.forkserver.ensure_running()


@dataclass
class _Child:
    process: Any
    conn: Any
    job: int | None = None
    since: float = 0.0  # when the job started
    sign: float = 0.0  # when it last said it was alive

    def give(self, index: int, func: Callable, args: tuple) -> None:
        self.conn.send((func, args))
        self.job = index
        self.since = self.sign = time.monotonic()

    def stop(self, *, kill: bool) -> None:
        if kill:
            with contextlib.suppress(OSError):
                self.process.kill()
        else:
            with contextlib.suppress(OSError, ValueError):
                self.conn.send(None)
        self.process.join(5)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()
        self.conn.close()
        self.process.close()


@dataclass
class Sandbox:
    """Up to ``workers`` child processes, started when first needed, stopped by ``close``.

    ``run`` runs one job and waits; ``in_order`` runs many, a few ahead; ``submit`` and ``poll``
    let a caller that must stay responsive (the viewer's render thread) wait a slice at a time."""

    workers: int = 1
    memory: int = field(default_factory=lambda: MEMORY_LIMIT)
    stall: float = field(default_factory=lambda: STALL_SECONDS)
    deadline: float | None = None  # seconds a job may take in all (None: only ``stall``)
    _children: list[_Child] = field(default_factory=list)
    _waiting: list[tuple[int, Callable, tuple]] = field(default_factory=list)
    _done: dict[int, Any] = field(default_factory=dict)
    _next: int = 0

    def __enter__(self) -> Sandbox:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        """Stop every child (killing those still at work) and forget every job."""
        self._waiting.clear()
        self._done.clear()
        while self._children:
            child = self._children.pop()
            child.stop(kill=child.job is not None)

    def _start(self) -> _Child:
        context = _context()
        mine, theirs = context.Pipe()
        process = context.Process(
            target=_child_main,
            args=(theirs, self.memory),
            name="vlnl-pdf-sandbox",
            daemon=True,
        )
        process.start()
        theirs.close()
        child = _Child(process, mine)
        self._children.append(child)
        return child

    def submit(self, func: Callable, *args) -> int:
        """Queue ``func(*args)``; returns its job number (``poll`` answers by it)."""
        index = self._next
        self._next += 1
        self._waiting.append((index, func, args))
        self._hand_out()
        return index

    def pending(self) -> int:
        """Jobs queued or at work."""
        return len(self._waiting) + self._busy()

    def poll(self, timeout: float = 0.0) -> dict[int, Any]:
        """The jobs finished so far (job number: result or ``Problem``), waiting up to ``timeout``
        seconds for the first if none is."""
        ends = time.monotonic() + timeout
        while not self._done and self._busy():
            left = ends - time.monotonic()
            if left <= 0:
                break
            self._collect(left)
            self._hand_out()
        done, self._done = self._done, {}
        return done

    def run(self, func: Callable, *args, deadline: float | None = None) -> Any:
        """``func(*args)`` in a child; its result, or raise the ``Problem`` it ended with."""
        saved, self.deadline = self.deadline, deadline if deadline is not None else self.deadline
        try:
            for _index, result in self.in_order([(func, args)]):
                if isinstance(result, Problem):
                    raise result
                return result
        finally:
            self.deadline = saved
        raise AssertionError("unreachable")

    def in_order(
        self, jobs: Iterable[tuple[Callable, tuple]], *, ahead: int | None = None
    ) -> Iterator[tuple[int, Any]]:
        """Run ``jobs`` on the children, ``ahead`` at most queued or at work (default: two per
        child), and yield (position in ``jobs``, result or ``Problem``) in the jobs' order."""
        pending = iter(jobs)
        ahead = ahead or self.workers * 2
        numbers: list[int] = []  # job numbers, by position
        results: dict[int, Any] = {}
        next_out = 0
        exhausted = False
        try:
            while True:
                while not exhausted and self.pending() < ahead:
                    item = next(pending, None)
                    if item is None:
                        exhausted = True
                    else:
                        numbers.append(self.submit(item[0], *item[1]))
                while next_out < len(numbers) and numbers[next_out] in results:
                    yield next_out, results.pop(numbers[next_out])
                    next_out += 1
                if exhausted and next_out == len(numbers):
                    return
                results.update(self.poll(self.stall))
        finally:
            self._cancel_busy()  # the caller stopped early: nothing runs on

    def _cancel_busy(self) -> None:
        self._waiting.clear()
        for child in list(self._children):
            if child.job is not None:
                self._children.remove(child)
                child.stop(kill=True)

    def _busy(self) -> int:
        return sum(1 for c in self._children if c.job is not None)

    def _hand_out(self) -> None:
        while self._waiting:
            idle = next((c for c in self._children if c.job is None), None)
            if idle is None and len(self._children) < self.workers:
                idle = self._start()
            if idle is None:
                return
            index, func, args = self._waiting.pop(0)
            idle.give(index, func, args)

    def _collect(self, timeout: float) -> None:
        """Wait up to ``timeout`` for the next answer (or the next limit reached); note it."""
        from multiprocessing.connection import wait

        busy = [c for c in self._children if c.job is not None]
        if not busy:
            return
        now = time.monotonic()
        limits = [c.sign + self.stall for c in busy]
        if self.deadline is not None:
            limits += [c.since + self.deadline for c in busy]
        ready = wait([c.conn for c in busy], timeout=max(0.0, min(min(limits) - now, timeout)))
        now = time.monotonic()
        for child in busy:
            if child.conn in ready:
                try:
                    kind, value = child.conn.recv()
                except (EOFError, OSError):
                    self._lose(child, self._death(child))
                    continue
                if kind == "alive":
                    child.sign = now
                    continue
                self._done[child.job] = value
                child.job = None
                if isinstance(value, Problem) and value.code == "over_budget":
                    # its heap may be spent (MuPDF's store, fragments): the next job gets a fresh one
                    self._children.remove(child)
                    child.stop(kill=True)
            elif self.deadline is not None and now >= child.since + self.deadline:
                self._lose(child, Problem("over_budget", f"takes more than {self.deadline:g} s"))
            elif now >= child.sign + self.stall:
                self._lose(child, Problem("over_budget", f"no progress for {self.stall:g} s"))

    def _death(self, child: _Child) -> Problem:
        child.process.join(1)
        code = child.process.exitcode
        return Problem("damaged", f"reading it stopped the reader (exit code {code})")

    def _lose(self, child: _Child, problem: Problem) -> None:
        self._done[child.job] = problem
        child.job = None
        self._children.remove(child)
        child.stop(kill=True)
