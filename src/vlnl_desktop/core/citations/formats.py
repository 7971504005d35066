"""Citations written out: a Dutch APA 7 reference (text and HTML), CSL-JSON, RIS and BibTeX.

APA 7 as Dutch style guides use it: "Organisatie. (2016, 7 november). *Titel* [Genre].
Uitgever. Geraadpleegd op 30 november 2026, van https://…"; "(z.d.)" without a date; without an
author the title takes its place; the publisher is left out when it is the author. A highlight is
cited as its quotation with the page, followed by the reference. CSL-JSON, RIS and BibTeX carry
the same fields in the form Zotero imports (the organisation as one literal name).
"""

from __future__ import annotations

import html
import json
import re

from vlnl_desktop.core.citations.source import CitedSource
from vlnl_desktop.core.dates import MONTHS_NL, format_date_nl

FORMATS = ("text", "csl", "ris", "bibtex")


def _date_parts(value: str | None) -> list[int]:
    if not value:
        return []
    return [int(p) for p in value.split("-")[:3] if p.isdigit()]


def _apa_date(value: str | None) -> str:
    parts = _date_parts(value)
    if not parts:
        return "z.d."
    if len(parts) == 1:
        return str(parts[0])
    if len(parts) == 2:
        return f"{parts[0]}, {MONTHS_NL[parts[1] - 1]}"
    return f"{parts[0]}, {parts[2]} {MONTHS_NL[parts[1] - 1]}"


def _sentence(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "?", "!")) else text + "."


def _apa_parts(src: CitedSource, italic) -> list[str]:
    title = italic(src.title) + (f" [{src.genre[:1].upper()}{src.genre[1:]}]" if src.genre else "")
    if src.author:
        parts = [_sentence(src.author), f"({_apa_date(src.date)}).", _sentence(title)]
    else:
        parts = [_sentence(title), f"({_apa_date(src.date)})."]
    if src.publisher and src.publisher != src.author:
        parts.append(_sentence(src.publisher))
    if src.url:
        parts.append(f"Geraadpleegd op {format_date_nl(src.accessed)}, van {src.url}")
    return parts


def _in_text(src: CitedSource) -> str:
    who = src.author or src.title
    year = str(_date_parts(src.date)[0]) if _date_parts(src.date) else "z.d."
    page = f", p. {src.page}" if src.page else ""
    return f"({who}, {year}{page})"


def apa_text(src: CitedSource) -> str:
    """The reference as plain text (a highlight: its quotation and page first)."""
    reference = " ".join(_apa_parts(src, lambda t: t))
    if src.quote:
        return f"“{' '.join(src.quote.split())}” {_in_text(src)}\n\n{reference}"
    return reference


def apa_html(src: CitedSource) -> str:
    """The reference with the title in italics, for the clipboard's rich text."""
    parts = _apa_parts(src, lambda t: f"<i>{html.escape(t)}</i>")
    reference = " ".join(p if p.startswith("<i>") else _escape_part(p) for p in parts)
    if src.quote:
        quote = html.escape(f"“{' '.join(src.quote.split())}” {_in_text(src)}")
        return f"<p>{quote}</p><p>{reference}</p>"
    return f"<p>{reference}</p>"


def _escape_part(part: str) -> str:
    if "<i>" in part:  # the title with its genre: the italic part is escaped already
        head, _, tail = part.partition("</i>")
        return head + "</i>" + html.escape(tail)
    return html.escape(part)


# --- CSL-JSON ---


def csl_item(src: CitedSource) -> dict:
    item: dict = {"id": src.key, "type": src.type, "title": src.title, "language": "nl"}
    if src.author:
        item["author"] = [{"literal": src.author}]
    if _date_parts(src.date):
        item["issued"] = {"date-parts": [_date_parts(src.date)]}
    if src.publisher or src.author:
        item["publisher"] = src.publisher or src.author
    if src.url:
        item["URL"] = src.url
    item["accessed"] = {"date-parts": [_date_parts(src.accessed)]}
    if src.genre:
        item["genre"] = src.genre
    if src.page:
        item["page"] = str(src.page)
    if src.quote:
        item["note"] = f"“{src.quote}”" + (f"\n{src.note}" if src.note else "")
    elif src.note:
        item["note"] = src.note
    return item


