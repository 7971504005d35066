"""The render thread's sandbox: one child process that holds the open document and does every
job on it (``core.pdf.viewing``), under a memory limit and a deadline.

The render thread waits for a job a slice at a time, without the GIL, so the window keeps turning
whatever the page costs. Between slices it asks whether the job is still wanted (the user opened
another document or closed this one): if not, the child is killed and ``Abandoned`` raised, so a
bomb page never holds up the next document. A job over the limits raises the sandbox's
``Problem`` ("over_budget"; "damaged" if the child died) and the child is replaced.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

RENDER_SECONDS = 10.0
"""The longest a job may take: the slowest real page of the sample corpus renders in well under a
second at the viewer's sizes; past this a page is given up as too costly."""
_SLICE_SECONDS = 0.05  # how often a waiting job asks whether it is still wanted


class Abandoned(Exception):
    """The job was no longer wanted and was stopped."""


class RenderSandbox:
    """Runs ``core.pdf.viewing`` jobs in one sandbox child, started on first use (the fork
    server is started then too: a fresh interpreter, not a fork of this Qt process)."""

    def __init__(self, wanted: Callable[[], bool]) -> None:
        self._wanted = wanted
        self._box = None

    def call(self, func: Callable, *args) -> Any:
        """``func(*args)`` in the child: its result, or raise its ``Problem`` or ``Abandoned``."""
        from vlnl_desktop.core.errors import Problem

        if self._box is None:
            from vlnl_desktop.core.pdf.sandbox import Sandbox

            self._box = Sandbox(stall=RENDER_SECONDS, deadline=RENDER_SECONDS)
        number = self._box.submit(func, *args)
        while True:
            done = self._box.poll(_SLICE_SECONDS)
            if number in done:
                result = done[number]
                if isinstance(result, Problem):
                    raise result
                return result
            if not self._wanted():
                self.close()
                raise Abandoned

    def close(self) -> None:
        """Stop the child (killed if it is at work)."""
        if self._box is not None:
            self._box.close()
            self._box = None
