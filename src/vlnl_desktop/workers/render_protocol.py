"""What the GUI and the render thread pass each other: render jobs, their channels, a document's info.

Render requests come in *channels* ("view", "thumbs", "print"). A new request for a channel replaces what
was still pending there, so pages that scrolled away are never rendered. Every document gets a new id;
an answer for an older id is dropped by the receiver.
"""

from __future__ import annotations

from dataclasses import dataclass

from vlnl_desktop.workers.image_cache import CacheKey

CHANNELS = ("view", "print", "thumbs")  # in order of priority


@dataclass(frozen=True)
class RenderJob:
    """Render ``key`` (its page at its rotation, ``key.width`` device pixels wide, maybe a clip)."""

    key: CacheKey


@dataclass(frozen=True)
class DocumentInfo:
    """What the GUI knows about an open document; sizes are in points, in each page's own rotation.

    Unless ``sizes_exact``, only page ``first_page``'s size is exact and every other page has the same
    size as an estimate; the exact sizes follow with ``sizes_ready``, the outline with ``outline_ready``.
    """

    doc_id: int
    path: str
    page_sizes: list[tuple[float, float]]
    first_page: int = 0
    sizes_exact: bool = True