def csl_json(sources: list[CitedSource]) -> str:
    return json.dumps([csl_item(s) for s in sources], ensure_ascii=False, indent=2)


# --- RIS ---

RIS_TYPES = {"report": "RPRT", "webpage": "ELEC", "document": "GEN"}


def _ris_date(value: str | None) -> str:
    parts = _date_parts(value)
    return "/".join(f"{p:02d}" if i else str(p) for i, p in enumerate(parts)) + "/" * (
        3 - len(parts)
    )


def ris_entry(src: CitedSource) -> str:
    lines = [("TY", RIS_TYPES.get(src.type, "GEN")), ("ID", src.key), ("TI", src.title)]
    if src.author:  # RIS splits a name at its first comma: an organisation's commas would too
        lines.append(("AU", src.author.replace(", ", " ")))
    parts = _date_parts(src.date)
    if parts:
        lines += [("PY", str(parts[0])), ("DA", _ris_date(src.date))]
    if src.publisher or src.author:
        lines.append(("PB", src.publisher or src.author or ""))
    if src.url:
        lines.append(("UR", src.url))
    lines.append(("Y2", _ris_date(src.accessed)))
    lines.append(("LA", "nl"))
    if src.genre:
        lines.append(("M3", src.genre))
    if src.page:
        lines.append(("SP", str(src.page)))
    if src.quote:
        lines.append(("N1", f"“{src.quote}”"))
    if src.note:
        lines.append(("N1", src.note))
    lines.append(("ER", ""))
    return "\n".join(f"{tag}  - {' '.join(value.split())}".rstrip() for tag, value in lines)


def ris(sources: list[CitedSource]) -> str:
    return "\n\n".join(ris_entry(s) for s in sources) + "\n"


# --- BibTeX ---

_BIB_SPECIAL = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "%": r"\%", "&": r"\&",
                "$": r"\$", "#": r"\#", "_": r"\_", "~": r"\textasciitilde{}",
                "^": r"\textasciicircum{}"}  # fmt: skip


def _bib(value: str) -> str:
    return "".join(_BIB_SPECIAL.get(c, c) for c in " ".join(value.split()))


def _bib_key(src: CitedSource) -> str:
    return re.sub(r"[^A-Za-z0-9_:-]", "", src.key.replace("highlight:", "highlight-")) or "item"


def bibtex_entry(src: CitedSource) -> str:
    entry_type = {"report": "techreport", "webpage": "online"}.get(src.type, "misc")
    fields = [("title", "{" + _bib(src.title) + "}")]
    if src.author:
        fields.append(("author", "{" + _bib(src.author) + "}"))  # an organisation: one name
    parts = _date_parts(src.date)
    if parts:
        fields.append(("year", str(parts[0])))
        fields.append(("date", src.date or ""))
    if src.author or src.publisher:
        place = "institution" if entry_type == "techreport" else "publisher"
        fields.append((place, _bib(src.publisher or src.author or "")))
    if src.url:
        fields.append(("url", src.url.replace("%", r"\%").replace("#", r"\#")))
        fields.append(("urldate", src.accessed))
    if src.genre and entry_type == "techreport":
        fields.append(("type", _bib(src.genre)))
    if src.page:
        fields.append(("pages", str(src.page)))
    note = " ".join(p for p in (f"“{src.quote}”" if src.quote else "", src.note or "") if p)
    if note:
        fields.append(("note", _bib(note)))
    fields.append(("language", "dutch"))
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@{entry_type}{{{_bib_key(src)},\n{body}\n}}"


def bibtex(sources: list[CitedSource]) -> str:
    return "\n\n".join(bibtex_entry(s) for s in sources) + "\n"


def render(sources: list[CitedSource], fmt: str) -> str:
    """``sources`` in the format ``fmt`` (one of ``FORMATS``)."""
    if fmt == "text":
        return "\n\n".join(apa_text(s) for s in sources) + "\n"
    if fmt == "csl":
        return csl_json(sources) + "\n"
    if fmt == "ris":
        return ris(sources)
    if fmt == "bibtex":
        return bibtex(sources)
    raise ValueError(f"unknown citation format {fmt!r}")
