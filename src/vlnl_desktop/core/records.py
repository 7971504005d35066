"""Load the bundled records (TOML) and validate them.

The format is described in ``archive/records/README.md``. ``load_records`` returns plain dicts with every
optional field filled in, so the build and the tests need not guess; it raises ``RecordError`` listing
every problem it finds.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from urllib.parse import urlparse

from vlnl_desktop.core.errors import RecordError
from vlnl_desktop.core.locations import records_dir
from vlnl_desktop.core.vocabulary import RELATIONS, SIDES

ID_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")
_PHONE = re.compile(r"(?<![\w-])(?:\+|0)\d(?:[ ./]?\d){8,}(?![\w-])")

# kind -> (required fields, list fields, optional scalar fields)
_FIELDS: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    "declaration": (
        ("id", "title", "date", "summary", "sources"),
        ("domains", "details", "themes", "documents", "sources", "uncertain"),
        (),
    ),
    "summit": (
        ("id", "number", "title", "date", "place", "summary", "sources"),
        ("decisions", "documents", "sources", "uncertain", "participants", "themes"),
        ("municipality", "venue", "format"),
    ),
    "event": (
        ("id", "title", "kind", "summary", "sources"),
        ("details", "themes", "documents", "sources", "uncertain", "participants"),
        ("date", "summit"),
    ),
    "treaty": (
        ("id", "title", "date", "summary", "sources"),
        ("details", "themes", "documents", "sources", "uncertain", "participants"),
        ("place", "in_force"),
    ),
    "institution": (
        ("id", "title", "summary", "sources"),
        ("details", "themes", "sources", "uncertain"),
        ("date",),
    ),
    "group": (("id", "name", "summary", "sources"), ("sources",), ("parent",)),
    "theme": (("id", "name", "summary", "groups", "sources"), ("groups", "aliases", "sources"), ()),
    "person": (("id", "name", "side", "offices", "sources"), ("offices", "sources"), ()),
    "document": (
        ("id", "title", "kind", "published_on", "sources"),
        ("sources",),
        ("file_name", "date", "summit", "url", "summary"),
    ),
}


# the fields of an uncertain fact given as a table, and of a person's office
_UNCERTAIN_FIELDS = {"text", "field", "sources"}
_OFFICE_FIELDS = {"office", "from", "until", "sources"}
# kinds whose records list participants (people with their office at the time)
PARTICIPATING_KINDS = ("summit", "event", "treaty")


@dataclass
class Records:
    """Every record of the bundled archive, by kind, in a stable order; ``source_dates`` holds the
    publication date of the sources that ``sources.toml`` describes (by URL)."""

    declarations: list[dict] = field(default_factory=list)
    summits: list[dict] = field(default_factory=list)
    events: list[dict] = field(default_factory=list)
    treaties: list[dict] = field(default_factory=list)
    institutions: list[dict] = field(default_factory=list)
    groups: list[dict] = field(default_factory=list)
    themes: list[dict] = field(default_factory=list)
    people: list[dict] = field(default_factory=list)
    documents: list[dict] = field(default_factory=list)
    aliases: list[dict] = field(default_factory=list)
    source_dates: dict[str, str] = field(default_factory=dict)

    def by_kind(self) -> dict[str, list[dict]]:
        return {
            "declaration": self.declarations,
            "summit": self.summits,
            "event": self.events,
            "treaty": self.treaties,
            "institution": self.institutions,
            "group": self.groups,
            "theme": self.themes,
            "person": self.people,
            "document": self.documents,
        }

    def ids(self) -> dict[str, str]:
        """Every record id mapped to its kind."""
        return {rec["id"]: kind for kind, recs in self.by_kind().items() for rec in recs}

    def participations(self) -> list[tuple[str, dict, dict]]:
        """(kind, record, participant) for every person listed on a summit, event or treaty."""
        return [
            (kind, rec, part)
            for kind in PARTICIPATING_KINDS
            for rec in self.by_kind()[kind]
            for part in rec.get("participants", [])
            if isinstance(part, dict)
        ]


def date_span(value: str) -> tuple[str, str]:
    """The first and last day an ISO date of day, month or year precision covers (as ISO text)."""
    if len(value) == 4:
        return f"{value}-01-01", f"{value}-12-31"
    if len(value) == 7:
        return f"{value}-01", f"{value}-31"
    return value, value


def parse_iso_date(value: str) -> bool:
    """True if ``value`` is an ISO 8601 date of day, month or year precision that exists."""
    if not isinstance(value, str):
        return False
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            date.fromisoformat(value)
        elif re.fullmatch(r"\d{4}-\d{2}", value):
            date.fromisoformat(value + "-01")
        elif not re.fullmatch(r"\d{4}", value):
            return False
    except ValueError:
        return False
    return 1900 <= int(value[:4]) <= 2100


def _read(path: Path, problems: list[str]) -> dict:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        problems.append(f"{path.name}: {exc}")
        return {}


def _normalise(kind: str, raw: object, where: str, problems: list[str]) -> dict | None:
    if not isinstance(raw, dict):
        problems.append(f"{where}: a {kind} must be a table")
        return None
    required, lists, optional = _FIELDS[kind]
    rec = dict(raw)
    label = f"{where}: {kind} {rec.get('id', '?')}"
    for name in required:
        if rec.get(name) in (None, "", []):
            problems.append(f"{label}: missing field '{name}'")
    for name in lists:
        value = rec.setdefault(name, [])
        if not isinstance(value, list):
            problems.append(f"{label}: '{name}' must be a list")
            rec[name] = []
    for name in optional:
        rec.setdefault(name, None)
    known = set(required) | set(lists) | set(optional)
    for name in rec:
        if name not in known:
            problems.append(f"{label}: unknown field '{name}'")
    if "uncertain" in lists:
        rec["uncertain"] = [_uncertain(u, known, label, problems) for u in rec["uncertain"]]
    if kind == "person":
        rec["offices"] = [_office(o, label, problems) for o in rec["offices"]]
    rec["_file"] = where
    return rec


def _uncertain(raw: object, fields: set[str], label: str, problems: list[str]) -> dict:
    """An uncertain fact: a sentence, or a table {text, field (the field it casts doubt on),
    sources (the sources that disagree)}; always returned as the table."""
    if isinstance(raw, str):
        return {"text": raw, "field": None, "sources": []}
    if not isinstance(raw, dict) or not isinstance(raw.get("text"), str) or not raw["text"]:
        problems.append(f"{label}: an uncertain fact needs a text: {raw!r}")
        return {"text": str(raw), "field": None, "sources": []}
    for name in set(raw) - _UNCERTAIN_FIELDS:
        problems.append(f"{label}: uncertain fact: unknown field '{name}'")
    if raw.get("field") is not None and raw["field"] not in fields:
        problems.append(f"{label}: uncertain fact: '{raw['field']}' is not a field of the record")
    sources = raw.get("sources", [])
    if not isinstance(sources, list):
        problems.append(f"{label}: uncertain fact: 'sources' must be a list")
        sources = []
    return {"text": raw["text"], "field": raw.get("field"), "sources": sources}


def _office(raw: object, label: str, problems: list[str]) -> dict:
    """An office a person held: {office (in full, as the source gives it), from, until, sources}."""
    if not isinstance(raw, dict) or not isinstance(raw.get("office"), str) or not raw["office"]:
        problems.append(f"{label}: an office needs its name: {raw!r}")
        return {"office": str(raw), "from": None, "until": None, "sources": []}
    for name in set(raw) - _OFFICE_FIELDS:
        problems.append(f"{label}: office {raw['office']!r}: unknown field '{name}'")
    office = {k: raw.get(k) for k in ("office", "from", "until")}
    office["sources"] = raw.get("sources") if isinstance(raw.get("sources"), list) else []
    if not office["sources"]:
        problems.append(f"{label}: office {raw['office']!r}: missing field 'sources'")
    for bound in ("from", "until"):
        if office[bound] is not None and not parse_iso_date(office[bound]):
            problems.append(f"{label}: office {raw['office']!r}: '{office[bound]}' is not a date")
            office[bound] = None
    return office


def load_records(directory: Path | None = None) -> Records:
    """Read and validate every record file in ``directory`` (the bundled records by default)."""
    directory = directory or records_dir()
    problems: list[str] = []
    records = Records()
    if not directory.is_dir():
        raise RecordError([f"{directory}: the records folder is missing"])

    def collect(file_name: str, key: str, kind: str, target: list[dict]) -> None:
        path = directory / file_name
        if not path.exists():
            problems.append(f"{file_name}: missing")
            return
        data = _read(path, problems)
        for raw in data.get(key, []):
            rec = _normalise(kind, raw, file_name, problems)
            if rec is not None:
                target.append(rec)

    collect("declarations.toml", "declaration", "declaration", records.declarations)
    collect("events.toml", "event", "event", records.events)
    collect("treaties.toml", "treaty", "treaty", records.treaties)
    collect("institutions.toml", "institution", "institution", records.institutions)
    collect("themes.toml", "group", "group", records.groups)
    collect("themes.toml", "theme", "theme", records.themes)
    collect("people.toml", "person", "person", records.people)
    collect("documents.toml", "document", "document", records.documents)
    for path in sorted((directory / "summits").glob("*.toml")):
        raw = _read(path, problems).get("summit")
        rec = _normalise("summit", raw, f"summits/{path.name}", problems)
        if rec is not None:
            records.summits.append(rec)
    alias_path = directory / "aliases.toml"
    if alias_path.exists():
        for raw in _read(alias_path, problems).get("alias", []):
            terms = raw.get("terms") if isinstance(raw, dict) else None
            if (
                not isinstance(terms, list)
                or len(terms) < 2
                or not all(isinstance(t, str) and t.strip() for t in terms)
            ):
                problems.append(f"aliases.toml: an alias needs two or more terms: {raw!r}")
                continue
            records.aliases.append({"terms": terms, "note": raw.get("note")})

    records.source_dates = _source_dates(directory / "sources.toml", problems)
    records.summits.sort(key=lambda s: str(s.get("date", "")))
    records.declarations.sort(key=lambda d: str(d.get("date", "")))
    _validate(records, problems)
    if problems:
        raise RecordError(problems)
    return records


def _source_dates(path: Path, problems: list[str]) -> dict[str, str]:
    """``sources.toml``: ``[[source]]`` url, date (of publication), title — the sources whose date
    is not in their address."""
    if not path.exists():
        return {}
    dates: dict[str, str] = {}
    for raw in _read(path, problems).get("source", []):
        if not isinstance(raw, dict) or set(raw) - {"url", "date", "title"}:
            problems.append(f"sources.toml: a source has url, date and title: {raw!r}")
            continue
        url, value = raw.get("url"), raw.get("date")
        if not _is_web_address(url) or not parse_iso_date(value):
            problems.append(f"sources.toml: {url!r}: needs a web address and a real date")
        elif url in dates:
            problems.append(f"sources.toml: {url} listed twice")
        else:
            dates[url] = value
    return dates


def _is_web_address(url: object) -> bool:
    parts = urlparse(url) if isinstance(url, str) else None
    return bool(parts and parts.scheme in ("http", "https") and parts.netloc)


def record_urls(rec: dict) -> list[str]:
    """Every web address a record cites: its sources, its uncertain facts' and offices' sources,
    its document address and the page a document was published on."""
    urls = list(rec.get("sources", []))
    for item in rec.get("uncertain", []) + rec.get("offices", []):
        urls += item.get("sources", [])
    urls += [u for u in (rec.get("url"), rec.get("published_on")) if u is not None]
    return urls


def _walk_strings(value: object):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _walk_strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _walk_strings(item)


def _validate(records: Records, problems: list[str]) -> None:
    kinds: dict[str, str] = {}
    people = {p.get("id"): p for p in records.people}
    for kind, recs in records.by_kind().items():
        for rec in recs:
            rid = rec.get("id")
            label = f"{rec['_file']}: {kind} {rid}"
            if not isinstance(rid, str) or not ID_PATTERN.match(rid):
                problems.append(f"{label}: id must be lower case letters, digits and '-'")
                continue
            if rid in kinds:
                problems.append(f"{label}: id already used by a {kinds[rid]}")
            kinds[rid] = kind
            if rec.get("date") is not None and not parse_iso_date(rec["date"]):
                problems.append(f"{label}: '{rec['date']}' is not a real ISO date")
            for url in record_urls(rec):
                if not _is_web_address(url):
                    problems.append(f"{label}: '{url}' is not a web address")
            for key in ("in_force",):
                if rec.get(key) is not None and not parse_iso_date(rec[key]):
                    problems.append(f"{label}: '{rec[key]}' is not a real ISO date")
            for text in _walk_strings({k: v for k, v in rec.items() if k != "_file"}):
                if (_EMAIL.search(text) or _PHONE.search(text)) and not text.startswith("http"):
                    problems.append(f"{label}: looks like personal contact data: {text[:60]!r}")

    def expect(label: str, ref: object, wanted: str) -> None:
        if kinds.get(ref) != wanted:  # type: ignore[arg-type]
            problems.append(f"{label}: '{ref}' is not a known {wanted}")

    for kind, recs in records.by_kind().items():
        for rec in recs:
            label = f"{rec['_file']}: {kind} {rec.get('id')}"
            for ref in rec.get("themes", []) if kind != "summit" else []:
                expect(label, ref, "theme")
            for ref in rec.get("documents", []):
                expect(label, ref, "document")
            if kind in ("event", "document") and rec.get("summit"):
                expect(label, rec["summit"], "summit")
            if kind == "group" and rec.get("parent"):
                expect(label, rec["parent"], "group")
            if kind == "theme":
                for ref in rec["groups"]:
                    expect(label, ref, "group")
            if kind == "person" and rec.get("side") not in SIDES:
                problems.append(f"{label}: side must be one of {', '.join(SIDES)}")
            if kind in PARTICIPATING_KINDS:
                _validate_participants(rec, label, expect, people, problems)
            if kind == "summit":
                _validate_summit(rec, label, expect, problems)


def _validate_participants(
    rec: dict, label: str, expect, people: dict[str, dict], problems: list[str]
) -> None:
    """Each participant is a known person, once, with a side and the office they held on the
    record's date: one of the person's offices whose dates cover it."""
    seen: set[str] = set()
    for part in rec["participants"]:
        if not isinstance(part, dict):
            problems.append(f"{label}: a participant must be a table")
            continue
        who = part.get("person")
        expect(label, who, "person")
        for name in set(part) - {"person", "role", "side"}:
            problems.append(f"{label}: participant {who}: unknown field '{name}'")
        if part.get("side") not in ("VL", "NL"):
            problems.append(f"{label}: participant {who}: side must be VL or NL")
        if not part.get("role"):
            problems.append(f"{label}: participant {who}: missing role")
        elif who in people and not office_held(people[who], part["role"], rec.get("date")):
            problems.append(
                f"{label}: participant {who}: '{part['role']}' is not an office of theirs "
                f"on {rec.get('date')}"
            )
        if who in seen:
            problems.append(f"{label}: participant {who} listed twice")
        seen.add(who)


def office_held(person: dict, office: str, when: str | None) -> bool:
    """True if ``person`` held ``office`` at the date ``when`` (any overlap of the spans)."""
    for held in person.get("offices", []):
        if held["office"] != office:
            continue
        if when is None or not parse_iso_date(when):
            return True
        start, end = date_span(when)
        if held["from"] and date_span(held["from"])[0] > end:
            continue
        if held["until"] and date_span(held["until"])[1] < start:
            continue
        return True
    return False


def _validate_summit(rec: dict, label: str, expect, problems: list[str]) -> None:
    if not isinstance(rec.get("number"), int):
        problems.append(f"{label}: number must be an integer")
    seen: set[str] = set()
    for link in rec["themes"]:
        if not isinstance(link, dict):
            problems.append(f"{label}: a theme link must be a table")
            continue
        expect(label, link.get("theme"), "theme")
        if link.get("relation") not in RELATIONS:
            problems.append(
                f"{label}: theme {link.get('theme')}: relation must be one of {', '.join(RELATIONS)}"
            )
        if link.get("theme") in seen:
            problems.append(f"{label}: theme {link.get('theme')} listed twice")
        seen.add(link.get("theme"))
