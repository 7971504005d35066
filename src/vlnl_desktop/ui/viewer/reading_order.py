"""Positions in a page's text in reading order, as a reader selects: the caret position nearest a
point, the word and the line around it, and the text and the boxes between two positions.

A position is a caret offset into the page's characters taken line after line (0 is before the
first character, ``length`` after the last). Pure geometry over ``core.pdf.document.PageChars``
(display points), without Qt, so the tests can check it on its own.
"""

from __future__ import annotations

from bisect import bisect_right

from vlnl_desktop.core.pdf.document import PageChars, Rect, TextLine


class PageText:
    """The characters of one page with the offsets where its lines start."""

    def __init__(self, chars: PageChars) -> None:
        self.chars = chars
        self.lines: tuple[TextLine, ...] = chars.lines
        self.starts: list[int] = []
        offset = 0
        for line in self.lines:
            self.starts.append(offset)
            offset += len(line.text)
        self.length = offset

    # --- from a point ---

    def line_index_at(self, x: float, y: float) -> int:
        """The line under (x, y), or the nearest one; -1 if the page has no text."""
        best, best_distance = -1, (2, 0.0)
        for i, line in enumerate(self.lines):
            distance = _distance(line.bbox, x, y)
            if distance < best_distance:
                best, best_distance = i, distance
                if distance == (0, 0.0):
                    break
        return best

    def position_at(self, x: float, y: float) -> int:
        """The caret position nearest (x, y): in the nearest line, before the first character whose
        middle is right of x."""
        i = self.line_index_at(x, y)
        if i < 0:
            return 0
        line = self.lines[i]
        column = len(line.boxes)
        for k, box in enumerate(line.boxes):
            if x < (box[0] + box[2]) / 2:
                column = k
                break
        return self.starts[i] + column

    def word_at(self, x: float, y: float) -> tuple[int, int]:
        """The word under (x, y): the characters around it up to a space (or the line's ends)."""
        i = self.line_index_at(x, y)
        if i < 0:
            return 0, 0
        line = self.lines[i]
        k = next(
            (k for k, box in enumerate(line.boxes) if x <= box[2]),
            len(line.text) - 1,
        )
        if line.text[k].isspace():
            return self.starts[i] + k, self.starts[i] + k + 1
        start = k
        while start > 0 and not line.text[start - 1].isspace():
            start -= 1
        end = k + 1
        while end < len(line.text) and not line.text[end].isspace():
            end += 1
        return self.starts[i] + start, self.starts[i] + end

    def line_at(self, x: float, y: float) -> tuple[int, int]:
        """The whole line under (x, y), or the nearest one."""
        i = self.line_index_at(x, y)
        if i < 0:
            return 0, 0
        return self.starts[i], self.starts[i] + len(self.lines[i].text)

    # --- between two positions ---

    def _spans(self, start: int, end: int):
        """(line index, first column, end column) of each line with characters in [start, end)."""
        if end <= start or not self.lines:
            return
        i = max(bisect_right(self.starts, start) - 1, 0)
        while i < len(self.lines) and self.starts[i] < end:
            line_start = self.starts[i]
            a = max(start - line_start, 0)
            b = min(end - line_start, len(self.lines[i].text))
            if b > a:
                yield i, a, b
            i += 1

    def text_between(self, start: int, end: int) -> str:
        """The text of [start, end): lines joined by line breaks, or by a space where two pieces of
        text stand on the same line (a word set apart, a second column of a table)."""
        parts: list[str] = []
        previous: TextLine | None = None
        for i, a, b in self._spans(start, end):
            line = self.lines[i]
            piece = line.text[a:b]
            if previous is not None:
                parts.append(" " if _same_row(previous.bbox, line.bbox) else "\n")
            parts.append(piece)
            previous = line
        text = "".join(parts)
        return "\n".join(part.rstrip() for part in text.split("\n"))

    def boxes_between(self, start: int, end: int) -> list[Rect]:
        """One box per line covering its characters in [start, end) (display points)."""
        boxes = []
        for i, a, b in self._spans(start, end):
            chars = self.lines[i].boxes[a:b]
            boxes.append(
                (
                    min(c[0] for c in chars),
                    min(c[1] for c in chars),
                    max(c[2] for c in chars),
                    max(c[3] for c in chars),
                )
            )
        return boxes


def _distance(box: Rect, x: float, y: float) -> tuple[int, float]:
    """How far (x, y) is from ``box``, to compare: a line at the point's height comes first (the
    nearer one, across from a short line's end or a column's gutter); for a point between lines,
    the horizontal distance counts more (below a column is that column, not a page number beside
    it)."""
    dx = max(box[0] - x, 0.0, x - box[2])
    dy = max(box[1] - y, 0.0, y - box[3])
    return (0, dx) if dy == 0 else (1, 2 * dx + dy)


def _same_row(a: Rect, b: Rect) -> bool:
    """Whether ``b`` continues ``a`` on the same line: they overlap for most of their height and
    ``b`` starts right of ``a``."""
    overlap = min(a[3], b[3]) - max(a[1], b[1])
    return overlap > 0.5 * min(a[3] - a[1], b[3] - b[1]) and b[0] >= a[2] - 1
