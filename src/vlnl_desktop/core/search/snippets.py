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
from collections.abc import Sequence
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
) -> str:
    """The best ``size``-token window of ``text`` with matched tokens between the marks.

    ``terms`` match whole (folded) tokens, ``prefixes`` the start of a token. ``wanted`` is how
    many distinct matches make a window perfect (default: all terms; fewer when terms are
    alternatives of each other, such as aliases).
    """
    whole = set(terms)
    starts = tuple(prefixes)
    wanted = wanted or len(whole) + len(starts)
    lead = min(2, size // 4)  # a little context before the first matched word

    def matched(token: str) -> str | None:
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
