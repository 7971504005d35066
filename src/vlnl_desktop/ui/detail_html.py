"""The detail pane's HTML for a record, and the overview page: every value escaped.

Links use the ``vlnl:`` scheme: ``vlnl://record/ID`` selects a record, ``vlnl://document/ID`` opens a
document; web addresses (sources) stay as they are and are opened only after the user confirms.
"""

from __future__ import annotations

from html import escape
from urllib.parse import urlparse

from PySide6.QtCore import QCoreApplication

from vlnl_desktop.core.catalog import Counts, Detail, DocumentRef, RecordRef
from vlnl_desktop.ui.labels import (
    document_kind_singular,
    format_date,
    kind_label,
    page_count,
    relation_label,
    side_label,
)

RECORD_SCHEME = "vlnl"

STYLE = """
<style>
body { font-size: 10.5pt; }
h1 { font-size: 17pt; font-weight: 600; margin-top: 0px; margin-bottom: 4px; }
h3 { font-size: 11.5pt; font-weight: 600; margin-top: 16px; margin-bottom: 4px; color: #1d3f6e; }
a { color: #1a5fb4; text-decoration: none; }
.kind { color: #6b7280; font-size: 9pt; font-weight: 600; letter-spacing: 1px; }
.meta { color: #374151; font-size: 10.5pt; }
.muted { color: #6b7280; }
.note { color: #4b5563; }
.uncertain { background-color: #fff4d6; color: #6b4e00; }
.missing { color: #8a5a00; }
td { padding-right: 18px; vertical-align: top; }
th { text-align: left; color: #374151; padding-right: 18px; font-weight: 600; }
</style>
"""


def record_url(record_id: str) -> str:
    return f"{RECORD_SCHEME}://record/{record_id}"


def document_url(document_id: str) -> str:
    return f"{RECORD_SCHEME}://document/{document_id}"


def _link(url: str, text: str) -> str:
    return f'<a href="{escape(url)}">{escape(text)}</a>'


def _record_link(ref: RecordRef, with_date: bool = True) -> str:
    date = format_date(ref.date) if with_date else ""
    suffix = f' <span class="muted">· {escape(date)}</span>' if date else ""
    return _link(record_url(ref.id), ref.title) + suffix


def _list(items: list[str]) -> str:
    if not items:
        return ""
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


def _para(text: str, cls: str = "") -> str:
    attr = f' class="{cls}"' if cls else ""
    return f"<p{attr}>{escape(text)}</p>"


def _span(text: str, cls: str, lead: str = "") -> str:
    return f'{lead}<span class="{cls}">{escape(text)}</span>'


def _heading(text: str) -> str:
    return f"<h3>{escape(text)}</h3>"


def _document_item(doc: DocumentRef) -> str:
    parts = [_link(document_url(doc.id), doc.title)]
    meta = ", ".join(x for x in (document_kind_singular(doc.kind), format_date(doc.date)) if x)
    if meta:
        parts.append(f' <span class="muted">({escape(meta)})</span>')
    if not doc.in_archive:
        parts.append(
            _span(
                "— "
                + QCoreApplication.translate(
                    "DetailHtml", "het bestand is nog niet in het archief"
                ),
                "missing",
                lead=" ",
            )
        )
    return "".join(parts)


def _sources(urls: list[str]) -> str:
    items = []
    for url in urls:
        host = urlparse(url).netloc.removeprefix("www.")
        items.append(f'{_link(url, host or url)} <span class="muted">{escape(url)}</span>')
    return (
        _heading(QCoreApplication.translate("DetailHtml", "Bronnen")) + _list(items)
        if items
        else ""
    )


def _uncertain(texts: list[str]) -> str:
    if not texts:
        return ""
    label = QCoreApplication.translate("DetailHtml", "Onzeker:")
    rows = "".join(
        f'<tr><td class="uncertain">⚠ {escape(label)} {escape(t)}</td></tr>' for t in texts
    )
    return f'<table width="100%" cellpadding="6" cellspacing="0">{rows}</table>'


def _participants(detail: Detail) -> str:
    if not detail.participants:
        return ""
    sides: dict[str, list[str]] = {}
    for p in detail.participants:
        role = f' <span class="muted">— {escape(p.role)}</span>' if p.role else ""
        sides.setdefault(p.side, []).append(_link(record_url(p.person_id), p.name) + role)
    head = "".join(f"<th>{escape(side_label(s))}</th>" for s in sides)
    body = "".join(f"<td>{'<br>'.join(names)}</td>" for names in sides.values())
    return (
        _heading(QCoreApplication.translate("DetailHtml", "Deelnemers"))
        + f'<table cellspacing="0" cellpadding="3"><tr>{head}</tr><tr>{body}</tr></table>'
    )


