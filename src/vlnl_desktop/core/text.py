"""Text normalisation shared by indexing, querying and find-in-document.

Text is NFKC-normalised (ligatures such as "ﬁ" become "fi") before it reaches FTS5, whose
``unicode61 remove_diacritics 2`` tokenizer then folds case and diacritics. ``fold`` does the same
folding in Python, for matching outside FTS5 (aliases, find in a PDF page).
"""

from __future__ import annotations

import unicodedata


def normalize(text: str) -> str:
    """NFKC-normalise ``text`` (ligatures, full-width forms, compatibility characters)."""
    return unicodedata.normalize("NFKC", text)


def fold(text: str) -> str:
    """Normalise, lower-case and strip diacritics: ``fold("Artificiële")`` is ``"artificiele"``."""
    decomposed = unicodedata.normalize("NFKD", normalize(text).casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def fold_with_map(text: str) -> tuple[str, list[int]]:
    """Fold ``text`` and return, for every folded character, the index of its source character.

    Used to map a match in folded text back to the original characters (and so to their positions on
    a PDF page): one source character may fold to several (``"ﬁ"`` to ``"fi"``) or to none.
    """
    out: list[str] = []
    index: list[int] = []
    for i, ch in enumerate(text):
        folded = fold(ch)
        out.append(folded)
        index.extend([i] * len(folded))
    return "".join(out), index


def printable(text: str) -> str:
    """``text`` safe to show on a terminal or in a list: control characters as ``\\x..`` escapes
    and bytes that were not UTF-8 (a file name's surrogate escapes) as ``\\x..`` too."""
    out = []
    for ch in text:
        code = ord(ch)
        if 0xDC80 <= code <= 0xDCFF:  # os.fsdecode's stand-in for a byte that is not UTF-8
            out.append(f"\\x{code - 0xDC00:02x}")
        elif code < 0x20 or code == 0x7F or 0x80 <= code < 0xA0 or 0xD800 <= code <= 0xDFFF:
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")
        else:
            out.append(ch)
    return "".join(out)


_KEEP_FORMAT = {"\u200c", "\u200d"}  # zero-width (non-)joiners: they shape Arabic, Persian, emoji


def displayable(text: str) -> str:
    """``text`` as a title to show (``printable`` is for a terminal, keeping what it escapes):
    without what a font cannot show: control characters (a NUL at the end of a PDF
    title), unassigned code points, private-use and surrogate ones, invisible format characters
    (bar the joiners) and the replacement character; each becomes a space, spaces are collapsed."""
    cleaned = [
        " "
        if (
            unicodedata.category(c) in ("Cc", "Cn", "Co", "Cs")
            or (unicodedata.category(c) == "Cf" and c not in _KEEP_FORMAT)
            or c == "\ufffd"
        )
        else c
        for c in normalize(text)
    ]
    return " ".join("".join(cleaned).split())
