"""The detail pane's HTML for a record, and the overview page: every value escaped.

Links use the ``vlnl:`` scheme: ``vlnl://record/ID`` selects a record, ``vlnl://document/ID`` opens a
document, ``vlnl://fetch/ID`` fetches and ``vlnl://attach/ID`` attaches its file; web addresses
(sources) stay as they are and are opened only after the user confirms.

An uncertain fact is never shown as plain truth: a value the sources disagree on (the 2020 summit's
format, say) carries a marker whose tooltip names the doubt and the conflicting sources, and the
box at the top lists every uncertainty with its sources.
"""

from __future__ import annotations

from html import escape
from urllib.parse import urlparse

from PySide6.QtCore import QCoreApplication

from vlnl_desktop.core.catalog import Counts, Detail, DocumentRef, RecordRef, Uncertainty
from vlnl_desktop.core.vocabulary import DOCUMENT_ROLE_OFFICIAL
from vlnl_desktop.ui.document_origin import (
    file_actions,
    missing_sentence,
    origin_text,
    versions_text,
)
from vlnl_desktop.ui.labels import (
    document_kind_singular,
    document_role_label,
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
.doubted { background-color: #fff4d6; color: #6b4e00; }
.missing { color: #8a5a00; }
td { padding-right: 18px; vertical-align: top; }
th { text-align: left; color: #374151; padding-right: 18px; font-weight: 600; }
</style>
"""


def record_url(record_id: str) -> str:
    return f"{RECORD_SCHEME}://record/{record_id}"


def document_url(document_id: str) -> str:
    return f"{RECORD_SCHEME}://document/{document_id}"


def action_url(action: str, document_id: str) -> str:
    """``vlnl://fetch/ID`` or ``vlnl://attach/ID``: a document's file fetched or attached."""
    return f"{RECORD_SCHEME}://{action}/{document_id}"


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
    if doc.role != DOCUMENT_ROLE_OFFICIAL:  # official is what a document of a record is
        parts.append(_span("· " + document_role_label(doc.role), "muted", lead=" "))
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


def _host(url: str) -> str:
    return urlparse(url).netloc.removeprefix("www.") or url


def _sources(urls: list[str]) -> str:
    items = [f'{_link(url, _host(url))} <span class="muted">{escape(url)}</span>' for url in urls]
    return (
        _heading(QCoreApplication.translate("DetailHtml", "Bronnen")) + _list(items)
        if items
        else ""
    )


def _uncertain(items: list[Uncertainty]) -> str:
    if not items:
        return ""
    label = QCoreApplication.translate("DetailHtml", "Onzeker:")
    disagree = QCoreApplication.translate("DetailHtml", "Bronnen die elkaar tegenspreken:")
    one = QCoreApplication.translate("DetailHtml", "Bron:")
    rows = []
    for u in items:
        cell = f"⚠ {escape(label)} {escape(u.text)}"
        if u.sources:
            links = ", ".join(_link(url, _host(url)) for url in u.sources)
            cell += f"<br>{escape(disagree if len(u.sources) > 1 else one)} {links}"
        rows.append(f'<tr><td class="uncertain">{cell}</td></tr>')
    return f'<table width="100%" cellpadding="6" cellspacing="0">{"".join(rows)}</table>'


def uncertainty_tooltip(items: list[Uncertainty]) -> str:
    """The tooltip of an uncertain value's marker: what is in doubt and the sources that disagree
    (rich text, so that Qt shows it with its line breaks)."""
    label = QCoreApplication.translate("DetailHtml", "Onzeker")
    parts = []
    for u in items:
        part = f"<b>{escape(label)}</b>: {escape(u.text)}"
        if u.sources:
            part += "<br>" + "<br>".join(f"• {escape(url)}" for url in u.sources)
        parts.append(part)
    return "<br><br>".join(parts)


def _doubted(value: str, field: str, detail: Detail) -> str:
    """``value`` (escaped), marked as uncertain when an uncertainty of the record names ``field``:
    highlighted, with a ⚠ whose tooltip holds the doubt and its sources."""
    doubts = [u for u in detail.uncertain if u.field == field]
    if not doubts:
        return escape(value)
    tip = escape(uncertainty_tooltip(doubts), quote=True)
    return f'<span class="doubted" title="{tip}">{escape(value)} ⚠</span>'


def _participants(detail: Detail) -> str:
    if not detail.participants:
        return ""
    title = (
        QCoreApplication.translate("DetailHtml", "Ondertekend door")
        if detail.kind == "treaty"
        else QCoreApplication.translate("DetailHtml", "Deelnemers")
    )
    sides: dict[str, list[str]] = {}
    for p in detail.participants:
        role = f' <span class="muted">— {escape(p.role)}</span>' if p.role else ""
        sides.setdefault(p.side, []).append(_link(record_url(p.person_id), p.name) + role)
    head = "".join(f"<th>{escape(side_label(s))}</th>" for s in sides)
    body = "".join(f"<td>{'<br>'.join(names)}</td>" for names in sides.values())
    return (
        _heading(title)
        + f'<table cellspacing="0" cellpadding="3"><tr>{head}</tr><tr>{body}</tr></table>'
    )


def _header(detail: Detail) -> str:
    kind = kind_label(detail.kind)
    if detail.kind == "summit" and detail.number:
        kind = QCoreApplication.translate("DetailHtml", "Topontmoeting %1").replace(
            "%1", str(detail.number)
        )
    meta: list[str] = []  # escaped HTML
    if detail.date:
        meta.append(_doubted(format_date(detail.date), "date", detail))
    if detail.place:
        place = _doubted(detail.place, "place", detail)
        if detail.municipality:
            place += f" ({_doubted(detail.municipality, 'municipality', detail)})"
        if detail.venue:
            place += f", {_doubted(detail.venue, 'venue', detail)}"
        meta.append(place)
    if detail.format:
        meta.append(_doubted(detail.format, "format", detail))
    if detail.in_force:
        meta.append(
            escape(QCoreApplication.translate("DetailHtml", "in werking sinds %1")).replace(
                "%1", _doubted(format_date(detail.in_force), "in_force", detail)
            )
        )
    if detail.event_kind:
        meta.append(escape(detail.event_kind))
    if detail.side:
        meta.append(escape(side_label(detail.side)))
    if detail.document and detail.document.kind:
        meta.append(escape(document_kind_singular(detail.document.kind)))
    html = f'<p class="kind">{escape(kind.upper())}</p><h1>{escape(detail.title)}</h1>'
    if meta:
        html += f'<p class="meta">{" · ".join(meta)}</p>'
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
    if detail.kind == "person":
        out.append(_offices(detail) + _participations(detail))
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


def _period(start: str | None, end: str | None) -> str:
    if start and end:
        text = QCoreApplication.translate("DetailHtml", "van %1 tot %2")
        return text.replace("%1", format_date(start)).replace("%2", format_date(end))
    if start:
        return QCoreApplication.translate("DetailHtml", "vanaf %1").replace(
            "%1", format_date(start)
        )
    if end:
        return QCoreApplication.translate("DetailHtml", "tot %1").replace("%1", format_date(end))
    return ""


def _offices(detail: Detail) -> str:
    """A person's offices, as the sources give them, with their dates where known."""
    if not detail.offices:
        return ""
    items = []
    for o in detail.offices:
        item = escape(o.office)
        span = _period(o.start, o.end)
        if span:
            item += f' <span class="muted">({escape(span)})</span>'
        if o.sources:
            item += " " + " ".join(
                f'<span class="muted">[{_link(url, _host(url))}]</span>' for url in o.sources
            )
        items.append(item)
    return _heading(QCoreApplication.translate("DetailHtml", "Ambten")) + _list(items)


def _participations(detail: Detail) -> str:
    """Every summit, event or treaty the person took part in, with the office held at the time."""
    title = QCoreApplication.translate(
        "DetailHtml", "Deelname aan topontmoetingen en gebeurtenissen"
    )
    if not detail.participations:
        return _heading(title) + _para(
            QCoreApplication.translate("DetailHtml", "Geen deelname opgenomen."), "muted"
        )
    rows = [
        f"<tr><td><b>{escape((p.date or '')[:4])}</b></td>"
        f"<td>{_link(record_url(p.record_id), p.title)}"
        f' <span class="muted">({escape(kind_label(p.kind).lower())}'
        f"{', ' + escape(format_date(p.date)) if p.date else ''})</span>"
        f'<br><span class="note">{escape(p.role)}</span></td></tr>'
        for p in detail.participations
    ]
    return _heading(title) + f'<table cellspacing="0" cellpadding="4">{"".join(rows)}</table>'


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
    out.append(_para(origin_text(doc), "meta"))
    if doc.in_archive:
        pages = f" ({page_count(doc.page_count)})" if doc.page_count else ""
        label = QCoreApplication.translate("DetailHtml", "Openen in de viewer")
        out.append(f"<p>{_link(document_url(doc.id), label)}{escape(pages)}</p>")
    else:
        out.append(_para(missing_sentence(doc), "missing"))
    actions = [_link(action_url(a, doc.id), label) for a, label in file_actions(doc)]
    if actions:
        out.append("<p>" + " &nbsp;·&nbsp; ".join(actions) + "</p>")
    if detail.versions:
        label = QCoreApplication.translate("DetailHtml", "Eerdere versies, bewaard:")
        out.append(_para(label, "muted") + _list([escape(v) for v in versions_text(detail)]))
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
        (
            counts.treaties + counts.institutions,
            QCoreApplication.translate("DetailHtml", "verdragen en instellingen"),
        ),
        (counts.themes, QCoreApplication.translate("DetailHtml", "thema's")),
        (counts.people, QCoreApplication.translate("DetailHtml", "personen")),
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
    if counts.documents_in_archive < counts.documents:
        files += " " + QCoreApplication.translate(
            "DetailHtml",
            "De ontbrekende officiële documenten haalt u op met Bestand › Officiële documenten "
            "ophalen…; een eigen kopie koppelt u op het document zelf (Bestand › Bestand koppelen…).",
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
