"""Snippets of page text around the words a query matched, made in Python.

FTS5's ``snippet()`` reloads the whole index entry of every query term for each row, even when asked
for one rowid; for a prefix of a common word on 100,000 pages that costs more than the ranking
itself. The best 20 pages' text is cheap to read, so the snippet is cut here instead: the page is
cut into words with their places in the text, each folded the way FTS5 folds it
(``query.tokenize``), and the window of ``size`` tokens holding the most distinct
query words wins.
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


def make_snippet(
    text: str,
    terms: Sequence[str],
    prefixes: Sequence[str] = (),
    *,
    size: int = 16,
    mark_open: str = "[",
    mark_close: str = "]",
    ellipsis: str = "…",
    wanted: int | None = None,
    matcher: Callable[[str], str | None] | None = None,
) -> str:
    """The best ``size``-token window of ``text`` with matched tokens between the marks.

    ``terms`` match whole (folded) tokens, ``prefixes`` the start of a token. ``wanted`` is how
    many distinct matches make a window perfect (default: all terms; fewer when terms are
    alternatives of each other, such as aliases). ``matcher`` decides instead, for a folded token,
    which query word it matches (stems, compound parts, typos), or None.
    """
    whole = set(terms)
    starts = tuple(prefixes)
    wanted = wanted or len(whole) + len(starts)
    lead = min(2, size // 4)  # a little context before the first matched word

    def matched(token: str) -> str | None:
        if matcher is not None:
            return matcher(token)
        if token in whole:
            return token
        for prefix in starts:
            if token.startswith(prefix):
                return prefix
        return None

    tokens: list[str] = []
    spans: list[tuple[int, int]] = []
    hits: list[str | None] = []
    positions: list[int] = []  # of matched tokens
    pending = 0  # the next matched token whose window has not been scored
    best_start, best_score = 0, 0

    def score_windows(final: bool) -> bool:
        """Score the windows that are complete; True once one holds every query word."""
        nonlocal pending, best_start, best_score
        while pending < len(positions):
            first = max(0, positions[pending] - lead)
            if not final and len(tokens) < first + size:
                return False
            first = max(0, min(first, len(tokens) - size))
            score = len({hits[i] for i in positions if first <= i < first + size})
            if score > best_score:
                best_start, best_score = first, score
            pending += 1
            if score >= wanted:
                return True
        return False

    # words are read only as far as needed: the first window with every query word ends the scan
    for match in _WORD.finditer(text):
        folded = _fold_token(match.group())
        if not folded:
            continue
        hit = matched(folded)
        if hit is not None:
            positions.append(len(tokens))
        tokens.append(folded)
        spans.append(match.span())
        hits.append(hit)
        if positions and score_windows(final=False) and len(tokens) >= best_start + size + 1:
            break
    else:
        score_windows(final=True)
    if not tokens:
        return ""
    last = min(len(tokens), best_start + size)
    out: list[str] = [ellipsis if best_start > 0 else ""]
    cursor = spans[best_start][0]
    for i in range(best_start, last):
        start, end = spans[i]
        out.append(text[cursor:start])
        word = text[start:end]
        out.append(f"{mark_open}{word}{mark_close}" if hits[i] is not None else word)
        cursor = end
    out.append(ellipsis if last < len(tokens) else text[cursor:])
    return " ".join("".join(out).split())


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
