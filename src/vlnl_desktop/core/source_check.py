"""The source check: is every fact of the records backed by a source that could report it?

Three rules, each finding one line:
- every record names at least one source;
- every web address a record cites is well formed and on the host list kept in the records' README
  (a section "## Hosts" with one host per bullet);
- no fact of a record is dated after its sources: when every source of a record has a known date,
  neither the record's own dates nor a date written in its text ("8 december 2017", "januari 2018")
  may lie after the latest of them (a communiqué of 2016 cannot report a merger of 2017). A date a
  record itself marks uncertain (``uncertain`` with ``field = "date"``) is not held against it.

A source's date comes from ``sources.toml`` or from its address (``/2016/11/07/``, ``/20230131/``,
``/2018/11/``); a page without either (a living page) has none, and the third rule then says nothing.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlparse

from vlnl_desktop.core.dates import MONTHS_NL
from vlnl_desktop.core.records import Records, date_span, parse_iso_date, record_urls

_MONTH = "|".join(MONTHS_NL)
_DAY_DATE = re.compile(rf"\b(\d{{1,2}}) ({_MONTH}) (\d{{4}})\b")
_MONTH_DATE = re.compile(rf"(?<!\d )\b({_MONTH}) (\d{{4}})\b")
_URL_DAY = re.compile(r"/((?:19|20)\d\d)/(\d\d)/(\d\d)(?:/|$)")
_URL_COMPACT_DAY = re.compile(r"/((?:19|20)\d\d)(\d\d)(\d\d)(?:/|$)")
_URL_MONTH = re.compile(r"/((?:19|20)\d\d)/(\d\d)(?:/|$)")
_TEXT_FIELDS = ("summary", "details", "decisions")


def allowed_hosts(readme: Path) -> set[str]:
    """The hosts listed under "## Hosts" in the records' README, without a leading ``www.``."""
    hosts: set[str] = set()
    in_section = False
    for line in readme.read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            in_section = line.strip().lower() == "## hosts"
        elif in_section and line.startswith("- "):
            hosts.add(line[2:].strip().strip("`").removeprefix("www."))
    return hosts


def source_date(url: str, known: dict[str, str]) -> str | None:
    """The publication date of a source: from ``sources.toml``, else from its address."""
    if url in known:
        return known[url]
    path = urlparse(url).path
    for pattern in (_URL_DAY, _URL_COMPACT_DAY):
        found = pattern.search(path)
        if found and parse_iso_date("-".join(found.groups())):
            return "-".join(found.groups())
    found = _URL_MONTH.search(path)
    if found and parse_iso_date("-".join(found.groups())):
        return "-".join(found.groups())
    return None


def text_dates(text: str) -> list[str]:
    """The dates of day or month precision written out in a Dutch sentence, as ISO text."""
    dates = []
    for day, month, year in _DAY_DATE.findall(text):
        dates.append(f"{year}-{MONTHS_NL.index(month) + 1:02d}-{int(day):02d}")
    for month, year in _MONTH_DATE.findall(text):
        dates.append(f"{year}-{MONTHS_NL.index(month) + 1:02d}")
    return [d for d in dates if parse_iso_date(d)]


def fact_dates(rec: dict) -> list[tuple[str, str]]:
    """(date, where) for every dated fact of a record: its own dates and those in its text."""
    doubted = {u["field"] for u in rec.get("uncertain", []) if isinstance(u, dict)}
    found = [
        (rec[key], key)
        for key in ("date", "in_force")
        if rec.get(key) and key not in doubted and parse_iso_date(rec[key])
    ]
    for key in _TEXT_FIELDS:
        value = rec.get(key)
        for text in value if isinstance(value, list) else [value] if value else []:
            found += [(d, f"{key}: {text[:50]}…") for d in text_dates(text)]
    return found


def check_sources(records: Records, hosts: set[str]) -> list[str]:
    """Every finding of the three rules, one line each; none means every record passes."""
    problems: list[str] = []
    for kind, recs in records.by_kind().items():
        for rec in recs:
            label = f"{kind} {rec['id']}"
            if not rec.get("sources"):
                problems.append(f"{label}: no source")
            for url in record_urls(rec):
                parts = urlparse(url)
                if parts.scheme not in ("http", "https") or not parts.hostname:
                    problems.append(f"{label}: '{url}' is not a web address")
                elif parts.hostname.removeprefix("www.") not in hosts:
                    problems.append(f"{label}: {parts.hostname} is not on the host list")
            problems += _dated_after_sources(label, rec, records.source_dates)
    return problems


def _dated_after_sources(label: str, rec: dict, known: dict[str, str]) -> list[str]:
    dates = [source_date(url, known) for url in rec.get("sources", [])]
    if not dates or None in dates:
        return []
    latest = max(date_span(d)[1] for d in dates if d)
    return [
        f"{label}: {value} ({where}) is after its latest source ({latest})"
        for value, where in fact_dates(rec)
        if date_span(value)[0] > latest
    ]