def _header(detail: Detail) -> str:
    kind = kind_label(detail.kind)
    if detail.kind == "summit" and detail.number:
        kind = QCoreApplication.translate("DetailHtml", "Topontmoeting %1").replace(
            "%1", str(detail.number)
        )
    meta: list[str] = []
    if detail.date:
        meta.append(format_date(detail.date))
    if detail.place:
        place = detail.place
        if detail.municipality:
            place += f" ({detail.municipality})"
        if detail.venue:
            place += f", {detail.venue}"
        meta.append(place)
    if detail.format:
        meta.append(detail.format)
    if detail.event_kind:
        meta.append(detail.event_kind)
    if detail.side:
        meta.append(side_label(detail.side))
    if detail.document and detail.document.kind:
        meta.append(document_kind_singular(detail.document.kind))
    html = f'<p class="kind">{escape(kind.upper())}</p><h1>{escape(detail.title)}</h1>'
    if meta:
        html += f'<p class="meta">{escape(" · ".join(meta))}</p>'
    return html


def detail_html(detail: Detail) -> str:
    """The detail pane's page for one record."""
    out = [STYLE, _header(detail), _uncertain(detail.uncertain)]
    if detail.summary:
        out.append(f"<p>{escape(detail.summary)}</p>")
    if detail.summit:
        label = QCoreApplication.translate("DetailHtml", "Hoort bij:")
        out.append(f"<p>{escape(label)} {_record_link(detail.summit)}</p>")
    out.append(_participants(detail))
    if detail.domains:
        out.append(
            _heading(QCoreApplication.translate("DetailHtml", "Domeinen"))
            + _list([escape(d) for d in detail.domains])
        )
    if detail.decisions:
        title = (
            QCoreApplication.translate("DetailHtml", "Beslissingen")
            if detail.kind == "summit"
            else QCoreApplication.translate("DetailHtml", "Details")
        )
        out.append(_heading(title) + _list([escape(d) for d in detail.decisions]))
    if detail.kind == "theme":
        out.append(_theme_history(detail))
    if detail.themes:
        items = []
        for t in detail.themes:
            item = _link(record_url(t.id), t.name)
            if t.relation:
                item += f' <span class="muted">({escape(relation_label(t.relation))})</span>'
            if t.note:
                item += f'<br><span class="note">{escape(t.note)}</span>'
            items.append(item)
        out.append(_heading(QCoreApplication.translate("DetailHtml", "Thema's")) + _list(items))
    if detail.groups:
        title = (
            QCoreApplication.translate("DetailHtml", "Hoort bij de groepen")
            if detail.kind == "theme"
            else QCoreApplication.translate("DetailHtml", "Bovenliggende groep")
        )
        out.append(
            _heading(title) + _list([_record_link(g, with_date=False) for g in detail.groups])
        )
    if detail.members:
        out.append(
            _heading(QCoreApplication.translate("DetailHtml", "Thema's in deze groep"))
            + _list([_record_link(m, with_date=False) for m in detail.members])
        )
    if detail.document:
        out.append(_document_file(detail))
    if detail.documents:
        out.append(
            _heading(QCoreApplication.translate("DetailHtml", "Documenten"))
            + _list([_document_item(d) for d in detail.documents])
        )
    if detail.related:
        titles = {
            "summit": QCoreApplication.translate("DetailHtml", "Gebeurtenissen rond deze top"),
            "theme": QCoreApplication.translate("DetailHtml", "Ook genoemd in"),
            "document": QCoreApplication.translate("DetailHtml", "Genoemd bij"),
            "person": QCoreApplication.translate("DetailHtml", "Topontmoetingen"),
        }
        title = titles.get(detail.kind, QCoreApplication.translate("DetailHtml", "Zie ook"))
        items = [
            f'{_record_link(r)} <span class="muted">({escape(kind_label(r.kind).lower())})</span>'
            if detail.kind in ("theme", "document")
            else _record_link(r)
            for r in detail.related
        ]
        out.append(_heading(title) + _list(items))
    out.append(_sources(detail.sources))
    return "".join(part for part in out if part)


def _theme_history(detail: Detail) -> str:
    if not detail.history:
        return _heading(QCoreApplication.translate("DetailHtml", "Op de topontmoetingen")) + (
            _para(
                QCoreApplication.translate("DetailHtml", "Geen topontmoeting noemde dit thema."),
                "muted",
            )
        )
    rows = []
    for m in detail.history:
        note = f'<br><span class="note">{escape(m.note)}</span>' if m.note else ""
        rows.append(
            f"<tr><td><b>{escape(m.date[:4])}</b></td>"
            f"<td>{_link(record_url(m.summit_id), m.place)}"
            f' <span class="muted">· {escape(format_date(m.date))}</span>'
            f" — {escape(relation_label(m.relation))}{note}</td></tr>"
        )
    return (
        _heading(QCoreApplication.translate("DetailHtml", "Op de topontmoetingen"))
        + f'<table cellspacing="0" cellpadding="4">{"".join(rows)}</table>'
    )


