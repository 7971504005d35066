"""What each record contributes to the search index: a title and a body of searchable text.

The body gathers what a user may type to find the record: its summary and details, the place, the
people, the names of its themes and documents, the date written out in Dutch. A person's title is
their name (so that a minister's name finds the person first); the body holds their side and offices,
not the titles of the summits they attended (a search for a summit's place would list every
minister before the summit). Text is NFKC-normalised.
"""

from __future__ import annotations

from collections.abc import Iterator

from vlnl_desktop.core.dates import format_date_nl
from vlnl_desktop.core.records import Records
from vlnl_desktop.core.text import normalize
from vlnl_desktop.core.vocabulary import RELATION_NL, side_nl


def _join(*parts: object) -> str:
    out: list[str] = []
    for part in parts:
        if isinstance(part, list | tuple):
            out.extend(str(p) for p in part if p)
        elif part:
            out.append(str(part))
    return normalize("\n".join(out))


def search_items(records: Records) -> Iterator[dict]:
    """One dict (record_id, kind, title, date, body) per record that search should find."""
    names = {r["id"]: r["name"] for r in records.themes + records.groups + records.people}
    titles = {r["id"]: r["title"] for r in records.summits + records.documents}

    def people(rec: dict) -> list[str]:
        return [
            f"{names[p['person']]}, {p['role']}"
            for p in rec.get("participants", [])
            if p["person"] in names
        ]

    summits_of_theme: dict[str, list[str]] = {}
    for summit in records.summits:
        for link in summit["themes"]:
            summits_of_theme.setdefault(link["theme"], []).append(
                f"{summit['title']} ({RELATION_NL[link['relation']]})"
            )

    for rec in records.declarations:
        yield _item(
            rec,
            "declaration",
            rec["title"],
            rec["summary"],
            rec["domains"],
            rec["details"],
            [names[t] for t in rec["themes"]],
            [titles[d] for d in rec["documents"]],
            [u["text"] for u in rec["uncertain"]],
        )
    for rec in records.summits:
        themes = [
            f"{names[link['theme']]} {link.get('note') or ''}".strip() for link in rec["themes"]
        ]
        yield _item(
            rec,
            "summit",
            rec["title"],
            rec["place"],
            rec["municipality"],
            rec["venue"],
            rec["format"],
            rec["summary"],
            rec["decisions"],
            people(rec),
            themes,
            [titles[d] for d in rec["documents"]],
            [u["text"] for u in rec["uncertain"]],
        )
    for rec in records.events:
        yield _item(
            rec,
            "event",
            rec["title"],
            rec["summary"],
            rec["details"],
            people(rec),
            [names[t] for t in rec["themes"]],
            [titles[d] for d in rec["documents"]],
            [u["text"] for u in rec["uncertain"]],
        )
    for rec in records.treaties:
        yield _item(
            rec,
            "treaty",
            rec["title"],
            rec["place"],
            format_date_nl(rec["in_force"]),
            rec["summary"],
            rec["details"],
            people(rec),
            [names[t] for t in rec["themes"]],
            [titles[d] for d in rec["documents"]],
            [u["text"] for u in rec["uncertain"]],
        )
    for rec in records.institutions:
        yield _item(
            rec,
            "institution",
            rec["title"],
            rec["summary"],
            rec["details"],
            [names[t] for t in rec["themes"]],
            [u["text"] for u in rec["uncertain"]],
        )
    for rec in records.people:
        yield _item(
            rec,
            "person",
            rec["name"],
            side_nl(rec["side"]),
            [o["office"] for o in rec["offices"]],
        )
    for rec in records.groups:
        yield _item(rec, "group", rec["name"], rec["summary"])
    for rec in records.themes:
        yield _item(
            rec,
            "theme",
            rec["name"],
            rec["summary"],
            [names[g] for g in rec["groups"]],
            summits_of_theme.get(rec["id"], []),
        )
    for rec in records.documents:
        yield _item(
            rec,
            "document",
            rec["title"],
            rec["file_name"],
            rec["summary"],
            titles.get(rec["summit"] or "", ""),
        )


def _item(rec: dict, kind: str, title: str, *body: object) -> dict:
    date = rec.get("date")
    return {
        "record_id": rec["id"],
        "kind": kind,
        "title": normalize(title),
        "date": date,
        "body": _join(format_date_nl(date), *body),
    }
