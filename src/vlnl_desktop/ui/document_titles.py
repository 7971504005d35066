"""Documents with the same title told apart where the window lists them: each gets its page count
beside the title, and its date (or, failing all, its id) where that still does not tell them apart."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from vlnl_desktop.core.catalog import Entry, Section
from vlnl_desktop.ui.labels import format_date, page_count


def tell_apart(sections: list[Section], page_counts: Callable[[str], int | None]) -> list[Section]:
    """``sections`` with the documents whose titles repeat labelled "Titel (12 pagina's)";
    ``page_counts(document_id)`` gives a document's page count (None if unknown)."""
    documents = [e for s in sections for e in _walk(s.entries) if e.kind == "document"]
    repeated = {t for t, n in Counter(e.label for e in documents).items() if n > 1}
    if not repeated:
        return sections
    notes = {}
    for title in repeated:
        same = [e for e in documents if e.label == title]
        counts = {e.id: page_counts(e.id) for e in same}
        for entry in same:
            note = page_count(counts[entry.id]) if counts[entry.id] else ""
            alike = [e for e in same if counts[e.id] == counts[entry.id]]
            if len(alike) > 1:
                dates = Counter(e.date for e in alike)
                extra = (
                    format_date(entry.date) if entry.date and dates[entry.date] == 1 else entry.id
                )
                note = f"{note}, {extra}" if note else extra
            notes[entry.id] = note
    return [s._replace(entries=_relabel(s.entries, notes)) for s in sections]


def _walk(entries):
    for entry in entries:
        yield entry
        yield from _walk(entry.children)


def _relabel(entries: tuple[Entry, ...], notes: dict[str, str]) -> tuple[Entry, ...]:
    out = []
    for entry in entries:
        if entry.kind == "document" and entry.id in notes:
            entry = entry._replace(label=f"{entry.label} ({notes[entry.id]})")
        if entry.children:
            entry = entry._replace(children=_relabel(entry.children, notes))
        out.append(entry)
    return tuple(out)
