""" "Bedoelde u: fotonica?": the user's text with its misspelt words corrected.

A word of the query that the index does not hold is looked up in the text of the hits a typo
search found: the word there closest to it (fewest edits, then most frequent) replaces it. The
suggestion is thus always spelt as the archive spells it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping

from vlnl_desktop.core.search.analysis import edit_distance, fold_words
from vlnl_desktop.core.text import fold

_WORDS = re.compile(r"(\w+)")


def corrections(
    misspelt: Mapping[str, int], texts: Iterable[str], known: Callable[[str], bool]
) -> dict[str, str]:
    """For each word of ``misspelt`` (folded word -> edits allowed) that is not ``known``, the
    closest word of ``texts``."""
    wrong = {word: edits for word, edits in misspelt.items() if not known(word)}
    if not wrong:
        return {}
    seen: Counter[str] = Counter()
    for text in texts:
        seen.update(fold_words(text))
    out: dict[str, str] = {}
    for word, edits in wrong.items():
        best: tuple[int, int, str] | None = None
        for candidate, count in seen.items():
            if candidate == word or abs(len(candidate) - len(word)) > edits:
                continue
            distance = edit_distance(word, candidate, edits)
            if distance <= edits and (best is None or (distance, -count) < best[:2]):
                best = (distance, -count, candidate)
        if best is not None:
            out[word] = best[2]
    return out


def suggestion(text: str, replace: Mapping[str, str]) -> str | None:
    """``text`` with the words in ``replace`` (folded) replaced; None if nothing changes."""
    if not replace:
        return None
    parts = _WORDS.split(text)
    changed = [_as_typed(part, replace) if i % 2 else part for i, part in enumerate(parts)]
    out = " ".join("".join(changed).split())
    return out if out != " ".join(text.split()) else None


def _as_typed(word: str, replace: Mapping[str, str]) -> str:
    """``word`` replaced if it is misspelt, with a capital where the user typed one."""
    fixed = replace.get(fold(word))
    if fixed is None:
        return word
    return fixed[:1].upper() + fixed[1:] if word[:1].isupper() else fixed
