"""A web page made a PDF: its main text (``main_text``: the blocks inside ``<main>`` or
``<article>``, else all, without navigation, scripts and forms), laid out with PyMuPDF's Story
with the page's address and the date retrieved on it (``web_page_pdf``). Used by ``fetch`` for
the official texts published as web pages.
"""

from __future__ import annotations

import datetime as dt
import html
import io
import re
from html.parser import HTMLParser

from vlnl_desktop.core.dates import format_date_nl
from vlnl_desktop.core.errors import FetchProblem
from vlnl_desktop.core.pdf.gate import quiet_mupdf
from vlnl_desktop.core.text import fold

_SKIP = {"script", "style", "nav", "header", "footer", "aside", "form", "noscript", "svg", "button"}
_BLOCKS = {
    "p", "div", "li", "br", "tr", "section", "article", "main", "blockquote", "dd", "dt",
    "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table",
}  # fmt: skip
_HEADINGS = {"h1", "h2", "h3", "h4"}
_VOID = {"br", "img", "meta", "link", "input", "hr", "source", "wbr", "area", "base", "col"}


class _MainText(HTMLParser):
    """Collects the text blocks of a page, noting which lie inside ``<main>`` or ``<article>``."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.title = ""
        self.blocks: list[tuple[str, str, bool]] = []  # (tag, text, inside main)
        self._stack: list[str] = []
        self._skip = 0
        self._main = 0
        self._in_title = False
        self._current: list[str] = []
        self._current_tag = "p"

    def _flush(self) -> None:
        text = " ".join("".join(self._current).split())
        if text:
            self.blocks.append((self._current_tag, text, self._main > 0))
        self._current = []
        self._current_tag = "p"

    def handle_starttag(self, tag, attrs):
        if tag == "title":
            self._in_title = True
        if tag in _VOID:
            if tag == "br":
                self._flush()
            return
        self._stack.append(tag)
        if tag in _SKIP:
            self._skip += 1
        if tag in ("main", "article"):
            self._main += 1
        if tag in _BLOCKS:
            self._flush()
            if tag in _HEADINGS:
                self._current_tag = "h"
            elif tag == "li":
                self._current_tag = "li"

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False
        if tag not in self._stack:
            return
        while self._stack:
            top = self._stack.pop()
            if top in _BLOCKS:
                self._flush()
            if top in _SKIP:
                self._skip -= 1
            if top in ("main", "article"):
                self._main -= 1
            if top == tag:
                break

    def handle_data(self, data):
        if self._in_title:
            self.title += data
        elif not self._skip:
            self._current.append(data)

    def close(self):
        super().close()
        self._flush()


def main_text(page: str) -> tuple[str, list[tuple[str, str]]]:
    """The page's title and its main text as (tag, text) blocks; tag is "h", "li" or "p"."""
    parser = _MainText()
    parser.feed(page)
    parser.close()
    inside = [(t, x) for t, x, m in parser.blocks if m]
    blocks = inside or [(t, x) for t, x, _ in parser.blocks]
    title = " ".join(parser.title.split())
    return title, blocks


_MONTHS_NL = (
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
)  # fmt: skip


def _date_forms(date: str | None) -> list[str]:
    """How a page may write the day ``date`` (ISO): "5 november 2018", "05-11-2018", "5/11/2018",
    "2018-11-05"; none for a date without a day (a year alone names too much)."""
    try:
        day = dt.date.fromisoformat(date or "")
    except ValueError:
        return []
    d, m, y = day.day, day.month, day.year
    return [
        f"{d} {_MONTHS_NL[m - 1]} {y}",
        f"{d:02d}-{m:02d}-{y}",
        f"{d}-{m}-{y}",
        f"{d:02d}/{m:02d}/{y}",
        f"{d}/{m}/{y}",
        f"{d:02d}.{m:02d}.{y}",
        day.isoformat(),
    ]


def _words(text: str) -> str:
    words = (w.strip("/.-") for w in re.sub(r"[^\w/.-]+", " ", fold(text)).split())
    return " " + " ".join(w for w in words if w) + " "


def names_document(blocks: list[tuple[str, str]], title: str, date: str | None) -> bool:
    """Whether a page's main text (``main_text``'s blocks) names the document: its title, or the
    day it is dated. A cookie wall or an error page does neither (its ``<title>`` may, so that is
    not read), and is not archived as the document."""
    text = _words(" ".join(t for _, t in blocks))
    wanted = [_words(title)] + [_words(form) for form in _date_forms(date)]
    return any(w.strip() and w in text for w in wanted)


def decode_page(data: bytes) -> str:
    """The page's bytes as text: its declared charset, else UTF-8, else cp1252."""
    head = data[:2048].decode("ascii", "ignore")
    match = re.search(r"charset=[\"']?([\w-]+)", head, re.IGNORECASE)
    for encoding in (match.group(1) if match else None, "utf-8", "cp1252"):
        if not encoding:
            continue
        try:
            return data.decode(encoding)
        except (LookupError, UnicodeDecodeError):
            continue
    return data.decode("utf-8", "replace")


def web_page_pdf(page: str, url: str, retrieved: str) -> bytes:
    """A PDF of the page's main text, with the address and the date retrieved on it."""
    import pymupdf

    quiet_mupdf()
    title, blocks = main_text(page)
    if not blocks:
        raise FetchProblem("no_text")
    parts = [f"<h1>{html.escape(title or url)}</h1>"]
    parts.append(
        f"<p class='src'>Webpagina: {html.escape(url)}<br/>"
        f"Opgehaald op {html.escape(format_date_nl(retrieved))} door vlnl-desktop; "
        f"de hoofdtekst van de pagina, zonder opmaak.</p>"
    )
    in_list = False
    for tag, text in blocks:
        if tag == "li" and not in_list:
            parts.append("<ul>")
            in_list = True
        if tag != "li" and in_list:
            parts.append("</ul>")
            in_list = False
        escaped = html.escape(text)
        parts.append(
            f"<h2>{escaped}</h2>" if tag == "h" else f"<li>{escaped}</li>" if tag == "li" else
            f"<p>{escaped}</p>"
        )  # fmt: skip
    if in_list:
        parts.append("</ul>")
    css = (
        "body {font-family: sans-serif; font-size: 10.5pt; line-height: 1.4;} "
        "h1 {font-size: 16pt;} h2 {font-size: 12pt; margin-top: 10pt;} "
        ".src {font-size: 8.5pt; color: #555; margin-bottom: 10pt;} p {margin: 0 0 5pt 0;}"
    )
    buffer = io.BytesIO()
    story = pymupdf.Story(html="<body>" + "".join(parts) + "</body>", user_css=css)
    writer = pymupdf.DocumentWriter(buffer)
    mediabox = pymupdf.paper_rect("a4")
    more = 1
    while more:
        device = writer.begin_page(mediabox)
        more, _ = story.place(mediabox + (56, 56, -56, -56))
        story.draw(device)
        writer.end_page()
    writer.close()
    doc = pymupdf.open("pdf", buffer.getvalue())
    try:
        stamp = "D:" + retrieved.replace("-", "") + "000000Z"
        doc.set_metadata(
            {
                "title": title or url,
                "subject": f"Webpagina {url}, opgehaald op {retrieved}",
                "creator": "vlnl-desktop fetch",
                "producer": "vlnl-desktop (PyMuPDF)",
                "creationDate": stamp,
                "modDate": stamp,
            }
        )
        doc.subset_fonts()
        return doc.tobytes(garbage=3, deflate=True, no_new_id=True)
    finally:
        doc.close()
