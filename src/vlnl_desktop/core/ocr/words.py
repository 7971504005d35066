"""What OCR gives for one page, and the forms it is used in: the page's text (for search), its
characters with their boxes (for the viewer's selection and find), and the stored JSON.

Words are kept in the pixels of the image Tesseract read, with ``transform``: the matrix (a, b,
c, d, e, f) that maps those pixels to the page's unrotated PDF points, the space MuPDF reports
text in (``core.pdf.document.to_display`` turns it to what the viewer shows). A word's letters
share its box evenly along its line in the image, so a selection can end inside a word and a
scan that was read turned (a page scanned sideways) still maps each letter to where it is.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from vlnl_desktop.core.ocr.tesseract import Word
from vlnl_desktop.core.text import normalize

Rect = tuple[float, float, float, float]
Matrix = tuple[float, float, float, float, float, float]

# a text layer is "not words" when fewer than this share of its tokens look like words
_WORDLIKE_SHARE = 0.5
_MIN_TOKENS = 8
_WORDLIKE = re.compile(r"^[\W\d_]*[^\W\d_]{2,}[\W\d_]*$")


def needs_ocr(text: str) -> bool:
    """Whether a page with this text layer needs OCR: no text, or text that is not words (a
    broken font mapping gives runs of symbols and single letters)."""
    tokens = text.split()
    if not tokens:
        return True
    if len(tokens) < _MIN_TOKENS:
        return False
    wordlike = sum(1 for t in tokens if _WORDLIKE.match(t))
    return wordlike / len(tokens) < _WORDLIKE_SHARE


@dataclass(frozen=True)
class OcrPage:
    """One page's OCR: its words, how their pixels map to the page, how it was read."""

    page_no: int  # 1-based
    words: tuple[Word, ...]
    transform: Matrix
    dpi: int
    rotation: int = 0  # degrees the image was turned before it read upright

    @property
    def text(self) -> str:
        """The page's text: words joined by spaces, a line per line, NFKC-normalised."""
        lines: list[list[str]] = []
        last = None
        for word in self.words:
            if word.line != last:
                lines.append([])
                last = word.line
            lines[-1].append(word.text)
        return normalize("\n".join(" ".join(line) for line in lines))

    @property
    def confidence(self) -> float | None:
        """The mean of the words' confidences (0–100), None without words."""
        if not self.words:
            return None
        return sum(w.confidence for w in self.words) / len(self.words)

    def words_json(self) -> str:
        rows = [
            [w.left, w.top, w.right, w.bottom, w.text, w.block, w.line, round(w.confidence)]
            for w in self.words
        ]
        return json.dumps(rows, ensure_ascii=False, separators=(",", ":"))

    @classmethod
    def from_json(
        cls, page_no: int, words: str, transform: str, dpi: int, rotation: int
    ) -> OcrPage:
        rows = json.loads(words or "[]")
        matrix = tuple(float(v) for v in json.loads(transform or "[1,0,0,1,0,0]"))
        return cls(
            page_no,
            tuple(Word(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7]) for r in rows),
            matrix,  # type: ignore[arg-type]
            dpi,
            rotation,
        )

    def _to_page(self, x: float, y: float) -> tuple[float, float]:
        a, b, c, d, e, f = self.transform
        return (x * a + y * c + e, x * b + y * d + f)

    def _box(self, x0: float, y0: float, x1: float, y1: float) -> Rect:
        corners = [self._to_page(x, y) for x, y in ((x0, y0), (x1, y0), (x0, y1), (x1, y1))]
        xs = [p[0] for p in corners]
        ys = [p[1] for p in corners]
        return (min(xs), min(ys), max(xs), max(ys))

    def lines(self) -> list[tuple[str, list[Rect]]]:
        """The text line by line, each character with its box in unrotated page points (the
        spaces between words span the gap), in reading order."""
        out: list[tuple[str, list[Rect]]] = []
        last = None
        previous: Word | None = None
        for word in self.words:
            if word.line != last:
                out.append(("", []))
                last, previous = word.line, None
            text, boxes = out[-1]
            if previous is not None:
                text += " "
                gap0 = min(previous.right, word.left)
                boxes.append(self._box(gap0, word.top, max(gap0, word.left), word.bottom))
            chars = normalize(word.text)
            step = (word.right - word.left) / max(len(chars), 1)
            for i, _ch in enumerate(chars):
                boxes.append(
                    self._box(word.left + i * step, word.top, word.left + (i + 1) * step,
                              word.bottom)
                )  # fmt: skip
            out[-1] = (text + chars, boxes)
            previous = word
        return out
