"""A record as plain text, for the clipboard (Bewerken › Kopiëren als tekst)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from vlnl_desktop.core.catalog import Detail
from vlnl_desktop.ui.labels import (
    document_kind_singular,
    format_date,
    kind_label,
    relation_label,
    side_label,
)


def _section(title: str, lines: list[str]) -> list[str]:
    if not lines:
        return []
    return ["", title, *(f"- {line}" for line in lines)]


def detail_text(detail: Detail) -> str:
    """The record's facts as readable plain text, sources included."""
    out = [detail.title, "=" * len(detail.title)]
    meta = [kind_label(detail.kind)]
    if detail.date:
        meta.append(format_date(detail.date))
    if detail.place:
        meta.append(detail.place)
    if detail.format:
        meta.append(detail.format)
    out.append(" · ".join(meta))
    for u in detail.uncertain:
        out.append(QCoreApplication.translate("DetailText", "Onzeker: %1").replace("%1", u.text))
        out += [f"  ({url})" for url in u.sources]
    if detail.summary:
        out += ["", detail.summary]
    if detail.summit:
        label = QCoreApplication.translate("DetailText", "Hoort bij: %1")
        out += ["", label.replace("%1", detail.summit.title)]
    out += _section(
        QCoreApplication.translate("DetailText", "Deelnemers"),
        [
            f"{p.name} ({side_label(p.side)}){', ' + p.role if p.role else ''}"
            for p in detail.participants
        ],
    )
    out += _section(
        QCoreApplication.translate("DetailText", "Ambten"),
        [
            o.office + (f" ({format_date(o.start)} – {format_date(o.end)})" if o.start else "")
            for o in detail.offices
        ],
    )
    out += _section(
        QCoreApplication.translate("DetailText", "Deelname"),
        [f"{format_date(p.date)}, {p.title}: {p.role}" for p in detail.participations],
    )
    out += _section(QCoreApplication.translate("DetailText", "Domeinen"), detail.domains)
    decisions_title = (
        QCoreApplication.translate("DetailText", "Beslissingen")
        if detail.kind == "summit"
        else QCoreApplication.translate("DetailText", "Details")
    )
    out += _section(decisions_title, detail.decisions)
    out += _section(
        QCoreApplication.translate("DetailText", "Op de topontmoetingen"),
        [f"{format_date(m.date)}, {m.place}: {relation_label(m.relation)}" for m in detail.history],
    )
    out += _section(
        QCoreApplication.translate("DetailText", "Thema's"),
        [
            t.name + (f" ({relation_label(t.relation)})" if t.relation else "")
            for t in detail.themes
        ],
    )
    out += _section(
        QCoreApplication.translate("DetailText", "Documenten"),
        [
            ", ".join(
                x for x in (d.title, document_kind_singular(d.kind), format_date(d.date)) if x
            )
            for d in detail.documents
        ],
    )
    out += _section(
        QCoreApplication.translate("DetailText", "Zie ook"),
        [f"{r.title}{', ' + format_date(r.date) if r.date else ''}" for r in detail.related],
    )
    out += _section(QCoreApplication.translate("DetailText", "Bronnen"), detail.sources)
    return "\n".join(out) + "\n"
