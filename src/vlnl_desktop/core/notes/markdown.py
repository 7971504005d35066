"""The simple Markdown a note is written in, turned into HTML where Qt does not do it (the dossier):
paragraphs, line breaks, headings (#), list items (- or *), **bold**, *italic*, `code`; and the
plain words of a note, its marks left out (``markdown_plain``, what search indexes and shows)."""

from __future__ import annotations

import html
import re

_INLINE = (
    (re.compile(r"\*\*(.+?)\*\*"), r"<b>\1</b>"),
    (re.compile(r"(?<![*\w])\*(?!\s)(.+?)(?<!\s)\*(?![*\w])"), r"<i>\1</i>"),
    (re.compile(r"`(.+?)`"), r"<code>\1</code>"),
)


_ITEM = re.compile(r"^\s*[-*]\s+")


def _inline(text: str) -> str:
    out = html.escape(text)
    for pattern, replacement in _INLINE:
        out = pattern.sub(replacement, out)
    return out


_MARKUP = re.compile(r"^\s{0,3}(?:#{1,6}\s+|[-*]\s+)|\*\*|(?<!\w)\*(?=\S)|(?<=\S)\*(?!\w)|`", re.M)


def markdown_plain(text: str) -> str:
    """``text`` without its Markdown marks (for search: the words, not the asterisks)."""
    return _MARKUP.sub("", text)


def markdown_html(text: str) -> str:
    """``text`` (a note) as HTML; everything the user typed is escaped first."""
    blocks = re.split(r"\n\s*\n", text.strip())
    out = []
    for block in blocks:
        lines = [line.rstrip() for line in block.splitlines() if line.strip()]
        if not lines:
            continue
        heading = re.match(r"(#{1,6})\s+(.*)", lines[0])
        if heading and len(lines) == 1:
            level = min(len(heading.group(1)) + 2, 6)  # under the page's own headings
            out.append(f"<h{level}>{_inline(heading.group(2))}</h{level}>")
        elif all(_ITEM.match(line) for line in lines):
            items = "".join(f"<li>{_inline(_ITEM.sub('', x))}</li>" for x in lines)
            out.append(f"<ul>{items}</ul>")
        else:
            out.append("<p>" + "<br/>".join(_inline(line) for line in lines) + "</p>")
    return "".join(out)
