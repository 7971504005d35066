"""Dates of day, month or year precision, written out in Dutch."""

from __future__ import annotations

MONTHS_NL = (
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
)  # fmt: skip


def format_date_nl(value: str | None) -> str:
    """``"2016-11-07"`` -> ``"7 november 2016"``; ``"2016-01"`` -> ``"januari 2016"``; None -> ``""``."""
    if not value:
        return ""
    parts = value.split("-")
    if len(parts) == 1:
        return parts[0]
    month = MONTHS_NL[int(parts[1]) - 1]
    if len(parts) == 2:
        return f"{month} {parts[0]}"
    return f"{int(parts[2])} {month} {parts[0]}"
