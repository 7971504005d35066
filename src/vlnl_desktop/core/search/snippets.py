"""Snippets of page text around the words a query matched, made in Python.

The best 20 hits' text is cheap to read from SQLite, so snippets are cut here, not by an engine:
``focus`` finds the part of a long text where the query's words lie closest together (with
``str.find``, never walking the page word by word), ``mark_window`` cuts ``size`` words there,
each folded the way the query folds it (``query.tokenize``), and marks those a matcher accepts
(the searcher's: stems, compound parts, prefixes, typos).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache

from vlnl_desktop.core.search.query import tokenize

_WORD = re.compile(r"[^\W_]+")


@lru_cache(maxsize=65536)
def _fold_token(token: str) -> str:
    return "".join(tokenize(token))


def focus(text: str, cores: Sequence[tuple[str, int]], width: int = 240) -> tuple[int, int]:
    """The part of a long ``text`` worth cutting a snippet from: ``width`` characters around the
    place where the ``cores`` (the first letters of a query word, lower case; with the number of
    the word) occur most densely. Found with ``str.find``: a long page is never walked word by
    word in Python."""
    if len(text) <= width or not cores:
        return 0, min(len(text), width)
    lower = text.lower()
    places: list[tuple[int, int]] = []
    for core, word in cores:
        at, seen = lower.find(core), 0
        while at >= 0 and seen < 12:  # a dozen places of each word are plenty to choose from
            places.append((at, word))
            at, seen = lower.find(core, at + len(core)), seen + 1
    if not places:
        return 0, width
    places.sort()
    reach = width // 2
    every, total = len({word for _core, word in cores}), len(places)
    best, best_count, ahead = places[0][0], 0, 0
    inside: dict[int, int] = {}  # word -> its places in places[index:ahead] (a sliding window)
    for start, word in places:
        while ahead < total and places[ahead][0] < start + reach:
            inside[places[ahead][1]] = inside.get(places[ahead][1], 0) + 1
            ahead += 1
        if len(inside) > best_count:
            best, best_count = start, len(inside)
            if best_count == every:
                break  # no place can do better
        inside[word] -= 1
        if not inside[word]:
            del inside[word]
    first = max(0, best - width // 6)
    space = text.rfind(" ", 0, first)
    first = space + 1 if space > 0 and first - space < 40 else first
    return first, min(len(text), first + width)


def cores(words: dict[str, int]) -> list[tuple[str, int]]:
    """The first four letters (lower case) of each of ``words`` (word -> the number of the query
    word it stands for), for ``focus``."""
    return sorted({(word[:4].lower(), number) for word, number in words.items() if word})


def mark_window(
    text: str,
    matcher: Callable[[str], str | None],
    *,
    size: int = 16,
    mark_open: str = "[",
    mark_close: str = "]",
    ellipsis: str = "…",
) -> str:
    """The ``size`` words of a short ``text`` (a ``focus``ed part) from just before its first
    matched word, the matched words marked: only the words shown are matched."""
    spans = [m.span() for m in _WORD.finditer(text)]
    if not spans:
        return ""
    first = 0
    for index, (start, end) in enumerate(spans):
        if matcher(_fold_token(text[start:end])) is not None:
            first = index
            break
    first = max(0, min(first - min(2, size // 4), len(spans) - size))
    last = min(len(spans), first + size)
    out = [ellipsis if first > 0 else ""]
    cursor = spans[first][0]
    for start, end in spans[first:last]:
        word = text[start:end]
        out.append(text[cursor:start])
        hit = matcher(_fold_token(word)) is not None
        out.append(f"{mark_open}{word}{mark_close}" if hit else word)
        cursor = end
    out.append(ellipsis if last < len(spans) else text[cursor:])
    return " ".join("".join(out).split())