def _document_file(detail: Detail) -> str:
    doc = detail.document
    assert doc is not None
    out = [_heading(QCoreApplication.translate("DetailHtml", "Bestand"))]
    if doc.in_archive:
        pages = f" ({page_count(doc.page_count)})" if doc.page_count else ""
        label = QCoreApplication.translate("DetailHtml", "Openen in de viewer")
        out.append(f"<p>{_link(document_url(doc.id), label)}{escape(pages)}</p>")
    else:
        out.append(
            _para(
                QCoreApplication.translate(
                    "DetailHtml", "Het bestand van dit document is nog niet in het archief."
                ),
                "missing",
            )
        )
    rows = []
    if detail.file_name:
        rows.append(
            (QCoreApplication.translate("DetailHtml", "Bestandsnaam"), escape(detail.file_name))
        )
    if detail.url:
        rows.append(
            (QCoreApplication.translate("DetailHtml", "Adres"), _link(detail.url, detail.url))
        )
    if detail.published_on:
        rows.append(
            (
                QCoreApplication.translate("DetailHtml", "Gepubliceerd op"),
                _link(detail.published_on, detail.published_on),
            )
        )
    if rows:
        out.append(
            '<table cellspacing="0" cellpadding="2">'
            + "".join(f'<tr><td class="muted">{escape(k)}</td><td>{v}</td></tr>' for k, v in rows)
            + "</table>"
        )
    return "".join(out)


def missing_record_html(record_id: str) -> str:
    title = QCoreApplication.translate("DetailHtml", "Niet gevonden")
    text = QCoreApplication.translate("DetailHtml", "Het archief bevat geen record %1.").replace(
        "%1", record_id
    )
    return STYLE + f"<h1>{escape(title)}</h1>" + _para(text)


def overview_html(counts: Counts, summits: list[RecordRef], declarations: list[RecordRef]) -> str:
    """The page shown when nothing is selected: what is in the archive and where to start."""
    title = QCoreApplication.translate(
        "DetailHtml", "Vlaanderen en Nederland: economie, wetenschap en innovatie"
    )
    intro = QCoreApplication.translate(
        "DetailHtml",
        "Een archief van de Vlaams-Nederlandse samenwerking in economie, wetenschap en innovatie: "
        "de intentieverklaringen, de topontmoetingen van de minister-presidenten, wat er tussen "
        "de toppen gebeurde, de thema's die erdoorheen lopen en de officiële documenten.",
    )
    stats = [
        (counts.declarations, QCoreApplication.translate("DetailHtml", "intentieverklaringen")),
        (counts.summits, QCoreApplication.translate("DetailHtml", "topontmoetingen")),
        (counts.events, QCoreApplication.translate("DetailHtml", "gebeurtenissen")),
        (counts.themes, QCoreApplication.translate("DetailHtml", "thema's")),
        (counts.documents, QCoreApplication.translate("DetailHtml", "documenten")),
    ]
    cells = "".join(
        f'<td align="center"><span style="font-size:20pt; font-weight:600; color:#1d3f6e">'
        f'{n}</span><br><span class="muted">{escape(label)}</span></td>'
        for n, label in stats
    )
    timeline = [_record_link(d) for d in declarations]
    timeline += [_record_link(s) for s in summits]
    tips = [
        QCoreApplication.translate(
            "DetailHtml",
            "Kies links een record om de feiten, beslissingen, thema's en bronnen te zien.",
        ),
        QCoreApplication.translate(
            "DetailHtml",
            "Zoek met Ctrl+F of Ctrl+K in de records en in de tekst van de documenten.",
        ),
        QCoreApplication.translate(
            "DetailHtml", "Alt+Links en Alt+Rechts gaan terug en vooruit, zoals in een browser."
        ),
    ]
    files = QCoreApplication.translate(
        "DetailHtml", "%1 van de %2 documenten staan als bestand in het archief."
    )
    files = files.replace("%1", str(counts.documents_in_archive)).replace(
        "%2", str(counts.documents)
    )
    return (
        STYLE
        + _para(QCoreApplication.translate("DetailHtml", "OVERZICHT"), "kind")
        + f"<h1>{escape(title)}</h1>"
        + _para(intro)
        + f'<table cellspacing="0" cellpadding="10"><tr>{cells}</tr></table>'
        + _heading(
            QCoreApplication.translate("DetailHtml", "Intentieverklaringen en topontmoetingen")
        )
        + _list(timeline)
        + _heading(QCoreApplication.translate("DetailHtml", "Zo begint u"))
        + _list([escape(t) for t in tips])
        + f'<p class="muted">{escape(files)}</p>'
    )
